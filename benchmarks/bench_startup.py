"""The window's own figures: start-up to the first paint of the interactive
window next to an empty PySide6 + pyqtgraph window (each in a fresh
interpreter, imports included), and the time a language or theme switch takes
in place.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_startup.py

Numbers are printed, never asserted: benchmarks do not decide CI.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._common import Row, median_ms  # noqa: E402

STARTUP_RUNS = 5
SWITCH_REPEATS = 5
STARTUP_GOAL = 1.5

# Both scripts stop the clock at the first paint event of the window or any
# widget in it (a bare QMainWindow gets none of its own: its children paint).
_FIRST_PAINT = r"""
import time
T0 = time.perf_counter()
import os, sys, tempfile
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if (event.type() == QEvent.Type.Paint and obj.isWidgetType()
                and obj.window() is window):
            print(f"first-paint {time.perf_counter() - T0:.4f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
            app.removeEventFilter(self)
        return False

app = QApplication(sys.argv[:1])
"""

# As gui.app.main starts the app for a user: the views of hidden tabs come
# after the first paint. TAB is the tab shown first; INTERACTIVE False builds
# every tab before it (as the window did before).
APP_WINDOW = _FIRST_PAINT + r"""
from gui.app import create_main_window, ensure_application
ensure_application()
window = create_main_window(reset_settings=True, interactive=INTERACTIVE, tab=TAB)
spy = FirstPaint(); app.installEventFilter(spy); window.show(); app.exec()
"""

EMPTY_WINDOW = _FIRST_PAINT + r"""
import pyqtgraph as pg
from PySide6.QtWidgets import QMainWindow
window = QMainWindow(); window.setCentralWidget(pg.PlotWidget()); window.resize(1280, 820)
spy = FirstPaint(); app.installEventFilter(spy); window.show(); app.exec()
"""


def _first_paint_seconds(script: str) -> float:
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, check=True)
    line = next(line for line in out.stdout.splitlines() if line.startswith("first-paint"))
    return float(line.split()[1])


def startup_rows() -> list[Row]:
    """The app as a user starts it (sine tab first: the goal), with the gates
    tab first (the difference is what building the sine tab costs before the
    first paint), and with every tab built first as the window did before
    (for reference)."""
    variants = {"sine tab first": ("sine", True), "gates tab first": ("gates", True),
                "every tab built first, as before": ("sine", False)}
    scripts = {name: APP_WINDOW.replace("INTERACTIVE", str(interactive)).replace(
        "TAB", repr(tab)) for name, (tab, interactive) in variants.items()}
    runs: dict[str, list[float]] = {"empty": [], **{name: [] for name in scripts}}
    # Interleaved, so that a busy machine slows all of them alike.
    for _ in range(STARTUP_RUNS):
        runs["empty"].append(_first_paint_seconds(EMPTY_WINDOW))
        for name, script in scripts.items():
            runs[name].append(_first_paint_seconds(script))
    empty = statistics.median(runs["empty"])
    rows = []
    for name, (_tab, interactive) in variants.items():
        app = statistics.median(runs[name])
        ratio = app / empty
        goal = f"≤ {STARTUP_GOAL}×" if interactive else "reference"
        rows.append(Row(f"start-up to first paint ({name}), vs an empty PySide6 + "
                        "pyqtgraph window", goal, f"{app * 1e3:.0f} ms vs {empty * 1e3:.0f} ms",
                        ratio, ratio <= STARTUP_GOAL or not interactive))
    return rows


def switch_rows() -> list[Row]:
    """A language switch (to 简体中文 and back) and a theme switch (dark and
    back) of the whole window, every tab built, until the events are handled."""
    import tempfile

    from PySide6.QtCore import QSettings

    from gui.app import create_main_window, ensure_application

    app = ensure_application()
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"),
                         QSettings.Format.IniFormat)
    window = create_main_window(settings=settings, language="en")
    window.show()
    app.processEvents()

    def language(k: int) -> None:
        window.set_language("zh_CN" if k % 2 == 0 else "en")
        app.processEvents()

    def theme(k: int) -> None:
        window.set_dark(k % 2 == 0)
        app.processEvents()

    language_ms = median_ms(language, 2 * SWITCH_REPEATS, warm_up=True)
    window.set_language("en")
    theme_ms = median_ms(theme, 2 * SWITCH_REPEATS, warm_up=True)
    window.set_dark(False)
    window.close()
    return [Row("language switch in place (all five tabs)", "report", f"{language_ms:.0f} ms",
                None, True),
            Row("theme switch in place (all five tabs)", "report", f"{theme_ms:.0f} ms",
                None, True)]


def rows() -> list[Row]:
    return [*startup_rows(), *switch_rows()]


def main() -> list[Row]:
    result = rows()
    for row in result:
        ratio = "" if row.ratio is None else f"  ({row.ratio:.2f}×)"
        verdict = "pass" if row.passed else "FAIL"
        print(f"{row.figure}: {row.measured}{ratio}  goal {row.goal}  {verdict}")
    return result


if __name__ == "__main__":
    main()
