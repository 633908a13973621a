"""``./dev bench``: every ``benchmarks/bench_*.py`` that offers
``rows() -> list[Row]``, each in its own interpreter, printed as one table:
figure, goal, measured, ratio, pass/fail.

    ./dev bench                      # every module
    ./dev bench engine gui_beans     # bench_engine.py and bench_gui_beans.py only
    ./dev bench --markdown           # the same table as Markdown, for a note

A module without ``rows()`` is skipped with a note. Each module runs in a
fresh interpreter so that one module's QApplication, caches and resident
memory do not colour the next one's figures, and a crash loses one module's
rows, not the table. The exit code is 1 only when a module could not report
(a crash, a timeout); a row that misses its goal still exits 0: benchmarks
never decide CI.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks._common import Row  # noqa: E402

HERE = Path(__file__).resolve().parent
MODULE_TIMEOUT_S = 1800  # the longest module (minutes of training) with room to spare
ROWS_MARK = "bench-rows-json "
FIGURE_WIDTH = 58
HEADERS = ("figure", "goal", "measured", "ratio", "result")


def bench_modules() -> list[str]:
    return sorted(path.stem for path in HERE.glob("bench_*.py"))


def offers_rows(name: str) -> bool:
    """Whether the module defines a top-level ``rows`` function, read from its
    source so that a module without one is never imported."""
    tree = ast.parse((HERE / f"{name}.py").read_text(encoding="utf-8"))
    return any(isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == "rows"
               for node in tree.body)


def collect_in_process(name: str) -> None:
    """Child side: import one module, run its ``rows()`` and print them as JSON
    on one marked line (the module may print what it likes around it)."""
    import importlib

    module = importlib.import_module(f"benchmarks.{name}")
    rows = [dataclasses.asdict(row) for row in module.rows()]
    # A figure computed with NumPy may come as a NumPy scalar (np.bool_, np.float64).
    print(ROWS_MARK + json.dumps(rows, default=lambda value: value.item()), flush=True)


def collect(name: str) -> tuple[list[Row], str | None]:
    """The rows of one module run in a fresh interpreter, or an error text."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYQTGRAPH_QT_LIB="PySide6")
    try:
        done = subprocess.run([sys.executable, "-m", "benchmarks.run_all", "--child", name],
                              cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=MODULE_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        return [], f"no rows within {MODULE_TIMEOUT_S} s"
    marked = [line for line in done.stdout.splitlines() if line.startswith(ROWS_MARK)]
    if done.returncode != 0 or not marked:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        return [], f"exit code {done.returncode}: " + " | ".join(tail)
    return [Row(**fields) for fields in json.loads(marked[-1][len(ROWS_MARK):])], None


def ratio_text(row: Row) -> str:
    return "" if row.ratio is None else f"{row.ratio:.2f}×"


def verdict(row: Row) -> str:
    return "pass" if row.passed else "FAIL"


def cells(row: Row) -> tuple[str, ...]:
    return row.figure, row.goal, row.measured, ratio_text(row), verdict(row)


def text_table(rows: list[Row]) -> str:
    """A plain table for the terminal; long figures wrap inside their column."""
    widths = [FIGURE_WIDTH] + [max([len(h)] + [len(cells(r)[i]) for r in rows])
                               for i, h in enumerate(HEADERS) if i > 0]
    lines = ["  ".join(h.ljust(w) for h, w in zip(HEADERS, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    for row in rows:
        figure_lines = textwrap.wrap(row.figure, FIGURE_WIDTH) or [""]
        rest = cells(row)[1:]
        lines.append("  ".join(c.ljust(w) for c, w in
                               zip((figure_lines[0], *rest), widths, strict=True)).rstrip())
        lines += [f"  {more}" for more in figure_lines[1:]]
    return "\n".join(lines)


def markdown_table(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in cells(r)) + " |" for r in rows]
    return "\n".join(lines)


def wanted(names: list[str], selection: list[str]) -> list[str]:
    """``selection`` as module names (``engine`` or ``bench_engine``); all if empty."""
    if not selection:
        return names
    chosen = [s if s.startswith("bench_") else f"bench_{s}" for s in selection]
    unknown = [c for c in chosen if c not in names]
    if unknown:
        sys.exit(f"bench: no module {', '.join(unknown)}; there are {', '.join(names)}")
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./dev bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="bench_*.py modules to run (default: all)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        collect_in_process(args.child)
        return 0

    rows: list[Row] = []
    notes: list[str] = []
    failed_modules = 0
    for name in wanted(bench_modules(), args.modules):
        if not offers_rows(name):
            notes.append(f"{name}: skipped, it offers no rows()")
            continue
        start = time.perf_counter()
        print(f"bench: {name} …", file=sys.stderr, flush=True)
        module_rows, error = collect(name)
        rows += module_rows
        if error:
            failed_modules += 1
            notes.append(f"{name}: FAILED, {error}")
        print(f"bench: {name} done in {time.perf_counter() - start:.0f} s", file=sys.stderr)

    print(markdown_table(rows) if args.markdown else text_table(rows))
    passed = sum(row.passed for row in rows)
    print(f"\n{passed} of {len(rows)} rows meet their goal.")
    for note in notes:
        print(f"note: {note}")
    return 1 if failed_modules else 0


if __name__ == "__main__":
    sys.exit(main())
