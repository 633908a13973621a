"""Qt runs headless in tests; these must be set before anything imports Qt."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
# Never read or write the user's real saved session from a test.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="neuron-tuner-tests-")

import pytest
from hypothesis import settings as hypothesis_settings

# CI must be reproducible: there hypothesis draws the same examples every run;
# on a developer's machine it keeps exploring new ones.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


@pytest.fixture(scope="session", autouse=True)
def _pyqtgraph_options(qapp):
    """The same global pyqtgraph options the app sets at start-up."""
    from gui.common.plotting import configure_pyqtgraph

    configure_pyqtgraph()
    yield


@pytest.fixture
def settings(tmp_path):
    """A QSettings file of the test's own."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings):
    """Build main windows on the test's own settings. Afterwards each is
    stopped, closed and deleted at once: a window left to deleteLater() lives
    on into the next test, whose theme or language switch would then reach
    plots being torn down."""
    import shiboken6

    from gui.app import create_main_window

    made = []

    def make(**options):
        options.setdefault("settings", settings)
        window = create_main_window(**options)
        made.append(window)
        return window

    yield make
    for window in made:
        if shiboken6.isValid(window):
            for page in window.pages():
                page.stop_animation()
            window.close()
            shiboken6.delete(window)


@pytest.fixture
def show_tab(qtbot):
    """Show tabs at about the size the 1280 × 820 main window gives them and wait
    until they are on screen; their animations stop afterwards, before qtbot
    closes them, so no timer fires into a closed tab."""
    shown = []

    def show(tab):
        qtbot.addWidget(tab)
        tab.resize(1260, 740)
        tab.show()
        qtbot.waitExposed(tab)
        shown.append(tab)
        return tab

    yield show
    for tab in shown:
        tab.stop_animation()
