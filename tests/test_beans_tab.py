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
from gui.beans import model as model_module
from gui.beans.tab import BeansTab
from gui.beans.trace import EpochTrace


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
    assert (x_lo, x_hi, y_hi) == pytest.approx((0, 1, 1.2))
    assert y_lo < 0  # beans at toxicity 0 are drawn whole, not cut by the axis


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
    w_lo, w_hi, b_lo, b_hi = tab.model.bounds
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
    monkeypatch.setattr(tab.model.player, "budget_s", 10.0)
    tab.advance_frame()
    assert tab.trainer.epoch == 25
    monkeypatch.setattr(tab.model.player, "budget_s", 0.0)  # a slow machine
    tab.advance_frame()
    assert tab.trainer.epoch == 26  # at least one epoch, then the frame is drawn


def test_cost_grid_follows_a_path_that_leaves_it(tab, monkeypatch):
    monkeypatch.setattr(tab.model.player, "budget_s", 10.0)  # whole ticks even when busy
    tab.lrSpin.setValue(0.5)
    tab.speedSpin.setValue(200)
    tab.epochsSpin.setValue(400)
    tab.advance_frame()
    tab.advance_frame()
    w_lo, w_hi, b_lo, b_hi = tab.model.bounds
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


def test_clicking_the_plot_adds_a_bean_and_training_goes_on(tab, qtbot):
    tab.stepButton.click()
    tab.stepButton.click()
    first = tab.trainer
    w, b = first.w, first.b
    assert tab.beanTotalLabel.text() == "Training on 100 beans (100 drawn + 0 clicked in)."
    click_plot(qtbot, tab.beansPlot, 0.3, 0.6)
    assert tab.trainer is first and tab.trainer.epoch == 2  # the run goes on
    assert (tab.trainer.w, tab.trainer.b) == (w, b)
    assert tab.trainer.xs.size == 101
    assert tab.beanTotalLabel.text() == "Training on 101 beans (100 drawn + 1 clicked in)."
    assert tab.beanCountSpin.value() == 100  # the beans get_beans draws
    at = int(np.argmin(np.abs(tab.trainer.xs - 0.3)))
    assert tab.trainer.xs[at] == pytest.approx(0.3, abs=0.01)
    assert tab.trainer.ys[at] == 1  # the toggle starts ticked: toxic
    assert np.all(np.diff(tab.trainer.xs) >= 0)
    tab.stepButton.click()  # the next epoch trains on all 101 beans
    w3, b3, _ = post.train(tab.trainer.xs, tab.trainer.ys, 1, w=w, b=b)
    assert (tab.trainer.w, tab.trainer.b) == pytest.approx((w3, b3), rel=1e-12)
    assert tab.epochLabel.text().startswith("Epoch 3 /")
    beans_x, _ = tab._bean_dots.getData()
    assert beans_x.size == 101
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
    image = tab._image.image  # the cost picture is that of the 102 beans
    w_lo, w_hi, b_lo, b_hi = tab.model.bounds
    expected = bean_sgd.cost_surface(tab.trainer.xs, tab.trainer.ys,
                                     np.linspace(w_lo, w_hi, image.shape[1]),
                                     np.linspace(b_lo, b_hi, image.shape[0]))
    np.testing.assert_allclose(image, np.log10(expected), rtol=1e-12)


def test_clicking_while_playing_keeps_playing(tab, qtbot):
    tab.playButton.click()
    qtbot.waitUntil(lambda: tab.trainer.epoch > 0, timeout=5000)
    click_plot(qtbot, tab.beansPlot, 0.5, 0.5)
    epoch = tab.trainer.epoch
    qtbot.waitUntil(lambda: tab.trainer.epoch > epoch, timeout=5000)
    assert tab.is_running() and tab.trainer.xs.size == 101


