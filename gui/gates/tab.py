"""Perceptron gates (post 001): build AND, NAND and OR from two weights and a
bias, watch the decision line, and see why XOR needs two layers.

Targets: ``gateCombo`` lists AND, NAND, OR and XOR. Clicking any other of the
16 functions in the gallery adds it as a fifth entry, named after the
function (e.g. "NOR"); that entry stays until another function outside the
four replaces it, so the learner can switch back to it.

"Learn it" runs Rosenblatt's rule from w1 = w2 = b = 0 and replays it one
shown input at a time (four frames per epoch). Epoch ends alone would hide
XOR's failure: from zero its weights are the same at the end of every epoch
while the line keeps swinging inside each one.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, QTimer, Signal
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
    AND,
    GATES,
    INPUTS,
    NAND,
    OR,
    XOR,
    all_boolean_functions,
    boolean_function_name,
    decision_line,
    gate_table,
    is_linearly_separable,
    perceptron_learning,
    perceptron_learning_steps,
    positive_region,
    truth_table,
)
from gui.common.plotting import NEGATIVE_COLOUR, POSITIVE_COLOUR, colour, fix_range, make_plot
from gui.common.widgets import (
    ParamSlider,
    control_column,
    explanation_label,
    push_button,
    signals_blocked,
    tab_row,
)
from gui.contract import TabMixin
from gui.gates.gallery import GatesGallery, bits_text
from gui.gates.model import DEFAULT_HIDDEN, PARAMS, WEIGHT_LIMIT, GatesModel, parse_state
from gui.gates.xor import XorPanel
from gui.i18n import engine_text

PLOT_BOX = (-0.5, 1.5, -0.5, 1.5)  # x_min, x_max, y_min, y_max always in view
GATE_TARGETS = {name: tuple(row[2] for row in truth_table(fn))
                for name, fn in (("AND", AND), ("NAND", NAND), ("OR", OR), ("XOR", XOR))}
LEARNING_RATE = 0.25  # a power of two: every update is exact in floating point
MAX_LEARNING_EPOCHS = 100  # separable targets converge from zero within 7
NEVER_SETTLING_EPOCHS = 8  # how much of XOR's endless cycle the animation plays
FRAME_MS = 180  # one shown input per frame: slow enough to follow the line
COLUMNS = ("x1", "x2", "net", "output", "target", "match")
NEURON_COLOURS = {"nand": colour(1), "or": colour(2), "and": colour(4)}
SHADE_ALPHA = 55


class GatesTab(TabMixin, QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("gatesTab")
        self.state = GatesModel(self)
        self._separable = {f: is_linearly_separable(f) for f in all_boolean_functions()}
        self._frames = np.empty((0, 3))
        self._frame = 0
        self._learn_summary = ""
        self._drawn_target: tuple[int, ...] | None = None
        self.learn_timer = QTimer(self)
        self.learn_timer.setInterval(FRAME_MS)
        self.learn_timer.timeout.connect(self._on_learn_timer_timeout)

        layout = tab_row(self)
        layout.addWidget(self._build_controls())
        layout.addWidget(self._build_plot_column(), 1)
        layout.addWidget(self._build_side_column())

        self.state.changed.connect(self._refresh)
        self.state.changed.connect(self.changed)
        self._refresh()

    # --- building -------------------------------------------------------------

    def _build_controls(self) -> QWidget:
        column, layout = control_column(self, 390)
        layout.setSpacing(8)

        target_box = QGroupBox(self.tr("Target"), column)
        row = QHBoxLayout(target_box)
        self.gate_combo = QComboBox(target_box)
        self.gate_combo.setObjectName("gateCombo")
        for name, outputs in GATE_TARGETS.items():
            self.gate_combo.addItem(engine_text(name), bits_text(outputs))
        self.gate_combo.setToolTip(self.tr("The truth table the perceptron should reproduce"))
        self.gate_combo.currentIndexChanged.connect(self._on_gate_combo_current_index_changed)
        # No tooltip yet: it names the target, so _refresh_target_controls sets it.
        self.book_button = push_button(self.tr("Book weights"), target_box, "bookWeightsButton",
                                       on_click=self._on_book_button_clicked)
        row.addWidget(self.gate_combo, 1)
        row.addWidget(self.book_button)
        layout.addWidget(target_box)

        weights_box = QGroupBox(self.tr("One perceptron: output 1 if w1·x1 + w2·x2 + b > 0"),
                                column)
        grid = QGridLayout(weights_box)
        grid.setVerticalSpacing(6)
        tips = {"w1": self.tr("Weight of input x1: turns the line"),
                "w2": self.tr("Weight of input x2: turns the line"),
                "b": self.tr("Bias: slides the line without turning it")}
        self.weight_sliders: dict[str, ParamSlider] = {}
        for row_index, param in enumerate(PARAMS):
            slider = ParamSlider(f"gate_{param}", -WEIGHT_LIMIT, WEIGHT_LIMIT, 0.01, 2,
                                 parent=weights_box)
            slider.setToolTip(tips[param])
            slider.valueChanged.connect(
                lambda value, p=param: self._on_weight_value_changed(p, value))
            self.weight_sliders[param] = slider
            label = QLabel(param, weights_box)
            label.setMinimumWidth(22)
            grid.addWidget(label, row_index, 0)
            grid.addWidget(slider, row_index, 1)
        layout.addWidget(weights_box)

        layout.addWidget(self._build_truth_table(column))

        self.banner = QLabel(column)
        self.banner.setObjectName("gateBanner")
        self.banner.setWordWrap(True)
        self.banner.setMargin(8)
        self.banner.setToolTip(self.tr("How many of the four rows give the target output"))
        layout.addWidget(self.banner)

        learn_row = QHBoxLayout()
        self.learn_button = push_button(self.tr("Learn it"), column, "learnButton", self.tr(
            "Run the perceptron learning rule from w1 = w2 = b = 0 (learning rate {0}): "
            "each wrong output moves the line towards that input").format(LEARNING_RATE),
            self._on_learn_button_clicked)
        learn_row.addWidget(self.learn_button)
        learn_row.addStretch(1)
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
        table.setHorizontalHeaderLabels([self.tr("x1"), self.tr("x2"), self.tr("w1·x1+w2·x2+b"),
                                         self.tr("output"), self.tr("target"), "✓/✗"])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setToolTip(self.tr("The perceptron on all four inputs: its weighted sum, its "
                                 "output (1 if the sum is above 0) and the target"))
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
        table.resizeRowsToContents()
        table.setFixedHeight(header.sizeHint().height() + 2 * table.frameWidth()
                             + sum(table.rowHeight(r) for r in range(4)))
        self.truth_table = table
        return table

    def _build_plot_column(self) -> QWidget:
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plot = make_plot("gatePlot", self.tr("Decision line w1·x1 + w2·x2 + b = 0"),
                              "x1", "x2")
        self.plot.setToolTip(self.tr("The four inputs coloured by target; the shaded side is "
                                     "where the perceptron outputs 1"))
        # Equal scales keep the line's angle true; the view then grows along
        # one axis to fill the widget, so the geometry is clipped to the view
        # actually shown (redrawn when it changes), not to PLOT_BOX.
        self.plot.setAspectLocked(True)
        fix_range(self.plot, PLOT_BOX[:2], PLOT_BOX[2:])
        self.plot.setMouseEnabled(x=False, y=False)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setTickSpacing(0.5, 0.1)
        foreground = pg.getConfigOption("foreground")

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
        self.line_item = self.plot.plot(pen=pg.mkPen(foreground, width=3))
        self.points_item = pg.ScatterPlotItem(size=22, pen=pg.mkPen(foreground, width=1.2))
        self.plot.addItem(self.points_item)
        self.presented_item = pg.ScatterPlotItem(size=40, symbol="o", brush=None,
                                                 pen=pg.mkPen(colour(4), width=3))
        self.plot.addItem(self.presented_item)
        for x1, x2 in INPUTS:
            text = pg.TextItem(f"({x1}, {x2})", color=foreground,
                               anchor=(0.0 if x1 else 1.0, 1.0 if x2 else 0.0))
            text.setPos(x1 + (0.08 if x1 else -0.08), x2 + (0.08 if x2 else -0.08))
            self.plot.addItem(text)
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
        column, layout = control_column(self, 320)
        self.gallery = GatesGallery(column)
        self.gallery.functionChosen.connect(self._on_gallery_function_chosen)
        layout.addWidget(self.gallery)
        layout.addWidget(explanation_label(self.tr(
            "A perceptron adds w1·x1 + w2·x2 + b and outputs 1 when the sum is above 0. "
            "The points where the sum is exactly 0 form a straight line: the weights set "
            "its direction, the bias moves it."), column, "gateExplanation"))
        self.xor_panel = XorPanel(self.state, NEURON_COLOURS, column)
        layout.addWidget(self.xor_panel)
        layout.addStretch(1)
        return column

    # --- handlers -------------------------------------------------------------

    def _on_weight_value_changed(self, param: str, value: float) -> None:
        self.stop_animation()
        self.state.set_weight(param, value)

    def _on_gate_combo_current_index_changed(self, index: int) -> None:
        self._set_target(int(c) for c in self.gate_combo.itemData(index))

    def _on_gallery_function_chosen(self, outputs: tuple) -> None:
        self._set_target(outputs)

    def _set_target(self, outputs) -> None:
        self.stop_animation()
        self.learn_status.clear()  # a summary about the old target would mislead
        self.state.set_target(outputs)

    def _on_book_button_clicked(self) -> None:
        self.stop_animation()
        name = self._target_gate_name()
        if name == "XOR":
            self.state.set_hidden(DEFAULT_HIDDEN)
        elif name is not None:
            self.state.set_weights(*GATES[name])

    def _on_plot_range_changed(self, *_args) -> None:
        self._refresh_plot()

    def _on_learn_button_clicked(self) -> None:
        if self.learn_timer.isActive():
            self.stop_animation()
        else:
            self._start_learning()

    def _on_learn_timer_timeout(self) -> None:
        self._frame += 1
        self.state.set_weights(*self._frames[self._frame])
        x1, x2 = INPUTS[(self._frame - 1) % 4]
        self.presented_item.setData([x1], [x2])
        epoch = (self._frame - 1) // 4 + 1
        if np.array_equal(self._frames[self._frame], self._frames[self._frame - 1]):
            what = self.tr("output right, nothing changes")
        else:
            what = self.tr("output wrong, the line moves")
        self.learn_status.setText(self.tr("Epoch {0}, input ({1}, {2}): {3}.").format(
            epoch, x1, x2, what))
        if self._frame == len(self._frames) - 1:
            self.learn_timer.stop()
            self._end_learning_view()
            self.learn_status.setText(self._learn_summary)

    # --- learning ---------------------------------------------------------------

    def _start_learning(self) -> None:
        target = self.state.target
        separable = self._separable[target]
        epochs = MAX_LEARNING_EPOCHS if separable else NEVER_SETTLING_EPOCHS
        result = perceptron_learning(target, lr=LEARNING_RATE, epochs=epochs)
        self._frames = perceptron_learning_steps(target, lr=LEARNING_RATE, epochs=epochs)
        self._frame = 0
        self._learn_summary = self._summary(result.converged, len(result.history) - 1)
        self.state.set_weights(*self._frames[0])
        self.learn_button.setText(self.tr("Stop"))
        self.learn_status.setText(self.tr("Starting from w1 = w2 = b = 0 …"))
        self.learn_timer.start()

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

    def _end_learning_view(self) -> None:
        self.presented_item.setData([], [])
        self.learn_button.setText(self.tr("Learn it"))

    # --- mirroring the state --------------------------------------------------

    def _target_gate_name(self) -> str | None:
        """AND, NAND, OR or XOR if the target is one of the book's gates."""
        return next((n for n, t in GATE_TARGETS.items() if t == self.state.target), None)

    def _target_name(self) -> str:
        return engine_text(boolean_function_name(self.state.target))

    def _refresh(self) -> None:
        for param, value in zip(PARAMS, self.state.weights, strict=True):
            self.weight_sliders[param].setValue(value)
        self._refresh_target_controls()
        net, outputs = gate_table(*self.state.weights)
        self._refresh_table(net, outputs)
        self._refresh_plot()
        self.gallery.show_target(self.state.target)
        is_xor = self._target_gate_name() == "XOR"
        self.xor_panel.setVisible(is_xor)
        if is_xor:
            self.xor_panel.refresh()

    def _refresh_target_controls(self) -> None:
        target = self.state.target
        bits = bits_text(target)
        with signals_blocked(self.gate_combo):
            index = self.gate_combo.findData(bits)
            if index < 0:
                if self.gate_combo.count() == len(GATE_TARGETS):
                    self.gate_combo.addItem("", "")
                index = len(GATE_TARGETS)
                self.gate_combo.setItemText(index, self._target_name())
                self.gate_combo.setItemData(index, bits)
            self.gate_combo.setCurrentIndex(index)
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
        self._refresh_banner(int(np.sum(outputs == np.array(target))))

    def _refresh_banner(self, matches: int) -> None:
        name = self._target_name()
        if matches == 4:
            text = self.tr("✓ All four outputs match {0}: this perceptron computes {0}.")
            style = "background: #d8f0dd; color: #14532d; border: 1px solid #4caf50;"
        elif not self._separable[self.state.target]:
            text = self.tr("{1} of 4 outputs match {0}. No weights can match all four: {0} "
                           "is not linearly separable.")
            style = "background: #fbe3d6; color: #6b2100; border: 1px solid #d55e00;"
        else:
            text = self.tr("{1} of 4 outputs match {0}. Turn the weights or slide the bias.")
            style = "background: #eef2f7; color: #1f2937; border: 1px solid #b6c2d1;"
        self.banner.setText(text.format(name, matches))
        self.banner.setStyleSheet(f"QLabel#gateBanner {{ {style} border-radius: 4px; }}")

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

    def state_dict(self) -> dict:
        return self.state.to_dict()

    def load_state(self, state: dict) -> None:
        values = parse_state(state)
        self.stop_animation()
        self.state.apply(*values)

    def reset_tab(self) -> None:
        self.stop_animation()
        self.learn_status.clear()
        self.state.reset()

    def stop_animation(self) -> None:
        if self.learn_timer.isActive():
            self.learn_timer.stop()
            self.learn_status.setText(self.tr("Learning stopped."))
        self._end_learning_view()

    def export_plot(self) -> pg.PlotWidget:
        return self.plot

    def exercise_snapshot(self) -> dict:
        return {"gate_weights": self.state.weights, "gate_target": self.state.target,
                "gate_xor": dict(self.state.hidden)}
