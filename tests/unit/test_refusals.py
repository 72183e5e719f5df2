"""Files beyond reason, refused before or while they are read: the file's size, a workbook's
unpacked size, a field's length and a row's columns; sizes written as file managers write
them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from planner.domain.importing import FileProblem
from planner.interchange import refusals, tables, xlsx
from planner.interchange.refusals import MAX_COLUMNS, MAX_FIELD_CHARS, check_record
from planner.interchange.tables import read_table
from tests.attendee_tables import problem, write


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


def test_a_record_is_checked_against_the_limits_up_to_its_last_filled_cell() -> None:
    check_record(1, ["x", *[""] * (MAX_COLUMNS + 5)], "t.csv")  # empty cells beyond: fine
    with pytest.raises(FileProblem) as caught:
        check_record(4, ["a\nb", "c\nd", "z" * (MAX_FIELD_CHARS + 1)], "t.csv")
    assert (caught.value.line, caught.value.source) == (6, "t.csv")
