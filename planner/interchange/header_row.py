"""From a file's records to a table: which row is the header, and the rows lined up under it.

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
rows with nothing in them are left out; a file with nothing in it, or a header without rows,
is refused. Delimited text and workbooks both come here, as (line, cells) records.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from planner.domain.importing import FileProblem, Skipped, SourceRow, Table, TableKind

__all__ = [
    "EMPTY",
    "HEADER_SEARCH_ROWS",
    "SAMPLE_ROWS",
    "filled_count",
    "has_text",
    "row_width",
    "table_from_records",
]

HEADER_SEARCH_ROWS = 20
"""The header must be among the first this many non-empty rows."""
SAMPLE_ROWS = 50
"""Rows looked at after a header candidate (and when choosing the delimiter)."""

EMPTY = "is empty"

# A cell no header holds: an email address or a bare link.
_DATA_CELL = re.compile(r"[^@\s]+@[^@\s]+\.\w+|https?://\S+", re.IGNORECASE)


def table_from_records(
    records: Sequence[tuple[int, Sequence[str]]],
    source: str,
    kind: TableKind,
    encoding: str | None,
    delimiter: str | None,
) -> Table:
    """The table of a file's (line, cells) records, its header found and its rows lined up
    under it; see the module docstring. Raises FileProblem."""
    rows = [(line, cells) for line, cells in records if has_text(cells)]
    if not rows:
        raise FileProblem(source, EMPTY)
    first = _find_header(rows)
    if first is None:  # no header: every row is data, the columns get numbers for names
        header_line, width = 0, max(row_width(cells) for _, cells in rows)
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
            if has_text(cells[width:]):
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
            Skipped(line, f"the row has {row_width(cells)} cells but the header has {width}"),
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
    least = 2 if any(filled_count(cells) >= 2 for _, cells in window) else 1
    best: tuple[float, int] | None = None
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if not _may_head(cells, least):
            continue
        following = [later for _, later in rows[index + 1 : index + 1 + SAMPLE_ROWS]]
        if not following:
            return index if best is None else best[1]
        tally = Counter(len(later) for later in following)
        columns = max(tally, key=lambda count: (tally[count], count))
        width = row_width(cells)
        widths = [row_width(later) for later in following]
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
    return filled_count(cells) >= least and not any(_DATA_CELL.fullmatch(c.strip()) for c in cells)


def filled_count(cells: Sequence[str]) -> int:
    return sum(1 for cell in cells if cell.strip())


def has_text(cells: Sequence[str]) -> bool:
    """Whether any cell holds more than whitespace (`filled_count` above 0, without counting)."""
    if not any(cells):
        return False
    joined = "".join(cells)
    return not joined.isspace()


def row_width(cells: Sequence[str]) -> int:
    """The number of cells up to the last one with something in it."""
    for index in range(len(cells) - 1, -1, -1):
        if cells[index].strip():
            return index + 1
    return 0
