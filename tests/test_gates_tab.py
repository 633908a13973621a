"""The perceptron gates tab (issue 5) and the engine geometry behind it."""

from __future__ import annotations

import json
import math

import numpy as np
import pyqtgraph as pg
import pytest
from helpers import find_child
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QPalette, QPolygonF
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QSlider,
    QSpinBox,
    QTableWidget,
    QToolButton,
    QWidget,
)

from engine.perceptron import (
    BOOLEAN_FUNCTION_NAMES,
    GATES,
    INPUTS,
    NAND,
    OR,
    XOR,
    all_boolean_functions,
    boolean_function_name,
    decision_line,
    gate_table,
    is_linearly_separable,
    perceptron_learning,
    perceptron_learning_steps,
    positive_region,
    two_layer_truth_table,
)
from gui.common.plotting import plot_theme
from gui.gates.tab import LEARNING_RATE, GatesTab

BOX = (-0.5, 1.5, -0.5, 1.5)
AND_T, NAND_T, OR_T, XOR_T = (0, 0, 0, 1), (1, 1, 1, 0), (0, 1, 1, 1), (0, 1, 1, 0)


def polygon_area(vertices: np.ndarray) -> float:
    """Shoelace formula (positive for anticlockwise vertices)."""
    if len(vertices) == 0:
        return 0.0
    x, y = vertices[:, 0], vertices[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y))


# --- engine: tables, names, learning frames -----------------------------------

def test_gate_table_matches_the_posts_gates():
    for name, expected in (("AND", AND_T), ("NAND", NAND_T), ("OR", OR_T)):
        net, outputs = gate_table(*GATES[name])
        assert tuple(outputs) == expected
        w1, w2, b = GATES[name]
        assert net == pytest.approx([w1 * x1 + w2 * x2 + b for x1, x2 in INPUTS])


def test_gate_table_treats_a_sum_of_zero_on_paper_as_zero():
    # 0.1 + 0.2 − 0.3 is 5.6e−17 in floating point; the rule "> 0" must say 0.
    net, outputs = gate_table(0.1, 0.2, -0.3)
    assert net[3] == 0.0 and not math.copysign(1, net[3]) < 0
    assert tuple(outputs) == (0, 0, 0, 0)


def test_gate_table_rejects_non_finite_weights():
    with pytest.raises(ValueError):
        gate_table(float("nan"), 0, 0)


def test_two_layer_truth_table_is_post_001s_xor():
    rows = two_layer_truth_table(GATES["NAND"], GATES["OR"], GATES["AND"])
    assert [r[:2] for r in rows] == list(INPUTS)
    assert [r[2] for r in rows] == [NAND(*x) for x in INPUTS]
    assert [r[3] for r in rows] == [OR(*x) for x in INPUTS]
    assert [r[4] for r in rows] == [0, 1, 1, 0] == [XOR(*x) for x in INPUTS]


def test_boolean_function_names_cover_all_16_once():
    names = [boolean_function_name(f) for f in all_boolean_functions()]
    assert len(set(names)) == 16 and set(BOOLEAN_FUNCTION_NAMES) == set(all_boolean_functions())
    assert [boolean_function_name(t) for t in (AND_T, NAND_T, OR_T, XOR_T)] == [
        "AND", "NAND", "OR", "XOR"]
    with pytest.raises(ValueError):
        boolean_function_name((0, 1, 2, 0))


@pytest.mark.parametrize("outputs", all_boolean_functions())
def test_learning_steps_agree_with_perceptron_learning(outputs):
    steps = perceptron_learning_steps(outputs, lr=LEARNING_RATE, epochs=12)
    history, _converged = perceptron_learning(outputs, lr=LEARNING_RATE, epochs=12)
    assert len(steps) == 4 * (len(history) - 1) + 1
    np.testing.assert_array_equal(steps[::4], history)


def test_xor_keeps_moving_inside_epochs_that_end_alike():
    steps = perceptron_learning_steps(XOR_T, lr=LEARNING_RATE, epochs=6)
    ends = steps[4::4]
    assert np.all(ends[1:] == ends[-1])  # epoch ends repeat exactly ...
    last_epoch = steps[-5:]
    assert len({tuple(row) for row in last_epoch}) > 1  # ... but the line moves within


# --- engine: plot geometry ------------------------------------------------------

@pytest.mark.parametrize(("w1", "w2", "b", "expected"), [
    (1.0, 0.0, -0.5, [(0.5, -0.5), (0.5, 1.5)]),     # vertical x = 0.5
    (0.0, 2.0, -1.0, [(-0.5, 0.5), (1.5, 0.5)]),     # horizontal y = 0.5
    (1.0, 1.0, -1.0, [(-0.5, 1.5), (1.5, -0.5)]),    # the box's diagonal, corner to corner
])
def test_decision_line_end_points(w1, w2, b, expected):
    line = decision_line(w1, w2, b, BOX)
    assert sorted(map(tuple, np.round(line, 12))) == sorted(expected)


