"""Bean SGD tab: frames per second while playing, and how fast a click is
handled during play, next to post 000's own loop.

Prints:
- driven frames: the timer's tick (``speedSpin`` epochs, default 10) plus a
  synchronous repaint of the whole tab, over the post's full 5000-epoch run;
  median per-frame time and the frame rate it allows;
- real timer: frames actually painted per second by the running ``QTimer``
  (15 ms interval: 60–66 when nothing else is running);
- the post's loop: with matplotlib (if importable) its redraw every 100 epochs
  on the Agg canvas, otherwise the loop alone, without drawing;
- click delay during play: a mouse click posted from another thread (as the
  window system would deliver it) on the bean plot, and on the pause button,
  timed until the tab's handler has run.

Goals: ≥ 60 frames per second, clicks handled in < 50 ms.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_beans.py``
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for benchmarks._common

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent

from benchmarks._common import shown_tab

POST_EPOCHS = 5000
POST_FRAME_EVERY = 100  # the post redraws after every 100th epoch
TIMER_SECONDS = 3.0
CLICKS = 20


def _post_loop(xs, ys, epochs, on_frame=None, w=0.1, b=0.1, alpha=0.01):
    """Post 000's loop (NumPy scalars, np.exp), calling ``on_frame(w, b)``
    where the post redraws its figure."""
    for epoch in range(epochs):
        for i in range(len(xs)):
            x = xs[i]
            y = ys[i]
            z = w * x + b
            a = 1 / (1 + np.exp(-z))
            deda = -2 * (y - a)
            dadz = a * (1 - a)
            w = w - alpha * (deda * dadz * x)
            b = b - alpha * (deda * dadz * 1)
        if on_frame is not None and epoch % POST_FRAME_EVERY == 0:
            on_frame(w, b)
    return w, b


def _matplotlib_redraw(xs, ys):
    """The post's per-frame drawing on the Agg canvas, or None without matplotlib."""
    try:
        import matplotlib
    except ImportError:
        return None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure = plt.figure()

    def redraw(w, b):
        plt.clf()
        plt.scatter(xs, ys)
        plt.plot(xs, 1 / (1 + np.exp(-(w * xs + b))))
        plt.xlim(0, 1)
        plt.ylim(0, 1.2)
        figure.canvas.draw()

    return redraw


def bench_post(xs, ys) -> dict:
    redraw = _matplotlib_redraw(xs, ys)
    frames = POST_EPOCHS // POST_FRAME_EVERY
    start = time.perf_counter()
    _post_loop(xs, ys, POST_EPOCHS, redraw)
    seconds = time.perf_counter() - start
    return {"post_matplotlib": redraw is not None, "post_run_s": seconds,
            "post_fps": frames / seconds}


def bench_driven_frames(tab, app) -> dict:
    tab.resetButton.click()
    times = []
    while tab.trainer.epoch < tab.epochsSpin.value():
        start = time.perf_counter()
        tab.advance_frame()
        tab.repaint()
        times.append(time.perf_counter() - start)
    app.processEvents()
    median = statistics.median(times)
    return {"frames": len(times), "frame_ms_median": median * 1e3,
            "frame_ms_p95": float(np.percentile(times, 95)) * 1e3, "fps_driven": 1 / median}


class _PaintCounter(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget):
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def bench_real_timer(tab, app) -> dict:
    counter = _PaintCounter(tab.beansPlot.viewport())
    tab.epochsSpin.setValue(100_000)  # keeps playing for the whole measurement
    tab.resetButton.click()
    loop = QEventLoop()
    QTimer.singleShot(int(TIMER_SECONDS * 1000), loop.quit)
    tab.playButton.click()
    start_epoch, start = tab.trainer.epoch, time.perf_counter()
    painted_before = counter.count
    loop.exec()
    seconds = time.perf_counter() - start
    epochs = tab.trainer.epoch - start_epoch
    speed = tab.speedSpin.value()
    tab.stop_animation()
    tab.epochsSpin.setValue(5000)
    app.processEvents()
    return {"fps_timer": (counter.count - painted_before) / seconds,
            "ticks_per_s_timer": epochs / speed / seconds,
            "epochs_per_s_timer": epochs / seconds}


