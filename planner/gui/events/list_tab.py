"""A tab of an opened event that lists its rows: the People and Follow-ups tabs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from planner.gui.common.columns import StretchColumn
from planner.gui.common.lists import make_table
from planner.gui.common.table_model import RowTableModel
from planner.gui.common.widgets import EmptyState


def tr(text: str) -> str:
    return QCoreApplication.translate("event_workspace", text)


class ListTab(QWidget):
    """A read-only list of this event's rows, with a sentence when there are none. A long list
    loads in the background (see RowTableModel): `rows_in` runs when its rows are in."""

    def __init__(self, model: RowTableModel[Any], empty: str, stretch: int) -> None:
        """`stretch`: the column of running text, which takes the width the others leave."""
        super().__init__()
        self.model = model
        model.setParent(self)
        self.table = make_table(model)
        self.columns = StretchColumn(self.table, model, stretch)
        self.empty = EmptyState(empty)
        self.loading = EmptyState(tr("Loading the list…"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.loading, 1)
        self.fit_next = True  # fit the columns to the next rows shown (a new event)
        self._keep: object = None  # the row selected before the rows were replaced
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.reloaded.connect(self.rows_in)
        model.loading_changed.connect(self._show_state)

    def refresh(self) -> None:
        self.model.reload()

    def rows_in(self) -> None:
        self._show_state()
        if self.model.rowCount() and self.fit_next:
            self.fit_next = False
            self.columns.fit()
        if self._keep is not None:
            self.select(self._keep)

    def select(self, key: object) -> None:
        position = self.model.position_of(key)
        if position is not None:
            self.table.selectRow(position)

    def _remember_selection(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._keep = self.model.key(self.model.row(rows[0].row())) if rows else None

    def _show_state(self, *_: object) -> None:
        has_rows = self.model.total > 0  # filtered to none, the list is still there
        waiting = not has_rows and self.model.loading
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows and not waiting)
        self.loading.setVisible(waiting)
