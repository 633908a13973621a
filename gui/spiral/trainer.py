"""The spiral tab's training animation: a QObject owning its QTimer.

Each frame runs as many Adam steps as fit in its time budget (never more
than the model's steps per frame), then the model emits one ``paramsChanged``
and the views redraw once, so the UI keeps the rest of the 60 Hz frame
whatever the settings. The budget is FRAME_BUDGET_S, less when the redraw
after the steps is slow (a big net's maps): steps and redraw together stay
within FRAME_TARGET_S, leaving the paint its share of the frame. When not
even one step fits beside the redraw (1000 points × 6 classes through 64
neurons), ticks take turns: one runs the steps, the next draws them, so no
tick holds the UI longer than one of the two. ``behind`` says when the
machine could not run the steps asked for in that time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from gui.common.widgets import animation_timer
from gui.spiral.model import SpiralModel

FRAME_MS = 16  # about 60 frames a second
FRAME_BUDGET_S = 0.008  # Adam steps per frame stop here at the latest
FRAME_TARGET_S = 0.010  # steps plus the redraw they cause; the paints get the rest


class SpiralTrainer(QObject):
    """``started``/``stopped(reason)`` bracket a run (``reason`` is None when
    the learner stopped it, else the engine's reason for a bad step);
    ``paced(steps, asked)`` after each frame."""

    started = Signal()
    stopped = Signal(object)
    paced = Signal(int, int)

    def __init__(self, model: SpiralModel, parent: QObject | None = None,
                 clock: Callable[[], float] = time.perf_counter):
        super().__init__(parent)
        self.model = model
        self.budget_s = FRAME_BUDGET_S
        self.clock = clock
        self.behind = False  # the last frame ran fewer steps than asked for
        self.redraw_s = 0.0  # how long the last redraw took
        self._step_s = 0.0  # how long one step took in the last frame
        self._redraw_due = False  # the last tick ran steps and left drawing them to this one
        self._timer = animation_timer(self, FRAME_MS, self.advance_frame)

    def is_running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        if not self.is_running():
            self._timer.start()
            self.started.emit()

    def stop(self, reason: str | None = None) -> None:
        """Stop the timer and forget Adam's moments (``SpiralModel.stop_training``)."""
        if self._redraw_due:
            self._redraw()
        if self.is_running():
            self._timer.stop()
            self.model.stop_training()
            self.stopped.emit(reason)

    def advance_frame(self) -> None:
        """One frame: steps within the time budget and one redraw (through the
        model's signal), or, when the two do not fit one frame, either of
        them in turn; a bad step stops the run."""
        if self._redraw_due:
            self._redraw()
            return
        room = FRAME_TARGET_S - self.redraw_s
        apart = room < self._step_s  # not even one step fits beside the redraw
        budget = self.budget_s if apart else min(self.budget_s, max(0.0, room))
        start = self.clock()
        result = self.model.train(self.model.steps_per_frame, budget, self.clock,
                                  announce=not apart)
        if apart:
            self._redraw_due = result.steps > 0
        else:
            self.redraw_s = self.clock() - start - result.seconds
        self._step_s = result.seconds / max(result.steps, 1)
        self.behind = result.cut_short
        self.paced.emit(result.steps, result.asked)
        if result.reason is not None:
            self.stop(result.reason)

    def _redraw(self) -> None:
        self._redraw_due = False
        start = self.clock()
        self.model.announce_params()
        self.redraw_s = self.clock() - start
