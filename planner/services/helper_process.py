"""One helper process that runs functions handed to it, in order, fed through a pipe.

It does what the import needs of `concurrent.futures.ProcessPoolExecutor(max_workers=1)`
(`submit` gives a Future that can be cancelled until the helper starts on it; `shutdown`), but
its only link to the helper is one pipe. A process pool's queues are built on named POSIX
semaphores, registered with multiprocessing's resource tracker: when the process that made them
ends without closing them (SIGTERM, SIGKILL, a crash), the tracker prints "There appear to be 5
leaked semaphore objects" on the user's terminal. A pipe is nothing to track, and it ends the
helper by itself: when the process that started it is gone, however it went, the helper reads
the end of the pipe and exits.

The helper ignores SIGINT: Ctrl+C in a terminal reaches every process of the command, and the
process that started the helper decides what an interrupt means (the helper goes with it).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

AHEAD = 2
"""Calls handed to the helper at a time: the one it runs and the next, so it never waits for
this process between two; the rest stay here, where they can still be cancelled."""


class HelperBroken(RuntimeError):
    """The helper ended (or could not start) before it returned a call's result."""


class HelperProcess:
    def __init__(self, initializer: Callable[..., object], initargs: tuple[Any, ...]) -> None:
        """Start the helper (a fresh interpreter: spawn), which runs `initializer(*initargs)`
        before any call. OSError when this system cannot start one."""
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self._connection, theirs = context.Pipe(duplex=True)
        self._process = context.Process(
            target=_serve, args=(theirs, initializer, initargs), name="import helper", daemon=True
        )
        try:
            self._process.start()
        finally:
            theirs.close()
        self._pending: deque[tuple[Future[Any], Callable[..., Any], tuple[Any, ...]]] = deque()
        self._condition = threading.Condition()
        self._closing = False
        self._broken: BaseException | None = None
        self._feeder = threading.Thread(target=self._feed, name="import helper feed", daemon=True)
        self._feeder.start()

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        with self._condition:
            if self._closing or self._broken is not None:
                raise RuntimeError("the helper has stopped taking work")
            self._pending.append((future, fn, args))
            self._condition.notify()
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Take no more work; the helper ends after the calls it holds (at most AHEAD)."""
        with self._condition:
            self._closing = True
            if cancel_futures:
                for future, _, _ in self._pending:
                    future.cancel()
                self._pending.clear()
            self._condition.notify()
        if wait:
            self._feeder.join()
            self._process.join()

    def _next(self, block: bool) -> tuple[Future[Any], Callable[..., Any], tuple[Any, ...]] | None:
        """The next call nobody has cancelled; None when there is none (now, or any more)."""
        with self._condition:
            while True:
                while self._pending:
                    item = self._pending.popleft()
                    if item[0].set_running_or_notify_cancel():
                        return item
                if self._closing or not block:
                    return None
                self._condition.wait()

    def _feed(self) -> None:
        connection = self._connection
        handed: deque[Future[Any]] = deque()
        try:
            started, error = connection.recv()
            if not started:
                raise HelperBroken(f"the helper could not start: {error!r}")
            while True:
                while len(handed) < AHEAD:
                    item = self._next(block=not handed)
                    if item is None:
                        break
                    future, fn, args = item
                    try:
                        connection.send((fn, args))
                    except BaseException as exc:  # this call cannot be sent (or the pipe went)
                        future.set_exception(exc)
                        raise
                    handed.append(future)
                if not handed:
                    return  # closing, and nothing left in the helper's hands
                ok, value = connection.recv()
                future = handed.popleft()
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(value)
        except BaseException as exc:
            broken = exc if isinstance(exc, HelperBroken) else HelperBroken(repr(exc))
            with self._condition:
                self._broken = broken
                left = [item[0] for item in self._pending]
                self._pending.clear()
            for future in handed:  # running: the helper had them
                future.set_exception(broken)
            for future in left:
                if future.set_running_or_notify_cancel():  # False: cancelled meanwhile
                    future.set_exception(broken)
        finally:
            connection.close()  # the helper reads the end of the pipe and exits


def _serve(
    connection: Connection, initializer: Callable[..., object], initargs: tuple[Any, ...]
) -> None:
    """The helper's loop: each call read from the pipe is run and its result (or error) sent
    back, until the pipe ends."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        initializer(*initargs)
    except Exception as exc:
        _send(connection, (False, exc))
        return
    if not _send(connection, (True, None)):
        return
    while True:
        try:
            fn, args = connection.recv()
        except (EOFError, OSError):
            return
        try:
            outcome: tuple[bool, Any] = (True, fn(*args))
        except Exception as exc:
            outcome = (False, exc)
        if not _send(connection, outcome):
            return


def _send(connection: Connection, outcome: tuple[bool, Any]) -> bool:
    """Send `outcome`; False when the other end is gone."""
    try:
        connection.send(outcome)
    except (BrokenPipeError, EOFError, ConnectionResetError):
        return False
    except Exception as exc:  # a result or an error that cannot be pickled
        try:
            connection.send((False, RuntimeError(f"the helper's answer cannot be sent: {exc!r}")))
        except OSError:
            return False
    return True
