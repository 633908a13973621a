"""The guided build bar: NNFS chapter 4's hand-made sine fit, one neuron pair
per step, with a caption saying what the pair does to the curve."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

from gui.common.widgets import push_button, set_texts, toggle_button
from gui.contract import RetranslateMixin
from gui.sine.numbers import fixed, significant

CAPTION_LINES = 3  # the bar keeps this height so the plot does not jump between steps


@dataclass(frozen=True)
class PairStep:
    """The numbers one caption quotes, read from the network and the target."""

    pair: int  # 0-based: layer-1 neuron k and layer-2 neuron k
    pairs: int
    w1: float
    b1: float
    w2: float
    b2: float
    w3: float  # the output weight of layer-2 neuron k
    b3: float  # the output bias
    kink: float  # where layer-1 neuron k turns on, x = −b1/w1
    end: float  # where the pair's ramp ends
    y_start: float  # the target at kink and at end
    y_end: float
    mse: float


_n = fixed


class GuidedBar(RetranslateMixin, QFrame):
    """``guidedBuildButton`` (checkable: on while the guided build runs), the
    caption ``guidedCaption`` and ``guidedPrevButton``/``guidedNextButton``.
    Emits ``stepRequested(delta)`` (−1 or +1) and ``toggled(on)``."""

    stepRequested = Signal(int)
    toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guidedBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)

        self.button = toggle_button("", self, "guidedBuildButton", "", self.toggled)
        self.step_label = QLabel(self)
        self.step_label.setObjectName("guidedStepLabel")
        self.step_label.setMinimumWidth(70)
        self.caption = QLabel(self)
        self.caption.setObjectName("guidedCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.caption.setFixedHeight(self.fontMetrics().lineSpacing() * CAPTION_LINES + 4)
        self.prev_button = push_button("", self, "guidedPrevButton", "",
                                       lambda: self.stepRequested.emit(-1),
                                       icon=QStyle.StandardPixmap.SP_ArrowBack)
        self.next_button = push_button("", self, "guidedNextButton", "",
                                       lambda: self.stepRequested.emit(+1),
                                       icon=QStyle.StandardPixmap.SP_ArrowForward)
        self._step: PairStep | None = None

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.button)
        layout.addWidget(self.step_label)
        layout.addWidget(self.caption, 1)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        self.retranslate()

    def retranslate(self) -> None:
        set_texts(self.button, self.tr("Guided build"), self.tr(
            "Build the hand-tuned sine fit one neuron pair at a time, with an explanation for "
            "each step (on the 1→8→8→1 ReLU network; it asks before replacing your weights). "
            "Press again to leave the guided build (the weights stay)."))
        self.step_label.setToolTip(self.tr("Which pair of the guided build is on show."))
        self.caption.setToolTip(self.tr("What the current neuron pair does to the curve."))
        set_texts(self.prev_button, self.tr("Previous"), self.tr("Go back one pair."),
                  self.tr("Previous pair of the guided build"))
        set_texts(self.next_button, self.tr("Next"), self.tr("Add the next neuron pair."),
                  self.tr("Next pair of the guided build"))
        if self._step is None:
            self.show_intro()
        else:
            self.show_step(self._step)

    def show_intro(self) -> None:
        self._step = None
        self.step_label.setText("")
        self.caption.setText(self.tr(
            "New here? Press “Guided build” to watch the sine being fitted by hand, one "
            "neuron pair at a time, as in chapter 4 of Neural Networks from Scratch. Then "
            "move any slider and see the curve follow."))
        self.prev_button.setEnabled(False)
        self.next_button.setEnabled(False)

    def show_step(self, step: PairStep) -> None:
        self._step = step
        number = step.pair + 1
        self.step_label.setText(self.tr("Step {0} / {1}").format(number, step.pairs))
        self.caption.setText(self._caption(step))
        self.prev_button.setEnabled(step.pair > 0)
        self.next_button.setEnabled(number < step.pairs)

    def _caption(self, s: PairStep) -> str:
        k = s.pair
        if k == 0:
            return self.tr(
                "Pair 1: first-layer neuron 0 and second-layer neuron 0. Neuron 0 is "
                "ReLU({0}·x + {1}): zero left of its kink at x = {2}, a ramp after it. "
                "Second-layer neuron 0 is ReLU({3}·h + {4}): the weight flips the ramp and "
                "the bias cuts it off at x = {5} — flat, ramp, flat. The output weight {6} "
                "scales that piece so the curve follows the sine from {7} to {8}.").format(
                _n(s.w1), _n(s.b1), _n(s.kink), _n(s.w2), _n(s.b2), _n(s.end), _n(s.w3),
                _n(s.y_start), _n(s.y_end))
        if k + 1 < s.pairs:
            return self.tr(
                "Pair {0}: the same recipe, one segment further. The bias {1} moves neuron "
                "{2}'s kink to x = {3}, so this pair only bends the curve on [{3}, {4}]; its "
                "output weight {5} takes the curve from {6} to {7} there. The output bias, "
                "now {8}, cancels what the pairs add left of their kinks.").format(
                k + 1, _n(s.b1), k, _n(s.kink), _n(s.end), _n(s.w3), _n(s.y_start),
                _n(s.y_end), _n(s.b3))
        return self.tr(
            "Pair {0}: the last segment, [{1}, {2}]. The pairs now draw straight lines "
            "through the sine at x = 0, 1/8, …, 1 (MSE {3}). Move any slider and watch the "
            "curve follow, or press Auto-fit to let gradient descent polish the fit.").format(
            k + 1, _n(s.kink), _n(s.end), significant(s.mse))
