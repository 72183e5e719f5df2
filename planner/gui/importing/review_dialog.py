"""Possible duplicates an import could not decide on: the user says same person or not.

Several pairs can be selected (Shift, Ctrl, Ctrl+A) and answered at once: one transaction and
one undo step, run off the GUI thread when there are many."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.ids import EventId
from planner.domain.model import Person
from planner.gui.common.formatting import breakable
from planner.gui.context import AppContext

if TYPE_CHECKING:
    pass

T = TypeVar("T")
ROWS_PER_PAIR = 7
"""About how many rows answering one pair writes: with waiting.LONG_CHANGE_ROWS, about 2,900
pairs answered together run in a worker thread (1,429 merges take 0.24 s, their undo 0.1 s)."""


def tr(text: str) -> str:
    return QCoreApplication.translate("review", text)


def describe(person: Person) -> str:
    parts = [person.full_name]
    work = " · ".join(p for p in (person.title, person.company) if p)
    if work:
        parts.append(work)
    if person.email:
        parts.append(person.email)
    return "\n".join(parts)


class ReviewDialog(QDialog):
    def __init__(self, context: AppContext, event_id: EventId, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._event_id = event_id
        self.setWindowTitle(tr("Possible Duplicates"))
        self.resize(760, 460)
        intro = QLabel(
            tr(
                "The import found people who look like someone already in your network. "
                "Merging keeps everything you knew about the person and adds what the list "
                "brought; nothing you typed is overwritten. Select several pairs (Ctrl+A for "
                "all) to give them the same answer at once."
            )
        )
        intro.setWordWrap(True)
        self.items = QListWidget()
        self.items.setAlternatingRowColors(True)
        self.items.setWordWrap(True)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setWordWrap(True)
        self.merge_button = QPushButton(tr("&Same Person: Merge"))
        self.merge_button.setObjectName("primary")
        self.keep_button = QPushButton(tr("&Different People"))
        self.merge_button.clicked.connect(lambda: self.resolve(merge=True))
        self.keep_button.clicked.connect(lambda: self.resolve(merge=False))
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.keep_button)
        actions.addWidget(self.merge_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.detail)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.items.currentRowChanged.connect(self._show)
        self.items.itemSelectionChanged.connect(self._show)
        context.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        from planner.services.review import pending_reviews

        row = max(0, self.items.currentRow())
        self.items.clear()
        self._reviews = pending_reviews(self._context.workspace, self._event_id)
        for review in self._reviews:
            item = QListWidgetItem(
                tr("%1  ↔  %2   (%3% alike, line %4 of %5)")
                .replace("%1", review.new_person.full_name)
                .replace("%2", review.existing_person.full_name)
                .replace("%3", str(round(review.score)))
                .replace("%4", str(review.line))
                .replace("%5", review.source)
            )
            item.setData(Qt.ItemDataRole.UserRole, review.id)
            self.items.addItem(item)
        if self._reviews:
            self.items.setCurrentRow(min(row, len(self._reviews) - 1))
        self._show()

    def _show(self, *_: Any) -> None:
        chosen = self.selected()
        self.merge_button.setEnabled(bool(chosen))
        self.keep_button.setEnabled(bool(chosen))
        if len(chosen) > 1:
            self.detail.setText(
                escape(
                    tr("%1 pairs selected: your answer applies to each of them.").replace(
                        "%1", str(len(chosen))
                    )
                )
            )
            return
        review = chosen[0] if chosen else None
        if review is None:
            self.detail.setText(escape(tr("Nothing left to review.") if not self._reviews else ""))
            return
        self.detail.setText(
            "<table width='100%'><tr>"
            f"<td width='50%'><b>{escape(tr('From the list'))}</b><br>"
            f"{escape(breakable(describe(review.new_person))).replace(chr(10), '<br>')}</td>"
            f"<td><b>{escape(tr('Already in your network'))}</b><br>"
            f"{escape(breakable(describe(review.existing_person))).replace(chr(10), '<br>')}</td>"
            "</tr></table>"
        )

    def current(self) -> Any:
        row = self.items.currentRow()
        return self._reviews[row] if 0 <= row < len(self._reviews) else None

    def selected(self) -> list[Any]:
        """The selected pairs in list order."""
        rows = sorted(index.row() for index in self.items.selectedIndexes())
        return [self._reviews[row] for row in rows if 0 <= row < len(self._reviews)]

    def resolve(self, *, merge: bool) -> None:
        from planner.gui.common.operations import Operation
        from planner.services.review import resolve_reviews

        chosen = self.selected()
        if not chosen:
            return
        ids = [review.id for review in chosen]
        if len(chosen) == 1:
            label = tr("Merge %1") if merge else tr("Keep %1 Separate")
            text = label.replace("%1", chosen[0].new_person.full_name)
        else:
            label = tr("Merge %1 Pairs") if merge else tr("Keep %1 Pairs Separate")
            text = label.replace("%1", str(len(chosen)))
        # A pair writes about seven rows: many pairs are settled on a worker while the app
        # waits, and so are their undo and redo.
        settling = tr("Settling %1 possible duplicates…").replace("%1", f"{len(ids):,}")
        Operation(
            self._context,
            lambda target: resolve_reviews(target, ids, merge=merge),
            self.parentWidget(),
        ).undoable(
            text,
            steps=lambda resolutions: tuple(r.rows for r in resolutions),
            waiting=(settling, settling),
        ).long(settling, len(ids) * ROWS_PER_PAIR).run()
