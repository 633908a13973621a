"""engine.bean_sgd against post 000's loop (tests/reference_post000.py), the
chain rule by hand, divergence handling and the batch modes."""

import inspect
import math
import warnings

import numpy as np
import pytest
import reference_post000 as post

from engine.bean_sgd import DIVERGENCE_LIMIT, BeanTrainer, cost_surface
from engine.datasets import get_beans

REL = 1e-12


def _beans(seed: int, counts: int = 100):
    return get_beans(counts, np.random.RandomState(seed))


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _mse(xs, ys, w, b, activation="sigmoid"):
    z = w * xs + b
    a = _sigmoid(z) if activation == "sigmoid" else z
    return float(np.mean((ys - a) ** 2))


@pytest.fixture(scope="module")
def post_runs():
    """The transcribed loop, 5000 epochs, on three bean sets (about 2 s)."""
    runs = {}
    for seed in (0, 1, 2):
        xs, ys = _beans(seed)
        runs[seed] = (xs, ys, *post.train(xs, ys, epochs=5000))
    return runs


# --- the public API ----------------------------------------------------------

def test_public_signatures_and_members():
    empty = inspect.Parameter.empty
    params = inspect.signature(BeanTrainer).parameters.values()
    assert [(p.name, p.default) for p in params] == [
        ("xs", empty), ("ys", empty), ("w", 0.1), ("b", 0.1), ("lr", 0.01),
        ("activation", "sigmoid"), ("mode", "sample"), ("batch_size", None)]
    params = inspect.signature(cost_surface).parameters.values()
    assert [(p.name, p.default) for p in params] == [
        ("xs", empty), ("ys", empty), ("w_grid", empty), ("b_grid", empty),
        ("activation", "sigmoid")]
    xs, ys = _beans(0)
    trainer = BeanTrainer(xs, ys)
    np.testing.assert_array_equal(trainer.xs, xs)  # the data as given, in bean order
    np.testing.assert_array_equal(trainer.ys, ys)
    assert (trainer.w, trainer.b, trainer.epoch, trainer.diverged) == (0.1, 0.1, 0, False)
    for method in ("step_sample", "run_epoch", "run_epochs", "predict", "loss", "reset"):
        assert callable(getattr(trainer, method))


def test_same_data_give_identical_results():
    xs, ys = _beans(11)
    first, second = BeanTrainer(xs, ys), BeanTrainer(xs.copy(), ys.copy())
    first.run_epochs(300)
    second.run_epochs(300)
    assert (first.w, first.b) == (second.w, second.b)


# --- exact reproduction of the post ----------------------------------------

@pytest.mark.parametrize("seed", [0, 1, 2])
def test_5000_epochs_equal_the_post_loop(post_runs, seed):
    xs, ys, w, b, frames = post_runs[seed]
    trainer = BeanTrainer(xs, ys)
    assert trainer.run_epochs(5000) == 5000
    assert trainer.epoch == 5000 and not trainer.diverged
    assert trainer.w == pytest.approx(float(w), rel=REL)
    assert trainer.b == pytest.approx(float(b), rel=REL)
    # The post redraws after epochs 1, 101, …, 4901: 50 frames, each the same (w, b).
    history = trainer.history
    assert len(frames) == 50
    for k, (fw, fb) in enumerate(frames):
        epoch, hw, hb, _ = history[100 * k + 1]
        assert epoch == 100 * k + 1
        assert hw == pytest.approx(float(fw), rel=REL)
        assert hb == pytest.approx(float(fb), rel=REL)


def test_final_boundary_is_near_three_sevenths(post_runs):
    for xs, ys, *_ in post_runs.values():
        trainer = BeanTrainer(xs, ys)
        trainer.run_epochs(5000)
        assert 15 < trainer.w < 19 and -8 < trainer.b < -6.5
        assert -trainer.b / trainer.w == pytest.approx(0.43, abs=0.006)
        assert trainer.predict(-trainer.b / trainer.w) == pytest.approx(0.5)


