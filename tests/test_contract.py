"""Every tab keeps the contract the window relies on (``gui.contract.Tab``):
its state round-trips, a bad state changes nothing, reset, export and
weights files work alike on every tab (issue 12)."""

import json
from importlib import import_module

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractSpinBox, QFileDialog

from gui.contract import Tab, WeightsResult
from gui.i18n import install_language
from gui.main_window import TAB_SPECS, TAB_TITLES

TAB_NAMES = [name for name, _module, _cls in TAB_SPECS]


def new_tab(name: str):
    _name, module, cls = TAB_SPECS[TAB_NAMES.index(name)]
    return getattr(import_module(module), cls)()


@pytest.fixture(params=TAB_NAMES)
def tab_name(request):
    return request.param


@pytest.fixture
def page(tab_name, show_tab):
    return show_tab(new_tab(tab_name))


def as_saved(state: dict) -> dict:
    """``state`` as a saved session gives it back: through JSON."""
    return json.loads(json.dumps(state))


def wrong_type(value):
    """A value of another JSON type than ``value``'s."""
    if isinstance(value, str):
        return 12345
    if isinstance(value, dict):
        return [1, 2]
    return "not this"


def test_tab_keeps_the_protocol(page):
    assert isinstance(page, Tab)
    assert page.tab_title()
    assert page.weights_io() is None or hasattr(page.weights_io(), "load_weights")


def test_state_round_trip(page, tab_name, show_tab):
    state = as_saved(page.state_dict())
    page.load_state(state)
    assert as_saved(page.state_dict()) == state
    other = show_tab(new_tab(tab_name))
    other.load_state(state)
    assert as_saved(other.state_dict()) == state


def test_a_bad_value_raises_value_error_and_changes_nothing(page):
    before = as_saved(page.state_dict())
    for key, value in before.items():
        bad = {**before, key: wrong_type(value)}
        with pytest.raises(ValueError):
            page.load_state(bad)
        assert as_saved(page.state_dict()) == before, f"{key} changed the tab"


def test_a_state_that_is_not_a_dict_is_refused(page):
    before = as_saved(page.state_dict())
    for bad in ([1, 2], "state", None, 3):
        with pytest.raises(ValueError):
            page.load_state(bad)
    assert as_saved(page.state_dict()) == before


def test_reset_puts_the_tab_back_to_a_fresh_tab(page, tab_name, show_tab):
    fresh = as_saved(show_tab(new_tab(tab_name)).state_dict())
    # By name, found again each time: a spin box may rebuild others (spiral's hidden size).
    for name in [spin.objectName() for spin in page.findChildren(QAbstractSpinBox)]:
        spin = page.findChild(QAbstractSpinBox, name) if name else None
        if spin is not None and spin.isEnabled() and not spin.isReadOnly():
            spin.stepBy(1)
    assert as_saved(page.state_dict()) != fresh, "stepping every spin box changed nothing"
    page.reset_tab()
    assert as_saved(page.state_dict()) == fresh


def test_export_plot_is_a_plot_or_none(page):
    plot = page.export_plot()
    assert plot is None or isinstance(plot, pg.PlotWidget)


def test_file_export_writes_a_png(make_window, tab_name, monkeypatch, tmp_path):
    window = make_window(tab=tab_name)
    window.show()
    if window.current_page().export_plot() is None:
        pytest.skip(f"the {tab_name} tab has no plot to export")
    path = tmp_path / "plot.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))
    window.findChild(QAction, "exportPlotAction").trigger()
    assert path.read_bytes().startswith(b"\x89PNG")


def test_weights_files_round_trip(page, tmp_path):
    io = page.weights_io()
    if io is None:
        pytest.skip("this tab has no weights files")
    saved = page.state_dict()["params"]
    path = str(tmp_path / "weights.json")
    assert io.save_weights(path) == WeightsResult.success()
    state = page.state_dict()
    page.load_state({**state, "params": [0.9 * value + 0.01 for value in saved]})
    assert page.state_dict()["params"] != pytest.approx(saved)
    assert io.load_weights(path) == WeightsResult.success()
    assert page.state_dict()["params"] == pytest.approx(saved)


def test_a_bad_weights_file_is_a_failure_naming_the_file(page, tmp_path):
    io = page.weights_io()
    if io is None:
        pytest.skip("this tab has no weights files")
    before = page.state_dict()["params"]
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    result = io.load_weights(str(path))
    assert isinstance(result, WeightsResult) and not result.ok
    assert "broken.json" in result.message
    assert page.state_dict()["params"] == before


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_tab_bar_title_before_the_view_is_the_tab_title(tab_name, language):
    """The window names a tab it has not built yet from ``TAB_TITLES``."""
    from PySide6.QtCore import QCoreApplication

    _name, _module, cls = TAB_SPECS[TAB_NAMES.index(tab_name)]
    install_language(language)
    try:
        page = new_tab(tab_name)
        assert QCoreApplication.translate(cls, TAB_TITLES[tab_name]) == page.tab_title()
        page.deleteLater()
    finally:
        install_language("en")
