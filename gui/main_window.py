"""The main window: one tab per lesson."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QTabWidget

TAB_CLASSES: list[type] = []  # filled as the lessons land; order is the tab order


class MainWindow(QMainWindow):
    def __init__(self, tab: str | None = None, language: str | None = None,
                 reset_settings: bool = False):
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Neuron Tuner")
        self.resize(1280, 820)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        for cls in TAB_CLASSES:
            page = cls()
            self.tabs.addTab(page, page.tab_title())
        self.statusBar().showMessage(self.tr("Ready"), 3000)

    def save_screenshots(self, directory: str) -> int:
        """Render every tab to ``DIR/<objectName>.png``; returns an exit code."""
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        self.show()
        for index in range(self.tabs.count()):
            self.tabs.setCurrentIndex(index)
            page = self.tabs.widget(index)
            self.grab().save(str(out / f"{page.objectName()}.png"))
        return 0