def test_other_bean_count_and_start_equal_the_post_loop():
    xs, ys = _beans(5, counts=37)
    w, b, _ = post.train(xs, ys, epochs=400, w=-1.0, b=2.0, alpha=0.05)
    trainer = BeanTrainer(xs, ys, w=-1.0, b=2.0, lr=0.05)
    trainer.run_epochs(400)
    assert trainer.w == pytest.approx(float(w), rel=REL)
    assert trainer.b == pytest.approx(float(b), rel=REL)


def test_single_steps_and_epochs_mix_and_still_equal_the_post():
    xs, ys = _beans(3)
    w, b, _ = post.train(xs, ys, epochs=30)
    trainer = BeanTrainer(xs, ys)
    for _ in range(150):  # one and a half epochs, bean by bean
        assert trainer.step_sample()
    assert (trainer.epoch, trainer.position) == (1, 50)
    assert trainer.run_epoch()  # finishes epoch 2 from bean 50
    assert (trainer.epoch, trainer.position) == (2, 0)
    assert trainer.run_epochs(28) == 28
    assert trainer.w == pytest.approx(float(w), rel=REL)
    assert trainer.b == pytest.approx(float(b), rel=REL)


@pytest.mark.parametrize("activation", ["sigmoid", "linear"])
def test_bean_by_bean_and_whole_epochs_give_the_same_bits(activation):
    xs, ys = _beans(12)
    by_epoch = BeanTrainer(xs, ys, lr=0.05, activation=activation)
    by_bean = BeanTrainer(xs, ys, lr=0.05, activation=activation)
    by_epoch.run_epochs(50)
    for _ in range(50 * len(xs)):
        assert by_bean.step_sample()
    assert (by_bean.w, by_bean.b, by_bean.epoch) == (by_epoch.w, by_epoch.b, 50)
    assert by_bean.history == by_epoch.history


def test_first_update_is_the_chain_rule_by_hand():
    xs, ys = np.array([0.25, 0.5, 0.75]), np.array([0.0, 1.0, 1.0])
    trainer = BeanTrainer(xs, ys)
    trainer.step_sample()
    # z = 0.1·0.25 + 0.1 = 0.125, a = σ(z); e = (0 − a)².
    a = 1 / (1 + math.exp(-0.125))
    assert a == pytest.approx(0.53120937, abs=1e-8)
    de_da = -2 * (0 - a)  # 1.06241875
    da_dz = a * (1 - a)  # 0.24902598
    de_dw = de_da * da_dz * 0.25
    de_db = de_da * da_dz * 1
    assert trainer.w == pytest.approx(0.1 - 0.01 * de_dw, rel=1e-15)
    assert trainer.b == pytest.approx(0.1 - 0.01 * de_db, rel=1e-15)
    # de/da·da/dz = 0.26456986: w = 0.1 − 0.01·0.26456986·0.25, b = 0.1 − 0.01·0.26456986.
    assert trainer.w == pytest.approx(0.09933858, abs=1e-8)
    assert trainer.b == pytest.approx(0.09735430, abs=1e-8)
    assert (trainer.epoch, trainer.position) == (0, 1)


def test_linear_neuron_step_by_hand():
    trainer = BeanTrainer([0.5], [1.0], w=0.2, b=0.3, lr=0.1, activation="linear")
    trainer.step_sample()
    g = -2 * (1.0 - (0.2 * 0.5 + 0.3))  # = −1.2, and da/dz = 1
    assert trainer.w == pytest.approx(0.2 - 0.1 * g * 0.5, rel=1e-15)
    assert trainer.b == pytest.approx(0.3 - 0.1 * g, rel=1e-15)
    assert trainer.epoch == 1  # one bean is a whole epoch


# --- history, loss, predict ------------------------------------------------

