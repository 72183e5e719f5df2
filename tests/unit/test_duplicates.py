"""Finding people in the network who may be one person, and remembering those who are not."""

from __future__ import annotations

from typing import Any

import pytest

from planner.domain.ids import PersonId
from planner.domain.model import Person
from planner.services.duplicates import (
    SAME_EMAIL,
    SAME_LINKEDIN,
    SAME_NAME_AND_COMPANY,
    SAME_PHONE,
    SIMILAR_NAME_AND_COMPANY,
    find_duplicates,
    mark_not_duplicates,
)
from planner.services.people import (
    add_person,
    delete_person,
    merge_people,
)
from planner.services.undo import redo_changes, undo_changes
from planner.services.workspace import Workspace
from tests.builders import person_in


def person(workspace: Workspace, name: str, **details: Any) -> PersonId:
    """A person added as the user adds one: through the people service, whose checks refuse an
    email someone has (`person_in` stores a person as an import may leave them)."""
    return add_person(workspace, Person(full_name=name, **details)).person_id


def found(workspace: Workspace) -> list[tuple[set[PersonId], str]]:
    return [({p.first, p.second}, p.reason) for p in find_duplicates(workspace)]


def test_each_reason_is_found_and_the_strongest_listed_first(workspace: Workspace) -> None:
    a1 = person(workspace, "Ana Duarte", company="Atlas", linkedin_url="linkedin.com/in/ana")
    a2 = person(workspace, "Ana M. Duarte", linkedin_url="https://www.linkedin.com/in/ana")
    b1 = person_in(workspace, "Bruno Reis", email="bruno@reis.example")
    b2 = person_in(workspace, "Bruno Reis", email="BRUNO@reis.example")
    c1 = person(workspace, "Carla Mota", phone="+351912345678")
    c2 = person(workspace, "Carla Motta", phone="+351912345678", email="carla@x.example")
    d1 = person(workspace, "Diogo Sá", company="Luz Labs, Lda")
    d2 = person(workspace, "Diogo Sá", company="Luz Labs")
    e1 = person(workspace, "Eduarda Pinheiro", company="Rio")
    e2 = person(workspace, "Eduarda Pinheira", company="Rio")
    assert found(workspace) == [
        ({a1, a2}, SAME_LINKEDIN),
        ({b1, b2}, SAME_EMAIL),
        ({c1, c2}, SAME_PHONE),
        ({d1, d2}, SAME_NAME_AND_COMPANY),
        ({e1, e2}, SIMILAR_NAME_AND_COMPANY),
    ]


def test_what_says_nothing_is_not_proposed(workspace: Workspace) -> None:
    # A switchboard number, a team address, namesakes at different companies, two people
    # at one company, someone known only by their address.
    person(workspace, "Ana Duarte", phone="+351210000000", company="Atlas")
    person(workspace, "Rui Costa", phone="+351210000000", company="Atlas")
    person_in(workspace, "Marta Lopes", email="team@atlas.example")
    person_in(workspace, "Tiago Neves", email="team@atlas.example")
    person(workspace, "João Silva", company="Rio")
    person(workspace, "João Silva", company="Mar")
    person(workspace, "Inês Faria", company="Rio")
    person(workspace, "inês@rio.example", email="ines@rio.example")
    assert found(workspace) == []


def test_a_pair_said_to_be_two_people_is_not_proposed_again_until_undone(
    workspace: Workspace,
) -> None:
    a = person(workspace, "Diogo Sá", company="Luz")
    b = person(workspace, "Diogo Sá", company="Luz")
    changes = mark_not_duplicates(workspace, [(b, a), (a, b)])
    assert found(workspace) == []
    assert changes.count == 1
    assert mark_not_duplicates(workspace, [(a, b)]).count == 0  # already known
    undo_changes(workspace, changes.rows)
    assert found(workspace) == [({a, b}, SAME_NAME_AND_COMPANY)]
    redo_changes(workspace, changes.rows)
    assert found(workspace) == []


def test_what_was_said_of_a_person_goes_with_them_and_comes_back_with_undo(
    workspace: Workspace,
) -> None:
    a = person(workspace, "Diogo Sá", company="Luz")
    b = person(workspace, "Diogo Sá", company="Luz")
    c = person(workspace, "Diogo Sa", company="Luz")
    mark_not_duplicates(workspace, [(a, b), (a, c)])
    rows = "SELECT first_id, second_id FROM not_duplicate ORDER BY 1, 2"
    before = workspace.db.connection.execute(rows).fetchall()
    deleted = delete_person(workspace, a)
    assert workspace.db.connection.execute(rows).fetchall() == []
    undo_changes(workspace, deleted.rows)
    assert workspace.db.connection.execute(rows).fetchall() == before
    merged = merge_people(workspace, b, a)  # a folded into b: what a was not, goes
    assert workspace.db.connection.execute(rows).fetchall() == []
    undo_changes(workspace, merged.rows)
    assert workspace.db.connection.execute(rows).fetchall() == before


def test_a_scan_cancelled_finds_nothing(workspace: Workspace) -> None:
    person(workspace, "Diogo Sá", company="Luz")
    person(workspace, "Diogo Sá", company="Luz")
    assert find_duplicates(workspace, cancelled=lambda: True) == []


def test_a_large_company_is_searched_without_comparing_everyone_with_everyone(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.services import duplicates

    monkeypatch.setattr(duplicates, "MAX_BLOCK", 50)
    workspace.repos.people.add_many(
        Person(full_name=f"Person {n:04d} Example", company="Huge") for n in range(60)
    )
    assert find_duplicates(workspace) == []  # alike names: not searched over the cap
    twice = workspace.repos.people.add_many(
        [Person(full_name="Zoe Example", company="Huge") for _ in range(2)]
    )
    assert found(workspace) == [({p.id for p in twice}, SAME_NAME_AND_COMPANY)]  # found


def test_alike_names_with_two_addresses_are_two_colleagues(workspace: Workspace) -> None:
    person(workspace, "Astrid Moore", company="Rio", email="astrid.moore@rio.example")
    person(workspace, "Astrid Moreno", company="Rio", email="astrid.moreno@rio.example")
    assert found(workspace) == []
