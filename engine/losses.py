"""Losses: mean squared error for regression, cross-entropy for classes."""

from __future__ import annotations

import numpy as np

CLIP = 1e-7  # NNFS's clip: keeps log() finite when a predicted probability is 0 or 1


def mse(y_pred, y_true) -> float:
    diff = np.asarray(y_pred, dtype=float) - np.asarray(y_true, dtype=float)
    return float(np.mean(diff * diff))


def mse_derivative(y_pred, y_true) -> np.ndarray:
    """∂MSE/∂y_pred for each element."""
    y_pred = np.asarray(y_pred, dtype=float)
    return 2.0 * (y_pred - np.asarray(y_true, dtype=float)) / y_pred.size


def r2_score(y_pred, y_true) -> float:
    """1 − SS_res / SS_tot; 0 when the target is constant and matched exactly."""
    y_pred = np.asarray(y_pred, dtype=float).ravel()
    y_true = np.asarray(y_true, dtype=float).ravel()
    ss_res = float(np.sum((y_true - y_pred) ** 2))
    ss_tot = float(np.sum((y_true - y_true.mean()) ** 2))
    if ss_tot == 0.0:
        return 1.0 if ss_res == 0.0 else -np.inf
    return 1.0 - ss_res / ss_tot


def fit_metrics(y_pred, y_true) -> dict[str, float]:
    """How well a curve fits its target: ``mse``, ``r2`` (see ``r2_score``)
    and ``max_abs_error``, the largest |ŷ − y| over the samples."""
    y_pred = np.asarray(y_pred, dtype=float).ravel()
    y_true = np.asarray(y_true, dtype=float).ravel()
    if y_pred.shape != y_true.shape or y_pred.size == 0:
        raise ValueError(f"need two equal, non-empty sets of values, got {y_pred.size} "
                         f"and {y_true.size}")
    return {"mse": mse(y_pred, y_true), "r2": r2_score(y_pred, y_true),
            "max_abs_error": float(np.max(np.abs(y_pred - y_true)))}


def _true_class(values: np.ndarray, y_true) -> np.ndarray:
    """Per row, the entry of ``values`` (n, C) for the true class: picked by
    integer labels (n,), or weighted by one-hot rows (n, C)."""
    y_true = np.asarray(y_true)
    if y_true.ndim == 1:  # integer labels
        return values[np.arange(len(values)), y_true.astype(int)]
    return np.sum(values * y_true, axis=1)  # one-hot rows


def categorical_cross_entropy(y_pred, y_true) -> float:
    """Batch mean of −log ŷ[true class], with the probabilities ŷ first
    clipped to [1e−7, 1 − 1e−7] as NNFS's ``Loss_CategoricalCrossentropy``
    does (``np.clip(y_pred, 1e-7, 1 - 1e-7)``), so the book's printed losses
    come out the same. The clip keeps log() finite but bends the value at the
    ends: a sure right answer costs −log(1 − 1e−7) ≈ 1e−7 instead of 0, and a
    sure wrong one at most −log(1e−7) ≈ 16.12, however wrong it is.
    ``cross_entropy_from_logits`` gives the exact value.
    ``y_true`` is either integer labels (shape (n,)) or one-hot rows (n, C)."""
    y_pred = np.clip(np.asarray(y_pred, dtype=float), CLIP, 1.0 - CLIP)
    return float(np.mean(-np.log(_true_class(y_pred, y_true))))


def cross_entropy_from_logits(logits, y_true) -> float:
    """The exact batch mean of −log softmax(z)[true class], from the logits z,
    without clipping: −log softmax(z)_k = log Σ_j e^(z_j − m) − (z_k − m) with m
    the row maximum, so no exponent is positive (no overflow) and a tiny
    probability is never rounded to 0 before its log is taken.
    ``y_true`` is either integer labels (shape (n,)) or one-hot rows (n, C)."""
    z = np.asarray(logits, dtype=float)
    shifted = z - np.max(z, axis=1, keepdims=True)
    log_sum = np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return float(np.mean(_true_class(log_sum - shifted, y_true)))


def softmax_cross_entropy_backward(y_pred, y_true) -> np.ndarray:
    """Gradient of the mean cross-entropy with respect to the softmax *inputs*:
    (ŷ − t) / B, as post 001's SoftmaxWithLoss. Integer labels and one-hot rows
    give the same result."""
    y_pred = np.asarray(y_pred, dtype=float)
    y_true = np.asarray(y_true)
    grad = y_pred.copy()
    if y_true.ndim == 1:
        grad[np.arange(len(grad)), y_true.astype(int)] -= 1.0
    else:
        grad -= y_true
    return grad / len(grad)


def accuracy(y_pred, y_true) -> float:
    """Share of rows whose most probable class is the true class."""
    y_true = np.asarray(y_true)
    labels = y_true if y_true.ndim == 1 else np.argmax(y_true, axis=1)
    return float(np.mean(np.argmax(np.asarray(y_pred), axis=1) == labels))
