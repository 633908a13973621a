"""Post 000's sigmoid neuron learning bean toxicity by gradient descent.

``BeanTrainer`` in ``mode="sample"`` is the post's loop: one update per bean,
in bean order, gradients from the values before the update, with the same
chain ``de/da · da/dz · dz/dw``. The inner loop runs on plain Python floats
(``math.exp``), which keeps every rounding step of the post's NumPy-scalar
code and is several times faster. Its exponential is the C library's
(``math.exp``): bit for bit the post's numbers wherever NumPy's ``np.exp`` is
the C library's too; NumPy's AVX-512 exp rounds about one result in twenty
differently, which moves the last digit of w and b after 5000 epochs.
"""

from __future__ import annotations

import math

import numpy as np

from engine import activations

MODES = ("sample", "minibatch", "batch")
ACTIVATIONS = ("sigmoid", "linear")
DIVERGENCE_LIMIT = 1e6  # |w| or |b| beyond this counts as diverged
MINIBATCH_SIZE = 10  # beans per update in "minibatch" mode, unless asked otherwise


def _neuron(z, activation: str):
    return activations.sigmoid(z) if activation == "sigmoid" else np.asarray(z, dtype=float)


def _sane(value: float) -> bool:
    return abs(value) <= DIVERGENCE_LIMIT  # False for NaN and ±inf too


def _bean_update(w: float, b: float, x: float, y: float, lr: float, activation: str
                 ) -> tuple[float, float]:
    """The post's update for one bean, in the post's order of operations
    (its ·1 factors are exact, so they are left out). ``_fast_epoch`` runs the
    same lines inlined."""
    z = w * x + b
    if activation == "sigmoid":
        try:
            a = 1.0 / (1.0 + math.exp(-z))
        except OverflowError:  # np.exp gives inf there, so the post's a is 0
            a = 0.0
        g = -2.0 * (y - a) * (a * (1.0 - a))
    else:
        g = -2.0 * (y - z)
    return w - lr * (g * x), b - lr * g


class _Trail:
    """(w, b) after every epoch in contiguous columns that grow by doubling
    (16 bytes an epoch, where a list of tuples took about 150), and the loss
    at each in a column of its own, made only once someone asks for it."""

    def __init__(self, w: float, b: float):
        self._wb = np.empty((1024, 2))
        self._wb[0] = w, b
        self.size = 1
        self._losses = np.empty(0)
        self.with_loss = 0  # rows whose loss is computed

    def append(self, w: float, b: float) -> None:
        if self.size == len(self._wb):
            self._wb = _grown(self._wb, self.size)
        self._wb[self.size] = w, b
        self.size += 1

    def path(self, start: int = 0) -> np.ndarray:
        """A view of the (w, b) rows from ``start`` on."""
        return self._wb[start:self.size]

    def losses(self, start: int = 0) -> np.ndarray:
        """A view of the losses from ``start`` on (computed up to ``with_loss``)."""
        return self._losses[start:self.size]

    def set_losses(self, losses: np.ndarray) -> None:
        """The losses of the next rows from ``with_loss`` on."""
        if len(self._losses) < self.size:
            self._losses = _grown(self._losses, self.with_loss, len(self._wb))
        self._losses[self.with_loss:self.with_loss + len(losses)] = losses
        self.with_loss += len(losses)


def _grown(array: np.ndarray, used: int, size: int | None = None) -> np.ndarray:
    """``array`` with its first ``used`` rows in a new one of ``size`` rows
    (twice as many by default)."""
    grown = np.empty((size or 2 * len(array), *array.shape[1:]))
    grown[:used] = array[:used]
    return grown


