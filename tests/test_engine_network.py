"""engine.network: Dense, MLP and Classifier — shapes, named and flat
parameters, and every gradient against central finite differences."""

import inspect
from itertools import pairwise

import numpy as np
import pytest
from helpers import FD_STEP, central_difference
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from engine import activations, datasets, presets
from engine.network import (
    HIDDEN_ACTIVATIONS,
    MLP,
    Classifier,
    Dense,
    layer_param_names,
    resize_params,
)


def _expected_names_1_8_8_1() -> list[str]:
    """The issue's list, spelled out layer by layer."""
    return ([f"w1_0_{j}" for j in range(8)] + [f"b1_{j}" for j in range(8)]
            + [f"w2_{i}_{j}" for i in range(8) for j in range(8)] + [f"b2_{j}" for j in range(8)]
            + [f"w3_{i}_0" for i in range(8)] + ["b3_0"])


def _random_mlp(seed: int, activation: str = "relu") -> MLP:
    net = MLP(hidden_activation=activation)
    net.set_flat(np.random.default_rng(seed).normal(0, 1, net.n_params))
    return net


def _kink_distance(net: MLP, x: np.ndarray) -> float:
    """Smallest |pre-activation| of any hidden neuron at any sample."""
    outputs = net.layer_outputs(x.reshape(-1, 1))[:-1]
    return min(float(np.min(np.abs(out["z"]))) for out in outputs)


# --- the public API ----------------------------------------------------------

def _signature(fn) -> list[tuple[str, object]]:
    return [(p.name, p.default) for p in inspect.signature(fn).parameters.values()]


def test_public_signatures():
    empty = inspect.Parameter.empty
    assert _signature(Dense) == [("n_inputs", empty), ("n_neurons", empty), ("rng", None)]
    assert _signature(MLP) == [("sizes", (1, 8, 8, 1)), ("hidden_activation", "relu"),
                               ("rng", None)]
    for method in ("forward", "predict", "param_names", "get_flat", "set_flat", "get_param",
                   "set_param", "loss_and_gradient", "layer_outputs", "contributions",
                   "kinks"):
        assert callable(getattr(MLP, method))
    for method in ("forward", "backward"):
        assert callable(getattr(Dense, method))
    for method in ("predict", "predict_proba", "loss_and_gradient", "param_names",
                   "get_flat", "set_flat"):
        assert callable(getattr(Classifier, method))


# --- Dense -----------------------------------------------------------------

def test_dense_shapes_and_nnfs_initialisation():
    layer = Dense(2, 3, rng=np.random.RandomState(0))
    assert layer.weights.shape == (2, 3)
    assert layer.biases.shape == (1, 3)
    np.testing.assert_array_equal(layer.weights, 0.01 * np.random.RandomState(0).randn(2, 3))
    np.testing.assert_array_equal(layer.biases, np.zeros((1, 3)))


def test_dense_forward_is_inputs_times_weights_plus_biases():
    rng = np.random.default_rng(0)
    layer = Dense(4, 3, rng=rng)
    layer.biases[...] = rng.normal(size=(1, 3))
    X = rng.normal(size=(5, 4))
    np.testing.assert_allclose(layer.forward(X), X @ layer.weights + layer.biases, rtol=1e-15)


