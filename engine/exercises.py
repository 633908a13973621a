"""The course: graded exercises a teacher would set, in course order, with
live checks and worked solutions.

Each check reads a *snapshot*: a plain dict of the engine objects and values
the tabs hold (keys below). A check whose inputs are missing is simply not
met, so exercises of a tab that is not built yet never pass by accident.
Every check reads only what a tab's saved state determines, so each
exercise's ``solution`` — a tab state, plain data in the form that tab's
``load_state`` takes — completes it the moment it is loaded.

Snapshot keys:
- sine tab: ``sine_network`` (MLP), ``sine_x``, ``sine_target`` (arrays),
  ``sine_target_key`` (str), ``sine_autofit_token`` (changes whenever auto-fit
  runs: the "by hand" exercises' training token);
- gates tab: ``gate_weights`` ((w1, w2, b)), ``gate_target`` (four 0/1
  outputs), ``gate_xor`` ({"nand"|"or"|"and": (w1, w2, b)});
- activations tab: ``softmax_probabilities`` (array), ``softmax_logits``
  (list), ``softmax_temperature``, ``softmax_naive`` (bool), ``chain_length``,
  ``chain_input``;
- beans tab: ``bean_trainer`` (BeanTrainer: the learner's run, graded only as
  far as it has played; the tab's state carries its epoch, so loading a
  solution replays it), ``bean_settings`` (dict: count, seed, lr, mode,
  activation, extra_beans);
- spiral tab: ``spiral_classifier`` (Classifier), ``spiral_X``, ``spiral_y``,
  ``spiral_training_steps`` (training steps behind the current weights).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from engine import losses, presets
from engine.activations import (
    gradient_through_chain,
    softmax_naive_problem,
    softmax_with_temperature,
)
from engine.network import MLP
from engine.perceptron import GATES, gate_table, two_layer_truth_table
from engine.targets import TARGETS

KINK_TOLERANCE = 0.005
VALUE_TOLERANCE = 0.005  # typed numbers (logits, temperature) count within this
SINE_SIZES = (1, 8, 8, 1)
POST_SPIRAL_POINTS = 300  # the post's spiral_data(100, 3)
BEAN_EPOCHS = 500  # the bean goals must be reached within this many epochs
BEAN_GOOD_LOSS = 0.05
AND_T, NAND_T, OR_T, XOR_T = (0, 0, 0, 1), (1, 1, 1, 0), (0, 1, 1, 1), (0, 1, 1, 0)


@dataclass(frozen=True)
class Exercise:
    key: str
    tab: str  # objectName of the tab it belongs to
    goal: str
    hint: str
    check: Callable[[dict], bool]
    solution: dict = field(default_factory=dict)  # a state for the tab's load_state
    #: What the teacher's guide quotes about the solution: (name, function of a snapshot).
    measure: tuple[str, Callable[[dict], float]] | None = None
    #: Snapshot key of the training token for exercises done "by hand": the
    #: exercise only counts if that token did not change since it was started.
    by_hand: str = ""


# --- sine ---------------------------------------------------------------------

def sine_mse(snapshot: dict) -> float:
    net = snapshot["sine_network"]
    return losses.mse(net.predict(snapshot["sine_x"]), snapshot["sine_target"])


def _sine_params(values: dict[str, float], base=presets.zeros) -> list[float]:
    """A flat parameter list: ``base`` with some named values replaced."""
    net = MLP(SINE_SIZES)
    net.set_flat(base())
    for name, value in values.items():
        net.set_param(name, value)
    return net.get_flat().tolist()


def _sine_state(values: dict[str, float], base=presets.zeros, target: str = "sine") -> dict:
    preset = next(key for key, make in presets.SINE_PRESETS.items() if make is base)
    return {"params": _sine_params(values, base), "preset": preset, "target": target}


def _kink_and_slope(s: dict) -> bool:
    net = s["sine_network"]
    kink = net.kinks()[0]
    return bool(np.isfinite(kink) and abs(kink - 0.25) <= KINK_TOLERANCE
                and abs(net.get_param("w1_0_0") - 2.0) <= VALUE_TOLERANCE)


def _only_outputs(net, keep: int) -> bool:
    """True when only layer-2 neurons 0 … keep−1 reach the output."""
    return bool(np.all(net.layers[-1].weights[keep:, 0] == 0.0))


SEGMENT_KNOTS = np.array([0.0, presets.SEGMENT, 2 * presets.SEGMENT])


def segment_error(s: dict) -> float:
    """The largest distance from sin(2πx) at the first two segments' ends."""
    net = s["sine_network"]
    return float(np.max(np.abs(net.predict(SEGMENT_KNOTS) - TARGETS["sine"].fn(SEGMENT_KNOTS))))


