"""The people in the network who may be one person entered twice, pair by pair: merge a pair
(the merge dialog shows whose details stay) or say they are not the same, which is remembered.
Each answer is one undo step; the list keeps what is left to look at."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.ids import PersonId
from planner.domain.model import Person
from planner.gui.common.columns import fit_columns
from planner.gui.common.lists import make_table
from planner.gui.common.table_model import Column, RowTableModel
from planner.services.duplicates import (
    REASONS,
    SAME_EMAIL,
    SAME_LINKEDIN,
    SAME_NAME_AND_COMPANY,
    SAME_PHONE,
    SIMILAR_NAME_AND_COMPANY,
    PossibleDuplicate,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("duplicates", text)


def reason_text(reason: str) -> str:
    return {
        SAME_LINKEDIN: tr("Same LinkedIn profile"),
        SAME_EMAIL: tr("Same email address"),
        SAME_PHONE: tr("Same phone number"),
        SAME_NAME_AND_COMPANY: tr("Same name at the same company"),
        SIMILAR_NAME_AND_COMPANY: tr("Similar names at the same company"),
    }[reason]


def _who(person: Person) -> str:
    details = " · ".join(text for text in (person.company, person.email) if text)
    return f"{person.full_name}  ({details})" if details else person.full_name


class DuplicatesModel(RowTableModel[PossibleDuplicate]):
    def __init__(
        self, pairs: list[PossibleDuplicate], people: dict[PersonId, Person], parent: Any = None
    ) -> None:
        self.pairs = pairs
        self.people = people
        columns = [
            Column[PossibleDuplicate](tr("Person"), lambda p: _who(self.people[p.first])),
            Column[PossibleDuplicate](
                tr("May be the same as"), lambda p: _who(self.people[p.second])
            ),
            Column[PossibleDuplicate](
                tr("Why"),
                lambda p: reason_text(p.reason),
                sort_key=lambda p: (REASONS.index(p.reason), -p.name_score),  # strongest first
            ),
        ]
        super().__init__(
            columns, lambda: list(self.pairs), key=lambda p: (p.first, p.second), parent=parent
        )


class DuplicatesDialog(QDialog):
    """`merge(first, second, parent)` merges a pair (asking which to keep) and gives the person
    kept, as saved, or None; `dismiss(pairs)` says each pair is two people, True when done."""

    def __init__(
        self,
        pairs: list[PossibleDuplicate],
        people: dict[PersonId, Person],
        merge: Callable[[Person, Person, QWidget], Person | None],
        dismiss: Callable[[Sequence[PossibleDuplicate]], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Possible Duplicates"))
        self.resize(980, 560)
        self._merge = merge
        self._dismiss = dismiss
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = DuplicatesModel(pairs, people, self)
        self.table = make_table(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.activated.connect(self.merge_selected)
        self.merge_button = QPushButton(tr("&Merge…"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.dismiss_button = QPushButton(tr("&Not the Same"))
        self.dismiss_button.setToolTip(
            tr("They are different people: this pair is not proposed again")
        )
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update)
        self.model.reload()
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        fit_columns(self.table, self.model, range(self.model.columnCount()))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._update()

    def chosen(self) -> list[PossibleDuplicate]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.row(row) for row in rows]

    def merge_selected(self, *_: object) -> None:
        chosen = self.chosen()
        if len(chosen) != 1:
            return
        pair = chosen[0]
        people = self.model.people
        kept = self._merge(people[pair.first], people[pair.second], self)
        if kept is None or kept.id is None:
            return
        people[kept.id] = kept  # filled in from the other
        gone = pair.second if kept.id == pair.first else pair.first
        # Every pair with the person who went is settled.
        self._drop(lambda p: gone in (p.first, p.second), self._position(pair))

    def dismiss_selected(self) -> None:
        chosen = self.chosen()
        if not chosen or not self._dismiss(chosen):
            return
        settled = {(p.first, p.second) for p in chosen}
        self._drop(lambda p: (p.first, p.second) in settled, self._position(chosen[0]))

    def _position(self, pair: PossibleDuplicate) -> int | None:
        return self.model.position_of((pair.first, pair.second))

    def _drop(self, settled: Callable[[PossibleDuplicate], bool], at: int | None) -> None:
        """Take the settled pairs off the list; the row that took the place of the one
        answered is chosen next."""
        self.model.pairs = [p for p in self.model.pairs if not settled(p)]
        self.model.reload()
        if self.model.rowCount():
            self.table.selectRow(min(at or 0, self.model.rowCount() - 1))
        self._update()

    def _update(self, *_: object) -> None:
        count = len(self.chosen())
        self.merge_button.setEnabled(count == 1)
        self.dismiss_button.setEnabled(count > 0)
        left = self.model.rowCount()
        if left:
            self.summary.setText(
                tr(
                    "%n pairs of people in your network may each be one person. Merge a pair "
                    "to make it one (you choose whose details stay), or say they are not the "
                    "same and they will not be proposed again."
                ).replace("%n", f"{left:,}")
                if left != 1
                else tr(
                    "One pair of people in your network may be one person. Merge them to make "
                    "them one (you choose whose details stay), or say they are not the same."
                )
            )
        else:
            self.summary.setText(tr("Nothing left to look at: no more possible duplicates."))
