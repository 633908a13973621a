"""NetworkDiagram: clicks select neurons, pens follow the weights, dead neurons
are greyed and explained, hovering shows the right numbers."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from engine import presets
from engine.network import MLP
from gui.common.plotting import NEGATIVE_COLOUR, POSITIVE_COLOUR
from gui.sine.diagram import (
    MAX_WIDTH,
    MIN_WIDTH,
    WIDTH_PER_UNIT,
    NetworkDiagram,
)

X = np.linspace(0.0, 1.0, 1000)
HIDDEN_EDGES = [(1, 0, j) for j in range(8)] + [(2, i, j) for i in range(8) for j in range(8)]
ALL_EDGES = HIDDEN_EDGES + [(3, i, 0) for i in range(8)]


def _network(flat=None) -> MLP:
    net = MLP((1, 8, 8, 1))
    net.set_flat(presets.hand_tuned_sine() if flat is None else flat)
    return net


@pytest.fixture
def diagram(qtbot):
    widget = NetworkDiagram(_network())
    qtbot.addWidget(widget)
    widget.resize(380, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _view_point(diagram: NetworkDiagram, scene_point: QPointF) -> QPoint:
    return diagram.mapFromScene(scene_point)


def _on_edge(diagram: NetworkDiagram, layer: int, i: int, j: int, t: float) -> QPointF:
    start = diagram.node_position(layer - 1, i)
    end = diagram.node_position(layer, j)
    return start + (end - start) * t


def _tint_of(colour: QColor, base: str) -> float | None:
    """How strongly ``colour`` is ``base`` mixed over the white background
    (1 = pure ``base``), or None if it is not such a mix at all."""
    c = np.array(colour.getRgbF()[:3])
    b = np.array(QColor(base).getRgbF()[:3])
    t = (1.0 - c) / (1.0 - b)
    return float(t.mean()) if np.ptp(t) < 0.03 and colour.alpha() == 255 else None


def _sign_shown(colour: QColor) -> int:
    positive, negative = _tint_of(colour, POSITIVE_COLOUR), _tint_of(colour, NEGATIVE_COLOUR)
    assert (positive is None) != (negative is None), colour.name()
    return 1 if positive is not None else -1


# --- layout and construction ---

def test_object_name_and_columns(diagram):
    assert diagram.objectName() == "networkDiagram"
    xs = [diagram.node_position(layer, 0).x() for layer in range(4)]
    assert xs == sorted(xs) and len(set(xs)) == 4
    for layer, size in enumerate((1, 8, 8, 1)):
        ys = [diagram.node_position(layer, k).y() for k in range(size)]
        assert ys == sorted(ys)
        assert all(diagram.node_position(layer, k).x() == xs[layer] for k in range(size))
    with pytest.raises(IndexError):
        diagram.node_position(1, 8)


def test_every_node_visible_and_aspect_kept_when_resized(diagram, qtbot):
    for width, height in ((380, 300), (900, 300), (300, 600), (250, 200)):
        diagram.resize(width, height)
        qtbot.waitUntil(lambda w=width, h=height: diagram.viewport().size().width() == w
                        and diagram.viewport().size().height() == h)
        transform = diagram.transform()
        assert transform.m11() == pytest.approx(transform.m22())
        scene_box = diagram.mapFromScene(diagram.sceneRect()).boundingRect()
        assert diagram.viewport().rect().adjusted(-1, -1, 1, 1).contains(scene_box)
        # The scene fills the view along one axis (Qt's fitInView keeps a 2 px
        # margin): it scales, not just clips.
        assert (scene_box.width() >= width - 6) or (scene_box.height() >= height - 6)


def test_refresh_creates_no_items(diagram):
    count = len(diagram.scene().items())
    for seed in range(3):
        diagram.network.set_flat(presets.random_params(seed))
        diagram.refresh(diagram.network.dead_neurons(X))
    assert len(diagram.scene().items()) == count


# --- selection ---

@pytest.mark.parametrize(("layer", "index"), [(1, 0), (1, 7), (2, 5), (3, 0)])
def test_clicking_a_neuron_emits_and_selects(diagram, qtbot, layer, index):
    point = _view_point(diagram, diagram.node_position(layer, index))
    with qtbot.waitSignal(diagram.neuronSelected) as blocker:
        qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [layer, index]
    assert diagram.selected() == (layer, index)


def test_clicking_input_or_background_emits_nothing(diagram, qtbot):
    before = diagram.selected()
    input_point = _view_point(diagram, diagram.node_position(0, 0))
    blank = _view_point(diagram, QPointF(diagram.node_position(1, 0).x(), 5.0))
    with qtbot.assertNotEmitted(diagram.neuronSelected):
        qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=input_point)
        qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=blank)
    assert diagram.selected() == before


def test_select_moves_ring_without_signal(diagram, qtbot):
    with qtbot.assertNotEmitted(diagram.neuronSelected):
        diagram.select(2, 6)
    assert diagram.selected() == (2, 6)
    assert diagram._selection_ring.pos() == diagram.node_position(2, 6)
    for bad in ((0, 0), (1, 8), (4, 0), (3, 1)):
        with pytest.raises(ValueError):
            diagram.select(*bad)
    assert diagram.selected() == (2, 6)


def test_highlight_pair(diagram):
    diagram.highlight_pair(3)
    halos = diagram._pair_halos
    assert diagram.highlighted_pair() == 3
    assert all(halo.isVisible() for halo in halos)
    assert halos[0].pos() == diagram.node_position(1, 3)
    assert halos[1].pos() == diagram.node_position(2, 3)
    band = diagram._pair_band.path()
    assert band.elementCount() == 4
    assert [QPointF(band.elementAt(k).x, band.elementAt(k).y) for k in range(4)] == [
        diagram.node_position(0, 0), diagram.node_position(1, 3),
        diagram.node_position(2, 3), diagram.node_position(3, 0)]
    diagram.highlight_pair(None)
    assert diagram.highlighted_pair() is None
    assert not any(halo.isVisible() for halo in halos) and not diagram._pair_band.isVisible()
    with pytest.raises(ValueError):
        diagram.highlight_pair(8)


# --- edges follow the weights ---

def test_edge_pens_follow_every_weight_of_a_preset(diagram):
    net = diagram.network
    net.set_flat(presets.random_params(7))
    diagram.refresh()
    for layer, i, j in ALL_EDGES:
        weight = net.layers[layer - 1].weights[i, j]
        pen = diagram.edge_item(layer, i, j).pen()
        assert _sign_shown(pen.color()) == (1 if weight >= 0 else -1)
        expected = min(max(WIDTH_PER_UNIT * abs(weight), MIN_WIDTH), MAX_WIDTH)
        assert pen.widthF() == pytest.approx(expected, abs=0.03)


def test_edge_pen_after_set_param(diagram):
    net, item = diagram.network, diagram.edge_item(2, 3, 5)
    net.set_param("w2_3_5", -2.5)
    diagram.refresh()
    assert item.pen().color() == QColor(NEGATIVE_COLOUR)  # a strong weight: pure colour
    negative_width = item.pen().widthF()

    net.set_param("w2_3_5", 0.5)
    diagram.refresh()
    assert _sign_shown(item.pen().color()) == 1
    assert item.pen().widthF() < negative_width  # width grows with |weight|

    net.set_param("w2_3_5", 0.0)
    diagram.refresh()
    zero = item.pen()
    assert 0 < zero.widthF() <= 0.5 and _tint_of(zero.color(), POSITIVE_COLOUR) < 0.25

    widths = []
    for value in (9.0, 10.0, -10.0):  # clamped: huge weights do not swamp the picture
        net.set_param("w2_3_5", value)
        diagram.refresh()
        widths.append(item.pen().widthF())
    assert widths == [MAX_WIDTH] * 3
    # Other edges were not touched by this weight.
    assert diagram.edge_item(2, 3, 3).pen().widthF() == pytest.approx(WIDTH_PER_UNIT * 1.0)


# --- dead neurons ---

def _dead_network() -> MLP:
    net = _network()
    net.set_param("w1_0_2", -1.0)  # ReLU(−x + 0.25·(−1)) ≤ 0 on [0, 1]
    net.set_param("b1_2", -0.25)
    net.set_param("b2_6", -5.0)  # −h6 − 5 < 0 whatever layer 1 does
    return net


def test_dead_neurons_are_greyed_with_reason(qtbot):
    net = _dead_network()
    diagram = NetworkDiagram(net)
    qtbot.addWidget(diagram)
    dead = net.dead_neurons(X)
    assert np.flatnonzero(dead[0]).tolist() == [2] and np.flatnonzero(dead[1]).tolist() == [6]
    diagram.refresh(dead)

    background = diagram.backgroundBrush().color()
    for layer in (1, 2):
        for index in range(8):
            is_dead = bool(dead[layer - 1][index])
            fill = diagram.node_item(layer, index).brush().color()
            assert diagram.is_dead(layer, index) == is_dead
            assert (fill != background) == is_dead
            assert fill.red() == fill.green() == fill.blue()  # grey (or the white background)
            assert (diagram.node_item(layer, index).pen().style()
                    == (Qt.PenStyle.DashLine if is_dead else Qt.PenStyle.SolidLine))
    first = diagram.node_tooltip(1, 2)
    assert "its input w·x + b is ≤ 0 for every x in [0, 1], so it outputs 0 and gets no " \
           "gradient" in first
    assert "≤ 0 for every x in [0, 1]" in diagram.node_tooltip(2, 6)
    assert "no gradient" in diagram.node_tooltip(2, 6)
    assert "Dead" not in diagram.node_tooltip(1, 3) and "Alive" in diagram.node_tooltip(1, 3)

    # Edges leaving a dead neuron fade; their colour still shows the sign.
    faded = diagram.edge_item(2, 2, 2).pen().color()
    live = diagram.edge_item(2, 3, 3).pen().color()
    assert _tint_of(faded, NEGATIVE_COLOUR) < 0.5 and live == QColor(NEGATIVE_COLOUR)

    assert "source neuron is dead" in diagram.edge_tooltip(2, 2, 5)
    assert "dead" not in diagram.edge_tooltip(2, 3, 5)

    net.set_param("w1_0_2", 1.0)  # revived: refreshed with the new masks, it turns white
    diagram.refresh(net.dead_neurons(X))
    assert not diagram.is_dead(1, 2) and diagram.is_dead(2, 6)
    assert diagram.node_item(1, 2).brush().color() == background
    diagram.refresh(None)
    assert not diagram.is_dead(2, 6)


def test_bad_dead_masks_are_refused(diagram):
    with pytest.raises(ValueError):
        diagram.refresh([np.zeros(8, dtype=bool)])
    with pytest.raises(ValueError):
        diagram.refresh([np.zeros(8, dtype=bool), np.zeros(7, dtype=bool)])


# --- tooltips and hover ---

def test_tooltips_contain_values(diagram):
    net = diagram.network
    net.set_param("b1_3", 0.4567)
    net.set_param("w2_3_5", -1.25)
    net.set_param("b3_0", 0.123456789)
    tip = diagram.node_tooltip(1, 3)
    assert "b1_3 = 0.457" not in tip and "b1_3 = 0.4567" in tip  # all the digits it holds
    assert "b2_0 = 0.125" in diagram.node_tooltip(2, 0)
    assert "b3_0 = 0.123457" in diagram.node_tooltip(3, 0)
    assert "bias" not in diagram.node_tooltip(0, 0).split(",")[0]
    edge = diagram.edge_tooltip(2, 3, 5)
    assert edge.startswith("w2_3_5 = -1.250")
    assert "hidden 1 neuron 3" in edge and "hidden 2 neuron 5" in edge
    assert diagram.edge_tooltip(1, 0, 4).startswith("w1_0_4 = 1.000")
    assert "output y" in diagram.edge_tooltip(3, 4, 0)
    with pytest.raises(ValueError):
        diagram.edge_tooltip(2, 8, 0)


def test_every_edge_is_found_on_its_line(diagram):
    for layer, i, j in ALL_EDGES:
        # t = 0.37 keeps away from the nodes and from points where two edges cross
        assert diagram.item_at(_on_edge(diagram, layer, i, j, 0.37)) == ("edge", layer, i, j)


def test_edge_hit_within_a_few_pixels(diagram):
    on_line = _on_edge(diagram, 1, 0, 0, 0.5)
    scale = diagram.transform().m11()
    start, end = diagram.node_position(0, 0), diagram.node_position(1, 0)
    direction = end - start
    normal = QPointF(-direction.y(), direction.x()) / np.hypot(direction.x(), direction.y())
    assert diagram.item_at(on_line + normal * (3.0 / scale)) == ("edge", 1, 0, 0)
    assert diagram.item_at(on_line + normal * (9.0 / scale)) is None


def test_nodes_win_over_edges(diagram):
    assert diagram.item_at(diagram.node_position(2, 4)) == ("node", 2, 4)
    assert diagram.item_at(diagram.node_position(0, 0)) == ("node", 0, 0)


def _hover_tooltip(diagram, scene_point: QPointF) -> str:
    local = _view_point(diagram, scene_point)
    event = QHelpEvent(QEvent.Type.ToolTip, local, diagram.viewport().mapToGlobal(local))
    QApplication.sendEvent(diagram.viewport(), event)
    return QToolTip.text()


def test_hovering_shows_the_tooltip(diagram, qtbot):
    diagram.network.set_param("w2_3_5", 2.75)
    diagram.refresh()
    text = _hover_tooltip(diagram, _on_edge(diagram, 2, 3, 5, 0.37))
    assert text == diagram.edge_tooltip(2, 3, 5) and "w2_3_5 = 2.750" in text
    assert _hover_tooltip(diagram, diagram.node_position(1, 6)) == diagram.node_tooltip(1, 6)
    blank = _hover_tooltip(diagram, QPointF(2.0, 290.0))
    assert "Click a neuron" in blank
    QToolTip.hideText()


def test_mouse_move_marks_hovered_edge(diagram, qtbot):
    point = _view_point(diagram, _on_edge(diagram, 3, 2, 0, 0.5))
    qtbot.mouseMove(diagram.viewport(), point)
    qtbot.waitUntil(lambda: diagram._hover_item.isVisible())
    assert diagram._hover_item.line() == diagram.edge_item(3, 2, 0).line()
    qtbot.mouseMove(diagram.viewport(), _view_point(diagram, diagram.node_position(2, 1)))
    qtbot.waitUntil(lambda: not diagram._hover_item.isVisible())
    assert diagram.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor
