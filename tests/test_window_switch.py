"""Language and theme change in place: the same tabs, menus and actions stay
alive, their texts and colours change, nothing piles up, and a run that is
playing keeps playing (issue 12)."""

import pytest
import shiboken6
from helpers import find_child
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QAbstractButton, QMenu

ZH = "zh_CN"


def switch_there_and_back(window, qtbot, during=None):
    """简体中文 and back, dark and back, through the menus; ``during(window)``
    runs while the window is in Chinese and dark."""
    find_child(window, QAction, f"language_{ZH}_action").trigger()
    find_child(window, QAction, "darkThemeAction").trigger()
    qtbot.waitUntil(lambda: window.palette().window().color().lightness() < 100)
    if during is not None:
        during(window)
    find_child(window, QAction, "language_en_action").trigger()
    find_child(window, QAction, "darkThemeAction").trigger()
    qtbot.waitUntil(lambda: window.palette().window().color().lightness() > 150)


def window_objects(window) -> list:
    return [*window.pages(), *window.findChildren(QMenu), *window.findChildren(QAction),
            window.tabs, window.exercises]


def texts(window) -> dict[str, str]:
    """What the window itself shows: title, menu titles, action texts, tab titles."""
    shown = {"title": window.windowTitle()}
    shown.update({f"menu {i}": menu.title() for i, menu in enumerate(
        (window.file_menu, window.edit_menu, window.view_menu, window.language_menu,
         window.help_menu))})
    shown.update({f"action {a.objectName()}": a.text() for a in window.findChildren(QAction)
                  if a.objectName() and not a.objectName().startswith("language_")})
    shown.update({f"tab {i}": window.tabs.tabText(i) for i in range(window.tabs.count())})
    return shown


def test_switches_keep_every_object_and_change_texts_in_place(make_window, qtbot):
    window = make_window(language="en")
    window.show()
    before = window_objects(window)
    counts = (len(window.findChildren(QMenu)), len(window.findChildren(QActionGroup)))
    english = texts(window)
    seen: dict[str, str] = {}

    def in_chinese(w):
        seen.update(texts(w))
        # The window's own parts (menus, actions, tab titles) are translated.
        assert w.file_menu.title() != english["menu 0"]
        changed = [key for key in english if seen[key] != english[key]]
        assert len(changed) > len(english) // 2, changed
        for index in range(w.tabs.count()):
            assert w.tabs.tabText(index) != english[f"tab {index}"]
        assert w.export_plot_dialog is not None

    switch_there_and_back(window, qtbot, in_chinese)
    after = window_objects(window)
    assert len(after) == len(before)
    assert all(a is b for a, b in zip(after, before, strict=True))
    assert all(shiboken6.isValid(obj) for obj in before)
    assert (len(window.findChildren(QMenu)), len(window.findChildren(QActionGroup))) == counts
    assert texts(window) == english


def test_switches_four_times_add_no_menus(make_window, qtbot):
    window = make_window(language="en")
    counts = (len(window.findChildren(QMenu)), len(window.findChildren(QActionGroup)),
              len(window.menuBar().actions()))
    for _ in range(4):
        switch_there_and_back(window, qtbot)
    assert (len(window.findChildren(QMenu)), len(window.findChildren(QActionGroup)),
            len(window.menuBar().actions())) == counts


def test_theme_switch_restyles_the_plots(make_window, qtbot):
    window = make_window(language="en")
    window.show()
    plots = [page.export_plot() for page in window.pages() if page.export_plot() is not None]
    light = [plot.backgroundBrush().color().lightness() for plot in plots]
    find_child(window, QAction, "darkThemeAction").trigger()
    try:
        dark = [plot.backgroundBrush().color().lightness() for plot in plots]
        assert all(d < 100 < lt for d, lt in zip(dark, light, strict=True)), (light, dark)
    finally:
        find_child(window, QAction, "darkThemeAction").trigger()
    assert [plot.backgroundBrush().color().lightness() for plot in plots] == light


def bean_epoch(window) -> int:
    return window.page("beansTab").trainer.epoch


def spiral_steps(window) -> int:
    return len(window.page("spiralTab").model.history)


@pytest.fixture
def running_window(make_window, qtbot):
    """A window with the bean animation playing and spiral training running,
    both started with their buttons; stopped again afterwards."""
    window = make_window(language="en", tab="beans")
    window.show()
    qtbot.waitExposed(window)
    find_child(window.page("beansTab"), QAbstractButton, "playButton").click()
    find_child(window.page("spiralTab"), QAbstractButton, "spiralTrainButton").click()
    qtbot.waitUntil(lambda: bean_epoch(window) > 0 and spiral_steps(window) > 0)
    yield window
    for page in window.pages():
        page.stop_animation()


def test_running_animations_keep_playing_through_the_switches(running_window, qtbot):
    """Depends on the bean and spiral tabs: ``is_running()`` (TabMixin says
    False until a tab implements it) and their models surviving the switch."""
    window = running_window
    beans, spiral = window.page("beansTab"), window.page("spiralTab")
    assert beans.is_running() and spiral.is_running()
    epoch, steps = bean_epoch(window), spiral_steps(window)
    switch_there_and_back(window, qtbot)
    assert window.page("beansTab") is beans and window.page("spiralTab") is spiral
    assert beans.is_running() and spiral.is_running()
    assert bean_epoch(window) >= epoch and spiral_steps(window) >= steps
    qtbot.waitUntil(lambda: bean_epoch(window) > epoch and spiral_steps(window) > steps)
