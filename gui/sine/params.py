"""The sine-fit tab's parameter panel: every weight and bias of the network.

One tab per layer, inside it one tab per neuron; a neuron's page holds its
incoming weights and its bias, each a slider + spin box pair with a gradient
hint arrow and a lock. Selecting a neuron in the diagram opens its page, so the
page on show *is* the selected neuron's panel and any other parameter is two
clicks away. Tab and Shift+Tab run on from a page's last control into the
next neuron's page, so the keyboard reaches every parameter.

A page's widgets are built the first time it is needed: the page on show at
once, the others in short idle slices (a 1→16→16→16→1 net has 593 rows, too
many to build within one frame after a change of shape). ``finish_building``
builds whatever is left at once. Hidden pages are cheap to update (Qt does not
paint them); the gradient hints, which change for every parameter on every
move, are only written for the page on show.
"""

from __future__ import annotations

import time
from functools import partial

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
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
from gui.common.widgets import ParamSlider, mark_explanation, signals_blocked
from gui.contract import RetranslateMixin
from gui.sine.model import PARAM_LIMIT, activation_label

STEP = 0.01
DECIMALS = 3
# A drag moves a value by this much per pixel the mouse moves (issue 13: at
# least 0.01 per pixel); a click on the groove jumps there.
DRAG_PER_PIXEL = 0.01
# A hint arrow is drawn faint when its gradient is this small next to the
# largest one: moving that value barely changes the MSE.
WEAK_HINT_SHARE = 0.05
INCREASE, DECREASE, FLAT = "▶", "◀", "·"
HINT_COLOUR = PALETTE[2]  # green: "this way is downhill"
BUILD_SLICE_S = 0.006  # idle building stops after this long, so a frame still fits
IDLE_INTERVAL_MS = 4
PAGES_PER_DELETE = 6  # pages of a replaced panel deleted per idle slice
_DISPOSING: set[ParamPanel] = set()  # panels being deleted in slices (kept alive meanwhile)


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


def panels_being_deleted() -> int:
    """How many replaced panels are still being deleted page by page."""
    return len(_DISPOSING)


class _Row:
    """The widgets of one parameter's row."""

    def __init__(self, label: QLabel, hint: QLabel, pair: ParamSlider, lock: QToolButton):
        self.label, self.hint, self.pair, self.lock = label, hint, pair, lock


class _Page:
    """The widgets of one neuron's page (once built)."""

    def __init__(self, title: QLabel, formula: QLabel, lock_all: QToolButton):
        self.title, self.formula, self.lock_all = title, formula, lock_all


