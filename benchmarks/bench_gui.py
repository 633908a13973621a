"""GUI benchmarks, in one run: every tab's own figures, start-up to the first
painted window next to an empty PySide6 + pyqtgraph window, and memory growth
over 10 000 animation frames.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py

Numbers are printed, never asserted: benchmarks do not decide CI.
"""

from __future__ import annotations

import importlib
import os
import statistics
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TAB_BENCHMARKS = ("bench_gui_sine", "bench_gui_diagram", "bench_gui_gates",
                  "bench_gui_activations", "bench_gui_beans", "bench_gui_spiral")
STARTUP_RUNS = 5
MEMORY_FRAMES = 10_000

# Both start-up scripts stop the clock at the first paint event of the window or
# any widget in it (a bare QMainWindow gets none of its own: its children paint).
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

APP_WINDOW = _FIRST_PAINT + r"""
from gui.app import create_main_window, ensure_application
ensure_application()
window = create_main_window(reset_settings=True)
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


def startup() -> dict:
    app = statistics.median(_first_paint_seconds(APP_WINDOW) for _ in range(STARTUP_RUNS))
    empty = statistics.median(_first_paint_seconds(EMPTY_WINDOW) for _ in range(STARTUP_RUNS))
    print(f"start-up to first paint: app {app * 1000:.0f} ms, empty PySide6 + pyqtgraph "
          f"window {empty * 1000:.0f} ms, ratio {app / empty:.2f}x (goal <= 1.5x)")
    return {"startup_app_s": app, "startup_empty_s": empty, "startup_ratio": app / empty}


def _rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def memory_growth() -> dict:
    """Resident memory before and after 10 000 frames of the bean animation
    (each frame: one timer tick of training plus a paint of the tab)."""
    from PySide6.QtWidgets import QSpinBox

    from benchmarks._common import shown_tab
    from gui.beans.tab import BeansTab

    _app, tab = shown_tab(BeansTab)
    tab.findChild(QSpinBox, "epochsSpin").setValue(tab.findChild(QSpinBox, "epochsSpin").maximum())
    tab.findChild(QSpinBox, "speedSpin").setValue(1)

    def frames(n: int) -> None:
        for _ in range(n):
            tab.advance_frame()
            tab.repaint()

    frames(500)  # warm-up: caches, first allocations
    before = _rss_bytes()
    frames(MEMORY_FRAMES)
    growth = (_rss_bytes() - before) / 2**20
    print(f"memory growth over {MEMORY_FRAMES} animation frames: {growth:.2f} MB (goal < 5 MB)")
    tab.stop_animation()
    return {"memory_growth_mb": growth}


def tab_benchmarks() -> dict:
    results = {}
    for name in TAB_BENCHMARKS:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"--- {name}")
        results[name] = module.main()
    return results


def main() -> dict:
    results = tab_benchmarks()
    print("--- application")
    results.update(startup())
    results.update(memory_growth())
    return results


if __name__ == "__main__":
    main()
