"""NULL, None and N/A: missing where a column uses them for nothing, a name everywhere else."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.dedupe import NormalizedPerson
from planner.domain.importing import Field, Mapping, SourceRow, Table, TableKind
from planner.interchange.normalize import normalize
from planner.interchange.placeholders import MIN_CELLS, MIN_SHARE, column_conventions
from planner.interchange.row_mapping import apply_mapping, row_plan

HEADERS = ("First Name", "Last Name", "Email", "Company", "Phone")
MAPPING: Mapping = {
    0: Field.GIVEN_NAME,
    1: Field.FAMILY_NAME,
    2: Field.EMAIL,
    3: Field.COMPANY,
    4: Field.PHONE,
}


def table(rows: list[tuple[str, ...]]) -> Table:
    return Table(
        source="people.csv",
        kind=TableKind.CSV,
        headers=HEADERS,
        rows=tuple(SourceRow(line, cells) for line, cells in enumerate(rows, start=2)),
    )


def people(rows: list[tuple[str, ...]]) -> list[NormalizedPerson]:
    found = []
    for candidate in apply_mapping(table(rows), MAPPING):
        person = normalize(candidate, default_region=None)
        assert isinstance(person, NormalizedPerson), person
        found.append(person)
    return found


def filler(count: int) -> list[tuple[str, ...]]:
    return [(f"Given{n}", f"Family{n}", f"p{n}@example.org", f"Firm {n}", "") for n in range(count)]


def test_one_persons_null_none_and_true_are_their_names() -> None:
    rows = [
        ("Christopher", "Null", "chris@example.org", "None", ""),
        ("Null", "Reis", "null@example.org", "Acme", ""),
        ("Ana", "True", "ana@example.org", "N/A", ""),
        *filler(5),
    ]
    chris, null, ana, *_ = people(rows)
    assert (chris.full_name, chris.family_name, chris.company) == (
        "Christopher Null",
        "Null",
        "None",
    )
    assert (null.full_name, null.given_name) == ("Null Reis", "Null")
    assert (ana.full_name, ana.company) == ("Ana True", "N/A")


def test_a_full_name_with_null_in_it_is_kept_whole() -> None:
    person = normalize(
        next(
            apply_mapping(
                Table("p.csv", TableKind.CSV, ("Name",), (SourceRow(2, ("Christopher Null",)),)),
                {0: Field.FULL_NAME},
            )
        ),
        default_region=None,
    )
    assert isinstance(person, NormalizedPerson)
    assert (person.full_name, person.given_name, person.family_name) == (
        "Christopher Null",
        "Christopher",
        "Null",
    )


def test_a_column_that_writes_null_for_nothing_reads_as_empty() -> None:
    rows = [(f"Given{n}", f"Family{n}", f"p{n}@example.org", "NULL", "") for n in range(3)]
    rows.append(("Christopher", "Null", "chris@example.org", "Acme", ""))
    found = people(rows)
    assert [person.company for person in found] == [None, None, None, "Acme"]
    assert found[3].family_name == "Null"  # the family name column has one: a name
    assert row_plan(table(rows), MAPPING).conventions == ((3, Field.COMPANY, "null", 3),)


def test_na_is_never_an_email_phone_or_link() -> None:
    (person,) = people([("Ana", "Lima", "N/A", "Acme", "none")])
    assert (person.email, person.phone, person.notes) == (None, None, "")


@pytest.mark.parametrize(("rows", "needed"), [(40, 3), (300, 3), (1000, 10), (2550, 26)])
def test_the_threshold_on_both_sides(rows: int, needed: int) -> None:
    assert needed == max(MIN_CELLS, math.ceil(MIN_SHARE * rows))

    def table_with(marked: int) -> list[SourceRow]:
        return [SourceRow(n, ("None" if n < marked else f"Firm {n}",)) for n in range(rows)]

    assert column_conventions(table_with(needed - 1), [0]) == {}
    assert column_conventions(table_with(needed), [0]) == {0: {"none": needed}}


@settings(max_examples=200, deadline=None)
@given(
    cells=st.lists(
        st.sampled_from(["NULL", "Null", "null", "N/A", "n/a", "None", "Ana", "Lima", ""]),
        max_size=400,
    )
)
def test_a_word_is_missing_exactly_when_enough_cells_hold_it(cells: list[str]) -> None:
    rows = [SourceRow(n, (cell,)) for n, cell in enumerate(cells)]
    found = column_conventions(rows, [0]).get(0, {})
    for word in ("null", "n/a", "none"):
        count = sum(1 for cell in cells if cell.casefold() == word)
        used = count >= MIN_CELLS and count >= MIN_SHARE * len(cells)
        assert (word in found) == used
        assert found.get(word, count) == count


@pytest.mark.parametrize(("marked", "used"), [(199, False), (200, True)])
def test_a_large_table_is_counted_exactly_where_its_sample_finds_the_word(
    marked: int, used: bool
) -> None:
    import random

    rows = 20_000  # 1 %: 200 cells
    spots = set(random.Random(marked).sample(range(rows), marked))
    table = [SourceRow(n, ("NULL" if n in spots else f"Firm {n}",)) for n in range(rows)]
    assert column_conventions(table, [0]) == ({0: {"null": marked}} if used else {})
