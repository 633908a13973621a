"""engine.optim: SGD and Adam on flat vectors, frozen parameters, and the
training loop that drives an MLP."""

import numpy as np
import pytest

from engine import presets
from engine.network import MLP
from engine.optim import SGD, Adam, train_steps
from engine.targets import sine_data

CURVATURE = np.array([1.0, 4.0, 0.5, 2.0])
MINIMUM = np.array([1.0, -2.0, 3.0, 0.5])


def _quadratic(theta):
    """f = ½ Σ c (θ − m)², gradient c (θ − m)."""
    diff = theta - MINIMUM
    return 0.5 * float(np.sum(CURVATURE * diff * diff)), CURVATURE * diff


@pytest.mark.parametrize("optimizer", [SGD(lr=0.1), SGD(lr=0.05, momentum=0.9), Adam(lr=0.05)])
def test_optimisers_reduce_a_quadratic(optimizer):
    theta = np.zeros(4)
    start, _ = _quadratic(theta)
    for _ in range(400):
        _, grad = _quadratic(theta)
        theta = optimizer.step(theta, grad)
    end, _ = _quadratic(theta)
    assert end < 1e-4 * start
    np.testing.assert_allclose(theta, MINIMUM, atol=0.02)


def test_sgd_step_by_hand():
    sgd = SGD(lr=0.1, momentum=0.5)
    theta = np.array([1.0, 2.0])
    grad = np.array([0.5, -1.0])
    first = sgd.step(theta, grad)
    np.testing.assert_allclose(first, theta - 0.1 * grad)  # v = −lr·g
    second = sgd.step(first, grad)
    np.testing.assert_allclose(second, first + 0.5 * (-0.1 * grad) - 0.1 * grad)


def test_adam_first_step_moves_each_parameter_by_lr():
    adam = Adam(lr=0.01)
    theta = np.array([1.0, 2.0, 3.0])
    grad = np.array([0.3, -40.0, 1e-3])
    out = adam.step(theta, grad)
    # m̂ = g and v̂ = g² after one step: the move is lr·g/(|g| + ε) ≈ lr·sign(g).
    np.testing.assert_allclose(out, theta - 0.01 * grad / (np.abs(grad) + 1e-8), rtol=1e-12)
    assert adam.t == 1


@pytest.mark.parametrize("make", [lambda: SGD(lr=0.1, momentum=0.9), lambda: Adam(lr=0.1)])
def test_frozen_entry_never_moves_even_after_it_had_gradient(make):
    optimizer = make()
    theta = np.zeros(4)
    trainable = np.array([1.0, 1.0, 1.0, 1.0])
    for _ in range(5):  # all trainable: entry 2 gathers momentum / moment estimates
        _, grad = _quadratic(theta)
        theta = optimizer.step(theta, grad, trainable)
    assert theta[2] != 0.0
    frozen_value = theta[2]
    trainable[2] = 0.0
    for _ in range(50):
        _, grad = _quadratic(theta)
        theta = optimizer.step(theta, grad, trainable)
        assert theta[2] == frozen_value
    assert abs(theta[0] - MINIMUM[0]) < abs(0.0 - MINIMUM[0])  # the others still learn


def test_train_steps_lowers_the_mlp_loss_and_respects_frozen_parameters():
    X, y = sine_data(200)
    net = MLP()
    net.set_flat(presets.random_params(0))
    trainable = np.ones(net.n_params)
    frozen = net.param_index("w2_3_4")
    trainable[frozen] = 0.0
    before = net.get_flat()
    start_loss = net.loss_and_gradient(X, y)[0]
    history = train_steps(net, X, y, Adam(lr=0.01), steps=300, trainable=trainable)
    assert len(history) == 300
    assert history[0] == start_loss  # the loss before each step
    assert net.loss_and_gradient(X, y)[0] < 0.5 * start_loss
    assert net.get_flat()[frozen] == before[frozen]
    assert np.count_nonzero(net.get_flat() != before) >= 30  # (dead ReLUs stay put)


def test_train_steps_refuses_a_step_to_infinity_and_keeps_the_model():
    X, y = sine_data(50)
    net = MLP()
    net.set_flat(presets.hand_tuned_sine())
    before = net.get_flat()
    far_target = 1e10 * y  # gradients of about 1e10: lr·g overflows to ±inf
    with np.errstate(over="ignore", invalid="ignore"), pytest.raises(ValueError, match="finite"):
        train_steps(net, X, far_target, SGD(lr=1e300), steps=3)
    np.testing.assert_array_equal(net.get_flat(), before)
