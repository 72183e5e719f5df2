"""Writes the app waits for: small ones here, large ones on a worker thread with a connection of
its own while a dialog that cannot be dismissed keeps the app out of reach and its windows
painted. Operations (gui/common/operations.py) and undo steps (gui/common/undo.py) both run
their writes through `run_waiting`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QWidget

from planner.services.workspace import Target, Workspace

T = TypeVar("T")

LONG_CHANGE_ROWS = 20_000
"""A write touching this many rows (undoing a large import, deleting a conference) takes a
second or so: it runs in a worker thread, with the app waiting."""


def run_and_wait(parent: QWidget | None, label: str, work: Callable[[], T]) -> T:
    """`work()` in a worker thread while a dialog that cannot be dismissed keeps the app out of
    reach and its windows painted; returns its result or raises its error. `work` must not
    touch widgets (nor the GUI thread's database connection)."""
    from planner.gui.common.tasks import BackgroundTask

    outcome: list[tuple[bool, Any]] = []
    loop = QEventLoop()
    task = BackgroundTask(
        parent,
        label,
        lambda progress, cancelled: work(),
        lambda result: outcome.append((True, result)),
        lambda error: outcome.append((False, error)),
        cancellable=False,
    )
    task.done.connect(loop.quit)
    task.dialog.show()
    task.start()
    if not outcome:
        loop.exec()
    task.deleteLater()
    finished, value = outcome[0]
    if not finished:
        raise value
    return value  # type: ignore[no-any-return]


def run_waiting(
    parent: QWidget | None,
    label: str,
    workspace: Workspace,
    rows: int | None,
    work: Callable[[Target], T],
) -> T:
    """`work(target)` for a write touching about `rows` rows: here, on the workspace, when it
    is small; from LONG_CHANGE_ROWS rows on (or always, for `rows` None), on a connection of
    its own in a worker thread while the app waits (`run_and_wait`). An in-memory database
    has no second connection: its work runs here."""
    small = rows is not None and rows < LONG_CHANGE_ROWS
    if small or workspace.db.path is None:
        return work(workspace)

    def run() -> T:
        db = workspace.second_connection()
        try:
            return work(db)
        finally:
            db.close()

    return run_and_wait(parent, label, run)
