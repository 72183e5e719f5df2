"""services.importing.matching: the index of people known, matched against prepared rows
without a database (the import's own tests cover it end to end)."""

from __future__ import annotations

from typing import Any

from planner.domain.dedupe import R_BLOCKS, R_FULL_NAME, R_NAMED_BY_EMAIL, R_NOTES
from planner.domain.importing import Field, Mapping, SourceRow, Table, TableKind, Withdrawn
from planner.interchange.row_mapping import row_plan
from planner.services.importing.matching import Known, PeopleIndex
from planner.services.importing.rows import RowPreparer
from planner.storage.imports import P_EMAIL

HEADERS = ("Name", "Email", "Company")
MAPPING: Mapping = {0: Field.FULL_NAME, 1: Field.EMAIL, 2: Field.COMPANY}


def preparer() -> RowPreparer:
    table = Table("list.csv", TableKind.CSV, HEADERS, (SourceRow(2, ("Ana", "", "")),))
    return RowPreparer(row_plan(table, MAPPING), None)


def prepared(prepare: RowPreparer, *cells: str) -> Any:
    (row,) = prepare([(2, cells)])
    assert isinstance(row, tuple)
    return row


def person(
    person_id: int, name: str, email: str | None = None, company: str | None = None
) -> tuple[Any, ...]:
    # As storage.imports.people_for_matching reads it.
    return (person_id, name, None, None, email, company, None, None, None, False, True)


def index_of(
    *people: tuple[Any, ...], listed: dict[int, tuple[int, str]] | None = None
) -> tuple[PeopleIndex, RowPreparer]:
    prepare = preparer()
    index = PeopleIndex(prepare)
    index.load(people, listed or {})
    return index, prepare


def test_the_same_email_is_the_same_person_unless_the_names_are_unalike() -> None:
    index, prepare = index_of(person(1, "Ana Lima", "ana@acme.example"))
    certain, uncertain = index.match(prepared(prepare, "Ana Lima", "ANA@acme.example", ""))
    assert certain is not None and certain.id == 1 and uncertain is None
    certain, uncertain = index.match(prepared(prepare, "Bruno Sá", "ana@acme.example", ""))
    assert certain is None and uncertain is not None and uncertain[0].id == 1


def test_a_close_name_at_the_same_company_is_certain_and_without_one_a_review() -> None:
    index, prepare = index_of(person(1, "Joana Gonçalves", None, "Globex"))
    certain, _ = index.match(prepared(prepare, "Joana Goncalves", "", "Globex"))
    assert certain is not None and certain.id == 1
    certain, uncertain = index.match(prepared(prepare, "Joana Goncalves", "", ""))
    assert certain is None and uncertain is not None and uncertain[0].id == 1
    assert index.match(prepared(prepare, "Joana Goncalves", "", "Initech")) == (None, None)
    assert index.match(prepared(prepare, "Pedro Costa", "", "Globex")) == (None, None)


def test_a_person_added_during_the_import_is_found_by_later_rows() -> None:
    index, prepare = index_of()
    row = prepared(prepare, "Mei Chen", "mei@ex.example", "")
    assert index.match(row) == (None, None)
    keys = row[R_NAMED_BY_EMAIL:R_BLOCKS]
    known = Known([10, *row[R_FULL_NAME : R_NOTES + 1], 0, "t", "t", "t"], True, *keys)
    index.add(known, row[R_BLOCKS])
    certain, _ = index.match(prepared(prepare, "Mei Chen", "mei@ex.example", ""))
    assert certain is known


def test_a_person_filled_in_is_found_under_the_email_they_gained() -> None:
    index, prepare = index_of(person(1, "Omar Haddad"))
    row = prepared(prepare, "Omar Haddad", "omar@ex.example", "")
    certain, uncertain = index.match(row)  # the very same name, nothing to corroborate it
    assert certain is None and uncertain is not None
    known = uncertain[0]
    known.values[P_EMAIL] = "omar@ex.example"  # as an import fills an empty field
    index.refile(known)
    assert index.match(row) == (known, None)


def test_a_withdrawn_row_names_the_one_person_on_the_list_not_confirmed_by_the_file() -> None:
    index, _ = index_of(
        person(1, "Noa Levi", "noa@ex.example"),
        person(2, "Inês Sá"),
        person(3, "Björn Müller"),
        listed={1: (11, "attendee"), 2: (12, "attendee")},
    )
    by_email = index.on_list(Withdrawn(5, "cancelled", "Noa Levi", "NOA@ex.example"))
    assert by_email is not None and by_email.id == 1
    by_name = index.on_list(Withdrawn(6, "cancelled", "Inês Sá"))
    assert by_name is not None and by_name.id == 2
    assert index.on_list(Withdrawn(7, "cancelled", "Björn Müller")) is None  # not on the list
    assert by_email.attendance is not None
    by_email.attendance.confirmed = True  # another row of the file has them coming
    assert index.on_list(Withdrawn(5, "cancelled", "Noa Levi", "noa@ex.example")) is None
