"""Reading attendee files into tables: formats told apart by content, encodings, delimiters,
preambles, line numbers, the limits, and a round trip through csv in every dialect we read.

The fixtures live in tests/data/imports (make_fixtures.py and make_xlsx.py write the ones whose
bytes matter); files too big to keep are made here.
"""

from __future__ import annotations

import csv
import io
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.importing import FileProblem, Skipped, SourceRow, Table, TableKind
from planner.interchange import delimited, refusals, tables, xlsx
from planner.interchange.refusals import MAX_COLUMNS, MAX_FIELD_CHARS
from planner.interchange.tables import header_signature, read_table, table_from_bytes
from tests.conftest import DATA

IMPORTS = DATA / "imports"


def read(name: str) -> Table:
    return read_table(IMPORTS / name)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def problem(tmp_path: Path, name: str, data: bytes) -> FileProblem:
    with pytest.raises(FileProblem) as caught:
        read_table(write(tmp_path, name, data))
    return caught.value


# --- what each fixture reads as ----------------------------------------------------------------


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


def test_the_linkedin_preamble_is_skipped() -> None:
    table = read("linkedin_connections.csv")
    assert table.headers == (
        "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On",
    )  # fmt: skip
    assert table.rows[0] == SourceRow(
        5,
        (
            "Sofia", "Rossi", "https://www.linkedin.com/in/sofia-rossi-design", "",
            "Studio Rossi", "Design Director", "05 Mar 2024",
        ),
    )  # fmt: skip
    assert table.rows[1].cells[:2] == ("يوسف", "العامري")
    assert table.rows[2].cells[:2] == ("נועה", "לוי")
    assert table.rows[3].cells[:2] == ("小明", "王")
    assert table.rows[3].cells[5] == "Founder, CEO"


def test_a_report_summary_above_the_header_is_skipped() -> None:
    table = read("zoom_registrants.csv")
    assert table.headers[0] == "First Name"
    assert table.headers[-1] == "Approval Status"
    assert table.rows[0].cells[:3] == ("Hannah", "Schmidt", "hannah.schmidt@example.de")


def test_quoted_line_breaks_commas_and_quotes_keep_their_lines() -> None:
    table = read("crlf_quoted.csv")
    assert table.headers == ("氏名", "メールアドレス", "会社名", "役職", "電話番号", "備考")
    assert table.rows == (
        SourceRow(
            2,
            ("山田 太郎", "taro.yamada@example.jp", "山田商事, 東京支店", "課長", "03-1234-5678",
             "名刺交換済み"),
        ),
        SourceRow(
            3,
            ("佐藤 花子", "hanako.sato@example.jp", "サトウ食品", "営業部長", "",
             '展示会で会った。\n次回: "試食会"の件\n要フォロー'),
        ),
        SourceRow(
            6,
            ("Kim Min-jun", "minjun.kim@example.kr", "Hangang Tech", "Engineer",
             "+82 10-1234-5678", ""),
        ),
    )  # fmt: skip


def test_excel_unicode_text_is_utf16_with_tabs() -> None:
    table = read("excel_unicode_text.txt")
    assert table.headers[4] == "Correo electrónico"
    assert table.rows[0].cells[:4] == (
        "María José",
        "García López",
        "Ejemplo S.L.",
        "Directora\nde Ventas",
    )
    assert table.rows[1].cells[:2] == ("小明", "王")
    assert table.rows[2].cells[:2] == ("نور", "حداد")
    assert table.rows[3].cells[2] == "Tech\tAviv"


def test_windows_1252_is_read_as_such() -> None:
    table = read("excel_cp1252.csv")
    assert table.headers == ("Prénom", "Nom", "Société", "Poste", "Courriel", "Téléphone")
    assert [row.cells[:3] for row in table.rows] == [
        ("José", "Muñoz", "Café “Zürich”"),
        ("Søren", "Kierkegård", "Ørsted A/S"),
        ("Jürgen", "Müller", "Bäckerei Müller & Söhne"),
        ("Françoise", "Lefèvre", "Ñandú S.A."),
    ]
    assert table.rows[3].cells[3] == "Directrice — Ventes"
    # Outlook's export, all quoted, with a single accented letter in it.
    assert read("outlook_contacts.csv").rows[0].cells[1] == "Siobhán"


