"""The header row and the rows under it: preambles and report summaries skipped, files without
a header, ragged and short rows, and columns with neither a name nor a value."""

from __future__ import annotations

from pathlib import Path

from planner.domain.importing import Skipped, SourceRow
from planner.interchange.tables import read_table
from tests.attendee_tables import problem, read, write


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


def test_header_cells_lose_spaces_and_stray_marks(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "t.csv", " Name ,\ufeffEmail\nAna,a@x.org\n".encode()))
    assert table.headers == ("Name", "Email")