def _two_pair_segment(s: dict) -> bool:
    return _only_outputs(s["sine_network"], 2) and segment_error(s) <= 0.01


def _two_neuron_sine(s: dict) -> bool:
    return (s["sine_target_key"] == "sine" and _only_outputs(s["sine_network"], 2)
            and sine_mse(s) <= 0.05)


def _triangle_fit(s: dict) -> bool:
    return s["sine_target_key"] == "triangle" and sine_mse(s) <= 0.01


def _dead_neuron_revived(s: dict) -> bool:
    net = s["sine_network"]
    dead = net.dead_neurons(s["sine_x"])[0]
    return (s["sine_target_key"] == "sine" and net.get_param("b1_7") <= -1.0
            and not dead[7] and sine_mse(s) <= 0.01)


def _whole_sine_by_hand(s: dict) -> bool:
    # Loading the Hand-tuned preset is one click, not work by hand.
    own = not np.array_equal(s["sine_network"].get_flat(), presets.hand_tuned_sine())
    return s["sine_target_key"] == "sine" and own and sine_mse(s) <= 0.01


def _triangle_network() -> dict:
    # ReLU(4x − 8·ReLU(x − ¼) + 8·ReLU(x − ¾) + 1) − 1 is the triangle itself.
    values = {}
    for k, kink in enumerate((0.0, 0.25, 0.75)):
        values[f"w1_0_{k}"], values[f"b1_{k}"] = 1.0, -kink
    for k, weight in enumerate((4.0, -8.0, 8.0)):
        values[f"w2_{k}_0"] = weight
    values.update({"b2_0": 1.0, "w3_0_0": 1.0, "b3_0": -1.0})
    return values


def _own_hand_fit() -> dict[str, float]:
    """The eight pairs with output weights rounded to two decimals, as a
    learner types them, and the output bias to match."""
    net = MLP(SINE_SIZES)
    net.set_flat(presets.hand_tuned_sine())
    slopes = [round(net.get_param(f"w3_{k}_0"), 2) for k in range(presets.PAIRS)]
    values = {f"w3_{k}_0": slope for k, slope in enumerate(slopes)}
    values["b3_0"] = round(-sum(slopes) * presets.SEGMENT, 2)
    return values


# --- gates --------------------------------------------------------------------

def gate_outputs(weights) -> tuple[int, ...]:
    """The perceptron's outputs for inputs 00, 01, 10, 11, exactly as the
    gates tab's truth table shows them (a sum that is 0 up to rounding gives 0)."""
    _, outputs = gate_table(*weights)
    return tuple(int(y) for y in outputs)


def _close(a, b, tolerance: float = 1e-9) -> bool:
    return bool(np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float),
                            rtol=0, atol=tolerance))


def _book_and(s: dict) -> bool:
    return tuple(s["gate_target"]) == AND_T and _close(s["gate_weights"], GATES["AND"])


def _and_to_or_by_bias(s: dict) -> bool:
    w1, w2, b = s["gate_weights"]
    and_w1, and_w2, _ = GATES["AND"]
    # The tab starts at b = 0, which computes OR already: the learner must move b.
    return ((w1, w2) == (and_w1, and_w2) and b != 0.0
            and gate_outputs(s["gate_weights"]) == OR_T)


def _own_nand(s: dict) -> bool:
    weights = tuple(s["gate_weights"])
    return gate_outputs(weights) == NAND_T and not _close(weights, GATES["NAND"])


def gate_matches(s: dict) -> int:
    """How many truth-table rows the one perceptron gets right."""
    return sum(o == t for o, t in zip(gate_outputs(s["gate_weights"]), s["gate_target"],
                                      strict=True))


def _xor_three_of_four(s: dict) -> bool:
    return tuple(s["gate_target"]) == XOR_T and gate_matches(s) == 3