def test_semicolons_with_decimal_commas_and_a_quoted_semicolon() -> None:
    table = read("excel_semicolon.csv")
    assert table.rows[0].cells == (
        "Schröder", "Anna", "Müller; Schmidt & Partner", "Geschäftsführerin",
        "anna.schroeder@example.de", "+49 30 1234567", "1.234,50",
    )  # fmt: skip


def test_meetup_text_named_xls_is_tab_separated() -> None:
    table = read("meetup_attendees.xls")
    assert table.headers[:3] == ("Name", "User ID", "Title")
    assert table.rows[0].cells[4] == "Lisbon, Portugal"
    assert table.rows[3].cells[0] == "鈴木 愛子"


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


def test_a_workbook_named_csv_is_still_a_workbook(tmp_path: Path) -> None:
    data = (IMPORTS / "whova_attendees.xlsx").read_bytes()
    table = read_table(write(tmp_path, "attendees.csv", data))
    assert table.kind is TableKind.XLSX
    assert table.source == "attendees.csv"


# --- files that cannot be imported -------------------------------------------------------------


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


def test_a_huge_field_is_refused_with_its_line(tmp_path: Path) -> None:
    huge = "x" * (10 * 1024 * 1024)
    data = f'Name,Notes\nAna,short\nBruno,"two\nlines",\nCarla,{huge}\n'.encode()
    # Bruno's record has 2 cells and an empty third: fine. Carla's field starts on line 5.
    error = problem(tmp_path, "big.csv", data)
    assert error.line == 5
    assert error.detail == "a field is 10,485,760 characters long; the limit is 100,000"
    assert str(error).startswith("big.csv, line 5: ")


def test_a_huge_field_inside_a_multi_line_record_names_its_own_line(tmp_path: Path) -> None:
    huge = "y" * (MAX_FIELD_CHARS + 1)
    error = problem(tmp_path, "big.csv", f'Name,Notes\n"Ana\nSilva",{huge}\n'.encode())
    assert error.line == 3
    assert f"{MAX_FIELD_CHARS + 1:,} characters" in error.detail


def test_a_field_at_the_limit_is_read(tmp_path: Path) -> None:
    table = read_table(
        write(tmp_path, "ok.csv", f"Name,Notes\nAna,{'z' * MAX_FIELD_CHARS}\n".encode())
    )
    assert len(table.rows[0].cells[1]) == MAX_FIELD_CHARS


def test_too_many_columns_are_refused(tmp_path: Path) -> None:
    header = ",".join(f"c{n}" for n in range(10_000))
    error = problem(tmp_path, "wide.csv", f"{header}\n{'1,' * 9_999}1\n".encode())
    assert error.line == 1
    assert error.detail == f"the row has 10,000 columns; the limit is {MAX_COLUMNS:,}"


def test_the_column_limit_itself_is_allowed(tmp_path: Path) -> None:
    header = ",".join(f"c{n}" for n in range(MAX_COLUMNS))
    table = read_table(
        write(tmp_path, "wide.csv", f"{header}\n{'1,' * (MAX_COLUMNS - 1)}1\n".encode())
    )
    assert len(table.headers) == MAX_COLUMNS


def test_random_bytes_are_not_a_table(tmp_path: Path) -> None:
    noise = random.Random(7).randbytes(2_000)
    error = problem(tmp_path, "noise.csv", noise)
    assert error.detail == "does not look like a CSV, spreadsheet or vCard file"


def test_nul_heavy_text_is_not_a_table(tmp_path: Path) -> None:
    error = problem(tmp_path, "nul.csv", b"Name,Email\n" + b"A\x00\x00\x00,b\x00\x00\n" * 50)
    assert error.detail == "does not look like a CSV, spreadsheet or vCard file"


