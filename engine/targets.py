"""Target curves for the sine-fit tab, each a function of x ∈ [0, 1]."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


def sine_data(samples: int = 1000) -> tuple[np.ndarray, np.ndarray]:
    """NNFS's ``sine_data``: x = arange(n)/n and y = sin(2πx), both shape (n, 1)."""
    X = np.arange(samples).reshape(-1, 1) / samples
    return X, np.sin(2 * np.pi * X).reshape(-1, 1)


def _triangle(x: np.ndarray) -> np.ndarray:
    # One period on [0, 1], in phase with the sine: 0 → 1 → 0 → −1 → 0.
    return 4.0 * np.abs(np.mod(x - 0.25, 1.0) - 0.5) - 1.0


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    fn: Callable[[np.ndarray], np.ndarray]


TARGETS: dict[str, Target] = {t.key: t for t in (
    Target("sine", "sin(2πx)", lambda x: np.sin(2 * np.pi * np.asarray(x, dtype=float))),
    Target("cosine", "cos(2πx)", lambda x: np.cos(2 * np.pi * np.asarray(x, dtype=float))),
    Target("abs", "|2x − 1|", lambda x: np.abs(2 * np.asarray(x, dtype=float) - 1)),
    Target("step", "step at x = 0.5", lambda x: (np.asarray(x, dtype=float) >= 0.5).astype(float)),
    Target("square", "square wave",
           lambda x: np.where(np.asarray(x, dtype=float) < 0.5, 1.0, -1.0)),
    Target("triangle", "triangle wave", lambda x: _triangle(np.asarray(x, dtype=float))),
)}


def sketch_target(points_x, points_y, x) -> np.ndarray:
    """A hand-drawn target: the sketched points, sorted by x, linearly
    interpolated at ``x`` (flat beyond the first and last point)."""
    px = np.asarray(points_x, dtype=float)
    py = np.asarray(points_y, dtype=float)
    if px.size == 0 or px.shape != py.shape or not (np.all(np.isfinite(px))
                                                     and np.all(np.isfinite(py))):
        raise ValueError("a sketch needs matching, finite x and y points")
    order = np.argsort(px, kind="stable")
    return np.interp(np.asarray(x, dtype=float), px[order], py[order])


def merge_sketch(points_x, points_y, stroke_x, stroke_y) -> tuple[np.ndarray, np.ndarray]:
    """A sketch after one more stroke: the old points under the stroke's x span
    are replaced by the stroke, so redrawing a stretch corrects it. Returns the
    points sorted by x."""
    px, py = np.asarray(points_x, dtype=float), np.asarray(points_y, dtype=float)
    sx, sy = np.asarray(stroke_x, dtype=float), np.asarray(stroke_y, dtype=float)
    if px.shape != py.shape or sx.shape != sy.shape or sx.size == 0:
        raise ValueError("a sketch and its stroke need matching x and y points")
    if not (np.all(np.isfinite(sx)) and np.all(np.isfinite(sy))):
        raise ValueError("a stroke needs finite x and y points")
    keep = (px < sx.min()) | (px > sx.max())
    x = np.concatenate([px[keep], sx])
    y = np.concatenate([py[keep], sy])
    order = np.argsort(x, kind="stable")
    return x[order], y[order]
