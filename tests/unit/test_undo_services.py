"""Undo and redo of the edits the window offers, without Qt: each service call recorded as
it runs (services/undo.record) is put back, and made again with the same ids."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from planner.domain.enums import AttendanceStatus, NetworkType, PrepPhase
from planner.domain.model import Event, Goal
from planner.domain.rules import ValidationError
from planner.services.changes import Changed, Kind
from planner.services.checklist import ChecklistService
from planner.services.events import EventService, delete_event, remove_event
from planner.services.goals import GoalService
from planner.services.people import update_attendance
from planner.services.sample import seed_sample
from planner.services.undo import Done, changed_rows, record, redo_changes, undo_changes
from planner.services.workspace import Workspace
from planner.storage.changes import StaleChangesError
from planner.storage.errors import NotFoundError
from tests.db_contents import every_row

NOW = datetime(2026, 11, 22, tzinfo=UTC)


def everything(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    return every_row(conn)


@pytest.fixture
def sample() -> Iterator[Workspace]:
    with Workspace.in_memory() as workspace:
        seed_sample(workspace, NOW)
        yield workspace


def round_trip(workspace: Workspace, edit: Callable[[], object]) -> Done[Any]:
    """Record `edit`, then check that undo and redo give each state back exactly."""
    conn = workspace.db.connection
    before = everything(conn)
    done = record(workspace, edit)
    after = everything(conn)
    assert after != before, "the edit changed nothing"
    undo_changes(workspace, done.changes)
    assert everything(conn) == before
    redo_changes(workspace, done.changes)
    assert everything(conn) == after
    undo_changes(workspace, done.changes)
    assert everything(conn) == before
    return done


def an_event(sample: Workspace) -> Event:
    return EventService(sample).summaries()[0].event


def test_adding_an_event_with_its_checklist(sample: Workspace) -> None:
    start = datetime(2030, 1, 1, 9, tzinfo=UTC)
    event = Event("Launch", start, start + timedelta(hours=8), "UTC")
    done = round_trip(sample, lambda: EventService(sample).create(event))
    assert done.value.id is not None
    assert Changed.of(done.changes) == Changed(
        frozenset({Kind.EVENT, Kind.CHECKLIST}), frozenset({done.value.id})
    )


def test_editing_an_event(sample: Workspace) -> None:
    event = an_event(sample)
    round_trip(sample, lambda: EventService(sample).update(replace(event, venue="Elsewhere")))


def test_deleting_an_event_with_everything_it_owns(sample: Workspace) -> None:
    event = an_event(sample)
    assert event.id is not None
    done = round_trip(sample, lambda: remove_event(sample, event.id))  # type: ignore[arg-type]
    tables = {table.table for table in done.changes.tables}
    assert {"event", "goal", "attendance", "checklist_item"} <= tables
    assert changed_rows(done.changes) == len(done.changes)
    redo_changes(sample, done.changes)
    with pytest.raises(NotFoundError):
        remove_event(sample, event.id)  # type: ignore[arg-type]


def test_goals_added_edited_deleted_and_reordered(sample: Workspace) -> None:
    event = an_event(sample)
    assert event.id is not None
    goals = GoalService(sample)
    goal = Goal(event.id, "Meet two investors", NetworkType.STRATEGIC, target_count=2)
    added = round_trip(sample, lambda: goals.create(goal))
    redo_changes(sample, added.changes)
    created = added.value
    round_trip(sample, lambda: goals.update(replace(created, text="Meet three investors")))
    round_trip(sample, lambda: goals.delete(created.id))
    order = goals.order(event.id)
    round_trip(sample, lambda: goals.set_order(list(reversed(order))))


def test_checklist_items_added_edited_ticked_deleted_and_reordered(sample: Workspace) -> None:
    event = an_event(sample)
    assert event.id is not None
    checklist = ChecklistService(sample)
    added = round_trip(sample, lambda: checklist.add_item(event.id, "Print cards", -2))
    redo_changes(sample, added.changes)
    item = added.value
    round_trip(sample, lambda: checklist.edit_item(item, "Print more cards", -3))
    round_trip(sample, lambda: checklist.set_done(item.id, True))
    round_trip(sample, lambda: checklist.delete_item(item.id))
    order = checklist.order(event.id)
    round_trip(sample, lambda: checklist.set_order(list(reversed(order))))


def test_routine_steps_added_edited_deleted_and_reordered(sample: Workspace) -> None:
    checklist = ChecklistService(sample)
    added = round_trip(
        sample, lambda: checklist.add_template(PrepPhase.RESEARCH, "Read their blog", -5)
    )
    assert Changed.of(added.changes).kinds == {Kind.ROUTINE}
    redo_changes(sample, added.changes)
    step = added.value
    round_trip(sample, lambda: checklist.update_template(replace(step, enabled=False)))
    round_trip(sample, lambda: checklist.delete_template(step.id))
    ids = [t.id for t in checklist.templates() if t.id is not None]
    round_trip(sample, lambda: checklist.set_template_order(list(reversed(ids))))


def test_a_plan_for_an_attendee(sample: Workspace) -> None:
    event = an_event(sample)
    assert event.id is not None
    attendance = sample.repos.attendances.for_event(event.id)[0]
    met = replace(attendance, status=AttendanceStatus.MET, research_notes="Runs a fund")
    done = round_trip(sample, lambda: update_attendance(sample, met))
    assert Kind.ATTENDANCE in Changed.of(done.changes).kinds


def test_an_edit_that_fails_records_nothing_and_writes_nothing(sample: Workspace) -> None:
    conn = sample.db.connection
    before = everything(conn)
    checklist = ChecklistService(sample)
    event = an_event(sample)
    with pytest.raises(ValidationError):
        record(sample, lambda: checklist.add_item(event.id, "", 0))  # type: ignore[arg-type]
    assert everything(conn) == before


def test_undo_after_the_rows_changed_since_fails_and_writes_nothing(sample: Workspace) -> None:
    event = an_event(sample)
    assert event.id is not None
    done = record(sample, lambda: EventService(sample).update(replace(event, venue="Else")))
    delete_event(sample, event.id)  # gone meanwhile
    before = everything(sample.db.connection)
    with pytest.raises(StaleChangesError, match="no longer exists"):
        undo_changes(sample, done.changes)
    assert everything(sample.db.connection) == before


def test_several_steps_are_undone_last_first(sample: Workspace) -> None:
    event = an_event(sample)
    assert event.id is not None
    conn = sample.db.connection
    before = everything(conn)
    first = record(sample, lambda: EventService(sample).update(replace(event, venue="One")))
    second = record(sample, lambda: EventService(sample).update(replace(event, venue="Two")))
    steps = (first.changes, second.changes)
    after = everything(conn)
    undo_changes(sample, steps)
    assert everything(conn) == before
    redo_changes(sample, steps)
    assert everything(conn) == after
    assert changed_rows(steps) == 2
