"""The activations tab (issue 6) and the engine helpers it added.

GUI tests drive the widgets as a user would and compare what is drawn with
``engine.activations`` called independently here.
"""

from __future__ import annotations

import gc
import json
import math

import numpy as np
import pytest
import test_gates_tab
from helpers import find_child
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QEvent, QPointF
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTextBrowser,
)
from test_gates_tab import outside, tab_walk, unnamed_controls, widgets

from engine import activations as A
from engine.activations import ACTIVATIONS

# The gates tests' fixture: switch language and theme as the window does.
switch = test_gates_tab.switch

# --- engine: parameters and evaluation ------------------------------------------


def test_activation_params_fills_defaults_and_overrides():
    assert A.activation_params("elu") == {"alpha": 1.0}
    assert A.activation_params("rrelu", {"lower": 0.2}) == {
        "lower": 0.2, "upper": 1 / 3, "training": False}
    assert A.activation_params("gelu", {"approximate": "tanh"}) == {"approximate": "tanh"}
    assert A.activation_params("sigmoid") == {}


@pytest.mark.parametrize(("key", "params"), [
    ("softplus", {}),
    ("elu", {"beta": 1.0}),
    ("elu", {"alpha": 6.0}),
    ("leaky_relu", {"alpha": -0.1}),
    ("leaky_relu", {"alpha": math.nan}),
    ("leaky_relu", {"alpha": True}),
    ("leaky_relu", {"alpha": "0.1"}),
    ("rrelu", {"training": 1}),
    ("gelu", {"approximate": "erf"}),
])
def test_activation_params_rejects_bad_values(key, params):
    with pytest.raises(ValueError):
        A.activation_params(key, params)


def test_evaluate_activation_matches_the_functions():
    x = np.linspace(-4, 4, 81)
    for key, act in ACTIVATIONS.items():
        if act.random:
            continue
        f, df = A.evaluate_activation(key, x)
        np.testing.assert_array_equal(f, act.fn(x))
        np.testing.assert_array_equal(df, act.derivative(x))
    f, df = A.evaluate_activation("leaky_relu", x, {"alpha": 0.3})
    np.testing.assert_allclose(f, np.where(x > 0, x, 0.3 * x))
    np.testing.assert_allclose(df, np.where(x > 0, 1.0, 0.3))


def test_random_activations_share_one_draw_between_f_and_derivative():
    x = np.linspace(-3, 3, 61)
    f, df = A.evaluate_activation("noisy_relu", x, {"sigma": 0.7}, seed=5)
    np.testing.assert_array_equal(f, A.noisy_relu(x, 0.7, rng=5))
    np.testing.assert_array_equal(df, (f > 0).astype(float))  # f′ belongs to the drawn f
    f, df = A.evaluate_activation("rrelu", x, {"training": True}, seed=5)
    negative = x < 0
    np.testing.assert_allclose(f[negative], df[negative] * x[negative])
    assert np.all((df[negative] >= 1 / 8) & (df[negative] <= 1 / 3))
    again, _ = A.evaluate_activation("rrelu", x, {"training": True}, seed=5)
    other, _ = A.evaluate_activation("rrelu", x, {"training": True}, seed=6)
    np.testing.assert_array_equal(f, again)
    assert not np.array_equal(f, other)


def test_a_seed_keeps_the_draw_while_sigma_moves():
    x = np.linspace(-3, 3, 61)
    f1, _ = A.evaluate_activation("noisy_relu", x, {"sigma": 1.0}, seed=3)
    f2, _ = A.evaluate_activation("noisy_relu", x, {"sigma": 2.0}, seed=3)
    noise = np.random.default_rng(3).normal(0.0, 1.0, x.shape)
    np.testing.assert_allclose(f1, np.maximum(0, x + noise))
    np.testing.assert_allclose(f2, np.maximum(0, x + 2 * noise))


# --- engine: the vanishing-gradient chain ----------------------------------------


def _chain_by_hand(fn, dfn, n, x):
    out, a, product = [], x, 1.0
    for _ in range(n):
        product *= float(dfn(a))
        a = float(fn(a))
        out.append(product)
    return np.array(out)


