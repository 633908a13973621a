"""Activation functions of posts 001–004 and their derivatives.

Every element-wise function takes an array (or scalar) ``x`` and returns a
float array of the same shape. They are written so that inputs up to ±1e4
raise no overflow, invalid or divide-by-zero warning: exponentials only ever
see non-positive arguments. At kinks the derivative follows post 001's
convention (ReLU'(0) = 0).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from engine.rng import RandomSource, as_generator

SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)  # ≈ 0.7978845608, the post's constant
GELU_CUBIC = 0.044715
_erf = np.vectorize(math.erf, otypes=[float])  # NumPy has no erf; math.erf is exact to 1 ulp


def _as_float(x) -> np.ndarray:
    return np.asarray(x, dtype=float)


# --- step and linear -------------------------------------------------------

def step(x) -> np.ndarray:
    """1 where x > 0, else 0 (post 001's perceptron rule)."""
    return (_as_float(x) > 0).astype(float)


def step_derivative(x) -> np.ndarray:
    return np.zeros_like(_as_float(x))


def linear(x) -> np.ndarray:
    return _as_float(x).copy()


def linear_derivative(x) -> np.ndarray:
    return np.ones_like(_as_float(x))


# --- sigmoid and tanh ------------------------------------------------------

def sigmoid(x) -> np.ndarray:
    """1 / (1 + e^(−x)), computed from e^(−|x|) so it never overflows."""
    x = _as_float(x)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_derivative(x) -> np.ndarray:
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh(x) -> np.ndarray:
    return np.tanh(_as_float(x))


def tanh_derivative(x) -> np.ndarray:
    t = np.tanh(_as_float(x))
    return 1.0 - t * t


# --- the ReLU family -------------------------------------------------------

def relu(x) -> np.ndarray:
    return np.maximum(0.0, _as_float(x))


def relu_derivative(x) -> np.ndarray:
    return (_as_float(x) > 0).astype(float)


def leaky_relu(x, alpha: float = 0.01) -> np.ndarray:
    x = _as_float(x)
    return np.where(x > 0, x, alpha * x)


def leaky_relu_derivative(x, alpha: float = 0.01) -> np.ndarray:
    return np.where(_as_float(x) > 0, 1.0, alpha)


def prelu(x, alpha: float = 0.25) -> np.ndarray:
    """Leaky ReLU whose slope ``alpha`` is learned; 0.25 is PyTorch's start value."""
    return leaky_relu(x, alpha)


def prelu_derivative(x, alpha: float = 0.25) -> np.ndarray:
    return leaky_relu_derivative(x, alpha)


def _rrelu_slopes(x: np.ndarray, lower: float, upper: float, training: bool, rng) -> np.ndarray:
    if not training:
        return np.full_like(x, (lower + upper) / 2.0)
    return as_generator(rng).uniform(lower, upper, size=x.shape)


def rrelu(x, lower: float = 1 / 8, upper: float = 1 / 3, training: bool = False,
          rng: RandomSource = None) -> np.ndarray:
    """Randomised leaky ReLU: slope ~ U(lower, upper) per element when training,
    the mean slope (lower + upper) / 2 when evaluating."""
    x = _as_float(x)
    return np.where(x > 0, x, _rrelu_slopes(x, lower, upper, training, rng) * x)


def rrelu_derivative(x, lower: float = 1 / 8, upper: float = 1 / 3, training: bool = False,
                     rng: RandomSource = None) -> np.ndarray:
    x = _as_float(x)
    return np.where(x > 0, 1.0, _rrelu_slopes(x, lower, upper, training, rng))


def _noise(x: np.ndarray, sigma: float, rng) -> np.ndarray:
    if sigma == 0:
        return np.zeros_like(x)
    return as_generator(rng).normal(0.0, sigma, size=x.shape)


def noisy_relu(x, sigma: float = 1.0, rng: RandomSource = None) -> np.ndarray:
    """max(0, x + N(0, σ²)) — σ is the standard deviation of the noise."""
    x = _as_float(x)
    return np.maximum(0.0, x + _noise(x, sigma, rng))


def noisy_relu_derivative(x, sigma: float = 1.0, rng: RandomSource = None) -> np.ndarray:
    x = _as_float(x)
    return (x + _noise(x, sigma, rng) > 0).astype(float)


def elu(x, alpha: float = 1.0) -> np.ndarray:
    x = _as_float(x)
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))


