"""A bounded record of a run for drawing: the path of (w, b) and the loss,
however many epochs the run has.

``EpochTrace`` keeps rows (epoch, w, b, loss) at every ``stride``-th epoch, at
most ``capacity`` of them. When it is full it drops every other row and
doubles the stride, so a run of 100 000 epochs costs what one of 1 000 did,
and epoch 0 (where the run started) is always the first row. ``drawn``
thins the rows further to a plot's width in pixels and ends them where the
trainer is now.
"""

from __future__ import annotations

import math

import numpy as np

CAPACITY = 2048  # rows kept: more than any of the tab's plots is wide in pixels


class EpochTrace:
    """Rows (epoch, w, b, loss) at every ``stride``-th epoch, at most ``capacity``."""

    def __init__(self, capacity: int = CAPACITY):
        if capacity < 2 or capacity % 2:
            raise ValueError("the capacity must be an even number ≥ 2")
        self._rows = np.empty((capacity, 4))
        self.size = 0
        self.stride = 1

    @property
    def capacity(self) -> int:
        return len(self._rows)

    def clear(self) -> None:
        self.size = 0
        self.stride = 1

    def keeps(self, epochs: np.ndarray) -> np.ndarray:
        """Which of ``epochs`` (ascending, past the last row) the trace keeps."""
        return np.asarray(epochs) % self.stride == 0

    def extend(self, rows: np.ndarray) -> None:
        """Add rows (epoch, w, b, loss) in epoch order, later than every row
        kept so far; those off the stride are skipped."""
        rows = np.asarray(rows, dtype=float).reshape(-1, 4)
        while len(rows):
            rows = rows[self.keeps(rows[:, 0])]
            room = self.capacity - self.size
            self._rows[self.size:self.size + min(room, len(rows))] = rows[:room]
            self.size += min(room, len(rows))
            rows = rows[room:]
            if self.size == self.capacity:
                self._halve()

    def _halve(self) -> None:
        """Keep every other row: the epochs that are multiples of twice the stride."""
        kept = self._rows[:self.size:2].copy()
        self.size = len(kept)
        self._rows[:self.size] = kept
        self.stride *= 2

    def rows(self) -> np.ndarray:
        """A view of the rows kept."""
        return self._rows[:self.size]

    def drawn(self, max_points: int, now: tuple[float, float, float, float]) -> np.ndarray:
        """At most ``max_points`` + 1 rows for a plot: every k-th row kept,
        the first always, then ``now`` (epoch, w, b, loss: where the trainer
        is) unless it is the last of them, so the drawn path starts at the
        run's start and ends at the trainer."""
        step = max(1, math.ceil(self.size / max(int(max_points), 1)))
        rows = self._rows[:self.size:step]
        now = np.asarray(now, dtype=float)
        if len(rows) and np.array_equal(rows[-1, :3], now[:3]):
            return rows  # the trainer stands on the last row drawn
        return np.vstack([rows, now[None, :]])