def test_decision_line_absent_without_weights_or_outside_the_box():
    assert decision_line(0.0, 0.0, 0.7, BOX) is None
    assert decision_line(0.0, 0.0, -0.7, BOX) is None
    assert decision_line(1.0, 0.0, -5.0, BOX) is None  # x = 5
    assert decision_line(1.0, 1.0, -3.0, BOX) is None  # touches the corner (1.5, 1.5) only
    with pytest.raises(ValueError):
        decision_line(float("inf"), 1.0, 0.0, BOX)
    with pytest.raises(ValueError):
        decision_line(1.0, 1.0, 0.0, (1, 0, 0, 1))


def test_positive_region_known_shapes():
    full = (BOX[1] - BOX[0]) * (BOX[3] - BOX[2])
    assert polygon_area(positive_region(0.0, 0.0, 0.3, BOX)) == pytest.approx(full)
    assert positive_region(0.0, 0.0, 0.0, BOX).shape == (0, 2)  # sum 0 → output 0
    assert positive_region(0.0, 0.0, -0.3, BOX).shape == (0, 2)
    assert polygon_area(positive_region(1.0, 0.0, -0.5, BOX)) == pytest.approx(full / 2)
    # AND's region: the triangle above x1 + x2 = 1.4 with corner (1.5, 1.5)
    assert polygon_area(positive_region(*GATES["AND"], BOX)) == pytest.approx(1.6 ** 2 / 2)


finite = st.floats(-2, 2, allow_nan=False).map(lambda v: round(v, 2))


@settings(max_examples=200, deadline=None)
@given(finite, finite, finite)
def test_region_and_line_are_consistent(w1, w2, b):
    region = positive_region(w1, w2, b, BOX)
    opposite = positive_region(-w1, -w2, -b, BOX)
    full = (BOX[1] - BOX[0]) * (BOX[3] - BOX[2])
    assert polygon_area(region) >= 0
    assert polygon_area(region) + polygon_area(opposite) == pytest.approx(
        full if (w1, w2) != (0, 0) or b != 0 else 0.0, abs=1e-9)
    for x, y in region:
        assert BOX[0] - 1e-9 <= x <= BOX[1] + 1e-9 and BOX[2] - 1e-9 <= y <= BOX[3] + 1e-9
        assert w1 * x + w2 * y + b >= -1e-9
    line = decision_line(w1, w2, b, BOX)
    if line is not None:
        for x, y in line:
            assert w1 * x + w2 * y + b == pytest.approx(0, abs=1e-9)
            assert BOX[0] - 1e-9 <= x <= BOX[1] + 1e-9 and BOX[2] - 1e-9 <= y <= BOX[3] + 1e-9


# --- the tab ----------------------------------------------------------------------

@pytest.fixture
def tab(show_tab):
    return show_tab(GatesTab())


def spin(tab, name: str) -> QDoubleSpinBox:
    return find_child(tab, QDoubleSpinBox, name)


def set_weights(tab, w1: float, w2: float, b: float) -> None:
    spin(tab, "gate_w1_spin").setValue(w1)
    spin(tab, "gate_w2_spin").setValue(w2)
    spin(tab, "gate_b_spin").setValue(b)


def column(tab, header: str, table_name: str = "truthTable") -> list[str]:
    table = tab.findChild(QTableWidget, table_name)
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    index = headers.index(header)
    return [table.item(row, index).text() for row in range(table.rowCount())]


def ints(cells: list[str]) -> list[int]:
    return [int(c) for c in cells]


def banner(tab) -> str:
    return tab.findChild(QLabel, "gateBanner").text()


def click(tab, name: str) -> None:
    tab.findChild(QPushButton, name).click()