class BeanTrainer:
    """One neuron a = f(w·x + b) trained on (xs, ys) to lower the squared error."""

    def __init__(self, xs, ys, w: float = 0.1, b: float = 0.1, lr: float = 0.01,
                 activation: str = "sigmoid", mode: str = "sample",
                 batch_size: int | None = None):
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        if activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {ACTIVATIONS}, not {activation!r}")
        if not (math.isfinite(lr) and lr > 0):
            raise ValueError(f"the learning rate must be a positive number, not {lr}")
        self._set_data(xs, ys)
        self.w0, self.b0 = float(w), float(b)
        self.lr = float(lr)
        self.activation = activation
        self.mode = mode
        if batch_size is not None and not (isinstance(batch_size, int | np.integer)
                                           and batch_size >= 1):
            raise ValueError(f"the batch size must be a whole number ≥ 1, not {batch_size!r}")
        self._batch_size = batch_size
        self.reset()

    @property
    def batch_size(self) -> int:
        if self.mode == "sample":
            return 1
        return self._batch_size or (MINIBATCH_SIZE if self.mode == "minibatch" else self.xs.size)

    def _set_data(self, xs, ys) -> None:
        xs = np.asarray(xs, dtype=float)
        ys = np.asarray(ys, dtype=float)
        if xs.ndim != 1 or xs.shape != ys.shape or xs.size == 0:
            raise ValueError("xs and ys must be 1-D arrays of the same, non-zero length")
        self.xs, self.ys = xs, ys
        self._pairs = list(zip(xs.tolist(), ys.tolist(), strict=True))
        # A sigmoid update moves w by at most lr·|g·x| with |g| = 2|y − a|·a(1 − a)
        # ≤ (|y| + 1)/2, and b by at most lr·|g|: one epoch's total reach (per unit lr).
        bound = (np.abs(ys) + 1) / 2
        self._epoch_reach = (float(np.sum(bound * np.abs(xs))), float(np.sum(bound)))

    def reset(self) -> None:
        """Back to the initial w, b at epoch 0, with an empty history."""
        self.w, self.b = self.w0, self.b0
        self.epoch = 0
        self.position = 0  # index of the next bean (or batch start) within the epoch
        self.diverged = False
        self._trail = _Trail(self.w, self.b)
        self._history: list[tuple[int, float, float, float]] = []

    @property
    def played(self) -> int:
        """Epochs the run went through: ``epoch``, plus the one it diverged in."""
        return self.epoch + int(self.diverged)

    @property
    def history(self) -> list[tuple[int, float, float, float]]:
        """(epoch, w, b, loss) after every epoch, epoch 0 first. The same list
        every time (read it, do not change it), extended by the epochs run
        since the last look; losses are computed then, all at once, to keep
        the loop lean."""
        new = self.history_since(len(self._history))
        self._history.extend((int(e), w, b, loss) for e, w, b, loss in new.tolist())
        return self._history

    def _catch_up_losses(self, stop: int | None = None) -> None:
        """Compute the losses of the rows before ``stop`` (all by default)."""
        trail = self._trail
        stop = trail.size if stop is None else min(stop, trail.size)
        if trail.with_loss < stop:
            missing = trail.path(trail.with_loss)[:stop - trail.with_loss]
            trail.set_losses(mse_along(self.xs, self.ys, missing[:, 0], missing[:, 1],
                                       self.activation))

    def set_beans(self, xs, ys) -> None:
        """Train on new beans from here on: w, b, the epoch and the history
        stay (earlier losses are those on the earlier beans); the current
        epoch starts again at the first bean."""
        self._catch_up_losses()
        self._set_data(xs, ys)
        self.position = 0

    # --- evaluation ---

    def predict(self, x) -> np.ndarray:
        return _neuron(self.w * np.asarray(x, dtype=float) + self.b, self.activation)

    def loss(self) -> float:
        """Mean squared error over all beans."""
        with np.errstate(over="ignore", invalid="ignore"):
            return float(np.mean((self.ys - self.predict(self.xs)) ** 2))

    # --- training ---

    def _updated(self, start: int, stop: int) -> tuple[float, float]:
        """(w, b) after the update for beans start..stop−1: the post's chain
        for one bean, the mean gradient over a batch otherwise."""
        if stop - start == 1:
            x, y = self._pairs[start]
            return _bean_update(self.w, self.b, x, y, self.lr, self.activation)
        gw, gb = self._mean_gradient(start, stop)
        return self.w - self.lr * gw, self.b - self.lr * gb

    def _mean_gradient(self, start: int, stop: int) -> tuple[float, float]:
        """(∂e/∂w, ∂e/∂b) averaged over beans start..stop−1."""
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
            w, b = self._updated(start, stop)
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
        self._trail.append(self.w, self.b)

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

    def _sigmoid_epoch_is_safe(self) -> bool:
        """Whether no update of a whole sigmoid epoch can take w or b past the
        limit, so the fast loop need not check after every bean."""
        reach_w, reach_b = self._epoch_reach
        margin = 1 - 1e-9  # room for the rounding of the sums
        return (abs(self.w) + self.lr * reach_w <= DIVERGENCE_LIMIT * margin
                and abs(self.b) + self.lr * reach_b <= DIVERGENCE_LIMIT * margin)

    def _fast_epoch(self) -> bool:
        """The post's per-bean loop on local floats. If anything overflows or
        grows past the limit, nothing is kept and the careful path (which stops
        at the exact offending update) replays the epoch."""
        w, b, lr, exp = self.w, self.b, self.lr, math.exp
        limit = DIVERGENCE_LIMIT
        # _bean_update inlined. The sigmoid loop keeps u = −w and v = −b: then
        # −(w·x + b) is u·x + v with the same bits (IEEE rounding is symmetric
        # in sign), and the negation per bean goes. Float constants (1.0, not 1)
        # let CPython use its float-only arithmetic: bits unchanged, ~15 % faster.
        try:
            if self.activation == "sigmoid":
                if not self._sigmoid_epoch_is_safe():
                    return False
                u, v = -w, -b
                for x, y in self._pairs:
                    a = 1.0 / (1.0 + exp(u * x + v))
                    g = -2.0 * (y - a) * (a * (1.0 - a))
                    u += lr * (g * x)
                    v += lr * g
                w, b = -u, -v
            else:
                for x, y in self._pairs:
                    g = -2.0 * (y - (w * x + b))
                    w -= lr * (g * x)
                    b -= lr * g
                    # The linear neuron has no bound: check every update (NaN fails too).
                    if not (-limit <= w <= limit and -limit <= b <= limit):
                        return False
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
        return self.history_since(0)

    def history_since(self, start: int, stop: int | None = None) -> np.ndarray:
        """Rows (epoch, w, b, loss) for epochs ``start`` onwards (before
        ``stop``, if given): what a live plot appends each frame, without
        rebuilding the whole history; a check of the first epochs computes
        only their losses."""
        size = self._trail.size if stop is None else min(max(int(stop), 0), self._trail.size)
        self._catch_up_losses(size)
        start = min(max(int(start), 0), size)
        epochs = np.arange(start, size, dtype=float)
        return np.column_stack([epochs, self._trail.path(start)[:size - start],
                                self._trail.losses(start)[:size - start]])

    def path_since(self, start: int) -> np.ndarray:
        """Rows (epoch, w, b) for epochs ``start`` onwards, without computing
        a loss: for a view that keeps only some of them."""
        start = min(max(int(start), 0), self._trail.size)
        epochs = np.arange(start, self._trail.size, dtype=float)
        return np.column_stack([epochs, self._trail.path(start)])

    def saturated_fraction(self, threshold: float = 1e-3) -> float:
        """Share of beans where the sigmoid is flat (σ'(w·x + b) < threshold),
        so their gradient has all but vanished; 0 for the linear neuron."""
        if self.activation != "sigmoid":
            return 0.0
        with np.errstate(over="ignore", invalid="ignore"):
            slope = activations.sigmoid_derivative(self.w * self.xs + self.b)
        return float(np.mean(slope < threshold))


