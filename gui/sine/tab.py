"""Sine-fit tab (issues 4, 16): tune every weight and bias of a 1 → … → 1
network by hand — 1→8→8→1 ReLU by default, as NNFS chapter 4 — and watch the
curve follow.

``SineFitModel`` owns the network, the target and the settings; this tab wires
the views to it: the plot (``SinePlotView``), the network diagram, the
parameter panel, the guided build bar, the shape controls and the readouts
all redraw from the model's signals, within the event that changed it. Every
change of the network goes through one undo step (``NetworkUndo``); auto-fit
is a ``QTimer`` animation (``AutoFitter``); the guided build
(``GuidedBuild``) and weights files (``gui.sine.weights``) are parts of
their own. Language and theme change in place: ``retranslate()`` and
``restyle()``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollBar,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.serialization import numpy_code
from engine.targets import TARGETS
from gui.common.widgets import (
    check_box,
    float_spin,
    int_spin,
    readout_label,
    signals_blocked,
    toggle_button,
)
from gui.contract import TabMixin, WeightsResult
from gui.i18n import engine_text
from gui.sine import autofit
from gui.sine.autofit import AutoFitter
from gui.sine.diagram import NetworkDiagram
from gui.sine.guided import GuidedBar
from gui.sine.guided_build import GuidedBuild
from gui.sine.model import (
    ACTIVATION,
    ACTIVATION_KEYS,
    CUSTOM,
    DEFAULT_Y_RANGE,
    MAX_HIDDEN_LAYERS,
    MAX_TARGET_MSE,
    MAX_WIDTH,
    MIN_TARGET_MSE,
    PARAM_LIMIT,
    PRESET_KEYS,
    SIZES,
    SKETCH,
    NetworkState,
    SineFitModel,
    activation_label,
    matching_preset,
    preset_values,
)
from gui.sine.numbers import significant
from gui.sine.params import DECIMALS, ParamPanel
from gui.sine.plot import FIT_MARGIN, SinePlotView
from gui.sine.undo import NetworkUndo
from gui.sine.weights import read_weights, write_weights

Message = Callable[[], str]  # a status text, made again in the current language
# A panel of up to this many parameters is built at once after a change of
# shape (well within a frame); a larger one builds its other pages in idle time.
EAGER_PANEL_PARAMS = 160


class SineFitTab(TabMixin, QWidget):
    """Fit a target curve with a 1 → … → 1 network by moving its weights."""

    changed = Signal()

    #: The window's interactive start may pass ``lazy_pages=True``: only the
    #: shown neuron's sliders are made before the first paint, the other pages
    #: in idle slices right after it (``panel.is_built()`` tells when).
    ACCEPTS_LAZY_PAGES = True

    def __init__(self, parent: QWidget | None = None, *, lazy_pages: bool = False):
        super().__init__(parent)
        self.setObjectName("sineTab")
        self.model = SineFitModel(self)
        self.history = NetworkUndo(self.model, self._apply_state, self)
        self.undo_stack = self.history.stack
        self.autofit = AutoFitter(self.model, self)
        self.guided_build = GuidedBuild(self.model, self.history, self)
        self._message: Message | None = None
        self._silent_message: Message | None = None  # "this slider changes nothing", if shown
        self.confirm_box: QMessageBox | None = None  # the open "replace your work?" question

        self.plot = SinePlotView(self.network.sizes[-2], self._kink_count(), self)
        self.target_curve = self.plot.target_curve
        self.output_curve = self.plot.output_curve
        self.diagram = NetworkDiagram(self.network, self)
        self.panel = ParamPanel(self.network, self, lazy=lazy_pages)
        self.guided = GuidedBar(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(self._build_toolbar())
        layout.addWidget(self.guided)
        layout.addWidget(self._build_body(), 1)

        self._connect()
        self._connect_views()
        self._add_shortcuts()
        self.setFocusProxy(self.presetCombo)
        self.retranslate()
        self._show_shape_controls()
        self._restore(self.model.checked_state({}))

    # --- the contract's views of the model ---

    @property
    def network(self):
        return self.model.network

    @property
    def x_values(self) -> np.ndarray:
        return self.model.x

    @property
    def target_values(self) -> np.ndarray:
        return self.model.target

    # --- building ---

    def _build_toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.presetCombo = QComboBox(self)
        self.presetCombo.setObjectName("presetCombo")
        for key in (*PRESET_KEYS, CUSTOM):
            self.presetCombo.addItem("", key)
        self.presetReloadButton = self._tool_button("presetReloadButton")
        self.presetReloadButton.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_BrowserReload))
        self.targetCombo = QComboBox(self)
        self.targetCombo.setObjectName("targetCombo")
        for key in (*TARGETS, SKETCH):
            self.targetCombo.addItem("", key)
        self.autoFitButton = toggle_button("", self, "autoFitButton", "",
                                           icon=QStyle.StandardPixmap.SP_MediaPlay)
        self.autoFitTargetSpin = float_spin(self, "autoFitTargetSpin", "",
                                            (MIN_TARGET_MSE, MAX_TARGET_MSE), decimals=6,
                                            step=1e-4)
        self.undoButton = self._tool_button("undoButton")
        self.redoButton = self._tool_button("redoButton")
        self.saveWeightsButton = self._tool_button("saveWeightsButton")
        self.loadWeightsButton = self._tool_button("loadWeightsButton")
        self.copyNumpyButton = self._tool_button("copyNumpyButton")
        self._preset_label, self._target_label = QLabel(self), QLabel(self)
        self._autofit_label = QLabel(self)
        self._preset_label.setBuddy(self.presetCombo)
        self._target_label.setBuddy(self.targetCombo)
        self._autofit_label.setBuddy(self.autoFitTargetSpin)

        row.addWidget(self._preset_label)
        row.addWidget(self.presetCombo)
        row.addWidget(self.presetReloadButton)
        row.addSpacing(8)
        row.addWidget(self._target_label)
        row.addWidget(self.targetCombo)
        row.addSpacing(8)
        row.addWidget(self.autoFitButton)
        row.addWidget(self._autofit_label)
        row.addWidget(self.autoFitTargetSpin)
        row.addStretch(1)
        for button in (self.undoButton, self.redoButton):
            row.addWidget(button)
        return row

    def _tool_button(self, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        return button

    def _build_shape_row(self) -> QHBoxLayout:
        """Hidden layers, their widths and the hidden activation (issue 16)."""
        row = QHBoxLayout()
        row.setSpacing(4)
        self.sineLayersSpin = int_spin(self, "sineLayersSpin", "", (1, MAX_HIDDEN_LAYERS))
        self.width_spins = [int_spin(self, f"sineWidth{k}Spin", "", (1, MAX_WIDTH))
                            for k in range(1, MAX_HIDDEN_LAYERS + 1)]
        self.sineWidth1Spin, self.sineWidth2Spin, self.sineWidth3Spin = self.width_spins
        self.sineActivationCombo = QComboBox(self)
        self.sineActivationCombo.setObjectName("sineActivationCombo")
        for key in ACTIVATION_KEYS:
            self.sineActivationCombo.addItem(engine_text(activation_label(key)), key)
        self._layers_label, self._widths_label = QLabel(self), QLabel(self)
        self._layers_label.setBuddy(self.sineLayersSpin)
        self._widths_label.setBuddy(self.sineWidth1Spin)
        row.addWidget(self._layers_label)
        row.addWidget(self.sineLayersSpin)
        row.addSpacing(4)
        row.addWidget(self._widths_label)
        for spin in self.width_spins:
            row.addWidget(spin)
        row.addSpacing(4)
        row.addWidget(self.sineActivationCombo)
        row.addStretch(1)
        return row

    def _build_files_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        for button in (self.saveWeightsButton, self.loadWeightsButton, self.copyNumpyButton):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _build_body(self) -> QSplitter:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.plot.widget, 1)
        column.addLayout(self._build_readouts())
        self.neuronNoteLabel = QLabel(left)
        self.neuronNoteLabel.setObjectName("sineNeuronNote")
        self.neuronNoteLabel.setWordWrap(True)
        self.neuronNoteLabel.setProperty("explanation", True)
        column.addWidget(self.neuronNoteLabel)
        self.messageLabel = QLabel(left)
        self.messageLabel.setObjectName("sineMessage")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 4)
        column.addWidget(self.messageLabel)

        right = QWidget(self)
        self._side = QVBoxLayout(right)
        self._side.setContentsMargins(0, 0, 0, 0)
        self._side.setSpacing(4)
        self._side.addLayout(self._build_files_row())
        self._side.addLayout(self._build_shape_row())
        self._size_diagram(self.diagram)
        # The diagram and the parameters share the height 2 : 3, so that on a
        # short window the sliders keep room too.
        self._side.addWidget(self.diagram, 2)
        self._side.addWidget(self.panel, 3)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("sineSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([740, 500])
        return splitter

    @staticmethod
    def _size_diagram(diagram: NetworkDiagram) -> None:
        diagram.setMinimumHeight(140)
        diagram.setMaximumHeight(270)

    def _build_readouts(self) -> QGridLayout:
        """Check box and button on the left, the four numbers two by two on
        the right, so the row stays narrow in any language."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(0)
        self.showNeuronsCheck = check_box("", self, "showNeuronsCheck", "")
        self.fitViewButton = self._tool_button("fitViewButton")
        self.mseLabel = self._readout("mseLabel")
        self.r2Label = self._readout("r2Label")
        self.maxErrorLabel = self._readout("maxErrorLabel")
        self.bestMseLabel = self._readout("bestMseLabel")
        grid.addWidget(self.showNeuronsCheck, 0, 0)
        grid.addWidget(self.fitViewButton, 1, 0, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.mseLabel, 0, 2)
        grid.addWidget(self.bestMseLabel, 1, 2)
        grid.addWidget(self.r2Label, 0, 3)
        grid.addWidget(self.maxErrorLabel, 1, 3)
        return grid

    def _readout(self, name: str) -> QLabel:
        label = readout_label(self, name, "")
        label.setAutoFillBackground(True)  # opaque: a new value repaints only the label
        return label

    def _connect(self) -> None:
        self.model.paramsChanged.connect(self._on_model_params_changed)
        self.model.shapeChanged.connect(self._on_model_shape_changed)
        self.model.targetChanged.connect(self._on_model_target_changed)
        self.model.locksChanged.connect(self._on_model_locks_changed)
        self.plot.kinkDragStarted.connect(self._on_plot_kink_drag_started)
        self.plot.kinkDragged.connect(self._on_plot_kink_dragged)
        self.plot.kinkDragFinished.connect(self._on_plot_kink_drag_finished)
        self.plot.strokeStarted.connect(self.model.begin_stroke)
        self.plot.strokeDrawn.connect(self.model.draw_stroke)
        self.plot.strokeFinished.connect(self._on_plot_stroke_finished)
        self.plot.widget.getPlotItem().getViewBox().sigRangeChanged.connect(
            self._on_plot_range_changed)
        self.presetCombo.currentIndexChanged.connect(self._on_preset_combo_index_changed)
        self.presetReloadButton.clicked.connect(self._on_preset_reload_button_clicked)
        self.targetCombo.currentIndexChanged.connect(self._on_target_combo_index_changed)
        self.sineLayersSpin.valueChanged.connect(self._on_shape_control_changed)
        for spin in self.width_spins:
            spin.valueChanged.connect(self._on_shape_control_changed)
        self.sineActivationCombo.currentIndexChanged.connect(self._on_shape_control_changed)
        self.autoFitButton.toggled.connect(self._on_auto_fit_button_toggled)
        self.autoFitTargetSpin.valueChanged.connect(self._on_auto_fit_target_spin_changed)
        self.autofit.stopped.connect(self._on_autofit_stopped)
        self.autofit.ticked.connect(self._on_autofit_ticked)
        self.showNeuronsCheck.toggled.connect(self._on_show_neurons_check_toggled)
        self.fitViewButton.clicked.connect(self._on_fit_view_button_clicked)
        self.undoButton.clicked.connect(self.undo)
        self.redoButton.clicked.connect(self.redo)
        self.undo_stack.canUndoChanged.connect(self.undoButton.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redoButton.setEnabled)
        self.undoButton.setEnabled(False)
        self.redoButton.setEnabled(False)
        self.saveWeightsButton.clicked.connect(self._on_save_weights_button_clicked)
        self.loadWeightsButton.clicked.connect(self._on_load_weights_button_clicked)
        self.copyNumpyButton.clicked.connect(self._on_copy_numpy_button_clicked)
        self.guided.toggled.connect(self._on_guided_bar_toggled)
        self.guided.stepRequested.connect(self._on_guided_bar_step_requested)
        self.guided_build.stepChanged.connect(self._on_guided_build_step_changed)

    def _connect_views(self) -> None:
        """The panel's and the diagram's signals (again after a change of shape,
        which builds both anew)."""
        self.panel.valueChanged.connect(self._on_panel_value_changed)
        self.panel.editStarted.connect(self._on_panel_edit_started)
        self.panel.editFinished.connect(self._on_panel_edit_finished)
        self.panel.lockToggled.connect(self._on_panel_lock_toggled)
        self.panel.neuronShown.connect(self._on_panel_neuron_shown)
        self.diagram.neuronSelected.connect(self._on_diagram_neuron_selected)

    def _add_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self._shortcuts = []
        for keys, slot in ((QKeySequence.StandardKey.Undo, self.undo),
                           (QKeySequence("Ctrl+Shift+Z"), self.redo)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)

    def release_shortcuts(self) -> None:
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)

    # --- texts and colours, in place ---

    def retranslate(self) -> None:
        """Every text the tab itself shows (its sub-views translate themselves)."""
        names = {"hand_tuned": self.tr("Hand-tuned"), "nnfs_first_step": self.tr("NNFS first step"),
                 "random": self.tr("Random"), "zeros": self.tr("Zeros"), CUSTOM: self.tr("Custom")}
        self._retranslate_combo(self.presetCombo, names)
        self._retranslate_combo(self.targetCombo, {
            **{key: engine_text(target.label) for key, target in TARGETS.items()},
            SKETCH: self.tr("draw your own")})
        self._retranslate_combo(self.sineActivationCombo, {
            key: engine_text(activation_label(key)) for key in ACTIVATION_KEYS})
        self._preset_label.setText(self.tr("Preset:"))
        self._target_label.setText(self.tr("Target:"))
        self._autofit_label.setText(self.tr("stop at MSE ≤"))
        self._layers_label.setText(self.tr("Hidden layers:"))
        self._widths_label.setText(self.tr("neurons:"))
        self._set_control(self.presetCombo, self.tr("Preset"), self.tr(
            "Starting weights, one undo step. Hand-tuned: eight neuron pairs drawing the sine "
            "in straight segments. NNFS first step: only the first pair, as the chapter "
            "begins (both on the 1→8→8→1 ReLU network). Random: an untrained network. Zeros: "
            "everything at 0. Custom: your own weights."))
        self._set_control(self.presetReloadButton, self.tr("Load the preset again"), self.tr(
            "Load the chosen preset again (Random draws new numbers)."))
        self._set_control(self.targetCombo, self.tr("Target curve"), self.tr(
            "The curve the network should follow. “draw your own”: drag on the plot to sketch "
            "a target; drawing over a stretch again replaces it."))
        self._set_control(self.autoFitButton, self.tr("Auto-fit"), self.tr(
            "Let gradient descent (Adam) improve the current weights, animated; press again "
            "to stop. It stops by itself at the target MSE or after {0} steps, keeping the "
            "best weights it reached. Locked parameters do not move.").format(autofit.MAX_STEPS))
        self._show_autofit_button()
        self._set_control(self.autoFitTargetSpin, self.tr("Auto-fit target MSE"), self.tr(
            "Auto-fit stops when the MSE is this low."))
        self._autofit_label.setToolTip(self.autoFitTargetSpin.toolTip())
        self.undoButton.setText(self.tr("Undo"))
        self._set_control(self.undoButton, self.tr("Undo"), self.tr(
            "Undo the last change of the network (Ctrl+Z)."))
        self.redoButton.setText(self.tr("Redo"))
        self._set_control(self.redoButton, self.tr("Redo"), self.tr(
            "Redo the change you undid (Ctrl+Shift+Z)."))
        self.saveWeightsButton.setText(self.tr("Save…"))
        self._set_control(self.saveWeightsButton, self.tr("Save weights"), self.tr(
            "Save the network's shape, weights and biases to a JSON file."))
        self.loadWeightsButton.setText(self.tr("Load…"))
        self._set_control(self.loadWeightsButton, self.tr("Load weights"), self.tr(
            "Load weights saved by Neuron Tuner, with their network's shape (a bad file is "
            "refused, nothing changes)."))
        self.copyNumpyButton.setText(self.tr("Copy as NumPy"))
        self._set_control(self.copyNumpyButton, self.tr("Copy as NumPy"), self.tr(
            "Copy Python code that rebuilds these weights as NumPy arrays W1, b1, W2, b2, …, "
            "with a forward(x) function."))
        self._set_control(self.sineLayersSpin, self.tr("Number of hidden layers"), self.tr(
            "How many hidden layers the network has (1 to {0}). A change of shape is one undo "
            "step; weights both shapes share are kept.").format(MAX_HIDDEN_LAYERS))
        for k, spin in enumerate(self.width_spins, start=1):
            self._set_control(spin, self.tr("Neurons in hidden layer {0}").format(k), self.tr(
                "How many neurons hidden layer {0} has (1 to {1}); off when the network has "
                "fewer layers.").format(k, MAX_WIDTH))
        self._set_control(self.sineActivationCombo, self.tr("Hidden activation"), self.tr(
            "The activation of every hidden neuron. ReLU and Leaky ReLU bend at a kink, tanh "
            "and sigmoid bend smoothly."))
        self.showNeuronsCheck.setText(self.tr("Show neurons"))
        self._set_control(self.showNeuronsCheck, self.tr("Show neurons"), self.tr(
            "Thin curves: each last-hidden-layer neuron's weighted part of the output (they "
            "add up to it, plus the output bias). Dashed lines: each first-layer neuron's kink "
            "(ReLU-like activations only); drag one to move that neuron's bias."))
        self.fitViewButton.setText(self.tr("Fit view"))
        self._set_control(self.fitViewButton, self.tr("Fit view"), self.tr(
            "Rescale the y axis to show the whole target and output."))
        self.mseLabel.setToolTip(self.tr(
            "Mean squared error between the network output and the target over the 1000 "
            "points."))
        self.r2Label.setToolTip(self.tr(
            "R²: 1 is a perfect fit, 0 is no better than a flat line at the target's mean."))
        self.maxErrorLabel.setToolTip(self.tr(
            "The largest distance between output and target at any of the points."))
        self.bestMseLabel.setToolTip(self.tr(
            "The lowest MSE reached against this target with this network shape."))
        self.messageLabel.setToolTip(self.tr("What the last action did, or why it failed."))
        self._name_scroll_bars()
        self.plot.retranslate()
        self._show_title()
        self._show_metrics()
        self._show_neuron_note()
        self._show_message()

    def _name_scroll_bars(self) -> None:
        """Scroll bars are sliders too: a screen reader names them."""
        for bar in self.findChildren(QScrollBar):
            bar.setAccessibleName(self.tr("vertical scroll bar")
                                  if bar.orientation() == Qt.Orientation.Vertical
                                  else self.tr("horizontal scroll bar"))

    @staticmethod
    def _retranslate_combo(combo: QComboBox, texts: dict[str, str]) -> None:
        for index in range(combo.count()):
            combo.setItemText(index, texts[combo.itemData(index)])

    @staticmethod
    def _set_control(widget: QWidget, name: str, tip: str) -> None:
        widget.setAccessibleName(name)
        widget.setToolTip(tip)

    def restyle(self) -> None:
        self.plot.restyle()
        self.diagram.restyle()
        self.panel.restyle()

    # --- TabMixin ---

    def tab_title(self) -> str:
        return self.tr("Sine fit")

    def weights_io(self):
        return self

    def export_plot(self):
        return self.plot.widget

    def exercise_snapshot(self) -> dict:
        # The auto-fit token changes whenever auto-fit runs (each start counts;
        # every tick adds steps): "by hand" exercises use it.
        autofit = self.autofit
        return {"sine_network": self.network, "sine_x": self.model.x,
                "sine_target": self.model.target, "sine_target_key": self.model.target_key,
                "sine_autofit_token": (autofit.is_running(), autofit.runs, autofit.steps)}

    def stop_animation(self) -> None:
        self.autofit.stop()

    def is_running(self) -> bool:
        return self.autofit.is_running()

    def reset_tab(self) -> None:
        self._restore(self.model.checked_state({}))

    def state_dict(self) -> dict:
        return self.model.state_dict(self.presetCombo.currentData())

    def load_state(self, state: dict) -> None:
        self._restore(self.model.checked_state(state))

    def _restore(self, state: dict) -> None:
        """Apply a checked state as a fresh start: no undo history, no guided build."""
        self.autofit.cancel()
        with signals_blocked(self.guided.button):
            self.guided.button.setChecked(False)
        self.guided_build.leave()
        self.model.apply_state(state)
        if state["preset"] == "random":
            self.model.random_state = self.model.network_state()
        with signals_blocked(self.targetCombo, self.autoFitTargetSpin, self.showNeuronsCheck):
            self.targetCombo.setCurrentIndex(self.targetCombo.findData(state["target"]))
            self.autoFitTargetSpin.setValue(state["autofit_target_mse"])
            self.showNeuronsCheck.setChecked(state["show_neurons"])
        self.autofit.target_mse = self.model.autofit_target_mse
        self._show_target_mode()
        self.plot.set_neurons_visible(state["show_neurons"])
        self._select_neuron(*state["selected"])
        self.plot.set_y_range(*state["y_range"])
        self.undo_stack.clear()
        self._say(None)
        self._show_fit(None)
        self._show_preset(state["preset"])

    # --- weights files (File menu and buttons) ---

    def save_weights(self, path) -> WeightsResult:
        """Write the network to ``path``; the result names any problem."""
        try:
            write_weights(path, self.model.network_state(), self.model.target_key)
        except (OSError, ValueError) as err:
            problem = str(err)
            self._say(lambda: self.tr("Could not save the weights: {0}").format(problem))
            return WeightsResult.failure(self.tr("Could not save the weights: {0}").format(
                problem))
        self._say(lambda: self.tr("Saved the weights to {0}.").format(str(path)))
        return WeightsResult.success()

    def load_weights(self, path) -> WeightsResult:
        """Load a network from ``path`` (switching to its shape) as one undo
        step; on a bad file nothing changes and the result names the problem."""
        try:
            state = read_weights(path)
        except ValueError as err:
            problem = str(err)
            self._say(lambda: self.tr("Could not load the weights from {0}: {1}").format(
                str(path), engine_text(problem)))
            return WeightsResult.failure(self.tr(
                "Could not load the weights from {0}: {1}").format(str(path),
                                                                   engine_text(problem)))
        self.autofit.stop()
        self._leave_guided_build()
        self.history.push(state, self.tr("Load weights"))
        self._fit_view()
        self._say(lambda: self.tr("Loaded the weights from {0}.").format(str(path)))
        return WeightsResult.success()

    def _show_failure(self, result: WeightsResult, title: str) -> None:
        """The tab's own Save/Load buttons show a failure in a message box."""
        if result.ok:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, title, result.message,
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal but not blocking: the event loop keeps running

    def _on_save_weights_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save weights"), "weights.json",
                                              self.tr("Neuron Tuner weights (*.json)"))
        if path:
            self._show_failure(self.save_weights(path), self.tr("Could not save the weights"))

    def _on_load_weights_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load weights"), "",
                                              self.tr("Neuron Tuner weights (*.json)"))
        if path:
            self._show_failure(self.load_weights(path), self.tr("Could not load the weights"))

    def _on_copy_numpy_button_clicked(self) -> None:
        # numpy_code writes every activation the shape controls offer.
        QGuiApplication.clipboard().setText(numpy_code(self.network))
        self._say(lambda: self.tr("Copied NumPy code for W1, b1, W2, b2, … to the clipboard."))

    # --- undo ---

    def undo(self) -> None:
        """Ctrl+Z. During auto-fit it cancels the run, back to where it began."""
        if self.autofit.is_running():
            start = self.autofit.start_state
            self.autofit.cancel()
            self.model.set_network_state(start)
        else:
            self.undo_stack.undo()

    def redo(self) -> None:
        self.autofit.stop()
        self.undo_stack.redo()

    def _apply_state(self, state: NetworkState) -> None:
        # An undo or redo from the Edit menu while auto-fit runs drops the run.
        self.autofit.cancel()
        self.model.set_network_state(state)

    # --- parameter edits ---

    def _on_panel_edit_started(self, _name: str) -> None:
        self.autofit.stop()
        self.history.begin_gesture()

    def _on_panel_value_changed(self, name: str, value: float) -> None:
        if self.history.in_gesture():  # mid-drag: one undo step on release
            self.history.set_dragged(name)  # its slider and spin box already show the value
            self.model.set_param(name, value)
        else:
            self.autofit.stop()
            after = self.model.get_flat()
            after[self.network.param_index(name)] = value
            state = self.model.network_state()
            self.history.push(NetworkState(state.sizes, state.activation, after),
                              self.tr("Set {0}").format(name))
        self._explain_if_silent(name)

    def _on_panel_edit_finished(self, name: str) -> None:
        self.history.end_gesture(self.tr("Drag {0}").format(name))

    def _explain_if_silent(self, name: str) -> None:
        """From Zeros a hidden slider changes nothing: say why."""
        layer, index = self.model.param_neuron(name)
        silent = layer < len(self.network.sizes) - 1 and self.model.is_silent(name)
        if not silent:
            if self._message is self._silent_message:
                self._say(None)
            return
        self._silent_message = lambda: self.tr(
            "{0} changes nothing yet: this neuron's output is multiplied by 0 in every path "
            "to y (hidden-{1} neuron {2}: every weight after it, or after the neurons it "
            "feeds, is 0). Give one of those weights a value first.").format(name, layer, index)
        self._say(self._silent_message)

    def _on_panel_lock_toggled(self, names: list[str], locked: bool) -> None:
        self.model.set_locked(names, locked)

    def _on_plot_kink_drag_started(self, _k: int) -> None:
        self.autofit.stop()
        self.history.begin_gesture()

    def _on_plot_kink_dragged(self, k: int, x: float) -> None:
        try:
            bias = self.network.bias_for_kink(k, x)
        except ValueError as err:
            problem = str(err)
            self._say(lambda: engine_text(problem))
            return
        # Rounded like a typed value, so the spin box shows exactly what the network holds.
        bias = min(max(round(bias, DECIMALS), -PARAM_LIMIT), PARAM_LIMIT)
        self.model.set_param(f"b1_{k}", bias)

    def _on_plot_kink_drag_finished(self, k: int) -> None:
        self.history.end_gesture(self.tr("Move kink {0}").format(k))

    # --- shape ---

    def _kink_count(self) -> int:
        return self.network.sizes[1] if self.model.kinks_shown() else 0

    def _on_shape_control_changed(self, *_args) -> None:
        depth = self.sineLayersSpin.value()
        sizes = (1, *(spin.value() for spin in self.width_spins[:depth]), 1)
        activation = self.sineActivationCombo.currentData()
        self.set_shape(sizes, activation)

    def set_shape(self, sizes, activation: str = ACTIVATION) -> None:
        """Switch to a network of ``sizes`` and ``activation`` as one undo
        step (``ValueError``, nothing changed, for a shape the tab cannot show)."""
        if (tuple(sizes), activation) == (self.network.sizes, self.network.hidden_activation):
            return
        state = self.model.reshaped(sizes, activation)
        self.autofit.stop()
        self._leave_guided_build()
        shape = " → ".join(str(s) for s in state.sizes)
        self.history.push(state, self.tr("Shape {0}, {1}").format(
            shape, engine_text(activation_label(activation))))
        self._fit_view()

    def _on_model_shape_changed(self) -> None:
        """Build the panel, the diagram and the neuron curves for the new network."""
        network = self.network
        old_panel, old_diagram = self.panel, self.diagram
        self.panel = ParamPanel(network, self, values=network.get_flat(),
                                locked=self.model.locked,
                                lazy=network.n_params > EAGER_PANEL_PARAMS)
        self.diagram = NetworkDiagram(network, self)
        self._size_diagram(self.diagram)
        self._side.replaceWidget(old_panel, self.panel)
        old_panel.dispose()
        self._side.replaceWidget(old_diagram, self.diagram)
        self.panel.show()  # now, not when the layout's queued show comes round
        self.diagram.show()
        old_diagram.hide()
        old_diagram.setParent(None)  # out of the widget tree now: findChild sees only the new
        old_diagram.deleteLater()
        self._connect_views()
        self._name_scroll_bars()
        self.plot.set_shape(network.sizes[-2], self._kink_count())
        self.plot.set_neurons_visible(self.model.show_neurons)
        self._select_neuron(*self.model.selected)
        self._show_shape_controls()
        self._show_neuron_note()
        if network.sizes != SIZES:
            self._leave_guided_build()

    def _show_shape_controls(self) -> None:
        hidden = self.network.sizes[1:-1]
        with signals_blocked(self.sineLayersSpin, self.sineActivationCombo, *self.width_spins):
            self.sineLayersSpin.setValue(len(hidden))
            for k, spin in enumerate(self.width_spins):
                if k < len(hidden):
                    spin.setValue(hidden[k])
                spin.setEnabled(k < len(hidden))
            self.sineActivationCombo.setCurrentIndex(
                self.sineActivationCombo.findData(self.network.hidden_activation))

    # --- presets, targets, sketching ---

    def _on_preset_combo_index_changed(self, _index: int) -> None:
        self._load_preset()

    def _on_preset_reload_button_clicked(self) -> None:
        self._load_preset()

    def _load_preset(self) -> None:
        key = self.presetCombo.currentData()
        if key == CUSTOM:  # not a preset: what the weights are now
            self._show_preset()
            return
        self.autofit.stop()
        self._leave_guided_build()
        state = preset_values(key, self.network)
        if key == "random":
            self.model.random_state = state
        name = self.presetCombo.currentText()
        self.history.push(state, self.tr("Preset: {0}").format(name))
        self._fit_view()
        self._say(lambda: self.tr("Loaded the “{0}” weights.").format(name))

    def _show_preset(self, shown: str | None = None) -> None:
        """The preset box names what is really loaded ("Custom" for anything else)."""
        if shown is None:
            state = self.model.network_state()
            random = self.model.random_state
            shown = "random" if random is not None and state.same_as(random) else (
                matching_preset(state))
        with signals_blocked(self.presetCombo):
            self.presetCombo.setCurrentIndex(self.presetCombo.findData(shown))

    def _on_target_combo_index_changed(self, _index: int) -> None:
        self.model.set_target(self.targetCombo.currentData())
        self._show_target_mode()
        self._fit_view()

    def _show_target_mode(self) -> None:
        self.plot.set_sketching(self.model.target_key == SKETCH)
        self._show_title()

    def _show_title(self) -> None:
        self.plot.set_title(self.tr("Drag on the plot to draw your own target")
                            if self.model.target_key == SKETCH
                            else self.tr("Network output and target"))

    def _on_plot_stroke_finished(self) -> None:
        self.model.end_stroke()
        self.changed.emit()

    def _on_plot_range_changed(self, *_args) -> None:
        self.model.y_range = self.plot.y_range()

    # --- auto-fit ---

    def _on_auto_fit_button_toggled(self, on: bool) -> None:
        if on:
            self._say(lambda: self.tr("Auto-fit starting…"))
            self._show_autofit_button()
            self.autofit.start()
        else:
            self.autofit.stop()

    def _show_autofit_button(self) -> None:
        running = self.autoFitButton.isChecked()
        self.autoFitButton.setText(self.tr("Stop") if running else self.tr("Auto-fit"))
        self.autoFitButton.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MediaStop if running else QStyle.StandardPixmap.SP_MediaPlay))

    def _on_auto_fit_target_spin_changed(self, value: float) -> None:
        self.model.autofit_target_mse = value
        self.autofit.target_mse = value
        self.changed.emit()

    def _on_autofit_ticked(self) -> None:
        steps, mse = self.autofit.steps, significant(self.model.metrics["mse"])
        if self.autofit.behind:
            self._say(lambda: self.tr(
                "Auto-fit running (Adam): step {0}, MSE {1} — fewer steps per frame than "
                "asked: this machine cannot keep up.").format(steps, mse))
        else:
            self._say(lambda: self.tr("Auto-fit running (Adam): step {0}, MSE {1}.").format(
                steps, mse))

    def _on_autofit_stopped(self, reason: str) -> None:
        with signals_blocked(self.autoFitButton):
            self.autoFitButton.setChecked(False)
        self._show_autofit_button()
        if reason == autofit.CANCELLED:
            self._say(lambda: self.tr("Auto-fit cancelled."))
            return
        if reason == autofit.ALL_LOCKED:
            self._say(lambda: self.tr("Auto-fit has nothing to do: every parameter is locked. "
                                      "Unlock some to let it learn."))
            return
        steps, mse = self.autofit.steps, significant(self.model.metrics["mse"])
        self.history.push(self.model.network_state(), self.tr("Auto-fit ({0} steps)").format(
            steps), self.autofit.start_state, applied=True)
        messages = {
            autofit.REACHED: lambda: self.tr("Auto-fit reached MSE {0} after {1} steps."),
            autofit.LIMIT: lambda: self.tr("Auto-fit stopped at the step limit after {1} "
                                           "steps, keeping the best weights it reached: MSE {0}."),
            autofit.STOPPED: lambda: self.tr("Auto-fit paused: MSE {0} after {1} steps."),
            autofit.DIVERGED: lambda: self.tr(
                "Auto-fit stopped: a step diverged (a weight would have become infinite or "
                "left −10 … 10). The last good weights are kept: MSE {0} after {1} steps."),
        }
        self._say(lambda: messages[reason]().format(mse, steps))
        self.changed.emit()

    # --- guided build ---

    def _on_guided_bar_toggled(self, on: bool) -> None:
        if not on:
            self._leave_guided_build()
        elif self.guided_build.would_overwrite():
            self._confirm_guided_build()
        else:
            self._start_guided_build()

    def _confirm_guided_build(self) -> None:
        """Ask before the guided build replaces the learner's weights and target."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Guided build"), self.tr(
            "The guided build replaces your weights with its own (and the target with the "
            "sine). You can undo it with Ctrl+Z. Start the guided build?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("guidedConfirmBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_guided_confirm_finished)
        self.confirm_box = box
        box.open()

    def _on_guided_confirm_finished(self, result: int) -> None:
        self.confirm_box = None
        if result == QMessageBox.StandardButton.Yes:
            self._start_guided_build()
        else:
            with signals_blocked(self.guided.button):
                self.guided.button.setChecked(False)

    def _start_guided_build(self) -> None:
        self.autofit.stop()
        with signals_blocked(self.guided.button):
            self.guided.button.setChecked(True)
        self.targetCombo.setCurrentIndex(self.targetCombo.findData("sine"))
        self._show_guided_step(0)

    def _leave_guided_build(self) -> None:
        if self.guided_build.is_running():
            with signals_blocked(self.guided.button):
                self.guided.button.setChecked(False)
            self.guided_build.leave()

    def _on_guided_bar_step_requested(self, delta: int) -> None:
        if self.guided_build.step is not None:
            self._show_guided_step(self.guided_build.step + delta)

    def _show_guided_step(self, k: int) -> None:
        self.autofit.stop()
        self.guided_build.show(k, self.tr("Guided build: pair {0}").format(
            min(max(k, 0), 7) + 1))
        self._say(None)

    def _on_guided_build_step_changed(self) -> None:
        k = self.guided_build.step
        if k is None:
            self.diagram.highlight_pair(None)
            self.guided.show_intro()
            return
        self.diagram.highlight_pair(k)
        self._select_neuron(1, k)
        self.guided.show_step(self.guided_build.pair_step())

    # --- selection ---

    def _on_diagram_neuron_selected(self, layer: int, index: int) -> None:
        self._select_neuron(layer, index)
        self.changed.emit()

    def _on_panel_neuron_shown(self, layer: int, index: int) -> None:
        self.model.selected = (layer, index)
        self.diagram.select(layer, index)
        self.changed.emit()

    def _select_neuron(self, layer: int, index: int) -> None:
        self.model.selected = (layer, index)
        self.panel.show_neuron(layer, index)
        self.diagram.select(layer, index)

    # --- redrawing ---

    def _on_model_params_changed(self, names: list[str] | None) -> None:
        self._show_fit(names)
        if not self.history.in_gesture():
            self._show_preset()
        self.changed.emit()

    def _on_model_target_changed(self) -> None:
        self.plot.set_target(self.model.x, self.model.target)
        self._show_fit([])
        self.changed.emit()

    def _on_model_locks_changed(self) -> None:
        self.panel.set_locked(self.model.locked)
        self.changed.emit()

    def _show_fit(self, names: list[str] | None) -> None:
        """Redraw everything that depends on the weights; ``names`` are the
        parameters whose sliders need the new value (None: all)."""
        snapshot = self.model.snapshot
        self.plot.set_output(self.model.x, snapshot.prediction)
        if self.plot.neurons_visible():
            self.plot.set_contributions(self.model.x, snapshot.contributions)
            if self.plot.kink_lines:
                self.plot.set_kinks(snapshot.kinks)
        self._show_metrics()
        dragged = self.history.dragged
        if names is None or (names and names != [dragged]):
            self.panel.mirror(self.model.get_flat(), names)
        self.panel.set_gradient(snapshot.gradient)
        self.diagram.refresh(snapshot.dead)

    def _show_metrics(self) -> None:
        metrics = self.model.metrics
        self.mseLabel.setText(self.tr("MSE {0}").format(significant(metrics["mse"])))
        self.r2Label.setText(self.tr("R² {0}").format(significant(metrics["r2"])))
        self.maxErrorLabel.setText(self.tr("max |error| {0}").format(
            significant(metrics["max_abs_error"])))
        self.bestMseLabel.setText(self.tr("best MSE {0}").format(
            significant(self.model.best_mse)))

    def _show_neuron_note(self) -> None:
        """Under the plot while neurons are shown: what the thin curves are,
        and why there are no kinks for smooth activations."""
        if not self.model.show_neurons:
            self.neuronNoteLabel.hide()
            return
        last = len(self.network.sizes) - 2
        if self.model.kinks_shown():
            text = self.tr("Thin curves: each hidden-{0} neuron's part of y. Dashed lines: "
                           "where each first-layer neuron bends (its kink).").format(last)
        else:
            text = self.tr("Thin curves: each hidden-{0} neuron's part of y. No kinks for "
                           "tanh/sigmoid: they bend smoothly, nowhere in particular.").format(last)
        self.neuronNoteLabel.setText(text)
        self.neuronNoteLabel.show()

    def _on_show_neurons_check_toggled(self, on: bool) -> None:
        self.model.show_neurons = on
        self.plot.set_neurons_visible(on)
        self._show_neuron_note()
        self._show_fit([])
        self.changed.emit()

    def _on_fit_view_button_clicked(self) -> None:
        self._fit_view()
        self.changed.emit()

    def _fit_view(self) -> None:
        curves = [self.model.target, self.model.snapshot.prediction]
        if self.model.target_key == SKETCH:  # room to draw in, whatever is drawn so far
            curves.append(np.array(DEFAULT_Y_RANGE) / (1 + 2 * FIT_MARGIN))
        self.plot.fit_view(*curves)

    def _say(self, message: Message | None) -> None:
        """Show a status line; it is made again in the new language after a switch."""
        self._message = message
        self._show_message()

    def _show_message(self) -> None:
        self.messageLabel.setText(self._message() if self._message is not None else "")