def two_layer_outputs(s: dict) -> tuple[int, ...]:
    xor = s["gate_xor"]
    rows = two_layer_truth_table(xor["nand"], xor["or"], xor["and"])
    return tuple(int(row[-1]) for row in rows)


def _own_xor(s: dict) -> bool:
    xor = s["gate_xor"]
    book = all(_close(xor[n], GATES[g]) for n, g in (("nand", "NAND"), ("or", "OR"),
                                                      ("and", "AND")))
    return two_layer_outputs(s) == XOR_T and not book


# --- activations ----------------------------------------------------------------

GIVEN_LOGITS = (2.0, 1.0, 0.1)
CHAIN_STALL = 1e-8


def _logits_are(s: dict, logits) -> bool:
    return len(s["softmax_logits"]) == len(logits) and _close(s["softmax_logits"], logits,
                                                              VALUE_TOLERANCE)


def _given_logits(s: dict) -> bool:
    return (_logits_are(s, GIVEN_LOGITS)
            and abs(s["softmax_temperature"] - 1.0) <= VALUE_TOLERANCE)


def _softmax_ninety(s: dict) -> bool:
    p = np.asarray(s["softmax_probabilities"], dtype=float)
    return p.size > 2 and bool(np.all(np.isfinite(p))) and abs(p[2] - 0.9) <= 0.005


def top_probability(s: dict) -> float:
    return float(np.max(softmax_with_temperature(s["softmax_logits"],
                                                 s["softmax_temperature"])))


def _cold_softmax(s: dict) -> bool:
    return _logits_are(s, GIVEN_LOGITS) and top_probability(s) >= 0.99


def _naive_overflow(s: dict) -> bool:
    problem = softmax_naive_problem(s["softmax_logits"], s["softmax_temperature"])
    stable = softmax_with_temperature(s["softmax_logits"], s["softmax_temperature"])
    return bool(s["softmax_naive"] and problem == "overflow" and np.all(np.isfinite(stable)))


def chain_gradient(s: dict) -> float:
    """∂a_n/∂x through the sigmoid chain the vanishing-gradient page shows."""
    return float(gradient_through_chain("sigmoid", s["chain_length"], s["chain_input"])[-1])


def _chain_stalls(s: dict) -> bool:
    return s["chain_length"] <= 10 and chain_gradient(s) < CHAIN_STALL


# --- beans --------------------------------------------------------------------------

@dataclass(frozen=True)
class BeanRun:
    """What the learner's bean run has shown so far."""

    good_epoch: int | None  # first epoch ≤ BEAN_EPOCHS with loss ≤ BEAN_GOOD_LOSS
    diverged_epoch: int | None  # the epoch it diverged in


def bean_run(s: dict) -> BeanRun:
    """The run the tab's trainer has played: only epochs it has reached count,
    so right settings earn nothing until the run gets there."""
    trainer = s["bean_trainer"]
    losses = trainer.history_since(0, BEAN_EPOCHS + 1)[:, 3]  # the run's own losses
    good = np.flatnonzero(losses <= BEAN_GOOD_LOSS)
    return BeanRun(int(good[0]) if good.size else None,
                   trainer.played if trainer.diverged else None)


def bean_good_epoch(s: dict) -> float:
    epoch = bean_run(s).good_epoch
    return math.inf if epoch is None else float(epoch)


def _fast_beans(s: dict) -> bool:
    return bean_good_epoch(s) <= BEAN_EPOCHS


def _bean_divergence(s: dict) -> bool:
    return bean_run(s).diverged_epoch is not None


def _fastest_beans(s: dict) -> bool:
    return s["bean_trainer"].mode == "sample" and bean_good_epoch(s) <= 20


def _batch_beans(s: dict) -> bool:
    return s["bean_trainer"].mode == "batch" and bean_good_epoch(s) <= 100


# --- spiral ---------------------------------------------------------------------------

def spiral_accuracy(s: dict) -> float:
    proba = s["spiral_classifier"].predict_proba(s["spiral_X"])
    return losses.accuracy(proba, s["spiral_y"])


def _post_spiral(s: dict) -> bool:
    return len(s["spiral_y"]) == POST_SPIRAL_POINTS and int(np.max(s["spiral_y"])) == 2


def _post_network_by_hand(s: dict, accuracy: float) -> bool:
    # Every weight replacement clears the training history: steps behind the
    # current weights mean they came from training.
    return (_post_spiral(s) and s["spiral_classifier"].sizes == (2, 3, 3)
            and s["spiral_training_steps"] == 0 and spiral_accuracy(s) >= accuracy)


def _spiral_forty(s: dict) -> bool:
    return _post_network_by_hand(s, 0.4)


def _spiral_small_by_hand(s: dict) -> bool:
    return _post_network_by_hand(s, 0.5)


def _spiral_trained(s: dict) -> bool:
    return _post_spiral(s) and spiral_accuracy(s) >= 0.9


def _numbers(text: str) -> list[float]:
    return [float(word) for word in text.split()]


def _spiral_state(hidden: int, params: list[float]) -> dict:
    return {"samples": 100, "classes": 3, "seed": 0, "hidden": hidden, "params": params}


# Found by moving weights in steps of 0.01 and keeping what raised the accuracy.
SPIRAL_HAND_47 = [1.09, 2.73, 2.97, -2.32, -3.43, -2.7, 0.23, -0.6, -1.45, 1.2, -2.26, 1.68,
                  -1.42, 2.67, -2.81, 0.73, -2.63, 2.51, -0.33, 0.19, -0.31]
SPIRAL_HAND_56 = [1.01, 3.16, 3.61, -2.36, -3.38, -2.61, 0.22, -0.61, -1.42, 1.19, -2.25, 1.67,
                  -1.19, 2.85, -2.74, 0.3, -2.52, 2.99, -0.22, 0.38, -0.34]
# 48 hidden neurons from the tab's start (seed 0), 1500 Adam steps at lr 0.02,
# rounded to two decimals: 93 % on the post's spiral.
SPIRAL_TRAINED_48 = _numbers("""
    4.37 0.87 -0.04 -0.06 -4.19 -2.11 -5.86 -4.18 7.92 -0.01 2.43 -3.21 -0.32 0.51 6.97
    -2.73 1.33 0.27 0.02 -3.18 3.45 6.46 -4.2 -5.26 9.54 -0.09 -0.03 0.47 6.77 5.54 -0.06
    2.18 0.98 2.78 -6.09 0 -3.02 1.08 0.05 -0.03 -3.41 0.02 -3.93 -2.92 0.5 -0.02 -3.77 2.23
    -2 3.73 -0.05 -0.04 1.17 -3.6 -4.9 4.4 3.16 6.02 2.06 3.97 6.47 -2.69 -2.6 6.79 -3.01
    0.63 0.02 -0.57 -5.13 -7.8 1.67 -3.37 -4.71 -0.04 0.01 5.69 -1.8 4.1 5.8 5.03 -2.77 4.55
    -4.55 0.07 -2.26 -3.03 0.02 0.07 -0.71 3.07 4.05 5.77 7.98 0.08 -0.11 1.87 3.5 2.67
    -0.16 -0.17 3.03 -1.15 -4.73 1.65 -5.25 3.18 2.52 2.21 -3.71 1.32 -0.62 0.81 -1.64 0.53
    -0.15 1.07 1.47 1.17 3.27 -0.36 3.8 -0.15 -0.17 1.26 3.46 -2.49 3.12 -2.89 -1.65 -3.56
    0.84 -0.14 2.06 -1.8 -0.15 -0.14 1.22 -0.93 2.23 2.07 2.81 -0.15 0.27 2.3 -0.74 -6.32
    2.33 3.11 -1.25 -1.53 0.12 -0.11 0.09 0.12 -0.11 0.12 -0.23 4.78 -2.49 -1.09 9.9 -3.03
    4.89 -11.4 7.27 -2.67 -1.4 3.69 5.33 14.63 -16.64 2.37 -4.66 1.17 2.54 -0.57 -1.6 2.4
    -3.53 1.37 2.49 14.84 -16.76 0.4 1.62 -1.62 -2.37 7.5 -3.57 2.78 2.84 -4.63 7.49 -6.74
    -2.96 0.59 -0.45 0.06 -0.04 -0.05 0.17 1.17 -1.42 0.14 2.45 -4.77 1.8 -0.06 -6.02 4.86
    -0.58 5.05 -2.54 3.98 -9.4 -1.11 0.81 5.79 -4.23 -0.14 -0.05 0.08 0 0.15 -0.04 -1.08
    4.26 -2.75 -5.11 2.15 2.28 5.34 -11.19 9.22 3.05 -3.09 -0.55 0.86 8.75 -10.33 8.23 -1.13
    -6.1 -14.74 6.95 3.02 -5.33 2.91 3.24 0.11 -0.06 -0.07 0.14 2.89 -2.39 8.43 -1.59 -5.64
    0.13 -0.11 0.11 0.1 -0.13 -0.12 2.09 -1.74 -0.08 1.69 -3.07 -2.25 -0.45 -3.54 3.46 -4.16
    0.53 2.85 -5.58 2.49 2.83 0.12 -0.11 0.12 2.82 2.32 -3.3 2.63 -0.22 -1.9 0.21 0.52 -0.44
""")


