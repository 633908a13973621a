"""Sine-fit tab (issue 4): tune all 97 weights and biases of a 1→8→8→1 ReLU
network by hand and watch the curve follow, as NNFS chapter 4 does in
static figures.

``SineFitModel`` owns the one ``MLP`` and the target; this tab wires the views
to it: the plot (``SinePlotView``), the network diagram, the parameter panel,
the guided build bar and the readouts all redraw from the model's signals,
within the event that changed it. Every change of the weights goes through
one undo command; auto-fit is a ``QTimer`` animation (``AutoFitter``).
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.presets import PAIRS, SEGMENT, SINE_PRESETS, guided_sine_steps
from engine.serialization import ParamsFileError, load_params, numpy_code, save_params
from engine.targets import TARGETS
from gui.common.widgets import check_box, float_spin, readout_label, signals_blocked, toggle_button
from gui.contract import TabMixin
from gui.i18n import engine_text
from gui.sine import autofit
from gui.sine.autofit import AutoFitter
from gui.sine.commands import SetParamsCommand
from gui.sine.diagram import NetworkDiagram
from gui.sine.guided import GuidedBar, PairStep
from gui.sine.model import MAX_SKETCH_POINTS, PARAM_LIMIT, SKETCH, TARGET_KEYS, SineFitModel
from gui.sine.params import DECIMALS, ParamPanel
from gui.sine.plot import DEFAULT_Y_RANGE, SinePlotView

# The tab opens on "NNFS first step", not on the finished fit: the learner sees
# what one neuron pair does (one segment of the sine, flat elsewhere) and has
# the rest to build — by hand, with the guided build, or by auto-fit — which is
# where chapter 4 starts too. "Hand-tuned" is one click away.
START_PRESET = "nnfs_first_step"
PRESET_KEYS = ("hand_tuned", "nnfs_first_step", "random", "zeros")
MIN_TARGET_MSE, MAX_TARGET_MSE = 1e-6, 1.0
STATE_KEYS = frozenset({"params", "preset", "target", "sketch", "locked", "show_neurons",
                        "selected", "y_range", "autofit_target_mse"})


def _number(value: float) -> str:
    """Four significant digits, trailing zeros kept (0.5000, 0.001543, 4.412e-05)."""
    return f"{value:#.4g}" if math.isfinite(value) else "—"


class SineFitTab(TabMixin, QWidget):
    """Fit a target curve with a 1→8→8→1 ReLU network by moving its weights."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sineTab")
        self.model = SineFitModel(self)
        self.network = self.model.network
        self.undo_stack = QUndoStack(self)
        self.autofit = AutoFitter(self.model, self)
        self.last_error: str | None = None
        self._drag_before: np.ndarray | None = None  # weights when a slider drag began
        self._kink_before: np.ndarray | None = None  # weights when a kink drag began
        self._discard_autofit = False
        self._editing: str | None = None  # the parameter the user is dragging right now
        self._guided_step: int | None = None
        self._guided_steps = guided_sine_steps()

        self.plot = SinePlotView(self.network.sizes[-2], self.network.sizes[1], self)
        self.target_curve = self.plot.target_curve
        self.output_curve = self.plot.output_curve
        self.diagram = NetworkDiagram(self.network, self)
        self.panel = ParamPanel(self.network, self)
        self.guided = GuidedBar(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(self._build_toolbar())
        layout.addWidget(self.guided)
        layout.addWidget(self._build_body(), 1)

        self._connect()
        self._add_shortcuts()
        self._restore(self._default_state())

    # --- the contract's views of the model ---

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
        for key, text in zip(PRESET_KEYS, (self.tr("Hand-tuned"), self.tr("NNFS first step"),
                                           self.tr("Random"), self.tr("Zeros")), strict=True):
            self.presetCombo.addItem(text, key)
        self.presetCombo.setToolTip(self.tr(
            "Starting weights. Hand-tuned: eight neuron pairs drawing the sine in straight "
            "segments. NNFS first step: only the first pair, as the chapter begins. Random: "
            "an untrained network. Zeros: everything at 0."))
        self.presetReloadButton = QToolButton(self)
        self.presetReloadButton.setObjectName("presetReloadButton")
        self.presetReloadButton.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_BrowserReload))
        self.presetReloadButton.setToolTip(self.tr(
            "Load the chosen preset again (Random draws new numbers)."))
        self.targetCombo = QComboBox(self)
        self.targetCombo.setObjectName("targetCombo")
        for key, target in TARGETS.items():
            self.targetCombo.addItem(engine_text(target.label), key)
        self.targetCombo.addItem(self.tr("draw your own"), SKETCH)
        self.targetCombo.setToolTip(self.tr(
            "The curve the network should follow. “draw your own”: drag on the plot to sketch "
            "a target; drawing over a stretch again replaces it."))

        self.autoFitButton = toggle_button(self.tr("Auto-fit"), self, "autoFitButton", self.tr(
            "Let gradient descent (Adam) improve the current weights, animated; press again "
            "to stop. It stops by itself at the target MSE or after {0} steps. Locked "
            "parameters do not move.").format(autofit.MAX_STEPS),
            icon=QStyle.StandardPixmap.SP_MediaPlay)
        self.autoFitTargetSpin = float_spin(
            self, "autoFitTargetSpin", self.tr("Auto-fit stops when the MSE is this low."),
            (MIN_TARGET_MSE, MAX_TARGET_MSE), decimals=6, step=1e-4)
        target_label = QLabel(self.tr("stop at MSE ≤"), self)
        target_label.setToolTip(self.autoFitTargetSpin.toolTip())

        self.undoButton = self._tool_button("undoButton", self.tr("Undo"),
                                            self.tr("Undo the last change of the weights "
                                                    "(Ctrl+Z)."))
        self.redoButton = self._tool_button("redoButton", self.tr("Redo"),
                                            self.tr("Redo the change you undid (Ctrl+Shift+Z)."))
        self.saveWeightsButton = self._tool_button(
            "saveWeightsButton", self.tr("Save…"), self.tr("Save the 97 weights and biases to a "
                                                         "JSON file."))
        self.loadWeightsButton = self._tool_button(
            "loadWeightsButton", self.tr("Load…"), self.tr("Load weights saved by Neuron Tuner "
                                                         "(a bad file is refused, nothing "
                                                         "changes)."))
        self.copyNumpyButton = self._tool_button(
            "copyNumpyButton", self.tr("Copy as NumPy"), self.tr(
                "Copy Python code that rebuilds these weights as NumPy arrays W1, b1, W2, b2, "
                "W3, b3, with a forward(x) function."))

        row.addWidget(QLabel(self.tr("Preset:"), self))
        row.addWidget(self.presetCombo)
        row.addWidget(self.presetReloadButton)
        row.addSpacing(10)
        row.addWidget(QLabel(self.tr("Target:"), self))
        row.addWidget(self.targetCombo)
        row.addSpacing(10)
        row.addWidget(self.autoFitButton)
        row.addWidget(target_label)
        row.addWidget(self.autoFitTargetSpin)
        row.addStretch(1)
        for button in (self.undoButton, self.redoButton):
            row.addWidget(button)
        row.addSpacing(10)
        for button in (self.saveWeightsButton, self.loadWeightsButton, self.copyNumpyButton):
            row.addWidget(button)
        return row

    def _tool_button(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        return button

    def _build_body(self) -> QSplitter:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.plot.widget, 1)
        column.addLayout(self._build_readouts())
        self.messageLabel = QLabel(left)
        self.messageLabel.setObjectName("sineMessage")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 4)
        self.messageLabel.setToolTip(self.tr("What the last action did, or why it failed."))
        column.addWidget(self.messageLabel)

        right = QWidget(self)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(4)
        self.diagram.setMinimumHeight(200)
        self.diagram.setMaximumHeight(270)
        side.addWidget(self.diagram)
        side.addWidget(self.panel, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("sineSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([740, 500])
        return splitter

    def _build_readouts(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(14)
        self.showNeuronsCheck = check_box(
            self.tr("Show neurons"), self, "showNeuronsCheck", self.tr(
                "Thin curves: each second-layer neuron's weighted part of the output (they add "
                "up to it, plus the output bias). Dashed lines: each first-layer neuron's kink; "
                "drag one to move that neuron's bias."))
        self.fitViewButton = self._tool_button("fitViewButton", self.tr("Fit view"), self.tr(
            "Rescale the y axis to show the whole target and output."))
        self.mseLabel = self._readout("mseLabel", self.tr(
            "Mean squared error between the network output and the target over the 1000 "
            "points."))
        self.r2Label = self._readout("r2Label", self.tr(
            "R²: 1 is a perfect fit, 0 is no better than a flat line at the target's mean."))
        self.maxErrorLabel = self._readout("maxErrorLabel", self.tr(
            "The largest distance between output and target at any of the points."))
        self.bestMseLabel = self._readout("bestMseLabel", self.tr(
            "The lowest MSE reached against this target since the tab opened."))
        row.addWidget(self.showNeuronsCheck)
        row.addWidget(self.fitViewButton)
        row.addStretch(1)
        for label in (self.mseLabel, self.r2Label, self.maxErrorLabel, self.bestMseLabel):
            row.addWidget(label)
        return row

    def _readout(self, name: str, tip: str) -> QLabel:
        label = readout_label(self, name, tip)
        label.setAutoFillBackground(True)  # opaque: a new value repaints only the label
        return label

    def _connect(self) -> None:
        self.model.paramsChanged.connect(self._on_model_params_changed)
        self.model.targetChanged.connect(self._on_model_target_changed)
        self.model.locksChanged.connect(self._on_model_locks_changed)
        self.panel.valueChanged.connect(self._on_panel_value_changed)
        self.panel.editStarted.connect(self._on_panel_edit_started)
        self.panel.editFinished.connect(self._on_panel_edit_finished)
        self.panel.lockToggled.connect(self._on_panel_lock_toggled)
        self.panel.neuronShown.connect(self._on_panel_neuron_shown)
        self.diagram.neuronSelected.connect(self._on_diagram_neuron_selected)
        self.plot.kinkDragStarted.connect(self._on_plot_kink_drag_started)
        self.plot.kinkDragged.connect(self._on_plot_kink_dragged)
        self.plot.kinkDragFinished.connect(self._on_plot_kink_drag_finished)
        self.plot.strokeStarted.connect(self.model.begin_stroke)
        self.plot.strokeDrawn.connect(self.model.draw_stroke)
        self.plot.strokeFinished.connect(self._on_plot_stroke_finished)
        self.presetCombo.currentIndexChanged.connect(self._on_preset_combo_index_changed)
        self.presetReloadButton.clicked.connect(self._on_preset_reload_button_clicked)
        self.targetCombo.currentIndexChanged.connect(self._on_target_combo_index_changed)
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

    # --- TabMixin ---

    def tab_title(self) -> str:
        return self.tr("Sine fit")

    def weights_io(self):
        return self

    def export_plot(self):
        return self.plot.widget

    def exercise_snapshot(self) -> dict:
        # The auto-fit token changes whenever auto-fit runs (a new start copies
        # the weights afresh; every tick adds steps): "by hand" exercises use it.
        autofit = self.autofit
        return {"sine_network": self.network, "sine_x": self.model.x,
                "sine_target": self.model.target, "sine_target_key": self.model.target_key,
                "sine_autofit_token": (autofit.is_running(), id(autofit.start_params),
                                       autofit.steps)}

    def stop_animation(self) -> None:
        self.autofit.stop()

    def reset_tab(self) -> None:
        self._restore(self._default_state())

    def state_dict(self) -> dict:
        return {
            "params": self.model.get_flat().tolist(),
            "preset": self.presetCombo.currentData(),
            "target": self.model.target_key,
            "sketch": {"x": self.model.sketch_x.tolist(), "y": self.model.sketch_y.tolist()},
            "locked": self.model.locked_names(),
            "show_neurons": self.showNeuronsCheck.isChecked(),
            "selected": list(self.panel.current_neuron()),
            "y_range": list(self.plot.y_range()),
            "autofit_target_mse": self.autoFitTargetSpin.value(),
        }

    def load_state(self, state: dict) -> None:
        self._restore(self._checked_state(state))

    def _default_state(self) -> dict:
        return {"params": SINE_PRESETS[START_PRESET]().tolist(), "preset": START_PRESET,
                "target": "sine", "sketch": {"x": [0.0, 1.0], "y": [0.0, 0.0]}, "locked": [],
                "show_neurons": False, "selected": [1, 0], "y_range": list(DEFAULT_Y_RANGE),
                "autofit_target_mse": autofit.DEFAULT_TARGET_MSE}

    def _checked_state(self, state) -> dict:
        """``state`` with defaults for missing keys; ``ValueError`` names the
        first bad value. Checks everything before anything is applied."""
        if not isinstance(state, dict):
            raise ValueError(f"the sine tab's state must be a dict, not {type(state).__name__}")
        unknown = set(state) - STATE_KEYS
        if unknown:
            raise ValueError(f"unknown sine tab settings: {sorted(unknown)}")
        merged = {**self._default_state(), **state}
        params = _finite_list("params", merged["params"])
        if len(params) != self.network.n_params:
            raise ValueError(f"params has {len(params)} numbers, the network needs "
                             f"{self.network.n_params}")
        if any(abs(v) > 1e6 for v in params):
            raise ValueError("params holds a value beyond ±1e6")
        if merged["preset"] not in PRESET_KEYS:
            raise ValueError(f"unknown preset {merged['preset']!r}")
        if merged["target"] not in TARGET_KEYS:
            raise ValueError(f"unknown target {merged['target']!r}")
        sketch = merged["sketch"]
        if not isinstance(sketch, dict) or set(sketch) != {"x", "y"}:
            raise ValueError("sketch must be a dict with 'x' and 'y' lists")
        sketch_x, sketch_y = _finite_list("sketch x", sketch["x"]), _finite_list("sketch y",
                                                                                 sketch["y"])
        if not 1 <= len(sketch_x) == len(sketch_y) <= MAX_SKETCH_POINTS:
            raise ValueError("sketch needs as many x as y points (1 to "
                             f"{MAX_SKETCH_POINTS})")
        locked = merged["locked"]
        if not isinstance(locked, list) or not set(locked) <= set(self.model.names):
            raise ValueError("locked must be a list of parameter names")
        if not isinstance(merged["show_neurons"], bool):
            raise ValueError("show_neurons must be true or false")
        selected = merged["selected"]
        if (not isinstance(selected, list) or len(selected) != 2
                or not all(isinstance(v, int) and not isinstance(v, bool) for v in selected)):
            raise ValueError("selected must be [layer, index]")
        self.network.neuron_param_names(*selected)  # raises ValueError for a missing neuron
        y_range = _finite_list("y_range", merged["y_range"])
        if len(y_range) != 2 or not -1e6 <= y_range[0] < y_range[1] <= 1e6:
            raise ValueError("y_range must be [low, high] with −1e6 ≤ low < high ≤ 1e6")
        low, high = y_range
        target_mse = _finite_list("autofit_target_mse", [merged["autofit_target_mse"]])[0]
        if not MIN_TARGET_MSE <= target_mse <= MAX_TARGET_MSE:
            raise ValueError(f"autofit_target_mse must be in [{MIN_TARGET_MSE}, "
                             f"{MAX_TARGET_MSE}]")
        return {**merged, "params": params, "sketch": {"x": sketch_x, "y": sketch_y},
                "y_range": [low, high], "autofit_target_mse": target_mse}

    def _restore(self, state: dict) -> None:
        """Apply a checked state as a fresh start: no undo history, no guided build."""
        self._cancel_autofit()
        with signals_blocked(self.guided.button):
            self.guided.button.setChecked(False)
        self._leave_guided()
        with signals_blocked(self.presetCombo, self.targetCombo, self.autoFitTargetSpin):
            self.presetCombo.setCurrentIndex(self.presetCombo.findData(state["preset"]))
            self.targetCombo.setCurrentIndex(self.targetCombo.findData(state["target"]))
            self.autoFitTargetSpin.setValue(state["autofit_target_mse"])
        self.autofit.target_mse = self.autoFitTargetSpin.value()
        self.model.set_sketch(state["sketch"]["x"], state["sketch"]["y"])
        self._show_target(state["target"])
        self.model.set_flat(state["params"])
        self.model.set_locked_names(state["locked"])
        with signals_blocked(self.showNeuronsCheck):
            self.showNeuronsCheck.setChecked(state["show_neurons"])
        self.plot.set_neurons_visible(state["show_neurons"])
        self._select_neuron(*state["selected"])
        self.plot.set_y_range(*state["y_range"])
        self.model.reset_best()
        self.undo_stack.clear()
        self._say("")
        self._show_fit(None)

    # --- weights files (File menu and buttons) ---

    def save_weights(self, path, show_errors: bool = True) -> str | None:
        """Write the weights to ``path``; returns None, or the error message
        (also kept in ``last_error`` and shown in a message box)."""
        try:
            save_params(path, self.model.names, self.model.get_flat(),
                        meta={"app": "Neuron Tuner", "tab": "sine",
                              "target": self.model.target_key})
        except (OSError, ValueError) as err:
            return self._fail(self.tr("Could not save the weights"), str(err), show_errors)
        self.last_error = None
        self._say(self.tr("Saved the weights to {0}.").format(str(path)))
        return None

    def load_weights(self, path, show_errors: bool = True) -> str | None:
        """Load weights from ``path`` as one undo step; on a bad file the
        network stays as it was and the problem is returned (and shown)."""
        try:
            values = load_params(path, self.model.names)
        except ParamsFileError as err:
            return self._fail(self.tr("Could not load the weights"), engine_text(str(err)),
                              show_errors)
        self._stop_autofit()
        self._push(values, self.tr("Load weights"))
        self.last_error = None
        self._say(self.tr("Loaded the weights from {0}.").format(str(path)))
        return None

    def _fail(self, title: str, problem: str, show: bool) -> str:
        self.last_error = problem
        self._say(f"{title}: {problem}")
        if show:
            box = QMessageBox(QMessageBox.Icon.Warning, title, problem,
                              QMessageBox.StandardButton.Ok, self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # window-modal but not blocking: the event loop keeps running
        return problem

    def _on_save_weights_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save weights"), "weights.json",
                                              self.tr("Neuron Tuner weights (*.json)"))
        if path:
            self.save_weights(path)

    def _on_load_weights_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load weights"), "",
                                              self.tr("Neuron Tuner weights (*.json)"))
        if path:
            self.load_weights(path)

    def _on_copy_numpy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(numpy_code(self.network))
        self._say(self.tr("Copied NumPy code for W1, b1, W2, b2, W3, b3 to the clipboard."))

    # --- undo ---

    def undo(self) -> None:
        """Ctrl+Z. During auto-fit it cancels the run, back to where it began."""
        if self.autofit.is_running():
            start = self.autofit.start_params
            self._cancel_autofit()
            self.model.set_flat(start)
        else:
            self.undo_stack.undo()

    def redo(self) -> None:
        self._stop_autofit()
        self.undo_stack.redo()

    def undo_history(self) -> tuple[list, int]:
        stack = self.undo_stack
        return [stack.command(i).values() for i in range(stack.count())], stack.index()

    def restore_undo_history(self, history: tuple[list, int]) -> None:
        """Rebuild the steps around the weights already shown (they are the
        state at the old index), then step back to that index."""
        steps, index = history
        self.undo_stack.clear()
        for before, after, text in steps:
            self.undo_stack.push(SetParamsCommand(self._apply_params, before, after, text,
                                                  applied=True))
        self.undo_stack.setIndex(index)

    def _push(self, after: np.ndarray, text: str, before: np.ndarray | None = None,
              applied: bool = False) -> None:
        before = self.model.get_flat() if before is None else before
        if not np.array_equal(before, after):
            self.undo_stack.push(SetParamsCommand(self._apply_params, before, after, text,
                                                  applied))

    def _apply_params(self, values: np.ndarray) -> None:
        # An undo or redo from the Edit menu while auto-fit runs drops the run.
        self._cancel_autofit()
        self.model.set_flat(values)

    # --- parameter edits ---

    def _on_panel_edit_started(self, _name: str) -> None:
        self._stop_autofit()
        self._drag_before = self.model.get_flat()

    def _on_panel_value_changed(self, name: str, value: float) -> None:
        if self._drag_before is not None:  # mid-drag: one undo step on release
            self._editing = name  # its slider and spin box already show the value
            self.model.set_param(name, value)
            self._editing = None
            return
        self._stop_autofit()
        after = self.model.get_flat()
        after[self.network.param_index(name)] = value
        self._push(after, self.tr("Set {0}").format(name))

    def _on_panel_edit_finished(self, name: str) -> None:
        before, self._drag_before = self._drag_before, None
        if before is not None:
            self._push(self.model.get_flat(), self.tr("Drag {0}").format(name), before,
                       applied=True)

    def _on_panel_lock_toggled(self, names: list[str], locked: bool) -> None:
        self.model.set_locked(names, locked)

    def _on_plot_kink_drag_started(self, _k: int) -> None:
        self._stop_autofit()
        self._kink_before = self.model.get_flat()

    def _on_plot_kink_dragged(self, k: int, x: float) -> None:
        try:
            bias = self.network.bias_for_kink(k, x)
        except ValueError as err:
            self._say(engine_text(str(err)))
            return
        # Rounded like a typed value, so the spin box shows exactly what the network holds.
        bias = min(max(round(bias, DECIMALS), -PARAM_LIMIT), PARAM_LIMIT)
        self.model.set_param(f"b1_{k}", bias)

    def _on_plot_kink_drag_finished(self, k: int) -> None:
        before, self._kink_before = self._kink_before, None
        if before is not None:
            self._push(self.model.get_flat(), self.tr("Move kink {0}").format(k), before,
                       applied=True)

    # --- presets, targets, sketching ---

    def _on_preset_combo_index_changed(self, _index: int) -> None:
        self._load_preset()

    def _on_preset_reload_button_clicked(self) -> None:
        self._load_preset()

    def _load_preset(self) -> None:
        key = self.presetCombo.currentData()
        self._stop_autofit()
        self.guided.button.setChecked(False)
        self._push(SINE_PRESETS[key](), self.tr("Preset: {0}").format(
            self.presetCombo.currentText()))
        self._say(self.tr("Loaded the “{0}” weights.").format(self.presetCombo.currentText()))

    def _on_target_combo_index_changed(self, _index: int) -> None:
        self._show_target(self.targetCombo.currentData())

    def _show_target(self, key: str) -> None:
        self.model.set_target(key)
        sketching = key == SKETCH
        self.plot.set_sketching(sketching)
        self.plot.set_title(self.tr("Drag on the plot to draw your own target") if sketching
                            else self.tr("Network output and target"))

    def _on_plot_stroke_finished(self) -> None:
        self.model.end_stroke()
        self.changed.emit()

    # --- auto-fit ---

    def _on_auto_fit_button_toggled(self, on: bool) -> None:
        if on:
            self._say(self.tr("Auto-fit starting…"))
            self.autoFitButton.setText(self.tr("Stop"))
            self.autoFitButton.setIcon(self.style().standardIcon(
                QStyle.StandardPixmap.SP_MediaStop))
            self.autofit.start()
        else:
            self.autofit.stop()

    def _on_auto_fit_target_spin_changed(self, value: float) -> None:
        self.autofit.target_mse = value
        self.changed.emit()

    def _stop_autofit(self) -> None:
        """Stop a run and keep it as one undo step (before a user edit)."""
        self.autofit.stop()

    def _cancel_autofit(self) -> None:
        """Stop a run without recording it (undo, restore)."""
        if self.autofit.is_running():
            self._discard_autofit = True
            self.autofit.stop()

    def _on_autofit_ticked(self) -> None:
        self._say(self.tr("Auto-fit running (Adam): step {0}, MSE {1}.").format(
            self.autofit.steps, _number(self.model.metrics["mse"])))

    def _on_autofit_stopped(self, reason: str) -> None:
        with signals_blocked(self.autoFitButton):
            self.autoFitButton.setChecked(False)
        self.autoFitButton.setText(self.tr("Auto-fit"))
        self.autoFitButton.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        if self._discard_autofit:
            self._discard_autofit = False
            self._say(self.tr("Auto-fit cancelled."))
            return
        steps, mse = self.autofit.steps, _number(self.model.metrics["mse"])
        self._push(self.model.get_flat(), self.tr("Auto-fit ({0} steps)").format(steps),
                   self.autofit.start_params, applied=True)
        messages = {
            autofit.REACHED: self.tr("Auto-fit reached MSE {0} after {1} steps."),
            autofit.LIMIT: self.tr("Auto-fit stopped at the step limit: MSE {0} after "
                                        "{1} steps."),
            autofit.STOPPED: self.tr("Auto-fit paused: MSE {0} after {1} steps."),
            autofit.DIVERGED: self.tr(
                "Auto-fit stopped: a step diverged (a weight would have become infinite). "
                "The last good weights are kept: MSE {0} after {1} steps."),
        }
        self._say(messages[reason].format(mse, steps))
        self.changed.emit()

    # --- guided build ---

    def _on_guided_bar_toggled(self, on: bool) -> None:
        if on:
            self._stop_autofit()
            self.targetCombo.setCurrentIndex(self.targetCombo.findData("sine"))
            self._show_guided_step(0)
        else:
            self._leave_guided()

    def _leave_guided(self) -> None:
        self._guided_step = None
        self.diagram.highlight_pair(None)
        self.guided.show_intro()

    def _on_guided_bar_step_requested(self, delta: int) -> None:
        if self._guided_step is not None:
            self._show_guided_step(min(max(self._guided_step + delta, 0), PAIRS - 1))

    def _show_guided_step(self, k: int) -> None:
        self._stop_autofit()
        self._push(self._guided_steps[k], self.tr("Guided build: pair {0}").format(k + 1))
        self._guided_step = k
        self.diagram.highlight_pair(k)
        self._select_neuron(1, k)
        self.guided.show_step(self._pair_step(k))
        self._say("")

    def _pair_step(self, k: int) -> PairStep:
        param = self.network.get_param
        kink = float(self.model.snapshot.kinks[k])
        end = kink + SEGMENT
        y_start, y_end = TARGETS["sine"].fn(np.array([kink, end]))
        return PairStep(pair=k, pairs=PAIRS, w1=param(f"w1_0_{k}"), b1=param(f"b1_{k}"),
                        w2=param(f"w2_{k}_{k}"), b2=param(f"b2_{k}"), w3=param(f"w3_{k}_0"),
                        b3=param("b3_0"), kink=kink, end=end, y_start=float(y_start),
                        y_end=float(y_end), mse=self.model.metrics["mse"])

    # --- selection ---

    def _on_diagram_neuron_selected(self, layer: int, index: int) -> None:
        self._select_neuron(layer, index)
        self.changed.emit()

    def _on_panel_neuron_shown(self, layer: int, index: int) -> None:
        self.diagram.select(layer, index)
        self.changed.emit()

    def _select_neuron(self, layer: int, index: int) -> None:
        self.panel.show_neuron(layer, index)
        self.diagram.select(layer, index)

    # --- redrawing ---

    def _on_model_params_changed(self, names: list[str] | None) -> None:
        self._show_fit(names)
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
            self.plot.set_kinks(snapshot.kinks)
        self._show_metrics()
        if names is None or (names and names != [self._editing]):
            self.panel.mirror(self.model.get_flat(), names)
        self.panel.set_gradient(snapshot.gradient)
        self.diagram.refresh(snapshot.dead)

    def _show_metrics(self) -> None:
        metrics = self.model.metrics
        self.mseLabel.setText(self.tr("MSE {0}").format(_number(metrics["mse"])))
        self.r2Label.setText(self.tr("R² {0}").format(_number(metrics["r2"])))
        self.maxErrorLabel.setText(self.tr("max |error| {0}").format(
            _number(metrics["max_abs_error"])))
        self.bestMseLabel.setText(self.tr("best MSE {0}").format(_number(self.model.best_mse)))

    def _on_show_neurons_check_toggled(self, on: bool) -> None:
        self.plot.set_neurons_visible(on)
        self._show_fit([])
        self.changed.emit()

    def _on_fit_view_button_clicked(self) -> None:
        self.plot.fit_view(self.model.target, self.model.snapshot.prediction)
        self.changed.emit()

    def _say(self, text: str) -> None:
        self.messageLabel.setText(text)


def _finite_list(name: str, values) -> list[float]:
    if not isinstance(values, list) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        raise ValueError(f"{name} must be a list of numbers")
    try:
        floats = [float(v) for v in values]
    except OverflowError:  # an integer too large for a float
        raise ValueError(f"{name} holds a number too large for a float") from None
    if not all(math.isfinite(v) for v in floats):
        raise ValueError(f"{name} holds a value that is not a finite number")
    return floats
