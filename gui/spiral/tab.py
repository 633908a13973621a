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
    QAbstractButton,
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QScrollBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine import optim
from engine.serialization import load_params, params_bytes
from gui.common.files import write_file
from gui.common.plotting import PALETTE, colour, make_plot, plot_theme
from gui.common.widgets import (
    check_box,
    explanation_label,
    float_spin,
    int_spin,
    push_button,
    readout_label,
    signals_blocked,
    tab_row,
    toggle_button,
)
from gui.contract import TabMixin, WeightsResult
from gui.i18n import engine_text
from gui.spiral.blas import one_blas_thread
from gui.spiral.class_map import ClassMapView, cache_axes
from gui.spiral.editor import WeightEditor
from gui.spiral.model import (
    FIRST_ROWS,
    LIMITS,
    MAX_ABS_PARAM,
    SpiralModel,
    SpiralSettings,
    SpiralState,
)
from gui.spiral.neurons import NeuronMapsView
from gui.spiral.trainer import SpiralTrainer

RIGHT_WIDTH = 690  # the controls column, scroll bar included; the map takes the rest
HISTORY_HEIGHT = 130
HISTORY_MIN_STEPS = 100
LOSS_COLOUR = PALETTE[1]
ACCURACY_COLOUR = PALETTE[2]
ERROR_STYLE = "color: #c0392b; font-weight: bold;"
DATA_KEYS = ("samples", "classes", "seed", "hidden", "layers")


