"""Bean SGD tab (issue 7), driven as a user would, checked against post 000's
own code (its loop transcribed in reference_post000.py, its get_beans below),
plus the engine helpers the tab added."""

import json
import math

import numpy as np
import pytest
import reference_post000 as post
from PySide6.QtCore import QPointF, Qt

from engine import bean_sgd
from engine.datasets import add_beans, get_beans
from gui.beans.tab import BeansTab, PathBuffer


def post_get_beans(counts, rng):
    """Post 000's get_beans, with ``rng`` in place of the global np.random."""
    xs = rng.rand(counts)
    xs = np.sort(xs)
    ys = []
    for x in xs:
        y = 0.7 * x + (0.5 - rng.rand()) / 50 + 0.5
        ys.append(1 if y > 0.8 else 0)
    return xs, np.array(ys)


def shown(label) -> float:
    """The number a 'name = value' label shows."""
    return float(label.text().split("=")[1])


@pytest.fixture
def tab(show_tab):
    return show_tab(BeansTab())


def click_plot(qtbot, plot, x, y):
    view = plot.getPlotItem().getViewBox()
    where = plot.mapFromScene(view.mapViewToScene(QPointF(x, y)))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=where)


# --- the tab ---


def test_defaults_are_the_posts(tab):
    assert tab.objectName() == "beansTab"
    assert tab.beanCountSpin.value() == 100
    assert tab.lrSpin.value() == 0.01
    assert tab.epochsSpin.value() == 5000
    assert tab.modeCombo.currentData() == "sample"
    assert tab.activationCombo.currentData() == "sigmoid"
    assert (tab.trainer.w, tab.trainer.b, tab.trainer.epoch) == (0.1, 0.1, 0)
    xs, ys = post_get_beans(100, np.random.RandomState(tab.seedSpin.value()))
    np.testing.assert_array_equal(tab.trainer.xs, xs)
    np.testing.assert_array_equal(tab.trainer.ys, ys)
    assert tab.beansPlot.getPlotItem().titleLabel.text == "Size-Toxicity Function"
    assert tab.beansPlot.getPlotItem().getAxis("bottom").labelText == "Bean Size"
    assert tab.beansPlot.getPlotItem().getAxis("left").labelText == "Toxicity"
    (x_lo, x_hi), (y_lo, y_hi) = tab.beansPlot.getPlotItem().getViewBox().viewRange()
    assert (x_lo, x_hi, y_lo, y_hi) == pytest.approx((0, 1, 0, 1.2))


@pytest.mark.parametrize("seed, count, steps", [(0, 100, 3), (7, 40, 5)])
def test_steps_equal_the_posts_loop(tab, seed, count, steps):
    tab.seedSpin.setValue(seed)
    tab.beanCountSpin.setValue(count)
    tab.stepButton.click()
    tab.resetButton.click()
    assert tab.trainer.epoch == 0
    for _ in range(steps):
        tab.stepButton.click()
    w, b, _ = post.train(tab.trainer.xs, tab.trainer.ys, steps)
    assert tab.trainer.epoch == steps
    assert tab.trainer.w == pytest.approx(w, rel=1e-12)
    assert tab.trainer.b == pytest.approx(b, rel=1e-12)
    assert shown(tab.wLabel) == pytest.approx(w, rel=1e-5)
    assert shown(tab.bLabel) == pytest.approx(b, rel=1e-5)
    assert tab.epochLabel.text().startswith(f"Epoch {steps} /")
    loss = np.mean((tab.trainer.ys - 1 / (1 + np.exp(-(w * tab.trainer.xs + b)))) ** 2)
    assert shown(tab.lossLabel) == pytest.approx(loss, rel=1e-5)


