"""The People page: everyone in the user's network, with the person chosen described beside
the list, and the buttons to add, edit, merge and delete people."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from planner.domain.ids import PersonId
from planner.domain.model import Person
from planner.gui.common.lists import ListPage, details_panel
from planner.gui.context import AppContext
from planner.gui.people.models import PeopleModel
from planner.services.changes import Kind


def tr(text: str) -> str:
    return QCoreApplication.translate("people_page", text)


class PeoplePage(ListPage):
    """Everyone in the user's network: add someone (New Person…), open a person's details
    (double-click, Enter, Edit… or Ctrl+E), merge two who are one, or delete people (several
    at once: Ctrl+click or Shift+click chooses more than one)."""

    new_requested = Signal()
    edit_requested = Signal()
    delete_requested = Signal()
    merge_requested = Signal()
    _to_select: PersonId | None = None  # to select once the list's rows are in

    def __init__(self, context: AppContext) -> None:
        super().__init__(
            context,
            tr("People"),
            PeopleModel(context),
            tr(
                "Nobody here yet. People appear as you import attendee lists, "
                "or add someone with New Person…"
            ),
            stretch_column=3,
            filter_hint=tr("Filter by name, company, title, email…"),
            # The list counts each person's events; the panel tells their story.
            shows=frozenset(
                (Kind.PERSON, Kind.ATTENDANCE, Kind.EVENT, Kind.FOLLOW_UP, Kind.INTERACTION)
            ),
        )
        # Name, company, title, tags, notes and email through the index, accents ignored.
        self.search = lambda text: _found(context, text)
        self.edit_button = QPushButton(tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_requested)
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.clicked.connect(self.delete_requested)
        self.merge_button = QPushButton(tr("Merge…"))
        self.merge_button.setToolTip(tr("Two people chosen who are one: make them one"))
        self.merge_button.clicked.connect(self.merge_requested)
        self.new_button = new_button = QPushButton(tr("New Person…"))
        new_button.setObjectName("primary")
        new_button.clicked.connect(self.new_requested)
        # The buttons sit on a row of their own above the list, as on an event's People tab:
        # beside the title and the filter they would make the window too wide for a laptop.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.edit_button, self.merge_button, self.delete_button, new_button):
            buttons.addWidget(button)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.details, details = details_panel(240)
        # On a narrow window the list scrolls sideways rather than squeeze the address column
        # (which takes what the others leave) down to nothing.
        self.table.horizontalHeader().setMinimumSectionSize(96)
        self.details_area = details
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.removeWidget(self.stack)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([760, 300])
        self.splitter.setChildrenCollapsible(False)
        layout.addLayout(buttons)
        layout.addWidget(self.splitter, 1)
        self.table.activated.connect(self.edit_requested)  # double-click or Enter
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.layoutChanged.connect(self._update_buttons)
        self._update_buttons()

    def selected(self) -> Person | None:
        """The person chosen, when exactly one is."""
        people = self.selected_people()
        return people[0] if len(people) == 1 else None

    def selected_people(self) -> list[Person]:
        """Everyone chosen, in the list's order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.row(row).person for row in rows]

    def select(self, person_id: PersonId | None) -> None:
        """Select the person when they are in the list as shown (not filtered out)."""
        position = None if person_id is None else self.model.position_of(person_id)
        if position is None:
            return
        index = self.model.index(position, 0)
        self.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def select_when_shown(self, person_id: PersonId) -> None:
        """Select the person now, or when the rows that hold them are in (a long list loads
        in the background)."""
        self._to_select = person_id
        if not self.model.loading:
            self._select_pending()

    def _rows_in(self) -> None:
        super()._rows_in()
        self._select_pending()

    def _show_count(self, *_: object) -> None:
        super()._show_count()
        # Nobody to describe: the sentence on how to add people has the page to itself.
        self.details_area.setVisible(self.stack.currentWidget() is self.table)

    def _select_pending(self) -> None:
        person_id, self._to_select = self._to_select, None
        if person_id is not None:
            self.select(person_id)

    def _update_buttons(self, *_: object) -> None:
        chosen = len(self.table.selectionModel().selectedRows())
        self.edit_button.setEnabled(chosen == 1)
        self.delete_button.setEnabled(chosen > 0)
        self.merge_button.setEnabled(chosen == 2)
        self._context.disable_when_read_only(
            self.new_button, self.edit_button, self.delete_button, self.merge_button
        )
        self.show_details()

    def show_details(self) -> None:
        """The person chosen, with their events, follow-ups and meetings; or what to do."""
        from planner.gui.people.person_view import person_html
        from planner.services.people import person_story
        from planner.storage.errors import NotFoundError

        person = self.selected()
        chosen = len(self.table.selectionModel().selectedRows())
        if person is not None and person.id is not None:
            try:
                story = person_story(self._context.workspace, person.id)
            except NotFoundError:  # deleted meanwhile; the list is about to reload
                self.details.clear()
                return
            self.details.setText(person_html(story, date.today()))
        elif chosen:
            hint = tr("%n people chosen. Merge… makes two into one; Delete removes them all.")
            self.details.setText(f"<p>{escape(hint.replace('%n', f'{chosen:,}'))}</p>")
        else:
            hint = tr(
                "Choose someone to see how to reach them, their events, follow-ups and meetings."
            )
            self.details.setText(f"<p style='color:#6b6b6b'>{escape(hint)}</p>")


def _found(context: AppContext, text: str) -> set[object] | None:
    from planner.services.search import find_people

    found = find_people(context.workspace, text)
    return None if found is None else set(found)


def people_page(context: AppContext) -> PeoplePage:
    return PeoplePage(context)
