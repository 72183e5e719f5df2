"""The rows an import left out, as a CSV to fix and import again.

One row per row or line left out, in file order: its line in the original file, why it was
left out, then its cells under the original headers, so that the fixed file imports with the
same columns (a row left out for cells beyond the header's has them after the header's
columns). A line left out of a contact (a vCard line that could not be read) has no cells
of its own. UTF-8 with a byte-order mark and CR LF line ends, which is how Excel expects a CSV
that holds more than ASCII.

A cell that a spreadsheet would take for a formula (it starts with =, +, -, @, a tab or a
carriage return: an attendee who typed `=HYPERLINK(...)` as their name) is written after an
apostrophe, so opening the file runs nothing. The import drops that apostrophe again
(`planner.interchange.normalize.clean`), so the cell imports as it was.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from planner.domain.importing import Skipped, Table
from planner.interchange.normalize import FORMULA_STARTS

__all__ = ["LINE_HEADER", "REASON_HEADER", "left_out_csv", "spreadsheet_safe"]

LINE_HEADER = "Line"
REASON_HEADER = "Left out because"


def spreadsheet_safe(cell: str) -> str:
    """The cell, after an apostrophe if a spreadsheet would read it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def left_out_csv(table: Table, left_out: Iterable[Skipped]) -> bytes:
    """The CSV file of the rows of `table` that `left_out` names; see the module docstring."""
    cells = {row.line: row.cells for row in table.rows}
    cells.update((skipped.line, row) for skipped, row in table.left_out)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([LINE_HEADER, REASON_HEADER, *table.headers])
    for item in sorted(left_out, key=lambda item: item.line):
        row = cells.get(item.line, ())
        writer.writerow([item.line, item.reason, *map(spreadsheet_safe, row)])
    return out.getvalue().encode("utf-8-sig")
