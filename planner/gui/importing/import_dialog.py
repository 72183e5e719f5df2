"""Import Attendees: which event, which column holds what, and a look at the first rows.

A recognised export (Eventbrite, LinkedIn, Luma...) arrives with its columns already chosen;
anything else gets a best guess, or the choice the user made last time for the same headers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.importing import Field, Layout, Mapping, Table
from planner.domain.model import Event
from planner.gui.common.formatting import tr_n

PREVIEW_ROWS = 20


def tr(text: str) -> str:
    return QCoreApplication.translate("import", text)


def field_name(field: Field) -> str:
    return {
        Field.FULL_NAME: tr("Full name"),
        Field.GIVEN_NAME: tr("First name"),
        Field.FAMILY_NAME: tr("Last name"),
        Field.EMAIL: tr("Email"),
        Field.COMPANY: tr("Company"),
        Field.TITLE: tr("Job title"),
        Field.PHONE: tr("Phone"),
        Field.LINKEDIN_URL: tr("LinkedIn"),
        Field.ROLE: tr("Role or ticket type"),
        Field.STATUS: tr("Registration status"),
        Field.NOTES: tr("Notes"),
    }[field]


class PreviewModel(QAbstractTableModel):
    """The first rows of the file, under its own headers, with what each column becomes."""

    def __init__(self, table: Table, mapping: Mapping, parent: Any = None) -> None:
        super().__init__(parent)
        self._table = table
        self._rows = table.rows[:PREVIEW_ROWS]
        self.mapping = dict(mapping)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        cells = self._rows[index.row()].cells
        return cells[index.column()] if index.column() < len(cells) else ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._rows[section].line) if 0 <= section < len(self._rows) else None
        if not 0 <= section < len(self._table.headers):
            return None
        field = self.mapping.get(section)
        target = field_name(field) if field else tr("(not imported)")
        return f"{self._table.headers[section]}\n→ {target}"

    def set_mapping(self, mapping: Mapping) -> None:
        self.mapping = dict(mapping)
        if self._table.headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._table.headers) - 1)


class ImportDialog(QDialog):
    def __init__(
        self,
        table: Table,
        layout: Layout | None,
        mapping: Mapping,
        events: list[Event],
        event_id: int | None,
        *,
        remembered: bool = False,
        new_event: Callable[[QWidget], Event | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import Attendees"))
        self._new_event = new_event
        self.resize(900, 640)
        self._table = table

        self.event_choice = QComboBox()
        for event in events:
            self.event_choice.addItem(event.name, event.id)
        if event_id is not None:
            self.event_choice.setCurrentIndex(max(0, self.event_choice.findData(event_id)))

        if layout is not None:
            what = tr("Recognised as %1: the columns are already chosen.").replace(
                "%1", layout.name
            )
        elif remembered:
            what = tr("Columns chosen as the last time you imported a file with these headers.")
        else:
            what = tr("Check which column holds what; the guesses are marked below.")
        details = [tr_n("import_dialog", "%n rows", len(table.rows), one="%n row")]
        if table.sheet is not None:
            details.append(tr("sheet “%1”").replace("%1", table.sheet))
        if table.encoding:
            details.append(table.encoding)
        if table.delimiter:
            names = {",": tr("comma"), ";": tr("semicolon"), "\t": tr("tab"), "|": tr("bar")}
            details.append(
                tr("separated by %1").replace("%1", names.get(table.delimiter, table.delimiter))
            )
        self.summary = QLabel(f"{what}\n{table.source} · {' · '.join(details)}")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.columns = QTableWidget(len(table.headers), 3)
        self.columns.setHorizontalHeaderLabels(
            [tr("Column in the file"), tr("First value"), tr("Imports as")]
        )
        self.columns.verticalHeader().hide()
        self.columns.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.columns.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # Tab goes from one column's choice to the next, not through every cell on the way.
        self.columns.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.columns.setTabKeyNavigation(False)
        self.combos: list[QComboBox] = []
        for column, header in enumerate(table.headers):
            example = next(
                (
                    r.cells[column]
                    for r in table.rows
                    if column < len(r.cells) and r.cells[column].strip()
                ),
                "",
            )
            self.columns.setItem(column, 0, QTableWidgetItem(header))
            self.columns.setItem(column, 1, QTableWidgetItem(example[:80]))
            combo = QComboBox()
            combo.addItem(tr("(not imported)"), None)
            for field in Field:
                combo.addItem(field_name(field), field.value)
            chosen = mapping.get(column)
            combo.setCurrentIndex(combo.findData(chosen.value) if chosen else 0)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.columns.setCellWidget(column, 2, combo)
            combo.installEventFilter(self)  # brought into view when Tab reaches it
            self.combos.append(combo)

        self.preview_model = PreviewModel(table, mapping, self)
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.preview.horizontalHeader().setDefaultSectionSize(160)
        self.preview.setWordWrap(False)
        self.preview.setTabKeyNavigation(False)  # Tab leaves the preview for the buttons
        self.preview.verticalHeader().setToolTip(tr("Line in the file"))

        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        event_row = QHBoxLayout()
        event_row.addWidget(self.event_choice, 1)
        if new_event is not None:
            # The list may be for an event not planned yet: make it here, not start again.
            self.new_event_button = QPushButton(tr("&New Event…"))
            self.new_event_button.clicked.connect(self._add_event)
            event_row.addWidget(self.new_event_button)
        event_label = QLabel(tr("Add to &event:"))
        event_label.setBuddy(self.event_choice)  # Alt+E to the list (the row is a layout)
        form.addRow(event_label, event_row)
        layout_box = QVBoxLayout(self)
        layout_box.addWidget(self.summary)
        layout_box.addLayout(form)
        layout_box.addWidget(QLabel(tr("Columns")))
        layout_box.addWidget(self.columns, 3)
        layout_box.addWidget(QLabel(tr("First rows")))
        layout_box.addWidget(self.preview, 2)
        layout_box.addStretch(0)  # takes what two short tables leave
        layout_box.addWidget(self.problem)
        layout_box.addWidget(self.buttons)
        self._mapping_changed()
        # A short file's tables take no more height than their rows: the space goes to
        # the other table, the one with rows out of sight.
        for view in (self.columns, self.preview):
            view.setMaximumHeight(_content_height(view))

    def mapping(self) -> Mapping:
        """The user's choice; a field chosen for two columns keeps the first."""
        result: Mapping = {}
        for column, combo in enumerate(self.combos):
            value = combo.currentData()
            if value and Field(value) not in result.values():
                result[column] = Field(value)
        return result

    def event_id(self) -> int | None:
        value = self.event_choice.currentData()
        return None if value is None else int(value)

    def _add_event(self) -> None:
        assert self._new_event is not None
        event = self._new_event(self)
        if event is None or event.id is None:
            return
        self.event_choice.addItem(event.name, event.id)
        self.event_choice.setCurrentIndex(self.event_choice.count() - 1)
        self._mapping_changed()

    def _mapping_changed(self, *_: object) -> None:
        mapping = self.mapping()
        self.preview_model.set_mapping(mapping)
        fields = set(mapping.values())
        problem = ""
        if not fields & {Field.FULL_NAME, Field.GIVEN_NAME, Field.FAMILY_NAME, Field.EMAIL}:
            problem = tr("Choose at least the column with names or the one with email addresses.")
        elif self.event_choice.count() == 0:
            problem = (
                tr("Attendees are imported into an event: create it first (New Event…).")
                if self._new_event is not None
                else tr("Create the event first: attendees are imported into an event.")
            )
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.import_button.setEnabled(not problem)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched in self.combos:
            row = self.combos.index(watched)
            self.columns.scrollTo(self.columns.model().index(row, 2))
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        if self.import_button.isEnabled():
            super().accept()


def _content_height(view: QTableView) -> int:
    """The height that shows every row of `view` with its header and a horizontal scroll bar."""
    rows = view.model().rowCount()
    height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
    height += sum(view.verticalHeader().sectionSize(row) for row in range(rows))
    return height + view.horizontalScrollBar().sizeHint().height()
