"""Engine benchmarks, each against its bare baseline in the same run:

- 5000 epochs × 100 beans: post 000's loop as transcribed in
  ``tests/reference_post000.py`` (NumPy scalars, ``np.exp``) against
  ``BeanTrainer``, best of 3 each, interleaved; the final w and b must be the
  same bits (issue 15: ≥ 6×);
- ``MLP.predict`` of the 1→8→8→1 sine net for 1000 and 10 000 points against
  the same three matrix products written out in bare NumPy (reported only:
  the layer objects' overhead, no goal).

    ./dev bench engine          (or: .venv/bin/python benchmarks/bench_engine.py)

Numbers are reported, never asserted: benchmarks do not decide CI.
"""

from __future__ import annotations

import importlib.util
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
from engine.bean_sgd import BeanTrainer  # noqa: E402
from engine.datasets import get_beans  # noqa: E402
from engine.network import MLP  # noqa: E402

EPOCHS = 5000
BEANS = 100
SGD_REPEATS = 3  # best of 3, as issue 15 states the goal
SGD_GOAL = 6.0
FORWARD_SIZES = (1000, 10_000)
FORWARD_REPEATS = 300


def _reference_module():
    """tests/reference_post000.py, loaded from its path (tests/ is no package)."""
    path = ROOT / "tests" / "reference_post000.py"
    spec = importlib.util.spec_from_file_location("reference_post000", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def bean_sgd_row() -> Row:
    post = _reference_module()
    xs, ys = get_beans(BEANS, np.random.RandomState(0))

    def post_loop():
        w, b, _ = post.train(xs, ys, epochs=EPOCHS)
        return float(w), float(b)

    def trainer():
        t = BeanTrainer(xs, ys)
        t.run_epochs(EPOCHS)
        return t.w, t.b

    post_times, trainer_times = [], []
    for _ in range(SGD_REPEATS):  # interleaved, so a busy moment hits both alike
        seconds, post_wb = _timed(post_loop)
        post_times.append(seconds)
        seconds, trainer_wb = _timed(trainer)
        trainer_times.append(seconds)
    post_s, trainer_s = min(post_times), min(trainer_times)
    ratio = post_s / trainer_s
    trainer_wb = tuple(float(v) for v in trainer_wb)
    same_bits = post_wb == trainer_wb
    worst = max(abs(t - p) / abs(p) for t, p in zip(trainer_wb, post_wb, strict=True))
    return Row(f"bean SGD {EPOCHS} epochs × {BEANS} beans vs the post's loop, same w and b "
               f"(best of {SGD_REPEATS})",
               f"≥ {SGD_GOAL:g}×, same bits",
               f"{trainer_s * 1e3:.0f} ms vs {post_s * 1e3:.0f} ms, w and b "
               + ("bit-equal" if same_bits else f"differ by {worst:.1e} relative"),
               ratio, ratio >= SGD_GOAL and same_bits)


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
    return [bean_sgd_row(), *forward_rows()]


if __name__ == "__main__":
    from benchmarks.run_all import text_table

    print(text_table(rows()))
