"""The sine-fit tab's parameter panel: every one of the 97 weights and biases.

One tab per layer, inside it one tab per neuron; a neuron's page holds its
incoming weights and its bias, each a slider + spin box pair with a gradient
hint arrow and a lock. Selecting a neuron in the diagram opens its page, so the
page on show *is* the selected neuron's panel and any other parameter is two
clicks away. All 97 pairs exist from the start; hidden pages are cheap to
update (Qt does not paint them), and the gradient hints, which change for
every parameter on every move, are only written for the page on show.
"""

from __future__ import annotations

from functools import partial

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.network import MLP
from gui.common.plotting import PALETTE
from gui.common.widgets import ParamSlider, signals_blocked
from gui.sine.model import PARAM_LIMIT

STEP = 0.01
DECIMALS = 3
# A hint arrow is drawn faint when its gradient is this small next to the
# largest one: moving that value barely changes the MSE.
WEAK_HINT_SHARE = 0.05
INCREASE, DECREASE, FLAT = "▶", "◀", "·"
HINT_COLOUR = PALETTE[2]  # green: "this way is downhill"


def _lock_icon(closed: bool, colour: QColor) -> QIcon:
    """A small padlock, drawn rather than taken from an emoji font that may be missing."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 3.5))
    top = 5.0 if closed else 1.0  # an open lock's shackle is lifted out of the body
    shackle = QPainterPath(QPointF(10, 16 if closed else top + 8))
    shackle.lineTo(10, top + 6)
    shackle.arcTo(QRectF(10, top, 12, 12), 180, -180)
    shackle.lineTo(22, 16)
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(6, 15, 20, 14), 3, 3)
    painter.setBrush(QColor("white"))
    painter.drawEllipse(QPointF(16, 21.5), 2.2, 2.2)
    painter.end()
    return QIcon(pixmap)


class ParamPanel(QWidget):
    """All parameters of one ``MLP``, a page per neuron.

    Signals carry the parameter name: ``valueChanged(name, value)`` for every
    user change (while a slider is dragged too), ``editStarted``/``editFinished``
    around one slider drag, ``lockToggled(names, locked)`` when the user
    freezes or frees parameters, ``neuronShown(layer, index)`` when the user
    opens another neuron's page.
    """

    valueChanged = Signal(str, float)
    editStarted = Signal(str)
    editFinished = Signal(str)
    lockToggled = Signal(object, bool)
    neuronShown = Signal(int, int)

    def __init__(self, network: MLP, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("paramPanel")
        self._names = network.param_names()
        self._sizes = network.sizes
        self.sliders: dict[str, ParamSlider] = {}
        self.locks: dict[str, QToolButton] = {}
        self.hints: dict[str, QLabel] = {}
        self._neuron_locks: dict[tuple[int, int], QToolButton] = {}
        self._page_names: dict[tuple[int, int], list[str]] = {}
        self._gradient = np.zeros(len(self._names))
        self._hint_scale = 0.0
        self._index = {name: k for k, name in enumerate(self._names)}
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        self._icons = {True: _lock_icon(True, QColor("#c0392b")), False: _lock_icon(False, muted)}
        self._hint_palette = QPalette(self.palette())
        self._hint_palette.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText,
                                    QColor(HINT_COLOUR))
        self._hint_palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.WindowText,
                                    QColor(HINT_COLOUR))

        self.layer_tabs = QTabWidget(self)
        self.layer_tabs.setObjectName("paramLayerTabs")
        self.layer_tabs.setDocumentMode(True)
        self._neuron_tabs: list[QTabWidget] = []
        for layer in range(1, len(self._sizes)):
            self._add_layer(network, layer)
        self.layer_tabs.currentChanged.connect(self._on_tabs_current_changed)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.layer_tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # --- building ---

    def _layer_title(self, layer: int) -> str:
        if layer == len(self._sizes) - 1:
            return self.tr("Output")
        return self.tr("Hidden {0}").format(layer)

    def _add_layer(self, network: MLP, layer: int) -> None:
        neurons = QTabWidget(self.layer_tabs)
        neurons.setObjectName(f"paramNeuronTabs{layer}")
        neurons.setUsesScrollButtons(False)
        neurons.tabBar().setExpanding(False)
        output = layer == len(self._sizes) - 1
        if output:
            neurons.tabBar().hide()  # one neuron: a tab bar would say nothing
        for index in range(self._sizes[layer]):
            page = self._neuron_page(network, layer, index)
            neurons.addTab(page, "y" if output else str(index))
            neurons.setTabToolTip(index, self._neuron_title(layer, index))
        neurons.currentChanged.connect(self._on_tabs_current_changed)
        self._neuron_tabs.append(neurons)
        self.layer_tabs.addTab(neurons, self._layer_title(layer))
        self.layer_tabs.setTabToolTip(layer - 1, self._layer_tip(layer))

    def _layer_tip(self, layer: int) -> str:
        if layer == 1:
            return self.tr("First hidden layer: 8 ReLU neurons, each fed by x.")
        if layer == len(self._sizes) - 1:
            return self.tr("The output neuron: a weighted sum of the second hidden layer, "
                           "no ReLU.")
        return self.tr("Second hidden layer: 8 ReLU neurons, each fed by all of the first.")

    def _neuron_title(self, layer: int, index: int) -> str:
        if layer == len(self._sizes) - 1:
            return self.tr("Output neuron y")
        return self.tr("Hidden layer {0}, neuron {1}").format(layer, index)

    def _neuron_formula(self, layer: int, index: int) -> str:
        if layer == 1:
            return self.tr("h1[{0}] = ReLU(w·x + b). The weight sets the slope, the bias "
                           "moves the kink (at x = −b/w).").format(index)
        if layer == len(self._sizes) - 1:
            return self.tr("y = Σ w·h2 + b, no ReLU. Each weight scales one second-layer "
                           "neuron's piece of the curve; the bias shifts it all.")
        return self.tr("h2[{0}] = ReLU(Σ w·h1 + b). A negative weight flips a ramp; the bias "
                       "shifts it up or down and sets where it is cut off.").format(index)

    def _source_name(self, layer: int, i: int) -> str:
        return "x" if layer == 1 else f"h{layer - 1}[{i}]"

    def _neuron_page(self, network: MLP, layer: int, index: int) -> QWidget:
        page = QWidget()
        page.setObjectName(f"neuronPage_{layer}_{index}")
        # Opaque, so a slider repainted mid-drag does not make Qt repaint the
        # tab widgets and splitter behind it as well.
        page.setAutoFillBackground(True)
        grid = QGridLayout(page)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)

        title = QLabel(f"<b>{self._neuron_title(layer, index)}</b>", page)
        formula = QLabel(self._neuron_formula(layer, index), page)
        formula.setWordWrap(True)
        formula.setProperty("explanation", True)
        formula.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        lock_all = QToolButton(page)
        lock_all.setObjectName(f"neuron_{layer}_{index}_lock")
        lock_all.setCheckable(True)
        lock_all.setText(self.tr("Lock neuron"))
        lock_all.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        lock_all.setIcon(self._icons[False])
        lock_all.setToolTip(self.tr("Freeze all of this neuron's weights and its bias: "
                                    "auto-fit will not move them."))
        names = network.neuron_param_names(layer, index)
        lock_all.toggled.connect(partial(self._on_neuron_lock_toggled, names))
        self._neuron_locks[(layer, index)] = lock_all
        grid.addWidget(title, 0, 0, 1, 3)
        grid.addWidget(lock_all, 0, 3, 1, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(formula, 1, 0, 1, 5)

        for row, name in enumerate(names, start=2):
            self._add_row(grid, row, name, layer, index)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(names) + 2, 1)
        self._page_names[(layer, index)] = names
        return page

    def _add_row(self, grid: QGridLayout, row: int, name: str, layer: int, index: int) -> None:
        page = grid.parentWidget()
        is_bias = name.startswith("b")
        source = "" if is_bias else self._source_name(layer, int(name.split("_")[1]))
        suffix = self.tr("bias") if is_bias else f"← {source}"
        label = QLabel(f"{name} <span style='color:gray'>{suffix}</span>", page)
        label.setToolTip(self.tr("Bias of {0}").format(self._neuron_title(layer, index))
                         if is_bias else
                         self.tr("Weight from {0} into {1}").format(
                             source, self._neuron_title(layer, index)))
        hint = QLabel(FLAT, page)
        hint.setObjectName(f"{name}_hint")
        hint.setPalette(self._hint_palette)
        hint.setFixedWidth(14)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setToolTip(self.tr("Gradient hint: the arrow points the way that lowers the MSE "
                                "(▶ larger, ◀ smaller); it is faint where moving this value "
                                "barely changes the MSE."))
        pair = ParamSlider(name, -PARAM_LIMIT, PARAM_LIMIT, STEP, DECIMALS, parent=page)
        pair.setToolTip(self.tr("{0}: drag the slider or type a value (−10 … 10); the curve "
                                "follows as you move.").format(name))
        pair.valueChanged.connect(partial(self.valueChanged.emit, name))
        pair.editStarted.connect(partial(self.editStarted.emit, name))
        pair.editFinished.connect(partial(self.editFinished.emit, name))
        lock = QToolButton(page)
        lock.setObjectName(f"{name}_lock")
        lock.setCheckable(True)
        lock.setIcon(self._icons[False])
        lock.setIconSize(QSize(16, 16))
        lock.setAutoRaise(True)
        lock.setToolTip(self.tr("Lock {0}: auto-fit leaves a locked value alone.").format(name))
        lock.toggled.connect(partial(self._on_lock_toggled, name))
        grid.addWidget(label, row, 0)
        grid.addWidget(hint, row, 1)
        grid.addWidget(pair, row, 2, 1, 2)
        grid.addWidget(lock, row, 4)
        self.sliders[name], self.locks[name], self.hints[name] = pair, lock, hint

    # --- showing the model ---

    def current_neuron(self) -> tuple[int, int]:
        layer = self.layer_tabs.currentIndex() + 1
        return layer, self._neuron_tabs[layer - 1].currentIndex()

    def show_neuron(self, layer: int, index: int) -> None:
        """Open the page of one neuron (emits nothing)."""
        with signals_blocked(self.layer_tabs, *self._neuron_tabs):
            self.layer_tabs.setCurrentIndex(layer - 1)
            self._neuron_tabs[layer - 1].setCurrentIndex(index)
        self._show_hints()

    def neuron_names(self, layer: int, index: int) -> list[str]:
        return list(self._page_names[(layer, index)])

    def mirror(self, values: np.ndarray, names: list[str] | None = None) -> None:
        """Show ``values`` (the full parameter vector) in the pairs of ``names``
        (all when None), without emitting anything."""
        for name in self._names if names is None else names:
            # Auto-fit or a file may go past the slider's range; show the end of it.
            value = min(max(float(values[self._index[name]]), -PARAM_LIMIT), PARAM_LIMIT)
            self.sliders[name].setValue(value)

    def set_gradient(self, gradient: np.ndarray) -> None:
        self._gradient = gradient
        self._hint_scale = float(np.max(np.abs(gradient))) if gradient.size else 0.0
        self._show_hints()

    def set_locked(self, locked: np.ndarray) -> None:
        """Show which parameters are frozen (``locked`` in ``param_names`` order)."""
        for name, button in self.locks.items():
            frozen = bool(locked[self._index[name]])
            with signals_blocked(button):
                button.setChecked(frozen)
            button.setIcon(self._icons[frozen])
        for key, button in self._neuron_locks.items():
            frozen = all(locked[self._index[name]] for name in self._page_names[key])
            with signals_blocked(button):
                button.setChecked(frozen)
            button.setIcon(self._icons[frozen])

    def _show_hints(self) -> None:
        """Direction arrows for the page on show; the others wait until opened."""
        threshold = WEAK_HINT_SHARE * self._hint_scale
        for name in self._page_names[self.current_neuron()]:
            slope = -self._gradient[self._index[name]]  # the downhill direction
            hint = self.hints[name]
            hint.setText(INCREASE if slope > 0 else DECREASE if slope < 0 else FLAT)
            hint.setEnabled(bool(abs(slope) >= threshold and slope != 0))

    # --- user actions ---

    def _on_tabs_current_changed(self, _index: int) -> None:
        self._show_hints()
        self.neuronShown.emit(*self.current_neuron())

    def _on_lock_toggled(self, name: str, locked: bool) -> None:
        self.lockToggled.emit([name], locked)

    def _on_neuron_lock_toggled(self, names: list[str], locked: bool) -> None:
        self.lockToggled.emit(list(names), locked)
