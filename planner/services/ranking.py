"""Whom to meet at an event: its attendees ranked against its goals (planner/domain/ranking.py),
read through storage, and a place for what else the list shows beside each of them.

Nothing here is loaded when the app starts: the synonym table is read the first time an event
is ranked, once per process.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from planner.domain.ids import EventId, PersonId
from planner.domain.matching import Vocabulary, vocabulary_from
from planner.domain.ranking import Ranked, Ranker
from planner.services.resources import RESOURCES
from planner.services.workspace import Target, database_of
from planner.storage.goals import GoalRepository
from planner.storage.ranking import attendee_facts

__all__ = [
    "SYNONYMS",
    "IntroductionFinder",
    "WarmIntroduction",
    "rank_event",
    "vocabulary",
    "warm_introductions",
]

SYNONYMS = RESOURCES / "ranking" / "synonyms.json"


@cache
def vocabulary() -> Vocabulary:
    """The shipped synonym table, read once."""
    return vocabulary_from(json.loads(SYNONYMS.read_text(encoding="utf-8")))


def rank_event(target: Target, event_id: EventId) -> list[Ranked]:
    """The event's attendees in rank order, each with their score and why."""
    db = database_of(target)
    goals = GoalRepository(db).for_event(event_id)
    return Ranker(goals, vocabulary()).rank(attendee_facts(db, event_id))


@dataclass(frozen=True, slots=True)
class WarmIntroduction:
    """Someone the user knows who could introduce them, and how they know them."""

    name: str
    how: str


IntroductionFinder = Callable[
    [Target, EventId, Sequence[PersonId]], Mapping[PersonId, Sequence[WarmIntroduction]]
]
"""The hook for warm introductions: given the ranked people, who could introduce each."""


def _introductions(
    target: Target, event_id: EventId, people: Sequence[PersonId]
) -> dict[PersonId, tuple[WarmIntroduction, ...]]:
    from planner.services.introductions import introduction_how
    from planner.services.introductions import warm_introductions as find

    found = find(target, event_id, people)
    # The colleagues at one company are one tuple shared by its attendees: converted once.
    converted: dict[int, tuple[WarmIntroduction, ...]] = {}
    result = {}
    for person, intros in found.items():
        key = id(intros)
        if key not in converted:
            converted[key] = tuple(WarmIntroduction(i.name, introduction_how(i)) for i in intros)
        result[person] = converted[key]
    return result


def warm_introductions(
    target: Target,
    event_id: EventId,
    ranked: Sequence[Ranked],
    finder: IntroductionFinder | None = None,
) -> dict[PersonId, tuple[WarmIntroduction, ...]]:
    """Each ranked person's warm introductions, from `finder`, by default
    services/introductions.py: who the user knows at their company, or who met them before."""
    people = [r.facts.person_id for r in ranked]
    found = (finder or _introductions)(target, event_id, people)
    return {person: tuple(found.get(person, ())) for person in people}
