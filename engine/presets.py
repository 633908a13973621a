"""Starting weights for the sine-fit network (``MLP((1, 8, 8, 1))``).

The hand-tuned solution follows NNFS chapter 4: layer-1 neuron k and layer-2
neuron k form a pair that owns one eighth of the period. Neuron 1 of the pair,
ReLU(x − k/8), turns on at its kink x = k/8; neuron 2, ReLU(−h + 1/8), flips
that ramp and cuts it off 1/8 later, giving "flat, ramp, flat". The output
weight scales the ramp to the sine's rise over that eighth, and the output
bias cancels the flat part, so each pair adds the next segment of the curve.
The values have three decimals, as a learner would type them.
"""

from __future__ import annotations

import numpy as np

from engine.network import MLP
from engine.rng import RandomSource, as_generator

PAIRS = 8
SEGMENT = 1 / PAIRS


def _segment_slopes() -> np.ndarray:
    knots = np.arange(PAIRS + 1) * SEGMENT
    rises = np.diff(np.sin(2 * np.pi * knots))
    return np.round(-rises / SEGMENT, 3)  # the flip (negative layer-2 weight) is undone here


def _pairs_network(n_pairs: int) -> MLP:
    """The hand-tuned net with only its first ``n_pairs`` pairs set."""
    net = MLP((1, 8, 8, 1))
    net.set_flat(np.zeros(net.n_params))
    slopes = _segment_slopes()
    for k in range(n_pairs):
        net.set_param(f"w1_0_{k}", 1.0)
        net.set_param(f"b1_{k}", -k * SEGMENT)
        net.set_param(f"w2_{k}_{k}", -1.0)
        net.set_param(f"b2_{k}", SEGMENT)
        net.set_param(f"w3_{k}_0", slopes[k])
    # Each pair adds slope·SEGMENT left of its kink; the bias takes it back out.
    net.set_param("b3_0", round(float(-np.sum(slopes[:n_pairs]) * SEGMENT), 3))
    return net


def hand_tuned_sine() -> np.ndarray:
    """All eight pairs: linear interpolation of sin(2πx) at x = k/8."""
    return _pairs_network(PAIRS).get_flat()


def guided_sine_steps() -> list[np.ndarray]:
    """Flat parameters after each pair of the guided build (1 … 8 pairs set)."""
    return [_pairs_network(n).get_flat() for n in range(1, PAIRS + 1)]


def nnfs_first_step() -> np.ndarray:
    """Only the first pair set, as in the chapter's first figure of the fit."""
    return _pairs_network(1).get_flat()


def zeros() -> np.ndarray:
    return np.zeros(MLP((1, 8, 8, 1)).n_params)


def random_params(rng: RandomSource = None) -> np.ndarray:
    """He-style random start (std √(2/fan-in)), biases zero — a typical
    untrained network rather than NNFS's 0.01·randn, which would look flat."""
    gen = as_generator(rng)
    net = MLP((1, 8, 8, 1))
    for layer in net.layers:
        layer.weights[...] = gen.standard_normal(layer.weights.shape) * np.sqrt(
            2.0 / layer.weights.shape[0])
        layer.biases[...] = 0.0
    return net.get_flat()


SINE_PRESETS = {
    "hand_tuned": hand_tuned_sine,
    "nnfs_first_step": nnfs_first_step,
    "random": random_params,
    "zeros": zeros,
}