def test_plots_show_the_trainer(tab):
    for _ in range(4):
        tab.stepButton.click()
    w, b, _ = post.train(tab.trainer.xs, tab.trainer.ys, 4)
    xs, curve = tab._curve.getData()
    assert xs[0] == 0 and xs[-1] == 1
    np.testing.assert_allclose(curve, 1 / (1 + np.exp(-(w * xs + b))), rtol=1e-10)
    epochs, losses = tab._loss_curve.getData()
    np.testing.assert_array_equal(epochs, [0, 1, 2, 3, 4])
    w1, b1, _ = post.train(tab.trainer.xs, tab.trainer.ys, 1)
    loss1 = np.mean((tab.trainer.ys - 1 / (1 + np.exp(-(w1 * tab.trainer.xs + b1)))) ** 2)
    assert losses[1] == pytest.approx(loss1, rel=1e-10)
    path_w, path_b = tab._trajectory.getData()
    assert (path_w[0], path_b[0]) == (0.1, 0.1)
    assert path_w[-1] == pytest.approx(w, rel=1e-12)
    assert path_b[-1] == pytest.approx(b, rel=1e-12)
    point_w, point_b = tab._point.getData()
    assert (point_w[0], point_b[0]) == (tab.trainer.w, tab.trainer.b)
    beans_x, beans_y = tab._bean_dots.getData()
    np.testing.assert_array_equal(beans_x, tab.trainer.xs)
    np.testing.assert_array_equal(beans_y, tab.trainer.ys)


def test_cost_image_is_the_engines_surface(tab):
    image = tab._image.image
    w_lo, w_hi, b_lo, b_hi = tab._bounds
    assert w_lo <= 0.1 <= w_hi and b_lo <= 0.1 <= b_hi
    assert w_hi >= 16 and b_lo <= -7  # the post's whole path fits
    w_grid = np.linspace(w_lo, w_hi, image.shape[1])
    b_grid = np.linspace(b_lo, b_hi, image.shape[0])
    expected = bean_sgd.cost_surface(tab.trainer.xs, tab.trainer.ys, w_grid, b_grid)
    np.testing.assert_allclose(image, np.log10(expected), rtol=1e-12)
    rect = tab._image.mapRectToParent(tab._image.boundingRect())
    assert rect.left() < w_lo < rect.right() and rect.top() < b_lo < rect.bottom()


def test_a_tick_runs_speed_epochs_within_its_time_budget(tab, monkeypatch):
    tab.speedSpin.setValue(25)
    monkeypatch.setattr("gui.beans.tab.TICK_BUDGET_S", 10.0)
    tab.advance_frame()
    assert tab.trainer.epoch == 25
    monkeypatch.setattr("gui.beans.tab.TICK_BUDGET_S", 0.0)  # a slow machine
    tab.advance_frame()
    assert tab.trainer.epoch == 26  # at least one epoch, then the frame is drawn


def test_cost_grid_follows_a_path_that_leaves_it(tab, monkeypatch):
    monkeypatch.setattr("gui.beans.tab.TICK_BUDGET_S", 10.0)  # whole ticks even when busy
    tab.lrSpin.setValue(0.5)
    tab.speedSpin.setValue(200)
    tab.epochsSpin.setValue(400)
    tab.advance_frame()
    tab.advance_frame()
    w_lo, w_hi, b_lo, b_hi = tab._bounds
    assert tab.trainer.w > bean_sgd.SURFACE_BOUNDS[1]  # it did leave the first grid
    assert w_lo <= tab.trainer.w <= w_hi and b_lo <= tab.trainer.b <= b_hi


def test_play_then_pause_stops_advancing(tab, qtbot):
    tab.playButton.click()
    assert tab.playButton.isChecked()
    qtbot.waitUntil(lambda: tab.trainer.epoch > 0, timeout=5000)
    tab.playButton.click()
    assert not tab.playButton.isChecked()
    epoch = tab.trainer.epoch
    qtbot.wait(200)
    assert tab.trainer.epoch == epoch
    assert tab.epochLabel.text().startswith(f"Epoch {epoch} /")


def test_play_stops_at_the_epoch_count_on_the_posts_numbers(tab, qtbot):
    tab.epochsSpin.setValue(30)
    tab.speedSpin.setValue(7)  # 30 is no multiple of 7: the last frame runs fewer
    tab.playButton.click()
    qtbot.waitUntil(lambda: not tab.playButton.isChecked(), timeout=5000)
    assert tab.trainer.epoch == 30
    w, b, _ = post.train(tab.trainer.xs, tab.trainer.ys, 30)
    assert tab.trainer.w == pytest.approx(w, rel=1e-12)
    assert tab.trainer.b == pytest.approx(b, rel=1e-12)
    tab.playButton.click()  # play at the end starts again from epoch 0
    qtbot.waitUntil(lambda: not tab.playButton.isChecked(), timeout=5000)
    assert tab.trainer.epoch == 30


