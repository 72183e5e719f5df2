"""Possible duplicates an import could not decide on: the user says same person or not."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
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
from planner.gui.context import AppContext


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
                "brought; nothing you typed is overwritten."
            )
        )
        intro.setWordWrap(True)
        self.items = QListWidget()
        self.items.setAlternatingRowColors(True)
        self.items.setWordWrap(True)
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
        review = self.current()
        has = review is not None
        self.merge_button.setEnabled(has)
        self.keep_button.setEnabled(has)
        if review is None:
            self.detail.setText(escape(tr("Nothing left to review.")))
            return
        self.detail.setText(
            "<table width='100%'><tr>"
            f"<td width='50%'><b>{escape(tr('From the list'))}</b><br>"
            f"{escape(describe(review.new_person)).replace(chr(10), '<br>')}</td>"
            f"<td><b>{escape(tr('Already in your network'))}</b><br>"
            f"{escape(describe(review.existing_person)).replace(chr(10), '<br>')}</td>"
            "</tr></table>"
        )

    def current(self) -> Any:
        row = self.items.currentRow()
        return self._reviews[row] if 0 <= row < len(self._reviews) else None

    def resolve(self, *, merge: bool) -> None:
        from planner.services.review import redo_resolution, resolve_review, undo_resolution

        review = self.current()
        if review is None:
            return
        workspace = self._context.workspace
        state: dict[str, Any] = {}

        def do() -> None:
            if "resolution" in state:
                redo_resolution(workspace, state["resolution"])
            else:
                state["resolution"] = resolve_review(workspace, review.id, merge=merge)

        label = tr("Merge %1") if merge else tr("Keep %1 Separate")
        self._context.push(
            label.replace("%1", review.new_person.full_name),
            do,
            lambda: undo_resolution(workspace, state["resolution"]),
        )
