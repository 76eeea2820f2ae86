"""The mapping dialog: for a header row no preset knows, which of the file's columns holds each
of the order book's fields. Only the order number is required; the choice is remembered for
files with the same columns, so it is asked once per kind of file."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.orders.values import FieldChoice, NeedsMapping
from ui.widgets import palette


def first_line(header: str) -> str:
    """A header as a list shows it: "产品信息", not its note on the lines below."""
    return header.strip().split("\n")[0].strip() or header


class MappingDialog(QDialog):
    def __init__(self, file_name: str, needed: NeedsMapping, fields: Sequence[FieldChoice],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="orderMappingDialog")
        self.setWindowTitle(self.tr("Which column is which?"))
        self.required = [field.id for field in fields if field.required]
        self.combos: dict[str, QComboBox] = {}
        intro = QLabel(self.tr("No preset knows the columns of {0}. Choose the column that "
                               "holds each of these; only the order number (*) is required. "
                               "Your choice is remembered: the next file with the same "
                               "columns imports without asking.").format(file_name),
                       wordWrap=True)
        groups = QHBoxLayout()
        groups.addWidget(self._group(self.tr("The order"),
                                     [f for f in fields if not f.per_product], needed), 3)
        groups.addWidget(self._group(self.tr("Each product"),
                                     [f for f in fields if f.per_product], needed), 2,
                         Qt.AlignmentFlag.AlignTop)
        self.problem = QLabel(objectName="mappingProblem", wordWrap=True)
        self.problem.setStyleSheet(palette.css(palette.ERROR))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(groups)
        if needed.hidden:
            hidden = QLabel(self.tr("{0} address, phone or e-mail column(s) are not listed: "
                                    "the app never imports them.").format(needed.hidden),
                            wordWrap=True, objectName="hiddenColumns")
            hidden.setStyleSheet(palette.css(palette.MUTED))
            layout.addWidget(hidden)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self._validate)
        self._validate()

    def _group(self, title: str, fields: Sequence[FieldChoice], needed: NeedsMapping
               ) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for field in fields:
            combo = QComboBox(objectName=f"column_{field.id}")
            combo.addItem(self.tr("(not in this file)"), "")
            for column in needed.columns:
                combo.addItem(first_line(column), column)
                combo.setItemData(combo.count() - 1, column, Qt.ItemDataRole.ToolTipRole)
            suggested = needed.suggested.get(field.id)
            if suggested is not None and combo.findData(suggested) >= 0:
                combo.setCurrentIndex(combo.findData(suggested))
            label = self.field_label(field.id)
            form.addRow(f"{label} *" if field.required else label, combo)
            self.combos[field.id] = combo
        return box

    def mapping(self) -> dict[str, str]:
        """Field → the column chosen for it (the fields left "not in this file" left out)."""
        return {field: str(combo.currentData()) for field, combo in self.combos.items()
                if combo.currentData()}

    def choose(self, chosen: Mapping[str, str]) -> None:
        """Set fields' columns (a column the file lacks, or "", leaves a field unmapped)."""
        for field, column in chosen.items():
            combo = self.combos[field]
            combo.setCurrentIndex(max(combo.findData(column), 0))

    def _validate(self) -> None:
        missing = [field for field in self.required if not self.combos[field].currentData()]
        self.problem.setText(self.tr("Choose the column that holds the order number.")
                             if missing else "")
        self.import_button.setEnabled(not missing)

    def field_label(self, field: str) -> str:
        labels = {
            "marketplace": self.tr("Marketplace"),
            "order_id": self.tr("Order number"),
            "buyer_name": self.tr("Buyer's name"),
            "destination_country": self.tr("Country"),
            "order_date": self.tr("Order date"),
            "ship_date": self.tr("Ship date"),
            "chosen_method": self.tr("Buyer's chosen shipping"),
            "actual_method": self.tr("Shipping method used"),
            "tracking_number": self.tr("Tracking number"),
            "order_amount": self.tr("Order amount"),
            "currency": self.tr("Currency"),
            "store": self.tr("Store"),
            "estimated_weight": self.tr("Estimated weight"),
            "actual_weight": self.tr("Weighed weight"),
            "sku": self.tr("SKU"),
            "name": self.tr("Product name"),
            "quantity": self.tr("Quantity"),
            "unit_price": self.tr("Unit price"),
        }
        return labels.get(field, field)  # a field added to the domain later shows its id
