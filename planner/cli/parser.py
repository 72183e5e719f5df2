"""The command line's grammar: the commands, their options and their help."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from planner import APP_NAME, __version__
from planner.domain.enums import NetworkType

COMMANDS = frozenset({"event", "goal", "checklist", "import", "people", "rank", "tier", "tag"})
_SEPARATORS = tuple(filter(None, (os.sep, os.altsep)))


def file_problem(argv: Sequence[str]) -> str | None:
    """What is wrong with the file named where a command may stand (`planner FILE`), when the
    name is a path (it has a folder or an extension: `nope.csv`, `~/Downloads/list`) that is
    not a file. None otherwise: a mistyped command (`evnet`) is argparse's to point out."""
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--data-dir":
            next(arguments, None)
        elif argument.startswith("-") and argument != "-":
            continue
        elif argument in COMMANDS:
            return None
        else:
            path = Path(argument)
            if path.is_dir():
                return f"{argument} is a folder; give an attendee list (a file) to import."
            if not path.exists() and (path.suffix or any(s in argument for s in _SEPARATORS)):
                return f"the file {argument} does not exist."
            return None
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planner",
        usage="%(prog)s [-h] [--version] [--data-dir DIR] [--demo] [COMMAND ... | FILE]",
        description=f"{APP_NAME}: prepare for events, meet the right people, follow up. "
        "With no command, opens the desktop app; with a FILE (an attendee list), opens the "
        "app and imports it.",
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
    # `planner FILE` opens the app and imports FILE; read by _app_options alone, since a
    # positional argument here would be taken for the command.
    parser.set_defaults(open_file=None)
    # prog: a command's messages start "planner goal add: error:", without the usage line
    # argparse would otherwise take for the program's name.
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", prog="planner")

    event = commands.add_parser("event", help="add and list events")
    event_commands = event.add_subparsers(dest="event_command", metavar="ACTION", required=True)
    add = event_commands.add_parser("add", help="add an event")
    add.add_argument("--name", required=True)
    add.add_argument(
        "--start",
        required=True,
        help="ISO date-time, e.g. 2026-12-06T09:00 (wall clock at --tz); a date alone is the "
        "start of that day",
    )
    add.add_argument(
        "--end",
        required=True,
        help="ISO date-time, e.g. 2026-12-07T18:00; a date alone is the end of that day (23:59)",
    )
    add.add_argument("--tz", required=True, metavar="ZONE", help="IANA zone, e.g. Europe/Lisbon")
    add.add_argument("--venue", default="")
    add.add_argument("--url", default="")
    add.add_argument("--notes", default="")
    add.add_argument("--json", action="store_true", help="print the new event as JSON")
    listing = event_commands.add_parser("list", help="list events in start order")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")

    goal = commands.add_parser("goal", help="add and list an event's networking goals")
    goal_commands = goal.add_subparsers(dest="goal_command", metavar="ACTION", required=True)
    goal_add = goal_commands.add_parser("add", help="add a goal to an event")
    goal_add.add_argument("event", metavar="EVENT", help="event id or a unique part of its name")
    goal_add.add_argument("--text", required=True, help="e.g. 'Meet 3 fintech investors'")
    goal_add.add_argument(
        "--type", required=True, choices=[t.value for t in NetworkType], dest="network_type"
    )
    goal_add.add_argument("--target", type=int, default=1, help="how many people (default 1)")
    goal_add.add_argument("--keywords", default="", help="comma-separated words to look for")
    goal_add.add_argument("--roles", default="", help="comma-separated job titles")
    goal_add.add_argument("--companies", default="", help="comma-separated companies")
    goal_add.add_argument("--priority", type=int, default=0)
    goal_add.add_argument("--json", action="store_true", help="print the new goal as JSON")
    goal_list = goal_commands.add_parser("list", help="an event's goals with their progress")
    goal_list.add_argument("event", metavar="EVENT")
    goal_list.add_argument("--json", action="store_true")

    checklist = commands.add_parser("checklist", help="an event's prep checklist")
    checklist.add_argument("event", metavar="EVENT")
    checklist.add_argument("--json", action="store_true")
    checklist.add_argument("--ics", metavar="FILE", help="also write the open items to FILE")
    checklist.add_argument(
        "--as",
        dest="style",
        choices=["todo", "event"],
        default="event",
        help="VTODO for task apps, or all-day events with a reminder (default; any calendar)",
    )

    importing = commands.add_parser(
        "import",
        help="import an attendee list (CSV, XLSX or vCard) into an event",
        description="Import an attendee list into an event. A known export (Eventbrite, "
        "LinkedIn...) or a file whose columns were chosen in the app before is imported as "
        "is; otherwise the columns are guessed, and the file is refused when the guess finds "
        "no names or emails.",
    )
    importing.add_argument("file", metavar="FILE")
    importing.add_argument(
        "--event", required=True, metavar="EVENT", help="event id or a unique part of its name"
    )
    importing.add_argument(
        "--region",
        metavar="CC",
        help="country of phone numbers written without a country code, e.g. PT or US",
    )
    importing.add_argument("--json", action="store_true", help="print the report as JSON")

    people = commands.add_parser("people", help="list people (everyone, or one event's)")
    people.add_argument("--event", metavar="EVENT", help="only the people on this event's list")
    people.add_argument("--json", action="store_true", help="print JSON instead of a table")

    rank = commands.add_parser(
        "rank",
        help="an event's attendees in the order to meet them, and why",
        description="Rank the event's attendees against its goals: the tier you set first "
        "(must, should, nice; skipped last), then the score (0-100), each with the words that "
        "matched.",
    )
    rank.add_argument("event", metavar="EVENT", help="event id or a unique part of its name")
    rank.add_argument("--json", action="store_true", help="print JSON instead of a table")
    rank.add_argument("--limit", type=int, metavar="N", help="only the first N")

    person_help = "person id, email, or a unique part of the name"
    tier = commands.add_parser(
        "tier",
        help="pin whom to meet at an event (must, should, nice, skip; auto: the score's)",
        description="Pin a tier for a person on an event's list: it overrides the score in "
        "the ranking. auto takes the pin away.",
    )
    tier.add_argument("event", metavar="EVENT", help="event id or a unique part of its name")
    tier.add_argument("person", metavar="PERSON", help=person_help)
    tier.add_argument("tier", choices=("must", "should", "nice", "skip", "auto"))

    tag = commands.add_parser("tag", help="tag a person (or take tags away with --remove)")
    tag.add_argument("person", metavar="PERSON", help=person_help)
    tag.add_argument("tags", metavar="TAG", nargs="+", help="a tag; quote one with spaces")
    tag.add_argument("--remove", action="store_true", help="take these tags away")
    return parser
