"""Checks for the settings a tab reads back from a saved session or a file.

Each tab keeps its own ``LIMITS`` (inclusive ``(low, high)`` per setting name,
shared with its spin boxes); these checks apply them alike everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping

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
