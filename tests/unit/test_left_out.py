"""The rows an import left out, saved as a CSV to fix and import again."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from planner.domain.importing import ImportReport, Skipped, SourceRow, Table, TableKind
from planner.interchange.left_out import left_out_csv
from planner.interchange.tables import read_table
from planner.services.importing.service import save_left_out

TABLE = Table(
    source="attendees.csv",
    kind=TableKind.CSV,
    headers=("Name", "Email", "Status"),
    rows=(
        SourceRow(2, ("Ana Lima", "ana@example.org", "Attending")),
        SourceRow(3, ('=HYPERLINK("x")', "", "Cancelled")),
        SourceRow(5, ("渡辺 花子, <b>Jr.</b>", "", "Refunded")),
        SourceRow(6, ("", "", "Attending")),
    ),
    encoding="utf-8",
    delimiter=",",
)


def rows_of(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the accents right
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_each_row_left_out_with_its_line_reason_and_cells_in_file_order() -> None:
    left_out = [
        Skipped(6, "no name or email"),
        Skipped(3, "status is “Cancelled”"),
        Skipped(5, "status is “Refunded”"),
    ]
    assert rows_of(left_out_csv(TABLE, left_out)) == [
        ["Line", "Left out because", "Name", "Email", "Status"],
        # A spreadsheet opening the file runs no formula: the cell starts with an apostrophe.
        ["3", "status is “Cancelled”", '\'=HYPERLINK("x")', "", "Cancelled"],
        ["5", "status is “Refunded”", "渡辺 花子, <b>Jr.</b>", "", "Refunded"],
        ["6", "no name or email", "", "", "Attending"],
    ]


def test_a_line_left_out_of_a_contact_has_no_cells_of_its_own() -> None:
    (_, row) = rows_of(left_out_csv(TABLE, [Skipped(4, "could not be read")]))
    assert row == ["4", "could not be read"]


def test_saved_in_one_step_and_read_back_as_a_table(tmp_path: Path) -> None:
    report = ImportReport(source="attendees.csv", layout=None, encoding="utf-8", rows=4)
    report.skipped.extend([Skipped(3, "status is “Cancelled”"), Skipped(5, "refunded")])
    report.unread.append(Skipped(4, "could not be read"))
    path = tmp_path / "left out.csv"
    path.write_text("an older file", encoding="utf-8")
    assert save_left_out(path, TABLE, report) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["left out.csv"]  # no temporary file left
    table = read_table(path)
    assert table.headers == ("Line", "Left out because", "Name", "Email", "Status")
    assert [row.cells[0] for row in table.rows] == ["3", "4", "5"]
    assert table.rows[2].cells[2] == "渡辺 花子, <b>Jr.</b>"


def test_cells_a_spreadsheet_would_run_import_again_as_they_were(tmp_path: Path) -> None:
    """Saved with an apostrophe in front, read back by the import without it; an apostrophe
    that belongs to the text ("'t Hart") stays."""
    from planner.interchange.layouts import guess_mapping
    from planner.interchange.normalize import Normalizer

    cells = [
        ("=1+1", "a@example.org", "+351 912 345 678", "- met at the bar\n- owes me a call"),
        ("@handle", "b@example.org", "-", "=cmd|' /C calc'!A0"),
        ("'t Hart", "c@example.org", "", "plain"),
    ]
    table = Table(
        source="guests.csv",
        kind=TableKind.CSV,
        headers=("Name", "Email", "Phone", "Notes"),
        rows=tuple(SourceRow(i + 2, row) for i, row in enumerate(cells)),
        encoding="utf-8",
        delimiter=",",
    )
    data = left_out_csv(table, [Skipped(row.line, "to fix") for row in table.rows])
    written = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [row[2] for row in written[1:]] == ["'=1+1", "'@handle", "'t Hart"]
    path = tmp_path / "fixed.csv"
    path.write_bytes(data)
    again = read_table(path)
    _, mapping = guess_mapping(again)
    normalize = Normalizer("PT")
    people = []
    for row in again.rows:
        values = {field: row.cells[column] for column, field in mapping.items()}
        people.append(normalize.values(row.line, values))
    assert [person[1] for person in people] == ["=1+1", "@handle", "'t Hart"]  # type: ignore[index]
    assert [person[7] for person in people] == ["+351912345678", None, None]  # type: ignore[index]
    assert people[0][9] == "- met at the bar\n- owes me a call"  # type: ignore[index]
    assert people[1][9] == "=cmd|' /C calc'!A0"  # type: ignore[index]


def test_a_ragged_row_is_reported_and_saved_with_its_cells(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from planner.domain.model import Event
    from planner.services.events import EventService
    from planner.services.importing.service import prepare_import, run_import
    from planner.services.workspace import Workspace

    source = tmp_path / "attendees.csv"
    source.write_text(
        "Name,Email\nAna Lima,ana@example.org\nBo, Chen,bo@example.org\nCy Reis,cy@example.org\n",
        encoding="utf-8",
    )
    prepared = prepare_import(source)
    with Workspace.in_memory() as workspace:
        event = EventService(workspace).create(
            Event(
                "Summit",
                datetime(2027, 5, 1, 9, tzinfo=UTC),
                datetime(2027, 5, 1, 18, tzinfo=UTC),
                "UTC",
            )
        )
        assert event.id is not None
        report = run_import(workspace, prepared.table, prepared.mapping, event.id).report
        assert {p.full_name for p in workspace.repos.people.all()} == {"Ana Lima", "Cy Reis"}
    assert (report.rows, report.added) == (3, 2)
    assert report.skipped == [Skipped(3, "the row has 3 cells but the header has 2")]
    path = tmp_path / "left out.csv"
    assert save_left_out(path, prepared.table, report) == 1
    assert rows_of(path.read_bytes())[1] == [
        "3",
        "the row has 3 cells but the header has 2",
        "Bo",
        " Chen",
        "bo@example.org",
    ]
