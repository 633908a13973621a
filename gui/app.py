"""Start-up: argument parsing, the Qt compatibility guard, the main window.

Qt is imported inside functions so that ``--help`` answers without loading it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from importlib import metadata

TAB_NAMES = ("sine", "gates", "activations", "beans", "spiral")
LANGUAGES = ("en", "zh_CN")


def pyside_version() -> tuple[int, ...]:
    try:
        text = metadata.version("PySide6-Essentials")
    except metadata.PackageNotFoundError:
        import PySide6  # a full PySide6 install instead of Essentials

        text = PySide6.__version__
    return tuple(int(part) for part in text.split(".")[:3] if part.isdigit())


def qt_compatibility_problem(python: tuple[int, ...] | None = None,
                             pyside: tuple[int, ...] | None = None) -> str | None:
    """Why this Python/PySide6 pair cannot run the app, or None.

    PySide6 ≥ 6.12 on CPython < 3.12 drops a reference to None on every void
    Qt call; animations abort within ~100 frames (``none_dealloc``)."""
    python = tuple(python or sys.version_info[:3])
    pyside = tuple(pyside or pyside_version())
    if python[:2] < (3, 12) and pyside[:2] >= (6, 12):
        return (f"Neuron Tuner cannot run on Python {'.'.join(map(str, python[:3]))} with "
                f"PySide6 {'.'.join(map(str, pyside))}: this pair crashes Qt animations "
                "('Fatal Python error: none_dealloc').\n"
                "Fix: pip install 'PySide6-Essentials<6.10' (or use Python 3.12 or newer).")
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="neuron-tuner",
        description="Neuron Tuner: feel how a neural network works by moving its weights by hand.")
    parser.add_argument("--tab", choices=TAB_NAMES, help="tab to open first")
    parser.add_argument("--lang", choices=LANGUAGES, help="interface language")
    parser.add_argument("--screenshot", metavar="DIR",
                        help="save a PNG of every tab into DIR and exit")
    parser.add_argument("--reset-settings", action="store_true",
                        help="forget the saved session and start clean")
    return parser


def ensure_application():
    """The running QApplication, created (with the app's global options) if needed."""
    from PySide6.QtWidgets import QApplication

    from gui.common.plotting import configure_pyqtgraph

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Neuron Tuner")
        app.setOrganizationName("NeuronTuner")
        app.setApplicationDisplayName("Neuron Tuner")
        configure_pyqtgraph()
    return app


def screenshot_folder_problem(directory: str) -> str | None:
    """Why ``--screenshot DIR`` cannot be used, or None. ``DIR`` must be (or be
    made as) a folder we can write a file into: tried with a real file, since
    permission bits do not tell (root ignores them; read-only mounts)."""
    if not directory:
        return "--screenshot needs a folder name, not an empty string"
    if os.path.exists(directory) and not os.path.isdir(directory):
        return f"--screenshot: {directory} exists and is not a folder"
    try:
        os.makedirs(directory, exist_ok=True)
        with tempfile.TemporaryFile(dir=directory):
            pass
    except OSError as err:
        return f"--screenshot: cannot write into {directory}: {err.strerror or err}"
    return None


def create_main_window(**options):
    """Build the main window; a QApplication must already exist."""
    from gui.main_window import MainWindow

    return MainWindow(**options)


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exit_:  # --help, or a usage error argparse already printed
        return int(exit_.code or 0)
    problem = qt_compatibility_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if args.screenshot is not None:
        problem = screenshot_folder_problem(args.screenshot)
        if problem:
            print(f"neuron-tuner: {problem}", file=sys.stderr)
            return 2
    app = ensure_application()
    # Screenshots need every tab at once; a person sees the first tab sooner.
    window = create_main_window(tab=args.tab, language=args.lang,
                                reset_settings=args.reset_settings,
                                interactive=args.screenshot is None)
    if args.screenshot is not None:
        return window.save_screenshots(args.screenshot)
    window.show()
    return app.exec()
