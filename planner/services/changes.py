"""What an edit changed, in the app's terms: the kinds of things and the events they belong to.

Every edit announces one `Changed` (the window's `changed` signal carries it), and each page
reloads only when it shows something of those kinds, for an event it shows: ticking a checklist
item does not reload the list of 20,000 people. `Changed.of(changes)` reads it off the rows a
transaction wrote (a `ChangeSet`), so an edit never has to say it by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from planner.domain.ids import EventId

if TYPE_CHECKING:  # the window loads this module at start-up; change sets come with edits
    from planner.storage.changes import ChangeSet


class Kind(StrEnum):
    EVENT = "event"
    GOAL = "goal"
    CHECKLIST = "checklist"
    ROUTINE = "routine"  # the checklist templates new events are filled from
    PERSON = "person"
    ATTENDANCE = "attendance"  # who is on an event's list, and the plan for each
    INTERACTION = "interaction"
    FOLLOW_UP = "follow-up"
    REVIEW = "review"  # possible duplicates an import left to the user


TABLE_KINDS: dict[str, Kind] = {
    "event": Kind.EVENT,
    "goal": Kind.GOAL,
    "checklist_item": Kind.CHECKLIST,
    "checklist_template": Kind.ROUTINE,
    "person": Kind.PERSON,
    "person_tag": Kind.PERSON,
    "person_link": Kind.PERSON,
    "attendance": Kind.ATTENDANCE,
    "attendance_goal": Kind.ATTENDANCE,
    "interaction": Kind.INTERACTION,
    "interaction_person": Kind.INTERACTION,
    "follow_up": Kind.FOLLOW_UP,
    "import_review": Kind.REVIEW,
    "not_duplicate": Kind.REVIEW,
}
"""The kind each table's rows are; a table not listed here counts as every kind."""


@dataclass(frozen=True, slots=True)
class Changed:
    """`kinds` of things changed, in `events` (None: in any event, or in none: a person's
    details show wherever the person does)."""

    kinds: frozenset[Kind]
    events: frozenset[EventId] | None = None

    @classmethod
    def everything(cls) -> Changed:
        """For work that may have changed anything (removing the sample, opening other data)."""
        return cls(frozenset(Kind))

    @classmethod
    def only(cls, *kinds: Kind, event: EventId | None = None) -> Changed:
        return cls(frozenset(kinds), None if event is None else frozenset((event,)))

    @classmethod
    def of(cls, changes: ChangeSet) -> Changed:
        """What the rows of `changes` are: their kinds, and the events they belong to when
        every changed row belongs to one (an event's own rows, or rows with an event_id)."""
        kinds: set[Kind] = set()
        events: set[EventId] | None = set()
        for table in changes.tables:
            if not table.rows and not table.added:
                continue
            kind = TABLE_KINDS.get(table.table)
            if kind is None:
                return cls.everything()
            kinds.add(kind)
            column = "id" if table.table == "event" else "event_id"
            if events is None or column not in table.columns:
                events = None
                continue
            at = table.columns.index(column)
            for before, after in table.rows:
                events.update(EventId(row[at]) for row in (before, after) if row is not None)
            if table.added:
                events.update(EventId(value) for value in table.added[at])
        return cls(frozenset(kinds), None if events is None else frozenset(events))

    def __or__(self, other: Changed) -> Changed:
        events = None if self.events is None or other.events is None else self.events | other.events
        return Changed(self.kinds | other.kinds, events)

    def touches(self, kinds: frozenset[Kind] | set[Kind], event: EventId | None = None) -> bool:
        """True when something of `kinds` changed (for `event`, when one is given)."""
        if not self.kinds & kinds:
            return False
        return event is None or self.events is None or event in self.events
