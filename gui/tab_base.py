"""What the main window expects of a tab.

Every tab is a ``QWidget`` that also derives from ``TabMixin`` and overrides
what it supports. The window uses these for menus (undo, reset, export,
open/save weights), for saved sessions and for language switches, which
rebuild the tabs and restore their state.
"""

from __future__ import annotations


class TabMixin:
    #: Title shown on the tab; tabs override ``tab_title`` to translate it.
    undo_stack = None  # a QUndoStack when the tab supports undo

    def tab_title(self) -> str:
        raise NotImplementedError

    def undo(self) -> None:
        if self.undo_stack is not None:
            self.undo_stack.undo()

    def redo(self) -> None:
        if self.undo_stack is not None:
            self.undo_stack.redo()

    def undo_history(self) -> object:
        """The undo steps as plain data, for the tab that replaces this one
        when a language or theme switch rebuilds the tabs; None if no undo."""
        return None

    def restore_undo_history(self, history) -> None:
        """Take over ``undo_history()`` of the tab this one replaces."""

    def release_shortcuts(self) -> None:
        """The main window's menus take over shortcuts the tab set for
        standalone use (two shortcuts on one key would cancel each other)."""

    def state_dict(self) -> dict:
        """Everything a saved session restores, as JSON-safe values."""
        return {}

    def load_state(self, state: dict) -> None:
        """Restore ``state_dict()`` output; raise ``ValueError`` on a bad value
        and leave the tab as it was."""

    def reset_tab(self) -> None:
        """Back to the tab's defaults."""

    def stop_animation(self) -> None:
        """Stop any running timer (before quitting or rebuilding)."""

    def export_plot(self):
        """The plot that File → Export saves (a pyqtgraph PlotWidget)."""
        return None

    def exercise_snapshot(self) -> dict:
        """The engine objects this tab's exercises are checked on (see
        ``engine.exercises`` for the keys)."""
        return {}

    def weights_io(self):
        """An object with ``save_weights(path)`` / ``load_weights(path)`` if the
        tab has weights to open and save, else None."""
        return None
