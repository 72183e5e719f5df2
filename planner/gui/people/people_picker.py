"""Choosing people from the network to put on an event's list, with a filter for a long
network and a way to add someone new on the spot. People on the list already are greyed out
and cannot be chosen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.ids import PersonId
from planner.gui.common.columns import fit_columns
from planner.gui.common.lists import DownToList, filter_as_you_type, make_table
from planner.gui.context import AppContext
from planner.gui.people.models import PeopleModel
from planner.storage.people import PersonListing


def tr(text: str) -> str:
    return QCoreApplication.translate("picker", text)


class PickerModel(PeopleModel):
    """The people list, with those already on the event's list shown as such."""

    def __init__(self, context: AppContext, on_list: set[PersonId], parent: Any = None) -> None:
        super().__init__(context, parent)
        self.on_list = on_list

    def flags(self, index: Any) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.row(index.row()).person.id in self.on_list:
            return flags & ~Qt.ItemFlag.ItemIsSelectable
        return flags

    def extra_data(self, row: PersonListing, column: int, role: int) -> Any:
        if row.person.id in self.on_list:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#8a9099")
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr("Already on this event's list")
        return None


class PeoplePicker(QDialog):
    def __init__(
        self,
        context: AppContext,
        event_name: str,
        on_list: set[PersonId],
        new_person: Callable[[], PersonId | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Add People to the List"))
        self.resize(760, 520)
        self._new_person = new_person
        self._to_select: list[PersonId] = []
        heading = QLabel(tr("Choose the people you expect at %1.").replace("%1", event_name))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Filter by name, company, title, email…"))
        self.filter.setAccessibleName(self.filter.placeholderText())
        self.filter.setClearButtonEnabled(True)
        self._filter_timer = filter_as_you_type(self.filter, self._apply_filter)
        new_button = QPushButton(tr("New Person…"))
        new_button.clicked.connect(self._add_new)
        self.model = PickerModel(context, on_list, self)
        self.table = make_table(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.activated.connect(self._activated)
        DownToList(self.filter, self.table)
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("countLabel")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(
            tr("Add to List"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(new_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.chosen_label, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.table.selectionModel().selectionChanged.connect(self._update)
        self.model.reloaded.connect(self._rows_in)
        self._sized = False
        self.model.reload()
        self._update()
        self.filter.setFocus()

    def chosen(self) -> list[PersonId]:
        """The people chosen, in the list's order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        ids = (self.model.row(row).person.id for row in rows)
        return [PersonId(i) for i in ids if i is not None and i not in self.model.on_list]

    def accept(self) -> None:
        if self.chosen():
            super().accept()

    def _activated(self, *_: object) -> None:  # double-click or Enter: add who is chosen
        self.accept()

    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter(self.filter.text())
        self._update()

    def _add_new(self) -> None:
        person_id = self._new_person()
        if person_id is None:
            return
        self.filter.clear()
        self._apply_filter()
        self._to_select.append(person_id)
        self.model.reload()  # the new person is chosen as soon as their row is in

    def _rows_in(self) -> None:
        if not self._sized and self.model.rowCount():
            self._sized = True
            fit_columns(self.table, self.model, range(self.model.columnCount()))
            header = self.table.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        selection = self.table.selectionModel()
        for person_id in self._to_select:
            position = self.model.position_of(person_id)
            if position is not None:
                index = self.model.index(position, 0)
                selection.select(
                    index,
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
        self._to_select.clear()
        self._update()

    def _update(self, *_: object) -> None:
        count = len(self.chosen())
        self.add_button.setEnabled(count > 0)
        self.chosen_label.setText(
            tr("%n chosen").replace("%n", f"{count:,}") if count else tr("Nobody chosen yet")
        )
