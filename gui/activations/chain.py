"""The activations tab's vanishing-gradient demo.

A chain of N layers a_k = f(a_{k−1}); the plot shows, on a log axis, how much
of the gradient reaches the input after k layers for sigmoid and for ReLU.
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
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from engine.activations import ACTIVATIONS
from gui.activations.functions import curve_colour
from gui.activations.model import (
    CHAIN_INPUT_LIMIT,
    CHAIN_KEYS,
    CHAIN_MAX,
    CHAIN_MIN,
    ActivationsModel,
)
from gui.activations.page import ActivationsPage
from gui.common.plotting import fix_range, make_plot, name_plot
from gui.common.widgets import control_column, explanation_label, signals_blocked
from gui.i18n import engine_text

LEFT_WIDTH = 330
SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _fmt(value: float) -> str:
    return f"{value:.3g}"


def power_of_ten(exponent: int) -> str:
    """10 to a whole power, as 10ⁿ: 10⁰, 10⁻⁵."""
    return "10" + str(exponent).translate(SUPERSCRIPTS)


def log_tick_string(log_value: float) -> str:
    """One notation for every tick of a log axis: 10ⁿ at whole powers,
    m·10ⁿ between them (pyqtgraph's own mixes "0.0001" and "1e-05")."""
    exponent = math.floor(log_value + 1e-9)
    mantissa = round(10 ** (log_value - exponent), 6)
    if mantissa >= 10:  # rounding reached the next power
        exponent, mantissa = exponent + 1, 1.0
    if mantissa == 1:
        return power_of_ten(exponent)
    return f"{mantissa:g}·{power_of_ten(exponent)}"


class PowerOfTenAxis(pg.AxisItem):
    """A log axis labelled 10ⁿ throughout."""

    def logTickStrings(self, values, scale, spacing):
        return [log_tick_string(v + math.log10(scale)) for v in values]


class ChainDemo(ActivationsPage):
    def __init__(self, state: ActivationsModel, parent: QWidget | None = None):
        super().__init__(state, "chainPage", parent)
        self.chain_curves: dict[str, pg.PlotDataItem] = {}

        layout = QGridLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setHorizontalSpacing(8)
        layout.addWidget(self._build_controls(), 0, 0)
        layout.addLayout(self._build_plot(), 0, 1)
        layout.setColumnStretch(1, 1)
        state.chainChanged.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("Chain of layers"))
        self.length_slider.setToolTip(self.tr("Number of layers N the gradient flows back "
                                              "through"))
        self.length_slider.setAccessibleName(self.tr("Number of layers N"))
        self.input_spin.setToolTip(self.tr("The input a₀ = x of the first layer; try x ≤ 0 to "
                                           "see a dead ReLU pass no gradient at all"))
        self.input_spin.setAccessibleName(self.tr("Input x of the first layer"))
        self.input_label.setText(self.tr("Input x"))
        self.explanation.setText(self.tr(
            "Each layer computes aₖ = f(aₖ₋₁) (weight 1, bias 0). By the chain rule the "
            "gradient that reaches the input is the product f′(a₀)·f′(a₁)·…·f′(a_(N−1)).\n\n"
            "Sigmoid's f′ is at most 0.25, so the product shrinks at least 4× per layer: "
            "in a deep sigmoid network the first layers hardly learn (vanishing gradient).\n\n"
            "ReLU's f′ is exactly 1 for positive inputs, so the gradient passes unchanged — "
            "one reason ReLU replaced sigmoid in hidden layers."))
        name_plot(self.plot, self.tr("Gradient reaching the input (log scale)"), self.tr(
            "On a log scale, the share of the output's gradient that reaches the input after "
            "k layers, for sigmoid and for ReLU"), bottom=self.tr("layers k"))
        self.fill_legend()
        self.refresh()

    def fill_legend(self) -> None:
        """Legend labels take the theme's colour only when they are made."""
        legend = self.plot.getPlotItem().legend
        legend.clear()
        for key, curve in self.chain_curves.items():
            legend.addItem(curve, engine_text(ACTIVATIONS[key].label))

    def _build_controls(self) -> QWidget:
        panel, column = control_column(self, LEFT_WIDTH)
        panel.setObjectName("chainControls")
        box = self.box = QGroupBox(panel)
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)

        self.length_label = QLabel(box)
        self.length_label.setObjectName("chainLengthLabel")
        self.length_slider = QSlider(Qt.Orientation.Horizontal, box)
        self.length_slider.setObjectName("chainLengthSlider")
        self.length_slider.setRange(CHAIN_MIN, CHAIN_MAX)
        self.length_slider.valueChanged.connect(self._on_length_slider_changed)
        grid.addWidget(self.length_label, 0, 0)
        grid.addWidget(self.length_slider, 0, 1)

        self.input_spin = QDoubleSpinBox(box)
        self.input_spin.setObjectName("chainInputSpin")
        self.input_spin.setRange(-CHAIN_INPUT_LIMIT, CHAIN_INPUT_LIMIT)
        self.input_spin.setDecimals(2)
        self.input_spin.setSingleStep(0.1)
        self.input_spin.valueChanged.connect(self._on_input_spin_changed)
        self.input_label = QLabel(box)
        self.input_label.setBuddy(self.input_spin)
        grid.addWidget(self.input_label, 1, 0)
        grid.addWidget(self.input_spin, 1, 1)
        column.addWidget(box)

        self.explanation = explanation_label("", panel, "chainExplanation")
        column.addWidget(self.explanation)
        column.addStretch(1)
        return panel

    def _build_plot(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.plot = make_plot("chainPlot", " ", " ", "∂aₖ/∂x", self)
        self.plot.getPlotItem().setAxisItems({"left": PowerOfTenAxis("left")})
        self.plot.setLabel("left", "∂aₖ/∂x")
        self.plot.setLogMode(x=False, y=True)
        # No grid: redrawn over a log axis whose range follows the slider, it cost
        # 16 of the 28 ms of a drag frame; the decade labels and dots read well alone.
        self.plot.getPlotItem().showGrid(x=False, y=False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.getPlotItem().addLegend(offset=(-8, -8), labelTextSize="9pt")
        for key in CHAIN_KEYS:
            colour = curve_colour(key)
            curve = pg.PlotDataItem(pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=5,
                                    symbolBrush=colour, symbolPen=None)
            self.plot.addItem(curve)
            self.chain_curves[key] = curve
        column.addWidget(self.plot, 1)
        self.summary = QLabel(self)
        self.summary.setObjectName("chainSummaryLabel")
        self.summary.setWordWrap(True)
        column.addWidget(self.summary)
        return column

    def _on_length_slider_changed(self, n: int) -> None:
        self.state.set_chain_length(n)

    def _on_input_spin_changed(self, x: float) -> None:
        self.state.set_chain_input(x)

    def refresh(self) -> None:
        n = self.state.chain_length
        with signals_blocked(self.length_slider, self.input_spin):
            self.length_slider.setValue(n)
            self.input_spin.setValue(self.state.chain_input)
        self.length_label.setText(self.tr("Layers N = {0}").format(n))
        layers = np.arange(1, n + 1)
        products = {key: self.state.chain(key) for key in CHAIN_KEYS}
        for key, values in products.items():
            self.chain_curves[key].setData(layers, values)
        positive = [v for values in products.values() for v in values if v > 0]
        bottom = math.floor(math.log10(min(positive))) - 0.5 if positive else -1.0
        fix_range(self.plot, (0.5, n + 0.5), (min(bottom, -1.0), 0.5))
        self.summary.setText(self._summary(n, products))

    def _summary(self, n: int, products: dict[str, np.ndarray]) -> str:
        sigmoid, relu = float(products["sigmoid"][-1]), float(products["relu"][-1])
        text = self.tr("After N = {0} layers the input receives {1} × the output's gradient "
                       "with sigmoid, {2} × with ReLU.").format(n, _fmt(sigmoid), _fmt(relu))
        if relu == 0.0:
            text += " " + self.tr("ReLU passes nothing: for inputs ≤ 0 its derivative is 0 "
                                  "(a dead neuron), and 0 cannot be drawn on a log axis.")
        return text
