"""The exercises dock: goals, hints, live checks, progress and, in teacher
mode, each exercise's worked solution."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engine.exercises import EXERCISES, EXERCISES_BY_KEY, Exercise, completed
from gui.common.widgets import set_texts
from gui.contract import RetranslateMixin
from gui.i18n import engine_text

_MISSING = object()  # a training token a snapshot does not have


@dataclass
class _Attempt:
    """A "by hand" exercise since it was started: the training token then,
    whether it has stayed the same, and whether the goal was seen unmet
    (so reaching it is the learner's doing, not a state it started in)."""

    token: object
    clean: bool = True
    unmet_seen: bool = False


def now_text() -> str:
    """The local time, to the second, as an ISO 8601 text."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


class ExercisesPanel(RetranslateMixin, QDockWidget):
    """Lists every exercise with a ✓ once met. Progress only grows: an exercise
    once done stays done, even if the learner moves on and changes the state.
    ``completed_at`` keeps when each was first done."""

    exerciseCompleted = Signal(str)  # key of an exercise met just now
    progressChanged = Signal()
    solutionRequested = Signal(str)  # teacher mode: load this exercise's solution

    def __init__(self, done: set[str] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exercisesDock")
        self.done: set[str] = {key for key in (done or set()) if key in EXERCISES_BY_KEY}
        self.completed_at: dict[str, str] = {}
        self.snapshot_source: Callable[[], dict] | None = None
        self._attempts: dict[str, _Attempt] = {}
        self._teacher_mode = False

        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.progress_label = QLabel(body)
        self.progress_label.setObjectName("exerciseProgress")
        self.progress_bar = QProgressBar(body)
        self.progress_bar.setObjectName("exerciseProgressBar")
        self.progress_bar.setRange(0, len(EXERCISES))
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(self.fontMetrics().height())
        self.list = QListWidget(body)
        self.list.setObjectName("exerciseList")
        self.list.setWordWrap(True)
        self.hint = QLabel(body)
        self.hint.setObjectName("exerciseHint")
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.solution_button = QPushButton(body)
        self.solution_button.setObjectName("exerciseSolutionButton")
        self.solution_button.setVisible(False)
        self.solution_button.clicked.connect(self._on_solution_button_clicked)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.solution_button)
        self.setWidget(body)

        for exercise in EXERCISES:
            item = QListWidgetItem(self.list)
            item.setData(Qt.ItemDataRole.UserRole, exercise.key)
        self.list.currentItemChanged.connect(self._on_list_current_changed)
        self.list.setCurrentRow(0)
        self.retranslate()

    # --- texts ------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Exercises"))
        self.list.setToolTip(self.tr("Select an exercise to read its hint"))
        self.list.setAccessibleName(self.tr("Exercises in course order"))
        self.progress_bar.setAccessibleName(self.tr("Exercises done"))
        set_texts(self.solution_button, self.tr("Show solution"), self.tr(
            "Load the worked solution of the selected exercise into its tab (Ctrl+Z undoes "
            "it where the tab has undo)"), self.tr("Show the selected exercise's solution"))
        self._refresh()

    def tab_name(self, tab: str) -> str:
        names = {"sineTab": self.tr("Sine fit"), "gatesTab": self.tr("Perceptron gates"),
                 "activationsTab": self.tr("Activation functions"),
                 "beansTab": self.tr("Bean SGD"), "spiralTab": self.tr("Spiral classifier")}
        return names.get(tab, tab)

    def _refresh(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            exercise = EXERCISES_BY_KEY[item.data(Qt.ItemDataRole.UserRole)]
            mark = "✓" if exercise.key in self.done else "○"
            item.setText(f"{mark}  {row + 1}. [{self.tab_name(exercise.tab)}] "
                         f"{engine_text(exercise.goal)}")
        self.progress_label.setText(self.tr("{0} of {1} exercises done").format(
            len(self.done), len(EXERCISES)))
        self.progress_bar.setValue(len(self.done))
        self._show_hint()

    def current_exercise(self) -> Exercise | None:
        item = self.list.currentItem()
        return None if item is None else EXERCISES_BY_KEY[item.data(Qt.ItemDataRole.UserRole)]

    def _show_hint(self) -> None:
        exercise = self.current_exercise()
        if exercise is None:
            self.hint.clear()
            return
        text = self.tr("Hint: {0}").format(engine_text(exercise.hint))
        attempt = self._attempts.get(exercise.key)
        if exercise.key not in self.done and attempt is not None and not attempt.clean:
            text += "\n" + self.tr("Training was used since you started this exercise, and it "
                                   "counts only by hand: select it again to start over.")
        self.hint.setText(text)

    def _on_list_current_changed(self, current: QListWidgetItem | None, _previous) -> None:
        exercise = self.current_exercise()
        if current is not None and exercise is not None and exercise.by_hand:
            self._start_attempt(exercise)
        self._show_hint()

    # --- checking -------------------------------------------------------------------

    def _start_attempt(self, exercise: Exercise) -> None:
        """Start (or restart) a "by hand" exercise from the tabs as they are now."""
        self._attempts.pop(exercise.key, None)
        if self.snapshot_source is not None:
            snapshot = self.snapshot_source()
            self._follow_attempts(snapshot, completed(snapshot))

    def _follow_attempts(self, snapshot: dict, met: set[str]) -> None:
        for exercise in EXERCISES:
            if not exercise.by_hand:
                continue
            token = snapshot.get(exercise.by_hand, _MISSING)
            attempt = self._attempts.get(exercise.key)
            if attempt is None:
                attempt = self._attempts[exercise.key] = _Attempt(token)
            elif token != attempt.token:
                attempt.clean = False
            if exercise.key not in met:
                attempt.unmet_seen = True

    def _credited(self, key: str) -> bool:
        attempt = self._attempts.get(key)
        return attempt is None or (attempt.clean and attempt.unmet_seen)

    def check(self, snapshot: dict) -> list[str]:
        """Mark exercises the snapshot meets; returns the keys newly completed.
        A "by hand" exercise counts only if no training ran since it started
        and its goal was not already met then."""
        met = completed(snapshot)
        self._follow_attempts(snapshot, met)
        new = sorted(key for key in met - self.done if self._credited(key))
        if new:
            when = now_text()
            self.done.update(new)
            for key in new:
                self.completed_at.setdefault(key, when)
            self._refresh()
            for key in new:
                self.exerciseCompleted.emit(key)
            self.progressChanged.emit()
        else:
            self._show_hint()
        return new

    def reset_progress(self) -> None:
        self.done.clear()
        self.completed_at.clear()
        self._attempts.clear()
        self._refresh()
        self.progressChanged.emit()

    # --- when each was done (saved beside the window's list of keys) ----------------

    def completion_times_json(self) -> str:
        return json.dumps({key: self.completed_at[key] for key in sorted(self.completed_at)
                           if key in self.done})

    def restore_completion_times(self, raw) -> bool:
        """Take ``completion_times_json()`` output; exercises in it count as done.
        Returns False (changing nothing) when ``raw`` is not such a text."""
        try:
            times = json.loads(raw) if isinstance(raw, str) else None
        except json.JSONDecodeError:
            return False
        if not isinstance(times, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in times.items()):
            return False
        known = {key: when for key, when in times.items() if key in EXERCISES_BY_KEY}
        self.completed_at.update(known)
        self.done.update(known)
        self._refresh()
        return True

    # --- teacher mode -------------------------------------------------------------------

    def teacher_mode(self) -> bool:
        return self._teacher_mode

    def set_teacher_mode(self, on: bool) -> None:
        self._teacher_mode = on
        self.solution_button.setVisible(on)

    def _on_solution_button_clicked(self) -> None:
        exercise = self.current_exercise()
        if exercise is not None:
            self.solutionRequested.emit(exercise.key)
