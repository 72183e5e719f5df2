"""Excel workbooks and other zips: text as Excel shows it, the sheet that is read, a table
starting below a title or in column B, and damaged or other zipped documents refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from planner.domain.importing import FileProblem, SourceRow
from planner.interchange.tables import read_table
from tests.attendee_tables import problem, read


def test_a_workbook_gives_text_as_excel_shows_it() -> None:
    table = read("whova_attendees.xlsx")
    assert table.headers == (
        "Name", "Pronouns", "Title", "Affiliation", "Email", "Phone", "LinkedIn", "Twitter",
        "Ticket", "Registered On", "Attendee ID", "Score", "Checked In", "Event Date",
    )  # fmt: skip
    assert table.rows[0].cells[9:] == ("2026-09-01T14:30:00", "1001", "4.5", "TRUE", "2026-10-20")
    dmitri = table.rows[1]
    assert dmitri.line == 3
    assert dmitri.cells[2] == "Senior Engineer,\nPlatform Team"
    assert dmitri.cells[5] == "3725551234"  # a phone typed as a number
    assert dmitri.cells[9:] == ("2026-09-02T09:06:00", "1002", "3", "FALSE", "2026-10-20")
    ngozi = table.rows[2]
    assert ngozi.line == 5  # the empty row 4 is skipped, the numbering is Excel's
    assert ngozi.cells[9] == "2026-09-03"
    assert ngozi.cells[11:] == ("", "", "")


def test_a_workbook_with_a_title_and_a_table_starting_in_column_b(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["B1"] = "Attendees, PyCon Lisboa 2026"
    sheet["B3"], sheet["C3"], sheet["D3"] = "Name", "Email", "Company"
    sheet["B4"], sheet["C4"] = "Ana Silva", "ana@example.pt"
    sheet["B6"], sheet["C6"], sheet["D6"] = "Bo Chen", "bo@example.com", "Acme"
    path = tmp_path / "title.xlsx"
    workbook.save(path)
    table = read_table(path)
    assert table.header_line == 3
    assert table.headers == ("Name", "Email", "Company")
    assert table.rows == (
        SourceRow(4, ("Ana Silva", "ana@example.pt", "")),
        SourceRow(6, ("Bo Chen", "bo@example.com", "Acme")),
    )


@pytest.mark.parametrize(
    ("member", "content", "detail"),
    [
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet", "OpenDocument"),
        ("xl/workbook.bin", b"", "binary Excel workbook (.xlsb)"),
        ("Index/Document.iwa", b"", "Apple Numbers"),
    ],
)
def test_other_zipped_spreadsheets_say_what_to_do(
    tmp_path: Path, member: str, content: bytes, detail: str
) -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr(member, content)
    assert detail in problem(tmp_path, "people.xlsx", archive.getvalue()).detail


def test_a_damaged_workbook_is_a_file_problem(tmp_path: Path) -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("xl/workbook.xml", b"<not really a workbook")
    error = problem(tmp_path, "damaged.xlsx", archive.getvalue())
    assert error.detail.startswith("is an Excel workbook that cannot be read")


def test_a_list_on_the_second_sheet_is_read_from_there(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()  # its first sheet, "Sheet", left blank
    people = workbook.create_sheet("People")
    people.append(["Name", "Email"])
    people.append(["Ana Lima", "ana@lima.example"])
    workbook.create_sheet("Notes").append(["not the list"])
    path = tmp_path / "second.xlsx"
    workbook.save(path)
    table = read_table(path)
    assert table.sheet == "People"
    assert table.headers == ("Name", "Email")
    assert table.rows == (SourceRow(2, ("Ana Lima", "ana@lima.example")),)


def test_a_workbook_with_nothing_in_any_sheet_is_empty(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.create_sheet("People")
    path = tmp_path / "blank.xlsx"
    workbook.save(path)
    with pytest.raises(FileProblem) as caught:
        read_table(path)
    assert (
        caught.value.detail
        == "is empty (none of its sheets, “Sheet”, “People”, has anything in it)"
    )
    workbook.remove(workbook["People"])
    workbook.save(path)
    with pytest.raises(FileProblem) as caught:
        read_table(path)
    assert caught.value.detail == "is empty (its sheet, “Sheet”, has nothing in it)"
