"""How the commands speak. What a command did or found goes to stdout; a problem goes to
stderr as "planner: error: ..." (and the exit status is not 0).

With --json, stdout holds the JSON alone, so a script can read it whole. What a person would
read besides it (a file written, how a date without a time was taken) then goes to stderr,
as a note; without --json it is part of the result, on stdout.
"""

from __future__ import annotations

import json
import sys

__all__ = ["CommandError", "note", "print_json", "print_table"]


class CommandError(Exception):
    """A problem with what the user typed, reported on stderr without a traceback."""


def note(text: str, *, beside_json: bool) -> None:
    """A line for the person running the command, beside its result (see the module)."""
    print(text, file=sys.stderr if beside_json else sys.stdout)


def print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def print_table(
    header: tuple[str, ...],
    rows: list[tuple[str, ...]],
    *,
    empty: str,
    below: list[str] | None = None,
) -> None:
    """The rows in columns under the header; `below`, when given, holds a line for each row,
    printed indented under it when it is not empty."""
    if not rows:
        print(empty)
        return
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    lines = ["", *(below or [""] * len(rows))]
    for row, line in zip((header, *rows), lines, strict=True):
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
        if line:
            print(f"    {line}")
