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


# --- catalogue helpers: parameters, a shared random draw, chains, temperature ---

def _is_finite_number(value) -> bool:
    return (isinstance(value, int | float | np.integer | np.floating)
            and not isinstance(value, bool | np.bool_) and math.isfinite(value))


def _matches_choice(value, choice) -> bool:
    return type(value) is type(choice) and value == choice  # so that 1 is not True


def activation_params(key: str, params: dict | None = None) -> dict:
    """The keyword arguments for ``ACTIVATIONS[key]``: its defaults, overridden
    by ``params``. Raises ValueError for an unknown activation or parameter, a
    number outside its range, or an option that is not allowed."""
    if key not in ACTIVATIONS:
        raise ValueError(f"unknown activation {key!r}; choose one of {', '.join(ACTIVATIONS)}")
    act = ACTIVATIONS[key]
    values = act.defaults()
    for name, value in (params or {}).items():
        if name in act.params:
            spec = act.params[name]
            if not (_is_finite_number(value) and spec.min <= value <= spec.max):
                raise ValueError(f"{act.label} {name} must be a number from {spec.min:g} "
                                 f"to {spec.max:g}, not {value!r}")
            values[name] = float(value)
        elif name in act.options:
            choices = act.options[name]
            if not any(_matches_choice(value, choice) for choice in choices):
                raise ValueError(f"{act.label} {name} must be one of {choices}, not {value!r}")
            values[name] = value
        else:
            raise ValueError(f"{act.label} has no parameter {name!r}")
    return values


def evaluate_activation(key: str, x, params: dict | None = None,
                        seed: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``(f(x), f′(x))`` of ``ACTIVATIONS[key]`` with ``params``.

    A random activation (RReLU training, Noisy ReLU) draws its noise from
    ``seed`` in both calls, so the derivative belongs to the very curve drawn;
    the same seed gives the same draw whatever the other parameters are.
    ``seed=None`` picks a fresh seed (still shared by f and f′)."""
    kwargs = activation_params(key, params)
    act = ACTIVATIONS[key]
    if act.random:
        kwargs["rng"] = int(np.random.default_rng().integers(2**32) if seed is None else seed)
    return act.fn(x, **kwargs), act.derivative(x, **kwargs)


def gradient_through_chain(key: str, n_layers: int, x: float,
                           params: dict | None = None) -> np.ndarray:
    """How much of the gradient survives a chain of ``n_layers`` activations.

    The chain is a_0 = x, a_k = f(a_{k−1}) (weight 1, bias 0). Element k − 1
    of the result is ∂a_k/∂x = f′(a_0)·f′(a_1)·…·f′(a_{k−1}) (chain rule), for
    k = 1 … n_layers. With sigmoid every factor is ≤ 0.25, so the product
    vanishes geometrically; with ReLU and x > 0 every factor is 1."""
    if isinstance(n_layers, bool) or not isinstance(n_layers, int | np.integer) or n_layers < 1:
        raise ValueError(f"the chain needs a whole number of layers ≥ 1, not {n_layers!r}")
    if not _is_finite_number(x):
        raise ValueError(f"the chain's input must be a finite number, not {x!r}")
    kwargs = activation_params(key, params)
    act = ACTIVATIONS[key]
    if act.random:
        raise ValueError(f"{act.label} is random: its chain has no single gradient")
    products = np.empty(int(n_layers))
    a, product = float(x), 1.0
    for k in range(int(n_layers)):
        product *= float(act.derivative(a, **kwargs))
        a = float(act.fn(a, **kwargs))
        products[k] = product
    return products


EXP_OVERFLOW_AT = math.log(np.finfo(float).max)  # ≈ 709.78: e^x is inf above this


def scaled_logits(logits, temperature: float = 1.0) -> np.ndarray:
    """``logits / T`` — what softmax with temperature T exponentiates. Raises
    ValueError unless the logits are a finite 1-D list and T is finite and > 0."""
    if not (_is_finite_number(temperature) and temperature > 0):
        raise ValueError(f"the temperature must be a finite number > 0, not {temperature!r}")
    x = _as_float(logits)
    if x.ndim != 1 or x.size == 0 or not np.all(np.isfinite(x)):
        raise ValueError("softmax needs a non-empty list of finite logits")
    with np.errstate(over="ignore"):
        z = x / temperature
    if not np.all(np.isfinite(z)):
        raise ValueError("logits / temperature is too large for a float; raise the temperature")
    return z


def softmax_with_temperature(logits, temperature: float = 1.0,
                             naive: bool = False) -> np.ndarray:
    """softmax(logits / T): T > 1 flattens the distribution, T < 1 sharpens it
    towards the largest logit. ``naive=True`` skips the max-shift (may give NaN)."""
    z = scaled_logits(logits, temperature)
    return softmax_naive(z) if naive else softmax(z)


def softmax_naive_problem(logits, temperature: float = 1.0) -> str | None:
    """Why the naive e^z / Σe^z (z = logits / T) fails, or None if it works:
    ``"overflow"`` when Σe^z is inf (some z > ≈709.78, or a sum that large:
    inf/inf = NaN, finite/inf = 0), ``"underflow"`` when every e^z is 0
    (all z < ≈ −745: 0/0 = NaN)."""
    z = scaled_logits(logits, temperature)
    with np.errstate(over="ignore", under="ignore"):
        total = float(np.sum(np.exp(z)))
    if not math.isfinite(total):
        return "overflow"
    if total == 0.0:
        return "underflow"
    return None
