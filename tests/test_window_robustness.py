"""Damaged settings, a settings store that does not work and bad
``--screenshot`` paths: the app starts (or exits with one clear line), keeps
what it can, and says what it dropped (issue 14)."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from helpers import find_child
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication, QDoubleSpinBox

from gui import app
from gui.main_window import TAB_SPECS, json_depth, saved_state

ROOT = Path(__file__).resolve().parent.parent
DEEP = "[" * 100_000
PAGE_NAMES = {"sine": "sineTab", "gates": "gatesTab", "activations": "activationsTab",
              "beans": "beansTab", "spiral": "spiralTab"}
GATES_STATE = json.dumps({"weights": [0.75, 0.5, 0.0]})


def run_main(args: list[str], config_home: Path) -> subprocess.CompletedProcess:
    """``gui.app.main(args)`` in a fresh interpreter (one QApplication per
    process) with its own settings folder."""
    env = dict(os.environ, XDG_CONFIG_HOME=str(config_home), QT_QPA_PLATFORM="offscreen")
    code = "import sys; from gui.app import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def app_settings(config_home: Path) -> QSettings:
    """The settings file the app opens under ``XDG_CONFIG_HOME=config_home``."""
    return QSettings(str(config_home / "NeuronTuner" / "neuron-tuner.ini"),
                     QSettings.Format.IniFormat)


# --- a damaged tab state ------------------------------------------------------

def test_json_depth_ignores_brackets_in_strings():
    assert json_depth('{"a": [1, [2]], "b": "[[[[{{{{"}') == 3
    assert json_depth(DEEP) == 100_000
    assert json_depth("3") == 0


def test_a_deeply_nested_state_is_refused_before_parsing():
    with pytest.raises(ValueError, match="nested deeper"):
        saved_state(DEEP)
    assert saved_state('{"w1": [1, 2]}') == {"w1": [1, 2]}


def test_a_100000_deep_spiral_state_drops_only_that_tab(make_window, settings):
    settings.setValue("tabs/spiralTab", DEEP)
    settings.setValue("tabs/gatesTab", GATES_STATE)
    window = make_window()
    assert spin_value(window, "gate_w1_spin") == pytest.approx(0.75)
    message = window.statusBar().currentMessage()
    assert "Spiral classifier" in message and "Ignored" in message
    assert settings.value("tabs/spiralTab") is None  # dropped, not met again next start
    assert settings.value("tabs/gatesTab") == GATES_STATE


def test_deeply_nested_exercise_progress_is_ignored(make_window, settings):
    settings.setValue("exercises/done", DEEP)
    window = make_window()
    assert window.exercises.done == set()
    assert "exercise progress" in window.statusBar().currentMessage()


def test_any_exception_while_restoring_drops_only_that_tab(make_window, settings, monkeypatch):
    from gui.beans.tab import BeansTab

    def broken(self, state):
        raise RuntimeError("something no one expected")

    monkeypatch.setattr(BeansTab, "load_state", broken)
    settings.setValue("tabs/beansTab", "{}")
    settings.setValue("tabs/gatesTab", GATES_STATE)
    window = make_window()
    assert "Bean SGD (something no one expected)" in window.statusBar().currentMessage()
    assert spin_value(window, "gate_w1_spin") == pytest.approx(0.75)


def test_the_app_starts_on_a_100000_deep_settings_entry(tmp_path):
    store = app_settings(tmp_path)
    store.setValue("tabs/spiralTab", DEEP)
    store.setValue("tabs/gatesTab", GATES_STATE)
    store.sync()
    out = run_main(["--screenshot", str(tmp_path / "shots")], tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    assert (tmp_path / "shots" / "spiral.png").is_file()
    after = app_settings(tmp_path)
    assert after.value("tabs/gatesTab") == GATES_STATE
    assert after.value("tabs/spiralTab") is None


def spin_value(window, name) -> float:
    return find_child(window, QDoubleSpinBox, name).value()


# --- a settings store that cannot be written -------------------------------------

@pytest.fixture
def unwritable_settings(tmp_path):
    """A settings file whose folder is a regular file: no one can create it,
    root included (permission bits would not stop root)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the settings folder should be")
    return QSettings(str(blocker / "settings.ini"), QSettings.Format.IniFormat)