def test_gradient_through_chain_is_the_chain_rule_product():
    expected = _chain_by_hand(lambda a: 1 / (1 + math.exp(-a)),
                              lambda a: math.exp(-a) / (1 + math.exp(-a)) ** 2, 20, 0.7)
    np.testing.assert_allclose(A.gradient_through_chain("sigmoid", 20, 0.7), expected,
                               rtol=1e-12)
    assert np.all(expected <= 0.25 ** np.arange(1, 21))  # σ′ ≤ 1/4 in every layer
    np.testing.assert_array_equal(A.gradient_through_chain("relu", 7, 2.0), np.ones(7))
    np.testing.assert_array_equal(A.gradient_through_chain("relu", 7, -2.0), np.zeros(7))
    np.testing.assert_allclose(A.gradient_through_chain("leaky_relu", 3, -1.0,
                                                        {"alpha": 0.5}), [0.5, 0.25, 0.125])


@pytest.mark.parametrize(("key", "n", "x"), [
    ("sigmoid", 0, 1.0), ("sigmoid", 2.5, 1.0), ("sigmoid", True, 1.0),
    ("sigmoid", 3, math.inf), ("noisy_relu", 3, 1.0), ("nope", 3, 1.0),
])
def test_gradient_through_chain_rejects_bad_input(key, n, x):
    with pytest.raises(ValueError):
        A.gradient_through_chain(key, n, x)


# --- engine: softmax with temperature and the naive formula -----------------------


def test_softmax_with_temperature():
    x = np.array([4.8, 1.21, 2.385])
    np.testing.assert_allclose(A.softmax_with_temperature(x), [0.89528266, 0.02470831,
                                                               0.08000903], atol=1e-8)
    for t in (0.1, 0.5, 2.0, 10.0):
        e = np.exp(x / t - np.max(x / t))
        np.testing.assert_allclose(A.softmax_with_temperature(x, t), e / e.sum(), rtol=1e-12)
    hot, cold = A.softmax_with_temperature(x, 10.0), A.softmax_with_temperature(x, 0.1)
    assert hot.max() < 0.5 and cold.max() > 0.999  # T flattens or sharpens


@pytest.mark.parametrize(("logits", "t"), [
    ([1.0, 2.0], 0.0), ([1.0, 2.0], -1.0), ([1.0, 2.0], math.nan), ([1.0, math.inf], 1.0),
    ([], 1.0), ([[1.0, 2.0]], 1.0), ([1e308, 1.0], 1e-10),
])
def test_softmax_with_temperature_rejects_bad_input(logits, t):
    with pytest.raises(ValueError):
        A.softmax_with_temperature(logits, t)


def test_softmax_naive_problem_names_the_failure():
    assert A.softmax_naive_problem([1000, 1001, 1002]) == "overflow"
    assert A.softmax_naive_problem([709.0, 709.0, 709.0]) == "overflow"  # only the sum is inf
    assert A.softmax_naive_problem([-1000, -1001, -1002]) == "underflow"
    assert A.softmax_naive_problem([1, 2, 3]) is None
    assert A.softmax_naive_problem([1000, 1001, 1002], temperature=10.0) is None
    assert np.all(np.isnan(A.softmax_with_temperature([1000, 1001, 1002], naive=True)))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(-1500, 1500), min_size=2, max_size=6),
       st.floats(0.05, 20.0))
def test_naive_softmax_works_exactly_when_no_problem_is_reported(logits, t):
    naive = A.softmax_with_temperature(logits, t, naive=True)
    safe = A.softmax_with_temperature(logits, t)
    assert math.isclose(safe.sum(), 1.0, rel_tol=1e-12)
    if A.softmax_naive_problem(logits, t) is None:
        # An e^z that underflows into the subnormals keeps only an absolute
        # precision of the smallest subnormal; dividing by Σe^z scales that error.
        with np.errstate(under="ignore"):
            total = np.sum(np.exp(A.scaled_logits(logits, t)))
        subnormal_error = 2 * np.finfo(float).smallest_subnormal / total
        np.testing.assert_allclose(naive, safe, rtol=1e-9, atol=max(subnormal_error, 1e-300))
    else:
        assert not np.allclose(naive, safe)


# --- the tab ------------------------------------------------------------------------


@pytest.fixture
def tab(qtbot):
    from gui.activations.tab import ActivationsTab

    widget = ActivationsTab()
    widget.resize(1260, 740)
    yield widget
    # Deleted now: dozens of live tabs, never shown, made the first event loop of a
    # later test (tests/test_gates_tab.py) run for 15 s.
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del widget
    gc.collect()  # and their Python halves, which the plot theme's weak set still sees


