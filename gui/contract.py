"""What the main window expects of a tab: one declared contract.

Every tab is a ``QWidget`` that satisfies :class:`Tab` (``isinstance(page,
Tab)`` holds, and a contract test runs over every tab). ``TabMixin`` gives
the defaults a tab without undo or weights needs; put it *before* the Qt
class in the bases so that its ``changeEvent`` is the one Qt calls.

The window creates each tab once. A language switch installs a translator,
which sends ``QEvent.LanguageChange`` to every widget: each view then sets
its texts again in ``retranslate()``. A theme switch restyles the plots that
``gui.common.plotting`` made and calls ``restyle()`` for colours a tab chose
itself. Neither destroys a widget, stops a run or touches undo.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QEvent


@dataclass(frozen=True)
class WeightsResult:
    """The outcome of opening or saving a weights file: ``ok``, or the
    message to show (naming the file and the problem)."""

    ok: bool
    message: str = ""

    @classmethod
    def success(cls) -> WeightsResult:
        return cls(True)

    @classmethod
    def failure(cls, message: str) -> WeightsResult:
        return cls(False, message)


@runtime_checkable
class WeightsIO(Protocol):
    """A tab that has weights to open and save."""

    def load_weights(self, path: str) -> WeightsResult:
        """Replace the weights from ``path``; on failure change nothing."""

    def save_weights(self, path: str) -> WeightsResult:
        """Write the weights to ``path`` atomically."""


@runtime_checkable
class Tab(Protocol):
    """The contract between the main window and each tab."""

    undo_stack: object  # a QUndoStack, or None when the tab has no undo

    def tab_title(self) -> str:
        """The tab's title in the interface language."""

    def retranslate(self) -> None:
        """Set every text this view shows in the interface language."""

    def restyle(self) -> None:
        """Re-read the theme's colours for what the tab coloured itself."""

    def state_dict(self) -> dict:
        """Everything a saved session restores, as JSON-safe values."""

    def load_state(self, state: dict) -> None:
        """Restore ``state_dict()`` output. A bad state raises ``ValueError``
        naming the key, and changes nothing."""

    def reset_tab(self) -> None:
        """Back to the tab's defaults."""

    def stop_animation(self) -> None:
        """Stop any running timer (before quitting)."""

    def is_running(self) -> bool:
        """True while an animation or training run is playing."""

    def export_plot(self) -> object:
        """The pyqtgraph PlotWidget that File → Export saves, or None."""

    def exercise_snapshot(self) -> dict:
        """The engine objects this tab's exercises are checked on."""

    def weights_io(self) -> WeightsIO | None:
        """The tab's weights files, or None if it has no weights."""

    def undo(self) -> None: ...

    def redo(self) -> None: ...

    def release_shortcuts(self) -> None:
        """Drop shortcuts the tab set for standalone use: the window's menus
        own those keys (two shortcuts on one key cancel each other)."""


class TabMixin:
    """Defaults for the parts of :class:`Tab` a tab does not need, and
    ``changeEvent`` → ``retranslate()``."""

    undo_stack = None

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Tabs override this to set their texts."""

    def restyle(self) -> None:
        """Tabs that pick colours by theme override this."""

    def release_shortcuts(self) -> None:
        """Tabs with shortcuts of their own override this."""

    def undo(self) -> None:
        if self.undo_stack is not None:
            self.undo_stack.undo()

    def redo(self) -> None:
        if self.undo_stack is not None:
            self.undo_stack.redo()

    def _state_model(self):
        """The model a tab keeps in ``self.state`` (with ``to_dict()``,
        ``load(state)`` and ``reset()``), or None: the three defaults below
        hand the tab's state to it."""
        return getattr(self, "state", None)

    def state_dict(self) -> dict:
        model = self._state_model()
        return model.to_dict() if model is not None else {}

    def load_state(self, state: dict) -> None:
        """Tabs with state in another form override this."""
        model = self._state_model()
        if model is not None:
            model.load(state)

    def reset_tab(self) -> None:
        model = self._state_model()
        if model is not None:
            model.reset()

    def stop_animation(self) -> None:
        """Tabs with a timer override this."""

    def is_running(self) -> bool:
        return False

    def export_plot(self):
        return None

    def exercise_snapshot(self) -> dict:
        return {}

    def weights_io(self) -> WeightsIO | None:
        return None


class RetranslateMixin:
    """For a view inside a tab: ``changeEvent(LanguageChange)`` calls
    ``retranslate()`` (VirtualBox's ``QIWithRetranslateUI``). Put it before the
    Qt class in the bases."""

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError
