"""The guided build's logic: NNFS chapter 4's hand-made sine fit, one neuron
pair per step, each step one undo step. ``GuidedBar`` shows it; this part
knows which pair is on show and what each step's caption quotes."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from engine.presets import PAIRS, SEGMENT, SINE_PRESETS, guided_sine_steps
from engine.targets import TARGETS
from gui.sine.guided import PairStep
from gui.sine.model import ACTIVATION, SIZES, NetworkState, SineFitModel
from gui.sine.undo import NetworkUndo


class GuidedBuild(QObject):
    """Which pair of the guided build is on show (``step``, None when the
    build is not running). ``stepChanged`` fires after every change of it."""

    stepChanged = Signal()

    def __init__(self, model: SineFitModel, history: NetworkUndo,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.history = history
        self.step: int | None = None
        self._states = [NetworkState(SIZES, ACTIVATION, values)
                        for values in guided_sine_steps()]

    def is_running(self) -> bool:
        return self.step is not None

    def would_overwrite(self) -> bool:
        """Whether starting would replace work of the learner's: weights that
        are no preset and no guided step, or another target than the sine."""
        state = self.model.network_state()
        known = [*self._states, *(NetworkState(SIZES, ACTIVATION, SINE_PRESETS[key]())
                                  for key in ("hand_tuned", "zeros"))]
        return self.model.target_key != "sine" or not any(state.same_as(k) for k in known)

    def show(self, k: int, text: str) -> None:
        """Set pair ``k``'s weights as one undo step (``text`` names it)."""
        k = min(max(k, 0), PAIRS - 1)
        self.history.push(self._states[k], text)
        self.step = k
        self.stepChanged.emit()

    def move(self, delta: int, text_for) -> None:
        if self.step is not None:
            k = min(max(self.step + delta, 0), PAIRS - 1)
            self.show(k, text_for(k))

    def leave(self) -> None:
        self.step = None
        self.stepChanged.emit()

    def pair_step(self) -> PairStep:
        """The numbers the caption of the pair on show quotes, read from the network."""
        k = self.step
        param = self.model.network.get_param
        kink = float(self.model.snapshot.kinks[k])
        end = kink + SEGMENT
        y_start, y_end = TARGETS["sine"].fn(np.array([kink, end]))
        return PairStep(pair=k, pairs=PAIRS, w1=param(f"w1_0_{k}"), b1=param(f"b1_{k}"),
                        w2=param(f"w2_{k}_{k}"), b2=param(f"b2_{k}"), w3=param(f"w3_{k}_0"),
                        b3=param("b3_0"), kink=kink, end=end, y_start=float(y_start),
                        y_end=float(y_end), mse=self.model.metrics["mse"])
