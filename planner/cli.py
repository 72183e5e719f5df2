"""The `planner` command: the desktop app by default, subcommands for scripting.

Nothing on this module's import path imports Qt, so `planner event list` starts in a few tens of
milliseconds and runs on machines without a display.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from planner import APP_NAME, __version__
from planner.domain.model import Event
from planner.domain.rules import ValidationError, is_time_zone, localize
from planner.interchange.json_format import event_to_json
from planner.services.events import EventLookupError, EventService
from planner.services.workspace import Workspace, resolve_data_dir
from planner.storage.errors import StorageError
from planner.storage.events import EventSummary


class CommandError(Exception):
    """A problem with what the user typed, reported on stderr without a traceback."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planner",
        description=f"{APP_NAME}: prepare for events, meet the right people, follow up. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder holding the database (default: $PLANNER_DATA_DIR, else the platform's "
        "per-user data folder)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open the app with the sample events added"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    event = commands.add_parser("event", help="add and list events")
    event_commands = event.add_subparsers(dest="event_command", metavar="ACTION", required=True)
    add = event_commands.add_parser("add", help="add an event")
    add.add_argument("--name", required=True)
    add.add_argument(
        "--start", required=True, help="ISO date-time, e.g. 2026-12-06T09:00 (wall clock at --tz)"
    )
    add.add_argument("--end", required=True, help="ISO date-time, e.g. 2026-12-07T18:00")
    add.add_argument("--tz", required=True, metavar="ZONE", help="IANA zone, e.g. Europe/Lisbon")
    add.add_argument("--venue", default="")
    add.add_argument("--url", default="")
    add.add_argument("--notes", default="")
    add.add_argument("--json", action="store_true", help="print the new event as JSON")
    listing = event_commands.add_parser("list", help="list events in start order")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if args.command is None:
        from planner.app import run_gui  # Qt is loaded only when the window is wanted

        return run_gui(args, extra)
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        with Workspace.open(resolve_data_dir(args.data_dir)) as workspace:
            return _run(args, workspace)
    except (CommandError, ValidationError, EventLookupError, StorageError) as exc:
        print(f"planner: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"planner: error: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, workspace: Workspace) -> int:
    events = EventService(workspace)
    if args.event_command == "add":
        created = events.create(
            Event(
                name=args.name,
                start=_parse_moment(args.start, args.tz, "--start"),
                end=_parse_moment(args.end, args.tz, "--end"),
                timezone=args.tz,
                venue=args.venue,
                url=args.url,
                notes=args.notes,
            )
        )
        if args.json:
            print(json.dumps(event_to_json(created), ensure_ascii=False, indent=2))
        else:
            print(f"Added event {created.id}: {created.name}")
        return 0
    summaries = events.summaries()
    if args.json:
        rows = [_summary_json(summary) for summary in summaries]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        _print_table(summaries)
    return 0


def _parse_moment(text: str, zone: str, option: str) -> datetime:
    if not is_time_zone(zone):
        raise CommandError(f"--tz: “{zone}” is not a known IANA time zone, e.g. Europe/Lisbon.")
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(
            f"{option}: “{text}” is not an ISO date-time such as 2026-12-06T09:00."
        ) from None
    return localize(moment, zone)


def _summary_json(summary: EventSummary) -> dict[str, Any]:
    return {
        **event_to_json(summary.event),
        "attendees": summary.attendee_count,
        "goals": summary.goal_count,
        "met": summary.met_count,
    }


def _print_table(summaries: list[EventSummary]) -> None:
    if not summaries:
        print("No events yet. Add one with: planner event add --name ... --start ... --end ...")
        return
    header = ("ID", "Starts", "Time zone", "Name", "Venue")
    rows = [
        (
            str(s.event.id),
            s.event.local_start.strftime("%Y-%m-%d %H:%M"),
            s.event.timezone,
            s.event.name,
            s.event.venue,
        )
        for s in summaries
    ]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    for row in (header, *rows):
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
