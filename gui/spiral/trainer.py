"""The spiral tab's training animation: a QObject owning its QTimer.

Each tick runs as many Adam steps as fit in its time budget (never more than
the model's steps per frame), then redraws the views in parts (``Redraw``;
the tab's are the class map, the neuron maps, the evaluation, and the
history with the editor's numbers) as far as they fit in what is left of
FRAME_TARGET_S. Each part's cost is measured, its paint included (the time
the event loop takes to fall idle after the draw), so the steps' budget is
FRAME_TARGET_S less the parts to be drawn: all of them when they fit beside
a step, else the next one in turn. A big net (1000 points × 6 classes
through 64 neurons) thus refreshes one or two parts a tick, each tick a step
or two beside them, and when not even one step fits beside a part, a tick
only draws. No tick holds the UI much longer than FRAME_TARGET_S, and the
parts still due are drawn when training stops. ``behind`` says when the
machine could not run the steps asked for in that time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from gui.common.widgets import animation_timer
from gui.spiral.model import SpiralModel

FRAME_MS = 16  # about 60 frames a second
FRAME_BUDGET_S = 0.008  # Adam steps per frame stop here at the latest
FRAME_TARGET_S = 0.010  # a tick's steps, redraw and paint together; the frame keeps the rest
PEAK_DECAY = 0.8  # a part's cost estimate follows a slow draw at once, a fast one gently


class _Part:
    """One piece of the redraw and what it cost: its own time and the paint
    after it (until measured, guessed as long as its own time)."""

    def __init__(self, draw: Callable[[], None]):
        self.draw = draw
        self.stale = False
        self.draw_s = 0.0  # not measured yet: assumed free, so the first draw measures it
        self.paint_s: float | None = None

    @property
    def cost_s(self) -> float:
        return self.draw_s + (self.draw_s if self.paint_s is None else self.paint_s)


def _peak(old: float | None, new: float) -> float:
    """A cost estimate that takes a slow draw at once and forgets it slowly."""
    return new if old is None else max(new, PEAK_DECAY * old)


class Redraw(QObject):
    """The views' redraw after training steps, in ``parts`` drawn in turn:
    ``draw(room_s)`` draws stale parts, continuing where the last call
    stopped, while each one's measured cost still fits in ``room_s``."""

    def __init__(self, parts: Sequence[Callable[[], None]], clock: Callable[[], float],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.clock = clock
        self._parts = [_Part(draw) for draw in parts]
        self._next = 0  # where the next draw starts: every part gets its turn
        self._drawn: list[_Part] = []  # by the last draw, whose paint is being timed
        self._drawn_at = 0.0
        # Fires once the event loop has nothing left to do, i.e. after the paint.
        self._settled = QTimer(self)
        self._settled.setSingleShot(True)
        self._settled.setInterval(0)
        self._settled.timeout.connect(self._on_settled_timeout)

    def invalidate(self) -> None:
        """The weights changed: every part is due."""
        for part in self._parts:
            part.stale = True

    def stale(self) -> bool:
        return any(part.stale for part in self._parts)

    def _in_turn(self) -> list[tuple[int, _Part]]:
        """Every part with its index, starting with the one whose turn it is."""
        n = len(self._parts)
        return [((self._next + k) % n, self._parts[(self._next + k) % n]) for k in range(n)]

    def next_cost(self) -> float:
        """The cost of the part the next draw starts with."""
        due = [part for _, part in self._in_turn() if part.stale] or [self._parts[self._next]]
        return due[0].cost_s

    def total_cost(self) -> float:
        return sum(part.cost_s for part in self._parts)

    def draw(self, room_s: float, at_least_one: bool = False) -> None:
        """Stale parts in turn while they fit in ``room_s`` seconds (the
        first regardless with ``at_least_one``)."""
        start = now = self.clock()
        drawn = []
        painting = 0.0  # the paint the parts drawn so far will cost after this call
        for index, part in self._in_turn():
            if not part.stale:
                continue
            if now + painting + part.cost_s > start + room_s and (drawn or not at_least_one):
                break
            part.stale = False
            part.draw()
            before, now = now, self.clock()
            part.draw_s = _peak(part.draw_s, now - before)
            painting += part.cost_s - part.draw_s
            drawn.append(part)
            self._next = (index + 1) % len(self._parts)
        if drawn:
            self._drawn, self._drawn_at = drawn, now
            self._settled.start()

    def flush(self) -> None:
        """Every stale part now (training stops: the views show the last weights)."""
        self.draw(float("inf"))

    def _on_settled_timeout(self) -> None:
        """Share the paint that followed the last draw among its parts, by
        their own time."""
        paint = self.clock() - self._drawn_at
        total = sum(part.draw_s for part in self._drawn)
        for part in self._drawn:
            share = part.draw_s / total if total > 0 else 1 / len(self._drawn)
            part.paint_s = _peak(part.paint_s, paint * share)
        self._drawn = []


class SpiralTrainer(QObject):
    """``started``/``stopped(reason)`` bracket a run (``reason`` is None when
    the learner stopped it, else the engine's reason for a bad step);
    ``paced(steps, asked)`` after each tick that ran steps. ``parts`` redraw
    the views after steps (default: the model's ``paramsChanged``, one part)."""

    started = Signal()
    stopped = Signal(object)
    paced = Signal(int, int)

    def __init__(self, model: SpiralModel, parent: QObject | None = None,
                 clock: Callable[[], float] = time.perf_counter,
                 parts: Sequence[Callable[[], None]] | None = None):
        super().__init__(parent)
        self.model = model
        self.budget_s = FRAME_BUDGET_S
        self.clock = clock
        self.behind = False  # the last frame ran fewer steps than asked for
        self.redraw = Redraw(parts or [model.announce_params], self._now, self)
        self._step_s = 0.0  # how long one step took in the last frame
        self._timer = animation_timer(self, FRAME_MS, self.advance_frame)

    def _now(self) -> float:
        return self.clock()  # through self: a test may swap the clock

    def is_running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        if not self.is_running():
            # Draw once before the first tick: every part's cost is known then.
            self.redraw.invalidate()
            self.redraw.flush()
            self._timer.start()
            self.started.emit()

    def stop(self, reason: str | None = None) -> None:
        """Stop the timer and forget Adam's moments (``SpiralModel.stop_training``)."""
        self.redraw.flush()
        if self.is_running():
            self._timer.stop()
            self.model.stop_training()
            self.stopped.emit(reason)

    def advance_frame(self) -> None:
        """One tick: steps within the budget, then the parts of the redraw
        that fit; or only parts, when not even one step fits beside the next
        part. A bad step stops the run."""
        redraw = self.redraw
        if redraw.stale() and FRAME_TARGET_S - redraw.next_cost() < self._step_s:
            redraw.draw(FRAME_TARGET_S, at_least_one=True)
            return
        whole = redraw.total_cost()
        reserve = whole if FRAME_TARGET_S - whole >= self._step_s else redraw.next_cost()
        budget = min(self.budget_s, max(0.0, FRAME_TARGET_S - reserve))
        result = self.model.train(self.model.steps_per_frame, budget, self.clock,
                                  announce=False)
        self._step_s = result.seconds / max(result.steps, 1)
        if result.steps:
            redraw.invalidate()
        redraw.draw(FRAME_TARGET_S - result.seconds)
        self.behind = result.cut_short
        self.paced.emit(result.steps, result.asked)
        if result.reason is not None:
            self.stop(result.reason)
