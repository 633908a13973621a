"""One way to turn the ``rng`` arguments of the engine into a random source."""

from __future__ import annotations

import numpy as np

RandomSource = int | np.random.Generator | np.random.RandomState | None


def as_generator(rng: RandomSource) -> np.random.Generator | np.random.RandomState:
    """An int seed or ``None`` becomes a new ``Generator``; a ``Generator`` or a
    legacy ``RandomState`` is used as it is, so that ``RandomState(s)`` replays
    the posts' ``np.random.seed(s)`` code draw for draw."""
    if isinstance(rng, np.random.Generator | np.random.RandomState):
        return rng
    if rng is None or isinstance(rng, int | np.integer):
        return np.random.default_rng(rng)
    raise TypeError(f"rng must be an int seed, a numpy Generator or RandomState, not {rng!r}")
