"""The spiral classifier tab (issue 9) and the engine functions it stands on.

Engine: ``Classifier`` (softmax rows, gradients, the post's demo numbers),
``class_map``, ``grid_points``, ``relu_lines``, ``readable_random_params`` and
``train_classifier_steps``. GUI: ``SpiralTab`` driven as a learner would,
with what it shows compared against the engine computed independently.
"""

import json
import math
import re

import numpy as np
import pytest
from helpers import central_difference, find_child
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import losses, optim
from engine.datasets import spiral_data
from engine.network import (
    Classifier,
    class_map,
    grid_points,
    readable_random_params,
    relu_lines,
)
from engine.optim import Adam, train_classifier_steps, train_steps
from engine.serialization import save_params
from gui.common.plotting import PALETTE

BOX = (-1.0, 1.0, -1.0, 1.0)
# NNFS chapter 4 prints softmax_output[:5] of its spiral(100, 3) → Dense(2,3) →
# ReLU → Dense(3,3) → Softmax demo after nnfs.init() (seed 0, float32 dot).
NNFS_FIRST_ROWS = np.array([
    [0.33333334, 0.33333334, 0.33333334],
    [0.33333316, 0.3333332, 0.33333364],
    [0.33333287, 0.3333329, 0.33333418],
    [0.3333326, 0.33333263, 0.33333477],
    [0.33333233, 0.3333324, 0.33333528],
])
FLOAT32_ULP_AT_THIRD = 3e-8


def _random_classifier(seed, hidden=(3,), n_classes=3, scale=1.0):
    net = Classifier(2, hidden, n_classes)
    net.set_flat(scale * np.random.default_rng(seed).standard_normal(net.n_params))
    return net


# --- engine: Classifier ------------------------------------------------------

@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), hidden=st.integers(1, 8), n_classes=st.integers(2, 6),
       scale=st.floats(0.01, 30.0))
def test_predict_proba_rows_sum_to_one(seed, hidden, n_classes, scale):
    net = _random_classifier(seed, (hidden,), n_classes, scale)
    X = np.random.default_rng(seed + 1).uniform(-1, 1, (40, 2))
    proba = net.predict_proba(X)
    assert proba.shape == (40, n_classes)
    assert np.all(proba >= 0) and np.allclose(proba.sum(axis=1), 1.0)
    np.testing.assert_array_equal(net.predict(X), np.argmax(proba, axis=1))


@pytest.mark.parametrize("hidden", [(3,), (4, 5)])
def test_classifier_gradient_matches_central_differences(hidden):
    X, y = spiral_data(8, 3, rng=1)
    # Moderate weights: a probability clipped at 1e−7 by the loss would have
    # a flat numerical gradient that the analytic (ŷ − t)/B does not share.
    net = _random_classifier(2, hidden, scale=0.5)
    theta = net.get_flat()
    assert net.predict_proba(X).min() > 1e-5

    def loss_at(values):
        probe = Classifier(2, hidden, 3)
        probe.set_flat(values)
        return losses.categorical_cross_entropy(probe.predict_proba(X), y)

    loss, grad = net.loss_and_gradient(X, y)
    assert loss == pytest.approx(loss_at(theta))
    np.testing.assert_allclose(grad, central_difference(loss_at, theta), atol=1e-7)


def test_post_demo_first_rows_are_a_third_each():
    """spiral_data and the Classifier drawn from one RandomState(0), as the
    post's code after nnfs.init(); our float64 maths matches its float32 print."""
    rs = np.random.RandomState(0)
    X, _ = spiral_data(100, 3, rs)
    proba = Classifier(rng=rs).predict_proba(X)[:5]
    np.testing.assert_allclose(proba, NNFS_FIRST_ROWS, rtol=0, atol=2 * FLOAT32_ULP_AT_THIRD)
    np.testing.assert_array_equal(proba[0], np.full(3, 1 / 3))  # X[0] is (0, 0)


def test_loss_accuracy_and_gradient_is_one_forward_pass_of_both():
    X, y = spiral_data(20, 3, rng=3)
    net = _random_classifier(4, (5,))
    loss, acc, grad = net.loss_accuracy_and_gradient(X, y)
    expected_loss, expected_grad = net.loss_and_gradient(X, y)
    assert loss == expected_loss
    assert acc == losses.accuracy(net.predict_proba(X), y)
    np.testing.assert_array_equal(grad, expected_grad)


# --- engine: the plane, cell by cell -------------------------------------------

def test_grid_points_are_cell_centres_x_major():
    points = grid_points((-1.0, 1.0, 0.0, 4.0), 4)
    assert points.shape == (16, 2)
    np.testing.assert_allclose(points[:4], [[-0.75, 0.5], [-0.75, 1.5], [-0.75, 2.5],
                                            [-0.75, 3.5]])
    np.testing.assert_allclose(points[4::4, 0], [-0.25, 0.25, 0.75])


@pytest.mark.parametrize("extent, cells", [((1, -1, -1, 1), 10), ((-1, 1, 0, 0), 10),
                                           ((-1, math.nan, -1, 1), 10), (BOX, 0)])
def test_grid_points_rejects_bad_boxes(extent, cells):
    with pytest.raises(ValueError):
        grid_points(extent, cells)


@pytest.mark.parametrize("hidden, n_classes", [((3,), 3), ((64,), 3), ((8,), 6), ((5, 4), 4)])
def test_class_map_is_predict_and_max_probability_per_cell(hidden, n_classes):
    net = _random_classifier(7, hidden, n_classes, scale=2.0)
    classes, confidence = class_map(net, BOX, 60)
    proba = net.predict_proba(grid_points(BOX, 60))
    assert classes.shape == confidence.shape == (60, 60)
    np.testing.assert_allclose(confidence.ravel(), proba.max(axis=1), rtol=1e-5)
    # float32 may only flip a near tie between the two best classes
    top2 = np.sort(proba, axis=1)[:, -2:]
    differ = classes.ravel() != proba.argmax(axis=1)
    assert np.all(top2[differ, 1] - top2[differ, 0] < 1e-5)
    assert differ.mean() < 0.001


def test_class_map_from_the_hidden_maps_is_the_class_map_and_reuses_its_buffers():
    from engine.hidden import class_map_from_hidden, hidden_maps

    net = Classifier(2, (16, 8), 4)
    net.set_flat(readable_random_params(net, np.random.default_rng(3)))
    maps = hidden_maps(net, BOX, 60)
    classes, confidence = class_map_from_hidden(net, maps)
    expected, expected_confidence = class_map(net, BOX, 60)
    np.testing.assert_allclose(confidence, expected_confidence, rtol=1e-5)
    sure = expected_confidence > 0.55
    np.testing.assert_array_equal(classes[sure], expected[sure])
    net.set_param("b1_0", 0.5)
    again = hidden_maps(net, BOX, 60, out=maps)
    assert all(a is not b and np.shares_memory(a, b) for a, b in zip(again, maps, strict=True))
    np.testing.assert_array_equal(again[0], hidden_maps(net, BOX, 60)[0])


def test_class_map_of_the_post_start_is_nearly_flat():
    rs = np.random.RandomState(0)
    spiral_data(100, 3, rs)
    _, confidence = class_map(Classifier(rng=rs))
    assert np.all(np.abs(confidence - 1 / 3) < 1e-4)


def test_class_map_needs_two_inputs():
    with pytest.raises(ValueError, match="2-input"):
        class_map(Classifier(n_inputs=3))
    with pytest.raises(ValueError, match="2-input"):
        relu_lines(Classifier(n_inputs=1))


