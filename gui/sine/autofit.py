"""Auto-fit: Adam from the current weights, animated with a ``QTimer``.

Each tick runs optimiser steps in small chunks until about 8 ms have passed
(``steps_per_tick`` is an upper bound) and then lets the views redraw once, so
sliders, diagram and curve move while it learns and the UI keeps answering
whatever the network's size. Frozen parameters stay put (the model passes the
locks to ``train_steps`` as its ``trainable`` mask). A run that ends at its
step limit goes back to the best weights it reached.
"""

from __future__ import annotations

import math
import time

import numpy as np
from PySide6.QtCore import QObject, Signal

from engine.optim import Adam
from gui.common.widgets import animation_timer
from gui.sine.model import DEFAULT_TARGET_MSE, SineFitModel

TICK_MS = 16  # about 60 ticks a second
FRAME_BUDGET_S = 0.008  # optimiser time per tick: the rest of the frame is the UI's
CHUNK = 5  # steps between two looks at the clock
STEPS_PER_TICK = 200  # an upper bound; the time budget usually ends a tick first
MAX_STEPS = 20_000
LEARNING_RATE = 0.005  # fast from a hand-tuned start, still stable from a random one
__all__ = ["DEFAULT_TARGET_MSE", "AutoFitter"]

# Why a run stopped (``stopped`` carries one of these).
REACHED = "reached"
LIMIT = "limit"
DIVERGED = "diverged"
STOPPED = "stopped"  # by the user: kept as one undo step
CANCELLED = "cancelled"  # by undo or a restore: the weights go back, nothing recorded
ALL_LOCKED = "all locked"  # nothing may move: the run ends before its first step


class AutoFitter(QObject):
    """Runs Adam on ``model`` until the MSE reaches ``target_mse``, ``max_steps``
    have run, a step diverges, or ``stop()``/``cancel()`` is called."""

    started = Signal()
    ticked = Signal()
    stopped = Signal(str)

    def __init__(self, model: SineFitModel, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.learning_rate = LEARNING_RATE
        self.steps_per_tick = STEPS_PER_TICK
        self.max_steps = MAX_STEPS
        self.target_mse = DEFAULT_TARGET_MSE
        self.steps = 0
        self.runs = 0  # how many times auto-fit was started ("by hand" exercises ask)
        self.behind = False  # the last tick ran out of time before steps_per_tick
        self.start_state = model.network_state()
        self._best: tuple[float, np.ndarray] = (math.inf, model.get_flat())
        self._optimizer: Adam | None = None
        self._timer = animation_timer(self, TICK_MS, self._on_timer_timeout)

    def is_running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self.runs += 1
        self.steps = 0
        self.behind = False
        self.start_state = self.model.network_state()
        self._best = (self.model.metrics["mse"], self.model.get_flat())
        self._optimizer = Adam(lr=self.learning_rate)
        self._timer.start()
        self.started.emit()
        if self.model.all_locked():
            self._finish(ALL_LOCKED)
        elif self.model.metrics["mse"] <= self.target_mse:
            self._finish(REACHED)

    def stop(self) -> None:
        if self.is_running():
            self._finish(STOPPED)

    def cancel(self) -> None:
        """Stop without keeping the run: the caller puts the weights back."""
        if self.is_running():
            self._finish(CANCELLED)

    def _finish(self, reason: str) -> None:
        self._timer.stop()
        self.stopped.emit(reason)

    def _on_timer_timeout(self) -> None:
        try:
            self._tick()
        finally:
            self.model.announce()  # one redraw per frame, however many chunks ran

    def _tick(self) -> None:
        deadline = time.perf_counter() + FRAME_BUDGET_S
        budget = min(self.steps_per_tick, self.max_steps - self.steps)
        done = 0
        while done < budget and time.perf_counter() < deadline:
            steps = min(CHUNK, budget - done)
            if not self._run(steps):
                return
            done += steps
            if self.model.metrics["mse"] <= self.target_mse:
                self._finish(REACHED)
                return
        self.behind = done < budget
        if self.steps >= self.max_steps:
            best_mse, best_values = self._best
            if best_mse < self.model.metrics["mse"]:
                self.model.set_flat(best_values)
            self._finish(LIMIT)
        else:
            self.ticked.emit()

    def _run(self, steps: int) -> bool:
        """``steps`` optimiser steps; False (and the run finished) on divergence."""
        last_good = self.model.get_flat()
        try:
            with np.errstate(over="ignore", invalid="ignore"):
                loss = self.model.train(self._optimizer, steps)
        except ValueError:  # a step would have made a weight NaN, infinite or too large
            loss = math.nan
        if not math.isfinite(loss):
            # Diverged: back to the weights this chunk started from, whose MSE was finite.
            self.model.set_flat(last_good)
            self._finish(DIVERGED)
            return False
        self.steps += steps
        if loss < self._best[0]:
            self._best = (loss, self.model.get_flat())
        return True
