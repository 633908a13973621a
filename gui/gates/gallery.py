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
from gui.contract import RetranslateMixin
from gui.i18n import engine_text

ICON_SIZE = 30
COLUMNS = 4
# Little padding: four names like "x1 ≥ x2" fit side by side in the column. The
# current target's button must stand out in both themes.
STYLE = ("QToolButton { padding: 0px; font-size: 8pt; } "
         "QToolButton:checked { border: 2px solid palette(highlight); "
         "border-radius: 4px; font-weight: bold; }")


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


class GatesGallery(RetranslateMixin, QGroupBox):
    """Emits ``functionChosen(outputs)`` with the clicked function's 4 outputs."""

    functionChosen = Signal(tuple)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("gateGallery")
        # The current target's button must stand out in both themes.
        self.restyle()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[tuple[int, ...], QToolButton] = {}
        layout = QGridLayout(self)
        layout.setSpacing(3)
        for index, outputs in enumerate(all_boolean_functions()):
            button = self._make_button(outputs)
            self.buttons[outputs] = button
            self.group.addButton(button)
            layout.addWidget(button, index // COLUMNS, index % COLUMNS)
        self.legend = QLabel(self)
        self.legend.setObjectName("gateGalleryLegend")
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend, 4, 0, 1, COLUMNS)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("All 16 two-input functions"))
        self.setToolTip(self.tr("Click a function to make it the target. ✓: one perceptron "
                                "can draw it; ✗: no single line separates its 1s from its 0s"))
        self.legend.setText(self.tr("✓ one perceptron can do it (14)   ✗ needs two layers (2)"))
        for outputs, button in self.buttons.items():
            self._name_button(button, outputs)

    def restyle(self) -> None:
        """A style sheet freezes the palette it was polished with: set it again,
        so that the buttons take the new theme's colours."""
        self.setStyleSheet("")
        self.setStyleSheet(STYLE)

    def _make_button(self, outputs) -> QToolButton:
        separable = is_linearly_separable(outputs)
        button = QToolButton(self)
        button.setObjectName(f"gallery_{bits_text(outputs)}")
        button.setCheckable(True)
        button.setAutoRaise(False)
        button.setIcon(pattern_icon(outputs))
        button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setProperty("separable", separable)
        button.setMinimumWidth(66)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        button.clicked.connect(lambda _=False, o=outputs: self.functionChosen.emit(o))
        return button

    def _name_button(self, button: QToolButton, outputs) -> None:
        name = engine_text(boolean_function_name(outputs))
        separable = is_linearly_separable(outputs)
        button.setText(f"{'✓' if separable else '✗'} {name}")
        pattern = ", ".join(f"{x1}{x2}→{out}" for (x1, x2), out in zip(INPUTS, outputs,
                                                                         strict=True))
        if separable:
            tip = self.tr("{0} ({1}): one perceptron can draw this. Click to make it the "
                          "target.").format(name, pattern)
        else:
            tip = self.tr("{0} ({1}): no single line separates its 1s from its 0s; it needs "
                          "two layers. Click to make it the target.").format(name, pattern)
        button.setToolTip(tip)
        button.setAccessibleName(self.tr("Target {0} ({1})").format(name, pattern))

    def show_target(self, outputs) -> None:
        """Check the target's button (a mirror of the state: emits nothing)."""
        button = self.buttons[tuple(outputs)]
        if not button.isChecked():
            button.setChecked(True)