def test_relu_lines_lie_on_the_line_and_the_box_edge():
    net = _random_classifier(11, (12,), 3, scale=0.5)
    segments, normals = relu_lines(net, BOX)
    W, b = net.layers[0].weights, net.layers[0].biases[0]
    drawn = np.all(np.isfinite(segments), axis=1)
    assert drawn.sum() >= 6
    for j in np.flatnonzero(drawn):
        for x, y in segments[j].reshape(2, 2):
            assert W[0, j] * x + W[1, j] * y + b[j] == pytest.approx(0.0, abs=1e-9)
            assert max(abs(x), abs(y)) == pytest.approx(1.0)  # on the box edge
        mid = segments[j].reshape(2, 2).mean(axis=0)
        active = mid + 0.01 * normals[j]
        assert W[:, j] @ active + b[j] > 0  # the normal points to the active side
    for j in np.flatnonzero(~drawn):  # a line that misses the box: |b|/|w| > corner
        assert abs(b[j]) / np.hypot(*W[:, j]) > 1.0 - 1e-9


def test_relu_lines_missing_or_flat_are_nan():
    net = Classifier(2, (3,), 2)
    net.set_flat(np.zeros(net.n_params))
    net.set_param("w1_0_0", 1.0)
    net.set_param("b1_0", -0.5)  # x = 0.5: a vertical line
    net.set_param("w1_1_1", 1.0)
    net.set_param("b1_1", 5.0)  # y = −5: outside the box
    segments, normals = relu_lines(net, BOX)
    np.testing.assert_allclose(sorted(segments[0].reshape(2, 2).tolist()),
                               [[0.5, -1.0], [0.5, 1.0]])
    np.testing.assert_allclose(normals[0], [1.0, 0.0])
    assert np.all(np.isnan(segments[1])) and np.allclose(normals[1], [0.0, 1.0])
    assert np.all(np.isnan(segments[2])) and np.all(np.isnan(normals[2]))  # w = 0


def test_relu_lines_for_chosen_neurons_are_those_rows():
    net = _random_classifier(12, (9,), 3, scale=0.5)
    segments, normals = relu_lines(net, BOX)
    some, some_normals = relu_lines(net, BOX, [7, 2])
    np.testing.assert_array_equal(some, segments[[7, 2]])
    np.testing.assert_array_equal(some_normals, normals[[7, 2]])
    assert relu_lines(net, BOX, [])[0].shape == (0, 4)


def test_readable_random_params_are_rounded_large_and_cross_the_data():
    net = Classifier(2, (32,), 3)
    values = readable_random_params(net, np.random.default_rng(5))
    assert values.shape == (net.n_params,)
    np.testing.assert_array_equal(values, np.round(values, 2))
    np.testing.assert_array_equal(values, readable_random_params(net, np.random.default_rng(5)))
    net.set_flat(values)
    W, b = net.layers[0].weights, net.layers[0].biases[0]
    assert 1.0 < np.std(W) < 4.0  # ≈ 200× the post's 0.01·randn
    distance = np.abs(b) / np.hypot(W[0], W[1])  # from the origin to each ReLU line
    assert np.all(distance <= 0.6 * math.sqrt(2) + 0.05)
    np.testing.assert_array_equal(net.layers[1].biases, 0.0)


def test_train_classifier_steps_records_both_and_matches_train_steps():
    X, y = spiral_data(30, 3, rng=2)
    a, b = _random_classifier(3, (8,)), _random_classifier(3, (8,))
    chunk = train_classifier_steps(a, X, y, Adam(0.02), 25)
    expected_losses = train_steps(b, X, y, Adam(0.02), 25)
    assert chunk.error is None and chunk.reason is None
    np.testing.assert_allclose(chunk.losses, expected_losses)
    np.testing.assert_array_equal(a.get_flat(), b.get_flat())
    assert len(chunk.accuracies) == 25 and all(0 <= v <= 1 for v in chunk.accuracies)
    assert chunk.accuracies[0] == losses.accuracy(_random_classifier(3, (8,)).predict_proba(X), y)


def test_train_classifier_steps_stops_before_a_weight_passes_the_limit():
    X, y = spiral_data(30, 3, rng=2)
    net = _random_classifier(3, (8,), scale=0.1)
    start = net.get_flat()
    assert np.max(np.abs(start)) < 0.5
    # Adam's first step moves every parameter by about lr = 1: past ±0.5
    chunk = train_classifier_steps(net, X, y, Adam(1.0), 10, max_abs=0.5)
    assert chunk.reason == optim.BEYOND_LIMIT and "beyond ±0.5" in chunk.error
    assert len(chunk.losses) == 0
    np.testing.assert_array_equal(net.get_flat(), start)


def test_train_classifier_steps_keeps_the_last_good_weights_on_nan():
    class Diverging(Adam):
        def step(self, params, grad, trainable=None):
            new = super().step(params, grad, trainable)
            return new * np.nan if self.t > 2 else new

    X, y = spiral_data(30, 3, rng=2)
    net = _random_classifier(3, (8,))
    chunk = train_classifier_steps(net, X, y, Diverging(0.01), 10)
    assert chunk.reason == optim.NON_FINITE_STEP and "diverged" in chunk.error
    assert len(chunk.losses) == 2 and np.all(np.isfinite(net.get_flat()))


# --- GUI helpers -----------------------------------------------------------------

@pytest.fixture
def tab(show_tab):
    from gui.spiral.tab import SpiralTab

    return show_tab(SpiralTab())


def _spin(tab, param):
    from PySide6.QtWidgets import QDoubleSpinBox

    return find_child(tab, QDoubleSpinBox, f"spiral_{param}_spin")


def _spin_params(tab):
    """A fresh Classifier of the tab's shape, filled from the spin boxes."""
    sizes = tab.classifier.sizes
    net = Classifier(sizes[0], sizes[1:-1], sizes[-1])
    net.set_flat([_spin(tab, name).value() for name in net.param_names()])
    return net


def _table(tab):
    from PySide6.QtWidgets import QTableWidget

    table = find_child(tab, QTableWidget, "spiralOutputTable")
    return np.array([[float(table.item(r, c).text()) for c in range(table.columnCount())]
                     for r in range(table.rowCount())])


def _label_text(tab, name):
    from PySide6.QtWidgets import QLabel

    return find_child(tab, QLabel, name).text()


def _accuracy_counts(tab):
    match = re.search(r"([\d.]+) % \((\d+) of (\d+) points\)",
                      _label_text(tab, "spiralAccuracyLabel"))
    assert match, _label_text(tab, "spiralAccuracyLabel")
    return float(match[1]), int(match[2]), int(match[3])


def _shown_loss(tab):
    return float(_label_text(tab, "spiralLossLabel").rsplit(" ", 1)[1])


def _image_classes(image, n_classes):
    """Per pixel, the palette class whose colour explains the pixel best as a
    blend from the white background, and the blend's strength."""
    d = image.astype(float) - 255.0
    best = np.full(image.shape[:2], np.inf)
    classes = np.zeros(image.shape[:2], dtype=int)
    strength = np.zeros(image.shape[:2])
    for c in range(n_classes):
        colour = np.array([int(PALETTE[c][k:k + 2], 16) for k in (1, 3, 5)]) - 255.0
        s = np.clip(d @ colour / (colour @ colour), 0, None)
        residual = np.linalg.norm(d - s[..., None] * colour, axis=-1)
        better = residual < best
        best[better], classes[better], strength[better] = residual[better], c, s[better]
    return classes, strength


