"""Spiral classifier tab: post 004's Dense→ReLU→Dense→Softmax net on spiral data.

The post builds the net, prints its first five softmax rows (≈ 1/3 each) and
stops: random weights are useless until there is a loss and training. Here
the learner sees what the untrained net "thinks" of every point of the plane
(a class map, nearly flat at the post's 0.01·randn start), moves single
weights by hand (each first-layer ReLU is one line on the map), and finally
trains it with Adam and watches the regions wrap around the arms.

Initial weights are the post's: one ``RandomState(seed)`` draws the spiral and
then the layers (NNFS ``0.01·randn``, zero biases), so seed 0 reproduces the
post's printed numbers. Because that start makes every output ≈ 1/C and the
map pale, "Randomise" draws bigger weights (``readable_random_params``:
first-layer weights N(0, 2²) with each ReLU line through a random point near
the centre, output weights N(0, 1.5²), all rounded to 0.01) that give visible
regions to tune by hand.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from engine import optim
from engine.serialization import ParamsFileError, load_params, save_params
from gui.common.checks import checked_float, checked_int
from gui.common.plotting import PALETTE, colour, make_plot
from gui.common.widgets import (
    animation_timer,
    check_box,
    control_column,
    explanation_label,
    float_spin,
    int_spin,
    push_button,
    readout_label,
    signals_blocked,
    tab_row,
    toggle_button,
)
from gui.contract import TabMixin
from gui.i18n import engine_text
from gui.spiral.class_map import ClassMapView, cache_axes
from gui.spiral.editor import WeightEditor
from gui.spiral.model import (
    DEFAULT_LR,
    DEFAULT_STEPS,
    FIRST_ROWS,
    LIMITS,
    MAX_ABS_PARAM,
    SpiralModel,
    SpiralSettings,
    checked_params,
    param_count,
)

FRAME_MS = 16  # about 60 frames a second
RIGHT_WIDTH = 690  # the controls column; the map takes the rest
HISTORY_HEIGHT = 190
HISTORY_MIN_STEPS = 100
LOSS_COLOUR = PALETTE[1]
ACCURACY_COLOUR = PALETTE[2]
ERROR_STYLE = "color: #c0392b; font-weight: bold;"
STATE_KEYS = ("samples", "classes", "seed", "hidden", "params", "lr", "steps", "show_lines",
              "neuron")


class SpiralTab(TabMixin, QWidget):
    """The spiral classifier: class map, hand-tuned weights, live training."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("spiralTab")
        self.model = SpiralModel(self)

        self._timer = animation_timer(self, FRAME_MS, self._on_timer_timeout)

        layout = tab_row(self)
        layout.addLayout(self._build_plots(), 1)
        layout.addWidget(self._build_controls())

        self.model.rebuilt.connect(self._on_model_rebuilt)
        self.model.paramsChanged.connect(self._on_model_params_changed)
        self._on_model_rebuilt()

    # --- the contract's views of the model ---

    @property
    def classifier(self):
        """The one ``engine.network.Classifier`` the tab shows and edits."""
        return self.model.classifier

    @property
    def X(self) -> np.ndarray:
        return self.model.X

    @property
    def y(self) -> np.ndarray:
        return self.model.y

    # --- building ---

    def _build_plots(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(6)
        self.map_view = ClassMapView(self.tr("Predicted class of every point of the plane"),
                                     "x", "y")
        self.map_view.plot.setToolTip(self.tr(
            "Background: the class the network predicts at each point; a stronger colour "
            "means a more confident prediction (softmax output). Dots: the spiral data, "
            "coloured by their true class. Dashed lines: where each first-layer ReLU "
            "switches on; the stub points to its active side."))
        column.addWidget(self.map_view.plot, 1)

        self.history_plot = make_plot("spiralHistoryPlot", self.tr("Training history"),
                                      self.tr("Adam step"), "")
        self.history_plot.setFixedHeight(HISTORY_HEIGHT)
        self.history_plot.setToolTip(self.tr(
            "Loss (cross-entropy) and accuracy before each training step."))
        self.history_plot.getPlotItem().getViewBox().setMouseEnabled(x=False, y=False)
        cache_axes(self.history_plot)
        legend = self.history_plot.getPlotItem().addLegend(labelTextSize="9pt")
        # Right, half-way up: loss ends low and accuracy high, so this stays clear.
        legend.anchor(itemPos=(1, 0.5), parentPos=(1, 0.5), offset=(-10, 0))
        self.loss_curve = self.history_plot.plot(
            pen=pg.mkPen(LOSS_COLOUR, width=2), name=self.tr("loss"))
        self.accuracy_curve = self.history_plot.plot(
            pen=pg.mkPen(ACCURACY_COLOUR, width=2), name=self.tr("accuracy"))
        for curve in (self.loss_curve, self.accuracy_curve):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
        self._history_range = (0.0, 0.0)
        self._history_revision = -1
        column.addWidget(self.history_plot)
        return column

    def _build_controls(self) -> QWidget:
        panel, column = control_column(self, RIGHT_WIDTH)
        column.setSpacing(8)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self._build_data_group(), 1)
        top.addWidget(self._build_training_group(), 1)
        column.addLayout(top)
        column.addWidget(self._build_editor_group(), 1)
        column.addWidget(self._build_outputs_group())
        return panel

    def _int_spin(self, name: str, key: str, value: int, tip: str) -> QSpinBox:
        spin = int_spin(self, name, tip, LIMITS[key])
        spin.setValue(value)
        return spin

    def _build_data_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Data and network"), self)
        grid = QGridLayout(group)
        defaults = SpiralSettings()
        self.samples_spin = self._int_spin(
            "spiralSamplesSpin", "samples", defaults.samples,
            self.tr("Points per class (the post uses 100). New points and new weights."))
        self.classes_spin = self._int_spin(
            "spiralClassesSpin", "classes", defaults.classes,
            self.tr("Number of spiral arms, one class each (2–6)."))
        self.seed_spin = self._int_spin(
            "spiralSeedSpin", "seed", defaults.seed,
            self.tr("Random seed: one RandomState draws the points, then the weights, as "
                    "the post does (seed 0 gives the post's numbers)."))
        self.hidden_spin = self._int_spin(
            "spiralHiddenSpin", "hidden", defaults.hidden,
            self.tr("Neurons in the hidden ReLU layer: 3 as in the post, up to 64."))
        rows = ((self.tr("Points per class"), self.samples_spin),
                (self.tr("Classes"), self.classes_spin),
                (self.tr("Seed"), self.seed_spin),
                (self.tr("Hidden neurons"), self.hidden_spin))
        for k, (text, spin) in enumerate(rows):
            grid.addWidget(QLabel(text, group), k, 0)
            grid.addWidget(spin, k, 1)
            spin.valueChanged.connect(self._on_data_spin_value_changed)
        return group

    def _build_training_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Training (Adam)"), self)
        grid = QGridLayout(group)
        self.train_button = toggle_button(self.tr("Train"), group, "spiralTrainButton", self.tr(
            "Start or stop training with Adam on the cross-entropy loss. Stopping keeps "
            "the weights; you can edit them and train again."), self._on_train_button_toggled)

        self.lr_spin = float_spin(group, "spiralLrSpin", self.tr(
            "Adam's learning rate (0.02 trains the 64-neuron net in a few thousand steps)."),
            LIMITS["lr"], decimals=4, step=0.005)
        self.lr_spin.setValue(DEFAULT_LR)
        self.lr_spin.valueChanged.connect(self._on_lr_spin_value_changed)

        self.steps_spin = self._int_spin(
            "spiralStepsSpin", "steps", DEFAULT_STEPS,
            self.tr("Adam steps per animation frame: more is faster, fewer is smoother."))
        self.steps_spin.valueChanged.connect(self._on_steps_spin_value_changed)

        self.randomize_button = push_button(
            self.tr("Randomise (bigger weights)"), group, "spiralRandomizeButton", self.tr(
                "New random weights about 100× the post's, rounded to 0.01, with every ReLU "
                "line crossing the data, so the map shows clear regions to tune by hand."),
            self._on_randomize_button_clicked)
        self.small_start_button = push_button(
            self.tr("Post's start"), group, "spiralSmallStartButton", self.tr(
                "Back to the post's weights: 0.01·randn from the seed, zero biases (outputs "
                "≈ 1/C each, a nearly flat map)."),
            self._on_small_start_button_clicked)

        self.lines_check = check_box(
            self.tr("Show ReLU lines"), group, "spiralLinesCheck", self.tr(
                "Draw w_x·x + w_y·y + b = 0 for each hidden neuron shown in the editor: "
                "the ReLU is zero on one side and grows on the other."),
            self._on_lines_check_toggled, checked=True)

        grid.addWidget(self.train_button, 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("Learning rate"), group), 1, 0)
        grid.addWidget(self.lr_spin, 1, 1)
        grid.addWidget(QLabel(self.tr("Steps per frame"), group), 2, 0)
        grid.addWidget(self.steps_spin, 2, 1)
        grid.addWidget(self.randomize_button, 3, 0)
        grid.addWidget(self.small_start_button, 3, 1)
        grid.addWidget(self.lines_check, 4, 0, 1, 2)
        return group

    def _build_editor_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Weights and biases: move one and watch its region change"),
                          self)
        box = QVBoxLayout(group)
        box.setContentsMargins(6, 6, 6, 6)
        self.editor = WeightEditor(group)
        self.editor.paramEdited.connect(self._on_editor_param_edited)
        self.editor.neuronChanged.connect(self._on_editor_neuron_changed)
        box.addWidget(self.editor)
        box.addWidget(explanation_label(self.tr(
            "Each hidden ReLU draws one line across the plane (dashed) and is active on one "
            "side of it. The output layer adds these half-planes into one score per class; "
            "softmax turns the scores into probabilities — the colour's strength."), group,
            "spiralExplanation"))
        box.addStretch(1)
        return group

    def _build_outputs_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Softmax outputs of the first five points (as the post "
                                  "prints them)"), self)
        box = QVBoxLayout(group)
        box.setContentsMargins(6, 6, 6, 6)
        box.setSpacing(4)
        self.output_table = QTableWidget(FIRST_ROWS, 0, group)
        self.output_table.setObjectName("spiralOutputTable")
        self.output_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.output_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.output_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.output_table.setToolTip(self.tr(
            "softmax_output[:5]: each row is one data point (its x, y in the row header), "
            "each column the probability of one class; a row sums to 1."))
        self.output_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.output_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.output_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_table_height()
        box.addWidget(self.output_table)

        labels = QHBoxLayout()
        self.loss_label = readout_label(group, "spiralLossLabel", self.tr(
            "Mean cross-entropy over all points: −log of the probability given to the "
            "true class. ln(C) for a flat guess; 0 is perfect."))
        self.accuracy_label = readout_label(group, "spiralAccuracyLabel", self.tr(
            "Share of points whose most probable class is their true class."))
        for label in (self.loss_label, self.accuracy_label):
            labels.addWidget(label)
        box.addLayout(labels)
        self.message_label = QLabel(group)
        self.message_label.setObjectName("spiralMessageLabel")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setVisible(False)
        box.addWidget(self.message_label)
        return group

    def _fit_table_height(self) -> None:
        """Exactly five rows, no scroll bar; redone on show, once the style
        has settled the header sizes."""
        table = self.output_table
        vertical = table.verticalHeader()
        row = max(vertical.fontMetrics().height() + 8, vertical.minimumSectionSize())
        vertical.setMinimumSectionSize(row)
        vertical.setDefaultSectionSize(row)
        table.setFixedHeight(FIRST_ROWS * row + table.horizontalHeader().sizeHint().height()
                             + 2 * table.frameWidth())

    def showEvent(self, event) -> None:
        self._fit_table_height()
        super().showEvent(event)

    # --- tab protocol ---

    def tab_title(self) -> str:
        return self.tr("Spiral classifier")

    def export_plot(self) -> pg.PlotWidget:
        return self.map_view.plot

    def weights_io(self):
        return self

    def exercise_snapshot(self) -> dict:
        # Every weight replacement clears the history, so its length is the
        # number of training steps behind the weights shown.
        return {"spiral_classifier": self.classifier, "spiral_X": self.X, "spiral_y": self.y,
                "spiral_training_steps": len(self.model.history)}

    def stop_animation(self) -> None:
        self.train_button.setChecked(False)  # the toggled handler stops the timer

    def state_dict(self) -> dict:
        return {**self.model.settings.to_dict(),
                "params": self.classifier.get_flat().tolist(),
                "lr": self.lr_spin.value(), "steps": self.steps_spin.value(),
                "show_lines": self.lines_check.isChecked(),
                "neuron": self.editor.selected_neuron}

    def load_state(self, state: dict) -> None:
        if not isinstance(state, dict):
            raise ValueError(f"the spiral tab's state must be a dict, not {type(state).__name__}")
        unknown = set(state) - set(STATE_KEYS)
        if unknown:
            raise ValueError(f"unknown spiral settings: {sorted(unknown)}")
        defaults = SpiralSettings().to_dict()
        settings = SpiralSettings.checked(**{key: state.get(key, value)
                                             for key, value in defaults.items()})
        lr = checked_float("lr", state.get("lr", DEFAULT_LR), LIMITS)
        steps = checked_int("steps", state.get("steps", DEFAULT_STEPS), LIMITS)
        show_lines = state.get("show_lines", True)
        if not isinstance(show_lines, bool):
            raise ValueError(f"show_lines must be true or false, not {show_lines!r}")
        neuron = state.get("neuron", 0)
        if isinstance(neuron, bool) or not isinstance(neuron, int) or not (
                0 <= neuron < settings.hidden):
            raise ValueError(f"neuron must be a whole number from 0 to {settings.hidden - 1}")
        params = state.get("params")
        if params is not None:
            checked_params(params, param_count(settings))
        # Everything is valid: apply.
        self.stop_animation()
        self._show_settings(settings, lr, steps, show_lines)
        self.model.set_lr(self.lr_spin.value())  # as the spin box rounded it
        if params is None:
            self.model.rebuild(settings)
        else:
            self.model.restore(settings, params)
        self.editor.select_neuron(neuron, self.classifier)
        self._draw_lines()
        self.changed.emit()

    def reset_tab(self) -> None:
        self.stop_animation()
        self._show_settings(SpiralSettings(), DEFAULT_LR, DEFAULT_STEPS, True)
        self.model.set_lr(self.lr_spin.value())
        self._show_message("")
        self.model.rebuild(SpiralSettings())
        self.editor.select_neuron(0, self.classifier)
        self._draw_lines()

    def _show_settings(self, settings: SpiralSettings, lr: float, steps: int,
                       show_lines: bool) -> None:
        spins = (self.samples_spin, self.classes_spin, self.seed_spin, self.hidden_spin)
        with signals_blocked(*spins, self.lr_spin, self.steps_spin, self.lines_check):
            for spin, value in zip(spins, (settings.samples, settings.classes, settings.seed,
                                           settings.hidden), strict=True):
                spin.setValue(value)
            self.lr_spin.setValue(lr)
            self.steps_spin.setValue(steps)
            self.lines_check.setChecked(show_lines)

    # --- weights files (File → Open/Save weights) ---

    def save_weights(self, path) -> bool:
        """Write the weights as a Neuron Tuner weights file; False (and a
        message in the tab) when it cannot be written."""
        meta = {"tab": "spiral", "sizes": list(self.classifier.sizes)}
        try:
            save_params(path, self.classifier.param_names(), self.classifier.get_flat(), meta)
        except (OSError, ValueError) as err:
            self._show_message(self.tr("Could not save the weights: {0}").format(
                engine_text(str(err))))
            return False
        return True

    def load_weights(self, path) -> bool:
        """Read weights whose names match this network's (same hidden width and
        classes); on any problem show why, keep the weights, return False."""
        try:
            values = load_params(path, self.classifier.param_names())
        except ParamsFileError as err:
            self._show_message(self.tr("Could not open the weights: {0}").format(
                engine_text(str(err))))
            return False
        if np.max(np.abs(values)) > MAX_ABS_PARAM:
            self._show_message(self.tr("Could not open the weights: this tab shows weights "
                                       "within ±{0}, the file has {1}.").format(
                f"{MAX_ABS_PARAM:g}", f"{values[np.argmax(np.abs(values))]:g}"))
            return False
        self.stop_animation()
        self._show_message("")
        self.model.load_params(values)
        return True

    # --- redrawing from the model ---

    def _on_model_rebuilt(self) -> None:
        settings = self.model.settings
        self.map_view.set_points(self.X, self.y, settings.classes)
        self.editor.set_network(self.classifier, self.editor.selected_neuron)
        self._set_table_shape(settings.classes)
        self._refresh()
        self.changed.emit()

    def _on_model_params_changed(self) -> None:
        self.editor.mirror(self.classifier)
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        self.map_view.draw_map(self.classifier)
        self._draw_lines()
        self._show_evaluation()
        self._draw_history()

    def _draw_lines(self) -> None:
        neurons = self.editor.shown_neurons()
        self.map_view.draw_lines(self.classifier, neurons,
                                 [self.tr("h{0}").format(j + 1) for j in neurons],
                                 self.lines_check.isChecked())

    def _set_table_shape(self, n_classes: int) -> None:
        table = self.output_table
        table.setColumnCount(n_classes)
        for c in range(n_classes):
            header = QTableWidgetItem(self.tr("class {0}").format(c + 1))
            header.setForeground(QColor(colour(c)))
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            table.setHorizontalHeaderItem(c, header)
        for r in range(FIRST_ROWS):
            x, y = self.X[r]
            table.setVerticalHeaderItem(r, QTableWidgetItem(f"{r}: ({x:.3f}, {y:.3f})"))
            for c in range(n_classes):
                item = QTableWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(r, c, item)

    def _show_evaluation(self) -> None:
        result = self.model.evaluate()
        for r, row in enumerate(result.first_rows):
            for c, p in enumerate(row):
                self.output_table.item(r, c).setText(f"{p:.8f}")
        self.loss_label.setText(self.tr("Loss (cross-entropy): {0}").format(
            f"{result.loss:.4f}"))
        self.accuracy_label.setText(self.tr("Accuracy: {0} % ({1} of {2} points)").format(
            f"{100 * result.accuracy:.1f}", result.correct, len(self.y)))

    def _draw_history(self) -> None:
        history = self.model.history
        if history.revision == self._history_revision:  # a hand edit: no new steps
            return
        self._history_revision = history.revision
        steps = np.arange(len(history))
        self.loss_curve.setData(steps, history.losses)
        self.accuracy_curve.setData(steps, history.accuracies)
        # The view grows in doublings, not every frame: a new range redraws the
        # axes, which costs more than the curves.
        width = HISTORY_MIN_STEPS
        while width < len(history):
            width *= 2
        top = 1.25
        if len(history):
            top = max(top, float(np.ceil(4 * 1.1 * np.max(history.losses)) / 4))
        if (width, top) != self._history_range:
            self._history_range = (width, top)
            self.history_plot.getPlotItem().setRange(xRange=(0, width), yRange=(0, top),
                                                     padding=0.02)
            self.history_plot.getPlotItem().disableAutoRange()

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    # --- handlers ---

    def _on_data_spin_value_changed(self, _value: int) -> None:
        self.stop_animation()
        self._show_message("")
        self.model.rebuild(SpiralSettings(
            samples=self.samples_spin.value(), classes=self.classes_spin.value(),
            seed=self.seed_spin.value(), hidden=self.hidden_spin.value()))

    def _on_editor_param_edited(self, name: str, value: float) -> None:
        self.model.set_param(name, value)

    def _on_editor_neuron_changed(self, neuron: int) -> None:
        self.editor.select_neuron(neuron, self.classifier)
        self._draw_lines()
        self.changed.emit()

    def _on_randomize_button_clicked(self) -> None:
        self.stop_animation()
        self._show_message("")
        self.model.randomize()

    def _on_small_start_button_clicked(self) -> None:
        self.stop_animation()
        self._show_message("")
        self.model.small_start()

    def _on_lines_check_toggled(self, _checked: bool) -> None:
        self._draw_lines()
        self.changed.emit()

    def _on_lr_spin_value_changed(self, value: float) -> None:
        self.model.set_lr(value)
        self.changed.emit()

    def _on_steps_spin_value_changed(self, _value: int) -> None:
        self.changed.emit()

    def _on_train_button_toggled(self, checked: bool) -> None:
        if checked:
            self._show_message("")
            self.train_button.setText(self.tr("Stop"))
            self._timer.start()
        else:
            self._timer.stop()
            self.model.stop_training()
            self.train_button.setText(self.tr("Train"))

    def _on_timer_timeout(self) -> None:
        self.advance_frame()

    def advance_frame(self) -> None:
        """One animation frame: ``steps per frame`` Adam steps, then one redraw;
        a bad step stops training with a message (the last good weights stay)."""
        reason = self.model.train(self.steps_spin.value())
        if reason is not None:
            self.stop_animation()
            self._show_message(self._stop_message(reason))

    def _stop_message(self, reason: str) -> str:
        if reason == optim.BEYOND_LIMIT:
            return self.tr("Training stopped: the next step would push a weight beyond ±{0}. "
                           "The last good weights are kept; try a smaller learning rate.").format(
                               f"{MAX_ABS_PARAM:g}")
        return self.tr("Training diverged (the next step gave NaN or infinite numbers), so it "
                       "stopped. The last good weights are kept; try a smaller learning rate.")
