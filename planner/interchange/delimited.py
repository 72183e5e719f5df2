"""Delimited text read into records: line ends, the delimiter, and the csv reader's limits.

Line breaks (CR LF, CR, LF) all become LF, inside quoted fields too, and every
`SourceRow.line` is the physical line where the record starts, counting the line breaks inside
quoted fields. The delimiter (comma, semicolon, tab or pipe) is the one that splits the first
records into the most consistent number of columns; Excel's "sep=;" first line is honoured.
A quoted field never closed, a field over the length limit or a row over the column limit
(planner.interchange.refusals) is refused with its line. The records become a table in
planner.interchange.header_row.

This is the path every row of a large CSV takes: whole-text passes go a megabyte at a time, and
a record is looked at cell by cell only when it comes near a limit.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator

from planner.domain.importing import FileProblem, Table, TableKind
from planner.interchange.header_row import HEADER_SEARCH_ROWS, SAMPLE_ROWS, table_from_records
from planner.interchange.refusals import MAX_COLUMNS, MAX_FIELD_CHARS, check_record

__all__ = ["DELIMITERS", "read_delimited"]

DELIMITERS = (",", ";", "\t", "|")
"""Tried in this order; the first wins a tie."""
_SAMPLE_CHARS = 256 * 1024
"""The delimiter is chosen from at most this much text, whole lines of it."""
_PIECE_CHARS = 1 << 20
"""Whole-text passes over a large file go a piece this long at a time: one C call over 25 MB
holds the GIL for a tenth of a second, and a window waiting for it freezes that long."""
_NEWLINE = re.compile(r"\r\n?")
_SEP_DIRECTIVE = re.compile(r"sep=(.)\n", re.IGNORECASE)


def read_delimited(
    text: str, source: str, encoding: str, watch: Callable[[int, int], None] | None
) -> Table:
    """The decoded `text` of a file as a table (`encoding` is recorded in it); `watch` is told
    (characters read, characters in all). Raises FileProblem, or what `watch` raises."""
    text = _unix_newlines(text).removeprefix("\ufeff")
    directive = _SEP_DIRECTIVE.match(text)
    with _field_size_limit(len(text) + 1):
        delimiter = directive.group(1) if directive else _choose_delimiter(text)
        records = _parse(
            text, delimiter, source, skip_first_line=directive is not None, watch=watch
        )
    return table_from_records(records, source, TableKind.CSV, encoding, delimiter)


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
    text: str,
    delimiter: str,
    source: str,
    *,
    skip_first_line: bool,
    watch: Callable[[int, int], None] | None = None,
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
            check_record(line, cells, source)
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
