"""Start-up: --help without Qt, the compatibility guard, the window."""

import subprocess
import sys
from pathlib import Path

import pytest

from gui import app

ROOT = Path(__file__).resolve().parent.parent


def test_main_help_returns_zero(capsys):
    assert app.main(["--help"]) == 0
    assert "--screenshot" in capsys.readouterr().out


def test_help_does_not_load_qt():
    code = ("import sys, runpy; sys.argv = ['main.py', '--help']\n"
            "try:\n    runpy.run_path('main.py', run_name='__main__')\n"
            "except SystemExit as e:\n    assert e.code == 0, e.code\n"
            "print('QT' if any(m.startswith('PySide6.Qt') for m in sys.modules) else 'NOQT')")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert "usage: neuron-tuner" in out.stdout
    assert out.stdout.strip().endswith("NOQT")


def test_unknown_option_is_a_usage_error():
    assert app.main(["--tab", "nonsense"]) == 2


@pytest.mark.parametrize(("python", "pyside", "broken"), [
    ((3, 11, 7), (6, 12, 0), True),
    ((3, 11, 7), (6, 13, 1), True),
    ((3, 11, 7), (6, 9, 3), False),
    ((3, 11, 7), (6, 11, 3), False),
    ((3, 12, 1), (6, 12, 0), False),
    ((3, 13, 0), (6, 12, 0), False),
])
def test_compatibility_guard(python, pyside, broken):
    problem = app.qt_compatibility_problem(python, pyside)
    assert (problem is not None) == broken
    if broken:
        assert "PySide6-Essentials<6.10" in problem and "3.12" in problem


def test_installed_combination_is_supported():
    assert app.qt_compatibility_problem() is None


def test_main_refuses_a_broken_combination(monkeypatch, capsys):
    monkeypatch.setattr(app.sys, "version_info", (3, 11, 7, "final", 0))
    monkeypatch.setattr(app, "pyside_version", lambda: (6, 12, 0))
    assert app.main([]) == 2
    assert "none_dealloc" in capsys.readouterr().err


def test_window_opens_offscreen_with_tabs(make_window, qtbot):
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    tabs = window.findChild(type(window.tabs), "tabs")
    assert tabs is window.centralWidget()
    assert window.windowTitle() == "Neuron Tuner"
    assert not window.windowIcon().isNull()
