"""Running an edit from the window: here or on a worker, one undo step, what changed said."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from planner.domain.model import Event
from planner.domain.rules import ValidationError
from planner.gui.common import tasks, waiting
from planner.gui.common.operations import Operation, OperationCancelled
from planner.gui.context import AppContext
from planner.services.changes import Changed, Kind
from planner.services.workspace import Target, database_of
from planner.storage.errors import StorageError
from planner.storage.events import EventRepository

START = datetime(2030, 5, 1, 9, tzinfo=UTC)


@pytest.fixture
def event(context: AppContext) -> Event:
    return context.events.create(Event("Launch", START, START.replace(hour=17), "UTC"))


@pytest.fixture
def said(
    context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[list[Changed], list[str]]]:
    """What `changed` and `failed` carried (the window's message boxes answered at once)."""
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    changes: list[Changed] = []
    failures: list[str] = []
    context.changed.connect(changes.append)
    context.failed.connect(failures.append)
    yield changes, failures
    context.changed.disconnect(changes.append)
    context.failed.disconnect(failures.append)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The labels of the progress dialogs the operations show."""
    labels: list[str] = []
    start = tasks.BackgroundTask.start

    def watched(task: tasks.BackgroundTask) -> None:
        labels.append(task.dialog.labelText())
        start(task)

    monkeypatch.setattr(tasks.BackgroundTask, "start", watched)
    return labels


def renamed(event: Event, name: str) -> Event:
    return replace(event, name=name)


def test_a_quick_edit_runs_here_and_is_one_undo_step(
    context: AppContext, event: Event, said: tuple[list[Changed], list[str]], dialogs: list[str]
) -> None:
    changes, failures = said
    threads: list[bool] = []

    def work(target: Target) -> Event:
        threads.append(threading.current_thread() is threading.main_thread())
        return context.events.update(renamed(event, "Launch party"))

    result = Operation(context, work).undoable("Rename").run()
    assert result is not None and result.name == "Launch party"
    assert threads == [True] and dialogs == [] and failures == []
    assert context.undo_stack.count() == 1 and context.undo_stack.undoText() == "Rename"
    assert changes == [Changed(frozenset({Kind.EVENT}), frozenset({event.id}))]

    context.undo_stack.undo()
    assert context.events.get(event.id).name == "Launch"  # type: ignore[arg-type]
    assert changes[-1] == Changed(frozenset({Kind.EVENT}), frozenset({event.id}))
    context.undo_stack.redo()
    assert context.events.get(event.id).name == "Launch party"  # type: ignore[arg-type]
    assert len(changes) == 3


def test_a_long_edit_runs_on_a_worker_while_a_dialog_waits(
    context: AppContext,
    event: Event,
    said: tuple[list[Changed], list[str]],
    dialogs: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(waiting, "LONG_CHANGE_ROWS", 10)
    threads: list[bool] = []

    def work(target: Target) -> Event:
        here = threading.current_thread() is threading.main_thread()
        threads.append(here)
        assert here == (target is context.workspace)  # a worker: a connection of its own
        return EventRepository(database_of(target)).update(renamed(event, "Big launch"))

    Operation(context, work).undoable("Rename").long("Renaming…", rows=10).run()
    assert threads == [False] and dialogs == ["Renaming…"]
    assert context.events.get(event.id).name == "Big launch"  # type: ignore[arg-type]
    assert QApplication.activeModalWidget() is None
    # Ten rows or more: said by the caller. Fewer: here.
    Operation(context, work).undoable("Rename").long("Renaming…", rows=9).run()
    assert threads == [False, True]


def test_undo_of_a_long_edit_runs_on_a_worker_too(
    context: AppContext,
    event: Event,
    dialogs: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from planner.services import undo

    Operation(context, lambda target: context.events.update(renamed(event, "B"))).undoable(
        "Rename", waiting=("Again…", "Back…")
    ).run()
    monkeypatch.setattr(waiting, "LONG_CHANGE_ROWS", 1)
    threads: list[bool] = []
    original = undo.undo_changes

    def watched(target: Target, changes: object) -> None:
        threads.append(threading.current_thread() is threading.main_thread())
        original(target, changes)  # type: ignore[arg-type]

    monkeypatch.setattr(undo, "undo_changes", watched)
    context.undo_stack.undo()
    assert threads == [False] and dialogs == ["Back…"]
    assert context.events.get(event.id).name == "Launch"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "error", [StorageError("The disk is full."), ValidationError(["The disk is full."])]
)
def test_a_refused_edit_is_reported_and_pushes_nothing(
    context: AppContext, said: tuple[list[Changed], list[str]], error: Exception
) -> None:
    changes, failures = said

    def work(target: Target) -> None:
        raise error

    assert Operation(context, work).undoable("Fail").run() is None
    assert failures == [str(error)]
    assert context.undo_stack.count() == 0
    assert changes == [Changed.everything()]


def test_a_bug_is_not_taken_for_a_refusal(
    context: AppContext, said: tuple[list[Changed], list[str]]
) -> None:
    def work(target: Target) -> None:
        raise KeyError("bug")

    with pytest.raises(KeyError):
        Operation(context, work).undoable("Fail").run()


def test_what_changed_can_be_said_by_the_caller(
    context: AppContext, event: Event, said: tuple[list[Changed], list[str]]
) -> None:
    changes, _ = said
    stated = Changed.only(Kind.EVENT, Kind.CHECKLIST)
    seen: list[Event] = []
    Operation(context, lambda target: context.events.update(renamed(event, "C"))).undoable(
        "Rename"
    ).announcing(stated).success(seen.append).run()
    assert changes == [stated]
    assert [e.name for e in seen] == ["C"]
    context.undo_stack.undo()
    assert changes == [stated, stated]


def test_an_edit_that_is_not_undoable_pushes_nothing(
    context: AppContext, event: Event, said: tuple[list[Changed], list[str]]
) -> None:
    changes, _ = said
    Operation(context, lambda target: context.events.update(renamed(event, "D"))).announcing(
        Changed.only(Kind.EVENT)
    ).run()
    assert context.undo_stack.count() == 0
    assert changes == [Changed.only(Kind.EVENT)]


def test_a_result_that_carries_its_rows_is_not_recorded_again(
    context: AppContext, event: Event, said: tuple[list[Changed], list[str]]
) -> None:
    from planner.services.undo import Done, record

    changes, _ = said
    done = record(context.workspace, lambda: context.events.update(renamed(event, "E")))
    Operation(context, lambda target: done).undoable("Rename", steps=lambda d: d.changes).run()
    assert changes == [Changed.of(done.changes)]
    context.undo_stack.undo()
    assert context.events.get(event.id).name == "Launch"  # type: ignore[arg-type]
    assert isinstance(done, Done)


def test_background_work_reports_progress_and_its_result(
    qtbot: QtBot, context: AppContext, event: Event, said: tuple[list[Changed], list[str]]
) -> None:
    changes, failures = said
    threads: list[bool] = []
    results: list[object] = []

    def work(target: Target) -> object:
        threads.append(threading.current_thread() is threading.main_thread())
        operation.progress(1, 2)
        assert not operation.cancelled()
        return EventRepository(database_of(target)).get(event.id).name  # type: ignore[arg-type]

    operation = Operation(context, work).announcing(Changed.only(Kind.GOAL)).success(results.append)
    task = operation.run_in_background("Reading…")
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert threads == [False] and failures == []
    assert results == ["Launch"] and changes == [Changed.only(Kind.GOAL)]
    del task


def test_background_work_can_be_cancelled(
    qtbot: QtBot, context: AppContext, said: tuple[list[Changed], list[str]]
) -> None:
    changes, failures = said
    started = threading.Event()
    results: list[object] = []

    def work(target: Target) -> None:
        started.set()
        while not operation.cancelled():
            threading.Event().wait(0.01)
        raise OperationCancelled

    operation = Operation(context, work).undoable("Nothing").success(results.append)
    task = operation.run_in_background("Waiting…")
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: task._ended, timeout=10_000)
    assert results == [] and failures == [] and changes == []
    assert context.undo_stack.count() == 0


def test_background_work_that_fails_is_reported(
    qtbot: QtBot, context: AppContext, said: tuple[list[Changed], list[str]]
) -> None:
    _, failures = said

    def work(target: Target) -> None:
        raise StorageError("The database is busy.")

    parent = QWidget()
    qtbot.addWidget(parent)
    task = Operation(context, work, parent).undoable("Busy").run_in_background("Trying…")
    with qtbot.waitSignal(task.done, timeout=10_000):
        pass
    assert failures == ["The database is busy."]
    assert context.undo_stack.count() == 0


def test_work_that_only_reads_says_nothing_changed(
    context: AppContext, event: Event, said: tuple[list[Changed], list[str]]
) -> None:
    changes, failures = said
    name = Operation(context, lambda target: context.events.get(event.id)).run()  # type: ignore[arg-type]
    assert name == event and changes == [] and failures == []

    def work(target: Target) -> None:
        raise StorageError("The database is busy.")

    ended: list[BaseException] = []
    assert Operation(context, work).failure(ended.append).run() is None
    assert failures == ["The database is busy."] and changes == []  # nothing to show again
    assert [str(error) for error in ended] == ["The database is busy."]
