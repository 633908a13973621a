"""Checks for the settings a tab reads back from a saved session or a file.

Each tab keeps its own ``LIMITS`` (inclusive ``(low, high)`` per setting name,
shared with its spin boxes); these checks apply them alike everywhere.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np


def checked_int(name: str, value, limits: Mapping[str, tuple[int, int]]) -> int:
    """``value`` as an int, if it is a whole number within ``limits[name]``;
    else ``ValueError`` naming the setting."""
    low, high = limits[name]
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise ValueError(f"{name} must be a whole number, not {value!r}")
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, not {value}")
    return int(value)


def checked_float(name: str, value, limits: Mapping[str, tuple[float, float]]) -> float:
    """``value`` as a float, if it is a number within ``limits[name]``; else
    ``ValueError`` naming the setting."""
    low, high = limits[name]
    if isinstance(value, bool) or not isinstance(value, int | float | np.number):
        raise ValueError(f"{name} must be a number, not {value!r}")
    if not low <= value <= high:  # also rejects NaN
        raise ValueError(f"{name} must be between {low:g} and {high:g}, not {value}")
    return float(value)


def checked_params(values, names: Sequence[str], limit: float, key: str | None = None
                   ) -> np.ndarray:
    """``values`` as a float vector for the parameters ``names``, each a finite
    number within ±``limit`` (the sliders' range); else ``ValueError`` naming
    the first bad one, after ``key:`` when the values come from a state key."""
    prefix = f"{key}: " if key else ""
    if not isinstance(values, list | tuple | np.ndarray):
        raise ValueError(f"{prefix}the parameters must be a list of numbers")
    if len(values) != len(names):
        raise ValueError(f"{prefix}{len(values)} numbers, the network needs {len(names)}")
    for name, value in zip(names, values, strict=True):
        if isinstance(value, bool) or not isinstance(value, int | float | np.number):
            raise ValueError(f"{prefix}{name} is {value!r}, not a number")
        try:
            number = float(value)
        except OverflowError:  # an integer too large for a float
            number = math.inf
        if not abs(number) <= limit:  # also NaN
            raise ValueError(f"{prefix}{name} = {number:g} is outside the sliders' range "
                             f"−{limit:g} … {limit:g}")
    return np.array(values, dtype=float)