def _type_into(spin, value):
    spin.setValue(value)  # what Enter after typing a number does


# --- GUI: contract, table, labels, map -------------------------------------------

def test_contract_names_and_defaults(tab):
    import pyqtgraph as pg
    from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QPushButton, QSpinBox

    assert tab.objectName() == "spiralTab" and tab.tab_title()
    samples = find_child(tab, QSpinBox, "spiralSamplesSpin")
    classes = find_child(tab, QSpinBox, "spiralClassesSpin")
    hidden = find_child(tab, QSpinBox, "spiralHiddenSpin")
    find_child(tab, QSpinBox, "spiralSeedSpin")
    find_child(tab, QSpinBox, "spiralStepsSpin")
    assert find_child(tab, QDoubleSpinBox, "spiralLrSpin").value() == pytest.approx(0.02)
    assert samples.value() == 100
    assert (classes.value(), classes.minimum(), classes.maximum()) == (3, 2, 6)
    assert (hidden.value(), hidden.maximum()) == (3, 64)
    assert find_child(tab, QPushButton, "spiralTrainButton").isCheckable()
    find_child(tab, QPushButton, "spiralRandomizeButton")
    assert find_child(tab, QCheckBox, "spiralLinesCheck").isChecked()
    assert find_child(tab, pg.PlotWidget, "spiralPlot") is tab.export_plot()
    find_child(tab, pg.PlotWidget, "spiralHistoryPlot")
    assert tab.weights_io() is tab
    assert tab.classifier.sizes == (2, 3, 3) and tab.X.shape == (300, 2)
    for name in tab.classifier.param_names():  # all 21, as the post's size
        assert _spin(tab, name).value() == pytest.approx(tab.classifier.get_param(name),
                                                         abs=5e-5)


def test_starts_as_the_post_with_a_nearly_flat_map(tab):
    rs = np.random.RandomState(0)
    X, y = spiral_data(100, 3, rs)
    np.testing.assert_array_equal(tab.X, X)
    np.testing.assert_array_equal(tab.y, y)
    np.testing.assert_allclose(_table(tab), NNFS_FIRST_ROWS, atol=1e-7)
    assert np.all(np.abs(tab.map_view.confidence - 1 / 3) < 1e-4)
    _, strength = _image_classes(tab.map_view.image.image, 3)
    assert strength.max() < 0.1  # the faintest tint everywhere


def test_table_equals_predict_proba_from_the_spin_boxes(tab):
    # At the post's start the spin boxes round 0.01·randn to 4 decimals.
    independent = _spin_params(tab).predict_proba(tab.X[:5])
    np.testing.assert_allclose(_table(tab), independent, atol=2e-6)
    # Randomised weights have 2 decimals: the spins hold them exactly.
    _find_button(tab, "spiralRandomizeButton").click()
    independent = _spin_params(tab).predict_proba(tab.X[:5])
    assert np.ptp(independent) > 0.05  # the columns differ: a swap would be seen
    np.testing.assert_allclose(_table(tab), independent, atol=6e-9)


def _find_button(tab, name):
    from PySide6.QtWidgets import QPushButton

    return find_child(tab, QPushButton, name)


def test_editing_a_spin_box_changes_the_map_and_the_table(tab, qtbot):
    _find_button(tab, "spiralRandomizeButton").click()
    before_table, before_image = _table(tab), tab.map_view.image.image.copy()
    with qtbot.waitSignal(tab.changed):
        _type_into(_spin(tab, "b1_0"), _spin(tab, "b1_0").value() + 1.5)
    assert tab.classifier.get_param("b1_0") == _spin(tab, "b1_0").value()
    assert not np.allclose(_table(tab), before_table)
    assert np.any(tab.map_view.image.image != before_image)
    np.testing.assert_allclose(_table(tab), _spin_params(tab).predict_proba(tab.X[:5]),
                               atol=6e-9)


def test_slider_moves_the_weight_live(tab):
    from PySide6.QtWidgets import QSlider

    slider = find_child(tab, QSlider, "spiral_w1_1_2_slider")
    slider.setValue(-250)  # ticks of 0.01
    assert tab.classifier.get_param("w1_1_2") == pytest.approx(-2.5)
    assert _spin(tab, "w1_1_2").value() == pytest.approx(-2.5)


def test_labels_equal_the_independent_loss_and_accuracy(tab):
    _find_button(tab, "spiralRandomizeButton").click()
    proba = _spin_params(tab).predict_proba(tab.X)
    percent, correct, total = _accuracy_counts(tab)
    assert total == len(tab.y) == 300
    assert correct == int(np.sum(proba.argmax(axis=1) == tab.y))
    assert percent == pytest.approx(100 * losses.accuracy(proba, tab.y), abs=0.05)
    assert _shown_loss(tab) == pytest.approx(losses.categorical_cross_entropy(proba, tab.y),
                                             abs=5e-5)


def test_map_shows_the_engine_class_of_every_cell_in_place(tab):
    _find_button(tab, "spiralRandomizeButton").click()
    image = tab.map_view.image
    assert image.image.shape[:2] == (150, 150)
    rect = image.mapRectToParent(image.boundingRect())
    assert (rect.left(), rect.right(), rect.top(), rect.bottom()) == pytest.approx(BOX)
    expected, confidence = class_map(_spin_params(tab), BOX, 150)  # [x, y] cells
    shown, _ = _image_classes(image.image, 3)
    confident = confidence > 0.55
    assert confident.mean() > 0.2
    np.testing.assert_array_equal(shown[confident], expected[confident])
    view = tab.export_plot().getPlotItem().getViewBox()
    assert not any(view.autoRangeEnabled())


def test_points_are_coloured_by_class(tab):
    points = tab.map_view.points
    x, y = points.getData()
    np.testing.assert_array_equal(np.c_[x, y], tab.X)
    colours = [spot.brush().color().name() for spot in points.points()]
    assert colours == [PALETTE[c].lower() for c in tab.y]


def test_relu_lines_follow_the_first_layer_and_toggle(tab):
    from PySide6.QtWidgets import QCheckBox

    _find_button(tab, "spiralRandomizeButton").click()
    _type_into(_spin(tab, "w1_0_1"), 1.0)
    _type_into(_spin(tab, "w1_1_1"), 0.0)
    _type_into(_spin(tab, "b1_1"), -0.25)  # h2 switches on at x = 0.25
    line = tab.map_view.lines[1]
    xs, ys = line.getData()
    np.testing.assert_allclose(xs, [0.25, 0.25])
    np.testing.assert_allclose(sorted(ys), [-1.0, 1.0])
    for j in (0, 2):
        xs, ys = tab.map_view.lines[j].getData()
        w, b = tab.classifier.layers[0].weights[:, j], tab.classifier.layers[0].biases[0, j]
        np.testing.assert_allclose(w[0] * xs + w[1] * ys + b, 0.0, atol=1e-9)
    check = find_child(tab, QCheckBox, "spiralLinesCheck")
    check.setChecked(False)
    assert not any(item.isVisible() for item in tab.map_view.lines)
    check.setChecked(True)
    assert all(item.isVisible() for item in tab.map_view.lines)


# --- GUI: training ---------------------------------------------------------------

