"""Research on an event's attendees, for one person or a whole selection at once: pin a tier,
say how far the research has gone, tag people, link them to a goal (taking the ranking's
suggestion is linking to the goal it names). Each call is one transaction, so the window makes
it one undo step (gui/common/operations.py records it)."""

from __future__ import annotations

from collections.abc import Sequence

from planner.domain.enums import PriorityTier, ResearchStatus
from planner.domain.ids import AttendanceId, EventId, GoalId, PersonId
from planner.domain.rules import ValidationError
from planner.domain.tags import tag_problems, tidy_tags
from planner.services.workspace import Target, database_of
from planner.storage import research as store

__all__ = [
    "all_tags",
    "attendance_of",
    "link_to_goal",
    "must_meet_research",
    "person_tags",
    "set_research_status",
    "set_tier",
    "tag_people",
    "untag_people",
]


def set_tier(
    target: Target, attendance_ids: Sequence[AttendanceId], tier: PriorityTier | None
) -> int:
    """Pin `tier` on these attendances (None: let the score suggest one); how many changed."""
    with database_of(target).transaction() as conn:
        return store.set_pinned_tier(conn, attendance_ids, tier.value if tier else None)


def set_research_status(
    target: Target, attendance_ids: Sequence[AttendanceId], status: ResearchStatus
) -> int:
    with database_of(target).transaction() as conn:
        return store.set_research_status(conn, attendance_ids, status.value)


def link_to_goal(target: Target, attendance_ids: Sequence[AttendanceId], goal_id: GoalId) -> int:
    """Link these attendances to one of their event's goals: they count towards its target once
    met. How many were not linked to it before."""
    with database_of(target).transaction() as conn:
        return store.link_goal(conn, attendance_ids, goal_id)


def _checked(tags: Sequence[str]) -> list[str]:
    kept = tidy_tags(tags)
    problems = tag_problems(kept)
    if problems:
        raise ValidationError(problems)
    return kept


def tag_people(target: Target, person_ids: Sequence[PersonId], tags: Sequence[str]) -> int:
    """Give each person each tag (tidied: see domain/tags.py); how many tags were new."""
    kept = _checked(tags)
    with database_of(target).transaction() as conn:
        return store.add_tags(conn, person_ids, kept)


def untag_people(target: Target, person_ids: Sequence[PersonId], tags: Sequence[str]) -> int:
    kept = _checked(tags)
    with database_of(target).transaction() as conn:
        return store.remove_tags(conn, person_ids, kept)


def person_tags(target: Target, person_id: PersonId) -> tuple[str, ...]:
    return store.tags_of(database_of(target).connection, person_id)


def all_tags(target: Target) -> list[tuple[str, int]]:
    """The tags in use, each with how many people have it, the most used first."""
    return store.tag_counts(database_of(target).connection)


def must_meet_research(target: Target, event_id: EventId) -> dict[ResearchStatus, int]:
    """How many of the event's must-meet people are at each research status."""
    found = store.pinned_research(database_of(target).connection, event_id)
    return {status: found.get(status.value, 0) for status in ResearchStatus}


def attendance_of(target: Target, event_id: EventId, person_id: PersonId) -> AttendanceId | None:
    """The person's place on the event's list, if they are on it."""
    return store.attendance_of(database_of(target).connection, event_id, person_id)
