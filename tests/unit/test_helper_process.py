"""The import's helper process: calls run in order, those it has not been handed can be taken
back, and a helper that dies or cannot start fails the calls instead of hanging them."""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures import CancelledError

import pytest

from planner.services.helper_process import AHEAD, HelperBroken, HelperProcess

pytestmark = pytest.mark.slow


def started() -> HelperProcess:
    return HelperProcess(int, ("0",))  # an initializer that does nothing harmful


def test_calls_run_in_the_helper_in_order_and_errors_come_back() -> None:
    helper = started()
    try:
        pid = helper.submit(os.getpid).result(timeout=30)
        assert pid != os.getpid()
        results = [helper.submit(pow, n, 2) for n in range(20)]
        failing = helper.submit(int, "not a number")
        after = helper.submit(abs, -3)
        assert [f.result(timeout=30) for f in results] == [n * n for n in range(20)]
        with pytest.raises(ValueError, match="not a number"):
            failing.result(timeout=30)
        assert after.result(timeout=30) == 3
    finally:
        helper.shutdown(wait=True)
    assert not helper._process.is_alive()


def test_calls_not_yet_handed_to_the_helper_can_be_taken_back() -> None:
    helper = started()
    try:
        helper.submit(abs, 0).result(timeout=30)
        # The first call holds the helper long enough that a loaded machine still takes the
        # waiting calls back before the helper is free to be handed the next one.
        busy = [
            helper.submit(time.sleep, 2.0),
            *(helper.submit(time.sleep, 0) for _ in range(AHEAD - 1)),
        ]
        waiting = [helper.submit(abs, n) for n in range(5)]
        deadline = time.monotonic() + 30  # the feeder hands them over as soon as it runs
        while not all(f.running() or f.done() for f in busy) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert not any(f.cancel() for f in busy)  # in the helper's hands
        assert all(f.cancel() for f in waiting)
        for future in busy:
            future.result(timeout=30)
        assert all(f.cancelled() for f in waiting)
    finally:
        helper.shutdown(wait=True, cancel_futures=True)


def test_shutting_down_cancels_what_was_waiting_and_the_helper_ends() -> None:
    helper = started()
    helper.submit(abs, 0).result(timeout=30)
    busy = helper.submit(time.sleep, 2.0)  # long enough that a loaded machine shuts down first
    waiting = [helper.submit(abs, n) for n in range(10)]
    handed = [busy, *waiting[: AHEAD - 1]]  # the helper has the first AHEAD calls
    deadline = time.monotonic() + 30
    while not all(f.running() or f.done() for f in handed) and time.monotonic() < deadline:
        time.sleep(0.01)
    helper.shutdown(wait=False, cancel_futures=True)
    with pytest.raises(RuntimeError):
        helper.submit(abs, 1)
    busy.result(timeout=30)
    assert [f.result(timeout=30) for f in waiting[: AHEAD - 1]] == list(range(AHEAD - 1))
    for future in waiting[AHEAD - 1 :]:
        with pytest.raises(CancelledError):
            future.result(timeout=30)
    helper._process.join(30)
    assert not helper._process.is_alive()


def test_a_helper_that_dies_fails_its_calls() -> None:
    helper = started()
    try:
        pid = helper.submit(os.getpid).result(timeout=30)
        stuck = helper.submit(time.sleep, 30)
        waiting = helper.submit(abs, 1)
        time.sleep(0.2)
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(HelperBroken):
            stuck.result(timeout=30)
        with pytest.raises(HelperBroken):
            waiting.result(timeout=30)
        with pytest.raises(RuntimeError):
            helper.submit(abs, 1)
    finally:
        helper.shutdown(wait=True)


def test_a_helper_that_cannot_start_fails_its_calls() -> None:
    helper = HelperProcess(int, ("no start",))
    try:
        with pytest.raises(HelperBroken, match="could not start"):
            helper.submit(abs, 1).result(timeout=30)
    finally:
        helper.shutdown(wait=True)
