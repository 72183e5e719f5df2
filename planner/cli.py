"""The `planner` command: the desktop app by default, subcommands for scripting.

Nothing on this module's import path imports Qt, so `planner event list` starts in a few tens of
milliseconds and runs on machines without a display.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner import APP_NAME, __version__
from planner.domain.checklist import offset_label
from planner.domain.enums import NetworkType
from planner.domain.goals import parse_words
from planner.domain.model import Event, Goal
from planner.domain.rules import ValidationError, is_time_zone, localize
from planner.services.checklist import ChecklistService
from planner.services.events import EventLookupError, EventService
from planner.services.goals import GoalService
from planner.services.workspace import Workspace, resolve_data_dir
from planner.storage.errors import StorageError
from planner.storage.events import EventSummary

if TYPE_CHECKING:
    from planner.domain.importing import ImportReport


class CommandError(Exception):
    """A problem with what the user typed, reported on stderr without a traceback."""


def parse_arguments(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """(the options, what is left for Qt). Opening the app, the most common case, needs
    neither the parsers of the commands (about 45 options) nor argparse's parsing."""
    return _app_options(argv) or build_parser().parse_known_args(argv)


def _app_options(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]] | None:
    """The options of a command line that only opens the app, read by hand: building the
    parsers and argparse's first parse cost 3-4 ms of start-up. None for anything else (a
    command, help, an option spelled another way), which argparse reads."""
    data_dir: str | None = None
    demo = False
    open_file: str | None = None
    qt_args: list[str] = []
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--demo":
            demo = True
        elif argument == "--data-dir":
            data_dir = next(arguments, None)
            if data_dir is None or data_dir.startswith("-"):
                return None
        elif argument.startswith("--data-dir="):
            data_dir = argument.partition("=")[2]
        elif len(argument) > 1 and argument[0] == "-" and argument[1] not in "-h":
            qt_args.append(argument)  # Qt's own, such as -style=fusion (-h... is for help)
        elif open_file is None and argument not in COMMANDS and Path(argument).is_file():
            open_file = argument  # an attendee list to import, as the desktop launcher passes
        else:
            return None
    namespace = argparse.Namespace(data_dir=data_dir, demo=demo, command=None, open_file=open_file)
    return namespace, qt_args


