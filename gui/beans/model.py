"""The Bean SGD tab's state: its settings, the beans, the one BeanTrainer,
what the plots trace of its run, and the animation that drives it.

Widgets write through ``BeansModel``'s methods and redraw from its signals;
the model knows no widget, so views can change language or theme (or be
built again) without losing a thing. All numbers come from ``engine``.
"""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal

from engine import bean_sgd
from engine.datasets import add_beans, get_beans
from gui.beans.trace import EpochTrace
from gui.common.checks import checked_float, checked_int
from gui.common.widgets import animation_timer

#: Inclusive (low, high) of every numeric setting; the spin boxes use the same.
LIMITS = {
    "count": (1, 1000),
    "seed": (0, 2**31 - 1),
    "lr": (1e-8, 1e4),
    "epochs": (1, 100_000),
    "speed": (1, 1000),
}
MAX_EXTRA_BEANS = 1000
# Qt's timers fire a little late and the lag adds up (16 ms gives 59 ticks a
# second here), so ask for 15 ms to stay above 60 frames a second.
FRAME_MS = 15
TICK_BUDGET_S = 0.008  # epochs stop here, leaving the rest of the frame for drawing
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


#: What replaying a saved run may cost, in steps: one per bean per epoch, plus
#: ``NUMPY_UPDATE_COST`` per mini-batch or full-batch update (a NumPy update
#: takes about as long as the per-sample loop takes for 100 beans). A step
#: takes about 0.12 µs here, in every mode: 5.5·10⁶ steps replay in about
#: 0.7 s and hold every default run (5000 epochs of 100 beans) in every mode;
#: a saved state that asks for more replays as far as this allows.
REPLAY_STEPS = 5_500_000
NUMPY_UPDATE_COST = 100


@dataclass(frozen=True)
class SavedRun:
    """Where a saved run had got to: ``epoch`` epochs played (counting the one
    it diverged in), and the epochs at which the last ``len(clicked_at)``
    extra beans were clicked into it (the earlier ones were there from its
    start)."""

    epoch: int = 0
    clicked_at: tuple[int, ...] = ()

    @classmethod
    def from_state(cls, state: dict) -> tuple[BeanSettings, SavedRun]:
        """A tab state (settings plus ``epoch`` and ``clicked_at``, both
        optional) split in two; ``ValueError`` names the first bad value."""
        if not isinstance(state, dict):
            raise ValueError(f"a bean state must be a dict, not {type(state).__name__}")
        settings = BeanSettings.from_dict(
            {key: value for key, value in state.items() if key not in _RUN_KEYS})
        epoch = checked_int("epoch", state.get("epoch", 0), {"epoch": (0, LIMITS["epochs"][1])})
        clicked_at = state.get("clicked_at", [])
        if not isinstance(clicked_at, list | tuple) \
                or len(clicked_at) > len(settings.extra_beans):
            raise ValueError("clicked_at must be a list of at most one epoch per extra bean")
        joins = tuple(checked_int("clicked_at", join, {"clicked_at": (0, epoch)})
                      for join in clicked_at)
        if list(joins) != sorted(joins):
            raise ValueError(f"clicked_at must not go down, not {list(joins)}")
        return settings, cls(epoch, joins)


_RUN_KEYS = frozenset(SavedRun.__dataclass_fields__)