class SpiralTab(TabMixin, QWidget):
    """The spiral classifier: class map, hand-tuned weights, live training."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("spiralTab")
        self.model = SpiralModel(self)
        # Training redraws in parts of a few ms each: a big net shows them on
        # successive ticks, each beside its steps (``SpiralTrainer``).
        self.trainer = SpiralTrainer(self.model, self, parts=[
            self._draw_class_map, self._draw_neuron_maps, self._show_evaluation,
            self._draw_progress])
        self._stop_reason: str | None = None  # why training last stopped, shown until cleared
        self._last_pace = (0, 0)  # steps run and asked for in the last frame

        layout = tab_row(self)
        layout.addLayout(self._build_plots(), 1)
        layout.addWidget(self._build_side_panel())
        self.setFocusProxy(self.samples_spin)  # focus starts on the first control

        self.model.rebuilt.connect(self._on_model_rebuilt)
        self.model.paramsChanged.connect(self._on_model_params_changed)
        self.model.viewChanged.connect(self._on_model_view_changed)
        self.model.settingsChanged.connect(self._on_model_settings_changed)
        self.trainer.started.connect(self._on_trainer_started)
        self.trainer.stopped.connect(self._on_trainer_stopped)
        self.trainer.paced.connect(self._on_trainer_paced)
        self.retranslate()
        self._on_model_rebuilt()
        self._on_model_settings_changed()

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
        self.map_view = ClassMapView()
        column.addWidget(self.map_view.plot, 1)
        self.neuron_maps = NeuronMapsView(self)
        self.neuron_maps.neuronClicked.connect(self._on_neuron_maps_clicked)
        column.addWidget(self.neuron_maps)

        self.history_plot = make_plot("spiralHistoryPlot")
        self.history_plot.setFixedHeight(HISTORY_HEIGHT)
        self.history_plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history_plot.getPlotItem().getViewBox().setMouseEnabled(x=False, y=False)
        cache_axes(self.history_plot)
        self._legend = self.history_plot.getPlotItem().addLegend(labelTextSize="9pt")
        # Right, half-way up: loss ends low and accuracy high, so this stays clear.
        self._legend.anchor(itemPos=(1, 0.5), parentPos=(1, 0.5), offset=(-10, 0))
        self.loss_curve = self.history_plot.plot(pen=pg.mkPen(LOSS_COLOUR, width=2), name="loss")
        self.accuracy_curve = self.history_plot.plot(
            pen=pg.mkPen(ACCURACY_COLOUR, width=2), name="accuracy")
        for curve in (self.loss_curve, self.accuracy_curve):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            curve.setSkipFiniteCheck(True)
        self._history_range = (0.0, 0.0)
        self._history_revision = -1
        column.addWidget(self.history_plot)
        return column

    def _build_side_panel(self) -> QScrollArea:
        """The controls, in a column that scrolls when the window is short."""
        panel = QWidget(self)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self._build_data_group(panel), 1)
        top.addWidget(self._build_training_group(panel), 1)
        column.addLayout(top)
        column.addWidget(self._build_editor_group(panel))
        column.addWidget(self._build_outputs_group(panel))
        column.addStretch(1)
        self.side_scroll = QScrollArea(self)
        self.side_scroll.setObjectName("spiralSidePanel")
        self.side_scroll.setWidget(panel)
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.side_scroll.setFixedWidth(RIGHT_WIDTH)
        return self.side_scroll

    def _build_data_group(self, parent: QWidget) -> QGroupBox:
        self._data_group = group = QGroupBox(parent)
        grid = QGridLayout(group)
        self.samples_spin = int_spin(group, "spiralSamplesSpin", "", LIMITS["samples"])
        self.classes_spin = int_spin(group, "spiralClassesSpin", "", LIMITS["classes"])
        self.seed_spin = int_spin(group, "spiralSeedSpin", "", LIMITS["seed"])
        self.hidden_spin = int_spin(group, "spiralHiddenSpin", "", LIMITS["hidden"])
        self.layers_spin = int_spin(group, "spiralLayersSpin", "", LIMITS["layers"])
        self._data_spins = dict(zip(DATA_KEYS, (self.samples_spin, self.classes_spin,
                                                self.seed_spin, self.hidden_spin,
                                                self.layers_spin), strict=True))
        self._data_labels = {}
        for k, (key, spin) in enumerate(self._data_spins.items()):
            self._data_labels[key] = label = QLabel(group)
            label.setBuddy(spin)
            grid.addWidget(label, k, 0)
            grid.addWidget(spin, k, 1)
            spin.valueChanged.connect(self._on_data_spin_value_changed)
        return group

    def _build_training_group(self, parent: QWidget) -> QGroupBox:
        self._training_group = group = QGroupBox(parent)
        grid = QGridLayout(group)
        self.train_button = toggle_button("", group, "spiralTrainButton", "",
                                          self._on_train_button_toggled)
        self.lr_spin = float_spin(group, "spiralLrSpin", "", LIMITS["lr"], decimals=4,
                                  step=0.005)
        self.lr_spin.valueChanged.connect(self._on_lr_spin_value_changed)
        self.steps_spin = int_spin(group, "spiralStepsSpin", "", LIMITS["steps"])
        self.steps_spin.valueChanged.connect(self._on_steps_spin_value_changed)
        self.randomize_button = push_button("", group, "spiralRandomizeButton", "",
                                            self._on_randomize_button_clicked)
        self.small_start_button = push_button("", group, "spiralSmallStartButton", "",
                                              self._on_small_start_button_clicked)
        self.lines_check = check_box("", group, "spiralLinesCheck", "",
                                     self._on_lines_check_toggled, checked=True)
        self._lr_label, self._steps_label = QLabel(group), QLabel(group)
        self._lr_label.setBuddy(self.lr_spin)
        self._steps_label.setBuddy(self.steps_spin)
        self.pace_label = QLabel(group)
        self.pace_label.setObjectName("spiralPaceLabel")
        self.pace_label.setWordWrap(True)

        grid.addWidget(self.train_button, 0, 0, 1, 2)
        grid.addWidget(self._lr_label, 1, 0)
        grid.addWidget(self.lr_spin, 1, 1)
        grid.addWidget(self._steps_label, 2, 0)
        grid.addWidget(self.steps_spin, 2, 1)
        grid.addWidget(self.randomize_button, 3, 0)
        grid.addWidget(self.small_start_button, 3, 1)
        grid.addWidget(self.lines_check, 4, 0, 1, 2)
        grid.addWidget(self.pace_label, 5, 0, 1, 2)
        return group

    def _build_editor_group(self, parent: QWidget) -> QGroupBox:
        self._editor_group = group = QGroupBox(parent)
        box = QVBoxLayout(group)
        box.setContentsMargins(6, 6, 6, 6)
        self.editor = WeightEditor(group)
        self.editor.paramEdited.connect(self._on_editor_param_edited)
        self.editor.neuronChanged.connect(self._on_editor_neuron_changed)
        box.addWidget(self.editor)
        self._explanation = explanation_label("", group, "spiralExplanation")
        box.addWidget(self._explanation)
        return group

    def _build_outputs_group(self, parent: QWidget) -> QGroupBox:
        self._outputs_group = group = QGroupBox(parent)
        box = QVBoxLayout(group)
        box.setContentsMargins(6, 6, 6, 6)
        box.setSpacing(4)
        self.output_table = QTableWidget(FIRST_ROWS, 0, group)
        self.output_table.setObjectName("spiralOutputTable")
        self.output_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.output_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Read-only: Tab moves on to the next control instead of from cell to cell.
        self.output_table.setTabKeyNavigation(False)
        self.output_table.setCornerButtonEnabled(False)
        self.output_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.output_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.output_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.output_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_table_height()
        box.addWidget(self.output_table)

        labels = QHBoxLayout()
        self.loss_label = readout_label(group, "spiralLossLabel", "")
        self.accuracy_label = readout_label(group, "spiralAccuracyLabel", "")
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

    # --- texts and colours ---

    def retranslate(self) -> None:
        """Every text of the tab in the interface language (LanguageChange)."""
        self._retranslate_plots()
        self._retranslate_data_group()
        self._retranslate_training_group()
        self._editor_group.setTitle(self.tr(
            "Weights and biases: move one and watch its region change"))
        self._explanation.setText(self.tr(
            "Each hidden ReLU draws one line across the plane (dashed) and is active on one "
            "side of it. The output layer adds these half-planes into one score per class; "
            "softmax turns the scores into probabilities — the colour's strength. Drag a "
            "slider's handle for steps of 0.01; click its groove to jump."))
        self._retranslate_outputs_group()
        self._show_train_state()
        self._show_message(self._stop_reason)
        for bar in self.findChildren(QScrollBar):
            bar.setAccessibleName(self.tr("scroll bar"))
        for corner in self.output_table.findChildren(QAbstractButton):  # "select all": unused
            corner.setAccessibleName(self.tr("table corner"))

    def _retranslate_plots(self) -> None:
        plot = self.map_view.plot
        self.map_view.set_texts(self.tr("Predicted class map"), "x", "y")
        plot.setToolTip(self.tr(
            "Background: the class the network predicts at each point; a stronger colour "
            "means a more confident prediction (softmax output). Dots: the spiral data, "
            "coloured by their true class. Dashed lines: where each first-layer ReLU "
            "switches on; the stub points to its active side."))
        plot.setAccessibleName(self.tr("class map"))
        plot.setAccessibleDescription(self.tr(
            "The plane from −1 to 1 in x and y, coloured by the class the network predicts "
            "there, with the spiral's points and the hidden neurons' ReLU lines."))
        history = self.history_plot
        item = history.getPlotItem()
        item.setTitle(self.tr("Training history"), color=plot_theme().foreground)
        item.setLabel("bottom", self.tr("Adam step"))
        history.setToolTip(self.tr("Loss (cross-entropy) and accuracy before each training "
                                   "step."))
        history.setAccessibleName(self.tr("training history"))
        history.setAccessibleDescription(self.tr(
            "Loss and accuracy of the network before each Adam step of the current run."))
        self._set_legend_texts()

    def _set_legend_texts(self) -> None:
        for sample, label in self._legend.items:
            label.setText(self.tr("loss") if sample.item is self.loss_curve
                          else self.tr("accuracy"))

    def _retranslate_data_group(self) -> None:
        self._data_group.setTitle(self.tr("Data and network"))
        texts = {
            "samples": (self.tr("Points per class"), self.tr(
                "Points per class (the post uses 100). New points and new weights.")),
            "classes": (self.tr("Classes"), self.tr(
                "Number of spiral arms, one class each (2–6).")),
            "seed": (self.tr("Seed"), self.tr(
                "Random seed: one RandomState draws the points, then the weights, as "
                "the post does (seed 0 gives the post's numbers).")),
            "hidden": (self.tr("Hidden neurons"), self.tr(
                "Neurons in each hidden ReLU layer: 3 as in the post, up to 64.")),
            "layers": (self.tr("Hidden layers"), self.tr(
                "One hidden ReLU layer as in the post, or two of the same width.")),
        }
        for key, (name, tip) in texts.items():
            self._data_labels[key].setText(name)
            self._data_spins[key].setToolTip(tip)
            self._data_spins[key].setAccessibleName(name)

    def _retranslate_training_group(self) -> None:
        self._training_group.setTitle(self.tr("Training (Adam)"))
        self.train_button.setToolTip(self.tr(
            "Start or stop training with Adam on the cross-entropy loss. Stopping keeps "
            "the weights; you can edit them and train again."))
        self.lr_spin.setToolTip(self.tr(
            "Adam's learning rate (0.02 trains the 64-neuron net in a few thousand steps)."))
        self.steps_spin.setToolTip(self.tr(
            "Adam steps per animation frame, at most: more is faster, fewer is smoother. "
            "A frame runs only as many as fit in 8 ms, so the window stays responsive."))
        self._lr_label.setText(self.tr("Learning rate"))
        self._steps_label.setText(self.tr("Steps per frame"))
        self.lr_spin.setAccessibleName(self.tr("learning rate"))
        self.steps_spin.setAccessibleName(self.tr("Adam steps per frame, at most"))
        self.randomize_button.setText(self.tr("Randomise (bigger weights)"))
        self.randomize_button.setToolTip(self.tr(
            "New random weights about 100× the post's, rounded to 0.01, with every ReLU "
            "line crossing the data, so the map shows clear regions to tune by hand."))
        self.small_start_button.setText(self.tr("Post's start"))
        self.small_start_button.setToolTip(self.tr(
            "Back to the post's weights: 0.01·randn from the seed, zero biases (outputs "
            "≈ 1/C each, a nearly flat map)."))
        self.lines_check.setText(self.tr("Show ReLU lines"))
        self.lines_check.setToolTip(self.tr(
            "Draw w_x·x + w_y·y + b = 0 for each hidden neuron shown in the editor: "
            "the ReLU is zero on one side and grows on the other."))
        for widget in (self.randomize_button, self.small_start_button, self.lines_check):
            widget.setAccessibleName(widget.text())
        self._show_pace()

    def _retranslate_outputs_group(self) -> None:
        self._outputs_group.setTitle(self.tr("Softmax outputs of the first five points (as "
                                             "the post prints them)"))
        self.output_table.setToolTip(self.tr(
            "softmax_output[:5]: each row is one data point (its x, y in the row header), "
            "each column the probability of one class; a row sums to 1."))
        self.output_table.setAccessibleName(self.tr("softmax outputs of the first five points"))
        for c in range(self.output_table.columnCount()):
            self.output_table.horizontalHeaderItem(c).setText(self.tr("class {0}").format(c + 1))
        self.loss_label.setToolTip(self.tr(
            "Mean cross-entropy over all points: −log of the probability given to the "
            "true class. ln(C) for a flat guess; 0 is perfect."))
        self.accuracy_label.setToolTip(self.tr(
            "Share of points whose most probable class is their true class."))
        self._show_evaluation()

    def restyle(self) -> None:
        """The class map's colours follow the theme (plots restyle themselves)."""
        self.map_view.restyle()
        self.neuron_maps.restyle()

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
        self.trainer.stop()

    def is_running(self) -> bool:
        return self.trainer.is_running()

    def advance_frame(self) -> None:
        """One training frame, exactly as a timer tick runs it."""
        self.trainer.advance_frame()

    def state_dict(self) -> dict:
        return self.model.state_dict()

    def load_state(self, state: dict) -> None:
        """The model checks ``state`` first: a bad one raises ValueError and
        changes nothing (training keeps running too)."""
        checked = SpiralState.from_dict(state)
        self.stop_animation()
        self._show_message(None)
        self.model.apply(checked)
        self.changed.emit()

    def reset_tab(self) -> None:
        self.stop_animation()
        self._show_message(None)
        self.model.reset()
        self.changed.emit()

    # --- weights files (File → Open/Save weights) ---

    def save_weights(self, path) -> WeightsResult:
        """Write the weights as a Neuron Tuner weights file (atomically)."""
        meta = {"tab": "spiral", "sizes": list(self.classifier.sizes)}
        try:
            write_file(path, params_bytes(self.classifier.param_names(),
                                          self.classifier.get_flat(), meta))
        except (OSError, ValueError) as err:
            return WeightsResult.failure(self.tr("Could not save the weights to {0}: {1}")
                                         .format(path, engine_text(str(err))))
        self._show_message(None)
        return WeightsResult.success()

    def load_weights(self, path) -> WeightsResult:
        """Read weights whose names match this network's (same shape); on any
        problem say why and keep the weights."""
        try:
            values = load_params(path, self.classifier.param_names())
        except ValueError as err:
            return self._open_failure(path, engine_text(str(err)))
        if np.max(np.abs(values)) > MAX_ABS_PARAM:
            return self._open_failure(path, self.tr(
                "this tab shows weights within ±{0}, the file has {1}.").format(
                    f"{MAX_ABS_PARAM:g}", f"{values[np.argmax(np.abs(values))]:g}"))
        self.stop_animation()
        self._show_message(None)
        self.model.load_params(values)
        return WeightsResult.success()

    def _open_failure(self, path, reason: str) -> WeightsResult:
        return WeightsResult.failure(self.tr("Could not open the weights {0}: {1}")
                                     .format(path, reason))

    # --- redrawing from the model ---

    def _on_model_rebuilt(self) -> None:
        settings = self.model.settings
        with signals_blocked(*self._data_spins.values()):
            for key, spin in self._data_spins.items():
                spin.setValue(getattr(settings, key))
        self.map_view.set_points(self.X, self.y, settings.classes)
        self.editor.set_network(self.classifier, self.model.selection)
        self.neuron_maps.set_shape(self.classifier.sizes)
        self.neuron_maps.select(self.model.selection)
        self._set_table_shape(settings.classes)
        self._refresh()
        self.changed.emit()

    def _on_model_params_changed(self) -> None:
        self.editor.mirror(self.classifier)
        self._refresh()
        self.changed.emit()

    def _on_model_view_changed(self) -> None:
        with signals_blocked(self.lines_check):
            self.lines_check.setChecked(self.model.show_lines)
        self.editor.select(self.model.selection, self.classifier)
        self.neuron_maps.select(self.model.selection)
        self._draw_lines()
        row = self.editor.selected_row()
        if row is not None and self.isVisible():
            self.side_scroll.ensureWidgetVisible(row)
        self.changed.emit()

    def _on_model_settings_changed(self) -> None:
        with signals_blocked(self.lr_spin, self.steps_spin):
            self.lr_spin.setValue(self.model.lr)
            self.steps_spin.setValue(self.model.steps_per_frame)

    def _refresh(self) -> None:
        self._draw_class_map()
        self.neuron_maps.schedule(self.classifier)
        self._show_evaluation()
        self._draw_history()

    def _draw_class_map(self) -> None:
        with one_blas_thread():
            self.map_view.draw_map(self.classifier)
        self._draw_lines()

    def _draw_neuron_maps(self) -> None:
        with one_blas_thread():
            self.neuron_maps.draw(self.classifier)

    def _draw_progress(self) -> None:
        """The editor's numbers and the history (the evaluation is a part of its own)."""
        self.editor.mirror(self.classifier)
        self._draw_history()
        self.changed.emit()

    def _draw_lines(self) -> None:
        neurons = self.editor.shown_neurons()
        selection = self.model.selection
        self.map_view.draw_lines(self.classifier, neurons,
                                 [self.tr("h{0}").format(j + 1) for j in neurons],
                                 self.model.show_lines,
                                 selection.index if selection.layer == 1 else None)

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
        if self.output_table.columnCount() != self.model.settings.classes:
            return  # during construction, before the table has its shape
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
        self.loss_curve.setData(history.steps, history.losses)
        self.accuracy_curve.setData(history.steps, history.accuracies)
        # The view grows in doublings, not every frame: a new range redraws the
        # axes, which costs more than the curves.
        width = HISTORY_MIN_STEPS
        while width < history.total_steps:
            width *= 2
        top = 1.25
        if len(history):
            top = max(top, float(np.ceil(4 * 1.1 * np.max(history.losses)) / 4))
        if (width, top) != self._history_range:
            self._history_range = (width, top)
            self.history_plot.getPlotItem().setRange(xRange=(0, width), yRange=(0, top),
                                                     padding=0.02)
            self.history_plot.getPlotItem().disableAutoRange()

    def _show_message(self, stop_reason: str | None) -> None:
        """Say why training stopped (kept as the reason, so a language switch
        words it again), or hide the message with None."""
        self._stop_reason = stop_reason
        self.message_label.setText(self._stop_message(stop_reason) if stop_reason else "")
        self.message_label.setVisible(stop_reason is not None)

    def _show_train_state(self) -> None:
        running = self.trainer.is_running()
        with signals_blocked(self.train_button):
            self.train_button.setChecked(running)
        self.train_button.setText(self.tr("Stop") if running else self.tr("Train"))
        self.train_button.setAccessibleName(
            self.tr("stop training") if running else self.tr("start training"))

    def _show_pace(self) -> None:
        """Say when the last frame ran fewer steps than asked for (the
        machine cannot keep up at this size)."""
        behind = self.trainer.is_running() and self.trainer.behind
        self.pace_label.setVisible(behind)
        if behind:
            self.pace_label.setText(self.tr(
                "This computer manages {0} of {1} steps a frame at this size: training "
                "runs slower than asked, the window stays responsive.").format(
                    self._last_pace[0], self._last_pace[1]))

    # --- handlers ---

    def _on_data_spin_value_changed(self, _value: int) -> None:
        self.stop_animation()
        self._show_message(None)
        self.model.rebuild(SpiralSettings(**{key: spin.value()
                                             for key, spin in self._data_spins.items()}))

    def _on_editor_param_edited(self, name: str, value: float) -> None:
        self.model.set_param(name, value)

    def _on_neuron_maps_clicked(self, layer: int, neuron: int) -> None:
        self.model.select_neuron(layer, neuron)

    def _on_editor_neuron_changed(self, neuron: int) -> None:
        self.model.select_neuron(self.model.selection.layer, neuron)

    def _on_randomize_button_clicked(self) -> None:
        self.stop_animation()
        self._show_message(None)
        self.model.randomize()

    def _on_small_start_button_clicked(self) -> None:
        self.stop_animation()
        self._show_message(None)
        self.model.small_start()

    def _on_lines_check_toggled(self, checked: bool) -> None:
        self.model.set_show_lines(checked)

    def _on_lr_spin_value_changed(self, value: float) -> None:
        self.model.set_lr(value)
        self.changed.emit()

    def _on_steps_spin_value_changed(self, value: int) -> None:
        self.model.set_steps_per_frame(value)
        self.changed.emit()

    def _on_train_button_toggled(self, checked: bool) -> None:
        if checked:
            self._show_message(None)
            self.trainer.start()
        else:
            self.trainer.stop()

    def _on_trainer_started(self) -> None:
        self._show_train_state()

    def _on_trainer_stopped(self, reason: str | None) -> None:
        self._show_train_state()
        self._show_pace()
        if reason is not None:
            self._show_message(reason)

    def _on_trainer_paced(self, steps: int, asked: int) -> None:
        self._last_pace = (steps, asked)
        self._show_pace()

    def _stop_message(self, reason: str) -> str:
        if reason == optim.BEYOND_LIMIT:
            return self.tr("Training stopped: the next step would push a weight beyond ±{0}. "
                           "The last good weights are kept; try a smaller learning rate.").format(
                               f"{MAX_ABS_PARAM:g}")
        return self.tr("Training diverged (the next step gave NaN or infinite numbers), so it "
                       "stopped. The last good weights are kept; try a smaller learning rate.")
