"""Reading attendee files into tables: what a file is comes from its content, whatever its
name; every fixture's shape; the refusals a file gets, naming file and line; remembering a
mapping; the readers' cost at start-up; and a long read watched and stopped.

The fixtures live in tests/data/imports (make_fixtures.py and make_xlsx.py write the ones whose
bytes matter); files too big to keep are made here. How each part of a file is read is tested
beside its module: test_text_decoding, test_delimited, test_header_row, test_xlsx and
test_refusals.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from planner.domain.importing import FileProblem, SourceRow, TableKind
from planner.interchange.tables import header_signature, read_table, table_from_bytes
from tests.attendee_tables import IMPORTS, problem, read, write


@pytest.mark.parametrize(
    ("name", "kind", "encoding", "delimiter", "header_line", "columns", "lines"),
    [
        ("eventbrite_attendees.csv", TableKind.CSV, "utf-8", ",", 1, 32, [2, 3, 4, 5]),
        ("eventbrite_classic.csv", TableKind.CSV, "utf-8", ",", 1, 22, [2, 3, 4]),
        ("linkedin_connections.csv", TableKind.CSV, "utf-8", ",", 4, 7, [5, 6, 7, 8]),
        ("luma_guests_api_id.csv", TableKind.CSV, "utf-8-sig", ",", 1, 24, [2, 3, 4, 5]),
        ("luma_guests.csv", TableKind.CSV, "utf-8", ",", 1, 12, [2, 3, 4]),
        ("meetup_attendees.xls", TableKind.CSV, "utf-8", "\t", 1, 11, [2, 3, 4, 5]),
        ("google_contacts.csv", TableKind.CSV, "utf-8", ",", 1, 36, [2, 3, 6]),
        ("google_contacts_legacy.csv", TableKind.CSV, "utf-8", ",", 1, 47, [2, 3, 4]),
        ("outlook_contacts.csv", TableKind.CSV, "cp1252", ",", 1, 92, [2, 4, 5]),
        ("outlook_com_contacts.csv", TableKind.CSV, "utf-8-sig", ",", 1, 61, [2, 3]),
        ("zoom_registrants.csv", TableKind.CSV, "utf-8", ",", 7, 11, [8, 9, 10]),
        ("goto_webinar_registrants.csv", TableKind.CSV, "utf-8", ",", 1, 8, [2, 3, 4]),
        ("excel_utf8_bom.csv", TableKind.CSV, "utf-8-sig", ",", 1, 6, [2, 3, 4, 5, 6]),
        ("excel_cp1252.csv", TableKind.CSV, "cp1252", ",", 1, 6, [2, 3, 4, 5]),
        ("excel_semicolon.csv", TableKind.CSV, "utf-8", ";", 1, 7, [2, 3, 4]),
        ("excel_unicode_text.txt", TableKind.CSV, "utf-16-le", "\t", 1, 6, [2, 4, 5, 6]),
        ("crlf_quoted.csv", TableKind.CSV, "utf-8", ",", 1, 6, [2, 3, 6]),
        ("whova_attendees.xlsx", TableKind.XLSX, None, None, 1, 14, [2, 3, 5]),
        ("apple_icloud.vcf", TableKind.VCARD, "utf-8", None, 1, 9, [1, 20, 38]),
        ("google_contacts.vcf", TableKind.VCARD, "utf-8", None, 1, 9, [1, 16, 25]),
        ("vcard4.vcf", TableKind.VCARD, "utf-8", None, 1, 9, [1, 14, 21]),
    ],
)
def test_each_fixture_reads_as_expected(
    name: str,
    kind: TableKind,
    encoding: str | None,
    delimiter: str | None,
    header_line: int,
    columns: int,
    lines: list[int],
) -> None:
    table = read(name)
    assert table.source == name
    assert (table.kind, table.encoding, table.delimiter) == (kind, encoding, delimiter)
    assert table.header_line == header_line
    assert len(table.headers) == columns
    assert [row.line for row in table.rows] == lines
    assert all(len(row.cells) == columns for row in table.rows)


def test_meetup_text_named_xls_is_tab_separated() -> None:
    table = read("meetup_attendees.xls")
    assert table.headers[:3] == ("Name", "User ID", "Title")
    assert table.rows[0].cells[4] == "Lisbon, Portugal"
    assert table.rows[3].cells[0] == "鈴木 愛子"


def test_a_workbook_named_csv_is_still_a_workbook(tmp_path: Path) -> None:
    data = (IMPORTS / "whova_attendees.xlsx").read_bytes()
    table = read_table(write(tmp_path, "attendees.csv", data))
    assert table.kind is TableKind.XLSX
    assert table.source == "attendees.csv"


@pytest.mark.parametrize(
    ("name", "detail", "line"),
    [
        ("binary.png", "does not look like a CSV, spreadsheet or vCard file", None),
        ("empty.csv", "is empty", None),
        ("bom_only.csv", "is empty", None),
        ("header_only.csv", "has a header but no rows", None),
        ("unbalanced_quotes.csv", "a quoted field starts on this line and is never closed", 3),
        ("mostly_ragged.csv", "3 of its 4 rows have more cells than the header's 2", 3),
        ("mixed_utf8.csv", "byte 0xE9 here, which is not UTF-8", 3),
        ("old_excel.xls", "is an old Excel 97-2003 workbook; save it as .xlsx or CSV", None),
        ("not_a_workbook.zip", "does not look like a CSV, spreadsheet or vCard file", None),
        ("vcard_no_names.vcf", "has no contact with a name or an email address", 1),
    ],
)
def test_a_bad_file_is_refused_naming_file_and_line(
    name: str, detail: str, line: int | None
) -> None:
    with pytest.raises(FileProblem) as caught:
        read(name)
    error = caught.value
    assert error.source == name
    assert detail in error.detail
    assert error.line == line
    where = name if line is None else f"{name}, line {line}"
    assert str(error).startswith(f"{where}: ")


def test_a_file_that_cannot_be_opened_is_a_file_problem(tmp_path: Path) -> None:
    with pytest.raises(FileProblem) as caught:
        read_table(tmp_path / "missing.csv")
    assert caught.value.source == "missing.csv"
    assert "cannot be read" in caught.value.detail


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        (b"<html><body><table><tr><td>Name</td></tr></table></body></html>", "web page (HTML)"),
        (
            b'<?xml version="1.0"?>\n'
            b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
            "Excel 2003 XML workbook",
        ),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "calendar"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "protected by a password",
        ),
    ],
)
def test_other_files_named_like_spreadsheets_are_refused(
    tmp_path: Path, data: bytes, detail: str
) -> None:
    assert detail in problem(tmp_path, "attendees.xls", data).detail


def test_a_folder_is_named_in_its_message() -> None:
    with pytest.raises(FileProblem, match=r"^/: cannot be read \(Is a directory\)$"):
        read_table(Path("/"))


def test_table_from_bytes_reads_without_a_file() -> None:
    table = table_from_bytes(b"Name,Email\nAna,a@example.com\n", "pasted")
    assert table.source == "pasted"
    assert table.rows == (SourceRow(2, ("Ana", "a@example.com")),)


def test_header_signature_is_stable_and_forgiving() -> None:
    signature = header_signature(["First Name", "Last Name", "Email"])
    assert re.fullmatch(r"[0-9a-f]{16}", signature)
    assert signature == header_signature(("first  name", " LAST NAME ", "email"))
    assert signature != header_signature(["Last Name", "First Name", "Email"])
    assert signature != header_signature(["First Name", "Last Name"])
    assert header_signature(["a b"]) != header_signature(["a", "b"])
    # Fixed forever: mappings saved today must be found tomorrow.
    assert header_signature(["Name", "Email"]) == "656cf5d1a57fa3eb"


@pytest.mark.slow
def test_importing_the_readers_loads_no_third_party_library() -> None:
    code = (
        "import sys, planner.interchange.tables, planner.interchange.layouts, "
        "planner.interchange.row_mapping, "
        "planner.interchange.vcard; "
        "heavy = ('openpyxl', 'vobject', 'charset_normalizer', 'dateutil'); "
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in heavy); "
        "assert not loaded, loaded"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr


def test_a_read_tells_how_far_it_is_and_can_be_stopped(tmp_path: Path) -> None:
    import openpyxl

    from planner.domain.importing import ImportCancelled

    csv_path = tmp_path / "big.csv"
    csv_path.write_text("Name,Email\n" + "Ana Lima,ana@lima.example\n" * 80_000)  # 2 MB
    workbook = openpyxl.Workbook()
    for n in range(1200):
        workbook.active.append([f"Person {n}", f"p{n}@example.org"])
    xlsx_path = tmp_path / "big.xlsx"
    workbook.save(xlsx_path)
    card = "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Lima\nEND:VCARD\n"
    vcf_path = tmp_path / "big.vcf"
    vcf_path.write_text(card * 500)
    for path, total in ((csv_path, 2_080_011), (xlsx_path, 1200), (vcf_path, 500)):
        heard: list[tuple[int, int]] = []
        assert len(read_table(path, lambda done, of, h=heard: h.append((done, of))).rows) > 400
        assert len(heard) >= 2, path.name
        assert {of for _, of in heard} == {total}  # characters, rows or contacts
        assert [done for done, _ in heard] == sorted({done for done, _ in heard})

        calls: list[int] = []

        def stop_second(done: int, of: int, calls: list[int] = calls) -> None:
            calls.append(done)
            if len(calls) == 2:
                raise ImportCancelled()

        with pytest.raises(ImportCancelled):
            read_table(path, stop_second)
        assert len(calls) == 2
