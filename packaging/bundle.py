"""The standalone app: build it, pack it, and smoke-test it.

    ./dev bundle            PyInstaller with packaging/neuron-tuner.spec into
                            dist/neuron-tuner/ (and "Neuron Tuner.app" on macOS),
                            then one archive of it in dist/:
                            neuron-tuner-<version>-<system>-<machine>.tar.gz on
                            Linux, .zip on Windows and macOS
    ./dev bundle --check    unpack that archive into a temporary folder and start
                            the app from there as a student would, with no Python
                            on PATH and no virtualenv in the environment:
                            --screenshot of every tab in English and in Chinese,
                            each picture non-blank, the Chinese ones different;
                            then the size and start-up budgets

The check runs in the developer's virtualenv (it reads the PNGs with Qt), the
app it starts does not.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gui.app import TAB_NAMES  # noqa: E402  (no Qt: gui.app imports it lazily)

NAME = "neuron-tuner"
MAC_APP = "Neuron Tuner.app"
SPEC = ROOT / "packaging" / "neuron-tuner.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
KEPT_SCREENSHOTS = ROOT / "build" / "bundle-screenshots"

FOLDER_BUDGET_MB = 250
ARCHIVE_BUDGET_MB = 110
STARTUP_BUDGET = 2.0  # bundled app ÷ the same app from the virtualenv
STARTUP_PAIRS = 2  # venv and bundle alternately; the faster of each counts
RUN_TIMEOUT_S = 180
# A blank or half-painted window has a handful of colours; every tab, with its
# anti-aliased curves and text, has hundreds.
MIN_COLOURS = 64
# The Chinese pictures must differ from the English ones in more than the
# status bar: every label, title and tab name changes.
MIN_LANGUAGE_DIFFERENCE = 0.01


def version() -> str:
    return metadata.version(NAME)


def platform_tag() -> str:
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}[sys.platform]
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system}-{machine}"


def archive_path() -> Path:
    suffix = ".tar.gz" if sys.platform.startswith("linux") else ".zip"
    return DIST / f"{NAME}-{version()}-{platform_tag()}{suffix}"


def megabytes(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    files = (p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 2**20


# --- build ------------------------------------------------------------------

def build() -> Path:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)],
                   cwd=ROOT, check=True)
    archive = pack()
    print(f"bundle: {DIST / NAME} ({megabytes(DIST / NAME):.0f} MB) and {archive.name} "
          f"({megabytes(archive):.0f} MB) in {time.perf_counter() - start:.0f} s")
    return archive


def pack() -> Path:
    """One archive of what a student downloads. macOS's ``ditto`` keeps the
    .app's symlinks and permissions, which Python's zipfile would lose."""
    archive = archive_path()
    archive.unlink(missing_ok=True)
    if sys.platform == "darwin":
        subprocess.run(["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent",
                        str(DIST / MAC_APP), str(archive)], check=True)
    elif sys.platform == "win32":
        shutil.make_archive(str(archive.with_suffix("")), "zip", DIST, NAME)
    else:
        with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
            tar.add(DIST / NAME, arcname=NAME)
    return archive


def unpack(archive: Path, into: Path) -> Path:
    """Unpack ``archive`` into ``into``; returns the executable inside."""
    if sys.platform == "darwin":
        subprocess.run(["ditto", "-x", "-k", str(archive), str(into)], check=True)
        return into / MAC_APP / "Contents" / "MacOS" / NAME
    if sys.platform == "win32":
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(into)
        return into / NAME / f"{NAME}.exe"
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="tar")
    return into / NAME / NAME


# --- check --------------------------------------------------------------------

@dataclass
class Finding:
    what: str
    ok: bool


def clean_environment(home: Path) -> dict[str, str]:
    """A student's session, as far as the app can tell: no Python, no
    virtualenv, no PYTHONPATH; a PATH that holds no interpreter (an empty
    folder: /usr/bin has a python3 on many Linux systems); a fresh home."""
    empty = home / "empty-path"
    empty.mkdir()
    env = {"PATH": str(empty), "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
           "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    if sys.platform == "win32":  # Windows cannot start a process without these
        for key in ("SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT"):
            if key in os.environ:
                env[key] = os.environ[key]
        env.update(TEMP=str(home), TMP=str(home), USERPROFILE=str(home),
                   APPDATA=str(home / "config"), LOCALAPPDATA=str(home / "local"))
    return env


def python_on_path(env: dict[str, str]) -> str | None:
    return next(filter(None, (shutil.which(name, path=env["PATH"])
                              for name in ("python3", "python", "py"))), None)


def run_app(command: list[str], env: dict[str, str], shots: Path,
            language: str | None = None) -> tuple[float, int, str]:
    """Seconds from start to exit of ``--screenshot``, the exit code, stderr."""
    args = [*command, "--screenshot", str(shots), "--reset-settings"]
    if language:
        args += ["--lang", language]
    start = time.perf_counter()
    done = subprocess.run(args, env=env, cwd=shots.parent, capture_output=True, text=True,
                          timeout=RUN_TIMEOUT_S, check=False)
    return time.perf_counter() - start, done.returncode, done.stderr


def pixels(png: Path):
    """The picture as a 2-D array of 0xAARRGGBB, read with the virtualenv's Qt."""
    import numpy as np
    from PySide6.QtGui import QImage

    image = QImage(str(png)).convertToFormat(QImage.Format.Format_ARGB32)
    if image.isNull():
        return np.zeros((0, 0), dtype=np.uint32)
    bits = np.frombuffer(image.constBits(), dtype=np.uint32,
                         count=image.bytesPerLine() * image.height() // 4)
    return bits.reshape(image.height(), image.bytesPerLine() // 4)[:, :image.width()].copy()


def picture_findings(shots: Path, label: str) -> list[Finding]:
    findings = []
    for tab in TAB_NAMES:
        png = shots / f"{tab}.png"
        colours = len(set(pixels(png).ravel().tolist())) if png.exists() else 0
        findings.append(Finding(f"{label} {tab}.png: {colours} distinct colours "
                                f"(≥ {MIN_COLOURS})", colours >= MIN_COLOURS))
    return findings


def language_findings(english: Path, chinese: Path) -> list[Finding]:
    """The .qm was found inside the bundle: every Chinese picture differs from
    its English one in more than a status message."""
    findings = []
    for tab in TAB_NAMES:
        en, zh = pixels(english / f"{tab}.png"), pixels(chinese / f"{tab}.png")
        share = float((en != zh).mean()) if en.shape == zh.shape and en.size else 1.0
        findings.append(Finding(f"zh_CN {tab}.png differs from en on {share:.1%} of pixels "
                                f"(≥ {MIN_LANGUAGE_DIFFERENCE:.0%})",
                                share >= MIN_LANGUAGE_DIFFERENCE))
    return findings


def run_findings(label: str, seconds: float, code: int, stderr: str) -> list[Finding]:
    finding = Finding(f"{label}: exit code {code} after {seconds:.1f} s", code == 0)
    if code != 0:
        print(f"--- {label} stderr:\n{stderr.strip()}", file=sys.stderr)
    return [finding]


def check() -> bool:
    start = time.perf_counter()
    archive = archive_path()
    if not archive.exists():
        print(f"bundle: no {archive.relative_to(ROOT)}; run ./dev bundle first", file=sys.stderr)
        return False
    findings: list[Finding] = []
    with tempfile.TemporaryDirectory(prefix="neuron-tuner-check-") as tmp:
        tmp = Path(tmp)
        home = tmp / "home"
        home.mkdir()
        env = clean_environment(home)
        found = python_on_path(env)
        findings.append(Finding(f"no Python on the app's PATH ({found or 'none found'})",
                                found is None))
        executable = unpack(archive, tmp / "unpacked")
        bundled, from_venv = [str(executable)], [sys.executable, str(ROOT / "main.py")]

        times: dict[str, list[float]] = {"bundle": [], "venv": []}
        for k in range(STARTUP_PAIRS):
            for kind, command in (("venv", from_venv), ("bundle", bundled)):
                seconds, code, stderr = run_app(command, env, tmp / f"{kind}-{k}")
                times[kind].append(seconds)
                findings += run_findings(f"{kind} --screenshot, run {k + 1}", seconds, code,
                                         stderr)
        english = tmp / "bundle-0"
        findings += picture_findings(english, "en")
        chinese = tmp / "bundle-zh_CN"
        seconds, code, stderr = run_app(bundled, env, chinese, "zh_CN")
        findings += run_findings("bundle --screenshot --lang zh_CN", seconds, code, stderr)
        findings += picture_findings(chinese, "zh_CN")
        findings += language_findings(english, chinese)
        keep_pictures(english, chinese)

    bundle_s, venv_s = min(times["bundle"]), min(times["venv"])
    folder_mb, archive_mb = megabytes(DIST / NAME), megabytes(archive)
    findings += [
        Finding(f"folder dist/{NAME}: {folder_mb:.0f} MB (≤ {FOLDER_BUDGET_MB} MB)",
                folder_mb <= FOLDER_BUDGET_MB),
        Finding(f"archive {archive.name}: {archive_mb:.0f} MB (≤ {ARCHIVE_BUDGET_MB} MB)",
                archive_mb <= ARCHIVE_BUDGET_MB),
        Finding(f"start-up, start to exit of --screenshot (five tabs painted): bundle "
                f"{bundle_s:.1f} s vs virtualenv {venv_s:.1f} s = {bundle_s / venv_s:.2f}× "
                f"(≤ {STARTUP_BUDGET:g}×)", bundle_s / venv_s <= STARTUP_BUDGET),
    ]
    for finding in findings:
        print(f"{'ok  ' if finding.ok else 'FAIL'}  {finding.what}")
    passed = all(f.ok for f in findings)
    print(f"bundle check: {'passed' if passed else 'FAILED'} in "
          f"{time.perf_counter() - start:.0f} s")
    return passed


def keep_pictures(english: Path, chinese: Path) -> None:
    """The bundled app's screenshots, kept in build/ for a person to look at."""
    for language, shots in (("en", english), ("zh_CN", chinese)):
        target = KEPT_SCREENSHOTS / language
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(shots, target)
    print(f"bundle: screenshots kept in {KEPT_SCREENSHOTS.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./dev bundle", description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="smoke-test the built archive instead of building")
    args = parser.parse_args(argv)
    if args.check:
        return 0 if check() else 1
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
