"""What the gates tab shows: the target truth table, one perceptron's weights
and the two-layer XOR network's nine numbers. Widgets write through the
setters; every change emits ``changed`` once."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Signal

from engine.perceptron import AND as AND_GATE
from engine.perceptron import GATES, truth_table

PARAMS = ("w1", "w2", "b")
NEURONS = ("nand", "or", "and")  # hidden s1, hidden s2, output y of the XOR network
WEIGHT_LIMIT = 2.0  # the sliders' range is ±WEIGHT_LIMIT
DEFAULT_TARGET: tuple[int, ...] = tuple(row[2] for row in truth_table(AND_GATE))
# AND's weights with the bias at 0: three rows right, so the learner's first
# move (lowering b) is the one the post is about.
DEFAULT_WEIGHTS = (GATES["AND"][0], GATES["AND"][1], 0.0)
DEFAULT_HIDDEN = {"nand": GATES["NAND"], "or": GATES["OR"], "and": GATES["AND"]}


def _weight(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{what} must be a number, got {value!r}")
    if not math.isfinite(value) or abs(value) > WEIGHT_LIMIT:
        raise ValueError(f"{what} must be between −{WEIGHT_LIMIT:g} and {WEIGHT_LIMIT:g}, "
                         f"got {value!r}")
    return float(value)


def _triple(values, what: str) -> tuple[float, float, float]:
    if not isinstance(values, list | tuple) or len(values) != 3:
        raise ValueError(f"{what} must be three numbers (w1, w2, b), got {values!r}")
    return tuple(_weight(v, f"{what} {p}") for v, p in zip(values, PARAMS, strict=True))


def _outputs(values) -> tuple[int, int, int, int]:
    ok = (isinstance(values, list | tuple) and len(values) == 4
          and all(not isinstance(v, bool) and v in (0, 1) for v in values))
    if not ok:
        raise ValueError(f"target must be four 0/1 outputs, got {values!r}")
    return tuple(int(v) for v in values)


class GatesModel(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.target: tuple[int, int, int, int] = DEFAULT_TARGET
        self.weights: tuple[float, float, float] = DEFAULT_WEIGHTS
        self.hidden: dict[str, tuple[float, float, float]] = dict(DEFAULT_HIDDEN)

    def set_target(self, outputs) -> None:
        outputs = _outputs(tuple(outputs))
        if outputs != self.target:
            self.target = outputs
            self.changed.emit()

    def set_weights(self, w1: float, w2: float, b: float) -> None:
        weights = _triple((w1, w2, b), "weights")
        if weights != self.weights:
            self.weights = weights
            self.changed.emit()

    def set_weight(self, param: str, value: float) -> None:
        weights = list(self.weights)
        weights[PARAMS.index(param)] = value
        self.set_weights(*weights)

    def set_hidden_param(self, neuron: str, param: str, value: float) -> None:
        values = list(self.hidden[neuron])
        values[PARAMS.index(param)] = _weight(value, f"{neuron} {param}")
        if tuple(values) != self.hidden[neuron]:
            self.hidden[neuron] = tuple(values)
            self.changed.emit()

    def set_hidden(self, hidden: dict) -> None:
        new = {n: _triple(hidden[n], n) for n in NEURONS}
        if new != self.hidden:
            self.hidden = new
            self.changed.emit()

    def to_dict(self) -> dict:
        return {"target": list(self.target), "weights": list(self.weights),
                "xor": {n: list(self.hidden[n]) for n in NEURONS}}

    def apply(self, target, weights, hidden) -> None:
        """Take values already checked by ``parse_state``."""
        self.target, self.weights, self.hidden = target, weights, dict(hidden)
        self.changed.emit()

    def reset(self) -> None:
        self.apply(*parse_state({}))


def parse_state(state: dict) -> tuple[tuple, tuple, dict]:
    """(target, weights, hidden) from a saved ``to_dict()``, missing keys taking
    their defaults; any bad value raises ValueError."""
    if not isinstance(state, dict):
        raise ValueError("the gates tab's state must be a dictionary")
    target = _outputs(state.get("target", DEFAULT_TARGET))
    weights = _triple(state.get("weights", DEFAULT_WEIGHTS), "weights")
    xor = state.get("xor", DEFAULT_HIDDEN)
    if not isinstance(xor, dict) or set(xor) != set(NEURONS):
        raise ValueError(f"xor must give {', '.join(NEURONS)}, got {xor!r}")
    hidden = {n: _triple(xor[n], n) for n in NEURONS}
    return target, weights, hidden
