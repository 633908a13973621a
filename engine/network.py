"""Dense layers and the two networks of the app, NNFS style.

``Dense`` stores what ``backward`` needs during ``forward``. ``MLP`` (the sine
fit's 1→8→8→1 regression net) and ``Classifier`` (post 004's spiral net) share
one parameter scheme: an ordered list of names — ``w{L}_{i}_{j}`` is
``layers[L-1].weights[i, j]``, ``b{L}_{j}`` is ``layers[L-1].biases[0, j]`` —
with flat and named access to the same numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from engine import activations, losses
from engine.geometry import check_box, line_in_box
from engine.rng import RandomSource, as_generator


class Dense:
    """A fully connected layer: ``inputs @ weights + biases``."""

    def __init__(self, n_inputs: int, n_neurons: int, rng: RandomSource = None):
        gen = as_generator(rng)
        # NNFS initialisation: small random weights, zero biases.
        self.weights = 0.01 * gen.standard_normal((n_inputs, n_neurons))
        self.biases = np.zeros((1, n_neurons))

    def forward(self, inputs: np.ndarray) -> np.ndarray:
        self.inputs = inputs
        self.output = inputs @ self.weights + self.biases
        return self.output

    def backward(self, dvalues: np.ndarray) -> np.ndarray:
        self.dweights = self.inputs.T @ dvalues
        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)
        self.dinputs = dvalues @ self.weights.T
        return self.dinputs


def layer_param_names(sizes: Sequence[int]) -> list[str]:
    """The parameter names of a network with layer ``sizes``, in the order of
    ``get_flat``: for each layer L = 1 … len(sizes) − 1, its weights
    ``w<L>_<i>_<j>`` row-major (input i, then neuron j), then its biases
    ``b<L>_<j>``."""
    names = []
    for layer, (n_in, n_out) in enumerate(pairwise(sizes), start=1):
        names += [f"w{layer}_{i}_{j}" for i in range(n_in) for j in range(n_out)]
        names += [f"b{layer}_{j}" for j in range(n_out)]
    return names


class _LayerStack:
    """Dense layers with hidden activations, and every view of their parameters."""

    def __init__(self, sizes: Sequence[int], hidden_activation: str, rng: RandomSource):
        if len(sizes) < 2 or any(int(s) < 1 for s in sizes):
            raise ValueError(f"a network needs at least two layer sizes ≥ 1, got {tuple(sizes)}")
        if hidden_activation not in activations.ACTIVATIONS:
            raise ValueError(f"unknown activation {hidden_activation!r}")
        gen = as_generator(rng)
        self.sizes = tuple(int(s) for s in sizes)
        self.hidden_activation = hidden_activation
        self.layers = [Dense(n_in, n_out, gen)
                       for n_in, n_out in pairwise(self.sizes)]
        self._names = layer_param_names(self.sizes)
        self._index = {name: k for k, name in enumerate(self._names)}

    # --- forward and backward through the hidden layers ---

    def _activate(self, z: np.ndarray) -> np.ndarray:
        return activations.ACTIVATIONS[self.hidden_activation].fn(z)

    def _activate_derivative(self, z: np.ndarray) -> np.ndarray:
        return activations.ACTIVATIONS[self.hidden_activation].derivative(z)

    def layer_outputs(self, x) -> list[dict[str, np.ndarray]]:
        """Per layer, the pre-activation ``z`` and post-activation ``a`` arrays
        (the output layer's ``a`` is its raw output: the head is applied later)."""
        a = self._as_inputs(x)
        result = []
        for k, layer in enumerate(self.layers):
            z = layer.forward(a)
            a = z if k == len(self.layers) - 1 else self._activate(z)
            result.append({"z": z, "a": a})
        return result

    def _logits(self, X: np.ndarray) -> np.ndarray:
        return self.layer_outputs(X)[-1]["z"]

    def _backward(self, dlogits: np.ndarray) -> np.ndarray:
        """Backpropagate from the last layer's output; needs a forward pass first."""
        dvalues = dlogits
        for k in range(len(self.layers) - 1, -1, -1):
            layer = self.layers[k]
            dvalues = layer.backward(dvalues)
            if k > 0:
                dvalues = dvalues * self._activate_derivative(self.layers[k - 1].output)
        return self._flat_gradient()

    def _flat_gradient(self) -> np.ndarray:
        return np.concatenate([np.concatenate([layer.dweights.ravel(), layer.dbiases.ravel()])
                               for layer in self.layers])

    def _as_inputs(self, x) -> np.ndarray:
        X = np.asarray(x, dtype=float)
        if X.ndim == 1:
            X = X.reshape(-1, self.sizes[0])
        return X

    # --- named and flat parameters ---

    def param_names(self) -> list[str]:
        """Every parameter's name, in ``get_flat`` order, for any depth: layer
        by layer (L = 1 … len(sizes) − 1), first the weights ``w<L>_<i>_<j>``
        row-major (input i, then neuron j), then the biases ``b<L>_<j>``."""
        return list(self._names)

    @property
    def n_params(self) -> int:
        return len(self._names)

    def get_flat(self) -> np.ndarray:
        return np.concatenate([np.concatenate([layer.weights.ravel(), layer.biases.ravel()])
                               for layer in self.layers])

    def set_flat(self, values) -> None:
        values = np.asarray(values, dtype=float)
        if values.shape != (self.n_params,):
            raise ValueError(f"got {values.size} numbers, the network needs {self.n_params}")
        if not np.all(np.isfinite(values)):
            raise ValueError("parameters must be finite numbers (no NaN or infinity)")
        start = 0
        for layer in self.layers:
            for array in (layer.weights, layer.biases):
                array[...] = values[start:start + array.size].reshape(array.shape)
                start += array.size

    def _locate(self, name: str) -> tuple[np.ndarray, tuple[int, int]]:
        if name not in self._index:
            raise ValueError(f"unknown parameter name {name!r}")
        kind, *numbers = name[0], *map(int, name[1:].split("_"))
        layer = self.layers[numbers[0] - 1]
        if kind == "w":
            return layer.weights, (numbers[1], numbers[2])
        return layer.biases, (0, numbers[1])

    def get_param(self, name: str) -> float:
        array, where = self._locate(name)
        return float(array[where])

    def set_param(self, name: str, value: float) -> None:
        array, where = self._locate(name)
        value = float(value)
        if not math.isfinite(value):
            raise ValueError(f"{name} must be a finite number, not {value}")
        array[where] = value

    def param_index(self, name: str) -> int:
        if name not in self._index:
            raise ValueError(f"unknown parameter name {name!r}")
        return self._index[name]

    def neuron_param_names(self, layer: int, index: int) -> list[str]:
        """The parameters that feed neuron ``index`` of ``layer`` (1 = first
        hidden layer): its incoming weights, then its bias."""
        if not (1 <= layer < len(self.sizes) and 0 <= index < self.sizes[layer]):
            raise ValueError(f"no neuron {index} in layer {layer}")
        return ([f"w{layer}_{i}_{index}" for i in range(self.sizes[layer - 1])]
                + [f"b{layer}_{index}"])


@dataclass(frozen=True)
class FitSnapshot:
    """Everything a live view of a 1-input regression fit shows, from one
    forward and one backward pass (``MLP.fit_snapshot``)."""

    prediction: np.ndarray  # shape (n,), equal to predict(x)
    loss: float  # MSE against the target
    gradient: np.ndarray  # ∂MSE/∂parameter, in param_names() order
    contributions: np.ndarray  # shape (n, last hidden width), as contributions(x)
    dead: list[np.ndarray]  # as dead_neurons(x)
    kinks: np.ndarray  # as kinks()


# The hidden activations a regression network offers in the app: each has a
# derivative backprop can use and none draws random numbers.
HIDDEN_ACTIVATIONS = ("relu", "leaky_relu", "tanh", "sigmoid")


class MLP(_LayerStack):
    """Regression network of any ``sizes`` (e.g. 1→8→8→1, 1→16→16→16→1):
    hidden layers with ``hidden_activation``, a linear output."""

    def __init__(self, sizes: Sequence[int] = (1, 8, 8, 1), hidden_activation: str = "relu",
                 rng: RandomSource = None):
        super().__init__(sizes, hidden_activation, rng)

    def forward(self, X) -> np.ndarray:
        return self._logits(self._as_inputs(X))

    def predict(self, x) -> np.ndarray:
        """1-D x in, 1-D prediction out (single-input, single-output nets)."""
        return self.forward(np.asarray(x, dtype=float).reshape(-1, 1))[:, 0]

    def loss_and_gradient(self, x, y) -> tuple[float, np.ndarray]:
        """Mean squared error over the samples and its gradient, flat, in
        ``param_names()`` order."""
        y = np.asarray(y, dtype=float).reshape(-1, self.sizes[-1])
        pred = self.forward(np.asarray(x, dtype=float).reshape(-1, self.sizes[0]))
        return losses.mse(pred, y), self._backward(losses.mse_derivative(pred, y))

    def contributions(self, x) -> np.ndarray:
        """Shape (n, last hidden width): output weight × last hidden activation,
        so that ``contributions(x).sum(1) + b_out == predict(x)``."""
        hidden = self.layer_outputs(np.asarray(x, dtype=float).reshape(-1, 1))[-2]["a"]
        return hidden * self.layers[-1].weights[:, 0]

    def kinks(self) -> np.ndarray:
        """x = −b/w where each first-layer ReLU bends; NaN where w = 0."""
        w = self.layers[0].weights[0]
        b = self.layers[0].biases[0]
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(w != 0, -b / np.where(w != 0, w, 1.0), np.nan)

    def dead_neurons(self, x) -> list[np.ndarray]:
        """Per hidden layer, a boolean mask of neurons whose activation is zero
        at every x (a dead ReLU passes no signal and gets no gradient)."""
        outputs = self.layer_outputs(np.asarray(x, dtype=float).reshape(-1, 1))[:-1]
        return [np.all(out["a"] == 0.0, axis=0) for out in outputs]

    def fit_snapshot(self, x, y) -> FitSnapshot:
        """``predict``, ``loss_and_gradient``, ``contributions``,
        ``dead_neurons`` and ``kinks`` at once, sharing one forward pass, so a
        view can redraw all of them on every slider move."""
        X = np.asarray(x, dtype=float).reshape(-1, 1)
        Y = np.asarray(y, dtype=float).reshape(-1, self.sizes[-1])
        outputs = self.layer_outputs(X)
        pred = outputs[-1]["z"]
        gradient = self._backward(losses.mse_derivative(pred, Y))
        return FitSnapshot(
            prediction=pred[:, 0], loss=losses.mse(pred, Y), gradient=gradient,
            contributions=outputs[-2]["a"] * self.layers[-1].weights[:, 0],
            dead=[np.all(out["a"] == 0.0, axis=0) for out in outputs[:-1]],
            kinks=self.kinks())

    def bias_for_kink(self, neuron: int, x: float) -> float:
        """The first-layer bias that puts ``neuron``'s kink at ``x``: w·x + b = 0,
        so b = −w·x."""
        w = float(self.layers[0].weights[0, neuron])
        if w == 0.0:
            raise ValueError(f"neuron {neuron} has weight 0, so it has no kink to move")
        if not math.isfinite(float(x)):
            raise ValueError(f"the kink must be at a finite x, not {x}")
        return -w * float(x)


def resize_params(old: MLP, new_sizes: Sequence[int], activation: str,
                  rng: RandomSource = None, scale: float = 0.01) -> MLP:
    """A new ``MLP(new_sizes, activation)`` that keeps ``old``'s parameters
    the two shapes share — the same name, so the same layer and the same
    indices — and starts every other weight and bias small and random,
    N(0, scale²) drawn from ``rng`` (seeded: the same seed, the same network).
    A neuron added this way barely moves the curve, so a learner who widens
    a layer keeps the fit they had. ``old`` is not changed."""
    new = MLP(new_sizes, activation)
    new.set_flat(as_generator(rng).normal(0.0, scale, new.n_params))
    for old_layer, new_layer in zip(old.layers, new.layers, strict=False):
        rows = min(old_layer.weights.shape[0], new_layer.weights.shape[0])
        cols = min(old_layer.weights.shape[1], new_layer.weights.shape[1])
        new_layer.weights[:rows, :cols] = old_layer.weights[:rows, :cols]
        new_layer.biases[0, :cols] = old_layer.biases[0, :cols]
    return new


class Classifier(_LayerStack):
    """Dense→ReLU per hidden layer, then Dense→Softmax (post 004's spiral net)."""

    def __init__(self, n_inputs: int = 2, hidden: Sequence[int] = (3,), n_classes: int = 3,
                 rng: RandomSource = None):
        super().__init__((n_inputs, *hidden, n_classes), "relu", rng)
        self.n_classes = n_classes

    def predict_proba(self, X) -> np.ndarray:
        return activations.softmax(self._logits(self._as_inputs(X)), axis=1)

    def predict(self, X) -> np.ndarray:
        return np.argmax(self.predict_proba(X), axis=1)

    def loss_and_gradient(self, X, y) -> tuple[float, np.ndarray]:
        """Mean cross-entropy and its flat gradient, using the combined
        softmax + cross-entropy backward (ŷ − t) / B."""
        proba = self.predict_proba(X)
        loss = losses.categorical_cross_entropy(proba, y)
        return loss, self._backward(losses.softmax_cross_entropy_backward(proba, y))

    def exact_loss(self, X, y) -> float:
        """The mean cross-entropy computed exactly from the logits (log-sum-exp,
        ``losses.cross_entropy_from_logits``), for showing the loss as a
        number: ``loss_and_gradient`` clips the probabilities as NNFS does,
        which caps a sure mistake at ≈ 16.12 and a sure right answer at ≈ 1e−7."""
        return losses.cross_entropy_from_logits(self._logits(self._as_inputs(X)), y)

    def loss_accuracy_and_gradient(self, X, y) -> tuple[float, float, np.ndarray]:
        """``loss_and_gradient`` plus the accuracy of the same forward pass, so a
        training loop can record both without a second pass."""
        proba = self.predict_proba(X)
        loss = losses.categorical_cross_entropy(proba, y)
        grad = self._backward(losses.softmax_cross_entropy_backward(proba, y))
        return loss, losses.accuracy(proba, y), grad


# --- views of a 2-D classifier over the plane (the spiral tab's class map) ---

Extent = tuple[float, float, float, float]  # (x_min, x_max, y_min, y_max)


def grid_points(extent: Extent, cells: int) -> np.ndarray:
    """Centres of a ``cells × cells`` grid covering ``extent``, shape
    (cells·cells, 2), x-major: row ``i·cells + j`` is column i (x), row j (y)."""
    x0, x1, y0, y1 = check_box(extent)
    if int(cells) < 1:
        raise ValueError(f"cells must be ≥ 1, got {cells}")
    cells = int(cells)
    xs = x0 + (np.arange(cells) + 0.5) * (x1 - x0) / cells
    ys = y0 + (np.arange(cells) + 0.5) * (y1 - y0) / cells
    gx, gy = np.meshgrid(xs, ys, indexing="ij")
    return np.column_stack([gx.ravel(), gy.ravel()])


def class_map(model: Classifier, extent: Extent = (-1.0, 1.0, -1.0, 1.0), cells: int = 150
              ) -> tuple[np.ndarray, np.ndarray]:
    """What ``model`` predicts at every cell centre of ``grid_points``.

    Returns ``(classes, confidence)``, both shape (cells, cells) indexed
    ``[i_x, j_y]``: the most probable class (int) and its softmax probability
    (1/C … 1). Made to run at display rate: it computes in float32 with
    in-place operations (a picture needs no more precision, and a 150×150 map
    through 64 hidden neurons is memory-bound), and the winning probability is
    1 / Σ e^(z − z_max), so the full softmax is never normalised. Where two
    classes tie to float32 precision the winner may differ from ``predict``."""
    if model.sizes[0] != 2:
        raise ValueError(f"a class map needs a 2-input network, this one has {model.sizes[0]}")
    logits = _relu_logits_float32(model, grid_points(extent, cells))
    classes = np.argmax(logits, axis=1)
    logits -= np.max(logits, axis=1, keepdims=True)
    np.exp(logits, out=logits)
    confidence = 1.0 / np.sum(logits, axis=1)
    shape = (int(cells), int(cells))
    return classes.reshape(shape), confidence.astype(float).reshape(shape)


# OpenBLAS runs a matrix product of at most 65 536 × 4 multiply-adds on the
# calling thread; larger ones wake worker threads, which on a busy two-core
# machine made the 150 × 150 map 10× slower. Blocks of rows below that size
# avoid the hand-over and stay in cache.
_SINGLE_THREAD_PRODUCT = 65_536 * 4


def _relu_logits_float32(model: Classifier, points: np.ndarray) -> np.ndarray:
    if model.hidden_activation != "relu":
        raise ValueError("the fast class map assumes ReLU hidden layers")
    params = [(layer.weights.astype(np.float32), layer.biases.astype(np.float32))
              for layer in model.layers]
    widest = max(w.size for w, _ in params)
    block = max(16, _SINGLE_THREAD_PRODUCT // widest)
    points = points.astype(np.float32)
    logits = np.empty((len(points), model.sizes[-1]), dtype=np.float32)
    for start in range(0, len(points), block):
        a = points[start:start + block]
        for k, (weights, biases) in enumerate(params):
            z = a @ weights
            z += biases
            if k < len(params) - 1:
                np.maximum(z, 0.0, out=z)
            a = z
        logits[start:start + block] = a
    return logits


def relu_lines(model: Classifier, extent: Extent = (-1.0, 1.0, -1.0, 1.0),
               neurons: Sequence[int] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Where first-layer ReLUs turn on: the line w·x + b = 0, clipped to
    ``extent``, for ``neurons`` (indices; default all).

    Returns ``(segments, normals)``, one row per neuron asked for:
    ``(x_a, y_a, x_b, y_b)``, the ends of its line inside the box (all NaN
    when the line misses it or w = 0), and the unit vector w/|w| pointing to
    the side where the neuron is active (NaN when w = 0)."""
    if model.sizes[0] != 2:
        raise ValueError(f"lines need a 2-input network, this one has {model.sizes[0]}")
    x0, x1, y0, y1 = check_box(extent)
    weights, biases = model.layers[0].weights, model.layers[0].biases[0]
    neurons = range(len(biases)) if neurons is None else [int(j) for j in neurons]
    segments = np.full((len(neurons), 4), np.nan)
    normals = np.full((len(neurons), 2), np.nan)
    for row, j in enumerate(neurons):
        wx, wy, b = weights[0, j], weights[1, j], biases[j]
        norm = math.hypot(wx, wy)
        if norm == 0.0:
            continue
        normals[row] = (wx / norm, wy / norm)
        ends = line_in_box(wx, wy, b, (x0, x1, y0, y1))
        if ends is not None:
            segments[row] = ends.ravel()
    return segments, normals


def readable_random_params(model: _LayerStack, rng: RandomSource = None,
                           weight_scale: float = 2.0, output_scale: float = 1.5,
                           reach: float = 0.6, decimals: int = 2) -> np.ndarray:
    """Random parameters large enough to see, for hand tuning, rounded to
    ``decimals`` so a spin box shows each value exactly. (NNFS's 0.01·randn
    start makes every softmax output ≈ 1/C, so a class map drawn from it
    looks flat.)

    First layer: weights N(0, weight_scale²), and each neuron's bias puts its
    boundary w·x + b = 0 through a random point of the cube [−reach, reach]ⁿ,
    so the ReLU lines cross the data instead of missing it. Later layers:
    weights N(0, output_scale²), zero biases."""
    gen = as_generator(rng)
    parts = []
    for k, layer in enumerate(model.layers):
        n_in, n_out = layer.weights.shape
        if k == 0:
            weights = weight_scale * gen.standard_normal((n_in, n_out))
            through = gen.uniform(-reach, reach, size=(n_in, n_out))
            biases = -np.sum(weights * through, axis=0)
        else:
            weights = output_scale * gen.standard_normal((n_in, n_out))
            biases = np.zeros(n_out)
        parts += [weights.ravel(), biases]
    return np.round(np.concatenate(parts), decimals)