def in_plot(tab, name, item) -> bool:
    return item in find_child(tab, object, name).getPlotItem().items


def expected_curve(tab, key):
    """f and f′ on the curve's x, from the engine with the tab's parameters."""
    act = ACTIVATIONS[key]
    x = tab.curves[key].getData()[0]
    kwargs = {**act.defaults(), **tab.state.params[key]}
    if act.random:
        kwargs["rng"] = tab.state.seeds[key]
    return x, act.fn(x, **kwargs), act.derivative(x, **kwargs)


def test_starts_with_sigmoid_tanh_and_relu(tab):
    assert tab.objectName() == "activationsTab"
    assert tab.tab_title()
    assert list(tab.curves) == ["sigmoid", "tanh", "relu"]
    assert list(tab.derivative_curves) == ["sigmoid", "tanh", "relu"]
    for key in ACTIVATIONS:
        assert find_child(tab, QCheckBox, f"act_{key}_check").isChecked() == (key in tab.curves)
    for key, item in tab.curves.items():
        assert in_plot(tab, "activationPlot", item)
        assert in_plot(tab, "derivativePlot", tab.derivative_curves[key])


@pytest.mark.parametrize("key", list(ACTIVATIONS))
def test_toggling_a_check_box_adds_and_removes_the_curves(tab, key):
    check = find_child(tab, QCheckBox, f"act_{key}_check")
    was = check.isChecked()
    check.setChecked(not was)
    check.setChecked(not was)  # twice: back where it started, through both transitions
    check.setChecked(True)
    item, derivative = tab.curves[key], tab.derivative_curves[key]
    assert in_plot(tab, "activationPlot", item)
    assert in_plot(tab, "derivativePlot", derivative)
    check.setChecked(False)
    assert key not in tab.curves and key not in tab.derivative_curves
    assert not in_plot(tab, "activationPlot", item)
    assert not in_plot(tab, "derivativePlot", derivative)


def test_every_curve_is_the_engine_function_and_its_derivative(tab):
    for key in ACTIVATIONS:
        find_child(tab, QCheckBox, f"act_{key}_check").setChecked(True)
    assert list(tab.curves) == list(ACTIVATIONS)
    for key in ACTIVATIONS:
        x, f, df = expected_curve(tab, key)
        assert x[0] == -5 and x[-1] == 5 and 0.0 in x
        np.testing.assert_allclose(tab.curves[key].getData()[1], f, rtol=1e-12, err_msg=key)
        dx, dy = tab.derivative_curves[key].getData()
        np.testing.assert_array_equal(dx, x)
        np.testing.assert_allclose(dy, df, rtol=1e-12, err_msg=key)


def test_leaky_alpha_spin_and_slider_change_the_curve(tab):
    find_child(tab, QCheckBox, "act_leaky_relu_check").setChecked(True)
    x, before = tab.curves["leaky_relu"].getData()
    np.testing.assert_allclose(before, A.leaky_relu(x, 0.01))
    find_child(tab, QDoubleSpinBox, "param_leaky_relu_alpha_spin").setValue(0.2)
    np.testing.assert_allclose(tab.curves["leaky_relu"].getData()[1], A.leaky_relu(x, 0.2))
    np.testing.assert_allclose(tab.derivative_curves["leaky_relu"].getData()[1],
                               A.leaky_relu_derivative(x, 0.2))
    find_child(tab, QSlider, "param_leaky_relu_alpha_slider").setValue(45)  # a drag: 0.45
    np.testing.assert_allclose(tab.curves["leaky_relu"].getData()[1], A.leaky_relu(x, 0.45))


def test_moving_a_parameter_shows_its_function(tab):
    assert "elu" not in tab.curves
    find_child(tab, QDoubleSpinBox, "param_elu_alpha_spin").setValue(2.0)
    x = tab.curves["elu"].getData()[0]
    np.testing.assert_allclose(tab.curves["elu"].getData()[1], A.elu(x, 2.0))
    assert "ELU" in find_child(tab, QTextBrowser, "activationInfo").toPlainText()


