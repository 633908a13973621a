"""The data sets of the posts: post 000's beans and NNFS's spiral."""

from __future__ import annotations

import numpy as np

from engine.rng import RandomSource, as_generator


def get_beans(counts: int, rng: RandomSource = None) -> tuple[np.ndarray, np.ndarray]:
    """Post 000's ``get_beans``: sorted uniform sizes, then one uniform draw per
    bean *in sorted order*; toxic (1) where 0.7·x + (0.5 − u)/50 + 0.5 > 0.8.

    With ``rng=np.random.RandomState(s)`` this equals the post's code run after
    ``np.random.seed(s)``, bit for bit: the draws come in the same order and
    the arithmetic is the same, element by element."""
    if counts < 1:
        raise ValueError(f"need at least one bean, got {counts}")
    gen = as_generator(rng)
    xs = np.sort(gen.random(counts))
    noise = gen.random(counts)
    ys = (0.7 * xs + (0.5 - noise) / 50 + 0.5 > 0.8).astype(float)
    return xs, ys


def add_beans(xs, ys, extra) -> tuple[np.ndarray, np.ndarray]:
    """New arrays: the beans ``xs, ys`` plus ``extra`` ((size, label) pairs,
    size in [0, 1], label 0 or 1), each put in size order after any bean of
    the same size, so the post's in-order loop meets it where it belongs."""
    xs = np.asarray(xs, dtype=float)
    ys = np.asarray(ys, dtype=float)
    for size, label in extra:
        size = float(size)
        if not 0.0 <= size <= 1.0:  # also False for NaN
            raise ValueError(f"a bean's size must be between 0 and 1, not {size}")
        if label not in (0, 1):
            raise ValueError(f"a bean is toxic (1) or not (0), not {label!r}")
        at = int(np.searchsorted(xs, size, side="right"))
        xs, ys = np.insert(xs, at, size), np.insert(ys, at, float(label))
    return xs, ys


def spiral_data(samples: int, classes: int, rng: RandomSource = None
                ) -> tuple[np.ndarray, np.ndarray]:
    """NNFS's spiral: for class c, r = linspace(0, 1), θ = linspace(4c, 4c+4)
    + 0.2·N(0, 1), point (r·sin 2.5θ, r·cos 2.5θ). Rows are grouped by class."""
    if samples < 1 or classes < 1:
        raise ValueError("spiral_data needs samples ≥ 1 and classes ≥ 1")
    gen = as_generator(rng)
    X = np.zeros((samples * classes, 2))
    y = np.zeros(samples * classes, dtype=np.uint8)
    for c in range(classes):
        rows = slice(samples * c, samples * (c + 1))
        r = np.linspace(0.0, 1, samples)
        t = np.linspace(c * 4, (c + 1) * 4, samples) + gen.standard_normal(samples) * 0.2
        X[rows] = np.c_[r * np.sin(t * 2.5), r * np.cos(t * 2.5)]
        y[rows] = c
    return X, y
