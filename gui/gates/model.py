"""What the gates tab shows: the target truth table, one perceptron's weights,
the two-layer XOR network's nine numbers, the gallery function kept in the
target box, and the "Learn it" run. Widgets write through the setters; every
change of the numbers emits ``changed`` once.

A saved state passes one schema, ``parse_state``: a bad value raises
ValueError naming its key, and nothing changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from engine.perceptron import AND, GATES, NAND, OR, XOR, truth_table
from gui.gates.learner import GatesLearner

PARAMS = ("w1", "w2", "b")
NEURONS = ("nand", "or", "and")  # hidden s1, hidden s2, output y of the XOR network
WEIGHT_LIMIT = 2.0  # the sliders' range is ±WEIGHT_LIMIT
STEPS_LIMITS = (1, 20)  # shown inputs per animation frame
# The book's gates: the target box lists these, then the last gallery function.
GATE_TARGETS = {name: tuple(row[2] for row in truth_table(fn))
                for name, fn in (("AND", AND), ("NAND", NAND), ("OR", OR), ("XOR", XOR))}
DEFAULT_TARGET = GATE_TARGETS["AND"]
# AND's weights with the bias at 0: three rows right, so the learner's first
# move (lowering b) is the one the post is about.
DEFAULT_WEIGHTS = (GATES["AND"][0], GATES["AND"][1], 0.0)
DEFAULT_HIDDEN = {"nand": GATES["NAND"], "or": GATES["OR"], "and": GATES["AND"]}
KEYS = ("target", "weights", "xor", "gallery_target", "steps_per_frame")


def _weight(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{what} must be a number, got {value!r}")
    if not -WEIGHT_LIMIT <= value <= WEIGHT_LIMIT:  # also NaN; exact for huge ints
        raise ValueError(f"{what} must be between −{WEIGHT_LIMIT:g} and {WEIGHT_LIMIT:g}, "
                         f"got {value!r}")
    return float(value)


def _triple(values, what: str) -> tuple[float, float, float]:
    if not isinstance(values, list | tuple) or len(values) != 3:
        raise ValueError(f"{what} must be three numbers (w1, w2, b), got {values!r}")
    return tuple(_weight(v, f"{what} {p}") for v, p in zip(values, PARAMS, strict=True))


def _outputs(values, what: str = "target") -> tuple[int, int, int, int]:
    ok = (isinstance(values, list | tuple) and len(values) == 4
          and all(not isinstance(v, bool) and isinstance(v, int) and v in (0, 1)
                  for v in values))
    if not ok:
        raise ValueError(f"{what} must be four 0/1 outputs, got {values!r}")
    return tuple(int(v) for v in values)


def _steps(value) -> int:
    low, high = STEPS_LIMITS
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"steps_per_frame must be a whole number from {low} to {high}, "
                         f"got {value!r}")
    return value


def _kept_gallery_target(target, gallery):
    """A target outside the book's gates is always the target box's fifth entry."""
    return gallery if target in GATE_TARGETS.values() else target


def parse_state(state: dict) -> dict:
    """The checked values of a saved ``to_dict()``, missing keys taking their
    defaults; a bad or unknown key raises ValueError naming it."""
    if not isinstance(state, dict):
        raise ValueError("the gates tab's state must be a dictionary")
    unknown = [key for key in state if key not in KEYS]
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r} in the gates tab's state")
    xor = state.get("xor", DEFAULT_HIDDEN)
    if not isinstance(xor, dict) or set(xor) != set(NEURONS):
        raise ValueError(f"xor must give {', '.join(NEURONS)}, got {xor!r}")
    target = _outputs(state.get("target", DEFAULT_TARGET))
    gallery = state.get("gallery_target")
    gallery = None if gallery is None else _outputs(gallery, "gallery_target")
    return {
        "target": target,
        "weights": _triple(state.get("weights", DEFAULT_WEIGHTS), "weights"),
        "hidden": {n: _triple(xor[n], f"xor {n}") for n in NEURONS},
        "gallery_target": _kept_gallery_target(target, gallery),
        "steps_per_frame": _steps(state.get("steps_per_frame", 1)),
    }


class GatesModel(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.learner = GatesLearner(self, self)
        self._assign(parse_state({}))

    @property
    def steps_per_frame(self) -> int:
        return self.learner.steps_per_frame

    # --- the learner's edits ------------------------------------------------------

    def set_target(self, outputs) -> None:
        outputs = _outputs(tuple(outputs))
        self.learner.clear()  # a run or summary about the old target would mislead
        if outputs != self.target:
            self.target = outputs
            self.gallery_target = _kept_gallery_target(outputs, self.gallery_target)
            self.changed.emit()

    def set_weights(self, w1: float, w2: float, b: float) -> None:
        self.learner.stop()
        self.show_weights(*_triple((w1, w2, b), "weights"))

    def set_weight(self, param: str, value: float) -> None:
        weights = list(self.weights)
        weights[PARAMS.index(param)] = value
        self.set_weights(*weights)

    def set_hidden_param(self, neuron: str, param: str, value: float) -> None:
        values = list(self.hidden[neuron])
        values[PARAMS.index(param)] = _weight(value, f"xor {neuron} {param}")
        if tuple(values) != self.hidden[neuron]:
            self.hidden[neuron] = tuple(values)
            self.changed.emit()

    def set_hidden(self, hidden: dict) -> None:
        new = {n: _triple(hidden[n], f"xor {n}") for n in NEURONS}
        if new != self.hidden:
            self.hidden = new
            self.changed.emit()

    def set_steps_per_frame(self, steps: int) -> None:
        self.learner.steps_per_frame = _steps(steps)

    def show_weights(self, w1: float, w2: float, b: float) -> None:
        """Weights the learning run reached (already checked)."""
        weights = (float(w1), float(w2), float(b))
        if weights != self.weights:
            self.weights = weights
            self.changed.emit()

    # --- learning -------------------------------------------------------------------

    def start_learning(self) -> None:
        self.learner.start(self.target)

    def is_running(self) -> bool:
        return self.learner.is_running()

    # --- sessions ---------------------------------------------------------------------

    def to_dict(self) -> dict:
        return {"target": list(self.target), "weights": list(self.weights),
                "xor": {n: list(self.hidden[n]) for n in NEURONS},
                "gallery_target": (None if self.gallery_target is None
                                   else list(self.gallery_target)),
                "steps_per_frame": self.steps_per_frame}

    def load(self, state: dict) -> None:
        """Restore ``to_dict()`` output; on a bad value nothing changes."""
        values = parse_state(state)
        self.learner.clear()
        self._assign(values)
        self.changed.emit()

    def reset(self) -> None:
        self.load({})

    def _assign(self, values: dict) -> None:
        self.target: tuple[int, int, int, int] = values["target"]
        self.weights: tuple[float, float, float] = values["weights"]
        self.hidden: dict[str, tuple[float, float, float]] = dict(values["hidden"])
        self.gallery_target: tuple[int, int, int, int] | None = values["gallery_target"]
        self.learner.steps_per_frame = values["steps_per_frame"]
