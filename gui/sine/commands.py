"""Undo steps of the sine-fit tab.

Every change of the weights — a slider drag, a typed value, a preset, an
auto-fit run, a loaded file — is one ``SetParamsCommand`` holding the whole
parameter vector before and after: 97 numbers are cheap, and one command
type keeps undo simple and exact.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtGui import QUndoCommand


class SetParamsCommand(QUndoCommand):
    """Swap between two full parameter vectors through ``apply``.

    ``applied=True`` says the change is already on screen (a finished drag or
    auto-fit run), so the push does not redo it a second time.
    """

    def __init__(self, apply: Callable[[np.ndarray], None], before: np.ndarray,
                 after: np.ndarray, text: str, applied: bool = False):
        super().__init__(text)
        self._apply = apply
        self._before = np.array(before, dtype=float)
        self._after = np.array(after, dtype=float)
        self._skip_redo = applied

    def values(self) -> tuple[np.ndarray, np.ndarray, str]:
        """(before, after, text): enough to rebuild this step for another tab."""
        return self._before, self._after, self.text()

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)