def test_a_few_stray_nuls_are_dropped(tmp_path: Path) -> None:
    data = b"Name,Email\n" + b"Ana Silva,ana@example.pt\n" * 20 + b"Bruno\x00 Costa,b@example.pt\n"
    table = read_table(write(tmp_path, "nul.csv", data))
    assert table.rows[-1].cells == ("Bruno Costa", "b@example.pt")


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


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "video.csv"
    with path.open("wb") as file:
        file.truncate(refusals.MAX_FILE_BYTES + 1)  # sparse: nothing is written to the disk
    with pytest.raises(FileProblem) as caught:
        read_table(path)
    assert str(caught.value) == "video.csv: is over 256 MB; the planner reads lists of up to 256 MB"
    with path.open("r+b") as file:
        file.truncate(3 * (1 << 30) // 2)
    with pytest.raises(FileProblem, match=r"^video\.csv: is 1\.5 GB; .* up to 256 MB$"):
        read_table(path)


def test_a_device_without_a_size_is_read_no_further_than_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tables, "MAX_FILE_BYTES", 1 << 20)
    with pytest.raises(FileProblem, match=r"^zero: is over 1 MB; .* up to 1 MB$"):
        read_table(Path("/dev/zero"))  # endless: it used to be read until memory ran out


def test_a_folder_is_named_in_its_message() -> None:
    with pytest.raises(FileProblem, match=r"^/: cannot be read \(Is a directory\)$"):
        read_table(Path("/"))


def test_a_workbook_that_unpacks_past_the_limit_is_refused_before_it_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the workbook was opened")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    monkeypatch.setattr(xlsx, "MAX_UNPACKED_BYTES", 10 << 20)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("xl/workbook.xml", b"<workbook/>")
        zipped.writestr("xl/sharedStrings.xml", b" " * (12 << 20))  # 12 KB packed
    data = archive.getvalue()
    assert len(data) < 100_000
    error = problem(tmp_path, "bomb.xlsx", data)
    assert error.detail == "unpacks to 12 MB; the planner reads lists of up to 10 MB"


def test_sizes_are_written_as_file_managers_write_them() -> None:
    assert [
        refusals._bytes(n) for n in (0, 1023, 1024, 1536, 256 << 20, (1 << 30) + (1 << 29))
    ] == [
        "0 bytes",
        "1023 bytes",
        "1 KB",
        "1.5 KB",
        "256 MB",
        "1.5 GB",
    ]


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


# --- encodings, delimiters and line ends -------------------------------------------------------


NAMES = ["Zoë Martín", "田中 美咲", "王小明", "يوسف العامري", "נועה לוי"]
SAMPLE = "Name,Email\n" + "".join(f"{name},p{n}@example.com\n" for n, name in enumerate(NAMES))


@pytest.mark.parametrize(
    ("codec", "bom", "expected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
        ("utf-16-le", b"\xff\xfe", "utf-16-le"),
        ("utf-16-be", b"\xfe\xff", "utf-16-be"),
        ("utf-32-le", b"\xff\xfe\x00\x00", "utf-32-le"),
        ("utf-32-be", b"\x00\x00\xfe\xff", "utf-32-be"),
        ("utf-16-le", b"", "utf-16-le"),  # no byte-order mark: told by its NULs
    ],
)
def test_unicode_encodings(tmp_path: Path, codec: str, bom: bytes, expected: str) -> None:
    table = read_table(write(tmp_path, "people.csv", bom + SAMPLE.encode(codec)))
    assert table.encoding == expected
    assert [row.cells[0] for row in table.rows] == NAMES


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Imię,Nazwisko,Firma\nŁukasz,Wiśniewski,Żabka\nZofia,Łęcka,Świt\n", "cp1250"),
        ("Имя,Фамилия,Компания\nИван,Петров,Рога и копыта\nАнна,Смирнова,Ромашка\n", "cp1251"),  # noqa: RUF001
        ("氏名,会社名\n田中 美咲,株式会社サンプル\n山田 太郎,テスト商事\n", "shift_jis"),
    ],
)
def test_other_legacy_encodings_are_detected(tmp_path: Path, text: str, codec: str) -> None:
    table = read_table(write(tmp_path, "legacy.csv", text.encode(codec)))
    assert table.headers == tuple(text.splitlines()[0].split(","))
    assert [",".join(row.cells) for row in table.rows] == text.splitlines()[1:]


