"""Post 001's perceptron gates: y = 1 where w1·x1 + w2·x2 + b > 0, else 0."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

INPUTS: tuple[tuple[int, int], ...] = ((0, 0), (0, 1), (1, 0), (1, 1))

# AND is the post's; NAND and OR come from Saito's book, which the post follows.
GATES: dict[str, tuple[float, float, float]] = {
    "AND": (0.5, 0.5, -0.7),
    "NAND": (-0.5, -0.5, 0.7),
    "OR": (0.5, 0.5, -0.2),
}


class Perceptron:
    def __init__(self, w1: float, w2: float, b: float):
        self.w1, self.w2, self.b = float(w1), float(w2), float(b)

    def net(self, x1, x2):
        """The weighted sum w1·x1 + w2·x2 + b before the step."""
        x1, x2 = np.asarray(x1, dtype=float), np.asarray(x2, dtype=float)
        return self.w1 * x1 + self.w2 * x2 + self.b

    def __call__(self, x1, x2):
        out = (self.net(x1, x2) > 0).astype(int)
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
        mistakes = 0
        for (x1, x2), t in zip(INPUTS, targets, strict=True):
            error = t - (1 if w1 * x1 + w2 * x2 + b > 0 else 0)
            if error:
                mistakes += 1
                w1, w2, b = w1 + lr * error * x1, w2 + lr * error * x2, b + lr * error
        history.append((w1, w2, b))
        if mistakes == 0:
            return LearningResult(np.array(history), True)
    return LearningResult(np.array(history), False)


def is_linearly_separable(outputs) -> bool:
    """Whether one perceptron can produce this 4-row truth table. The
    perceptron convergence theorem makes learning a decision procedure: it
    converges (here within a few dozen epochs) exactly when a line exists."""
    return perceptron_learning(outputs, lr=1.0, epochs=200).converged


def all_boolean_functions() -> list[tuple[int, int, int, int]]:
    """The 16 two-input Boolean functions as outputs for 00, 01, 10, 11,
    numbered by reading the outputs as a binary number (00's output first)."""
    return [tuple((k >> (3 - i)) & 1 for i in range(4)) for k in range(16)]
