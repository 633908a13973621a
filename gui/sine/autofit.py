"""Auto-fit: Adam from the current weights, animated with a ``QTimer``.

Each tick runs a bounded number of optimiser steps and then lets the views
redraw once, so sliders, diagram and curve move while it learns and the UI
keeps answering. Frozen parameters stay put (the model passes the locks to
``train_steps`` as its ``trainable`` mask).
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QObject, Signal

from engine.optim import Adam
from gui.common.widgets import animation_timer
from gui.sine.model import SineFitModel

TICK_MS = 16  # about 60 ticks a second
STEPS_PER_TICK = 20  # ≈ 20 × 0.3 ms of Adam steps, leaving time to draw the frame
MAX_STEPS = 20_000
LEARNING_RATE = 0.005  # fast from a hand-tuned start, still stable from a random one
DEFAULT_TARGET_MSE = 1e-4

# Why a run stopped (``stopped`` carries one of these).
REACHED = "reached"
LIMIT = "limit"
DIVERGED = "diverged"
STOPPED = "stopped"  # by the user


class AutoFitter(QObject):
    """Runs Adam on ``model`` until the MSE reaches ``target_mse``, ``max_steps``
    have run, a step diverges, or ``stop()`` is called."""

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
        self.start_params = model.get_flat()
        self._optimizer: Adam | None = None
        self._timer = animation_timer(self, TICK_MS, self._on_timer_timeout)

    def is_running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self.steps = 0
        self.start_params = self.model.get_flat()
        self._optimizer = Adam(lr=self.learning_rate)
        self._timer.start()
        self.started.emit()
        if self.model.metrics["mse"] <= self.target_mse:
            self._finish(REACHED)

    def stop(self) -> None:
        if self.is_running():
            self._finish(STOPPED)

    def _finish(self, reason: str) -> None:
        self._timer.stop()
        self.stopped.emit(reason)

    def _on_timer_timeout(self) -> None:
        last_good = self.model.get_flat()
        steps = min(self.steps_per_tick, self.max_steps - self.steps)
        try:
            with np.errstate(over="ignore", invalid="ignore"):
                loss = self.model.train(self._optimizer, steps)
        except ValueError:  # a step would have made a weight NaN or infinite
            loss = math.nan
        if not math.isfinite(loss):
            # Diverged: back to the weights this tick started from, whose MSE was finite.
            self.model.set_flat(last_good)
            self._finish(DIVERGED)
            return
        self.steps += steps
        if loss <= self.target_mse:
            self._finish(REACHED)
        elif self.steps >= self.max_steps:
            self._finish(LIMIT)
        else:
            self.ticked.emit()