def test_a_bad_byte_after_a_byte_order_mark_is_reported(tmp_path: Path) -> None:
    error = problem(tmp_path, "odd.csv", b"\xff\xfe" + "Name,Email\n".encode("utf-16-le") + b"\x00")
    assert "starts like UTF-16 text" in error.detail


@pytest.mark.parametrize(
    ("delimiter", "name"), [(",", "comma"), (";", "semicolon"), ("\t", "tab"), ("|", "pipe")]
)
def test_each_delimiter_is_detected(tmp_path: Path, delimiter: str, name: str) -> None:
    rows = [["Name", "Company", "Notes"], ["Ana", "A, B; C", "x|y"], ["Bo", "Tab\there", ""]]
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    table = read_table(write(tmp_path, f"{name}.csv", out.getvalue().encode()))
    assert table.delimiter == delimiter
    assert [list(table.headers), *[list(row.cells) for row in table.rows]] == rows


def test_the_delimiter_of_a_long_file_comes_from_its_first_lines(tmp_path: Path) -> None:
    row = '"Silva; Ana";ana@example.pt;"Rua 1, Porto";"a\nb"\n'
    data = ("Name;Email;Address;Notes\n" + row * 20_000).encode()
    assert len(data) > 900_000  # several times the sample the delimiter is chosen from
    table = read_table(write(tmp_path, "long.csv", data))
    assert table.delimiter == ";"
    assert len(table.rows) == 20_000
    assert table.rows[-1] == SourceRow(
        2 + 2 * 19_999, ("Silva; Ana", "ana@example.pt", "Rua 1, Porto", "a\nb")
    )


def test_excels_sep_line_sets_the_delimiter(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "sep.csv", b"sep=;\r\nName;Notes\r\nAna;a,b\r\n"))
    assert table.delimiter == ";"
    assert table.header_line == 2
    assert table.rows == (SourceRow(3, ("Ana", "a,b")),)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_ends_of_every_kind(tmp_path: Path, newline: str) -> None:
    text = f'Name,Notes{newline}{newline}Ana,"one{newline}two{newline}three"{newline}Bo,x{newline}'
    table = read_table(write(tmp_path, "ends.csv", text.encode()))
    assert table.rows == (SourceRow(3, ("Ana", "one\ntwo\nthree")), SourceRow(6, ("Bo", "x")))


def test_mixed_line_ends_in_one_file(tmp_path: Path) -> None:
    text = 'Name,Notes\r\nAna,"a\rb\r\nc\nd"\rBo,x\nCy,y'
    table = read_table(write(tmp_path, "mixed.csv", text.encode()))
    assert table.rows == (
        SourceRow(2, ("Ana", "a\nb\nc\nd")),
        SourceRow(6, ("Bo", "x")),
        SourceRow(7, ("Cy", "y")),
    )


def test_a_trailing_delimiter_column_is_dropped(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "t.csv", b"Name,Email,\nAna,a@example.com,\nBo,,\n"))
    assert table.headers == ("Name", "Email")
    assert table.rows[1].cells == ("Bo", "")


def test_a_headerless_column_with_data_is_kept(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "t.csv", b"Name,Email,\nAna,a@example.com,note\n"))
    assert table.headers == ("Name", "Email", "")
    assert table.rows[0].cells == ("Ana", "a@example.com", "note")


def test_a_row_with_cells_beyond_the_header_is_left_out_with_its_line() -> None:
    table = read("ragged_row.csv")
    assert [row.line for row in table.rows] == [2, 3]  # line 3's extra cells are empty
    assert table.rows[1].cells == tuple(str(n) for n in range(1, 11))
    reason = "the row has 12 cells but the header has 10"
    assert table.left_out == ((Skipped(4, reason), tuple(str(n) for n in range(1, 13))),)


