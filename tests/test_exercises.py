"""The exercise checks, on engine objects only (no GUI)."""

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


def test_there_are_at_least_eight_exercises_across_all_tabs():
    assert len(EXERCISES) >= 8
    assert {e.tab for e in EXERCISES} == {"sineTab", "gatesTab", "activationsTab", "beansTab",
                                          "spiralTab"}
    assert len(EXERCISES_BY_KEY) == len(EXERCISES)
    assert all(e.goal and e.hint for e in EXERCISES)


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


@pytest.mark.parametrize(("weights", "key", "expected"), [
    ((0.5, 0.5, -0.2), "and_to_or", True),
    ((0.5, 0.5, -0.7), "and_to_or", False),  # still AND
    ((0.6, 0.5, -0.2), "and_to_or", False),  # a weight changed too
    ((-0.5, -0.5, 0.7), "own_nand", False),  # the book's own weights
    ((-1.0, -1.0, 1.5), "own_nand", True),
    ((-1.0, -1.0, 2.5), "own_nand", False),  # always 1: not NAND
])
def test_gate_exercises(weights, key, expected):
    assert met(key, {"gate_weights": weights}) is expected


def test_gate_outputs_follow_the_perceptron_rule():
    assert exercises.gate_outputs((0.5, 0.5, -0.7)) == (0, 0, 0, 1)
    # 0.1 + 0.2 − 0.3 is 5.6e−17 in floats, but 0 on paper and in the tab's table.
    assert exercises.gate_outputs((0.1, 0.2, -0.3)) == (0, 0, 0, 0)


@pytest.mark.parametrize(("p2", "expected"), [(0.9, True), (0.903, True), (0.91, False),
                                               (0.5, False)])
def test_softmax_ninety(p2, expected):
    rest = (1 - p2) / 2
    assert met("softmax_ninety", {"softmax_probabilities": np.array([rest, rest, p2])}) is expected


def test_softmax_ninety_rejects_nan():
    assert not met("softmax_ninety", {"softmax_probabilities": np.array([np.nan, 0.05, 0.9])})


def test_bean_exercises():
    xs, ys = get_beans(100, np.random.RandomState(0))
    calm = BeanTrainer(xs, ys)
    calm.run_epochs(50)
    assert not met("bean_divergence", {"bean_trainer": calm})
    assert not met("fast_beans", {"bean_trainer": calm})
    wild = BeanTrainer(xs, ys, activation="linear", lr=100)
    wild.run_epochs(5)
    assert met("bean_divergence", {"bean_trainer": wild})
    quick = BeanTrainer(xs, ys, lr=1.0)
    quick.run_epochs(500)
    assert quick.loss() <= 0.05 and met("fast_beans", {"bean_trainer": quick})
    quick.run_epochs(1)  # epoch 501: too late to count
    assert not met("fast_beans", {"bean_trainer": quick})


def test_spiral_exercises():
    X, y = spiral_data(100, 3, rng=0)
    small = Classifier(rng=0)
    snapshot = {"spiral_classifier": small, "spiral_X": X, "spiral_y": y}
    assert exercises.spiral_accuracy(snapshot) < 0.5
    assert not met("spiral_by_hand", snapshot) and not met("spiral_trained", snapshot)
    big = Classifier(hidden=(64,), rng=0)
    train_steps(big, X, y, Adam(0.02), 1500)
    snapshot = {"spiral_classifier": big, "spiral_X": X, "spiral_y": y}
    assert exercises.spiral_accuracy(snapshot) >= 0.9 and met("spiral_trained", snapshot)
    assert not met("spiral_by_hand", snapshot)  # not the post's 2-3-3 size
