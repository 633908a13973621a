"""The sine-fit tab's plot: target, network output, each neuron's part, the
first layer's kinks, and sketching a target by hand.

Every item is created once and updated with ``setData``/``setPos``; the view
range stays fixed (auto-range off) until "fit view" asks for a new one. The
static layers — axes with their grid, the legend and the target — are cached
as pixmaps, so a slider move repaints little more than the output curve.
A change of the network's shape adds or removes neuron curves and kink
markers (``set_shape``); nothing else is rebuilt.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QWidget

from gui.common.plotting import (
    PALETTE,
    TARGET_COLOUR,
    colour,
    fix_range,
    make_plot,
    plot_theme,
)
from gui.sine.model import DEFAULT_Y_RANGE, MAX_WIDTH

X_RANGE = (0.0, 1.0)
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
# Kink labels: the top one sits at this share of the line's height, each
# further row of labels (for kinks too close to share a row) this much lower.
KINK_LABEL_TOP = 0.96
KINK_LABEL_ROW_PX = 22  # a row of labels is about this tall
KINK_LABEL_PX = 22  # room a label needs across, in pixels, before the next may share its row
# The grid, as opaque lines: pyqtgraph's own grid lives in the axes' cached
# pixmaps, two plot-sized translucent images blended on every frame, which
# doubled the cost of a slider move. Lines mixed into the background cost
# almost nothing to stroke.
GRID_OPACITY = (0.22, 0.1)  # major, minor lines: the foreground mixed in this much
__all__ = ["DEFAULT_Y_RANGE", "SinePlotView"]


def _mix(top: str, bottom: str, opacity: float) -> QColor:
    a, b = QColor(top), QColor(bottom)
    return QColor.fromRgbF(*(opacity * x + (1 - opacity) * y
                             for x, y in zip(a.getRgbF()[:3], b.getRgbF()[:3], strict=True)))


class _GridLines:
    """Major and minor grid lines at the axes' ticks, redrawn only when the
    view range or size changes."""

    def __init__(self, item: pg.PlotItem):
        self._item = item
        self._lines = [pg.PlotCurveItem(connect="pairs", antialias=False, skipFiniteCheck=True)
                       for _ in GRID_OPACITY]
        for line in self._lines:
            line.setZValue(-100)
            item.getViewBox().addItem(line, ignoreBounds=True)
        item.showGrid(x=False, y=False)
        item.getViewBox().sigRangeChanged.connect(self.update)
        item.getViewBox().sigResized.connect(self.update)
        self.restyle()

    def restyle(self) -> None:
        theme = plot_theme()
        for line, opacity in zip(self._lines, GRID_OPACITY, strict=True):
            line.setPen(pg.mkPen(_mix(theme.foreground, theme.background, opacity), width=1))

    def update(self, *_args) -> None:
        view_box = self._item.getViewBox()
        (x0, x1), (y0, y1) = view_box.viewRange()
        width, height = max(view_box.width(), 1.0), max(view_box.height(), 1.0)
        x_levels = self._item.getAxis("bottom").tickValues(x0, x1, width)
        y_levels = self._item.getAxis("left").tickValues(y0, y1, height)
        for level, line in enumerate(self._lines):
            xs = x_levels[level][1] if level < len(x_levels) else []
            ys = y_levels[level][1] if level < len(y_levels) else []
            segments_x = np.concatenate([np.repeat(xs, 2), np.tile([x0, x1], len(ys))])
            segments_y = np.concatenate([np.tile([y0, y1], len(xs)), np.repeat(ys, 2)])
            line.setData(segments_x.astype(float), segments_y.astype(float))


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
        self.widget.setMinimumSize(300, 220)
        self._item = self.widget.getPlotItem()
        self._view_box = self._item.getViewBox()
        for axis in ("left", "bottom"):
            self._item.getAxis(axis).setCacheMode(CACHED)
        # Bottom right: below the sine's trough, clear of the kink labels at the top.
        self._legend = self._item.addLegend(offset=(-10, -10))
        self._legend.setCacheMode(CACHED)
        self._grid = _GridLines(self._item)

        self.neuron_curves: list[pg.PlotDataItem] = []
        self.kink_lines: list[pg.InfiniteLine] = []
        self._curve_pool: list[pg.PlotDataItem] = []
        self._kink_pool: list[pg.InfiniteLine] = []
        self.target_curve = self.widget.plot(pen=pg.mkPen(TARGET_COLOUR, width=TARGET_WIDTH),
                                             name="target", skipFiniteCheck=True)
        self.target_curve.curve.setCacheMode(CACHED)
        self.output_curve = self.widget.plot(pen=pg.mkPen(OUTPUT_COLOUR, width=OUTPUT_WIDTH),
                                             name="output", skipFiniteCheck=True)
        # One legend entry stands for all the thin per-neuron curves.
        self._neuron_sample = pg.PlotDataItem(pen=pg.mkPen(NEURON_COLOURS[0],
                                                           width=NEURON_WIDTH))
        self._neurons_visible = False
        self._kink_rows: dict[int, int] = {}
        self.set_shape(n_neurons, n_kinks)
        # The rest of the pools, up to the widest layer, once the window is on
        # screen: then a change of shape only shows and hides items, and the
        # first paint does not wait for curves nobody sees yet.
        QTimer.singleShot(0, self, self._fill_pools)
        self.set_y_range(*DEFAULT_Y_RANGE)

        self._dragging: int | None = None
        self._sketching = False
        self._stroke: list[tuple[float, float]] | None = None
        self.widget.scene().installEventFilter(self)
        self.retranslate()

    def set_shape(self, n_neurons: int, n_kinks: int) -> None:
        """Show as many neuron curves as the last hidden layer has neurons, and
        as many kink markers as ``n_kinks`` (0 when the activation has none).
        The items come from pools made once, up to the widest layer: a change
        of shape only shows and hides them."""
        self._grow_pools(n_neurons, n_kinks)
        self.neuron_curves = self._curve_pool[:n_neurons]
        self.kink_lines = self._kink_pool[:n_kinks]
        for curve in self._curve_pool[n_neurons:]:
            curve.setVisible(False)
        for line in self._kink_pool[n_kinks:]:
            line.setVisible(False)
        for curve in self.neuron_curves:
            curve.setVisible(self._neurons_visible)
        self._kink_rows = {}
        self._retranslate_kinks()

    def _grow_pools(self, n_neurons: int, n_kinks: int) -> None:
        """Pool items are made hidden; ``set_shape`` decides which show."""
        while len(self._curve_pool) < n_neurons:
            k = len(self._curve_pool)
            curve = pg.PlotDataItem(pen=pg.mkPen(NEURON_COLOURS[k % len(NEURON_COLOURS)],
                                                 width=NEURON_WIDTH), skipFiniteCheck=True)
            curve.setZValue(-1)  # under the target and the output
            curve.setVisible(False)
            self._item.addItem(curve)
            self._curve_pool.append(curve)
        while len(self._kink_pool) < n_kinks:
            self._kink_pool.append(self._make_kink_line(len(self._kink_pool)))

    def _fill_pools(self) -> None:
        self._grow_pools(MAX_WIDTH, MAX_WIDTH)

    def restyle(self) -> None:
        self._grid.restyle()

    def retranslate(self) -> None:
        for sample, label in self._legend.items:
            if sample.item is self.target_curve:
                label.setText(self.tr("target"))
            elif sample.item is self.output_curve:
                label.setText(self.tr("network output"))
            elif sample.item is self._neuron_sample:
                label.setText(self.tr("each neuron's part"))
        self._legend.updateSize()
        self._retranslate_kinks()
        self.widget.setAccessibleName(self.tr("Sine fit plot"))
        self.widget.setAccessibleDescription(self.tr(
            "The target curve (grey) and the network's output (blue) for x from 0 to 1; "
            "with Show neurons, each last-layer neuron's part of the output and the "
            "first layer's kinks."))

    def _retranslate_kinks(self) -> None:
        for k, line in enumerate(self.kink_lines):
            line.setToolTip(self.tr("Kink of first-layer neuron {0} (x = −b/w). Drag it: the "
                                    "neuron's bias follows so the kink stays under the mouse."
                                    ).format(k))

    def _make_kink_line(self, k: int) -> pg.InfiniteLine:
        colour_k = NEURON_COLOURS[k % len(NEURON_COLOURS)]
        line = pg.InfiniteLine(
            pos=0.0, angle=90, movable=True,
            pen=pg.mkPen(colour_k, width=1.5, style=Qt.PenStyle.DashLine),
            hoverPen=pg.mkPen(colour_k, width=3), label=str(k),
            labelOpts={"position": KINK_LABEL_TOP, "color": colour_k, "movable": False})
        line.setZValue(5)
        # Markers move only when a first-layer weight or bias does: cache their
        # pixmaps (thin strips) rather than restroke dashes and labels every frame.
        line.setCacheMode(CACHED)
        line.label.setCacheMode(CACHED)
        line.setVisible(False)
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
        in_legend = any(sample.item is self._neuron_sample for sample, _ in self._legend.items)
        if visible and not in_legend:
            self._legend.addItem(self._neuron_sample, self.tr("each neuron's part"))
        elif in_legend and not visible:
            self._legend.removeItem(self._neuron_sample)

    def set_contributions(self, x: np.ndarray, contributions: np.ndarray) -> None:
        """Each last-layer neuron's part of the output; a slider usually changes
        one or two of them, so the others keep their data (and cached paths)."""
        for k, curve in enumerate(self.neuron_curves):
            column = contributions[:, k]
            if not np.array_equal(curve.getData()[1], column):
                curve.setData(x, column)

    def set_kinks(self, kinks: np.ndarray) -> None:
        """Move each kink marker to its neuron's x = −b/w (hidden where w = 0),
        and stack the labels of kinks too close to share a row."""
        for line, x in zip(self.kink_lines, kinks, strict=True):
            finite = bool(np.isfinite(x))
            if finite and line.value() != x:
                line.setPos(float(x))
            line.setVisible(self._neurons_visible and finite)
        self._stack_kink_labels(kinks)

    def kink_label_rows(self) -> dict[int, int]:
        """Kink k's label row (0 at the top), for kinks inside the view."""
        return dict(self._kink_rows)

    def _stack_kink_labels(self, kinks: np.ndarray) -> None:
        """Greedy rows from left to right: a label takes the first row whose
        last label is at least a label's width to its left, so no two overlap."""
        (x_low, x_high), _ = self._view_box.viewRange()
        width_px = max(self._view_box.width(), 1.0)
        gap = KINK_LABEL_PX * (x_high - x_low) / width_px
        order = [k for k in np.argsort(kinks, kind="stable")
                 if np.isfinite(kinks[k]) and x_low <= kinks[k] <= x_high]
        row_ends: list[float] = []
        rows: dict[int, int] = {}
        for k in order:
            x = float(kinks[k])
            row = next((r for r, end in enumerate(row_ends) if x - end >= gap), len(row_ends))
            if row == len(row_ends):
                row_ends.append(x)
            row_ends[row] = x
            rows[int(k)] = row
        label_height = max((self.kink_lines[k].label.boundingRect().height() for k in rows),
                           default=KINK_LABEL_ROW_PX)
        row_share = (label_height + 1) / max(self._view_box.height(), 1.0)
        for k, row in rows.items():
            if self._kink_rows.get(k) != row:  # move a label only when its row changes
                self.kink_lines[k].label.setPosition(max(KINK_LABEL_TOP - row_share * row,
                                                         0.02))
        self._kink_rows = rows

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