def test_derivative_view_grows_to_show_a_large_elu_alpha(tab):
    find_child(tab, QDoubleSpinBox, "param_elu_alpha_spin").setValue(3.0)
    top = find_child(tab, object, "derivativePlot").getPlotItem().vb.viewRange()[1][1]
    assert top >= float(np.max(tab.derivative_curves["elu"].getData()[1]))


def test_rrelu_training_resample_and_bounds(tab):
    training = find_child(tab, QCheckBox, "param_rrelu_training_check")
    resample = find_child(tab, QPushButton, "rreluResampleButton")
    assert not resample.isEnabled()  # evaluation mode draws nothing
    training.setChecked(True)
    assert resample.isEnabled()
    x, first = tab.curves["rrelu"].getData()
    np.testing.assert_allclose(first, expected_curve(tab, "rrelu")[1])
    find_child(tab, QDoubleSpinBox, "param_rrelu_upper_spin").setValue(0.5)
    moved = tab.curves["rrelu"].getData()[1]
    slopes = np.random.default_rng(tab.state.seeds["rrelu"]).uniform(1 / 8, 0.5, x.shape)
    np.testing.assert_allclose(moved, np.where(x > 0, x, slopes * x))  # same draw, new bound
    resample.click()
    resampled = tab.curves["rrelu"].getData()[1]
    assert not np.array_equal(resampled, moved)
    np.testing.assert_allclose(resampled, expected_curve(tab, "rrelu")[1])
    find_child(tab, QDoubleSpinBox, "param_rrelu_lower_spin").setValue(0.8)  # above upper
    assert tab.state.params["rrelu"]["upper"] == pytest.approx(0.8)
    assert find_child(tab, QDoubleSpinBox, "param_rrelu_upper_spin").value() == pytest.approx(0.8)


def test_noisy_relu_keeps_its_draw_until_resampled(tab):
    find_child(tab, QCheckBox, "act_noisy_relu_check").setChecked(True)
    first = tab.curves["noisy_relu"].getData()[1]
    find_child(tab, QDoubleSpinBox, "param_leaky_relu_alpha_spin").setValue(0.3)
    np.testing.assert_array_equal(tab.curves["noisy_relu"].getData()[1], first)
    find_child(tab, QPushButton, "noisyReluResampleButton").click()
    second = tab.curves["noisy_relu"].getData()[1]
    assert not np.array_equal(second, first)
    np.testing.assert_allclose(second, expected_curve(tab, "noisy_relu")[1])


def test_gelu_combo_switches_to_the_tanh_formula(tab):
    find_child(tab, QComboBox, "param_gelu_approximate_combo").setCurrentIndex(1)
    x, y = tab.curves["gelu"].getData()
    np.testing.assert_allclose(
        y, 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3))))
    np.testing.assert_allclose(tab.derivative_curves["gelu"].getData()[1],
                               A.gelu_derivative(x, "tanh"))


@pytest.mark.parametrize("half_width", [1, 5, 10, 100])
def test_x_range_combo_fixes_both_views(tab, qtbot, half_width):
    tab.show()
    qtbot.waitExposed(tab)
    combo = find_child(tab, QComboBox, "xRangeCombo")
    combo.setCurrentText(f"−{half_width} … {half_width}")
    for name in ("activationPlot", "derivativePlot"):
        view = find_child(tab, object, name).getPlotItem().vb
        assert view.viewRange()[0] == pytest.approx([-half_width, half_width])
        assert view.autoRangeEnabled() == [False, False]
    x, y = tab.curves["sigmoid"].getData()
    assert (x[0], x[-1]) == (-half_width, half_width)
    np.testing.assert_allclose(y, A.sigmoid(x))
    low, high = find_child(tab, object, "activationPlot").getPlotItem().vb.viewRange()[1]
    assert low < -1 and high >= 1  # tanh's whole range is in view


def test_crosshair_shows_x_and_every_shown_function(tab, qtbot):
    tab.show()
    qtbot.waitExposed(tab)
    plot = find_child(tab, object, "derivativePlot")
    scene_pos = plot.getPlotItem().vb.mapViewToScene(QPointF(1.0, 0.5))
    plot.scene().sigMouseMoved.emit(scene_pos)
    assert find_child(tab, QLabel, "crosshairLabel").text() == "x = 1"

    def readout(key):
        cells = [find_child(tab, QLabel, f"crosshair_{key}_{part}") for part in ("f", "df")]
        return [cell.text() for cell in cells if cell.isVisible()]

    for key in ("sigmoid", "tanh"):
        act = A.ACTIVATIONS[key]
        assert readout(key) == [f"{float(act.fn(1.0)):.4g}", f"{float(act.derivative(1.0)):.4g}"]
    assert readout("relu") == ["1", "1"]
    assert readout("elu") == []  # not shown, so not read out
    find_child(tab, QCheckBox, "act_elu_check").setChecked(True)
    assert readout("elu") == [f"{float(A.elu(1.0)):.4g}", f"{float(A.elu_derivative(1.0)):.4g}"]


