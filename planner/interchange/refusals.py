"""What the table readers refuse, and the words they refuse it with.

Files beyond reason are refused before anything is imported: a file over 256 MB or a workbook
that unpacks to over 1 GB (before they are read), a field over 100,000 characters or a row over
1,000 columns. Every reader checks against the same limits and writes sizes the same way, so
the messages read alike whichever reader refused the file. Every refusal is a `FileProblem`
naming the file and, where there is one, the line.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.domain.importing import FileProblem
from planner.interchange.header_row import row_width

__all__ = [
    "MAX_COLUMNS",
    "MAX_FIELD_CHARS",
    "MAX_FILE_BYTES",
    "MAX_UNPACKED_BYTES",
    "NOT_A_TABLE",
    "check_record",
    "too_big",
]

MAX_FIELD_CHARS = 100_000
MAX_COLUMNS = 1_000
MAX_FILE_BYTES = 256 * 1024 * 1024
"""The largest file read: about 1.5 million rows of an attendee report. Larger is not a list
of people (or not one the import could hold in memory), and is refused before it is read."""
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
"""The most a workbook may unpack to (a zip says what each part unpacks to before any of it
is read): a small file that unpacks to gigabytes would otherwise fill the memory."""

NOT_A_TABLE = "does not look like a CSV, spreadsheet or vCard file"


def too_big(size: int, limit: int, what: str = "is") -> str:
    """The refusal of `size` bytes over `limit`: "is 300 MB; the planner reads lists of up to
    256 MB" (`what` "unpacks to" for a workbook's parts)."""
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


def check_record(line: int, cells: Sequence[str], source: str) -> None:
    """Raise FileProblem when the record starting on `line` has more columns, up to its last
    filled cell, than MAX_COLUMNS, or a field longer than MAX_FIELD_CHARS (named by the line
    the field starts on)."""
    if len(cells) > MAX_COLUMNS and (width := row_width(cells)) > MAX_COLUMNS:
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
