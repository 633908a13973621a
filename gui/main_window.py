"""The main window: one tab per lesson, menus, saved sessions, languages,
themes and the exercises dock.

Tabs, menus and actions are made once. A language switch installs a
translator (every widget gets ``QEvent.LanguageChange`` and retranslates
itself); a theme switch restyles in place (see ``gui.contract``). So a run
that is playing keeps playing and undo stacks stay as they are.
"""

from __future__ import annotations

import html
import json
import sys
from importlib import import_module, metadata
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QSettings,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QPainter, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyle,
    QTabWidget,
    QWidget,
)

from engine.serialization import json_depth
from gui.common.files import write_file
from gui.common.widgets import EXPLANATIONS_SHOWN
from gui.contract import RetranslateMixin, Tab, WeightsResult
from gui.exercises_panel import ExercisesPanel
from gui.i18n import LANGUAGES, engine_text, install_language, system_language
from gui.theme import apply_theme

# (command-line name, module, class) in tab order.
TAB_SPECS: tuple[tuple[str, str, str], ...] = (
    ("sine", "gui.sine.tab", "SineFitTab"),
    ("gates", "gui.gates.tab", "GatesTab"),
    ("activations", "gui.activations.tab", "ActivationsTab"),
    ("beans", "gui.beans.tab", "BeansTab"),
    ("spiral", "gui.spiral.tab", "SpiralTab"),
)

# The English title of each tab, looked up in the tab class's translation
# context (the tab's own ``tab_title()`` says the same): the tab bar names a
# tab whose view is built only after the first paint.
TAB_TITLES = {"sine": "Sine fit", "gates": "Perceptron gates",
              "activations": "Activation functions", "beans": "Bean SGD",
              "spiral": "Spiral classifier"}

AUTOSAVE_MS = 30_000
CHECK_DELAY_MS = 150  # exercises are checked once changes settle, not per frame
SETTINGS_VERSION = 1
SETTLE_PASSES = 5
# A saved tab state is a shallow dict; anything nested deeper is damage, and
# json.loads would recurse into it (RecursionError at ~1000 levels).
MAX_STATE_DEPTH = 32
# The Exercises dock floats over the window rather than widening it.
DOCK_MAX_WIDTH = 360


def app_icon() -> QIcon:
    from importlib import resources

    with resources.as_file(resources.files("resources") / "neuron-tuner.svg") as path:
        return QIcon(str(path))


def open_settings() -> QSettings:
    # IniFormat everywhere: one readable file per user, written through
    # QSaveFile by Qt itself, so a crash mid-write never corrupts it.
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     "NeuronTuner", "neuron-tuner")


def svg_bytes(plot: pg.PlotWidget) -> bytes:
    """The plot as SVG, painted by Qt's own SVG generator. pyqtgraph's
    SVGExporter cannot parse the path data Qt >= 6.10 writes (pyqtgraph issue
    #3485: ValueError in correctCoordinates), so it fails on Python 3.12+ here."""
    from PySide6.QtSvg import QSvgGenerator  # only when exporting: keeps start-up short

    buffer = QBuffer()
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(plot.size())
    generator.setViewBox(plot.rect())
    # At the screen's resolution, items sized in pixels (axes, symbols) keep their place.
    generator.setResolution(plot.logicalDpiX())
    generator.setTitle(plot.getPlotItem().titleLabel.text or plot.objectName())
    # Export mode makes pyqtgraph draw symbols as shapes, not cached pixmap fragments.
    items = [item for item in plot.scene().items() if hasattr(item, "setExportMode")]
    for item in items:
        item.setExportMode(True, {"antialias": True})
    painter = QPainter(generator)
    try:
        plot.render(painter)
    finally:
        painter.end()
        for item in items:
            item.setExportMode(False)
    return bytes(buffer.data())


