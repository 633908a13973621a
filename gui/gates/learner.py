""""Learn it": Rosenblatt's rule from w1 = w2 = b = 0, played one shown input
at a time by a ``QTimer`` (like sine's ``AutoFitter``).

The engine computes the whole run at start (at most 100 epochs × 4 inputs);
each tick advances it by up to ``steps_per_frame`` inputs, as many as fit in
``BUDGET_S``, and hands the weights to the model once. Epoch ends alone would
hide XOR's failure: from zero its weights are the same at the end of every
epoch while the line keeps swinging inside each one.
"""

from __future__ import annotations

import time
from enum import Enum

import numpy as np
from PySide6.QtCore import QObject, Signal

from engine.perceptron import (
    INPUTS,
    is_linearly_separable,
    perceptron_learning,
    perceptron_learning_steps,
)
from gui.common.widgets import animation_timer

LEARNING_RATE = 0.25  # a power of two: every update is exact in floating point
MAX_LEARNING_EPOCHS = 100  # separable targets converge from zero within 7
NEVER_SETTLING_EPOCHS = 8  # how much of XOR's endless cycle the animation plays
FRAME_MS = 180  # one shown input per frame: slow enough to follow the line
BUDGET_S = 0.008  # the steps of one frame stop here; the rest of the frame is the UI's


class Phase(Enum):
    IDLE = "idle"  # nothing to say
    RUNNING = "running"
    DONE = "done"  # the run played to its end
    STOPPED = "stopped"  # by the learner, or an edit


class GatesLearner(QObject):
    """Plays a learning run on ``model`` (anything with ``show_weights(w1, w2, b)``)."""

    ticked = Signal()
    phaseChanged = Signal()

    def __init__(self, model, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.phase = Phase.IDLE
        self.frames = np.empty((0, 3))  # row k: the weights after k shown inputs
        self.frame = 0
        self.converged = False
        self.epochs = 0  # epochs the whole run takes
        self.steps_per_frame = 1
        self.last_steps = 0  # inputs the last tick got through
        self.clock = time.perf_counter  # a test may count time its own way
        self.timer = animation_timer(self, FRAME_MS, self._on_timer_timeout)

    def is_running(self) -> bool:
        return self.timer.isActive()

    def start(self, target) -> None:
        separable = is_linearly_separable(target)
        epochs = MAX_LEARNING_EPOCHS if separable else NEVER_SETTLING_EPOCHS
        result = perceptron_learning(target, lr=LEARNING_RATE, epochs=epochs)
        self.frames = perceptron_learning_steps(target, lr=LEARNING_RATE, epochs=epochs)
        self.converged = result.converged
        self.epochs = len(result.history) - 1
        self.frame = 0
        self.last_steps = 0
        self.model.show_weights(*self.frames[0])
        self.timer.start()
        self._set_phase(Phase.RUNNING)

    def stop(self) -> None:
        """Stop a run that plays; a finished one keeps its summary."""
        if self.is_running():
            self.timer.stop()
            self._set_phase(Phase.STOPPED)

    def clear(self) -> None:
        """Stop, and forget the run (its summary no longer fits)."""
        self.timer.stop()
        self._set_phase(Phase.IDLE)

    def advance(self) -> int:
        """One frame: up to ``steps_per_frame`` inputs, stopping early when the
        budget is spent; returns how many were shown."""
        last = len(self.frames) - 1
        deadline = self.clock() + BUDGET_S
        steps = 0
        while steps < self.steps_per_frame and self.frame < last:
            self.frame += 1
            steps += 1
            if self.clock() >= deadline:
                break
        self.last_steps = steps
        self.model.show_weights(*self.frames[self.frame])
        return steps

    def behind(self) -> bool:
        """The last frame fitted fewer inputs than asked (and some were left)."""
        return (self.phase is Phase.RUNNING and 0 < self.last_steps < self.steps_per_frame
                and self.frame < len(self.frames) - 1)

    # --- what the views show ----------------------------------------------------

    def presented(self) -> tuple[int, int] | None:
        """The input shown last, while running."""
        if self.phase is not Phase.RUNNING or self.frame == 0:
            return None
        return INPUTS[(self.frame - 1) % 4]

    def epoch(self) -> int:
        return (self.frame - 1) // 4 + 1

    def moved(self) -> bool:
        """The last shown input moved the line (its output was wrong)."""
        return self.frame > 0 and not np.array_equal(self.frames[self.frame],
                                                     self.frames[self.frame - 1])

    def _on_timer_timeout(self) -> None:
        self.advance()
        if self.frame == len(self.frames) - 1:
            self.timer.stop()
            self._set_phase(Phase.DONE)
        else:
            self.ticked.emit()

    def _set_phase(self, phase: Phase) -> None:
        self.phase = phase
        self.phaseChanged.emit()
