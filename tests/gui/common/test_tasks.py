"""Background work: results come back on the GUI thread; cancel and errors are reported."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from planner.gui.common.tasks import BackgroundTask


def run(qtbot: QtBot, work: Callable[..., object]) -> tuple[list[object], list[BaseException]]:
    parent = QWidget()
    qtbot.addWidget(parent)
    results: list[object] = []
    errors: list[BaseException] = []
    task = BackgroundTask(parent, "Working", work, results.append, errors.append)
    with qtbot.waitSignal(task.done, timeout=10_000):
        task.start()
    return results, errors


def test_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    seen: list[tuple[int, int]] = []
    gui_thread = threading.get_ident()
    threads: list[int] = []

    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> str:
        threads.append(threading.get_ident())
        for n in range(3):
            progress(n + 1, 3)
            seen.append((n + 1, 3))
        return "ok"

    results, errors = run(qtbot, work)
    assert results == ["ok"] and errors == []
    assert threads and threads[0] != gui_thread
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_errors_are_handed_back(qtbot: QtBot) -> None:
    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> None:
        raise ValueError("broken file")

    results, errors = run(qtbot, work)
    assert results == []
    assert [str(e) for e in errors] == ["broken file"]


def test_cancel_reaches_the_work(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()
    results: list[object] = []

    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> str:
        started.set()
        deadline = time.monotonic() + 5
        while not cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        return "cancelled" if cancelled() else "ran out"

    task = BackgroundTask(parent, "Working", work, results.append, lambda e: None)
    with qtbot.waitSignal(task.done, timeout=10_000):
        task.start()
        assert started.wait(5)
        task.dialog.canceled.emit()  # as the Cancel button and Escape do
    assert results == ["cancelled"]
    assert task.cancelled


def test_a_task_that_ends_was_not_cancelled_by_its_dialog_closing(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[bool] = []
    task: BackgroundTask

    def done(result: object) -> None:
        seen.append(task.cancelled)  # what the caller asks to know whether to go on

    task = BackgroundTask(parent, "Working", lambda progress, cancelled: "ok", done, print)
    with qtbot.waitSignal(task.done, timeout=10_000):
        task.start()
    assert seen == [False]  # closing a QProgressDialog says "canceled"; the user did not


def test_long_work_that_never_says_how_far_it_is_still_shows_its_dialog(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()

    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> str:
        release.wait(10)  # a workbook that does not know its size: no progress to report
        return "read"

    task = BackgroundTask(parent, "Reading", work, lambda result: None, print)
    task.start()
    qtbot.waitUntil(task.dialog.isVisible, timeout=3000)  # with its Cancel button
    with qtbot.waitSignal(task.done, timeout=10_000):
        release.set()