def replay_limit(settings: BeanSettings) -> int:
    """The most epochs a saved run of these settings replays (see ``REPLAY_STEPS``)."""
    beans = settings.count + len(settings.extra_beans)
    updates = {"sample": 0, "minibatch": math.ceil(beans / bean_sgd.MINIBATCH_SIZE),
               "batch": 1}[settings.mode]
    return min(settings.epochs, REPLAY_STEPS // (beans + NUMPY_UPDATE_COST * updates))


def beans_for(settings: BeanSettings, extra: int | None = None
              ) -> tuple[np.ndarray, np.ndarray]:
    """The post's ``get_beans`` after ``np.random.seed(seed)``, plus the
    clicked-in beans (the first ``extra`` of them, if given)."""
    xs, ys = get_beans(settings.count, np.random.RandomState(settings.seed))
    return add_beans(xs, ys, settings.extra_beans[:extra])


class BeansModel(QObject):
    """Owns the settings, the current ``BeanTrainer``, what the plots trace of
    its run, the cost picture's bounds and the animation (``player``): views
    keep nothing of their own, so a language or theme switch loses nothing.

    ``restarted`` fires when the run is new (epoch 0), ``beansChanged`` when a
    clicked-in bean joined a run that goes on, ``advanced`` after epochs ran,
    ``settingsChanged`` after a change that leaves the run alone (epochs,
    speed, toxic toggle)."""

    restarted = Signal()
    beansChanged = Signal()
    advanced = Signal()
    settingsChanged = Signal()

    def __init__(self, settings: BeanSettings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings or BeanSettings()
        self.trace = EpochTrace()
        self.bounds = bean_sgd.SURFACE_BOUNDS
        self.pace = Pace()
        self.bean_refused = False  # the last click found no room for another bean
        #: (epochs replayed, epochs the loaded state asked) while a replay the
        #: limit cut short stays where it stopped; else None.
        self.replay_cut: tuple[int, int] | None = None
        self.player = BeanPlayer(self)
        self.trainer = self._new_trainer()
        self._clicked_at: tuple[int, ...] = ()  # see SavedRun
        self._sync_trace()

    @property
    def settings(self) -> BeanSettings:
        return self._settings

    def _new_trainer(self, extra: int | None = None) -> bean_sgd.BeanTrainer:
        xs, ys = beans_for(self._settings, extra)
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

    def state(self) -> dict:
        """The settings and how far the run got, for ``load``."""
        return {**self._settings.to_dict(), "epoch": self.trainer.played,
                "clicked_at": list(self._clicked_at)}

    def load(self, state: dict) -> None:
        """The run ``state`` describes, replayed to its epoch as Play would
        have played it, bit for bit (at most ``replay_limit`` epochs; the
        player stops). ``ValueError`` names a bad value and changes nothing."""
        settings, run = SavedRun.from_state(state)
        self._settings = settings
        self._new_run(len(settings.extra_beans) - len(run.clicked_at))
        epochs = min(run.epoch, settings.epochs)
        self._replay(min(epochs, replay_limit(settings)), run.clicked_at)
        if self.trainer.played < epochs and not self.trainer.diverged:
            self.replay_cut = (self.trainer.played, epochs)
        self.restarted.emit()

    def _replay(self, epochs: int, clicked_at: tuple[int, ...]) -> None:
        """Run to ``epochs`` (or divergence); the clicked-in beans join after
        the epochs they were clicked at, as ``add_bean`` let them in."""
        for joined, epoch in enumerate(clicked_at, start=1):
            self.trainer.run_epochs(min(epoch, epochs) - self.trainer.played)
            if self.trainer.played < epoch:  # diverged, or clicked beyond the replay
                break
            self._join(clicked_at[:joined])
        self.trainer.run_epochs(epochs - self.trainer.played)
        self._join(clicked_at)  # those clicked beyond the replay
        self._sync_trace()
        path = self.trainer.path_since(0)
        self.bounds = bean_sgd.surface_bounds(path[:, 1], path[:, 2])

    def _join(self, clicked_at: tuple[int, ...]) -> None:
        """The clicked-in beans of ``clicked_at`` not in the run yet train from
        here on, as ``add_bean`` does it."""
        new = len(clicked_at) - len(self._clicked_at)
        if new <= 0:
            return
        have = self.trainer.xs.size - self._settings.count  # extra beans in the run
        beans = self._settings.extra_beans[have:have + new]
        self._sync_trace()
        # add_beans puts beans in one by one: so many more on the run's beans
        # is the same as all of them on the drawn ones.
        self.trainer.set_beans(*add_beans(self.trainer.xs, self.trainer.ys, beans))
        self._clicked_at = clicked_at

    def restart(self) -> None:
        """A new trainer at epoch 0 with the current settings (stops playing)."""
        self._new_run()
        self.restarted.emit()

    def _new_run(self, extra: int | None = None) -> None:
        """A trainer at epoch 0 on the drawn beans and the first ``extra``
        clicked-in ones (all by default), which are there from its start."""
        self.player.stop()
        self.trainer = self._new_trainer(extra)
        self._clicked_at = ()
        self.trace.clear()
        self.bounds = bean_sgd.SURFACE_BOUNDS
        self.pace = Pace()
        self.bean_refused = False
        self.replay_cut = None
        self._sync_trace()

    def add_bean(self, size: float) -> bool:
        """A bean of ``size`` with the toggle's label joins the run, which
        goes on from where it is. False (and nothing changes) once
        ``MAX_EXTRA_BEANS`` are in."""
        if len(self._settings.extra_beans) >= MAX_EXTRA_BEANS:
            self.bean_refused = True
            return False
        bean = (float(size), int(self._settings.toxic))
        self._settings = BeanSettings.from_dict(
            {**self._settings.to_dict(), "extra_beans": [*self._settings.extra_beans, bean]})
        self._sync_trace()  # the epochs so far, with their losses on the earlier beans
        self.trainer.set_beans(*beans_for(self._settings))
        self._clicked_at = (*self._clicked_at, self.trainer.played)
        self.beansChanged.emit()
        return True

    def new_beans(self) -> None:
        """A fresh draw (the next seed), without the clicked-in beans."""
        low, high = LIMITS["seed"]
        next_seed = low if self._settings.seed >= high else self._settings.seed + 1
        self.update(seed=next_seed, extra_beans=[])

    @property
    def finished(self) -> bool:
        """True once the run reached its epoch count or diverged."""
        return self.trainer.diverged or self.trainer.epoch >= self._settings.epochs

    def is_running(self) -> bool:
        return self.player.is_running()

    def step(self) -> bool:
        """Exactly one epoch (stops playing); False if the run diverged instead."""
        self.player.stop()
        ok = self.trainer.run_epoch()
        self._after_epochs()
        return ok

    def advance(self, budget_s: float) -> int:
        """Up to ``speed`` epochs, never past ``epochs``, stopping once
        ``budget_s`` seconds are used so one animation frame stays short
        (at least one epoch runs). ``pace`` records whether the budget cut
        the frame short."""
        wanted = min(self._settings.speed, self._settings.epochs - self.trainer.epoch)
        deadline = time.perf_counter() + budget_s
        done = 0
        while done < wanted and self.trainer.run_epoch():
            done += 1
            if time.perf_counter() > deadline:
                break
        self.pace = self.pace.after_frame(done, wanted, self.trainer.diverged)
        self._after_epochs()
        return done

    def _after_epochs(self) -> None:
        self.replay_cut = None  # the run moved on from where the replay stopped
        self._sync_trace()
        # The earlier path is inside already; only the newest point can widen the picture.
        self.bounds = bean_sgd.surface_bounds([self.trainer.w], [self.trainer.b],
                                              base=self.bounds)
        self.advanced.emit()

    def _sync_trace(self) -> None:
        """Add the trainer's new epochs that the trace keeps, with their loss
        (computed for those only: a long frame of many epochs stays cheap)."""
        last = int(self.trace.rows()[-1, 0]) + 1 if self.trace.size else 0
        path = self.trainer.path_since(last)
        path = path[self.trace.keeps(path[:, 0])]
        if len(path):
            losses = bean_sgd.mse_along(self.trainer.xs, self.trainer.ys, path[:, 1],
                                        path[:, 2], self.trainer.activation)
            self.trace.extend(np.column_stack([path, losses]))

    def now(self) -> tuple[float, float, float, float]:
        """(epoch, w, b, loss) of the trainer as it is."""
        t = self.trainer
        return float(t.epoch), t.w, t.b, t.loss()


#: Frames in a row that must fall short before the tab says it cannot keep
#: up, and that must not before it stops saying so: one slow frame (a
#: repaint of the cost picture, another program) is no news.
PACE_FRAMES = 10


@dataclass(frozen=True)
class Pace:
    """How the last frames went: ``behind`` once ``PACE_FRAMES`` frames in a
    row ran fewer epochs than asked because the time budget ran out;
    ``epochs`` is what the last frame managed."""

    behind: bool = False
    streak: int = 0  # frames in a row that disagree with ``behind``
    epochs: int = 0

    def after_frame(self, done: int, wanted: int, diverged: bool) -> Pace:
        short = done < wanted and not diverged
        streak = self.streak + 1 if short != self.behind else 0
        if streak >= PACE_FRAMES:
            return Pace(short, 0, done)
        return Pace(self.behind, streak, done)


class BeanPlayer(QObject):
    """The animation: a timer that advances ``model`` one frame per tick
    (up to ``speed`` epochs within ``budget_s``) until the run ends."""

    runningChanged = Signal(bool)

    def __init__(self, model: BeansModel):
        super().__init__(model)
        self._model = model
        self.budget_s = TICK_BUDGET_S
        self._timer = animation_timer(self, FRAME_MS, self.frame)

    def is_running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        """Play; at the end of a run, play it again from epoch 0."""
        if self._model.finished and not self._model.trainer.diverged:
            self._model.restart()
        if not self.is_running() and not self._model.finished:
            self._timer.start()
            self.runningChanged.emit(True)

    def stop(self) -> None:
        if self.is_running():
            self._timer.stop()
            self.runningChanged.emit(False)

    def frame(self) -> None:
        """One frame's epochs; the run stops at its end or on divergence."""
        self._model.advance(self.budget_s)
        if self._model.finished:
            self.stop()
