"""Sine-fit tab (issue 4), driven as a user would, checked against the engine
computed independently; plus the small engine helpers the tab added."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from helpers import find_child
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QSlider,
    QToolButton,
)

from engine import presets
from engine.losses import fit_metrics, mse, r2_score
from engine.network import MLP
from engine.serialization import numpy_code, save_params
from engine.targets import TARGETS, merge_sketch, sine_data, sketch_target
from gui.sine.tab import SineFitTab

NAMES = MLP((1, 8, 8, 1)).param_names()
SINE_X = sine_data(1000)[0][:, 0]
SINE_Y = np.sin(2 * np.pi * SINE_X)


@pytest.fixture
def tab(show_tab):
    return show_tab(SineFitTab())


def spin(tab, name) -> QDoubleSpinBox:
    return find_child(tab, QDoubleSpinBox, f"{name}_spin")


def slider(tab, name) -> QSlider:
    return find_child(tab, QSlider, f"{name}_slider")


def shown_output(tab) -> np.ndarray:
    x, y = tab.output_curve.getData()
    assert np.array_equal(x, tab.x_values)
    return y


def fresh_prediction(tab) -> np.ndarray:
    """The network's output computed by a separate MLP holding the same numbers."""
    net = MLP((1, 8, 8, 1))
    net.set_flat(tab.network.get_flat())
    return net.predict(tab.x_values)


def choose_preset(tab, text):
    find_child(tab, QComboBox, "presetCombo").setCurrentText(text)


def label_number(tab, name) -> float:
    return float(find_child(tab, QLabel, name).text().split()[-1])


# --- layout and contract ---

def test_every_parameter_has_a_slider_spin_box_and_lock(tab):
    for name in NAMES:
        box, bar = spin(tab, name), slider(tab, name)
        assert (box.minimum(), box.maximum(), box.singleStep(), box.decimals()) == (
            -10.0, 10.0, 0.01, 3)
        assert (bar.minimum(), bar.maximum()) == (-1000, 1000)  # −10 … 10 in steps of 0.01
        lock = find_child(tab, QToolButton, f"{name}_lock")
        assert lock.isCheckable() and lock.toolTip()
    for name in ("sinePlot", "mseLabel", "r2Label", "maxErrorLabel", "bestMseLabel",
                 "guidedCaption"):
        assert tab.findChild(object, name) is not None, name
    for cls, name in ((QCheckBox, "showNeuronsCheck"), (QComboBox, "targetCombo"),
                      (QPushButton, "guidedBuildButton"), (QPushButton, "autoFitButton"),
                      (QPushButton, "guidedNextButton"), (QPushButton, "guidedPrevButton"),
                      (QToolButton, "fitViewButton"), (QToolButton, "saveWeightsButton"),
                      (QToolButton, "loadWeightsButton"), (QToolButton, "copyNumpyButton")):
        assert find_child(tab, cls, name).toolTip(), name
    assert tab.objectName() == "sineTab"
    assert tab.weights_io() is tab
    assert tab.export_plot() is find_child(tab, object, "sinePlot")


def test_presets_are_listed_in_order_and_the_tab_starts_on_the_first_pair(tab):
    combo = find_child(tab, QComboBox, "presetCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Hand-tuned", "NNFS first step", "Random", "Zeros", "Custom"]
    assert combo.currentText() == "NNFS first step"
    assert np.array_equal(tab.network.get_flat(), presets.nnfs_first_step())
    assert np.array_equal(shown_output(tab), fresh_prediction(tab))
    assert tab.undo_stack.count() == 0


# --- real time ---

def test_each_spin_box_sets_exactly_that_value_and_the_curve_follows(tab):
    rng = np.random.default_rng(4)
    for name in NAMES:
        value = round(float(rng.uniform(-3, 3)), 3)
        spin(tab, name).setValue(value)
        assert tab.network.get_param(name) == spin(tab, name).value() == value
        assert np.array_equal(shown_output(tab), tab.network.predict(tab.x_values))
    assert np.allclose(shown_output(tab), fresh_prediction(tab), rtol=0, atol=1e-12)
    assert tab.undo_stack.count() == len(NAMES)  # one step per typed value


