"""Checklist rules: real due dates, the items that follow from the plan, progress.

Due dates are days relative to the event's start date *at the venue*: "T-1" for a Lisbon
conference is the day before it opens in Lisbon, wherever the user is planning from. Working in
dates (not datetimes) keeps DST changes out of the arithmetic altogether.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from planner.domain.enums import PriorityTier, ResearchStatus
from planner.domain.ids import AttendanceId, ChecklistItemId, GoalId, PersonId
from planner.domain.model import Attendance, ChecklistItem, Event, Goal
from planner.domain.text import drop_invisible

MAX_ITEM_TEXT = 300
"""Characters of a checklist item's or a template's text."""


def tidy_item_text(text: str) -> str:
    """A checklist item's or template's text as it is kept: ends trimmed, without the
    characters of `planner.domain.text.INVISIBLE`."""
    return drop_invisible(text).strip()


def item_problems(text: str, offset_days: int) -> list[str]:
    """What stops a checklist item or template from being saved (empty when nothing)."""
    problems = []
    text = tidy_item_text(text)
    if not text:
        problems.append("The item needs some text.")
    elif len(text) > MAX_ITEM_TEXT:
        problems.append(f"The item is longer than {MAX_ITEM_TEXT} characters.")
    if not -366 <= offset_days <= 366:
        problems.append("The due day must be within a year of the event.")
    return problems


# When the self-ticking items are due, relative to the event start.
SHORTLIST_OFFSET_DAYS = -7
RESEARCH_OFFSET_DAYS = -3

# Research notes count as written once they hold anything but these: every character for which
# str.isspace() is true, spelled out so the database can apply the same rule (SQLite's trim).
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def due_date(event: Event, offset_days: int) -> date:
    return event.local_start.date() + timedelta(days=offset_days)


def offset_for(event: Event, day: date) -> int:
    """The inverse of due_date: how many days `day` is from the event's start date."""
    return (day - event.local_start.date()).days


def offset_label(offset_days: int) -> str:
    """'T-14', 'T-1', 'T', 'T+1': how the routine names a day relative to the event."""
    if offset_days == 0:
        return "T"
    return f"T{offset_days:+d}"


@dataclass(frozen=True, slots=True)
class DynamicItem:
    """An item the plan implies, which ticks itself once its condition holds.

    `key` is stable for the same goal or person, so a calendar export can reuse its UID.
    """

    key: str
    text: str
    due_offset_days: int
    done: bool
    goal_id: GoalId | None = None
    attendance_id: AttendanceId | None = None


RESEARCH_KEY = "research-must-meet"
"""The key of the item for researching the must-meet people (its calendar UID is made from it)."""


def has_research(notes: str) -> bool:
    return bool(notes.strip(WHITESPACE))


def dynamic_items(
    goals: Iterable[Goal],
    attendances: Iterable[Attendance],
    names: dict[PersonId, str],
) -> list[DynamicItem]:
    """One item per goal (done once someone is shortlisted for it) and, when someone is pinned
    as must meet, one for researching them all (done once the research on each is done). `names`
    is not needed for the research item any more; it is kept for callers that pass it."""
    attendances = list(attendances)
    shortlisted = {goal_id for a in attendances for goal_id in a.goal_ids}
    items = [
        DynamicItem(
            key=f"goal-shortlist-{goal.id}",
            text=f"Shortlist people for the goal “{goal.text}”",
            due_offset_days=SHORTLIST_OFFSET_DAYS,
            done=goal.id in shortlisted,
            goal_id=goal.id,
        )
        for goal in goals
    ]
    must = [a for a in attendances if a.tier is PriorityTier.MUST_MEET]
    if must:
        done = sum(1 for a in must if a.research_status is ResearchStatus.DONE)
        items.append(
            DynamicItem(
                key=RESEARCH_KEY,
                text=f"Research the must-meet people ({done} of {len(must)} done)",
                due_offset_days=RESEARCH_OFFSET_DAYS,
                done=done == len(must),
            )
        )
    return items


