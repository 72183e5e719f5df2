"""Rows the user keeps in an order of their own: goals and checklist items within an event,
the routine's templates. Each is added, edited, moved and deleted one at a time (a deleted
one comes back with its id and place on undo), and read in the user's order."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from planner.domain.ids import EventId
from planner.storage.database import Database, insert_sql, inserted_id, update_sql
from planner.storage.errors import NotFoundError

# Many ids as one parameter (a JSON array), so no query hits SQLite's variable limit.
IDS = "(SELECT value FROM json_each(?))"


def ids_param(ids: Sequence[int]) -> str:
    """The parameter that `IDS` reads."""
    return json.dumps([int(i) for i in ids])


class _HasEvent(Protocol):
    @property
    def event_id(self) -> EventId: ...


E = TypeVar("E", bound=_HasEvent)


def by_event(rows: Iterable[E]) -> dict[EventId, list[E]]:
    """Rows grouped by their event, each group in the order read."""
    grouped: dict[EventId, list[E]] = {}
    for row in rows:
        grouped.setdefault(row.event_id, []).append(row)
    return grouped


T = TypeVar("T")


class OrderedRepository(ABC, Generic[T]):
    """One table of ordered rows: `id`, the `fields` the domain object is stored in (one of
    them `position`), and the three conversions a subclass gives."""

    table: ClassVar[str]
    fields: ClassVar[tuple[str, ...]]  # every column but id, in the order `_values` gives
    noun: ClassVar[str]  # what a row is called when it is missing: "goal", "template"

    def __init__(self, db: Database) -> None:
        self._db = db

    @abstractmethod
    def _from_row(self, row: tuple[Any, ...]) -> T:
        """The domain object of a row read as `id, *fields`."""

    @abstractmethod
    def _values(self, item: T) -> tuple[Any, ...]:
        """The item's values for `fields` (ValueError when it cannot be stored)."""

    @abstractmethod
    def _id_of(self, item: T) -> int | None: ...

    @abstractmethod
    def _with_id(self, item: T, row_id: int) -> T: ...

    @property
    def _select(self) -> str:
        return f"SELECT id, {', '.join(self.fields)} FROM {self.table}"

    def add(self, item: T) -> T:
        """Store the item (with its own id when it has one: undo of a delete), with its id."""
        return self.add_many([item])[0]

    def add_many(self, items: Sequence[T]) -> list[T]:
        """Store the items in one transaction, each with the id it was given."""
        saved = []
        sql = insert_sql(self.table, ("id", *self.fields))
        with self._db.transaction() as conn:
            for item in items:
                cursor = conn.execute(sql, (self._id_of(item), *self._values(item)))
                saved.append(self._with_id(item, inserted_id(cursor)))
        return saved

    def update(self, item: T) -> T:
        """Store every field of a row that exists (NotFoundError when it is gone)."""
        row_id = self._id_of(item)
        with self._db.transaction() as conn:
            cursor = conn.execute(
                update_sql(self.table, self.fields), (*self._values(item), row_id)
            )
            if cursor.rowcount != 1:
                raise NotFoundError(f"{self.noun} {row_id} no longer exists")
        return item

    def get(self, row_id: int) -> T:
        row = self._db.connection.execute(f"{self._select} WHERE id = ?", (row_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"{self.noun} {row_id} does not exist")
        return self._from_row(row)

    def delete(self, row_id: int) -> T:
        """Delete the row and return it as it was, for `add` to put back."""
        with self._db.transaction() as conn:
            item = self.get(row_id)
            conn.execute(f"DELETE FROM {self.table} WHERE id = ?", (row_id,))
        return item

    def set_order(self, ids: Sequence[int]) -> None:
        """Number the rows 0, 1, 2... in the order given."""
        with self._db.transaction() as conn:
            conn.executemany(
                f"UPDATE {self.table} SET position = ? WHERE id = ?",
                [(position, row_id) for position, row_id in enumerate(ids)],
            )

    def _in_order(self, where: str = "", params: Sequence[Any] = ()) -> list[T]:
        clause = f" WHERE {where}" if where else ""
        rows = self._db.connection.execute(f"{self._select}{clause} ORDER BY position, id", params)
        return [self._from_row(row) for row in rows]


class EventOrderedRepository(OrderedRepository[E]):
    """Ordered rows that belong to an event, each event's in an order of their own."""

    def for_event(self, event_id: EventId) -> list[E]:
        return self.for_events([event_id]).get(event_id, [])

    def for_events(self, event_ids: Sequence[EventId]) -> dict[EventId, list[E]]:
        """The rows of several events in one query, each event's in the user's order."""
        return by_event(self._in_order(f"event_id IN {IDS}", (ids_param(event_ids),)))

    def next_position(self, event_id: EventId) -> int:
        """The position after the event's last row (0 for its first)."""
        row = self._db.connection.execute(
            f"SELECT coalesce(max(position) + 1, 0) FROM {self.table} WHERE event_id = ?",
            (event_id,),
        ).fetchone()
        return int(row[0])
