"""Cost of ``NetworkDiagram.refresh()``, which the sine tab calls on every slider move.

Prints the median time of:
- a refresh after one weight changed (a slider drag),
- a refresh after all 97 parameters changed to a new random network (auto-fit
  tick, preset load), with dead-neuron masks that change too,
- a slider-style refresh plus the repaint Qt schedules for it (only the dirty
  region around the changed edge), flushed with ``processEvents``,
- a full repaint of the 380×300 view (what a resize or expose costs).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_diagram.py``
"""

from __future__ import annotations

import os
import sys
from itertools import pairwise
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for benchmarks._common

import numpy as np

from benchmarks._common import median_ms

REPEATS = 2000
PAINT_REPEATS = 300
X = np.linspace(0.0, 1.0, 1000)


def main() -> dict[str, float]:
    from engine import presets
    from engine.network import MLP
    from gui.app import ensure_application
    from gui.sine.diagram import NetworkDiagram

    app = ensure_application()
    net = MLP((1, 8, 8, 1))
    net.set_flat(presets.hand_tuned_sine())
    diagram = NetworkDiagram(net)
    diagram.resize(380, 300)
    diagram.show()
    app.processEvents()
    dead = net.dead_neurons(X)
    # Steps of 0.05: each one changes the drawn width, so every frame really
    # replaces a pen (finer steps would often leave the quantised pen as it was).
    slider_values = np.linspace(-3.0, 3.0, 121)

    def one_weight(k: int) -> None:
        net.set_param("w2_3_5", slider_values[k % len(slider_values)])
        diagram.refresh(dead)

    # A fresh random network every call, so the pen cache meets new widths too.
    states = [presets.random_params(seed) for seed in range(REPEATS)]
    state_masks = []
    for flat in states:
        net.set_flat(flat)
        state_masks.append(net.dead_neurons(X))

    def all_weights(k: int) -> None:
        net.set_flat(states[k])
        diagram.refresh(state_masks[k])

    def one_weight_and_paint(k: int) -> None:
        one_weight(k)
        app.processEvents()  # delivers the update Qt scheduled: one partial repaint

    def full_repaint(_k: int) -> None:
        diagram.viewport().repaint()

    results = {"one_weight_ms": median_ms(one_weight, REPEATS, warm_up=True)}
    results["all_weights_ms"] = median_ms(all_weights, REPEATS)
    net.set_flat(presets.hand_tuned_sine())
    diagram.refresh(dead)
    app.processEvents()
    results["one_weight_and_paint_ms"] = median_ms(one_weight_and_paint, PAINT_REPEATS)
    results["full_repaint_ms"] = median_ms(full_repaint, PAINT_REPEATS)
    diagram.close()

    n_edges = sum(a * b for a, b in pairwise(net.sizes))
    print(f"NetworkDiagram, {n_edges} edges, median times:")
    print(f"  refresh(), one weight changed (slider drag):  {results['one_weight_ms']:.3f} ms")
    print(f"  refresh(), all weights + dead masks changed:  {results['all_weights_ms']:.3f} ms")
    print(f"  slider refresh() + Qt's partial repaint:      "
          f"{results['one_weight_and_paint_ms']:.3f} ms")
    print(f"  full repaint of the 380×300 view:             {results['full_repaint_ms']:.3f} ms")
    return results


if __name__ == "__main__":
    main()