def test_linear_neuron_with_lr_100_diverges_with_a_message(tab, qtbot):
    tab.activationCombo.setCurrentIndex(tab.activationCombo.findData("linear"))
    tab.lrSpin.setValue(100)
    assert tab.beanMessage.text() == ""
    tab.playButton.click()
    qtbot.waitUntil(lambda: tab.trainer.diverged, timeout=5000)
    assert not tab.playButton.isChecked()
    assert "Diverged" in tab.beanMessage.text()
    assert not tab.playButton.isEnabled() and not tab.stepButton.isEnabled()
    for label in (tab.wLabel, tab.bLabel, tab.lossLabel):
        assert math.isfinite(shown(label))
    assert shown(tab.wLabel) == pytest.approx(tab.trainer.w, rel=1e-5)
    assert abs(tab.trainer.w) <= bean_sgd.DIVERGENCE_LIMIT
    assert abs(tab.trainer.b) <= bean_sgd.DIVERGENCE_LIMIT
    point_w, point_b = tab._point.getData()
    assert (point_w[0], point_b[0]) == (tab.trainer.w, tab.trainer.b)
    tab.resetButton.click()
    assert tab.beanMessage.text() == "" and tab.playButton.isEnabled()


def test_huge_rate_on_the_sigmoid_saturates_without_error(tab):
    tab.lrSpin.setValue(1000)
    for _ in range(20):
        tab.stepButton.click()
    assert not tab.trainer.diverged
    assert "Saturated" in tab.beanMessage.text()
    _, curve = tab._curve.getData()
    assert np.all((curve >= 0) & (curve <= 1))
    w, b, _ = post.train(tab.trainer.xs, tab.trainer.ys, 20, alpha=1000)
    assert tab.trainer.w == pytest.approx(w, rel=1e-12)
    assert tab.trainer.b == pytest.approx(b, rel=1e-12)


def test_clicking_the_plot_adds_a_bean_and_resets(tab, qtbot):
    tab.stepButton.click()
    first = tab.trainer
    click_plot(qtbot, tab.beansPlot, 0.3, 0.6)
    assert tab.trainer is not first and tab.trainer.epoch == 0
    assert tab.trainer.xs.size == 101
    at = int(np.argmin(np.abs(tab.trainer.xs - 0.3)))
    assert tab.trainer.xs[at] == pytest.approx(0.3, abs=0.01)
    assert tab.trainer.ys[at] == 1  # the toggle starts ticked: toxic
    assert np.all(np.diff(tab.trainer.xs) >= 0)
    tab.toxicToggle.click()
    click_plot(qtbot, tab.beansPlot, 0.8, 0.2)
    assert tab.trainer.xs.size == 102
    at = int(np.argmin(np.abs(tab.trainer.xs - 0.8)))
    assert tab.trainer.ys[at] == 0
    added_x, added_y = tab._added_dots.getData()
    np.testing.assert_allclose(added_x, [0.3, 0.8], atol=0.01)
    np.testing.assert_array_equal(added_y, [1, 0])
    [first_bean, second_bean] = tab.state_dict()["extra_beans"]
    assert first_bean[1] == 1 and second_bean[1] == 0


def test_training_changes_restart_and_view_changes_do_not(tab, qtbot):
    changes = [
        lambda: tab.lrSpin.setValue(0.05),
        lambda: tab.modeCombo.setCurrentIndex(tab.modeCombo.findData("minibatch")),
        lambda: tab.activationCombo.setCurrentIndex(tab.activationCombo.findData("linear")),
        lambda: tab.beanCountSpin.setValue(60),
        lambda: tab.seedSpin.setValue(3),
    ]
    for change in changes:
        tab.stepButton.click()
        before = tab.trainer
        with qtbot.waitSignal(tab.changed, timeout=1000):
            change()
        assert tab.trainer is not before and tab.trainer.epoch == 0
    assert (tab.trainer.lr, tab.trainer.mode, tab.trainer.activation) == \
        (0.05, "minibatch", "linear")
    xs, ys = post_get_beans(60, np.random.RandomState(3))
    np.testing.assert_array_equal(tab.trainer.xs, xs)
    np.testing.assert_array_equal(tab.trainer.ys, ys)
    tab.stepButton.click()
    before = tab.trainer
    tab.speedSpin.setValue(50)
    tab.epochsSpin.setValue(800)
    tab.toxicToggle.click()
    assert tab.trainer is before and tab.trainer.epoch == 1
    assert tab.epochLabel.text().startswith("Epoch 1 / 800")


