"""One look for every plot: colours, pens, a plot-widget factory, and the
theme every plot made here follows when it changes."""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import pyqtgraph as pg
import shiboken6

# Colour-blind-safe palette (Okabe–Ito), in the order curves are given colours.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
           "#F0E442", "#000000", "#882255", "#44AA99", "#999933")
TARGET_COLOUR = "#888888"
POSITIVE_COLOUR = "#1f77b4"  # positive weights, class 1 ...
NEGATIVE_COLOUR = "#d62728"  # negative weights, class 0 ...




@dataclass(frozen=True)
class PlotTheme:
    """The colours a plot takes from the theme; views read ``plot_theme()``
    when they restyle, never a copy taken at construction."""

    dark: bool
    background: str
    foreground: str
    legend_background: str


LIGHT = PlotTheme(False, "#ffffff", "#222222", "#ffffffd0")
DARK = PlotTheme(True, "#1e1e1e", "#dddddd", "#1e1e1ed0")
_theme = LIGHT
# Every plot make_plot() created, so a theme switch restyles them in place.
_plots: weakref.WeakSet = weakref.WeakSet()


def plot_theme() -> PlotTheme:
    return _theme


def configure_pyqtgraph(dark: bool = False) -> None:
    """Global pyqtgraph options, and the theme of every plot made here."""
    global _theme
    _theme = DARK if dark else LIGHT
    pg.setConfigOptions(antialias=True, background=_theme.background,
                        foreground=_theme.foreground)
    for plot in list(_plots):
        # A plot whose C++ side Qt already deleted may linger in the set
        # until Python collects its wrapper.
        if shiboken6.isValid(plot):
            restyle_plot(plot)


def restyle_plot(plot: pg.PlotWidget) -> None:
    """Background, axes, title and legend in the current theme's colours."""
    theme = _theme
    plot.setBackground(theme.background)
    item = plot.getPlotItem()
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        axis.setPen(theme.foreground)
        axis.setTextPen(theme.foreground)
    if item.titleLabel.text:
        item.titleLabel.setText(item.titleLabel.text, color=theme.foreground)
    if item.legend is not None:
        item.legend.setLabelTextColor(theme.foreground)
        for _sample, label in item.legend.items:  # setLabelTextColor does not redraw them
            label.setText(label.text)
        item.legend.setBrush(theme.legend_background)


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def make_plot(object_name: str, title: str = "", x_label: str = "", y_label: str = "",
              parent=None) -> pg.PlotWidget:
    """A PlotWidget with a title, axis labels, a light grid and no menu clutter."""
    plot = pg.PlotWidget(parent=parent)
    plot.setObjectName(object_name)
    item = plot.getPlotItem()
    if title:
        item.setTitle(title)
    if x_label:
        item.setLabel("bottom", x_label)
    if y_label:
        item.setLabel("left", y_label)
    item.showGrid(x=True, y=True, alpha=0.15)
    item.setMenuEnabled(False)
    item.hideButtons()
    _plots.add(plot)
    return plot


def name_plot(plot: pg.PlotWidget, title: str, description: str, **labels: str) -> None:
    """Set a plot's title, axis labels (``left=…``, ``bottom=…``) and the
    accessible description a screen reader gives, from a ``retranslate()``."""
    plot.setTitle(title)
    for axis, text in labels.items():
        plot.setLabel(axis, text)
    plot.setAccessibleDescription(description)


def cache_axes(plot: pg.PlotWidget) -> None:
    """Keep each axis (which also draws the grid across the whole view) as a
    pixmap: a moving curve then repaints the grid as one blit, not line by
    line (4 ms of an 11 ms gates frame). pyqtgraph drops the pixmap itself
    when the range changes."""
    from PySide6.QtWidgets import QGraphicsItem

    for name in ("left", "bottom", "top", "right"):
        plot.getPlotItem().getAxis(name).setCacheMode(
            QGraphicsItem.CacheMode.DeviceCoordinateCache)


def fix_range(plot: pg.PlotWidget, x: tuple[float, float], y: tuple[float, float],
              padding: float = 0.0) -> None:
    """Fix the view (turns auto-range off): auto-ranging costs ~6× per frame."""
    plot.getPlotItem().setRange(xRange=x, yRange=y, padding=padding)
    plot.getPlotItem().disableAutoRange()
