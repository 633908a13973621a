"""Bean SGD tab: post 000's sigmoid neuron learning bean toxicity, live.

The post redraws a matplotlib figure every 100 epochs and freezes its window
while it trains. Here a ``QTimer`` (the model's ``BeanPlayer``) runs a few
epochs per frame, so the curve rises into the step smoothly while the loss
falls and (w, b) slides down the cost surface, and every control answers
while it plays. The tab is a view of ``BeansModel``: it draws what the model
holds and sets its texts and colours again on a language or theme switch.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPen, QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScrollBar,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from engine import bean_sgd
from gui.beans.model import LIMITS, MAX_EXTRA_BEANS, BeansModel
from gui.common.plotting import PALETTE, fix_range, make_plot, plot_theme
from gui.common.widgets import (
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

CURVE_XS = np.linspace(0.0, 1.0, 201)  # where the neuron's curve is drawn
SATURATED_SHARE = 0.9  # above this share of flat-sigmoid beans, say "saturated"
# (light, dark): matplotlib's default blue as in the post's scatter, and a
# lighter blue that reads on the dark background.
BEAN_COLOURS = ("#1f77b4", "#56B4E9")
LOSS_COLOURS = (PALETTE[0], PALETTE[5])
CURVE_COLOUR = PALETTE[1]
ADDED_BEAN_COLOUR = PALETTE[4]
PATH_COLOUR = "#ffffff"  # on the viridis picture, whatever the theme
POINT_COLOUR = "#ff3b30"
# (error, note) text colours on a light and on a dark background.
MESSAGE_COLOURS = (("#b00020", "#a05a00"), ("#ff6b6b", "#ffb74d"))
CONTROL_WIDTH = 320
TWO_LINE_TITLE_PX = 44  # pyqtgraph gives a title one line: 30 px
# Beans at toxicity 0 and 1 are drawn whole: the view reaches below 0.
BEANS_Y_RANGE = (-0.1, 1.2)
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


class Dot(QGraphicsEllipseItem):
    """One marker of ``size`` pixels at a point of the plot. Moving it is a
    ``setPos``: a ScatterPlotItem rebuilds its spot table on every setData,
    which cost about a tenth of a frame for the two markers."""

    def __init__(self, size: float, pen=None, brush=None):
        super().__init__(-size / 2, -size / 2, size, size)
        # Pixels, whatever the view's scale.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPen(pg.mkPen(pen) if pen is not None else QPen(Qt.PenStyle.NoPen))
        if brush is not None:
            self.setBrush(pg.mkBrush(brush))
        self._at = (0.0, 0.0)

    def setData(self, xs, ys) -> None:  # named as pyqtgraph names it
        x, y = float(xs[0]), float(ys[0])
        self._at = (x, y)
        finite = np.isfinite(x) and np.isfinite(y)
        self.setVisible(bool(finite))
        if finite:
            self.setPos(x, y)

    def getData(self) -> tuple[np.ndarray, np.ndarray]:
        return np.array([self._at[0]]), np.array([self._at[1]])


def _describe(widget: QWidget, name: str, tip: str, text: str | None = None) -> None:
    """A control's accessible name, tooltip and (for buttons) text."""
    widget.setAccessibleName(name)
    widget.setToolTip(tip)
    if text is not None:
        widget.setText(text)


def _describe_plot(plot: pg.PlotWidget, x_label: str, y_label: str, name: str, tip: str,
                   description: str) -> None:
    """A plot's axis labels, tooltip, and what a screen reader says of it."""
    item = plot.getPlotItem()
    item.setLabel("bottom", x_label)
    item.setLabel("left", y_label)
    plot.setToolTip(tip)
    plot.setAccessibleName(name)
    plot.setAccessibleDescription(description)


def _number(value: float) -> str:
    return f"{value:.6g}"


