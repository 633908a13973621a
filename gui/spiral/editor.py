"""The spiral tab's weight editor: a slider and spin box per parameter.

For the post's small net (hidden width ≤ FULL_EDITOR_MAX_HIDDEN) every weight
and bias is shown, laid out as the maths reads: per layer one row per neuron
(h = ReLU(w_x·x + w_y·y + b)), then one row per class (z = Σ w·h + b). For
wider nets only the selected hidden neuron is shown: its incoming weights,
its bias and its weight into each neuron of the next layer. Each control is a
``ParamSlider`` named ``spiral_<name>`` (so its spin box is
``spiral_<name>_spin``), with ``<name>`` from ``Classifier.param_names()``.

The editor has no scroll bar of its own: it is as tall as its rows, inside the
tab's scrolling side panel, so it follows the network's size both ways.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QStyle,
    QStyleOptionSlider,
    QVBoxLayout,
    QWidget,
)

from engine.network import Classifier
from gui.common.plotting import colour
from gui.common.widgets import ParamSlider, signals_blocked
from gui.contract import RetranslateMixin
from gui.spiral.class_map import MAX_LINES
from gui.spiral.model import MAX_ABS_PARAM, Selection

FULL_EDITOR_MAX_HIDDEN = MAX_LINES  # every neuron's line is drawn when all are edited
SLIDER_LIMIT = 10.0  # the sliders cover ±10 in steps of 0.01; spin boxes go further
SLIDER_STEP = 0.01
DECIMALS = 4  # enough for NNFS's 0.01·randn start (0.0176 …)
SLIDER_MIN_WIDTH = 48
SPIN_CHROME = 30  # arrows and frame around the spin box's text, in pixels
PER_ROW = 3  # titled controls per row in the one-neuron editor


class FineDrag(QObject):
    """Dragging a slider's handle moves it one step (0.01) per pixel, however
    short the slider: a relative drag, as video scrubbers do for fine seeking.
    A click on the groove still jumps, and the keys work as before."""

    def __init__(self, slider: QSlider):
        super().__init__(slider)
        self._slider = slider
        self._start: tuple[float, int] | None = None  # (mouse x, value) at the press
        slider.installEventFilter(self)

    def _on_handle(self, x: float, y: float) -> bool:
        option = QStyleOptionSlider()
        self._slider.initStyleOption(option)
        handle = self._slider.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle,
            self._slider)
        return handle.contains(int(x), int(y))

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if not isinstance(event, QMouseEvent):
            return False
        position = event.position()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton \
                and self._on_handle(position.x(), position.y()):
            self._start = (position.x(), self._slider.value())
            self._slider.setSliderDown(True)
            return True
        if kind == QEvent.Type.MouseMove and self._start is not None:
            x0, value0 = self._start
            self._slider.setValue(value0 + round(position.x() - x0))
            return True
        if kind == QEvent.Type.MouseButtonRelease and self._start is not None:
            self._start = None
            self._slider.setSliderDown(False)
            return True
        return False


class WeightEditor(RetranslateMixin, QWidget):
    """``paramEdited(name, value)`` when the learner moves a control;
    ``neuronChanged(index)`` when the learner picks another neuron of the
    selected layer in the spin box."""

    paramEdited = Signal(str, float)
    neuronChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sliders: dict[str, ParamSlider] = {}
        self._sizes: tuple[int, ...] = ()
        self._selection = Selection()
        self._texts: list[Callable[[], None]] = []  # set every text of the grid
        self._row_labels: dict[Selection, QLabel] = {}

        self.neuron_spin = QSpinBox(self)
        self.neuron_spin.setObjectName("spiralNeuronSpin")
        self.neuron_spin.setKeyboardTracking(False)
        self.neuron_spin.valueChanged.connect(self._on_neuron_spin_value_changed)
        self._selector = QWidget(self)
        selector_row = QHBoxLayout(self._selector)
        selector_row.setContentsMargins(0, 0, 0, 0)
        self._selector_label = QLabel(self._selector)
        self._selector_label.setBuddy(self.neuron_spin)
        selector_row.addWidget(self._selector_label)
        selector_row.addWidget(self.neuron_spin)
        self._selector_note = QLabel(self._selector)
        self._selector_note.setWordWrap(True)
        selector_row.addWidget(self._selector_note, 1)

        self._grid_host: QWidget | None = None
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addWidget(self._selector)
        self.retranslate()

    def retranslate(self) -> None:
        self.neuron_spin.setToolTip(self.tr(
            "Which hidden neuron to edit: its incoming weights, its bias and its weight "
            "into each neuron of the next layer. Its ReLU line is drawn on the map."))
        self.neuron_spin.setAccessibleName(self.tr("hidden neuron to edit"))
        self._selector_label.setText(self.tr("Hidden neuron:"))
        self._selector_note.setText(self.tr("of {0} (a wide net: one neuron at a time)")
                                    .format(self._hidden))
        for set_text in self._texts:
            set_text()

    # --- which controls exist ---

    @property
    def _hidden(self) -> int:
        return self._sizes[1] if self._sizes else 0

    @property
    def _depth(self) -> int:
        """Hidden layers."""
        return len(self._sizes) - 2

    @property
    def full(self) -> bool:
        """Every parameter has a control (the post's small net)."""
        return self._hidden <= FULL_EDITOR_MAX_HIDDEN

    @property
    def selected_neuron(self) -> int:
        """0-based index of the hidden neuron being edited."""
        return self._selection.index

    def shown_neurons(self) -> list[int]:
        """The first-layer neurons whose weights are on show (their lines are drawn)."""
        if self.full:
            return list(range(self._hidden))
        return [self._selection.index] if self._selection.layer == 1 else []

    def set_network(self, model: Classifier, selection: Selection) -> None:
        """Rebuild the controls for ``model``'s shape and show its values."""
        self._sizes, self._selection = model.sizes, selection
        with signals_blocked(self.neuron_spin):
            self.neuron_spin.setRange(1, self._hidden)
            self.neuron_spin.setValue(selection.index + 1)
        self._selector.setVisible(not self.full)
        self._rebuild_grid()
        self.retranslate()
        self.mirror(model)

    def select(self, selection: Selection, model: Classifier) -> None:
        """Show ``selection``'s weights (a new grid for a wide net, a highlighted
        row for the full one)."""
        changed = selection != self._selection
        self._selection = selection
        with signals_blocked(self.neuron_spin):
            self.neuron_spin.setValue(selection.index + 1)
        if not self.full and (changed or self._grid_host is None):
            self._rebuild_grid()
            self.retranslate()
            self.mirror(model)
        self._highlight()

    def selected_row(self) -> QWidget | None:
        """The widget showing the selected neuron's row, to scroll to."""
        return self._row_labels.get(self._selection) or self._grid_host

    def mirror(self, model: Classifier) -> None:
        """Show ``model``'s current values (signals blocked: no edits fire)."""
        for name, slider in self.sliders.items():
            slider.setValue(model.get_param(name))

    # --- building the grid ---

    def _rebuild_grid(self) -> None:
        if self._grid_host is not None:
            # Out of the tree at once (deleteLater waits for the event loop):
            # no search or Tab walk finds the old controls meanwhile.
            self._column.removeWidget(self._grid_host)
            self._grid_host.hide()
            self._grid_host.setParent(None)
            self._grid_host.deleteLater()
        self._grid_host = QWidget(self)
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 4, 0)
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(4)
        self.sliders, self._texts, self._row_labels = {}, [], {}
        if self.full:
            self._add_full_grid()
        else:
            self._add_neuron_grid(self._selection)
        self._column.addWidget(self._grid_host)
        self._grid_host.show()  # now, not when the event loop gets to it
        self._highlight()

    def _unit_name(self, layer: int, j: int) -> str:
        """What neuron ``j`` of ``layer`` is called (layer depth + 1: a class)."""
        if layer > self._depth:
            return self.tr("class {0}").format(j + 1)
        return (self.tr("h{0}") if layer == 1 else self.tr("g{0}")).format(j + 1)

    def _input_name(self, layer: int, i: int) -> str:
        return ("x", "y")[i] if layer == 1 else self._unit_name(layer - 1, i)

    def _layer_heading(self, layer: int) -> str:
        if layer > self._depth:
            if self._depth == 1:
                return self.tr("Output layer: score z = Σ w·h + b, then softmax")
            return self.tr("Output layer: score z = Σ w·g + b, then softmax")
        if layer == 1:
            return self.tr("Hidden layer: h = ReLU(w_x·x + w_y·y + b)")
        return self.tr("Hidden layer 2: g = ReLU(Σ w·h + b)")

    def _add_full_grid(self) -> None:
        row = 0
        for layer in range(1, len(self._sizes)):
            n_in, n_out = self._sizes[layer - 1], self._sizes[layer]
            self._add_label(row, 0, lambda layer=layer: self._layer_heading(layer), span=-1,
                            bold=True)
            for i in range(n_in):
                self._add_label(row + 1, 1 + i, lambda layer=layer, i=i: self.tr(
                    "weight from {0}").format(self._input_name(layer, i)))
            self._add_label(row + 1, 1 + n_in, lambda: self.tr("bias"))
            for j in range(n_out):
                r = row + 2 + j
                is_class = layer > self._depth
                label = self._add_label(
                    r, 0, lambda layer=layer, j=j: self._unit_name(layer, j),
                    bold=is_class, text_colour=colour(j) if is_class else None)
                if not is_class:
                    self._row_labels[Selection(layer, j)] = label
                for i in range(n_in):
                    self._add_slider(r, 1 + i, f"w{layer}_{i}_{j}")
                self._add_slider(r, 1 + n_in, f"b{layer}_{j}")
            row += 2 + n_out

    def _add_neuron_grid(self, selection: Selection) -> None:
        layer, j = selection.layer, selection.index
        n_in, n_out = self._sizes[layer - 1], self._sizes[layer + 1]
        self._add_label(0, 0, lambda: self.tr("Hidden neuron {0} = ReLU(Σ w·input + b)").format(
            self._unit_name(layer, j)), span=-1, bold=True)
        incoming = [(f"w{layer}_{i}_{j}", lambda i=i: self.tr("weight from {0}").format(
            self._input_name(layer, i))) for i in range(n_in)]
        incoming.append((f"b{layer}_{j}", lambda: self.tr("bias")))
        row = self._add_titled_cells(1, incoming)
        self._add_label(row, 0, lambda: self.tr("Its weight into each neuron of the next layer"),
                        span=-1, bold=True)
        outgoing = [(f"w{layer + 1}_{j}_{k}", lambda k=k: self._unit_name(layer + 1, k))
                    for k in range(n_out)]
        self._add_titled_cells(row + 1, outgoing, coloured=layer + 1 > self._depth)

    def _add_titled_cells(self, row: int, cells, coloured: bool = False) -> int:
        """``(parameter name, title)`` pairs, PER_ROW to a row, each title over
        its control; returns the next free row."""
        for k, (name, title) in enumerate(cells):
            r, col = row + 2 * (k // PER_ROW), 1 + k % PER_ROW
            self._add_label(r, col, title, bold=coloured,
                            text_colour=colour(k) if coloured else None)
            self._add_slider(r + 1, col, name)
        return row + 2 * (-(-len(cells) // PER_ROW))

    def _add_label(self, row: int, col: int, text: Callable[[], str], span: int = 1,
                   bold: bool = False, text_colour: str | None = None) -> QLabel:
        # Font and palette, not a style sheet: a style sheet would pin the
        # label to the theme it was made in.
        label = QLabel(self._grid_host)
        font = label.font()
        font.setBold(bold)
        label.setFont(font)
        if text_colour:
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(text_colour))
            label.setPalette(palette)
        self._texts.append(lambda: label.setText(text()))
        self._grid.addWidget(label, row, col, 1, span)
        return label

    def _add_slider(self, row: int, col: int, name: str) -> None:
        slider = ParamSlider(f"spiral_{name}", -SLIDER_LIMIT, SLIDER_LIMIT, SLIDER_STEP,
                             DECIMALS, parent=self._grid_host)
        slider.spin.setRange(-MAX_ABS_PARAM, MAX_ABS_PARAM)
        # Four pairs share a row: a shorter slider, and a spin box sized for
        # "−99.9999" rather than Qt's generous default.
        slider.slider.setMinimumWidth(SLIDER_MIN_WIDTH)
        FineDrag(slider.slider)
        slider.spin.setFixedWidth(
            slider.spin.fontMetrics().horizontalAdvance("-99.9999") + SPIN_CHROME)
        slider.valueChanged.connect(
            lambda value, name=name: self.paramEdited.emit(name, value))
        self._texts.append(lambda: self._describe(slider, name))
        self._grid.addWidget(slider, row, col)
        self.sliders[name] = slider

    def _describe(self, slider: ParamSlider, name: str) -> None:
        """Tooltip and accessible names of ``name``'s slider and spin box."""
        what = self._param_title(name)
        slider.setToolTip(self._param_tip(name))
        slider.slider.setAccessibleName(what)
        slider.spin.setAccessibleName(self.tr("{0}, exact value").format(what))

    def _param_title(self, name: str) -> str:
        """E.g. "weight from x into h1", "bias of class 2"."""
        kind, layer, *rest = name[0], *map(int, name[1:].split("_"))
        if kind == "b":
            return self.tr("bias of {0}").format(self._unit_name(layer, rest[0]))
        return self.tr("weight from {0} into {1}").format(self._input_name(layer, rest[0]),
                                                         self._unit_name(layer, rest[1]))

    def _param_tip(self, name: str) -> str:
        kind, layer, *rest = name[0], *map(int, name[1:].split("_"))
        unit = self._unit_name(layer, rest[-1])
        if layer > self._depth:
            if kind == "b":
                return self.tr("Bias of {0}'s score: raises or lowers it everywhere.").format(unit)
            return self.tr("Weight from {0} into {1}'s score: positive means where {0} is "
                           "active, {1} gains.").format(self._input_name(layer, rest[0]), unit)
        if layer == 1 and kind == "b":
            return self.tr("Bias of {0}: slides its line (where the ReLU switches on) "
                           "without turning it. Slider ±10, spin box ±100.").format(unit)
        if layer == 1:
            return self.tr("Weight from {0} into {1}: turns its line and sets how fast "
                           "{1} grows on the active side. Slider ±10, spin box ±100.").format(
                               self._input_name(layer, rest[0]), unit)
        return self.tr("{0}: {1} adds this times {2} before its ReLU. Slider ±10, spin box "
                       "±100. Drag the handle for steps of 0.01.").format(
                           self._param_title(name), unit, self._input_name(layer, rest[0])
                           if kind == "w" else "1")

    def _highlight(self) -> None:
        for selection, label in self._row_labels.items():
            font = label.font()
            chosen = selection == self._selection
            font.setBold(chosen)
            font.setUnderline(chosen)
            label.setFont(font)

    def _on_neuron_spin_value_changed(self, value: int) -> None:
        self.neuronChanged.emit(value - 1)