def test_dense_backward_matches_finite_differences():
    rng = np.random.default_rng(1)
    layer = Dense(3, 4, rng=rng)
    layer.biases[...] = rng.normal(size=(1, 4))
    X = rng.normal(size=(6, 3))
    upstream = rng.normal(size=(6, 4))  # L = Σ upstream · output, so ∂L/∂output = upstream
    layer.forward(X)
    layer.backward(upstream)

    def loss_weights(w):
        return float(np.sum(upstream * (X @ w.reshape(3, 4) + layer.biases)))

    def loss_biases(b):
        return float(np.sum(upstream * (X @ layer.weights + b)))

    def loss_inputs(x):
        return float(np.sum(upstream * (x.reshape(6, 3) @ layer.weights + layer.biases)))

    np.testing.assert_allclose(layer.dweights.ravel(),
                               central_difference(loss_weights, layer.weights.ravel()),
                               rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(layer.dbiases.ravel(),
                               central_difference(loss_biases, layer.biases.ravel()),
                               rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(layer.dinputs.ravel(), central_difference(loss_inputs, X.ravel()),
                               rtol=1e-6, atol=1e-8)


# --- MLP structure and forward pass ---------------------------------------

def test_mlp_defaults_and_layer_shapes():
    net = MLP()
    assert net.sizes == (1, 8, 8, 1)
    assert net.hidden_activation == "relu"
    assert [layer.weights.shape for layer in net.layers] == [(1, 8), (8, 8), (8, 1)]
    assert [layer.biases.shape for layer in net.layers] == [(1, 8), (1, 8), (1, 1)]
    assert all(isinstance(layer, Dense) for layer in net.layers)


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid"])
def test_forward_is_hidden_activation_then_linear_output(activation):
    net = _random_mlp(2, activation)
    x = np.linspace(-1, 2, 40)
    f = activations.ACTIVATIONS[activation].fn
    W = [layer.weights for layer in net.layers]
    b = [layer.biases for layer in net.layers]
    X = x.reshape(-1, 1)
    expected = f(f(X @ W[0] + b[0]) @ W[1] + b[1]) @ W[2] + b[2]
    out = net.forward(X)
    assert out.shape == (40, 1)
    np.testing.assert_allclose(out, expected, rtol=1e-13, atol=1e-13)
    prediction = net.predict(x)
    assert prediction.shape == (40,)
    np.testing.assert_allclose(prediction, expected[:, 0], rtol=1e-13, atol=1e-13)


def test_layer_outputs_hold_pre_and_post_activations():
    net = _random_mlp(3)
    x = np.linspace(0, 1, 11)
    outs = net.layer_outputs(x)
    assert len(outs) == 3
    assert [o["z"].shape for o in outs] == [(11, 8), (11, 8), (11, 1)]
    for hidden in outs[:2]:
        np.testing.assert_array_equal(hidden["a"], np.maximum(0, hidden["z"]))
    np.testing.assert_array_equal(outs[-1]["a"], outs[-1]["z"])
    np.testing.assert_allclose(outs[-1]["a"][:, 0], net.predict(x), rtol=1e-15)


def test_contributions_sum_to_the_prediction():
    net = _random_mlp(4)
    x = np.linspace(0, 1, 101)
    parts = net.contributions(x)
    assert parts.shape == (101, 8)
    hidden = net.layer_outputs(x)[1]["a"]
    np.testing.assert_allclose(parts, hidden * net.layers[2].weights[:, 0], rtol=1e-15)
    np.testing.assert_allclose(parts.sum(1) + net.get_param("b3_0"), net.predict(x),
                               rtol=1e-12, atol=1e-12)


def test_kinks_are_minus_b_over_w_and_nan_for_zero_weight():
    net = MLP()
    weights = np.array([1.0, -2.0, 0.5, 0.0, 4.0, -0.25, 0.0, 1.0])
    biases = np.array([-0.5, 1.0, 0.25, 3.0, -1.0, 0.0, 0.0, 0.0])
    for j in range(8):
        net.set_param(f"w1_0_{j}", weights[j])
        net.set_param(f"b1_{j}", biases[j])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        kinks = net.kinks()
    expected = [0.5, 0.5, -0.5, np.nan, 0.25, 0.0, np.nan, 0.0]
    np.testing.assert_array_equal(np.isnan(kinks), np.isnan(expected))
    np.testing.assert_allclose(kinks[~np.isnan(kinks)], np.array(expected)[~np.isnan(expected)])
    # The first-layer ReLU really bends there: its pre-activation is zero.
    live = ~np.isnan(kinks)
    np.testing.assert_allclose(weights[live] * kinks[live] + biases[live], 0.0, atol=1e-15)


# --- named and flat parameters --------------------------------------------

def test_param_names_in_the_issue_order():
    names = MLP().param_names()
    assert len(names) == 97
    assert names == _expected_names_1_8_8_1()
    assert names[:3] == ["w1_0_0", "w1_0_1", "w1_0_2"]
    assert names[8:10] == ["b1_0", "b1_1"]
    assert names[16:19] == ["w2_0_0", "w2_0_1", "w2_0_2"]  # row-major: input neuron first
    assert names[24] == "w2_1_0"
    assert names[-3:] == ["w3_6_0", "w3_7_0", "b3_0"]


def test_each_name_addresses_its_array_element():
    net = MLP()
    for k, name in enumerate(net.param_names()):
        net.set_param(name, 1000.0 + k)
    for k, name in enumerate(net.param_names()):
        kind, layer, *index = name[0], *map(int, name[1:].split("_"))
        if kind == "w":
            assert net.layers[layer - 1].weights[index[0], index[1]] == 1000.0 + k
        else:
            assert net.layers[layer - 1].biases[0, index[0]] == 1000.0 + k
        assert net.get_param(name) == 1000.0 + k
    np.testing.assert_array_equal(net.get_flat(), 1000.0 + np.arange(97))


def test_set_flat_fills_in_name_order():
    net = MLP()
    net.set_flat(np.arange(97.0))
    assert net.get_param("w1_0_7") == 7
    assert net.get_param("b1_0") == 8
    assert net.get_param("w2_0_1") == 17
    assert net.get_param("w2_1_0") == 24
    assert net.get_param("w3_0_0") == 88
    assert net.get_param("b3_0") == 96
    assert net.layers[1].weights[2, 5] == net.param_index("w2_2_5") == 16 + 2 * 8 + 5


def test_classifier_param_names():
    names = Classifier(n_inputs=2, hidden=(3,), n_classes=3).param_names()
    assert names == (["w1_0_0", "w1_0_1", "w1_0_2", "w1_1_0", "w1_1_1", "w1_1_2",
                      "b1_0", "b1_1", "b1_2"]
                     + [f"w2_{i}_{j}" for i in range(3) for j in range(3)]
                     + ["b2_0", "b2_1", "b2_2"])


@pytest.mark.parametrize("values", [np.zeros(96), np.zeros(98), np.zeros((97, 1)), [],
                                    np.r_[np.zeros(96), np.nan], np.r_[np.zeros(96), np.inf],
                                    np.r_[-np.inf, np.zeros(96)]])
def test_set_flat_rejects_bad_vectors_and_leaves_the_network_unchanged(values):
    net = _random_mlp(5)
    before = net.get_flat()
    prediction = net.predict(np.linspace(0, 1, 7))
    with pytest.raises(ValueError) as info:
        net.set_flat(values)
    assert str(info.value)
    np.testing.assert_array_equal(net.get_flat(), before)
    np.testing.assert_array_equal(net.predict(np.linspace(0, 1, 7)), prediction)


@pytest.mark.parametrize(("name", "value"), [
    ("w4_0_0", 1.0), ("w1_0_8", 1.0), ("b1_8", 1.0), ("w1_1_0", 1.0), ("w2_0", 1.0),
    ("bias", 1.0), ("", 1.0), ("b3_0", float("nan")), ("w2_3_4", float("inf")),
    ("w1_0_0", -float("inf")),
])
def test_set_param_rejects_unknown_names_and_non_finite_values(name, value):
    net = _random_mlp(6)
    before = net.get_flat()
    with pytest.raises(ValueError, match=r"\S"):
        net.set_param(name, value)
    np.testing.assert_array_equal(net.get_flat(), before)


def test_get_param_rejects_unknown_names():
    with pytest.raises(ValueError, match="unknown"):
        MLP().get_param("w9_0_0")


@settings(max_examples=40, deadline=None)
@given(hnp.arrays(np.float64, 97, elements=st.floats(-1e6, 1e6)))
def test_set_flat_of_get_flat_is_identity(values):
    net = MLP()
    net.set_flat(values)
    flat = net.get_flat()
    np.testing.assert_array_equal(flat, values)
    twin = MLP()
    twin.set_flat(flat)
    np.testing.assert_array_equal(twin.get_flat(), flat)
    np.testing.assert_array_equal(twin.predict([0.0, 0.5]), net.predict([0.0, 0.5]))


def test_bad_construction_is_a_value_error():
    with pytest.raises(ValueError):
        MLP(sizes=(1,))
    with pytest.raises(ValueError):
        MLP(sizes=(1, 0, 1))
    with pytest.raises(ValueError, match="activation"):
        MLP(hidden_activation="swish")


# --- gradients -------------------------------------------------------------

def _backprop_and_differences(net: MLP, x, y) -> tuple[float, float, np.ndarray, np.ndarray]:
    """(loss from the engine, MSE recomputed here, backprop's gradient, central
    differences of the recomputed MSE); the network is left as it was."""
    theta = net.get_flat()
    loss, grad = net.loss_and_gradient(x, y)

    def loss_at(values):
        net.set_flat(values)
        return float(np.mean((net.predict(x) - y) ** 2))

    direct = loss_at(theta)
    numeric = central_difference(loss_at, theta)
    net.set_flat(theta)
    return loss, direct, grad, numeric


@pytest.mark.parametrize(("seed", "activation"), [(7, "relu"), (8, "relu"), (9, "tanh")])
def test_mlp_gradient_matches_central_differences(seed, activation):
    net = _random_mlp(seed, activation)
    x = np.linspace(0.013, 0.987, 25)
    y = np.sin(2 * np.pi * x)
    if activation == "relu":  # a kink within h of a sample would spoil the difference
        assert _kink_distance(net, x) > 100 * FD_STEP
    loss, direct, grad, numeric = _backprop_and_differences(net, x, y)
    assert loss == pytest.approx(direct, rel=1e-14)
    assert grad.shape == (97,)
    assert np.count_nonzero(np.abs(grad) > 1e-6) > 30  # a real test, not zeros against zeros
    np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-8)


def test_classifier_gradient_matches_central_differences():
    rng = np.random.default_rng(10)
    X, y = datasets.spiral_data(20, 3, rng)
    net = Classifier(n_inputs=2, hidden=(5,), n_classes=3)
    net.set_flat(rng.normal(0, 1, net.n_params))
    assert min(float(np.min(np.abs(out["z"]))) for out in net.layer_outputs(X)[:-1]) > 100 * FD_STEP
    theta = net.get_flat()
    loss, grad = net.loss_and_gradient(X, y)

    def loss_at(values):
        net.set_flat(values)
        proba = net.predict_proba(X)
        return float(np.mean(-np.log(proba[np.arange(len(y)), y])))

    assert loss == pytest.approx(loss_at(theta), rel=1e-12)
    numeric = central_difference(loss_at, theta)
    net.set_flat(theta)
    np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-8)
    one_hot = np.eye(3)[y]
    loss_1h, grad_1h = net.loss_and_gradient(X, one_hot)
    assert loss_1h == pytest.approx(loss, rel=1e-15)
    np.testing.assert_allclose(grad_1h, grad, rtol=1e-14, atol=1e-16)


