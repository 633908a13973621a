"""Graded tuning exercises a teacher would set, with checks computed here.

Each check reads a *snapshot*: a plain dict of the engine objects and arrays
the tabs hold (keys below). A check whose inputs are missing is simply not
met, so exercises of a tab that is not built yet never pass by accident.

Snapshot keys: ``sine_network`` (MLP), ``sine_x``, ``sine_target`` (arrays),
``sine_target_key`` (str), ``gate_weights`` ((w1, w2, b)),
``softmax_probabilities`` (array), ``bean_trainer`` (BeanTrainer),
``spiral_classifier`` (Classifier), ``spiral_X``, ``spiral_y``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from engine import losses
from engine.perceptron import GATES, gate_table

KINK_TOLERANCE = 0.005


@dataclass(frozen=True)
class Exercise:
    key: str
    tab: str  # objectName of the tab it belongs to
    goal: str
    hint: str
    check: Callable[[dict], bool]


def _sine_mse(snapshot: dict) -> float:
    net = snapshot["sine_network"]
    return losses.mse(net.predict(snapshot["sine_x"]), snapshot["sine_target"])


def _kink_at_quarter(s: dict) -> bool:
    kink = s["sine_network"].kinks()[0]
    return bool(np.isfinite(kink) and abs(kink - 0.25) <= KINK_TOLERANCE)


def _two_neuron_sine(s: dict) -> bool:
    net = s["sine_network"]
    others = net.layers[-1].weights[2:, 0]
    return (s["sine_target_key"] == "sine" and bool(np.all(others == 0.0))
            and _sine_mse(s) <= 0.05)


def _triangle_fit(s: dict) -> bool:
    return s["sine_target_key"] == "triangle" and _sine_mse(s) <= 0.01


def gate_outputs(weights) -> tuple[int, ...]:
    """The perceptron's outputs for inputs 00, 01, 10, 11, exactly as the
    gates tab's truth table shows them (a sum that is 0 up to rounding gives 0)."""
    _, outputs = gate_table(*weights)
    return tuple(int(y) for y in outputs)


def _and_to_or_by_bias(s: dict) -> bool:
    w1, w2, _ = s["gate_weights"]
    and_w1, and_w2, _ = GATES["AND"]
    return (w1, w2) == (and_w1, and_w2) and gate_outputs(s["gate_weights"]) == (0, 1, 1, 1)


def _own_nand(s: dict) -> bool:
    weights = tuple(s["gate_weights"])
    return gate_outputs(weights) == (1, 1, 1, 0) and weights != GATES["NAND"]


def _softmax_ninety(s: dict) -> bool:
    p = np.asarray(s["softmax_probabilities"], dtype=float)
    return p.size > 2 and bool(np.all(np.isfinite(p))) and abs(p[2] - 0.9) <= 0.005


def _bean_divergence(s: dict) -> bool:
    return bool(s["bean_trainer"].diverged)


def _fast_beans(s: dict) -> bool:
    trainer = s["bean_trainer"]
    return 0 < trainer.epoch <= 500 and trainer.loss() <= 0.05


def spiral_accuracy(s: dict) -> float:
    proba = s["spiral_classifier"].predict_proba(s["spiral_X"])
    return losses.accuracy(proba, s["spiral_y"])


def _spiral_trained(s: dict) -> bool:
    return spiral_accuracy(s) >= 0.9


def _spiral_small_by_hand(s: dict) -> bool:
    return s["spiral_classifier"].sizes == (2, 3, 3) and spiral_accuracy(s) >= 0.5


EXERCISES: tuple[Exercise, ...] = (
    Exercise("sine_kink", "sineTab",
             "Put layer-1 neuron 0's kink at x = 0.25.",
             "The kink is where w·x + b = 0, so x = −b/w. With w1_0_0 = 1, set b1_0 = −0.25.",
             _kink_at_quarter),
    Exercise("sine_two_neurons", "sineTab",
             "Reach MSE ≤ 0.05 on the sine using only layer-2 neurons 0 and 1 "
             "(all other output weights w3_k_0 at 0).",
             "Start from Zeros. Make neuron pair 0 rise and pair 1 fall; the output bias "
             "shifts the whole curve.",
             _two_neuron_sine),
    Exercise("triangle_fit", "sineTab",
             "Choose the triangle target and fit it to MSE ≤ 0.01.",
             "A triangle is piecewise linear: four ramps are enough. Auto-fit may finish it.",
             _triangle_fit),
    Exercise("and_to_or", "gatesTab",
             "Turn AND into OR by changing only the bias.",
             "Keep w1 = w2 = 0.5. OR must fire when one input is 1: 0.5 + b > 0, but b ≤ 0.",
             _and_to_or_by_bias),
    Exercise("own_nand", "gatesTab",
             "Build NAND with weights of your own (not the book's −0.5, −0.5, 0.7).",
             "NAND is AND upside down: negate all three of AND's numbers, then change them.",
             _own_nand),
    Exercise("softmax_ninety", "activationsTab",
             "Make softmax give 90 % (± 0.5 %) to logit 2.",
             "Only differences between logits matter: raise logit 2 about ln 9 ≈ 2.2 above "
             "two equal others.",
             _softmax_ninety),
    Exercise("bean_divergence", "beansTab",
             "Find a learning rate at which the bean neuron diverges.",
             "The sigmoid neuron saturates instead; choose activation 'none' first.",
             _bean_divergence),
    Exercise("fast_beans", "beansTab",
             "Bring the bean loss to ≤ 0.05 within 500 epochs.",
             "The post's lr = 0.01 is cautious. Try ten or a hundred times larger.",
             _fast_beans),
    Exercise("spiral_by_hand", "spiralTab",
             "With the post's 2-3-3 network, reach 50 % accuracy on the spiral.",
             "Randomise for bigger weights, then move one ReLU line at a time.",
             _spiral_small_by_hand),
    Exercise("spiral_trained", "spiralTab",
             "Train the spiral classifier to ≥ 90 % accuracy.",
             "Three hidden neurons are too few: raise the hidden width to 64, then train.",
             _spiral_trained),
)

EXERCISES_BY_KEY = {exercise.key: exercise for exercise in EXERCISES}


def check(exercise: Exercise, snapshot: dict) -> bool:
    """Whether ``snapshot`` meets the exercise; False when its inputs are missing."""
    try:
        return bool(exercise.check(snapshot))
    except KeyError:
        return False


def completed(snapshot: dict) -> set[str]:
    """Keys of every exercise the snapshot meets."""
    return {e.key for e in EXERCISES if check(e, snapshot)}
