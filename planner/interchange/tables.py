"""Attendee lists as tables: delimited text, Excel workbooks and vCards, whatever exported them.

What a file is comes from its bytes, never from its name (Meetup's ".xls" is tab-separated
text; a ".csv" may be a workbook someone renamed):

- a zip holding ``xl/workbook.xml`` is an Excel workbook: its first sheet with anything in it
  is read with openpyxl (read-only, cached formula values), and named in ``Table.sheet``.
  Dates become ISO text ("2026-05-01", or "2026-05-01T09:30:00" with a time, rounded to the
  second), whole numbers lose their ".0", TRUE/FALSE stay words. ``SourceRow.line`` is the
  sheet's row number. Other zips (an OpenDocument or Numbers file, an .xlsb, anything else)
  are refused with what to do instead;
- an OLE2 file (D0 CF 11 E0) is an Excel 97-2003 workbook, or a password-protected new one,
  and is refused with the same advice: save it as .xlsx or CSV;
- text beginning with BEGIN:VCARD is a vCard file (`planner.interchange.vcard`);
- other text is delimited text, after a refusal of web pages and XML saved with a
  spreadsheet's name.

Text is decoded by its byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), else as UTF-8 if it
is valid UTF-8, else by charset-normalizer's best guess; when that guess is another Latin code
page that makes no more letters of the bytes than Windows-1252 does, Windows-1252 wins, since
that is what Excel writes in Western Europe and the Americas (charset-normalizer alone reads
"Muñoz" as "Muńoz"). `Table.encoding` is the codec's Python name: "utf-8", "utf-8-sig",
"utf-16-le", "cp1252", "shift_jis"... A file that is valid
UTF-8 except for a few bytes was edited by two programs and is refused, naming the first bad
line, rather than guessed: any guess would garble either those bytes or all the others. A few
stray NUL characters are dropped; NUL-heavy content and bytes that decode to control
characters are not text, and are refused.

Delimited text: line breaks (CR LF, CR, LF) all become LF, inside quoted fields too, and every
`SourceRow.line` is the physical line where the record starts, counting the line breaks inside
quoted fields. The delimiter (comma, semicolon, tab or pipe) is the one that splits the first
records into the most consistent number of columns; Excel's "sep=;" first line is honoured.
The header is the first of the first 20 rows with two or more filled cells whose cell count is
the most common one among the rows after it and which is at least as wide as they are: that
skips LinkedIn's "Notes:" paragraph and Zoom's report summary above the real header, and a
workbook's title rows. A row with an email address or a bare link in it is never the header; a
file whose first rows all are like that has none: its columns are named "Column 1",
"Column 2"... and `Table.header_line` is 0.

Rows are lined up with the header: short rows are padded (exports leave out empty cells at
the end of a row), and a row with something in cells beyond the header's is left out, its
values being in the wrong columns: it goes to `Table.left_out` with its line and why (and so
to the import's report and its left-out rows), unless more than half the rows are like that,
and then the file is refused (its header is not what it seems). A column with neither a name
nor a value (every row ending in a delimiter, a sheet starting in column B) is dropped, and
rows with nothing in them are left out. Files beyond reason are refused before anything is
imported: a file over 256 MB or a workbook that unpacks to over 1 GB (before they are read),
a field over 100,000 characters, a row over 1,000 columns, a quoted field never closed, or a
header without rows. Every refusal is a `FileProblem` naming the file and,
where there is one, the line.

Third-party libraries (openpyxl, charset-normalizer, vobject) are imported inside the
functions that use them, so that starting the app does not pay for them.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import hashlib
import io
import itertools
import os
import re
import unicodedata
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from planner.domain.importing import (
    FileProblem,
    ImportCancelled,
    Skipped,
    SourceRow,
    Table,
    TableKind,
)
from planner.interchange.vcard import read_vcards

__all__ = [
    "DELIMITERS",
    "MAX_COLUMNS",
    "MAX_FIELD_CHARS",
    "MAX_FILE_BYTES",
    "MAX_UNPACKED_BYTES",
    "header_signature",
    "read_table",
    "table_from_bytes",
]

MAX_FIELD_CHARS = 100_000
MAX_COLUMNS = 1_000
MAX_FILE_BYTES = 256 * 1024 * 1024
"""The largest file read: about 1.5 million rows of an attendee report. Larger is not a list
of people (or not one the import could hold in memory), and is refused before it is read."""
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
"""The most a workbook may unpack to (a zip says what each part unpacks to before any of it
is read): a small file that unpacks to gigabytes would otherwise fill the memory."""
DELIMITERS = (",", ";", "\t", "|")
"""Tried in this order; the first wins a tie."""

HEADER_SEARCH_ROWS = 20
"""The header must be among the first this many non-empty rows."""
SAMPLE_ROWS = 50
"""Rows looked at after a header candidate (and when choosing the delimiter)."""
_SAMPLE_CHARS = 256 * 1024
"""The delimiter is chosen from at most this much text, whole lines of it."""
_WATCH_EVERY = 500
"""Rows of a workbook read between two calls of a read's `watch`."""
_PIECE_CHARS = 1 << 20
"""Whole-text passes over a large file go a piece this long at a time: one C call over 25 MB
holds the GIL for a tenth of a second, and a window waiting for it freezes that long."""