def plot_bytes(plot: pg.PlotWidget, suffix: str) -> bytes:
    """The plot rendered as PNG (pyqtgraph's exporter, at least 1200 px wide)
    or SVG bytes."""
    if suffix == ".svg":
        return svg_bytes(plot)
    # pyqtgraph.exporters loads every exporter (SVG's XML parser among them):
    # imported when a plot is exported, not at start-up.
    from pyqtgraph.exporters import ImageExporter

    item = plot.getPlotItem()
    exporter = ImageExporter(item)
    exporter.parameters()["width"] = max(1200, int(item.width()))
    image = exporter.export(toBytes=True)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def settings_problem(settings: QSettings) -> str | None:
    """Why ``settings`` cannot be read or written, or None. Writes one key
    that a session saves anyway and syncs: Qt reports a file it cannot read
    or write only through ``status()`` after a sync."""
    settings.setValue("version", SETTINGS_VERSION)
    settings.sync()
    status = settings.status()
    if status == QSettings.Status.AccessError:
        return QCoreApplication.translate(
            "MainWindow", "cannot read or write the settings file {0}").format(
            settings.fileName())
    if status == QSettings.Status.FormatError:
        return QCoreApplication.translate(
            "MainWindow", "the settings file {0} is damaged").format(settings.fileName())
    return None


def naming(path: str, problem: str) -> str:
    """``problem`` as a message that names the file the user chose."""
    return problem if path in problem else f"{path}: {problem}"


def saved_json(raw):
    """A JSON value from a settings entry; ``ValueError`` if it is not text,
    not JSON, or nests too deep to be one of ours (checked before parsing:
    json.loads would recurse into it)."""
    if not isinstance(raw, str):
        raise ValueError("not text")
    if json_depth(raw) > MAX_STATE_DEPTH:
        raise ValueError(f"nested deeper than {MAX_STATE_DEPTH} levels")
    return json.loads(raw)  # JSONDecodeError is a ValueError


def saved_state(raw) -> dict:
    """A tab's saved state from its settings entry (see ``saved_json``)."""
    state = saved_json(raw)
    if not isinstance(state, dict):
        raise ValueError("not a dictionary")
    return state


