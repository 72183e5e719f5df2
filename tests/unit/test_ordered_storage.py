"""storage.ordered: the add, edit, move and delete that goals, checklist items and the
routine's templates share, checked on a table of its own so no one repository hides a slip."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import pytest

from planner.domain.ids import EventId
from planner.storage.database import Database
from planner.storage.errors import NotFoundError
from planner.storage.ordered import (
    IDS,
    EventOrderedRepository,
    OrderedRepository,
    by_event,
    ids_param,
)


@dataclass(frozen=True)
class Note:
    event_id: EventId
    text: str
    position: int = 0
    id: int | None = None


class NoteRepository(EventOrderedRepository[Note]):
    table = "note"
    fields = ("event_id", "text", "position")
    noun = "note"

    def _from_row(self, row: tuple[Any, ...]) -> Note:
        return Note(EventId(row[1]), row[2], row[3], row[0])

    def _values(self, note: Note) -> tuple[Any, ...]:
        if not note.text:
            raise ValueError("a note needs text")
        return (note.event_id, note.text, note.position)

    def _id_of(self, note: Note) -> int | None:
        return note.id

    def _with_id(self, note: Note, row_id: int) -> Note:
        return replace(note, id=row_id)


class Shelf(OrderedRepository[Note]):
    """Ordered rows with no event: all of them in one order."""

    table = "note"
    fields = ("event_id", "text", "position")
    noun = "shelf note"

    _from_row = NoteRepository._from_row
    _values = NoteRepository._values
    _id_of = NoteRepository._id_of
    _with_id = NoteRepository._with_id

    def all(self) -> list[Note]:
        return self._in_order()


A, B = EventId(1), EventId(2)


@pytest.fixture
def db() -> Iterator[Database]:
    database = Database.in_memory()
    database.connection.execute(
        "CREATE TABLE note (id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL,"
        " text TEXT NOT NULL, position INTEGER NOT NULL)"
    )
    yield database
    database.close()


@pytest.fixture
def notes(db: Database) -> NoteRepository:
    return NoteRepository(db)


def test_add_gives_the_new_id_and_get_reads_it_back(notes: NoteRepository) -> None:
    first = notes.add(Note(A, "one"))
    second = notes.add(Note(A, "two", 1))
    assert first.id is not None and second.id == first.id + 1
    assert notes.get(first.id) == first
    assert notes.get(second.id) == second


def test_add_keeps_an_id_it_is_given_so_a_deleted_row_comes_back_as_it_was(
    notes: NoteRepository,
) -> None:
    note = notes.add(Note(A, "one"))
    later = notes.add(Note(A, "two", 1))
    assert note.id is not None
    removed = notes.delete(note.id)
    assert removed == note
    assert notes.for_event(A) == [later]
    assert notes.add(removed) == note
    assert notes.for_event(A) == [note, later]


def test_add_many_is_one_transaction(notes: NoteRepository, db: Database) -> None:
    saved = notes.add_many([Note(A, "one"), Note(A, "two", 1)])
    assert [n.text for n in saved] == ["one", "two"]
    with pytest.raises(ValueError, match="needs text"):
        notes.add_many([Note(A, "three", 2), Note(A, "")])
    assert notes.for_event(A) == saved


def test_update_stores_every_field_and_refuses_a_row_that_is_gone(
    notes: NoteRepository,
) -> None:
    note = notes.add(Note(A, "one"))
    assert note.id is not None
    edited = replace(note, text="edited", position=5)
    assert notes.update(edited) == edited
    assert notes.get(note.id) == edited
    notes.delete(note.id)
    with pytest.raises(NotFoundError, match=f"note {note.id} no longer exists"):
        notes.update(edited)


def test_get_and_delete_of_a_missing_row_say_which(notes: NoteRepository) -> None:
    with pytest.raises(NotFoundError, match="note 7 does not exist"):
        notes.get(7)
    with pytest.raises(NotFoundError, match="note 7 does not exist"):
        notes.delete(7)


def test_each_event_keeps_its_own_order(notes: NoteRepository) -> None:
    assert notes.next_position(A) == 0
    a1 = notes.add(Note(A, "a1", notes.next_position(A)))
    b1 = notes.add(Note(B, "b1", notes.next_position(B)))
    a2 = notes.add(Note(A, "a2", notes.next_position(A)))
    assert (a1.position, b1.position, a2.position) == (0, 0, 1)
    assert notes.next_position(A) == 2 and notes.next_position(EventId(3)) == 0
    assert notes.for_events([A, B, EventId(3)]) == {A: [a1, a2], B: [b1]}
    assert notes.for_event(EventId(3)) == []


def test_set_order_numbers_the_rows_as_given(notes: NoteRepository) -> None:
    rows = notes.add_many([Note(A, text, n) for n, text in enumerate("xyz")])
    ids = [row.id for row in rows if row.id is not None]
    notes.set_order([ids[2], ids[0], ids[1]])
    assert [(n.text, n.position) for n in notes.for_event(A)] == [("z", 0), ("x", 1), ("y", 2)]


def test_equal_positions_keep_the_order_they_were_added_in(notes: NoteRepository) -> None:
    rows = notes.add_many([Note(A, "first"), Note(A, "second"), Note(A, "third")])
    assert notes.for_event(A) == rows


def test_a_repository_without_events_reads_everything_in_order(db: Database) -> None:
    shelf = Shelf(db)
    late = shelf.add(Note(B, "late", 3))
    early = shelf.add(Note(A, "early", 1))
    assert shelf.all() == [early, late]
    with pytest.raises(NotFoundError, match="shelf note 9 no longer exists"):
        shelf.update(replace(early, id=9))


def test_many_ids_are_one_parameter(db: Database) -> None:
    many = list(range(40_000))  # above SQLite's limit on variables
    (count,) = db.connection.execute(f"SELECT count(*) FROM {IDS}", (ids_param(many),)).fetchone()
    assert count == len(many)


def test_by_event_groups_in_the_order_read() -> None:
    rows = [Note(B, "b1"), Note(A, "a1"), Note(B, "b2")]
    assert by_event(rows) == {B: [rows[0], rows[2]], A: [rows[1]]}
