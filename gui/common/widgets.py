"""Small widgets, and the factories the tabs build their controls with.

The factories take text already translated: ``self.tr("...")`` stays at the
call site, where lupdate finds the literal.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QStyle,
    QStyleOptionSlider,
    QVBoxLayout,
    QWidget,
)

Handler = Callable[..., object]  # a slot: a function, bound method or signal


@contextmanager
def signals_blocked(*objects: QObject):
    """Update widgets that mirror state without firing their handlers again."""
    previous = [obj.blockSignals(True) for obj in objects]
    try:
        yield
    finally:
        for obj, was_blocked in zip(objects, previous, strict=True):
            obj.blockSignals(was_blocked)


_FINE_KEYS = {Qt.Key.Key_Right: 1, Qt.Key.Key_Up: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Down: -1}
FINE_DIVISOR = 10  # Shift + arrow moves by a tenth of the single step


class _DragSlider(QSlider):
    """A slider whose drag reports how far the mouse moved (``draggedBy(pixels)``)
    instead of mapping the pointer onto the whole range, so that the owner can
    move the value a fixed amount per pixel whatever the slider's width. A
    press on the groove first jumps there (``valueChanged``); ``grabbed``
    fires when a drag begins."""

    grabbed = Signal()
    draggedBy = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._press_x: float | None = None

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setSliderDown(True)
        handle = self._handle_rect()
        if not handle.contains(event.position().toPoint()):
            option = QStyleOptionSlider()
            self.initStyleOption(option)
            groove = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                                 QStyle.SubControl.SC_SliderGroove, self)
            span = max(groove.width() - handle.width(), 1)
            offset = int(event.position().x() - groove.x() - handle.width() / 2)
            self.setValue(QStyle.sliderValueFromPosition(
                self.minimum(), self.maximum(), min(max(offset, 0), span), span))
        self._press_x = event.position().x()
        self.grabbed.emit()
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        if self._press_x is None:
            super().mouseMoveEvent(event)
            return
        self.draggedBy.emit(event.position().x() - self._press_x)
        event.accept()

    def mouseReleaseEvent(self, event) -> None:
        if self._press_x is None:
            super().mouseReleaseEvent(event)
            return
        self._press_x = None
        self.setSliderDown(False)
        event.accept()

    def _handle_rect(self):
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        return self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                           QStyle.SubControl.SC_SliderHandle, self)


class ParamSlider(QWidget):
    """A slider and a spin box showing one float; neither owns it.

    The slider works in whole steps of ``step``; the spin box carries the exact
    value. ``valueChanged`` fires once per user change from either side (while
    the slider is dragged, not only on release); ``setValue`` mirrors a value
    from the model with signals blocked. ``editStarted``/``editFinished``
    bracket one slider drag, so a drag can be one undo step.
    """

    valueChanged = Signal(float)
    editStarted = Signal()
    editFinished = Signal()

    def __init__(self, name: str, minimum: float = -10.0, maximum: float = 10.0,
                 step: float = 0.01, decimals: int = 3, value: float = 0.0,
                 parent: QWidget | None = None, *, drag_per_pixel: float | None = None):
        super().__init__(parent)
        self.name = name
        self.step = step
        self.setObjectName(f"{name}_pair")

        # drag_per_pixel: a drag moves the value this much per pixel (see _DragSlider).
        self._drag_per_pixel = drag_per_pixel
        self._grab_value = 0.0
        if drag_per_pixel is None:
            self.slider = QSlider(Qt.Orientation.Horizontal, self)
        else:
            self.slider = _DragSlider(self)
            self.slider.grabbed.connect(self._on_slider_grabbed)
            self.slider.draggedBy.connect(self._on_slider_dragged_by)
        self.slider.setObjectName(f"{name}_slider")
        self.slider.setRange(self._to_ticks(minimum), self._to_ticks(maximum))
        self.slider.setMinimumWidth(80)

        self.spin = QDoubleSpinBox(self)
        self.spin.setObjectName(f"{name}_spin")
        self.spin.setDecimals(decimals)
        self.spin.setRange(minimum, maximum)
        self.spin.setSingleStep(step)
        self.spin.setKeyboardTracking(False)  # commit typed numbers on Enter, not per key
        self.spin.setAccelerated(True)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.spin)

        self.setValue(value)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.spin.valueChanged.connect(self._on_spin_value_changed)
        self.slider.sliderPressed.connect(self.editStarted)
        self.slider.sliderReleased.connect(self.editFinished)
        self.slider.installEventFilter(self)
        self.spin.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Shift + arrow key: a tenth of a step, for fine control from the keyboard."""
        if (event.type() == QEvent.Type.KeyPress
                and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
                and event.key() in _FINE_KEYS):
            self.spin.setValue(self.spin.value() + _FINE_KEYS[event.key()] * self.step
                               / FINE_DIVISOR)
            return True
        return super().eventFilter(watched, event)

    def _to_ticks(self, value: float) -> int:
        return round(value / self.step)

    def value(self) -> float:
        return self.spin.value()

    def setValue(self, value: float) -> None:
        """Show ``value`` in both widgets without emitting anything."""
        if not math.isfinite(value):
            return
        value = round(value, self.spin.decimals()) + 0.0  # + 0.0: never show "-0.000"
        with signals_blocked(self.slider, self.spin):
            self.spin.setValue(value)
            self.slider.setValue(self._to_ticks(value))

    def setToolTip(self, text: str) -> None:
        super().setToolTip(text)
        self.slider.setToolTip(text)
        self.spin.setToolTip(text)

    def _on_slider_value_changed(self, ticks: int) -> None:
        value = round(ticks * self.step, self.spin.decimals())
        with signals_blocked(self.spin):
            self.spin.setValue(value)
        self.valueChanged.emit(self.spin.value())

    def _on_slider_grabbed(self) -> None:
        self._grab_value = self.spin.value()

    def _on_slider_dragged_by(self, pixels: float) -> None:
        self.spin.setValue(round(self._grab_value + pixels * self._drag_per_pixel,
                                 self.spin.decimals()))

    def _on_spin_value_changed(self, value: float) -> None:
        with signals_blocked(self.slider):
            self.slider.setValue(self._to_ticks(value))
        self.valueChanged.emit(value)


