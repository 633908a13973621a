"""engine.losses: MSE, R², clipped cross-entropy and post 001's combined
softmax + cross-entropy backward."""

import math

import numpy as np
import pytest

from engine import losses
from engine.activations import softmax


def test_mse_and_its_derivative():
    pred = np.array([1.0, 2.0, 4.0])
    true = np.array([1.5, 2.0, 3.0])
    assert losses.mse(pred, true) == pytest.approx((0.25 + 0 + 1) / 3, rel=1e-15)
    h = 1e-6
    numeric = [(losses.mse(pred + h * e, true) - losses.mse(pred - h * e, true)) / (2 * h)
               for e in np.eye(3)]
    np.testing.assert_allclose(losses.mse_derivative(pred, true), numeric, rtol=1e-7)
    np.testing.assert_allclose(losses.mse_derivative(pred, true), 2 * (pred - true) / 3)


def test_r2_score():
    y = np.array([0.0, 1.0, 2.0, 3.0])
    assert losses.r2_score(y, y) == 1.0
    assert losses.r2_score(np.full(4, y.mean()), y) == pytest.approx(0.0, abs=1e-15)
    pred = np.array([0.5, 1.0, 2.0, 2.5])
    expected = 1 - 0.5 / 5.0  # SS_res = 0.25 + 0.25, SS_tot = 2.25 + 0.25 + 0.25 + 2.25
    assert losses.r2_score(pred, y) == pytest.approx(expected, rel=1e-15)
    # A constant target: 1 when matched, −inf otherwise (no division by zero).
    with np.errstate(divide="raise", invalid="raise"):
        assert losses.r2_score([2.0, 2.0], [2.0, 2.0]) == 1.0
        assert losses.r2_score([2.0, 3.0], [2.0, 2.0]) == -np.inf


def test_cross_entropy_with_integer_labels_and_one_hot_rows():
    proba = np.array([[0.7, 0.2, 0.1], [0.1, 0.5, 0.4], [0.02, 0.9, 0.08]])
    labels = np.array([0, 1, 1])
    expected = -(math.log(0.7) + math.log(0.5) + math.log(0.9)) / 3
    assert losses.categorical_cross_entropy(proba, labels) == pytest.approx(expected, rel=1e-15)
    assert losses.categorical_cross_entropy(proba, np.eye(3)[labels]) == pytest.approx(
        expected, rel=1e-15)


def test_cross_entropy_is_clipped():
    proba = np.array([[0.0, 1.0], [1.0, 0.0]])
    with np.errstate(divide="raise", invalid="raise"):
        wrong = losses.categorical_cross_entropy(proba, [0, 1])
        right = losses.categorical_cross_entropy(proba, [1, 0])
    assert wrong == pytest.approx(-math.log(1e-7), rel=1e-12)
    assert right == pytest.approx(-math.log(1 - 1e-7), rel=1e-9)


def test_softmax_cross_entropy_backward_is_y_minus_t_over_batch():
    logits = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [0.0, 0.0, 3.0], [1.0, -1.0, 0.0]])
    labels = np.array([0, 2, 2, 1])
    one_hot = np.eye(3)[labels]
    y = softmax(logits)
    from_labels = losses.softmax_cross_entropy_backward(y, labels)
    from_one_hot = losses.softmax_cross_entropy_backward(y, one_hot)
    np.testing.assert_allclose(from_labels, (y - one_hot) / 4, rtol=1e-15, atol=1e-17)
    np.testing.assert_allclose(from_one_hot, from_labels, rtol=1e-15, atol=1e-17)
    # It is the derivative of mean CE(softmax(z)) with respect to the logits z.
    h = 1e-6
    numeric = np.zeros_like(logits)
    for idx in np.ndindex(logits.shape):
        up, down = logits.copy(), logits.copy()
        up[idx] += h
        down[idx] -= h
        numeric[idx] = (losses.categorical_cross_entropy(softmax(up), labels)
                        - losses.categorical_cross_entropy(softmax(down), labels)) / (2 * h)
    np.testing.assert_allclose(from_labels, numeric, rtol=1e-6, atol=1e-9)
    assert y.sum() == pytest.approx(4.0)  # the input was not modified in place
    np.testing.assert_array_equal(y, softmax(logits))


def test_accuracy():
    proba = np.array([[0.7, 0.3], [0.4, 0.6], [0.9, 0.1]])
    assert losses.accuracy(proba, [0, 1, 1]) == pytest.approx(2 / 3)
    assert losses.accuracy(proba, np.eye(2)[[0, 1, 0]]) == 1.0


# --- issue 12: the clipped NNFS value and the exact one ---------------------------

def _cross_entropy_by_hand(logits, labels) -> float:
    """−log softmax(z)[label] one row at a time with math, no engine code."""
    total = 0.0
    for row, label in zip(logits, labels, strict=True):
        top = max(row)
        total += -(row[label] - top) + math.log(sum(math.exp(v - top) for v in row))
    return total / len(labels)


def test_the_clipped_cross_entropy_says_it_clips_as_nnfs():
    doc = losses.categorical_cross_entropy.__doc__
    assert "NNFS" in doc and "np.clip(y_pred, 1e-7, 1 - 1e-7)" in doc
    assert "cross_entropy_from_logits" in doc


def test_exact_cross_entropy_equals_a_direct_computation():
    rng = np.random.default_rng(3)
    logits = rng.normal(0, 3, (40, 4))
    labels = rng.integers(0, 4, 40)
    expected = _cross_entropy_by_hand(logits.tolist(), labels.tolist())
    assert losses.cross_entropy_from_logits(logits, labels) == pytest.approx(expected, rel=1e-13)
    assert losses.cross_entropy_from_logits(logits, np.eye(4)[labels]) == pytest.approx(
        expected, rel=1e-13)
    # Inside the clip's range the clipped value is the same number.
    assert losses.categorical_cross_entropy(softmax(logits), labels) == pytest.approx(
        expected, rel=1e-12)


@pytest.mark.parametrize(("row", "label", "exact"), [
    ([0.0, 50.0], 0, 50.0 + math.log1p(math.exp(-50.0))),  # sure and wrong
    ([0.0, 800.0], 0, 800.0),  # e^800 would overflow
    ([1000.0, 0.0], 0, 0.0),  # sure and right: exactly 0
    ([-1000.0, -1000.0, -1000.0], 2, math.log(3.0)),  # e^−1000 would underflow to 0/0
])
def test_exact_cross_entropy_where_the_clip_bends_it(row, label, exact):
    with np.errstate(over="raise", divide="raise", invalid="raise"):  # underflow is fine
        value = losses.cross_entropy_from_logits(np.array([row]), np.array([label]))
    assert value == pytest.approx(exact, rel=1e-15, abs=1e-300)
    clipped = losses.categorical_cross_entropy(softmax(np.array([row])), [label])
    assert clipped <= -math.log(1e-7) + 1e-9  # the NNFS value is capped at ≈ 16.12