def test_info_panel_follows_the_selection(tab):
    info = find_child(tab, QTextBrowser, "activationInfo")
    combo = find_child(tab, QComboBox, "activationInfoCombo")
    combo.setCurrentIndex(combo.findData("elu"))
    elu = ACTIVATIONS["elu"]
    text = info.toPlainText()
    for part in (elu.formula, elu.derivative_formula, elu.output_range, *elu.pros, *elu.cons):
        assert part in text
    find_child(tab, QCheckBox, "act_gelu_check").setChecked(True)
    assert combo.currentData() == "gelu"
    assert ACTIVATIONS["gelu"].derivative_formula in info.toPlainText()


# --- softmax playground ----------------------------------------------------------------


def set_logits(tab, values):
    find_child(tab, QSpinBox, "logitCountSpin").setValue(len(values))
    for i, v in enumerate(values):
        find_child(tab, QDoubleSpinBox, f"logit_{i}_spin").setValue(v)


def bar_heights(tab):
    return np.asarray(tab.softmax.bars.opts["height"], dtype=float)


def test_softmax_starts_with_the_posts_example(tab):
    assert tab.logits() == [4.8, 1.21, 2.385]
    np.testing.assert_allclose(tab.softmax_probabilities, [0.89528266, 0.02470831, 0.08000903],
                               atol=1e-8)
    np.testing.assert_array_equal(bar_heights(tab), tab.softmax_probabilities)


def test_softmax_bars_stay_finite_for_huge_logits_while_naive_overflows(tab):
    set_logits(tab, [1000.0, 1001.0, 1002.0])
    p = tab.softmax_probabilities
    assert isinstance(p, np.ndarray) and np.all(np.isfinite(p))
    assert p.sum() == pytest.approx(1.0, abs=1e-12)
    e = np.exp(np.array([-2.0, -1.0, 0.0]))
    np.testing.assert_allclose(p, e / e.sum(), rtol=1e-12)
    np.testing.assert_array_equal(bar_heights(tab), p)
    label = find_child(tab, QLabel, "softmaxNaiveLabel")
    assert "NaN" not in label.text()
    find_child(tab, QCheckBox, "softmaxNaiveCheck").setChecked(True)
    assert "Overflow" in label.text() and "NaN" in label.text()
    table = find_child(tab, QTableWidget, "softmaxTable")
    assert [table.item(3, c).text() for c in range(3)] == ["NaN"] * 3
    assert np.all(np.isfinite(tab.softmax_probabilities))  # the safe bars are unchanged
    set_logits(tab, [1.0, 2.0, 3.0])
    assert "Overflow" not in label.text() and "NaN" not in label.text()


def test_huge_logits_button_shows_the_overflow(tab):
    find_child(tab, QPushButton, "softmaxHugeButton").click()
    assert tab.logits() == [1000.0, 1001.0, 1002.0]
    assert find_child(tab, QCheckBox, "softmaxNaiveCheck").isChecked()
    assert "Overflow" in find_child(tab, QLabel, "softmaxNaiveLabel").text()
    find_child(tab, QPushButton, "softmaxExampleButton").click()
    assert tab.logits() == [4.8, 1.21, 2.385]


def test_temperature_reshapes_the_distribution(tab):
    spin = find_child(tab, QDoubleSpinBox, "temperatureSpin")
    x = np.array(tab.logits())
    for t in (0.5, 2.0, 5.0):
        spin.setValue(t)
        e = np.exp((x - x.max()) / t)
        np.testing.assert_allclose(tab.softmax_probabilities, e / e.sum(), rtol=1e-12)
        np.testing.assert_allclose(tab.softmax_probabilities, A.softmax_with_temperature(x, t))
        assert tab.softmax_probabilities.sum() == pytest.approx(1.0)
    hot = tab.softmax_probabilities.max()
    spin.setValue(0.5)
    assert tab.softmax_probabilities.max() > hot


