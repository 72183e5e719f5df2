"""What the list pages share: a table in the app's style, filtering as one types, the
details panel beside a list, and `ListPage`, the titled, filterable list of People and
Follow-ups."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.gui.common.columns import StretchColumn
from planner.gui.common.table_model import RowTableModel
from planner.gui.common.widgets import EmptyState, RefreshWhenShown, SampleBanner, page_title
from planner.gui.context import AppContext
from planner.services.changes import Kind


def tr(text: str) -> str:
    return QCoreApplication.translate("pages", text)


def make_table(model: RowTableModel[Any], *, sortable: bool = True) -> QTableView:
    """A table in the app's style. Lists in the user's own order pass sortable=False."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    # Enabling sorting sorts at once by the header's indicator, which starts out descending:
    # a new table lists its first column A to Z instead.
    view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(sortable)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)  # arrows move in the list; Tab moves on to the next control
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(30)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class DownToList(QObject):
    """Down (or Page Down) in a filter box moves to the list below it, on its first row, as
    in a search field: typing, then arrows, without reaching for the mouse."""

    def __init__(self, box: QLineEdit, table: QTableView) -> None:
        super().__init__(box)
        self._table = table
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        down = (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
        )
        if not down or not self._table.model().rowCount():
            return False
        self._enter_list()
        return True

    def _enter_list(self) -> None:
        table = self._table
        model = table.model()
        if not table.selectionModel().hasSelection():
            # The first row that can be chosen (the picker greys out some), among the first 50.
            for row in range(min(model.rowCount(), 50)):
                index = model.index(row, 0)
                if model.flags(index) & Qt.ItemFlag.ItemIsSelectable:
                    table.setCurrentIndex(index)
                    break
        table.setFocus(Qt.FocusReason.ShortcutFocusReason)


FILTER_DELAY_MS = 150
"""Typing pauses this long before a list is filtered (a long list is not filtered at every
key)."""


INDEX_ONLY_FROM = 5_000
"""Rows from which a list filters through the search index alone: below, the words typed
also match inside any column, as before there was an index (a name's middle, a phone)."""


def filter_with_index(
    model: RowTableModel[Any],
    text: str,
    search: Callable[[str], AbstractSet[object] | None] | None,
) -> None:
    """Filter `model` by the words typed and what `search` (the people index) finds for
    them: accents and case ignored, tags and notes found too. A long list is filtered by the
    index alone, which keeps each keystroke within a frame at 100,000 people."""
    found = search(text) if search is not None and text.strip() else None
    if found is not None and model.total >= INDEX_ONLY_FROM:
        model.set_filter("", found)
    else:
        model.set_filter(text, found)


def filter_as_you_type(box: QLineEdit, apply: Callable[[], None]) -> QTimer:
    """Call `apply` once typing in `box` pauses for FILTER_DELAY_MS, or at once on Enter.
    The timer is returned for `apply` to stop (Enter while it runs)."""
    timer = QTimer(box)
    timer.setSingleShot(True)
    timer.setInterval(FILTER_DELAY_MS)
    timer.timeout.connect(apply)
    box.textChanged.connect(lambda _: timer.start())
    box.returnPressed.connect(apply)
    return timer


