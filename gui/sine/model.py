"""The sine-fit tab's state: the one ``MLP`` (any 1 → … → 1 shape), the target
it is fitted to, the parameter locks, the view settings and the latest
snapshot of the fit — and the one schema a saved state is checked against.

Widgets write through ``SineFitModel``'s methods and redraw from its signals;
the model knows no widget. All numbers come from ``engine``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal

from engine.activations import ACTIVATIONS
from engine.losses import fit_metrics
from engine.network import MLP, FitSnapshot
from engine.optim import train_steps
from engine.presets import SINE_PRESETS
from engine.targets import TARGETS, merge_sketch, sine_data, sketch_target
from gui.common.checks import checked_params

SIZES = (1, 8, 8, 1)
ACTIVATION = "relu"
# The hidden activations a learner can choose, in the order the combo box lists them.
ACTIVATION_KEYS = ("relu", "leaky_relu", "tanh", "sigmoid")
KINKED = frozenset({"relu", "leaky_relu"})  # piecewise linear: a first-layer neuron bends at −b/w
MAX_HIDDEN_LAYERS = 3
MAX_WIDTH = 16
SAMPLES = 1000  # NNFS's sine_data(1000): the hand-tuned MSE is quoted on it
SKETCH = "sketch"  # the "draw your own" target
TARGET_KEYS = (*TARGETS, SKETCH)
# Sliders and spin boxes span ±PARAM_LIMIT; files and saved sessions are held
# to the same bound, and auto-fit never leaves it, so whatever the network
# holds a slider can show.
PARAM_LIMIT = 10.0
MAX_SKETCH_POINTS = 20_000
PRESET_KEYS = ("hand_tuned", "nnfs_first_step", "random", "zeros")
CUSTOM = "custom"  # the weights match no preset
START_PRESET = "nnfs_first_step"
MIN_TARGET_MSE, MAX_TARGET_MSE = 1e-6, 1.0
DEFAULT_TARGET_MSE = 1e-4
DEFAULT_Y_RANGE = (-1.5, 1.5)
NEW_WEIGHT_SCALE = 0.1  # weights a shape change adds start this small, so the curve moves least
SHAPE_SEED = 2024


def check_shape(sizes, activation) -> tuple[tuple[int, ...], str]:
    """``(sizes, activation)`` if the tab can show that network, else
    ``ValueError`` saying what is wrong."""
    if (not isinstance(sizes, list | tuple)
            or not all(isinstance(s, int) and not isinstance(s, bool) for s in sizes)):
        raise ValueError(f"the layer sizes must be a list of whole numbers, not {sizes!r}")
    sizes = tuple(sizes)
    if len(sizes) < 3 or sizes[0] != 1 or sizes[-1] != 1:
        raise ValueError(f"the network must have one input, one output and 1 to "
                         f"{MAX_HIDDEN_LAYERS} hidden layers, not {list(sizes)}")
    if len(sizes) - 2 > MAX_HIDDEN_LAYERS:
        raise ValueError(f"at most {MAX_HIDDEN_LAYERS} hidden layers, not {len(sizes) - 2}")
    if not all(1 <= s <= MAX_WIDTH for s in sizes[1:-1]):
        raise ValueError(f"a hidden layer has 1 to {MAX_WIDTH} neurons, not {list(sizes[1:-1])}")
    if activation not in ACTIVATION_KEYS:
        raise ValueError(f"unknown hidden activation {activation!r}")
    return sizes, activation


@dataclass(frozen=True)
class NetworkState:
    """A network's shape, activation and every parameter: what one undo step swaps."""

    sizes: tuple[int, ...]
    activation: str
    values: np.ndarray

    def same_as(self, other: NetworkState) -> bool:
        return (self.sizes == other.sizes and self.activation == other.activation
                and np.array_equal(self.values, other.values))