def test_logit_count_shows_that_many_logits_and_bars(tab):
    set_logits(tab, [0.0, 1.0, 2.0, 3.0, 4.0])
    assert tab.logits() == [0.0, 1.0, 2.0, 3.0, 4.0]
    assert len(bar_heights(tab)) == 5
    assert find_child(tab, QDoubleSpinBox, "logit_5_spin").isHidden()
    assert not find_child(tab, QDoubleSpinBox, "logit_4_spin").isHidden()
    np.testing.assert_allclose(tab.softmax_probabilities, A.softmax(np.arange(5.0)))


# --- vanishing-gradient chain ------------------------------------------------------------


def test_chain_plot_is_the_engine_product(tab):
    find_child(tab, QSlider, "chainLengthSlider").setValue(25)
    find_child(tab, QDoubleSpinBox, "chainInputSpin").setValue(0.5)
    for key, fn, dfn in (("sigmoid", A.sigmoid, A.sigmoid_derivative),
                         ("relu", A.relu, A.relu_derivative)):
        x, y = tab.chain.chain_curves[key].getOriginalDataset()
        np.testing.assert_array_equal(x, np.arange(1, 26))
        np.testing.assert_allclose(y, _chain_by_hand(fn, dfn, 25, 0.5), rtol=1e-12)
    plot = find_child(tab, object, "chainPlot").getPlotItem()
    assert plot.ctrl.logYCheck.isChecked()  # log y axis
    assert "25" in find_child(tab, QLabel, "chainSummaryLabel").text()


def test_chain_with_a_dead_relu_says_so(tab):
    find_child(tab, QDoubleSpinBox, "chainInputSpin").setValue(-1.0)
    np.testing.assert_array_equal(tab.chain.chain_curves["relu"].getOriginalDataset()[1],
                                  np.zeros(10))
    assert "dead" in find_child(tab, QLabel, "chainSummaryLabel").text()


# --- the tab protocol --------------------------------------------------------------------


def _change_everything(tab):
    find_child(tab, QCheckBox, "act_gelu_check").setChecked(True)
    find_child(tab, QCheckBox, "act_sigmoid_check").setChecked(False)
    find_child(tab, QDoubleSpinBox, "param_prelu_alpha_spin").setValue(0.4)
    find_child(tab, QCheckBox, "param_rrelu_training_check").setChecked(True)
    find_child(tab, QPushButton, "rreluResampleButton").click()
    find_child(tab, QComboBox, "xRangeCombo").setCurrentIndex(2)
    set_logits(tab, [1.0, 2.0, 3.0, 4.0])
    find_child(tab, QDoubleSpinBox, "temperatureSpin").setValue(2.5)
    find_child(tab, QCheckBox, "softmaxNaiveCheck").setChecked(True)
    find_child(tab, QSlider, "chainLengthSlider").setValue(33)
    tab.pages.setCurrentIndex(2)


def test_state_round_trips_through_json(tab, qtbot):
    from gui.activations.tab import ActivationsTab

    _change_everything(tab)
    saved = json.loads(json.dumps(tab.state_dict()))
    other = ActivationsTab()
    qtbot.addWidget(other)
    other.load_state(saved)
    assert other.state_dict() == tab.state_dict()
    assert list(other.curves) == list(tab.curves)
    for key in tab.curves:
        np.testing.assert_array_equal(other.curves[key].getData()[1],
                                      tab.curves[key].getData()[1])
    np.testing.assert_array_equal(other.softmax_probabilities, tab.softmax_probabilities)
    assert find_child(other, QDoubleSpinBox, "temperatureSpin").value() == 2.5
    assert other.pages.currentIndex() == 2
    assert other.export_plot() is find_child(other, object, "chainPlot")


