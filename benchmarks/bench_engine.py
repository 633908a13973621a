"""Engine benchmarks, each against its bare baseline in the same run
(the bean trainer against post 000's loop is measured in
``bench_gui_beans.py``, beside the bean tab's other figures):

- ``MLP.predict`` of the 1→8→8→1 sine net for 1000 and 10 000 points against
  the same three matrix products written out in bare NumPy (reported only:
  the layer objects' overhead, no goal).

    ./dev bench engine          (or: .venv/bin/python benchmarks/bench_engine.py)

Numbers are reported, never asserted: benchmarks do not decide CI.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks._common import Row  # noqa: E402
from engine import presets  # noqa: E402
from engine.network import MLP  # noqa: E402

FORWARD_SIZES = (1000, 10_000)
FORWARD_REPEATS = 300


def _timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def _bare_forward(net: MLP):
    """The sine net's forward pass written out: x @ W + b, ReLU, twice, then linear."""
    (w1, b1), (w2, b2), (w3, b3) = [(layer.weights, layer.biases) for layer in net.layers]

    def forward(x: np.ndarray) -> np.ndarray:
        h = np.maximum(x.reshape(-1, 1) @ w1 + b1, 0.0)
        h = np.maximum(h @ w2 + b2, 0.0)
        return (h @ w3 + b3)[:, 0]

    return forward


def forward_rows() -> list[Row]:
    net = MLP((1, 8, 8, 1))
    net.set_flat(presets.hand_tuned_sine())
    bare = _bare_forward(net)
    result = []
    for n in FORWARD_SIZES:
        x = np.linspace(0.0, 1.0, n)
        assert np.allclose(net.predict(x), bare(x)), "the baseline computes another function"
        times = {"engine": [], "bare": []}
        for _ in range(FORWARD_REPEATS):  # interleaved
            times["engine"].append(_timed(lambda x=x: net.predict(x))[0])
            times["bare"].append(_timed(lambda x=x: bare(x))[0])
        engine_us, bare_us = (statistics.median(times[k]) * 1e6 for k in ("engine", "bare"))
        result.append(Row(f"MLP.predict, 1→8→8→1 sine net, {n} points, vs the same "
                          "products in bare NumPy", "report",
                          f"{engine_us:.0f} µs vs {bare_us:.0f} µs", engine_us / bare_us, True))
    return result


def rows() -> list[Row]:
    return forward_rows()


if __name__ == "__main__":
    from benchmarks.run_all import text_table

    print(text_table(rows()))
