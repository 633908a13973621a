"""All 16 two-input Boolean functions as small buttons; clicking one makes it
the target. Each button's icon draws the four inputs where the plot puts
them (x1 to the right, x2 up): a blue disc where the function is 1, a red
square where it is 0. ✓ marks the 14 one perceptron can draw."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from engine.perceptron import (
    INPUTS,
    all_boolean_functions,
    boolean_function_name,
    is_linearly_separable,
)
from gui.common.plotting import NEGATIVE_COLOUR, POSITIVE_COLOUR
from gui.i18n import engine_text

ICON_SIZE = 30
COLUMNS = 4


def bits_text(outputs) -> str:
    return "".join(str(v) for v in outputs)


def pattern_icon(outputs, size: int = ICON_SIZE) -> QIcon:
    """Four marks at the inputs' places, coloured by the function's outputs."""
    ratio = 2  # drawn at twice the size so it stays sharp on high-DPI screens
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    radius = size * 0.17
    for (x1, x2), out in zip(INPUTS, outputs, strict=True):
        centre = QPointF(size * (0.27 + 0.46 * x1), size * (0.73 - 0.46 * x2))
        painter.setBrush(QColor(POSITIVE_COLOUR if out else NEGATIVE_COLOUR))
        if out:
            painter.drawEllipse(centre, radius, radius)
        else:
            painter.drawRect(QRectF(centre.x() - radius * 0.85, centre.y() - radius * 0.85,
                                    radius * 1.7, radius * 1.7))
    painter.end()
    return QIcon(pixmap)


class GatesGallery(QGroupBox):
    """Emits ``functionChosen(outputs)`` with the clicked function's 4 outputs."""

    functionChosen = Signal(tuple)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("All 16 two-input functions"), parent)
        self.setObjectName("gateGallery")
        self.setToolTip(self.tr("Click a function to make it the target. ✓: one perceptron "
                                "can draw it; ✗: no single line separates its 1s from its 0s"))
        # The current target's button must stand out in both themes.
        self.setStyleSheet("QToolButton:checked { border: 2px solid palette(highlight); "
                           "border-radius: 4px; font-weight: bold; }")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[tuple[int, ...], QToolButton] = {}
        layout = QGridLayout(self)
        layout.setSpacing(4)
        for index, outputs in enumerate(all_boolean_functions()):
            button = self._make_button(outputs)
            self.buttons[outputs] = button
            self.group.addButton(button)
            layout.addWidget(button, index // COLUMNS, index % COLUMNS)
        self.legend = QLabel(self.tr("✓ one perceptron can do it (14)   ✗ needs two layers (2)"),
                             self)
        self.legend.setObjectName("gateGalleryLegend")
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend, 4, 0, 1, COLUMNS)

    def _make_button(self, outputs) -> QToolButton:
        name = engine_text(boolean_function_name(outputs))
        separable = is_linearly_separable(outputs)
        button = QToolButton(self)
        button.setObjectName(f"gallery_{bits_text(outputs)}")
        button.setCheckable(True)
        button.setAutoRaise(False)
        button.setIcon(pattern_icon(outputs))
        button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setText(f"{'✓' if separable else '✗'} {name}")
        button.setProperty("separable", separable)
        button.setMinimumWidth(70)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        pattern = ", ".join(f"{x1}{x2}→{out}" for (x1, x2), out in zip(INPUTS, outputs,
                                                                         strict=True))
        if separable:
            tip = self.tr("{0} ({1}): one perceptron can draw this. Click to make it the "
                          "target.").format(name, pattern)
        else:
            tip = self.tr("{0} ({1}): no single line separates its 1s from its 0s; it needs "
                          "two layers. Click to make it the target.").format(name, pattern)
        button.setToolTip(tip)
        button.clicked.connect(lambda _=False, o=outputs: self.functionChosen.emit(o))
        return button

    def show_target(self, outputs) -> None:
        """Check the target's button (a mirror of the state: emits nothing)."""
        button = self.buttons[tuple(outputs)]
        if not button.isChecked():
            button.setChecked(True)
