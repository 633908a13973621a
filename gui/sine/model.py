"""The sine-fit tab's state: the one ``MLP``, the target it is fitted to, the
parameter locks and the latest snapshot of the fit.

Widgets write through ``SineFitModel``'s methods and redraw from its signals;
the model knows no widget. All numbers come from ``engine``.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QObject, Signal

from engine.losses import fit_metrics
from engine.network import MLP, FitSnapshot
from engine.optim import train_steps
from engine.targets import TARGETS, merge_sketch, sine_data, sketch_target

SIZES = (1, 8, 8, 1)
SAMPLES = 1000  # NNFS's sine_data(1000): the hand-tuned MSE is quoted on it
SKETCH = "sketch"  # the "draw your own" target
TARGET_KEYS = (*TARGETS, SKETCH)
PARAM_LIMIT = 10.0  # sliders and spin boxes span ±10
MAX_SKETCH_POINTS = 20_000


class SineFitModel(QObject):
    """Owns the network and the target; recomputes the fit after every change.

    ``paramsChanged`` carries the names whose values changed (so views mirror
    only those) or None when any may have; ``targetChanged`` fires when the
    target curve changes; ``locksChanged`` when a parameter is frozen or freed.
    """

    paramsChanged = Signal(object)
    targetChanged = Signal()
    locksChanged = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.network = MLP(SIZES)
        self.names = self.network.param_names()
        self.x = sine_data(SAMPLES)[0][:, 0]
        self.target_key = "sine"
        self.sketch_x, self.sketch_y = np.array([0.0, 1.0]), np.zeros(2)
        self._stroke_base: tuple[np.ndarray, np.ndarray] | None = None
        self.target = TARGETS["sine"].fn(self.x)
        self.locked = np.zeros(self.network.n_params, dtype=bool)
        self.best_mse = math.inf
        self.snapshot: FitSnapshot
        self.metrics: dict[str, float]
        self._recompute()

    # --- parameters ---

    def get_flat(self) -> np.ndarray:
        return self.network.get_flat()

    def set_param(self, name: str, value: float) -> None:
        """One parameter, exactly ``value``; ``ValueError`` if not finite."""
        self.network.set_param(name, value)
        self._params_changed([name])

    def set_flat(self, values) -> None:
        """All parameters; ``ValueError`` (network unchanged) on a bad vector."""
        before = self.network.get_flat()
        self.network.set_flat(values)
        changed = np.flatnonzero(before != self.network.get_flat())
        self._params_changed([self.names[k] for k in changed])

    def train(self, optimizer, steps: int) -> float:
        """``steps`` optimiser steps on the current target, frozen parameters
        left alone; returns the MSE after them. A step that would make a
        parameter non-finite raises ``ValueError`` with the network at its
        last good values (and the views told about them)."""
        X, Y = self.x.reshape(-1, 1), self.target.reshape(-1, 1)
        try:
            train_steps(self.network, X, Y, optimizer, steps, self.trainable())
        finally:
            self._params_changed(None)
        return self.snapshot.loss

    # --- locks ---

    def trainable(self) -> np.ndarray:
        return (~self.locked).astype(float)

    def is_locked(self, name: str) -> bool:
        return bool(self.locked[self.network.param_index(name)])

    def set_locked(self, names, locked: bool) -> None:
        for name in names:
            self.locked[self.network.param_index(name)] = locked
        self.locksChanged.emit()

    def set_locked_names(self, names) -> None:
        """Exactly ``names`` frozen, every other parameter free."""
        mask = np.zeros_like(self.locked)
        for name in names:
            mask[self.network.param_index(name)] = True
        self.locked = mask
        self.locksChanged.emit()

    def locked_names(self) -> list[str]:
        return [name for name, frozen in zip(self.names, self.locked, strict=True) if frozen]

    # --- target ---

    def set_target(self, key: str) -> None:
        if key not in TARGET_KEYS:
            raise ValueError(f"unknown target {key!r}")
        self.target_key = key
        self._target_changed()

    def set_sketch(self, points_x, points_y) -> None:
        """Replace the hand-drawn points (used by the "draw your own" target)."""
        px, py = np.asarray(points_x, dtype=float), np.asarray(points_y, dtype=float)
        sketch_target(px, py, self.x[:1])  # raises ValueError on bad points
        if px.size > MAX_SKETCH_POINTS:
            raise ValueError(f"a sketch has at most {MAX_SKETCH_POINTS} points, not {px.size}")
        self.sketch_x, self.sketch_y = px.copy(), py.copy()
        if self.target_key == SKETCH:
            self._target_changed()

    def begin_stroke(self) -> None:
        self._stroke_base = (self.sketch_x, self.sketch_y)

    def draw_stroke(self, stroke_x, stroke_y) -> None:
        """The stroke so far, merged into the sketch as it was when it began."""
        base_x, base_y = self._stroke_base or (self.sketch_x, self.sketch_y)
        self.set_sketch(*merge_sketch(base_x, base_y, stroke_x, stroke_y))

    def end_stroke(self) -> None:
        self._stroke_base = None

    # --- recomputing ---

    def reset_best(self) -> None:
        self.best_mse = self.metrics["mse"]

    def _target_changed(self) -> None:
        if self.target_key == SKETCH:
            self.target = sketch_target(self.sketch_x, self.sketch_y, self.x)
        else:
            self.target = TARGETS[self.target_key].fn(self.x)
        self.best_mse = math.inf  # an MSE against another target does not compare
        self._recompute()
        self.targetChanged.emit()

    def _params_changed(self, names: list[str] | None) -> None:
        self._recompute()
        self.paramsChanged.emit(names)

    def _recompute(self) -> None:
        self.snapshot = self.network.fit_snapshot(self.x, self.target)
        self.metrics = fit_metrics(self.snapshot.prediction, self.target)
        if math.isfinite(self.metrics["mse"]):
            self.best_mse = min(self.best_mse, self.metrics["mse"])