def test_training_the_wide_net_reaches_90_percent_without_nan(tab, qtbot):
    from PySide6.QtWidgets import QSpinBox

    _type_into(find_child(tab, QSpinBox, "spiralHiddenSpin"), 64)
    find_child(tab, QSpinBox, "spiralStepsSpin").setValue(200)
    start_accuracy = _accuracy_counts(tab)[0]
    seen = []

    def record():
        seen.append((_table(tab).copy(), _label_text(tab, "spiralLossLabel"),
                     _label_text(tab, "spiralAccuracyLabel")))

    tab.changed.connect(record)
    button = _find_button(tab, "spiralTrainButton")
    button.click()
    assert button.isChecked()
    # steps per frame are an upper bound now (issue 15): on a busy machine a frame
    # runs fewer, so allow the run more wall time
    qtbot.waitUntil(lambda: _accuracy_counts(tab)[0] >= 90.0, timeout=60_000)
    button.click()
    tab.changed.disconnect(record)
    assert not button.isChecked()
    assert _accuracy_counts(tab)[0] > start_accuracy + 50
    for table, *texts in seen:
        assert np.all(np.isfinite(table)) and not any("nan" in t.lower() for t in texts)
    history = len(tab.model.history)
    loss_x, loss_y = tab.loss_curve.getData()
    assert len(loss_x) == history and np.all(np.isfinite(loss_y))
    assert loss_y[-1] < loss_y[0] - 0.5
    _, acc_y = tab.accuracy_curve.getData()
    assert acc_y[-1] >= 0.85
    # stopping keeps the weights, and nothing trains on
    kept = tab.classifier.get_flat().copy()
    qtbot.wait(100)
    np.testing.assert_array_equal(tab.classifier.get_flat(), kept)
    assert len(tab.model.history) == history
    proba = Classifier(2, (64,), 3)
    proba.set_flat(kept)
    assert _accuracy_counts(tab)[1] == int(np.sum(proba.predict(tab.X) == tab.y))


def _curve_length(curve) -> int:
    x = curve.getData()[0]
    return 0 if x is None else len(x)


def test_history_grows_per_step_and_restarts_with_new_weights(tab, qtbot):
    tab.steps_spin.setValue(7)
    tab.train_button.click()
    qtbot.waitUntil(lambda: _curve_length(tab.loss_curve) >= 21, timeout=5000)
    tab.train_button.click()
    steps, loss = tab.loss_curve.getData()
    # at most 7 a frame (issue 15: fewer when 8 ms run out), every step recorded
    assert list(steps) == list(range(len(steps))) == list(range(tab.model.history.total_steps))
    assert loss[0] == pytest.approx(math.log(3), abs=1e-4)  # a flat guess: ln C
    _type_into(_spin(tab, "b2_0"), 0.5)  # a hand edit keeps the history
    assert _curve_length(tab.loss_curve) == len(steps)
    _find_button(tab, "spiralRandomizeButton").click()
    assert _curve_length(tab.loss_curve) == 0


def test_a_bad_training_step_stops_with_a_message_and_keeps_weights(tab, qtbot,
                                                                    monkeypatch):
    good = tab.classifier.get_flat().copy()
    monkeypatch.setattr(optim.Adam, "step", lambda self, params, grad, trainable=None:
                        params * np.nan)
    button = _find_button(tab, "spiralTrainButton")
    button.click()
    qtbot.waitUntil(lambda: not button.isChecked(), timeout=5000)
    message = _label_text(tab, "spiralMessageLabel")
    assert "NaN" in message and _find_label(tab, "spiralMessageLabel").isVisible()
    np.testing.assert_array_equal(tab.classifier.get_flat(), good)
    assert np.all(np.isfinite(_table(tab)))
    assert "nan" not in _label_text(tab, "spiralLossLabel").lower()


def _find_label(tab, name):
    from PySide6.QtWidgets import QLabel

    return find_child(tab, QLabel, name)


# --- GUI: shapes -------------------------------------------------------------------

def test_six_classes_work(tab, qtbot):
    from PySide6.QtWidgets import QSpinBox

    _type_into(find_child(tab, QSpinBox, "spiralClassesSpin"), 6)
    _type_into(find_child(tab, QSpinBox, "spiralHiddenSpin"), 64)
    assert tab.classifier.sizes == (2, 64, 6) and set(tab.y) == set(range(6))
    table = _table(tab)
    assert table.shape == (5, 6)
    np.testing.assert_allclose(table, tab.classifier.predict_proba(tab.X[:5]), atol=6e-9)
    tab.steps_spin.setValue(100)
    _find_button(tab, "spiralTrainButton").click()
    qtbot.waitUntil(lambda: len(np.unique(tab.map_view.classes)) == 6
                    and np.mean(tab.map_view.confidence > 0.55) > 0.3, timeout=45_000)
    tab.stop_animation()
    expected, confidence = class_map(tab.classifier, BOX, 150)
    shown, _ = _image_classes(tab.map_view.image.image, 6)
    confident = confidence > 0.55
    np.testing.assert_array_equal(shown[confident], expected[confident])
    assert set(shown[confident]) == set(range(6))  # six colours on the map


def test_full_editor_for_the_post_size_every_parameter(tab):
    from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

    spins = [s for s in tab.findChildren(QDoubleSpinBox)
             if s.objectName().startswith("spiral_") and s.isVisible()]
    assert sorted(s.objectName() for s in spins) == sorted(
        f"spiral_{name}_spin" for name in tab.classifier.param_names())
    assert not find_child(tab, QSpinBox, "spiralNeuronSpin").isVisible()


def test_wide_net_shows_the_selected_neurons_editor(tab):
    from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

    _type_into(find_child(tab, QSpinBox, "spiralHiddenSpin"), 8)
    selector = find_child(tab, QSpinBox, "spiralNeuronSpin")
    assert selector.isVisible() and (selector.minimum(), selector.maximum()) == (1, 8)
    _type_into(selector, 6)  # the sixth hidden neuron, index 5

    def shown():
        return {s.objectName() for s in tab.findChildren(QDoubleSpinBox)
                if s.objectName().startswith("spiral_") and s.isVisible()}

    assert shown() == {f"spiral_{n}_spin" for n in
                       ("w1_0_5", "w1_1_5", "b1_5", "w2_5_0", "w2_5_1", "w2_5_2")}
    for name in ("w1_0_5", "b1_5", "w2_5_2"):
        assert _spin(tab, name).value() == pytest.approx(tab.classifier.get_param(name),
                                                         abs=5e-5)
    before = _table(tab)
    _type_into(_spin(tab, "w1_0_5"), 3.0)
    _type_into(_spin(tab, "w2_5_2"), 4.0)
    assert tab.classifier.get_param("w1_0_5") == 3.0
    assert tab.classifier.get_param("w2_5_2") == 4.0
    assert not np.allclose(_table(tab), before)
    # only the selected neuron's line is drawn
    assert tab.map_view.lines[0].isVisible() and not tab.map_view.lines[1].isVisible()
    xs, ys = tab.map_view.lines[0].getData()
    w, b = tab.classifier.layers[0].weights[:, 5], tab.classifier.layers[0].biases[0, 5]
    np.testing.assert_allclose(w[0] * xs + w[1] * ys + b, 0.0, atol=1e-9)


def test_data_controls_redraw_from_one_seed(tab):
    from PySide6.QtWidgets import QSpinBox

    _type_into(find_child(tab, QSpinBox, "spiralSeedSpin"), 7)
    _type_into(find_child(tab, QSpinBox, "spiralSamplesSpin"), 40)
    rs = np.random.RandomState(7)
    X, y = spiral_data(40, 3, rs)
    np.testing.assert_array_equal(tab.X, X)
    np.testing.assert_array_equal(tab.y, y)
    np.testing.assert_array_equal(tab.classifier.get_flat(), Classifier(rng=rs).get_flat())
    assert len(tab.map_view.points.getData()[0]) == 120
    assert _accuracy_counts(tab)[2] == 120


