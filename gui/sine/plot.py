"""The sine-fit tab's plot: target, network output, each neuron's part, the
first layer's kinks, and sketching a target by hand.

Every item is created once and updated with ``setData``/``setPos``; the view
range stays fixed (auto-range off) until "fit view" asks for a new one. The
static layers — axes with their grid, the legend and the target — are cached
as pixmaps, so a slider move repaints little more than the output curve.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtWidgets import QGraphicsItem, QWidget

from gui.common.plotting import PALETTE, TARGET_COLOUR, colour, fix_range, make_plot

X_RANGE = (0.0, 1.0)
DEFAULT_Y_RANGE = (-1.5, 1.5)
X_PADDING = 0.02
FIT_MARGIN = 0.1  # "fit view" leaves this share of the data's height free above and below
MIN_FIT_HEIGHT = 0.2
OUTPUT_COLOUR = PALETTE[0]
# One colour per neuron pair (layer-1 neuron k, layer-2 neuron k), skipping the
# output's blue, the yellow (unreadable on white) and black.
NEURON_COLOURS = tuple(colour(i) for i in (1, 2, 3, 4, 5, 8, 9, 10))
# The output is what the learner watches, so it gets a 2-px line although Qt
# strokes it about twice as slowly as a 1-px one; the wide target is cached.
OUTPUT_WIDTH = 2
TARGET_WIDTH = 4
NEURON_WIDTH = 1
CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache


class SinePlotView(QObject):
    """Builds the ``sinePlot`` PlotWidget and turns its mouse input into signals.

    ``kinkDragStarted(k)``, ``kinkDragged(k, x)``, ``kinkDragFinished(k)``: the
    user drags layer-1 neuron k's kink marker. ``strokeStarted()``,
    ``strokeDrawn(xs, ys)`` (the whole stroke so far) and ``strokeFinished()``:
    the user draws on the plot while sketching is on.
    """

    kinkDragStarted = Signal(int)
    kinkDragged = Signal(int, float)
    kinkDragFinished = Signal(int)
    strokeStarted = Signal()
    strokeDrawn = Signal(object, object)
    strokeFinished = Signal()

    def __init__(self, n_neurons: int, n_kinks: int, parent: QWidget):
        super().__init__(parent)
        self.widget = make_plot("sinePlot", x_label="x", y_label="y", parent=parent)
        self.widget.setMinimumSize(360, 260)
        self._item = self.widget.getPlotItem()
        self._view_box = self._item.getViewBox()
        for axis in ("left", "bottom"):
            self._item.getAxis(axis).setCacheMode(CACHED)
        # Bottom right: below the sine's trough, clear of the kink labels at the top.
        legend = self._item.addLegend(offset=(-10, -10))
        legend.setCacheMode(CACHED)

        self.neuron_curves = [self.widget.plot(pen=pg.mkPen(NEURON_COLOURS[k % 8],
                                                            width=NEURON_WIDTH))
                              for k in range(n_neurons)]
        self.target_curve = self.widget.plot(
            pen=pg.mkPen(TARGET_COLOUR, width=TARGET_WIDTH), name=self.tr("target"))
        self.target_curve.curve.setCacheMode(CACHED)
        self.output_curve = self.widget.plot(
            pen=pg.mkPen(OUTPUT_COLOUR, width=OUTPUT_WIDTH), name=self.tr("network output"))
        self.kink_lines = [self._make_kink_line(k) for k in range(n_kinks)]
        for curve in self.neuron_curves:
            curve.setVisible(False)
        self.set_y_range(*DEFAULT_Y_RANGE)

        self._neurons_visible = False
        self._dragging: int | None = None
        self._sketching = False
        self._stroke: list[tuple[float, float]] | None = None
        self.widget.scene().installEventFilter(self)

    def _make_kink_line(self, k: int) -> pg.InfiniteLine:
        colour_k = NEURON_COLOURS[k % 8]
        line = pg.InfiniteLine(
            pos=0.0, angle=90, movable=True,
            pen=pg.mkPen(colour_k, width=1.5, style=Qt.PenStyle.DashLine),
            hoverPen=pg.mkPen(colour_k, width=3), label=str(k),
            labelOpts={"position": 0.96, "color": colour_k, "movable": False})
        line.setZValue(5)
        # Markers move only when a first-layer weight or bias does: cache their
        # pixmaps (thin strips) rather than restroke dashes and labels every frame.
        line.setCacheMode(CACHED)
        line.label.setCacheMode(CACHED)
        line.setVisible(False)
        line.setToolTip(self.tr("Kink of first-layer neuron {0} (x = −b/w). Drag it: the "
                                "neuron's bias follows so the kink stays under the mouse."
                                ).format(k))
        line.sigDragged.connect(partial(self._on_kink_line_dragged, k))
        line.sigPositionChangeFinished.connect(partial(self._on_kink_line_finished, k))
        self._view_box.addItem(line, ignoreBounds=True)
        return line

    # --- showing data ---

    def set_title(self, text: str) -> None:
        self._item.setTitle(text)

    def set_target(self, x: np.ndarray, y: np.ndarray) -> None:
        self.target_curve.setData(x, y)

    def set_output(self, x: np.ndarray, y: np.ndarray) -> None:
        self.output_curve.setData(x, y)

    def neurons_visible(self) -> bool:
        return self._neurons_visible

    def set_neurons_visible(self, visible: bool) -> None:
        self._neurons_visible = visible
        for curve in self.neuron_curves:
            curve.setVisible(visible)
        for line in self.kink_lines:
            line.setVisible(bool(visible and np.isfinite(line.value())))

    def set_contributions(self, x: np.ndarray, contributions: np.ndarray) -> None:
        """Each layer-2 neuron's part of the output; a slider usually changes
        one or two of them, so the others keep their data (and cached paths)."""
        for k, curve in enumerate(self.neuron_curves):
            column = contributions[:, k]
            if not np.array_equal(curve.getData()[1], column):
                curve.setData(x, column)

    def set_kinks(self, kinks: np.ndarray) -> None:
        """Move each kink marker to its neuron's x = −b/w (hidden where w = 0)."""
        for line, x in zip(self.kink_lines, kinks, strict=True):
            finite = bool(np.isfinite(x))
            if finite and line.value() != x:
                line.setPos(float(x))
            line.setVisible(self._neurons_visible and finite)

    def y_range(self) -> tuple[float, float]:
        low, high = self._view_box.viewRange()[1]
        return float(low), float(high)

    def set_y_range(self, low: float, high: float) -> None:
        fix_range(self.widget, (X_RANGE[0] - X_PADDING, X_RANGE[1] + X_PADDING), (low, high))

    def fit_view(self, *curves: np.ndarray) -> None:
        """A y range that shows every finite value of ``curves`` with a margin."""
        values = np.concatenate([np.ravel(c) for c in curves])
        values = values[np.isfinite(values)]
        if values.size == 0:
            self.set_y_range(*DEFAULT_Y_RANGE)
            return
        low, high = float(values.min()), float(values.max())
        height = max(high - low, MIN_FIT_HEIGHT)
        middle = (low + high) / 2
        half = height * (0.5 + FIT_MARGIN)
        self.set_y_range(middle - half, middle + half)

    # --- kink markers ---

    def _on_kink_line_dragged(self, k: int, line: pg.InfiniteLine) -> None:
        if self._dragging != k:
            self._dragging = k
            self.kinkDragStarted.emit(k)
        self.kinkDragged.emit(k, float(line.value()))

    def _on_kink_line_finished(self, k: int, _line: pg.InfiniteLine) -> None:
        if self._dragging == k:
            self._dragging = None
            self.kinkDragFinished.emit(k)

    # --- sketching ---

    def set_sketching(self, on: bool) -> None:
        """While on, a left-button drag on the plot draws instead of panning."""
        self._sketching = on
        self._stroke = None
        cursor = Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor
        self.widget.viewport().setCursor(cursor)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not self._sketching:
            return False
        kind = event.type()
        if kind == QEvent.Type.GraphicsSceneMousePress:
            if (event.button() != Qt.MouseButton.LeftButton
                    or not self._view_box.sceneBoundingRect().contains(event.scenePos())):
                return False
            self._stroke = [self._view_point(event.scenePos())]
            self.strokeStarted.emit()
            self._emit_stroke()
            return True
        if self._stroke is None:
            return False
        if kind == QEvent.Type.GraphicsSceneMouseMove:
            self._stroke.append(self._view_point(event.scenePos()))
            self._emit_stroke()
            return True
        if (kind == QEvent.Type.GraphicsSceneMouseRelease
                and event.button() == Qt.MouseButton.LeftButton):
            self._stroke = None
            self.strokeFinished.emit()
            return True
        return False

    def _view_point(self, scene_pos: QPointF) -> tuple[float, float]:
        point = self._view_box.mapSceneToView(scene_pos)
        return min(max(point.x(), X_RANGE[0]), X_RANGE[1]), point.y()

    def _emit_stroke(self) -> None:
        xs, ys = zip(*self._stroke, strict=True)
        self.strokeDrawn.emit(np.array(xs), np.array(ys))