def test_full_batch_step_is_one_mean_gradient_update(tab):
    tab.modeCombo.setCurrentIndex(tab.modeCombo.findData("batch"))
    tab.stepButton.click()
    xs, ys = tab.trainer.xs, tab.trainer.ys
    a = 1 / (1 + np.exp(-(0.1 * xs + 0.1)))
    g = -2 * (ys - a) * a * (1 - a)
    assert tab.trainer.w == pytest.approx(0.1 - 0.01 * np.mean(g * xs), rel=1e-12)
    assert tab.trainer.b == pytest.approx(0.1 - 0.01 * np.mean(g), rel=1e-12)


def test_new_beans_draws_the_next_seed_without_added_beans(tab, qtbot):
    click_plot(qtbot, tab.beansPlot, 0.5, 0.5)
    seed = tab.seedSpin.value()
    tab.newBeansButton.click()
    assert tab.seedSpin.value() == seed + 1
    assert tab.state_dict()["extra_beans"] == []
    xs, _ = get_beans(100, np.random.RandomState(seed + 1))
    np.testing.assert_array_equal(tab.trainer.xs, xs)


def test_rate_spin_takes_tiny_and_huge_rates(tab):
    for value in (1e-6, 1000.0, 10000.0):
        tab.lrSpin.setValue(value)
        assert tab.trainer.lr == pytest.approx(value, rel=1e-9)
    tab.lrSpin.setValue(0.01)
    tab.lrSpin.stepUp()
    assert tab.trainer.lr == pytest.approx(0.02)
    tab.lrSpin.stepDown()
    tab.lrSpin.stepDown()
    assert tab.trainer.lr == pytest.approx(0.005)
    assert tab.lrSpin.textFromValue(1e-6) == "1e-06"
    assert tab.lrSpin.valueFromText("2.5e-3") == pytest.approx(0.0025)


def test_state_round_trip_and_bad_values(tab, qtbot):
    click_plot(qtbot, tab.beansPlot, 0.6, 0.5)
    tab.lrSpin.setValue(0.2)
    tab.speedSpin.setValue(25)
    state = json.loads(json.dumps(tab.state_dict()))
    assert set(state) >= {"count", "seed", "lr", "epochs", "speed", "mode", "activation",
                          "extra_beans"}
    other = BeansTab()
    qtbot.addWidget(other)
    other.load_state(state)
    assert other.state_dict() == state
    np.testing.assert_array_equal(other.trainer.xs, tab.trainer.xs)
    assert (other.lrSpin.value(), other.speedSpin.value()) == (0.2, 25)
    for bad in ({"lr": float("nan")}, {"lr": -1}, {"count": 0}, {"count": 2.5},
                {"mode": "adam"}, {"activation": "relu"}, {"extra_beans": [[2, 1]]},
                {"extra_beans": [[0.5, 3]]}, {"speed": True}, {"colour": 1}, []):
        with pytest.raises(ValueError):
            other.load_state(bad)
        assert other.state_dict() == state
    other.reset_tab()
    assert other.state_dict()["extra_beans"] == [] and other.lrSpin.value() == 0.01


def test_tab_protocol(tab):
    assert tab.tab_title() == "Bean SGD"
    assert tab.export_plot() is tab.beansPlot
    assert tab.exercise_snapshot() == {"bean_trainer": tab.trainer}
    for name in ("lossPlot", "costPlot", "newBeansButton", "toxicToggle", "beanMessage",
                 "playButton", "stepButton", "resetButton", "speedSpin", "epochsSpin"):
        assert getattr(tab, name).objectName() == name
    for widget in (tab.playButton, tab.stepButton, tab.resetButton, tab.lrSpin,
                   tab.modeCombo, tab.activationCombo, tab.epochsSpin, tab.speedSpin,
                   tab.beanCountSpin, tab.seedSpin, tab.newBeansButton, tab.toxicToggle):
        assert widget.toolTip()
    tab.playButton.click()
    tab.stop_animation()
    assert not tab._timer.isActive() and not tab.playButton.isChecked()


