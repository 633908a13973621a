"""The spiral tab's state: its settings, the spiral data, the one Classifier
and the training history.

Widgets write through ``SpiralModel``'s methods and redraw from its signals;
the model knows no widget and does no maths of its own (``engine`` does).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal

from engine import losses
from engine.datasets import spiral_data
from engine.network import Classifier, readable_random_params
from engine.optim import Adam, train_classifier_steps
from gui.common.checks import checked_float, checked_int

#: Inclusive (low, high) of every setting; the spin boxes use the same.
LIMITS = {
    "samples": (5, 1000),
    "classes": (2, 6),
    "seed": (0, 2**31 - 1),
    "hidden": (1, 64),
    "lr": (0.0001, 1.0),
    "steps": (1, 500),
}
#: Weights are kept within ±MAX_ABS_PARAM: the spin boxes' range, and a bound
#: that keeps every logit finite for inputs in the −1…1 view.
MAX_ABS_PARAM = 100.0
DEFAULT_LR = 0.02
DEFAULT_STEPS = 10
FIRST_ROWS = 5  # the post prints softmax_output[:5]


@dataclass(frozen=True)
class SpiralSettings:
    """What defines the data and the network's shape; defaults are the post's."""

    samples: int = 100
    classes: int = 3
    seed: int = 0
    hidden: int = 3

    @classmethod
    def checked(cls, **values) -> SpiralSettings:
        """Settings from keyword values; ``ValueError`` names the first bad one."""
        return cls(**{name: checked_int(name, value, LIMITS) for name, value in values.items()})

    def to_dict(self) -> dict:
        return asdict(self)


def checked_params(values, n_params: int) -> np.ndarray:
    """A flat parameter vector the tab can show: right length, finite, within
    ±MAX_ABS_PARAM."""
    if isinstance(values, np.ndarray):
        values = values.tolist()
    if not isinstance(values, list | tuple) or not all(
            not isinstance(v, bool) and isinstance(v, int | float) for v in values):
        raise ValueError("parameters must be a list of numbers")
    if len(values) != n_params:
        raise ValueError(f"got {len(values)} numbers, the network needs {n_params}")
    if not all(math.isfinite(v) and abs(v) <= MAX_ABS_PARAM for v in values):
        raise ValueError(f"every parameter must be a finite number within "
                         f"±{MAX_ABS_PARAM:g}")
    return np.array(values, dtype=float)


def param_count(settings: SpiralSettings) -> int:
    """How many weights and biases the network of ``settings`` has."""
    return Classifier(2, (settings.hidden,), settings.classes).n_params


class History:
    """Loss and accuracy per training step, in buffers that grow by doubling
    (a run of a few minutes has hundreds of thousands of steps)."""

    def __init__(self):
        self.revision = 0  # changes with every clear or extend: views redraw only then
        self.clear()

    def clear(self) -> None:
        self._data = np.empty((2, 1024))
        self._count = 0
        self.revision += 1

    def __len__(self) -> int:
        return self._count

    def extend(self, step_losses: list[float], step_accuracies: list[float]) -> None:
        n = len(step_losses)
        if self._count + n > self._data.shape[1]:
            grown = np.empty((2, max(2 * self._data.shape[1], self._count + n)))
            grown[:, :self._count] = self._data[:, :self._count]
            self._data = grown
        self._data[0, self._count:self._count + n] = step_losses
        self._data[1, self._count:self._count + n] = step_accuracies
        self._count += n
        self.revision += 1

    @property
    def losses(self) -> np.ndarray:
        return self._data[0, :self._count]

    @property
    def accuracies(self) -> np.ndarray:
        return self._data[1, :self._count]


@dataclass(frozen=True)
class Evaluation:
    """What the network makes of the current data."""

    first_rows: np.ndarray  # softmax outputs of the first FIRST_ROWS points
    loss: float  # mean cross-entropy
    accuracy: float
    correct: int


class SpiralModel(QObject):
    """``rebuilt``: new data and a new network (shape may differ).
    ``paramsChanged``: the weights changed (hand edit, training, load)."""

    rebuilt = Signal()
    paramsChanged = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.history = History()
        self.optimizer: Adam | None = None
        self.lr = DEFAULT_LR
        self.rebuild(SpiralSettings())

    # --- data and network ---

    def rebuild(self, settings: SpiralSettings) -> None:
        """New data and weights, drawn as the post does: one RandomState(seed)
        feeds ``spiral_data`` and then the Classifier (NNFS 0.01·randn), so the
        defaults reproduce the post's numbers."""
        self.settings = settings
        rng = np.random.RandomState(settings.seed)
        self.X, self.y = spiral_data(settings.samples, settings.classes, rng)
        self.classifier = Classifier(2, (settings.hidden,), settings.classes, rng)
        # "Randomise" draws come from their own stream: pressing it must not
        # depend on how many points the data took.
        self._randomise_rng = np.random.default_rng(settings.seed)
        self._restart_training()
        self.rebuilt.emit()

    def restore(self, settings: SpiralSettings, params) -> None:
        """Settings plus weights (a saved session); checks the weights against
        the settings' network before anything changes."""
        values = checked_params(params, param_count(settings))
        self.blockSignals(True)
        try:
            self.rebuild(settings)
        finally:
            self.blockSignals(False)
        self.classifier.set_flat(values)
        self.rebuilt.emit()

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
        self.classifier.set_flat(checked_params(values, self.classifier.n_params))
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

    def set_lr(self, lr: float) -> None:
        self.lr = checked_float("lr", lr, LIMITS)
        if self.optimizer is not None:
            self.optimizer.lr = self.lr

    def train(self, steps: int) -> str | None:
        """Run up to ``steps`` Adam steps; returns the engine's ``reason`` for
        stopping early (``engine.optim`` constants; the weights stay at the
        last good step), else None."""
        if self.optimizer is None:
            self.optimizer = Adam(self.lr)
        chunk = train_classifier_steps(self.classifier, self.X, self.y, self.optimizer,
                                       steps, max_abs=MAX_ABS_PARAM)
        self.history.extend(chunk.losses, chunk.accuracies)
        if chunk.losses:
            self.paramsChanged.emit()
        return chunk.reason

    def stop_training(self) -> None:
        """Forget Adam's moments (the weights stay): the next run starts fresh,
        as hand edits in between make the old moments meaningless."""
        self.optimizer = None

    # --- what the network makes of the data ---

    def evaluate(self) -> Evaluation:
        proba = self.classifier.predict_proba(self.X)
        accuracy = losses.accuracy(proba, self.y)
        return Evaluation(first_rows=proba[:FIRST_ROWS],
                          loss=losses.categorical_cross_entropy(proba, self.y),
                          accuracy=accuracy, correct=round(accuracy * len(self.y)))