def test_history_and_loss():
    xs, ys = _beans(4)
    trainer = BeanTrainer(xs, ys)
    assert trainer.history == [(0, 0.1, 0.1, pytest.approx(_mse(xs, ys, 0.1, 0.1)))]
    trainer.run_epochs(20)
    history = trainer.history
    assert [row[0] for row in history] == list(range(21))
    for _, w, b, loss in history:
        assert loss == pytest.approx(_mse(xs, ys, w, b), rel=1e-14)
    assert history[-1][1:3] == (trainer.w, trainer.b)
    assert trainer.loss() == pytest.approx(history[-1][3], rel=1e-14)
    assert history[-1][3] < history[0][3]  # training lowers the squared error
    np.testing.assert_allclose(trainer.predict(xs), _sigmoid(trainer.w * xs + trainer.b),
                               rtol=1e-15)
    np.testing.assert_array_equal(trainer.history_array(), np.array(history, dtype=float))


def test_reset_returns_to_the_start():
    xs, ys = _beans(6)
    trainer = BeanTrainer(xs, ys, w=0.3, b=-0.2)
    trainer.run_epochs(3)
    trainer.step_sample()
    trainer.reset()
    assert (trainer.w, trainer.b, trainer.epoch, trainer.position) == (0.3, -0.2, 0, 0)
    assert len(trainer.history) == 1 and not trainer.diverged


# --- divergence --------------------------------------------------------------

def _linear_until_divergence(xs, ys, w, b, lr):
    """The linear neuron's per-bean loop; stops before the first update that
    would take w or b past the limit. Returns (w, b, index of that bean)."""
    for i, (x, y) in enumerate(zip(xs, ys, strict=True)):
        g = -2 * (y - (w * x + b))
        new_w, new_b = w - lr * (g * x), b - lr * g
        if not (abs(new_w) <= DIVERGENCE_LIMIT and abs(new_b) <= DIVERGENCE_LIMIT):
            return w, b, i
        w, b = new_w, new_b
    raise AssertionError("no divergence in the first epoch")


@pytest.mark.parametrize("drive", ["steps", "epochs"])
def test_linear_neuron_with_lr_100_diverges_and_stops(drive):
    xs, ys = _beans(0)
    trainer = BeanTrainer(xs, ys, lr=100, activation="linear")
    if drive == "steps":
        while trainer.step_sample():
            pass
    else:
        assert trainer.run_epochs(10) == 0
    last_w, last_b, bad = _linear_until_divergence(xs.tolist(), ys.tolist(), 0.1, 0.1, 100.0)
    assert trainer.diverged
    assert (trainer.epoch, trainer.position) == (0, bad)
    assert trainer.w == pytest.approx(last_w, rel=REL)
    assert trainer.b == pytest.approx(last_b, rel=REL)
    assert math.isfinite(trainer.w) and abs(trainer.b) <= DIVERGENCE_LIMIT
    state = (trainer.w, trainer.b, trainer.epoch, trainer.position)
    assert trainer.step_sample() is False
    assert trainer.run_epoch() is False
    assert trainer.run_epochs(5) == 0
    assert (trainer.w, trainer.b, trainer.epoch, trainer.position) == state
    trainer.reset()
    assert not trainer.diverged
    assert (trainer.w, trainer.b, trainer.epoch) == (0.1, 0.1, 0)
    assert trainer.step_sample()


def test_an_update_past_the_limit_counts_even_if_the_next_one_comes_back():
    # Bean 1 throws w to −1.8e6; bean 2's target is chosen to bring it back to
    # about 0.1 by the end of the epoch. The first update must stop the run.
    x, lr = 3000.0, 1.0
    g1 = -2 * (0.0 - (0.1 * x + 0.1))
    w1, b1 = 0.1 - lr * g1 * x, 0.1 - lr * g1
    assert abs(w1) > DIVERGENCE_LIMIT
    y2 = (w1 * x + b1) - (w1 - 0.1) / (2 * x * lr)
    by_steps = BeanTrainer([x, x], [0.0, y2], lr=lr, activation="linear")
    assert by_steps.step_sample() is False
    by_epoch = BeanTrainer([x, x], [0.0, y2], lr=lr, activation="linear")
    assert by_epoch.run_epoch() is False
    for trainer in (by_steps, by_epoch):
        assert trainer.diverged
        assert (trainer.w, trainer.b, trainer.epoch, trainer.position) == (0.1, 0.1, 0, 0)


