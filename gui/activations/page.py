"""What the activations tab's three pages share: the one model they view."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from gui.activations.model import ActivationsModel
from gui.contract import RetranslateMixin


class ActivationsPage(RetranslateMixin, QWidget):
    """A page of the activations tab, named ``object_name``, showing and
    changing the tab's shared model ``state``."""

    def __init__(self, state: ActivationsModel, object_name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.state = state