def test_a_slider_drag_updates_while_dragging_and_is_one_undo_step(tab):
    choose_preset(tab, "Hand-tuned")
    before = tab.network.get_flat()
    steps_before = tab.undo_stack.count()
    bar = slider(tab, "w3_2_0")
    bar.setSliderDown(True)  # the user grabs the handle
    for ticks in (300, 250, 120, -40):
        bar.setValue(ticks)
        assert tab.network.get_param("w3_2_0") == ticks / 100
        assert spin(tab, "w3_2_0").value() == ticks / 100
        assert np.array_equal(shown_output(tab), tab.network.predict(tab.x_values))
    bar.setSliderDown(False)
    assert tab.undo_stack.count() == steps_before + 1
    tab.undo()
    assert np.array_equal(tab.network.get_flat(), before)
    assert spin(tab, "w3_2_0").value() == before[NAMES.index("w3_2_0")]
    assert np.array_equal(shown_output(tab), tab.network.predict(tab.x_values))
    tab.redo()
    assert tab.network.get_param("w3_2_0") == -0.4


def test_undo_and_redo_shortcuts_live_on_the_tab(tab, qtbot):
    before = tab.network.get_param("b3_0")
    spin(tab, "b3_0").setValue(0.5)
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    tab.plot.widget.setFocus()
    qtbot.keyClick(tab.plot.widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.network.get_param("b3_0") == before
    qtbot.keyClick(tab.plot.widget, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert tab.network.get_param("b3_0") == 0.5
    assert find_child(tab, QToolButton, "undoButton").isEnabled()


def test_readouts_show_the_engines_metrics_for_the_hand_tuned_net(tab):
    choose_preset(tab, "Hand-tuned")
    net = MLP((1, 8, 8, 1))
    net.set_flat(presets.hand_tuned_sine())
    expected = mse(net.predict(SINE_X), SINE_Y)
    assert expected <= 0.005
    assert find_child(tab, QLabel, "mseLabel").text() == f"MSE {expected:#.4g}"
    assert label_number(tab, "r2Label") == pytest.approx(r2_score(net.predict(SINE_X), SINE_Y),
                                                         abs=1e-4)
    assert label_number(tab, "maxErrorLabel") == pytest.approx(
        np.max(np.abs(net.predict(SINE_X) - SINE_Y)), abs=1e-4)
    assert label_number(tab, "bestMseLabel") == pytest.approx(expected, rel=1e-3)
    spin(tab, "b3_0").setValue(0.3)  # worse: the best stays
    assert label_number(tab, "mseLabel") > label_number(tab, "bestMseLabel")


def test_every_preset_loads_its_engine_weights_as_one_undo_step(tab):
    expected = {"Hand-tuned": presets.hand_tuned_sine(), "Zeros": presets.zeros(),
                "NNFS first step": presets.nnfs_first_step()}
    for text, values in expected.items():
        count = tab.undo_stack.count()
        choose_preset(tab, text)
        assert np.array_equal(tab.network.get_flat(), values)
        assert np.array_equal(shown_output(tab), fresh_prediction(tab))
        assert tab.undo_stack.count() == count + 1
    choose_preset(tab, "Random")
    first = tab.network.get_flat()
    assert np.all(np.isfinite(first)) and np.count_nonzero(first) > 40
    find_child(tab, QToolButton, "presetReloadButton").click()
    assert not np.array_equal(tab.network.get_flat(), first)  # new draw


def test_neuron_curves_and_kink_markers_come_from_the_engine(tab):
    choose_preset(tab, "Hand-tuned")
    find_child(tab, QCheckBox, "showNeuronsCheck").setChecked(True)
    contributions = tab.network.contributions(tab.x_values)
    for k, curve in enumerate(tab.plot.neuron_curves):
        assert curve.isVisible()
        assert np.array_equal(curve.getData()[1], contributions[:, k])
    kinks = tab.network.kinks()
    assert [line.value() for line in tab.plot.kink_lines] == pytest.approx(kinks)
    spin(tab, "b1_3").setValue(-0.5)  # kink of neuron 3 moves to x = 0.5
    assert tab.plot.kink_lines[3].value() == pytest.approx(0.5)
    spin(tab, "w1_0_4").setValue(0.0)  # no kink: the marker hides
    assert not tab.plot.kink_lines[4].isVisible()
    find_child(tab, QCheckBox, "showNeuronsCheck").setChecked(False)
    assert not any(curve.isVisible() for curve in tab.plot.neuron_curves)


def test_gradient_hints_point_downhill_on_the_page_on_show(tab):
    choose_preset(tab, "Hand-tuned")
    spin(tab, "b2_5").setValue(0.3)
    tab.diagram.neuronSelected.emit(2, 5)  # as a click on the node does
    assert tab.panel.current_neuron() == (2, 5)
    _, gradient = tab.network.loss_and_gradient(tab.x_values, tab.target_values)
    for name in tab.panel.neuron_names(2, 5):
        downhill = -gradient[NAMES.index(name)]
        text = find_child(tab, QLabel, f"{name}_hint").text()
        assert text == ("▶" if downhill > 0 else "◀" if downhill < 0 else "·"), name


def _click_node(diagram, qtbot, layer, index):
    point = diagram.mapFromScene(diagram.node_position(layer, index))
    qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_clicking_a_neuron_in_the_diagram_opens_its_parameters(tab, qtbot):
    _click_node(tab.diagram, qtbot, 2, 6)
    assert tab.panel.current_neuron() == (2, 6)
    assert slider(tab, "w2_0_6").isVisible() and slider(tab, "b2_6").isVisible()
    assert not slider(tab, "b2_5").isVisible()
    tab.panel.layer_tabs.setCurrentIndex(2)  # the user opens the Output tab
    assert tab.diagram.selected() == (3, 0)


# --- mouse on the plot ---

def _send_mouse(widget, kind, pos, buttons):
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else (
        Qt.MouseButton.NoButton)
    event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def _drag_on_plot(tab, points):
    """Press at the first (x, y) of the plot's data coordinates, move through
    the others, release at the last."""
    view_box, plot = tab.plot.widget.getPlotItem().getViewBox(), tab.plot.widget
    pixels = [plot.mapFromScene(view_box.mapViewToScene(QPointF(x, y))) for x, y in points]
    viewport = plot.viewport()
    left = Qt.MouseButton.LeftButton
    _send_mouse(viewport, QEvent.Type.MouseButtonPress, pixels[0], left)
    for pixel in pixels[1:]:
        _send_mouse(viewport, QEvent.Type.MouseMove, pixel, left)
    _send_mouse(viewport, QEvent.Type.MouseButtonRelease, pixels[-1], Qt.MouseButton.NoButton)


def test_dragging_a_kink_marker_moves_that_neurons_bias(tab):
    choose_preset(tab, "Hand-tuned")
    find_child(tab, QCheckBox, "showNeuronsCheck").setChecked(True)
    before = tab.network.get_flat()
    count = tab.undo_stack.count()
    _drag_on_plot(tab, [(0.25, -1.2), (0.27, -1.2), (0.29, -1.2), (0.31, -1.2)])
    bias = tab.network.get_param("b1_2")
    assert bias == pytest.approx(-0.31, abs=0.005)  # w = 1, so the kink −b/w is at the mouse
    assert bias == spin(tab, "b1_2").value()  # rounded like a typed value
    assert tab.plot.kink_lines[2].value() == pytest.approx(tab.network.kinks()[2])
    assert np.array_equal(shown_output(tab), tab.network.predict(tab.x_values))
    changed = np.flatnonzero(tab.network.get_flat() != before)
    assert [NAMES[k] for k in changed] == ["b1_2"]
    assert tab.undo_stack.count() == count + 1
    tab.undo()
    assert np.array_equal(tab.network.get_flat(), before)


def test_drawing_your_own_target(tab):
    combo = find_child(tab, QComboBox, "targetCombo")
    combo.setCurrentText("draw your own")
    view = tab.plot.y_range()
    xs = np.linspace(0.1, 0.9, 30)
    _drag_on_plot(tab, [(x, 0.5) for x in xs])
    target = tab.target_values
    inside = (tab.x_values > 0.15) & (tab.x_values < 0.85)
    assert np.allclose(target[inside], 0.5, atol=0.01)
    assert np.array_equal(target, sketch_target(tab.model.sketch_x, tab.model.sketch_y,
                                                tab.x_values))
    assert np.array_equal(tab.target_curve.getData()[1], target)
    assert tab.plot.y_range() == view  # drawing did not pan the view
    expected = mse(tab.network.predict(tab.x_values), target)
    assert label_number(tab, "mseLabel") == pytest.approx(expected, rel=1e-3)
    _drag_on_plot(tab, [(x, -0.5) for x in np.linspace(0.4, 0.6, 10)])  # redraw a stretch
    middle = (tab.x_values > 0.42) & (tab.x_values < 0.58)
    assert np.allclose(tab.target_values[middle], -0.5, atol=0.01)
    assert np.allclose(tab.target_values[(tab.x_values > 0.15) & (tab.x_values < 0.3)], 0.5,
                       atol=0.01)


def test_every_target_shows_its_engine_curve(tab):
    combo = find_child(tab, QComboBox, "targetCombo")
    for index, (key, target) in enumerate(TARGETS.items()):
        combo.setCurrentIndex(index)
        assert combo.currentData() == key
        expected = target.fn(tab.x_values)
        assert np.array_equal(tab.target_values, expected)
        assert np.array_equal(tab.target_curve.getData()[1], expected)
        assert label_number(tab, "mseLabel") == pytest.approx(
            mse(tab.network.predict(tab.x_values), expected), rel=1e-3)
    assert combo.itemText(combo.count() - 1) == "draw your own"


def test_fit_view_shows_the_whole_output(tab):
    for name in NAMES[:8]:
        spin(tab, name).setValue(9.0)
    for name in ("w2_0_0", "w3_0_0"):
        spin(tab, name).setValue(5.0)
    output = shown_output(tab)
    assert output.max() > tab.plot.y_range()[1]
    find_child(tab, QToolButton, "fitViewButton").click()
    low, high = tab.plot.y_range()
    assert low <= min(output.min(), tab.target_values.min())
    assert high >= output.max()


# --- guided build ---

def test_guided_build_steps_through_the_pairs(tab):
    button = find_child(tab, QPushButton, "guidedBuildButton")
    next_button = find_child(tab, QPushButton, "guidedNextButton")
    prev_button = find_child(tab, QPushButton, "guidedPrevButton")
    caption = find_child(tab, QLabel, "guidedCaption")
    steps = presets.guided_sine_steps()
    button.click()
    assert np.array_equal(tab.network.get_flat(), steps[0])
    assert caption.text().startswith("Pair 1") and "-5.657" in caption.text()
    assert not prev_button.isEnabled() and tab.diagram.highlighted_pair() == 0
    next_button.click()
    next_button.click()
    assert np.array_equal(tab.network.get_flat(), steps[2])
    assert caption.text().startswith("Pair 3") and "0.250" in caption.text()
    assert tab.diagram.highlighted_pair() == 2 and tab.panel.current_neuron() == (1, 2)
    assert np.array_equal(shown_output(tab), fresh_prediction(tab))
    prev_button.click()
    assert np.array_equal(tab.network.get_flat(), steps[1])
    for _ in range(10):
        if next_button.isEnabled():
            next_button.click()
    assert np.array_equal(tab.network.get_flat(), presets.hand_tuned_sine())
    assert caption.text().startswith("Pair 8")
    tab.undo()  # each step was one undo step
    assert np.array_equal(tab.network.get_flat(), steps[6])
    button.click()
    assert tab.diagram.highlighted_pair() is None and not next_button.isEnabled()


# --- auto-fit ---

def _run_autofit(tab, qtbot, timeout=15_000):
    find_child(tab, QPushButton, "autoFitButton").click()
    qtbot.waitUntil(lambda: not tab.autofit.is_running(), timeout=timeout)
    assert not find_child(tab, QPushButton, "autoFitButton").isChecked()


def test_auto_fit_from_hand_tuned_reaches_mse_0_001(tab, qtbot):
    choose_preset(tab, "Hand-tuned")
    tab.autofit.steps_per_tick = 100
    count = tab.undo_stack.count()
    _run_autofit(tab, qtbot)
    reached = mse(fresh_prediction(tab), SINE_Y)
    assert reached <= 0.001
    assert reached <= find_child(tab, QDoubleSpinBox, "autoFitTargetSpin").value()
    assert np.array_equal(shown_output(tab), tab.network.predict(tab.x_values))
    assert "reached" in find_child(tab, QLabel, "sineMessage").text()
    assert tab.undo_stack.count() == count + 1
    tab.undo()
    assert np.array_equal(tab.network.get_flat(), presets.hand_tuned_sine())


def test_auto_fit_never_moves_a_locked_parameter(tab, qtbot):
    choose_preset(tab, "Hand-tuned")
    find_child(tab, QToolButton, "w3_3_0_lock").click()
    find_child(tab, QToolButton, "b1_4_lock").click()
    find_child(tab, QToolButton, "neuron_2_5_lock").click()  # a whole neuron
    frozen = ["w3_3_0", "b1_4", *tab.panel.neuron_names(2, 5)]
    assert sorted(tab.model.locked_names()) == sorted(frozen)
    assert all(find_child(tab, QToolButton, f"{n}_lock").isChecked() for n in frozen)
    tab.autofit.steps_per_tick = 50
    tab.autofit.max_steps = 150
    before = tab.network.get_flat()
    _run_autofit(tab, qtbot)
    after = tab.network.get_flat()
    moved = {NAMES[k] for k in np.flatnonzero(after != before)}
    assert not moved & set(frozen)
    assert len(moved) > 40


def test_a_diverging_auto_fit_stops_and_keeps_the_last_good_weights(tab, qtbot):
    choose_preset(tab, "Hand-tuned")
    before = tab.network.get_flat()
    tab.autofit.learning_rate = 1e200
    tab.autofit.steps_per_tick = 5
    _run_autofit(tab, qtbot)
    assert "diverged" in find_child(tab, QLabel, "sineMessage").text()
    assert np.array_equal(tab.network.get_flat(), before)
    assert math.isfinite(label_number(tab, "mseLabel"))
    assert np.array_equal(shown_output(tab), tab.network.predict(tab.x_values))


def test_undo_during_auto_fit_cancels_the_run(tab, qtbot):
    choose_preset(tab, "Random")
    start = tab.network.get_flat()
    count = tab.undo_stack.count()
    tab.autofit.steps_per_tick = 5
    find_child(tab, QPushButton, "autoFitButton").click()
    qtbot.waitUntil(lambda: tab.autofit.steps > 0)
    assert not np.array_equal(tab.network.get_flat(), start)
    tab.undo()
    assert not tab.autofit.is_running()
    assert np.array_equal(tab.network.get_flat(), start)
    assert tab.undo_stack.count() == count


def test_a_user_edit_stops_auto_fit_and_keeps_it_as_a_step(tab, qtbot):
    choose_preset(tab, "Random")
    count = tab.undo_stack.count()
    tab.autofit.steps_per_tick = 5
    find_child(tab, QPushButton, "autoFitButton").click()
    qtbot.waitUntil(lambda: tab.autofit.steps > 0)
    spin(tab, "b3_0").setValue(1.25)
    assert not tab.autofit.is_running()
    assert tab.network.get_param("b3_0") == 1.25
    assert tab.undo_stack.count() == count + 2  # the run, then the edit


# --- files and code ---

def test_save_and_load_round_trip(tab, tmp_path):
    choose_preset(tab, "Hand-tuned")
    spin(tab, "w2_3_3").setValue(-1.234)
    saved = tab.network.get_flat()
    path = tmp_path / "weights.json"
    assert tab.save_weights(path).ok
    choose_preset(tab, "Zeros")
    count = tab.undo_stack.count()
    assert tab.load_weights(path).ok
    assert np.array_equal(tab.network.get_flat(), saved)
    assert spin(tab, "w2_3_3").value() == -1.234
    assert np.array_equal(shown_output(tab), fresh_prediction(tab))
    assert tab.undo_stack.count() == count + 1
    tab.undo()
    assert np.array_equal(tab.network.get_flat(), presets.zeros())


@pytest.mark.parametrize(("content", "problem"), [
    ("{not json", "not a JSON file"),
    (json.dumps({"format": "other"}), "not a Neuron Tuner weights file"),
    ("too short", "not a JSON file"),
])
def test_a_bad_file_is_refused_and_changes_nothing(tab, tmp_path, content, problem):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    before = tab.network.get_flat()
    result = tab.load_weights(path)
    assert not result.ok and problem in result.message and str(path) in result.message
    assert np.array_equal(tab.network.get_flat(), before)
    assert tab.undo_stack.count() == 0
    assert tab.findChild(QMessageBox) is None  # the window shows the message, not the tab


def test_the_load_button_names_a_bad_files_problem_in_a_message_box(tab, tmp_path, qtbot,
                                                                       monkeypatch):
    path = tmp_path / "short.json"
    save_params(path, NAMES[:96], np.zeros(96))
    before = tab.network.get_flat()
    monkeypatch.setattr("gui.sine.tab.QFileDialog.getOpenFileName",
                        lambda *args, **kwargs: (str(path), ""))
    find_child(tab, QToolButton, "loadWeightsButton").click()
    box = tab.findChild(QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert "96 numbers" in box.text() and "97" in box.text()
    assert np.array_equal(tab.network.get_flat(), before)
    box.close()


@pytest.mark.parametrize("value", [1e7, 1e308, -10.5])
def test_a_value_beyond_the_sliders_range_is_refused(tab, tmp_path, value):
    """Issue 14.3: the bound of the sliders holds for files as for sessions."""
    path = tmp_path / "big.json"
    values = presets.hand_tuned_sine()
    values[0] = value
    save_params(path, NAMES, values)
    before, shown = tab.network.get_flat(), spin(tab, "w1_0_0").value()
    result = tab.load_weights(path)
    assert not result.ok and "w1_0_0" in result.message and "range" in result.message
    assert np.array_equal(tab.network.get_flat(), before)
    assert spin(tab, "w1_0_0").value() == shown
    state = tab.state_dict()
    with pytest.raises(ValueError, match="w1_0_0"):
        tab.load_state({**state, "params": values.tolist()})


def test_nan_in_a_file_is_refused(tab, tmp_path):
    path = tmp_path / "nan.json"
    document = {"format": "neuron-tuner/params", "version": 1, "names": NAMES,
                "values": [0.0] * 96 + ["NaN"]}
    path.write_text(json.dumps(document), encoding="utf-8")
    result = tab.load_weights(path)
    assert "b3_0" in result.message
    assert np.array_equal(tab.network.get_flat(), presets.nnfs_first_step())


def test_copy_as_numpy_code_rebuilds_the_weights(tab):
    choose_preset(tab, "Random")
    find_child(tab, QToolButton, "copyNumpyButton").click()
    code = QGuiApplication.clipboard().text()
    namespace: dict = {}
    exec(code, namespace)  # only the test runs the snippet; the app never evaluates code
    for k, layer in enumerate(tab.network.layers, start=1):
        assert np.array_equal(namespace[f"W{k}"], layer.weights)
        assert np.array_equal(namespace[f"b{k}"], layer.biases)
    assert np.array_equal(namespace["forward"](tab.x_values)[:, 0],
                          tab.network.predict(tab.x_values))


# --- session state ---

def test_state_round_trips_through_json(tab, qtbot):
    choose_preset(tab, "Random")
    find_child(tab, QComboBox, "targetCombo").setCurrentText("draw your own")
    tab.model.set_sketch([0.0, 0.5, 1.0], [0.2, -0.4, 0.9])
    find_child(tab, QToolButton, "b2_1_lock").click()
    find_child(tab, QCheckBox, "showNeuronsCheck").setChecked(True)
    tab.diagram.neuronSelected.emit(3, 0)
    state = json.loads(json.dumps(tab.state_dict()))

    other = SineFitTab()
    qtbot.addWidget(other)
    other.load_state(state)
    assert np.array_equal(other.network.get_flat(), tab.network.get_flat())
    assert np.array_equal(other.target_values, tab.target_values)
    assert other.model.locked_names() == ["b2_1"]
    assert find_child(other, QToolButton, "b2_1_lock").isChecked()
    assert find_child(other, QCheckBox, "showNeuronsCheck").isChecked()
    assert other.panel.current_neuron() == (3, 0)
    assert np.array_equal(shown_output(other), fresh_prediction(other))
    assert other.state_dict() == state


@pytest.mark.parametrize("change", [
    {"params": [0.0] * 96},
    {"params": [0.0] * 96 + [float("nan")]},
    {"params": [0.0] * 96 + [True]},
    {"target": "spiral"},
    {"preset": "perfect"},
    {"sketch": {"x": [0.0, 1.0], "y": [0.0]}},
    {"locked": ["w9_9_9"]},
    {"show_neurons": "yes"},
    {"selected": [4, 0]},
    {"y_range": [1.0, -1.0]},
    {"y_range": [0.0]},
    {"y_range": [-1e300, 1e300]},
    {"autofit_target_mse": 0.0},
    {"surprise": 1},
])
def test_a_bad_state_raises_and_leaves_the_tab_as_it_was(tab, change):
    spin(tab, "b3_0").setValue(0.25)
    before = tab.state_dict()
    with pytest.raises(ValueError):
        tab.load_state({**before, **change})
    assert tab.state_dict() == before
    assert tab.undo_stack.count() == 1


def test_reset_tab_goes_back_to_the_start(tab):
    choose_preset(tab, "Hand-tuned")
    find_child(tab, QToolButton, "w1_0_0_lock").click()
    find_child(tab, QCheckBox, "showNeuronsCheck").setChecked(True)
    tab.reset_tab()
    assert np.array_equal(tab.network.get_flat(), presets.nnfs_first_step())
    assert tab.model.locked_names() == []
    assert not find_child(tab, QCheckBox, "showNeuronsCheck").isChecked()
    assert tab.undo_stack.count() == 0


def test_changed_is_emitted_after_a_change(tab, qtbot):
    with qtbot.waitSignal(tab.changed, timeout=1000):
        spin(tab, "w1_0_1").setValue(2.0)
    with qtbot.waitSignal(tab.changed, timeout=1000):
        find_child(tab, QComboBox, "targetCombo").setCurrentIndex(1)


# --- engine helpers added for the tab ---

def test_fit_metrics():
    pred, true = np.array([0.0, 1.0, 2.0, 4.0]), np.array([0.0, 1.0, 2.0, 3.0])
    metrics = fit_metrics(pred, true)
    assert metrics["mse"] == pytest.approx(0.25)
    assert metrics["r2"] == pytest.approx(1 - 1 / 5)
    assert metrics["max_abs_error"] == 1.0
    with pytest.raises(ValueError):
        fit_metrics([1.0, 2.0], [1.0])


def test_fit_snapshot_agrees_with_the_separate_calls():
    net = MLP((1, 8, 8, 1))
    net.set_flat(np.random.default_rng(7).normal(0, 1, net.n_params))
    snapshot = net.fit_snapshot(SINE_X, SINE_Y)
    loss, gradient = net.loss_and_gradient(SINE_X, SINE_Y)
    assert np.array_equal(snapshot.prediction, net.predict(SINE_X))
    assert snapshot.loss == loss
    assert np.array_equal(snapshot.gradient, gradient)
    assert np.array_equal(snapshot.contributions, net.contributions(SINE_X))
    for mask, expected in zip(snapshot.dead, net.dead_neurons(SINE_X), strict=True):
        assert np.array_equal(mask, expected)
    assert np.array_equal(snapshot.kinks, net.kinks(), equal_nan=True)


def test_bias_for_kink_puts_the_kink_there():
    net = MLP((1, 8, 8, 1))
    net.set_param("w1_0_3", -2.5)
    net.set_param("b1_3", net.bias_for_kink(3, 0.4))
    assert net.kinks()[3] == pytest.approx(0.4)
    net.set_param("w1_0_3", 0.0)
    with pytest.raises(ValueError, match="no kink"):
        net.bias_for_kink(3, 0.4)


def test_neuron_param_names():
    net = MLP((1, 8, 8, 1))
    assert net.neuron_param_names(1, 2) == ["w1_0_2", "b1_2"]
    assert net.neuron_param_names(3, 0) == [f"w3_{i}_0" for i in range(8)] + ["b3_0"]
    assert sorted(n for layer, size in ((1, 8), (2, 8), (3, 1)) for k in range(size)
                  for n in net.neuron_param_names(layer, k)) == sorted(net.param_names())
    with pytest.raises(ValueError):
        net.neuron_param_names(2, 8)


def test_merge_sketch_replaces_the_stroked_span():
    x, y = merge_sketch([0.0, 0.3, 0.5, 1.0], [1.0, 2.0, 3.0, 4.0], [0.6, 0.2], [9.0, 8.0])
    assert x.tolist() == [0.0, 0.2, 0.6, 1.0]
    assert y.tolist() == [1.0, 8.0, 9.0, 4.0]
    with pytest.raises(ValueError):
        merge_sketch([0.0], [0.0], [], [])
    with pytest.raises(ValueError):
        merge_sketch([0.0], [0.0], [0.5], [np.nan])


def test_numpy_code_rebuilds_a_network_exactly():
    net = MLP((1, 3, 2, 1), hidden_activation="tanh")
    net.set_flat(np.random.default_rng(3).normal(0, 1, net.n_params) / 3)
    namespace: dict = {}
    exec(numpy_code(net), namespace)  # test only: the app never evaluates code
    assert np.allclose(namespace["forward"](SINE_X)[:, 0], net.predict(SINE_X), atol=1e-12)
    with pytest.raises(ValueError):
        numpy_code(MLP((1, 2, 1), hidden_activation="gelu"))
