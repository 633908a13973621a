"""Post 000's sigmoid neuron learning bean toxicity by gradient descent.

``BeanTrainer`` in ``mode="sample"`` is the post's loop: one update per bean,
in bean order, gradients from the values before the update, with the same
chain ``de/da · da/dz · dz/dw``. The inner loop runs on plain Python floats
(``math.exp``), which keeps every rounding step of the post's NumPy-scalar
code and is several times faster.
"""

from __future__ import annotations

import math

import numpy as np

from engine import activations

MODES = ("sample", "minibatch", "batch")
ACTIVATIONS = ("sigmoid", "linear")
DIVERGENCE_LIMIT = 1e6  # |w| or |b| beyond this counts as diverged
_EXP_LIMIT = 709.0  # math.exp overflows beyond ≈ 709.78


def _neuron(z, activation: str):
    return activations.sigmoid(z) if activation == "sigmoid" else np.asarray(z, dtype=float)


def _sane(value: float) -> bool:
    return abs(value) <= DIVERGENCE_LIMIT  # False for NaN and ±inf too


def _sigmoid_scalar(z: float) -> float:
    # np.exp would give inf (and a = 0) where math.exp raises; keep NumPy's answer.
    return 0.0 if -z > _EXP_LIMIT else 1 / (1 + math.exp(-z))


