"""engine.datasets (post 000's beans, NNFS's spiral), engine.targets and the
sine-fit presets of engine.presets."""

import inspect

import numpy as np
import pytest
import reference_post000 as post

from engine import presets
from engine.datasets import get_beans, spiral_data
from engine.network import MLP
from engine.targets import TARGETS, sine_data, sketch_target

KNOTS = np.arange(9) / 8


def _post_beans(counts: int, seed: int):
    np.random.seed(seed)
    return post.get_beans(counts)


def _signature(fn) -> list[tuple[str, object]]:
    return [(p.name, p.default) for p in inspect.signature(fn).parameters.values()]


def test_public_signatures():
    empty = inspect.Parameter.empty
    assert _signature(get_beans) == [("counts", empty), ("rng", None)]
    assert _signature(spiral_data) == [("samples", empty), ("classes", empty), ("rng", None)]
    assert _signature(sine_data) == [("samples", 1000)]


# --- beans -----------------------------------------------------------------

@pytest.mark.parametrize(("counts", "seed"), [(100, 0), (100, 1), (100, 42), (7, 3), (1000, 9)])
def test_get_beans_equals_the_post_bit_for_bit(counts, seed):
    xs, ys = get_beans(counts, np.random.RandomState(seed))
    ref_xs, ref_ys = _post_beans(counts, seed)
    assert xs.tobytes() == ref_xs.tobytes()
    assert ys.tobytes() == ref_ys.tobytes()
    assert xs.dtype == ys.dtype == np.float64


@pytest.mark.parametrize("rng", [0, 123, np.random.default_rng(5), np.random.RandomState(6)])
def test_beans_are_sorted_and_labelled_by_the_fuzzy_boundary(rng):
    xs, ys = get_beans(2000, rng)
    assert xs.shape == ys.shape == (2000,)
    assert np.all(np.diff(xs) >= 0)
    assert np.all((xs >= 0) & (xs < 1))
    assert set(np.unique(ys)) <= {0.0, 1.0}
    # 0.7x + noise + 0.5 > 0.8 with noise in (−0.01, 0.01]: x = 3/7 ± 1/70.
    assert np.all(ys[xs > 3 / 7 + 1 / 70] == 1)
    assert np.all(ys[xs < 3 / 7 - 1 / 70] == 0)


def test_beans_int_seed_is_reproducible_and_seeds_differ():
    a, b, c = get_beans(50, 1), get_beans(50, 1), get_beans(50, 2)
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    assert not np.array_equal(a[0], c[0])


def test_bad_bean_arguments():
    with pytest.raises(ValueError):
        get_beans(0)
    with pytest.raises(TypeError, match="rng"):
        get_beans(10, rng="seed")


# --- spiral ----------------------------------------------------------------

def _nnfs_spiral(samples, classes):
    """nnfs.datasets.spiral_data, transcribed from the nnfs package."""
    X = np.zeros((samples * classes, 2))
    y = np.zeros(samples * classes, dtype="uint8")
    for class_number in range(classes):
        ix = range(samples * class_number, samples * (class_number + 1))
        r = np.linspace(0.0, 1, samples)
        t = (np.linspace(class_number * 4, (class_number + 1) * 4, samples)
             + np.random.randn(samples) * 0.2)
        X[ix] = np.c_[r * np.sin(t * 2.5), r * np.cos(t * 2.5)]
        y[ix] = class_number
    return X, y


def test_spiral_shapes_and_label_blocks():
    X, y = spiral_data(100, 3, rng=0)
    assert X.shape == (300, 2)
    assert y.shape == (300,)
    np.testing.assert_array_equal(y, np.repeat([0, 1, 2], 100))
    # r = linspace(0, 1): each arm starts at the origin and ends on the unit circle.
    np.testing.assert_array_equal(X[[0, 100, 200]], 0.0)
    np.testing.assert_allclose(np.hypot(*X[[99, 199, 299]].T), 1.0, rtol=1e-15)
    np.testing.assert_allclose(np.hypot(*X[:100].T), np.linspace(0, 1, 100), atol=1e-15)


def test_spiral_equals_nnfs_after_seeding():
    np.random.seed(0)
    ref_X, ref_y = _nnfs_spiral(50, 4)
    X, y = spiral_data(50, 4, np.random.RandomState(0))
    np.testing.assert_array_equal(X, ref_X)
    np.testing.assert_array_equal(y, ref_y)


def test_spiral_rejects_empty_requests():
    with pytest.raises(ValueError):
        spiral_data(0, 3)
    with pytest.raises(ValueError):
        spiral_data(10, 0)


# --- targets ---------------------------------------------------------------

def test_sine_data_is_nnfs():
    X, y = sine_data()
    assert X.shape == y.shape == (1000, 1)
    np.testing.assert_array_equal(X[:, 0], np.arange(1000) / 1000)
    np.testing.assert_array_equal(y, np.sin(2 * np.pi * X))
    X, y = sine_data(8)
    np.testing.assert_array_equal(X[:, 0], np.arange(8) / 8)


