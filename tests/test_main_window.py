"""The finished app: menus, saved sessions, languages, themes, export,
exercises — driven through the main window as a user would."""

import json

import pytest
from helpers import find_child
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDoubleSpinBox, QFileDialog, QMessageBox

from gui.main_window import TAB_SPECS


def action(window, name) -> QAction:
    return find_child(window, QAction, name)


def spin(window, name) -> QDoubleSpinBox:
    return find_child(window, QDoubleSpinBox, name)


def test_tabs_follow_the_product_order(make_window):
    window = make_window()
    names = [window.tabs.widget(i).objectName() for i in range(window.tabs.count())]
    expected = {"sine": "sineTab", "gates": "gatesTab", "activations": "activationsTab",
                "beans": "beansTab", "spiral": "spiralTab"}
    assert names == [expected[name] for name, _module, _cls in TAB_SPECS]


def test_menus_have_the_standard_shortcuts(make_window):
    window = make_window()
    assert action(window, "quitAction").shortcut() == QKeySequence("Ctrl+Q")
    assert action(window, "undoAction").shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert QKeySequence("Ctrl+Shift+Z") in action(window, "redoAction").shortcuts()
    assert action(window, "exportPlotAction").shortcut() == QKeySequence("Ctrl+E")
    for index in range(window.tabs.count()):
        tab_action = action(window, f"showTab{index + 1}Action")
        assert tab_action.shortcut() == QKeySequence(f"Ctrl+{index + 1}")
        tab_action.trigger()
        assert window.tabs.currentIndex() == index
    listed = dict(window.shortcut_rows())
    assert listed["Quit"] == QKeySequence("Ctrl+Q").toString(QKeySequence.SequenceFormat.NativeText)


def test_about_names_versions_and_licences(make_window):
    text = make_window().about_text()
    for word in ("PySide6", "pyqtgraph", "NumPy", "LGPL", "MIT", "BSD"):
        assert word in text


def test_quit_action_closes_and_saves(make_window, settings, qtbot):
    window = make_window(tab="activations")
    window.show()
    action(window, "quitAction").trigger()
    assert not window.isVisible()
    assert settings.value("tabs/activationsTab") is not None


def test_session_round_trip(make_window, settings):
    window = make_window(tab="gates")
    spin(window, "gate_b_spin").setValue(-0.2)
    window.page("activationsTab").findChild(QDoubleSpinBox, "param_leaky_relu_alpha_spin").setValue(
        0.3)
    window.save_session()
    window.close()

    again = make_window()
    assert again.tabs.currentWidget().objectName() == "gatesTab"
    assert spin(again, "gate_b_spin").value() == pytest.approx(-0.2)
    assert spin(again, "param_leaky_relu_alpha_spin").value() == pytest.approx(0.3)


def test_corrupt_settings_are_ignored_with_a_message(make_window, settings):
    settings.setValue("tabs/gatesTab", "{not json")
    settings.setValue("tabs/activationsTab", json.dumps({"checked": "everything"}))
    settings.setValue("language", "klingon")
    settings.setValue("window/tab", "third")
    settings.setValue("exercises/done", "[1, 2")
    window = make_window()
    message = window.statusBar().currentMessage()
    assert "Ignored" in message and "language" in message
    assert spin(window, "gate_w1_spin").value() == pytest.approx(0.5)  # defaults kept
    assert window.language in ("en", "zh_CN")


def test_reset_settings_starts_clean(make_window, settings):
    settings.setValue("tabs/gatesTab", json.dumps({"w1": 1.5}))
    settings.setValue("window/tab", 1)
    window = make_window(reset_settings=True)
    assert window.tabs.currentIndex() == 0
    assert settings.value("tabs/gatesTab") is None


def test_language_switch_keeps_state_and_translates(make_window, qtbot):
    window = make_window(language="en")
    spin(window, "gate_w2_spin").setValue(1.25)
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    action(window, "language_zh_CN_action").trigger()
    try:
        assert window.language == "zh_CN"
        assert window.menuBar().actions()[0].text() != "&File"
        assert spin(window, "gate_w2_spin").value() == pytest.approx(1.25)
        assert window.tabs.currentIndex() == window.tabs.count() - 1
    finally:
        action(window, "language_en_action").trigger()
    assert window.menuBar().actions()[0].text() == "&File"
    assert spin(window, "gate_w2_spin").value() == pytest.approx(1.25)