EXERCISES: tuple[Exercise, ...] = (
    # --- gates: one perceptron, then two layers ---
    Exercise("gate_book_and", "gatesTab",
             "Make the perceptron compute AND with the book's weights w1 = w2 = 0.5, b = −0.7.",
             "The tab starts at w1 = w2 = 0.5, b = 0: three rows right. Lower b until only "
             "(1, 1) gives a sum above 0 — or press the book's-weights button.",
             _book_and, {"target": list(AND_T), "weights": list(GATES["AND"])},
             ("matching rows", gate_matches)),
    Exercise("and_to_or", "gatesTab",
             "Turn AND into OR by changing only the bias.",
             "Keep w1 = w2 = 0.5. OR must fire when one input is 1: 0.5 + b > 0, but b ≤ 0.",
             _and_to_or_by_bias, {"target": list(OR_T), "weights": list(GATES["OR"])},
             ("bias", lambda s: s["gate_weights"][2])),
    Exercise("own_nand", "gatesTab",
             "Build NAND with weights of your own (not the book's −0.5, −0.5, 0.7).",
             "NAND is AND upside down: negate all three of AND's numbers, then change them.",
             _own_nand, {"target": list(NAND_T), "weights": [-1.0, -1.0, 1.5]},
             ("matching rows", gate_matches)),
    Exercise("xor_one_layer", "gatesTab",
             "Choose XOR as the target and get 3 of its 4 rows right with one perceptron; "
             "then press Learn it and watch it never settle.",
             "One line cannot put (0, 1) and (1, 0) on one side and (0, 0), (1, 1) on the "
             "other. OR's weights already get three rows right.",
             _xor_three_of_four, {"target": list(XOR_T), "weights": list(GATES["OR"])},
             ("matching rows", gate_matches)),
    Exercise("xor_two_layers", "gatesTab",
             "Build XOR with two layers using weights of your own (change at least one of "
             "the book's nine numbers and keep y = XOR).",
             "s1 = NAND and s2 = OR each draw a line; y = AND(s1, s2) is 1 between them. "
             "Doubling all three numbers of a neuron keeps its line.",
             _own_xor, {"target": list(XOR_T), "xor": {"nand": [-1.0, -1.0, 1.5],
                                                       "or": [1.0, 1.0, -0.5],
                                                       "and": [1.0, 1.0, -1.5]}},
             ("XOR rows", lambda s: sum(o == t for o, t in zip(two_layer_outputs(s), XOR_T,
                                                                 strict=True)))),
    # --- sine: one neuron, a segment, the whole curve ---
    Exercise("sine_kink", "sineTab",
             "Give layer-1 neuron 0 slope 2 (w1_0_0 = 2) and its kink at x = 0.25.",
             "The kink is where w·x + b = 0, so x = −b/w. With w1_0_0 = 2, set b1_0 = −0.5.",
             _kink_and_slope,
             _sine_state({"w1_0_0": 2.0, "b1_0": -0.5}, presets.nnfs_first_step),
             ("kink x", lambda s: float(s["sine_network"].kinks()[0]))),
    Exercise("sine_segment", "sineTab",
             "Build the sine's first two segments (0 ≤ x ≤ 0.25) with neuron pairs 0 and 1: "
             "the output within 0.01 of sin(2πx) at x = 0, 0.125 and 0.25, every other "
             "output weight w3_k_0 at 0.",
             "Copy pair 0: w1_0_1 = 1, b1_1 = −0.125, w2_1_1 = −1, b2_1 = 0.125. Then w3_1_0 "
             "sets the second segment's slope; the output bias b3_0 lifts the curve back.",
             _two_pair_segment, {"params": presets.guided_sine_steps()[1].tolist(),
                                 "preset": "nnfs_first_step", "target": "sine"},
             ("max error at the knots", segment_error)),
    Exercise("triangle_fit", "sineTab",
             "Choose the triangle target and fit it to MSE ≤ 0.01.",
             "A triangle is piecewise linear: four ramps are enough. Auto-fit may finish it.",
             _triangle_fit, _sine_state(_triangle_network(), target="triangle"),
             ("MSE", sine_mse)),
    Exercise("dead_neuron", "sineTab",
             "Kill and revive a neuron: from Hand-tuned, set b1_7 = −1 so layer-1 neuron 7 "
             "is 0 for every x (dead: grey in the diagram, no gradient), then bring it back "
             "to life without raising b1_7, until the MSE is ≤ 0.01 again.",
             "A ReLU neuron is dead where w·x + b ≤ 0 for every x. Its kink −b/w = 1 is at "
             "the edge: a larger w1_0_7 moves it back inside; w2_7_7 then restores the "
             "segment's width.",
             _dead_neuron_revived,
             _sine_state({"b1_7": -1.0, "w1_0_7": 1.143, "w2_7_7": -0.875},
                         presets.hand_tuned_sine),
             ("MSE", sine_mse)),
    Exercise("sine_by_hand", "sineTab",
             "Fit the whole sine to MSE ≤ 0.01 by hand: auto-fit off (and not the "
             "Hand-tuned preset).",
             "Add one neuron pair per eighth of the period, as pair 0 does: kink k/8, output "
             "weight = the sine's rise over that eighth × 8. Only counts if auto-fit was not "
             "used since you started it.",
             _whole_sine_by_hand, _sine_state(_own_hand_fit(), presets.hand_tuned_sine),
             ("MSE", sine_mse), by_hand="sine_autofit_token"),
    Exercise("sine_two_neurons", "sineTab",
             "Reach MSE ≤ 0.05 on the sine using only layer-2 neurons 0 and 1 "
             "(all other output weights w3_k_0 at 0).",
             "Start from Zeros. One layer-2 neuron can hold a whole triangle: feed it three "
             "layer-1 ramps with kinks at 0, 0.25 and 0.75.",
             _two_neuron_sine, _sine_state(_triangle_network()),
             ("MSE", sine_mse)),
    # --- activations: probabilities and gradients ---
    Exercise("softmax_given", "activationsTab",
             "In the softmax playground, enter the logits 2.0, 1.0, 0.1 (temperature 1) and "
             "read their probabilities.",
             "Three logits: type them into the spin boxes. Expect about 0.66, 0.24 and 0.10: "
             "e^2 : e^1 : e^0.1.",
             _given_logits, {"logits": list(GIVEN_LOGITS), "temperature": 1.0, "page": 1},
             ("p0", top_probability)),
    Exercise("softmax_ninety", "activationsTab",
             "Make softmax give 90 % (± 0.5 %) to logit 2.",
             "Only differences between logits matter: raise logit 2 about ln 18 ≈ 2.89 above "
             "two equal others.",
             _softmax_ninety, {"logits": [0.0, 0.0, 2.89], "temperature": 1.0, "page": 1},
             ("p2", lambda s: float(np.asarray(s["softmax_probabilities"])[2]))),
    Exercise("softmax_temperature", "activationsTab",
             "With the logits 2.0, 1.0, 0.1, choose a temperature that gives the top class "
             "at least 99 %.",
             "softmax(z / T): T < 1 stretches the gaps between logits, T > 1 shrinks them "
             "towards equal probabilities.",
             _cold_softmax, {"logits": list(GIVEN_LOGITS), "temperature": 0.2, "page": 1},
             ("p0", top_probability)),
    Exercise("softmax_overflow", "activationsTab",
             "Turn on the naive formula and make it overflow, while the max-shifted softmax "
             "still gives finite probabilities.",
             "e^x overflows a float above x ≈ 709.78. Subtracting the largest logit first "
             "keeps every exponent ≤ 0.",
             _naive_overflow, {"logits": [800.0, 1.0, 0.0], "temperature": 1.0,
                               "naive": True, "page": 1},
             ("p0", top_probability)),
    Exercise("chain_stall", "activationsTab",
             "Read f′ to find where learning stalls: with at most 10 sigmoid layers, choose "
             "the chain's input so that less than 10⁻⁸ of the gradient reaches it.",
             "σ′ is largest at 0 (0.25) and nearly 0 for large |x|: the neuron saturates. "
             "Look at the derivative curve, then move the input far from 0.",
             _chain_stalls, {"chain_length": 10, "chain_input": 5.0, "page": 2},
             ("gradient", chain_gradient)),
    # --- beans: learning rates and updates ---
    Exercise("fast_beans", "beansTab",
             "Bring the bean loss to ≤ 0.05 within 500 epochs.",
             "The post's lr = 0.01 is cautious. Try ten or a hundred times larger.",
             _fast_beans, {"lr": 1.0, "epoch": 19}, ("epochs", bean_good_epoch)),
    Exercise("bean_divergence", "beansTab",
             "Find a learning rate at which the bean neuron diverges.",
             "The sigmoid neuron saturates instead; choose activation 'none' first.",
             _bean_divergence, {"lr": 1.0, "activation": "linear", "epoch": 1},
             ("diverged at epoch", lambda s: float(bean_run(s).diverged_epoch or math.inf))),
    Exercise("fastest_beans", "beansTab",
             "With per-sample updates, find a learning rate that reaches loss ≤ 0.05 within "
             "20 epochs.",
             "Too small creeps, too large overshoots and bounces: between them is a best "
             "learning rate. Try values between 0.1 and 10.",
             _fastest_beans, {"lr": 1.0, "mode": "sample", "epoch": 19},
             ("epochs", bean_good_epoch)),
    Exercise("batch_beans", "beansTab",
             "Switch to full-batch updates and reach loss ≤ 0.05 within 100 epochs.",
             "Full batch makes one update per epoch instead of one per bean: at lr = 1 it "
             "hardly moves. It needs a far larger learning rate.",
             _batch_beans, {"lr": 50.0, "mode": "batch", "epoch": 9}, ("epochs", bean_good_epoch)),
    # --- spiral: by hand, then by training ---
    Exercise("spiral_forty", "spiralTab",
             "With the post's 2-3-3 network, reach 40 % accuracy on the spiral by hand "
             "(without Train).",
             "Randomise for bigger weights, then move one ReLU line at a time and watch the "
             "accuracy.",
             _spiral_forty, _spiral_state(3, SPIRAL_HAND_47), ("accuracy", spiral_accuracy)),
    Exercise("spiral_by_hand", "spiralTab",
             "With the post's 2-3-3 network, reach 50 % accuracy on the spiral by hand "
             "(without Train) — more than training reaches.",
             "Training the 2-3-3 network stalls below 50 %. Give each class its own ReLU "
             "line and turn the output weights so each line votes for one arm.",
             _spiral_small_by_hand, _spiral_state(3, SPIRAL_HAND_56),
             ("accuracy", spiral_accuracy)),
    Exercise("spiral_trained", "spiralTab",
             "Train the spiral classifier to ≥ 90 % accuracy by choosing the hidden size.",
             "Three hidden neurons are too few: raise the hidden width (32? 48? 64?), then "
             "train.",
             _spiral_trained, _spiral_state(48, SPIRAL_TRAINED_48),
             ("accuracy", spiral_accuracy)),
)

EXERCISES_BY_KEY = {exercise.key: exercise for exercise in EXERCISES}
TABS = ("sineTab", "gatesTab", "activationsTab", "beansTab", "spiralTab")


def check(exercise: Exercise, snapshot: dict) -> bool:
    """Whether ``snapshot`` meets the exercise; False when its inputs are missing."""
    try:
        return bool(exercise.check(snapshot))
    except (KeyError, ValueError):
        return False


def completed(snapshot: dict) -> set[str]:
    """Keys of every exercise the snapshot meets."""
    return {e.key for e in EXERCISES if check(e, snapshot)}