def test_contract_names_and_headers(tab):
    assert tab.objectName() == "gatesTab"
    combo = tab.findChild(QComboBox, "gateCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == ["AND", "NAND", "OR", "XOR"]
    for name in ("gate_w1", "gate_w2", "gate_b"):
        box = spin(tab, f"{name}_spin")
        assert box.minimum() <= -2 and box.maximum() >= 2 and box.singleStep() == 0.01
        assert tab.findChild(QSlider, f"{name}_slider") is not None
    table = tab.findChild(QTableWidget, "truthTable")
    assert [table.horizontalHeaderItem(c).text() for c in range(6)] == [
        "x1", "x2", "w1·x1+w2·x2+b", "output", "target", "✓/✗"]
    assert ints(column(tab, "x1")) == [0, 0, 1, 1] and ints(column(tab, "x2")) == [0, 1, 0, 1]
    for name in ("gatePlot", "xorPanel", "gateGallery", "bookWeightsButton", "learnButton"):
        assert tab.findChild(object, name) is not None, name
    assert tab.export_plot().objectName() == "gatePlot"
    assert tab.tab_title() == "Perceptron gates"


def test_and_weights_give_and(tab):
    set_weights(tab, 0.5, 0.5, -0.7)
    assert ints(column(tab, "output")) == [0, 0, 0, 1]
    assert column(tab, "w1·x1+w2·x2+b") == ["-0.70", "-0.20", "-0.20", "0.30"]
    assert column(tab, "✓/✗") == ["✓"] * 4
    assert "All four outputs match AND" in banner(tab)
    assert tab.weights() == (0.5, 0.5, -0.7)


def test_lowering_the_bias_gives_or(tab):
    set_weights(tab, 0.5, 0.5, -0.7)
    spin(tab, "gate_b_spin").setValue(-0.2)
    assert ints(column(tab, "output")) == [0, 1, 1, 1]
    assert column(tab, "✓/✗") == ["✓", "✗", "✗", "✓"]
    assert "2 of 4" in banner(tab)


def test_dragging_the_slider_updates_live(tab, qtbot):
    set_weights(tab, 0.5, 0.5, -0.7)
    with qtbot.waitSignal(tab.changed):
        tab.findChild(QSlider, "gate_b_slider").setValue(-20)  # ticks of 0.01
    assert spin(tab, "gate_b_spin").value() == pytest.approx(-0.2)
    assert ints(column(tab, "output")) == [0, 1, 1, 1]


def test_nand_book_weights(tab):
    tab.findChild(QComboBox, "gateCombo").setCurrentText("NAND")
    click(tab, "bookWeightsButton")
    assert (spin(tab, "gate_w1_spin").value(), spin(tab, "gate_w2_spin").value(),
            spin(tab, "gate_b_spin").value()) == pytest.approx(GATES["NAND"])
    assert ints(column(tab, "output")) == [1, 1, 1, 0]
    assert ints(column(tab, "target")) == [1, 1, 1, 0]
    assert "All four outputs match NAND" in banner(tab)


def test_plot_line_matches_the_weights(tab):
    for w1, w2, b in ((0.5, 0.5, -0.7), (-1.3, 0.4, 0.25), (0.0, 1.0, -0.5), (2.0, 0.0, -1.0)):
        set_weights(tab, w1, w2, b)
        xs, ys = tab.line_item.getData()
        assert len(xs) == 2
        x_min, x_max, y_min, y_max = tab.view_box()
        for x, y in zip(xs, ys, strict=True):
            assert w1 * x + w2 * y + b == pytest.approx(0, abs=1e-9)
            assert x_min - 1e-9 <= x <= x_max + 1e-9 and y_min - 1e-9 <= y <= y_max + 1e-9
        assert math.dist((xs[0], ys[0]), (xs[1], ys[1])) > 1  # drawn across the view


def test_shading_covers_exactly_the_output_1_side(tab):
    w1, w2, b = -1.3, 0.4, 0.25
    set_weights(tab, w1, w2, b)
    polygon = tab.region_item.polygon()
    x_min, x_max, y_min, y_max = tab.view_box()
    for x in np.linspace(x_min + 0.01, x_max - 0.01, 15):
        for y in np.linspace(y_min + 0.01, y_max - 0.01, 15):
            net = w1 * x + w2 * y + b
            if abs(net) > 1e-6:
                inside = polygon.containsPoint(QPointF(x, y), Qt.FillRule.OddEvenFill)
                assert inside == (net > 0), (x, y)


def test_points_are_coloured_by_target(tab):
    tab.findChild(QComboBox, "gateCombo").setCurrentText("OR")
    spots = tab.points_item.points()
    assert [(s.pos().x(), s.pos().y()) for s in spots] == list(INPUTS)
    colours = [s.brush().color().name() for s in spots]
    assert colours[0] != colours[1] and len(set(colours[1:])) == 1


def test_zero_weights_draw_no_line_and_one_colour(tab):
    set_weights(tab, 0.0, 0.0, 0.3)
    assert len(tab.line_item.getData()[0] or []) == 0
    x_min, x_max, y_min, y_max = tab.view_box()
    region = np.array([(p.x(), p.y()) for p in tab.region_item.polygon()])
    assert polygon_area(region) == pytest.approx((x_max - x_min) * (y_max - y_min))
    assert ints(column(tab, "output")) == [1, 1, 1, 1]
    assert "no line" in tab.findChild(QLabel, "gateNote").text()
    spin(tab, "gate_b_spin").setValue(-0.3)
    assert tab.region_item.polygon().isEmpty()
    assert ints(column(tab, "output")) == [0, 0, 0, 0]
    assert "output is 0 at every point" in tab.findChild(QLabel, "gateNote").text()


def test_xor_panel_computes_xor_with_two_layers(tab):
    panel = tab.findChild(object, "xorPanel")
    assert not panel.isVisible()
    tab.findChild(QComboBox, "gateCombo").setCurrentText("XOR")
    assert panel.isVisible()
    assert "not linearly separable" in banner(tab)
    for neuron, gate in (("nand", "NAND"), ("or", "OR"), ("and", "AND")):
        values = [spin(tab, f"xor_{neuron}_{p}_spin").value() for p in ("w1", "w2", "b")]
        assert values == pytest.approx(GATES[gate])
    assert ints(column(tab, "s1 (NAND)", "xorTable")) == [NAND(*x) for x in INPUTS]
    assert ints(column(tab, "s2 (OR)", "xorTable")) == [OR(*x) for x in INPUTS]
    assert ints(column(tab, "y", "xorTable")) == [0, 1, 1, 0]


def test_xor_panel_spins_drive_table_and_hidden_lines(tab):
    tab.findChild(QComboBox, "gateCombo").setCurrentText("XOR")
    spin(tab, "xor_or_b_spin").setValue(-0.6)  # OR becomes AND: y is then never 1
    expected = two_layer_truth_table(GATES["NAND"], (0.5, 0.5, -0.6), GATES["AND"])
    assert ints(column(tab, "y", "xorTable")) == [r[4] for r in expected] == [0, 0, 0, 0]
    assert "differs from XOR" in tab.findChild(QLabel, "xorVerdict").text()
    for neuron, (w1, w2, b) in (("nand", GATES["NAND"]), ("or", (0.5, 0.5, -0.6))):
        xs, ys = tab.hidden_lines[neuron].getData()
        assert len(xs) == 2
        for x, y in zip(xs, ys, strict=True):
            assert w1 * x + w2 * y + b == pytest.approx(0, abs=1e-9)
    click(tab, "bookWeightsButton")  # back to the post's values
    assert spin(tab, "xor_or_b_spin").value() == pytest.approx(GATES["OR"][2])
    assert ints(column(tab, "y", "xorTable")) == [0, 1, 1, 0]


def test_hidden_lines_only_for_xor(tab):
    tab.findChild(QComboBox, "gateCombo").setCurrentText("AND")
    assert all(len(item.getData()[0] or []) == 0 for item in tab.hidden_lines.values())


def run_learning(tab, qtbot, target_name: str) -> list[tuple[float, float, float]]:
    tab.findChild(QComboBox, "gateCombo").setCurrentText(target_name)
    frames: list[tuple[float, float, float]] = []
    tab.changed.connect(lambda: frames.append(tab.weights()))
    tab.learn_timer.setInterval(1)  # the speed is a benchmark's business, not a test's
    click(tab, "learnButton")
    assert tab.learn_timer.isActive()
    qtbot.waitUntil(lambda: not tab.learn_timer.isActive(), timeout=10_000)
    return frames


def test_learning_converges_for_and(tab, qtbot):
    frames = run_learning(tab, qtbot, "AND")
    history, converged = perceptron_learning(AND_T, lr=LEARNING_RATE, epochs=100)
    assert converged
    assert frames[0] == (0.0, 0.0, 0.0)
    assert tab.weights() == pytest.approx(tuple(history[-1]))
    assert len(set(frames)) > 2  # the line moved on the way
    assert ints(column(tab, "output")) == [0, 0, 0, 1]
    assert "All four outputs match AND" in banner(tab)
    assert "Learned AND" in tab.findChild(QLabel, "learnStatus").text()


def test_learning_never_settles_for_xor(tab, qtbot):
    frames = run_learning(tab, qtbot, "XOR")
    assert not perceptron_learning(XOR_T, lr=LEARNING_RATE, epochs=100).converged
    assert len(set(frames[-4:])) > 1  # still moving in the last epoch shown
    assert "✗" in column(tab, "✓/✗")
    status = tab.findChild(QLabel, "learnStatus").text()
    assert "still moving" in status and "two layers" in status


def test_editing_a_weight_stops_learning(tab, qtbot):
    tab.findChild(QComboBox, "gateCombo").setCurrentText("XOR")
    click(tab, "learnButton")
    assert tab.learn_timer.isActive()
    spin(tab, "gate_w1_spin").setValue(1.0)
    assert not tab.learn_timer.isActive()
    assert tab.weights()[0] == 1.0
    assert tab.findChild(QPushButton, "learnButton").text() == "Learn it"


def test_gallery_click_sets_the_target(tab):
    gallery = tab.findChild(object, "gateGallery")
    buttons = [b for b in gallery.findChildren(QToolButton) if b.objectName()
               .startswith("gallery_")]
    assert len(buttons) == 16
    separable = [b for b in buttons if b.text().startswith("✓")]
    assert len(separable) == 14
    assert {b.objectName() for b in buttons if b.text().startswith("✗")} == {
        "gallery_0110", "gallery_1001"}
    nor = gallery.findChild(QToolButton, "gallery_1000")
    nor.click()
    combo = tab.findChild(QComboBox, "gateCombo")
    assert combo.currentText() == "NOR" and combo.count() == 5
    assert tab.target_outputs() == (1, 0, 0, 0)
    assert ints(column(tab, "target")) == [1, 0, 0, 0]
    assert not tab.findChild(QPushButton, "bookWeightsButton").isEnabled()
    gallery.findChild(QToolButton, "gallery_0001").click()
    assert combo.currentText() == "AND" and tab.target_outputs() == AND_T
    combo.setCurrentIndex(4)  # the fifth entry keeps the last gallery function
    assert tab.target_outputs() == (1, 0, 0, 0)
    assert is_linearly_separable(tab.target_outputs())


def test_state_round_trip(tab, qtbot):
    tab.findChild(QComboBox, "gateCombo").setCurrentText("XOR")
    set_weights(tab, -0.4, 1.25, 0.1)
    spin(tab, "xor_and_b_spin").setValue(-0.9)
    saved = json.loads(json.dumps(tab.state_dict()))
    other = GatesTab()
    qtbot.addWidget(other)
    other.load_state(saved)
    assert other.state_dict() == saved
    assert other.weights() == (-0.4, 1.25, 0.1) and other.target_outputs() == XOR_T
    assert spin(other, "xor_and_b_spin").value() == pytest.approx(-0.9)
    assert ints(column(other, "target")) == list(XOR_T)
    assert other.exercise_snapshot()["gate_weights"] == (-0.4, 1.25, 0.1)


def test_custom_target_survives_a_round_trip(tab, qtbot):
    tab.gallery.buttons[(1, 0, 1, 1)].click()
    other = GatesTab()
    qtbot.addWidget(other)
    other.load_state(tab.state_dict())
    combo = other.findChild(QComboBox, "gateCombo")
    assert combo.currentText() == boolean_function_name((1, 0, 1, 1)) == "x1 ≥ x2"


@pytest.mark.parametrize("bad", [
    {"weights": [float("nan"), 0, 0]},
    {"weights": [5.0, 0, 0]},
    {"weights": [0, 0]},
    {"weights": ["0.5", 0, 0]},
    {"target": [0, 1, 1]},
    {"target": [0, 1, 2, 0]},
    {"xor": {"nand": [0, 0, 0], "or": [0, 0, 0]}},
    {"xor": {"nand": [0, 0, 0], "or": [0, 0, 0], "and": [0, 0, float("inf")]}},
    [1, 2, 3],
])
def test_bad_state_is_refused_and_changes_nothing(tab, bad):
    set_weights(tab, 0.3, -0.6, 0.2)
    before = tab.state_dict()
    with pytest.raises(ValueError):
        tab.load_state(bad)
    assert tab.state_dict() == before
    assert spin(tab, "gate_w2_spin").value() == pytest.approx(-0.6)


def test_reset_restores_defaults(tab):
    default = tab.state_dict()
    tab.findChild(QComboBox, "gateCombo").setCurrentText("NAND")
    set_weights(tab, 1, 1, 1)
    tab.reset_tab()
    assert tab.state_dict() == default
    assert tab.findChild(QComboBox, "gateCombo").currentText() == "AND"


def test_every_control_has_a_tooltip(tab):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QAbstractSpinBox

    # Unnamed or "qt_" ones are Qt's own parts (scroll bars, a table's corner button).
    controls = [w for cls in (QAbstractButton, QAbstractSpinBox, QAbstractSlider, QComboBox,
                              QTableWidget) for w in tab.findChildren(cls)
                if w.objectName() and not w.objectName().startswith("qt_")]
    assert len(controls) >= 16 + 9 + 6 + 5
    assert [w.objectName() for w in controls if not w.toolTip()] == []


def test_shading_polygon_is_a_polygon_item(tab):
    # The region is one QGraphicsPolygonItem updated in place, not re-created.
    item = tab.region_item
    set_weights(tab, 1.0, -1.0, 0.0)
    assert tab.region_item is item
    assert isinstance(item.polygon(), QPolygonF) and item.polygon().size() >= 3


# --- language and theme in place (issue 12) -------------------------------------------

@pytest.fixture
def switch():
    """Switch the interface language and the plot theme as the window does;
    back to English and light afterwards, whatever the test did."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from gui.i18n import install_language
    from gui.theme import apply_theme

    def to(language: str, dark: bool, *tabs) -> None:
        assert install_language(language)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        apply_theme(dark)  # the widget palette and the plots' colours
        for page in tabs:
            page.restyle()

    yield to
    to("en", False)


def plot_title(tab) -> str:
    return tab.plot.getPlotItem().titleLabel.text


def test_learning_keeps_playing_through_a_language_and_theme_switch(tab, qtbot, switch):
    tab.findChild(QComboBox, "gateCombo").setCurrentText("XOR")
    tab.learn_timer.setInterval(20)
    click(tab, "learnButton")
    qtbot.waitUntil(lambda: tab.learner.frame >= 2)
    widgets = (tab.findChild(QPushButton, "learnButton"), tab.findChild(QLabel, "learnStatus"),
               tab.plot, tab.gallery, tab.xor_panel)
    english = (widgets[0].text(), plot_title(tab), tab.gallery.title(), tab.xor_panel.title())
    assert english[0] == "Stop"

    switch("zh_CN", True, tab)
    frame = tab.learner.frame
    assert tab.is_running()
    assert (widgets[0].text(), plot_title(tab), tab.gallery.title(),
            tab.xor_panel.title()) == ("停止", "决策直线 w1·x1 + w2·x2 + b = 0",
                                       "全部 16 种双输入函数", "两层实现 XOR")
    assert tab.line_item.opts["pen"].color().name() == plot_theme().foreground == "#dddddd"
    assert "#1d3b26" in tab.banner.styleSheet() or "#452416" in tab.banner.styleSheet()
    nor = tab.gallery.buttons[(1, 0, 0, 0)].palette().color(QPalette.ColorRole.Button)
    assert nor.lightness() < 100  # the gallery's buttons are dark too
    qtbot.waitUntil(lambda: tab.learner.frame > frame)  # still playing, only forwards

    switch("en", False, tab)
    frame = tab.learner.frame
    assert tab.is_running()
    assert (widgets[0].text(), plot_title(tab), tab.gallery.title(),
            tab.xor_panel.title()) == english
    assert tab.line_item.opts["pen"].color().name() == "#222222"
    qtbot.waitUntil(lambda: tab.learner.frame > frame)
    assert all(w is tab.findChild(type(w), w.objectName()) for w in widgets)  # none rebuilt


def test_the_animation_is_a_qobject_owning_its_timer(tab):
    from gui.gates.learner import GatesLearner

    assert isinstance(tab.learner, GatesLearner) and tab.learner is tab.state.learner
    assert tab.learn_timer.parent() is tab.learner
    assert not tab.is_running()
    click(tab, "learnButton")
    assert tab.is_running()
    tab.stop_animation()
    assert not tab.is_running()
    assert tab.findChild(QLabel, "learnStatus").text() == "Learning stopped."


def test_the_model_owns_the_state_the_widgets_show(tab, qtbot):
    tab.gallery.buttons[(1, 0, 0, 0)].click()  # NOR: the fifth entry of the target box
    tab.findChild(QComboBox, "gateCombo").setCurrentText("OR")
    find_child(tab, QSpinBox, "learnStepsSpin").setValue(3)
    saved = json.loads(json.dumps(tab.state_dict()))
    assert saved["gallery_target"] == [1, 0, 0, 0] and saved["steps_per_frame"] == 3
    other = GatesTab()
    qtbot.addWidget(other)
    other.load_state(saved)
    combo = other.findChild(QComboBox, "gateCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "AND", "NAND", "OR", "XOR", "NOR"] and combo.currentText() == "OR"
    assert find_child(other, QSpinBox, "learnStepsSpin").value() == 3
    assert other.learner.steps_per_frame == 3



# --- keyboard, screen readers, a laptop's screen (issue 13) ---------------------------
# The activations tests use these helpers too.

CONTROL_TYPES = (QAbstractSlider, QAbstractSpinBox, QCheckBox, QComboBox, QAbstractButton)


def controls(tab) -> list:
    """The tab's own controls: not Qt's parts (scroll bars, a tab bar's arrows,
    a table's corner button)."""
    return [w for w in widgets(tab, CONTROL_TYPES)
            if not isinstance(w, QScrollBar) and not isinstance(w.parent(), QAbstractItemView)
            and not w.objectName().startswith("qt_")
            and not (w.parent() is not None and w.parent().objectName().startswith("qt_"))]


def widgets(tab, types) -> list:
    return [w for w in tab.findChildren(QWidget) if isinstance(w, types)]


def unnamed_controls(tab) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r}" for w in controls(tab)
            if not w.accessibleName().strip()]


