"""Undo for the sine-fit tab: every change of the network is one step.

A slider drag, a typed value, a preset, an auto-fit run, a loaded file, a
guided-build step and a change of shape are each one ``NetworkCommand``
holding the whole network before and after (shape, activation and every
value): a few hundred numbers are cheap, and one command type keeps undo
simple and exact.

``NetworkUndo`` brackets gestures that change the network many times before
they are done — a slider drag, a kink drag — so that each becomes one step
recorded when it ends, and knows which parameter is being dragged (its
slider already shows the value, so the views need not mirror it).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from gui.sine.model import NetworkState, SineFitModel


class NetworkCommand(QUndoCommand):
    """Swap between two network states through ``apply``.

    ``applied=True`` says the change is already on screen (a finished drag or
    auto-fit run), so the push does not redo it a second time.
    """

    def __init__(self, apply: Callable[[NetworkState], None], before: NetworkState,
                 after: NetworkState, text: str, applied: bool = False):
        super().__init__(text)
        self._apply = apply
        self.before, self.after = before, after
        self._skip_redo = applied

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class NetworkUndo(QObject):
    """The undo stack of one ``SineFitModel``, and the bracket around a gesture.

    ``apply`` is how a step reaches the model (the tab's, so it can stop a
    run first).
    """

    def __init__(self, model: SineFitModel, apply: Callable[[NetworkState], None],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.stack = QUndoStack(self)
        self._apply = apply
        self._gesture_before: NetworkState | None = None
        self.dragged: str | None = None  # the parameter the user's hand is on right now

    def push(self, after: NetworkState, text: str, before: NetworkState | None = None,
             applied: bool = False) -> bool:
        """Record a change (and make it, unless ``applied``); a change to the
        same network records nothing. Returns whether a step was pushed."""
        before = self.model.network_state() if before is None else before
        if before.same_as(after):
            return False
        self.stack.push(NetworkCommand(self._apply, before, after, text, applied))
        return True

    def in_gesture(self) -> bool:
        return self._gesture_before is not None

    def begin_gesture(self) -> None:
        self._gesture_before = self.model.network_state()

    def end_gesture(self, text: str) -> None:
        """Record the whole gesture as one (already applied) step."""
        before, self._gesture_before = self._gesture_before, None
        self.dragged = None
        if before is not None:
            self.push(self.model.network_state(), text, before, applied=True)

    def set_dragged(self, name: str | None) -> None:
        self.dragged = name