def elu_derivative(x, alpha: float = 1.0) -> np.ndarray:
    x = _as_float(x)
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0.0)))


# --- GELU ------------------------------------------------------------------

def _check_approximate(approximate: str) -> None:
    if approximate not in ("none", "tanh"):
        raise ValueError(f"GELU approximate must be 'none' or 'tanh', not {approximate!r}")


def gelu(x, approximate: str = "none") -> np.ndarray:
    """x·Φ(x); ``approximate="tanh"`` uses 0.5x(1 + tanh(√(2/π)(x + 0.044715x³)))."""
    _check_approximate(approximate)
    x = _as_float(x)
    if approximate == "tanh":
        return 0.5 * x * (1.0 + np.tanh(SQRT_2_OVER_PI * (x + GELU_CUBIC * x**3)))
    return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))


def gelu_derivative(x, approximate: str = "none") -> np.ndarray:
    _check_approximate(approximate)
    x = _as_float(x)
    if approximate == "tanh":
        t = np.tanh(SQRT_2_OVER_PI * (x + GELU_CUBIC * x**3))
        inner = SQRT_2_OVER_PI * (1.0 + 3.0 * GELU_CUBIC * x * x)
        return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * inner
    cdf = 0.5 * (1.0 + _erf(x / math.sqrt(2.0)))
    pdf = np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)
    return cdf + x * pdf


# --- softmax ---------------------------------------------------------------

def softmax(x, axis: int = -1) -> np.ndarray:
    """e^(x − max) / Σ e^(x − max) along ``axis``: the shift changes nothing
    mathematically and keeps every exponent ≤ 0, so it cannot overflow."""
    x = _as_float(x)
    exps = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return exps / np.sum(exps, axis=axis, keepdims=True)


def softmax_naive(x, axis: int = -1) -> np.ndarray:
    """e^x / Σ e^x without the shift — overflows to inf/NaN near x ≈ 710.
    Kept for the overflow demonstration; warnings are silenced on purpose."""
    x = _as_float(x)
    with np.errstate(over="ignore", invalid="ignore"):
        exps = np.exp(x)
        return exps / np.sum(exps, axis=axis, keepdims=True)


# --- the catalogue ---------------------------------------------------------

class ParamRange(NamedTuple):
    default: float
    min: float
    max: float


@dataclass(frozen=True)
class Activation:
    key: str
    label: str
    fn: Callable[..., np.ndarray]
    derivative: Callable[..., np.ndarray]
    formula: str
    derivative_formula: str
    output_range: str
    pros: tuple[str, ...]
    cons: tuple[str, ...]
    params: dict[str, ParamRange] = field(default_factory=dict)
    # Non-numeric options: name → allowed values, the first is the default.
    options: dict[str, tuple] = field(default_factory=dict)
    random: bool = False  # takes an ``rng`` keyword

    def defaults(self) -> dict:
        values = {name: spec.default for name, spec in self.params.items()}
        values.update({name: choices[0] for name, choices in self.options.items()})
        return values


