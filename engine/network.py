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
from itertools import pairwise

import numpy as np

from engine import activations, losses
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


def _param_names(sizes: Sequence[int]) -> list[str]:
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
        self._names = _param_names(self.sizes)
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


class MLP(_LayerStack):
    """Regression network: hidden layers with ``hidden_activation``, a linear output."""

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