def test_the_1001st_bean_gets_a_message_and_changes_nothing(tab, qtbot):
    tab.load_state({"extra_beans": [[0.5, 1]] * 1000})
    tab.stepButton.click()
    state, trainer, w = tab.state_dict(), tab.trainer, tab.trainer.w
    click_plot(qtbot, tab.beansPlot, 0.3, 0.6)  # no traceback: pytest-qt would fail on one
    assert tab.state_dict() == state
    assert tab.trainer is trainer and tab.trainer.w == w and tab.trainer.xs.size == 1100
    assert "No room for another bean" in tab.beanMessage.text()
    assert "1000" in tab.beanMessage.text()
    tab.newBeansButton.click()
    assert tab.beanMessage.text() == ""


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


def play_to(tab, epoch):
    """Animation frames (as the player's timer runs them) up to ``epoch``."""
    while tab.trainer.epoch < epoch and not tab.trainer.diverged:
        tab.advance_frame()


def restarted(qtbot, state):
    """A new tab (as after a restart of the app) with ``state`` loaded."""
    other = BeansTab()
    qtbot.addWidget(other)
    other.load_state(json.loads(json.dumps(state)))
    return other


def assert_same_run(tab, other):
    """The same run, bit for bit: w, b, loss, history, and what the plots draw."""
    assert (other.trainer.epoch, other.trainer.w, other.trainer.b, other.trainer.loss()) == \
        (tab.trainer.epoch, tab.trainer.w, tab.trainer.b, tab.trainer.loss())
    np.testing.assert_array_equal(other.trainer.xs, tab.trainer.xs)
    np.testing.assert_array_equal(other.trainer.history_array(), tab.trainer.history_array())
    np.testing.assert_array_equal(other.model.trace.rows(), tab.model.trace.rows())
    for curve in ("_trajectory", "_loss_curve"):
        for mine, theirs in zip(getattr(tab, curve).getData(), getattr(other, curve).getData(),
                                strict=True):
            np.testing.assert_array_equal(theirs, mine)
    for label in ("epochLabel", "wLabel", "bLabel", "lossLabel", "beanTotalLabel"):
        assert getattr(other, label).text() == getattr(tab, label).text()


def test_a_played_run_survives_a_restart_bit_for_bit(tab, qtbot):
    tab.lrSpin.setValue(0.1)
    tab.epochsSpin.setValue(300)
    tab.speedSpin.setValue(7)
    click_plot(qtbot, tab.beansPlot, 0.2, 0.5)  # before the first epoch
    tab.stepButton.click()
    tab.stepButton.click()
    click_plot(qtbot, tab.beansPlot, 0.3, 0.6)  # at epoch 2
    play_to(tab, 120)
    joined = tab.trainer.epoch
    tab.toxicToggle.click()
    click_plot(qtbot, tab.beansPlot, 0.9, 0.2)  # mid-run, not toxic
    play_to(tab, 300)
    assert tab.trainer.epoch == 300 and tab.model.finished
    state = tab.state_dict()
    assert state["epoch"] == 300 and state["clicked_at"] == [0, 2, joined]
    other = restarted(qtbot, state)
    assert other.state_dict() == state
    assert_same_run(tab, other)
    # The restored run goes on as the first one does.
    for run in (tab, other):
        run.epochsSpin.setValue(310)
        run.stepButton.click()
    assert (other.trainer.w, other.trainer.b) == (tab.trainer.w, tab.trainer.b)


def test_a_diverged_run_survives_a_restart(tab, qtbot):
    tab.activationCombo.setCurrentIndex(tab.activationCombo.findData("linear"))
    tab.lrSpin.setValue(0.7)
    play_to(tab, 100)
    assert tab.trainer.diverged and tab.trainer.epoch == 3  # within its fourth epoch
    click_plot(qtbot, tab.beansPlot, 0.5, 0.5)  # after it diverged
    state = tab.state_dict()
    assert state["epoch"] == tab.trainer.epoch + 1  # counting the epoch it diverged in
    other = restarted(qtbot, state)
    assert other.trainer.diverged and other.state_dict() == state
    assert (other.trainer.position, other.beanMessage.text()) == \
        (tab.trainer.position, tab.beanMessage.text())
    assert_same_run(tab, other)


