"""Post 001's two-layer XOR: NAND and OR neurons feed an AND neuron.

Nine spin boxes (``xor_<nand|or|and>_<w1|w2|b>_spin``) start at the post's
values; the table ``xorTable`` shows x1, x2, s1 (NAND), s2 (OR) and y."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.perceptron import XOR, two_layer_truth_table
from gui.common.widgets import float_spin, signals_blocked
from gui.contract import RetranslateMixin
from gui.gates.model import NEURONS, PARAMS, WEIGHT_LIMIT, GatesModel

TABLE_COLUMNS = 5  # x1, x2, s1 (NAND), s2 (OR), y


class XorPanel(RetranslateMixin, QGroupBox):
    def __init__(self, state: GatesModel, neuron_colours: dict[str, str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("xorPanel")
        self.state = state
        layout = QVBoxLayout(self)
        layout.setSpacing(6)

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.spins: dict[tuple[str, str], QDoubleSpinBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        for column, param in enumerate(PARAMS, start=1):
            header = QLabel(param, self)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(header, 0, column)
        self.neuron_labels: dict[str, QLabel] = {}
        for row, neuron in enumerate(NEURONS, start=1):
            label = QLabel(self)
            self.neuron_labels[neuron] = label
            label.setStyleSheet(f"color: {neuron_colours[neuron]}; font-weight: bold;")
            grid.addWidget(label, row, 0)
            for column, param in enumerate(PARAMS, start=1):
                spin = self._make_spin(neuron, param)
                self.spins[neuron, param] = spin
                grid.addWidget(spin, row, column)
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)

        self.table = QTableWidget(4, TABLE_COLUMNS, self)
        self.table.setObjectName("xorTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):  # s1 (NAND), s2 (OR): wider headers than their 0/1 cells
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row in range(4):
            for column in range(TABLE_COLUMNS):
                item = QTableWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        layout.addWidget(self.table)

        self.verdict = QLabel(self)
        self.verdict.setObjectName("xorVerdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Two layers make XOR"))
        self.intro.setText(self.tr("s1 = NAND(x1, x2) and s2 = OR(x1, x2) each draw one line "
                                   "(dashed on the plot); y = AND(s1, s2) is 1 only between "
                                   "them."))
        for neuron, label in self.neuron_labels.items():
            label.setText(self._neuron_label(neuron))
        for (neuron, param), spin in self.spins.items():
            text = self.tr("{0} of the {1} neuron").format(param, self._neuron_label(neuron))
            spin.setToolTip(text)
            spin.setAccessibleName(text)
        self.table.setHorizontalHeaderLabels([self.tr("x1"), self.tr("x2"), self.tr("s1 (NAND)"),
                                              self.tr("s2 (OR)"), self.tr("y")])
        self.table.setToolTip(self.tr("The two-layer network on all four inputs: the hidden "
                                      "outputs s1, s2 and the final output y"))
        self.table.setAccessibleName(self.tr("Truth table of the two-layer network"))
        self._fit_table_height()
        self.refresh()

    def _neuron_label(self, neuron: str) -> str:
        return {"nand": self.tr("NAND → s1"), "or": self.tr("OR → s2"),
                "and": self.tr("AND → y")}[neuron]

    def _make_spin(self, neuron: str, param: str) -> QDoubleSpinBox:
        spin = float_spin(self, f"xor_{neuron}_{param}_spin", "",
                          (-WEIGHT_LIMIT, WEIGHT_LIMIT), decimals=2, step=0.05)
        spin.setValue(self.state.hidden[neuron][PARAMS.index(param)])
        spin.valueChanged.connect(
            lambda value, n=neuron, p=param: self._on_spin_value_changed(n, p, value))
        return spin

    def _fit_table_height(self) -> None:
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(4))
        self.table.setFixedHeight(height)

    def _on_spin_value_changed(self, neuron: str, param: str, value: float) -> None:
        self.state.set_hidden_param(neuron, param, value)

    def refresh(self) -> None:
        hidden = self.state.hidden
        for (neuron, param), spin in self.spins.items():
            with signals_blocked(spin):
                spin.setValue(hidden[neuron][PARAMS.index(param)])
        rows = two_layer_truth_table(hidden["nand"], hidden["or"], hidden["and"])
        wrong = []
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.table.item(r, c).setText(str(value))
            if row[4] != XOR(row[0], row[1]):
                wrong.append(f"({row[0]}, {row[1]})")
        if wrong:
            self.verdict.setText(self.tr("✗ y differs from XOR at {0}.").format(", ".join(wrong)))
        else:
            self.verdict.setText(self.tr("✓ y = XOR(x1, x2) on all four inputs."))
