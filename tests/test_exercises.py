"""The exercise checks, on engine objects only (no GUI)."""

import json
from collections import Counter
from itertools import groupby

import numpy as np
import pytest

from engine import exercises, presets
from engine.bean_sgd import BeanTrainer
from engine.datasets import get_beans, spiral_data
from engine.exercises import EXERCISES, EXERCISES_BY_KEY, check, completed
from engine.network import MLP, Classifier
from engine.optim import Adam, train_steps
from engine.targets import TARGETS


def sine_snapshot(net, target="sine"):
    x = np.linspace(0, 1, 500, endpoint=False)
    return {"sine_network": net, "sine_x": x, "sine_target": TARGETS[target].fn(x),
            "sine_target_key": target}


def met(key, snapshot):
    return check(EXERCISES_BY_KEY[key], snapshot)


def test_a_course_of_at_least_twenty_exercises_three_per_tab():
    assert len(EXERCISES) >= 20
    per_tab = Counter(e.tab for e in EXERCISES)
    assert set(per_tab) == set(exercises.TABS) and min(per_tab.values()) >= 3
    assert len(EXERCISES_BY_KEY) == len(EXERCISES)
    assert all(e.goal and e.hint and e.solution and e.measure for e in EXERCISES)
    # Each tab's exercises sit together, in the course's order.
    tabs_in_order = [tab for tab, _ in groupby(e.tab for e in EXERCISES)]
    assert sorted(tabs_in_order) == sorted(set(tabs_in_order))


def test_solutions_are_plain_data():
    for exercise in EXERCISES:
        assert json.loads(json.dumps(exercise.solution)) == exercise.solution, exercise.key


def test_saved_progress_keys_of_the_first_course_still_exist():
    for key in ("sine_kink", "sine_two_neurons", "triangle_fit", "and_to_or", "own_nand",
                "softmax_ninety", "bean_divergence", "fast_beans", "spiral_by_hand",
                "spiral_trained"):
        assert key in EXERCISES_BY_KEY


def test_an_empty_snapshot_meets_nothing():
    assert completed({}) == set()


def test_kink_exercise():
    net = MLP()
    net.set_flat(presets.zeros())
    assert not met("sine_kink", sine_snapshot(net))  # w = 0: no kink at all
    net.set_param("w1_0_0", 2.0)
    net.set_param("b1_0", -0.5)
    assert met("sine_kink", sine_snapshot(net))
    net.set_param("b1_0", -0.52)  # kink at 0.26
    assert not met("sine_kink", sine_snapshot(net))
    net.set_param("w1_0_0", 1.0)
    net.set_param("b1_0", -0.25)  # kink at 0.25, but slope 1
    assert not met("sine_kink", sine_snapshot(net))


def test_two_neuron_sine_needs_only_layer2_neurons_zero_and_one():
    net = MLP()
    net.set_flat(presets.hand_tuned_sine())
    assert net.get_param("w3_5_0") != 0 and not met("sine_two_neurons", sine_snapshot(net))
    # One layer-2 neuron can already hold a triangle: ReLU(4x − 8·ReLU(x − ¼)
    # + 8·ReLU(x − ¾) + 1) = triangle + 1, never below zero.
    net.set_flat(presets.zeros())
    for k, kink in enumerate((0.0, 0.25, 0.75)):
        net.set_param(f"w1_0_{k}", 1.0)
        net.set_param(f"b1_{k}", -kink)
    for k, weight in enumerate((4.0, -8.0, 8.0)):
        net.set_param(f"w2_{k}_0", weight)
    net.set_param("b2_0", 1.0)
    net.set_param("w3_0_0", 1.0)
    net.set_param("b3_0", -1.0)
    snapshot = sine_snapshot(net)
    assert np.allclose(net.predict(snapshot["sine_x"]), TARGETS["triangle"].fn(snapshot["sine_x"]))
    assert met("sine_two_neurons", snapshot)
    assert not met("sine_two_neurons", {**snapshot, "sine_target_key": "cosine"})
    net.set_param("w3_2_0", 0.001)  # a third neuron joins in
    assert not met("sine_two_neurons", snapshot)


def test_triangle_fit_requires_the_triangle_target():
    net = MLP(rng=0)
    net.set_flat(presets.hand_tuned_sine())
    snapshot = sine_snapshot(net, "triangle")
    train_steps(net, snapshot["sine_x"], snapshot["sine_target"], Adam(0.01), 1500)
    assert met("triangle_fit", snapshot)
    assert not met("triangle_fit", {**snapshot, "sine_target_key": "sine"})


AND_T, XOR_T = [0, 0, 0, 1], [0, 1, 1, 0]
BOOK_XOR = {"nand": (-0.5, -0.5, 0.7), "or": (0.5, 0.5, -0.2), "and": (0.5, 0.5, -0.7)}


def gates(weights, target=AND_T, xor=BOOK_XOR):
    return {"gate_weights": weights, "gate_target": target, "gate_xor": xor}