def test_states_without_a_run_start_at_epoch_0(tab):
    tab.stepButton.click()
    tab.load_state({"lr": 1.0, "extra_beans": [[0.5, 1]]})  # a state saved before runs were
    assert tab.trainer.epoch == 0 and tab.trainer.xs.size == 101
    assert tab.state_dict()["epoch"] == 0 and tab.state_dict()["clicked_at"] == []
    assert tab.epochLabel.text().startswith("Epoch 0 /")


def test_a_saved_run_replays_at_most_its_epoch_count_and_the_replay_limit(tab, monkeypatch):
    tab.load_state({"epochs": 40, "epoch": 90})
    assert tab.trainer.epoch == 40 and not tab.is_running()
    assert tab.beanMessage.text() == ""  # the run's own end, nothing cut short
    monkeypatch.setattr(model_module, "REPLAY_STEPS", 101 * 60)  # 60 epochs of 101 beans
    tab.load_state({"epochs": 1000, "epoch": 500, "extra_beans": [[0.5, 1]],
                    "clicked_at": [200]})
    assert tab.trainer.epoch == 60 and tab.trainer.xs.size == 101  # joins at the end
    assert tab.state_dict()["clicked_at"] == [200]
    assert tab.beanMessage.text().startswith("The saved run was replayed to epoch 60 of its 500")
    tab.stepButton.click()  # the run goes on: the note has had its say
    assert tab.trainer.epoch == 61 and tab.beanMessage.text() == ""
    tab.load_state({"epochs": 1000, "epoch": 500, "mode": "minibatch"})
    assert tab.trainer.epoch == 6060 // (100 + model_module.NUMPY_UPDATE_COST * 10)
    tab.load_state({"epochs": 1000, "epoch": 500, "mode": "batch"})
    assert tab.trainer.epoch == 6060 // (100 + model_module.NUMPY_UPDATE_COST)


def test_bad_run_states_change_nothing(tab):
    tab.lrSpin.setValue(0.2)
    tab.stepButton.click()
    state, trainer = tab.state_dict(), tab.trainer
    for bad in ({"epoch": -1}, {"epoch": 2.5}, {"epoch": True}, {"epoch": 10**6},
                {"epoch": "3"}, {"clicked_at": [0]},  # no extra bean to have clicked
                {"extra_beans": [[0.5, 1]], "clicked_at": 3},
                {"extra_beans": [[0.5, 1]], "epoch": 5, "clicked_at": [6]},  # after the run
                {"extra_beans": [[0.5, 1], [0.6, 0]], "epoch": 5, "clicked_at": [4, 2]},
                {"extra_beans": [[0.5, 1]], "epoch": 5, "clicked_at": [None]}):
        with pytest.raises(ValueError, match=r"epoch|clicked_at"):
            tab.load_state(bad)
        assert tab.state_dict() == state and tab.trainer is trainer


def test_tab_protocol(tab):
    assert tab.tab_title() == "Bean SGD"
    assert tab.export_plot() is tab.beansPlot
    assert tab.exercise_snapshot()["bean_trainer"] is tab.trainer
    for name in ("lossPlot", "costPlot", "newBeansButton", "toxicToggle", "beanMessage",
                 "playButton", "stepButton", "resetButton", "speedSpin", "epochsSpin"):
        assert getattr(tab, name).objectName() == name
    for widget in (tab.playButton, tab.stepButton, tab.resetButton, tab.lrSpin,
                   tab.modeCombo, tab.activationCombo, tab.epochsSpin, tab.speedSpin,
                   tab.beanCountSpin, tab.seedSpin, tab.newBeansButton, tab.toxicToggle):
        assert widget.toolTip()
    tab.playButton.click()
    tab.stop_animation()
    assert not tab.is_running() and not tab.playButton.isChecked()


