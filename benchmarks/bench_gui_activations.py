"""Per-frame times of the activations tab (issue 6).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_activations.py

A "frame" is one user change (a slider tick, a spin-box step, a mouse move)
followed by processing the events it queued, including the repaint, on a
shown 1260×740 tab. "bare setData" is the floor: the same two curves fed
precomputed arrays with no state, engine or widget work. Each figure is a
median over the frames, as wall-clock time (``_ms``) and as this process's
CPU time (``_cpu_ms``), which stays meaningful on a busy machine.

``rows()`` gives ``./dev bench`` the issue's figures: the crosshair with all 11
functions shown and a parameter drag with all shown, each within a 60 Hz frame
(judged on CPU time: on the shared 2-core machines wall time mostly measures
the other processes) and as a ratio to a bare pyqtgraph baseline measured in
the same run — two plain ``PlotWidget``s of the same size holding the same 22
curves, where the baseline moves a bare ``InfiniteLine`` and dots, or feeds
one curve precomputed data.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FRAMES = 60
FRAME_MS = 1000 / 60


def _measure(results: dict, name: str, app, frames: int, step) -> None:
    wall, cpu = [], []
    for i in range(frames):
        start, start_cpu = time.perf_counter(), time.process_time()
        step(i)
        app.processEvents()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    results[f"{name}_ms"] = 1000.0 * statistics.median(wall)
    results[f"{name}_cpu_ms"] = 1000.0 * statistics.median(cpu)


def main() -> dict:
    from PySide6.QtCore import QPointF

    from benchmarks._common import shown_tab
    from engine.activations import ACTIVATIONS
    from gui.activations.tab import ActivationsTab

    app, tab = shown_tab(ActivationsTab)
    functions = tab.functions
    functions.checks["leaky_relu"].setChecked(True)
    app.processEvents()

    curve, derivative = tab.curves["leaky_relu"], tab.derivative_curves["leaky_relu"]
    x = curve.xData
    precomputed = [(curve.yData * (1 + 1e-3 * i), derivative.yData) for i in range(FRAMES)]

    def bare(i):
        curve.setData(x, precomputed[i][0])
        derivative.setData(x, precomputed[i][1])

    slider = functions.params[("leaky_relu", "alpha")].slider
    results: dict = {}
    _measure(results, "bare_setData", app, FRAMES, bare)
    _measure(results, "leaky_alpha_drag", app, FRAMES, lambda i: slider.setValue(i % 100))

    for key in ACTIVATIONS:
        functions.checks[key].setChecked(True)
    app.processEvents()
    _measure(results, "leaky_alpha_drag_all_shown", app, FRAMES,
             lambda i: slider.setValue((i + 1) % 100))
    noisy = functions.params[("noisy_relu", "sigma")].slider
    _measure(results, "noisy_sigma_drag_all_shown", app, FRAMES,
             lambda i: noisy.setValue(50 + i))
    combo = functions.x_range_combo
    _measure(results, "x_range_switch_all_shown", app, 20,
             lambda i: combo.setCurrentIndex(i % combo.count()))
    view = functions.plot.getPlotItem().getViewBox()
    scene = functions.plot.scene()
    _measure(results, "crosshair_move_all_shown", app, FRAMES,
             lambda i: scene.sigMouseMoved.emit(view.mapViewToScene(QPointF(-4 + 0.1 * i, 0))))

    tab.pages.setCurrentIndex(1)
    app.processEvents()
    tab.softmax.naive_check.setChecked(True)
    logit = tab.softmax.logit_spins[0]
    _measure(results, "softmax_logit_step", app, FRAMES, lambda i: logit.setValue(0.1 * i))
    temperature = tab.softmax.temperature.slider
    _measure(results, "softmax_temperature_drag", app, FRAMES,
             lambda i: temperature.setValue(1 + i))

    tab.pages.setCurrentIndex(2)
    app.processEvents()
    chain = tab.chain.length_slider
    _measure(results, "chain_length_drag", app, 49, lambda i: chain.setValue(1 + i))

    results["drag_vs_bare_cpu_ratio"] = (results["leaky_alpha_drag_cpu_ms"]
                                         / results["bare_setData_cpu_ms"])
    for name, value in results.items():
        unit = "×" if name.endswith("ratio") else " ms"
        print(f"{name:38s} {value:8.2f}{unit}")
    tab.close()
    return results


def _bare_baseline(app, tab) -> dict:
    """The same 22 curves in two plain PlotWidgets of the tab's plots' size:
    the floor any crosshair move or curve drag pays."""
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    functions = tab.functions
    window = QWidget()
    layout = QVBoxLayout(window)
    plots, lines, dots = [], [], []
    for source, shown in ((functions.plot, tab.curves), (functions.derivative_plot,
                                                         tab.derivative_curves)):
        plot = pg.PlotWidget()
        plot.setFixedSize(source.size())
        for item in shown.values():
            x, y = item.getData()
            plot.plot(x, y, pen=pg.mkPen(item.opts["pen"]))
        plot.setRange(xRange=source.getPlotItem().vb.viewRange()[0],
                      yRange=source.getPlotItem().vb.viewRange()[1], padding=0)
        line = pg.InfiniteLine(angle=90)
        scatter = pg.ScatterPlotItem(size=7)
        plot.addItem(line, ignoreBounds=True)
        plot.addItem(scatter, ignoreBounds=True)
        layout.addWidget(plot)
        plots.append(plot)
        lines.append(line)
        dots.append(scatter)
    window.show()
    app.processEvents()
    # A drag changes one f curve and its f′ curve: feed both precomputed data.
    curves = [plot.getPlotItem().listDataItems()[0] for plot in plots]
    x = curves[0].getData()[0]
    data = [[curve.getData()[1] * (1 + 1e-3 * i) for curve in curves] for i in range(FRAMES)]

    def drag(i):
        for curve, y in zip(curves, data[i], strict=True):
            curve.setData(x, y)

    def move(i):
        for line, scatter in zip(lines, dots, strict=True):
            line.setPos(-4 + 0.1 * i)
            scatter.setData(x=np.full(11, -4 + 0.1 * i), y=np.linspace(-1, 1, 11))

    results: dict = {}
    _measure(results, "bare_crosshair", app, FRAMES, move)
    _measure(results, "bare_drag", app, FRAMES, drag)
    window.close()
    return results


def _row(figure: str, measured: dict, name: str, baseline: str):
    from benchmarks._common import Row

    cpu, wall = measured[f"{name}_cpu_ms"], measured[f"{name}_ms"]
    bare = measured[f"{baseline}_cpu_ms"]
    return Row(figure, f"≤ {FRAME_MS:.1f} ms CPU",
               f"{cpu:.1f} ms CPU ({wall:.1f} ms wall) vs {bare:.1f} ms bare",
               cpu / bare if bare else None, cpu <= FRAME_MS)


def rows() -> list:
    from benchmarks._common import shown_tab
    from engine.activations import ACTIVATIONS
    from gui.activations.tab import ActivationsTab

    app, tab = shown_tab(ActivationsTab)
    functions = tab.functions
    for key in ACTIVATIONS:
        functions.checks[key].setChecked(True)
    app.processEvents()
    measured = _bare_baseline(app, tab)
    from PySide6.QtCore import QPointF

    view = functions.plot.getPlotItem().getViewBox()
    scene = functions.plot.scene()
    _measure(measured, "crosshair", app, FRAMES,
             lambda i: scene.sigMouseMoved.emit(view.mapViewToScene(QPointF(-4 + 0.1 * i, 0))))
    slider = functions.params[("leaky_relu", "alpha")].slider
    _measure(measured, "drag", app, FRAMES, lambda i: slider.setValue((i + 1) % 100))
    tab.close()
    return [
        _row("activations crosshair move, all 11 functions shown, vs bare line + dots",
             measured, "crosshair", "bare_crosshair"),
        _row("activations parameter drag (Leaky α), all 11 shown, vs bare setData",
             measured, "drag", "bare_drag"),
    ]


if __name__ == "__main__":
    main()
    for row in rows():
        print(row)
