"""Sine-fit tab: time from a slider change to the painted frame.

Each frame: ``slider.setValue`` (the path a drag takes: the network, the
fit snapshot, the readouts, the hints, the diagram, the curve) and then a
synchronous repaint of the plot. Next to it, in the same run, a bare
pyqtgraph PlotWidget of the same size with one 1000-point curve and the same
pen: ``setData`` + the same repaint. Other widgets' repaints (labels,
diagram) are left to the event loop between frames, outside the timing, as Qt
would coalesce them into the next frame anyway.

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

FRAMES = 150
WARM_UP = 20
ROUNDS = 5
SLIDER = "w3_3_0"  # an output weight: moves a whole segment of the curve


def _median_ms(frame, app) -> float:
    times = []
    for k in range(WARM_UP + FRAMES):
        start = time.perf_counter()
        frame(k)
        elapsed = time.perf_counter() - start
        app.processEvents()  # deferred repaints of other widgets, outside the timing
        if k >= WARM_UP:
            times.append(elapsed)
    return statistics.median(times) * 1e3


def _interleaved(frames: dict, app) -> dict[str, float]:
    """Median per frame of each variant, the variants run in turns so that a
    busy machine slows them alike; the lowest of the rounds' medians is kept."""
    rounds: dict[str, list[float]] = {name: [] for name in frames}
    for _ in range(ROUNDS):
        for name, frame in frames.items():
            rounds[name].append(_median_ms(frame, app))
    return {name: min(values) for name, values in rounds.items()}


def main() -> dict[str, float]:
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtWidgets import QSlider

    from benchmarks._common import shown_tab
    from gui.common.plotting import fix_range
    from gui.sine.plot import OUTPUT_COLOUR, OUTPUT_WIDTH
    from gui.sine.tab import SineFitTab

    app, tab = shown_tab(SineFitTab)
    tab.presetCombo.setCurrentText("Hand-tuned")
    tab.panel.show_neuron(3, 0)
    app.processEvents()
    slider = tab.findChild(QSlider, f"{SLIDER}_slider")
    plot = tab.plot.widget
    ticks = slider.value() + np.round(200 * np.sin(np.linspace(0, 8 * np.pi, 97))).astype(int)
    x = tab.x_values
    ys = [np.sin(2 * np.pi * x) * (1 + 0.01 * (k % 13)) for k in range(13)]

    def tab_frame(k: int) -> None:
        slider.setValue(int(ticks[k % len(ticks)]))
        plot.viewport().repaint()

    def same_plot_frame(k: int) -> None:  # pyqtgraph alone, on the tab's own plot
        tab.output_curve.setData(x, ys[k % len(ys)])
        plot.viewport().repaint()

    bare = pg.PlotWidget()
    bare.resize(plot.size())
    bare.show()
    curve = bare.plot(x, ys[0], pen=pg.mkPen(OUTPUT_COLOUR, width=OUTPUT_WIDTH))
    fix_range(bare, (0.0, 1.0), (-1.5, 1.5))
    app.processEvents()

    def bare_frame(k: int) -> None:  # a plain PlotWidget: one curve, nothing else
        curve.setData(x, ys[k % len(ys)])
        bare.viewport().repaint()

    slider.setSliderDown(True)  # a drag: the live path, one undo step at the end
    r = _interleaved({"bare": bare_frame, "same_plot": same_plot_frame, "tab": tab_frame}, app)
    tab.showNeuronsCheck.setChecked(True)
    app.processEvents()
    r.update(_interleaved({"tab_neurons": tab_frame}, app))
    slider.setSliderDown(False)
    results = {
        "bare_ms": r["bare"], "same_plot_ms": r["same_plot"],
        "slider_to_paint_ms": r["tab"], "slider_to_paint_neurons_ms": r["tab_neurons"],
        "ratio": r["tab"] / r["bare"], "ratio_same_plot": r["tab"] / r["same_plot"],
    }
    print(f"sine tab: {len(x)} points, plot {plot.width()}×{plot.height()} px, "
          f"{OUTPUT_WIDTH}-px output pen; median per frame (best of {ROUNDS} rounds)")
    print(f"  bare PlotWidget setData + paint:        {results['bare_ms']:.3f} ms")
    print(f"  setData + paint of the tab's own plot:  {results['same_plot_ms']:.3f} ms")
    print(f"  slider → painted frame:                 {results['slider_to_paint_ms']:.3f} ms "
          f"= {results['ratio']:.2f}× bare, {results['ratio_same_plot']:.2f}× own plot "
          "(goal ≤ 1 ms, ≤ 2.5×)")
    print(f"  same with neuron curves + kinks shown:  "
          f"{results['slider_to_paint_neurons_ms']:.3f} ms")
    tab.stop_animation()
    tab.close()
    bare.close()
    return results


if __name__ == "__main__":
    main()