EMPTY = "is empty"
NOT_A_TABLE = "does not look like a CSV, spreadsheet or vCard file"
OLD_EXCEL = "is an old Excel 97-2003 workbook; save it as .xlsx or CSV"

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_NEWLINE = re.compile(r"\r\n?")
_SEP_DIRECTIVE = re.compile(r"sep=(.)\n", re.IGNORECASE)
# Control characters that text files do not hold (tab, LF, VT, FF and CR excepted).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_LONE_SURROGATE = re.compile("[\udc80-\udcff]")
_TYPOGRAPHY = frozenset("\u2018\u2019\u201a“”„–—…•€™°«»·")  # quotes, dashes...
# A cell no header holds: an email address or a bare link.
_DATA_CELL = re.compile(r"[^@\s]+@[^@\s]+\.\w+|https?://\S+", re.IGNORECASE)


Watch = Callable[[int, int], None] | None
"""Called now and then while a file is read with how far the read is, (done, total) in
rows, contacts or characters (total 0 when unknown); it stops the read by raising
ImportCancelled (a large workbook takes seconds to read)."""


def read_table(path: Path, watch: Watch = None) -> Table:
    """The file at `path` as a table; see the module docstring. Raises FileProblem, or
    whatever `watch` raises."""
    source = path.name or str(path)  # "/" has no name
    try:
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise FileProblem(source, _too_big(size, MAX_FILE_BYTES))
            # Stops there for a file that grew meanwhile, or a device with no size (/dev/zero).
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise FileProblem(source, f"cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_FILE_BYTES:
        raise FileProblem(source, _too_big(len(data), MAX_FILE_BYTES))
    return table_from_bytes(data, source, watch)


def _too_big(size: int, limit: int, what: str = "is") -> str:
    shown, most = _bytes(size), _bytes(limit)
    if shown == most:  # just over
        shown = f"over {shown}"
    return f"{what} {shown}; the planner reads lists of up to {most}"


def _bytes(size: int) -> str:
    """1.5 GB, 256 MB, 12 KB: binary multiples, as file managers on most systems show them."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def table_from_bytes(data: bytes, source: str, watch: Watch = None) -> Table:
    """`data` (a whole file) as a table; `source` names it in messages. Raises FileProblem
    (or what `watch` raises, as read_table)."""
    if not data:
        raise FileProblem(source, EMPTY)
    if data.startswith(_ZIP):
        return _read_zip(data, source, watch)
    if data.startswith(_OLE2):
        if _ENCRYPTED_PACKAGE in data:
            raise FileProblem(
                source, "is protected by a password; remove the password in Excel and save it again"
            )
        raise FileProblem(source, OLD_EXCEL)
    text, encoding = _decode(data, source)
    start = text.lstrip("\ufeff \t\r\n\x0b\x0c")
    if not start or start.isspace():
        raise FileProblem(source, EMPTY)
    opening = start[:4096].casefold()
    if opening.startswith("begin:vcard"):
        return replace(read_vcards(text, source, watch), encoding=encoding)
    if opening.startswith("begin:vcalendar"):
        raise FileProblem(source, "is a calendar (iCalendar) file, not a list of people")
    if opening.startswith("<"):
        if "<html" in opening or "<table" in opening or "<!doctype html" in opening:
            raise FileProblem(
                source,
                "is a web page (HTML), whatever its name; open it in Excel and save it as "
                ".xlsx or CSV",
            )
        if "urn:schemas-microsoft-com:office:spreadsheet" in opening:
            raise FileProblem(source, "is an Excel 2003 XML workbook; save it as .xlsx or CSV")
        if opening.startswith("<?xml"):
            raise FileProblem(source, NOT_A_TABLE)
    return _read_delimited(text, source, encoding, watch)


def header_signature(headers: Sequence[str]) -> str:
    """A stable key for a set of headers, to remember the user's mapping for files like it.

    Headers are compared case-folded with runs of whitespace as one space; order counts.
    """
    key = "\x1f".join(" ".join(header.casefold().split()) for header in headers)
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


# --- decoding ----------------------------------------------------------------------------------


def _decode(data: bytes, source: str) -> tuple[str, str]:
    """The text of `data` and the name of its encoding; see the module docstring."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec.removesuffix("-sig"))
            except UnicodeDecodeError as error:
                raise FileProblem(
                    source,
                    f"starts like {label} text but byte {error.start + len(bom):,} is not "
                    f"valid {label}",
                ) from None
            return _without_nuls(text, source), codec
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _without_nuls(utf16[0], source), utf16[1]
        data = _bytes_without_nuls(data, source)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        first_bad = error.start
    loose = data.decode("utf-8", "surrogateescape")
    bad = len(_LONE_SURROGATE.findall(loose))
    good = sum(1 for char in loose if char > "\x7f") - bad
    if good > bad:
        raise FileProblem(
            source,
            f"is UTF-8 text except for byte 0x{data[first_bad]:02X} here, which is not UTF-8 "
            "(the file was probably edited in two programs); save it again as UTF-8, in Excel "
            "as “CSV UTF-8”",
            _line_at(data, first_bad),
        )
    text, encoding = _guess_encoding(data, source)
    if len(_CONTROL.findall(text)) * 100 > len(text):
        raise FileProblem(source, NOT_A_TABLE)
    return text, encoding


def _guess_encoding(data: bytes, source: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if best is None:
        if western is None:
            raise FileProblem(source, NOT_A_TABLE)
        return western, "cp1252"
    name = codecs.lookup(best.encoding).name
    guessed = str(best)
    if western is not None and name != "cp1252" and _prefer_western(western, guessed):
        return western, "cp1252"
    return guessed, name


def _prefer_western(western: str, guessed: str) -> bool:
    """Whether the Windows-1252 reading is at least as good as another single-byte guess.

    With few accented letters every Latin code page reads a file plausibly, and the detector
    picks among them nearly at random (Baltic for "Siobhán"). When the guess turns the bytes
    into Latin letters too, Windows-1252 wins unless it makes fewer of them letters: Polish
    text in Windows-1250 ("Łukasz") stays Windows-1250, since 1252 reads "£ukasz". A guess in
    another script (Cyrillic, Greek, Hebrew, Arabic...) or a multi-byte one is kept.
    """
    if western == guessed:
        return True
    if len(western) != len(guessed):
        return False
    pairs = [(w, g) for w, g in zip(western, guessed, strict=True) if w != g]
    if not all(
        _plausible(g) and (not g.isalpha() or unicodedata.name(g, "").startswith("LATIN"))
        for _, g in pairs
    ):
        return False
    return sum(map(_plausible, (w for w, _ in pairs))) >= sum(
        map(_plausible, (g for _, g in pairs))
    )


def _plausible(char: str) -> bool:
    """A letter, or the typographic punctuation Windows-1252 adds to Latin-1."""
    return char.isalpha() or char in _TYPOGRAPHY


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text written without a byte-order mark: every other byte NUL in Latin text."""
    head = data[:4096]
    even, odd = head[0::2], head[1::2]
    for zeros, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) * 10 >= len(zeros) * 4 and others.count(0) * 20 <= len(others):
            with contextlib.suppress(UnicodeDecodeError):
                return data.decode(codec), codec
    return None


def _without_nuls(text: str, source: str) -> str:
    """`text` without its few stray NULs; raises FileProblem when they are more than a few."""
    count = text.count("\x00")
    if count * 100 > len(text):
        raise FileProblem(source, NOT_A_TABLE)
    return text.replace("\x00", "") if count else text


def _bytes_without_nuls(data: bytes, source: str) -> bytes:
    count = data.count(0)
    if count * 100 > len(data):
        raise FileProblem(source, NOT_A_TABLE)
    return data.replace(b"\x00", b"")


def _line_at(data: bytes, offset: int) -> int:
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


# --- delimited text ----------------------------------------------------------------------------


def _read_delimited(text: str, source: str, encoding: str, watch: Watch) -> Table:
    text = _unix_newlines(text).removeprefix("\ufeff")
    directive = _SEP_DIRECTIVE.match(text)
    with _field_size_limit(len(text) + 1):
        delimiter = directive.group(1) if directive else _choose_delimiter(text)
        records = _parse(
            text, delimiter, source, skip_first_line=directive is not None, watch=watch
        )
    return _table_from_records(records, source, TableKind.CSV, encoding, delimiter)


def _unix_newlines(text: str) -> str:
    """CRLF and CR as LF, a piece at a time (_pieces: no CRLF is cut in two)."""
    if "\r" not in text:
        return text
    return "".join([_NEWLINE.sub("\n", piece) for piece in _pieces(text)])


def _pieces(text: str) -> Iterator[str]:
    """`text` in pieces of about _PIECE_CHARS, each ending just after an LF (but the last)."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start + _PIECE_CHARS)
        end = size if end < 0 else end + 1
        yield text[start:end]
        start = end


@contextlib.contextmanager
def _field_size_limit(limit: int) -> Iterator[None]:
    """Let csv read fields of any length, so that the length check and its message are ours.

    The limit is process-wide; it is raised only while a file is read and then put back.
    """
    previous = csv.field_size_limit()
    csv.field_size_limit(max(previous, limit))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _choose_delimiter(text: str) -> str:
    """The delimiter giving the most consistent column count above one over the first rows.

    Consistency is the share of (non-empty) rows that have the most common count; a tie goes
    to the larger count, then to the earlier delimiter. Text no delimiter splits is read as
    one column, with a comma.
    """
    truncated = len(text) > _SAMPLE_CHARS
    cut = text.rfind("\n", 0, _SAMPLE_CHARS) + 1 if truncated else len(text)
    sample = text[: cut or _SAMPLE_CHARS]
    best: tuple[float, int] | None = None
    chosen = DELIMITERS[0]
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        counts: list[int] = []
        try:
            for cells in reader:
                if any(cell.strip() for cell in cells):
                    counts.append(len(cells))
                    if len(counts) == HEADER_SEARCH_ROWS + SAMPLE_ROWS:
                        break
        except csv.Error:
            continue
        if truncated and len(counts) < HEADER_SEARCH_ROWS + SAMPLE_ROWS:
            counts = counts[:-1]  # the last record may be cut short by the sample's end
        if not counts:
            continue
        tally = Counter(counts)
        columns = max(tally, key=lambda count: (tally[count], count))
        if columns < 2:
            continue
        score = (tally[columns] / len(counts), columns)
        if best is None or score > best:
            best, chosen = score, delimiter
    return chosen


def _parse(
    text: str, delimiter: str, source: str, *, skip_first_line: bool, watch: Watch = None
) -> list[tuple[int, list[str]]]:
    """Every non-blank record with the line it starts on, checked against the limits."""
    # Lines from a StringIO per piece: one StringIO over a 25 MB text copies it all at once.
    pieces = _pieces(text) if watch is None else _watched(_pieces(text), watch, len(text))
    lines = itertools.chain.from_iterable(io.StringIO(piece, newline="") for piece in pieces)
    reader = csv.reader(lines, delimiter=delimiter)
    records: list[tuple[int, list[str]]] = []
    append = records.append
    end = 0
    try:
        for cells in reader:
            start, end = end + 1, reader.line_num
            if any(cells):
                append((start, cells))
    except csv.Error as error:
        raise FileProblem(source, f"cannot be read as delimited text ({error})", end + 1) from None
    if skip_first_line and records and records[0][0] == 1:
        del records[0]
    last = len(records) - 1
    for index, (line, cells) in enumerate(records):
        if index == last:
            _check_closed(text, delimiter, line, cells, source)
        # The usual record is far inside both limits; only one beyond them is looked at closely.
        if len(cells) > MAX_COLUMNS or max(map(len, cells)) > MAX_FIELD_CHARS:
            _check_record(line, cells, source)
    return records


def _watched(pieces: Iterator[str], watch: Callable[[int, int], None], total: int) -> Iterator[str]:
    """The pieces, telling `watch` before each (a megabyte of text) how far the read is."""
    done = 0
    for piece in pieces:
        watch(done, total)
        done += len(piece)
        yield piece


def _check_closed(text: str, delimiter: str, line: int, cells: list[str], source: str) -> None:
    """Raise FileProblem when the record at `line` (the last) ends in a quote never closed.

    A lenient reader takes such a field to the end of the file; a strict one, started at the
    record, says "unexpected end of data".
    """
    tail = text[_line_start(text, line) :]
    strict = csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True)
    try:
        for _ in strict:
            pass
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            opening = line + sum(cell.count("\n") for cell in cells[:-1])
            raise FileProblem(
                source, "a quoted field starts on this line and is never closed", opening
            ) from None


def _line_start(text: str, line: int) -> int:
    """Where line `line` (from 1) of `text` starts, found from the end: the last lines of a
    large file, without splitting the whole of it."""
    position = len(text)
    for _ in range(text.count("\n") - (line - 1) + 1):
        position = text.rfind("\n", 0, position)
        if position < 0:
            break
    return position + 1


def _check_record(line: int, cells: Sequence[str], source: str) -> None:
    if len(cells) > MAX_COLUMNS and (width := _width(cells)) > MAX_COLUMNS:
        raise FileProblem(
            source, f"the row has {width:,} columns; the limit is {MAX_COLUMNS:,}", line
        )
    for index, cell in enumerate(cells):
        if len(cell) > MAX_FIELD_CHARS:
            start = line + sum(previous.count("\n") for previous in cells[:index])
            raise FileProblem(
                source,
                f"a field is {len(cell):,} characters long; the limit is {MAX_FIELD_CHARS:,}",
                start,
            )


# --- from records to a table -------------------------------------------------------------------


def _table_from_records(
    records: Sequence[tuple[int, Sequence[str]]],
    source: str,
    kind: TableKind,
    encoding: str | None,
    delimiter: str | None,
) -> Table:
    rows = [(line, cells) for line, cells in records if _has_text(cells)]
    if not rows:
        raise FileProblem(source, EMPTY)
    first = _find_header(rows)
    if first is None:  # no header: every row is data, the columns get numbers for names
        header_line, width = 0, max(_width(cells) for _, cells in rows)
        headers = [f"Column {number}" for number in range(1, width + 1)]
    else:
        header_line, header_cells = rows[first]
        headers = [cell.strip().strip("\ufeff").strip() for cell in header_cells]
        width = len(headers)
    body: list[tuple[int, Sequence[str]]] = rows[0 if first is None else first + 1 :]
    ragged: list[tuple[int, Sequence[str]]] = []
    for index, (line, cells) in enumerate(body):
        if len(cells) == width:
            continue
        if len(cells) > width:
            if _has_text(cells[width:]):
                ragged.append((line, cells))
                continue
            cells = cells[:width]
        else:
            cells = [*cells, *[""] * (width - len(cells))]
        body[index] = (line, cells)
    if ragged:
        body = _without_ragged(body, ragged, width, source)
    # A column without a name or a value (rows ending in a delimiter, a sheet starting in
    # column B) is no column at all.
    drop = [
        column
        for column in range(width)
        if not headers[column] and not any(cells[column].strip() for _, cells in body)
    ]
    keep = [column for column in range(width) if column not in drop]
    if drop:
        table_rows = [
            SourceRow(line, tuple(cells[column] for column in keep)) for line, cells in body
        ]
        headers = [headers[column] for column in keep]
    else:
        table_rows = [SourceRow(line, tuple(cells)) for line, cells in body]
    left_out = tuple(
        (
            Skipped(line, f"the row has {_width(cells)} cells but the header has {width}"),
            (*(cells[column] for column in keep), *cells[width:]),
        )
        for line, cells in ragged
    )
    if not table_rows:
        raise FileProblem(source, "has a header but no rows")
    return Table(
        source=source,
        kind=kind,
        headers=tuple(headers),
        rows=tuple(table_rows),
        encoding=encoding,
        delimiter=delimiter,
        header_line=header_line,
        left_out=left_out,
    )


def _without_ragged(
    body: list[tuple[int, Sequence[str]]],
    ragged: Sequence[tuple[int, Sequence[str]]],
    width: int,
    source: str,
) -> list[tuple[int, Sequence[str]]]:
    """The rows that line up with the header; see the module docstring. Raises FileProblem
    when most rows do not: then the file is not the table it seems to be."""
    if len(ragged) * 2 > len(body):
        raise FileProblem(
            source,
            f"{len(ragged):,} of its {len(body):,} rows have more cells than the header's "
            f"{width}: the file is not the table it seems to be (a header on a later line, "
            "another separator, or text that is not a table)",
            ragged[0][0],
        )
    lines = {line for line, _ in ragged}
    return [(line, cells) for line, cells in body if line not in lines]


def _find_header(rows: Sequence[tuple[int, Sequence[str]]]) -> int | None:
    """Index of the header among non-empty rows, or None for a file without one.

    See the module docstring. When no row passes (the rows below are ragged), the header is
    the candidate that the most rows below it fit under, having nothing beyond its last named
    column: a report's summary lines above the table are narrower than the rows that follow
    them. A row holding an email address or a bare link is data, never the header; when every
    row is like that, the file has no header.
    """
    window = rows[: HEADER_SEARCH_ROWS + SAMPLE_ROWS]
    least = 2 if any(_filled(cells) >= 2 for _, cells in window) else 1
    best: tuple[float, int] | None = None
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if not _may_head(cells, least):
            continue
        following = [later for _, later in rows[index + 1 : index + 1 + SAMPLE_ROWS]]
        if not following:
            return index if best is None else best[1]
        tally = Counter(len(later) for later in following)
        columns = max(tally, key=lambda count: (tally[count], count))
        width = _width(cells)
        widths = [_width(later) for later in following]
        if len(cells) == columns and width >= max(widths):
            return index
        fit = sum(1 for later in widths if later <= width) / len(widths)
        if best is None or fit > best[0]:
            best = (fit, index)
    if best is not None:
        return best[1]
    return next((index for index, (_, cells) in enumerate(rows) if _may_head(cells, least)), None)


def _may_head(cells: Sequence[str], least: int) -> bool:
    """Whether a row can be a header: enough names, and no email address or link."""
    return _filled(cells) >= least and not any(_DATA_CELL.fullmatch(c.strip()) for c in cells)


def _filled(cells: Sequence[str]) -> int:
    return sum(1 for cell in cells if cell.strip())


def _has_text(cells: Sequence[str]) -> bool:
    """Whether any cell holds more than whitespace (what `_filled` counts, without counting)."""
    if not any(cells):
        return False
    joined = "".join(cells)
    return not joined.isspace()


def _width(cells: Sequence[str]) -> int:
    """The number of cells up to the last one with something in it."""
    for index in range(len(cells) - 1, -1, -1):
        if cells[index].strip():
            return index + 1
    return 0


# --- zip files and Excel workbooks -------------------------------------------------------------


def _read_zip(data: bytes, source: str, watch: Watch) -> Table:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(entry.file_size for entry in archive.infolist())
            mimetype = archive.read("mimetype")[:200] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError):
        raise FileProblem(source, NOT_A_TABLE) from None
    if unpacked > MAX_UNPACKED_BYTES:  # zipfile never unpacks more than an entry says
        raise FileProblem(source, _too_big(unpacked, MAX_UNPACKED_BYTES, "unpacks to"))
    if "xl/workbook.xml" in names:
        return _read_xlsx(data, source, watch)
    if "xl/workbook.bin" in names:
        raise FileProblem(source, "is a binary Excel workbook (.xlsb); save it as .xlsx or CSV")
    if b"opendocument.spreadsheet" in mimetype:
        raise FileProblem(source, "is an OpenDocument spreadsheet; save it as .xlsx or CSV")
    if any(name.startswith("Index/") and name.endswith(".iwa") for name in names):
        raise FileProblem(source, "is an Apple Numbers document; export it as Excel or CSV")
    raise FileProblem(source, NOT_A_TABLE)