COMMANDS = frozenset({"event", "goal", "checklist", "import", "people"})


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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # A packaged app (PyInstaller and the like) starts an import's helper process as
        # itself: this runs the helper's work and exits before the command line is read.
        import multiprocessing

        multiprocessing.freeze_support()
    args, extra = parse_arguments(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        from planner.app import run_gui  # Qt is loaded only when the window is wanted

        return run_gui(args, extra)
    if extra:
        build_parser().error(f"unrecognized arguments: {' '.join(extra)}")
    # Here, not at the top: the desktop app never needs the import vocabulary to start.
    from planner.domain.importing import FileProblem

    try:
        with Workspace.open(resolve_data_dir(args.data_dir)) as workspace:
            return _run(args, workspace)
    except (CommandError, ValidationError, EventLookupError, StorageError, FileProblem) as exc:
        print(f"planner: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`planner event list | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        print(f"planner: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, workspace: Workspace) -> int:
    # The JSON shapes are imported by the commands that print them: they bring the import
    # vocabulary along, which opening the desktop app (through this module) does not need.
    from planner.interchange.json_format import event_to_json

    if args.command == "goal":
        return _run_goal(args, workspace)
    if args.command == "checklist":
        return _run_checklist(args, workspace)
    if args.command == "import":
        return _run_import(args, workspace)
    if args.command == "people":
        return _run_people(args, workspace)
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
            _print_json(event_to_json(created))
        else:
            print(f"Added event {created.id}: {created.name}")
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


def _run_goal(args: argparse.Namespace, workspace: Workspace) -> int:
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


def _run_checklist(args: argparse.Namespace, workspace: Workspace) -> int:
    from planner.interchange.json_format import checklist_entry_to_json

    event = EventService(workspace).resolve(args.event)
    service = ChecklistService(workspace)
    if args.ics:
        written = service.export_ics(event, Path(args.ics), args.style)
        print(f"Wrote {written} open item(s) to {args.ics}", file=sys.stderr)
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


NO_IDENTITY_COLUMN = (
    "could not tell which column holds names or emails; "
    "import it once in the app to choose the columns"
)
_LISTED = 20  # review items and skipped rows shown in the human report; --json has all


def _run_import(args: argparse.Namespace, workspace: Workspace) -> int:
    from planner.interchange.json_format import event_to_json, import_report_to_json
    from planner.services.importing import maps_identity, prepare_import, run_import

    event = EventService(workspace).resolve(args.event)
    assert event.id is not None
    region = _region(args.region)
    path = Path(args.file)
    prepared = prepare_import(path, workspace)
    if not maps_identity(prepared.mapping):
        raise CommandError(f"{path.name}: {NO_IDENTITY_COLUMN}")
    outcome = run_import(
        workspace,
        prepared.table,
        prepared.mapping,
        event.id,
        layout=prepared.layout,
        default_region=region,
    )
    report = outcome.report
    names = _review_names(workspace, report)
    if args.json:
        _print_json({**import_report_to_json(report, names), "event": event_to_json(event)})
    else:
        _print_report(report, event, names)
    if not report.imported_anything:
        print(
            f"planner: error: nothing in {report.source} could be imported "
            f"({len(report.skipped)} of {report.rows} row(s) skipped)",
            file=sys.stderr,
        )
        return 1
    return 0


def _region(text: str | None) -> str | None:
    if text is None:
        return None
    import phonenumbers

    region = text.strip().upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise CommandError(f"--region: “{text}” is not a known country code, e.g. PT or US.")
    return region


def _review_names(workspace: Workspace, report: ImportReport) -> dict[int, str]:
    ids = {item.new_person_id for item in report.review}
    ids |= {item.existing_person_id for item in report.review}
    if not ids:
        return {}
    return {p.id: p.full_name for p in workspace.repos.people.all() if p.id in ids}


def _print_report(report: ImportReport, event: Event, names: dict[int, str]) -> None:
    how = ", ".join(part for part in (report.layout, report.encoding) if part)
    print(f"Imported {report.source}{f' ({how})' if how else ''} into {event.name}")
    counts = [
        ("Rows in the file", report.rows),
        ("New people", report.added),
        ("Known people updated", report.updated),
        ("Rows merged into someone known", report.merged),
        ("Added to the event", report.attendances_added),
        ("Taken off the event", report.attendances_removed),
        ("To review", len(report.review)),
        ("Skipped", len(report.skipped)),
    ]
    if report.unread:
        counts.append(("Lines not read", len(report.unread)))
    if report.changed:
        counts.append(("Values not kept as given", len(report.changed)))
    width = max(len(label) for label, _ in counts)
    for label, count in counts:
        print(f"  {label.ljust(width)}  {count:>7,}")
    if report.review:
        print("\nTo review (maybe the same person; decide in the app):")
        for item in report.review[:_LISTED]:
            print(
                f"  line {item.line}: {names.get(item.new_person_id, '?')} "
                f"(new, id {item.new_person_id}) ~ {names.get(item.existing_person_id, '?')} "
                f"(id {item.existing_person_id}), score {item.score:.0f}"
            )
        _more(len(report.review))
    if report.skipped:
        print("\nSkipped:")
        for skipped in report.skipped[:_LISTED]:
            print(f"  line {skipped.line}: {skipped.reason}")
        _more(len(report.skipped))
    if report.unread:
        print("\nLines not read (the rest of their row was imported):")
        for unread in report.unread[:_LISTED]:
            print(f"  line {unread.line}: {unread.reason}")
        _more(len(report.unread))
    if report.changed:
        print("\nValues not kept as given (the rest of their row was imported):")
        for change in report.changed[:_LISTED]:
            column = change.field.value.replace("_", " ")
            print(f"  line {change.line}, {column}: “{change.value}” {change.what}")
        _more(len(report.changed))


def _more(count: int) -> None:
    if count > _LISTED:
        print(f"  … and {count - _LISTED} more (--json lists them all)")


def _run_people(args: argparse.Namespace, workspace: Workspace) -> int:
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


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


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
    from planner.interchange.json_format import event_to_json

    return {
        **event_to_json(summary.event),
        "attendees": summary.attendee_count,
        "goals": summary.goal_count,
        "met": summary.met_count,
    }


def _print_table(header: tuple[str, ...], rows: list[tuple[str, ...]], *, empty: str) -> None:
    if not rows:
        print(empty)
        return
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    for row in (header, *rows):
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