@pytest.mark.parametrize(("weights", "key", "expected"), [
    ((0.5, 0.5, -0.7), "gate_book_and", True),
    ((0.5, 0.5, -0.6), "gate_book_and", False),  # AND too, but not the book's weights
    ((0.5, 0.5, -0.2), "and_to_or", True),
    ((0.5, 0.5, 0.0), "and_to_or", False),  # the tab's start computes OR: nothing was done
    ((0.5, 0.5, -0.7), "and_to_or", False),  # still AND
    ((0.6, 0.5, -0.2), "and_to_or", False),  # a weight changed too
    ((-0.5, -0.5, 0.7), "own_nand", False),  # the book's own weights
    ((-1.0, -1.0, 1.5), "own_nand", True),
    ((-1.0, -1.0, 2.5), "own_nand", False),  # always 1: not NAND
])
def test_gate_exercises(weights, key, expected):
    assert met(key, gates(weights)) is expected


def test_xor_exercises():
    assert not met("xor_one_layer", gates((0.5, 0.5, -0.2)))  # target AND
    assert met("xor_one_layer", gates((0.5, 0.5, -0.2), XOR_T))  # OR: three rows of XOR
    assert not met("xor_one_layer", gates((0.5, 0.5, -0.7), XOR_T))  # AND: two rows
    assert not met("xor_two_layers", gates((0.5, 0.5, 0.0)))  # the book's network
    own = {**BOOK_XOR, "or": (1.0, 1.0, -0.5)}
    assert met("xor_two_layers", gates((0.5, 0.5, 0.0), xor=own))
    broken = {**BOOK_XOR, "or": (1.0, 1.0, -1.5)}  # now AND: y is never 1
    assert not met("xor_two_layers", gates((0.5, 0.5, 0.0), xor=broken))


def test_gate_outputs_follow_the_perceptron_rule():
    assert exercises.gate_outputs((0.5, 0.5, -0.7)) == (0, 0, 0, 1)
    # 0.1 + 0.2 − 0.3 is 5.6e−17 in floats, but 0 on paper and in the tab's table.
    assert exercises.gate_outputs((0.1, 0.2, -0.3)) == (0, 0, 0, 0)


@pytest.mark.parametrize(("p2", "expected"), [(0.9, True), (0.903, True), (0.91, False),
                                               (0.5, False)])
def test_softmax_ninety(p2, expected):
    rest = (1 - p2) / 2
    assert met("softmax_ninety", {"softmax_probabilities": np.array([rest, rest, p2])}) is expected


def softmax(logits, temperature=1.0, naive=False, chain=(10, 1.0)):
    return {"softmax_logits": list(logits), "softmax_temperature": temperature,
            "softmax_naive": naive, "chain_length": chain[0], "chain_input": chain[1]}


def test_softmax_and_chain_exercises():
    post = softmax([4.8, 1.21, 2.385])  # the tab's start
    assert not any(met(key, post) for key in ("softmax_given", "softmax_temperature",
                                              "softmax_overflow", "chain_stall"))
    assert met("softmax_given", softmax([2.0, 1.0, 0.1]))
    assert not met("softmax_given", softmax([2.0, 1.0, 0.1], temperature=2.0))
    assert not met("softmax_temperature", softmax([2.0, 1.0, 0.1]))  # top p is 0.66
    assert met("softmax_temperature", softmax([2.0, 1.0, 0.1], temperature=0.2))
    assert not met("softmax_overflow", softmax([800.0, 1.0, 0.0]))  # naive formula off
    assert met("softmax_overflow", softmax([800.0, 1.0, 0.0], naive=True))
    assert not met("softmax_overflow", softmax([800.0, 1.0, 0.0], 2.0, naive=True))  # 400
    assert met("chain_stall", softmax([0, 0, 0], chain=(10, 5.0)))
    assert not met("chain_stall", softmax([0, 0, 0], chain=(30, 1.0)))  # longer, not read f′


def test_softmax_ninety_rejects_nan():
    assert not met("softmax_ninety", {"softmax_probabilities": np.array([np.nan, 0.05, 0.9])})


def bean_trainer(lr=0.01, mode="sample", activation="sigmoid"):
    """The bean tab's run at its start (post 000's beans, seed 0)."""
    xs, ys = get_beans(100, np.random.RandomState(0))
    return BeanTrainer(xs, ys, lr=lr, mode=mode, activation=activation)


def beans(trainer):
    return {"bean_trainer": trainer}


BEAN_KEYS = ("fast_beans", "bean_divergence", "fastest_beans", "batch_beans")


def first_good_epoch(trainer):
    """Run the trainer epoch by epoch to the first loss ≤ 0.05 (within 500)."""
    while trainer.epoch < 500:
        trainer.run_epoch()
        if trainer.loss() <= 0.05:
            return trainer.epoch
    return None