# --- layout ---


def tab_row(tab: QWidget) -> QHBoxLayout:
    """The outer layout of a tab whose parts stand side by side; one margin and
    spacing for every such tab keeps their edges in line when switching."""
    layout = QHBoxLayout(tab)
    layout.setContentsMargins(8, 8, 8, 8)
    layout.setSpacing(10)
    return layout


def control_column(parent: QWidget, width: int) -> tuple[QWidget, QVBoxLayout]:
    """A column of controls at a fixed width: the plots beside it take any
    width the window gains or loses, and the controls never get squeezed."""
    panel = QWidget(parent)
    panel.setFixedWidth(width)
    column = QVBoxLayout(panel)
    column.setContentsMargins(0, 0, 0, 0)
    return panel, column


def scrolling_column(panel: QWidget, parent: QWidget) -> QScrollArea:
    """``panel`` (a ``control_column``) in a scroll area as wide as the panel
    and its scroll bar: on a short window the column scrolls instead of being
    cut off, and it never scrolls sideways. Tab keeps the focused control in
    view (QScrollArea.focusNextPrevChild)."""
    area = QScrollArea(parent)
    area.setObjectName(f"{panel.objectName() or 'column'}Scroll")
    area.setWidget(panel)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls inside
    bar = area.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    area.setFixedWidth(panel.minimumWidth() + bar + 2)
    return area


def name_pair(pair: ParamSlider, text: str) -> None:
    """One accessible name for a ParamSlider's slider and spin box."""
    pair.slider.setAccessibleName(text)
    pair.spin.setAccessibleName(text)


