"""The exercises dock: goals, hints, live checks and remembered progress."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.exercises import EXERCISES, EXERCISES_BY_KEY, completed
from gui.i18n import engine_text


class ExercisesPanel(QDockWidget):
    """Lists every exercise with a ✓ once met. Progress only grows: an exercise
    once done stays done, even if the learner moves on and changes the state."""

    exerciseCompleted = Signal(str)  # key of an exercise met just now
    progressChanged = Signal()

    def __init__(self, done: set[str] | None = None, parent: QWidget | None = None):
        super().__init__(self.tr("Exercises"), parent)
        self.setObjectName("exercisesDock")
        self.done: set[str] = {key for key in (done or set()) if key in EXERCISES_BY_KEY}

        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.progress_label = QLabel(body)
        self.progress_label.setObjectName("exerciseProgress")
        self.list = QListWidget(body)
        self.list.setObjectName("exerciseList")
        self.list.setWordWrap(True)
        self.list.setToolTip(self.tr("Select an exercise to read its hint"))
        self.hint = QLabel(body)
        self.hint.setObjectName("exerciseHint")
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        self.setWidget(body)

        for exercise in EXERCISES:
            item = QListWidgetItem(self.list)
            item.setData(Qt.ItemDataRole.UserRole, exercise.key)
        self.list.currentItemChanged.connect(self._on_list_current_changed)
        self.list.setCurrentRow(0)
        self._refresh()

    def _tab_name(self, tab: str) -> str:
        names = {"sineTab": self.tr("Sine fit"), "gatesTab": self.tr("Perceptron gates"),
                 "activationsTab": self.tr("Activation functions"),
                 "beansTab": self.tr("Bean SGD"), "spiralTab": self.tr("Spiral classifier")}
        return names.get(tab, tab)

    def _refresh(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            exercise = EXERCISES_BY_KEY[item.data(Qt.ItemDataRole.UserRole)]
            mark = "✓" if exercise.key in self.done else "○"
            item.setText(f"{mark}  [{self._tab_name(exercise.tab)}] {engine_text(exercise.goal)}")
        self.progress_label.setText(self.tr("{0} of {1} exercises done").format(
            len(self.done), len(EXERCISES)))

    def _on_list_current_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is None:
            return
        exercise = EXERCISES_BY_KEY[current.data(Qt.ItemDataRole.UserRole)]
        self.hint.setText(self.tr("Hint: {0}").format(engine_text(exercise.hint)))

    def check(self, snapshot: dict) -> list[str]:
        """Mark exercises the snapshot meets; returns the keys newly completed."""
        new = sorted(completed(snapshot) - self.done)
        if new:
            self.done.update(new)
            self._refresh()
            for key in new:
                self.exerciseCompleted.emit(key)
            self.progressChanged.emit()
        return new

    def reset_progress(self) -> None:
        self.done.clear()
        self._refresh()
        self.progressChanged.emit()
