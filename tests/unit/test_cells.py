"""A cell's value as the importer reads it."""

from __future__ import annotations

from planner.interchange.cells import INVISIBLE, strip_cell


def test_a_cell_loses_whitespace_and_invisible_marks_at_its_ends_only() -> None:
    assert INVISIBLE == "\ufeff\u200b"
    assert strip_cell(" \ufeff Ana\u00a0Lima \u200b\t") == "Ana\u00a0Lima"
    assert strip_cell("Ana\u200bLima") == "Ana\u200bLima"  # inside a value it stays
    assert strip_cell("\ufeff \u200b") == ""
    assert strip_cell("") == ""
