"""A mapping applied to a table's rows: each row's cells turned into a candidate's fields.

`apply_mapping` yields one `Candidate` per row, with the stripped, non-empty values only. When
a recognised layout's column still holds the field the layout gave it, its fallbacks apply:
the first of the layout's columns for that field with something in it wins (and for an email,
the first that has an @), Google's " ::: " multi-value cells give their first value (an email
cell gives them all, "a; b", for the notes to keep the others), and a full
name column is dropped for rows that give both given and family name. In a column of names,
companies, job titles or notes that writes "NULL", "None" or "N/A" for nothing (enough of its
cells do: planner.interchange.placeholders), that word is read as an empty cell. The
`Mapping` itself stays one column per field, as the user sees and edits it.

This is the path every row of an import takes (partly in a helper process,
planner.services.import_rows): the plan is worked out once per file, and a field read from one
plain column is taken straight from its cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from planner.domain.importing import Candidate, Field, Mapping, Table
from planner.interchange.cells import INVISIBLE, strip_cell
from planner.interchange.layouts import header_index, layout_spec, recognise

__all__ = ["RowPlan", "apply_mapping", "map_rows", "row_plan"]


def apply_mapping(table: Table, mapping: Mapping) -> Iterator[Candidate]:
    """One candidate per row, in file order; see the module docstring.

    Columns not in `mapping` are read only as a recognised layout's fallbacks. A field mapped
    from several columns takes the first one, in the mapping's order, with a value.
    """
    rows = ((row.line, row.cells) for row in table.rows)
    for line, values in map_rows(row_plan(table, mapping), rows):
        yield Candidate(line, values)


@dataclass(frozen=True, slots=True)
class RowPlan:
    """Where each field of a row comes from, for `map_rows`: worked out once per file from its
    headers and the mapping, and small enough to hand to another process."""

    # A field read from one plain column (the usual case) is taken straight from its cell:
    # (field, column, None); any other goes through _first_value: (field, -1, sources).
    steps: tuple[tuple[Field, int, tuple[_Source, ...] | None], ...]
    drop_full_name: bool
    conventions: tuple[tuple[int, Field, str, int], ...] = ()
    """(column, field, word, cells): the words a column uses for nothing, read as missing
    there (planner.interchange.placeholders)."""


# Fields where "None" or "Null" can be a value, unless the column uses it for nothing.
_WORDY_FIELDS = frozenset(
    {Field.FULL_NAME, Field.GIVEN_NAME, Field.FAMILY_NAME, Field.COMPANY, Field.TITLE, Field.NOTES}
)


def row_plan(table: Table, mapping: Mapping) -> RowPlan:
    from planner.interchange.placeholders import column_conventions

    plan, drop_full_name = _plan(table, mapping)
    wordy = {s.column: field for field, sources in plan if field in _WORDY_FIELDS for s in sources}
    found = column_conventions(table.rows, wordy)
    if found:
        plan = [
            (field, [replace(s, missing=frozenset(found.get(s.column, ()))) for s in sources])
            for field, sources in plan
        ]
    return RowPlan(
        tuple(
            (field, sources[0].column, None)
            if len(sources) == 1
            and not sources[0].split
            and not sources[0].linkedin_only
            and not sources[0].missing
            else (field, -1, tuple(sources))
            for field, sources in plan
        ),
        drop_full_name,
        tuple(
            (column, wordy[column], word, count)
            for column, words in found.items()
            for word, count in words.items()
        ),
    )


def map_rows(
    plan: RowPlan, rows: Iterable[tuple[int, Sequence[str]]]
) -> Iterator[tuple[int, dict[Field, str]]]:
    """`apply_mapping` for some rows, as (line, cells), of the table `plan` was made for:
    each candidate as (line, values)."""
    steps = plan.steps
    drop_full_name = plan.drop_full_name
    invisible = INVISIBLE
    for line, cells in rows:
        width = len(cells)
        values: dict[Field, str] = {}
        for field, column, sources in steps:
            if sources is None:
                if column >= width:
                    continue
                value = cells[column].strip()
                if value and (value[0] in invisible or value[-1] in invisible):
                    value = strip_cell(value)
            else:
                value = _first_value(cells, sources, field)
            if value:
                values[field] = value
        if drop_full_name and Field.GIVEN_NAME in values and Field.FAMILY_NAME in values:
            values.pop(Field.FULL_NAME, None)
        yield line, values


@dataclass(frozen=True, slots=True)
class _Source:
    column: int
    split: bool = False  # take the first of Google's " ::: "-separated values
    linkedin_only: bool = False  # a website column: only a LinkedIn link counts
    missing: frozenset[str] = frozenset()  # words that mean nothing here, case-folded


def _plan(table: Table, mapping: Mapping) -> tuple[list[tuple[Field, list[_Source]]], bool]:
    """Where each field's value comes from, best first, and whether the name rule applies."""
    width = len(table.headers)
    plan: dict[Field, list[_Source]] = {}
    for column, field in mapping.items():
        if 0 <= column < width:
            plan.setdefault(Field(field), []).append(_Source(column))
    layout = recognise(table)
    spec = layout_spec(layout.key) if layout is not None else None
    if layout is None or spec is None:
        return list(plan.items()), False
    ours = {field: column for column, field in layout.mapping.items()}
    index = header_index(table.headers)
    taken = set(mapping)

    def still_ours(field: Field) -> bool:
        sources = plan.get(field)
        return sources is not None and sources[0].column == ours.get(field)

    kept: set[Field] = set()
    for field, headers in spec.fields:
        if not still_ours(field):
            continue  # the user gave this field another column: theirs alone counts
        kept.add(field)
        sources = plan[field]
        listed = {source.column for source in sources}
        columns = [index[header] for header in headers if header in index]
        sources.extend(_Source(column) for column in columns if column not in taken | listed)
        if spec.multi_value and field in (Field.EMAIL, Field.PHONE):
            plan[field] = [_Source(source.column, split=True) for source in sources]
    websites = [index[h] for h in spec.websites if h in index and index[h] not in taken]
    if websites and (Field.LINKEDIN_URL not in plan or still_ours(Field.LINKEDIN_URL)):
        plan.setdefault(Field.LINKEDIN_URL, []).extend(
            _Source(column, linkedin_only=True) for column in websites
        )
    names = {Field.FULL_NAME, Field.GIVEN_NAME, Field.FAMILY_NAME}
    return list(plan.items()), names <= kept


def _first_value(cells: Sequence[str], sources: Sequence[_Source], field: Field) -> str:
    found = ""
    for source in sources:
        value = strip_cell(cells[source.column]) if source.column < len(cells) else ""
        if value and source.split:
            parts = [strip_cell(part) for part in value.split(":::")]
            # An email cell gives every address: the notes keep those after the first.
            value = "; ".join(filter(None, parts)) if field is Field.EMAIL else parts[0]
        if value and source.linkedin_only and "linkedin." not in value.casefold():
            value = ""
        if value and source.missing and value.casefold() in source.missing:
            value = ""
        if not value:
            continue
        if field is not Field.EMAIL or "@" in value:
            return value
        found = found or value  # an email without an @: kept only if no column has better
    return found