def _read_xlsx(data: bytes, source: str, watch: Watch) -> Table:
    """The first sheet with anything in it: a list pasted into a workbook's second sheet,
    the first left blank, is read from there (`Table.sheet` names the sheet)."""
    import openpyxl  # type: ignore[import-untyped]  # see the module docstring

    with warnings.catch_warnings():
        # openpyxl warns about features it skips (data validation, default styles...).
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # it raises many types for a damaged workbook
            raise FileProblem(
                source, f"is an Excel workbook that cannot be read ({error})"
            ) from None
        try:
            sheets = list(workbook.worksheets)
            if not sheets:
                raise FileProblem(source, "is an Excel workbook without a worksheet")
            for sheet in sheets:
                records = _sheet_records(sheet, source, watch)
                if any(_filled(cells) for _, cells in records):
                    break
            else:
                titles = ", ".join(f"“{sheet.title}”" for sheet in sheets)
                if len(sheets) == 1:
                    raise FileProblem(source, f"is empty (its sheet, {titles}, has nothing in it)")
                raise FileProblem(
                    source, f"is empty (none of its sheets, {titles}, has anything in it)"
                )
        finally:
            workbook.close()
    table = _table_from_records(records, source, TableKind.XLSX, None, None)
    return replace(table, sheet=str(sheet.title))


