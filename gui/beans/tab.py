"""Bean SGD tab: post 000's sigmoid neuron learning bean toxicity, live.

The post redraws a matplotlib figure every 100 epochs and freezes its window
while it trains. Here a ``QTimer`` runs a few epochs per frame, so the curve
rises into the step smoothly while the loss falls and (w, b) slides down the
cost surface, and every control answers while it plays.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPalette, QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from engine import bean_sgd
from gui.beans.model import LIMITS, BeanSettings, BeansModel
from gui.common.plotting import PALETTE, fix_range, make_plot
from gui.common.widgets import (
    animation_timer,
    check_box,
    control_column,
    explanation_label,
    int_spin,
    push_button,
    readout_label,
    signals_blocked,
    tab_row,
    toggle_button,
)
from gui.contract import TabMixin

# Qt's timers fire a little late and the lag adds up (16 ms gives 59 ticks a
# second here), so ask for 15 ms to stay above 60 frames a second.
FRAME_MS = 15
TICK_BUDGET_S = 0.008  # epochs stop here, leaving the rest of the frame for drawing
CURVE_XS = np.linspace(0.0, 1.0, 201)  # where the neuron's curve is drawn
SATURATED_SHARE = 0.9  # above this share of flat-sigmoid beans, say "saturated"
BEAN_COLOUR = "#1f77b4"  # matplotlib's default, as in the post's scatter
CURVE_COLOUR = PALETTE[1]
ADDED_BEAN_COLOUR = PALETTE[4]
PATH_COLOUR = "#ffffff"
POINT_COLOUR = "#ff3b30"
CONTROL_WIDTH = 320
# The learning-rate spin box steps along 1, 2, 5, 10, 20, 50, ...
RATE_LADDER = tuple(m * 10.0**e for e in range(-8, 5) for m in (1, 2, 5)
                    if LIMITS["lr"][0] <= m * 10.0**e <= LIMITS["lr"][1])


class RateSpinBox(QDoubleSpinBox):
    """A learning rate from 1e-8 to 1e4: shown in short form (0.01, 1e-06,
    1000), typed in any float notation, stepped along 1-2-5."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDecimals(10)  # the value is kept to 1e-10, the text is short
        self.setRange(*LIMITS["lr"])
        self.setKeyboardTracking(False)

    def textFromValue(self, value: float) -> str:
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        try:
            value = float(text)
        except ValueError:
            typing = all(ch in "0123456789.eE+-" for ch in text)
            return QValidator.State.Intermediate if typing else QValidator.State.Invalid
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable
        return QValidator.State.Intermediate

    def stepBy(self, steps: int) -> None:
        value = self.value()
        for _ in range(abs(steps)):
            if steps > 0:
                value = next((v for v in RATE_LADDER if v > value * (1 + 1e-9)), value)
            else:
                value = next((v for v in reversed(RATE_LADDER) if v < value * (1 - 1e-9)),
                             value)
        self.setValue(value)


class PathBuffer:
    """The (epoch, w, b, loss) rows drawn so far, one contiguous column each.

    Columns grow by doubling, so a frame appends a few rows without copying
    (or fragmenting memory with) the whole history; views of the columns go
    straight to ``setData``."""

    def __init__(self, capacity: int = 1024):
        self._columns = np.empty((4, capacity))
        self.size = 0

    def clear(self) -> None:
        self.size = 0

    def _reserve(self, size: int) -> None:
        if size > self._columns.shape[1]:
            grown = np.empty((4, max(size, 2 * self._columns.shape[1])))
            grown[:, :self.size] = self._columns[:, :self.size]
            self._columns = grown

    def extend(self, rows: np.ndarray) -> None:
        self._reserve(self.size + len(rows))
        self._columns[:, self.size:self.size + len(rows)] = rows.T
        self.size += len(rows)

    def column(self, index: int) -> np.ndarray:
        return self._columns[index, :self.size]

    def path_to(self, w: float, b: float) -> tuple[np.ndarray, np.ndarray]:
        """The (w, b) path with (w, b) appended, written into the spare slot."""
        self._reserve(self.size + 1)
        self._columns[1:3, self.size] = w, b
        return self._columns[1, :self.size + 1], self._columns[2, :self.size + 1]


