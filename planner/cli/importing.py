"""`planner import`: an attendee list into an event, and the report of what it did."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from planner.cli.output import CommandError
from planner.cli.output import print_json as _print_json
from planner.domain.model import Event
from planner.services.events import EventService
from planner.services.workspace import Workspace

if TYPE_CHECKING:
    from planner.domain.importing import ImportReport


NO_IDENTITY_COLUMN = (
    "could not tell which column holds names or emails; "
    "import it once in the app to choose the columns"
)
_LISTED = 20  # review items and skipped rows shown in the human report; --json has all


def _run_import(args: argparse.Namespace, workspace: Workspace) -> int:
    from planner.interchange.json_format import event_to_json, import_report_to_json
    from planner.services.importing.service import maps_identity, prepare_import, run_import
    from planner.services.review import review_names

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
    # Only the names printed: the human report lists the first few review items.
    names = review_names(workspace, report.review if args.json else report.review[:_LISTED])
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
