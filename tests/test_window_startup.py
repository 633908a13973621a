"""Start-up: the interactive window builds the tab it shows first, paints,
then builds the others; tests and screenshots get every tab at once (issue 12)."""

import json

import pytest
from helpers import find_child
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QDoubleSpinBox, QWidget

from gui.contract import Tab
from gui.main_window import TAB_SPECS

# One named control per tab that a test outside our suite looks up.
NAMED_CONTROLS = {"sineTab": "b1_0_spin", "gatesTab": "gate_w1_spin",
                  "activationsTab": "param_leaky_relu_alpha_spin", "beansTab": "playButton",
                  "spiralTab": "spiralTrainButton"}


def test_create_main_window_builds_every_tab_at_once(make_window):
    window = make_window()
    assert window.pending_tabs() == []
    assert [page.objectName() for page in window.pages()] == list(NAMED_CONTROLS)
    for page_name, control in NAMED_CONTROLS.items():
        assert window.page(page_name).findChild(QWidget, control) is not None


def test_interactive_start_builds_the_other_tabs_after_the_first_paint(make_window, settings,
                                                                       qtbot):
    settings.setValue("tabs/gatesTab", json.dumps({"weights": [1.25, 0.5, -0.75]}))
    window = make_window(tab="spiral", interactive=True)
    assert window.pending_tabs() == [0, 1, 2, 3]
    assert isinstance(window.current_page(), Tab)
    assert window.current_page().objectName() == "spiralTab"
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert all(titles), titles  # a tab not built yet is named all the same

    built = []
    window.tabBuilt.connect(built.append)
    window.show()
    qtbot.waitUntil(lambda: window.pending_tabs() == [])
    assert built == window.pages()[:4]
    assert window.tabs.currentIndex() == len(TAB_SPECS) - 1
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == titles
    for page_name, control in NAMED_CONTROLS.items():
        assert window.page(page_name).findChild(QWidget, control) is not None
    # The deferred tabs were restored from the session and follow the menus.
    assert find_child(window, QDoubleSpinBox, "gate_w1_spin").value() == pytest.approx(1.25)
    find_child(window, QAction, "showTab2Action").trigger()
    assert window.current_page().objectName() == "gatesTab"
    assert not find_child(window, QAction, "undoAction").isEnabled()


def test_choosing_a_tab_before_it_is_built_builds_it(make_window):
    window = make_window(tab="sine", interactive=True)
    window.tabs.setCurrentIndex(3)  # before the first paint: nothing shown yet
    assert window.pending_tabs() == []
    assert window.current_page().objectName() == "beansTab"
    assert window.current_page().findChild(QAbstractButton, "playButton") is not None


def test_a_session_saved_before_the_other_tabs_are_built_keeps_their_states(make_window,
                                                                           settings):
    gates = json.dumps({"weights": [1.25, 0.5, -0.75]})
    settings.setValue("tabs/gatesTab", gates)
    window = make_window(tab="sine", interactive=True)
    window.save_session()
    assert settings.value("tabs/gatesTab") == gates
    assert settings.value("tabs/sineTab") is not None


def test_the_first_tab_builds_its_hidden_slider_pages_after_the_first_paint(make_window, qtbot):
    window = make_window(tab="sine", interactive=True)
    panel = window.page("sineTab").panel
    assert not panel.is_built()  # only the neuron shown first has its sliders yet
    window.show()
    qtbot.waitUntil(panel.is_built, timeout=10_000)
    sine = window.page("sineTab")
    find_child(window, QAbstractSlider, "w3_7_0_slider")
    value = sine.network.get_flat()[sine.network.param_names().index("w3_7_0")]
    assert find_child(window, QDoubleSpinBox, "w3_7_0_spin").value() == pytest.approx(value)


def test_teaching_notes_made_after_the_switch_follow_it(make_window, qtbot):
    window = make_window(tab="sine", interactive=True)
    window.findChild(QAction, "explanationsAction").trigger()  # hide the notes
    window.show()
    panel = window.page("sineTab").panel
    qtbot.waitUntil(panel.is_built, timeout=10_000)
    notes = [w for w in panel.findChildren(QWidget) if w.property("explanation")]
    assert len(notes) == 17 and not any(note.isVisible() for note in notes)
