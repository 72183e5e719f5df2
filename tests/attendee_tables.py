"""Attendee files and tables for the reader and mapping tests: a fixture read, a file written
and read or refused, a table built in memory, and a mapping shown by its headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.domain.importing import FileProblem, Mapping, SourceRow, Table, TableKind
from planner.interchange.tables import read_table
from tests.conftest import DATA

__all__ = ["IMPORTS", "named", "problem", "read", "table_of", "write"]

IMPORTS = DATA / "imports"


def read(name: str) -> Table:
    """The fixture `name` in tests/data/imports, read."""
    return read_table(IMPORTS / name)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    """`data` written to a file `name` in `tmp_path`."""
    path = tmp_path / name
    path.write_bytes(data)
    return path


def problem(tmp_path: Path, name: str, data: bytes) -> FileProblem:
    """The refusal of a file `name` holding `data` (the read must refuse it)."""
    with pytest.raises(FileProblem) as caught:
        read_table(write(tmp_path, name, data))
    return caught.value


def table_of(headers: list[str], *rows: list[str]) -> Table:
    """A CSV table in memory with these headers, its rows on lines 2, 3..."""
    return Table(
        source="test.csv",
        kind=TableKind.CSV,
        headers=tuple(headers),
        rows=tuple(SourceRow(n, tuple(cells)) for n, cells in enumerate(rows, start=2)),
    )


def named(table: Table, mapping: Mapping) -> dict[str, str]:
    """`mapping` with each column shown by its header and each field by its value."""
    return {table.headers[column]: field.value for column, field in mapping.items()}
