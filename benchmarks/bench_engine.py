"""Engine benchmarks, in one run:

- 5000 epochs × 100 beans: post 000's loop as transcribed in
  ``tests/reference_post000.py`` (NumPy scalars, ``np.exp``) against
  ``BeanTrainer`` (plain floats, ``math.exp``), the ratio, and whether the
  final w, b agree (1e−12 relative) or are even the same bits;
- ``MLP.predict`` forward passes of the 1→8→8→1 sine net for 200, 1000 and
  10 000 points.

    .venv/bin/python benchmarks/bench_engine.py

Numbers are printed, never asserted: benchmarks do not decide CI.
"""

from __future__ import annotations

import importlib.util
import math
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from engine import presets  # noqa: E402
from engine.bean_sgd import BeanTrainer  # noqa: E402
from engine.datasets import get_beans  # noqa: E402
from engine.network import MLP  # noqa: E402

EPOCHS = 5000
BEANS = 100
SGD_REPEATS = 7
FORWARD_SIZES = (200, 1000, 10_000)
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


def bean_sgd() -> dict:
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
    agree = all(math.isclose(p, t, rel_tol=1e-12) for p, t in zip(post_wb, trainer_wb,
                                                                   strict=True))
    same_bits = post_wb == trainer_wb
    print(f"bean SGD, {EPOCHS} epochs x {BEANS} beans (best of {SGD_REPEATS}): "
          f"post loop {post_s * 1e3:.0f} ms, BeanTrainer {trainer_s * 1e3:.0f} ms, "
          f"{post_s / trainer_s:.1f}x faster (aim >= 5x)")
    print(f"  final w, b: post {post_wb}, BeanTrainer {trainer_wb}; agree to 1e-12: {agree}, "
          f"same bits: {same_bits}")
    return {"post_loop_s": post_s, "bean_trainer_s": trainer_s,
            "bean_speedup": post_s / trainer_s, "bean_results_agree": agree,
            "bean_results_same_bits": same_bits}


def forward_pass() -> dict:
    net = MLP((1, 8, 8, 1))
    net.set_flat(presets.hand_tuned_sine())
    results = {}
    for n in FORWARD_SIZES:
        x = np.linspace(0.0, 1.0, n)
        net.predict(x)  # warm-up
        times = [_timed(lambda x=x: net.predict(x))[0] for _ in range(FORWARD_REPEATS)]
        median_us = statistics.median(times) * 1e6
        print(f"MLP.predict, {n:>6} points: {median_us:8.1f} µs median of {FORWARD_REPEATS}")
        results[f"forward_{n}_us"] = median_us
    return results


def main() -> dict:
    results = bean_sgd()
    results.update(forward_pass())
    return results


if __name__ == "__main__":
    main()