def _post_click(widget, pos) -> None:
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        buttons = Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress else \
            Qt.MouseButton.NoButton
        event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)),
                            Qt.MouseButton.LeftButton, buttons,
                            Qt.KeyboardModifier.NoModifier)
        QCoreApplication.postEvent(widget, event)


def _click_delays(tab, target, handled_signal, pos) -> list[float]:
    """Milliseconds from posting a click on ``target`` (from another thread,
    at a random moment of play) until ``handled_signal`` has fired."""
    delays = []
    posted = {}
    loop = QEventLoop()
    give_up = QTimer()  # one timer, stopped each round, so no stale timeout ends a later round
    give_up.setSingleShot(True)
    give_up.setInterval(3000)
    give_up.timeout.connect(loop.quit)

    def handled(*_args):
        if "at" in posted:
            delays.append((time.perf_counter() - posted.pop("at")) * 1e3)
            loop.quit()

    def poster(wait_s):
        time.sleep(wait_s)  # a user's click arrives whenever it likes
        posted["at"] = time.perf_counter()
        _post_click(target, pos)

    handled_signal.connect(handled)  # after the tab's own slot: runs once it is done
    rng = random.Random(0)
    for _ in range(CLICKS):
        tab.resetButton.click()
        tab.playButton.click()
        threading.Thread(target=poster, args=(rng.uniform(0.1, 0.3),), daemon=True).start()
        give_up.start()
        loop.exec()
        give_up.stop()
        tab.stop_animation()
    handled_signal.disconnect(handled)
    return delays


def bench_clicks(tab) -> dict:
    view = tab.beansPlot.getPlotItem().getViewBox()
    plot_pos = tab.beansPlot.mapFromScene(view.mapViewToScene(QPointF(0.5, 0.6)))
    bean = _click_delays(tab, tab.beansPlot.viewport(), tab.beansPlot.scene().sigMouseClicked,
                         plot_pos)
    pause = _click_delays(tab, tab.playButton, tab.playButton.toggled,
                          tab.playButton.rect().center())
    return {"bean_click_ms_median": statistics.median(bean), "bean_click_ms_max": max(bean),
            "pause_click_ms_median": statistics.median(pause),
            "pause_click_ms_max": max(pause), "clicks_handled": len(bean) + len(pause)}


def main() -> dict:
    from gui.beans.tab import FRAME_MS, BeansTab

    app, tab = shown_tab(BeansTab)

    results = {}
    results.update(bench_driven_frames(tab, app))
    results.update(bench_real_timer(tab, app))
    results.update(bench_clicks(tab))
    tab.load_state({})
    results.update(bench_post(tab.trainer.xs, tab.trainer.ys))
    tab.stop_animation()

    print(f"Bean SGD tab, {results['frames']} frames of the post's 5000-epoch run "
          f"(10 epochs per frame):")
    print(f"  tick + full repaint: {results['frame_ms_median']:.2f} ms median "
          f"({results['frame_ms_p95']:.2f} ms p95) -> {results['fps_driven']:.0f} fps possible")
    print(f"  real {FRAME_MS} ms QTimer: {results['fps_timer']:.1f} painted frames/s, "
          f"{results['ticks_per_s_timer']:.1f} ticks/s, "
          f"{results['epochs_per_s_timer']:.0f} epochs/s (goal >= 60 fps)")
    if results["post_matplotlib"]:
        print(f"  post's loop with matplotlib redraws (Agg): {results['post_run_s']:.2f} s, "
              f"{results['post_fps']:.1f} fps")
    else:
        print(f"  post's loop without drawing (matplotlib unavailable): "
              f"{results['post_run_s']:.2f} s for 5000 epochs = "
              f"{results['post_fps']:.1f} frames/s before any drawing or plt.pause(0.01)")
    print(f"  click on the bean plot during play: {results['bean_click_ms_median']:.1f} ms "
          f"median, {results['bean_click_ms_max']:.1f} ms max (goal < 50 ms)")
    print(f"  click on Pause during play: {results['pause_click_ms_median']:.1f} ms median, "
          f"{results['pause_click_ms_max']:.1f} ms max; {results['clicks_handled']} of "
          f"{2 * CLICKS} clicks handled")
    return results


if __name__ == "__main__":
    main()
