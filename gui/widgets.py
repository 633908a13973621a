"""Small widgets shared by the tabs."""

from __future__ import annotations

import math
from contextlib import contextmanager

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QSlider, QWidget


@contextmanager
def signals_blocked(*objects: QObject):
    """Update widgets that mirror state without firing their handlers again."""
    previous = [obj.blockSignals(True) for obj in objects]
    try:
        yield
    finally:
        for obj, was_blocked in zip(objects, previous, strict=True):
            obj.blockSignals(was_blocked)


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
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        self.step = step
        self.setObjectName(f"{name}_pair")

        self.slider = QSlider(Qt.Orientation.Horizontal, self)
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

    def _to_ticks(self, value: float) -> int:
        return round(value / self.step)

    def value(self) -> float:
        return self.spin.value()

    def setValue(self, value: float) -> None:
        """Show ``value`` in both widgets without emitting anything."""
        if not math.isfinite(value):
            return
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

    def _on_spin_value_changed(self, value: float) -> None:
        with signals_blocked(self.slider):
            self.slider.setValue(self._to_ticks(value))
        self.valueChanged.emit(value)