def test_mlp_loss_is_mean_squared_error():
    net = _random_mlp(11)
    x = np.linspace(0, 1, 9)
    y = np.cos(x)
    loss, _ = net.loss_and_gradient(x, y)
    assert loss == pytest.approx(np.mean((net.predict(x) - y) ** 2), rel=1e-14)


# --- post 004's spiral demo ------------------------------------------------

def test_nnfs_demo_first_rows_are_one_third():
    rs = np.random.RandomState(0)  # nnfs.init() seeds NumPy's global generator with 0
    X, _ = datasets.spiral_data(100, 3, rs)
    net = Classifier(rng=rs)
    out = net.predict_proba(X)
    assert out.shape == (300, 3)
    printed = [[0.33333334, 0.33333334, 0.33333334],
               [0.33333316, 0.3333332, 0.33333367],
               [0.3333329, 0.33333293, 0.3333342],
               [0.3333326, 0.33333263, 0.33333474],
               [0.3333323, 0.33333242, 0.33333525]]
    # NNFS computes in float32; the engine in float64 agrees to float32 precision.
    np.testing.assert_allclose(out[:5], printed, atol=1e-7)
    np.testing.assert_allclose(out[:5], 1 / 3, atol=1e-5)
    np.testing.assert_allclose(out.sum(axis=1), 1.0, atol=1e-15)
    assert net.predict(X).shape == (300,)


