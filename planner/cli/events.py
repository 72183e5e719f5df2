"""The commands over events and what is planned for them: event, goal, checklist, people."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from planner.cli.output import CommandError, note
from planner.cli.output import print_json as _print_json
from planner.cli.output import print_table as _print_table
from planner.domain.checklist import offset_label
from planner.domain.enums import NetworkType
from planner.domain.goals import parse_words
from planner.domain.model import Event, Goal
from planner.domain.rules import is_time_zone, known_time_zone, localize
from planner.services.checklist import ChecklistService
from planner.services.events import EventService
from planner.services.goals import GoalService
from planner.services.workspace import Workspace
from planner.storage.events import EventSummary

__all__ = ["run_checklist", "run_event", "run_goal", "run_people"]

END_OF_DAY = time(23, 59)
"""Where an event given an end date without a time ends (the minute the app shows)."""


def run_event(args: argparse.Namespace, workspace: Workspace) -> int:
    # The JSON shapes are imported by the commands that print them: they bring the import
    # vocabulary along, which the other commands do not need.
    from planner.interchange.json_format import event_to_json

    events = EventService(workspace)
    if args.event_command == "add":
        zone = known_time_zone(args.tz)
        start, start_note = _parse_moment(args.start, zone, "--start")
        end, end_note = _parse_moment(args.end, zone, "--end", day_end=True)
        created = events.create(
            Event(
                name=args.name,
                start=start,
                end=end,
                timezone=zone,
                venue=args.venue,
                url=args.url,
                notes=args.notes,
            )
        )
        if args.json:
            _print_json(event_to_json(created))
        else:
            print(f"Added event {created.id}: {created.name}")
        for said in (start_note, end_note):
            if said is not None:
                note(said, beside_json=args.json)
        return 0
    summaries = events.summaries()
    if args.json:
        _print_json([_summary_json(summary) for summary in summaries])
    else:
        _print_table(
            ("ID", "Starts", "Time zone", "Name", "Venue"),
            [
                (
                    str(s.event.id),
                    s.event.local_start.strftime("%Y-%m-%d %H:%M"),
                    s.event.timezone,
                    s.event.name,
                    s.event.venue,
                )
                for s in summaries
            ],
            empty="No events yet. Add one with: planner event add --name ... --start ... --end ...",
        )
    return 0


def run_goal(args: argparse.Namespace, workspace: Workspace) -> int:
    from planner.interchange.json_format import goal_progress_to_json, goal_to_json

    event = EventService(workspace).resolve(args.event)
    assert event.id is not None
    goals = GoalService(workspace)
    if args.goal_command == "add":
        if args.target < 0:
            raise CommandError("--target must be 0 or more.")
        created = goals.create(
            Goal(
                event_id=event.id,
                text=args.text,
                network_type=NetworkType(args.network_type),
                target_count=args.target,
                keywords=parse_words(args.keywords),
                roles=parse_words(args.roles),
                companies=parse_words(args.companies),
                priority=args.priority,
            )
        )
        if args.json:
            _print_json(goal_to_json(created))
        else:
            print(f"Added goal {created.id} to {event.name}: {created.text}")
        return 0
    progress = goals.progress(event.id)
    if args.json:
        _print_json([goal_progress_to_json(p) for p in progress])
    else:
        _print_table(
            ("ID", "Type", "Met", "Goal"),
            [
                (
                    str(p.goal.id),
                    p.goal.network_type.value,
                    f"{p.met}/{p.target}",
                    p.goal.text,
                )
                for p in progress
            ],
            empty=f"No goals for {event.name} yet. Add one with: planner goal add ...",
        )
    return 0


def run_checklist(args: argparse.Namespace, workspace: Workspace) -> int:
    from planner.interchange.json_format import checklist_entry_to_json

    event = EventService(workspace).resolve(args.event)
    service = ChecklistService(workspace)
    if args.ics:
        written = service.export_ics(event, Path(args.ics), args.style)
        items = "open item" if written == 1 else "open items"
        note(f"Wrote {written} {items} to {args.ics}", beside_json=args.json)
    entries = service.entries(event)
    if args.json:
        _print_json([checklist_entry_to_json(entry) for entry in entries])
    elif not args.ics:
        _print_table(
            ("Done", "Due", "When", "Item"),
            [
                (
                    "[x]" if e.done else "[ ]",
                    e.due.isoformat(),
                    offset_label(e.due_offset_days),
                    e.text + ("  (ticks itself)" if e.is_dynamic else ""),
                )
                for e in entries
            ],
            empty="The checklist is empty.",
        )
    return 0


def run_people(args: argparse.Namespace, workspace: Workspace) -> int:
    from planner.interchange.json_format import person_to_json
    from planner.services.people import list_people

    event = EventService(workspace).resolve(args.event) if args.event else None
    people = list_people(workspace, event.id if event else None)
    if args.json:
        _print_json([person_to_json(person) for person in people])
    else:
        _print_table(
            ("ID", "Name", "Company", "Title", "Email"),
            [
                (
                    str(p.id),
                    p.full_name,
                    p.company or "",
                    p.title or "",
                    p.email or "",
                )
                for p in people
            ],
            empty=f"No one on the list of {event.name} yet."
            if event
            else "No people yet. Import an attendee list with: planner import FILE --event EVENT",
        )
    return 0


def _parse_moment(
    text: str, zone: str, option: str, *, day_end: bool = False
) -> tuple[datetime, str | None]:
    """The moment typed, on the wall clock at the venue, and what to say when it was a date
    alone: a start is then taken as the start of that day, an end (`day_end`) as its end, so
    `--start 2027-05-01 --end 2027-05-03` is the three whole days."""
    if not is_time_zone(zone):
        raise CommandError(f"--tz: “{zone}” is not a known IANA time zone, e.g. Europe/Lisbon.")
    text = text.strip()
    try:
        day: date | None = date.fromisoformat(text)
    except ValueError:
        day = None
    if day is not None:
        moment = datetime.combine(day, END_OF_DAY if day_end else time(0, 0))
        said = (
            f"{option} {text} has no time of day: taken as {moment:%Y-%m-%d %H:%M} in {zone}, "
            f"the {'end' if day_end else 'start'} of the day (to be exact: {option} "
            f"{day.isoformat()}T{'18:00' if day_end else '09:00'})."
        )
        return localize(moment, zone), said
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"{option}: “{text}” is not an ISO date-time such as 2026-12-06T09:00."
        ) from None
    return localize(moment, zone), None


def _summary_json(summary: EventSummary) -> dict[str, Any]:
    from planner.interchange.json_format import event_to_json

    return {
        **event_to_json(summary.event),
        "attendees": summary.attendee_count,
        "goals": summary.goal_count,
        "met": summary.met_count,
    }
