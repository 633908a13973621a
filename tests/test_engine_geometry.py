"""engine.geometry: the one line-in-box clipper behind the gates tab's
decision line (engine.perceptron.decision_line) and the spiral tab's ReLU
lines (engine.network.relu_lines)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.geometry import box_corners, check_box, line_in_box
from engine.network import Classifier, relu_lines
from engine.perceptron import decision_line

BOX = (-0.5, 1.5, -0.5, 1.5)
SQUARE = (-1.0, 1.0, -1.0, 1.0)


def _ends(line) -> list[tuple[float, float]]:
    return sorted(map(tuple, np.round(line, 12).tolist()))


@pytest.mark.parametrize(("w1", "w2", "b", "expected"), [
    (1.0, 0.0, -0.5, [(0.5, -1.0), (0.5, 1.0)]),  # vertical
    (0.0, -2.0, 1.0, [(-1.0, 0.5), (1.0, 0.5)]),  # horizontal
    (1.0, -1.0, 0.0, [(-1.0, -1.0), (1.0, 1.0)]),  # the diagonal, corner to corner
    (1.0, 1.0, -1.0, [(0.0, 1.0), (1.0, 0.0)]),  # cuts a corner off
    (2.0, 1.0, 0.0, [(-0.5, 1.0), (0.5, -1.0)]),  # top edge to bottom edge
])
def test_known_lines(w1, w2, b, expected):
    assert _ends(line_in_box(w1, w2, b, SQUARE)) == expected


@pytest.mark.parametrize(("w1", "w2", "b"), [
    (0.0, 0.0, 1.0), (0.0, 0.0, 0.0),  # no line: the sum is b everywhere
    (1.0, 0.0, -5.0),  # x = 5, outside
    (1.0, 1.0, -2.0),  # touches the corner (1, 1) only
    (1e-310, 0.0, 1.0),  # |b| / |w| overflows: infinitely far
])
def test_no_segment(w1, w2, b):
    assert line_in_box(w1, w2, b, SQUARE) is None


@pytest.mark.parametrize("args", [
    (math.inf, 1.0, 0.0, SQUARE), (1.0, math.nan, 0.0, SQUARE), (1.0, 1.0, math.inf, SQUARE),
    (1.0, 1.0, 0.0, (1.0, 0.0, 0.0, 1.0)), (1.0, 1.0, 0.0, (0.0, 1.0, 0.0, math.inf)),
    (1.0, 1.0, 0.0, (0.0, 0.0, 0.0, 1.0)),
])
def test_bad_numbers_are_a_value_error(args):
    with pytest.raises(ValueError):
        line_in_box(*args)


def test_box_helpers():
    assert check_box([0, 1, 2, 3]) == (0.0, 1.0, 2.0, 3.0)
    np.testing.assert_array_equal(box_corners(BOX),
                                  [(-0.5, -0.5), (1.5, -0.5), (1.5, 1.5), (-0.5, 1.5)])


weights = st.floats(-3, 3, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(weights, weights, weights)
def test_the_segment_is_the_whole_chord(w1, w2, b):
    """Both ends lie on the line and on the box's edge, and the box holds
    every point between them: the segment is exactly the line's part inside."""
    line = line_in_box(w1, w2, b, SQUARE)
    if line is None:  # then no two corners lie strictly on opposite sides
        sums = box_corners(SQUARE) @ np.array([w1, w2]) + b
        assert not (sums.min() < -1e-9 and sums.max() > 1e-9)
        return
    scale = 1.0 + abs(b) / max(math.hypot(w1, w2), 1e-300)
    for x, y in line:
        assert abs(w1 * x + w2 * y + b) <= 1e-9 * scale * max(1.0, math.hypot(w1, w2))
        assert max(abs(x), abs(y)) == pytest.approx(1.0, abs=1e-9)
    for t in np.linspace(0, 1, 11):
        x, y = (1 - t) * line[0] + t * line[1]
        assert max(abs(x), abs(y)) <= 1.0 + 1e-9


@settings(max_examples=100, deadline=None)
@given(weights, weights, weights)
def test_the_gates_and_spiral_tabs_draw_the_same_line(w1, w2, b):
    net = Classifier(2, (1,), 2)
    net.set_flat([w1, w2, b, 0.0, 0.0, 0.0, 0.0])
    segments, _ = relu_lines(net, BOX)
    line = line_in_box(w1, w2, b, BOX)
    if line is None:
        assert decision_line(w1, w2, b, BOX) is None
        assert np.all(np.isnan(segments[0]))
    else:
        np.testing.assert_array_equal(decision_line(w1, w2, b, BOX), line)
        np.testing.assert_array_equal(segments[0], line.ravel())
