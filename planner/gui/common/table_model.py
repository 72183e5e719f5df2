"""A read-only table model over a list of rows, described by a list of columns.

Each list in the app (events, people, follow-ups) is a few columns plus a loader; this class
holds the Qt plumbing once. Sorting and filtering happen on the Python list (no proxy model),
which keeps a 10,000-row sort in the tens of milliseconds.

A list that can grow long (everyone in the network, the attendees of a conference) also gives
a way to count its rows and to load them in a worker thread, on a connection of its own. From
BACKGROUND_FROM_ROWS rows on, `reload` loads, sorts and filters there, and the rows on screen
stay until the new ones are in (`loading` meanwhile): reading 133,000 attendees takes over a
second, which the window would otherwise spend frozen. Such a list is also sorted there: the
rows on screen keep their order until the sorted ones are in, a fraction of a second later.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from planner.gui.common.formatting import plain_tip
from planner.services.memory import bulk_objects, forget

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    text: Callable[[Row], str]
    sort_key: Callable[[Row], Any] | None = None
    tooltip: Callable[[Row], str] | None = None
    align_right: bool = False


BACKGROUND_FROM_ROWS = 5_000
"""Lists expected to hold this many rows load in a worker thread."""


@dataclass(frozen=True)
class BackgroundLoad(Generic[Row]):
    """How a list that can grow long is loaded away from the GUI thread."""

    count: Callable[[], int]
    """How many rows a load would give; on the GUI thread, so it must be quick."""
    start: Callable[[], Callable[[], list[Row]]]
    """On the GUI thread: takes what the load needs to know now (the event shown...) and
    returns the load itself, which runs in a worker thread on a connection of its own."""


class _Arranged(Generic[Row]):
    """Rows loaded, sorted and filtered: what a reload puts on screen."""

    __slots__ = ("haystacks", "rows", "shown", "sort", "words")

    def __init__(
        self,
        rows: list[Row],
        shown: list[Row],
        haystacks: dict[object, str],
        sort: tuple[int, Qt.SortOrder] | None,
        words: list[str],
    ) -> None:
        self.rows = rows  # every row loaded, sorted by `sort`
        self.shown = shown  # the rows `words` let through
        self.haystacks = haystacks
        self.sort = sort
        self.words = words


class _Sorting(Generic[Row]):
    """A background sort under way: the rows it started from, and the edits made since."""

    __slots__ = ("replaced", "source")

    def __init__(self, source: list[Row]) -> None:
        self.source = source
        self.replaced: dict[object, Row] = {}


class RowTableModel(QAbstractTableModel, Generic[Row]):
    loading_changed = Signal(bool)
    """A background load started (True) or its rows are in (False)."""
    reloaded = Signal()
    """New rows are on screen (right after `reload`, or when a background load is in)."""
    _arrived = Signal(int, object)  # from the worker thread: (generation, _Arranged | error)
    _sorted = Signal(int, object)  # from a sort thread: (request, rows sorted | error)

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        load: Callable[[], list[Row]],
        key: Callable[[Row], object],
        parent: Any = None,
        *,
        background: BackgroundLoad[Row] | None = None,
        search_key: Callable[[Row], object] | None = None,
    ) -> None:
        """`search_key`: what a search index finds a row by (`set_filter`'s `found`); the
        row's key unless given."""
        super().__init__(parent)
        self._columns = list(columns)
        self._load = load
        self._key = key
        self._search_key = search_key or key
        self._found: AbstractSet[object] | None = None  # what an index found for the words
        self._sorts = 0  # sorts in place of _all, so positions read before know they are old
        self._search_positions: tuple[int, int, dict[object, int]] | None = None
        self._background = background
        self._all: list[Row] = []  # every row loaded, sorted
        self._rows: list[Row] = []  # the rows shown: those of _all the filter lets through
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._words: list[str] = []  # the filter, case-folded
        self._condition: Callable[[Row], bool] | None = None  # and what else a row must be
        self._haystacks: dict[object, str] = {}  # row key → its columns' text, case-folded
        self._generation = 0  # reloads asked for; a background load of an older one is dropped
        self._worker: threading.Thread | None = None
        self._again = False  # a reload was asked for while a background load ran
        self._sort_request = 0  # sorts asked for; a background sort of an older one is dropped
        self._sorting: _Sorting[Row] | None = None
        self._arrived.connect(self._take_arrival, Qt.ConnectionType.QueuedConnection)
        self._sorted.connect(self._take_sorted, Qt.ConnectionType.QueuedConnection)

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
            return plain_tip(column.tooltip(row))
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
        """Sort by `column`; the rows keep this order through every reload. A long list is
        sorted in a worker thread (see `_sort_in_background`)."""
        if not 0 <= column < len(self._columns) or self._sort == (column, order):
            return
        self._sort = (column, order)
        if self._worker is not None:  # the rows on their way are in the old order
            self._again = True
        if self._background is not None and len(self._all) >= BACKGROUND_FROM_ROWS:
            self._sort_in_background()
        else:
            self._relayout(self._apply_sort)

    def _relayout(self, change: Callable[[], None]) -> None:
        """Put the rows in a new order by `change` (which sets `_all`), the selection and
        every other persistent index following their rows."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        held = [self._rows[i.row()] for i in old]
        change()
        self._rows = self._filtered()
        positions = self._positions_of(held) if held else {}
        self.changePersistentIndexList(
            old,
            [self.index(positions[id(row)], i.column()) for row, i in zip(held, old, strict=True)],
        )
        self.layoutChanged.emit()

    def _positions_of(self, rows: list[Row]) -> dict[int, int]:
        """Where each of a few `rows` is now, by id(row): found by identity (one C pass per
        row), not by building a map of every row (90 ms for 143,000 rows)."""
        ids = list(map(id, self._rows))
        positions: dict[int, int] = {}
        for row in rows:
            if id(row) not in positions:
                positions[id(row)] = ids.index(id(row))
        return positions

    def _sort_in_background(self) -> None:
        """Sort a copy of the rows in a worker thread; the rows on screen stay as they are
        until it is done. 143,000 people took 160-180 ms to sort here, the window frozen
        meanwhile; in the worker, only the C sort itself holds the GIL (about 50 ms), while
        the sort keys are made a few milliseconds at a time."""
        assert self._sort is not None
        self._sort_request += 1
        request, (column, order) = self._sort_request, self._sort
        rows = list(self._all)
        sorting = _Sorting(self._all)
        key, reverse = self._sort_key(column), order == Qt.SortOrder.DescendingOrder

        def work() -> None:
            try:
                rows.sort(key=key, reverse=reverse)
                outcome: object = rows
            except Exception as error:  # told to the GUI thread, which sorts there instead
                outcome = error
            with contextlib.suppress(RuntimeError):  # raised when the model is gone
                self._sorted.emit(request, outcome)

        self._sorting = sorting
        threading.Thread(target=work, name="list sort", daemon=True).start()

    def _take_sorted(self, request: int, outcome: object) -> None:
        sorting = self._sorting
        if request != self._sort_request or sorting is None:
            return  # sorted again meanwhile: the newer sort's rows are the ones to show
        self._sorting = None
        if sorting.source is not self._all:
            return  # other rows came in meanwhile, already in the new order
        if not isinstance(outcome, list):
            self._relayout(self._apply_sort)
            return
        rows: list[Row] = outcome
        replaced, key = sorting.replaced, self._key
        if replaced:  # edits made during the sort show, as they did before it
            rows = [replaced.get(key(row), row) for row in rows]

        def take() -> None:
            self._all = rows
            self._sorts += 1

        self._relayout(take)

    # Ours ---------------------------------------------------------------------------------

    def extra_data(self, row: Row, column: int, role: int) -> Any:
        """Roles beyond text, tooltip and alignment; subclasses add colour or fonts here."""
        return None

    def reload(self) -> None:
        """Load the rows again: here, or for a long list in a worker thread (see the module)."""
        self._generation += 1
        background = self._background
        if background is not None and background.count() >= BACKGROUND_FROM_ROWS:
            if self._worker is not None:
                self._again = True  # started when the load under way is in
            else:
                self._start_background(background)
            return
        self._show(self._arrange(self._load(), self._sort, self._words))

    @property
    def loading(self) -> bool:
        """A background load is under way; the rows on screen are the previous ones."""
        return self._worker is not None

    def _arrange(
        self,
        rows: list[Row],
        sort: tuple[int, Qt.SortOrder] | None,
        words: list[str],
        *,
        searchable: bool = False,
    ) -> _Arranged[Row]:
        """Sort and filter `rows`; pure, so a worker thread may call it. `searchable` also
        works out every row's text for the filter now (a long list, in the worker), so the
        first filter typed does not."""
        if sort is not None:
            rows.sort(key=self._sort_key(sort[0]), reverse=sort[1] == Qt.SortOrder.DescendingOrder)
        haystacks: dict[object, str] = {}
        if searchable:
            self._fill_haystacks(rows, haystacks)
        shown = self._select(rows, words, haystacks) if words else list(rows)
        return _Arranged(rows, shown, haystacks, sort, words)

    def _show(self, arranged: _Arranged[Row]) -> None:
        self.beginResetModel()
        retired = (self._all, self._rows, self._haystacks)
        self._all, self._haystacks = arranged.rows, arranged.haystacks
        self._sorts += 1
        if arranged.sort != self._sort:  # the user sorted while the rows were loading
            self._apply_sort()
        current = arranged.words == self._words and self._condition is None
        self._rows = arranged.shown if current else self._filtered()
        self.endResetModel()
        if len(retired[0]) >= BACKGROUND_FROM_ROWS:
            # Freeing 100,000 rows here would hold the window for a tenth of a second.
            threading.Thread(target=forget, args=(retired,), name="list free", daemon=True).start()
        del retired
        self.reloaded.emit()

    def _start_background(self, background: BackgroundLoad[Row]) -> None:
        load = background.start()
        generation, sort, words = self._generation, self._sort, list(self._words)

        def work() -> None:
            try:
                with bulk_objects():  # no GC passes over the rows: see planner.services.memory
                    outcome: object = self._arrange(load(), sort, words, searchable=True)
            except Exception as error:  # told to the GUI thread, which loads there instead
                outcome = error
            with contextlib.suppress(RuntimeError):  # raised when the model is gone
                self._arrived.emit(generation, outcome)

        self._worker = threading.Thread(target=work, name="list load", daemon=True)
        self._worker.start()
        self.loading_changed.emit(True)

    def _take_arrival(self, generation: int, outcome: object) -> None:
        self._worker = None
        if self._again:  # asked again meanwhile: what arrived may be out of date already
            self._again = False
            self.reload()
            if self._worker is not None:
                return  # still loading
        elif generation == self._generation:
            if isinstance(outcome, _Arranged):
                self._show(outcome)
            else:  # no second connection after all, or it failed: load here
                self._show(self._arrange(self._load(), self._sort, self._words))
        self.loading_changed.emit(False)

    def set_filter(self, text: str, found: AbstractSet[object] | None = None) -> None:
        """Show only the rows whose columns hold every word of `text` (case ignored), or
        whose search key is in `found` (what a search index found for the same text). With
        `found` and no `text`, only the rows found: on a long list the index alone."""
        words = text.casefold().split()
        if words == self._words and found == self._found:
            return
        self.beginResetModel()
        self._words = words
        self._found = found
        self._rows = self._filtered()
        self.endResetModel()

    def set_condition(self, condition: Callable[[Row], bool] | None) -> None:
        """Show only the rows `condition` accepts as well (None: every row the words let
        through): the choices of a filter bar, beside the words typed."""
        if condition is None and self._condition is None:
            return
        self.beginResetModel()
        self._condition = condition
        self._rows = self._filtered()
        self.endResetModel()

    @property
    def filtering(self) -> bool:
        return bool(self._words) or self._found is not None or self._condition is not None

    @property
    def total(self) -> int:
        """Rows loaded, whether the filter shows them or not."""
        return len(self._all)

    def _filtered(self) -> list[Row]:
        found, words = self._found, self._words
        if found is not None and not words:
            rows = self._rows_found(found)
        elif found is not None:  # the words as typed, and what the index found beside
            typed = self._select(self._all, words, self._haystacks)
            seen = {id(row) for row in typed}
            search_key = self._search_key
            rows = typed + [
                row for row in self._all if id(row) not in seen and search_key(row) in found
            ]
            rows.sort(key=self._position_of_row)
        elif words:
            rows = self._select(self._all, words, self._haystacks)
        else:
            rows = self._all
        condition = self._condition
        return [row for row in rows if condition(row)] if condition is not None else list(rows)

    def _positions(self) -> dict[object, int]:
        """Each row's place in _all by its search key, read once per order of the rows."""
        cached = self._search_positions
        if cached is not None and cached[0] == id(self._all) and cached[1] == self._sorts:
            return cached[2]
        search_key = self._search_key
        positions = {search_key(row): place for place, row in enumerate(self._all)}
        self._search_positions = (id(self._all), self._sorts, positions)
        return positions

    def _position_of_row(self, row: Row) -> int:
        return self._positions().get(self._search_key(row), 0)

    def _rows_found(self, found: AbstractSet[object]) -> list[Row]:
        """The rows whose search key is in `found`, in the list's order: a few looked up by
        their place, many by one pass over the rows."""
        rows = self._all
        if len(found) * 4 < len(rows):
            positions = self._positions()
            places = sorted(p for p in map(positions.get, found) if p is not None)
            return [rows[place] for place in places]
        search_key = self._search_key
        return [row for row in rows if search_key(row) in found]

    def _select(self, rows: list[Row], words: list[str], haystacks: dict[object, str]) -> list[Row]:
        """The rows whose columns hold every word; `haystacks` remembers each row's text."""
        if len(haystacks) < len(rows):
            self._fill_haystacks(rows, haystacks)
        key = self._key
        if len(words) == 1:  # the usual case, and twice as fast this way
            (word,) = words
            return [row for row in rows if word in haystacks[key(row)]]
        return [row for row in rows if all(word in haystacks[key(row)] for word in words)]

    def _fill_haystacks(self, rows: list[Row], haystacks: dict[object, str]) -> None:
        """Each row's columns as one case-folded text, for the rows not in `haystacks` yet."""
        key, texts = self._key, [column.text for column in self._columns]
        for row in rows:
            marker = key(row)
            if marker not in haystacks:
                haystacks[marker] = "\n".join([text(row) for text in texts]).casefold()

    def row(self, position: int) -> Row:
        return self._rows[position]

    def key(self, row: Row) -> object:
        """The key the model knows `row` by (for position_of)."""
        return self._key(row)

    def position_of(self, key: object) -> int | None:
        found = self.positions_of_keys({key})
        return found[0] if found else None

    def positions_of_keys(self, keys: set[object]) -> list[int]:
        """Where the rows with these keys are shown, in order: one pass over the rows, with
        the keys made in C (map), 10 ms for 143,000 rows."""
        if not keys:
            return []
        found = map(keys.__contains__, map(self._key, self._rows))
        return [position for position, hit in enumerate(found) if hit]

    def replace(self, row: Row) -> None:
        """Show `row` at once in place of the row with its key: an edit made in this window.
        The reload the edit causes confirms it; for a long list that takes a second or so,
        during which the row on screen would otherwise still show the edit undone."""
        key = self._key(row)
        if self._sorting is not None:
            self._sorting.replaced[key] = row
        for rows in (self._all, self._rows):
            for position, old in enumerate(rows):
                if self._key(old) == key:
                    rows[position] = row
                    break
        if self._haystacks.pop(key, None) is not None:
            self._fill_haystacks([row], self._haystacks)
        shown = self.position_of(key)
        if shown is not None:
            self.dataChanged.emit(self.index(shown, 0), self.index(shown, self.columnCount() - 1))

    def _apply_sort(self) -> None:
        if self._sort is None:
            return
        column, order = self._sort
        self._all.sort(key=self._sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self._sorts += 1

    def _sort_key(self, column: int) -> Callable[[Row], Any]:
        spec = self._columns[column]
        return spec.sort_key or (lambda row: spec.text(row).casefold())
