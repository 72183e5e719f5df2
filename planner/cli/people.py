"""`planner tier EVENT PERSON TIER` and `planner tag PERSON TAG...`: pinning whom to meet and
tagging people from the command line. PERSON is an id, an email or a unique part of the name."""

from __future__ import annotations

import argparse

from planner.cli.output import CommandError
from planner.domain.enums import PriorityTier
from planner.services.events import EventService
from planner.services.research import attendance_of, person_tags, set_tier, tag_people, untag_people
from planner.services.search import resolve_person
from planner.services.workspace import Workspace

__all__ = ["TIER_WORDS", "run_tag", "run_tier"]

TIER_WORDS: dict[str, PriorityTier | None] = {
    "must": PriorityTier.MUST_MEET,
    "should": PriorityTier.SHOULD_MEET,
    "nice": PriorityTier.NICE_TO_MEET,
    "skip": PriorityTier.SKIP,
    "auto": None,
}


def run_tier(args: argparse.Namespace, workspace: Workspace) -> int:
    event = EventService(workspace).resolve(args.event)
    assert event.id is not None
    person, name = resolve_person(workspace, args.person)
    attendance = attendance_of(workspace, event.id, person)
    if attendance is None:
        raise CommandError(f"{name} is not on the list of {event.name}.")
    tier = TIER_WORDS[args.tier]
    changed = set_tier(workspace, [attendance], tier)
    shown = "left to the score" if tier is None else f"pinned as {args.tier}"
    print(f"{name} at {event.name}: {shown}" + ("" if changed else " (already so)"))
    return 0


def run_tag(args: argparse.Namespace, workspace: Workspace) -> int:
    person, name = resolve_person(workspace, args.person)
    if args.remove:
        untag_people(workspace, [person], args.tags)
    else:
        tag_people(workspace, [person], args.tags)
    tags = person_tags(workspace, person)
    print(f"{name}: " + (", ".join(tags) if tags else "no tags"))
    return 0