def test_an_unwritable_settings_store_is_reported_once(make_window, unwritable_settings,
                                                       capfd, qtbot):
    window = make_window(settings=unwritable_settings)
    message = window.statusBar().currentMessage()
    assert "Settings will not be saved" in message and "not-a-folder" in message
    err = capfd.readouterr().err
    assert [line for line in err.splitlines() if "Settings will not be saved" in line] == [
        f"neuron-tuner: {message}"]
    # The app still works and quits normally.
    find_child(window, QDoubleSpinBox, "gate_b_spin").setValue(0.3)
    window.save_session()
    window.close()
    assert "Settings will not be saved" not in capfd.readouterr().err  # once, at start


def test_a_working_store_says_ready(make_window, capfd):
    window = make_window()
    assert window.settings_error is None
    assert window.statusBar().currentMessage() == "Ready"
    assert "Settings" not in capfd.readouterr().err


def test_the_app_runs_when_the_config_folder_is_a_file(tmp_path):
    config_home = tmp_path / "config"
    config_home.write_text("not a folder")
    out = run_main(["--screenshot", str(tmp_path / "shots")], config_home)
    assert out.returncode == 0, out.stderr
    lines = [line for line in out.stderr.splitlines() if "Settings will not be saved" in line]
    assert len(lines) == 1 and str(config_home) in lines[0]
    assert (tmp_path / "shots" / "sine.png").is_file()


# --- --screenshot paths --------------------------------------------------------------

def bad_screenshot(path: str, capsys) -> str:
    """Run main with ``--screenshot path``: it must exit non-zero with one line."""
    assert app.main(["--screenshot", path]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


def test_screenshot_into_an_existing_file_is_refused(tmp_path, capsys):
    target = tmp_path / "picture.png"
    target.write_text("keep me")
    line = bad_screenshot(str(target), capsys)
    assert str(target) in line and "not a folder" in line
    assert target.read_text() == "keep me"


def test_screenshot_into_an_empty_path_is_refused(capsys):
    assert "empty" in bad_screenshot("", capsys)


def test_screenshot_under_a_file_is_refused(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    line = bad_screenshot(str(blocker / "shots"), capsys)
    assert str(blocker / "shots") in line


def test_screenshot_into_a_folder_no_one_can_write_is_refused(capsys):
    # /proc/self is a folder that refuses new files even to root.
    assert "/proc/self" in bad_screenshot("/proc/self", capsys)


def test_screenshot_folder_is_created(tmp_path):
    folder = tmp_path / "new" / "shots"
    assert app.screenshot_folder_problem(str(folder)) is None
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_a_failed_save_exits_non_zero_with_one_line(make_window, capfd):
    window = make_window()
    assert window.save_screenshots("/proc/self") == 1
    err = capfd.readouterr().err.strip().splitlines()
    lines = [line for line in err if line.startswith("neuron-tuner:")]
    assert len(lines) == 1 and "/proc/self/sine.png" in lines[0]


# --- fuzz: random values in every saved tab state ------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12)
    | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)
ENTRIES = st.one_of(
    st.just("valid"),
    JSON_VALUES.map(json.dumps),
    st.dictionaries(st.sampled_from(["params", "w1", "lr", "hidden", "checked", "epochs",
                                     "preset", "selected", "mode", "show_lines"]),
                    JSON_VALUES, min_size=1, max_size=3).map(json.dumps),
    st.text(max_size=30),
    st.integers(1, 3000).map(lambda n: "[" * n + "]" * n))


@pytest.fixture(scope="module")
def default_states(qapp):
    from gui.app import create_main_window

    store = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = create_main_window(settings=store)
    states = {page.objectName(): json.dumps(page.state_dict()) for page in window.pages()}
    delete_now(window)
    return states


def delete_now(window) -> None:
    """Close and delete ``window`` at once: windows left for a later event
    loop are deleted there all together, which takes seconds for a dozen
    and stalls whichever test waits next."""
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@hypothesis_settings(max_examples=12, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.fixed_dictionaries({name: ENTRIES for name, _m, _c in TAB_SPECS}))
def test_random_saved_states_drop_only_the_bad_tabs(default_states, entries):
    from gui.app import create_main_window

    folder = tempfile.mkdtemp()
    store = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
    for name, entry in entries.items():
        page = PAGE_NAMES[name]
        store.setValue(f"tabs/{page}", default_states[page] if entry == "valid" else entry)
    window = create_main_window(settings=store)
    try:
        message = window.statusBar().currentMessage()
        for name, entry in entries.items():
            page = window.page(PAGE_NAMES[name])
            dropped = store.value(f"tabs/{page.objectName()}") is None
            if entry == "valid":
                assert not dropped
                assert json.dumps(page.state_dict()) == default_states[page.objectName()]
            assert dropped == (f"{page.tab_title()} (" in message), (name, entry[:80], message)
    finally:
        delete_now(window)
