"""Wires the course into the main window: its two menu entries, the checks
that run while an animation plays, the announcement of a completed exercise,
the saved completion times, teacher mode's solutions and the report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from engine.exercises import EXERCISES_BY_KEY
from gui.common.files import write_file
from gui.course.report import ProgressReport
from gui.course.toast import ExerciseToast
from gui.i18n import engine_text

#: While a tab plays, exercises are checked this often, so a goal reached
#: mid-run is marked within half a second.
RUNNING_CHECK_MS = 250
TEACHER_KEY = "course/teacherMode"
STUDENT_KEY = "course/student"
TIMES_KEY = "exercises/completed"


class LoadStateCommand(QUndoCommand):
    """One undo step around a whole ``load_state``. The state is applied on the
    next turn of the event loop, because a tab's ``load_state`` may clear its
    undo stack, which must not happen while the stack runs this command."""

    def __init__(self, tab, before: dict, after: dict, text: str):
        super().__init__(text)
        self._tab, self._before, self._after = tab, before, after
        self._applied = True  # pushed after the solution was loaded

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        QTimer.singleShot(0, lambda: self._tab.load_state(self._after))

    def undo(self) -> None:
        QTimer.singleShot(0, lambda: self._tab.load_state(self._before))


class CourseController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("courseController")
        self.window = window
        self.panel = window.exercises
        self.settings = window.settings
        self.toast = ExerciseToast(window.tabs)
        self.report = ProgressReport(self)
        self.last_error = ""
        self._announced: list[str] = []  # completed keys not yet announced

        self.panel.snapshot_source = window.snapshot
        if not self.panel.restore_completion_times(self.settings.value(TIMES_KEY, "{}")):
            window.problems.append(self.tr("exercise completion times"))
        self.panel.exerciseCompleted.connect(self._on_panel_exercise_completed)
        self.panel.progressChanged.connect(self._save_times)
        self.panel.solutionRequested.connect(self.show_solution)

        self.running_timer = QTimer(self, interval=RUNNING_CHECK_MS)
        self.running_timer.timeout.connect(self._on_running_timer_timeout)
        for page in window.pages():
            page.changed.connect(self._on_page_changed)
        # Tabs an interactive start builds after the first paint.
        window.tabBuilt.connect(self._on_window_tab_built)

        self._add_actions()
        window.installEventFilter(self)
        self.retranslate()

    def _on_window_tab_built(self, page) -> None:
        page.changed.connect(self._on_page_changed)

    # --- menus --------------------------------------------------------------------

    def _add_actions(self) -> None:
        w = self.window
        self.export_report_action = QAction(w)
        self.export_report_action.setObjectName("exportReportAction")
        self.export_report_action.triggered.connect(self.export_report_dialog)
        actions = w.file_menu.actions()
        after_export = actions.index(w.export_action) + 1
        before = actions[after_export] if after_export < len(actions) else None
        w.file_menu.insertAction(before, self.export_report_action)

        self.teacher_action = QAction(w)
        self.teacher_action.setObjectName("teacherModeAction")
        self.teacher_action.setCheckable(True)
        self.teacher_action.setChecked(self.settings.value(TEACHER_KEY, "0") == "1")
        self.teacher_action.toggled.connect(self._on_teacher_action_toggled)
        w.help_menu.insertAction(w.shortcuts_action, self.teacher_action)
        self.panel.set_teacher_mode(self.teacher_action.isChecked())

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.export_report_action.setText(self.tr("Export progress &report…"))
        tip = self.tr("Save every exercise's progress and each tab's plot as one web page "
                      "to hand in or print")
        self.export_report_action.setStatusTip(tip)
        self.export_report_action.setToolTip(tip)
        self.teacher_action.setText(self.tr("&Teacher mode"))
        tip = self.tr("Show a button that loads each exercise's worked solution")
        self.teacher_action.setStatusTip(tip)
        self.teacher_action.setToolTip(tip)

    def _on_teacher_action_toggled(self, on: bool) -> None:
        self.panel.set_teacher_mode(on)
        self.settings.setValue(TEACHER_KEY, "1" if on else "0")
        if on:
            self.panel.show()

    # --- checks while something plays ------------------------------------------------

    def any_running(self) -> bool:
        return any(page.is_running() for page in self.window.pages())

    def _on_page_changed(self) -> None:
        if not self.running_timer.isActive() and self.any_running():
            self.running_timer.start()

    def _on_running_timer_timeout(self) -> None:
        if not self.any_running():
            # The window's own check after changes settle covers the end of a run.
            self.running_timer.stop()
            return
        self.window.check_exercises()

    # --- completed exercises ------------------------------------------------------------

    def _on_panel_exercise_completed(self, key: str) -> None:
        # One check can complete several exercises: announce them together.
        if not self._announced:
            QTimer.singleShot(0, self._announce)
        self._announced.append(key)

    def _announce(self) -> None:
        goals = [engine_text(EXERCISES_BY_KEY[key].goal) for key in self._announced]
        self._announced = []
        if len(goals) == 1:
            self.toast.announce(self.tr("✓ Exercise done: {0}").format(goals[0]))
        else:
            self.toast.announce(self.tr("✓ {0} exercises done: {1}").format(
                len(goals), " · ".join(goals)))

    def _save_times(self) -> None:
        self.settings.setValue(TIMES_KEY, self.panel.completion_times_json())

    # --- teacher mode ---------------------------------------------------------------------

    def show_solution(self, key: str) -> None:
        """Load the exercise's worked solution into its tab (one undo step where
        the tab has undo) and show that tab."""
        exercise = EXERCISES_BY_KEY[key]
        page = self.window.page(exercise.tab)
        if page is None:
            return
        before = page.state_dict()
        page.load_state(exercise.solution)
        if page.undo_stack is not None:
            page.undo_stack.push(LoadStateCommand(page, before, page.state_dict(),
                                                  self.tr("Show solution")))
        self.window.tabs.setCurrentWidget(page)
        self.window.check_exercises()

    # --- the progress report ---------------------------------------------------------------

    def student_name(self, ask: bool = True) -> str | None:
        """The name the report carries: asked once, then remembered."""
        name = self.settings.value(STUDENT_KEY)
        if isinstance(name, str) and name.strip():
            return name
        if not ask:
            return ""
        name, ok = QInputDialog.getText(self.window, self.tr("Progress report"),
                                        self.tr("Your name, as the report should show it:"),
                                        QLineEdit.EchoMode.Normal, "")
        if not ok or not name.strip():
            return None
        self.settings.setValue(STUDENT_KEY, name.strip())
        return name.strip()

    def export_report_dialog(self) -> None:
        name = self.student_name()
        if name is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export progress report"), "progress-report.html",
            self.tr("Web page (*.html)"))
        if not path:
            return
        if not Path(path).suffix:
            path += ".html"
        self.export_report(path, name)

    def export_report(self, path: str, student: str) -> bool:
        """Write the report to ``path`` atomically; on failure show why (the
        file is left as it was) and return False."""
        try:
            write_file(path, self.report.html(self.window, student).encode("utf-8"))
        except (OSError, ValueError) as err:
            self.last_error = str(err)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export failed"),
                              self.tr("Could not write the progress report: {0}").format(err),
                              QMessageBox.StandardButton.Ok, self.window)
            box.setObjectName("reportErrorBox")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # window-modal but not blocking
            return False
        self.last_error = ""
        self.window.statusBar().showMessage(
            self.tr("Saved the progress report to {0}").format(path), 5000)
        return True
