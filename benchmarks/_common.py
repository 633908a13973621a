"""Helpers shared by the benchmarks. A script imports this as
``benchmarks._common`` after putting the repository root on ``sys.path``, so the
same import works run directly and when ``./dev bench`` (run_all.py) imports
the script."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

# About the room the 1280 × 820 main window leaves a tab: benchmarks measure
# the tab at the size a user sees it.
TAB_SIZE = (1260, 740)


def median_ms(action, repeats: int, *, warm_up: bool = False) -> float:
    """Median wall time in ms of ``action(k)`` for k = 0 … repeats − 1; with
    ``warm_up``, ``action(0)`` runs once untimed first, so that first
    allocations and caches do not count."""
    if warm_up:
        action(0)
    times = []
    for k in range(repeats):
        start = time.perf_counter()
        action(k)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def shown_tab(tab_class):
    """The application and a new ``tab_class`` at ``TAB_SIZE``, shown and
    painted once, so that no measurement pays for the first paint."""
    from gui.app import ensure_application

    app = ensure_application()
    tab = tab_class()
    tab.resize(*TAB_SIZE)
    tab.show()
    app.processEvents()
    return app, tab


@dataclass(frozen=True)
class Row:
    """One line of ``./dev bench``'s table. Each ``bench_*.py`` module offers
    ``rows() -> list[Row]``; a ratio is always taken against a bare baseline
    measured in the same run."""

    figure: str  # what is measured, e.g. "sine slider → curve painted, vs bare setData"
    goal: str  # e.g. "≤ 2.5×" or "≥ 60 fps"
    measured: str  # e.g. "2.1 ms vs 1.0 ms"
    ratio: float | None  # measured / baseline where there is a baseline
    passed: bool