def mse_along(xs, ys, ws, bs, activation: str = "sigmoid") -> np.ndarray:
    """Mean squared error over the beans at each (w, b) of ``ws``, ``bs``."""
    ws = np.asarray(ws, dtype=float)[:, None]
    bs = np.asarray(bs, dtype=float)[:, None]
    with np.errstate(over="ignore", invalid="ignore"):
        return np.mean((np.asarray(ys, dtype=float)
                        - _neuron(ws * np.asarray(xs, dtype=float) + bs, activation)) ** 2,
                       axis=1)


#: (w_min, w_max, b_min, b_max) every cost picture shows at least: the post's
#: path runs from (0.1, 0.1) to about (16, −7).
SURFACE_BOUNDS = (-2.0, 20.0, -10.0, 4.0)


def surface_bounds(ws, bs, base=SURFACE_BOUNDS, margin: float = 0.15, edge: float = 0.03
                   ) -> tuple[float, float, float, float]:
    """(w_min, w_max, b_min, b_max): ``base``, with every side that a finite
    point of the path (ws, bs) crosses, or comes within ``edge`` of the span
    to, moved out to ``margin`` of the new span beyond the farthest point. So
    a path never sits on the rim of the picture, and calling this again with
    its answer as ``base`` changes nothing until the path moves on."""
    ws = np.asarray(ws, dtype=float)
    bs = np.asarray(bs, dtype=float)
    keep = np.isfinite(ws) & np.isfinite(bs)
    ws, bs = ws[keep], bs[keep]
    w_lo, w_hi, b_lo, b_hi = (float(v) for v in base)
    if ws.size:
        w_span, b_span = w_hi - w_lo, b_hi - b_lo
        w_pad = margin * (max(w_hi, float(ws.max())) - min(w_lo, float(ws.min())))
        b_pad = margin * (max(b_hi, float(bs.max())) - min(b_lo, float(bs.min())))
        if ws.min() < w_lo + edge * w_span:
            w_lo = float(ws.min()) - w_pad
        if ws.max() > w_hi - edge * w_span:
            w_hi = float(ws.max()) + w_pad
        if bs.min() < b_lo + edge * b_span:
            b_lo = float(bs.min()) - b_pad
        if bs.max() > b_hi - edge * b_span:
            b_hi = float(bs.max()) + b_pad
    return w_lo, w_hi, b_lo, b_hi