def tab_walk(tab, qtbot, presses: int = 300) -> list:
    """Focus the tab (its focus proxy), then press Tab until focus is back
    where it started; the widgets focused on the way, in order."""
    tab.activateWindow()
    tab.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    start = QApplication.focusWidget()
    visited = [start]
    for _ in range(presses):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is start:
            return visited
        visited.append(QApplication.focusWidget())
    raise AssertionError(f"Tab never came back to {start.objectName()}: a trap at "
                         f"{[w.objectName() for w in visited[-5:]]}")


def outside(tab) -> list[str]:
    """Visible controls, labels and plot titles not fully shown: outside the tab
    (or, in a scroll area, outside its contents or wider than its view), or a
    wrapped label squeezed shorter than its text, or a clipped plot title."""
    bad = []
    shown = [w for w in controls(tab) + widgets(tab, (QLabel, pg.PlotWidget))
             if w.isVisibleTo(tab)]
    for widget in shown:
        area = next((a for a in _ancestors(widget) if isinstance(a, QScrollArea)), None)
        if area is None:
            box, rect = tab.rect(), QRect(widget.mapTo(tab, QPoint(0, 0)), widget.size())
        else:
            box = QRect(0, 0, area.viewport().width(), area.widget().height())
            rect = QRect(widget.mapTo(area.widget(), QPoint(0, 0)), widget.size())
        if not box.contains(rect):
            bad.append(f"{type(widget).__name__} {widget.objectName()!r} at {rect}")
        if (isinstance(widget, QLabel) and widget.wordWrap() and widget.text()
                and widget.height() < widget.heightForWidth(widget.width())):
            bad.append(f"label {widget.text()[:30]!r} squeezed")
        if isinstance(widget, pg.PlotWidget):
            title = widget.getPlotItem().titleLabel.item
            seen = widget.mapToScene(widget.viewport().rect()).boundingRect()
            if not seen.contains(title.mapRectToScene(title.boundingRect())):
                bad.append(f"title of {widget.objectName()} clipped")
    return bad