# --- GUI: files, sessions, reset ---------------------------------------------------

def test_weights_round_trip_through_a_file(tab, tmp_path):
    _find_button(tab, "spiralRandomizeButton").click()
    saved = tab.classifier.get_flat().copy()
    path = tmp_path / "spiral.json"
    assert tab.save_weights(str(path)).ok
    assert json.loads(path.read_text())["names"] == tab.classifier.param_names()
    _find_button(tab, "spiralSmallStartButton").click()
    assert not np.array_equal(tab.classifier.get_flat(), saved)
    assert tab.load_weights(str(path)).ok
    np.testing.assert_array_equal(tab.classifier.get_flat(), saved)
    np.testing.assert_array_equal(_spin_params(tab).get_flat(), saved)


def test_weights_of_another_shape_are_refused_and_nothing_changes(tab, tmp_path):
    from PySide6.QtWidgets import QSpinBox

    path = tmp_path / "wide.json"
    _type_into(find_child(tab, QSpinBox, "spiralHiddenSpin"), 5)
    assert tab.save_weights(str(path)).ok
    _type_into(find_child(tab, QSpinBox, "spiralHiddenSpin"), 3)
    before, table = tab.classifier.get_flat().copy(), _table(tab)
    result = tab.load_weights(str(path))
    assert not result.ok and "network needs 21" in result.message
    assert str(path) in result.message
    np.testing.assert_array_equal(tab.classifier.get_flat(), before)
    np.testing.assert_array_equal(_table(tab), table)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = tab.load_weights(str(bad))
    assert not result.ok and "not a JSON file" in result.message
    huge = tmp_path / "huge.json"
    save_params(huge, tab.classifier.param_names(), np.r_[1e6, before[1:]])
    result = tab.load_weights(str(huge))
    assert not result.ok and "±100" in result.message
    np.testing.assert_array_equal(tab.classifier.get_flat(), before)


def test_state_round_trips_through_json(tab):
    from gui.spiral.tab import SpiralTab

    _type_into(tab.hidden_spin, 6)
    _find_button(tab, "spiralRandomizeButton").click()
    tab.editor.neuron_spin.setValue(4)
    tab.lr_spin.setValue(0.05)
    tab.lines_check.setChecked(False)
    state = json.loads(json.dumps(tab.state_dict()))
    other = SpiralTab()
    try:
        other.load_state(state)
        assert other.state_dict() == state
        np.testing.assert_array_equal(other.classifier.get_flat(), tab.classifier.get_flat())
        np.testing.assert_array_equal(_table(other), _table(tab))
        assert other.editor.selected_neuron == 3
    finally:
        other.deleteLater()


@pytest.mark.parametrize("change", [
    {"classes": 7}, {"hidden": 0}, {"samples": 2.5}, {"seed": -1}, {"lr": math.nan},
    {"steps": 0}, {"show_lines": "yes"}, {"neuron": 3}, {"params": [0.0] * 20},
    {"params": [math.inf] + [0.0] * 20}, {"params": [1e3] * 21}, {"colour": "red"},
])
def test_bad_state_is_refused_and_the_tab_stays(tab, change):
    _find_button(tab, "spiralRandomizeButton").click()
    before, table = tab.state_dict(), _table(tab)
    with pytest.raises(ValueError):
        tab.load_state({**before, **change})
    assert tab.state_dict() == before
    np.testing.assert_array_equal(_table(tab), table)


def test_reset_goes_back_to_the_post(tab, qtbot):
    _type_into(tab.classes_spin, 5)
    _type_into(tab.hidden_spin, 10)
    tab.editor.neuron_spin.setValue(7)
    _find_button(tab, "spiralRandomizeButton").click()
    tab.train_button.click()
    with qtbot.waitSignal(tab.changed):
        tab.reset_tab()
    assert not tab.train_button.isChecked()
    assert tab.classifier.sizes == (2, 3, 3) and tab.editor.selected_neuron == 0
    np.testing.assert_allclose(_table(tab), NNFS_FIRST_ROWS, atol=1e-7)
    assert tab.classes_spin.value() == 3 and tab.lr_spin.value() == pytest.approx(0.02)


def test_exercise_snapshot_is_the_live_network(tab):
    snap = tab.exercise_snapshot()
    assert snap["spiral_classifier"] is tab.classifier
    assert snap["spiral_X"] is tab.X and snap["spiral_y"] is tab.y


# --- issue 12: the model owns the state; language and theme change in place ---------

def _switch_language(language):
    from PySide6.QtCore import QCoreApplication, QEvent

    from gui import i18n

    i18n.install_language(language)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def _switch_theme(tab, dark):
    import gc

    from gui.theme import apply_theme

    gc.collect()  # plots of tabs closed by earlier tests leave the theme's list
    apply_theme(dark)
    tab.restyle()


def test_training_runs_on_through_a_language_and_theme_switch(tab, qtbot):
    from PySide6.QtWidgets import QDoubleSpinBox, QWidget

    widgets = {w.objectName(): w for w in tab.findChildren(QWidget)
               if w.objectName() and not w.objectName().startswith("qt_")}
    slider_spin = _spin(tab, "w1_0_0")
    tab.train_button.click()
    qtbot.waitUntil(lambda: tab.model.history.total_steps >= 30, timeout=5000)
    optimizer = tab.model.optimizer
    english = (tab.train_button.text(), tab.history_plot.getPlotItem().titleLabel.text)
    seen = [tab.model.history.total_steps]
    try:
        _switch_language("zh_CN")
        seen.append(tab.model.history.total_steps)
        chinese = (tab.train_button.text(), tab.history_plot.getPlotItem().titleLabel.text)
        assert chinese[0] != english[0] and chinese[1] != english[1]
        qtbot.waitUntil(lambda: tab.model.history.total_steps > seen[-1], timeout=5000)
        _switch_language("en")
        seen.append(tab.model.history.total_steps)
        assert (tab.train_button.text(),
                tab.history_plot.getPlotItem().titleLabel.text) == english
        light_pixel = tab.map_view.image.image[0, 0].copy()
        _switch_theme(tab, True)
        seen.append(tab.model.history.total_steps)
        assert tab.map_view.image.image[0, 0].sum() < light_pixel.sum()  # a dark blend
        assert tab.map_view.points.opts["pen"].color().name() == "#dddddd"
        qtbot.waitUntil(lambda: tab.model.history.total_steps > seen[-1], timeout=5000)
    finally:
        _switch_language("en")
        _switch_theme(tab, False)
    seen.append(tab.model.history.total_steps)
    assert seen == sorted(seen) and seen[-1] > seen[0]
    assert tab.is_running() and tab.train_button.isChecked()
    assert tab.model.optimizer is optimizer and optimizer.t == tab.model.history.total_steps
    assert tab.map_view.points.opts["pen"].color().name() == "#222222"
    # the same widgets, alive
    assert _spin(tab, "w1_0_0") is slider_spin and isinstance(slider_spin, QDoubleSpinBox)
    for name, widget in widgets.items():
        assert tab.findChild(QWidget, name) is widget
        widget.objectName()  # raises if the C++ object were deleted


