"""Translation helpers beyond ``self.tr``.

Widgets translate their own literals with ``self.tr("...")``. Text that comes
from the engine (activation names, pros and cons, target labels) is data, so
it is translated here, in the ``engine`` context of the same ``.ts`` file.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

ENGINE_CONTEXT = "engine"


def engine_text(text: str) -> str:
    """``text`` (an English string from ``engine``) in the interface language."""
    return QCoreApplication.translate(ENGINE_CONTEXT, text)
