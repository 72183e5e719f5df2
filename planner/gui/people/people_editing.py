"""People from the window: adding, editing, merging and deleting them, putting them on an
event's list or taking them off, and going through the possible duplicates of the network.
Each change is one step on the undo stack.

The first time, a step runs the service (which checks and tidies what was typed); undo and
redo then write back exactly the rows it changed, with the same ids, so a person deleted and
brought back keeps their events, plans, follow-ups and meetings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from planner.domain.ids import EventId, PersonId
from planner.domain.model import Person
from planner.gui.common.formatting import tr_n
from planner.gui.common.widgets import exec_once
from planner.gui.context import AppContext
from planner.services.changes import Changed, Kind
from planner.services.duplicates import NotDuplicates, PossibleDuplicate, mark_not_duplicates
from planner.services.listings import people_on_list
from planner.services.people import (
    ListChange,
    PeopleDeleted,
    PersonChange,
    add_person,
    add_to_event,
    delete_people,
    delete_person,
    get_person,
    merge_people,
    merge_preview,
    person_links,
    remove_from_event,
    save_person,
)
from planner.storage.attendances import AttendeeListing
from planner.storage.errors import NotFoundError

if TYPE_CHECKING:
    from planner.gui.common.tasks import BackgroundTask

Change = TypeVar("Change", PersonChange, ListChange, PeopleDeleted, NotDuplicates)


def tr(text: str) -> str:
    return QCoreApplication.translate("people", text)


def _count(n: int, one: str, many: str) -> str:
    return tr_n("people_editing", many, n, one=one)


class PeopleEditing:
    def __init__(
        self, context: AppContext, parent: QWidget, announce: Callable[[str], None]
    ) -> None:
        self._context = context
        self._parent = parent
        self._announce = announce  # a passing message (the status bar)
        self.search: BackgroundTask | None = None  # the duplicate search under way, kept alive

    def _region(self) -> str | None:
        from planner.gui.importing.controller import user_region

        return user_region()

    def _push(self, label: str, first: Callable[[], Change | None]) -> Change | None:
        """Run `first` as one undo step; later redos and undos replay the rows it changed.
        None when it changed nothing (still a step, as the user asked for it) or failed."""
        from planner.gui.common.operations import Operation

        return (
            Operation(self._context, lambda target: first())
            .undoable(label, steps=lambda change: () if change is None else change.rows)
            .run()
        )

    def add(self, parent: QWidget | None = None) -> PersonId | None:
        """Ask for a new person's details and add them; their id, or None if cancelled."""
        from planner.gui.people.person_dialog import PersonDialog

        region = self._region()
        dialog = PersonDialog(
            self._context.workspace, default_region=region, parent=parent or self._parent
        )
        if not exec_once(dialog):
            return None
        person = dialog.person_value()
        workspace = self._context.workspace
        change = self._push(
            tr("Add %1").replace("%1", person.full_name),
            lambda: add_person(workspace, person, default_region=region),
        )
        return None if change is None else change.person_id

    def edit(self, person_id: PersonId) -> None:
        """Show the person's details to edit; saving what changed is one undo step."""
        from planner.gui.people.person_dialog import PersonDialog

        workspace = self._context.workspace
        try:
            person = get_person(workspace, person_id)
        except NotFoundError:
            self._context.failed.emit(tr("This person no longer exists."))
            self._context.changed.emit(Changed.only(Kind.PERSON))
            return
        region = self._region()
        dialog = PersonDialog(workspace, person, default_region=region, parent=self._parent)
        if not exec_once(dialog):
            return
        after = dialog.person_value()
        if after == person:
            return
        self._push(
            tr("Edit %1").replace("%1", after.full_name),
            lambda: save_person(workspace, after, default_region=region),
        )

    def delete(self, person_id: PersonId) -> None:
        """Delete the person and what is about them alone; undo brings it all back."""
        workspace = self._context.workspace
        try:
            name = get_person(workspace, person_id).full_name
        except NotFoundError:
            self._context.changed.emit(Changed.only(Kind.PERSON))
            return
        links = person_links(workspace, person_id)
        change = self._push(
            tr("Delete %1").replace("%1", name), lambda: delete_person(workspace, person_id)
        )
        if change is None:
            return
        taken = [
            _count(n, one, many)
            for n, one, many in (
                (
                    links.events,
                    "their place on %n event's list",
                    "their places on %n events' lists",
                ),
                (links.follow_ups, "%n follow-up", "%n follow-ups"),
                (links.interactions, "%n meeting", "%n meetings"),
            )
            if n
        ]
        if taken:
            listed = ", ".join(taken[:-1]) + tr(" and ") + taken[-1] if len(taken) > 1 else taken[0]
            message = tr("Deleted %1, with %2.").replace("%1", name).replace("%2", listed)
        else:
            message = tr("Deleted %1.").replace("%1", name)
        self._announce(message + " " + tr("Undo with Ctrl+Z."))

    def add_to_list(self, event_id: EventId, event_name: str) -> list[PersonId]:
        """Choose people from the network (or add someone new) and put them on the event's
        list; those put on it, or none when cancelled."""
        from planner.gui.people.people_picker import PeoplePicker

        workspace = self._context.workspace
        on_list = people_on_list(workspace, event_id)
        picker = PeoplePicker(
            self._context, event_name, on_list, lambda: self.add(parent=picker), self._parent
        )
        if not exec_once(picker):
            return []
        chosen = picker.chosen()
        count = len(chosen)
        label = (
            tr("Put %1 on the List").replace("%1", get_person(workspace, chosen[0]).full_name)
            if count == 1
            else tr("Put %n People on the List").replace("%n", f"{count:,}")
        )
        change = self._push(label, lambda: add_to_event(workspace, event_id, chosen))
        if change is None:
            return []
        self._announce(
            _count(
                change.changed,
                "%n person put on the list of %1.",
                "%n people put on the list of %1.",
            ).replace("%1", event_name)
            + " "
            + tr("Undo with Ctrl+Z.")
        )
        return chosen

    def remove_from_list(self, listing: AttendeeListing, event_name: str) -> None:
        """Take the person off the event's list, with the plan for them there."""
        attendance_id = listing.attendance.id
        if attendance_id is None:
            return
        workspace = self._context.workspace
        change = self._push(
            tr("Take %1 off the List").replace("%1", listing.full_name),
            lambda: remove_from_event(workspace, [attendance_id]),
        )
        if change is not None:
            self._announce(
                tr("Took %1 off the list of %2.")
                .replace("%1", listing.full_name)
                .replace("%2", event_name)
                + " "
                + tr("Undo with Ctrl+Z.")
            )

    def delete_many(self, person_ids: list[PersonId]) -> None:
        """Delete the people chosen, in one undo step."""
        if len(person_ids) == 1:
            self.delete(person_ids[0])
            return
        workspace = self._context.workspace
        count = len(person_ids)
        change = self._push(
            tr("Delete %n People").replace("%n", f"{count:,}"),
            lambda: delete_people(workspace, person_ids),
        )
        if change is not None:
            self._announce(
                tr(
                    "Deleted %n people, with their places on events' lists, follow-ups and "
                    "meetings."
                ).replace("%n", f"{count:,}")
                + " "
                + tr("Undo with Ctrl+Z.")
            )

    def merge(
        self, first: Person, second: Person, parent: QWidget | None = None
    ) -> PersonId | None:
        """Ask which of two people to keep, and fold the other into them; the one kept."""
        from planner.gui.people.merge_dialog import MergeDialog

        workspace = self._context.workspace
        assert first.id is not None and second.id is not None
        events = (
            person_links(workspace, first.id).events,
            person_links(workspace, second.id).events,
        )
        dialog = MergeDialog(
            first,
            second,
            events,
            lambda keeper, absorbed: merge_preview(workspace, keeper, absorbed),
            parent or self._parent,
        )
        if not exec_once(dialog):
            return None
        keeper, absorbed = dialog.chosen()
        kept, gone = (first, second) if keeper == first.id else (second, first)
        change = self._push(
            tr("Merge %1 and %2").replace("%1", kept.full_name).replace("%2", gone.full_name),
            lambda: merge_people(workspace, keeper, absorbed),
        )
        if change is None:
            return None
        if gone.full_name == kept.full_name:
            message = tr("Merged the two entries for %1.").replace("%1", kept.full_name)
        else:
            message = (
                tr("Merged %1 into %2.").replace("%1", gone.full_name).replace("%2", kept.full_name)
            )
        self._announce(message + " " + tr("Undo with Ctrl+Z."))
        return keeper

    def merged(self, first: Person, second: Person, parent: QWidget) -> Person | None:
        """`merge`, giving the person kept as now saved (for a list that shows them)."""
        kept = self.merge(first, second, parent)
        return None if kept is None else get_person(self._context.workspace, kept)

    def dismiss(self, pairs: Sequence[PossibleDuplicate]) -> bool:
        """Remember that each pair is two people (one undo step); False if that failed."""
        workspace = self._context.workspace
        count = len(pairs)
        if count == 1:
            first = get_person(workspace, pairs[0].first)
            second = get_person(workspace, pairs[0].second)
            label = (
                tr("Not the Same: %1 and %2")
                .replace("%1", first.full_name)
                .replace("%2", second.full_name)
            )
        else:
            label = tr("Not the Same: %n Pairs").replace("%n", f"{count:,}")
        change = self._push(
            label, lambda: mark_not_duplicates(workspace, [(p.first, p.second) for p in pairs])
        )
        return change is not None

    def find_duplicates(self) -> None:
        """Look through the whole network for people who may be one (in the background: 1.2 s
        for 143,000 people), then go through the pairs."""
        from planner.gui.common.operations import Operation
        from planner.services.duplicates import find_duplicates

        def found(pairs: list[PossibleDuplicate]) -> None:
            self.search = None
            if not search.cancelled():  # what was found before the user cancelled
                self._go_through(pairs)

        def ended(error: BaseException) -> None:
            self.search = None

        search = (
            Operation(
                self._context,
                lambda target: find_duplicates(target, cancelled=search.cancelled),
                self._parent,
            )
            .success(found)
            .failure(ended)
        )
        # The GUI thread's connection stays the window's: the search reads on its own.
        self.search = search.run_in_background(tr("Looking for people entered twice…"))

    def _go_through(self, pairs: list[PossibleDuplicate]) -> None:
        from planner.gui.common.messages import show_information
        from planner.gui.people.duplicates_dialog import DuplicatesDialog
        from planner.services.duplicates import people_by_id

        if not pairs:
            show_information(self._parent, tr("Nobody in your network looks entered twice."))
            return
        ids = {person for pair in pairs for person in (pair.first, pair.second)}
        people = people_by_id(self._context.workspace, ids)
        pairs = [p for p in pairs if p.first in people and p.second in people]
        dialog = DuplicatesDialog(pairs, people, self.merged, self.dismiss, self._parent)
        exec_once(dialog)
