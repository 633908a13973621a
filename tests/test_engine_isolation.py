"""The engine is pure NumPy + stdlib: importing every engine module in a fresh
interpreter loads no Qt module (STYLE.md §1)."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import engine

ROOT = Path(__file__).resolve().parent.parent
QT_PREFIXES = ("PySide6", "pyqtgraph", "shiboken6")


def _engine_modules() -> list[str]:
    return sorted(f"engine.{m.name}" for m in pkgutil.iter_modules(engine.__path__))


def test_every_engine_module_is_found():
    modules = _engine_modules()
    for name in ("activations", "network", "losses", "datasets", "targets", "perceptron",
                 "bean_sgd", "optim", "presets", "serialization", "rng", "geometry"):
        assert f"engine.{name}" in modules


def test_engine_has_no_qt():
    imports = "; ".join(f"import {name}" for name in ["engine", *_engine_modules()])
    code = (f"import sys; {imports}; "
            f"print(sorted(m for m in sys.modules if m.startswith({QT_PREFIXES!r})))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_the_check_would_see_qt():
    """The same probe reports a Qt module when one is imported (so the test above can fail)."""
    code = (f"import sys, shiboken6; "
            f"print(sorted(m for m in sys.modules if m.startswith({QT_PREFIXES!r})))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "shiboken6" in out.stdout