def test_the_file_is_refused_only_when_most_rows_are_ragged(tmp_path: Path) -> None:
    fine, ragged = "Ana,ana@example.org\n", "Bo,bo@example.org,Acme,extra\n"
    # Half the rows ragged: the other half is imported.
    table = read_table(
        write(tmp_path, "half.csv", f"Name,Email\n{fine}{ragged}{fine}{ragged}".encode())
    )
    assert [row.line for row in table.rows] == [2, 4]
    assert [skipped.line for skipped, _ in table.left_out] == [3, 5]
    # One more ragged than not: the file is not what it seems.
    error = problem(tmp_path, "most.csv", f"Name,Email\n{fine}{ragged}{ragged}".encode())
    assert error.line == 3
    assert error.detail.startswith("2 of its 3 rows have more cells than the header's 2: ")
    assert "not the table it seems to be" in error.detail


def test_a_ragged_row_keeps_its_cells_in_line_when_an_empty_column_is_dropped(
    tmp_path: Path,
) -> None:
    data = b"Name,,Email\nAna,,a@example.org\nBo,,b@example.org,x\nCy,,c@example.org\n"
    table = read_table(write(tmp_path, "t.csv", data))
    assert table.headers == ("Name", "Email")
    assert table.left_out[0][1] == ("Bo", "b@example.org", "x")


def test_short_rows_are_padded_and_empty_rows_skipped(tmp_path: Path) -> None:
    data = b"Name,Email,Company\nAna\n,,\n  ,\t,\nBo,b@example.com,Acme,,\n"
    table = read_table(write(tmp_path, "t.csv", data))
    assert table.rows == (
        SourceRow(2, ("Ana", "", "")),
        SourceRow(5, ("Bo", "b@example.com", "Acme")),
    )


def test_an_unnamed_empty_column_in_the_middle_is_dropped(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "t.csv", b"Name,,Email\nAna,,a@example.com\n"))
    assert table.headers == ("Name", "Email")
    assert table.rows == (SourceRow(2, ("Ana", "a@example.com")),)


def test_a_row_of_data_is_never_taken_for_the_header(tmp_path: Path) -> None:
    # The data reaches past the named columns, so no row passes the usual test; the first
    # row still is the header, as the rows below hold email addresses.
    data = b"Name,Email,,\nAna,ana@example.pt,x,y\nBo,bo@example.com,z,w\n"
    table = read_table(write(tmp_path, "t.csv", data))
    assert table.header_line == 1
    assert table.headers == ("Name", "Email", "", "")


def test_a_file_without_a_header_keeps_its_first_row(tmp_path: Path) -> None:
    data = b"Ana Silva,ana@example.pt\nBo Chen,bo@example.com,Acme\n"
    table = read_table(write(tmp_path, "list.csv", data))
    assert table.header_line == 0
    assert table.headers == ("Column 1", "Column 2", "Column 3")
    assert table.rows == (
        SourceRow(1, ("Ana Silva", "ana@example.pt", "")),
        SourceRow(2, ("Bo Chen", "bo@example.com", "Acme")),
    )


def test_a_long_preamble_does_not_hide_the_header(tmp_path: Path) -> None:
    preamble = "".join(f"Note {n}\n" for n in range(30))
    data = f"{preamble}Name,Email\nAna,ana@example.pt\n".encode()
    table = read_table(write(tmp_path, "notes.csv", data))
    assert (table.header_line, table.headers) == (31, ("Name", "Email"))
    assert table.rows == (SourceRow(32, ("Ana", "ana@example.pt")),)


def test_a_single_column_file(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "emails.csv", b"Email\nana@example.com\nbo@example.com\n"))
    assert table.headers == ("Email",)
    assert [row.cells for row in table.rows] == [("ana@example.com",), ("bo@example.com",)]


def test_header_cells_lose_spaces_and_stray_marks(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "t.csv", " Name ,\ufeffEmail\nAna,a@x.org\n".encode()))
    assert table.headers == ("Name", "Email")


def test_reading_leaves_the_csv_field_limit_as_it_was(tmp_path: Path) -> None:
    before = csv.field_size_limit()
    with pytest.raises(FileProblem):  # read, then refused for its length
        read_table(write(tmp_path, "t.csv", f"Name,Notes\nAna,{'n' * 200_000}\n".encode()))
    assert csv.field_size_limit() == before