def test_trace_stays_bounded_and_keeps_start_and_strided_epochs():
    trace = EpochTrace(capacity=8)
    rows = np.column_stack([np.arange(100.0), np.arange(100.0) * 2, -np.arange(100.0),
                            np.ones(100)])
    trace.extend(rows[:3])
    trace.extend(rows[3:3])
    trace.extend(rows[3:])
    assert trace.size <= 8 and trace.stride == 16
    kept = trace.rows()
    np.testing.assert_array_equal(kept[:, 0], np.arange(0, 100, 16))
    np.testing.assert_array_equal(kept, rows[::16])
    drawn = trace.drawn(3, (100.0, 7.0, 8.0, 0.5))
    assert len(drawn) <= 4
    np.testing.assert_array_equal(drawn[0], rows[0])
    np.testing.assert_array_equal(drawn[-1], [100.0, 7.0, 8.0, 0.5])
    trace.clear()
    assert trace.size == 0 and trace.stride == 1


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


# --- issue 12: language and theme in place, state in the model ---------------

@pytest.fixture
def switches(qapp):
    """Language and theme switches as the window makes them; back to English
    and light afterwards."""
    import gc

    from gui import i18n
    from gui.theme import apply_theme

    gc.collect()  # earlier tests' plots, so that a theme switch meets only live ones

    def language(name, tab, qtbot):
        assert i18n.install_language(name)
        title = "Bean SGD" if name == "en" else "豆豆 SGD"
        qtbot.waitUntil(lambda: tab.tab_title() == title, timeout=3000)
        qapp.processEvents()  # the LanguageChange events reach every widget

    def theme(dark, tab):
        apply_theme(dark)
        tab.restyle()

    yield language, theme
    i18n.install_language("en")
    gc.collect()
    apply_theme(False)


def test_language_and_theme_switch_while_playing(tab, qtbot, switches):
    from shiboken6 import isValid

    language, theme = switches
    tab.epochsSpin.setValue(100_000)
    tab.playButton.click()
    qtbot.waitUntil(lambda: tab.trainer.epoch > 5, timeout=5000)
    widgets = [tab.playButton, tab.lrSpin, tab.modeCombo, tab.beansPlot, tab.costPlot,
               tab.lossPlot, tab.beanExplanation, tab.epochLabel]
    model, trainer, epochs = tab.model, tab.trainer, [tab.trainer.epoch]

    def still_playing():
        assert tab.is_running() and tab.playButton.isChecked()
        qtbot.waitUntil(lambda: tab.trainer.epoch > epochs[-1], timeout=5000)
        epochs.append(tab.trainer.epoch)

    language("zh_CN", tab, qtbot)
    assert tab.playButton.text() == "暂停"
    assert tab.modeCombo.currentData() == "sample"
    still_playing()
    language("en", tab, qtbot)
    assert tab.playButton.text() == "Pause"
    assert tab.beansPlot.getPlotItem().titleLabel.text == "Size-Toxicity Function"
    assert tab.modeCombo.currentText() == "per sample (as the post)"
    still_playing()
    theme(True, tab)
    assert tab._loss_curve.opts["pen"].color().name().lower() == "#56b4e9"
    assert tab._bean_dots.opts["brush"].color().name().lower() == "#56b4e9"
    still_playing()
    theme(False, tab)
    assert tab._loss_curve.opts["pen"].color().name().lower() == "#0072b2"
    still_playing()
    assert epochs == sorted(epochs) and len(set(epochs)) == len(epochs)
    assert all(isValid(widget) for widget in widgets)
    assert tab.model is model and tab.trainer is trainer
    path_w, _ = tab._trajectory.getData()
    assert path_w[0] == 0.1  # the path drawn since epoch 0 is all still there


def test_the_model_holds_the_run(tab):
    tab.speedSpin.setValue(7)
    tab.stepButton.click()
    model = tab.model
    assert model.trainer is tab.trainer and model.settings.speed == 7
    assert model.trace.rows()[:, 0].tolist() == [0, 1]
    assert not model.is_running()
    model.player.start()
    assert model.is_running() and tab.is_running() and tab.playButton.isChecked()
    model.player.stop()
    assert not tab.playButton.isChecked() and tab.playButton.text() == "Play"


# --- issue 13: keyboard, screen readers, fit, rough edges --------------------

CONTROLS = ("playButton", "stepButton", "resetButton", "lrSpin", "modeCombo",
            "activationCombo", "epochsSpin", "speedSpin", "beanCountSpin", "seedSpin",
            "newBeansButton", "toxicToggle")


