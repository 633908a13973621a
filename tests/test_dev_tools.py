"""The developer tools behind ``./dev bench`` (benchmarks/run_all.py) and
``./dev bundle`` (packaging/bundle.py), without running a benchmark or
PyInstaller: the table a reader sees, which modules count, the archive a
student downloads and the environment the smoke test starts the app in."""

from __future__ import annotations

import importlib.util
import os
import stat
import sys
from pathlib import Path

import pytest

from benchmarks import run_all
from benchmarks._common import Row

ROOT = Path(__file__).resolve().parent.parent


def _bundle_module():
    # packaging/ is no package: load the script from its path (registered in
    # sys.modules first, as its dataclasses need).
    spec = importlib.util.spec_from_file_location("packaging_bundle",
                                                  ROOT / "packaging" / "bundle.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bundle = _bundle_module()

ROWS = [Row("bean SGD 5000 epochs × 100 beans vs the post's loop, same w and b, a figure "
            "long enough to wrap", "≥ 6×", "80 ms vs 480 ms", 6.0, True),
        Row("RSS growth", "< 5 MB", "+24.0 MB", None, False)]


def test_table_has_one_line_per_row_with_its_verdict_and_wraps_long_figures():
    lines = run_all.text_table(ROWS).splitlines()
    assert lines[0].split() == list(run_all.HEADERS)
    k = next(k for k, line in enumerate(lines) if line.startswith("bean SGD"))
    assert lines[k].split()[-2:] == ["6.00×", "pass"]
    # the long figure continues, indented, on the next line of its column
    figure = lines[k][:run_all.FIGURE_WIDTH].strip() + " " + lines[k + 1].strip()
    assert figure == ROWS[0].figure and lines[k + 1].startswith("  ")
    last = next(line for line in lines if line.startswith("RSS growth"))
    assert last.split()[-1] == "FAIL" and "×" not in last  # no baseline, no ratio


def test_markdown_table_has_a_row_per_result():
    lines = run_all.markdown_table(ROWS).splitlines()
    assert len(lines) == 2 + len(ROWS)
    assert lines[2].endswith("| 6.00× | pass |") and lines[3].endswith("|  | FAIL |")


def test_only_modules_with_a_rows_function_count(tmp_path, monkeypatch):
    (tmp_path / "bench_with.py").write_text("def rows():\n    return []\n")
    (tmp_path / "bench_without.py").write_text("def main():\n    pass\n")
    (tmp_path / "bench_nested.py").write_text("class A:\n    def rows(self):\n        pass\n")
    monkeypatch.setattr(run_all, "HERE", tmp_path)
    assert run_all.bench_modules() == ["bench_nested", "bench_with", "bench_without"]
    assert [run_all.offers_rows(n) for n in run_all.bench_modules()] == [False, True, False]
    assert run_all.wanted(run_all.bench_modules(), ["with"]) == ["bench_with"]
    with pytest.raises(SystemExit):
        run_all.wanted(run_all.bench_modules(), ["nope"])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux archive")
def test_archive_unpacks_to_a_runnable_folder(tmp_path, monkeypatch):
    """What ``./dev bundle`` packs is what ``--check`` and a student unpack:
    the folder with its executable, still executable."""
    dist = tmp_path / "dist"
    app = dist / bundle.NAME
    (app / "_internal").mkdir(parents=True)
    (app / bundle.NAME).write_text("#!/bin/sh\n")
    (app / bundle.NAME).chmod(0o755)
    (app / "_internal" / "lib.so").write_bytes(b"\0" * 100)
    monkeypatch.setattr(bundle, "DIST", dist)

    archive = bundle.pack()
    assert archive.name == f"{bundle.NAME}-{bundle.version()}-linux-{bundle.platform_tag()[6:]}" \
                           ".tar.gz"
    executable = bundle.unpack(archive, tmp_path / "unpacked")
    assert executable == tmp_path / "unpacked" / bundle.NAME / bundle.NAME
    assert executable.stat().st_mode & stat.S_IXUSR
    assert (executable.parent / "_internal" / "lib.so").stat().st_size == 100


def test_the_smoke_test_environment_has_no_python_and_no_virtualenv(tmp_path, monkeypatch):
    monkeypatch.setenv("VIRTUAL_ENV", str(ROOT / ".venv"))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    env = bundle.clean_environment(tmp_path)
    assert bundle.python_on_path(env) is None
    assert not {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME"} & env.keys()
    assert env["HOME"] == str(tmp_path) and env["QT_QPA_PLATFORM"] == "offscreen"
    assert bundle.python_on_path({"PATH": os.path.dirname(sys.executable)}) is not None