def test_dark_theme_keeps_state(make_window, qtbot):
    window = make_window()
    spin(window, "gate_b_spin").setValue(0.4)
    action(window, "darkThemeAction").trigger()
    try:
        assert window.dark
        qtbot.waitUntil(lambda: window.palette().window().color().lightness() < 100)
        assert spin(window, "gate_b_spin").value() == pytest.approx(0.4)
    finally:
        action(window, "darkThemeAction").trigger()
    qtbot.waitUntil(lambda: window.palette().window().color().lightness() > 150)


def test_explanations_can_be_hidden(make_window):
    window = make_window(tab="gates")
    window.show()
    notes = [w for w in window.findChildren(object) if hasattr(w, "property")
             and w.property("explanation")]
    assert notes, "tabs mark their teaching notes"
    action(window, "explanationsAction").trigger()
    assert not any(note.isVisible() for note in notes)
    action(window, "explanationsAction").trigger()
    assert any(note.isVisible() for note in notes)


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_export_current_plot(make_window, tmp_path, suffix):
    window = make_window(tab="gates")
    window.show()
    path = tmp_path / f"plot{suffix}"
    window.export_plot(str(path))
    data = path.read_bytes()
    if suffix == ".png":
        from PySide6.QtGui import QImage

        image = QImage(str(path))
        assert data.startswith(b"\x89PNG") and image.width() >= 1200
    else:
        from PySide6.QtGui import QImage, QPainter
        from PySide6.QtSvg import QSvgRenderer

        assert b"<svg" in data and b"</svg>" in data
        assert b"Decision line" in data and b"<path" in data
        renderer = QSvgRenderer(str(path))
        assert renderer.isValid()
        image = QImage(renderer.defaultSize(), QImage.Format.Format_RGB32)
        image.fill(0xFFFFFF)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        # The shaded half-plane and the red/blue points: many colours, not a blank page.
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7)}
        assert len(colours) > 10


def test_export_refuses_other_suffixes(make_window, tmp_path):
    window = make_window(tab="gates")
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        window.export_plot(str(tmp_path / "plot.bmp"))
    assert not (tmp_path / "plot.bmp").exists()


def test_completing_an_exercise_is_announced_and_remembered(make_window, settings, qtbot):
    window = make_window(tab="gates")
    spin(window, "gate_b_spin").setValue(-0.2)  # AND → OR by the bias alone
    qtbot.waitUntil(lambda: "and_to_or" in window.exercises.done, timeout=3000)
    assert "Exercise done" in window.statusBar().currentMessage()
    assert "and_to_or" in json.loads(settings.value("exercises/done"))
    window.close()
    assert "and_to_or" in make_window().exercises.done


def test_settings_file_is_ini(settings):
    assert settings.format() == QSettings.Format.IniFormat


def test_edit_menu_undoes_and_redoes_the_sine_tab(make_window):
    window = make_window(tab="sine")
    sine = window.page("sineTab")
    before = sine.network.get_param("b1_0")
    spin(window, "b1_0_spin").setValue(0.42)
    assert sine.network.get_param("b1_0") == pytest.approx(0.42)
    undo, redo = action(window, "undoAction"), action(window, "redoAction")
    assert undo.isEnabled()
    undo.trigger()
    assert sine.network.get_param("b1_0") == pytest.approx(before)
    assert spin(window, "b1_0_spin").value() == pytest.approx(before)
    redo.trigger()
    assert sine.network.get_param("b1_0") == pytest.approx(0.42)


def test_undo_history_survives_a_language_switch(make_window):
    window = make_window(tab="sine", language="en")
    start = window.page("sineTab").network.get_param("b1_0")
    for value in (0.1, 0.2, 0.3):
        spin(window, "b1_0_spin").setValue(value)
    action(window, "undoAction").trigger()  # at 0.2, with 0.3 to redo
    action(window, "language_zh_CN_action").trigger()
    try:
        sine = window.page("sineTab")
        assert sine.network.get_param("b1_0") == pytest.approx(0.2)
        action(window, "redoAction").trigger()
        assert spin(sine, "b1_0_spin").value() == pytest.approx(0.3)
        for _ in range(3):
            action(window, "undoAction").trigger()
        assert sine.network.get_param("b1_0") == pytest.approx(start)
        assert not action(window, "undoAction").isEnabled()
    finally:
        action(window, "language_en_action").trigger()