ACTIVATIONS: dict[str, Activation] = {a.key: a for a in (
    Activation(
        "step", "Step", step, step_derivative,
        "f(x) = 1 if x > 0 else 0", "f′(x) = 0 (undefined at 0)", "{0, 1}",
        ("simple: a yes/no decision, the perceptron's rule",),
        ("zero gradient everywhere, so gradient descent cannot learn with it",),
    ),
    Activation(
        "linear", "Linear", linear, linear_derivative,
        "f(x) = x", "f′(x) = 1", "(−∞, ∞)",
        ("right for a regression output layer",),
        ("a stack of linear layers is still linear: depth adds nothing",),
    ),
    Activation(
        "sigmoid", "Sigmoid", sigmoid, sigmoid_derivative,
        "σ(x) = 1 / (1 + e^(−x))", "σ′(x) = σ(x)·(1 − σ(x))", "(0, 1)",
        ("smooth", "output reads as a probability (logistic regression)"),
        ("saturates: gradients vanish for large |x| (σ′ ≤ 0.25)",
         "not zero-centred, so updates all share one sign",
         "exp and division are costly"),
    ),
    Activation(
        "tanh", "tanh", tanh, tanh_derivative,
        "tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)) = 2σ(2x) − 1",
        "tanh′(x) = 1 − tanh²(x)", "(−1, 1)",
        ("zero-centred: converges faster than sigmoid, the loss oscillates less",),
        ("still saturates for large |x|",),
    ),
    Activation(
        "relu", "ReLU", relu, relu_derivative,
        "f(x) = max(0, x)", "f′(x) = 1 if x > 0 else 0", "[0, ∞)",
        ("no saturation for x > 0, so no vanishing gradient there",
         "cheap: no exp", "sparse activity, like real neurons"),
        ("dead neurons: a neuron stuck at x ≤ 0 gets zero gradient forever",
         "not zero-centred"),
    ),
    Activation(
        "leaky_relu", "Leaky ReLU", leaky_relu, leaky_relu_derivative,
        "f(x) = x if x > 0 else α·x", "f′(x) = 1 if x > 0 else α", "(−∞, ∞)",
        ("a small gradient for x < 0 keeps neurons alive",),
        ("α is one more hand-picked constant",),
        params={"alpha": ParamRange(0.01, 0.0, 1.0)},
    ),
    Activation(
        "prelu", "PReLU", prelu, prelu_derivative,
        "f(x) = x if x > 0 else a·x  (a learned)", "f′(x) = 1 if x > 0 else a", "(−∞, ∞)",
        ("the negative slope a is learned by backpropagation",),
        ("one more parameter per channel; can overfit on small data",),
        params={"alpha": ParamRange(0.25, 0.0, 1.0)},
    ),
    Activation(
        "rrelu", "RReLU", rrelu, rrelu_derivative,
        "f(x) = x if x > 0 else a·x,  a ~ U(l, u) when training, (l+u)/2 when evaluating",
        "f′(x) = 1 if x > 0 else a", "(−∞, ∞)",
        ("the random slope regularises (Kaggle NDSB competition)",),
        ("training and evaluation behave differently",),
        params={"lower": ParamRange(1 / 8, 0.0, 1.0), "upper": ParamRange(1 / 3, 0.0, 1.0)},
        options={"training": (False, True)}, random=True,
    ),
    Activation(
        "noisy_relu", "Noisy ReLU", noisy_relu, noisy_relu_derivative,
        "f(x) = max(0, x + Y),  Y ~ N(0, σ²)", "f′(x) = 1 if x + Y > 0 else 0", "[0, ∞)",
        ("noise helps restricted Boltzmann machines (RBMs) and vision tasks",),
        ("random output: the same input gives different values",),
        params={"sigma": ParamRange(1.0, 0.0, 5.0)}, random=True,
    ),
    Activation(
        "elu", "ELU", elu, elu_derivative,
        "f(x) = x if x > 0 else α·(e^x − 1)", "f′(x) = 1 if x > 0 else α·e^x", "(−α, ∞)",
        ("smooth, negative outputs push mean activations towards zero",
         "one of the post's fixes for dead ReLUs"),
        ("exp for x < 0 costs more than ReLU",),
        params={"alpha": ParamRange(1.0, 0.0, 5.0)},
    ),
    Activation(
        "gelu", "GELU", gelu, gelu_derivative,
        "f(x) = x·Φ(x) = 0.5x(1 + erf(x/√2)) ≈ 0.5x(1 + tanh(√(2/π)(x + 0.044715x³)))",
        "f′(x) = Φ(x) + x·φ(x)", "[≈ −0.17, ∞)",
        ("smooth ReLU used by BERT, GPT and GPT-2",),
        ("costlier than ReLU (erf or tanh)",),
        options={"approximate": ("none", "tanh")},
    ),
)}