@pytest.mark.parametrize(("key", "settings", "goal"), [
    ("fast_beans", {"lr": 0.1}, 57),
    ("fastest_beans", {"lr": 1.0}, 19),
    ("batch_beans", {"lr": 50.0, "mode": "batch"}, 9),
])
def test_a_bean_goal_is_met_once_the_run_reaches_it_not_before(key, settings, goal):
    assert first_good_epoch(bean_trainer(**settings)) == goal
    trainer = bean_trainer(**settings)
    assert not met(key, beans(trainer))  # the right settings, but no run yet
    trainer.run_epochs(goal - 1)
    assert not met(key, beans(trainer))
    trainer.run_epoch()
    assert met(key, beans(trainer)) and exercises.bean_good_epoch(beans(trainer)) == goal
    trainer.run_epochs(600)  # later epochs do not move the epoch the goal was met at
    assert met(key, beans(trainer)) and exercises.bean_good_epoch(beans(trainer)) == goal


def test_bean_goals_the_run_misses():
    post = bean_trainer()
    post.run_epochs(600)  # the post's lr = 0.01 gets there at epoch 538: too late
    assert post.history[538][3] <= 0.05 < post.history[537][3]
    assert not any(met(key, beans(post)) for key in BEAN_KEYS)
    late = bean_trainer(lr=0.1)
    late.run_epochs(100)  # there at epoch 57: fast, but not within 20
    assert met("fast_beans", beans(late)) and not met("fastest_beans", beans(late))
    batch = bean_trainer(lr=1.0, mode="batch")
    batch.run_epochs(100)  # one update an epoch: too slow at lr 1
    assert not met("batch_beans", beans(batch))
    sample = bean_trainer(lr=1.0)
    sample.run_epochs(19)
    assert not met("batch_beans", beans(sample))  # there, but per sample


def test_bean_divergence_is_met_once_the_run_diverged():
    trainer = bean_trainer(lr=1.0, activation="linear")
    assert not met("bean_divergence", beans(trainer))  # the rate that will, not played
    assert not trainer.run_epoch() and trainer.diverged
    assert met("bean_divergence", beans(trainer))
    assert exercises.bean_run(beans(trainer)).diverged_epoch == 1
    saturated = bean_trainer(lr=1.0)
    saturated.run_epochs(50)
    assert not met("bean_divergence", beans(saturated))  # the sigmoid saturates instead


def spiral(classifier, X, y, steps=0):
    return {"spiral_classifier": classifier, "spiral_X": X, "spiral_y": y,
            "spiral_training_steps": steps}


def test_spiral_exercises():
    X, y = spiral_data(100, 3, rng=0)
    small = Classifier(rng=0)
    assert exercises.spiral_accuracy(spiral(small, X, y)) < 0.4
    assert not met("spiral_by_hand", spiral(small, X, y))
    assert not met("spiral_trained", spiral(small, X, y))
    X, y = spiral_data(100, 3, np.random.RandomState(0))  # the tab's data at seed 0
    small.set_flat(exercises.SPIRAL_HAND_56)
    assert met("spiral_by_hand", spiral(small, X, y)) and met("spiral_forty", spiral(small, X, y))
    assert not met("spiral_by_hand", spiral(small, X, y, steps=10))  # weights from training
    assert not met("spiral_by_hand", spiral(small, X[:150], y[:150]))  # not the post's data
    big = Classifier(hidden=(48,), rng=0)
    big.set_flat(exercises.SPIRAL_TRAINED_48)
    snapshot = spiral(big, X, y, steps=1500)
    assert exercises.spiral_accuracy(snapshot) >= 0.9 and met("spiral_trained", snapshot)
    assert not met("spiral_by_hand", snapshot)  # not the post's 2-3-3 size


def test_two_pair_segment():
    net = MLP()
    net.set_flat(presets.nnfs_first_step())
    assert not met("sine_segment", sine_snapshot(net))  # pair 1 missing: flat after 0.125
    net.set_flat(presets.guided_sine_steps()[1])
    assert met("sine_segment", sine_snapshot(net))
    net.set_flat(presets.hand_tuned_sine())  # right there too, but with all eight pairs
    assert not met("sine_segment", sine_snapshot(net))


def test_whole_sine_by_hand_is_not_the_preset():
    net = MLP()
    net.set_flat(presets.hand_tuned_sine())
    assert exercises.sine_mse(sine_snapshot(net)) <= 0.01
    assert not met("sine_by_hand", sine_snapshot(net))  # one click, not work by hand
    net.set_param("w3_0_0", net.get_param("w3_0_0") + 0.01)
    assert met("sine_by_hand", sine_snapshot(net))


def test_dead_neuron_killed_by_its_bias_and_revived():
    net = MLP()
    net.set_flat(presets.hand_tuned_sine())
    assert not met("dead_neuron", sine_snapshot(net))  # b1_7 = −0.875: alive
    net.set_param("b1_7", -1.0)  # kink at x = 1: zero for every x in [0, 1)
    snapshot = sine_snapshot(net)
    assert net.dead_neurons(snapshot["sine_x"])[0][7] and not met("dead_neuron", snapshot)
    net.set_param("w1_0_7", 1.143)
    net.set_param("w2_7_7", -0.875)
    assert met("dead_neuron", sine_snapshot(net))