def test_undo_is_disabled_on_a_tab_without_undo(make_window):
    window = make_window(tab="gates")
    assert not action(window, "undoAction").isEnabled()


# --- File → Open / Save weights, through the menu actions (issue 12) -------------

WEIGHTS_TABS = ["sine", "spiral"]


@pytest.fixture
def warnings_shown(monkeypatch):
    """Message boxes the window shows, recorded instead of blocking the test."""
    shown = []

    def warning(parent, title, text, *args):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown


def choose_file(monkeypatch, path):
    """The file dialogs answer ``path`` as if the user had picked it."""
    answer = staticmethod(lambda *args, **kwargs: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)


def params(page) -> list[float]:
    return page.state_dict()["params"]


def nudged(page) -> None:
    """Move every weight a little through the tab's own state API."""
    state = page.state_dict()
    state["params"] = [0.9 * value + 0.01 for value in state["params"]]
    page.load_state(state)


@pytest.mark.parametrize("tab", WEIGHTS_TABS)
def test_save_then_open_weights_through_the_menu(make_window, monkeypatch, tmp_path,
                                                 warnings_shown, tab):
    window = make_window(tab=tab)
    page = window.current_page()
    saved = params(page)
    path = tmp_path / "weights.json"
    choose_file(monkeypatch, path)
    action(window, "saveWeightsAction").trigger()
    assert window.statusBar().currentMessage() == f"Saved {path}"
    assert path.is_file()

    nudged(page)
    assert params(page) != pytest.approx(saved)
    action(window, "openWeightsAction").trigger()
    assert window.statusBar().currentMessage() == f"Loaded {path}"
    assert params(page) == pytest.approx(saved)
    assert warnings_shown == []


@pytest.mark.parametrize("tab", WEIGHTS_TABS)
@pytest.mark.parametrize("content", [b"{not json", b'{"version": 1, "params": {"w": 1e7}}', b""])
def test_opening_a_bad_weights_file_shows_why_and_changes_nothing(
        make_window, monkeypatch, tmp_path, warnings_shown, tab, content):
    window = make_window(tab=tab)
    page = window.current_page()
    before = params(page)
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    choose_file(monkeypatch, path)
    window.statusBar().clearMessage()
    action(window, "openWeightsAction").trigger()
    assert len(warnings_shown) == 1
    _title, text = warnings_shown[0]
    assert str(path) in text and len(text) > len(str(path)) + 5  # the file and the problem
    assert params(page) == before
    assert "Loaded" not in window.statusBar().currentMessage()


@pytest.mark.parametrize("tab", WEIGHTS_TABS)
def test_saving_where_it_cannot_be_written_shows_why(make_window, monkeypatch, tmp_path,
                                                     warnings_shown, tab):
    window = make_window(tab=tab)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    path = blocker / "weights.json"  # a parent that is a file fails even as root
    choose_file(monkeypatch, path)
    action(window, "saveWeightsAction").trigger()
    assert len(warnings_shown) == 1 and str(path) in warnings_shown[0][1]
    assert "Saved" not in window.statusBar().currentMessage()


def test_export_failure_names_the_chosen_path(make_window, monkeypatch, tmp_path,
                                              warnings_shown):
    window = make_window(tab="gates")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    path = blocker / "plot.png"
    choose_file(monkeypatch, path)
    action(window, "exportPlotAction").trigger()
    assert len(warnings_shown) == 1 and str(path) in warnings_shown[0][1]


def test_export_through_the_menu_says_where(make_window, monkeypatch, tmp_path):
    window = make_window(tab="gates")
    path = tmp_path / "plot.png"
    choose_file(monkeypatch, path)
    action(window, "exportPlotAction").trigger()
    assert path.read_bytes().startswith(b"\x89PNG")
    assert str(path) in window.statusBar().currentMessage()
