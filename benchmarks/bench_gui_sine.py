"""Sine-fit tab: time from a slider change to the painted frame, at the
default 1→8→8→1 network and at the largest, 1→16→16→16→1 (593 parameters),
and the time a change of shape takes to the next painted frame.

Each slider frame: ``slider.setValue`` (the path a drag takes: the network,
the fit snapshot, the readouts, the hints, the diagram, the curve) and then a
synchronous repaint of the plot. Next to it, in the same run, a bare
pyqtgraph PlotWidget of the same size with one 1000-point curve and the same
pen: ``setData`` + the same repaint. Other widgets' repaints (labels,
diagram) are left to the event loop between frames, outside the timing, as Qt
would coalesce them into the next frame anyway.

A shape change: ``set_shape`` (the new network, its panel page on show, the
diagram, the neuron curves), the events that follow (layout, one slice of
the panel's idle build, the repaint of what changed) and a synchronous
repaint of the whole tab.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_sine.py``
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

from benchmarks._common import Row

FRAMES = 150
WARM_UP = 20
ROUNDS = 5
SLIDER_GOAL = 2.5  # × the bare setData + paint
SHAPE_GOAL_MS = 150.0
DEFAULT = (1, 8, 8, 1)
DEEP = (1, 16, 16, 16, 1)
SHAPE_CHANGES = 8


def _paired_ms(frames: dict, app) -> dict[str, float]:
    """Median per frame of each variant, the variants' frames taking turns one
    by one, so that a busy machine (2 cores, shared) slows them alike; the
    lowest of ``ROUNDS`` rounds' medians is kept."""
    best = {name: float("inf") for name in frames}
    for _ in range(ROUNDS):
        times: dict[str, list[float]] = {name: [] for name in frames}
        for k in range(WARM_UP + FRAMES):
            for name, frame in frames.items():
                start = time.perf_counter()
                frame(k)
                elapsed = time.perf_counter() - start
                app.processEvents()  # deferred repaints of other widgets, outside the timing
                if k >= WARM_UP:
                    times[name].append(elapsed)
        for name, values in times.items():
            best[name] = min(best[name], statistics.median(values) * 1e3)
    return best


def _slider_frame(tab, app, sizes):
    """A frame that moves the first output weight of a ``sizes`` network."""
    import numpy as np
    from PySide6.QtWidgets import QSlider

    tab.set_shape(sizes)
    tab.presetCombo.setCurrentText("Hand-tuned" if sizes == DEFAULT else "Random")
    output_layer = len(sizes) - 1
    tab.panel.show_neuron(output_layer, 0)
    tab.panel.finish_building()  # the pages a change of shape builds in idle time
    app.processEvents()
    slider = tab.findChild(QSlider, f"w{output_layer}_3_0_slider")
    ticks = slider.value() + np.round(200 * np.sin(np.linspace(0, 8 * np.pi, 97))).astype(int)
    plot = tab.plot.widget

    def frame(k: int) -> None:
        slider.setValue(int(ticks[k % len(ticks)]))
        plot.viewport().repaint()

    return slider, frame


def _shape_change_ms(tab, app) -> float:
    """Median time from ``set_shape`` to the tab painted, switching between the
    default and the deepest network."""
    from PySide6.QtCore import QEvent

    from gui.sine import params

    times = []
    for k in range(SHAPE_CHANGES):
        sizes = DEEP if k % 2 == 0 else DEFAULT
        start = time.perf_counter()
        tab.set_shape(sizes)
        app.processEvents()  # layout, then the paint of everything that changed
        tab.repaint()
        times.append(time.perf_counter() - start)
        # Outside the timing, what the event loop does in the frames after: the
        # rest of the idle build, and deleting the old panel and diagram.
        tab.panel.finish_building()
        while params.panels_being_deleted():
            app.processEvents()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        app.processEvents()
    return statistics.median(times) * 1e3


def measure() -> dict[str, float]:
    import numpy as np
    import pyqtgraph as pg

    from benchmarks._common import shown_tab
    from gui.common.plotting import fix_range
    from gui.sine.plot import OUTPUT_COLOUR, OUTPUT_WIDTH
    from gui.sine.tab import SineFitTab

    app, tab = shown_tab(SineFitTab)
    plot = tab.plot.widget
    x = tab.x_values
    ys = [np.sin(2 * np.pi * x) * (1 + 0.01 * (k % 13)) for k in range(13)]

    bare = pg.PlotWidget()
    bare.resize(plot.size())
    bare.show()
    curve = bare.plot(x, ys[0], pen=pg.mkPen(OUTPUT_COLOUR, width=OUTPUT_WIDTH))
    fix_range(bare, (0.0, 1.0), (-1.5, 1.5))
    app.processEvents()

    def bare_frame(k: int) -> None:  # a plain PlotWidget: one curve, nothing else
        curve.setData(x, ys[k % len(ys)])
        bare.viewport().repaint()

    results = {}
    for label, sizes in (("default", DEFAULT), ("deep", DEEP)):
        slider, frame = _slider_frame(tab, app, sizes)
        slider.setSliderDown(True)  # a drag: the live path, one undo step at the end
        r = _paired_ms({"bare": bare_frame, "tab": frame}, app)
        slider.setSliderDown(False)
        results[f"bare_{label}_ms"] = r["bare"]
        results[f"slider_{label}_ms"] = r["tab"]
        results[f"ratio_{label}"] = r["tab"] / r["bare"]
    tab.set_shape(DEFAULT)
    tab.showNeuronsCheck.setChecked(True)
    slider, frame = _slider_frame(tab, app, DEFAULT)
    slider.setSliderDown(True)
    results["slider_neurons_ms"] = _paired_ms({"tab": frame}, app)["tab"]
    slider.setSliderDown(False)
    tab.showNeuronsCheck.setChecked(False)
    results["shape_change_ms"] = _shape_change_ms(tab, app)
    results["plot_size"] = (plot.width(), plot.height())
    tab.stop_animation()
    tab.close()
    bare.close()
    return results


def rows(results: dict | None = None) -> list[Row]:
    r = measure() if results is None else results
    out = []
    for label, name in (("default", "1→8→8→1"), ("deep", "1→16→16→16→1")):
        ratio = r[f"ratio_{label}"]
        out.append(Row(f"sine slider → curve painted ({name}), vs bare setData + paint",
                       f"≤ {SLIDER_GOAL:g}×",
                       f"{r[f'slider_{label}_ms']:.2f} ms vs {r[f'bare_{label}_ms']:.2f} ms",
                       ratio, ratio <= SLIDER_GOAL))
    shape = r["shape_change_ms"]
    out.append(Row("sine shape change 1→8→8→1 ↔ 1→16→16→16→1 → next painted frame",
                   f"< {SHAPE_GOAL_MS:g} ms", f"{shape:.1f} ms", None, shape < SHAPE_GOAL_MS))
    return out


def main() -> dict[str, float]:
    results = measure()
    width, height = results["plot_size"]
    print(f"sine tab: 1000 points, plot {width}×{height} px; median per frame "
          f"(best of {ROUNDS} rounds)")
    for row in rows(results):
        ratio = f" = {row.ratio:.2f}×" if row.ratio is not None else ""
        print(f"  {row.figure}: {row.measured}{ratio} (goal {row.goal}) "
              f"{'pass' if row.passed else 'FAIL'}")
    print(f"  slider with neuron curves + kinks shown (1→8→8→1): "
          f"{results['slider_neurons_ms']:.2f} ms")
    return results


if __name__ == "__main__":
    main()
