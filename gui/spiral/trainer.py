"""The spiral tab's training animation: a QObject owning its QTimer.

Each frame runs as many Adam steps as fit in its time budget (never more
than the model's steps per frame), then the model emits one ``paramsChanged``
and the views redraw once, so the UI keeps the rest of the 60 Hz frame
whatever the settings. The budget is FRAME_BUDGET_S, less when the redraw
after the steps is slow (a big net's maps): steps and redraw together stay
within FRAME_TARGET_S, leaving the paint its share of the frame. ``behind``
says when the machine could not run the steps asked for in that time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from gui.common.widgets import animation_timer
from gui.spiral.model import SpiralModel

FRAME_MS = 16  # about 60 frames a second
FRAME_BUDGET_S = 0.008  # Adam steps per frame stop here at the latest
FRAME_TARGET_S = 0.013  # steps plus the redraw they cause; the paint gets the rest


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
        self.redraw_s = 0.0  # how long the last frame's redraw took, after its steps
        self._timer = animation_timer(self, FRAME_MS, self.advance_frame)

    def is_running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        if not self.is_running():
            self._timer.start()
            self.started.emit()

    def stop(self, reason: str | None = None) -> None:
        """Stop the timer and forget Adam's moments (``SpiralModel.stop_training``)."""
        if self.is_running():
            self._timer.stop()
            self.model.stop_training()
            self.stopped.emit(reason)

    def advance_frame(self) -> None:
        """One frame: steps within the time budget, one redraw (through the
        model's signal); a bad step stops the run."""
        budget = min(self.budget_s, max(0.0, FRAME_TARGET_S - self.redraw_s))
        start = self.clock()
        result = self.model.train(self.model.steps_per_frame, budget, self.clock)
        self.redraw_s = self.clock() - start - result.seconds
        self.behind = result.cut_short
        self.paced.emit(result.steps, result.asked)
        if result.reason is not None:
            self.stop(result.reason)