def test_every_control_has_an_accessible_name_and_every_plot_a_description(tab):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSlider,
        QAbstractSpinBox,
        QCheckBox,
        QComboBox,
    )

    controls = [w for cls in (QAbstractSlider, QAbstractSpinBox, QCheckBox, QComboBox,
                              QAbstractButton) for w in tab.findChildren(cls)]
    assert {w.objectName() for w in controls} >= set(CONTROLS)
    for widget in controls:
        assert widget.accessibleName().strip(), widget.objectName()
    for plot in (tab.beansPlot, tab.costPlot, tab.lossPlot):
        assert len(plot.accessibleDescription()) > 40


def test_tab_key_walks_every_control_and_comes_back(tab, qtbot):
    from PySide6.QtWidgets import QApplication

    tab.activateWindow()
    tab.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.playButton, timeout=2000)
    seen = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if seen[-1] is tab.playButton:
            break
    assert seen[-1] is tab.playButton, [w.objectName() for w in seen]
    assert {w.objectName() for w in seen} >= set(CONTROLS)
    for _ in range(len(seen)):  # and back the other way
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is tab.playButton


def _outside(tab) -> list[str]:
    """Names of controls and plot titles not wholly inside the tab (or inside
    the scroll area's contents that hold them)."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QScrollArea

    scroll = tab.findChild(QScrollArea, "beanControls")
    bad = []
    for name in CONTROLS:
        widget = getattr(tab, name)
        inner = scroll.widget()
        box = QRect(widget.mapTo(inner, widget.rect().topLeft()), widget.size())
        if not (widget.isVisibleTo(tab) and inner.rect().contains(box)
                and box.width() >= widget.minimumSizeHint().width()):
            bad.append(name)
    for plot in (tab.beansPlot, tab.costPlot, tab.lossPlot):
        title = plot.getPlotItem().titleLabel
        rect = title.mapRectToScene(title.item.boundingRect())
        inside = QRect(plot.mapTo(tab, plot.rect().topLeft()), plot.size())
        if not (plot.rect().contains(rect.toRect()) and tab.rect().contains(inside)):
            bad.append(plot.objectName())
    bar = tab._colour_bar.mapRectToScene(tab._colour_bar.boundingRect()).toRect()
    if not tab.costPlot.rect().contains(bar):
        bad.append("colour bar")
    if scroll.geometry().right() > tab.width() or scroll.geometry().bottom() > tab.height():
        bad.append("beanControls")
    return bad


@pytest.mark.parametrize("size", [(1000, 580), (1260, 740)])
def test_everything_fits_in_english_and_chinese(tab, qtbot, switches, size):
    language, _ = switches
    assert tab.minimumSizeHint().width() <= 980 and tab.minimumSizeHint().height() <= 560
    tab.resize(*size)
    for name in ("en", "zh_CN"):
        language(name, tab, qtbot)
        qtbot.wait(50)  # the layout settles
        assert _outside(tab) == [], name


def test_loss_shows_from_epoch_0(tab):
    epochs, losses = tab._loss_point.getData()
    loss0 = np.mean((tab.trainer.ys - 1 / (1 + np.exp(-(0.1 * tab.trainer.xs + 0.1)))) ** 2)
    assert epochs.tolist() == [0] and losses[0] == pytest.approx(loss0, rel=1e-12)
    (_, _), (y_lo, y_hi) = tab.lossPlot.getPlotItem().getViewBox().viewRange()
    assert y_lo <= loss0 < y_hi
    tab.stepButton.click()
    epochs, _ = tab._loss_point.getData()
    assert epochs.tolist() == [1]


def test_explanation_says_what_is_computed(tab):
    assert "σ(w·x + b)" in tab.beanExplanation.text()
    assert "After each bean" in tab.beanExplanation.text()
    tab.activationCombo.setCurrentIndex(tab.activationCombo.findData("linear"))
    text = tab.beanExplanation.text()
    assert "a = w·x + b" in text and "σ" not in text and "no activation" in text
    assert "σ" not in tab.wLabel.toolTip()
    tab.modeCombo.setCurrentIndex(tab.modeCombo.findData("batch"))
    assert "Once per epoch" in tab.beanExplanation.text()


# --- issue 14: any state in, only ValueError out, nothing changed ------------

def test_load_state_fuzz_raises_only_value_error_and_changes_nothing(qtbot):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    tab = BeansTab()
    qtbot.addWidget(tab)
    tab.lrSpin.setValue(0.2)
    before = tab.state_dict()
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(),
                        st.text(max_size=5))
    values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                          | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                          max_leaves=10)
    keys = st.sampled_from([*before, "colour"])

    @settings(max_examples=300, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.one_of(values, st.dictionaries(keys, values, max_size=4)))
    def load(state):
        trainer = tab.trainer
        try:
            tab.load_state(state)
        except ValueError:
            assert tab.state_dict() == before and tab.trainer is trainer
            assert tab.lrSpin.value() == 0.2
        else:  # a valid state: put the original back for the next example
            tab.load_state(before)

    load()


# --- issue 15: time budget, pace, long runs ------------------------------------

def test_budgeted_frames_reach_the_same_bits_as_running_at_once(tab, monkeypatch):
    tab.speedSpin.setValue(50)
    tab.epochsSpin.setValue(400)
    budgets = iter([0.0, 10.0, 0.0, 0.0, 10.0] * 100)  # some frames cut short, some not
    monkeypatch.setattr(tab.model.player, "budget_s", 0.0)
    frames = 0
    while tab.trainer.epoch < 400:
        tab.model.player.budget_s = next(budgets)
        tab.advance_frame()
        frames += 1
    assert frames > 400 // 50  # the budget did cut frames short
    reference = bean_sgd.BeanTrainer(tab.trainer.xs, tab.trainer.ys)
    reference.run_epochs(400)
    assert (tab.trainer.w, tab.trainer.b) == (reference.w, reference.b)


def test_the_tab_says_when_the_machine_cannot_keep_up(tab, qtbot, monkeypatch):
    from gui.beans.model import PACE_FRAMES

    tab.speedSpin.setValue(100)
    tab.epochsSpin.setValue(100_000)
    monkeypatch.setattr(tab.model.player, "budget_s", 0.0)  # a very slow machine
    tab.playButton.click()
    qtbot.waitUntil(lambda: tab.paceLabel.isVisible(), timeout=5000)
    assert tab.trainer.epoch >= PACE_FRAMES
    assert "cannot keep up" in tab.paceLabel.text() and "of 100" in tab.paceLabel.text()
    monkeypatch.setattr(tab.model.player, "budget_s", 10.0)
    qtbot.waitUntil(lambda: not tab.paceLabel.isVisible(), timeout=5000)
    tab.playButton.click()
    assert not tab.paceLabel.isVisible()


def test_a_long_run_is_drawn_decimated_from_start_to_trainer(tab, monkeypatch):
    monkeypatch.setattr(tab.model.player, "budget_s", 10.0)
    tab.epochsSpin.setValue(30_000)
    tab.speedSpin.setValue(1000)
    while not tab.model.finished:
        tab.advance_frame()
    assert tab.trainer.epoch == 30_000
    trace = tab.model.trace
    assert trace.size <= trace.capacity and trace.stride > 1
    path_w, path_b = tab._trajectory.getData()
    pixels = tab.costPlot.getPlotItem().getViewBox().width()
    assert len(path_w) <= pixels + 1
    assert (path_w[0], path_b[0]) == (0.1, 0.1)
    assert (path_w[-1], path_b[-1]) == (tab.trainer.w, tab.trainer.b)
    epochs, losses = tab._loss_curve.getData()
    assert len(epochs) <= tab.lossPlot.getPlotItem().getViewBox().width() + 1
    assert epochs[0] == 0 and epochs[-1] == 30_000
    assert losses[-1] == pytest.approx(tab.trainer.loss(), rel=1e-12)
    history = tab.trainer.history_array()
    np.testing.assert_allclose(losses[:-1], history[epochs[:-1].astype(int), 3], rtol=1e-12)
