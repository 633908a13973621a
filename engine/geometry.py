"""Plane geometry shared by the views of a neuron with two inputs: where the
line w1·x + w2·y + b = 0 (a perceptron's decision line, a ReLU's kink line)
crosses a drawing box."""

from __future__ import annotations

import math

import numpy as np

Box = tuple[float, float, float, float]  # (x_min, x_max, y_min, y_max)


def check_box(box) -> Box:
    """``box`` as four floats; a ValueError unless it is finite with
    x_min < x_max and y_min < y_max."""
    x_min, x_max, y_min, y_max = (float(v) for v in box)
    if not (math.isfinite(x_min + x_max + y_min + y_max) and x_min < x_max and y_min < y_max):
        raise ValueError(f"the box must be finite with x_min < x_max and y_min < y_max, "
                         f"not {tuple(box)}")
    return x_min, x_max, y_min, y_max


def box_corners(box) -> np.ndarray:
    """Corners of ``box``, shape (4, 2), anticlockwise from (x_min, y_min)."""
    x_min, x_max, y_min, y_max = check_box(box)
    return np.array([(x_min, y_min), (x_max, y_min), (x_max, y_max), (x_min, y_max)])


def line_in_box(w1: float, w2: float, b: float, box) -> np.ndarray | None:
    """End points, shape (2, 2), of the part of w1·x + w2·y + b = 0 inside
    ``box`` = (x_min, x_max, y_min, y_max); None when there is no line
    (w1 = w2 = 0: the sum is b everywhere), or it misses the box, or it only
    touches a corner. Non-finite numbers are a ValueError.

    Liang–Barsky: walk the line from its point nearest the origin and keep
    the parameter range for which x and y are both inside. Plain floats,
    because a view calls this for every neuron on every frame."""
    x_min, x_max, y_min, y_max = check_box(box)
    w1, w2, b = float(w1), float(w2), float(b)
    if not math.isfinite(w1 + w2 + b):
        raise ValueError("weights and bias must be finite numbers")
    norm = math.hypot(w1, w2)
    if norm == 0.0:
        return None
    nx, ny = w1 / norm, w2 / norm
    offset = -b / norm
    foot = (offset * nx, offset * ny)  # the line's point nearest the origin
    direction = (-ny, nx)
    if not math.isfinite(foot[0] + foot[1]):  # |b| / |w| overflows: far outside any box
        return None
    low, high = -math.inf, math.inf
    for start, step, lo_edge, hi_edge in ((foot[0], direction[0], x_min, x_max),
                                          (foot[1], direction[1], y_min, y_max)):
        if step == 0.0:
            if not lo_edge <= start <= hi_edge:
                return None
            continue
        t1, t2 = (lo_edge - start) / step, (hi_edge - start) / step
        low, high = max(low, min(t1, t2)), min(high, max(t1, t2))
    if not high - low > 1e-12 * (1.0 + abs(low) + abs(high)):
        return None
    return np.array([(foot[0] + low * direction[0], foot[1] + low * direction[1]),
                     (foot[0] + high * direction[0], foot[1] + high * direction[1])])