# --- issue 12: the exact loss for the loss label ---------------------------------

def test_classifier_exact_loss_is_the_log_sum_exp_cross_entropy():
    rng = np.random.default_rng(21)
    X, y = datasets.spiral_data(30, 3, rng)
    net = Classifier(n_inputs=2, hidden=(8,), n_classes=3)
    net.set_flat(rng.normal(0, 1, net.n_params))
    logits = net.layer_outputs(X)[-1]["z"]
    by_hand = np.mean([np.log(np.sum(np.exp(row))) - row[label]
                       for row, label in zip(logits, y, strict=True)])
    assert net.exact_loss(X, y) == pytest.approx(by_hand, rel=1e-13)
    assert net.exact_loss(X, np.eye(3)[y]) == pytest.approx(by_hand, rel=1e-13)
    clipped, _ = net.loss_and_gradient(X, y)
    assert clipped == pytest.approx(by_hand, rel=1e-9)  # no probability near the clip here
    # A sure, wrong network: NNFS's clip caps each sample at −log(1e−7) ≈ 16.12.
    net.set_flat(np.zeros(net.n_params))
    net.set_param("b2_0", 100.0)
    wrong = y != 0
    assert net.exact_loss(X[wrong], y[wrong]) == pytest.approx(100.0, rel=1e-12)
    assert net.loss_and_gradient(X[wrong], y[wrong])[0] == pytest.approx(-np.log(1e-7))


