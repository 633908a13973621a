"""Memory over long runs (issue 15): resident memory growth over 20 000 bean
animation frames and over 2 minutes of live spiral training, each < 5 MB.

- beans: the epochs at their maximum and 5 epochs a frame (the issue's long
  run: 20 000 frames reach epoch 100 000), each frame one timer tick of
  training plus a synchronous paint of the tab, driven directly so the run
  takes a minute or two rather than the 5½ minutes 20 000 frames take at 60 Hz;
- spiral: its Train button clicked and the real timer left running for 2
  minutes, as a user would.

Growth is counted from after a warm-up (first allocations, caches). Each
tab's frame times are in its own ``bench_gui_<tab>.py``, start-up in
``bench_startup.py``; ``./dev bench`` gathers them all.

    ./dev bench gui         (or: .venv/bin/python benchmarks/bench_gui.py)

Numbers are reported, never asserted: benchmarks do not decide CI.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks._common import Row, shown_tab  # noqa: E402

GOAL_MB = 5.0
BEAN_FRAMES = 20_000
BEAN_WARM_UP_FRAMES = 500
BEAN_EPOCHS_PER_FRAME = 5
SPIRAL_SECONDS = 120
SPIRAL_WARM_UP_SECONDS = 10


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _growth_row(figure: str, before_mb: float, after_mb: float, detail: str = "") -> Row:
    growth = after_mb - before_mb
    return Row(figure, f"< {GOAL_MB:g} MB",
               f"{growth:+.1f} MB ({before_mb:.0f} → {after_mb:.0f} MB){detail}", None,
               growth < GOAL_MB)


def bean_memory_row() -> Row:
    from PySide6.QtWidgets import QSpinBox

    from gui.beans.tab import BeansTab

    _app, tab = shown_tab(BeansTab)
    epochs = tab.findChild(QSpinBox, "epochsSpin")
    epochs.setValue(epochs.maximum())
    tab.findChild(QSpinBox, "speedSpin").setValue(BEAN_EPOCHS_PER_FRAME)

    def frames(n: int) -> None:
        for _ in range(n):
            tab.advance_frame()
            tab.repaint()

    frames(BEAN_WARM_UP_FRAMES)
    before = rss_mb()
    frames(BEAN_FRAMES)
    after = rss_mb()
    tab.stop_animation()
    return _growth_row(f"RSS growth over {BEAN_FRAMES} bean frames ({BEAN_EPOCHS_PER_FRAME} "
                       "epochs a frame)", before, after)


def spiral_memory_row() -> Row:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QAbstractButton

    from gui.spiral.tab import SpiralTab

    app, tab = shown_tab(SpiralTab)

    def run_for(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    train = tab.findChild(QAbstractButton, "spiralTrainButton")
    train.click()
    run_for(SPIRAL_WARM_UP_SECONDS)
    before = rss_mb()
    run_for(SPIRAL_SECONDS)
    after = rss_mb()
    still = train.isChecked()  # the button pops up when training stops by itself
    tab.stop_animation()
    app.processEvents()
    detail = "" if still else " — training had stopped before the end"
    return _growth_row(f"RSS growth over {SPIRAL_SECONDS / 60:g} minutes of spiral training "
                       f"(after {SPIRAL_WARM_UP_SECONDS} s of warm-up)",
                       before, after, detail)


def rows() -> list[Row]:
    return [bean_memory_row(), spiral_memory_row()]


if __name__ == "__main__":
    from benchmarks.run_all import text_table

    print(text_table(rows()))
