"""The strip of small maps under the class map, one per hidden neuron.

Each map is a pyqtgraph ``ImageItem`` holding the neuron's float ReLU outputs
over the class map's grid (``engine.hidden.hidden_maps``), coloured by a
lookup table from 0 (off) to the neuron's largest output on the plane; a
first-layer neuron's map also shows its line w·(x, y) + b = 0. One row per
hidden layer, scrolling sideways; only the maps in view are painted, so 64
neurons cost little more than 8. Clicking a map selects its neuron
(``neuronClicked(layer, index)``); hovering shows its formula with the
current numbers. The maps are drawn in an event of their own, just after
the class map's (``schedule``): a big net's frame is then two short blocks of
the UI instead of one long one.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QToolTip,
)

from engine.hidden import hidden_maps, neuron_terms
from engine.network import relu_lines
from gui.common.plotting import plot_theme
from gui.contract import RetranslateMixin
from gui.spiral.blas import one_blas_thread
from gui.spiral.class_map import CELLS, EXTENT
from gui.spiral.model import Selection

TILE = 52  # pixels per map
GAP = 5
LABEL = 14  # room for the neuron's name under its map
ROW = TILE + LABEL + GAP
HIGHLIGHT_COLOUR = "#E69F00"
LINE_COLOUR = "#ffffff"  # on the lookup table's dark "off" side, in either theme
MAX_TERMS = 6  # a formula lists the strongest inputs, then how many more
LUT = pg.colormap.get("viridis").getLookupTable(nPts=256)


class NeuronMapsView(RetranslateMixin, QGraphicsView):
    """``spiralNeuronMaps``: the hidden neurons' maps, one row per layer."""

    neuronClicked = Signal(int, int)  # layer (1-based), neuron index
    # What pyqtgraph items look for in the view that shows them (pg.GraphicsView
    # has both); the maps never change scale, so these never fire.
    sigDeviceRangeChanged = Signal(object)
    sigDeviceTransformChanged = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("spiralNeuronMaps")
        self.setScene(QGraphicsScene(self))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the neuron spin box is the keyboard way
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.horizontalScrollBar().valueChanged.connect(self._on_scroll_bar_value_changed)
        self._draw_timer = QTimer(self)  # coalesces the requests of one turn of the event loop
        self._draw_timer.setSingleShot(True)
        self._draw_timer.setInterval(0)
        self._draw_timer.timeout.connect(self._on_draw_timer_timeout)
        self.images: list[list[pg.ImageItem]] = []  # [layer - 1][neuron]
        self._labels: list[QGraphicsSimpleTextItem] = []
        self._lines = QGraphicsPathItem()
        self._lines.setZValue(1)
        self._lines.setPen(QPen(QColor(LINE_COLOUR), 1.5))
        self._frame = QGraphicsRectItem()
        self._frame.setZValue(2)
        self._frame.setPen(QPen(QColor(HIGHLIGHT_COLOUR), 3))
        for item in (self._lines, self._frame):
            self.scene().addItem(item)
        self._model = None
        self._maps: list[np.ndarray] = []  # hidden_maps() of the last weights drawn
        self._stale: set[tuple[int, int]] = set()  # maps not yet shown since then
        self._sizes: tuple[int, ...] = ()
        self._selection = Selection()
        self.restyle()
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("hidden neuron maps"))
        self.setAccessibleDescription(self.tr(
            "One small map per hidden neuron, one row per hidden layer: the neuron's ReLU "
            "output over the plane, dark where it is off and brighter the more it outputs, "
            "with its line for the first layer. Click a map to edit that neuron."))
        self.setToolTip("")  # each map has its own, with the neuron's formula
        self._name_maps()

    def name(self, layer: int, j: int) -> str:
        """A neuron's short name: h1 … in the first hidden layer, g1 … in the second."""
        return (self.tr("h{0}") if layer == 1 else self.tr("g{0}")).format(j + 1)

    def _name_maps(self) -> None:
        for label, (layer, j) in zip(self._labels, self._positions(), strict=True):
            label.setText(self.name(layer, j))

    def restyle(self) -> None:
        theme = plot_theme()
        self.setBackgroundBrush(QColor(theme.background))
        for label in self._labels:
            label.setBrush(QColor(theme.foreground))

    # --- shape ---

    def _positions(self):
        return [(layer, j) for layer in range(1, len(self._sizes) - 1)
                for j in range(self._sizes[layer])]

    def tile_rect(self, layer: int, j: int) -> QRectF:
        return QRectF(GAP + j * (TILE + GAP), GAP + (layer - 1) * ROW, TILE, TILE)

    def set_shape(self, sizes: tuple[int, ...]) -> None:
        """Items for every hidden neuron of a net of ``sizes`` (made once per shape)."""
        if sizes[1:-1] == self._sizes[1:-1]:
            self._sizes = sizes
            return
        for item in [i for row in self.images for i in row] + self._labels:
            self.scene().removeItem(item)
        self._sizes = sizes
        self.images, self._labels = [], []
        scale = TILE / CELLS
        for layer in range(1, len(sizes) - 1):
            row = []
            for j in range(sizes[layer]):
                rect = self.tile_rect(layer, j)
                image = pg.ImageItem(axisOrder="col-major")
                image.setLookupTable(LUT)
                # cell (i, j) at x = i, y up: flip the rows into the tile
                image.setTransform(QTransform(scale, 0, 0, -scale, rect.left(), rect.bottom()))
                self.scene().addItem(image)
                row.append(image)
                label = QGraphicsSimpleTextItem()
                label.setPos(rect.left(), rect.bottom() + 1)
                self.scene().addItem(label)
                self._labels.append(label)
            self.images.append(row)
        width = GAP + max(sizes[1:-1]) * (TILE + GAP)
        height = GAP + (len(sizes) - 2) * ROW
        self.scene().setSceneRect(0, 0, width, height)
        self.setFixedHeight(height + self.horizontalScrollBar().sizeHint().height())
        self._name_maps()
        self.restyle()

    # --- drawing ---

    def schedule(self, model) -> None:
        """Draw ``model``'s maps as soon as the event loop gets to it (the
        maps and their names for its shape are there at once)."""
        self._model = model
        self.set_shape(model.sizes)
        self._draw_timer.start()

    def _on_draw_timer_timeout(self) -> None:
        with one_blas_thread():
            self.draw(self._model)

    def draw(self, model) -> None:
        """Every neuron's map and first-layer line for ``model``'s weights.
        The maps in view get their new image now, the others when they are
        scrolled into view (``setImage`` on 64 maps a frame costs more than
        the product that computes them)."""
        self._draw_timer.stop()  # a draw still scheduled is moot now
        self._model = model
        self.set_shape(model.sizes)
        self._maps = hidden_maps(model, EXTENT, CELLS, out=self._maps)
        self._stale = set(self._positions())
        self._show_visible_maps()

    def _show_visible_maps(self) -> None:
        if not self._stale:
            return
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        first = max(0, int((shown.left() - GAP) // (TILE + GAP)))
        last = int((shown.right() - GAP) // (TILE + GAP))
        due = [p for p in self._stale if first <= p[1] <= last]
        for layer, j in due:
            top = float(self._maps[layer - 1][j].max())
            # A copy: the next draw overwrites ``_maps`` in place.
            self.images[layer - 1][j].setImage(self._maps[layer - 1][j].copy(),
                                               autoLevels=False,
                                               levels=(0.0, top if top > 0 else 1.0))
            self._stale.discard((layer, j))
        if due:
            self._draw_lines(range(first, min(last + 1, self._sizes[1])))

    def _on_scroll_bar_value_changed(self, _value: int) -> None:
        self._show_visible_maps()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._show_visible_maps()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._scroll_to_selection()
        self._show_visible_maps()

    def _draw_lines(self, neurons: range) -> None:
        """The lines of the first-layer ``neurons`` (those in view)."""
        segments, _ = relu_lines(self._model, EXTENT, neurons)
        x0, x1, y0, y1 = EXTENT
        path = QPainterPath()
        for j, segment in zip(neurons, segments, strict=True):
            if not np.all(np.isfinite(segment)):
                continue
            rect = self.tile_rect(1, j)
            ends = [QPointF(rect.left() + (x - x0) / (x1 - x0) * TILE,
                            rect.bottom() - (y - y0) / (y1 - y0) * TILE)
                    for x, y in segment.reshape(2, 2)]
            path.moveTo(ends[0])
            path.lineTo(ends[1])
        self._lines.setPath(path)

    def select(self, selection: Selection) -> None:
        """Frame the selected neuron's map and scroll it into view."""
        self._selection = selection
        self._frame.setRect(self.tile_rect(selection.layer, selection.index).adjusted(-2, -2, 2, 2))
        self._scroll_to_selection()

    def _scroll_to_selection(self) -> None:
        # Only once shown: scrolling a view that was never laid out crashes Qt.
        if self.isVisible():
            self.ensureVisible(self.tile_rect(self._selection.layer, self._selection.index),
                               4, 0)

    # --- mouse ---

    def neuron_at(self, position) -> tuple[int, int] | None:
        """(layer, index) of the map under the viewport point ``position``."""
        point = self.mapToScene(position.toPoint() if hasattr(position, "toPoint")
                                else position)
        for layer, j in self._positions():
            if self.tile_rect(layer, j).contains(point):
                return layer, j
        return None

    def mousePressEvent(self, event) -> None:
        hit = self.neuron_at(event.position())
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.neuronClicked.emit(*hit)
            event.accept()
            return
        super().mousePressEvent(event)

    def viewportEvent(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            hit = self.neuron_at(QPointF(event.pos()))
            if hit is None or self._model is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.formula(*hit), self)
            return True
        return super().viewportEvent(event)

    def formula(self, layer: int, j: int) -> str:
        """E.g. "h2 = ReLU(1.28·x − 0.72·y + 0.36)", with the current numbers;
        a wide input lists its MAX_TERMS strongest terms."""
        weights, bias = neuron_terms(self._model, layer, j)
        inputs = ["x", "y"] if layer == 1 else [self.name(layer - 1, i)
                                                for i in range(len(weights))]
        order = np.argsort(-np.abs(weights), kind="stable")[:MAX_TERMS]
        terms = [f"{_number(weights[i])}·{inputs[i]}" for i in sorted(order)]
        text = " + ".join([*terms, _number(bias)]).replace("+ -", "− ")
        more = len(weights) - len(order)
        if more:
            text += self.tr(" + {0} smaller terms").format(more)
        return f"{self.name(layer, j)} = ReLU({text})"


def _number(value: float) -> str:
    """Two decimals, never "-0.00"."""
    return f"{round(float(value), 2) + 0.0:.2f}"