def set_texts(widget: QWidget, text: str | None = None, tip: str | None = None,
              name: str | None = None) -> None:
    """Set a control's shown text, tooltip and accessible name in one call
    (from a ``retranslate()``): each only when given, and the accessible name
    is the shown text unless ``name`` says otherwise."""
    if text is not None:
        widget.setText(text)
    if tip is not None:
        widget.setToolTip(tip)
    if name is not None or text is not None:
        widget.setAccessibleName(name if name is not None else text)


# --- controls ---


def push_button(text: str, parent: QWidget, name: str, tip: str = "",
                on_click: Handler | None = None, *,
                icon: QStyle.StandardPixmap | None = None) -> QPushButton:
    """A named button with its tooltip; ``on_click`` runs when it is clicked."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setToolTip(tip)
    if icon is not None:
        button.setIcon(parent.style().standardIcon(icon))
    if on_click is not None:
        button.clicked.connect(on_click)
    return button


def toggle_button(text: str, parent: QWidget, name: str, tip: str,
                  on_toggle: Handler | None = None, *,
                  icon: QStyle.StandardPixmap | None = None) -> QPushButton:
    """A checkable button (play/pause, train/stop): ``on_toggle(checked)`` runs
    on every change of state, also when code unchecks it to stop a run."""
    button = push_button(text, parent, name, tip, icon=icon)
    button.setCheckable(True)
    if on_toggle is not None:
        button.toggled.connect(on_toggle)
    return button


def check_box(text: str, parent: QWidget, name: str, tip: str,
              on_toggle: Handler | None = None, *, checked: bool = False) -> QCheckBox:
    """A named check box; ``checked`` is set before ``on_toggle`` is connected,
    so building the box runs no handler."""
    box = QCheckBox(text, parent)
    box.setObjectName(name)
    box.setToolTip(tip)
    box.setChecked(checked)
    if on_toggle is not None:
        box.toggled.connect(on_toggle)
    return box


# Spin boxes commit a typed number on Enter (no keyboard tracking): typing
# "1000" must not pass through 1, 10 and 100, each a change of the model.

def int_spin(parent: QWidget, name: str, tip: str, limits: tuple[int, int]) -> QSpinBox:
    """A whole-number spin box over the inclusive ``limits``."""
    spin = QSpinBox(parent)
    spin.setObjectName(name)
    spin.setRange(*limits)
    spin.setKeyboardTracking(False)
    spin.setToolTip(tip)
    return spin


def float_spin(parent: QWidget, name: str, tip: str, limits: tuple[float, float],
               decimals: int, step: float) -> QDoubleSpinBox:
    """A spin box for one number over the inclusive ``limits``, shown to
    ``decimals`` places and stepped by ``step``."""
    spin = QDoubleSpinBox(parent)
    spin.setObjectName(name)
    spin.setDecimals(decimals)
    spin.setRange(*limits)
    spin.setSingleStep(step)
    spin.setKeyboardTracking(False)
    spin.setToolTip(tip)
    return spin


# --- labels ---


def readout_label(parent: QWidget, name: str, tip: str) -> QLabel:
    """A label showing a live number; selectable, so the learner can copy it."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setToolTip(tip)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


EXPLANATIONS_SHOWN = "explanationsShown"  # an application property the window sets


def mark_explanation(widget: QWidget) -> None:
    """Make ``widget`` a teaching note: View → Show explanations hides or shows
    every widget with the ``explanation`` property at once, and one made later
    (a page built after the first paint) starts as the others are."""
    widget.setProperty("explanation", True)
    if QApplication.instance().property(EXPLANATIONS_SHOWN) is False:
        widget.setVisible(False)


def explanation_label(text: str, parent: QWidget, name: str) -> QLabel:
    """A teaching note (see ``mark_explanation``)."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    mark_explanation(label)
    return label


# --- animation ---


def animation_timer(parent: QObject, interval_ms: int, on_timeout: Handler) -> QTimer:
    """A timer that drives an animation frame by frame. Precise: Qt's default
    coarse timer may fire up to 5 % late, which shows as stutter."""
    timer = QTimer(parent)
    timer.setInterval(interval_ms)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(on_timeout)
    return timer
