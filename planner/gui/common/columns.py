"""How a list's columns share its width: the short columns sized to their text, the one column
of running text (an event's name, an email, a goal, a checklist item) taking what is left, and
never less than it needs to be read; short of room, the others give way before it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

from planner.gui.common.table_model import RowTableModel

MAX_FITTED_WIDTH = 420
"""The widest a column is made for its text: longer cells end in "…" (their tooltip or the
detail has them whole), and one long text does not push the other columns out of sight."""

TICK_WIDTH = 24
"""What a cell's tick box takes beside its text (the checklist's Due column)."""

STRETCH_FLOOR = 240
"""The least the running-text column keeps (less if its text is shorter): below that the list
scrolls sideways rather than cut an event's name or an email to a few letters."""


def text_widths(
    view: QTableView,
    model: RowTableModel[Any],
    columns: Iterable[int],
    cap: int = MAX_FITTED_WIDTH,
) -> dict[int, int]:
    """The width each column needs for its text in the first 200 rows, in each cell's own
    font (a must-meet row is bold), up to `cap`, and for its header: cheaper than Qt's
    per-cell sizing of every row."""
    plain = view.fontMetrics()
    fonts: dict[str, QFontMetrics] = {}  # a cell's font, as a key → its metrics
    rows = min(model.rowCount(), 200)
    widths = {}
    for column in columns:
        widest = 0
        for row in range(rows):
            index = model.index(row, column)
            text = str(model.data(index) or "")
            font = model.data(index, Qt.ItemDataRole.FontRole)
            metrics = plain
            if isinstance(font, QFont):
                font = font.resolve(view.font())
                metrics = fonts.get(font.key()) or fonts.setdefault(font.key(), QFontMetrics(font))
            tick = model.data(index, Qt.ItemDataRole.CheckStateRole) is not None
            widest = max(widest, metrics.horizontalAdvance(text) + (tick * TICK_WIDTH))
        header = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        # Room for the cell's padding; the header is bold and carries the sort arrow.
        fitted = min(widest + 28, cap)
        widths[column] = max(fitted, plain.horizontalAdvance(header) * 6 // 5 + 36)
    return widths


def fit_columns(view: QTableView, model: RowTableModel[Any], columns: Iterable[int]) -> None:
    """Size columns to their text (see text_widths)."""
    for column, width in text_widths(view, model, columns).items():
        view.setColumnWidth(column, width)


SHORT_COLUMN = 160
"""A column whose text needs no more than this keeps its whole width (a date, a status, a
count); wider ones (a company, a list of keywords) give up some of theirs, down to this,
before the running-text column is cut short."""


class StretchColumn(QObject):
    """Shares a table's width between its columns: each gets its text's width where there is
    room, the running-text column (`column`) takes what is left over; short of room, the other
    wide columns give up width in proportion to what they have above their least
    (SHORT_COLUMN), then the running text down to STRETCH_FLOOR, and below that the list
    scrolls sideways.

    `fit()` measures the text again (new rows). A column the user drags keeps that width."""

    def __init__(
        self, view: QTableView, model: RowTableModel[Any], column: int, *, squeeze: bool = False
    ) -> None:
        """`squeeze`: short of room, the short columns give way too before the list scrolls
        sideways (the Events and People lists, whose every column says something)."""
        super().__init__(view)
        self._squeeze = squeeze
        self._view, self._model, self._column = view, model, column
        self._wanted: dict[int, int] = {}
        self._least: dict[int, int] = {}
        self._drawn: dict[int, int] = {}  # columns drawn wider than their text (a bar)
        self._whole: set[int] = set()  # columns never cut (a date)
        self._sharing = False
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)

    def keep(self, column: int, width: int) -> None:
        """`column` draws more than its text (a progress bar beside it): never under `width`."""
        self._drawn[column] = width

    def keep_whole(self, column: int) -> None:
        """`column` is never cut short for the others (a due day: cut, it says nothing)."""
        self._whole.add(column)

    def fit(self) -> None:
        view, model = self._view, self._model
        self._wanted = text_widths(view, model, range(model.columnCount()))
        # The running text as long as it is (it is the one to give way last).
        self._wanted.update(text_widths(view, model, [self._column], cap=2 * MAX_FITTED_WIDTH))
        for column, width in self._drawn.items():
            self._wanted[column] = max(self._wanted.get(column, 0), width)
        least = self._view.horizontalHeader().minimumSectionSize()  # Qt keeps every column to it
        self._wanted = {column: max(width, least) for column, width in self._wanted.items()}
        self._least = {
            column: max(
                least, min(width, STRETCH_FLOOR if column == self._column else SHORT_COLUMN)
            )
            for column, width in self._wanted.items()
        }
        self._least.update(self._drawn)
        self._least.update({column: self._wanted[column] for column in self._whole})
        self.share()

    def widths(self, room: int) -> dict[int, int]:
        """Each column's width in `room` pixels."""
        header = self._view.horizontalHeader()
        wanted = {c: w for c, w in self._wanted.items() if not header.isSectionHidden(c)}
        if not wanted:
            return {}
        over = sum(wanted.values()) - room
        if over <= 0:  # room for all: the running text takes the rest
            return {**wanted, self._column: wanted.get(self._column, 0) - over}
        # The other wide columns give way first, in proportion to what they have above their
        # least; the running text only once they are down to theirs.
        widths = dict(wanted)
        # Last, when even that does not fit, the short columns give way too, down to the least
        # Qt allows (a few letters of a date or status cut), before the list scrolls sideways:
        # the running text keeps its least.
        floor = header.minimumSectionSize()
        bottom = {c: min(self._least[c], max(floor, self._drawn.get(c, 0))) for c in wanted}
        others = [c for c in wanted if c != self._column]
        for giving, least in (
            (others, self._least),
            ([self._column], self._least),
            (others if self._squeeze else [], bottom),
        ):
            spare = {c: widths[c] - least[c] for c in giving if c in widths}
            total = sum(spare.values())
            if over <= 0 or not total:
                continue
            cut = min(1.0, over / total)
            for column, room_above in spare.items():
                taken = round(room_above * cut)
                widths[column] -= taken
                over -= taken
        # What rounding left over, from the column with the most to spare.
        for column in sorted(others if self._squeeze else [], key=lambda c: bottom[c] - widths[c]):
            taken = max(0, min(over, widths[column] - bottom[column]))
            widths[column] -= taken
            over -= taken
        return widths

    def share(self) -> None:
        if not self._wanted:
            return
        header = self._view.horizontalHeader()
        self._sharing = True
        try:
            for column, width in self.widths(self._view.viewport().width()).items():
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._sharing = False

    def _resized(self, column: int, _old: int, new: int) -> None:
        if self._sharing or column not in self._wanted:
            return
        # The user dragged it: that is its width from now on, and the others share the rest.
        self._wanted[column] = self._least[column] = new
        if column != self._column:
            self.share()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.share()
        return False