def preset_values(key: str, network: MLP) -> NetworkState:
    """A preset's weights. Hand-tuned and NNFS first step are 1→8→8→1 ReLU nets;
    Random and Zeros fill the network's current shape."""
    if key in ("hand_tuned", "nnfs_first_step"):
        return NetworkState(SIZES, ACTIVATION, SINE_PRESETS[key]())
    if key == "zeros":
        return NetworkState(network.sizes, network.hidden_activation,
                            np.zeros(network.n_params))
    gen = np.random.default_rng()
    parts = []
    for layer in network.layers:  # He-style, as engine.presets.random_params
        n_in, n_out = layer.weights.shape
        parts += [gen.standard_normal(n_in * n_out) * np.sqrt(2.0 / n_in), np.zeros(n_out)]
    values = np.clip(np.concatenate(parts), -PARAM_LIMIT, PARAM_LIMIT)
    return NetworkState(network.sizes, network.hidden_activation, values)


def matching_preset(state: NetworkState) -> str:
    """The fixed preset these weights are exactly, or ``CUSTOM``."""
    for key in ("hand_tuned", "nnfs_first_step"):
        if state.same_as(NetworkState(SIZES, ACTIVATION, SINE_PRESETS[key]())):
            return key
    if not np.any(state.values):
        return "zeros"
    return CUSTOM


