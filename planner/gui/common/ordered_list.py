"""A list in the user's own order (goals, checklist items, routine steps): a table with Add,
Edit, Delete, Move Up and Move Down, where every change is one undo step.

Subclasses say how to add and edit (each has its own dialog), how to delete one row, and how
to read and write the order; selection, buttons, moving and deleting live here once, and undo
puts back the rows each change wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from planner.domain.ids import EventId
from planner.domain.ordering import moved
from planner.gui.common.columns import StretchColumn
from planner.gui.common.lists import make_table
from planner.gui.common.table_model import RowTableModel
from planner.gui.common.widgets import EmptyState, button_row
from planner.gui.context import AppContext
from planner.services.changes import Changed, Kind

Row = TypeVar("Row")


def tr(text: str) -> str:
    return QCoreApplication.translate("ordered_list", text)


class OrderedList(QWidget, Generic[Row]):
    noun = "Item"  # for undo texts: "Delete Goal", "Move Goal"
    stretch_column = 0  # the running text (a goal, an item), which takes the width left

    def __init__(
        self,
        context: AppContext,
        model: RowTableModel[Row],
        add_label: str,
        *extra: tuple[str, Callable[[], object]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.model = model
        model.setParent(self)
        self.table = make_table(model, sortable=False)  # the user's order is the order
        self.columns = StretchColumn(self.table, model, self.stretch_column)
        self._fitted = False  # the columns fitted to the first rows shown
        self.table.doubleClicked.connect(self._double_clicked)
        self.buttons, made = button_row(
            (add_label, self.add),
            (tr("Edit…"), self.edit_selected),
            (tr("Delete"), self.delete_selected),
            (tr("Move Up"), lambda: self.move_selected(-1)),
            (tr("Move Down"), lambda: self.move_selected(1)),
            *extra,
            primary=0,
        )
        self.add_button, self.edit_button, self.delete_button, self.up_button = made[:4]
        self.down_button = made[4]
        self.extra_buttons: list[QPushButton] = made[5:]
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.buttons)
        self.body.addWidget(self.table, 1)
        # What the list says in place of the table while it has no rows, if anything.
        self.empty = EmptyState(self.empty_message())
        self.empty.hide()
        self.body.addWidget(self.empty, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        context.changed.connect(self._changed)

    # What subclasses provide ----------------------------------------------------------------

    SHOWS: frozenset[Kind] = frozenset(Kind)
    """The kinds of things the list is made of: a change of another kind leaves it be."""

    def shown_event(self) -> EventId | None:
        """The event whose list this is (None: changes in any event reload it)."""
        return None

    def row_id(self, row: Row) -> Any:
        """The id of a row the user may change, or None (e.g. an item that ticks itself)."""
        raise NotImplementedError

    def order(self) -> list[Any]:
        raise NotImplementedError

    def set_order(self, ids: list[Any]) -> None:
        raise NotImplementedError

    def remove(self, row_id: Any) -> object:
        """Delete the row (undo puts back the rows deleting it wrote)."""
        raise NotImplementedError

    def add(self) -> None:
        raise NotImplementedError

    def empty_message(self) -> str:
        """Said in place of an empty list; "" keeps the empty table (a list that is never
        empty for long, or whose buttons say enough)."""
        return ""

    def edit_selected(self) -> None:
        raise NotImplementedError

    # Shared ---------------------------------------------------------------------------------

    def _double_clicked(self, index: QModelIndex) -> None:
        if self._context.writable:  # read-only: no dialog whose changes could not be saved
            self.edit_selected()

    def _changed(self, changed: Changed) -> None:
        if changed.touches(self.SHOWS, self.shown_event()):
            self.refresh()

    def refresh(self) -> None:
        selected = self.selected()
        self.model.reload()
        if self.model.rowCount() and not self._fitted:
            self._fitted = True
            self.columns.fit()
        empty = not self.model.rowCount() and bool(self.empty.text())
        self.table.setVisible(not empty)
        self.empty.setVisible(empty)
        if selected is not None:
            self.select(self.model.key(selected))
        self._update_buttons()

    def selected(self) -> Row | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def selected_id(self) -> Any:
        row = self.selected()
        return None if row is None else self.row_id(row)

    def select(self, key: object) -> None:
        position = self.model.position_of(key)
        if position is not None:
            self.table.selectRow(position)

    def _update_buttons(self, *_: object) -> None:
        editable = self.selected_id() is not None
        for button in (self.edit_button, self.delete_button, self.up_button, self.down_button):
            button.setEnabled(editable)
        self._context.disable_when_read_only(
            self.add_button, self.edit_button, self.delete_button, self.up_button, self.down_button
        )

    def delete_selected(self) -> None:
        from planner.gui.common.operations import Operation

        row_id = self.selected_id()
        if row_id is None:
            return
        Operation(self._context, lambda target: self.remove(row_id)).undoable(
            tr("Delete %1").replace("%1", tr(self.noun))
        ).run()

    def move_selected(self, step: int) -> None:
        from planner.gui.common.operations import Operation

        row = self.selected()
        row_id = None if row is None else self.row_id(row)
        if row is None or row_id is None:
            return
        before = self.order()
        after = moved(before, row_id, step)
        if after == before:
            return
        Operation(self._context, lambda target: self.set_order(after)).undoable(
            tr("Move %1").replace("%1", tr(self.noun))
        ).run()
        self.select(self.model.key(row))
