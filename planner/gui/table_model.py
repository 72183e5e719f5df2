"""A read-only table model over a list of rows, described by a list of columns.

Each list in the app (events, people, follow-ups) is a few columns plus a loader; this class
holds the Qt plumbing once. Sorting and filtering happen on the Python list (no proxy model),
which keeps a 10,000-row sort in the tens of milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    text: Callable[[Row], str]
    sort_key: Callable[[Row], Any] | None = None
    tooltip: Callable[[Row], str] | None = None
    align_right: bool = False


class RowTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(
        self,
        columns: Sequence[Column[Row]],
        load: Callable[[], list[Row]],
        key: Callable[[Row], object],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._load = load
        self._key = key
        self._all: list[Row] = []  # every row loaded, sorted
        self._rows: list[Row] = []  # the rows shown: those of _all the filter lets through
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._words: list[str] = []  # the filter, case-folded
        self._haystacks: dict[object, str] = {}  # row key → its columns' text, case-folded

    # Qt interface -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self.extra_data(row, index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        keys = [self._key(self._rows[i.row()]) for i in old]
        self._apply_sort()
        self._rows = self._filtered()
        positions = {self._key(row): n for n, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            old,
            [self.index(positions[k], i.column()) for k, i in zip(keys, old, strict=True)],
        )
        self.layoutChanged.emit()

    # Ours ---------------------------------------------------------------------------------

    def extra_data(self, row: Row, column: int, role: int) -> Any:
        """Roles beyond text, tooltip and alignment; subclasses add colour or fonts here."""
        return None

    def reload(self) -> None:
        self.beginResetModel()
        self._all = self._load()
        self._haystacks = {}
        self._apply_sort()
        self._rows = self._filtered()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only the rows whose columns hold every word of `text` (case ignored)."""
        words = text.casefold().split()
        if words == self._words:
            return
        self.beginResetModel()
        self._words = words
        self._rows = self._filtered()
        self.endResetModel()

    @property
    def filtering(self) -> bool:
        return bool(self._words)

    @property
    def total(self) -> int:
        """Rows loaded, whether the filter shows them or not."""
        return len(self._all)

    def _filtered(self) -> list[Row]:
        if not self._words:
            return list(self._all)
        words = self._words
        haystacks = self._haystacks
        shown = []
        for row in self._all:
            key = self._key(row)
            haystack = haystacks.get(key)
            if haystack is None:
                haystack = haystacks[key] = "\n".join(
                    column.text(row) for column in self._columns
                ).casefold()
            if all(word in haystack for word in words):
                shown.append(row)
        return shown

    def row(self, position: int) -> Row:
        return self._rows[position]

    def key(self, row: Row) -> object:
        """The key the model knows `row` by (for position_of)."""
        return self._key(row)

    def position_of(self, key: object) -> int | None:
        for position, row in enumerate(self._rows):
            if self._key(row) == key:
                return position
        return None

    def _apply_sort(self) -> None:
        if self._sort is None:
            return
        column, order = self._sort
        spec = self._columns[column]
        sort_key = spec.sort_key or (lambda row: spec.text(row).casefold())
        self._all.sort(key=sort_key, reverse=order == Qt.SortOrder.DescendingOrder)