def test_sigmoid_with_huge_learning_rate_saturates_without_error():
    xs, ys = _beans(0)
    trainer = BeanTrainer(xs, ys, lr=1e4)
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise",
                                                divide="raise"):
        warnings.simplefilter("error")
        assert trainer.run_epochs(30) == 30
        loss = trainer.loss()
        history = trainer.history
    assert not trainer.diverged
    assert math.isfinite(trainer.w) and math.isfinite(trainer.b)
    assert math.isfinite(loss) and all(math.isfinite(row[3]) for row in history)
    # Saturated: every bean sits on a flat part of the sigmoid, σ′ = e^−|z| / (1 + e^−|z|)².
    tail = np.exp(-np.abs(trainer.w * xs + trainer.b))
    assert np.all(tail / (1 + tail) ** 2 < 1e-3)


def test_sigmoid_far_in_the_tail_follows_numpy():
    # Where np.exp(−z) overflows to inf the post gets a = 0; just before, a tiny a.
    for z, expected_a in ((-800.0, 0.0), (-709.5, float(_sigmoid(np.float64(-709.5))))):
        trainer = BeanTrainer([1.0], [1.0], w=z, b=0.0, lr=1.0)
        assert trainer.step_sample()
        g = -2 * (1.0 - expected_a) * (expected_a * (1 - expected_a))
        assert trainer.w == z - g and trainer.b == -g


# --- batch modes -------------------------------------------------------------

def _mean_gradient(xs, ys, w, b):
    a = _sigmoid(w * xs + b)
    g = -2 * (ys - a) * a * (1 - a)
    return float(np.mean(g * xs)), float(np.mean(g))


def test_minibatch_step_averages_the_batch_gradient():
    xs, ys = _beans(7)
    trainer = BeanTrainer(xs, ys, mode="minibatch")
    assert trainer.batch_size == 10
    trainer.step_sample()
    gw, gb = _mean_gradient(xs[:10], ys[:10], 0.1, 0.1)
    assert trainer.w == pytest.approx(0.1 - 0.01 * gw, rel=1e-14)
    assert trainer.b == pytest.approx(0.1 - 0.01 * gb, rel=1e-14)
    assert (trainer.epoch, trainer.position) == (0, 10)
    w, b = trainer.w, trainer.b
    trainer.step_sample()
    gw, gb = _mean_gradient(xs[10:20], ys[10:20], w, b)
    assert trainer.w == pytest.approx(w - 0.01 * gw, rel=1e-14)


def test_minibatch_last_partial_batch_and_epoch_count():
    xs, ys = _beans(8)
    trainer = BeanTrainer(xs, ys, lr=0.5, mode="minibatch", batch_size=30)
    for _ in range(3):
        trainer.step_sample()
    assert trainer.position == 90
    w, b = trainer.w, trainer.b
    trainer.step_sample()  # beans 90..99: a batch of ten, averaged over ten
    gw, gb = _mean_gradient(xs[90:], ys[90:], w, b)
    assert trainer.w == pytest.approx(w - 0.5 * gw, rel=1e-14)
    assert trainer.b == pytest.approx(b - 0.5 * gb, rel=1e-14)
    assert (trainer.epoch, trainer.position) == (1, 0)


def test_batch_mode_is_one_averaged_step_per_epoch():
    xs, ys = _beans(9)
    trainer = BeanTrainer(xs, ys, lr=2.0, mode="batch")
    w, b = 0.1, 0.1
    for _ in range(5):
        gw, gb = _mean_gradient(xs, ys, w, b)
        w, b = w - 2.0 * gw, b - 2.0 * gb
    assert trainer.run_epochs(5) == 5
    assert trainer.w == pytest.approx(w, rel=1e-13)
    assert trainer.b == pytest.approx(b, rel=1e-13)
    assert [row[0] for row in trainer.history] == [0, 1, 2, 3, 4, 5]


