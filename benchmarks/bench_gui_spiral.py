"""Cost of the spiral tab's class map, which it recomputes on every weight
change and every training frame (goal: under 16 ms for 150 × 150 cells).

Prints the median time of:
- ``engine.network.class_map`` alone (22 500 cells through the net, softmax
  winner and confidence), for the post's 2-3-3 net and for hidden width 64;
- the class map recomputed *and drawn*: ``ClassMapView.draw_map`` (map,
  colour image, ``setImage``) plus a synchronous repaint of the plot;
- a whole slider move in the tab (set the weight, map, ReLU lines, table,
  labels, history) plus the repaint Qt schedules for it;
- one training frame at width 64 (10 Adam steps, then that redraw).

Every frame uses new weights, so no cached image is ever reused.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_spiral.py``
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for benchmarks._common

import numpy as np

from benchmarks._common import median_ms, shown_tab

REPEATS = 200
GOAL_MS = 16.0
WIDTHS = (3, 64)


def _random_weights(net, repeats: int) -> list[np.ndarray]:
    from engine.network import readable_random_params

    rng = np.random.default_rng(0)
    return [readable_random_params(net, rng) for _ in range(repeats + 1)]


def main() -> dict[str, float]:
    from engine.network import class_map
    from gui.spiral.class_map import CELLS, EXTENT
    from gui.spiral.tab import SpiralTab

    app, tab = shown_tab(SpiralTab)
    results: dict[str, float] = {}
    plot = tab.map_view.plot

    for width in WIDTHS:
        tab.hidden_spin.setValue(width)
        net = tab.classifier
        weights = _random_weights(net, REPEATS)

        def engine_only(k: int, net=net, weights=weights) -> None:
            net.set_flat(weights[k % len(weights)])
            class_map(net, EXTENT, CELLS)

        def map_and_paint(k: int, net=net, weights=weights) -> None:
            net.set_flat(weights[k % len(weights)])
            tab.map_view.draw_map(net)
            plot.viewport().repaint()

        results[f"class_map_engine_h{width}_ms"] = median_ms(engine_only, REPEATS, warm_up=True)
        results[f"class_map_draw_h{width}_ms"] = median_ms(map_and_paint, REPEATS, warm_up=True)

    tab.hidden_spin.setValue(3)
    values = np.linspace(-3.0, 3.0, 121)

    def slider_move(k: int) -> None:
        tab.editor.sliders["w1_0_1"].slider.setValue(round(values[k % len(values)] * 100))
        app.processEvents()  # the repaint Qt scheduled for the changed widgets

    results["slider_move_h3_ms"] = median_ms(slider_move, REPEATS, warm_up=True)

    tab.hidden_spin.setValue(64)
    tab.steps_spin.setValue(10)

    def training_frame(_k: int) -> None:
        tab.advance_frame()  # exactly what one timer tick does
        app.processEvents()

    results["training_frame_h64_ms"] = median_ms(training_frame, REPEATS // 2, warm_up=True)
    tab.stop_animation()
    tab.close()

    print(f"Spiral class map, {CELLS}×{CELLS} cells, median times (goal < {GOAL_MS:g} ms):")
    for width in WIDTHS:
        print(f"  hidden {width:>2}: class_map (engine) "
              f"{results[f'class_map_engine_h{width}_ms']:6.2f} ms, recompute + draw "
              f"{results[f'class_map_draw_h{width}_ms']:6.2f} ms")
    print(f"  slider move → whole tab redrawn (2-3-3): {results['slider_move_h3_ms']:6.2f} ms")
    print(f"  training frame, 10 Adam steps + redraw (hidden 64): "
          f"{results['training_frame_h64_ms']:6.2f} ms")
    return results


if __name__ == "__main__":
    main()
