"""Running an edit from the window: one way, whatever the edit.

    Operation(context, lambda target: remove_event(target, event_id)) \\
        .undoable(tr("Delete “%1”").replace("%1", name)) \\
        .long(tr("Deleting “%1”…").replace("%1", name), rows=attendees) \\
        .run()

An operation runs a service call with the database to write to (`target`): here, on the
workspace, when it is quick; on a worker thread with a connection of its own while a dialog
keeps the app waiting, when it is long (from LONG_CHANGE_ROWS rows, or always when the caller
gives no count); or in the background with progress and Cancel (`run_in_background`). When it
is `undoable`, the rows it wrote become one step on the undo stack (gui/common/undo.py): a
result that carries them says which (`steps`); any other call is recorded as it runs
(services/undo.record). Afterwards `changed` says what changed, read off those rows unless the
caller says (`announcing`), so each page reloads only what it shows; work that is neither
(a search) changes nothing and says nothing. A storage error or a refused value is reported
through `failed`, and nothing is pushed.

Compare Anki's aqt/operations: CollectionOp(parent, op).success(fn).run_in_background().
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtWidgets import QApplication, QWidget

from planner.domain.rules import ValidationError
from planner.gui.common.waiting import run_waiting
from planner.gui.context import AppContext
from planner.services.changes import Changed
from planner.services.undo import Done, Steps, record
from planner.services.workspace import Target
from planner.storage.errors import StorageError

if TYPE_CHECKING:
    from planner.gui.common.tasks import BackgroundTask

T = TypeVar("T")

REPORTED = (StorageError, ValidationError)
"""Errors that are the user's to know (the disk is full, the row is gone, a value is refused):
reported through `failed`. Anything else is a bug, and raised."""


class OperationCancelled(Exception):
    """Raised by work run in the background when it sees the user cancelled it."""


@dataclass(slots=True)
class _Undo(Generic[T]):
    text: str
    steps: Callable[[T], Steps] | None
    waiting: tuple[str, str] | None
    then: Callable[[bool], None] | None


class Operation(Generic[T]):
    """One run of `work(target)`; set it up with the methods below, then `run()` it."""

    def __init__(
        self, context: AppContext, work: Callable[[Target], T], parent: QWidget | None = None
    ) -> None:
        self._context = context
        self._work = work
        self._parent = parent
        self._undo: _Undo[T] | None = None
        self._changed: Changed | None = None
        self._long: tuple[str, int | None] | None = None
        self._success: list[Callable[[T], None]] = []
        self._failure: list[Callable[[BaseException], None]] = []
        self._cancelled: Callable[[], bool] = lambda: False
        self._progress: Callable[[int, int], None] = lambda done, total: None

    def undoable(
        self,
        text: str,
        *,
        steps: Callable[[T], Steps] | None = None,
        waiting: tuple[str, str] | None = None,
        then: Callable[[bool], None] | None = None,
    ) -> Operation[T]:
        """Push one undo step named `text`. `steps(result)`: the rows the result says it
        changed (else they are recorded as the work runs); `waiting`: what the app says while
        a long redo or undo runs; `then(undone)`: done after each later redo or undo."""
        self._undo = _Undo(text, steps, waiting, then)
        return self

    def announcing(self, changed: Changed) -> Operation[T]:
        """Say this on `changed` instead of what the rows tell."""
        self._changed = changed
        return self

    def long(self, label: str, rows: int | None = None) -> Operation[T]:
        """Run on a worker with its own connection, the app waiting and `label` shown, when
        the write touches LONG_CHANGE_ROWS rows or more (always, with no count)."""
        self._long = (label, rows)
        return self

    def success(self, callback: Callable[[T], None]) -> Operation[T]:
        """Call `callback(result)` once the work has succeeded (after its undo step)."""
        self._success.append(callback)
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Operation[T]:
        """Call `callback(error)` when the work failed, after the error was reported, or
        when it ended cancelled."""
        self._failure.append(callback)
        return self

    # For the work itself, when it runs in the background:

    def cancelled(self) -> bool:
        """Whether the user cancelled the work running in the background (raise
        OperationCancelled then, before writing, to end it without a word)."""
        return self._cancelled()

    def progress(self, done: int, total: int) -> None:
        self._progress(done, total)

    # Running it:

    def run(self) -> T | None:
        """Run it now and return its result; None when it failed (and was reported)."""
        try:
            if self._long is None:
                outcome = self._recorded(self._context.workspace)
            else:
                label, rows = self._long
                outcome = run_waiting(
                    self._parent or QApplication.activeWindow(),
                    label,
                    self._context.workspace,
                    rows,
                    self._recorded,
                )
        except REPORTED as exc:
            self._failed(exc)
            return None
        return self._finished(outcome)

    def run_in_background(self, label: str, *, cancellable: bool = True) -> BackgroundTask:
        """Run it on a worker with a connection of its own, under a progress dialog (with
        Cancel); the result goes to the `success` callbacks. Returns the BackgroundTask, which
        the caller keeps until its `done` fires. On an in-memory database it runs here."""
        from planner.gui.common.tasks import BackgroundTask

        workspace = self._context.workspace

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            self._progress, self._cancelled = progress, cancelled
            if workspace.db.path is None:
                return self._recorded(workspace)
            db = workspace.second_connection()
            try:
                return self._recorded(db)
            finally:
                db.close()

        def failed(error: BaseException) -> None:
            if isinstance(error, OperationCancelled):
                for callback in self._failure:
                    callback(error)
                return
            if not isinstance(error, REPORTED):
                raise error
            self._failed(error)

        def finished(outcome: Any) -> None:
            self._finished(outcome)

        task = BackgroundTask(self._parent, label, work, finished, failed, cancellable=cancellable)
        task.start()
        return task

    def _recorded(self, target: Target) -> Any:
        """The work's result; with the rows it wrote when they are to be recorded."""
        undo = self._undo
        if undo is None or undo.steps is not None:
            return self._work(target)
        return record(target, lambda: self._work(target))

    def _finished(self, outcome: Any) -> T:
        context = self._context
        undo = self._undo
        if undo is None:
            value: T = outcome
            steps: Steps | None = outcome.changes if isinstance(outcome, Done) else None
        elif undo.steps is None:
            value, steps = outcome.value, outcome.changes
        else:
            value, steps = outcome, undo.steps(outcome)
        from planner.gui.common.undo import ChangeCommand, changed_by

        if undo is not None:
            assert steps is not None
            command = ChangeCommand(
                context,
                undo.text,
                steps,
                changed=self._changed,
                waiting=undo.waiting,
                then=undo.then,
            )
            context.undo_stack.push(command)
        if self._changed is not None:
            context.changed.emit(self._changed)
        elif steps is not None:
            context.changed.emit(changed_by(steps))
        # Else it only read (its result says what it found): nothing changed.
        for callback in self._success:
            callback(value)
        return value

    def _failed(self, error: BaseException) -> None:
        self._context.failed.emit(str(error))
        if self._undo is not None or self._changed is not None:
            # Whatever the edit was to change is shown again as it is.
            self._context.changed.emit(self._changed or Changed.everything())
        for callback in self._failure:
            callback(error)
