"""What an edit changed, read off its rows: kinds by table, events by their ids."""

from __future__ import annotations

from planner.domain.ids import EventId
from planner.services.changes import TABLE_KINDS, Changed, Kind
from planner.storage.changes import ChangeSet, TableChanges

GOAL_COLUMNS = ("id", "event_id", "text")
ATTENDANCE_COLUMNS = ("id", "event_id", "person_id")


def test_each_table_is_read_as_its_kind() -> None:
    for table, kind in TABLE_KINDS.items():
        changes = ChangeSet((TableChanges(table, ("id", "x"), 1, ((None, (1, "a")),)),))
        assert Changed.of(changes).kinds == {kind}


def test_the_events_come_from_the_rows_before_and_after() -> None:
    changes = ChangeSet(
        (
            TableChanges(
                "goal",
                GOAL_COLUMNS,
                1,
                (((1, 7, "a"), (1, 8, "a")), (None, (2, 9, "b")), ((3, 7, "c"), None)),
            ),
        )
    )
    changed = Changed.of(changes)
    assert changed.kinds == {Kind.GOAL}
    assert changed.events == {EventId(7), EventId(8), EventId(9)}


def test_an_events_own_row_names_it_by_its_id() -> None:
    changes = ChangeSet(
        (
            TableChanges("event", ("id", "name"), 1, (((4, "a"), (4, "b")),)),
            TableChanges("checklist_item", ("id", "event_id"), 1, ((None, (10, 4)),)),
        )
    )
    assert Changed.of(changes) == Changed(frozenset({Kind.EVENT, Kind.CHECKLIST}), frozenset({4}))


def test_rows_added_column_by_column_name_their_events() -> None:
    added = ((1, 2, 3), (5, 5, 6), (11, 12, 13))  # ids, event ids, person ids
    changes = ChangeSet((TableChanges("attendance", ATTENDANCE_COLUMNS, 1, added=added),))
    assert Changed.of(changes) == Changed(frozenset({Kind.ATTENDANCE}), frozenset({5, 6}))


def test_a_table_without_event_ids_leaves_the_events_open() -> None:
    changes = ChangeSet(
        (
            TableChanges("goal", GOAL_COLUMNS, 1, ((None, (1, 7, "a")),)),
            TableChanges("person", ("id", "full_name"), 1, (((3, "A"), (3, "B")),)),
        )
    )
    changed = Changed.of(changes)
    assert changed.kinds == {Kind.GOAL, Kind.PERSON}
    assert changed.events is None
    assert changed.touches({Kind.GOAL}, EventId(99))  # any event may show the person


def test_an_unknown_table_counts_as_everything() -> None:
    changes = ChangeSet((TableChanges("app_state", ("key", "value"), 1, ((None, ("k", "v")),)),))
    assert Changed.of(changes) == Changed.everything()


def test_tables_without_rows_change_nothing() -> None:
    changes = ChangeSet((TableChanges("app_state", ("key", "value"), 1),))
    assert Changed.of(changes) == Changed(frozenset(), frozenset())
    assert not Changed.of(changes).touches(frozenset(Kind))