def _ancestors(widget):
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


def test_every_control_has_an_accessible_name_and_the_plot_a_description(tab):
    tab.findChild(QComboBox, "gateCombo").setCurrentText("XOR")
    assert len(controls(tab)) >= 2 + 6 + 2 + 16 + 9
    assert unnamed_controls(tab) == []
    assert find_child(tab, QSlider, "gate_w1_slider").accessibleName() == "weight w1 of input x1"
    assert tab.plot.accessibleDescription()


def test_tab_walks_every_slider_and_spin_box_and_comes_back(tab, qtbot):
    tab.findChild(QComboBox, "gateCombo").setCurrentText("XOR")  # the XOR spins show
    visited = tab_walk(tab, qtbot)
    assert visited[0] is tab.findChild(QComboBox, "gateCombo")  # focus starts there
    wanted = [w for w in widgets(tab, (QSlider, QAbstractSpinBox)) if w.isVisible()]
    assert len(wanted) == 3 + 3 + 1 + 9
    assert [w.objectName() for w in wanted if w not in visited] == []
    assert tab.findChild(QTableWidget, "truthTable") not in visited
    assert not tab.findChild(QTableWidget, "truthTable").tabKeyNavigation()
    assert not tab.findChild(QTableWidget, "xorTable").tabKeyNavigation()


