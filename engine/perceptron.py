"""Post 001's perceptron gates: y = 1 where w1·x1 + w2·x2 + b > 0, else 0."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from engine import activations
from engine.geometry import box_corners, line_in_box

INPUTS: tuple[tuple[int, int], ...] = ((0, 0), (0, 1), (1, 0), (1, 1))

# AND is the post's; NAND and OR come from Saito's book, which the post follows.
GATES: dict[str, tuple[float, float, float]] = {
    "AND": (0.5, 0.5, -0.7),
    "NAND": (-0.5, -0.5, 0.7),
    "OR": (0.5, 0.5, -0.2),
}


# Weighted sums are rounded to this many decimals before the step, so that a
# sum that is 0 on paper (0.1 + 0.2 − 0.3 = 5.6e−17 in floating point) is 0
# here too and gives output 0: any |sum| below 5e−10 counts as 0.
NET_DECIMALS = 9


def round_net(net):
    """A weighted sum as the perceptron sees it: rounded to ``NET_DECIMALS``
    decimals (+ 0.0 turns a −0 into 0, so a table never shows "-0")."""
    return np.round(np.asarray(net, dtype=float), NET_DECIMALS) + 0.0


def step(net) -> np.ndarray:
    """Post 001's rule on weighted sums: 1 where the sum is > 0, else 0, after
    ``round_net`` — a sum that is zero up to rounding gives 0. The one rule
    behind ``Perceptron.__call__``, the learning rule and the truth tables."""
    return activations.step(round_net(net)).astype(int)


class Perceptron:
    def __init__(self, w1: float, w2: float, b: float):
        self.w1, self.w2, self.b = float(w1), float(w2), float(b)

    def net(self, x1, x2):
        """The weighted sum w1·x1 + w2·x2 + b before the step."""
        x1, x2 = np.asarray(x1, dtype=float), np.asarray(x2, dtype=float)
        return self.w1 * x1 + self.w2 * x2 + self.b

    def __call__(self, x1, x2):
        out = step(self.net(x1, x2))
        return int(out) if out.ndim == 0 else out

    def __repr__(self) -> str:
        return f"Perceptron(w1={self.w1}, w2={self.w2}, b={self.b})"


def AND(x1, x2):
    return Perceptron(*GATES["AND"])(x1, x2)


def NAND(x1, x2):
    return Perceptron(*GATES["NAND"])(x1, x2)


def OR(x1, x2):
    return Perceptron(*GATES["OR"])(x1, x2)


def XOR(x1, x2):
    """Two layers: NAND and OR feed AND."""
    return AND(NAND(x1, x2), OR(x1, x2))


def truth_table(fn) -> list[tuple[int, int, int]]:
    """Rows (x1, x2, fn(x1, x2)) for inputs 00, 01, 10, 11."""
    return [(x1, x2, int(fn(x1, x2))) for x1, x2 in INPUTS]


class LearningResult(NamedTuple):
    history: np.ndarray  # (epochs run + 1, 3): (w1, w2, b) before epoch 1, after each epoch
    converged: bool  # an epoch made no mistake


def perceptron_learning(targets, lr: float = 0.1, epochs: int = 100,
                        start: tuple[float, float, float] = (0.0, 0.0, 0.0)) -> LearningResult:
    """Rosenblatt's rule over the four inputs in order: w += lr·(t − y)·x,
    b += lr·(t − y). Stops after the first epoch without a mistake; on data
    no line separates (XOR) it never gets one and cycles until ``epochs``."""
    targets = [int(t) for t in targets]
    if len(targets) != 4 or any(t not in (0, 1) for t in targets):
        raise ValueError("targets must be four 0/1 outputs for inputs 00, 01, 10, 11")
    w1, w2, b = (float(v) for v in start)
    history = [(w1, w2, b)]
    for _ in range(epochs):
        after_each_input, mistaken = _rosenblatt_epoch(history[-1], targets, lr)
        history.append(after_each_input[-1])
        if not mistaken:
            return LearningResult(np.array(history), True)
    return LearningResult(np.array(history), False)


def _rosenblatt_epoch(weights, targets, lr: float) -> tuple[list[tuple[float, float, float]], bool]:
    """One epoch of Rosenblatt's rule from ``weights`` = (w1, w2, b): the weights
    after each of the four inputs, and whether any input was misclassified.
    Both learners share it so that the per-input view replays the per-epoch
    one exactly; the flag, not unchanged weights, ends learning (with lr = 0 a
    mistake changes nothing)."""
    w1, w2, b = weights
    after_each_input = []
    mistaken = False
    for (x1, x2), t in zip(INPUTS, targets, strict=True):
        error = t - int(step(w1 * x1 + w2 * x2 + b))
        if error:
            mistaken = True
            w1, w2, b = w1 + lr * error * x1, w2 + lr * error * x2, b + lr * error
        after_each_input.append((w1, w2, b))
    return after_each_input, mistaken


def is_linearly_separable(outputs) -> bool:
    """Whether one perceptron can produce this 4-row truth table. The
    perceptron convergence theorem makes learning a decision procedure: it
    converges (here within a few dozen epochs) exactly when a line exists."""
    return perceptron_learning(outputs, lr=1.0, epochs=200).converged


def all_boolean_functions() -> list[tuple[int, int, int, int]]:
    """The 16 two-input Boolean functions as outputs for 00, 01, 10, 11,
    numbered by reading the outputs as a binary number (00's output first)."""
    return [tuple((k >> (3 - i)) & 1 for i in range(4)) for k in range(16)]


# --- for the gates tab: tables, names, learning frames and plot geometry ------

# Outputs for 00, 01, 10, 11 → a short name, in all_boolean_functions() order.
# On 0/1 inputs "x1 AND NOT x2" is x1 > x2, "x1 OR NOT x2" is x1 ≥ x2 and so on;
# the comparisons are shorter and show at once that a line does it.
BOOLEAN_FUNCTION_NAMES: dict[tuple[int, int, int, int], str] = {
    (0, 0, 0, 0): "FALSE", (0, 0, 0, 1): "AND", (0, 0, 1, 0): "x1 > x2",
    (0, 0, 1, 1): "x1", (0, 1, 0, 0): "x1 < x2", (0, 1, 0, 1): "x2",
    (0, 1, 1, 0): "XOR", (0, 1, 1, 1): "OR", (1, 0, 0, 0): "NOR", (1, 0, 0, 1): "XNOR",
    (1, 0, 1, 0): "NOT x2", (1, 0, 1, 1): "x1 ≥ x2", (1, 1, 0, 0): "NOT x1",
    (1, 1, 0, 1): "x1 ≤ x2", (1, 1, 1, 0): "NAND", (1, 1, 1, 1): "TRUE",
}

def _check_outputs(outputs) -> tuple[int, int, int, int]:
    values = tuple(int(v) for v in outputs)
    if len(values) != 4 or any(v not in (0, 1) for v in values):
        raise ValueError("a truth table needs four 0/1 outputs for inputs 00, 01, 10, 11")
    return values


def _check_weights(*values: float) -> None:
    if not all(np.isfinite(float(v)) for v in values):
        raise ValueError("weights and bias must be finite numbers")


def boolean_function_name(outputs) -> str:
    """The name of the two-input function with these outputs for 00, 01, 10, 11."""
    return BOOLEAN_FUNCTION_NAMES[_check_outputs(outputs)]


def gate_table(w1: float, w2: float, b: float) -> tuple[np.ndarray, np.ndarray]:
    """(weighted sums, outputs) of one perceptron for inputs 00, 01, 10, 11.
    A sum that is zero up to rounding gives 0, as the rule ``> 0`` says."""
    _check_weights(w1, w2, b)
    x = np.array(INPUTS, dtype=float)
    net = round_net(w1 * x[:, 0] + w2 * x[:, 1] + b)
    return net, step(net)


def two_layer_truth_table(hidden1, hidden2, output) -> list[tuple[int, int, int, int, int]]:
    """Rows (x1, x2, s1, s2, y) of two hidden perceptrons feeding a third:
    s1 = step(hidden1 · x), s2 = step(hidden2 · x), y = step(output · (s1, s2)).
    Each argument is (w1, w2, b); with NAND, OR and AND this is post 001's XOR."""
    _, s1 = gate_table(*hidden1)
    _, s2 = gate_table(*hidden2)
    w1, w2, b = output
    _check_weights(w1, w2, b)
    y = step(w1 * s1 + w2 * s2 + b)
    return [(x1, x2, int(a), int(c), int(d))
            for (x1, x2), a, c, d in zip(INPUTS, s1, s2, y, strict=True)]


def perceptron_learning_steps(targets, lr: float = 0.1, epochs: int = 100,
                              start: tuple[float, float, float] = (0.0, 0.0, 0.0)) -> np.ndarray:
    """The same rule and stopping as ``perceptron_learning``, recorded after
    every input shown instead of every epoch: row 0 is ``start``, row
    4·e + k the weights after input k of epoch e + 1, so rows 0, 4, 8, … are
    ``perceptron_learning``'s history. On XOR the epoch-end weights can repeat
    exactly (from zero they do) while the line keeps moving inside each
    epoch, which only this view shows."""
    targets = _check_outputs(targets)
    w1, w2, b = (float(v) for v in start)
    rows = [(w1, w2, b)]
    for _ in range(epochs):
        after_each_input, mistaken = _rosenblatt_epoch(rows[-1], targets, lr)
        rows.extend(after_each_input)
        if not mistaken:
            break
    return np.array(rows)


def decision_line(w1: float, w2: float, b: float, box) -> np.ndarray | None:
    """End points, shape (2, 2), of the part of w1·x + w2·y + b = 0 inside box
    = (x_min, x_max, y_min, y_max); None when there is no line (w1 = w2 = 0:
    the sum is b everywhere) or it misses the box or only touches a corner."""
    return line_in_box(w1, w2, b, box)


def positive_region(w1: float, w2: float, b: float, box) -> np.ndarray:
    """Vertices, shape (k, 2), of the part of box where the perceptron
    outputs 1 (w1·x + w2·y + b > 0), anticlockwise; k = 0 when there is none.
    With w1 = w2 = 0 it is the whole box if b > 0, else empty."""
    _check_weights(w1, w2, b)
    corners = box_corners(box)
    sums = corners @ np.array([w1, w2], dtype=float) + b
    vertices: list[np.ndarray] = []
    # Sutherland–Hodgman against one half-plane: keep inside corners, add the
    # crossing point of every edge that leaves or enters it.
    for i in range(4):
        p, q, fp, fq = corners[i], corners[(i + 1) % 4], sums[i], sums[(i + 1) % 4]
        if fp > 0:
            vertices.append(p)
        if (fp > 0) != (fq > 0) and fp != fq:
            vertices.append(p + (q - p) * (fp / (fp - fq)))
    # A crossing at a corner is found twice (leaving one edge, entering the next).
    scale = 1e-12 * (1.0 + float(np.max(np.abs(corners))))
    unique = [v for i, v in enumerate(vertices)
              if abs(v[0] - vertices[i - 1][0]) > scale or abs(v[1] - vertices[i - 1][1]) > scale]
    return np.array(unique) if len(unique) >= 3 else np.empty((0, 2))