def _sheet_records(sheet: Any, source: str, watch: Watch) -> list[tuple[int, list[str]]]:
    """The sheet's rows that hold anything, as (row number, cells as text)."""
    records: list[tuple[int, list[str]]] = []
    rows = sheet.max_row or 0  # from the sheet's own dimensions, when it has them
    try:
        for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), 1):
            if number % _WATCH_EVERY == 0 and watch is not None:
                watch(number, rows if rows >= number else 0)  # 0: how many is not known
            cells = [_cell_text(value) for value in values]
            if any(cells):
                _check_record(number, cells, source)
                records.append((number, cells))
    except (FileProblem, ImportCancelled):
        raise
    except Exception as error:
        raise FileProblem(source, f"is an Excel workbook that cannot be read ({error})") from None
    return records


def _cell_text(value: object) -> str:
    """A cell's value as the text the user sees in Excel, near enough."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _NEWLINE.sub("\n", value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        value = _to_second(value)
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return _to_second(datetime.combine(date(2000, 1, 1), value)).time().isoformat()
    return str(value)


def _to_second(value: datetime) -> datetime:
    """Excel keeps times as fractions of a day; 09:30 may come back as 09:29:59.999999."""
    if not value.microsecond:
        return value
    return (value + timedelta(microseconds=500_000)).replace(microsecond=0)