class BeanTrainer:
    """One neuron a = f(w·x + b) trained on (xs, ys) to lower the squared error."""

    def __init__(self, xs, ys, w: float = 0.1, b: float = 0.1, lr: float = 0.01,
                 activation: str = "sigmoid", mode: str = "sample",
                 batch_size: int | None = None):
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        if activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {ACTIVATIONS}, not {activation!r}")
        xs = np.asarray(xs, dtype=float)
        ys = np.asarray(ys, dtype=float)
        if xs.ndim != 1 or xs.shape != ys.shape or xs.size == 0:
            raise ValueError("xs and ys must be 1-D arrays of the same, non-zero length")
        if not (math.isfinite(lr) and lr > 0):
            raise ValueError(f"the learning rate must be a positive number, not {lr}")
        self.xs, self.ys = xs, ys
        self.w0, self.b0 = float(w), float(b)
        self.lr = float(lr)
        self.activation = activation
        self.mode = mode
        self.batch_size = batch_size or (10 if mode == "minibatch" else xs.size)
        if mode == "sample":
            self.batch_size = 1
        self._pairs = list(zip(xs.tolist(), ys.tolist(), strict=True))
        self.reset()

    def reset(self) -> None:
        """Back to the initial w, b at epoch 0, with an empty history."""
        self.w, self.b = self.w0, self.b0
        self.epoch = 0
        self.position = 0  # index of the next bean (or batch start) within the epoch
        self.diverged = False
        self._trail: list[tuple[int, float, float]] = [(0, self.w, self.b)]
        self._losses: list[float] = []

    @property
    def history(self) -> list[tuple[int, float, float, float]]:
        """(epoch, w, b, loss) after every epoch, epoch 0 first. Losses are
        computed here, for all new epochs at once, to keep the loop lean."""
        new = np.array(self._trail[len(self._losses):], dtype=float).reshape(-1, 3)
        if len(new):
            z = new[:, 1:2] * self.xs + new[:, 2:3]
            with np.errstate(over="ignore", invalid="ignore"):
                errors = (self.ys - _neuron(z, self.activation)) ** 2
            self._losses.extend(np.mean(errors, axis=1).tolist())
        return [(e, w, b, loss) for (e, w, b), loss in zip(self._trail, self._losses, strict=True)]

    # --- evaluation ---

    def predict(self, x) -> np.ndarray:
        return _neuron(self.w * np.asarray(x, dtype=float) + self.b, self.activation)

    def loss(self) -> float:
        """Mean squared error over all beans."""
        with np.errstate(over="ignore", invalid="ignore"):
            return float(np.mean((self.ys - self.predict(self.xs)) ** 2))

    # --- training ---

    def _gradient(self, start: int, stop: int) -> tuple[float, float]:
        """(∂e/∂w, ∂e/∂b) for beans start..stop−1: the post's chain for one bean,
        the mean over the batch otherwise."""
        if stop - start == 1:
            x, y = self._pairs[start]
            z = self.w * x + self.b
            if self.activation == "sigmoid":
                a = _sigmoid_scalar(z)
                g = -2 * (y - a) * (a * (1 - a))
            else:
                g = -2 * (y - z) * 1
            return g * x, g * 1
        x, y = self.xs[start:stop], self.ys[start:stop]
        with np.errstate(over="ignore", invalid="ignore"):
            a = _neuron(self.w * x + self.b, self.activation)
            dadz = a * (1 - a) if self.activation == "sigmoid" else 1.0
            g = -2 * (y - a) * dadz
            return float(np.mean(g * x)), float(np.mean(g))

    def step_sample(self) -> bool:
        """One update: one bean in ``"sample"`` mode, one batch otherwise.
        Returns False (and applies nothing) once the run has diverged."""
        if self.diverged:
            return False
        start = self.position
        stop = min(start + self.batch_size, self.xs.size)
        try:
            gw, gb = self._gradient(start, stop)
            w, b = self.w - self.lr * gw, self.b - self.lr * gb
        except OverflowError:
            w = b = math.inf
        if not (_sane(w) and _sane(b)):
            self.diverged = True
            return False
        self.w, self.b = w, b
        self.position = stop
        if self.position >= self.xs.size:
            self._end_epoch()
        return True

    def _end_epoch(self) -> None:
        self.position = 0
        self.epoch += 1
        self._trail.append((self.epoch, self.w, self.b))

    def run_epoch(self) -> bool:
        """Finish the current epoch. Returns False if it diverged on the way."""
        if self.diverged:
            return False
        if self.mode == "sample" and self.position == 0 and self._fast_epoch():
            return True
        epoch = self.epoch
        while self.epoch == epoch:
            if not self.step_sample():
                return False
        return True

    def _fast_epoch(self) -> bool:
        """The post's per-bean loop on local floats. If anything overflows or
        grows past the limit, nothing is kept and the careful path (which stops
        at the exact offending update) replays the epoch."""
        w, b, lr, exp = self.w, self.b, self.lr, math.exp
        # g·1 and ·1 of the post are exact, so they are left out here.
        try:
            if self.activation == "sigmoid":
                for x, y in self._pairs:
                    a = 1 / (1 + exp(-(w * x + b)))
                    g = -2 * (y - a) * (a * (1 - a))
                    w -= lr * (g * x)
                    b -= lr * g
            else:
                for x, y in self._pairs:
                    g = -2 * (y - (w * x + b))
                    w -= lr * (g * x)
                    b -= lr * g
        except OverflowError:
            return False
        if not (_sane(w) and _sane(b)):
            return False
        self.w, self.b = w, b
        self._end_epoch()
        return True

    def run_epochs(self, n: int) -> int:
        """Run up to ``n`` epochs; returns how many completed."""
        done = 0
        while done < n and self.run_epoch():
            done += 1
        return done

    def history_array(self) -> np.ndarray:
        """History as an array of rows (epoch, w, b, loss)."""
        return np.array(self.history, dtype=float).reshape(-1, 4)


def cost_surface(xs, ys, w_grid, b_grid, activation: str = "sigmoid") -> np.ndarray:
    """Mean squared error of the neuron for every (w, b) pair.

    1-D ``w_grid`` (length W) and ``b_grid`` (length B) give a (B, W) array —
    rows follow b, columns follow w, ready for an image with w across."""
    xs = np.asarray(xs, dtype=float)
    ys = np.asarray(ys, dtype=float)
    W, B = np.meshgrid(np.asarray(w_grid, dtype=float), np.asarray(b_grid, dtype=float))
    a = _neuron(W[..., None] * xs + B[..., None], activation)
    return np.mean((ys - a) ** 2, axis=-1)
