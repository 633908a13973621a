"""Perceptron gates tab: what one slider step and one learning frame cost.

Prints:
- slider → redraw: ``gate_b_slider`` moved one tick (the state, truth table,
  banner, line, shading and notes all follow), then the event loop run once
  so that everything dirty is painted; median and 95th percentile per step;
- bare setData: only the decision line's ``setData`` and the same painting,
  the floor any redraw of this plot pays; and the ratio of the two;
- learning frame: one tick of the "Learn it" animation (XOR, which never
  settles) and its painting;
- engine geometry: ``decision_line`` + ``positive_region`` per call.

Goal: a step well under a 16 ms frame.

``rows()`` gives ``./dev bench`` the issue's figures, each against a bare
pyqtgraph baseline measured in the same run (a plain ``PlotWidget`` of the
gates plot's size whose 2-point line gets ``setData`` and is repainted): the
slider step, and a learning frame at the most inputs a frame (20, within the
learner's 8 ms budget).
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_gates.py``
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from benchmarks._common import shown_tab  # noqa: E402

STEPS = 400
GEOMETRY_CALLS = 5000


def _median_p95(times: list[float]) -> tuple[float, float]:
    return statistics.median(times) * 1e3, float(np.percentile(times, 95)) * 1e3


def bench_slider(tab, app) -> dict:
    slider = tab.weight_sliders["b"].slider
    times = []
    for i in range(STEPS):
        ticks = -150 + (i % 300)  # sweeps b from −1.5 to 1.5: the line crosses the view
        start = time.perf_counter()
        slider.setValue(ticks)
        app.processEvents()  # the scene's update reaches the viewport here, then paints
        times.append(time.perf_counter() - start)
    median, p95 = _median_p95(times)
    return {"slider_ms_median": median, "slider_ms_p95": p95}


def bench_bare(tab, app) -> dict:
    xs = np.array([-0.5, 1.5])
    times = []
    for i in range(STEPS):
        ys = np.array([1.5, -0.5]) + 0.001 * (i % 300)
        start = time.perf_counter()
        tab.line_item.setData(xs, ys)
        app.processEvents()
        times.append(time.perf_counter() - start)
    median, _ = _median_p95(times)
    return {"bare_setdata_ms_median": median}


def bench_learning(tab, app, steps_per_frame: int = 1) -> dict:
    """Frames of the "Learn it" run on XOR (it never settles), each as the
    timer runs it: the budgeted steps, then one redraw."""
    from PySide6.QtWidgets import QSpinBox

    tab.gate_combo.setCurrentText("XOR")
    tab.findChild(QSpinBox, "learnStepsSpin").setValue(steps_per_frame)
    times = []
    while len(times) < STEPS:
        tab.learn_button.click()  # starts a fresh run; frames are driven by hand below
        tab.learn_timer.stop()
        while tab.learner.frame < len(tab.learner.frames) - 1 and len(times) < STEPS:
            start = time.perf_counter()
            tab.learn_timer.timeout.emit()
            app.processEvents()
            times.append(time.perf_counter() - start)
        tab.stop_animation()
    median, p95 = _median_p95(times)
    return {"learn_frame_ms_median": median, "learn_frame_ms_p95": p95}


def bench_bare_plot(tab, app) -> dict:
    """A plain PlotWidget of the gates plot's size, its 2-point line fed and repainted."""
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    plot.resize(tab.plot.size())
    line = plot.plot([-0.5, 1.5], [1.5, -0.5], pen=pg.mkPen("k", width=3))
    plot.setRange(xRange=(-0.5, 1.5), yRange=(-0.5, 1.5), padding=0)
    plot.show()
    app.processEvents()
    xs = np.array([-0.5, 1.5])
    times = []
    for i in range(STEPS):
        ys = np.array([1.5, -0.5]) + 0.001 * (i % 300)
        start = time.perf_counter()
        line.setData(xs, ys)
        app.processEvents()
        times.append(time.perf_counter() - start)
    plot.close()
    median, _ = _median_p95(times)
    return {"bare_plot_ms_median": median}


def rows() -> list:
    from benchmarks._common import Row
    from gui.gates.model import STEPS_LIMITS
    from gui.gates.tab import GatesTab

    app, tab = shown_tab(GatesTab)
    bare = bench_bare_plot(tab, app)["bare_plot_ms_median"]
    slider = bench_slider(tab, app)["slider_ms_median"]
    learning = bench_learning(tab, app, STEPS_LIMITS[1])["learn_frame_ms_median"]
    tab.close()
    frame = 1000 / 60
    return [
        Row("gates slider → line, shading, table redrawn, vs bare setData + repaint",
            f"≤ {frame:.1f} ms", f"{slider:.2f} ms vs {bare:.2f} ms", slider / bare,
            slider <= frame),
        Row(f"gates learning frame, {STEPS_LIMITS[1]} inputs a frame (XOR), vs bare",
            f"≤ {frame:.1f} ms", f"{learning:.2f} ms vs {bare:.2f} ms", learning / bare,
            learning <= frame),
    ]


def bench_geometry() -> dict:
    from engine.perceptron import decision_line, positive_region

    box = (-0.5, 1.5, -0.9, 1.9)
    rng = np.random.default_rng(0)
    weights = rng.uniform(-2, 2, (GEOMETRY_CALLS, 3))
    start = time.perf_counter()
    for w1, w2, b in weights:
        decision_line(w1, w2, b, box)
        positive_region(w1, w2, b, box)
    return {"geometry_us_per_call": (time.perf_counter() - start) / GEOMETRY_CALLS * 1e6}


def main() -> dict:
    from gui.gates.tab import GatesTab

    app, tab = shown_tab(GatesTab)
    results = {**bench_slider(tab, app), **bench_bare(tab, app), **bench_learning(tab, app),
               **bench_geometry()}
    results["slider_vs_bare_ratio"] = (results["slider_ms_median"]
                                       / results["bare_setdata_ms_median"])
    tab.stop_animation()
    tab.close()
    print("Perceptron gates tab")
    print(f"  slider → redraw (whole tab): {results['slider_ms_median']:.2f} ms median, "
          f"{results['slider_ms_p95']:.2f} ms p95")
    print(f"  bare setData + plot repaint: {results['bare_setdata_ms_median']:.2f} ms median "
          f"(slider step = {results['slider_vs_bare_ratio']:.1f}×)")
    print(f"  learning frame (whole tab):  {results['learn_frame_ms_median']:.2f} ms median, "
          f"{results['learn_frame_ms_p95']:.2f} ms p95")
    print(f"  engine line + region:        {results['geometry_us_per_call']:.1f} µs per call")
    return results


if __name__ == "__main__":
    main()
    for row in rows():
        print(row)
