"""Light (default) and dark looks: Qt's Fusion style with one palette each,
and a focus frame keyboard users can see on sliders and spin boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle

from gui.common.plotting import configure_pyqtgraph

_DARK = {
    QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2f2f2f",
    QPalette.ColorRole.ToolTipBase: "#3a3a3a", QPalette.ColorRole.ToolTipText: "#f0f0f0",
    QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Highlight: "#3d7cc9", QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#6aa9ff", QPalette.ColorRole.PlaceholderText: "#9a9a9a",
}
FOCUS_FRAME_WIDTH = 2
_FRAMED = (QStyle.ComplexControl.CC_Slider, QStyle.ComplexControl.CC_SpinBox)


class FocusFrameStyle(QProxyStyle):
    """Fusion, plus a 2-px frame in the highlight colour around the slider or
    spin box that has the keyboard focus (Fusion's own hint is a faint line,
    invisible in the dark theme)."""

    def drawComplexControl(self, control, option, painter, widget=None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _FRAMED and option.state & QStyle.StateFlag.State_HasFocus:
            painter.save()
            pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), FOCUS_FRAME_WIDTH)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            half = FOCUS_FRAME_WIDTH // 2
            painter.drawRect(option.rect.adjusted(half, half, -half, -half))
            painter.restore()


def _install_style(app: QApplication) -> None:
    """Once: setting a style repolishes every widget, a theme switch need not."""
    if not isinstance(app.style(), FocusFrameStyle):
        app.setStyle(FocusFrameStyle("Fusion"))  # the application owns the style


def apply_theme(dark: bool) -> None:
    """Set the widget palette and pyqtgraph's colours; plots made by
    ``gui.common.plotting`` restyle in place, tabs restyle what they coloured."""
    app = QApplication.instance()
    _install_style(app)
    palette = app.style().standardPalette()
    if dark:
        for role, colour in _DARK.items():
            palette.setColor(role, QColor(colour))
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#7a7a7a"))
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText,
                         QColor("#7a7a7a"))
    app.setPalette(palette)
    configure_pyqtgraph(dark)
