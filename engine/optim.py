"""Optimisers on flat parameter vectors, and a loop that drives any model with
``get_flat`` / ``set_flat`` / ``loss_and_gradient`` (MLP, Classifier)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np


def _masked(update: np.ndarray, trainable: np.ndarray | None) -> np.ndarray:
    return update if trainable is None else update * trainable


class SGD:
    """Plain or momentum SGD: v = μ·v − lr·g; θ += v."""

    def __init__(self, lr: float = 0.01, momentum: float = 0.0):
        self.lr, self.momentum = float(lr), float(momentum)
        self.velocity: np.ndarray | None = None

    def step(self, params: np.ndarray, grad: np.ndarray,
             trainable: np.ndarray | None = None) -> np.ndarray:
        if self.velocity is None:
            self.velocity = np.zeros_like(params)
        self.velocity = self.momentum * self.velocity - self.lr * grad
        self.velocity = _masked(self.velocity, trainable)
        return params + self.velocity


class Adam:
    """Adam (Kingma & Ba) with bias correction. ``trainable`` (0/1 per
    parameter) masks the update itself, so a frozen parameter never moves even
    when its moment estimates are not zero."""

    def __init__(self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999,
                 eps: float = 1e-8):
        self.lr, self.beta1, self.beta2, self.eps = float(lr), beta1, beta2, eps
        self.m: np.ndarray | None = None
        self.v: np.ndarray | None = None
        self.t = 0

    def step(self, params: np.ndarray, grad: np.ndarray,
             trainable: np.ndarray | None = None) -> np.ndarray:
        if self.m is None:
            self.m, self.v = np.zeros_like(params), np.zeros_like(params)
        self.t += 1
        self.m = self.beta1 * self.m + (1 - self.beta1) * grad
        self.v = self.beta2 * self.v + (1 - self.beta2) * grad * grad
        m_hat = self.m / (1 - self.beta1 ** self.t)
        v_hat = self.v / (1 - self.beta2 ** self.t)
        return params + _masked(-self.lr * m_hat / (np.sqrt(v_hat) + self.eps), trainable)


def train_steps(model, X, y, optimizer, steps: int,
                trainable: np.ndarray | None = None) -> list[float]:
    """Run ``steps`` optimiser steps on ``model``; returns the loss before each.
    A step that would make a parameter non-finite is not applied and raises
    ``ValueError``, leaving the model as it was before that step."""
    losses = []
    for _ in range(steps):
        loss, grad = model.loss_and_gradient(X, y)
        new = optimizer.step(model.get_flat(), grad, trainable)
        model.set_flat(new)  # raises ValueError on NaN/inf, model unchanged
        losses.append(loss)
    return losses


# Why ``train_classifier_steps`` stopped early (``TrainingChunk.reason``).
NON_FINITE_GRADIENT = "non-finite gradient"
NON_FINITE_STEP = "non-finite step"
BEYOND_LIMIT = "beyond limit"


@dataclass
class TrainingChunk:
    """What ``train_classifier_steps`` did: loss and accuracy *before* each
    applied step and, when it stopped early, a ``reason`` (one of the
    constants above, for a GUI to word in its language) and an ``error``
    message in English. Both are ``None`` when every step ran."""
    losses: list[float] = field(default_factory=list)
    accuracies: list[float] = field(default_factory=list)
    reason: str | None = None
    error: str | None = None


def train_classifier_steps(model, X, y, optimizer, steps: int,
                           max_abs: float | None = None) -> TrainingChunk:
    """Up to ``steps`` optimiser steps on a classifier (``loss_accuracy_and_gradient``).

    A step whose loss or new parameters are not finite, or that would push a
    parameter beyond ±``max_abs``, is not applied: the chunk stops there with
    ``error`` set and the model keeps the last good parameters, so a caller can
    show the history so far and a message instead of a traceback."""
    chunk = TrainingChunk()
    for _ in range(steps):
        loss, acc, grad = model.loss_accuracy_and_gradient(X, y)
        if not (math.isfinite(loss) and np.all(np.isfinite(grad))):
            chunk.reason = NON_FINITE_GRADIENT
            chunk.error = "training diverged: the loss or its gradient is not a finite number"
            break
        new = optimizer.step(model.get_flat(), grad)
        if not np.all(np.isfinite(new)):
            chunk.reason = NON_FINITE_STEP
            chunk.error = "training diverged: a step produced NaN or infinite weights"
            break
        if max_abs is not None and np.max(np.abs(new)) > max_abs:
            chunk.reason = BEYOND_LIMIT
            chunk.error = f"training stopped: a weight would grow beyond ±{max_abs:g}"
            break
        model.set_flat(new)
        chunk.losses.append(loss)
        chunk.accuracies.append(acc)
    return chunk
