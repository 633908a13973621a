"""Perceptron gates (post 001): build AND, NAND and OR from two weights and a
bias, watch the decision line, and see why XOR needs two layers.

Targets: ``gateCombo`` lists AND, NAND, OR and XOR. Clicking any other of the
16 functions in the gallery adds it as a fifth entry, named after the
function (e.g. "NOR"); that entry stays until another function outside the
four replaces it, so the learner can switch back to it.

"Learn it" runs Rosenblatt's rule from w1 = w2 = b = 0 and replays it one
shown input at a time (``gui.gates.learner``).

Every text is set in ``retranslate()`` and every colour the tab picks in
``restyle()``: a language or theme switch changes them in place, and a run
that plays keeps playing.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGraphicsPolygonItem,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.perceptron import (
    GATES,
    INPUTS,
    all_boolean_functions,
    boolean_function_name,
    decision_line,
    gate_table,
    is_linearly_separable,
    positive_region,
)
from gui.common.plotting import (
    NEGATIVE_COLOUR,
    POSITIVE_COLOUR,
    cache_axes,
    colour,
    fix_range,
    make_plot,
    plot_theme,
)
from gui.common.widgets import (
    ParamSlider,
    control_column,
    explanation_label,
    int_spin,
    name_pair,
    push_button,
    scrolling_column,
    set_texts,
    signals_blocked,
    tab_row,
)
from gui.contract import TabMixin
from gui.gates.gallery import GatesGallery, bits_text
from gui.gates.learner import LEARNING_RATE, Phase
from gui.gates.model import (
    DEFAULT_HIDDEN,
    GATE_TARGETS,
    PARAMS,
    STEPS_LIMITS,
    WEIGHT_LIMIT,
    GatesModel,
)
from gui.gates.xor import XorPanel
from gui.i18n import engine_text

__all__ = ["LEARNING_RATE", "GatesTab"]

PLOT_BOX = (-0.5, 1.5, -0.5, 1.5)  # x_min, x_max, y_min, y_max always in view
COLUMNS = ("x1", "x2", "net", "output", "target", "match")
NEURON_COLOURS = {"nand": colour(1), "or": colour(2), "and": colour(4)}
SHADE_ALPHA = 55
CONTROLS_WIDTH, SIDE_WIDTH = 350, 302
TITLE_SIZE = "9pt"  # the title fits over the plot at the narrowest tab (1000 px)
# The banner's three moods, in light and in dark: (background, text, border).
BANNER_COLOURS = {
    "match": (("#d8f0dd", "#14532d", "#4caf50"), ("#1d3b26", "#c8f0d2", "#4caf50")),
    "impossible": (("#fbe3d6", "#6b2100", "#d55e00"), ("#452416", "#ffd9c4", "#d55e00")),
    "partial": (("#eef2f7", "#1f2937", "#b6c2d1"), ("#2c333d", "#e3e8ef", "#6b7785")),
}


class GatesTab(TabMixin, QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("gatesTab")
        self.state = GatesModel(self)
        self.learner = self.state.learner
        self._separable = {f: is_linearly_separable(f) for f in all_boolean_functions()}
        self._drawn_target: tuple[int, ...] | None = None

        layout = tab_row(self)
        layout.addWidget(self._build_controls())  # fits 560 px: it needs no scroll bar
        layout.addWidget(self._build_plot_column(), 1)
        layout.addWidget(scrolling_column(self._build_side_column(), self))
        self.setFocusProxy(self.gate_combo)

        self.state.changed.connect(self._refresh)
        self.state.changed.connect(self.changed)
        self.learner.ticked.connect(self._refresh_learning)
        self.learner.phaseChanged.connect(self._refresh_learning)
        self.retranslate()
        self.restyle()

    @property
    def learn_timer(self):
        """The animation's timer (tests make it fast)."""
        return self.learner.timer

    # --- building -------------------------------------------------------------

    def _build_controls(self) -> QWidget:
        column, layout = control_column(self, CONTROLS_WIDTH)
        column.setObjectName("gateControls")
        layout.setSpacing(8)

        self.target_box = QGroupBox(column)
        row = QHBoxLayout(self.target_box)
        self.gate_combo = QComboBox(self.target_box)
        self.gate_combo.setObjectName("gateCombo")
        for outputs in GATE_TARGETS.values():
            self.gate_combo.addItem("", bits_text(outputs))
        self.gate_combo.currentIndexChanged.connect(self._on_gate_combo_current_index_changed)
        self.book_button = push_button("", self.target_box, "bookWeightsButton",
                                       on_click=self._on_book_button_clicked)
        row.addWidget(self.gate_combo, 1)
        row.addWidget(self.book_button)
        layout.addWidget(self.target_box)

        self.weights_box = QGroupBox(column)
        grid = QGridLayout(self.weights_box)
        grid.setVerticalSpacing(6)
        self.weight_sliders: dict[str, ParamSlider] = {}
        for row_index, param in enumerate(PARAMS):
            slider = ParamSlider(f"gate_{param}", -WEIGHT_LIMIT, WEIGHT_LIMIT, 0.01, 2,
                                 parent=self.weights_box)
            slider.valueChanged.connect(
                lambda value, p=param: self._on_weight_value_changed(p, value))
            self.weight_sliders[param] = slider
            label = QLabel(param, self.weights_box)
            label.setMinimumWidth(22)
            grid.addWidget(label, row_index, 0)
            grid.addWidget(slider, row_index, 1)
        layout.addWidget(self.weights_box)

        layout.addWidget(self._build_truth_table(column))

        self.banner = QLabel(column)
        self.banner.setObjectName("gateBanner")
        self.banner.setWordWrap(True)
        self.banner.setMargin(8)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.banner)

        learn_row = QHBoxLayout()
        self.learn_button = push_button("", column, "learnButton",
                                        on_click=self._on_learn_button_clicked)
        self.steps_label = QLabel(column)
        self.steps_spin = int_spin(column, "learnStepsSpin", "", STEPS_LIMITS)
        self.steps_spin.valueChanged.connect(self._on_steps_spin_value_changed)
        self.steps_label.setBuddy(self.steps_spin)
        learn_row.addWidget(self.learn_button)
        learn_row.addStretch(1)
        learn_row.addWidget(self.steps_label)
        learn_row.addWidget(self.steps_spin)
        layout.addLayout(learn_row)
        self.learn_status = QLabel(column)
        self.learn_status.setObjectName("learnStatus")
        self.learn_status.setWordWrap(True)
        self.learn_status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.learn_status, 1)
        return column

    def _build_truth_table(self, parent: QWidget) -> QTableWidget:
        table = QTableWidget(4, len(COLUMNS), parent)
        table.setObjectName("truthTable")
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setTabKeyNavigation(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for row in range(4):
            for column in range(len(COLUMNS)):
                item = QTableWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, item)
            table.item(row, 0).setText(str(INPUTS[row][0]))
            table.item(row, 1).setText(str(INPUTS[row][1]))
        self.truth_table = table
        return table

    def _build_plot_column(self) -> QWidget:
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plot = make_plot("gatePlot", " ", "x1", "x2")
        # Equal scales keep the line's angle true; the view then grows along
        # one axis to fill the widget, so the geometry is clipped to the view
        # actually shown (redrawn when it changes), not to PLOT_BOX.
        self.plot.setAspectLocked(True)
        fix_range(self.plot, PLOT_BOX[:2], PLOT_BOX[2:])
        self.plot.setMouseEnabled(x=False, y=False)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setTickSpacing(0.5, 0.1)
        cache_axes(self.plot)

        self.region_item = QGraphicsPolygonItem()
        shade = QColor(POSITIVE_COLOUR)
        shade.setAlpha(SHADE_ALPHA)
        self.region_item.setBrush(QBrush(shade))
        self.region_item.setPen(QPen(Qt.PenStyle.NoPen))
        self.region_item.setZValue(-10)
        self.plot.addItem(self.region_item)

        self.hidden_lines = {
            neuron: self.plot.plot(pen=pg.mkPen(NEURON_COLOURS[neuron], width=2.5,
                                                style=Qt.PenStyle.DashLine))
            for neuron in ("nand", "or")}
        for item in self.hidden_lines.values():
            item.setZValue(1)  # dashed over the solid line: both stay visible if they meet
        self.line_item = self.plot.plot()  # pens follow the theme: see restyle()
        self.points_item = pg.ScatterPlotItem(size=22)
        self.plot.addItem(self.points_item)
        self.presented_item = pg.ScatterPlotItem(size=40, symbol="o", brush=None,
                                                 pen=pg.mkPen(colour(4), width=3))
        self.plot.addItem(self.presented_item)
        self.input_labels: list[pg.TextItem] = []
        for x1, x2 in INPUTS:
            text = pg.TextItem(f"({x1}, {x2})", anchor=(0.0 if x1 else 1.0, 1.0 if x2 else 0.0))
            text.setPos(x1 + (0.08 if x1 else -0.08), x2 + (0.08 if x2 else -0.08))
            self.plot.addItem(text)
            self.input_labels.append(text)
        self.plot.getViewBox().sigRangeChanged.connect(self._on_plot_range_changed)
        layout.addWidget(self.plot, 1)

        self.caption = QLabel(column)
        self.caption.setObjectName("gateCaption")
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.note = QLabel(column)
        self.note.setObjectName("gateNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        return column

    def _build_side_column(self) -> QWidget:
        column, layout = control_column(self, SIDE_WIDTH)
        column.setObjectName("gateSide")
        self.gallery = GatesGallery(column)
        self.gallery.functionChosen.connect(self._on_gallery_function_chosen)
        layout.addWidget(self.gallery)
        self.explanation = explanation_label("", column, "gateExplanation")
        layout.addWidget(self.explanation)
        self.xor_panel = XorPanel(self.state, NEURON_COLOURS, column)
        layout.addWidget(self.xor_panel)
        layout.addStretch(1)
        return column

    # --- texts and colours ----------------------------------------------------------

    def retranslate(self) -> None:
        self.target_box.setTitle(self.tr("Target"))
        set_texts(self.gate_combo, tip=self.tr("The truth table the perceptron should reproduce"),
                  name=self.tr("Target truth table"))
        set_texts(self.book_button, self.tr("Book weights"))
        self.weights_box.setTitle(self.tr("One perceptron: output 1 if w1·x1 + w2·x2 + b > 0"))
        tips = {"w1": self.tr("Weight of input x1: turns the line"),
                "w2": self.tr("Weight of input x2: turns the line"),
                "b": self.tr("Bias: slides the line without turning it")}
        names = {"w1": self.tr("weight w1 of input x1"), "w2": self.tr("weight w2 of input x2"),
                 "b": self.tr("bias b")}
        for param, slider in self.weight_sliders.items():
            slider.setToolTip(tips[param])
            name_pair(slider, names[param])
        self.truth_table.setHorizontalHeaderLabels([
            self.tr("x1"), self.tr("x2"), self.tr("w1·x1+w2·x2+b"), self.tr("output"),
            self.tr("target"), "✓/✗"])
        set_texts(self.truth_table, tip=self.tr(
            "The perceptron on all four inputs: its weighted sum, its output (1 if the sum is "
            "above 0) and the target"), name=self.tr("Truth table of the perceptron"))
        self._fit_truth_table()
        self.banner.setToolTip(self.tr("How many of the four rows give the target output"))
        self.learn_button.setToolTip(self.tr(
            "Run the perceptron learning rule from w1 = w2 = b = 0 (learning rate {0}): "
            "each wrong output moves the line towards that input").format(LEARNING_RATE))
        self.steps_label.setText(self.tr("Inputs per frame"))
        set_texts(self.steps_spin, tip=self.tr(
            "How many inputs the animation shows per frame, at most: 1 follows the rule "
            "input by input"), name=self.tr("Inputs shown per animation frame"))
        self.plot.setTitle(self.tr("Decision line w1·x1 + w2·x2 + b = 0"), size=TITLE_SIZE)
        set_texts(self.plot, tip=self.tr("The four inputs coloured by target; the shaded side "
                                         "is where the perceptron outputs 1"),
                  name=self.tr("Decision line plot"))
        self.plot.setAccessibleDescription(self.tr(
            "The inputs (0, 0), (0, 1), (1, 0) and (1, 1) coloured by their target, the line "
            "where w1·x1 + w2·x2 + b = 0, and the shaded side where the perceptron outputs 1"))
        self.explanation.setText(self.tr(
            "A perceptron adds w1·x1 + w2·x2 + b and outputs 1 when the sum is above 0. "
            "The points where the sum is exactly 0 form a straight line: the weights set "
            "its direction, the bias moves it."))
        self._reserve_banner_height()
        self._refresh()

    def restyle(self) -> None:
        foreground = plot_theme().foreground
        self.line_item.setPen(pg.mkPen(foreground, width=3))
        self.points_item.setPen(pg.mkPen(foreground, width=1.2))
        for text in self.input_labels:
            text.setColor(foreground)
        self.gallery.restyle()
        self._refresh_banner()

    def _fit_truth_table(self) -> None:
        table = self.truth_table
        table.resizeRowsToContents()
        table.setFixedHeight(table.horizontalHeader().sizeHint().height()
                             + 2 * table.frameWidth()
                             + sum(table.rowHeight(r) for r in range(4)))

    def _banner_texts(self) -> dict[str, str]:
        return {
            "match": self.tr("✓ All four outputs match {0}: this perceptron computes {0}."),
            "impossible": self.tr("{1} of 4 outputs match {0}. No weights can match all "
                                  "four: {0} is not linearly separable."),
            "partial": self.tr("{1} of 4 outputs match {0}. Turn the weights or slide the "
                               "bias."),
        }

    def _reserve_banner_height(self) -> None:
        """As tall as the longest message can be, so that the button below
        stays put whatever the banner says."""
        width = CONTROLS_WIDTH
        tallest = 0
        for outputs in all_boolean_functions():
            name = engine_text(boolean_function_name(outputs))
            for text in self._banner_texts().values():
                self.banner.setText(text.format(name, 3))
                tallest = max(tallest, self.banner.heightForWidth(width))
        self.banner.setFixedHeight(tallest + 2)  # + the style sheet's border

    # --- handlers -------------------------------------------------------------

    def _on_weight_value_changed(self, param: str, value: float) -> None:
        self.state.set_weight(param, value)

    def _on_gate_combo_current_index_changed(self, index: int) -> None:
        self.state.set_target(int(c) for c in self.gate_combo.itemData(index))

    def _on_gallery_function_chosen(self, outputs: tuple) -> None:
        self.state.set_target(outputs)

    def _on_book_button_clicked(self) -> None:
        name = self._target_gate_name()
        if name == "XOR":
            self.learner.stop()
            self.state.set_hidden(DEFAULT_HIDDEN)
        elif name is not None:
            self.state.set_weights(*GATES[name])

    def _on_plot_range_changed(self, *_args) -> None:
        self._refresh_plot()

    def _on_learn_button_clicked(self) -> None:
        if self.learner.is_running():
            self.learner.stop()
        else:
            self.state.start_learning()

    def _on_steps_spin_value_changed(self, steps: int) -> None:
        self.state.set_steps_per_frame(steps)

    # --- mirroring the state --------------------------------------------------

    def _target_gate_name(self) -> str | None:
        """AND, NAND, OR or XOR if the target is one of the book's gates."""
        return next((n for n, t in GATE_TARGETS.items() if t == self.state.target), None)

    def _target_name(self) -> str:
        return engine_text(boolean_function_name(self.state.target))

    def _refresh(self) -> None:
        for param, value in zip(PARAMS, self.state.weights, strict=True):
            self.weight_sliders[param].setValue(value)
        with signals_blocked(self.steps_spin):
            self.steps_spin.setValue(self.state.steps_per_frame)
        self._refresh_target_controls()
        net, outputs = gate_table(*self.state.weights)
        self._refresh_table(net, outputs)
        self._refresh_plot()
        self.gallery.show_target(self.state.target)
        is_xor = self._target_gate_name() == "XOR"
        self.xor_panel.setVisible(is_xor)
        if is_xor:
            self.xor_panel.refresh()
        self._refresh_learning()

    def _refresh_target_controls(self) -> None:
        with signals_blocked(self.gate_combo):
            for index, name in enumerate(GATE_TARGETS):
                self.gate_combo.setItemText(index, engine_text(name))
            gallery = self.state.gallery_target
            if gallery is not None:
                if self.gate_combo.count() == len(GATE_TARGETS):
                    self.gate_combo.addItem("", "")
                extra = len(GATE_TARGETS)
                self.gate_combo.setItemText(extra, engine_text(boolean_function_name(gallery)))
                self.gate_combo.setItemData(extra, bits_text(gallery))
            self.gate_combo.setCurrentIndex(self.gate_combo.findData(bits_text(self.state.target)))
        name = self._target_gate_name()
        self.book_button.setEnabled(name is not None)
        if name == "XOR":
            self.book_button.setToolTip(self.tr("Put the post's NAND, OR and AND weights back "
                                                "into the two-layer panel"))
        elif name is not None:
            self.book_button.setToolTip(self.tr("Load post 001's weights for {0}").format(name))
        else:
            self.book_button.setToolTip(self.tr("The post gives weights for AND, NAND and OR "
                                                "only: find your own, or press Learn it"))

    def _refresh_table(self, net: np.ndarray, outputs: np.ndarray) -> None:
        target = self.state.target
        good, bad = QColor(colour(2)), QColor(NEGATIVE_COLOUR)
        for row in range(4):
            match = bool(outputs[row] == target[row])
            self.truth_table.item(row, 2).setText(f"{net[row]:.2f}")
            self.truth_table.item(row, 3).setText(str(outputs[row]))
            self.truth_table.item(row, 4).setText(str(target[row]))
            mark = self.truth_table.item(row, 5)
            mark.setText("✓" if match else "✗")
            mark.setForeground(good if match else bad)
        self._refresh_banner()

    def _refresh_banner(self) -> None:
        _net, outputs = gate_table(*self.state.weights)
        matches = int(np.sum(outputs == np.array(self.state.target)))
        if matches == 4:
            mood = "match"
        elif not self._separable[self.state.target]:
            mood = "impossible"
        else:
            mood = "partial"
        name = self._target_name()
        self.banner.setText(self._banner_texts()[mood].format(name, matches))
        background, text, border = BANNER_COLOURS[mood][plot_theme().dark]
        style = (f"QLabel#gateBanner {{ background: {background}; color: {text}; "
                 f"border: 1px solid {border}; border-radius: 4px; }}")
        if style != self.banner.styleSheet():  # a new style sheet re-polishes the label
            self.banner.setStyleSheet(style)

    def _refresh_learning(self) -> None:
        """The button, the shown input's ring and the status line, from the learner."""
        learner = self.learner
        running = learner.phase is Phase.RUNNING
        self.learn_button.setText(self.tr("Stop") if running else self.tr("Learn it"))
        self.learn_button.setAccessibleName(self.learn_button.text())
        presented = learner.presented()
        if presented is None:
            self.presented_item.setData([], [])
        else:
            self.presented_item.setData([presented[0]], [presented[1]])
        self.learn_status.setText(self._learning_text())

    def _learning_text(self) -> str:
        learner = self.learner
        if learner.phase is Phase.STOPPED:
            return self.tr("Learning stopped.")
        if learner.phase is Phase.DONE:
            return self._summary(learner.converged, learner.epochs)
        if learner.phase is Phase.IDLE:
            return ""
        if learner.frame == 0:
            return self.tr("Starting from w1 = w2 = b = 0 …")
        x1, x2 = learner.presented()
        if learner.moved():
            what = self.tr("output wrong, the line moves")
        else:
            what = self.tr("output right, nothing changes")
        text = self.tr("Epoch {0}, input ({1}, {2}): {3}.").format(learner.epoch(), x1, x2, what)
        if learner.behind():
            text += " " + self.tr("(This computer showed {0} of {1} inputs in the last frame.)"
                                  ).format(learner.last_steps, learner.steps_per_frame)
        return text

    def _summary(self, converged: bool, epochs: int) -> str:
        name = self._target_name()
        if converged:
            return self.tr("✓ Learned {0} in {1} epochs: the last epoch got all four inputs "
                           "right, so the rule stopped.").format(name, epochs)
        text = self.tr("✗ After {0} epochs the line is still moving. No straight line puts "
                       "(0, 1) and (1, 0) on one side and (0, 0) and (1, 1) on the other, so "
                       "every epoch gets an input wrong and the rule moves the line again — "
                       "forever. {1} needs two layers.").format(epochs, name)
        if self._target_gate_name() == "XOR":
            text += " " + self.tr("See the two-layer panel.")
        return text

    def view_box(self) -> tuple[float, float, float, float]:
        """(x_min, x_max, y_min, y_max) of the plot's visible area."""
        (x_min, x_max), (y_min, y_max) = self.plot.getViewBox().viewRange()
        return x_min, x_max, y_min, y_max

    def _refresh_plot(self) -> None:
        w1, w2, b = self.state.weights
        box = self.view_box()
        line = decision_line(w1, w2, b, box)
        region = positive_region(w1, w2, b, box)
        if line is None:
            self.line_item.setData([], [])
        else:
            self.line_item.setData(line[:, 0], line[:, 1])
        self.region_item.setPolygon(QPolygonF([QPointF(x, y) for x, y in region]))
        target = self.state.target
        if target != self._drawn_target:  # re-rendering symbols is the costliest part
            self._drawn_target = target
            self.points_item.setData(
                pos=np.array(INPUTS, dtype=float),
                brush=[pg.mkBrush(POSITIVE_COLOUR if t else NEGATIVE_COLOUR) for t in target],
                symbol=["o" if t else "s" for t in target])
        is_xor = self._target_gate_name() == "XOR"
        for neuron, item in self.hidden_lines.items():
            hidden_line = decision_line(*self.state.hidden[neuron], box) if is_xor else None
            if hidden_line is None:
                item.setData([], [])
            else:
                item.setData(hidden_line[:, 0], hidden_line[:, 1])
        self._refresh_captions(line is None, len(region) > 0, is_xor)

    def _refresh_captions(self, no_line: bool, any_positive: bool, is_xor: bool) -> None:
        caption = self.tr("<span style='color:{0}'>●</span> target 1 &nbsp; "
                          "<span style='color:{1}'>■</span> target 0 &nbsp; "
                          "shaded: output 1").format(
            POSITIVE_COLOUR, NEGATIVE_COLOUR)
        if is_xor:
            caption += self.tr(" &nbsp; <span style='color:{0}'>- -</span> s1 (NAND) &nbsp; "
                               "<span style='color:{1}'>- -</span> s2 (OR)").format(
                NEURON_COLOURS["nand"], NEURON_COLOURS["or"])
        self.caption.setText(caption)
        w1, w2, b = self.state.weights
        output = 1 if any_positive else 0
        if no_line and w1 == 0 and w2 == 0:
            note = self.tr("w1 = w2 = 0: the sum is just b = {0:.2f} everywhere, so there is "
                           "no line and the output is {1} at every point.").format(b, output)
        elif no_line:
            note = self.tr("The line lies outside the view: the output is {0} at all four "
                           "inputs.").format(output)
        else:
            note = self.tr("Change w1 or w2 to turn the line; change b to slide it.")
        if not self._separable[self.state.target]:
            note += " " + self.tr("No line can put all of {0}'s 1s on one side and its 0s on "
                                  "the other.").format(self._target_name())
        self.note.setText(note)

    # --- the tab protocol ---------------------------------------------------------

    def tab_title(self) -> str:
        return self.tr("Perceptron gates")

    def weights(self) -> tuple[float, float, float]:
        return self.state.weights

    def target_outputs(self) -> tuple[int, int, int, int]:
        return self.state.target

    def stop_animation(self) -> None:
        self.learner.stop()

    def is_running(self) -> bool:
        return self.learner.is_running()

    def export_plot(self) -> pg.PlotWidget:
        return self.plot

    def exercise_snapshot(self) -> dict:
        return {"gate_weights": self.state.weights, "gate_target": self.state.target,
                "gate_xor": dict(self.state.hidden)}