def _form_row(form: QFormLayout, parent: QWidget, field: QWidget) -> QLabel:
    """A form row whose label is the field's buddy (Alt+letter focuses it, and
    screen readers name the field by it); the text comes in retranslate()."""
    label = QLabel(parent)
    label.setBuddy(field)
    form.addRow(label, field)
    return label


class BeansTab(TabMixin, QWidget):
    """One sigmoid neuron trained on the beans, as post 000 does, animated."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("beansTab")
        self.model = BeansModel(parent=self)
        self._surface_key = None
        self._loss_view = None
        self._message_kind = ""
        self._pace_shown = None

        layout = tab_row(self)
        layout.addWidget(self._build_controls())
        layout.addLayout(self._build_plots(), 1)
        self.setFocusProxy(self.playButton)

        self.model.restarted.connect(self._on_model_restarted)
        self.model.beansChanged.connect(self._on_model_beans_changed)
        self.model.advanced.connect(self._on_model_advanced)
        self.model.settingsChanged.connect(self._on_model_settings_changed)
        self.model.player.runningChanged.connect(self._on_player_running_changed)
        self.retranslate()
        self.restyle()
        self._on_model_restarted()

    @property
    def trainer(self) -> bean_sgd.BeanTrainer:
        """The current run's trainer (a new one after every restart)."""
        return self.model.trainer

    # --- building (texts and colours come in retranslate() and restyle()) ---

    def _build_controls(self) -> QScrollArea:
        panel, column = control_column(self, CONTROL_WIDTH)
        column.addWidget(self._build_run_group(panel))
        column.addWidget(self._build_learning_group(panel))
        column.addWidget(self._build_data_group(panel))
        self.beanMessage = QLabel(panel)
        self.beanMessage.setObjectName("beanMessage")
        self.beanMessage.setWordWrap(True)
        self.beanMessage.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.beanMessage)
        self.beanExplanation = explanation_label("", panel, "beanExplanation")
        column.addWidget(self.beanExplanation)
        column.addStretch(1)
        # On a short screen the column scrolls instead of being cut off.
        scroll = QScrollArea(self)
        scroll.setObjectName("beanControls")
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        scroll.setFixedWidth(CONTROL_WIDTH + bar + 2)
        return scroll

    def _build_run_group(self, parent: QWidget) -> QGroupBox:
        self.runGroup = QGroupBox(parent)
        self.playButton = toggle_button("", self.runGroup, "playButton", "",
                                        self._on_play_button_toggled,
                                        icon=QStyle.StandardPixmap.SP_MediaPlay)
        self.stepButton = push_button("", self.runGroup, "stepButton", "",
                                      self._on_step_button_clicked,
                                      icon=QStyle.StandardPixmap.SP_MediaSkipForward)
        self.resetButton = push_button("", self.runGroup, "resetButton", "",
                                       self._on_reset_button_clicked,
                                       icon=QStyle.StandardPixmap.SP_BrowserReload)
        buttons = QHBoxLayout()
        for button in (self.playButton, self.stepButton, self.resetButton):
            buttons.addWidget(button)

        self.epochLabel = readout_label(self.runGroup, "epochLabel", "")
        self.wLabel = readout_label(self.runGroup, "wLabel", "")
        self.bLabel = readout_label(self.runGroup, "bLabel", "")
        self.lossLabel = readout_label(self.runGroup, "lossLabel", "")
        self.paceLabel = QLabel(self.runGroup)
        self.paceLabel.setObjectName("paceLabel")
        self.paceLabel.setWordWrap(True)
        self.paceLabel.hide()
        values = QGridLayout()
        values.addWidget(self.epochLabel, 0, 0, 1, 2)
        values.addWidget(self.wLabel, 1, 0)
        values.addWidget(self.bLabel, 1, 1)
        values.addWidget(self.lossLabel, 2, 0, 1, 2)
        values.addWidget(self.paceLabel, 3, 0, 1, 2)

        box = QVBoxLayout(self.runGroup)
        box.addLayout(buttons)
        box.addLayout(values)
        return self.runGroup

    def _spin(self, parent: QWidget, name: str, limit: str, step: int) -> QSpinBox:
        spin = int_spin(parent, name, "", LIMITS[limit])
        spin.setSingleStep(step)
        spin.setAccelerated(True)
        return spin

    def _build_learning_group(self, parent: QWidget) -> QGroupBox:
        self.learningGroup = group = QGroupBox(parent)
        self.lrSpin = RateSpinBox(group)
        self.lrSpin.setObjectName("lrSpin")
        self.lrSpin.valueChanged.connect(self._on_lr_spin_value_changed)

        self.modeCombo = QComboBox(group)
        self.modeCombo.setObjectName("modeCombo")
        for mode in ("sample", "minibatch", "batch"):
            self.modeCombo.addItem("", mode)
        self.modeCombo.currentIndexChanged.connect(self._on_mode_combo_current_index_changed)

        self.activationCombo = QComboBox(group)
        self.activationCombo.setObjectName("activationCombo")
        for activation in ("sigmoid", "linear"):
            self.activationCombo.addItem("", activation)
        self.activationCombo.currentIndexChanged.connect(
            self._on_activation_combo_current_index_changed)

        self.epochsSpin = self._spin(group, "epochsSpin", "epochs", 100)
        self.epochsSpin.valueChanged.connect(self._on_epochs_spin_value_changed)
        self.speedSpin = self._spin(group, "speedSpin", "speed", 1)
        self.speedSpin.valueChanged.connect(self._on_speed_spin_value_changed)

        form = QFormLayout(group)
        self._learning_labels = [_form_row(form, group, field) for field in (
            self.lrSpin, self.modeCombo, self.activationCombo, self.epochsSpin,
            self.speedSpin)]
        return group

    def _build_data_group(self, parent: QWidget) -> QGroupBox:
        self.dataGroup = group = QGroupBox(parent)
        self.beanCountSpin = self._spin(group, "beanCountSpin", "count", 10)
        self.beanCountSpin.valueChanged.connect(self._on_bean_count_spin_value_changed)
        self.seedSpin = self._spin(group, "seedSpin", "seed", 1)
        self.seedSpin.valueChanged.connect(self._on_seed_spin_value_changed)
        self.newBeansButton = push_button("", group, "newBeansButton", "",
                                          self._on_new_beans_button_clicked)
        self.toxicToggle = check_box("", group, "toxicToggle", "",
                                     self._on_toxic_toggle_toggled)
        self.beanTotalLabel = QLabel(group)
        self.beanTotalLabel.setObjectName("beanTotalLabel")
        self.beanTotalLabel.setWordWrap(True)
        self._click_hint = QLabel(group)
        self._click_hint.setWordWrap(True)

        form = QFormLayout(group)
        self._data_labels = [_form_row(form, group, field)
                             for field in (self.beanCountSpin, self.seedSpin)]
        for row in (self.beanTotalLabel, self.newBeansButton, self.toxicToggle,
                    self._click_hint):
            form.addRow(row)
        return group

    def _build_plots(self) -> QGridLayout:
        self.beansPlot = make_plot("beansPlot", " ")
        fix_range(self.beansPlot, (0.0, 1.0), BEANS_Y_RANGE)
        self.beansPlot.getPlotItem().setMouseEnabled(x=False, y=False)
        self._threshold = pg.InfiniteLine(0.5, angle=0)
        self._bean_dots = pg.ScatterPlotItem(size=8, pen=None)
        self._added_dots = pg.ScatterPlotItem(size=13, symbol="d",
                                              brush=pg.mkBrush(ADDED_BEAN_COLOUR))
        self._curve = pg.PlotDataItem(pen=pg.mkPen(CURVE_COLOUR, width=3))
        for item in (self._threshold, self._bean_dots, self._added_dots, self._curve):
            self.beansPlot.addItem(item)
        self.beansPlot.scene().sigMouseClicked.connect(self._on_beans_plot_clicked)

        self.costPlot = make_plot("costPlot", " ")
        self.costPlot.getPlotItem().setMouseEnabled(x=False, y=False)
        self._image = pg.ImageItem(axisOrder="row-major")
        # The picture changes only with the beans or the bounds: a frame blits a
        # pixmap instead of scaling the image again under the moving path.
        self._image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.costPlot.addItem(self._image)
        self._colour_bar = pg.ColorBarItem(colorMap=pg.colormap.get("viridis"),
                                           interactive=False, width=14)
        self._colour_bar.setImageItem(self._image, insert_in=self.costPlot.getPlotItem())
        self._trajectory = pg.PlotDataItem(pen=pg.mkPen(PATH_COLOUR, width=2),
                                           skipFiniteCheck=True)
        self._point = Dot(12, pen=pg.mkPen("w", width=1.5), brush=POINT_COLOUR)
        self.costPlot.addItem(self._trajectory)
        self.costPlot.addItem(self._point, ignoreBounds=True)

        self.lossPlot = make_plot("lossPlot", " ")
        self.lossPlot.getPlotItem().setMouseEnabled(x=False, y=False)
        self.lossPlot.getPlotItem().getAxis("left").enableAutoSIPrefix(False)
        self._loss_curve = pg.PlotDataItem(skipFiniteCheck=True)
        # The loss now, a dot: visible from epoch 0, before there is a line.
        self._loss_point = Dot(8)
        self.lossPlot.addItem(self._loss_curve)
        self.lossPlot.addItem(self._loss_point, ignoreBounds=True)

        self.costPlot.showGrid(x=False, y=False)  # grid lines over a heat map are clutter
        for plot in (self.beansPlot, self.costPlot, self.lossPlot):
            # Tab moves between controls; a plot has no keys, and Qt's chain
            # through a QGraphicsView went back through it but not forth.
            plot.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            for side in ("left", "bottom"):
                # Axes repaint whenever a curve in their view moves, and the finest
                # level of ticks and grid lines cost about half of every frame.
                axis = plot.getAxis(side)
                axis.setStyle(maxTickLevel=1)
                # An axis (with its grid lines across the view) changes only with
                # the range, the size or the theme: Qt keeps it as a pixmap until
                # then, and a frame blits it (the translucent grid cost ~1 ms a plot).
                axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

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

    # --- texts and colours ---

    def retranslate(self) -> None:
        """Every text of the tab in the interface language."""
        self.runGroup.setTitle(self.tr("Training"))
        self.learningGroup.setTitle(self.tr("Learning"))
        self.dataGroup.setTitle(self.tr("Beans"))
        self._retranslate_buttons()
        self._retranslate_learning()
        self._retranslate_data()
        self._retranslate_plots()
        self._show_formula_texts()
        self._show_values()
        self._show_bean_total()
        self._show_message(force=True)
        self._show_pace(force=True)
        for bar in self.findChildren(QScrollBar):  # the controls' and the plots' own
            bar.setAccessibleName(self.tr("Scroll bar"))

    def _retranslate_buttons(self) -> None:
        _describe(self.playButton, self.tr("Play or pause training"), self.tr(
            "Train continuously, drawing every frame; press again to pause."))
        _describe(self.stepButton, self.tr("Run one epoch"),
                  self.tr("Run exactly one epoch (one pass over all beans)."), self.tr("Step"))
        _describe(self.resetButton, self.tr("Reset training to epoch 0"), self.tr(
            "Back to epoch 0 (w = b = 0.1) with the current settings."), self.tr("Reset"))
        self.epochLabel.setToolTip(self.tr("Epochs run so far."))
        self.lossLabel.setToolTip(self.tr(
            "Mean squared error over all beans at the current w, b."))
        self._show_play_state(self.model.is_running())

    def _retranslate_learning(self) -> None:
        texts = (
            (self.tr("Learning rate"), self.tr("Learning rate α"), self.tr(
                "Learning rate α in w ← w − α·∂e/∂w (the post uses 0.01). Arrows step "
                "1, 2, 5, 10, …; type any value from 1e-08 to 10000. Changing it restarts.")),
            (self.tr("Updates"), self.tr("When w and b are updated"), self.tr(
                "When w and b change: after every bean, in bean order (the post); after "
                "each 10 beans, by their mean gradient; or once per epoch, by the mean "
                "gradient of all beans. Changing it restarts.")),
            (self.tr("Activation"), self.tr("Activation of the neuron"), self.tr(
                "The neuron's output a = σ(w·x + b), or a = w·x + b with no activation, "
                "a straight line that cannot fit a step. Changing it restarts.")),
            (self.tr("Epochs"), self.tr("Epochs to train"), self.tr(
                "Play stops after this many epochs (the post runs 5000).")),
            (self.tr("Epochs per frame"), self.tr("Epochs per drawn frame, at most"), self.tr(
                "Epochs run per drawn frame, about 60 frames a second: an upper bound, "
                "since a frame stops after 8 ms of training. The post draws one frame "
                "every 100 epochs.")),
        )
        fields = (self.lrSpin, self.modeCombo, self.activationCombo, self.epochsSpin,
                  self.speedSpin)
        for label, field, (text, name, tip) in zip(self._learning_labels, fields, texts,
                                                   strict=True):
            label.setText(text)
            _describe(field, name, tip)
        for index, text in enumerate((self.tr("per sample (as the post)"),
                                      self.tr("mini-batch of 10"), self.tr("full batch"))):
            self.modeCombo.setItemText(index, text)
        for index, text in enumerate((self.tr("sigmoid (as the post)"),
                                      self.tr("none (linear)"))):
            self.activationCombo.setItemText(index, text)

    def _retranslate_data(self) -> None:
        self._data_labels[0].setText(self.tr("Beans"))
        self._data_labels[1].setText(self.tr("Seed"))
        _describe(self.beanCountSpin, self.tr("Number of beans drawn"), self.tr(
            "How many beans get_beans draws (the post uses 100). Changing it restarts."))
        _describe(self.seedSpin, self.tr("Random seed of the beans"), self.tr(
            "Random seed of the beans: the same beans as the post's code after "
            "np.random.seed(seed). Changing it restarts."))
        _describe(self.newBeansButton, self.tr("Draw new beans"), self.tr(
            "Draw a fresh set of beans (the next seed), without the clicked-in ones."),
            self.tr("New beans"))
        toxic = self.tr("Clicked-in beans are toxic")
        _describe(self.toxicToggle, toxic, self.tr(
            "Click on the plot to add a bean of that size: toxic (1) when this is "
            "ticked, harmless (0) when not."), toxic)
        self._click_hint.setText(self.tr(
            "Click on the bean plot to add a bean there; training goes on with it."))

    def _retranslate_plots(self) -> None:
        foreground = plot_theme().foreground
        self.beansPlot.getPlotItem().setTitle(self.tr("Size-Toxicity Function"), size="12pt",
                                              color=foreground)
        _describe_plot(self.beansPlot, self.tr("Bean Size"), self.tr("Toxicity"),
                       self.tr("Bean plot"), self.tr("Click to add a bean of that size."),
                       self.tr("Each bean as a dot: its size across, its toxicity (0 or 1) "
                               "up; the neuron's output a over the sizes as a curve; the "
                               "dashed line at 0.5 is where it says toxic. Clicking adds a "
                               "bean of that size."))
        cost = self.costPlot.getPlotItem()
        # Two lines: in one, the title alone is wider than the plot at 1000 px.
        title = self.tr("Cost surface\nand the path of (w, b)").replace("\n", "<br>")
        cost.setTitle(f"<div align='center'>{title}</div>", color=foreground)
        cost.titleLabel.setMaximumHeight(TWO_LINE_TITLE_PX)
        cost.layout.setRowFixedHeight(0, TWO_LINE_TITLE_PX)
        self._colour_bar.getAxis("left").setLabel(self.tr("log₁₀ MSE"))
        _describe_plot(self.costPlot, self.tr("w"), self.tr("b"), self.tr("Cost surface"),
                       self.tr("Colour: log10 of the mean squared error the neuron would "
                               "have at each (w, b). White line: the path of (w, b) so far; "
                               "red dot: now."),
                       self.tr("A heat map of log10 of the mean squared error at every "
                               "weight w (across) and bias b (up), with the path (w, b) has "
                               "taken so far and a dot where it is now."))
        self.lossPlot.getPlotItem().setTitle(self.tr("Loss per epoch"), color=foreground)
        _describe_plot(self.lossPlot, self.tr("Epoch"), self.tr("Mean squared error"),
                       self.tr("Loss plot"),
                       self.tr("Mean squared error over all beans after each epoch."),
                       self.tr("The mean squared error over all beans after each epoch, "
                               "from epoch 0 to now, with a dot at the current loss."))

    def _show_formula_texts(self) -> None:
        """The explanation and the w, b tooltips say what is computed: with
        the sigmoid or without an activation, and when w and b change."""
        s = self.model.settings
        if s.activation == "sigmoid":
            formula = self.tr("a = σ(w·x + b)")
            neuron = self.tr("The neuron says {0}, a sigmoid: a smooth step from 0 to 1.")
            chain = self.tr("the chain rule: de/da · da/dz · dz/dw")
        else:
            formula = self.tr("a = w·x + b")
            neuron = self.tr("The neuron says {0}, with no activation: a straight line, "
                             "which cannot make a step.")
            chain = self.tr("the chain rule: de/da · dz/dw, as da/dz = 1")
        update = {
            "sample": self.tr("After each bean, in bean order, it nudges w and b against "
                              "the slope of that bean's squared error ({0})."),
            "minibatch": self.tr("After every 10 beans it nudges w and b against the mean "
                                 "slope of their squared errors ({0})."),
            "batch": self.tr("Once per epoch it nudges w and b against the mean slope of "
                             "all beans' squared errors ({0})."),
        }[s.mode]
        self.beanExplanation.setText(" ".join((
            neuron.format(formula), update.format(chain),
            self.tr("The white path is where (w, b) has travelled on the cost surface."))))
        self.wLabel.setToolTip(self.tr("The weight w in {0}.").format(formula))
        self.bLabel.setToolTip(self.tr("The bias b in {0}.").format(formula))

    def restyle(self) -> None:
        """The colours the tab chose, for the current theme."""
        theme = plot_theme()
        self._bean_dots.setBrush(pg.mkBrush(BEAN_COLOURS[theme.dark]))
        self._added_dots.setPen(pg.mkPen(theme.foreground))
        self._threshold.setPen(pg.mkPen("#999999", width=1, style=Qt.PenStyle.DashLine))
        loss_colour = LOSS_COLOURS[theme.dark]
        # One pixel wide: Qt strokes a wider antialiased line of a long run
        # three times slower, which showed at epoch 90 000.
        self._loss_curve.setPen(pg.mkPen(loss_colour, width=1))
        self._loss_point.setBrush(pg.mkBrush(loss_colour))
        for side in ("left", "right"):
            axis = self._colour_bar.getAxis(side)
            axis.setPen(theme.foreground)
            axis.setTextPen(theme.foreground)
        self._retranslate_plots()  # titles carry the theme's colour
        self._show_message(force=True)

    # --- TabMixin ---

    def tab_title(self) -> str:
        return self.tr("Bean SGD")

    def state_dict(self) -> dict:
        return self.model.state()

    def load_state(self, state: dict) -> None:
        self.model.load(state)  # raises before anything changes

    def reset_tab(self) -> None:
        self.load_state({})

    def stop_animation(self) -> None:
        self.model.player.stop()

    def is_running(self) -> bool:
        return self.model.is_running()

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
        if checked:
            self.model.player.start()
        else:
            self.model.player.stop()
        self._on_player_running_changed(self.model.is_running())

    def _on_step_button_clicked(self) -> None:
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
        if 0.0 <= size <= 1.0 and not self.model.add_bean(size):
            self._show_message()

    def advance_frame(self) -> None:
        """One animation frame, as the player's timer runs it."""
        self.model.player.frame()

    # --- model → view ---

    def _on_player_running_changed(self, running: bool) -> None:
        with signals_blocked(self.playButton):
            self.playButton.setChecked(running)
        self._show_play_state(running)
        self._show_pace()

    def _on_model_restarted(self) -> None:
        self._loss_view = None  # a new run: the loss axis starts again from its loss
        self._show_settings()
        self._show_formula_texts()
        self._on_model_beans_changed()

    def _on_model_beans_changed(self) -> None:
        self._draw_beans()
        self._show_bean_total()
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

    def _show_bean_total(self) -> None:
        s = self.model.settings
        self.beanTotalLabel.setText(self.tr(
            "Training on {0} beans ({1} drawn + {2} clicked in).").format(
                s.count + len(s.extra_beans), s.count, len(s.extra_beans)))

    def _draw_beans(self) -> None:
        trainer = self.model.trainer
        self._bean_dots.setData(trainer.xs, trainer.ys)
        added = self.model.settings.extra_beans
        self._added_dots.setData([size for size, _ in added], [label for _, label in added])

    def _draw_surface(self) -> None:
        """The cost picture over the model's bounds; recomputed only when the
        beans, the activation or the bounds changed."""
        s = self.model.settings
        bounds = self.model.bounds
        key = (s.count, s.seed, s.extra_beans, s.activation, bounds)
        if key == self._surface_key:
            return
        self._surface_key = key
        trainer = self.model.trainer
        w_grid, b_grid, log_cost = bean_sgd.cost_landscape(trainer.xs, trainer.ys, bounds,
                                                           s.activation)
        self._image.setImage(log_cost)
        # The colour bar owns the image's levels (it resets them on setImage).
        self._colour_bar.setLevels((float(log_cost.min()), float(log_cost.max())))
        # Each pixel is centred on its grid point.
        dw, db = w_grid[1] - w_grid[0], b_grid[1] - b_grid[0]
        self._image.setRect(QRectF(w_grid[0] - dw / 2, b_grid[0] - db / 2,
                                   w_grid[-1] - w_grid[0] + dw, b_grid[-1] - b_grid[0] + db))
        fix_range(self.costPlot, bounds[:2], bounds[2:])

    @staticmethod
    def _pixels_across(plot: pg.PlotWidget) -> int:
        return max(int(plot.getPlotItem().getViewBox().width()), 1)

    def _draw_progress(self) -> None:
        """Everything that moves while training; one call per frame. The path
        and the loss are drawn from the model's bounded trace, thinned to
        the plot's width: frame 100 000 costs what frame 1 000 did."""
        trainer = self.model.trainer
        now = self.model.now()
        trace = self.model.trace
        self._curve.setData(CURVE_XS, trainer.predict(CURVE_XS))
        path = trace.drawn(self._pixels_across(self.costPlot), now)
        self._trajectory.setData(path[:, 1], path[:, 2])
        self._point.setData([trainer.w], [trainer.b])
        losses = trace.drawn(self._pixels_across(self.lossPlot), now)
        self._loss_curve.setData(losses[:, 0], losses[:, 3])
        self._loss_point.setData([now[0]], [now[3]])
        self._draw_surface()
        self._fix_loss_range(float(np.nanmax(losses[:, 3], initial=0.0)))
        self._show_values(now[3])
        self._show_message()
        self._show_pace()

    def _fix_loss_range(self, top: float | None = None) -> None:
        """Epochs 0 to the run's end across, 0 to the highest loss drawn up;
        set only when that grows (setting the range every frame would cost)."""
        epochs = max(self.model.settings.epochs, self.model.trainer.epoch)
        shown = self._loss_view[1] if self._loss_view else 0.0
        if top is None or not np.isfinite(top):
            top = shown
        top = top if top > 0 else 1.0
        if self._loss_view is not None and self._loss_view[0] == epochs and top <= shown:
            return
        self._loss_view = (epochs, top)
        fix_range(self.lossPlot, (0, epochs), (0, top * 1.08))

    def _show_values(self, loss: float | None = None) -> None:
        trainer = self.model.trainer
        self.epochLabel.setText(self.tr("Epoch {0} / {1}").format(
            trainer.epoch, self.model.settings.epochs))
        self.wLabel.setText(self.tr("w = {0}").format(_number(trainer.w)))
        self.bLabel.setText(self.tr("b = {0}").format(_number(trainer.b)))
        loss = trainer.loss() if loss is None else loss
        self.lossLabel.setText(self.tr("Loss (MSE) = {0}").format(_number(loss)))

    def _show_pace(self, force: bool = False) -> None:
        """Say so while playing if frames run fewer epochs than asked."""
        pace = self.model.pace
        behind = self.model.is_running() and pace.behind
        if (behind, pace.epochs if behind else 0) == self._pace_shown and not force:
            return
        self._pace_shown = (behind, pace.epochs if behind else 0)
        self.paceLabel.setVisible(behind)
        colour = MESSAGE_COLOURS[plot_theme().dark][1]
        self.paceLabel.setStyleSheet(f"color: {colour};")
        self.paceLabel.setText(self.tr(
            "This computer cannot keep up: {0} of {1} epochs run each frame, so that "
            "drawing stays smooth.").format(pace.epochs, self.model.settings.speed))

    def _show_message(self, force: bool = False) -> None:
        trainer = self.model.trainer
        if trainer.diverged:
            kind = "diverged"
        elif self.model.bean_refused:
            kind = "full"
        elif self.model.replay_cut:
            kind = "replay"
        elif trainer.saturated_fraction() > SATURATED_SHARE:
            kind = "saturated"
        else:
            kind = ""
        self.playButton.setEnabled(not trainer.diverged)
        self.stepButton.setEnabled(not trainer.diverged)
        if kind == self._message_kind and not force:
            return
        if kind == "diverged":
            self._show_message_text(kind, self.tr(
                "Diverged during epoch {0}: the next update would push w or b past "
                "±{1}, so training stopped. Shown is the last finite state. Lower the "
                "learning rate, then press Reset.").format(
                    trainer.epoch + 1, f"{bean_sgd.DIVERGENCE_LIMIT:,.0f}"))
        elif kind == "full":
            self._show_message_text(kind, self.tr(
                "No room for another bean: {0} clicked-in beans is the most. Press "
                "New beans to start over.").format(MAX_EXTRA_BEANS))
        elif kind == "replay":
            self._show_message_text(kind, self.tr(
                "The saved run was replayed to epoch {0} of its {1}: replaying more "
                "would hold up the start. Press Play to go on from here.").format(
                    *self.model.replay_cut))
        elif kind == "saturated":
            self._show_message_text(kind, self.tr(
                "Saturated: the sigmoid is flat at almost every bean, so the gradients "
                "are nearly zero and the loss stalls. A smaller learning rate avoids this."))
        else:
            self._show_message_text(kind, "")

    def _show_message_text(self, kind: str, text: str) -> None:
        """``kind`` "diverged" and "full" are errors, "replay" and "saturated" notes."""
        self._message_kind = kind
        error, note = MESSAGE_COLOURS[plot_theme().dark]
        style = {"diverged": f"color: {error}; font-weight: bold;",
                 "full": f"color: {error}; font-weight: bold;",
                 "replay": f"color: {note};", "saturated": f"color: {note};"}.get(kind, "")
        self.beanMessage.setStyleSheet(style)
        self.beanMessage.setText(text)