@pytest.mark.parametrize("bad", [
    {"checked": ["sigmoid", "softplus"]},
    {"params": {"leaky_relu": {"alpha": 3.0}}},
    {"params": {"rrelu": {"lower": 0.5, "upper": 0.2}}},
    {"x_range": 7},
    {"logits": [1.0, 2.0]},
    {"logits": [1.0, 2.0, math.nan]},
    {"temperature": 0.0},
    {"naive": "yes"},
    {"chain_length": 51},
    {"seeds": {"relu": 1}},
    {"page": 3},
    {"selected": "softplus"},
    {"temperature": 2.0, "chain_input": 9.0},  # one good value does not slip through
])
def test_bad_state_raises_and_changes_nothing(tab, bad):
    before = tab.state_dict()
    probabilities = tab.softmax_probabilities.copy()
    with pytest.raises(ValueError):
        tab.load_state(bad)
    assert tab.state_dict() == before
    np.testing.assert_array_equal(tab.softmax_probabilities, probabilities)


def test_reset_restores_the_defaults(tab):
    from gui.activations.tab import ActivationsTab

    fresh = ActivationsTab().state_dict()
    _change_everything(tab)
    assert tab.state_dict() != fresh
    tab.reset_tab()
    assert tab.state_dict() == fresh
    assert list(tab.curves) == ["sigmoid", "tanh", "relu"]
    assert find_child(tab, QDoubleSpinBox, "param_prelu_alpha_spin").value() == 0.25
    assert not find_child(tab, QCheckBox, "softmaxNaiveCheck").isChecked()


def test_changed_is_emitted_and_snapshot_has_the_probabilities(tab, qtbot):
    with qtbot.waitSignal(tab.changed, timeout=1000):
        find_child(tab, QDoubleSpinBox, "logit_2_spin").setValue(6.0)
    snapshot = tab.exercise_snapshot()
    np.testing.assert_array_equal(snapshot["softmax_probabilities"], tab.softmax_probabilities)
    with qtbot.waitSignal(tab.changed, timeout=1000):
        find_child(tab, QCheckBox, "act_step_check").setChecked(True)
    tab.stop_animation()
    assert tab.export_plot() is find_child(tab, object, "activationPlot")


# --- language and theme in place (issue 12) -------------------------------------------


def texts(tab) -> tuple:
    return (tab.pages.tabText(0), tab.functions.plot.getPlotItem().titleLabel.text,
            tab.softmax.plot.getPlotItem().titleLabel.text,
            tab.chain.plot.getPlotItem().titleLabel.text,
            tab.functions.checks_box.title(),
            find_child(tab, QTextBrowser, "activationInfo").toPlainText().splitlines()[0])


def test_language_and_theme_change_in_place(tab, switch):
    find_child(tab, QCheckBox, "act_step_check").setChecked(True)
    english = texts(tab)
    assert english[:4] == ("Functions and derivatives", "Activation f(x)",
                           "Probabilities softmax(x / T)",
                           "Gradient reaching the input (log scale)")
    state = tab.state_dict()
    step_pen = tab.curves["step"].opts["pen"].color().name()

    switch("zh_CN", True, tab)
    chinese = texts(tab)
    assert all(c != e for c, e in zip(chinese, english, strict=True)), chinese
    assert chinese[1] == "激活函数 f(x)"
    assert tab.curves["step"].opts["pen"].color().name() == "#dddddd" != step_pen
    for plot in (tab.functions.plot, tab.softmax.plot, tab.chain.plot):
        labels = [label for _sample, label in plot.getPlotItem().legend.items]
        assert labels and all("#dddddd" in label.item.toHtml() for label in labels)
    assert tab.state_dict() == state  # nothing the learner set is lost

    switch("en", False, tab)
    assert texts(tab) == english
    assert tab.curves["step"].opts["pen"].color().name() == step_pen
    assert tab.state_dict() == state


# --- keyboard, screen readers, a laptop's screen (issue 13) ---------------------------


def test_every_control_has_an_accessible_name_and_every_plot_a_description(tab):
    assert unnamed_controls(tab) == []
    assert find_child(tab, QSlider, "param_elu_alpha_slider").accessibleName()
    for name in ("activationPlot", "derivativePlot", "softmaxPlot", "chainPlot"):
        assert find_child(tab, object, name).accessibleDescription(), name


@pytest.mark.parametrize("page", [0, 1, 2])
def test_tab_walks_every_slider_of_a_page_and_comes_back(tab, qtbot, page):
    tab.show()
    qtbot.waitExposed(tab)
    tab.pages.setCurrentIndex(page)
    visited = tab_walk(tab, qtbot)
    assert visited[0] is tab.pages.tabBar()  # focus starts on the page tabs
    wanted = [w for w in widgets(tab, (QSlider, QAbstractSpinBox))
              if w.isVisible() and w.isEnabled()]
    assert len(wanted) >= (12, 5, 2)[page]
    assert [w.objectName() for w in wanted if w not in visited] == []
    tables = tab.findChildren(QTableWidget)
    assert tables and not any(t in visited or t.tabKeyNavigation() for t in tables)


