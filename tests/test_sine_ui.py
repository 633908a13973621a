"""Sine tab, issues 12–14: language and theme change in place, keyboard and
screen-reader use, the fit at laptop sizes, and the rough edges a newcomer
hit — each driven through the widgets as a user would."""

from __future__ import annotations

import json
import math
from itertools import pairwise

import numpy as np
import pytest
from helpers import enclosing_scroll_area, find_child
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QSlider,
    QWidget,
)

from engine import presets
from gui.common.plotting import plot_theme
from gui.i18n import install_language
from gui.sine.model import PARAM_LIMIT
from gui.sine.numbers import exact, fixed, significant
from gui.sine.tab import SineFitTab
from gui.theme import apply_theme

CONTROLS = (QAbstractSlider, QAbstractSpinBox, QCheckBox, QComboBox, QAbstractButton)


@pytest.fixture
def tab(show_tab):
    return show_tab(SineFitTab())


@pytest.fixture
def chinese():
    """Switch the interface to 简体中文 for one test, and back."""
    yield lambda: install_language("zh_CN")
    install_language("en")


def spin(tab, name) -> QDoubleSpinBox:
    return find_child(tab, QDoubleSpinBox, f"{name}_spin")


def choose_preset(tab, text):
    find_child(tab, QComboBox, "presetCombo").setCurrentText(text)


def message(tab) -> str:
    return find_child(tab, QLabel, "sineMessage").text()


# --- issue 12: language and theme in place ---

def test_a_language_switch_keeps_every_widget_the_best_mse_undo_and_the_guided_build(
        tab, qtbot, chinese):
    find_child(tab, QPushButton, "guidedBuildButton").click()
    find_child(tab, QPushButton, "guidedNextButton").click()
    best = tab.model.best_mse
    count = tab.undo_stack.count()
    widgets = {w.objectName(): w for w in tab.findChildren(QWidget) if w.objectName()}
    auto_fit = find_child(tab, QPushButton, "autoFitButton")
    assert auto_fit.text() == "Auto-fit"
    tab.autofit.max_steps = 10_000_000
    auto_fit.click()
    qtbot.waitUntil(lambda: tab.autofit.steps > 0)
    steps = tab.autofit.steps
    chinese()
    assert tab.autofit.is_running() and tab.is_running()
    qtbot.waitUntil(lambda: tab.autofit.steps > steps)
    assert auto_fit.text() != "Stop"  # translated in place
    assert find_child(tab, QComboBox, "presetCombo").itemData(0) == "hand_tuned"
    assert {w.objectName(): w for w in tab.findChildren(QWidget) if w.objectName()} == widgets
    tab.autofit.stop()
    assert tab.undo_stack.count() == count + 1  # the run; the guided steps are still there
    assert tab.model.best_mse <= best
    assert tab.guided_build.step == 1
    assert find_child(tab, QLabel, "guidedCaption").text() != ""


def test_a_theme_switch_recolours_the_diagram_in_place_while_auto_fit_runs(tab, qtbot):
    diagram = tab.diagram
    tab.autofit.max_steps = 10_000_000
    find_child(tab, QPushButton, "autoFitButton").click()
    qtbot.waitUntil(lambda: tab.autofit.steps > 0)
    steps = tab.autofit.steps
    try:
        apply_theme(True)
        tab.restyle()
        qtbot.waitUntil(lambda: tab.autofit.steps > steps)
        assert tab.is_running()
        assert tab.diagram is diagram
        assert diagram.backgroundBrush().color().name() == plot_theme().background
        assert plot_theme().dark
        for _, label in tab.plot.widget.getPlotItem().legend.items:  # legend text redrawn
            assert plot_theme().foreground in label.item.toHtml()
    finally:
        apply_theme(False)
        tab.restyle()
    assert diagram.backgroundBrush().color().name() == plot_theme().background


# --- issue 13: screen readers, keyboard, fit ---