def test_the_model_owns_steps_lines_and_the_selected_neuron(tab):
    _type_into(tab.hidden_spin, 6)
    tab.steps_spin.setValue(42)
    tab.lines_check.setChecked(False)
    tab.editor.neuron_spin.setValue(4)
    model = tab.model
    assert (model.steps_per_frame, model.show_lines) == (42, False)
    assert (model.selection.layer, model.selection.index) == (1, 3)
    # and the widgets follow the model
    model.set_steps_per_frame(7)
    model.set_show_lines(True)
    model.select_neuron(1, 5)
    assert tab.steps_spin.value() == 7 and tab.lines_check.isChecked()
    assert tab.editor.neuron_spin.value() == 6
    assert _spin(tab, "w1_0_5").isVisible()


def test_the_model_checks_state_without_a_tab():
    from gui.spiral.model import SpiralModel

    model = SpiralModel()
    before = model.state_dict()
    with pytest.raises(ValueError, match="neuron_layer"):
        model.load_state({**before, "neuron_layer": 2})  # one hidden layer only
    with pytest.raises(ValueError, match="steps"):
        model.load_state({**before, "steps": 501})
    assert model.state_dict() == before
    model.load_state({**before, "layers": 2, "params": None, "neuron_layer": 2, "neuron": 1})
    assert model.classifier.sizes == (2, 3, 3, 3) and model.selection.layer == 2


def test_a_failed_save_leaves_no_message_after_a_good_one(tab, tmp_path):
    read_only = tmp_path / "locked.json"
    read_only.write_text("{}")
    read_only.chmod(0o444)
    failed = tab.save_weights(str(read_only))
    assert not failed.ok and str(read_only) in failed.message
    assert json.loads(read_only.read_text()) == {}
    good = tmp_path / "good.json"
    assert tab.save_weights(str(good)).ok
    assert not tab.message_label.isVisible() and "save" not in tab.message_label.text()
    assert json.loads(good.read_text())["values"] == tab.classifier.get_flat().tolist()


# --- issue 13: keyboard, screen readers, a laptop screen ------------------------------

def _focus_walk(tab, qtbot, presses, backwards=False):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    tab.setFocus()
    start = QApplication.focusWidget()
    visited = [start]
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    for _ in range(presses):
        qtbot.keyClick(QApplication.focusWidget(), key)
        visited.append(QApplication.focusWidget())
        if visited[-1] is start:
            break
    return start, visited


@pytest.mark.parametrize("hidden", [3, 8])
def test_tab_key_visits_every_slider_and_comes_back(tab, qtbot, hidden):
    from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox

    _type_into(tab.hidden_spin, hidden)
    start, visited = _focus_walk(tab, qtbot, 300)
    assert start is tab.samples_spin  # focus starts on the first control
    assert visited[-1] is start and len(visited) > 2  # back at the start: no trap
    controls = [w for w in tab.findChildren(QAbstractSlider) + tab.findChildren(QAbstractSpinBox)
                if w.isVisibleTo(tab)]
    missed = [w.objectName() for w in controls if w not in visited]
    assert not missed
    assert tab.output_table in visited and not tab.output_table.tabKeyNavigation()
    # the walk goes through the table once, not from cell to cell
    assert visited.count(tab.output_table) == 1
    _, back = _focus_walk(tab, qtbot, 300, backwards=True)
    assert back[-1] is start and set(back) == set(visited)


def test_every_control_has_an_accessible_name_in_both_languages(tab):
    import pyqtgraph as pg
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSlider,
        QAbstractSpinBox,
        QCheckBox,
        QComboBox,
    )

    def names():
        controls = [w for cls in (QAbstractSlider, QAbstractSpinBox, QCheckBox, QComboBox,
                                  QAbstractButton) for w in tab.findChildren(cls)]
        assert len(controls) > 40
        unnamed = [w.objectName() or type(w).__name__ for w in controls
                   if not w.accessibleName().strip()]
        assert not unnamed
        for plot in tab.findChildren(pg.PlotWidget):
            assert plot.accessibleDescription().strip(), plot.objectName()
        return {w.objectName(): w.accessibleName() for w in controls}

    english = names()
    assert english["spiral_w1_0_1_slider"] == "weight from x into h2"
    assert english["spiral_b2_2_spin"] == "bias of class 3, exact value"
    try:
        _switch_language("zh_CN")
        chinese = names()
    finally:
        _switch_language("en")
    assert chinese["spiralHiddenSpin"] != english["spiralHiddenSpin"]
    assert names() == english


def _outside(tab):
    """Named controls and plot titles not fully inside the tab or inside a
    scroll area's contents."""
    import pyqtgraph as pg
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QWidget

    bad = []
    for widget in tab.findChildren(QWidget):
        if not widget.objectName() or widget.objectName().startswith("qt_") \
                or not widget.isVisibleTo(tab):
            continue
        area = widget.parent()
        while area is not None and area is not tab and not isinstance(area, QScrollArea):
            area = area.parent()
        if isinstance(area, QScrollArea):  # inside its contents, and the area in the tab
            container = area.widget()
            top_left = widget.mapTo(container, widget.rect().topLeft())
            rect = QRect(top_left, widget.size())
            if not container.rect().contains(rect):
                bad.append(widget.objectName())
            widget = area
        top_left = widget.mapTo(tab, widget.rect().topLeft())
        if not tab.rect().contains(QRect(top_left, widget.size())):
            bad.append(widget.objectName())
    for plot in tab.findChildren(pg.PlotWidget):
        if isinstance(plot, QAbstractScrollArea) and plot.isVisibleTo(tab):
            title = plot.getPlotItem().titleLabel
            if title.text:
                shown = title.item.boundingRect().width()
                assert shown <= plot.width(), plot.objectName()
    return bad


@pytest.mark.parametrize("hidden, layers", [(3, 1), (64, 1), (3, 2)])
def test_everything_fits_a_laptop_in_both_languages(tab, qtbot, hidden, layers):
    from PySide6.QtWidgets import QApplication

    _type_into(tab.layers_spin, layers)
    _type_into(tab.hidden_spin, hidden)
    hint = tab.minimumSizeHint()
    assert hint.width() <= 980 and hint.height() <= 560
    try:
        for language in ("en", "zh_CN"):
            _switch_language(language)
            for size in ((1000, 580), (1260, 740)):
                tab.resize(*size)
                QApplication.processEvents()
                assert tab.size().toTuple() == size
                assert not _outside(tab), (language, size)
    finally:
        _switch_language("en")


def test_the_weights_panel_follows_the_hidden_width_both_ways(tab, qtbot):
    from PySide6.QtWidgets import QApplication, QScrollArea

    QApplication.processEvents()
    start = tab.editor.sizeHint().height()
    _type_into(tab.hidden_spin, 64)
    QApplication.processEvents()
    _type_into(tab.hidden_spin, 3)
    QApplication.processEvents()
    assert tab.editor.sizeHint().height() == start
    assert tab.editor.height() >= start  # nothing behind a scroll bar
    assert not tab.editor.findChildren(QScrollArea)
    # every output row shows, below the hidden rows
    assert _spin(tab, "b2_2").isVisible()