# --- issue 16: any shape, four hidden activations ---------------------------------

def test_the_four_hidden_activations_are_in_the_catalogue():
    assert HIDDEN_ACTIVATIONS == ("relu", "leaky_relu", "tanh", "sigmoid")
    for key in HIDDEN_ACTIVATIONS:
        assert key in activations.ACTIVATIONS and not activations.ACTIVATIONS[key].random


def _scaled_mlp(sizes, activation, seed) -> MLP:
    """Weights N(0, 1/fan-in) and biases N(0, 0.5²): outputs of order 1 at
    any width, so the finite difference is not drowned in rounding."""
    net = MLP(sizes, activation)
    rng = np.random.default_rng(seed)
    for layer in net.layers:
        layer.weights[...] = rng.normal(0, 1 / np.sqrt(layer.weights.shape[0]),
                                        layer.weights.shape)
        layer.biases[...] = rng.normal(0, 0.5, layer.biases.shape)
    return net


def _check_gradient(sizes, activation, seed) -> bool:
    """Backprop against central differences; False when a ReLU-like kink
    lies within the step of a sample (the difference would straddle it)."""
    net = _scaled_mlp(sizes, activation, seed)
    x = np.linspace(0.013, 0.987, 17)
    y = np.sin(2 * np.pi * x)
    if activation in ("relu", "leaky_relu") and _kink_distance(net, x) <= 100 * FD_STEP:
        return False
    loss, direct, grad, numeric = _backprop_and_differences(net, x, y)
    assert loss == pytest.approx(direct, rel=1e-13)
    assert grad.shape == (net.n_params,) == (len(net.param_names()),)
    np.testing.assert_allclose(grad, numeric, rtol=1e-5, atol=1e-8 * max(1.0, loss))
    return True


@pytest.mark.parametrize("activation", HIDDEN_ACTIVATIONS)
@pytest.mark.parametrize("sizes", [(1, 1, 1), (1, 4, 1), (1, 8, 8, 1), (1, 3, 16, 2, 1),
                                   (1, 16, 16, 16, 1)])
def test_backprop_matches_finite_differences_for_every_shape(sizes, activation):
    assert any(_check_gradient(sizes, activation, seed) for seed in range(5))


hidden_sizes = st.lists(st.integers(1, 16), min_size=1, max_size=3)


@settings(max_examples=40, deadline=None)
@given(hidden_sizes, st.sampled_from(HIDDEN_ACTIVATIONS), st.integers(0, 2**32 - 1))
def test_backprop_matches_finite_differences_hypothesis(hidden, activation, seed):
    assume(_check_gradient((1, *hidden, 1), activation, seed))


def _names_spelled_out(sizes) -> list[str]:
    names = []
    for layer in range(1, len(sizes)):
        for i in range(sizes[layer - 1]):
            names += [f"w{layer}_{i}_{j}" for j in range(sizes[layer])]
        names += [f"b{layer}_{j}" for j in range(sizes[layer])]
    return names


@settings(max_examples=40, deadline=None)
@given(hidden_sizes)
def test_param_names_are_row_major_layer_by_layer_at_any_depth(hidden):
    sizes = (1, *hidden, 1)
    net = MLP(sizes)
    names = net.param_names()
    assert names == _names_spelled_out(sizes) == layer_param_names(sizes)
    assert len(names) == net.n_params == sum((a + 1) * b for a, b in pairwise(sizes))
    net.set_flat(np.arange(net.n_params, dtype=float))
    for k, name in enumerate(names):  # each name addresses its array element
        kind, layer, *index = name[0], *map(int, name[1:].split("_"))
        array = net.layers[layer - 1].weights if kind == "w" else net.layers[layer - 1].biases[0]
        assert array[tuple(index)] == k == net.get_param(name) == net.param_index(name)
    assert "row-major" in MLP.param_names.__doc__ and "w<L>_<i>_<j>" in MLP.param_names.__doc__


