"""The activations tab's state: one owner for everything the tab shows.

Widgets write through the setters; each setter validates, stores, emits the
signal of what it changed and then ``changed``. The numbers themselves come
from ``engine.activations``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from engine.activations import (
    ACTIVATIONS,
    activation_params,
    evaluate_activation,
    gradient_through_chain,
    scaled_logits,
    softmax_naive_problem,
    softmax_with_temperature,
)

X_RANGES = (1, 5, 10, 100)  # half-widths of the x-range choices (posts 002/004 use ±1, ±100)
DEFAULT_X_RANGE = 5
SAMPLES = 601  # odd, so that x = 0 is on the grid; ~1 point a pixel of the widest plot
DEFAULT_CHECKED = ("sigmoid", "tanh", "relu")
DEFAULT_SEEDS = {key: index for index, key in enumerate(
    k for k, act in ACTIVATIONS.items() if act.random)}
SEED_LIMIT = 2**31 - 1  # seeds stay JSON- and QSpinBox-friendly

MIN_LOGITS, MAX_LOGITS = 3, 6
LOGIT_LIMIT = 5000.0  # large enough to overflow the naive formula (e^710 = inf)
DEFAULT_LOGITS = (4.8, 1.21, 2.385, 0.0, -1.0, 3.0)  # post 004's example comes first
TEMPERATURE_MIN, TEMPERATURE_MAX = 0.05, 20.0
CHAIN_MIN, CHAIN_MAX = 1, 50
DEFAULT_CHAIN_LENGTH = 10
CHAIN_INPUT_LIMIT = 5.0
DEFAULT_CHAIN_INPUT = 1.0
CHAIN_KEYS = ("sigmoid", "relu")
PAGE_COUNT = 3


def _whole_number(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number_in(name: str, value, low: float, high: float) -> float:
    # Compared before any float(): an int beyond a float's range is refused, not an
    # OverflowError; NaN fails the comparison.
    if not (isinstance(value, int | float) and not isinstance(value, bool)
            and low <= value <= high):
        raise ValueError(f"{name} must be a number from {low:g} to {high:g}, not {value!r}")
    return float(value)


def _whole_in(name: str, value, low: int, high: int) -> int:
    if not (_whole_number(value) and low <= value <= high):
        raise ValueError(f"{name} must be a whole number from {low} to {high}, not {value!r}")
    return int(value)


def _defaults() -> dict:
    return {
        "checked": list(DEFAULT_CHECKED),
        "params": {key: act.defaults() for key, act in ACTIVATIONS.items()},
        "seeds": dict(DEFAULT_SEEDS),
        "x_range": DEFAULT_X_RANGE,
        "selected": DEFAULT_CHECKED[0],
        "logits": list(DEFAULT_LOGITS),
        "logit_count": MIN_LOGITS,
        "temperature": 1.0,
        "naive": False,
        "chain_length": DEFAULT_CHAIN_LENGTH,
        "chain_input": DEFAULT_CHAIN_INPUT,
        "page": 0,
    }


# --- the state's schema: one check per key, each filling ``values`` --------------

def _check_checked(checked, values: dict) -> None:
    if not isinstance(checked, list) or not all(isinstance(k, str) and k in ACTIVATIONS
                                                for k in checked):
        raise ValueError(f"must be a list of {', '.join(ACTIVATIONS)}")
    values["checked"] = [k for k in ACTIVATIONS if k in checked]


def _check_params(params, values: dict) -> None:
    if not isinstance(params, dict):
        raise ValueError("must be a dict: activation → its parameters")
    for key, given in params.items():
        if not isinstance(key, str) or not isinstance(given, dict):
            raise ValueError(f"the parameters of {key!r} must be a dict")
        values["params"][key] = activation_params(key, given)
    rrelu = values["params"]["rrelu"]
    if rrelu["lower"] > rrelu["upper"]:
        raise ValueError("RReLU's lower bound must not exceed its upper bound")


def _check_seeds(seeds, values: dict) -> None:
    if not isinstance(seeds, dict) or not all(k in DEFAULT_SEEDS for k in seeds):
        raise ValueError(f"must be a dict with keys among {sorted(DEFAULT_SEEDS)}")
    for key, seed in seeds.items():
        values["seeds"][key] = _whole_in(f"the seed of {key}", seed, 0, SEED_LIMIT - 1)


def _check_choice(name: str, choices):
    def check(value, values: dict) -> None:
        if not (isinstance(value, str | int) and not isinstance(value, bool)
                and value in choices):
            raise ValueError(f"must be one of {', '.join(map(str, choices))}, not {value!r}")
        values[name] = value
    return check


def _check_logits(logits, values: dict) -> None:
    logits = ActivationsModel._checked_logits(logits)
    values["logits"][:len(logits)] = logits
    values["logit_count"] = len(logits)


def _check_naive(naive, values: dict) -> None:
    if not isinstance(naive, bool):
        raise ValueError("must be true or false")
    values["naive"] = naive


def _check_number(name: str, low: float, high: float, whole: bool = False):
    def check(value, values: dict) -> None:
        values[name] = (_whole_in if whole else _number_in)(name, value, low, high)
    return check


SCHEMA = {
    "checked": _check_checked,
    "params": _check_params,
    "seeds": _check_seeds,
    "x_range": _check_choice("x_range", X_RANGES),
    "selected": _check_choice("selected", tuple(ACTIVATIONS)),
    "logits": _check_logits,
    "temperature": _check_number("temperature", TEMPERATURE_MIN, TEMPERATURE_MAX),
    "naive": _check_naive,
    "chain_length": _check_number("chain_length", CHAIN_MIN, CHAIN_MAX, whole=True),
    "chain_input": _check_number("chain_input", -CHAIN_INPUT_LIMIT, CHAIN_INPUT_LIMIT),
    "page": _check_number("page", 0, PAGE_COUNT - 1, whole=True),
}


class ActivationsModel(QObject):
    checkedChanged = Signal(str, bool)  # key, now shown
    curveChanged = Signal(str)  # a parameter, option or random draw of one function
    rangeChanged = Signal()
    selectedChanged = Signal(str)
    softmaxChanged = Signal()
    chainChanged = Signal()
    pageChanged = Signal(int)
    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._assign(_defaults())

    # --- reading -------------------------------------------------------------

    def is_checked(self, key: str) -> bool:
        return key in self.checked

    def x_grid(self) -> np.ndarray:
        return np.linspace(-self.x_range, self.x_range, SAMPLES)

    def curve(self, key: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """x, f(x), f′(x) of one function with its current parameters and draw."""
        x = self.x_grid()
        f, df = evaluate_activation(key, x, self.params[key], self.seeds.get(key))
        return x, f, df

    def visible_logits(self) -> list[float]:
        return self.logits[:self.logit_count]

    def scaled_logits(self) -> np.ndarray:
        return scaled_logits(self.visible_logits(), self.temperature)

    def probabilities(self) -> np.ndarray:
        return softmax_with_temperature(self.visible_logits(), self.temperature)

    def naive_probabilities(self) -> np.ndarray:
        return softmax_with_temperature(self.visible_logits(), self.temperature, naive=True)

    def naive_problem(self) -> str | None:
        return softmax_naive_problem(self.visible_logits(), self.temperature)

    def chain(self, key: str) -> np.ndarray:
        return gradient_through_chain(key, self.chain_length, self.chain_input)

    def _update(self, name: str, value, signal, *args) -> None:
        """Set the attribute ``name`` to a checked ``value``; only when that
        changes it, emit ``signal(*args)`` and ``changed``."""
        if value != getattr(self, name):
            setattr(self, name, value)
            signal.emit(*args)
            self.changed.emit()

    # --- the functions page ---------------------------------------------------

    def set_checked(self, key: str, on: bool) -> None:
        if key not in ACTIVATIONS:
            raise ValueError(f"unknown activation {key!r}")
        if on == self.is_checked(key):
            return
        shown = set(self.checked) | {key} if on else set(self.checked) - {key}
        self.checked = [k for k in ACTIVATIONS if k in shown]  # catalogue order
        self.checkedChanged.emit(key, on)
        if on:
            self.select(key)
        self.changed.emit()

    def set_param(self, key: str, name: str, value) -> None:
        """Set a numeric parameter or an option. Moving a parameter shows its
        function, so the learner sees what the control does. RReLU keeps
        lower ≤ upper by moving the other bound along."""
        values = activation_params(key, {**self.params[key], name: value})
        if key == "rrelu" and values["lower"] > values["upper"]:
            other = "upper" if name == "lower" else "lower"
            values[other] = values[name]
        if values == self.params[key]:
            return
        self.params[key] = values
        self.curveChanged.emit(key)
        self.set_checked(key, True)
        self.select(key)
        self.changed.emit()

    def resample(self, key: str) -> None:
        """A new random draw for a random function (RReLU training, Noisy ReLU)."""
        if key not in self.seeds:
            raise ValueError(f"{key!r} draws no random numbers")
        self.seeds[key] = (self.seeds[key] + 1) % SEED_LIMIT
        self.curveChanged.emit(key)
        self.changed.emit()

    def set_x_range(self, half_width: int) -> None:
        if half_width not in X_RANGES:
            raise ValueError(f"x range must be one of {X_RANGES}, not {half_width!r}")
        self._update("x_range", half_width, self.rangeChanged)

    def select(self, key: str) -> None:
        """The function the info panel describes."""
        if key not in ACTIVATIONS:
            raise ValueError(f"unknown activation {key!r}")
        self._update("selected", key, self.selectedChanged, key)

    # --- softmax --------------------------------------------------------------

    def set_logit_count(self, count: int) -> None:
        count = _whole_in("the number of logits", count, MIN_LOGITS, MAX_LOGITS)
        self._update("logit_count", count, self.softmaxChanged)

    def set_logit(self, index: int, value: float) -> None:
        index = _whole_in("the logit index", index, 0, MAX_LOGITS - 1)
        value = _number_in("a logit", value, -LOGIT_LIMIT, LOGIT_LIMIT)
        if value != self.logits[index]:
            self.logits[index] = value
            self._softmax_changed()

    def set_logits(self, values) -> None:
        """Replace the shown logits (3–6 of them) in one step."""
        values = self._checked_logits(values)
        self.logits[:len(values)] = values
        self.logit_count = len(values)
        self._softmax_changed()

    def set_temperature(self, value: float) -> None:
        value = _number_in("the temperature", value, TEMPERATURE_MIN, TEMPERATURE_MAX)
        self._update("temperature", value, self.softmaxChanged)

    def set_naive(self, on: bool) -> None:
        self._update("naive", bool(on), self.softmaxChanged)

    def _softmax_changed(self) -> None:
        self.softmaxChanged.emit()
        self.changed.emit()

    @staticmethod
    def _checked_logits(values) -> list[float]:
        if not isinstance(values, list | tuple) or not MIN_LOGITS <= len(values) <= MAX_LOGITS:
            raise ValueError(f"softmax needs a list of {MIN_LOGITS} to {MAX_LOGITS} logits")
        return [_number_in("a logit", v, -LOGIT_LIMIT, LOGIT_LIMIT) for v in values]

    # --- the vanishing-gradient chain ----------------------------------------

    def set_chain_length(self, n: int) -> None:
        n = _whole_in("the chain length", n, CHAIN_MIN, CHAIN_MAX)
        self._update("chain_length", n, self.chainChanged)

    def set_chain_input(self, x: float) -> None:
        x = _number_in("the chain's input", x, -CHAIN_INPUT_LIMIT, CHAIN_INPUT_LIMIT)
        self._update("chain_input", x, self.chainChanged)

    def set_page(self, index: int) -> None:
        index = _whole_in("the page", index, 0, PAGE_COUNT - 1)
        self._update("page", index, self.pageChanged, index)

    # --- sessions -------------------------------------------------------------

    def to_dict(self) -> dict:
        return {
            "checked": list(self.checked),
            "params": {key: dict(values) for key, values in self.params.items()},
            "seeds": dict(self.seeds),
            "x_range": self.x_range,
            "selected": self.selected,
            "logits": self.visible_logits(),
            "temperature": self.temperature,
            "naive": self.naive,
            "chain_length": self.chain_length,
            "chain_input": self.chain_input,
            "page": self.page,
        }

    def load(self, state: dict) -> None:
        """Restore ``to_dict()`` output. Every value is checked first; on a bad
        one ValueError is raised and nothing changes. Missing entries keep
        their defaults, so sessions from older versions still load."""
        self._assign(self._validated(state))
        self._emit_all()

    def reset(self) -> None:
        self._assign(_defaults())
        self._emit_all()

    @staticmethod
    def _validated(state: dict) -> dict:
        """The defaults, overridden by ``state`` checked key by key against
        ``SCHEMA``; a bad or unknown key raises ValueError naming it."""
        if not isinstance(state, dict):
            raise ValueError("the activations tab's state must be a dict")
        unknown = [key for key in state if key not in SCHEMA]
        if unknown:
            raise ValueError(f"unknown key {unknown[0]!r} in the activations tab's state")
        values = _defaults()
        for key, check in SCHEMA.items():
            if key in state:
                try:
                    check(state[key], values)
                except (ValueError, OverflowError) as error:  # the engine's float() of a huge int
                    raise ValueError(f"{key}: {error}") from None
        return values

    def _assign(self, values: dict) -> None:
        self.checked: list[str] = list(values["checked"])
        self.params: dict[str, dict] = {k: dict(v) for k, v in values["params"].items()}
        self.seeds: dict[str, int] = dict(values["seeds"])
        self.x_range: int = values["x_range"]
        self.selected: str = values["selected"]
        self.logits: list[float] = list(values["logits"])
        self.logit_count: int = values["logit_count"]
        self.temperature: float = values["temperature"]
        self.naive: bool = values["naive"]
        self.chain_length: int = values["chain_length"]
        self.chain_input: float = values["chain_input"]
        self.page: int = values["page"]

    def _emit_all(self) -> None:
        """After a wholesale change, every view refreshes everything once."""
        for key in ACTIVATIONS:
            self.checkedChanged.emit(key, self.is_checked(key))
            self.curveChanged.emit(key)
        self.rangeChanged.emit()
        self.selectedChanged.emit(self.selected)
        self.softmaxChanged.emit()
        self.chainChanged.emit()
        self.pageChanged.emit(self.page)
        self.changed.emit()
