"""The spiral tab's main plot: the class map of the plane under the points,
and the lines where first-layer ReLUs switch on.

All numbers come from the engine (``engine.hidden.class_map_from_hidden``,
``engine.network.relu_lines``); this module only turns them into colours and
plot items, created once and updated with ``setData``/``setImage``.
"""

from __future__ import annotations

import weakref

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from engine.hidden import class_map_from_hidden, hidden_maps
from engine.network import relu_lines
from gui.common.plotting import PALETTE, fix_range, make_plot, plot_theme

EXTENT = (-1.0, 1.0, -1.0, 1.0)  # spiral points have radius ≤ 1
CELLS = 150  # the class map's resolution, cells per side
MAX_LINES = 3  # ReLU lines drawn at once: every neuron of the post's net
# Colour strength: a cell at confidence 1/C (a coin toss) is tinted MIN_STRENGTH,
# a certain one MAX_STRENGTH, so points stay visible on the strongest colour.
MIN_STRENGTH = 0.06
MAX_STRENGTH = 0.55
LEVELS = 256  # strength steps in the colour table
TICK_LENGTH = 0.12  # the stub pointing to a ReLU's active side, in data units
LABEL_ALPHA = 200  # the box behind a line's name, over points and colours


def class_colours(n_classes: int) -> np.ndarray:
    """(n_classes, 3) float RGB, one palette colour per class."""
    return np.array([QColor(PALETTE[c]).getRgb()[:3] for c in range(n_classes)], dtype=float)


def background_rgb() -> np.ndarray:
    return np.array(pg.mkColor(plot_theme().background).getRgb()[:3], dtype=float)


def colour_table(n_classes: int, background: np.ndarray) -> np.ndarray:
    """(n_classes·LEVELS, 3) uint8: row ``c·LEVELS + k`` is class c's colour
    blended from the background at strength level k (0 … LEVELS − 1)."""
    strength = MIN_STRENGTH + (MAX_STRENGTH - MIN_STRENGTH) * np.linspace(0.0, 1.0, LEVELS)
    colours = class_colours(n_classes)
    table = background + strength[None, :, None] * (colours[:, None, :] - background)
    return np.round(table).astype(np.uint8).reshape(-1, 3)


def class_image(classes: np.ndarray, confidence: np.ndarray, table: np.ndarray) -> np.ndarray:
    """uint8 RGB image from ``colour_table``: each cell its class's colour, as
    strong as its confidence (1/C, a coin toss → faint; 1 → strong). A table
    look-up, so the per-frame cost is one gather."""
    n_classes = len(table) // LEVELS
    share = (confidence - 1.0 / n_classes) * (n_classes / (n_classes - 1.0))
    level = np.clip(share * (LEVELS - 1) + 0.5, 0, LEVELS - 1).astype(np.intp)
    return table[classes * LEVELS + level]


def cache_axes(plot: pg.PlotWidget) -> None:
    """Keep each axis as a pixmap: the map repaints every frame while its
    axes never change, and replaying their text costs more than the image."""
    for name in ("left", "bottom", "top", "right"):
        plot.getPlotItem().getAxis(name).setCacheMode(
            QGraphicsItem.CacheMode.DeviceCoordinateCache)