# --- cost surface and validation ---------------------------------------------

@pytest.mark.parametrize("activation", ["sigmoid", "linear"])
def test_cost_surface_is_the_loss_at_each_point(activation):
    xs, ys = _beans(10)
    w_grid = np.array([-2.0, 0.1, 5.0, 16.0])
    b_grid = np.array([-7.0, 0.0, 0.1])
    surface = cost_surface(xs, ys, w_grid, b_grid, activation=activation)
    assert surface.shape == (3, 4)
    for i, b in enumerate(b_grid):
        for j, w in enumerate(w_grid):
            assert surface[i, j] == pytest.approx(_mse(xs, ys, w, b, activation), rel=1e-14)
            trainer = BeanTrainer(xs, ys, w=w, b=b, activation=activation)
            assert surface[i, j] == pytest.approx(trainer.loss(), rel=1e-14)


@pytest.mark.parametrize("kwargs", [
    {"mode": "stochastic"}, {"activation": "relu"}, {"lr": 0.0}, {"lr": float("nan")},
    {"lr": -1.0}, {"mode": "minibatch", "batch_size": -3}, {"mode": "minibatch",
                                                             "batch_size": 2.5},
])
def test_bad_settings_are_value_errors(kwargs):
    xs, ys = _beans(0)
    with pytest.raises(ValueError):
        BeanTrainer(xs, ys, **kwargs)


def test_bad_data_is_a_value_error():
    with pytest.raises(ValueError):
        BeanTrainer([0.1, 0.2], [1.0])
    with pytest.raises(ValueError):
        BeanTrainer([], [])
    with pytest.raises(ValueError):
        BeanTrainer([[0.1]], [[1.0]])


# --- bit equality, history kept once, new beans mid-run ----------------------

class _LibmNumpy:
    """The post's ``np`` with its exponential taken from the C library, as
    NumPy itself does on a CPU without AVX-512 (with AVX-512 its own SIMD exp
    rounds about one result in twenty differently)."""

    @staticmethod
    def exp(z):
        return np.float64(math.exp(z))


@pytest.mark.parametrize("seed", [0, 1])
def test_5000_epochs_are_the_posts_bits_with_the_c_librarys_exp(monkeypatch, seed):
    xs, ys = _beans(seed)
    monkeypatch.setattr(post, "np", _LibmNumpy)
    w, b, _ = post.train(xs, ys, epochs=5000)
    trainer = BeanTrainer(xs, ys)
    trainer.run_epochs(5000)
    assert (trainer.w, trainer.b) == (float(w), float(b))


def test_history_is_one_list_extended_in_place():
    xs, ys = _beans(3)
    trainer = BeanTrainer(xs, ys)
    trainer.run_epochs(4)
    history = trainer.history
    assert trainer.history is history and len(history) == 5
    trainer.run_epochs(2)
    assert trainer.history is history and [row[0] for row in history] == list(range(7))
    np.testing.assert_array_equal(trainer.history_array(), np.array(history))
    np.testing.assert_array_equal(trainer.path_since(5), np.array(history)[5:, :3])


def test_new_beans_keep_the_run_going():
    xs, ys = _beans(2)
    trainer = BeanTrainer(xs, ys)
    trainer.run_epochs(3)
    before = list(trainer.history)
    more_x, more_y = np.append(xs, 0.5), np.append(ys, 1.0)
    trainer.set_beans(more_x, more_y)
    assert (trainer.epoch, trainer.position) == (3, 0)
    trainer.run_epochs(2)
    w, b, _ = post.train(more_x, more_y, epochs=2, w=before[-1][1], b=before[-1][2])
    assert trainer.w == pytest.approx(float(w), rel=REL)
    assert trainer.b == pytest.approx(float(b), rel=REL)
    assert trainer.history[:4] == before  # earlier losses are those on the earlier beans
    assert trainer.history[-1][3] == pytest.approx(_mse(more_x, more_y, trainer.w, trainer.b))
    with pytest.raises(ValueError):
        trainer.set_beans([], [])