def test_every_control_has_an_accessible_name(tab):
    tab.set_shape((1, 16, 16, 16, 1))
    tab.panel.finish_building()
    unnamed = [w.objectName() or type(w).__name__ for w in tab.findChildren(QWidget)
               if isinstance(w, CONTROLS) and not w.accessibleName()]
    assert unnamed == []
    assert find_child(tab, QSlider, "w1_0_0_slider").accessibleName() == (
        "weight from x to hidden-1 neuron 0")
    assert find_child(tab, QSlider, "w2_3_5_slider").accessibleName() == (
        "weight from hidden-1 neuron 3 to hidden-2 neuron 5")
    assert find_child(tab, QSlider, "w4_2_0_slider").accessibleName() == (
        "weight from hidden-3 neuron 2 to output y")
    assert find_child(tab, QSlider, "b4_0_slider").accessibleName() == "bias of output y"
    assert tab.plot.widget.accessibleDescription()
    assert tab.diagram.accessibleDescription()


def test_the_tab_key_visits_every_slider_and_comes_back(tab):
    tab.setFocus()
    start = QApplication.focusWidget()
    assert start is find_child(tab, QComboBox, "presetCombo")
    visited = set()
    for _ in range(2000):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if isinstance(focus, QSlider):
            visited.add(focus.objectName())
        if focus is start:
            break
    assert focus is start
    assert visited == {f"{name}_slider" for name in tab.network.param_names()}


@pytest.mark.parametrize("size", [(1000, 580), (1260, 740)])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_control_fits_inside_the_tab_or_a_scroll_area(tab, size, language):
    try:
        install_language(language)
        tab.resize(*size)
        QApplication.processEvents()
        assert tab.minimumSizeHint().width() <= 980 and tab.minimumSizeHint().height() <= 560
        bounds = tab.rect()
        for widget in tab.findChildren(QWidget):
            if not widget.objectName() or not widget.isVisible():
                continue
            scroll = enclosing_scroll_area(widget)
            if scroll is not None:
                continue  # a scroll area scrolls to it
            box = widget.rect().translated(widget.mapTo(tab, QPoint(0, 0)))
            assert bounds.contains(box), (widget.objectName(), box, bounds)
    finally:
        install_language("en")


def test_shift_arrow_moves_a_tenth_of_a_step(tab):
    bar, box = find_child(tab, QSlider, "b1_0_slider"), spin(tab, "b1_0")
    before = box.value()
    bar.setFocus()
    QTest.keyClick(bar, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert box.value() == pytest.approx(before + 0.001)
    assert tab.network.get_param("b1_0") == pytest.approx(before + 0.001)
    QTest.keyClick(box, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert tab.network.get_param("b1_0") == pytest.approx(before)
    QTest.keyClick(bar, Qt.Key.Key_Right)
    assert tab.network.get_param("b1_0") == pytest.approx(before + 0.01)


def test_a_slider_drag_resolves_0_01_per_pixel_and_is_one_undo_step(tab):
    tab.diagram.neuronSelected.emit(3, 0)
    bar = find_child(tab, QSlider, "b3_0_slider")
    centre = bar._handle_rect().center()  # the handle, where a user grabs it
    before = tab.network.get_param("b3_0")
    count = tab.undo_stack.count()
    QTest.mousePress(bar, Qt.MouseButton.LeftButton, pos=centre)
    for dx in range(1, 6):
        QTest.mouseMove(bar, centre + QPoint(dx, 0))
        assert tab.network.get_param("b3_0") == pytest.approx(before + 0.01 * dx)
    QTest.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=centre + QPoint(5, 0))
    assert tab.undo_stack.count() == count + 1


def test_a_preset_is_one_undo_step_and_the_box_names_what_is_loaded(tab):
    combo = find_child(tab, QComboBox, "presetCombo")
    assert combo.currentData() == "nnfs_first_step"
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Up)  # arrow keys over the closed box: an undo step
    assert combo.currentData() == "hand_tuned"
    assert np.array_equal(tab.network.get_flat(), presets.hand_tuned_sine())
    tab.undo()
    assert np.array_equal(tab.network.get_flat(), presets.nnfs_first_step())
    assert combo.currentData() == "nnfs_first_step"
    choose_preset(tab, "Random")
    spin(tab, "b3_0").setValue(0.5)
    assert combo.currentData() == "custom" and combo.currentText() == "Custom"
    tab.undo()
    assert combo.currentData() == "random"
    tab.undo()
    assert combo.currentData() == "nnfs_first_step"


