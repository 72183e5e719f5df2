"""The Checklist tab: the prep routine as dated items to tick, plus the self-ticking ones."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from planner.domain.checklist import (
    MAX_ITEM_TEXT,
    ChecklistEntry,
    due_date,
    item_problems,
    offset_label,
)
from planner.domain.ids import ChecklistItemId, EventId
from planner.domain.model import ChecklistItem, Event
from planner.gui.common.form_dialog import FormDialog
from planner.gui.common.formatting import day_text, tr_n
from planner.gui.common.messages import show_warning
from planner.gui.common.ordered_list import OrderedList
from planner.gui.common.table_model import Column, Index, RowTableModel
from planner.gui.common.widgets import ElidedLabel, exec_once
from planner.gui.context import AppContext
from planner.services.changes import Kind

OVERDUE = QColor("#b3261e")
DONE = QColor("#7b8591")


def tr(text: str) -> str:
    return QCoreApplication.translate("checklist", text)


def entry_key(entry: ChecklistEntry) -> object:
    return entry.item_id if entry.item is not None else entry.dynamic.key if entry.dynamic else None


class ChecklistModel(RowTableModel[ChecklistEntry]):
    """Rows in checklist order. Ticking a stored item is an undoable edit; dynamic items are
    ticked by the plan, never by hand."""

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        self._context = context
        self.current_event: Event | None = None
        self.today = date.today()
        columns = [
            Column[ChecklistEntry](
                tr("Due"),
                lambda e: f"{day_text(e.due)}  ({offset_label(e.due_offset_days)})",
            ),
            Column[ChecklistEntry](
                tr("Item"),
                lambda e: e.text,
                tooltip=lambda e: (
                    tr("Ticks itself when this is done in your plan") if e.is_dynamic else e.text
                ),
            ),
        ]
        super().__init__(columns, self._load, key=entry_key, parent=parent)

    def _load(self) -> list[ChecklistEntry]:
        self.today = date.today()
        return (
            []
            if self.current_event is None
            else self._context.checklist.entries(self.current_event)
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0 and not self.row(index.row()).is_dynamic:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def extra_data(self, row: ChecklistEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if row.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.is_overdue(self.today):
                return OVERDUE
            if row.done:
                return DONE
        if role == Qt.ItemDataRole.FontRole and (row.is_dynamic or row.done):
            font = QFont()
            font.setItalic(row.is_dynamic)
            font.setStrikeOut(row.done and column == 1)
            return font
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 0
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        entry = self.row(index.row())
        if entry.item is None or entry.item.id is None:
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        set_done(self._context, entry.item, done)
        return True


def set_done(context: AppContext, item: ChecklistItem, done: bool) -> None:
    if item.id is None or item.done == done:
        return
    from planner.gui.common.operations import Operation

    item_id = item.id
    Operation(context, lambda target: context.checklist.set_done(item_id, done)).undoable(
        tr("Tick “%1”").replace("%1", item.text)
        if done
        else tr("Untick “%1”").replace("%1", item.text)
    ).run()


class ItemDialog(FormDialog):
    """Text and due day of a checklist item, the day shown as a real date as it changes."""

    def __init__(self, event: Event, item: ChecklistItem | None = None, parent: Any = None):
        title = tr("Edit Checklist Item") if item else tr("New Checklist Item")
        super().__init__(title, editing=item is not None, parent=parent)
        self._event = event
        self.setMinimumWidth(480)
        self.text = QLineEdit(item.text if item else "")
        self.text.setMaxLength(MAX_ITEM_TEXT)
        self.text.setPlaceholderText(tr("e.g. Book a table for the speakers' dinner"))
        self.offset = QSpinBox()
        self.offset.setRange(-366, 366)
        self.offset.setValue(item.due_offset_days if item else -1)
        self.offset.setSuffix(tr(" days from the start"))
        self.day = QLabel()
        self.day.setStyleSheet("color: #5b6570;")
        self.form.addRow(tr("&Item:"), self.text)
        self.form.addRow(tr("&Due:"), self.offset)
        self.form.addRow("", self.day)
        self.watch(self.text.textChanged, self.offset.valueChanged)
        self.revalidate()

    def current_problems(self) -> list[str]:
        return item_problems(*self.values())

    def input_changed(self, problems: list[str]) -> None:
        offset = self.offset.value()
        self.day.setText(f"{day_text(due_date(self._event, offset))}  ({offset_label(offset)})")

    def values(self) -> tuple[str, int]:
        return self.text.text().strip(), self.offset.value()


class ExportDialog(QDialog):
    """Where to write the checklist calendar file, and in which form."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Export Checklist to Calendar"))
        self.as_events = QRadioButton(tr("All-day calendar entries with a 9:00 reminder"))
        self.as_events.setToolTip(tr("Works in every calendar, including Google and khal"))
        self.as_todos = QRadioButton(tr("Tasks (VTODO), for task apps such as Thunderbird"))
        self.as_events.setChecked(True)
        note = QLabel(
            tr(
                "Only open items are exported. Export again after changes: calendars update "
                "the entries they already have instead of adding new ones."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.as_events)
        layout.addWidget(self.as_todos)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @property
    def calendar_style(self) -> str:
        return "todo" if self.as_todos.isChecked() else "event"


class ChecklistTab(OrderedList[ChecklistEntry]):
    noun = "Checklist Item"
    stretch_column = 1  # the item; its due day is sized to its text

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(
            context,
            ChecklistModel(context),
            tr("Add Item…"),
            (tr("Export to Calendar…"), self.export),
            parent=parent,
        )
        self.model: ChecklistModel
        (self.export_button,) = self.extra_buttons
        # What was done last ("Exported 18 open items to …" and a path), cut short in the
        # middle when long: a message never makes the window wider.
        self.progress = ElidedLabel(mode=Qt.TextElideMode.ElideMiddle)
        self.progress.setObjectName("hint")
        self.columns.keep_whole(0)  # the due day, with its tick box
        self.buttons.insertWidget(0, self.progress)
        self._update_buttons()

    # Items that tick themselves follow the goals and the must-meet people's research.
    SHOWS = frozenset((Kind.CHECKLIST, Kind.EVENT, Kind.GOAL, Kind.ATTENDANCE, Kind.PERSON))

    def shown_event(self) -> EventId | None:
        event = self.model.current_event
        return None if event is None else event.id

    def show_event(self, event: Event) -> None:
        self.model.current_event = event
        self._fitted = False  # another event's items: fitted to their own text
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        rows = [self.model.row(i) for i in range(self.model.rowCount())]
        done = sum(1 for e in rows if e.done)
        self.progress.setText(
            tr("%1 of %2 done").replace("%1", str(done)).replace("%2", str(len(rows)))
        )

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() != 0:  # the first column is the tick box
            self.edit_selected()

    def row_id(self, row: ChecklistEntry) -> ChecklistItemId | None:
        return row.item_id  # None for the items that tick themselves

    def order(self) -> list[ChecklistItemId]:
        event = self.model.current_event
        if event is None or event.id is None:
            return []
        return self._context.checklist.order(event.id)

    def set_order(self, ids: list[ChecklistItemId]) -> None:
        self._context.checklist.set_order(ids)

    def remove(self, row_id: ChecklistItemId) -> ChecklistItem:
        return self._context.checklist.delete_item(row_id)

    def restore(self, removed: ChecklistItem) -> object:
        return self._context.checklist.restore_item(removed)

    def toggle_selected(self) -> None:
        entry = self.selected()
        if entry is not None and entry.item is not None:
            set_done(self._context, entry.item, not entry.done)

    def add(self) -> None:
        event = self.model.current_event
        if event is None or event.id is None:
            return
        dialog = ItemDialog(event, parent=self)
        if not exec_once(dialog):
            return
        from planner.gui.common.operations import Operation

        event_id, (text, offset) = event.id, dialog.values()
        checklist = self._context.checklist
        created = (
            Operation(self._context, lambda target: checklist.add_item(event_id, text, offset))
            .undoable(tr("Add Checklist Item"))
            .run()
        )
        if created is not None:
            self.select(created.id)

    def edit_selected(self) -> None:
        entry = self.selected()
        event = self.model.current_event
        if entry is None or entry.item is None or event is None:
            return
        before = entry.item
        dialog = ItemDialog(event, before, parent=self)
        if not exec_once(dialog) or dialog.values() == (before.text, before.due_offset_days):
            return
        from planner.gui.common.operations import Operation

        checklist = self._context.checklist
        text, offset = dialog.values()
        Operation(self._context, lambda target: checklist.edit_item(before, text, offset)).undoable(
            tr("Edit Checklist Item")
        ).run()

    def export(self) -> None:
        event = self.model.current_event
        if event is None:
            return
        options = ExportDialog(self)
        if not exec_once(options):
            return
        suggested = f"{event.name} checklist.ics".replace("/", "-")
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export Checklist"), suggested, tr("Calendar files (*.ics)")
        )
        if not path:
            return
        from pathlib import Path

        try:
            count = self._context.checklist.export_ics(event, Path(path), options.calendar_style)
        except OSError as exc:
            show_warning(
                self,
                tr("Could not write %1: %2")
                .replace("%1", path)
                .replace("%2", exc.strerror or str(exc)),
            )
            return
        self.progress.setText(
            tr_n(
                "checklist",
                "Exported %n open items to %1",
                count,
                one="Exported %n open item to %1",
            ).replace("%1", path)
        )