def test_a_slider_drag_moves_a_hundredth_per_pixel(tab, qtbot):
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication, QSlider, QStyle, QStyleOptionSlider

    _find_button(tab, "spiralRandomizeButton").click()  # weights on the 0.01 grid
    slider = find_child(tab, QSlider, "spiral_w1_0_0_slider")
    start = tab.classifier.get_param("w1_0_0")
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    handle = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                           QStyle.SubControl.SC_SliderHandle, slider).center()

    def send(kind, x, buttons):
        point = QPointF(x, handle.y())
        event = QMouseEvent(kind, point, slider.mapToGlobal(point), Qt.MouseButton.LeftButton,
                            buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(slider, event)

    held = Qt.MouseButton.LeftButton
    send(QEvent.Type.MouseButtonPress, handle.x(), held)
    for dx in (1, 2, 3, -1):
        send(QEvent.Type.MouseMove, handle.x() + dx, held)
        assert tab.classifier.get_param("w1_0_0") == pytest.approx(start + 0.01 * dx, abs=1e-6)
    send(QEvent.Type.MouseButtonRelease, handle.x() - 1, Qt.MouseButton.NoButton)
    assert not slider.isSliderDown()
    assert _spin(tab, "w1_0_0").value() == pytest.approx(start - 0.01, abs=1e-6)


# --- issue 14: nothing a saved session holds can break the tab ------------------------

_ANY_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=True)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner,
                                                                 max_size=4),
    max_leaves=12)
_KEYS = st.sampled_from(["samples", "classes", "seed", "hidden", "layers", "params", "lr",
                         "steps", "show_lines", "neuron", "neuron_layer", "colour", ""])


@settings(max_examples=150, deadline=None)
@given(changes=st.dictionaries(_KEYS, _ANY_VALUE, min_size=1, max_size=4),
       whole=st.one_of(st.none(), _ANY_VALUE))
def test_fuzzed_states_raise_only_value_error_and_change_nothing(fuzz_tab, changes, whole):
    before, table = fuzz_tab.state_dict(), _table(fuzz_tab)
    state = {**before, **changes} if whole is None else whole
    try:
        fuzz_tab.load_state(state)
    except ValueError:
        assert fuzz_tab.state_dict() == before
        np.testing.assert_array_equal(_table(fuzz_tab), table)
    else:  # a valid state: the tab shows it, and takes it back
        assert fuzz_tab.state_dict()["params"] == fuzz_tab.classifier.get_flat().tolist()
        fuzz_tab.load_state(before)
        assert fuzz_tab.state_dict() == before


@pytest.fixture(scope="module")
def fuzz_tab(qapp):
    """One tab for every example: hypothesis calls the test many times."""
    from gui.spiral.tab import SpiralTab

    tab = SpiralTab()
    tab.randomize_button.click()
    yield tab
    tab.stop_animation()
    tab.deleteLater()


# --- issue 15: a training frame within its time budget; bounded history -------------------

class _FakeClock:
    """Each reading is ``tick`` seconds after the last: a step "takes" a tick."""

    def __init__(self, tick):
        self.now, self.tick = 0.0, tick

    def __call__(self):
        self.now += self.tick
        return self.now


def test_budgeted_frames_reach_the_weights_of_the_same_steps_at_once():
    from gui.spiral.model import SpiralModel, SpiralSettings
    from gui.spiral.trainer import SpiralTrainer

    def model():
        m = SpiralModel()
        m.rebuild(SpiralSettings(samples=60, classes=4, hidden=16))
        m.randomize()
        m.set_steps_per_frame(500)
        return m

    framed = model()
    trainer = SpiralTrainer(framed, clock=_FakeClock(0.003))
    per_frame = []
    trainer.paced.connect(lambda steps, asked: per_frame.append((steps, asked)))
    for _ in range(12):
        trainer.advance_frame()
    steps = [s for s, _ in per_frame]
    assert all(asked == 500 for _, asked in per_frame) and trainer.behind
    assert 12 <= sum(steps) < 12 * 500 and max(steps) <= 3  # 8 ms of 3 ms steps, at most
    at_once = model()
    result = at_once.train(sum(steps))  # no budget: every step asked for
    assert result.steps == sum(steps) and not result.cut_short
    np.testing.assert_array_equal(framed.classifier.get_flat(), at_once.classifier.get_flat())
    np.testing.assert_array_equal(framed.history.losses, at_once.history.losses)