class MainWindow(RetranslateMixin, QMainWindow):
    """The window. With ``interactive``, only the tab shown first is built
    before the first paint; the others follow right after it (a person is
    looking at the window by then). Without it (tests, screenshots) every tab
    is built at once. ``tabBuilt(page)`` tells about each tab built after
    the first paint (connect to its signals there)."""

    tabBuilt = Signal(QWidget)

    def __init__(self, tab: str | None = None, language: str | None = None,
                 reset_settings: bool = False, settings: QSettings | None = None,
                 interactive: bool = False):
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.settings = settings or open_settings()
        if reset_settings:
            self.settings.clear()
        self.problems: list[str] = []
        stored_language = self._stored_text("language", tuple(LANGUAGES))
        self.language = language or stored_language or system_language()
        self.dark = self._stored_text("view/theme", ("light", "dark")) == "dark"
        self.show_explanations = self._stored_text("view/explanations", ("1", "0")) != "0"
        self.undo_group = QUndoGroup(self)
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_exercises)
        self._build_rest = QTimer(self, singleShot=True, interval=0)
        self._build_rest.timeout.connect(self.build_pending_tabs)
        self.settings_error = settings_problem(self.settings)

        install_language(self.language)
        apply_theme(self.dark)
        self.resize(1280, 820)
        first = self._first_tab_index(tab)
        self._build(self._stored_progress(), first, interactive)
        self._restore_geometry()
        for page in self.pages():
            self._restore_tab(page)
        if interactive:
            self.tabs.widget(first).installEventFilter(self)

        self._autosave = QTimer(self, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_session)
        self._autosave.start()
        self._show_problems()

    # --- building (once: language and theme change in place) ---------------

    def _build(self, done: set[str], first: int, interactive: bool) -> None:
        """Tabs (all, or when ``interactive`` the ``first`` one and a
        placeholder for each other), the exercises dock and the menus."""
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        for index in range(len(TAB_SPECS)):
            if not interactive:
                self.tabs.addTab(self._make_page(index), "")
            elif index == first:
                self.tabs.addTab(self._make_page(index, lazy_pages=True), "")
            else:
                self.tabs.addTab(QWidget(self.tabs), "")
        self.tabs.setCurrentIndex(first)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

        self.exercises = ExercisesPanel(done, self)
        self.exercises.exerciseCompleted.connect(self._on_exercise_completed)
        self.exercises.progressChanged.connect(self._save_progress)
        self.exercises.setMaximumWidth(DOCK_MAX_WIDTH)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.exercises)
        self.exercises.hide()
        self._build_menus()
        self.retranslate()
        self._apply_explanations()
        self._on_tabs_current_changed(self.tabs.currentIndex())
        # Course (issue 17; owned by gui/course): File → Export progress report,
        # Help → Teacher mode, exercise checks while a tab plays, announcements.
        from gui.course import install_course

        self.course = install_course(self)

    def _make_page(self, index: int, lazy_pages: bool = False) -> QWidget:
        """The tab; with ``lazy_pages`` (the page shown first on an interactive
        start) a tab that offers it builds its hidden pages after the paint."""
        _name, module, cls_name = TAB_SPECS[index]
        cls = getattr(import_module(module), cls_name)
        lazy = lazy_pages and getattr(cls, "ACCEPTS_LAZY_PAGES", False)
        page = cls(lazy_pages=True) if lazy else cls()
        page.release_shortcuts()
        if page.undo_stack is not None:
            self.undo_group.addStack(page.undo_stack)
        page.changed.connect(self._check_timer.start)
        return page

    def pending_tabs(self) -> list[int]:
        """Indexes of the tabs whose views are not built yet."""
        return [i for i in range(self.tabs.count()) if not isinstance(self.tabs.widget(i), Tab)]

    def build_pending_tabs(self) -> None:
        """Build the tabs left for after the first paint, restore their saved
        state, and put each in its placeholder's place."""
        pending = self.pending_tabs()
        if not pending:
            return
        current = self.tabs.currentIndex()
        with QSignalBlocker(self.tabs):
            for index in pending:
                placeholder = self.tabs.widget(index)
                page = self._make_page(index)
                self.tabs.removeTab(index)
                self.tabs.insertTab(index, page, page.tab_title())
                placeholder.deleteLater()
                self._restore_tab(page)
                self._apply_explanations(page)
            self.tabs.setCurrentIndex(current)
        for index in pending:
            self.tabBuilt.emit(self.tabs.widget(index))
        self._check_timer.start()

    def eventFilter(self, watched, event) -> bool:
        # The first tab's first paint: build the others once it is on screen.
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._build_rest.start()
        return False

    def _tab_title(self, index: int) -> str:
        page = self.tabs.widget(index)
        if isinstance(page, Tab):
            return page.tab_title()
        name, _module, cls = TAB_SPECS[index]
        return QCoreApplication.translate(cls, TAB_TITLES[name])

    def _action(self, menu, slot, shortcut=None, name: str = "") -> QAction:
        """A menu action; its text and tip are set in ``retranslate()``."""
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.open_action = self._action(self.file_menu, self.open_weights,
                                        QKeySequence.StandardKey.Open, "openWeightsAction")
        self.save_action = self._action(self.file_menu, self.save_weights,
                                        QKeySequence.StandardKey.Save, "saveWeightsAction")
        self.file_menu.addSeparator()
        self.export_action = self._action(self.file_menu, self.export_plot_dialog, "Ctrl+E",
                                          "exportPlotAction")
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, self.close, "Ctrl+Q", "quitAction")

        self.edit_menu = bar.addMenu("")
        # The tab's own undo()/redo(), not the stack's: the sine tab cancels a
        # running auto-fit on undo. The undo group keeps them enabled rightly.
        self.undo_action = self._action(self.edit_menu, self._on_undo_triggered,
                                        QKeySequence.StandardKey.Undo, "undoAction")
        self.redo_action = self._action(self.edit_menu, self._on_redo_triggered,
                                        QKeySequence("Ctrl+Shift+Z"), "redoAction")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"),
                                       QKeySequence.StandardKey.Redo])
        self.undo_action.setEnabled(self.undo_group.canUndo())
        self.redo_action.setEnabled(self.undo_group.canRedo())
        self.undo_group.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_group.canRedoChanged.connect(self.redo_action.setEnabled)
        self.edit_menu.addSeparator()
        self.reset_action = self._action(self.edit_menu, self.reset_current_tab, "Ctrl+R",
                                         "resetTabAction")

        self.view_menu = bar.addMenu("")
        self.tab_actions = [
            self._action(self.view_menu, lambda _=False, i=index: self.tabs.setCurrentIndex(i),
                         f"Ctrl+{index + 1}", f"showTab{index + 1}Action")
            for index in range(self.tabs.count())]
        self.view_menu.addSeparator()
        self.explanations_action = self._action(self.view_menu, self._on_explanations_toggled,
                                                "F2", "explanationsAction")
        self.explanations_action.setCheckable(True)
        self.explanations_action.setChecked(self.show_explanations)
        self.dark_action = self._action(self.view_menu, self._on_dark_toggled, None,
                                        "darkThemeAction")
        self.dark_action.setCheckable(True)
        self.dark_action.setChecked(self.dark)

        self.language_menu = bar.addMenu("")
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = self._action(self.language_menu,
                                  lambda _=False, c=code: self.set_language(c),
                                  None, f"language_{code}_action")
            action.setText(name)  # each language is named in itself
            action.setCheckable(True)
            action.setChecked(code == self.language)
            group.addAction(action)

        self.help_menu = bar.addMenu("")
        # Not the dock's toggleViewAction: that shows the dock before we can
        # choose to float it, and the window has widened by then.
        self.exercises_action = self._action(self.help_menu, self._on_exercises_action_toggled,
                                             "F1", "exercisesAction")
        self.exercises_action.setCheckable(True)
        self.exercises.visibilityChanged.connect(self._on_exercises_visibility_changed)
        self.shortcuts_action = self._action(self.help_menu, self.show_shortcuts, None,
                                             "shortcutsAction")
        self.about_action = self._action(self.help_menu, self.show_about, None, "aboutAction")

    def retranslate(self) -> None:
        """Every text the window itself shows, in the interface language."""
        self.setWindowTitle(self.tr("Neuron Tuner"))
        self.tabs.setAccessibleName(self.tr("Lessons"))
        self.menuBar().setAccessibleName(self.tr("Menu bar"))
        self.statusBar().setAccessibleName(self.tr("Status"))
        for index in range(self.tabs.count()):
            self.tabs.setTabText(index, self._tab_title(index))
            self.tab_actions[index].setText(self._tab_title(index))
        texts = (
            (self.file_menu, self.tr("&File"), ""),
            (self.open_action, self.tr("&Open weights…"),
             self.tr("Load the current tab's weights from a file")),
            (self.save_action, self.tr("&Save weights…"),
             self.tr("Save the current tab's weights to a file")),
            (self.export_action, self.tr("&Export plot…"),
             self.tr("Save the current tab's main plot as PNG or SVG")),
            (self.quit_action, self.tr("&Quit"), self.tr("Save the session and quit")),
            (self.edit_menu, self.tr("&Edit"), ""),
            (self.undo_action, self.tr("&Undo"), ""),
            (self.redo_action, self.tr("&Redo"), ""),
            (self.reset_action, self.tr("&Reset tab"),
             self.tr("Put the current tab back to its defaults")),
            (self.view_menu, self.tr("&View"), ""),
            (self.explanations_action, self.tr("Show &explanations"),
             self.tr("Show or hide the teaching notes in every tab")),
            (self.dark_action, self.tr("&Dark theme"),
             self.tr("Switch between the light and dark look")),
            (self.language_menu, self.tr("&Language"), ""),
            (self.help_menu, self.tr("&Help"), ""),
            (self.exercises_action, self.tr("&Exercises"), ""),
            (self.shortcuts_action, self.tr("&Keyboard shortcuts"), ""),
            (self.about_action, self.tr("&About Neuron Tuner"), ""),
        )
        for target, text, tip in texts:
            if isinstance(target, QMenu):
                target.setTitle(text)
                continue
            target.setText(text)
            target.setStatusTip(tip)
            target.setToolTip(tip or text.replace("&", ""))

    # --- tabs ---------------------------------------------------------------

    def pages(self) -> list[QWidget]:
        """The tabs whose views are built (all of them after the first paint)."""
        return [page for i in range(self.tabs.count())
                if isinstance(page := self.tabs.widget(i), Tab)]

    def page(self, object_name: str) -> QWidget | None:
        return next((p for p in self.pages() if p.objectName() == object_name), None)

    def current_page(self) -> QWidget | None:
        return self.tabs.currentWidget()

    def _on_tabs_current_changed(self, _index: int) -> None:
        if self.pending_tabs() and not isinstance(self.current_page(), Tab):
            self.build_pending_tabs()  # chosen before the first paint was over
        page = self.current_page()
        stack = getattr(page, "undo_stack", None)
        self.undo_group.setActiveStack(stack)
        has_weights = page is not None and page.weights_io() is not None
        if hasattr(self, "open_action"):
            self.open_action.setEnabled(has_weights)
            self.save_action.setEnabled(has_weights)
        if page is not None:
            page.setFocus()  # the tab's focus proxy: its first control

    def _on_undo_triggered(self) -> None:
        page = self.current_page()
        if page is not None:
            page.undo()

    def _on_redo_triggered(self) -> None:
        page = self.current_page()
        if page is not None:
            page.redo()

    def reset_current_tab(self) -> None:
        page = self.current_page()
        if page is not None:
            page.reset_tab()
            self.statusBar().showMessage(self.tr("Reset {0}").format(
                self.tabs.tabText(self.tabs.currentIndex())), 4000)

    # --- files ---------------------------------------------------------------

    def _weights_filter(self) -> str:
        return self.tr("Neuron Tuner weights (*.json);;All files (*)")

    def _weights_io(self):
        page = self.current_page()
        return page.weights_io() if page is not None else None

    def open_weights(self) -> None:
        self._weights_file(QFileDialog.getOpenFileName, self.tr("Open weights"), "",
                           "load_weights", self.tr("Loaded {0}"),
                           self.tr("Could not open the weights"))

    def save_weights(self) -> None:
        self._weights_file(QFileDialog.getSaveFileName, self.tr("Save weights"), "weights.json",
                           "save_weights", self.tr("Saved {0}"),
                           self.tr("Could not save the weights"))

    def _weights_file(self, ask, title: str, file_name: str, action: str, success: str,
                      failure: str) -> None:
        """Ask for a file with ``ask`` (a QFileDialog getter) and hand it to the
        current tab's ``WeightsIO`` method ``action``."""
        io = self._weights_io()
        if io is None:
            return
        path, _ = ask(self, title, file_name, self._weights_filter())
        if path:
            self._show_weights_result(getattr(io, action)(path), path, success, failure)

    def _show_weights_result(self, result: WeightsResult, path: str, success: str,
                             failure: str) -> None:
        """Success in the status bar; a failure in a message box that names
        the chosen file and the problem."""
        if result.ok:
            self.statusBar().showMessage(success.format(path), 5000)
            return
        QMessageBox.warning(self, failure, naming(path, result.message))

    def export_plot(self, path: str) -> None:
        """Save the current tab's main plot as PNG or SVG (chosen by suffix)."""
        page = self.current_page()
        plot = page.export_plot() if page is not None else None
        if plot is None:
            raise ValueError(self.tr("This tab has no plot to export."))
        suffix = Path(path).suffix.lower()
        if suffix not in (".png", ".svg"):
            raise ValueError(self.tr("Choose a file name ending in .png or .svg."))
        write_file(path, plot_bytes(plot, suffix))

    def export_plot_dialog(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export plot"), "plot.png",
            self.tr("PNG image (*.png);;SVG image (*.svg)"))
        if not path:
            return
        if not Path(path).suffix:
            path += ".svg" if "svg" in chosen.lower() else ".png"
        try:
            self.export_plot(path)
        except (OSError, ValueError) as err:
            QMessageBox.warning(self, self.tr("Export failed"), naming(path, str(err)))
            return
        self.statusBar().showMessage(self.tr("Exported the plot to {0}").format(path), 5000)

    # --- exercises ------------------------------------------------------------

    def _on_exercises_action_toggled(self, checked: bool) -> None:
        if checked:
            self._place_exercises()
        self.exercises.setVisible(checked)

    def _on_exercises_visibility_changed(self, _visible: bool) -> None:
        # Closed by its own button, or shown by the code: the menu follows.
        with QSignalBlocker(self.exercises_action):
            self.exercises_action.setChecked(not self.exercises.isHidden())

    def _place_exercises(self) -> None:
        """Docked beside the tabs when the window has room for both; else the
        dock floats over the window's right edge, so opening it never widens
        the window (past a laptop's screen)."""
        if self.exercises.isFloating():
            return
        dock = self.exercises.minimumSizeHint().width()
        separator = self.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent)
        needed = self.centralWidget().minimumSizeHint().width() + separator + dock
        if needed <= self.width():
            return
        self.exercises.setFloating(True)
        top_right = self.mapToGlobal(self.rect().topRight())
        width = min(DOCK_MAX_WIDTH, max(dock, self.width() // 3))
        self.exercises.setGeometry(top_right.x() - width, top_right.y() + self.menuBar().height(),
                                   width, self.centralWidget().height())

    def snapshot(self) -> dict:
        snap: dict = {}
        for page in self.pages():
            snap.update(page.exercise_snapshot())
        return snap

    def check_exercises(self) -> list[str]:
        return self.exercises.check(self.snapshot())

    def _on_exercise_completed(self, key: str) -> None:
        from engine.exercises import EXERCISES_BY_KEY

        goal = engine_text(EXERCISES_BY_KEY[key].goal)
        self.statusBar().showMessage(self.tr("Exercise done: {0}").format(goal), 8000)

    def _stored_progress(self) -> set[str]:
        try:
            done = saved_json(self.settings.value("exercises/done", "[]"))
        except ValueError:
            done = None
        if not isinstance(done, list) or not all(isinstance(k, str) for k in done):
            self.problems.append(self.tr("exercise progress"))
            return set()
        return set(done)

    def _save_progress(self) -> None:
        self.settings.setValue("exercises/done", json.dumps(sorted(self.exercises.done)))

    # --- language, theme, explanations ---------------------------------------

    def _tab_states(self) -> dict[str, dict]:
        return {page.objectName(): page.state_dict() for page in self.pages()}

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES or language == self.language:
            return
        self.language = language
        # The translator sends LanguageChange to every widget: each view
        # sets its own texts again in retranslate(), nothing is rebuilt.
        if not install_language(language):
            self.statusBar().showMessage(f"Translation for {language} is missing", 5000)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.settings.setValue("language", language)
        self.statusBar().showMessage(self.tr("Language: {0}").format(LANGUAGES[language]), 4000)

    def set_dark(self, dark: bool) -> None:
        if dark == self.dark:
            return
        self.dark = dark
        apply_theme(dark)  # restyles every plot and the widget palette in place
        for page in self.pages():
            page.restyle()
        self.dark_action.setChecked(dark)
        self.settings.setValue("view/theme", "dark" if dark else "light")

    def _on_dark_toggled(self, checked: bool) -> None:
        self.set_dark(checked)

    def _on_explanations_toggled(self, checked: bool) -> None:
        self.show_explanations = checked
        self._apply_explanations()
        self.settings.setValue("view/explanations", "1" if checked else "0")

    def _apply_explanations(self, parent: QWidget | None = None) -> None:
        """Teaching notes are widgets with the dynamic property ``explanation``."""
        QApplication.instance().setProperty(EXPLANATIONS_SHOWN, self.show_explanations)
        for widget in (parent or self).findChildren(QWidget):
            if widget.property("explanation"):
                widget.setVisible(self.show_explanations)

    # --- sessions -------------------------------------------------------------

    def _stored_text(self, key: str, allowed: tuple[str, ...]) -> str | None:
        value = self.settings.value(key)
        if value is None:
            return None
        if isinstance(value, str) and value in allowed:
            return value
        self.problems.append(key)
        return None

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes) and not self.restoreGeometry(geometry):
            self.problems.append(self.tr("window geometry"))

    def _first_tab_index(self, tab: str | None) -> int:
        """The tab asked for on the command line, else the one saved last."""
        names = [name for name, _module, _cls in TAB_SPECS]
        if tab in names:
            return names.index(tab)
        index = self.settings.value("window/tab")
        if index is None:
            return 0
        try:
            index = int(index)
        except (TypeError, ValueError):
            index = -1
        if 0 <= index < len(names):
            return index
        self.problems.append(self.tr("current tab"))
        return 0

    def _restore_tab(self, page: QWidget) -> None:
        """The tab's saved state; whatever goes wrong (a bad value, damage that
        makes the parser or the tab raise anything) drops this tab's state
        only, with a message."""
        raw = self.settings.value(f"tabs/{page.objectName()}")
        if raw is None:
            return
        try:
            page.load_state(saved_state(raw))
        except Exception as err:  # any damage: one bad entry must not stop the app
            self.problems.append(f"{page.tab_title()} ({err or type(err).__name__})"[:200])
            self.settings.remove(f"tabs/{page.objectName()}")

    def _show_problems(self) -> None:
        """One message at start: a settings store that does not work (also on
        stderr: the session will not be saved), or the entries ignored."""
        if self.settings_error:
            message = self.tr("Settings will not be saved: {0}").format(self.settings_error)
            print(f"neuron-tuner: {message}", file=sys.stderr)
            self.statusBar().showMessage(message)  # stays until another message
        elif self.problems:
            self.statusBar().showMessage(
                self.tr("Ignored unreadable saved settings: {0}").format(", ".join(self.problems)),
                10000)
        else:
            self.statusBar().showMessage(self.tr("Ready"), 3000)

    def save_session(self) -> None:
        s = self.settings
        s.setValue("version", SETTINGS_VERSION)
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/tab", self.tabs.currentIndex())
        s.setValue("language", self.language)
        s.setValue("view/theme", "dark" if self.dark else "light")
        for name, state in self._tab_states().items():
            s.setValue(f"tabs/{name}", json.dumps(state, default=_json_default))
        self._save_progress()
        s.sync()

    def closeEvent(self, event) -> None:
        for page in self.pages():
            page.stop_animation()
        self.save_session()
        super().closeEvent(event)

    # --- help -------------------------------------------------------------------

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(action, keys) for every menu action that has a shortcut, then the
        keys every slider and spin box answers to."""
        rows = []
        # Not QAction.menu(): in PySide6 6.9 its wrapper deletes the menu when
        # it is garbage-collected.
        for menu in (self.file_menu, self.edit_menu, self.view_menu, self.language_menu,
                     self.help_menu):
            for action in menu.actions():
                if not action.shortcut().isEmpty():
                    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                    rows.append((action.text().replace("&", ""), keys))
        return rows + self._control_key_rows()

    def _control_key_rows(self) -> list[tuple[str, str]]:
        return [
            (self.tr("Next or previous control"), self.tr("Tab / Shift+Tab")),
            (self.tr("Slider or spin box: one step"), self.tr("Arrow keys")),
            (self.tr("Slider: a tenth of a step (fine)"), self.tr("Shift+Arrow keys")),
            (self.tr("Slider or spin box: a large step"), self.tr("PgUp / PgDn")),
            (self.tr("Slider or spin box: lowest or highest value"), self.tr("Home / End")),
        ]

    def show_shortcuts(self) -> None:
        table = "".join(f"<tr><td>{html.escape(name)}</td><td><b>{html.escape(keys)}</b></td></tr>"
                        for name, keys in self.shortcut_rows())
        QMessageBox.information(self, self.tr("Keyboard shortcuts"),
                                f"<table cellpadding='4'>{table}</table>")

    def about_text(self) -> str:
        import PySide6

        return self.tr(
            "<h3>Neuron Tuner {0}</h3>"
            "<p>Feel how a neural network works by moving its weights by hand.</p>"
            "<p>Built with Qt {1} through PySide6 {2} (LGPL-3.0), pyqtgraph {3} (MIT) "
            "and NumPy {4} (BSD-3-Clause).</p>").format(
            _version(), PySide6.QtCore.qVersion(), PySide6.__version__, pg.__version__,
            np.__version__)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Neuron Tuner"), self.about_text())

    # --- screenshots ------------------------------------------------------------

    def save_screenshots(self, directory: str) -> int:
        """Render every tab to ``DIR/<name>.png`` (``DIR`` checked by
        ``gui.app.screenshot_folder_problem`` first); returns an exit code,
        with one line on stderr for a picture that could not be saved."""
        out = Path(directory)
        self.resize(1280, 820)
        self.show()
        for index, (name, _module, _cls) in enumerate(TAB_SPECS):
            self.tabs.setCurrentIndex(index)
            for _ in range(SETTLE_PASSES):  # a newly shown tab lays out in a few passes
                QApplication.processEvents()
            target = out / f"{name}.png"
            if not self.grab().save(str(target)):
                print(f"neuron-tuner: could not write the screenshot {target}", file=sys.stderr)
                return 1
        return 0


def _json_default(value):
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _version() -> str:
    try:
        return metadata.version("neuron-tuner")
    except metadata.PackageNotFoundError:
        return "dev"
