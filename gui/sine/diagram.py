"""The sine-fit network drawn as nodes and weighted edges.

Columns of nodes (input x, the hidden layers, output y) joined by one line per
weight: its colour is the weight's sign, its width grows with |weight|.
Clicking a neuron selects it; hovering a node or an edge explains its value.

The view owns no numbers: ``refresh()`` re-reads the ``MLP`` it was given.
Speed matters because ``refresh()`` runs on every slider move: the edges are
created once and a pen is only replaced when its quantised width, colour or
opacity changed, so a typical move touches a single item. "Opacity" is mixed
into an opaque colour: translucent strokes cost Qt's raster engine about five
times as much to paint as opaque ones. Hover and click use one geometric hit
test (point-to-segment distance for all edges at once, in NumPy) instead of
per-item shapes, so thin lines stay easy to point at.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QToolTip,
)

from engine.network import MLP
from gui.common.plotting import NEGATIVE_COLOUR, PALETTE, POSITIVE_COLOUR, plot_theme
from gui.contract import RetranslateMixin
from gui.sine.numbers import exact

# Scene geometry, in scene units (≈ pixels at the nominal 380×300 size; the
# view scales the whole scene, pens and fonts included, when it is resized).
SCENE_WIDTH = 380.0
SCENE_HEIGHT = 300.0
MARGIN_X = 28.0
HEADER_HEIGHT = 30.0
BOTTOM_MARGIN = 14.0
NEURON_RADIUS = 10.0
END_RADIUS = 13.0  # the input and output nodes are drawn a little larger

# Edge width ∝ |weight|, clamped so that a zero weight is a faint hairline and
# a large one does not swallow its neighbours.
WIDTH_PER_UNIT = 1.2
MIN_WIDTH = 0.3
MAX_WIDTH = 7.0
WIDTH_QUANTUM = 0.05  # finer width changes are invisible: skip the setPen
# Opacity also ramps with |weight| so the 64 crossing middle edges stay readable.
MIN_ALPHA = 50
MAX_ALPHA = 255
ALPHA_PER_UNIT = 340
DEAD_EDGE_ALPHA_FACTOR = 0.35  # edges leaving a dead neuron carry nothing

HIT_TOLERANCE_PX = 4.0  # how close (in screen pixels) the pointer must be to an edge

# Dead neurons are foreground mixed faintly into the background: grey on a
# light theme, dim on a dark one (never brighter than the live neurons).
DEAD_FILL_OPACITY = 0.15
DEAD_OUTLINE_OPACITY = 0.45
SELECTION_COLOUR = PALETTE[4]  # orange
PAIR_COLOUR = PALETTE[6]  # yellow

NODE = "node"
EDGE = "edge"


@dataclass(frozen=True)
class _Edge:
    layer: int  # the weight's layer: w{layer}_{i}_{j}
    i: int
    j: int
    name: str


_format_value = exact
# Numbers and headers are drawn at the screen size of the app's font less this
# (never smaller however the view scales the scene): they must stay readable.
FONT_POINTS_BELOW_APP = 1.0
NODE_SPACING_SHARE = 0.45  # a node's radius at most this share of the gap between rows


def _screen_font(bold: bool = False, italic: bool = False) -> QFont:
    font = QFont(QApplication.font())
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(max(size - FONT_POINTS_BELOW_APP, 1.0))
    font.setBold(bold)
    font.setItalic(italic)
    return font


class NetworkDiagram(RetranslateMixin, QGraphicsView):
    """Nodes and weighted edges of one ``MLP``; emits ``neuronSelected(layer, index)``.

    Layer numbers follow the parameter names: 1 and 2 are the hidden layers,
    3 the output (0 is the input, which has no parameters and is not selectable).
    """

    neuronSelected = Signal(int, int)

    def __init__(self, network: MLP, parent=None):
        super().__init__(parent)
        self.setObjectName("networkDiagram")
        self.network = network
        self._sizes = network.sizes
        self._output_layer = len(self._sizes) - 1
        self._foreground, self._background = self._theme_colours()
        self._selected = (1, 0)
        self._pair: int | None = None
        self._hover: tuple | None = None

        self._setup_view()
        self._centres = self._layout_nodes()
        self._edges = self._edge_list()
        self._edge_param_index = np.array([network.param_index(e.name) for e in self._edges])
        # Each edge's source as an index into all nodes, columns concatenated.
        column_start = np.cumsum((0, *self._sizes[:-1]))
        self._edge_source = np.array([column_start[e.layer - 1] + e.i for e in self._edges])
        self._segments = self._edge_segments()

        self._build_pair_highlight()
        self._edge_items = self._build_edges()
        self._hover_item = self._build_hover_item()
        self._node_items, self._label_items = self._build_nodes()
        for column, size in enumerate(self._sizes):
            for index in range(size):
                self._style_node(column, index, dead=False)
        self._selection_ring = self._build_selection_ring()
        self._headers = self._build_headers()

        self._pens: dict[tuple[float, float, float], QPen] = {}
        # Last drawn state, so refresh() only touches what changed.
        self._edge_state = np.full((len(self._edges), 3), np.nan)
        self._dead = [np.zeros(n, dtype=bool) for n in self._sizes[1:-1]]
        self._drawn_dead = [np.zeros(n, dtype=bool) for n in self._sizes[1:-1]]

        self.refresh()
        self.select(*self._selected)
        self.retranslate()

    @staticmethod
    def _theme_colours() -> tuple[QColor, QColor]:
        theme = plot_theme()
        return pg.mkColor(theme.foreground), pg.mkColor(theme.background)

    def retranslate(self) -> None:
        self._place_headers()
        self.setAccessibleName(self.tr("Network diagram"))
        self.setAccessibleDescription(self.tr(
            "The network as nodes and lines, {0}: one line per weight, blue positive, red "
            "negative, thicker for larger values. Click a neuron to edit its parameters."
            ).format(" → ".join(str(s) for s in self._sizes)))

    def restyle(self) -> None:
        """Colours from the current theme (background, outlines, text, edges)."""
        self._foreground, self._background = self._theme_colours()
        self.setBackgroundBrush(QBrush(self._background))
        self._pens.clear()  # edge colours are mixed with the background
        self._edge_state[...] = np.nan
        for column, size in enumerate(self._sizes):
            for index in range(size):
                self._style_node(column, index, dead=self.is_dead(column, index))
        for header in self._headers:
            header.setBrush(QBrush(self._foreground))
        pair_colour = self._tint(PAIR_COLOUR, 0.55)
        self._pair_band.setPen(QPen(pair_colour, 10.0, Qt.PenStyle.SolidLine,
                                    Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        for halo in self._pair_halos:
            halo.setBrush(QBrush(pair_colour))
        self._hover_item.setPen(QPen(self._tint(self._foreground, 0.45), 3.0))
        self.refresh(self._dead)

    # --- construction ---

    def _setup_view(self) -> None:
        scene = QGraphicsScene(0.0, 0.0, SCENE_WIDTH, SCENE_HEIGHT, self)
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # items move rarely
        self.setScene(scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QBrush(self._background))
        self.setMouseTracking(True)
        self.setMinimumSize(190, 150)
        # The scene is fitted to the view on every resize; anchors would fight that.
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)

    def _layout_nodes(self) -> list[list[QPointF]]:
        """Centre of every node, per column: columns evenly spaced, nodes of a
        column evenly spread over the height (a single node in the middle)."""
        n_columns = len(self._sizes)
        column_gap = (SCENE_WIDTH - 2 * MARGIN_X) / (n_columns - 1)
        top = HEADER_HEIGHT + NEURON_RADIUS
        bottom = SCENE_HEIGHT - BOTTOM_MARGIN - NEURON_RADIUS
        row_gap = (bottom - top) / max(max(self._sizes) - 1, 1)
        self._radius = min(NEURON_RADIUS, NODE_SPACING_SHARE * row_gap)
        centres = []
        for column, size in enumerate(self._sizes):
            x = MARGIN_X + column * column_gap
            first = (top + bottom) / 2 - row_gap * (size - 1) / 2
            centres.append([QPointF(x, first + k * row_gap) for k in range(size)])
        return centres

    def _edge_list(self) -> list[_Edge]:
        return [_Edge(layer, i, j, f"w{layer}_{i}_{j}")
                for layer in range(1, len(self._sizes))
                for i in range(self._sizes[layer - 1])
                for j in range(self._sizes[layer])]

    def _edge_segments(self) -> np.ndarray:
        """(n_edges, 4) array of x0, y0, x1, y1 for the vectorised hit test."""
        rows = []
        for edge in self._edges:
            start = self._centres[edge.layer - 1][edge.i]
            end = self._centres[edge.layer][edge.j]
            rows.append((start.x(), start.y(), end.x(), end.y()))
        return np.array(rows)

    def _build_pair_highlight(self) -> None:
        """A pale band along input → pair → output, and halos on the pair."""
        colour = self._tint(PAIR_COLOUR, 0.55)
        self._pair_band = QGraphicsPathItem()
        self._pair_band.setPen(QPen(colour, 10.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                    Qt.PenJoinStyle.RoundJoin))
        self._pair_band.setZValue(-2)
        self._pair_band.setVisible(False)
        self.scene().addItem(self._pair_band)
        self._pair_halos = []
        for _ in range(2):
            halo = self._circle(self._radius + 6)
            halo.setPen(QPen(Qt.PenStyle.NoPen))
            halo.setBrush(QBrush(colour))
            halo.setZValue(-1)
            halo.setVisible(False)
            self.scene().addItem(halo)
            self._pair_halos.append(halo)

    def _build_edges(self) -> list[QGraphicsLineItem]:
        items = []
        for x0, y0, x1, y1 in self._segments:
            item = QGraphicsLineItem(x0, y0, x1, y1)
            item.setZValue(0)
            self.scene().addItem(item)
            items.append(item)
        return items

    def _build_hover_item(self) -> QGraphicsLineItem:
        item = QGraphicsLineItem()
        colour = self._tint(self._foreground, 0.45)
        item.setPen(QPen(colour, 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        item.setZValue(-0.5)  # an outline behind the hovered edge, which stays visible
        item.setVisible(False)
        self.scene().addItem(item)
        return item

    def _build_nodes(self) -> tuple[list[list[QGraphicsEllipseItem]],
                                    list[list[QGraphicsSimpleTextItem]]]:
        font, end_font = _screen_font(), _screen_font(bold=True, italic=True)
        nodes, labels = [], []
        for column, centres in enumerate(self._centres):
            is_end = column in (0, self._output_layer)
            column_nodes, column_labels = [], []
            for index, centre in enumerate(centres):
                node = self._circle(END_RADIUS if is_end else self._radius)
                node.setPos(centre)
                node.setZValue(2)
                self.scene().addItem(node)
                text = self._end_label(column) if is_end else str(index)
                label = self._screen_text(text, end_font if is_end else font)
                box = label.boundingRect()
                label.setTransform(QTransform.fromTranslate(-box.width() / 2,
                                                            -box.height() / 2))
                label.setPos(centre)
                label.setZValue(3)
                column_nodes.append(node)
                column_labels.append(label)
            nodes.append(column_nodes)
            labels.append(column_labels)
        return nodes, labels

    def _screen_text(self, text: str, font: QFont) -> QGraphicsSimpleTextItem:
        """Text at the font's screen size: the view's scaling does not shrink it."""
        item = QGraphicsSimpleTextItem(text)
        item.setFont(font)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.scene().addItem(item)
        return item

    def _end_label(self, column: int) -> str:
        return "x" if column == 0 else "y"

    def _build_selection_ring(self) -> QGraphicsEllipseItem:
        ring = self._circle(self._radius + 3.5)
        ring.setPen(QPen(QColor(SELECTION_COLOUR), 3.0))
        ring.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        ring.setZValue(4)
        self.scene().addItem(ring)
        return ring

    def _build_headers(self) -> list[QGraphicsSimpleTextItem]:
        headers = []
        for _column in self._centres:
            header = self._screen_text("", _screen_font(bold=True))
            header.setBrush(QBrush(self._foreground))
            headers.append(header)
        return headers

    def _place_headers(self) -> None:
        """Centre each header over its column, the outer ones kept inside the
        scene; widths are screen pixels, so this follows the view's scale.
        Where the full titles would run into each other, short ones ("h1")
        stand in; where node numbers would, only every k-th is shown."""
        scale = self.transform().m11() or 1.0
        for titles in (self._column_title, self._short_column_title):
            spans = []
            for column, (header, centres) in enumerate(zip(self._headers, self._centres,
                                                           strict=True)):
                header.setText(titles(column))
                box = header.boundingRect()
                width, height = box.width() / scale, box.height() / scale
                x = min(max(centres[0].x() - width / 2, 2.0), SCENE_WIDTH - width - 2.0)
                header.setPos(x, max((HEADER_HEIGHT - height) / 2 - 2, 0.0))
                spans.append((x, x + width))
            gap = 4 / scale
            if all(a_end + gap <= b_start for (_, a_end), (b_start, _) in pairwise(spans)):
                break
        self._thin_node_labels(scale)

    def _thin_node_labels(self, scale: float) -> None:
        """Show every k-th hidden node's number, k as small as keeps them apart."""
        for column, labels in enumerate(self._label_items):
            if column in (0, self._output_layer) or len(labels) < 2:
                continue
            row_px = (self._centres[column][1].y() - self._centres[column][0].y()) * scale
            height = labels[0].boundingRect().height()
            every = max(1, math.ceil(height / max(row_px, 1e-6)))
            for index, label in enumerate(labels):
                label.setVisible(index % every == 0)

    def _short_column_title(self, column: int) -> str:
        if column == 0:
            return "x"
        if column == self._output_layer:
            return "y"
        return f"h{column}"

    def _column_title(self, column: int) -> str:
        if column == 0:
            return self.tr("input x")
        if column == self._output_layer:
            return self.tr("output y")
        return self.tr("hidden {0}").format(column)

    def _tint(self, colour: str | QColor, opacity: float) -> QColor:
        """``colour`` at ``opacity`` over the background, as an opaque colour."""
        top, bottom = QColor(colour), self._background
        return QColor.fromRgbF(*(opacity * a + (1 - opacity) * b for a, b in zip(
            top.getRgbF()[:3], bottom.getRgbF()[:3], strict=True)))

    @staticmethod
    def _circle(radius: float) -> QGraphicsEllipseItem:
        return QGraphicsEllipseItem(QRectF(-radius, -radius, 2 * radius, 2 * radius))

    # --- public interface ---

    def refresh(self, dead: list[np.ndarray] | None = None) -> None:
        """Re-read every weight of the network and redraw what changed.

        ``dead`` is ``MLP.dead_neurons(x)`` (one boolean mask per hidden layer);
        None means no dead-neuron information, so no neuron is greyed.
        """
        self._set_dead(dead)
        weights = self.network.get_flat()[self._edge_param_index]
        state = self._edge_visuals(weights)
        changed = np.flatnonzero(np.any(state != self._edge_state, axis=1)).tolist()
        rows = state[changed].tolist()
        for k, key in zip(changed, rows, strict=True):
            self._edge_items[k].setPen(self._edge_pen(*key))
        self._edge_state = state
        if self._hover is not None and self._hover[0] == EDGE:
            self._update_hover_item()

    def select(self, layer: int, index: int) -> None:
        """Highlight neuron ``index`` of ``layer`` (1 … output layer); emits nothing."""
        self._check_neuron(layer, index)
        self._selected = (layer, index)
        self._selection_ring.setRect(self._node_items[layer][index].rect().adjusted(
            -3.5, -3.5, 3.5, 3.5))
        self._selection_ring.setPos(self._centres[layer][index])

    def selected(self) -> tuple[int, int]:
        return self._selected

    def highlight_pair(self, k: int | None) -> None:
        """Emphasise layer-1 neuron k and layer-2 neuron k (the guided build's
        current pair) and the path through them; None clears it."""
        if k is not None and not (len(self._sizes) > 3
                                  and 0 <= k < min(self._sizes[1], self._sizes[2])):
            raise ValueError(f"no neuron pair {k}")
        self._pair = k
        self._pair_band.setVisible(k is not None)
        for halo in self._pair_halos:
            halo.setVisible(k is not None)
        if k is None:
            return
        first, second = self._centres[1][k], self._centres[2][k]
        path = QPainterPath(self._centres[0][0])
        for point in (first, second, self._centres[-1][0]):
            path.lineTo(point)
        self._pair_band.setPath(path)
        self._pair_halos[0].setPos(first)
        self._pair_halos[1].setPos(second)

    def highlighted_pair(self) -> int | None:
        return self._pair

    def node_tooltip(self, layer: int, index: int) -> str:
        """What hovering a node shows: its bias and, for hidden neurons, whether it is dead."""
        if layer == 0:
            return self.tr("Input x: the network's input, no bias.")
        self._check_neuron(layer, index)
        bias_name = f"b{layer}_{index}"
        bias = _format_value(self.network.get_param(bias_name))
        if layer == self._output_layer:
            return self.tr("Output y\nbias {0} = {1}").format(bias_name, bias)
        title = self.tr("Hidden layer {0}, neuron {1}\nbias {2} = {3}").format(
            layer, index, bias_name, bias)
        return f"{title}\n{self._life_text(layer, index)}"

    def edge_tooltip(self, layer: int, i: int, j: int) -> str:
        """What hovering an edge shows: the weight's name, value and ends."""
        name = f"w{layer}_{i}_{j}"
        value = _format_value(self.network.get_param(name))
        text = self.tr("{0} = {1}\nfrom {2} to {3}").format(
            name, value, self._node_name(layer - 1, i), self._node_name(layer, j))
        if self.is_dead(layer - 1, i):
            text += "\n" + self.tr("Its source neuron is dead, so this weight carries nothing.")
        return text

    def is_dead(self, layer: int, index: int) -> bool:
        """Whether the last ``refresh`` marked this hidden neuron dead."""
        if not 1 <= layer < self._output_layer:
            return False
        return bool(self._dead[layer - 1][index])

    def node_position(self, layer: int, index: int) -> QPointF:
        """Centre of a node in scene coordinates (map with ``mapFromScene``)."""
        return QPointF(self._centres[layer][index])

    def edge_item(self, layer: int, i: int, j: int) -> QGraphicsLineItem:
        return self._edge_items[self._edge_number(layer, i, j)]

    def node_item(self, layer: int, index: int) -> QGraphicsEllipseItem:
        return self._node_items[layer][index]

    def item_at(self, scene_pos: QPointF) -> tuple | None:
        """``("node", layer, index)``, ``("edge", layer, i, j)`` or None under a
        scene point; nodes win over the edges that end in them."""
        node = self._node_at(scene_pos)
        if node is not None:
            return (NODE, *node)
        edge = self._edge_at(scene_pos)
        if edge is not None:
            return (EDGE, edge.layer, edge.i, edge.j)
        return None

    def tooltip_at(self, scene_pos: QPointF) -> str:
        target = self.item_at(scene_pos)
        if target is None:
            return self.tr("Click a neuron to edit its weights and bias; "
                           "hover a node or a line to see its value.\n"
                           "Blue lines are positive weights, red negative; "
                           "thicker means larger.")
        if target[0] == NODE:
            return self.node_tooltip(*target[1:])
        return self.edge_tooltip(*target[1:])

    # --- drawing helpers ---

    def _edge_visuals(self, weights: np.ndarray) -> np.ndarray:
        """Per edge: sign (1 / 0), quantised width and alpha, in one array so
        comparing with the last frame is a single vectorised test."""
        magnitude = np.abs(weights)
        width = np.clip(WIDTH_PER_UNIT * magnitude, MIN_WIDTH, MAX_WIDTH)
        width = np.round(width / WIDTH_QUANTUM) * WIDTH_QUANTUM
        alpha = np.clip(MIN_ALPHA + ALPHA_PER_UNIT * magnitude, MIN_ALPHA, MAX_ALPHA)
        leaving_dead = self._all_dead[self._edge_source]
        alpha = np.round(np.where(leaving_dead, alpha * DEAD_EDGE_ALPHA_FACTOR, alpha))
        return np.column_stack([weights >= 0, width, alpha])

    def _edge_pen(self, positive: float, width: float, alpha: float) -> QPen:
        """The pen for one quantised edge state, made once (widths and alphas are
        quantised, so the cache stays small) and reused."""
        key = (positive, width, alpha)
        pen = self._pens.get(key)
        if pen is None:
            colour = self._tint(POSITIVE_COLOUR if positive else NEGATIVE_COLOUR, alpha / 255)
            pen = QPen(colour, width)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)  # round caps would blot the node outlines
            self._pens[key] = pen
        return pen

    def _set_dead(self, dead: list[np.ndarray] | None) -> None:
        hidden_sizes = self._sizes[1:-1]
        if dead is None:
            dead = [np.zeros(n, dtype=bool) for n in hidden_sizes]
        if len(dead) != len(hidden_sizes) or any(
                np.shape(mask) != (n,) for mask, n in zip(dead, hidden_sizes, strict=False)):
            raise ValueError(f"dead needs one mask per hidden layer of sizes {hidden_sizes}")
        self._dead = [np.asarray(mask, dtype=bool).copy() for mask in dead]
        # The input and output are never dead; this lines up with _edge_source.
        self._all_dead = np.concatenate([np.zeros(self._sizes[0], dtype=bool), *self._dead,
                                         np.zeros(self._sizes[-1], dtype=bool)])
        for layer, (now, before) in enumerate(zip(self._dead, self._drawn_dead, strict=True),
                                              start=1):
            for index in np.flatnonzero(now != before):
                self._style_node(layer, index, dead=bool(now[index]))
        self._drawn_dead = [mask.copy() for mask in self._dead]

    def _style_node(self, column: int, index: int, dead: bool) -> None:
        node = self._node_items[column][index]
        if dead:
            outline = self._tint(self._foreground, DEAD_OUTLINE_OPACITY)
            node.setPen(QPen(outline, 1.2, Qt.PenStyle.DashLine))
            node.setBrush(QBrush(self._tint(self._foreground, DEAD_FILL_OPACITY)))
            self._label_items[column][index].setBrush(QBrush(outline))
        else:
            node.setPen(QPen(self._foreground, 1.5))
            node.setBrush(QBrush(self._background))
            self._label_items[column][index].setBrush(QBrush(self._foreground))

    def _life_text(self, layer: int, index: int) -> str:
        if not self.is_dead(layer, index):
            return self.tr("Alive: it outputs more than 0 for some x.")
        if layer == 1:
            return self.tr("Dead: its input w·x + b is ≤ 0 for every x in [0, 1], "
                           "so it outputs 0 and gets no gradient.")
        return self.tr("Dead: its input (the weighted sum of layer {0} + b) is ≤ 0 for "
                       "every x in [0, 1], so it outputs 0 and gets no gradient."
                       ).format(layer - 1)

    def _node_name(self, layer: int, index: int) -> str:
        if layer == 0:
            return self.tr("input x")
        if layer == self._output_layer:
            return self.tr("output y")
        return self.tr("hidden {0} neuron {1}").format(layer, index)

    def _update_hover_item(self) -> None:
        target = self._hover
        if target is None or target[0] != EDGE:
            self._hover_item.setVisible(False)
            return
        k = self._edge_number(*target[1:])
        self._hover_item.setLine(self._edge_items[k].line())
        self._hover_item.setPen(QPen(self._hover_item.pen().color(),
                                     self._edge_state[k, 1] + 4.0,
                                     Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        self._hover_item.setVisible(True)

    # --- hit testing ---

    def _edge_number(self, layer: int, i: int, j: int) -> int:
        if not (1 <= layer < len(self._sizes) and 0 <= i < self._sizes[layer - 1]
                and 0 <= j < self._sizes[layer]):
            raise ValueError(f"no weight w{layer}_{i}_{j}")
        offset = sum(self._sizes[k - 1] * self._sizes[k] for k in range(1, layer))
        return offset + i * self._sizes[layer] + j

    def _check_neuron(self, layer: int, index: int) -> None:
        if not (1 <= layer < len(self._sizes) and 0 <= index < self._sizes[layer]):
            raise ValueError(f"no neuron {index} in layer {layer}")

    def _pixels_to_scene(self, pixels: float) -> float:
        scale = self.transform().m11()
        return pixels / scale if scale > 0 else pixels

    def _node_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        slack = self._pixels_to_scene(2.0)
        for column, centres in enumerate(self._centres):
            radius = self._node_items[column][0].rect().width() / 2 + slack
            for index, centre in enumerate(centres):
                offset = scene_pos - centre
                if offset.x() ** 2 + offset.y() ** 2 <= radius ** 2:
                    return column, index
        return None

    def _edge_at(self, scene_pos: QPointF) -> _Edge | None:
        """The edge nearest the point, if within a few screen pixels (or its own
        half-width, for the thick ones)."""
        p = np.array([scene_pos.x(), scene_pos.y()])
        start, end = self._segments[:, :2], self._segments[:, 2:]
        direction = end - start
        t = np.clip(np.einsum("ij,ij->i", p - start, direction)
                    / np.einsum("ij,ij->i", direction, direction), 0.0, 1.0)
        distance = np.linalg.norm(start + t[:, None] * direction - p, axis=1)
        reach = np.maximum(self._pixels_to_scene(HIT_TOLERANCE_PX), self._edge_state[:, 1] / 2)
        nearest = int(np.argmin(distance - reach))
        return self._edges[nearest] if distance[nearest] <= reach[nearest] else None

    # --- Qt events ---

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._place_headers()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._place_headers()

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        node = self._node_at(self.mapToScene(event.position().toPoint()))
        if node is None or node[0] == 0:  # the input has no parameters to edit
            event.ignore()
            return
        self.select(*node)
        self.neuronSelected.emit(*node)
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        self._on_viewport_hovered(self.mapToScene(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        self._hover = None
        self._update_hover_item()
        self.viewport().unsetCursor()
        super().leaveEvent(event)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            scene_pos = self.mapToScene(event.pos())
            QToolTip.showText(event.globalPos(), self.tooltip_at(scene_pos), self.viewport())
            return True
        return super().viewportEvent(event)

    def _on_viewport_hovered(self, scene_pos: QPointF) -> None:
        target = self.item_at(scene_pos)
        if target == self._hover:
            return
        self._hover = target
        self._update_hover_item()
        clickable = target is not None and target[0] == NODE and target[1] > 0
        if clickable:
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.viewport().unsetCursor()