class SineFitModel(QObject):
    """Owns the network, the target and the tab's settings; recomputes the fit
    after every change.

    ``paramsChanged`` carries the names whose values changed (so views mirror
    only those) or None when any may have; ``shapeChanged`` fires (before
    ``paramsChanged``) when the network is replaced by one of another shape or
    activation; ``targetChanged`` when the target curve changes;
    ``locksChanged`` when a parameter is frozen or freed.
    """

    paramsChanged = Signal(object)
    shapeChanged = Signal()
    targetChanged = Signal()
    locksChanged = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.network = MLP(SIZES, ACTIVATION)
        self.names = self.network.param_names()
        self.x = sine_data(SAMPLES)[0][:, 0]
        self.target_key = "sine"
        self.sketch_x, self.sketch_y = np.array([0.0, 1.0]), np.zeros(2)
        self._stroke_base: tuple[np.ndarray, np.ndarray] | None = None
        self.target = TARGETS["sine"].fn(self.x)
        self.locked = np.zeros(self.network.n_params, dtype=bool)
        self.best_mse = math.inf
        # View settings: the widgets mirror these, a saved session restores them.
        self.show_neurons = False
        self.selected = (1, 0)
        self.y_range = DEFAULT_Y_RANGE
        self.autofit_target_mse = DEFAULT_TARGET_MSE
        self.random_state: NetworkState | None = None  # the last "Random" weights drawn
        self.snapshot: FitSnapshot
        self.metrics: dict[str, float]
        self._recompute()

    # --- parameters ---

    def get_flat(self) -> np.ndarray:
        return self.network.get_flat()

    def set_param(self, name: str, value: float) -> None:
        """One parameter, exactly ``value``; ``ValueError`` if not finite."""
        self.network.set_param(name, value)
        self._params_changed([name])

    def set_flat(self, values) -> None:
        """All parameters; ``ValueError`` (network unchanged) on a bad vector."""
        before = self.network.get_flat()
        self.network.set_flat(values)
        changed = np.flatnonzero(before != self.network.get_flat())
        self._params_changed([self.names[k] for k in changed])

    def train(self, optimizer, steps: int) -> float:
        """``steps`` optimiser steps on the current target, frozen parameters
        left alone, the views not told (see ``announce``); returns the MSE
        after them. A step that would make a parameter non-finite raises
        ``ValueError`` with the network at its last good values, and steps
        that take one beyond ±PARAM_LIMIT raise it with the network as it
        was before them."""
        X, Y = self.x.reshape(-1, 1), self.target.reshape(-1, 1)
        start = self.network.get_flat()
        try:
            train_steps(self.network, X, Y, optimizer, steps, self.trainable())
            if np.max(np.abs(self.network.get_flat()), initial=0.0) > PARAM_LIMIT:
                self.network.set_flat(start)
                raise ValueError(f"a weight would have left −{PARAM_LIMIT:g} … {PARAM_LIMIT:g}")
        finally:
            self._recompute()
        return self.snapshot.loss

    def announce(self) -> None:
        """Tell the views that any value may have changed (after ``train``,
        which leaves that to its caller: a run redraws once per frame)."""
        self.paramsChanged.emit(None)

    # --- shape ---

    def network_state(self) -> NetworkState:
        return NetworkState(self.network.sizes, self.network.hidden_activation,
                            self.network.get_flat())

    def set_network_state(self, state: NetworkState) -> None:
        """Shape, activation and values at once (an undo step, a file, a preset)."""
        if (state.sizes, state.activation) == (self.network.sizes,
                                                self.network.hidden_activation):
            self.set_flat(state.values)
            return
        network = MLP(state.sizes, state.activation)
        network.set_flat(state.values)  # ValueError before anything changes
        self._replace_network(network)

    def reshaped(self, sizes, activation: str) -> NetworkState:
        """The state after a change of shape: weights at the same layer and
        indices kept, new ones small and random (seeded), so the curve
        changes least."""
        sizes, activation = check_shape(sizes, activation)
        network = MLP(sizes, activation, rng=SHAPE_SEED)
        gen = np.random.default_rng(SHAPE_SEED)
        for layer in network.layers:
            layer.weights[...] = NEW_WEIGHT_SCALE * gen.standard_normal(layer.weights.shape)
        for new, old in zip(network.layers, self.network.layers, strict=False):
            rows = min(new.weights.shape[0], old.weights.shape[0])
            cols = min(new.weights.shape[1], old.weights.shape[1])
            new.weights[:rows, :cols] = old.weights[:rows, :cols]
            new.biases[0, :cols] = old.biases[0, :cols]
        # The output layer is the last one whatever the depth: keep its bias.
        network.layers[-1].biases[...] = self.network.layers[-1].biases
        return NetworkState(sizes, activation, network.get_flat())

    def _replace_network(self, network: MLP) -> None:
        locked = set(self.locked_names())
        self.network = network
        self.names = network.param_names()
        self.locked = np.array([name in locked for name in self.names], dtype=bool)
        layer, index = self.selected
        if not (1 <= layer < len(network.sizes) and index < network.sizes[layer]):
            self.selected = (1, 0)
        self.best_mse = math.inf  # another network: its MSE starts a new record
        self._recompute()
        self.shapeChanged.emit()
        self.paramsChanged.emit(None)

    def kinks_shown(self) -> bool:
        """Only piecewise-linear activations bend at a kink."""
        return self.network.hidden_activation in KINKED

    # --- locks ---

    def trainable(self) -> np.ndarray:
        return (~self.locked).astype(float)

    def is_locked(self, name: str) -> bool:
        return bool(self.locked[self.network.param_index(name)])

    def all_locked(self) -> bool:
        return bool(np.all(self.locked))

    def set_locked(self, names, locked: bool) -> None:
        for name in names:
            self.locked[self.network.param_index(name)] = locked
        self.locksChanged.emit()

    def set_locked_names(self, names) -> None:
        """Exactly ``names`` frozen, every other parameter free."""
        mask = np.zeros_like(self.locked)
        for name in names:
            mask[self.network.param_index(name)] = True
        self.locked = mask
        self.locksChanged.emit()

    def locked_names(self) -> list[str]:
        return [name for name, frozen in zip(self.names, self.locked, strict=True) if frozen]

    # --- target ---

    def set_target(self, key: str) -> None:
        if key not in TARGET_KEYS:
            raise ValueError(f"unknown target {key!r}")
        self.target_key = key
        self._target_changed()

    def set_sketch(self, points_x, points_y) -> None:
        """Replace the hand-drawn points (used by the "draw your own" target)."""
        px, py = np.asarray(points_x, dtype=float), np.asarray(points_y, dtype=float)
        sketch_target(px, py, self.x[:1])  # raises ValueError on bad points
        if px.size > MAX_SKETCH_POINTS:
            raise ValueError(f"a sketch has at most {MAX_SKETCH_POINTS} points, not {px.size}")
        self.sketch_x, self.sketch_y = px.copy(), py.copy()
        if self.target_key == SKETCH:
            self._target_changed()

    def begin_stroke(self) -> None:
        self._stroke_base = (self.sketch_x, self.sketch_y)

    def draw_stroke(self, stroke_x, stroke_y) -> None:
        """The stroke so far, merged into the sketch as it was when it began."""
        base_x, base_y = self._stroke_base or (self.sketch_x, self.sketch_y)
        self.set_sketch(*merge_sketch(base_x, base_y, stroke_x, stroke_y))

    def end_stroke(self) -> None:
        self._stroke_base = None

    # --- why a slider does nothing ---

    def silent_neurons(self) -> list[tuple[int, int]]:
        """Hidden neurons whose output reaches y through no nonzero weight
        path: their output is multiplied by 0 in every path to y."""
        reach = np.ones(1, dtype=bool)  # the output reaches itself
        silent = []
        for layer in range(len(self.network.layers) - 1, 0, -1):
            weights = self.network.layers[layer].weights
            reach = np.any((weights != 0) & reach[None, :], axis=1)
            silent += [(layer, int(j)) for j in np.flatnonzero(~reach)]
        return silent

    def is_silent(self, name: str) -> bool:
        """Whether changing ``name`` cannot change the output at all: it
        feeds a neuron whose output is multiplied by 0 in every path to y."""
        layer, index = self.param_neuron(name)
        return (layer, index) in self.silent_neurons()

    @staticmethod
    def param_neuron(name: str) -> tuple[int, int]:
        """The (layer, index) of the neuron a parameter feeds."""
        numbers = [int(n) for n in name[1:].split("_")]
        return numbers[0], numbers[-1]

    # --- recomputing ---

    def reset_best(self) -> None:
        self.best_mse = self.metrics["mse"]

    def _target_changed(self) -> None:
        if self.target_key == SKETCH:
            self.target = sketch_target(self.sketch_x, self.sketch_y, self.x)
        else:
            self.target = TARGETS[self.target_key].fn(self.x)
        self.best_mse = math.inf  # an MSE against another target does not compare
        self._recompute()
        self.targetChanged.emit()

    def _params_changed(self, names: list[str] | None) -> None:
        self._recompute()
        self.paramsChanged.emit(names)

    def _recompute(self) -> None:
        with np.errstate(over="ignore", invalid="ignore"):
            self.snapshot = self.network.fit_snapshot(self.x, self.target)
            self.metrics = fit_metrics(self.snapshot.prediction, self.target)
        if math.isfinite(self.metrics["mse"]):
            self.best_mse = min(self.best_mse, self.metrics["mse"])

    # --- the saved state: one schema ---

    def default_state(self) -> dict:
        return {"sizes": list(SIZES), "activation": ACTIVATION,
                "params": SINE_PRESETS[START_PRESET]().tolist(), "preset": START_PRESET,
                "target": "sine", "sketch": {"x": [0.0, 1.0], "y": [0.0, 0.0]}, "locked": [],
                "show_neurons": False, "selected": [1, 0], "y_range": list(DEFAULT_Y_RANGE),
                "autofit_target_mse": DEFAULT_TARGET_MSE}

    def state_dict(self, preset: str) -> dict:
        return {
            "sizes": list(self.network.sizes),
            "activation": self.network.hidden_activation,
            "params": self.get_flat().tolist(),
            "preset": preset,
            "target": self.target_key,
            "sketch": {"x": self.sketch_x.tolist(), "y": self.sketch_y.tolist()},
            "locked": self.locked_names(),
            "show_neurons": self.show_neurons,
            "selected": list(self.selected),
            "y_range": list(self.y_range),
            "autofit_target_mse": self.autofit_target_mse,
        }

    def checked_state(self, state) -> dict:
        """``state`` with defaults for missing keys; ``ValueError`` names the
        first bad key. Checks everything before anything is applied."""
        if not isinstance(state, dict):
            raise ValueError(f"the sine tab's state must be a dict, not {type(state).__name__}")
        defaults = self.default_state()
        unknown = set(state) - set(defaults)
        if unknown:
            raise ValueError(f"unknown sine tab settings: {sorted(map(str, unknown))}")
        merged = {**defaults, **state}
        if "params" not in state and ("sizes" in state or "activation" in state):
            raise ValueError("params: a state with sizes or activation must give its params")
        sizes, activation = _keyed("sizes", check_shape, merged["sizes"], merged["activation"])
        names = MLP(sizes, activation).param_names()
        params = checked_params(merged["params"], names, PARAM_LIMIT, "params")
        if merged["preset"] not in (*PRESET_KEYS, CUSTOM):
            raise ValueError(f"preset: unknown preset {merged['preset']!r}")
        if merged["target"] not in TARGET_KEYS:
            raise ValueError(f"target: unknown target {merged['target']!r}")
        sketch = merged["sketch"]
        if not isinstance(sketch, dict) or set(sketch) != {"x", "y"}:
            raise ValueError("sketch must be a dict with 'x' and 'y' lists")
        sketch_x, sketch_y = _finite_list("sketch x", sketch["x"]), _finite_list("sketch y",
                                                                                 sketch["y"])
        if not 1 <= len(sketch_x) == len(sketch_y) <= MAX_SKETCH_POINTS:
            raise ValueError("sketch needs as many x as y points (1 to "
                             f"{MAX_SKETCH_POINTS})")
        _keyed("sketch", sketch_target, sketch_x, sketch_y, self.x[:1])
        locked = merged["locked"]
        if (not isinstance(locked, list) or not all(isinstance(n, str) for n in locked)
                or not set(locked) <= set(names)):
            raise ValueError("locked must be a list of parameter names")
        if not isinstance(merged["show_neurons"], bool):
            raise ValueError("show_neurons must be true or false")
        selected = merged["selected"]
        if (not isinstance(selected, list) or len(selected) != 2
                or not all(isinstance(v, int) and not isinstance(v, bool) for v in selected)
                or not (1 <= selected[0] < len(sizes) and 0 <= selected[1] < sizes[selected[0]])):
            raise ValueError("selected must be [layer, index] of a neuron of the network")
        y_range = _finite_list("y_range", merged["y_range"])
        if len(y_range) != 2 or not -1e6 <= y_range[0] < y_range[1] <= 1e6:
            raise ValueError("y_range must be [low, high] with −1e6 ≤ low < high ≤ 1e6")
        target_mse = _finite_list("autofit_target_mse", [merged["autofit_target_mse"]])[0]
        if not MIN_TARGET_MSE <= target_mse <= MAX_TARGET_MSE:
            raise ValueError(f"autofit_target_mse must be in [{MIN_TARGET_MSE}, "
                             f"{MAX_TARGET_MSE}]")
        return {**merged, "sizes": sizes, "activation": activation, "params": params,
                "sketch": {"x": sketch_x, "y": sketch_y}, "y_range": tuple(y_range),
                "selected": tuple(selected), "autofit_target_mse": target_mse}

    def apply_state(self, state: dict) -> None:
        """Apply a state ``checked_state`` returned (it cannot fail now)."""
        self.set_network_state(NetworkState(state["sizes"], state["activation"],
                                            state["params"]))
        self.set_sketch(state["sketch"]["x"], state["sketch"]["y"])
        self.set_target(state["target"])
        self.set_locked_names(state["locked"])
        self.show_neurons = state["show_neurons"]
        self.selected = state["selected"]
        self.y_range = state["y_range"]
        self.autofit_target_mse = state["autofit_target_mse"]
        self.reset_best()


def _keyed(key: str, check, *args):
    """``check(*args)``, its ``ValueError`` prefixed with the state key."""
    try:
        return check(*args)
    except (ValueError, TypeError) as err:
        raise ValueError(f"{key}: {err}") from None


def _finite_list(name: str, values) -> list[float]:
    if not isinstance(values, list | tuple) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        raise ValueError(f"{name} must be a list of numbers")
    try:
        floats = [float(v) for v in values]
    except OverflowError:  # an integer too large for a float
        raise ValueError(f"{name} holds a number too large for a float") from None
    if not all(math.isfinite(v) for v in floats):
        raise ValueError(f"{name} holds a value that is not a finite number")
    return floats


def activation_label(key: str) -> str:
    """The engine's name of an activation (translated by the caller)."""
    return ACTIVATIONS[key].label