def test_when_steps_and_redraw_do_not_fit_one_frame_ticks_take_turns():
    from gui.spiral.model import SpiralModel, SpiralSettings
    from gui.spiral.trainer import FRAME_BUDGET_S, SpiralTrainer

    model = SpiralModel()
    model.rebuild(SpiralSettings(samples=30, hidden=8))
    model.set_steps_per_frame(500)
    clock = _FakeClock(0.003)  # every clock reading: 3 ms later
    model.paramsChanged.connect(lambda: setattr(clock, "now", clock.now + 0.012))  # slow maps
    trainer = SpiralTrainer(model, clock=clock)
    ticks = []
    for _ in range(7):
        drawn, steps = [], model.history.total_steps
        model.paramsChanged.connect(lambda drawn=drawn: drawn.append(True))
        trainer.advance_frame()
        ticks.append((model.history.total_steps - steps, bool(drawn)))
    # the first tick does both (nothing measured yet); then steps and drawing alternate
    assert [bool(s) for s, _ in ticks] == [True, True, False, True, False, True, False]
    assert [d for _, d in ticks] == [True, False, True, False, True, False, True]
    # a steps tick stays within the budget: 3 ms steps, at most 8 ms of them
    assert all(0 < s <= FRAME_BUDGET_S // 0.003 + 1 for s, d in ticks[1:] if not d)
    trainer.advance_frame()  # steps, their drawing due …
    drawn = []
    model.paramsChanged.connect(lambda: drawn.append(True))
    trainer.stop()  # … is done on stopping: the maps show the last weights
    assert drawn


def test_a_slow_redraw_is_drawn_in_parts_in_turn_beside_the_steps():
    from gui.spiral.model import SpiralModel, SpiralSettings
    from gui.spiral.trainer import SpiralTrainer

    model = SpiralModel()
    model.rebuild(SpiralSettings(samples=30, hidden=8))
    model.set_steps_per_frame(500)
    clock = _FakeClock(0.003)  # every clock reading: 3 ms later
    log = []  # ("step", total steps) or ("draw", part)

    def part(name):
        def draw():
            clock.now += 0.005  # each part is slow: 8 ms with its clock reading
            log.append(("draw", name, model.history.total_steps))
        return draw

    trainer = SpiralTrainer(model, clock=clock, parts=[part("a"), part("b"), part("c")])
    ticks = []
    for _ in range(12):
        start = len(log)
        trainer.advance_frame()
        ticks.append([entry[1] for entry in log[start:]])
    drawn = [name for tick in ticks for name in tick]
    assert drawn == ["a", "b", "c"] * (len(drawn) // 3) + ["a", "b", "c"][:len(drawn) % 3]
    assert len(drawn) >= 6 and all(len(tick) <= 1 for tick in ticks)  # one part a tick
    trainer.stop()  # the parts still due show the last weights
    last = {name: steps for _, name, steps in log}
    assert set(last) == {"a", "b", "c"} and set(last.values()) == {model.history.total_steps}


def test_the_history_stays_bounded_and_spans_the_whole_run():
    from gui.spiral.model import History

    history = History(capacity=64)
    total = 0
    for chunk in (10, 3, 57, 200, 1, 999):
        history.extend(list(np.arange(total, total + chunk) * 0.5),
                       [0.25] * chunk)
        total += chunk
        assert len(history) <= 64 and history.total_steps == total
        steps = history.steps
        assert steps[0] == 0 and np.all(np.diff(steps) == history.stride)
        assert total - history.stride <= steps[-1] <= total - 1  # ends where the run is
        np.testing.assert_array_equal(history.losses, steps * 0.5)  # each its own step's


def test_the_tab_says_when_the_machine_cannot_keep_up(tab, qtbot):
    tab.steps_spin.setValue(500)
    tab.trainer.clock = _FakeClock(0.005)
    tab.train_button.click()
    qtbot.waitUntil(lambda: tab.pace_label.isVisible(), timeout=5000)
    assert "of 500" in tab.pace_label.text()
    tab.train_button.click()
    assert not tab.pace_label.isVisible()


# --- issue 16: a map of every hidden neuron ---------------------------------------------

def _maps_drawn():
    """The neuron maps draw in the event after the class map's: let it run."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()


def _cell_centres(cells=150):
    centres = -1.0 + (np.arange(cells) + 0.5) * 2.0 / cells
    return np.meshgrid(centres, centres, indexing="ij")  # [i_x, j_y]


def test_each_neuron_map_is_its_relu_over_the_grid_after_a_slider_move(tab):
    from PySide6.QtWidgets import QSlider

    _find_button(tab, "spiralRandomizeButton").click()
    find_child(tab, QSlider, "spiral_w1_1_2_slider").setValue(-137)  # −1.37
    find_child(tab, QSlider, "spiral_b1_0_slider").setValue(45)
    _maps_drawn()
    strip = find_child(tab, type(tab.neuron_maps), "spiralNeuronMaps")
    assert strip is tab.neuron_maps and len(strip.images) == 1 and len(strip.images[0]) == 3
    x, y = _cell_centres()
    for j, image in enumerate(strip.images[0]):
        w_x, w_y = _spin(tab, f"w1_0_{j}").value(), _spin(tab, f"w1_1_{j}").value()
        b = _spin(tab, f"b1_{j}").value()
        expected = np.maximum(w_x * x + w_y * y + b, 0.0)
        shown = image.image
        assert shown.dtype == np.float32 and shown.shape == (150, 150)
        np.testing.assert_allclose(shown, expected, rtol=1e-5, atol=1e-5)
        assert image.getLevels()[1] == pytest.approx(max(expected.max(), 1.0)
                                                     if expected.max() == 0 else expected.max(),
                                                     rel=1e-5)
    assert tab.classifier.get_param("w1_1_2") == pytest.approx(-1.37)


def test_second_layer_maps_take_the_first_layers_outputs(tab):
    _type_into(tab.layers_spin, 2)
    _find_button(tab, "spiralRandomizeButton").click()
    _type_into(_spin(tab, "w2_0_1"), 2.5)
    _maps_drawn()
    assert tab.classifier.sizes == (2, 3, 3, 3) and len(tab.neuron_maps.images) == 2
    x, y = _cell_centres()
    first = [np.maximum(_spin(tab, f"w1_0_{j}").value() * x + _spin(tab, f"w1_1_{j}").value() * y
                        + _spin(tab, f"b1_{j}").value(), 0.0) for j in range(3)]
    for k, image in enumerate(tab.neuron_maps.images[1]):
        z = sum(_spin(tab, f"w2_{j}_{k}").value() * first[j] for j in range(3))
        expected = np.maximum(z + _spin(tab, f"b2_{k}").value(), 0.0)
        np.testing.assert_allclose(image.image, expected, rtol=1e-4, atol=1e-4)


def test_neuron_maps_follow_training(tab, qtbot):
    _find_button(tab, "spiralRandomizeButton").click()
    _maps_drawn()
    before = [image.image.copy() for image in tab.neuron_maps.images[0]]
    tab.advance_frame()
    tab.stop_animation()  # draws steps whose drawing a slow machine left to the next tick
    _maps_drawn()
    after = [image.image for image in tab.neuron_maps.images[0]]
    assert all(np.any(a != b) for a, b in zip(after, before, strict=True))
    first = tab.classifier.layers[0]
    x, y = _cell_centres()
    for j, image in enumerate(after):
        expected = np.maximum(first.weights[0, j] * x + first.weights[1, j] * y
                              + first.biases[0, j], 0.0)
        np.testing.assert_allclose(image, expected, rtol=1e-5, atol=1e-5)


def _click_map(strip, layer, j, qtbot):
    from PySide6.QtCore import Qt

    centre = strip.mapFromScene(strip.tile_rect(layer, j).center())
    qtbot.mouseClick(strip.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_clicking_a_map_selects_its_neuron_and_highlights_its_line(tab, qtbot):
    strip = tab.neuron_maps
    _click_map(strip, 1, 2, qtbot)
    assert (tab.model.selection.layer, tab.model.selection.index) == (1, 2)
    label = tab.editor.selected_row()
    assert label.text() == "h3" and label.font().bold() and label.font().underline()
    assert tab.map_view.highlighted == 2
    assert tab.map_view.lines[2].opts["pen"].width() > tab.map_view.lines[0].opts["pen"].width()
    assert strip._frame.rect().contains(strip.tile_rect(1, 2))
    # a wide net: the editor switches to that neuron, and the strip scrolls
    _type_into(tab.hidden_spin, 64)
    strip.horizontalScrollBar().setValue(0)
    assert strip.horizontalScrollBar().maximum() > 0  # 64 maps scroll sideways
    tab.editor.neuron_spin.setValue(50)
    assert strip.horizontalScrollBar().value() > 0
    visible = strip.mapToScene(strip.viewport().rect()).boundingRect()
    assert visible.contains(strip.tile_rect(1, 49))
    _click_map(strip, 1, 48, qtbot)
    assert tab.editor.neuron_spin.value() == 49 and _spin(tab, "w1_0_48").isVisible()


def test_hovering_a_map_shows_its_formula_with_the_current_numbers(tab, qtbot):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    _find_button(tab, "spiralRandomizeButton").click()
    for name, value in (("w1_0_1", 1.25), ("w1_1_1", -0.5), ("b1_1", 0.0)):
        _type_into(_spin(tab, name), value)
    strip = tab.neuron_maps
    assert strip.formula(1, 1) == "h2 = ReLU(1.25·x − 0.50·y + 0.00)"
    centre = strip.mapFromScene(strip.tile_rect(1, 1).center())
    event = QHelpEvent(QHelpEvent.Type.ToolTip, centre, strip.viewport().mapToGlobal(centre))
    QApplication.sendEvent(strip.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == "h2 = ReLU(1.25·x − 0.50·y + 0.00)"
    QToolTip.hideText()
    assert strip.neuron_at(QPoint(1, 1)) is None  # the gap before the first map


def test_a_wide_second_layer_formula_lists_its_strongest_terms(tab):
    _type_into(tab.layers_spin, 2)
    _type_into(tab.hidden_spin, 20)
    _find_button(tab, "spiralRandomizeButton").click()
    text = tab.neuron_maps.formula(2, 4)
    weights = tab.classifier.layers[1].weights[:, 4]
    strongest = np.argsort(-np.abs(weights))[0]
    assert text.startswith("g5 = ReLU(") and f"h{strongest + 1}" in text
    assert text.endswith("14 smaller terms)")


def test_maps_scrolled_into_view_show_the_current_weights(tab):
    _type_into(tab.hidden_spin, 64)
    _find_button(tab, "spiralRandomizeButton").click()
    _maps_drawn()
    strip = tab.neuron_maps
    strip.horizontalScrollBar().setValue(strip.horizontalScrollBar().maximum())
    x, y = _cell_centres()
    first = tab.classifier.layers[0]
    for j in (0, 63):  # one in view at the start, one only after scrolling
        expected = np.maximum(first.weights[0, j] * x + first.weights[1, j] * y
                              + first.biases[0, j], 0.0)
        np.testing.assert_allclose(strip.images[0][j].image, expected, rtol=1e-5, atol=1e-5)