class ClassMapView:
    """Owns ``spiralPlot`` and its items: image, points, ReLU lines."""

    def __init__(self):
        self.plot = make_plot("spiralPlot")
        self.plot.setMinimumSize(220, 220)
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to do with keys
        self.plot.getPlotItem().showGrid(x=False, y=False)
        self.plot.getPlotItem().setAspectLocked(True)
        self._show_whole_plane()
        view = self.plot.getPlotItem().getViewBox()
        view.setMouseEnabled(x=False, y=False)
        # The aspect lock keeps the range it had when the view changes shape,
        # which cuts off the sides of a narrow map: ask for all of it again.
        # Through a weak reference: a bound method would tie the plot and this
        # view into a cycle that outlives the widget until the next gc run.
        this = weakref.ref(self)
        view.sigResized.connect(lambda _view: this() and this()._show_whole_plane())
        cache_axes(self.plot)
        self._table = np.empty((0, 3), dtype=np.uint8)  # made for the first map's classes

        self.image = pg.ImageItem(axisOrder="col-major")
        # Passed with every image: setRect scales by the current image's size.
        self._rect = QRectF(EXTENT[0], EXTENT[2], EXTENT[1] - EXTENT[0], EXTENT[3] - EXTENT[2])
        self.plot.addItem(self.image)
        self.points = pg.ScatterPlotItem(size=7)
        # The points stay put while the map under them changes every frame:
        # paint them from a pixmap (1000 × 6 points: 1.5 → 0.6 ms a frame).
        self.points.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.plot.addItem(self.points)
        self.lines = [self._add(pg.PlotDataItem()) for _ in range(MAX_LINES)]
        self.ticks = [self._add(pg.PlotDataItem()) for _ in range(MAX_LINES)]
        self.labels = [self._make_label() for _ in range(MAX_LINES)]
        self.classes: np.ndarray | None = None  # the last map drawn, for tests and tools
        self.confidence: np.ndarray | None = None
        self.highlighted: int | None = None  # index into lines of the chosen neuron's line
        self._model = None
        self._hidden: list[np.ndarray] | None = None  # the hidden outputs, reused frame to frame
        self.restyle()

    def _show_whole_plane(self) -> None:
        fix_range(self.plot, EXTENT[:2], EXTENT[2:])

    def set_texts(self, title: str, x_label: str, y_label: str) -> None:
        item = self.plot.getPlotItem()
        item.setTitle(title, color=plot_theme().foreground)
        item.setLabel("bottom", x_label)
        item.setLabel("left", y_label)

    def restyle(self) -> None:
        """Colours from the current theme: the map's background blend, the
        points' rims, the lines and their labels; then the map again."""
        theme = plot_theme()
        self._background = background_rgb()
        self._foreground = pg.mkColor(theme.foreground)
        self._table = np.empty((0, 3), dtype=np.uint8)
        self.points.setPen(pg.mkPen(self._foreground, width=0.8))
        fill = pg.mkColor(theme.background)
        fill.setAlpha(LABEL_ALPHA)
        for label in self.labels:
            label.setColor(self._foreground)
            label.fill = pg.mkBrush(fill)
        self._style_lines()
        if self._model is not None:
            self.draw_map(self._model)

    def _style_lines(self) -> None:
        for k, (line, tick) in enumerate(zip(self.lines, self.ticks, strict=True)):
            chosen = k == self.highlighted
            line.setPen(pg.mkPen(self._foreground, width=4 if chosen else 2,
                                 style=Qt.PenStyle.SolidLine if chosen else Qt.PenStyle.DashLine))
            tick.setPen(pg.mkPen(self._foreground, width=2.5))

    def _add(self, item):
        self.plot.addItem(item)
        return item

    def _make_label(self) -> pg.TextItem:
        label = pg.TextItem(anchor=(0.5, 0.5))
        font = label.textItem.font()
        font.setBold(True)
        label.setFont(font)
        self.plot.addItem(label)
        return label

    # --- updates ---

    def set_points(self, X: np.ndarray, y: np.ndarray, n_classes: int) -> None:
        brushes = [pg.mkBrush(PALETTE[c]) for c in range(n_classes)]
        self.points.setData(x=X[:, 0], y=X[:, 1], brush=[brushes[c] for c in y])

    def draw_map(self, model) -> None:
        """Recompute the class of every cell and show it (the per-frame path)."""
        self._model = model
        # Through the neuron maps' float32 hidden outputs: 2.9 → 1.4 ms for
        # 64 neurons, as ``class_map`` but for the order of the sums.
        self._hidden = hidden_maps(model, EXTENT, CELLS, out=self._hidden)
        self.classes, self.confidence = class_map_from_hidden(model, self._hidden)
        if len(self._table) != model.n_classes * LEVELS:
            self._table = colour_table(model.n_classes, self._background)
        self.image.setImage(class_image(self.classes, self.confidence, self._table),
                            autoLevels=False, rect=self._rect)

    def draw_lines(self, model, neurons: list[int], labels: list[str], visible: bool,
                   highlighted: int | None = None) -> None:
        """Draw ``neurons``' ReLU lines (at most MAX_LINES) with a stub on the
        side where each one is active, ``highlighted`` (a neuron) solid and
        bold; hide the rest."""
        neurons = neurons[:MAX_LINES] if visible else []
        chosen = neurons.index(highlighted) if highlighted in neurons else None
        if chosen != self.highlighted:
            self.highlighted = chosen
            self._style_lines()
        segments, normals = relu_lines(model, EXTENT, neurons)
        for k, (line, tick, label) in enumerate(zip(self.lines, self.ticks, self.labels,
                                                    strict=True)):
            shown = k < len(neurons) and bool(np.all(np.isfinite(segments[k])))
            for item in (line, tick, label):
                item.setVisible(shown)
            if not shown:
                continue
            x_a, y_a, x_b, y_b = segments[k]
            line.setData([x_a, x_b], [y_a, y_b])
            mid = np.array([(x_a + x_b) / 2, (y_a + y_b) / 2])
            end = mid + TICK_LENGTH * normals[k]
            tick.setData([mid[0], end[0]], [mid[1], end[1]])
            label.setText(labels[k])
            label.setPos(*(mid + 1.9 * TICK_LENGTH * normals[k]))
