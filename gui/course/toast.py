"""A short announcement over the current tab, where the learner is looking."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

SHOW_MS = 4000
MAX_WIDTH = 560
MARGIN = 12


class ExerciseToast(QLabel):
    """A banner at the top centre of ``host`` that hides itself after a few
    seconds; clicks go through it to the tab below."""

    def __init__(self, host: QWidget):
        super().__init__(host)
        self.setObjectName("exerciseToast")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # The palette's highlight pair reads well in both themes.
        self.setStyleSheet("QLabel#exerciseToast { background: palette(highlight); "
                           "color: palette(highlighted-text); border-radius: 8px; "
                           "padding: 10px 16px; font-weight: bold; }")
        self._timer = QTimer(self, singleShot=True, interval=SHOW_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def announce(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)
        self._place()
        self.show()
        self.raise_()
        self._timer.start()

    def _place(self) -> None:
        host = self.parentWidget()
        width = max(120, min(MAX_WIDTH, host.width() - 2 * MARGIN))
        self.setFixedWidth(width)
        self.setFixedHeight(self.heightForWidth(width))
        # Below a tab widget's tab bar: over the page itself.
        top = host.tabBar().height() if hasattr(host, "tabBar") else 0
        self.move((host.width() - width) // 2, top + MARGIN)
