"""How the commands speak: tables and JSON on stdout, problems as errors on stderr."""

from __future__ import annotations

import json

__all__ = ["CommandError", "print_json", "print_table"]


class CommandError(Exception):
    """A problem with what the user typed, reported on stderr without a traceback."""


def print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def print_table(header: tuple[str, ...], rows: list[tuple[str, ...]], *, empty: str) -> None:
    if not rows:
        print(empty)
        return
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    for row in (header, *rows):
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