def test_path_buffer_grows_without_losing_rows():
    rows = np.arange(28.0).reshape(7, 4)
    buffer = PathBuffer(capacity=2)
    buffer.extend(rows[:3])
    buffer.extend(rows[3:3])
    buffer.extend(rows[3:])
    for k in range(4):
        np.testing.assert_array_equal(buffer.column(k), rows[:, k])
    ws, bs = buffer.path_to(-1.0, -2.0)
    np.testing.assert_array_equal(ws, [*rows[:, 1], -1.0])
    np.testing.assert_array_equal(bs, [*rows[:, 2], -2.0])
    assert buffer.size == 7
    buffer.clear()
    assert buffer.column(0).size == 0


# --- engine helpers added for the tab ---


def test_add_beans_keeps_size_order():
    xs, ys = get_beans(20, np.random.RandomState(1))
    more_x, more_y = add_beans(xs, ys, [(0.5, 1), (0.0, 0), (1.0, 1), (xs[3], 1)])
    assert more_x.size == 24 and np.all(np.diff(more_x) >= 0)
    assert more_y[0] == 0 and more_y[-1] == 1
    same = np.flatnonzero(more_x == xs[3])
    assert more_y[same[-1]] == 1  # after the bean of equal size
    np.testing.assert_array_equal(xs, get_beans(20, np.random.RandomState(1))[0])
    for bad in ([(1.5, 1)], [(float("nan"), 0)], [(0.5, 2)]):
        with pytest.raises(ValueError):
            add_beans(xs, ys, bad)


def test_history_since_matches_history():
    xs, ys = get_beans(30, np.random.RandomState(2))
    trainer = bean_sgd.BeanTrainer(xs, ys)
    trainer.run_epochs(5)
    first = trainer.history_since(0)
    trainer.run_epochs(3)
    later = trainer.history_since(6)
    full = np.array(trainer.history)
    np.testing.assert_array_equal(first, full[:6])
    np.testing.assert_array_equal(later, full[6:])
    assert trainer.history_since(100).shape == (0, 4)


def test_saturated_fraction():
    xs, ys = get_beans(50, np.random.RandomState(0))
    trainer = bean_sgd.BeanTrainer(xs, ys)
    assert trainer.saturated_fraction() == 0.0
    trainer.w, trainer.b = 0.0, -50.0  # σ'(−50) ≈ 2e-22 at every bean
    assert trainer.saturated_fraction() == 1.0
    trainer.w, trainer.b = 100.0, -50.0  # flat except near x = 0.5
    z = 100 * xs - 50
    share = np.mean(np.exp(-z) / (1 + np.exp(-z)) ** 2 < 1e-3)
    assert trainer.saturated_fraction() == pytest.approx(share)
    assert bean_sgd.BeanTrainer(xs, ys, activation="linear").saturated_fraction() == 0.0


def test_surface_bounds_hold_base_and_path():
    base = bean_sgd.SURFACE_BOUNDS
    assert bean_sgd.surface_bounds([], []) == base
    assert bean_sgd.surface_bounds([0.1, 16], [0.1, -7]) == base
    w_lo, w_hi, b_lo, b_hi = bean_sgd.surface_bounds([0.1, 40, np.nan], [0.1, -30, np.inf])
    assert w_lo == base[0] and b_hi == base[3]
    assert w_hi > 40 and b_lo < -30
    near_rim = bean_sgd.surface_bounds([19.9], [0.0])  # inside, but on the edge
    assert near_rim[1] > 20 and near_rim[0] == base[0]
    assert bean_sgd.surface_bounds([19.9], [0.0], base=near_rim) == near_rim


def test_cost_landscape_is_log_cost_surface():
    xs, ys = get_beans(25, np.random.RandomState(4))
    w_grid, b_grid, log_cost = bean_sgd.cost_landscape(xs, ys, (-1, 3, -2, 1), "linear",
                                                       shape=(7, 5))
    np.testing.assert_array_equal(w_grid, np.linspace(-1, 3, 7))
    np.testing.assert_array_equal(b_grid, np.linspace(-2, 1, 5))
    expected = bean_sgd.cost_surface(xs, ys, w_grid, b_grid, "linear")
    np.testing.assert_allclose(log_cost, np.log10(expected), rtol=1e-12)
    _, _, flat = bean_sgd.cost_landscape([0.5], [1.0], (100, 101, 0, 1), shape=(2, 2))
    assert np.all(flat >= -12)  # a perfect fit is floored, not −inf