class ParamPanel(RetranslateMixin, QWidget):
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

    def __init__(self, network: MLP, parent: QWidget | None = None, *,
                 values: np.ndarray | None = None, locked: np.ndarray | None = None,
                 lazy: bool = False):
        super().__init__(parent)
        self.setObjectName("paramPanel")
        self._network = network
        self._names = network.param_names()
        self._sizes = network.sizes
        self._output_layer = len(self._sizes) - 1
        self.sliders: dict[str, ParamSlider] = {}
        self.locks: dict[str, QToolButton] = {}
        self.hints: dict[str, QLabel] = {}
        self._rows: dict[str, _Row] = {}
        self._pages: dict[tuple[int, int], _Page] = {}
        self._page_names = {(layer, index): network.neuron_param_names(layer, index)
                            for layer in range(1, len(self._sizes))
                            for index in range(self._sizes[layer])}
        self._values = network.get_flat() if values is None else np.array(values)
        self._locked = (np.zeros(len(self._names), dtype=bool) if locked is None
                        else np.array(locked, dtype=bool))
        self._gradient = np.zeros(len(self._names))
        self._hint_scale = 0.0
        self._index = {name: k for k, name in enumerate(self._names)}
        self._hint_palette = QPalette(self.palette())
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            self._hint_palette.setColor(group, QPalette.ColorRole.WindowText, QColor(HINT_COLOUR))
        self._icons: dict[bool, QIcon] = {}

        self.layer_tabs = QTabWidget(self)
        self.layer_tabs.setObjectName("paramLayerTabs")
        self.layer_tabs.setDocumentMode(True)
        self._neuron_tabs: list[QTabWidget] = []
        for layer in range(1, len(self._sizes)):
            self._add_layer(layer)
        self.layer_tabs.currentChanged.connect(self._on_tabs_current_changed)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.layer_tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self._unbuilt = list(self._page_names)
        self._build_timer = QTimer(self)
        self._build_timer.setSingleShot(True)
        # Not 0 ms: a zero timer runs again before pending paints, so the
        # slices would add up to one long freeze instead of fitting between frames.
        self._build_timer.setInterval(IDLE_INTERVAL_MS)
        self._build_timer.timeout.connect(self._on_build_timer_timeout)
        self.restyle()
        self.retranslate()
        if lazy:
            self._ensure_page(*self.current_neuron())
            self._build_timer.start()
        else:
            self.finish_building()

    # --- building ---

    def _add_layer(self, layer: int) -> None:
        neurons = QTabWidget(self.layer_tabs)
        neurons.setObjectName(f"paramNeuronTabs{layer}")
        neurons.setUsesScrollButtons(self._sizes[layer] > 8)
        neurons.tabBar().setExpanding(False)
        output = layer == self._output_layer
        if output:
            neurons.tabBar().hide()  # one neuron: a tab bar would say nothing
        for index in range(self._sizes[layer]):
            page = QWidget()
            page.setObjectName(f"neuronPage_{layer}_{index}")
            # Opaque, so a slider repainted mid-drag does not make Qt repaint the
            # tab widgets and splitter behind it as well.
            page.setAutoFillBackground(True)
            neurons.addTab(page, "y" if output else str(index))
        neurons.currentChanged.connect(self._on_tabs_current_changed)
        self._neuron_tabs.append(neurons)
        self.layer_tabs.addTab(neurons, "")

    def is_built(self) -> bool:
        return not self._unbuilt

    def finish_building(self) -> None:
        """Build every page not built yet, now."""
        self._build_timer.stop()
        while self._unbuilt:
            self._ensure_page(*self._unbuilt[0])

    def _on_build_timer_timeout(self) -> None:
        deadline = time.perf_counter() + BUILD_SLICE_S
        while self._unbuilt and time.perf_counter() < deadline:
            self._ensure_page(*self._unbuilt[0])
        if self._unbuilt:
            self._build_timer.start()

    def _ensure_page(self, layer: int, index: int) -> None:
        if (layer, index) in self._pages:
            return
        self._unbuilt.remove((layer, index))
        page = self._neuron_tabs[layer - 1].widget(index)
        grid = QGridLayout(page)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        title = QLabel(page)
        formula = QLabel(page)
        formula.setWordWrap(True)
        mark_explanation(formula)
        formula.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        lock_all = QToolButton(page)
        lock_all.setObjectName(f"neuron_{layer}_{index}_lock")
        lock_all.setCheckable(True)
        lock_all.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        names = self._page_names[(layer, index)]
        lock_all.toggled.connect(partial(self._on_neuron_lock_toggled, names))
        grid.addWidget(title, 0, 0, 1, 3)
        grid.addWidget(lock_all, 0, 3, 1, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(formula, 1, 0, 1, 5)
        for row, name in enumerate(names, start=2):
            self._add_row(grid, page, row, name)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(names) + 2, 1)
        self._pages[(layer, index)] = _Page(title, formula, lock_all)
        self._retranslate_page(layer, index)
        self._show_locks([(layer, index)])
        for name in names:
            self.sliders[name].setValue(float(self._values[self._index[name]]))

    def _add_row(self, grid: QGridLayout, page: QWidget, row: int, name: str) -> None:
        label = QLabel(page)
        hint = QLabel(FLAT, page)
        hint.setObjectName(f"{name}_hint")
        hint.setPalette(self._hint_palette)
        hint.setFixedWidth(14)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pair = ParamSlider(name, -PARAM_LIMIT, PARAM_LIMIT, STEP, DECIMALS, parent=page,
                           drag_per_pixel=DRAG_PER_PIXEL)
        pair.valueChanged.connect(partial(self.valueChanged.emit, name))
        pair.editStarted.connect(partial(self.editStarted.emit, name))
        pair.editFinished.connect(partial(self.editFinished.emit, name))
        lock = QToolButton(page)
        lock.setObjectName(f"{name}_lock")
        lock.setCheckable(True)
        lock.setIconSize(QSize(16, 16))
        lock.setAutoRaise(True)
        lock.toggled.connect(partial(self._on_lock_toggled, name))
        grid.addWidget(label, row, 0)
        grid.addWidget(hint, row, 1)
        grid.addWidget(pair, row, 2, 1, 2)
        grid.addWidget(lock, row, 4)
        self.sliders[name], self.locks[name], self.hints[name] = pair, lock, hint
        self._rows[name] = _Row(label, hint, pair, lock)

    def dispose(self) -> None:
        """Take the panel off screen now and delete it page by page in idle
        slices: deleting a 593-row panel at once would freeze a frame for
        ~100 ms."""
        self._build_timer.stop()
        for tabs in (self.layer_tabs, *self._neuron_tabs):
            tabs.blockSignals(True)  # pages going away are no change of neuron
        self.hide()
        self.setParent(None)  # out of the widget tree now: findChild sees only the new panel
        _DISPOSING.add(self)
        self._doomed = [tabs.widget(k) for tabs in self._neuron_tabs for k in range(tabs.count())]
        self._pages, self._rows = {}, {}  # nothing to translate or restyle any more
        self._build_timer.timeout.disconnect()
        self._build_timer.timeout.connect(self._on_dispose_timer_timeout)
        self._build_timer.start()

    def _on_dispose_timer_timeout(self) -> None:
        # Qt deletes them between two events: a few at a time keeps each pause short.
        for _ in range(min(PAGES_PER_DELETE, len(self._doomed))):
            self._doomed.pop().deleteLater()
        if self._doomed:
            self._build_timer.start()
        else:
            _DISPOSING.discard(self)
            self.deleteLater()

    # --- texts ---

    def retranslate(self) -> None:
        for layer in range(1, len(self._sizes)):
            self.layer_tabs.setTabText(layer - 1, self._layer_title(layer))
            self.layer_tabs.setTabToolTip(layer - 1, self._layer_tip(layer))
            neurons = self._neuron_tabs[layer - 1]
            for index in range(self._sizes[layer]):
                neurons.setTabToolTip(index, self._neuron_title(layer, index))
        for layer, index in self._pages:
            self._retranslate_page(layer, index)

    def _retranslate_page(self, layer: int, index: int) -> None:
        page = self._pages[(layer, index)]
        page.title.setText(f"<b>{self._neuron_title(layer, index)}</b>")
        page.formula.setText(self._neuron_formula(layer, index))
        page.lock_all.setText(self.tr("Lock neuron"))
        page.lock_all.setToolTip(self.tr("Freeze all of this neuron's weights and its bias: "
                                         "auto-fit will not move them."))
        page.lock_all.setAccessibleName(self.tr("Lock every parameter of {0}").format(
            self._node_name(layer, index)))
        for name in self._page_names[(layer, index)]:
            self._retranslate_row(name, layer, index)

    def _retranslate_row(self, name: str, layer: int, index: int) -> None:
        row = self._rows[name]
        what = self.accessible_name(name)
        if name.startswith("b"):
            suffix = self.tr("bias")
        else:
            suffix = f"← {self._source_name(layer, int(name.split('_')[1]))}"
        row.label.setText(f"{name} <span style='color:gray'>{suffix}</span>")
        row.label.setToolTip(what)
        row.hint.setToolTip(self.tr(
            "Gradient hint: the arrow points the way that lowers the MSE (▶ larger, ◀ smaller); "
            "it is faint where moving this value barely changes the MSE."))
        row.pair.setToolTip(self.tr(
            "{0}: drag the slider (0.01 per pixel; click the groove to jump) or type a value "
            "(−10 … 10); arrow keys step 0.01, Shift+arrow 0.001. The curve follows as you "
            "move.").format(name))
        row.pair.slider.setAccessibleName(what)
        row.pair.spin.setAccessibleName(self.tr("{0}, value").format(what))
        row.lock.setToolTip(self.tr("Lock {0}: auto-fit leaves a locked value alone.").format(
            name))
        row.lock.setAccessibleName(self.tr("Lock {0}").format(what))

    def accessible_name(self, name: str) -> str:
        """What a parameter is, in words: "weight from x to hidden-1 neuron 0"."""
        numbers = [int(n) for n in name[1:].split("_")]
        layer, index = numbers[0], numbers[-1]
        if name.startswith("b"):
            return self.tr("bias of {0}").format(self._node_name(layer, index))
        return self.tr("weight from {0} to {1}").format(
            self._node_name(layer - 1, numbers[1]), self._node_name(layer, index))

    def _node_name(self, layer: int, index: int) -> str:
        if layer == 0:
            return "x"
        if layer == self._output_layer:
            return self.tr("output y")
        return self.tr("hidden-{0} neuron {1}").format(layer, index)

    def _layer_title(self, layer: int) -> str:
        if layer == self._output_layer:
            return self.tr("Output")
        return self.tr("Hidden {0}").format(layer)

    def _activation(self) -> str:
        return activation_label(self._network.hidden_activation)

    def _layer_tip(self, layer: int) -> str:
        if layer == self._output_layer:
            return self.tr("The output neuron: a weighted sum of the last hidden layer, "
                           "no activation.")
        if layer == 1:
            return self.tr("First hidden layer: {0} {1} neurons, each fed by x.").format(
                self._sizes[1], self._activation())
        return self.tr("Hidden layer {0}: {1} {2} neurons, each fed by all of layer {3}."
                       ).format(layer, self._sizes[layer], self._activation(), layer - 1)

    def _neuron_title(self, layer: int, index: int) -> str:
        if layer == self._output_layer:
            return self.tr("Output neuron y")
        return self.tr("Hidden layer {0}, neuron {1}").format(layer, index)

    def _neuron_formula(self, layer: int, index: int) -> str:
        act = self._activation()
        if layer == self._output_layer:
            return self.tr("y = Σ w·h{0} + b, no activation. Each weight scales one neuron's "
                           "piece of the curve; the bias shifts it all.").format(layer - 1)
        if layer == 1:
            return self.tr("h1[{0}] = {1}(w·x + b). The weight sets the slope, the bias "
                           "moves where it bends (at x = −b/w).").format(index, act)
        return self.tr("h{0}[{1}] = {2}(Σ w·h{3} + b). A negative weight flips a ramp; the "
                       "bias shifts it up or down and sets where it is cut off.").format(
            layer, index, act, layer - 1)

    def _source_name(self, layer: int, i: int) -> str:
        return "x" if layer == 1 else f"h{layer - 1}[{i}]"

    def restyle(self) -> None:
        """Lock icons in the palette's colours (they change with the theme)."""
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        self._icons = {True: _lock_icon(True, QColor("#c0392b")),
                       False: _lock_icon(False, muted)}
        self._show_locks(list(self._pages))

    # --- showing the model ---

    def current_neuron(self) -> tuple[int, int]:
        layer = self.layer_tabs.currentIndex() + 1
        return layer, self._neuron_tabs[layer - 1].currentIndex()

    def show_neuron(self, layer: int, index: int) -> None:
        """Open the page of one neuron (emits nothing)."""
        self._ensure_page(layer, index)
        with signals_blocked(self.layer_tabs, *self._neuron_tabs):
            self.layer_tabs.setCurrentIndex(layer - 1)
            self._neuron_tabs[layer - 1].setCurrentIndex(index)
        self._show_hints()

    def neuron_names(self, layer: int, index: int) -> list[str]:
        return list(self._page_names[(layer, index)])

    def mirror(self, values: np.ndarray, names: list[str] | None = None) -> None:
        """Show ``values`` (the full parameter vector) in the pairs of ``names``
        (all when None), without emitting anything."""
        self._values = np.array(values)
        for name in self._names if names is None else names:
            pair = self.sliders.get(name)
            if pair is not None:  # an unbuilt page reads the values when it is built
                pair.setValue(float(values[self._index[name]]))

    def set_gradient(self, gradient: np.ndarray) -> None:
        self._gradient = gradient
        self._hint_scale = float(np.max(np.abs(gradient))) if gradient.size else 0.0
        self._show_hints()

    def set_locked(self, locked: np.ndarray) -> None:
        """Show which parameters are frozen (``locked`` in ``param_names`` order)."""
        self._locked = np.array(locked, dtype=bool)
        self._show_locks(list(self._pages))

    def _show_locks(self, pages: list[tuple[int, int]]) -> None:
        if not self._icons:
            return
        for key in pages:
            names = self._page_names[key]
            for name in names:
                frozen = bool(self._locked[self._index[name]])
                button = self.locks[name]
                with signals_blocked(button):
                    button.setChecked(frozen)
                button.setIcon(self._icons[frozen])
            frozen = all(self._locked[self._index[name]] for name in names)
            button = self._pages[key].lock_all
            with signals_blocked(button):
                button.setChecked(frozen)
            button.setIcon(self._icons[frozen])

    def _show_hints(self) -> None:
        """Direction arrows for the page on show; the others wait until opened."""
        key = self.current_neuron()
        if key not in self._pages:
            return
        threshold = WEAK_HINT_SHARE * self._hint_scale
        for name in self._page_names[key]:
            slope = -self._gradient[self._index[name]]  # the downhill direction
            hint = self.hints[name]
            hint.setText(INCREASE if slope > 0 else DECREASE if slope < 0 else FLAT)
            hint.setEnabled(bool(abs(slope) >= threshold and slope != 0))

    # --- keyboard: Tab runs on through every neuron's page ---

    def _page_order(self) -> list[tuple[int, int]]:
        return list(self._page_names)

    def focusNextPrevChild(self, next_: bool) -> bool:
        """From a page's last control Tab opens the next neuron's page and
        focuses its first control (Shift+Tab: the previous page's last), so
        the focus chain visits every parameter; past the last page it leaves
        the panel as usual."""
        key = self.current_neuron()
        page = self._neuron_tabs[key[0] - 1].widget(key[1])
        focus = self.focusWidget()
        order = self._page_order()
        step = 1 if next_ else -1
        position = order.index(key) + step
        if (focus is None or not page.isAncestorOf(focus) or not 0 <= position < len(order)
                or page.isAncestorOf(self._next_in_chain(focus, next_))):
            return super().focusNextPrevChild(next_)
        layer, index = order[position]
        self.show_neuron(layer, index)
        self.neuronShown.emit(layer, index)
        names = self._page_names[(layer, index)]
        row = self._rows[names[0] if next_ else names[-1]]
        target = row.pair.slider if next_ else row.lock
        target.setFocus(Qt.FocusReason.TabFocusReason if next_
                        else Qt.FocusReason.BacktabFocusReason)
        return True

    @staticmethod
    def _next_in_chain(widget: QWidget, forward: bool) -> QWidget:
        """The widget Tab (or Shift+Tab) would focus after ``widget``."""
        candidate = widget
        while True:
            candidate = (candidate.nextInFocusChain() if forward
                         else candidate.previousInFocusChain())
            if candidate is widget:
                return widget
            policy = candidate.focusPolicy()
            if (candidate.isVisibleTo(candidate.window()) and candidate.isEnabled()
                    and policy & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
                    and candidate.focusProxy() is None):
                return candidate

    # --- user actions ---

    def _on_tabs_current_changed(self, _index: int) -> None:
        self._ensure_page(*self.current_neuron())
        self._show_hints()
        self.neuronShown.emit(*self.current_neuron())

    def _on_lock_toggled(self, name: str, locked: bool) -> None:
        self.lockToggled.emit([name], locked)

    def _on_neuron_lock_toggled(self, names: list[str], locked: bool) -> None:
        self.lockToggled.emit(list(names), locked)