def cost_landscape(xs, ys, bounds, activation: str = "sigmoid", shape=(140, 100)
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(w_grid, b_grid, log10 MSE) over ``bounds`` = (w_min, w_max, b_min, b_max)
    on a ``shape`` = (len(w_grid), len(b_grid)) grid; the last array is
    ``cost_surface``'s (len(b_grid), len(w_grid)). The log spreads the colours
    of a valley that is shallow next to its walls; errors below 1e-12 count
    as 1e-12."""
    w_lo, w_hi, b_lo, b_hi = bounds
    w_grid = np.linspace(w_lo, w_hi, int(shape[0]))
    b_grid = np.linspace(b_lo, b_hi, int(shape[1]))
    cost = cost_surface(xs, ys, w_grid, b_grid, activation)
    return w_grid, b_grid, np.log10(np.maximum(cost, 1e-12))


#: Elements of w·x + b worked on at once: blocks that stay in the CPU cache
#: and in NumPy's small-allocation cache are 3–8× faster than one big array.
_BLOCK = 8192


def cost_surface(xs, ys, w_grid, b_grid, activation: str = "sigmoid") -> np.ndarray:
    """Mean squared error of the neuron for every (w, b) pair.

    1-D ``w_grid`` (length W) and ``b_grid`` (length B) give a (B, W) array —
    rows follow b, columns follow w, ready for an image with w across."""
    xs = np.asarray(xs, dtype=float)
    ys = np.asarray(ys, dtype=float)
    W, B = np.meshgrid(np.asarray(w_grid, dtype=float), np.asarray(b_grid, dtype=float))
    ws, bs = W.ravel(), B.ravel()
    step = max(1, _BLOCK // max(xs.size, 1))
    cost = np.empty(ws.size)
    for start in range(0, ws.size, step):
        cost[start:start + step] = mse_along(xs, ys, ws[start:start + step],
                                             bs[start:start + step], activation)
    return cost.reshape(W.shape)
