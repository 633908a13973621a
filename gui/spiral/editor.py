"""The spiral tab's weight editor: a slider and spin box per parameter.

For the post's small net (hidden width ≤ FULL_EDITOR_MAX_HIDDEN) every weight
and bias is shown, laid out as the maths reads: one row per hidden neuron
(h = ReLU(w_x·x + w_y·y + b)), then one row per class (z = Σ w·h + b). For
wider nets only the selected hidden neuron is shown: its two input weights,
its bias and its weight into each class. Each control is a ``ParamSlider``
named ``spiral_<name>`` (so its spin box is ``spiral_<name>_spin``), with
``<name>`` from ``Classifier.param_names()``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.network import Classifier
from gui.common.plotting import colour
from gui.common.widgets import ParamSlider, signals_blocked
from gui.spiral.class_map import MAX_LINES
from gui.spiral.model import MAX_ABS_PARAM

FULL_EDITOR_MAX_HIDDEN = MAX_LINES  # every neuron's line is drawn when all are edited
SLIDER_LIMIT = 10.0  # the sliders cover ±10 in steps of 0.01; spin boxes go further
DECIMALS = 4  # enough for NNFS's 0.01·randn start (0.0176 …)
SLIDER_MIN_WIDTH = 48
SPIN_CHROME = 30  # arrows and frame around the spin box's text, in pixels


class WeightEditor(QWidget):
    """``paramEdited(name, value)`` when the learner moves a control;
    ``neuronChanged(index)`` when another hidden neuron is selected."""

    paramEdited = Signal(str, float)
    neuronChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sliders: dict[str, ParamSlider] = {}
        self._hidden = 0
        self._n_classes = 0

        self.neuron_spin = QSpinBox(self)
        self.neuron_spin.setObjectName("spiralNeuronSpin")
        self.neuron_spin.setKeyboardTracking(False)
        self.neuron_spin.setToolTip(self.tr(
            "Which hidden neuron to edit: its two input weights, its bias and its "
            "weight into each class. Its ReLU line is drawn on the map."))
        self.neuron_spin.valueChanged.connect(self._on_neuron_spin_value_changed)
        self._selector = QWidget(self)
        selector_row = QHBoxLayout(self._selector)
        selector_row.setContentsMargins(0, 0, 0, 0)
        selector_row.addWidget(QLabel(self.tr("Hidden neuron:"), self._selector))
        selector_row.addWidget(self.neuron_spin)
        self._selector_note = QLabel(self._selector)
        self._selector_note.setWordWrap(True)
        selector_row.addWidget(self._selector_note, 1)

        self._grid: QGridLayout | None = None
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._selector)
        column.addWidget(self._scroll, 1)

    # --- which controls exist ---

    @property
    def full(self) -> bool:
        """Every parameter has a control (the post's small net)."""
        return self._hidden <= FULL_EDITOR_MAX_HIDDEN

    @property
    def selected_neuron(self) -> int:
        """0-based index of the hidden neuron being edited."""
        return self.neuron_spin.value() - 1

    def shown_neurons(self) -> list[int]:
        return list(range(self._hidden)) if self.full else [self.selected_neuron]

    def set_network(self, model: Classifier, neuron: int = 0) -> None:
        """Rebuild the controls for ``model``'s shape and show its values."""
        self._hidden, self._n_classes = model.sizes[1], model.n_classes
        with signals_blocked(self.neuron_spin):
            self.neuron_spin.setRange(1, self._hidden)
            self.neuron_spin.setValue(min(max(neuron, 0), self._hidden - 1) + 1)
        self._selector.setVisible(not self.full)
        self._selector_note.setText(self.tr("of {0} (a wide net: one neuron at a time)")
                                    .format(self._hidden))
        self._rebuild_grid()
        self.mirror(model)

    def select_neuron(self, neuron: int, model: Classifier) -> None:
        with signals_blocked(self.neuron_spin):
            self.neuron_spin.setValue(neuron + 1)
        if not self.full:
            self._rebuild_grid()
            self.mirror(model)

    def mirror(self, model: Classifier) -> None:
        """Show ``model``'s current values (signals blocked: no edits fire)."""
        for name, slider in self.sliders.items():
            slider.setValue(model.get_param(name))

    # --- building the grid ---

    def _rebuild_grid(self) -> None:
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 4, 0)
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(4)
        self.sliders = {}
        if self.full:
            self._add_full_grid()
        else:
            self._add_neuron_grid(self.selected_neuron)
        self._grid.setRowStretch(self._grid.rowCount(), 1)
        self._scroll.setWidget(self._grid_host)  # the scroll area deletes the old grid

    def _add_full_grid(self) -> None:
        h = self._hidden
        self._add_heading(0, self.tr("Hidden layer: h = ReLU(w_x·x + w_y·y + b)"))
        self._add_column_titles(1, [self.tr("weight from x"), self.tr("weight from y"),
                                    self.tr("bias")])
        for j in range(h):
            row = 2 + j
            self._add_row_label(row, self.tr("h{0}").format(j + 1))
            for col, name in enumerate((f"w1_0_{j}", f"w1_1_{j}", f"b1_{j}")):
                self._add_slider(row, 1 + col, name, self._hidden_tip(name, j))
        top = 2 + h
        self._add_heading(top, self.tr("Output layer: score z = Σ w·h + b, then softmax"))
        self._add_column_titles(top + 1, [self.tr("weight from h{0}").format(j + 1)
                                          for j in range(h)] + [self.tr("bias")])
        for c in range(self._n_classes):
            row = top + 2 + c
            self._add_row_label(row, self.tr("class {0}").format(c + 1), colour(c))
            for j in range(h):
                self._add_slider(row, 1 + j, f"w2_{j}_{c}", self._output_tip(j, c))
            self._add_slider(row, 1 + h, f"b2_{c}", self.tr(
                "Bias of class {0}'s score: raises or lowers it everywhere.").format(c + 1))

    def _add_neuron_grid(self, j: int) -> None:
        self._add_heading(0, self.tr("Hidden neuron h{0} = ReLU(w_x·x + w_y·y + b)")
                          .format(j + 1))
        self._add_column_titles(1, [self.tr("weight from x"), self.tr("weight from y"),
                                    self.tr("bias")])
        self._add_row_label(2, self.tr("h{0}").format(j + 1))
        for col, name in enumerate((f"w1_0_{j}", f"w1_1_{j}", f"b1_{j}")):
            self._add_slider(2, 1 + col, name, self._hidden_tip(name, j))
        self._add_heading(3, self.tr("Its weight into each class's score"))
        per_row = 3
        for c in range(self._n_classes):
            row, col = 4 + 2 * (c // per_row), 1 + c % per_row
            title = QLabel(self.tr("class {0}").format(c + 1), self._grid_host)
            title.setStyleSheet(f"color: {colour(c)}; font-weight: bold;")
            self._grid.addWidget(title, row, col)
            self._add_slider(row + 1, col, f"w2_{j}_{c}", self._output_tip(j, c))

    def _add_heading(self, row: int, text: str) -> None:
        label = QLabel(text, self._grid_host)
        label.setStyleSheet("font-weight: bold;")
        self._grid.addWidget(label, row, 0, 1, -1)

    def _add_column_titles(self, row: int, titles: list[str]) -> None:
        for col, text in enumerate(titles, start=1):
            self._grid.addWidget(QLabel(text, self._grid_host), row, col)

    def _add_row_label(self, row: int, text: str, text_colour: str | None = None) -> None:
        label = QLabel(text, self._grid_host)
        if text_colour:
            label.setStyleSheet(f"color: {text_colour}; font-weight: bold;")
        self._grid.addWidget(label, row, 0)

    def _add_slider(self, row: int, col: int, name: str, tip: str) -> None:
        slider = ParamSlider(f"spiral_{name}", -SLIDER_LIMIT, SLIDER_LIMIT, 0.01, DECIMALS,
                             parent=self._grid_host)
        slider.spin.setRange(-MAX_ABS_PARAM, MAX_ABS_PARAM)
        # Four pairs share a row: a shorter slider, and a spin box sized for
        # "−99.9999" rather than Qt's generous default.
        slider.slider.setMinimumWidth(SLIDER_MIN_WIDTH)
        slider.spin.setFixedWidth(
            slider.spin.fontMetrics().horizontalAdvance("-99.9999") + SPIN_CHROME)
        slider.setToolTip(tip)
        slider.valueChanged.connect(
            lambda value, name=name: self.paramEdited.emit(name, value))
        self._grid.addWidget(slider, row, col)
        self.sliders[name] = slider

    def _hidden_tip(self, name: str, j: int) -> str:
        if name.startswith("b"):
            return self.tr("Bias of h{0}: slides its line (where the ReLU switches on) "
                           "without turning it. Slider ±10, spin box ±100.").format(j + 1)
        axis = "x" if name.startswith("w1_0") else "y"
        return self.tr("Weight from {0} into h{1}: turns its line and sets how fast "
                       "h{1} grows on the active side. Slider ±10, spin box ±100.").format(
                           axis, j + 1)

    def _output_tip(self, j: int, c: int) -> str:
        return self.tr("Weight from h{0} into class {1}'s score: positive means where "
                       "h{0} is active, class {1} gains.").format(j + 1, c + 1)

    def _on_neuron_spin_value_changed(self, value: int) -> None:
        self.neuronChanged.emit(value - 1)