def test_kink_labels_never_overlap(tab):
    find_child(tab, QCheckBox, "showNeuronsCheck").setChecked(True)
    for _ in range(3):
        choose_preset(tab, "Random")  # kinks all at x = 0: biases are 0
        QApplication.processEvents()
        boxes = [line.label.sceneBoundingRect() for line in tab.plot.kink_lines
                 if line.isVisible()]
        assert len(boxes) == 8
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not a.intersects(b)


def test_no_negative_zero_is_ever_printed(tab):
    assert fixed(-0.0) == "0.000" and fixed(-0.0004) == "0.000" and fixed(-1.5) == "-1.500"
    assert significant(-0.0) == "0.000" and exact(-1e-13) == "0.000"
    spin(tab, "b1_1").setValue(-0.0004)
    assert spin(tab, "b1_1").text() == "0.000"
    tab.model.set_param("b2_1", -0.0)
    assert spin(tab, "b2_1").text() == "0.000"
    assert "-0.000" not in tab.diagram.node_tooltip(2, 1)


def test_the_diagrams_text_is_at_least_the_app_font_less_one_point(tab):
    app_points = QApplication.font().pointSizeF()
    for item in tab.diagram.scene().items():
        if hasattr(item, "font") and hasattr(item, "text"):
            assert item.font().pointSizeF() >= app_points - 1 - 1e-9
            # drawn at that size whatever the view's scale
            assert QFontInfo(item.font()).pixelSize() >= 10


def test_the_neuron_curves_have_one_legend_entry(tab):
    legend = tab.plot.widget.getPlotItem().legend
    assert len(legend.items) == 2
    find_child(tab, QCheckBox, "showNeuronsCheck").setChecked(True)
    names = [label.text for _, label in legend.items]
    assert len(names) == 3 and "each neuron's part" in names
    find_child(tab, QCheckBox, "showNeuronsCheck").setChecked(False)
    assert len(legend.items) == 2


def test_the_view_rescales_when_a_preset_or_target_changes(tab):
    choose_preset(tab, "Zeros")
    spin(tab, "b3_0").setValue(5.0)
    assert tab.plot.y_range()[1] < 5.0  # a slider does not rescale
    choose_preset(tab, "Hand-tuned")
    low, high = tab.plot.y_range()
    assert low <= -1.0 <= 1.0 <= high and high - low < 3
    find_child(tab, QComboBox, "targetCombo").setCurrentIndex(1)
    low, high = tab.plot.y_range()
    assert low <= tab.target_values.min() and high >= tab.target_values.max()


def test_from_zeros_a_hidden_slider_says_why_it_changes_nothing(tab):
    choose_preset(tab, "Zeros")
    before = tab.output_curve.getData()[1].copy()
    spin(tab, "w1_0_3").setValue(2.0)
    assert np.array_equal(tab.output_curve.getData()[1], before)
    assert "multiplied by 0 in every path to y" in message(tab)
    spin(tab, "b3_0").setValue(0.5)  # the output bias does change y
    assert "multiplied by 0" not in message(tab)


def test_the_guided_build_asks_before_replacing_work_and_is_undoable(tab, qtbot):
    choose_preset(tab, "Random")
    mine = tab.network.get_flat()
    button = find_child(tab, QPushButton, "guidedBuildButton")
    button.click()
    box = tab.confirm_box
    qtbot.waitUntil(box.isVisible)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert not button.isChecked() and np.array_equal(tab.network.get_flat(), mine)
    button.click()
    tab.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    assert button.isChecked() and tab.guided_build.step == 0
    assert np.array_equal(tab.network.get_flat(), presets.guided_sine_steps()[0])
    tab.undo()
    assert np.array_equal(tab.network.get_flat(), mine)