def _number(value: float) -> str:
    return f"{value:.6g}"


class BeansTab(TabMixin, QWidget):
    """One sigmoid neuron trained on the beans, as post 000 does, animated."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("beansTab")
        self.model = BeansModel(parent=self)
        self._path = PathBuffer()
        self._surface_key = None
        self._bounds = bean_sgd.SURFACE_BOUNDS
        self._message_kind = ""
        self._loss_view = (0, 0.0)

        self._timer = animation_timer(self, FRAME_MS, self._on_timer_timeout)

        layout = tab_row(self)
        layout.addWidget(self._build_controls())
        layout.addLayout(self._build_plots(), 1)

        self.model.restarted.connect(self._on_model_restarted)
        self.model.advanced.connect(self._on_model_advanced)
        self.model.settingsChanged.connect(self._on_model_settings_changed)
        self._on_model_restarted()

    @property
    def trainer(self) -> bean_sgd.BeanTrainer:
        """The current run's trainer (a new one after every restart)."""
        return self.model.trainer

    # --- building ---

    def _build_controls(self) -> QWidget:
        panel, column = control_column(self, CONTROL_WIDTH)
        column.addWidget(self._build_run_group())
        column.addWidget(self._build_learning_group())
        column.addWidget(self._build_data_group())
        self.beanMessage = QLabel(panel)
        self.beanMessage.setObjectName("beanMessage")
        self.beanMessage.setWordWrap(True)
        self.beanMessage.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.beanMessage)
        column.addWidget(explanation_label(self.tr(
            "The neuron says a = σ(w·x + b). After each bean it nudges w and b against the "
            "slope of that bean's squared error (the chain rule: de/da · da/dz · dz/dw). The "
            "white path is where (w, b) has travelled on the cost surface."), panel,
            "beanExplanation"))
        column.addStretch(1)
        return panel

    def _build_run_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Training"), self)
        self.playButton = toggle_button(
            self.tr("Play"), self, "playButton",
            self.tr("Train continuously, drawing every frame; press again to pause."),
            self._on_play_button_toggled, icon=QStyle.StandardPixmap.SP_MediaPlay)
        self.stepButton = push_button(
            self.tr("Step"), self, "stepButton",
            self.tr("Run exactly one epoch (one pass over all beans)."),
            self._on_step_button_clicked, icon=QStyle.StandardPixmap.SP_MediaSkipForward)
        self.resetButton = push_button(
            self.tr("Reset"), self, "resetButton",
            self.tr("Back to epoch 0 (w = b = 0.1) with the current settings."),
            self._on_reset_button_clicked, icon=QStyle.StandardPixmap.SP_BrowserReload)
        buttons = QHBoxLayout()
        for button in (self.playButton, self.stepButton, self.resetButton):
            buttons.addWidget(button)

        self.epochLabel = readout_label(self, "epochLabel", self.tr("Epochs run so far."))
        self.wLabel = readout_label(self, "wLabel", self.tr("The weight w in a = σ(w·x + b)."))
        self.bLabel = readout_label(self, "bLabel", self.tr("The bias b in a = σ(w·x + b)."))
        self.lossLabel = readout_label(
            self, "lossLabel", self.tr("Mean squared error over all beans at the current w, b."))
        values = QGridLayout()
        values.addWidget(self.epochLabel, 0, 0, 1, 2)
        values.addWidget(self.wLabel, 1, 0)
        values.addWidget(self.bLabel, 1, 1)
        values.addWidget(self.lossLabel, 2, 0, 1, 2)

        box = QVBoxLayout(group)
        box.addLayout(buttons)
        box.addLayout(values)
        return group

    def _spin(self, name: str, limit: str, step: int, tip: str) -> QSpinBox:
        spin = int_spin(self, name, tip, LIMITS[limit])
        spin.setSingleStep(step)
        spin.setAccelerated(True)
        return spin

    def _build_learning_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Learning"), self)
        self.lrSpin = RateSpinBox(self)
        self.lrSpin.setObjectName("lrSpin")
        self.lrSpin.setToolTip(self.tr(
            "Learning rate α in w ← w − α·∂e/∂w (the post uses 0.01). Arrows step "
            "1, 2, 5, 10, …; type any value from 1e-08 to 10000. Changing it restarts."))
        self.lrSpin.valueChanged.connect(self._on_lr_spin_value_changed)

        self.modeCombo = QComboBox(self)
        self.modeCombo.setObjectName("modeCombo")
        self.modeCombo.addItem(self.tr("per sample (as the post)"), "sample")
        self.modeCombo.addItem(self.tr("mini-batch of 10"), "minibatch")
        self.modeCombo.addItem(self.tr("full batch"), "batch")
        self.modeCombo.setToolTip(self.tr(
            "When w and b change: after every bean, in bean order (the post); after "
            "each 10 beans, by their mean gradient; or once per epoch, by the mean "
            "gradient of all beans. Changing it restarts."))
        self.modeCombo.currentIndexChanged.connect(self._on_mode_combo_current_index_changed)

        self.activationCombo = QComboBox(self)
        self.activationCombo.setObjectName("activationCombo")
        self.activationCombo.addItem(self.tr("sigmoid (as the post)"), "sigmoid")
        self.activationCombo.addItem(self.tr("none (linear)"), "linear")
        self.activationCombo.setToolTip(self.tr(
            "The neuron's output a = σ(w·x + b), or a = w·x + b with no activation, "
            "a straight line that cannot fit a step. Changing it restarts."))
        self.activationCombo.currentIndexChanged.connect(
            self._on_activation_combo_current_index_changed)

        self.epochsSpin = self._spin("epochsSpin", "epochs", 100, self.tr(
            "Play stops after this many epochs (the post runs 5000)."))
        self.epochsSpin.valueChanged.connect(self._on_epochs_spin_value_changed)
        self.speedSpin = self._spin("speedSpin", "speed", 1, self.tr(
            "Epochs run per drawn frame, about 60 frames a second (fewer if a frame "
            "would take too long). The post draws one frame every 100 epochs."))
        self.speedSpin.valueChanged.connect(self._on_speed_spin_value_changed)

        form = QFormLayout(group)
        form.addRow(self.tr("Learning rate"), self.lrSpin)
        form.addRow(self.tr("Updates"), self.modeCombo)
        form.addRow(self.tr("Activation"), self.activationCombo)
        form.addRow(self.tr("Epochs"), self.epochsSpin)
        form.addRow(self.tr("Epochs per frame"), self.speedSpin)
        return group

    def _build_data_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Beans"), self)
        self.beanCountSpin = self._spin("beanCountSpin", "count", 10, self.tr(
            "How many beans get_beans draws (the post uses 100). Changing it restarts."))
        self.beanCountSpin.valueChanged.connect(self._on_bean_count_spin_value_changed)
        self.seedSpin = self._spin("seedSpin", "seed", 1, self.tr(
            "Random seed of the beans: the same beans as the post's code after "
            "np.random.seed(seed). Changing it restarts."))
        self.seedSpin.valueChanged.connect(self._on_seed_spin_value_changed)
        self.newBeansButton = push_button(self.tr("New beans"), self, "newBeansButton", self.tr(
            "Draw a fresh set of beans (the next seed), without the clicked-in ones."),
            self._on_new_beans_button_clicked)
        self.toxicToggle = check_box(self.tr("Clicked-in beans are toxic"), self, "toxicToggle",
                                     self.tr("Click on the plot to add a bean of that size: "
                                             "toxic (1) when this is ticked, harmless (0) "
                                             "when not."), self._on_toxic_toggle_toggled)
        hint = QLabel(self.tr("Click on the bean plot to add a bean there."), self)
        hint.setWordWrap(True)

        form = QFormLayout(group)
        form.addRow(self.tr("Beans"), self.beanCountSpin)
        form.addRow(self.tr("Seed"), self.seedSpin)
        form.addRow(self.newBeansButton)
        form.addRow(self.toxicToggle)
        form.addRow(hint)
        return group

    def _build_plots(self) -> QGridLayout:
        self.beansPlot = make_plot("beansPlot", "", self.tr("Bean Size"), self.tr("Toxicity"))
        self.beansPlot.setTitle(self.tr("Size-Toxicity Function"), size="12pt")
        self.beansPlot.setToolTip(self.tr("Click to add a bean of that size."))
        fix_range(self.beansPlot, (0.0, 1.0), (0.0, 1.2))
        self.beansPlot.getPlotItem().setMouseEnabled(x=False, y=False)
        self.beansPlot.addItem(pg.InfiniteLine(
            0.5, angle=0, pen=pg.mkPen("#999999", width=1, style=Qt.PenStyle.DashLine)))
        self._bean_dots = pg.ScatterPlotItem(size=8, pen=None, brush=pg.mkBrush(BEAN_COLOUR))
        self._added_dots = pg.ScatterPlotItem(size=13, symbol="d", pen=pg.mkPen("#222222"),
                                              brush=pg.mkBrush(ADDED_BEAN_COLOUR))
        self._curve = pg.PlotDataItem(pen=pg.mkPen(CURVE_COLOUR, width=3))
        for item in (self._bean_dots, self._added_dots, self._curve):
            self.beansPlot.addItem(item)
        self.beansPlot.scene().sigMouseClicked.connect(self._on_beans_plot_clicked)

        self.costPlot = make_plot("costPlot", self.tr("Cost surface and the path of (w, b)"),
                                  self.tr("w"), self.tr("b"))
        self.costPlot.setToolTip(self.tr(
            "Colour: log10 of the mean squared error the neuron would have at each "
            "(w, b). White line: the path of (w, b) so far; red dot: now."))
        self.costPlot.getPlotItem().setMouseEnabled(x=False, y=False)
        self._image = pg.ImageItem(axisOrder="row-major")
        self.costPlot.addItem(self._image)
        self._colour_bar = pg.ColorBarItem(colorMap=pg.colormap.get("viridis"),
                                           label=self.tr("log₁₀ MSE"), interactive=False,
                                           width=14)
        self._colour_bar.setImageItem(self._image, insert_in=self.costPlot.getPlotItem())
        self._trajectory = pg.PlotDataItem(pen=pg.mkPen(PATH_COLOUR, width=2))
        self._point = pg.ScatterPlotItem(size=12, pen=pg.mkPen("w", width=1.5),
                                         brush=pg.mkBrush(POINT_COLOUR))
        self.costPlot.addItem(self._trajectory)
        self.costPlot.addItem(self._point)

        self.lossPlot = make_plot("lossPlot", self.tr("Loss per epoch"), self.tr("Epoch"),
                                  self.tr("Mean squared error"))
        self.lossPlot.setToolTip(self.tr("Mean squared error over all beans after each epoch."))
        self.lossPlot.getPlotItem().setMouseEnabled(x=False, y=False)
        self.lossPlot.getPlotItem().getAxis("left").enableAutoSIPrefix(False)
        self._loss_curve = pg.PlotDataItem(pen=pg.mkPen(PALETTE[0], width=2))
        self._loss_curve.setClipToView(True)
        self._loss_curve.setDownsampling(auto=True, method="peak")
        self.lossPlot.addItem(self._loss_curve)

        self.costPlot.showGrid(x=False, y=False)  # grid lines over a heat map are clutter
        for plot in (self.beansPlot, self.costPlot, self.lossPlot):
            for side in ("left", "bottom"):
                # Axes repaint whenever a curve in their view moves, and the finest
                # level of ticks and grid lines cost about half of every frame.
                plot.getAxis(side).setStyle(maxTickLevel=1)

        grid = QGridLayout()
        grid.setSpacing(8)
        grid.addWidget(self.beansPlot, 0, 0)
        grid.addWidget(self.costPlot, 0, 1)
        grid.addWidget(self.lossPlot, 1, 0, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return grid

    # --- TabMixin ---

    def tab_title(self) -> str:
        return self.tr("Bean SGD")

    def state_dict(self) -> dict:
        return self.model.settings.to_dict()

    def load_state(self, state: dict) -> None:
        settings = BeanSettings.from_dict(state)  # raises before anything changes
        self.stop_animation()
        self.model.restore(settings)

    def reset_tab(self) -> None:
        self.load_state({})

    def stop_animation(self) -> None:
        self._timer.stop()
        with signals_blocked(self.playButton):
            self.playButton.setChecked(False)
        self._show_play_state(False)

    def export_plot(self) -> pg.PlotWidget:
        return self.beansPlot

    def exercise_snapshot(self) -> dict:
        settings = self.model.settings
        return {"bean_trainer": self.model.trainer,
                "bean_settings": {"count": settings.count, "seed": settings.seed,
                                  "lr": settings.lr, "mode": settings.mode,
                                  "activation": settings.activation,
                                  "extra_beans": settings.extra_beans}}

    # --- handlers: widgets write to the model ---

    def _on_play_button_toggled(self, checked: bool) -> None:
        if not checked:
            self.stop_animation()
            return
        if self.model.trainer.epoch >= self.model.settings.epochs:
            self.model.restart()  # play at the end replays the run from epoch 0
            with signals_blocked(self.playButton):
                self.playButton.setChecked(True)
        self._show_play_state(True)
        self._timer.start()

    def _on_step_button_clicked(self) -> None:
        self.stop_animation()
        self.model.step()

    def _on_reset_button_clicked(self) -> None:
        self.model.restart()

    def _on_lr_spin_value_changed(self, value: float) -> None:
        self.model.update(lr=value)

    def _on_mode_combo_current_index_changed(self, _index: int) -> None:
        self.model.update(mode=self.modeCombo.currentData())

    def _on_activation_combo_current_index_changed(self, _index: int) -> None:
        self.model.update(activation=self.activationCombo.currentData())

    def _on_epochs_spin_value_changed(self, value: int) -> None:
        self.model.update(epochs=value)

    def _on_speed_spin_value_changed(self, value: int) -> None:
        self.model.update(speed=value)

    def _on_bean_count_spin_value_changed(self, value: int) -> None:
        self.model.update(count=value)

    def _on_seed_spin_value_changed(self, value: int) -> None:
        self.model.update(seed=value)

    def _on_new_beans_button_clicked(self) -> None:
        self.model.new_beans()

    def _on_toxic_toggle_toggled(self, checked: bool) -> None:
        self.model.update(toxic=checked)

    def _on_beans_plot_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        view = self.beansPlot.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return  # a click on an axis or the title
        size = view.mapSceneToView(event.scenePos()).x()
        if 0.0 <= size <= 1.0:
            self.model.add_bean(size)

    def _on_timer_timeout(self) -> None:
        self.advance_frame()

    def advance_frame(self) -> None:
        """One animation frame: up to ``speedSpin`` epochs within the tick's
        time budget, one redraw, and a stop at the end or on divergence."""
        self.model.advance(TICK_BUDGET_S)
        if self.model.finished:
            self.stop_animation()

    # --- model → view ---

    def _on_model_restarted(self) -> None:
        self.stop_animation()
        self._show_settings()
        self._path.clear()
        self._bounds = bean_sgd.SURFACE_BOUNDS
        self._draw_beans()
        self._draw_surface()
        self._draw_progress()
        self.changed.emit()

    def _on_model_advanced(self) -> None:
        self._draw_progress()
        self.changed.emit()

    def _on_model_settings_changed(self) -> None:
        self._show_settings()
        self._fix_loss_range()
        self._show_values()
        self.changed.emit()

    def _show_settings(self) -> None:
        """Mirror the model's settings into the controls without firing them."""
        s = self.model.settings
        with signals_blocked(self.lrSpin, self.modeCombo, self.activationCombo,
                             self.epochsSpin, self.speedSpin, self.beanCountSpin,
                             self.seedSpin, self.toxicToggle):
            self.lrSpin.setValue(s.lr)
            self.modeCombo.setCurrentIndex(self.modeCombo.findData(s.mode))
            self.activationCombo.setCurrentIndex(self.activationCombo.findData(s.activation))
            self.epochsSpin.setValue(s.epochs)
            self.speedSpin.setValue(s.speed)
            self.beanCountSpin.setValue(s.count)
            self.seedSpin.setValue(s.seed)
            self.toxicToggle.setChecked(s.toxic)

    def _show_play_state(self, playing: bool) -> None:
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else \
            QStyle.StandardPixmap.SP_MediaPlay
        self.playButton.setIcon(self.style().standardIcon(icon))
        self.playButton.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _draw_beans(self) -> None:
        trainer = self.model.trainer
        self._bean_dots.setData(trainer.xs, trainer.ys)
        added = self.model.settings.extra_beans
        self._added_dots.setData([size for size, _ in added], [label for _, label in added])

    def _draw_surface(self) -> None:
        """The cost picture over ``self._bounds``; recomputed only when the
        beans, the activation or the bounds changed."""
        s = self.model.settings
        key = (s.count, s.seed, s.extra_beans, s.activation, self._bounds)
        if key == self._surface_key:
            return
        self._surface_key = key
        trainer = self.model.trainer
        w_grid, b_grid, log_cost = bean_sgd.cost_landscape(trainer.xs, trainer.ys,
                                                           self._bounds, s.activation)
        self._image.setImage(log_cost)
        # The colour bar owns the image's levels (it resets them on setImage).
        self._colour_bar.setLevels((float(log_cost.min()), float(log_cost.max())))
        # Each pixel is centred on its grid point.
        dw, db = w_grid[1] - w_grid[0], b_grid[1] - b_grid[0]
        self._image.setRect(QRectF(w_grid[0] - dw / 2, b_grid[0] - db / 2,
                                   w_grid[-1] - w_grid[0] + dw, b_grid[-1] - b_grid[0] + db))
        fix_range(self.costPlot, self._bounds[:2], self._bounds[2:])

    def _draw_progress(self) -> None:
        """Everything that moves while training; one call per frame."""
        trainer = self.model.trainer
        self._path.extend(trainer.history_since(self._path.size))
        self._curve.setData(CURVE_XS, trainer.predict(CURVE_XS))
        self._loss_curve.setData(self._path.column(0), self._path.column(3))
        # The path ends at the current point, which is mid-epoch after a divergence.
        self._trajectory.setData(*self._path.path_to(trainer.w, trainer.b))
        self._point.setData([trainer.w], [trainer.b])
        # The earlier path is inside already; only the newest point can widen the picture.
        self._bounds = bean_sgd.surface_bounds([trainer.w], [trainer.b], base=self._bounds)
        self._draw_surface()
        self._fix_loss_range()
        self._show_values()
        self._show_message()

    def _fix_loss_range(self) -> None:
        epochs = max(self.model.settings.epochs, self.model.trainer.epoch)
        top = float(self._path.column(3).max()) if self._path.size else 1.0
        if (epochs, top) != self._loss_view:  # setting the range each frame would cost
            self._loss_view = (epochs, top)
            fix_range(self.lossPlot, (0, epochs), (0, top * 1.05))

    def _show_values(self) -> None:
        trainer = self.model.trainer
        self.epochLabel.setText(self.tr("Epoch {0} / {1}").format(
            trainer.epoch, self.model.settings.epochs))
        self.wLabel.setText(self.tr("w = {0}").format(_number(trainer.w)))
        self.bLabel.setText(self.tr("b = {0}").format(_number(trainer.b)))
        self.lossLabel.setText(self.tr("Loss (MSE) = {0}").format(_number(trainer.loss())))

    def _message_colours(self) -> tuple[str, str]:
        """(error, note) colours readable on the current theme's background."""
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        return ("#ff6b6b", "#ffb74d") if dark else ("#b00020", "#a05a00")

    def _show_message(self) -> None:
        trainer = self.model.trainer
        if trainer.diverged:
            kind = "diverged"
        elif trainer.saturated_fraction() > SATURATED_SHARE:
            kind = "saturated"
        else:
            kind = ""
        self.playButton.setEnabled(not trainer.diverged)
        self.stepButton.setEnabled(not trainer.diverged)
        if kind == self._message_kind:
            return
        self._message_kind = kind
        if kind == "diverged":
            self.beanMessage.setStyleSheet(
                f"color: {self._message_colours()[0]}; font-weight: bold;")
            self.beanMessage.setText(self.tr(
                "Diverged during epoch {0}: the next update would push w or b past "
                "±{1}, so training stopped. Shown is the last finite state. Lower the "
                "learning rate, then press Reset.").format(
                    trainer.epoch + 1, f"{bean_sgd.DIVERGENCE_LIMIT:,.0f}"))
        elif kind == "saturated":
            self.beanMessage.setStyleSheet(f"color: {self._message_colours()[1]};")
            self.beanMessage.setText(self.tr(
                "Saturated: the sigmoid is flat at almost every bean, so the gradients "
                "are nearly zero and the loss stalls. A smaller learning rate avoids this."))
        else:
            self.beanMessage.setStyleSheet("")
            self.beanMessage.setText("")
