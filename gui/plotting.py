"""One look for every plot: colours, pens and a plot-widget factory."""

from __future__ import annotations

import pyqtgraph as pg

# Colour-blind-safe palette (Okabe–Ito), in the order curves are given colours.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
           "#F0E442", "#000000", "#882255", "#44AA99", "#999933")
TARGET_COLOUR = "#888888"
POSITIVE_COLOUR = "#1f77b4"  # positive weights, class 1 ...
NEGATIVE_COLOUR = "#d62728"  # negative weights, class 0 ...


def configure_pyqtgraph(dark: bool = False) -> None:
    """Global pyqtgraph options; call once before any plot is created."""
    pg.setConfigOptions(antialias=True, background="#1e1e1e" if dark else "w",
                        foreground="#dddddd" if dark else "#222222")


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
    return plot


def fix_range(plot: pg.PlotWidget, x: tuple[float, float], y: tuple[float, float],
              padding: float = 0.0) -> None:
    """Fix the view (turns auto-range off): auto-ranging costs ~6× per frame."""
    plot.getPlotItem().setRange(xRange=x, yRange=y, padding=padding)
    plot.getPlotItem().disableAutoRange()
