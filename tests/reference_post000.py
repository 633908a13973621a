"""Post 000, transcribed: ``get_beans`` (dataset.py) and the training loop of
activation.py, with NumPy scalars and ``np.exp`` exactly as the post writes
them. The plotting calls are left out; ``frames`` records (w, b) where the post
redraws its figure. This is the reference the engine must reproduce.

Only ``np.random.seed`` is added by the caller: the post sets no seed.
"""

import numpy as np


def get_beans(counts):
    xs = np.random.rand(counts)
    xs = np.sort(xs)
    ys = np.zeros(counts)
    for i in range(counts):
        x = xs[i]
        yi = 0.7 * x + (0.5 - np.random.rand()) / 50 + 0.5
        if yi > 0.8:
            ys[i] = 1
    return xs, ys


def train(xs, ys, epochs=5000, w=0.1, b=0.1, alpha=0.01):
    """The post's loop; returns the final (w, b) and the (w, b) of each redraw.

    The post writes ``range(100)`` for its m = 100 beans; ``len(xs)`` is the
    same number there and lets the reference run on other bean counts."""
    m = len(xs)
    frames = []
    for _ in range(epochs):
        for i in range(m):
            x = xs[i]
            y = ys[i]
            # 三个函数 (the three functions)
            z = w * x + b
            a = 1 / (1 + np.exp(-z))
            e = (y - a) ** 2  # noqa: F841 — computed, never used, as in the post
            # 对w和b求偏导 (partial derivatives with respect to w and b)
            deda = -2 * (y - a)
            dadz = a * (1 - a)
            dzdw = x
            dzdb = 1
            dedw = deda * dadz * dzdw
            dedb = deda * dadz * dzdb
            w = w - alpha * dedw
            b = b - alpha * dedb
        if _ % 100 == 0:
            frames.append((w, b))
    return w, b, frames