@pytest.mark.parametrize("size", [(1000, 580), (1260, 740)])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_everything_fits_a_laptop_tab(tab, qtbot, switch, size, language):
    switch(language, False)
    for target in ("XOR", "AND"):  # with and without the two-layer panel
        tab.findChild(QComboBox, "gateCombo").setCurrentText(target)
        tab.resize(*size)
        qtbot.waitUntil(lambda: tab.size().width() == size[0])
        QApplication.processEvents()
        assert outside(tab) == [], (target, language, size)
    hint = tab.minimumSizeHint()
    assert hint.width() <= 980 and hint.height() <= 560


def test_learn_button_stays_put_whatever_the_banner_says(tab, qtbot):
    button = tab.findChild(QPushButton, "learnButton")
    places = set()
    for target, weights in (("AND", GATES["AND"]), ("AND", (0.5, 0.5, 0.0)),
                            ("XOR", (0.5, 0.5, 0.0)), ("XOR", (0.0, 0.0, 0.0))):
        tab.findChild(QComboBox, "gateCombo").setCurrentText(target)
        set_weights(tab, *weights)
        QApplication.processEvents()
        places.add((button.mapTo(tab, QPoint(0, 0)).toTuple(), button.size().toTuple(),
                    banner(tab)))
    assert len({text for *_, text in places}) == 4  # four different messages ...
    assert len({place[:2] for place in places}) == 1  # ... and the button never moved


