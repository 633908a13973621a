"""Light (default) and dark looks: Qt's Fusion style with one palette each."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

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


def apply_theme(dark: bool) -> None:
    """Set the widget palette and pyqtgraph's colours; plots created after
    this call follow it (the window rebuilds its tabs on a switch)."""
    app = QApplication.instance()
    app.setStyle("Fusion")
    palette = app.style().standardPalette()
    if dark:
        for role, colour in _DARK.items():
            palette.setColor(role, QColor(colour))
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#7a7a7a"))
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText,
                         QColor("#7a7a7a"))
    app.setPalette(palette)
    configure_pyqtgraph(dark)