@pytest.mark.parametrize("size", [(1000, 580), (1260, 740)])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_page_fits_a_laptop_tab(tab, qtbot, switch, size, language):
    switch(language, False)
    tab.resize(*size)
    tab.show()
    qtbot.waitExposed(tab)
    for key in ACTIVATIONS:  # the crosshair readout at its tallest
        find_child(tab, QCheckBox, f"act_{key}_check").setChecked(True)
    tab.functions.set_crosshair(1.0)
    find_child(tab, QPushButton, "softmaxHugeButton").click()  # the longest naive note
    for page in range(3):
        tab.pages.setCurrentIndex(page)
        QApplication.processEvents()
        assert outside(tab) == [], (page, language, size)
    hint = tab.minimumSizeHint()
    assert hint.width() <= 980 and hint.height() <= 560


def test_the_chain_axis_writes_every_tick_as_a_power_of_ten(tab, qtbot):
    from gui.activations.chain import log_tick_string

    assert [log_tick_string(v) for v in (0, -1, -5, 1)] == ["10⁰", "10⁻¹", "10⁻⁵", "10¹"]
    assert log_tick_string(math.log10(2e-4)) == "2·10⁻⁴"
    tab.resize(1260, 740)
    tab.show()
    qtbot.waitExposed(tab)
    tab.pages.setCurrentIndex(2)
    find_child(tab, QSlider, "chainLengthSlider").setValue(12)  # down to ≈ 10⁻⁸
    QApplication.processEvents()
    axis = find_child(tab, object, "chainPlot").getPlotItem().getAxis("left")
    low, high = axis.range
    labels = [text for spacing, values in axis.tickValues(low, high, axis.size().height())
              for text in axis.tickStrings(values, axis.autoSIPrefixScale, spacing)]
    assert "10⁻⁴" in labels and "10⁻⁵" in labels and "10⁰" in labels
    assert all(text == "" or "10" in text for text in labels), labels
    assert not any("0.0" in text or "e-" in text for text in labels), labels


# --- hostile states (issue 14) ----------------------------------------------------------

ACTIVATION_STATES = test_gates_tab.hostile_states(
    ("checked", "params", "seeds", "x_range", "selected", "logits", "temperature", "naive",
     "chain_length", "chain_input", "page"),
    {"checked": st.lists(st.sampled_from([*ACTIVATIONS, "softplus"]), max_size=4),
     "params": st.dictionaries(
         st.sampled_from([*ACTIVATIONS, "nope"]),
         st.dictionaries(st.sampled_from(["alpha", "lower", "upper", "sigma", "training",
                                          "approximate", "beta"]),
                         st.floats(-2, 6) | st.booleans() | st.sampled_from(["tanh", "none"])),
         max_size=3),
     "seeds": st.dictionaries(st.sampled_from(["rrelu", "noisy_relu", "relu"]),
                              st.integers(-5, 2**32)),
     "x_range": st.sampled_from([1, 5, 7, 10.0, 100, "5"]),
     "selected": st.sampled_from([*ACTIVATIONS, "softplus"]),
     "logits": st.lists(st.floats(-6000, 6000), min_size=2, max_size=7),
     "temperature": st.floats(-1, 25),
     "naive": st.booleans() | st.integers(0, 1),
     "chain_length": st.integers(-1, 60) | st.floats(0, 60),
     "chain_input": st.floats(-6, 6),
     "page": st.integers(-1, 3)})


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ACTIVATION_STATES)
@example({"params": {"elu": {"alpha": 10**400}}})  # beyond a float: not an OverflowError
@example({"logits": [1.0, 2.0, 10**400]})
def test_load_state_refuses_hostile_states_and_changes_nothing(tab, state):
    def seen():
        return (list(tab.curves), tab.softmax_probabilities.tolist(),
                find_child(tab, QDoubleSpinBox, "temperatureSpin").value(),
                find_child(tab, QSlider, "chainLengthSlider").value(), tab.pages.currentIndex())

    test_gates_tab.assert_refused_or_loaded(tab, state, seen)