def test_table_from_bytes_reads_without_a_file() -> None:
    table = table_from_bytes(b"Name,Email\nAna,a@example.com\n", "pasted")
    assert table.source == "pasted"
    assert table.rows == (SourceRow(2, ("Ana", "a@example.com")),)


# --- remembering a mapping ---------------------------------------------------------------------


def test_header_signature_is_stable_and_forgiving() -> None:
    signature = header_signature(["First Name", "Last Name", "Email"])
    assert re.fullmatch(r"[0-9a-f]{16}", signature)
    assert signature == header_signature(("first  name", " LAST NAME ", "email"))
    assert signature != header_signature(["Last Name", "First Name", "Email"])
    assert signature != header_signature(["First Name", "Last Name"])
    assert header_signature(["a b"]) != header_signature(["a", "b"])
    # Fixed forever: mappings saved today must be found tomorrow.
    assert header_signature(["Name", "Email"]) == "656cf5d1a57fa3eb"


# --- round trip --------------------------------------------------------------------------------

CELL = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=12)
HEADERS = ["Name", "Notes", "Email", "Company"]


@st.composite
def sheets(draw: st.DrawFn) -> list[list[str]]:
    width = draw(st.integers(min_value=2, max_value=len(HEADERS)))
    rows = draw(st.lists(st.lists(CELL, min_size=width, max_size=width), max_size=6))
    return [HEADERS[:width], *rows]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=sheets(),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_any_text_survives_a_round_trip_through_csv(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[list[str]],
    delimiter: str,
    codec: str,
) -> None:
    # Excel's CR LF: Python's writer quotes a field holding CR or LF only when the line
    # terminator holds that character, so with LF alone a lone CR would go out unquoted.
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path = tmp_path_factory.mktemp("round") / "sheet.csv"
    path.write_bytes(out.getvalue().encode(codec))

    expected: list[SourceRow] = []
    line = 2
    for row in rows[1:]:
        cells = tuple(re.sub("\r\n?", "\n", cell) for cell in row)
        if any(cell.strip() for cell in cells):
            expected.append(SourceRow(line, cells))
        line += 1 + sum(cell.count("\n") for cell in cells)
    if not expected:
        with pytest.raises(FileProblem, match="has a header but no rows"):
            read_table(path)
        return
    table = read_table(path)
    assert table.headers == tuple(rows[0])
    assert table.delimiter == delimiter
    assert table.rows == tuple(expected)


# --- start-up cost -----------------------------------------------------------------------------


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


# --- whole-text passes, a piece at a time ------------------------------------------------------

_LINES = st.text(alphabet=st.sampled_from(["a", "é", ",", '"', "\r", "\n", " "]), max_size=80)


@given(text=_LINES, piece=st.integers(min_value=1, max_value=12))
def test_newlines_made_lf_piece_by_piece_as_in_one_pass(text: str, piece: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(delimited, "_PIECE_CHARS", piece)
        assert delimited._unix_newlines(text) == re.sub(r"\r\n?", "\n", text)


@given(text=st.text(alphabet="ab\n", max_size=60), data=st.data())
def test_a_line_is_found_from_the_end_as_splitting_finds_it(text: str, data: st.DataObject) -> None:
    line = data.draw(st.integers(min_value=1, max_value=text.count("\n") + 1))
    assert text[delimited._line_start(text, line) :] == text.split("\n", line - 1)[-1]


@given(
    text=st.text(alphabet=st.sampled_from(['"', ",", "\n", "a", "é", " "]), max_size=120),
    piece=st.integers(min_value=1, max_value=10),
)
def test_records_read_piece_by_piece_as_from_one_text(text: str, piece: int) -> None:
    def parsed() -> object:
        try:
            return delimited._parse(text, ",", "t.csv", skip_first_line=False)
        except FileProblem as problem:
            return str(problem)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(delimited, "_PIECE_CHARS", 10_000)
        whole = parsed()
        patch.setattr(delimited, "_PIECE_CHARS", piece)
        assert parsed() == whole


# --- cancelling a long read ---------------------------------------------------------------------


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
