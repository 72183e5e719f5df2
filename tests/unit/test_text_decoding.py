"""Bytes to text: byte-order marks, UTF-16 without one, legacy code pages, Windows-1252 where
Excel wrote it, stray NULs, and bytes that are no text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from planner.interchange.tables import read_table
from tests.attendee_tables import problem, read, write


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
