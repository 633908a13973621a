"""The app in a real window: an X server (Xvfb), Qt's xcb platform, a
separate process, and a screenshot of the whole screen taken from outside.

Skipped where Xvfb is missing, except in CI (CI=true), where it must run:
``.ci/run`` installs Xvfb, the xcb libraries, x11-utils and a CJK font.
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCREEN = (1400, 900)

GRAB = r"""
import sys
from PySide6.QtGui import QFontDatabase, QGuiApplication
app = QGuiApplication(sys.argv[:1])
QGuiApplication.primaryScreen().grabWindow(0).save(sys.argv[1])
cjk = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
print("cjk-fonts:", len(cjk))
"""

needs_x = pytest.mark.skipif(
    shutil.which("Xvfb") is None and os.environ.get("CI") != "true",
    reason="Xvfb is not installed (apt-get install xvfb libxcb-cursor0 x11-utils)")


@pytest.fixture
def x_display(tmp_path):
    """A fresh Xvfb server; yields its DISPLAY value."""
    assert shutil.which("Xvfb"), "CI must have Xvfb: .ci/run installs it"
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24",
         "-nolisten", "tcp"], pass_fds=(write_fd,), stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _x_env(display: str, home: Path) -> dict:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=str(home))
    env.pop("WAYLAND_DISPLAY", None)
    return env


def _window_listed(env: dict) -> str:
    out = subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True,
                         text=True, timeout=10)
    return next((line for line in out.stdout.splitlines() if "Neuron Tuner" in line), "")


def _wait_for_window(env: dict, app: subprocess.Popen, timeout: float = 40.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert app.poll() is None, app.communicate()[1]
        line = _window_listed(env)
        if line:
            return line
        time.sleep(0.25)  # polling another process; nothing to wait on in this one
    raise AssertionError("no 'Neuron Tuner' window appeared")


@needs_x
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_app_shows_a_real_window(x_display, tmp_path, language):
    assert shutil.which("xwininfo"), "x11-utils (xwininfo) is needed: .ci/run installs it"
    env = _x_env(x_display, tmp_path)
    app = subprocess.Popen([sys.executable, "main.py", "--tab", "sine", "--lang", language,
                            "--reset-settings"], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = _wait_for_window(env, app)
        time.sleep(2.0)  # let the first frames paint before grabbing
        shot = tmp_path / f"screen-{language}.png"
        grab = subprocess.run([sys.executable, "-c", GRAB, str(shot)], env=env,
                              capture_output=True, text=True, timeout=60)
        assert grab.returncode == 0, grab.stderr
        assert app.poll() is None, app.communicate()[1]
    finally:
        app.terminate()
        app.wait(timeout=20)

    assert "Neuron Tuner" in line
    assert int(grab.stdout.split("cjk-fonts:")[1]) > 0, "no Chinese font: text would be boxes"
    _assert_not_blank(shot)
    keep = os.environ.get("NEURON_TUNER_SHOTS")
    if keep:
        shutil.copy(shot, Path(keep) / shot.name)


def _assert_not_blank(path: Path) -> None:
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull() and (image.width(), image.height()) == SCREEN
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 50, f"the screen shows only {len(colours)} colours: blank window?"