# --- hostile states (issue 14) ----------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=4),
    max_leaves=12)


def hostile_states(keys, plausible: dict):
    """Dicts over the real keys (and some others) holding plausible values,
    random JSON, or a valid state with one key spoiled."""
    value = {key: st.one_of(json_values, plausible.get(key, st.nothing())) for key in keys}
    return st.one_of(
        json_values,
        st.fixed_dictionaries({}, optional=value),
        st.fixed_dictionaries({}, optional={**value, "bogus": json_values}))


GATE_STATES = hostile_states(
    ("target", "weights", "xor", "gallery_target", "steps_per_frame"),
    {"target": st.lists(st.sampled_from([0, 1, 2, True, 0.0]), min_size=3, max_size=5),
     "weights": st.lists(st.floats(-3, 3) | st.integers(-3, 3) | st.just(10**400),
                         min_size=2, max_size=4),
     "xor": st.dictionaries(st.sampled_from(["nand", "or", "and", "xor"]),
                            st.lists(st.floats(-3, 3), min_size=3, max_size=3)),
     "gallery_target": st.none() | st.lists(st.integers(0, 1), min_size=4, max_size=4),
     "steps_per_frame": st.integers(-2, 30)})


def assert_refused_or_loaded(tab, state, seen) -> None:
    """``load_state`` raises only ValueError and then changes nothing; a state
    it takes round-trips."""
    before = tab.state_dict()
    shown = seen()
    try:
        tab.load_state(state)
    except ValueError:
        assert tab.state_dict() == before
        assert seen() == shown
    else:
        after = tab.state_dict()
        tab.load_state(json.loads(json.dumps(after)))
        assert tab.state_dict() == after


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(GATE_STATES)
@example({"weights": [10**400, 0, 0]})  # beyond a float: must not be an OverflowError
@example({"xor": {"nand": [0, 0, 0], "or": [0, 0, 0], "and": [0, 0, math.nan]}})
def test_load_state_refuses_hostile_states_and_changes_nothing(tab, state):
    def seen():
        return ([spin(tab, f"gate_{p}_spin").value() for p in ("w1", "w2", "b")],
                tab.findChild(QComboBox, "gateCombo").currentText(),
                column(tab, "target"), banner(tab))

    assert_refused_or_loaded(tab, state, seen)


