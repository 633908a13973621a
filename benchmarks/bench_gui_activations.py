"""Per-frame times of the activations tab (issue 6).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_activations.py

A "frame" is one user change (a slider tick, a spin-box step, a mouse move)
followed by processing the events it queued, including the repaint, on a
shown 1260×740 tab. "bare setData" is the floor: the same two curves fed
precomputed arrays with no state, engine or widget work. Each figure is a
median over the frames, as wall-clock time (``_ms``) and as this process's
CPU time (``_cpu_ms``), which stays meaningful on a busy machine.
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


if __name__ == "__main__":
    main()
