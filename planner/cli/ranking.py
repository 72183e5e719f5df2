"""`planner rank EVENT`: the event's attendees in the order to meet them, and why."""

from __future__ import annotations

import argparse
from typing import Any

from planner.cli.output import CommandError, print_json, print_table
from planner.domain.ranking import Ranked
from planner.services.events import EventService
from planner.services.introductions import introduction_summary
from planner.services.introductions import warm_introductions as introductions_of
from planner.services.ranking import WarmIntroduction, rank_event, warm_introductions
from planner.services.workspace import Workspace

__all__ = ["ranked_to_json", "run_rank"]

_TIERS = {"must-meet": "must", "should-meet": "should", "nice-to-meet": "nice", "skip": "skip"}


def run_rank(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.limit is not None and args.limit < 0:
        raise CommandError("--limit must be 0 or more.")
    event = EventService(workspace).resolve(args.event)
    assert event.id is not None
    ranked = rank_event(workspace, event.id)
    if args.limit is not None:
        ranked = ranked[: args.limit]
    if args.json:
        introductions = warm_introductions(workspace, event.id, ranked)
        print_json([ranked_to_json(r, introductions[r.facts.person_id]) for r in ranked])
        return 0
    intros = introductions_of(workspace, event.id, [r.facts.person_id for r in ranked])
    print_table(
        ("#", "Score", "Tier", "Name", "Company", "Title", "Why"),
        [
            (
                str(place),
                str(r.score),
                tier_name(r),
                r.facts.full_name,
                r.facts.company,
                r.facts.title,
                "; ".join(r.describe()[:2]),
            )
            for place, r in enumerate(ranked, 1)
        ],
        empty=f"No one on the list of {event.name} yet.",
        below=[introduction_summary(intros.get(r.facts.person_id, ())) for r in ranked],
    )
    return 0


def tier_name(ranked: Ranked) -> str:
    """must, should, nice, or skip for someone marked skipped."""
    return _TIERS[ranked.tier]


def ranked_to_json(ranked: Ranked, introductions: tuple[WarmIntroduction, ...]) -> dict[str, Any]:
    facts = ranked.facts
    return {
        "full_name": facts.full_name,
        "email": facts.email or None,
        "company": facts.company or None,
        "title": facts.title or None,
        "score": ranked.score,
        "tier": tier_name(ranked),
        "goals": [
            {
                "goal": served.goal.text,
                "matched": list(served.matched_words),
                "why": [match.describe() for match in served.matches],
            }
            for served in ranked.goals
        ],
        "cautions": [caution.describe() for caution in ranked.cautions],
        "reasons": list(ranked.reasons),
        "warm_introductions": [{"name": i.name, "how": i.how} for i in introductions],
    }
