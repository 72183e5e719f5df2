"""The rows an import left out, as a CSV to fix and import again.

One row per row or line left out, in file order: its line in the original file, why it was
left out, then its cells under the original headers, unchanged, so that the fixed file imports
with the same columns. A line left out of a contact (a vCard line that could not be read) has
no cells of its own. UTF-8 with a byte-order mark and CR LF line ends, which is how Excel
expects a CSV that holds more than ASCII.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from planner.domain.importing import Skipped, Table

__all__ = ["LINE_HEADER", "REASON_HEADER", "left_out_csv"]

LINE_HEADER = "Line"
REASON_HEADER = "Left out because"


def left_out_csv(table: Table, left_out: Iterable[Skipped]) -> bytes:
    """The CSV file of the rows of `table` that `left_out` names; see the module docstring."""
    cells = {row.line: row.cells for row in table.rows}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([LINE_HEADER, REASON_HEADER, *table.headers])
    for item in sorted(left_out, key=lambda item: item.line):
        writer.writerow([item.line, item.reason, *cells.get(item.line, ())])
    return out.getvalue().encode("utf-8-sig")