@dataclass(frozen=True, slots=True)
class ChecklistEntry:
    """A row of the checklist as shown: a stored item or a dynamic one, with its real date."""

    text: str
    due: date
    due_offset_days: int
    done: bool
    item: ChecklistItem | None = None  # None for a dynamic entry
    dynamic: DynamicItem | None = None

    @property
    def is_dynamic(self) -> bool:
        return self.dynamic is not None

    @property
    def item_id(self) -> ChecklistItemId | None:
        return None if self.item is None else self.item.id

    def is_overdue(self, today: date) -> bool:
        return not self.done and self.due < today


def checklist_entries(
    event: Event, items: Sequence[ChecklistItem], dynamic: Sequence[DynamicItem]
) -> list[ChecklistEntry]:
    """Stored items in the user's order, with each dynamic item placed before the first item
    due later than it, so the list still reads as a timeline. Dynamic items due the same day
    keep the order they were given in (goal order, then attendees)."""
    stored = [
        ChecklistEntry(
            item.text,
            due_date(event, item.due_offset_days),
            item.due_offset_days,
            item.done,
            item=item,
        )
        for item in sorted(items, key=lambda i: (i.position, i.id or 0))
    ]
    result = list(stored)
    for extra in sorted(dynamic, key=lambda d: d.due_offset_days):  # stable
        entry = ChecklistEntry(
            extra.text,
            due_date(event, extra.due_offset_days),
            extra.due_offset_days,
            extra.done,
            dynamic=extra,
        )
        at = len(result)
        for index, existing in enumerate(result):
            if existing.due_offset_days > extra.due_offset_days:
                at = index
                break
        result.insert(at, entry)
    return result


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        return round(100 * self.fraction)


def prep_progress(entries: Iterable[ChecklistEntry]) -> Progress:
    entries = list(entries)
    return Progress(sum(1 for e in entries if e.done), len(entries))


@dataclass(frozen=True, slots=True)
class PlanCounts:
    """An event's checklist counted instead of listed: its progress, and whether anything in
    it could be late, without building an entry for every must-meet person.

    `earliest_open_item` is the smallest due offset among stored items not done (None when
    all are done), `earliest_open_after_start` the same among those due after the event's
    first day. Goals stand for the self-ticking items they imply; the must-meet people (pinned)
    for the one research item, done when all of them are researched.
    """

    items: int = 0
    items_done: int = 0
    earliest_open_item: int | None = None
    goals: int = 0
    goals_shortlisted: int = 0
    must_meet: int = 0
    researched: int = 0
    earliest_open_after_start: int | None = None

    @property
    def research_item(self) -> Progress:
        """The research item as counted: none without must-meet people, else one."""
        if not self.must_meet:
            return Progress(0, 0)
        return Progress(int(self.researched >= self.must_meet), 1)

    @property
    def progress(self) -> Progress:
        research = self.research_item
        done = self.items_done + self.goals_shortlisted + research.done
        return Progress(done, self.items + self.goals + research.total)

    @property
    def earliest_open_offset(self) -> int | None:
        """The due offset of the earliest entry not done, stored or self-ticking."""
        offsets = [] if self.earliest_open_item is None else [self.earliest_open_item]
        if self.goals_shortlisted < self.goals:
            offsets.append(SHORTLIST_OFFSET_DAYS)
        if self.researched < self.must_meet:
            offsets.append(RESEARCH_OFFSET_DAYS)
        return min(offsets, default=None)

    def has_overdue(self, event: Event, today: date) -> bool:
        """True when some entry not done was due before `today` (the earliest open one is):
        only then is the checklist worth listing to find which."""
        earliest = self.earliest_open_offset
        return earliest is not None and due_date(event, earliest) < today

    def has_overdue_after_start(self, event: Event, today: date) -> bool:
        """Like has_overdue, counting only what was due after the event's first day (the
        self-ticking items are all due before it)."""
        earliest = self.earliest_open_after_start
        return earliest is not None and due_date(event, earliest) < today