def test_targets_catalogue():
    assert {"sine", "cosine", "abs", "step", "square", "triangle"} <= set(TARGETS)
    x = np.linspace(0, 1, 201)
    for key, target in TARGETS.items():
        assert target.key == key and target.label
        out = target.fn(x)
        assert out.shape == x.shape and np.all(np.isfinite(out))
    np.testing.assert_allclose(TARGETS["sine"].fn(x), np.sin(2 * np.pi * x), rtol=1e-15)
    np.testing.assert_allclose(TARGETS["cosine"].fn(x), np.cos(2 * np.pi * x), rtol=1e-15)
    np.testing.assert_allclose(TARGETS["abs"].fn([0, 0.25, 0.5, 1]), [1, 0.5, 0, 1])
    np.testing.assert_array_equal(TARGETS["step"].fn([0.2, 0.5, 0.8]), [0, 1, 1])
    np.testing.assert_array_equal(TARGETS["square"].fn([0.2, 0.7]), [1, -1])
    np.testing.assert_allclose(TARGETS["triangle"].fn([0, 0.25, 0.5, 0.75, 1]),
                               [0, 1, 0, -1, 0], atol=1e-15)


def test_sketch_target_interpolates_sorted_points():
    out = sketch_target([1.0, 0.0, 0.5], [0.0, 1.0, 2.0], [0.0, 0.25, 0.75, 2.0])
    np.testing.assert_allclose(out, [1.0, 1.5, 1.0, 0.0])
    for xs, ys in (([], []), ([0, 1], [1]), ([0, np.nan], [1, 2])):
        with pytest.raises(ValueError):
            sketch_target(xs, ys, [0.5])


# --- sine presets ----------------------------------------------------------

def _net(flat) -> MLP:
    net = MLP((1, 8, 8, 1))
    net.set_flat(flat)
    return net


def test_hand_tuned_sine_fits_sine_data():
    flat = presets.hand_tuned_sine()
    assert flat.shape == (97,)
    X, y = sine_data(1000)
    pred = _net(flat).predict(X[:, 0])
    assert np.mean((pred - y[:, 0]) ** 2) <= 0.005
    assert np.max(np.abs(pred - y[:, 0])) < 0.071


def test_hand_tuned_sine_is_linear_interpolation_at_knots():
    net = _net(presets.hand_tuned_sine())
    sine_at_knots = np.sin(2 * np.pi * KNOTS)
    # The weights carry three decimals, as typed by hand, hence 1e−4 and not 1e−12.
    np.testing.assert_allclose(net.predict(KNOTS), np.interp(KNOTS, KNOTS, sine_at_knots),
                               atol=1e-4)
    x = np.linspace(0, 1, 4001)
    np.testing.assert_allclose(net.predict(x), np.interp(x, KNOTS, sine_at_knots), atol=1e-4)
    # Between knots the net is exactly straight: ReLUs bend only at k/8.
    np.testing.assert_allclose(net.predict(x), np.interp(x, KNOTS, net.predict(KNOTS)),
                               atol=1e-12)


def test_hand_tuned_sine_follows_the_nnfs_pair_design():
    net = _net(presets.hand_tuned_sine())
    np.testing.assert_array_equal(net.layers[0].weights, np.ones((1, 8)))
    np.testing.assert_allclose(net.layers[0].biases, -KNOTS[:8].reshape(1, 8))
    np.testing.assert_array_equal(net.layers[1].weights, -np.eye(8))
    np.testing.assert_allclose(net.layers[1].biases, np.full((1, 8), 1 / 8))
    slopes = -8 * np.diff(np.sin(2 * np.pi * KNOTS))
    np.testing.assert_allclose(net.layers[2].weights[:, 0], slopes, atol=5e-4)
    assert net.get_param("b3_0") == 0.0


def test_guided_steps_match_the_sine_up_to_their_segment_end():
    steps = presets.guided_sine_steps()
    assert len(steps) == 8
    np.testing.assert_array_equal(steps[-1], presets.hand_tuned_sine())
    np.testing.assert_array_equal(steps[0], presets.nnfs_first_step())
    for n, flat in enumerate(steps, start=1):
        net = _net(flat)
        x = np.linspace(0, n / 8, 50 * n + 1)
        interp = np.interp(x, KNOTS, np.sin(2 * np.pi * KNOTS))
        np.testing.assert_allclose(net.predict(x), interp, atol=1e-3, err_msg=f"step {n}")
        assert np.max(np.abs(net.predict(x) - np.sin(2 * np.pi * x))) < 0.071
        if n < 8:  # beyond its segment the curve stays flat, waiting for the next pair
            tail = net.predict(np.linspace(n / 8, 1, 20))
            np.testing.assert_allclose(tail, tail[0], atol=1e-12)
            assert not np.allclose(tail, np.sin(2 * np.pi * np.linspace(n / 8, 1, 20)),
                                   atol=0.05)


def test_other_presets():
    assert set(presets.SINE_PRESETS) == {"hand_tuned", "nnfs_first_step", "random", "zeros"}
    np.testing.assert_array_equal(presets.zeros(), np.zeros(97))
    a, b = presets.random_params(3), presets.random_params(3)
    np.testing.assert_array_equal(a, b)
    net = _net(a)
    for layer in net.layers:
        np.testing.assert_array_equal(layer.biases, 0.0)
    assert np.all(net.layers[1].weights != 0)
    assert not np.array_equal(a, presets.random_params(4))
