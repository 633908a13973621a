"""The activations tab's softmax playground: logits in, probabilities out.

A bar chart shows softmax(x / T) computed with the max-shift; ticking
"naive formula" adds e^z / Σe^z without the shift beside it, so large logits
show the overflow (NaN) the shift avoids.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.activations import EXP_OVERFLOW_AT
from gui.activations.model import (
    LOGIT_LIMIT,
    MAX_LOGITS,
    MIN_LOGITS,
    TEMPERATURE_MAX,
    TEMPERATURE_MIN,
    ActivationsModel,
)
from gui.activations.page import ActivationsPage
from gui.common.plotting import NEGATIVE_COLOUR, PALETTE, fix_range, make_plot, name_plot
from gui.common.widgets import (
    ParamSlider,
    check_box,
    control_column,
    explanation_label,
    float_spin,
    name_pair,
    push_button,
    scrolling_column,
    set_texts,
    signals_blocked,
)

POST_EXAMPLE = (4.8, 1.21, 2.385)  # post 004 → [0.895, 0.0247, 0.0800]
HUGE_LOGITS = (1000.0, 1001.0, 1002.0)  # e^1000 overflows a float64
SHIFTED_COLOUR, NAIVE_COLOUR = PALETTE[0], PALETTE[1]
BAR_WIDTH = 0.38
LEFT_WIDTH = 330
SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _fmt(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    return f"{value:.6g}"


def logit_name(index: int) -> str:
    return f"x{index}".translate(SUBSCRIPTS)


class SoftmaxPlayground(ActivationsPage):
    def __init__(self, state: ActivationsModel, parent: QWidget | None = None):
        super().__init__(state, "softmaxPage", parent)
        self.probabilities = np.array([])
        self.naive_probabilities = np.array([])

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(8)
        layout.addWidget(scrolling_column(self._build_controls(), self))
        layout.addLayout(self._build_results(), 1)
        state.softmaxChanged.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.logits_box.setTitle(self.tr("Logits"))
        self.count_label.setText(self.tr("How many"))
        self.count_spin.setToolTip(self.tr("Number of logits (classes), 3 to 6"))
        self.count_spin.setAccessibleName(self.tr("Number of logits"))
        for index, spin in enumerate(self.logit_spins):
            spin.setToolTip(self.tr("Logit {0}: the raw score of class {1}; only differences "
                                    "between logits matter").format(logit_name(index), index))
            spin.setAccessibleName(self.tr("Logit {0}").format(logit_name(index)))
        self.temperature_box.setTitle(self.tr("Temperature T"))
        self.temperature.setToolTip(self.tr("softmax(x / T): T > 1 flattens the bars, "
                                            "T < 1 sharpens them towards the largest logit"))
        name_pair(self.temperature, self.tr("Temperature T"))
        for button, text, tip in (
                (self.example_button, self.tr("Post 004's logits"),
                 self.tr("Logits 4.8, 1.21, 2.385 from post 004 (softmax ≈ 0.895, 0.025, "
                         "0.080)")),
                (self.huge_button, self.tr("Huge logits"),
                 self.tr("Logits 1000, 1001, 1002: e^1000 is too big for a float"))):
            set_texts(button, text, tip)
        set_texts(self.naive_check, self.tr("Also show the naive formula e^x / Σ e^x"), self.tr(
            "Compute softmax without subtracting the largest logit first, and draw it beside "
            "the safe version"))
        self.explanation.setText(self.tr(
            "Softmax turns scores into probabilities: p_i = e^(x_i − max) / Σ e^(x_j − max). "
            "Subtracting the largest logit changes nothing mathematically but keeps every "
            "exponent ≤ 0, so nothing overflows. Adding the same number to every logit "
            "leaves p unchanged; multiplying them (or dividing by T) does not."))
        name_plot(self.plot, self.tr("Probabilities softmax(x / T)"), self.tr(
            "Bars of the probabilities softmax gives each logit, and the naive formula's "
            "beside them when it is shown"), left=self.tr("probability"))
        self.fill_legend()
        self.table.setVerticalHeaderLabels([self.tr("logit x"), self.tr("z = x / T"),
                                            self.tr("softmax p"), self.tr("naive p")])
        self.table.setToolTip(self.tr("The numbers behind the bars"))
        self.table.setAccessibleName(self.tr("Softmax numbers"))
        self.refresh()

    # --- building ---------------------------------------------------------------

    def _build_controls(self) -> QWidget:
        panel, column = control_column(self, LEFT_WIDTH)

        panel.setObjectName("softmaxControls")
        box = self.logits_box = QGroupBox(panel)
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        self.count_label = QLabel(box)
        grid.addWidget(self.count_label, 0, 0)
        self.count_spin = QSpinBox(box)
        self.count_spin.setObjectName("logitCountSpin")
        self.count_spin.setRange(MIN_LOGITS, MAX_LOGITS)
        self.count_label.setBuddy(self.count_spin)
        self.count_spin.valueChanged.connect(self._on_count_spin_changed)
        grid.addWidget(self.count_spin, 0, 1)
        self.logit_spins: list[QDoubleSpinBox] = []
        self.logit_labels: list[QLabel] = []
        for index in range(MAX_LOGITS):
            label = QLabel(logit_name(index), box)
            spin = float_spin(box, f"logit_{index}_spin", "", (-LOGIT_LIMIT, LOGIT_LIMIT),
                              decimals=3, step=0.1)
            spin.setAccelerated(True)
            spin.valueChanged.connect(lambda v, i=index: self._on_logit_spin_changed(i, v))
            grid.addWidget(label, index + 1, 0)
            grid.addWidget(spin, index + 1, 1)
            self.logit_spins.append(spin)
            self.logit_labels.append(label)
        column.addWidget(box)

        temperature_box = self.temperature_box = QGroupBox(panel)
        temperature_row = QVBoxLayout(temperature_box)
        self.temperature = ParamSlider("temperature", TEMPERATURE_MIN, TEMPERATURE_MAX,
                                       step=0.05, decimals=2, value=self.state.temperature,
                                       parent=temperature_box)
        self.temperature.spin.setObjectName("temperatureSpin")
        self.temperature.slider.setObjectName("temperatureSlider")
        self.temperature.valueChanged.connect(self._on_temperature_changed)
        temperature_row.addWidget(self.temperature)
        column.addWidget(temperature_box)

        buttons = QHBoxLayout()
        self.example_button = push_button("", panel, "softmaxExampleButton", "",
                                          lambda: self.state.set_logits(list(POST_EXAMPLE)))
        self.huge_button = push_button("", panel, "softmaxHugeButton", "",
                                       self._on_huge_clicked)
        buttons.addWidget(self.example_button)
        buttons.addWidget(self.huge_button)
        column.addLayout(buttons)

        self.naive_check = check_box("", panel, "softmaxNaiveCheck", "",
                                     self._on_naive_check_toggled)
        column.addWidget(self.naive_check)

        self.explanation = explanation_label("", panel, "softmaxExplanation")
        column.addWidget(self.explanation)
        column.addStretch(1)
        return panel

    def _build_results(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.plot = make_plot("softmaxPlot", " ", "", " ", self)
        self.plot.setMouseEnabled(x=False, y=False)
        legend = self.plot.getPlotItem().addLegend(offset=(-8, 8), labelTextSize="9pt")
        self.bars = pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH,
                                    brush=SHIFTED_COLOUR, pen=pg.mkPen(None))
        self.naive_bars = pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH,
                                          brush=NAIVE_COLOUR, pen=pg.mkPen(None))
        self.plot.addItem(self.bars)
        self.plot.addItem(self.naive_bars)
        self.legend = legend
        self.bar_texts = [self._text_item(SHIFTED_COLOUR) for _ in range(MAX_LOGITS)]
        self.naive_texts = [self._text_item(NAIVE_COLOUR) for _ in range(MAX_LOGITS)]
        column.addWidget(self.plot, 1)

        self.table = QTableWidget(4, MAX_LOGITS, self)
        self.table.setObjectName("softmaxTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + 4 * self.table.verticalHeader().defaultSectionSize() + 4)
        column.addWidget(self.table)

        self.sum_label = QLabel(self)
        self.sum_label.setObjectName("softmaxSumLabel")
        column.addWidget(self.sum_label)
        self.naive_label = QLabel(self)
        self.naive_label.setObjectName("softmaxNaiveLabel")
        self.naive_label.setWordWrap(True)
        self.naive_label.setMinimumHeight(3 * self.naive_label.fontMetrics().lineSpacing())
        self.naive_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.naive_label)
        return column

    def _text_item(self, colour: str) -> pg.TextItem:
        item = pg.TextItem(color=colour, anchor=(0.5, 1.0))
        self.plot.addItem(item, ignoreBounds=True)
        return item

    # --- user input -------------------------------------------------------------

    def _on_count_spin_changed(self, count: int) -> None:
        self.state.set_logit_count(count)

    def _on_logit_spin_changed(self, index: int, value: float) -> None:
        self.state.set_logit(index, value)

    def _on_temperature_changed(self, value: float) -> None:
        self.state.set_temperature(value)

    def _on_naive_check_toggled(self, on: bool) -> None:
        self.state.set_naive(on)

    def _on_huge_clicked(self) -> None:
        """Huge logits are there to show the overflow, so show the naive formula too."""
        self.state.set_logits(list(HUGE_LOGITS))
        self.state.set_naive(True)

    # --- the view -----------------------------------------------------------------

    def refresh(self) -> None:
        self._mirror_controls()
        count = self.state.logit_count
        self.probabilities = self.state.probabilities()
        self.naive_probabilities = self.state.naive_probabilities()
        shown = np.arange(count, dtype=float)
        offset = BAR_WIDTH / 2 if self.state.naive else 0.0
        self.bars.setOpts(x=shown - offset, height=self.probabilities)
        self._label_bars(self.bar_texts, shown - offset, self.probabilities, True)
        naive_heights = np.where(np.isfinite(self.naive_probabilities),
                                 self.naive_probabilities, 0.0)
        self.naive_bars.setOpts(x=shown + offset, height=naive_heights)
        self.naive_bars.setVisible(self.state.naive)
        self._label_bars(self.naive_texts, shown + offset, self.naive_probabilities,
                         self.state.naive)
        self._show_naive_legend(self.state.naive)
        ticks = [(i, f"{logit_name(i)} = {v:g}") for i, v in enumerate(self.state.visible_logits())]
        self.plot.getPlotItem().getAxis("bottom").setTicks([ticks])
        fix_range(self.plot, (-0.6, count - 0.4), (0.0, 1.12))
        self._fill_table()
        self.sum_label.setText(self.tr("Σ p = {0} (max-shifted)").format(
            f"{float(np.sum(self.probabilities)):.12f}"))
        self.naive_label.setText(self._naive_text())
        failed = self.state.naive and self.state.naive_problem() is not None
        self.naive_label.setStyleSheet(f"color: {NEGATIVE_COLOUR};" if failed else "")

    def _mirror_controls(self) -> None:
        count = self.state.logit_count
        with signals_blocked(self.count_spin, self.naive_check, *self.logit_spins):
            self.count_spin.setValue(count)
            self.naive_check.setChecked(self.state.naive)
            for index, spin in enumerate(self.logit_spins):
                spin.setValue(self.state.logits[index])
                spin.setVisible(index < count)
                self.logit_labels[index].setVisible(index < count)
        self.temperature.setValue(self.state.temperature)

    def _label_bars(self, items: list[pg.TextItem], xs: np.ndarray, values: np.ndarray,
                    visible: bool) -> None:
        for index, item in enumerate(items):
            shown = visible and index < len(values)
            item.setVisible(shown)
            if shown:
                value = float(values[index])
                item.setText(f"{value:.3f}" if math.isfinite(value) else _fmt(value))
                item.setPos(float(xs[index]), value if math.isfinite(value) else 0.0)

    def fill_legend(self) -> None:
        """Legend labels take the theme's colour only when they are made."""
        self.legend.clear()
        self.legend.addItem(self.bars, self.tr("max-shifted (safe)"))
        self._show_naive_legend(self.state.naive)

    def _show_naive_legend(self, on: bool) -> None:
        listed = any(sample.item is self.naive_bars for sample, _ in self.legend.items)
        if on and not listed:
            self.legend.addItem(self.naive_bars, self.tr("naive e^x / Σ e^x"))
        elif not on and listed:
            self.legend.removeItem(self.naive_bars)

    def _fill_table(self) -> None:
        count = self.state.logit_count
        if self.table.columnCount() != count:
            self.table.setColumnCount(count)
            self.table.setHorizontalHeaderLabels([logit_name(i) for i in range(count)])
        rows = (self.state.visible_logits(), self.state.scaled_logits(), self.probabilities,
                self.naive_probabilities if self.state.naive else [None] * count)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self._cell(row, column).setText("—" if value is None else _fmt(float(value)))

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, column, item)
        return item

    def _naive_text(self) -> str:
        if not self.state.naive:
            return self.tr("Tick “naive formula” to compare with e^x / Σ e^x computed without "
                           "subtracting the largest logit — try the huge logits.")
        problem = self.state.naive_problem()
        result = "[" + ", ".join(_fmt(float(p)) for p in self.naive_probabilities) + "]"
        largest = f"{float(np.max(self.state.scaled_logits())):g}"
        if problem == "overflow":
            return self.tr(
                "Overflow! The naive formula gives {0}: e^{1} is larger than the largest "
                "float64 (≈ 1.8·10³⁰⁸ = e^{2}), so Σ e^z = inf and inf / inf = NaN. The "
                "max-shifted softmax computes e^(z − {1}) instead: every exponent is ≤ 0 and "
                "the result is exact.").format(result, largest, f"{EXP_OVERFLOW_AT:.2f}")
        if problem == "underflow":
            return self.tr(
                "Underflow! The naive formula gives {0}: every e^z is below the smallest "
                "float64, so Σ e^z = 0 and 0 / 0 = NaN. The max-shifted softmax makes the "
                "largest term e^0 = 1, so the sum is never 0.").format(result)
        return self.tr("The naive formula agrees here ({0}): every e^z fits in a float64. "
                       "It breaks once a logit / T passes ≈ {1}.").format(
            result, f"{EXP_OVERFLOW_AT:.0f}")
