"""The spiral tab's state: its settings, the spiral data, the one Classifier,
the training run and history, and what the learner chose to look at.

Widgets write through ``SpiralModel``'s methods and redraw from its signals;
the model knows no widget and does no maths of its own (``engine`` does).
``SpiralState`` is the one schema for a saved state: every key is checked
there before anything changes.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

import numpy as np
from PySide6.QtCore import QObject, Signal

from engine import losses
from engine.datasets import spiral_data
from engine.network import Classifier, readable_random_params
from engine.optim import Adam, train_classifier_steps
from gui.common.checks import checked_float, checked_int, checked_params
from gui.spiral.blas import one_blas_thread

#: Inclusive (low, high) of every setting; the spin boxes use the same.
LIMITS = {
    "samples": (5, 1000),
    "classes": (2, 6),
    "seed": (0, 2**31 - 1),
    "hidden": (1, 64),
    "layers": (1, 2),
    "lr": (0.0001, 1.0),
    "steps": (1, 500),
}
#: Weights are kept within ±MAX_ABS_PARAM: the spin boxes' range, and a bound
#: that keeps every logit finite for inputs in the −1…1 view.
MAX_ABS_PARAM = 100.0
DEFAULT_LR = 0.02
DEFAULT_STEPS = 10
FIRST_ROWS = 5  # the post prints softmax_output[:5]
#: Points the history keeps: far more than the plot has pixels across, and a
#: fixed cost per frame however long the run.
HISTORY_CAPACITY = 4096


@dataclass(frozen=True)
class SpiralSettings:
    """What defines the data and the network's shape; defaults are the post's."""

    samples: int = 100
    classes: int = 3
    seed: int = 0
    hidden: int = 3
    layers: int = 1  # hidden layers, each ``hidden`` neurons wide

    @classmethod
    def checked(cls, **values) -> SpiralSettings:
        """Settings from keyword values; ``ValueError`` names the first bad one."""
        return cls(**{name: checked_int(name, value, LIMITS) for name, value in values.items()})

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def hidden_sizes(self) -> tuple[int, ...]:
        return (self.hidden,) * self.layers

    def new_classifier(self, rng=None) -> Classifier:
        return Classifier(2, self.hidden_sizes, self.classes, rng)


def _checked_bool(name: str, value) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be true or false, not {value!r}")
    return value


@dataclass(frozen=True)
class Selection:
    """The hidden neuron whose weights the editor shows: ``layer`` 1 or 2,
    ``index`` from 0."""

    layer: int = 1
    index: int = 0


@dataclass(frozen=True)
class SpiralState:
    """Everything a saved session restores. ``from_dict`` is the tab's one
    check of incoming state: a bad value raises ``ValueError`` naming its key."""

    settings: SpiralSettings = field(default_factory=SpiralSettings)
    params: np.ndarray | None = None  # None: the seed's start weights
    lr: float = DEFAULT_LR
    steps: int = DEFAULT_STEPS
    show_lines: bool = True
    selection: Selection = field(default_factory=Selection)

    KEYS = ("samples", "classes", "seed", "hidden", "layers", "params", "lr", "steps",
            "show_lines", "neuron", "neuron_layer")

    @classmethod
    def from_dict(cls, state) -> SpiralState:
        if not isinstance(state, dict):
            raise ValueError(f"the spiral tab's state must be a dict, not {type(state).__name__}")
        unknown = [key for key in state if key not in cls.KEYS]
        if unknown:
            raise ValueError(f"unknown spiral settings: {sorted(map(str, unknown))}")
        defaults = SpiralSettings().to_dict()
        settings = SpiralSettings.checked(**{key: state.get(key, value)
                                             for key, value in defaults.items()})
        params = state.get("params")
        if params is not None:
            params = checked_params(params, settings.new_classifier().param_names(),
                                    MAX_ABS_PARAM, "params")
        return cls(settings=settings, params=params,
                   lr=checked_float("lr", state.get("lr", DEFAULT_LR), LIMITS),
                   steps=checked_int("steps", state.get("steps", DEFAULT_STEPS), LIMITS),
                   show_lines=_checked_bool("show_lines", state.get("show_lines", True)),
                   selection=_checked_selection(state, settings))


def _checked_selection(state: dict, settings: SpiralSettings) -> Selection:
    layer = state.get("neuron_layer", 1)
    if isinstance(layer, bool) or not isinstance(layer, int) or not 1 <= layer <= settings.layers:
        raise ValueError(f"neuron_layer must be a whole number from 1 to {settings.layers}")
    index = state.get("neuron", 0)
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < settings.hidden:
        raise ValueError(f"neuron must be a whole number from 0 to {settings.hidden - 1}")
    return Selection(layer, index)


class History:
    """Loss and accuracy before each training step, in a buffer of at most
    HISTORY_CAPACITY points: when it fills, every other point is dropped and
    from then on only every ``stride``-th step is kept, so a run of hours
    costs what a run of seconds did."""

    def __init__(self, capacity: int = HISTORY_CAPACITY):
        self.capacity = capacity
        self.revision = 0  # changes with every clear or extend: views redraw only then
        self.clear()

    def clear(self) -> None:
        self._data = np.empty((3, self.capacity))  # step, loss, accuracy
        self._count = 0
        self.total_steps = 0
        self.stride = 1
        self.revision += 1

    def __len__(self) -> int:
        """Points kept (every step until the buffer first fills)."""
        return self._count

    def extend(self, step_losses: list[float], step_accuracies: list[float]) -> None:
        steps = np.arange(self.total_steps, self.total_steps + len(step_losses))
        self.total_steps += len(step_losses)
        values = np.array([steps, step_losses, step_accuracies], dtype=float)
        while True:
            values = values[:, values[0] % self.stride == 0]
            room = self.capacity - self._count
            if values.shape[1] <= room:
                break
            self._halve()
        self._data[:, self._count:self._count + values.shape[1]] = values
        self._count += values.shape[1]
        self.revision += 1

    def _halve(self) -> None:
        self.stride *= 2
        kept = self._data[:, :self._count]
        kept = kept[:, kept[0] % self.stride == 0]
        self._count = kept.shape[1]
        self._data[:, :self._count] = kept

    @property
    def steps(self) -> np.ndarray:
        return self._data[0, :self._count].copy()  # views keep it; the buffer changes

    @property
    def losses(self) -> np.ndarray:
        return self._data[1, :self._count].copy()  # views keep it; the buffer changes

    @property
    def accuracies(self) -> np.ndarray:
        return self._data[2, :self._count].copy()  # views keep it; the buffer changes


@dataclass(frozen=True)
class Evaluation:
    """What the network makes of the current data."""

    first_rows: np.ndarray  # softmax outputs of the first FIRST_ROWS points
    loss: float  # mean cross-entropy
    accuracy: float
    correct: int


@dataclass(frozen=True)
class TrainResult:
    """One call of ``SpiralModel.train``: how many steps ran of how many were
    asked for, and the engine's reason if a bad step stopped it."""

    steps: int
    asked: int
    reason: str | None = None
    seconds: float = 0.0  # spent on the steps, by the clock given to ``train``

    @property
    def cut_short(self) -> bool:
        """The time budget ran out before the steps asked for."""
        return self.reason is None and self.steps < self.asked


