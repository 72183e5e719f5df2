"""Warm introductions for an event's attendees: who the user knows at their company, or who
met them before, with where and when (planner/domain/introductions.py for the rules and texts,
planner/storage/introductions.py for the queries)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from planner.domain.ids import EventId, PersonId
from planner.domain.introductions import Intro, how, summary
from planner.services.workspace import Target, database_of
from planner.storage.introductions import event_introductions

__all__ = ["introduction_how", "introduction_summary", "warm_introductions"]


def warm_introductions(
    target: Target, event_id: EventId, person_ids: Iterable[PersonId] | None = None
) -> dict[PersonId, tuple[Intro, ...]]:
    """Each attendee's warm introductions (the whole list, or these people on it); an empty
    tuple for someone no one could introduce. An attendee never introduces themself."""
    return event_introductions(database_of(target), event_id, person_ids)


def introduction_how(intro: Intro) -> str:
    """How this person could introduce them: "works at Acme too; met at Web Summit 2025"."""
    return how(intro)


def introduction_summary(intros: Sequence[Intro]) -> str:
    """One line for an attendee: "you know 2 people at Acme: Ana (met at Web Summit 2025), Li";
    "" when there is no one."""
    return summary(intros)