def test_auto_fit_at_its_step_limit_keeps_the_best_weights(tab, qtbot):
    choose_preset(tab, "Hand-tuned")
    tab.autofit.learning_rate = 0.3  # large: the MSE jumps about
    tab.autofit.max_steps = 300
    tab.autofit.steps_per_tick = 20
    seen = []
    tab.autofit.ticked.connect(lambda: seen.append(tab.model.metrics["mse"]))
    find_child(tab, QPushButton, "autoFitButton").click()
    qtbot.waitUntil(lambda: not tab.autofit.is_running(), timeout=20_000)
    assert "step limit" in message(tab)
    assert tab.model.metrics["mse"] <= min(seen)


def test_auto_fit_with_everything_locked_returns_at_once_with_a_message(tab):
    for layer, size in enumerate(tab.network.sizes[1:], start=1):
        for index in range(size):
            tab.model.set_locked(tab.panel.neuron_names(layer, index), True)
    before = tab.network.get_flat()
    find_child(tab, QPushButton, "autoFitButton").click()
    assert not tab.autofit.is_running()
    assert not find_child(tab, QPushButton, "autoFitButton").isChecked()
    assert "every parameter is locked" in message(tab)
    assert np.array_equal(tab.network.get_flat(), before)


# --- issue 14: one bound, one gate ---

def test_a_session_value_beyond_the_sliders_is_refused(tab):
    state = tab.state_dict()
    for value in (PARAM_LIMIT + 0.001, 1e7, 1e308):
        params = list(state["params"])
        params[5] = value
        with pytest.raises(ValueError, match="w1_0_5"):
            tab.load_state({**state, "params": params})
    assert tab.state_dict() == state


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
                     lambda children: st.lists(children, max_size=4)
                     | st.dictionaries(st.text(max_size=8), children, max_size=4),
                     max_leaves=12)
_KEYS = st.sampled_from(["sizes", "activation", "params", "preset", "target", "sketch",
                         "locked", "show_neurons", "selected", "y_range",
                         "autofit_target_mse", "other"])


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(change=st.dictionaries(_KEYS, _JSON, min_size=1, max_size=3))
def test_random_states_raise_only_value_error_and_change_nothing(tab, change):
    before = json.dumps(tab.state_dict())
    try:
        tab.load_state({**json.loads(before), **change})
    except ValueError:
        assert json.dumps(tab.state_dict()) == before
    else:  # a valid state: it round-trips
        assert math.isfinite(tab.model.metrics["mse"]) or True
        tab.load_state(json.loads(before))


def test_the_time_budgeted_auto_fit_reaches_the_weights_of_the_same_steps_run_at_once(tab,
                                                                                      qtbot):
    from engine.optim import Adam, train_steps

    choose_preset(tab, "Hand-tuned")
    tab.model.set_locked(["b3_0"], True)
    start = tab.network.get_flat()
    tab.autofit.learning_rate = 0.001  # small: the MSE falls at every step, the last is best
    tab.autofit.max_steps = 120
    tab.autofit.target_mse = 1e-9
    find_child(tab, QPushButton, "autoFitButton").click()
    qtbot.waitUntil(lambda: not tab.autofit.is_running(), timeout=20_000)
    assert tab.autofit.steps == 120

    from engine.network import MLP
    net = MLP((1, 8, 8, 1))
    net.set_flat(start)
    mask = np.ones(net.n_params)
    mask[net.param_index("b3_0")] = 0.0
    train_steps(net, tab.x_values.reshape(-1, 1), tab.target_values.reshape(-1, 1),
                Adam(lr=0.001), 120, mask)
    np.testing.assert_allclose(tab.network.get_flat(), net.get_flat(), rtol=0, atol=1e-12)


@pytest.mark.parametrize("sizes", [(1, 8, 8, 1), (1, 16, 16, 16, 1)])
def test_diagram_text_never_overlaps_on_a_small_tab(tab, sizes):
    tab.set_shape(sizes)
    tab.resize(1000, 580)
    QApplication.processEvents()
    view = tab.diagram

    def screen_box(item):  # where the text really is on screen (it ignores the view's scale)
        return item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect())

    headers = [screen_box(h) for h in view._headers]
    for a, b in pairwise(headers):
        assert not a.intersects(b)
    for column in view._label_items[1:-1]:
        boxes = [screen_box(label) for label in column if label.isVisible()]
        assert len(boxes) >= 2
        for a, b in pairwise(boxes):
            assert not a.intersects(b)