def details_panel(min_width: int) -> tuple[QLabel, QScrollArea]:
    """The panel beside a list that describes the row chosen: rich text the caller builds
    from escaped text only, with working links (web, mail, phone), in a scroll area so long
    notes scroll rather than run off the bottom."""
    label = QLabel()
    label.setObjectName("details")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setOpenExternalLinks(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    area = QScrollArea()
    area.setWidget(label)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setMinimumWidth(min_width)
    return label, area


class ListPage(RefreshWhenShown, QWidget):
    """A titled, sortable, filterable list with an empty state: the People and Follow-ups
    pages. Every word typed in the filter must appear in some column (Edit > Find, Ctrl+F).
    While the sample is there, the banner above the list says so."""

    remove_sample_requested = Signal()

    def __init__(
        self,
        context: AppContext,
        title: str,
        model: RowTableModel[Any],
        empty_text: str,
        stretch_column: int,
        filter_hint: str,
        shows: frozenset[Kind],
    ) -> None:
        """`shows`: the kinds of things in its rows; a change of any other kind leaves it be."""
        super().__init__()
        self._context = context
        self.model = model
        self.banner = SampleBanner()
        self.banner.remove_requested.connect(self.remove_sample_requested)
        model.setParent(self)
        self.table = make_table(model)
        self.empty = EmptyState(empty_text)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.count = QLabel()
        self.count.setObjectName("countLabel")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(filter_hint)
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaximumWidth(320)
        # Wide enough for its hint ("Filter by name, company, title, email…") to be read.
        self.filter.setMinimumWidth(
            min(320, self.filter.fontMetrics().horizontalAdvance(filter_hint) + 40)
        )
        self.filter.setAccessibleName(filter_hint)
        DownToList(self.filter, self.table)
        self._filter_timer = filter_as_you_type(self.filter, self.apply_filter)
        header = self.header = QHBoxLayout()
        header.addWidget(page_title(title))
        header.addStretch(1)
        header.addWidget(self.count)
        header.addSpacing(12)
        header.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.columns = StretchColumn(self.table, model, stretch_column, squeeze=True)
        self._sized = False  # columns fitted to the first rows shown
        self._kept: set[object] = set()  # keys of the rows chosen before the rows were replaced
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        model.reloaded.connect(self._rows_in)
        model.loading_changed.connect(self._show_count)
        self.watch(context.changed, shows)

    def refresh(self) -> None:
        """Loaded when first shown, not at start-up: the people list can be long (and a long
        one loads in the background: `_rows_in` runs when its rows are in)."""
        self._stale = False
        self.banner.show_for(self._context.workspace)
        self.model.reload()

    def _rows_in(self) -> None:
        if not self._sized and self.model.total:
            self._sized = True
            self.columns.fit()
        if self.search is not None and self.filter.text().strip():
            self.apply_filter()  # the index asked again: the new rows may hold more it finds
        self._show_count()

    def _remember_selection(self) -> None:
        model = self.model
        self._kept = {
            model.key(model.row(index.row()))
            for index in self.table.selectionModel().selectedRows()
        }

    def _restore_selection(self) -> None:
        """Choose again, in one pass over the rows, the rows chosen before a reload or a new
        filter (an edit reloads the list; the person edited stays chosen)."""
        kept, self._kept = self._kept, set()
        if not kept:
            return
        model = self.model
        positions = model.positions_of_keys(kept)
        if not positions:
            return
        selection = QItemSelection()
        last = model.columnCount() - 1
        start = previous = positions[0]
        for position in [*positions[1:], None]:
            if position is not None and position == previous + 1:
                previous = position
                continue
            selection.select(model.index(start, 0), model.index(previous, last))
            if position is not None:
                start = previous = position
        selections = self.table.selectionModel()
        selections.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        selections.setCurrentIndex(
            model.index(positions[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
        )

    search: Callable[[str], AbstractSet[object] | None] | None = None
    """What a search index finds for the words typed (None: the list's own filter only)."""

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        filter_with_index(self.model, self.filter.text(), self.search)
        self._show_count()

    def focus_filter(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def _show_count(self, *_: object) -> None:
        rows, total, loading = self.model.rowCount(), self.model.total, self.model.loading
        if loading and not total:
            text = self.tr("Loading…")
        elif self.model.filtering:
            text = self.tr("%1 of %2 shown").replace("%1", f"{rows:,}").replace("%2", f"{total:,}")
        else:
            text = self.tr("%n shown").replace("%n", f"{rows:,}")
        self.count.setText(text)
        self.stack.setCurrentWidget(self.table if total or loading else self.empty)
