"""The Bean SGD tab's state: its settings, the beans and the one BeanTrainer.

Widgets write through ``BeansModel``'s methods and redraw from its signals;
the model knows no widget. All numbers come from ``engine``.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal

from engine import bean_sgd
from engine.datasets import add_beans, get_beans
from gui.common.checks import checked_float, checked_int

#: Inclusive (low, high) of every numeric setting; the spin boxes use the same.
LIMITS = {
    "count": (1, 1000),
    "seed": (0, 2**31 - 1),
    "lr": (1e-8, 1e4),
    "epochs": (1, 100_000),
    "speed": (1, 1000),
}
MAX_EXTRA_BEANS = 1000
#: Settings whose change leaves the running trainer alone; any other change
#: starts a new run at epoch 0.
_LIVE_FIELDS = frozenset({"epochs", "speed", "toxic"})


@dataclass(frozen=True)
class BeanSettings:
    """Everything that defines a run; the defaults are post 000's."""

    count: int = 100
    seed: int = 0
    lr: float = 0.01
    epochs: int = 5000
    speed: int = 10
    mode: str = "sample"
    activation: str = "sigmoid"
    extra_beans: tuple[tuple[float, int], ...] = ()
    toxic: bool = True  # the label a clicked-in bean gets

    def to_dict(self) -> dict:
        state = asdict(self)
        state["extra_beans"] = [[size, label] for size, label in self.extra_beans]
        return state

    @classmethod
    def from_dict(cls, state: dict) -> BeanSettings:
        """Settings from ``to_dict`` output (missing keys take defaults);
        ``ValueError`` names the first bad value."""
        if not isinstance(state, dict):
            raise ValueError(f"bean settings must be a dict, not {type(state).__name__}")
        unknown = set(state) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown bean settings: {sorted(unknown)}")
        values = {**asdict(cls()), **state}
        return cls(
            count=checked_int("count", values["count"], LIMITS),
            seed=checked_int("seed", values["seed"], LIMITS),
            lr=checked_float("lr", values["lr"], LIMITS),
            epochs=checked_int("epochs", values["epochs"], LIMITS),
            speed=checked_int("speed", values["speed"], LIMITS),
            mode=_checked_choice("mode", values["mode"], bean_sgd.MODES),
            activation=_checked_choice("activation", values["activation"],
                                       bean_sgd.ACTIVATIONS),
            extra_beans=_checked_beans(values["extra_beans"]),
            toxic=_checked_bool("toxic", values["toxic"]),
        )


def _checked_choice(name: str, value, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ValueError(f"{name} must be one of {choices}, not {value!r}")
    return value


def _checked_bool(name: str, value) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be true or false, not {value!r}")
    return value


def _checked_beans(beans) -> tuple[tuple[float, int], ...]:
    if not isinstance(beans, list | tuple) or len(beans) > MAX_EXTRA_BEANS:
        raise ValueError(f"extra beans must be a list of at most {MAX_EXTRA_BEANS} pairs")
    checked = []
    for bean in beans:
        if not (isinstance(bean, list | tuple) and len(bean) == 2):
            raise ValueError(f"an extra bean is a [size, label] pair, not {bean!r}")
        size, label = bean
        if isinstance(size, bool) or not isinstance(size, int | float | np.number) \
                or not 0 <= size <= 1:
            raise ValueError(f"a bean's size must be between 0 and 1, not {size!r}")
        if isinstance(label, bool) or label not in (0, 1):
            raise ValueError(f"a bean's label must be 0 or 1, not {label!r}")
        checked.append((float(size), int(label)))
    return tuple(checked)


def beans_for(settings: BeanSettings) -> tuple[np.ndarray, np.ndarray]:
    """The post's ``get_beans`` after ``np.random.seed(seed)``, plus the
    clicked-in beans."""
    xs, ys = get_beans(settings.count, np.random.RandomState(settings.seed))
    return add_beans(xs, ys, settings.extra_beans)


class BeansModel(QObject):
    """Owns the settings and the current ``BeanTrainer``.

    ``restarted`` fires when the beans or the trainer are new (epoch 0),
    ``advanced`` after epochs ran, ``settingsChanged`` after a change that
    leaves the run alone (epochs, speed, toxic toggle)."""

    restarted = Signal()
    advanced = Signal()
    settingsChanged = Signal()

    def __init__(self, settings: BeanSettings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings or BeanSettings()
        self.trainer = self._new_trainer()

    @property
    def settings(self) -> BeanSettings:
        return self._settings

    def _new_trainer(self) -> bean_sgd.BeanTrainer:
        xs, ys = beans_for(self._settings)
        return bean_sgd.BeanTrainer(xs, ys, lr=self._settings.lr,
                                    activation=self._settings.activation,
                                    mode=self._settings.mode)

    def update(self, **changes) -> None:
        """Change some settings (validated); a change that affects training
        starts a new run."""
        settings = BeanSettings.from_dict({**self._settings.to_dict(), **changes})
        changed = {name for name in changes
                   if getattr(settings, name) != getattr(self._settings, name)}
        if not changed:
            return
        self._settings = settings
        if changed <= _LIVE_FIELDS:
            self.settingsChanged.emit()
        else:
            self.restart()

    def restore(self, settings: BeanSettings) -> None:
        self._settings = settings
        self.restart()

    def restart(self) -> None:
        """A new trainer at epoch 0 with the current settings."""
        self.trainer = self._new_trainer()
        self.restarted.emit()

    def add_bean(self, size: float) -> None:
        """A bean of ``size`` with the toggle's label, then a new run."""
        bean = (float(size), int(self._settings.toxic))
        self.update(extra_beans=[*self._settings.extra_beans, bean])

    def new_beans(self) -> None:
        """A fresh draw (the next seed), without the clicked-in beans."""
        low, high = LIMITS["seed"]
        next_seed = low if self._settings.seed >= high else self._settings.seed + 1
        self.update(seed=next_seed, extra_beans=[])

    @property
    def finished(self) -> bool:
        """True once the run reached its epoch count or diverged."""
        return self.trainer.diverged or self.trainer.epoch >= self._settings.epochs

    def step(self) -> bool:
        """Exactly one epoch; False if the run diverged instead."""
        ok = self.trainer.run_epoch()
        self.advanced.emit()
        return ok

    def advance(self, budget_s: float) -> int:
        """Up to ``speed`` epochs, never past ``epochs``, stopping early once
        ``budget_s`` seconds are used so one animation frame stays short."""
        wanted = min(self._settings.speed, self._settings.epochs - self.trainer.epoch)
        deadline = time.perf_counter() + budget_s
        done = 0
        while done < wanted and self.trainer.run_epoch():
            done += 1
            if time.perf_counter() > deadline:
                break
        self.advanced.emit()
        return done