# --- the learning run's frame budget (issue 15) -----------------------------------------

class SlowClock:
    """A clock that moves ``step`` seconds every time it is read: a machine too
    slow for the frame budget, without any real waiting."""

    def __init__(self, step: float):
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.mark.parametrize(("steps_per_frame", "clock_step", "per_frame"), [
    (3, 0.0, 3),      # a fast machine: the user's steps per frame, every frame
    (5, 0.005, 2),    # 5 ms a step: the 8 ms budget stops each frame after 2
    (20, 1.0, 1),     # hopelessly slow: still one step a frame, so the run goes on
])
def test_budgeted_frames_reach_the_weights_of_the_same_steps_run_at_once(
        tab, steps_per_frame, clock_step, per_frame):
    tab.findChild(QComboBox, "gateCombo").setCurrentText("OR")
    find_child(tab, QSpinBox, "learnStepsSpin").setValue(steps_per_frame)
    tab.learner.clock = SlowClock(clock_step)
    click(tab, "learnButton")
    tab.learn_timer.stop()  # frames are driven by hand below
    at_once = perceptron_learning_steps(OR_T, lr=LEARNING_RATE, epochs=100)
    done = 0
    while done < len(at_once) - 1:
        shown = tab.learner.advance()
        assert shown == min(per_frame, len(at_once) - 1 - done)
        done += shown
        assert tab.weights() == tuple(at_once[done])
    assert tab.weights() == tuple(perceptron_learning(OR_T, lr=LEARNING_RATE).history[-1])


def test_a_machine_too_slow_for_the_budget_is_told(tab):
    tab.findChild(QComboBox, "gateCombo").setCurrentText("XOR")
    find_child(tab, QSpinBox, "learnStepsSpin").setValue(5)
    tab.learner.clock = SlowClock(0.005)
    click(tab, "learnButton")
    tab.learn_timer.stop()
    tab.learn_timer.timeout.emit()  # one frame, as the timer would run it
    status = tab.findChild(QLabel, "learnStatus").text()
    assert "showed 2 of 5 inputs" in status
