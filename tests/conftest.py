"""Qt runs headless in tests; these must be set before anything imports Qt."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pytest


@pytest.fixture(scope="session", autouse=True)
def _pyqtgraph_options(qapp):
    """The same global pyqtgraph options the app sets at start-up."""
    from gui.plotting import configure_pyqtgraph

    configure_pyqtgraph()
    yield
