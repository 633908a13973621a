"""The activations tab's first page: every activation and its derivative.

Left: a check box per function and the parameter controls. Centre: f(x)
above f′(x), with a crosshair. Right: the values under the crosshair and the
selected function's formula, range, pros and cons.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from engine.activations import ACTIVATIONS
from gui.activations.model import X_RANGES, ActivationsModel
from gui.activations.page import ActivationsPage
from gui.common.plotting import (
    PALETTE,
    TARGET_COLOUR,
    cache_axes,
    fix_range,
    make_plot,
    name_plot,
    plot_theme,
)
from gui.common.widgets import (
    ParamSlider,
    control_column,
    explanation_label,
    name_pair,
    push_button,
    scrolling_column,
    set_texts,
    signals_blocked,
)
from gui.i18n import engine_text

# The three functions shown at start get the three strongest colours; the
# palette's yellow is too faint on white, so it is left out.
CURVE_COLOURS = {
    "step": None,  # the plot's foreground colour, so it shows on light and dark
    "linear": TARGET_COLOUR, "sigmoid": PALETTE[0], "tanh": PALETTE[1], "relu": PALETTE[2],
    "leaky_relu": PALETTE[3], "prelu": PALETTE[4], "rrelu": PALETTE[8],
    "noisy_relu": PALETTE[5], "elu": PALETTE[9], "gelu": PALETTE[10],
}
# f-plot y ranges per x range: the whole positive branch of ReLU stays in view.
Y_RANGES = {1: (-1.25, 1.25), 5: (-1.5, 5.0), 10: (-2.5, 10.0), 100: (-20.0, 100.0)}
DERIVATIVE_Y_RANGE = (-0.25, 1.3)  # grows when a parameter pushes f′ higher (ELU α > 1)
AXIS_WIDTH = 48  # both plots' y axes equally wide, so their x axes line up
RANDOM_DOT_SIZE = 3
LEFT_WIDTH = 330
RIGHT_WIDTH = 290


def curve_colour(key: str) -> str:
    return CURVE_COLOURS[key] or plot_theme().foreground


def _swatch(colour: str) -> QIcon:
    """A short thick line in the curve's colour, as the check box's legend."""
    pixmap = QPixmap(22, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(colour), 3))
    painter.drawLine(2, 6, 20, 6)
    painter.end()
    return QIcon(pixmap)


def _fix_size(label: QLabel, widest: str) -> None:
    """Room for any number ``_fmt`` writes, at a fixed size: a new text then
    repaints the label alone. (A label that may change size asks the whole tab
    to lay out again, which repainted both plots on every mouse move.)"""
    metrics = label.fontMetrics()
    label.setFixedSize(metrics.horizontalAdvance(widest), metrics.height())


def _fmt(value: float) -> str:
    return f"{value:.4g}"


class FunctionsPage(ActivationsPage):
    def __init__(self, state: ActivationsModel, parent: QWidget | None = None):
        super().__init__(state, "activationFunctionsPage", parent)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.derivative_curves: dict[str, pg.PlotDataItem] = {}
        self.checks: dict[str, QCheckBox] = {}
        self.params: dict[tuple[str, str], ParamSlider] = {}
        self._all_curves: dict[str, pg.PlotDataItem] = {}
        self._all_derivatives: dict[str, pg.PlotDataItem] = {}
        self._derivative_top: dict[str, float] = {}
        self._random_style: dict[str, bool] = {}
        self._crosshair_x: float | None = None
        self._derivative_range: tuple | None = None

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(8)
        layout.addWidget(scrolling_column(self._build_controls(), self))
        layout.addLayout(self._build_plots(), 1)
        layout.addWidget(self._build_side())

        state.checkedChanged.connect(self._on_state_checked_changed)
        state.curveChanged.connect(self._on_state_curve_changed)
        state.rangeChanged.connect(self._on_state_range_changed)
        state.selectedChanged.connect(self._on_state_selected_changed)
        self._on_state_range_changed()
        for key in ACTIVATIONS:
            self._mirror_params(key)
            self._on_state_checked_changed(key, state.is_checked(key))
        self._on_state_selected_changed(state.selected)
        self.retranslate()

    # --- texts and colours -------------------------------------------------------

    def retranslate(self) -> None:
        self.checks_box.setTitle(self.tr("Functions"))
        for key, check in self.checks.items():
            label = engine_text(ACTIVATIONS[key].label)
            check.setText(label)
            check.setAccessibleName(self.tr("Show {0}").format(label))
            check.setToolTip(self.tr("Draw {0} and its derivative; its colour is shown "
                                     "beside the name").format(label))
        self.params_box.setTitle(self.tr("Parameters"))
        for (key, name), (label, tip) in self._param_texts().items():
            self.param_labels[(key, name)].setText(label)
            self.params[(key, name)].setToolTip(tip)
            name_pair(self.params[(key, name)], tip)
        set_texts(self.rrelu_training, self.tr("training"), self.tr(
            "Training: every x gets its own random slope a ~ U(l, u). "
            "Evaluation (unticked): the mean slope (l + u) / 2"),
            self.tr("RReLU in training mode"))
        for button, tip in ((self.rrelu_resample, self.tr("Draw new random slopes for RReLU")),
                            (self.noisy_resample, self.tr("Draw new noise Y for Noisy ReLU"))):
            set_texts(button, self.tr("Resample"), tip, tip)
        self.gelu_label.setText(engine_text(ACTIVATIONS["gelu"].label))
        texts = {"none": self.tr("exact: x·Φ(x) with erf"), "tanh": self.tr("tanh approximation")}
        for index in range(self.gelu_combo.count()):
            self.gelu_combo.setItemText(index, texts[self.gelu_combo.itemData(index)])
        set_texts(self.gelu_combo, tip=self.tr(
            "GELU computed exactly with erf, or with the tanh formula GPT-2 uses "
            "(they differ by < 0.001)"), name=self.tr("GELU formula"))
        self.view_box.setTitle(self.tr("View"))
        self.x_range_label.setText(self.tr("x range"))
        set_texts(self.x_range_combo, tip=self.tr(
            "The x interval drawn; post 002 prints sigmoid on −100 … 100 and tanh on −1 … 1"),
            name=self.tr("x range"))
        self.note.setText(self.tr(
            "f′ is what backpropagation multiplies the gradient by. Where it is 0 (step "
            "everywhere, ReLU for x < 0) nothing is learned; where it is tiny (the flat tails "
            "of sigmoid and tanh) learning crawls. Hover over a plot to read the numbers."))
        name_plot(self.plot, self.tr("Activation f(x)"), self.tr(
            "The shown activation functions f(x), one coloured curve each"))
        name_plot(self.derivative_plot, self.tr("Derivative f′(x)"), self.tr(
            "The derivatives f′(x) of the shown activation functions"))
        for plot in (self.plot, self.derivative_plot):
            plot.setToolTip(self.tr("Hover to read f(x) and f′(x) at the cursor"))
        self.cursor_box.setTitle(self.tr("At the cursor"))
        self.crosshair_hint.setText(self.tr("Move the mouse over a plot to read f(x) "
                                            "and f′(x) of every shown function."))
        self.info_box.setTitle(self.tr("About"))
        for index in range(self.info_combo.count()):
            key = self.info_combo.itemData(index)
            self.info_combo.setItemText(index, engine_text(ACTIVATIONS[key].label))
        set_texts(self.info_combo, tip=self.tr(
            "The function described below; ticking a function or moving its parameter "
            "selects it too"), name=self.tr("Function described"))
        self.info.setAccessibleName(self.tr("About the function"))
        self._sort_shown()  # the legend's names
        self._name_readout_rows()
        self._show_info(self.state.selected)

    def restyle(self) -> None:
        """The step curve is drawn in the plots' foreground colour."""
        self.checks["step"].setIcon(_swatch(curve_colour("step")))
        self._random_style.pop("step", None)
        self._style_curve("step")
        self._name_readout_rows()
        self._update_crosshair()
        self._show_info(self.state.selected)

    # --- building ---------------------------------------------------------------

    def _build_controls(self) -> QWidget:
        panel, column = control_column(self, LEFT_WIDTH)
        panel.setObjectName("activationControls")
        column.addWidget(self._build_checks(panel))
        column.addWidget(self._build_params(panel))
        column.addWidget(self._build_view(panel))
        self.note = explanation_label("", panel, "activationsExplanation")
        column.addWidget(self.note)
        column.addStretch(1)
        return panel

    def _build_checks(self, parent: QWidget) -> QGroupBox:
        box = self.checks_box = QGroupBox(parent)
        grid = QGridLayout(box)
        grid.setVerticalSpacing(2)
        half = (len(ACTIVATIONS) + 1) // 2
        for index, key in enumerate(ACTIVATIONS):
            check = QCheckBox(box)
            check.setObjectName(f"act_{key}_check")
            check.setIcon(_swatch(curve_colour(key)))
            check.toggled.connect(lambda on, k=key: self._on_check_toggled(k, on))
            grid.addWidget(check, index % half, index // half)
            self.checks[key] = check
        return box

    def _build_params(self, parent: QWidget) -> QGroupBox:
        box = self.params_box = QGroupBox(parent)
        grid = QGridLayout(box)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        self.param_labels: dict[tuple[str, str], QLabel] = {}
        row = 0
        for key, act in ACTIVATIONS.items():
            for name, spec in act.params.items():
                pair = ParamSlider(f"param_{key}_{name}", spec.min, spec.max, step=0.01,
                                   decimals=3, value=self.state.params[key][name], parent=box)
                pair.valueChanged.connect(lambda v, k=key, n=name: self._on_param_changed(k, n, v))
                label = QLabel(box)
                label.setBuddy(pair.spin)
                grid.addWidget(label, row, 0)
                grid.addWidget(pair, row, 1)
                self.params[(key, name)] = pair
                self.param_labels[(key, name)] = label
                row += 1
            if key == "rrelu":
                grid.addLayout(self._build_rrelu_row(box), row, 1)
                row += 1
            elif key == "noisy_relu":
                self.noisy_resample = push_button("", box, "noisyReluResampleButton",
                                                  on_click=lambda: self.state.resample(
                                                      "noisy_relu"))
                grid.addWidget(self.noisy_resample, row, 1, Qt.AlignmentFlag.AlignLeft)
                row += 1
        self.gelu_label = QLabel(box)
        grid.addWidget(self.gelu_label, row, 0)
        grid.addWidget(self._build_gelu_combo(box), row, 1)
        return box

    def _param_texts(self) -> dict[tuple[str, str], tuple[str, str]]:
        """Label and tooltip of every numeric parameter, in the posts' symbols."""
        return {
            ("leaky_relu", "alpha"): (self.tr("Leaky α"),
                                      self.tr("Leaky ReLU: slope α for x < 0")),
            ("prelu", "alpha"): (self.tr("PReLU a"),
                                 self.tr("PReLU: slope a for x < 0 (learned in a network)")),
            ("rrelu", "lower"): (self.tr("RReLU l"),
                                 self.tr("RReLU: lower bound l of the random slope")),
            ("rrelu", "upper"): (self.tr("RReLU u"),
                                 self.tr("RReLU: upper bound u of the random slope")),
            ("noisy_relu", "sigma"): (self.tr("Noisy σ"),
                                      self.tr("Noisy ReLU: standard deviation σ of the noise Y")),
            ("elu", "alpha"): (self.tr("ELU α"),
                               self.tr("ELU: α sets the floor −α that f approaches for x → −∞")),
        }

    def _build_rrelu_row(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.rrelu_training = QCheckBox(parent)
        self.rrelu_training.setObjectName("param_rrelu_training_check")
        self.rrelu_training.toggled.connect(self._on_rrelu_training_toggled)
        self.rrelu_resample = push_button("", parent, "rreluResampleButton",
                                          on_click=lambda: self.state.resample("rrelu"))
        row.addWidget(self.rrelu_training)
        row.addWidget(self.rrelu_resample)
        row.addStretch(1)
        return row

    def _build_gelu_combo(self, parent: QWidget) -> QComboBox:
        self.gelu_combo = QComboBox(parent)
        self.gelu_combo.setObjectName("param_gelu_approximate_combo")
        for value in ACTIVATIONS["gelu"].options["approximate"]:
            self.gelu_combo.addItem("", value)
        self.gelu_combo.currentIndexChanged.connect(self._on_gelu_combo_changed)
        return self.gelu_combo

    def _build_view(self, parent: QWidget) -> QGroupBox:
        box = self.view_box = QGroupBox(parent)
        row = QHBoxLayout(box)
        self.x_range_label = QLabel(box)
        row.addWidget(self.x_range_label)
        self.x_range_combo = QComboBox(box)
        self.x_range_combo.setObjectName("xRangeCombo")
        self.x_range_label.setBuddy(self.x_range_combo)
        for half_width in X_RANGES:
            self.x_range_combo.addItem(f"−{half_width} … {half_width}", half_width)
        self.x_range_combo.currentIndexChanged.connect(self._on_x_range_combo_changed)
        row.addWidget(self.x_range_combo, 1)
        return box

    def _build_plots(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(4)
        # The titles are set in retranslate(); " " keeps their room from the start.
        self.plot = make_plot("activationPlot", " ", "x", "f(x)", self)
        self.derivative_plot = make_plot("derivativePlot", " ", "x", "f′(x)", self)
        # Bottom right: for x > 0 no activation is negative, so that corner stays empty.
        self.legend = self.plot.getPlotItem().addLegend(
            offset=(-6, -6), colCount=3, labelTextSize="8pt", verSpacing=-6,
            brush=plot_theme().legend_background)
        for plot in (self.plot, self.derivative_plot):
            plot.getPlotItem().getAxis("left").setWidth(AXIS_WIDTH)
            cache_axes(plot)
        for key in ACTIVATIONS:
            self._all_curves[key] = pg.PlotDataItem()
            self._all_derivatives[key] = pg.PlotDataItem()
        self._crosshair_lines = []
        self._crosshair_dots = []
        for plot in (self.plot, self.derivative_plot):
            line = pg.InfiniteLine(angle=90, movable=False,
                                   pen=pg.mkPen("#888888", style=Qt.PenStyle.DashLine))
            line.setVisible(False)
            dots = pg.ScatterPlotItem(size=7, pen=pg.mkPen(None))
            plot.addItem(line, ignoreBounds=True)
            plot.addItem(dots, ignoreBounds=True)
            dots.setZValue(10)
            self._crosshair_lines.append(line)
            self._crosshair_dots.append(dots)
            plot.scene().sigMouseMoved.connect(
                lambda pos, p=plot: self._on_plot_mouse_moved(p, pos))
            column.addWidget(plot, 1)
        return column

    def _build_readout(self, parent: QWidget) -> QWidget:
        """A row of plain-text labels per function, made once: a hover then only
        sets numbers. (One rich-text table relaid out per mouse move cost
        19 ms a frame with every function shown.)"""
        self.crosshair_readout = QWidget(parent)
        self.crosshair_readout.setObjectName("crosshairReadout")
        grid = QGridLayout(self.crosshair_readout)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(1)
        self.crosshair_label = QLabel(self.crosshair_readout)
        self.crosshair_label.setObjectName("crosshairLabel")
        _fix_size(self.crosshair_label, "x = -0.000e-00 ")
        grid.addWidget(self.crosshair_label, 0, 0)
        for column, text in ((1, "f(x)"), (2, "f′(x)")):
            grid.addWidget(self._readout_cell(text, "", bold=True), 0, column)
        self._readout_rows: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        for row, key in enumerate(ACTIVATIONS, start=1):
            name = QLabel()
            cells = (name, self._readout_cell("", f"crosshair_{key}_f"),
                     self._readout_cell("", f"crosshair_{key}_df"))
            for column, cell in enumerate(cells):
                grid.addWidget(cell, row, column)
            self._readout_rows[key] = cells
        grid.setColumnStretch(0, 1)
        self.crosshair_readout.hide()
        return self.crosshair_readout

    def _readout_cell(self, text: str, name: str, bold: bool = False) -> QLabel:
        cell = QLabel(text)
        cell.setObjectName(name)
        cell.setTextFormat(Qt.TextFormat.PlainText)
        cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold:
            font = cell.font()
            font.setBold(True)
            cell.setFont(font)
        _fix_size(cell, "-0.000e-00 ")
        return cell

    def _name_readout_rows(self) -> None:
        for key, (name, _f, _df) in self._readout_rows.items():
            name.setText(f"<span style='color:{curve_colour(key)}'>■</span> "
                         f"{html.escape(engine_text(ACTIVATIONS[key].label))}")

    def _build_side(self) -> QWidget:
        panel = QWidget(self)
        panel.setFixedWidth(RIGHT_WIDTH)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)

        cursor_box = self.cursor_box = QGroupBox(panel)
        cursor_layout = QVBoxLayout(cursor_box)
        self.crosshair_hint = QLabel(cursor_box)
        self.crosshair_hint.setObjectName("crosshairHint")
        self.crosshair_hint.setWordWrap(True)
        cursor_layout.addWidget(self.crosshair_hint)
        cursor_layout.addWidget(self._build_readout(cursor_box))
        column.addWidget(cursor_box)

        info_box = self.info_box = QGroupBox(panel)
        info_layout = QVBoxLayout(info_box)
        self.info_combo = QComboBox(info_box)
        self.info_combo.setObjectName("activationInfoCombo")
        for key in ACTIVATIONS:
            self.info_combo.addItem("", key)
        self.info_combo.currentIndexChanged.connect(self._on_info_combo_changed)
        self.info = QTextBrowser(info_box)
        self.info.setObjectName("activationInfo")
        self.info.setOpenLinks(False)
        self.info.setTabChangesFocus(True)  # read-only text: Tab moves on, it is not typed
        info_layout.addWidget(self.info_combo)
        info_layout.addWidget(self.info, 1)
        column.addWidget(info_box, 1)
        return panel

    # --- user input -------------------------------------------------------------

    def _on_check_toggled(self, key: str, on: bool) -> None:
        self.state.set_checked(key, on)

    def _on_param_changed(self, key: str, name: str, value: float) -> None:
        self.state.set_param(key, name, value)

    def _on_rrelu_training_toggled(self, on: bool) -> None:
        self.state.set_param("rrelu", "training", on)

    def _on_gelu_combo_changed(self, index: int) -> None:
        self.state.set_param("gelu", "approximate", self.gelu_combo.itemData(index))

    def _on_x_range_combo_changed(self, index: int) -> None:
        self.state.set_x_range(self.x_range_combo.itemData(index))

    def _on_info_combo_changed(self, index: int) -> None:
        self.state.select(self.info_combo.itemData(index))

    def _on_plot_mouse_moved(self, plot: pg.PlotWidget, pos: QPointF) -> None:
        view = plot.getPlotItem().getViewBox()
        if view.sceneBoundingRect().contains(pos):
            self.set_crosshair(view.mapSceneToView(pos).x())

    # --- views of the state -----------------------------------------------------

    def _on_state_checked_changed(self, key: str, on: bool) -> None:
        with signals_blocked(self.checks[key]):
            self.checks[key].setChecked(on)
        for plot, shown, item in ((self.plot, self.curves, self._all_curves[key]),
                                  (self.derivative_plot, self.derivative_curves,
                                   self._all_derivatives[key])):
            if on and key not in shown:
                plot.addItem(item)
                shown[key] = item
            elif not on and key in shown:
                plot.removeItem(item)
                del shown[key]
        self._sort_shown()
        for cell in self._readout_rows[key]:
            cell.setVisible(on)
        if on:
            self._update_curve(key)
        else:
            self._derivative_top.pop(key, None)
        self._fix_derivative_range()
        self._update_crosshair()

    def _sort_shown(self) -> None:
        """Keep the dicts, the legend and the readout in catalogue order."""
        for shown in (self.curves, self.derivative_curves):
            ordered = [(k, shown[k]) for k in ACTIVATIONS if k in shown]
            shown.clear()
            shown.update(ordered)
        self.legend.clear()
        for key, item in self.curves.items():
            self.legend.addItem(item, engine_text(ACTIVATIONS[key].label))

    def _on_state_curve_changed(self, key: str) -> None:
        self._mirror_params(key)
        if key in self.curves:
            self._update_curve(key)
            self._fix_derivative_range()
            self._update_crosshair()
        if key == self.state.selected:
            self._show_info(key)

    def _on_state_range_changed(self) -> None:
        half_width = self.state.x_range
        with signals_blocked(self.x_range_combo):
            self.x_range_combo.setCurrentIndex(self.x_range_combo.findData(half_width))
        fix_range(self.plot, (-half_width, half_width), Y_RANGES[half_width])
        for key in self.curves:
            self._update_curve(key)
        self._fix_derivative_range()
        self._update_crosshair()

    def _on_state_selected_changed(self, key: str) -> None:
        with signals_blocked(self.info_combo):
            self.info_combo.setCurrentIndex(self.info_combo.findData(key))
        self._show_info(key)

    def _mirror_params(self, key: str) -> None:
        values = self.state.params[key]
        for name in ACTIVATIONS[key].params:
            self.params[(key, name)].setValue(values[name])
        if key == "rrelu":
            with signals_blocked(self.rrelu_training):
                self.rrelu_training.setChecked(values["training"])
            self.rrelu_resample.setEnabled(values["training"])
        elif key == "gelu":
            with signals_blocked(self.gelu_combo):
                self.gelu_combo.setCurrentIndex(self.gelu_combo.findData(values["approximate"]))

    def _style_curve(self, key: str) -> None:
        """Random functions are a cloud of samples, not a line: joining noisy
        neighbours would draw a solid band of vertical strokes."""
        colour = curve_colour(key)
        values = self.state.params[key]
        random = ((key == "noisy_relu" and values["sigma"] > 0)
                  or (key == "rrelu" and values["training"]))
        # Every style call rebuilds the item's points; during a drag only the data changes.
        if self._random_style.get(key) == random:
            return
        self._random_style[key] = random
        for item in (self._all_curves[key], self._all_derivatives[key]):
            if random:
                item.setPen(None)
                item.setSymbol("o")
                item.setSymbolSize(RANDOM_DOT_SIZE)
                item.setSymbolBrush(colour)
                item.setSymbolPen(None)
            else:
                item.setPen(pg.mkPen(colour, width=2))
                item.setSymbol(None)

    def _update_curve(self, key: str) -> None:
        self._style_curve(key)
        x, f, df = self.state.curve(key)
        self._all_curves[key].setData(x, f)
        self._all_derivatives[key].setData(x, df)
        self._derivative_top[key] = float(np.max(df))

    def _fix_derivative_range(self) -> None:
        half_width = self.state.x_range
        low, high = DERIVATIVE_Y_RANGE
        top = max([high, *(t + 0.1 for t in self._derivative_top.values())])
        wanted = ((-half_width, half_width), (low, top))
        if wanted != self._derivative_range:  # setting it again would redraw the axes
            self._derivative_range = wanted
            fix_range(self.derivative_plot, *wanted)

    # --- crosshair and info -------------------------------------------------------

    def set_crosshair(self, x: float) -> None:
        """Show the values of every shown function at the grid point nearest x."""
        self._crosshair_x = x
        self._update_crosshair()

    def _update_crosshair(self) -> None:
        active = self._crosshair_x is not None
        self.crosshair_hint.setVisible(not active)
        self.crosshair_readout.setVisible(active)
        if not active:
            return
        grid = self.state.x_grid()  # the curves' x, so the index reads their data
        index = int(np.argmin(np.abs(grid - self._crosshair_x)))
        x = float(grid[index])
        self.crosshair_label.setText(f"x = {_fmt(x)}")
        spots, derivative_spots = [], []
        for key in self.curves:
            _name, f_cell, df_cell = self._readout_rows[key]
            f = float(self._all_curves[key].yData[index])
            df = float(self._all_derivatives[key].yData[index])
            f_cell.setText(_fmt(f))
            df_cell.setText(_fmt(df))
            colour = curve_colour(key)
            spots.append({"pos": (x, f), "brush": colour})
            derivative_spots.append({"pos": (x, df), "brush": colour})
        for line in self._crosshair_lines:
            line.setPos(x)
            if not line.isVisible():  # setVisible(True) repaints every curve, even if shown
                line.setVisible(True)
        self._crosshair_dots[0].setData(spots)
        self._crosshair_dots[1].setData(derivative_spots)

    def _show_info(self, key: str) -> None:
        act = ACTIVATIONS[key]
        headings = {"formula": self.tr("Formula"), "derivative": self.tr("Derivative"),
                    "range": self.tr("Output range"), "now": self.tr("Now"),
                    "pros": self.tr("Pros"), "cons": self.tr("Cons")}

        def text(value: str) -> str:
            return html.escape(engine_text(value))

        def items(texts) -> str:
            return "".join(f"<li>{text(t)}</li>" for t in texts)

        values = self.state.params[key]
        texts = self._param_texts()
        settings = ", ".join(f"{texts[(key, name)][0]} = {_fmt(values[name])}"
                             for name in act.params)
        parts = [
            f"<h3 style='color:{curve_colour(key)}'>{text(act.label)}</h3>",
            f"<p><b>{headings['formula']}</b><br>{text(act.formula)}</p>",
            f"<p><b>{headings['derivative']}</b><br>{text(act.derivative_formula)}</p>",
            f"<p><b>{headings['range']}</b>: {text(act.output_range)}</p>",
        ]
        if settings:
            parts.append(f"<p><b>{headings['now']}</b>: {html.escape(settings)}</p>")
        parts += [f"<p><b>{headings['pros']}</b></p><ul>{items(act.pros)}</ul>",
                  f"<p><b>{headings['cons']}</b></p><ul>{items(act.cons)}</ul>"]
        self.info.setHtml("".join(parts))
