"""Activation functions tab (issue 6): every activation of posts 001–004 with
its derivative and live parameters, a softmax playground and a
vanishing-gradient demo, on three pages that share one state."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from gui.activations.chain import ChainDemo
from gui.activations.functions import FunctionsPage
from gui.activations.model import ActivationsModel
from gui.activations.softmax import SoftmaxPlayground
from gui.common.widgets import signals_blocked
from gui.contract import TabMixin


class ActivationsTab(TabMixin, QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("activationsTab")
        self.state = ActivationsModel(self)

        self.functions = FunctionsPage(self.state, self)
        self.softmax = SoftmaxPlayground(self.state, self)
        self.chain = ChainDemo(self.state, self)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("activationsPages")
        for page in (self.functions, self.softmax, self.chain):
            self.pages.addTab(page, "")
        self.pages.currentChanged.connect(self._on_pages_current_changed)
        # Focus starts on the page tabs: arrow keys switch pages, Tab walks into the page.
        self.setFocusProxy(self.pages.tabBar())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)

        self.state.pageChanged.connect(self._on_state_page_changed)
        self.state.changed.connect(self.changed)
        self.retranslate()

    # --- texts and colours ------------------------------------------------------------
    # The pages retranslate themselves (each gets its own LanguageChange).

    def retranslate(self) -> None:
        texts = (
            (self.tr("Functions and derivatives"),
             self.tr("Every activation of the posts with its derivative")),
            (self.tr("Softmax playground"),
             self.tr("Turn logits into probabilities, and see why the max-shift matters")),
            (self.tr("Vanishing gradients"),
             self.tr("Why deep sigmoid networks stop learning and ReLU networks do not")))
        for index, (title, tip) in enumerate(texts):
            self.pages.setTabText(index, title)
            self.pages.setTabToolTip(index, tip)
        self.pages.tabBar().setAccessibleName(self.tr("Activation pages"))

    def restyle(self) -> None:
        self.functions.restyle()
        self.softmax.fill_legend()
        self.chain.fill_legend()

    # --- what tests and the exercise checker read --------------------------------

    @property
    def curves(self) -> dict[str, pg.PlotDataItem]:
        """Key → f curve, for the functions shown."""
        return self.functions.curves

    @property
    def derivative_curves(self) -> dict[str, pg.PlotDataItem]:
        return self.functions.derivative_curves

    @property
    def softmax_probabilities(self) -> np.ndarray:
        """The probabilities the bar chart shows (max-shifted softmax)."""
        return self.softmax.probabilities

    def logits(self) -> list[float]:
        return list(self.state.visible_logits())

    # --- the tab protocol ----------------------------------------------------------

    def tab_title(self) -> str:
        return self.tr("Activation functions")

    def stop_animation(self) -> None:
        """Nothing animates here: every change redraws at once."""

    def export_plot(self) -> pg.PlotWidget:
        """The main plot of the page on show."""
        return (self.functions.plot, self.softmax.plot, self.chain.plot)[self.pages.currentIndex()]

    def exercise_snapshot(self) -> dict:
        state = self.state
        return {"softmax_probabilities": self.softmax_probabilities.copy(),
                "softmax_logits": list(state.visible_logits()),
                "softmax_temperature": state.temperature, "softmax_naive": state.naive,
                "chain_length": state.chain_length, "chain_input": state.chain_input}

    # --- handlers ------------------------------------------------------------------

    def _on_pages_current_changed(self, index: int) -> None:
        self.state.set_page(index)

    def _on_state_page_changed(self, index: int) -> None:
        with signals_blocked(self.pages):
            self.pages.setCurrentIndex(index)
