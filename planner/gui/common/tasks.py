"""Long work off the GUI thread: a progress dialog with Cancel, and a result back on the GUI
thread.

The work function runs in a QThread and receives two callables: `progress(done, total)` and
`cancelled() -> bool`. It must not touch widgets; whatever it returns (or raises) is handed to
`on_done` (or `on_error`) on the GUI thread. The dialog appears only if the work takes longer
than a moment, so quick jobs do not flash a window.

Without Cancel (`cancellable=False`) the dialog shows at once and keeps the whole app out of
reach while the window still paints: for work the caller waits for (gui/common/operations.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _ProgressDialog(QProgressDialog):
    """A progress dialog that, when the work cannot be cancelled, cannot be closed either
    (Escape or the title bar) until the work lets it go."""

    def __init__(self, label: str, cancel: str | None, parent: QWidget | None) -> None:
        super().__init__(label, cancel or "", 0, 0, parent)
        self.closable = cancel is not None
        if cancel is None:
            self.setCancelButton(None)

    def reject(self) -> None:
        if self.closable:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.closable:
            super().closeEvent(event)
        else:
            event.ignore()


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, cancel_flag: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._cancel = cancel_flag
        self._home = QThread.currentThread()

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._cancel.is_set)
        except BaseException as exc:  # handed to the GUI thread, which decides what to say
            outcome, value = self.failed, exc
        else:
            outcome, value = self.finished, result
        # Go back to the GUI thread before the worker thread ends, so this object is never
        # left belonging to a thread that no longer runs (and is deleted where it was made).
        self.moveToThread(self._home)
        outcome.emit(value)


class BackgroundTask(QObject):
    """One run of `work`. Keep a reference until `done` fires (the main window keeps it)."""

    done = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        work: Work,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        *,
        cancellable: bool = True,
    ) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._ended = False
        self._on_done = on_done
        self._on_error = on_error
        self.dialog = _ProgressDialog(label, self.tr("Cancel") if cancellable else None, parent)
        self.dialog.setWindowTitle(self.tr("Working…"))
        if cancellable:
            self.dialog.setMinimumDuration(400)
            # Nothing else may write while the work holds the database.
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        else:  # the caller waits for it: nothing in the app may start meanwhile
            self.dialog.setMinimumDuration(0)
            self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self._thread = QThread(self)
        self._worker = _Worker(work, self._cancel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._progress)
        self._worker.finished.connect(self._finished)
        self._worker.failed.connect(self._failed)

    def start(self) -> None:
        # Starts the dialog's clock: it shows after its minimum duration even when the work
        # never says how far it is (a workbook that does not know its size).
        self.dialog.setValue(0)
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def stop(self, timeout_ms: int = 30_000) -> bool:
        """Cancel the work and wait, the windows still painting, until it has ended: for
        closing the window while it runs (a QThread destroyed running aborts the app). Work
        that does not look at `cancelled` (reading a file) runs to its end. False if it had
        not ended after `timeout_ms`."""
        if not self._ended:
            self.cancel()
            loop = QEventLoop()
            self.done.connect(loop.quit)
            QTimer.singleShot(timeout_ms, loop.quit)
            loop.exec()
        return self._ended

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _end(self) -> None:
        self._ended = True
        self._thread.quit()
        self._thread.wait()
        self.dialog.closable = True
        # A progress dialog says "canceled" when it closes: not the user's cancel.
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()
        self.done.emit()

    def _finished(self, result: Any) -> None:
        self._end()
        self._on_done(result)

    def _failed(self, error: BaseException) -> None:
        self._end()
        self._on_error(error)