# --- issue 16: carrying weights across a shape change ------------------------------

def _hand_tuned() -> MLP:
    net = MLP()
    net.set_flat(presets.hand_tuned_sine())
    return net


def test_resize_keeps_what_both_shapes_name_and_starts_the_rest_small():
    old = _hand_tuned()
    before = old.get_flat()
    new = resize_params(old, (1, 9, 4, 8, 1), "tanh", rng=5)
    assert isinstance(new, MLP) and new.sizes == (1, 9, 4, 8, 1)
    assert new.hidden_activation == "tanh"
    shared = set(old.param_names()) & set(new.param_names())
    assert len(shared) == 8 + 8 + 8 * 4 + 4 + 4 * 1 + 1  # w1, b1, w2[:, :4], b2[:4], w3_i_0, b3_0
    for name in new.param_names():
        if name in shared:
            assert new.get_param(name) == old.get_param(name), name
        else:
            assert abs(new.get_param(name)) < 0.06, name  # N(0, 0.01²): 6 σ
    fresh = [new.get_param(n) for n in new.param_names() if n not in shared]
    assert np.std(fresh) == pytest.approx(0.01, rel=0.3)
    np.testing.assert_array_equal(old.get_flat(), before)  # the old network is untouched


def test_resize_is_seeded():
    old = _hand_tuned()
    a = resize_params(old, (1, 16, 16, 16, 1), "relu", rng=1)
    b = resize_params(old, (1, 16, 16, 16, 1), "relu", rng=1)
    c = resize_params(old, (1, 16, 16, 16, 1), "relu", rng=2)
    np.testing.assert_array_equal(a.get_flat(), b.get_flat())
    assert not np.array_equal(a.get_flat(), c.get_flat())
    gen = np.random.default_rng(7)
    d = resize_params(old, (1, 3, 1), "relu", rng=np.random.default_rng(7))
    np.testing.assert_array_equal(d.get_flat(), resize_params(old, (1, 3, 1), "relu", gen)
                                  .get_flat())


def test_resize_to_the_same_shape_is_a_copy():
    old = _hand_tuned()
    same = resize_params(old, old.sizes, "relu", rng=0)
    assert same is not old
    np.testing.assert_array_equal(same.get_flat(), old.get_flat())
    same.set_param("w1_0_0", 3.0)
    assert old.get_param("w1_0_0") == 1.0


def test_widening_a_layer_barely_moves_the_curve():
    old = _hand_tuned()
    x = np.linspace(0, 1, 201)
    for sizes in [(1, 9, 8, 1), (1, 8, 9, 1), (1, 16, 16, 1)]:
        new = resize_params(old, sizes, "relu", rng=3)
        assert np.max(np.abs(new.predict(x) - old.predict(x))) < 0.01, sizes
    narrower = resize_params(old, (1, 4, 4, 1), "relu", rng=3)  # drops neurons: a real change
    assert narrower.param_names() == layer_param_names((1, 4, 4, 1))
    assert all(narrower.get_param(n) == old.get_param(n) for n in narrower.param_names())


@settings(max_examples=40, deadline=None)
@given(hidden_sizes, hidden_sizes, st.sampled_from(HIDDEN_ACTIVATIONS), st.integers(0, 99))
def test_resize_between_any_two_shapes(old_hidden, new_hidden, activation, seed):
    old = _scaled_mlp((1, *old_hidden, 1), "relu", seed)
    new = resize_params(old, (1, *new_hidden, 1), activation, rng=seed)
    assert new.sizes == (1, *new_hidden, 1) and new.hidden_activation == activation
    old_names = set(old.param_names())
    for name in new.param_names():
        if name in old_names:
            assert new.get_param(name) == old.get_param(name)
        else:
            assert abs(new.get_param(name)) < 0.1
    assert np.all(np.isfinite(new.predict([0.0, 0.5, 1.0])))


@pytest.mark.parametrize(("sizes", "activation"), [((1,), "relu"), ((1, 0, 1), "relu"),
                                                     ((1, 4, 1), "swish")])
def test_resize_refuses_a_bad_shape(sizes, activation):
    with pytest.raises(ValueError):
        resize_params(MLP(), sizes, activation)
