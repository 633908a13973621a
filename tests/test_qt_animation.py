"""Regression test for the PySide6 6.12 / CPython 3.11 crash: every void Qt
call leaked a reference to None, and a pyqtgraph animation aborted the
interpreter (``none_dealloc``) within about a hundred frames."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer

FRAMES = 1000


def test_pyqtgraph_curve_survives_a_thousand_animation_frames(qtbot):
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.setRange(xRange=(0, 1), yRange=(-1, 1))
    curve = plot.plot()
    x = np.linspace(0, 1, 500)
    drawn = []

    def tick():
        phase = len(drawn) * 0.05
        curve.setData(x, np.sin(2 * np.pi * x + phase))
        plot.viewport().repaint()
        drawn.append(phase)
        if len(drawn) >= FRAMES:
            timer.stop()

    timer = QTimer(interval=0)
    timer.timeout.connect(tick)
    plot.show()
    timer.start()
    qtbot.waitUntil(lambda: len(drawn) >= FRAMES, timeout=60_000)
    assert np.allclose(curve.getData()[1], np.sin(2 * np.pi * x + (FRAMES - 1) * 0.05))
