"""Undo and redo of any edit, front-end free: an edit's rows as they were and as it left them.

Every undoable edit ends as a `ChangeSet` (or several, applied one after the other): the people
and import services build theirs row by row; any other service call gets one by running under
`record`, which asks storage to note every row the call's transaction wrote. `undo_changes`
and `redo_changes` replay them, for the window's undo stack, the CLI and tests alike.

The event, goal, checklist, routine and attendance services keep returning what they made
(an Event, a Goal...): `record(workspace, lambda: goals.create(goal))` gives the same `Done`
for any of them, or for several calls as one step, without each service wrapping itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from planner.services.workspace import Target, database_of
from planner.storage.changes import ChangeSet, apply_changes
from planner.storage.recording import recording

T = TypeVar("T")

Steps = ChangeSet | tuple[ChangeSet, ...]
"""What one edit wrote: a change set, or several applied one after the other."""


@dataclass(frozen=True, slots=True)
class Done(Generic[T]):
    """What an edit returned, and the rows it changed (to undo it)."""

    value: T
    changes: ChangeSet


def record(target: Target, edit: Callable[[], T]) -> Done[T]:
    """Run `edit` (service calls writing to `target`) as one transaction, and return its
    result with every row it wrote. `target` may be a worker's own connection."""
    with recording(database_of(target)) as recorded:
        value = edit()
    return Done(value, recorded.changes)


def steps_of(changes: Steps) -> tuple[ChangeSet, ...]:
    return (changes,) if isinstance(changes, ChangeSet) else changes


def changed_rows(changes: Steps) -> int:
    """How many rows replaying `changes` writes (to tell a long replay from a quick one)."""
    return sum(len(step) for step in steps_of(changes))


def undo_changes(target: Target, changes: Steps) -> None:
    """Put the rows back as they were before the edit (the last step first). One transaction;
    StaleChangesError, writing nothing, when they have changed since."""
    with database_of(target).transaction() as conn:
        for step in reversed(steps_of(changes)):
            apply_changes(conn, step, "before")


def redo_changes(target: Target, changes: Steps) -> None:
    """Make the edit again, with the same ids. One transaction."""
    with database_of(target).transaction() as conn:
        for step in steps_of(changes):
            apply_changes(conn, step, "after")
