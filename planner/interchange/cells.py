"""A cell's value as the importer reads it: stripped of whitespace and of the invisible marks
spreadsheets leave at a cell's ends (a byte-order mark, a zero-width space).

Guessing a column from its values and reading each row's fields both read a cell this way, so
that a cell blank but for such a mark counts as empty in both.
"""

from __future__ import annotations

__all__ = ["INVISIBLE", "strip_cell"]

INVISIBLE = "\ufeff\u200b"
"""Stripped from cells along with whitespace."""


def strip_cell(value: str) -> str:
    """`value` without whitespace or INVISIBLE marks at either end."""
    return value.strip().strip(INVISIBLE).strip()