class SpiralModel(QObject):
    """``rebuilt``: new data and a new network (shape may differ).
    ``paramsChanged``: the weights changed (hand edit, training, load).
    ``viewChanged``: the selected neuron or the ReLU-line toggle changed.
    ``settingsChanged``: learning rate or steps per frame changed."""

    rebuilt = Signal()
    paramsChanged = Signal()
    viewChanged = Signal()
    settingsChanged = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.history = History()
        self.optimizer: Adam | None = None
        self.lr = DEFAULT_LR
        self.steps_per_frame = DEFAULT_STEPS
        self.show_lines = True
        self.selection = Selection()
        self.rebuild(SpiralSettings())

    # --- data and network ---

    def rebuild(self, settings: SpiralSettings) -> None:
        """New data and weights, drawn as the post does: one RandomState(seed)
        feeds ``spiral_data`` and then the Classifier (NNFS 0.01·randn), so the
        defaults reproduce the post's numbers."""
        self._set_network(settings)
        self.rebuilt.emit()

    def _set_network(self, settings: SpiralSettings) -> None:
        self.settings = settings
        rng = np.random.RandomState(settings.seed)
        self.X, self.y = spiral_data(settings.samples, settings.classes, rng)
        self.classifier = settings.new_classifier(rng)
        # "Randomise" draws come from their own stream: pressing it must not
        # depend on how many points the data took.
        self._randomise_rng = np.random.default_rng(settings.seed)
        self.selection = Selection(min(self.selection.layer, settings.layers),
                                   min(self.selection.index, settings.hidden - 1))
        self._restart_training()

    # --- the saved state ---

    def state_dict(self) -> dict:
        return {**self.settings.to_dict(), "params": self.classifier.get_flat().tolist(),
                "lr": self.lr, "steps": self.steps_per_frame, "show_lines": self.show_lines,
                "neuron": self.selection.index, "neuron_layer": self.selection.layer}

    def load_state(self, state) -> None:
        """Check all of ``state`` (``SpiralState.from_dict``), then apply it;
        a bad state raises ``ValueError`` and changes nothing."""
        self.apply(SpiralState.from_dict(state))

    def apply(self, state: SpiralState) -> None:
        self._set_network(state.settings)
        if state.params is not None:
            self.classifier.set_flat(state.params)
        self.lr, self.steps_per_frame = state.lr, state.steps
        self.show_lines, self.selection = state.show_lines, state.selection
        self.rebuilt.emit()
        self.settingsChanged.emit()
        self.viewChanged.emit()

    def reset(self) -> None:
        self.apply(SpiralState())

    # --- settings and view choices ---

    def set_lr(self, lr: float) -> None:
        self.lr = checked_float("lr", lr, LIMITS)
        if self.optimizer is not None:
            self.optimizer.lr = self.lr
        self.settingsChanged.emit()

    def set_steps_per_frame(self, steps: int) -> None:
        self.steps_per_frame = checked_int("steps", steps, LIMITS)
        self.settingsChanged.emit()

    def set_show_lines(self, shown: bool) -> None:
        self.show_lines = _checked_bool("show_lines", shown)
        self.viewChanged.emit()

    def select_neuron(self, layer: int, index: int) -> None:
        self.selection = _checked_selection({"neuron_layer": layer, "neuron": index},
                                            self.settings)
        self.viewChanged.emit()

    # --- weights ---

    def set_param(self, name: str, value: float) -> None:
        value = float(value)
        if not (math.isfinite(value) and abs(value) <= MAX_ABS_PARAM):
            raise ValueError(f"{name} must be a finite number within ±{MAX_ABS_PARAM:g}")
        self.classifier.set_param(name, value)
        self.paramsChanged.emit()

    def load_params(self, values) -> None:
        """Replace every weight (a weights file, a new start); the history
        restarts because these weights did not come from those steps."""
        self.classifier.set_flat(checked_params(values, self.classifier.param_names(),
                                                MAX_ABS_PARAM))
        self._restart_training()
        self.paramsChanged.emit()

    def randomize(self) -> None:
        """Bigger random weights, rounded to 0.01, so regions are visible."""
        self.load_params(readable_random_params(self.classifier, self._randomise_rng))

    def small_start(self) -> None:
        """Back to the post's start (NNFS 0.01·randn from the seed)."""
        self.rebuild(self.settings)

    # --- training ---

    def _restart_training(self) -> None:
        self.history.clear()
        self.optimizer = None

    def train(self, steps: int, budget_s: float = math.inf,
              clock: Callable[[], float] = time.perf_counter,
              announce: bool = True) -> TrainResult:
        """Up to ``steps`` Adam steps within ``budget_s`` seconds of ``clock``:
        another step runs only if one more of the slowest so far still ends
        in time (the first always runs). Then one ``paramsChanged``, unless
        ``announce`` is False (the caller calls ``announce_params`` later). A bad
        step stops early with the engine's ``reason`` (``engine.optim``
        constants) and the last good weights kept."""
        if self.optimizer is None:
            self.optimizer = Adam(self.lr)
        start = now = clock()
        slowest = 0.0
        losses_run, accuracies_run, reason = [], [], None
        with one_blas_thread():
            while len(losses_run) < steps:
                chunk = train_classifier_steps(self.classifier, self.X, self.y, self.optimizer,
                                               1, max_abs=MAX_ABS_PARAM)
                losses_run += chunk.losses
                accuracies_run += chunk.accuracies
                reason = chunk.reason
                before, now = now, clock()
                slowest = max(slowest, now - before)
                if reason is not None or now + slowest > start + budget_s:
                    break
        self.history.extend(losses_run, accuracies_run)
        result = TrainResult(len(losses_run), steps, reason, now - start)
        if losses_run and announce:
            self.paramsChanged.emit()
        return result

    def announce_params(self) -> None:
        """Tell the views about weights that ``train(announce=False)`` changed."""
        self.paramsChanged.emit()

    def stop_training(self) -> None:
        """Forget Adam's moments (the weights stay): the next run starts fresh,
        as hand edits in between make the old moments meaningless."""
        self.optimizer = None

    # --- what the network makes of the data ---

    def evaluate(self) -> Evaluation:
        with one_blas_thread():
            proba = self.classifier.predict_proba(self.X)
        accuracy = losses.accuracy(proba, self.y)
        return Evaluation(first_rows=proba[:FIRST_ROWS],
                          loss=losses.categorical_cross_entropy(proba, self.y),
                          accuracy=accuracy, correct=round(accuracy * len(self.y)))
