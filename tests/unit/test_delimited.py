"""Delimited text: each delimiter and Excel's sep= line, line ends of every kind, quoted fields
across lines, csv's field limit left as it was, whole-text passes a piece at a time, and a
round trip through csv in every dialect we read."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.importing import FileProblem, SourceRow
from planner.interchange import delimited
from planner.interchange.tables import read_table
from tests.attendee_tables import read, write


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


def test_semicolons_with_decimal_commas_and_a_quoted_semicolon() -> None:
    table = read("excel_semicolon.csv")
    assert table.rows[0].cells == (
        "Schröder", "Anna", "Müller; Schmidt & Partner", "Geschäftsführerin",
        "anna.schroeder@example.de", "+49 30 1234567", "1.234,50",
    )  # fmt: skip


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


def test_a_single_column_file(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "emails.csv", b"Email\nana@example.com\nbo@example.com\n"))
    assert table.headers == ("Email",)
    assert [row.cells for row in table.rows] == [("ana@example.com",), ("bo@example.com",)]


def test_reading_leaves_the_csv_field_limit_as_it_was(tmp_path: Path) -> None:
    before = csv.field_size_limit()
    with pytest.raises(FileProblem):  # read, then refused for its length
        read_table(write(tmp_path, "t.csv", f"Name,Notes\nAna,{'n' * 200_000}\n".encode()))
    assert csv.field_size_limit() == before


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
