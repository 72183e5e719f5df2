"""Importing an attendee list from the GUI: read the file, let the user check the columns,
import off the GUI thread with progress and Cancel, report, and make it one undo step."""

from __future__ import annotations

import traceback
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.ids import EventId
from planner.domain.importing import FileProblem, ImportCancelled, ImportReport, Table
from planner.domain.model import Event
from planner.gui.common.formatting import tr_n
from planner.gui.common.messages import show_warning
from planner.gui.common.tasks import BackgroundTask
from planner.gui.common.widgets import exec_once
from planner.gui.context import AppContext
from planner.storage.errors import StorageError

if TYPE_CHECKING:
    from planner.services.importing.service import ImportOutcome, PreparedImport

FILE_FILTER = "Attendee lists (*.csv *.tsv *.txt *.xls *.xlsx *.vcf *.vcard);;All files (*)"


def tr(text: str) -> str:
    return QCoreApplication.translate("importing", text)


def user_region() -> str | None:
    """The user's country, to place phone numbers written without a country code."""
    code = QLocale.territoryToCode(QLocale.system().territory())
    return code if len(code) == 2 else None


class ReportDialog(QDialog):
    """What an import did, in numbers, and the rows it left out with their line numbers."""

    review_requested = Signal()

    def __init__(
        self,
        report: ImportReport,
        parent: QWidget | None = None,
        *,
        table: Table | None = None,
        source: Path | None = None,
        event_name: str = "",
    ) -> None:
        """`table` and `source` (the file imported) let the user save what was left out;
        `event_name` is the event whose list received the people."""
        super().__init__(parent)
        self._report, self._table, self._source = report, table, source
        self.setWindowTitle(tr("Import Finished"))
        lines = [
            tr_n(
                "importing", "%n rows read from %1", report.rows, one="%n row read from %1"
            ).replace("%1", report.source),
            ", ".join(
                (
                    tr_n("importing", "%n new people", report.added, one="%n new person"),
                    tr_n(
                        "importing",
                        "%n known people updated",
                        report.updated,
                        one="%n known person updated",
                    ),
                    tr_n(
                        "importing",
                        "%n rows merged with someone known",
                        report.merged,
                        one="%n row merged with someone known",
                    ),
                )
            ),
            (
                tr_n(
                    "importing",
                    "%n people put on the list of “%1”",
                    report.attendances_added,
                    one="%n person put on the list of “%1”",
                ).replace("%1", event_name)
                if event_name
                else tr("%1 added to the event's list").replace(
                    "%1", f"{report.attendances_added:,}"
                )
            ),
        ]
        if report.attendances_removed:
            lines.append(
                tr("%1 taken off the event's list: the file says they are not coming").replace(
                    "%1", f"{report.attendances_removed:,}"
                )
            )
        if report.layout:
            lines.insert(1, tr("Recognised as %1").replace("%1", report.layout))
        summary = QLabel("<br>".join(escape(line) for line in lines))
        summary.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        self.review = QLabel(
            tr(
                "%n may already be in your network under another spelling: review them on the "
                "event's People tab."
            ).replace("%n", f"{len(report.review):,}")
        )
        self.review.setWordWrap(True)
        self.review.setVisible(bool(report.review))
        layout.addWidget(self.review)
        self.skipped = QListWidget()
        self.skipped.setUniformItemSizes(True)  # thousands of rows: one line each
        # Rows left out, and lines left out of a row, in the file's order.
        left_out = sorted([*report.skipped, *report.unread], key=lambda item: item.line)
        line = tr("Line %1: %2")
        self.skipped.addItems(
            [line.replace("%1", str(item.line)).replace("%2", item.reason) for item in left_out]
        )
        self.saved = QLabel()
        self.saved.setObjectName("hint")
        self.saved.setTextFormat(Qt.TextFormat.PlainText)
        self.saved.hide()
        if left_out:
            layout.addWidget(QLabel(tr("Left out (%n):").replace("%n", f"{len(left_out):,}")))
            layout.addWidget(self.skipped, 1)
            layout.addWidget(self.saved)
        self.changed = _changed_list(report)
        if report.changed:
            changed_label = QLabel(
                tr("Values not kept as given (%n); the rest of their row was imported:").replace(
                    "%n", f"{len(report.changed):,}"
                )
            )
            changed_label.setWordWrap(True)
            changed_label.setBuddy(self.changed)
            layout.addWidget(changed_label)
            layout.addWidget(self.changed, 1)
        if left_out or report.changed:
            self.resize(620, 460)  # room for the lists; otherwise the dialog fits its lines
        else:
            self.setMinimumWidth(420)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.save_button: QPushButton | None = None
        if left_out and table is not None:
            self.save_button = buttons.addButton(
                tr("Save Left-Out Rows…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.save_button.setToolTip(
                tr("A CSV of these rows, with their line and why, to fix and import again")
            )
            self.save_button.clicked.connect(self.save_left_out)
        if report.review:
            review = buttons.addButton(tr("Review Now"), QDialogButtonBox.ButtonRole.ActionRole)
            review.clicked.connect(self.review_requested)
            review.clicked.connect(self.accept)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def save_left_out(self) -> None:
        from planner.services.importing.service import save_left_out

        assert self._table is not None
        name = Path(self._table.source).stem or "attendees"
        folder = self._source.parent if self._source is not None else Path.home()
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            tr("Save Left-Out Rows"),
            str(folder / f"{name} left out.csv"),
            tr("CSV files (*.csv)"),
        )
        if not chosen:
            return
        try:
            count = save_left_out(Path(chosen), self._table, self._report)
        except OSError as error:
            show_warning(
                self,
                tr("Could not save %1: %2")
                .replace("%1", Path(chosen).name)
                .replace("%2", error.strerror or str(error)),
            )
            return
        saved = tr_n("importing", "%n rows saved to %1", count, one="%n row saved to %1")
        self.saved.setText(saved.replace("%1", str(chosen)))
        self.saved.show()


_WRAPPED_AT_MOST = 500


def _changed_list(report: ImportReport) -> QListWidget:
    """The values of imported rows that were not kept as the file gave them, one a line."""
    from planner.gui.importing.import_dialog import field_name

    found = QListWidget()
    # Each line wraps to the dialog's width, unless there are so many that laying them out
    # would take long: then one line each, the list scrolling sideways.
    wrap = len(report.changed) <= _WRAPPED_AT_MOST
    found.setWordWrap(wrap)
    found.setUniformItemSizes(not wrap)
    if wrap:
        found.setSpacing(2)  # wrapped lines, kept apart
    found.setAccessibleName(tr("Values not kept as given"))
    line = tr("Line %1, %2: “%3” %4")
    found.addItems(
        [
            line.replace("%1", str(item.line))
            .replace("%2", field_name(item.field))
            .replace("%4", item.what)
            .replace("%3", item.value)  # last: the file's text may hold "%4"
            for item in report.changed
        ]
    )
    return found


class ImportController(QObject):
    """Runs one import at a time for the main window."""

    finished = Signal(object)  # the ImportReport, after the import was applied
    imported = Signal(int)  # the event that received the people, to be shown
    review_requested = Signal(int)  # event id

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._window = parent
        self._task: BackgroundTask | None = None
        self._stopping = False  # the window is closing

    @property
    def busy(self) -> bool:
        return self._task is not None

    def choose_file(self, event_id: EventId | None) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._window, tr("Import Attendees"), "", tr(FILE_FILTER)
        )
        if path:
            self.start(Path(path), event_id)

    def start(self, path: Path, event_id: EventId | None) -> None:
        """Read `path` (off the GUI thread), then ask about the columns."""
        if self.busy:
            return
        try:  # before the file is read and the columns are asked about
            self._context.workspace.check_writable()
        except StorageError as exc:
            show_warning(self._window, str(exc))
            return
        from planner.services.importing.service import prepare_import

        self._run(
            tr("Reading %1…").replace("%1", path.name),
            lambda progress, cancelled: prepare_import(
                path, progress=progress, cancelled=cancelled
            ),
            lambda prepared: self._ask(prepared, event_id, path),
            drop_when_cancelled=True,  # read, then cancelled: nothing to keep
        )

    def _ask(self, prepared: PreparedImport, event_id: EventId | None, path: Path) -> None:
        from planner.gui.importing.import_dialog import ImportDialog
        from planner.services.events import likely_event
        from planner.services.importing.service import remember_mapping, with_remembered

        workspace = self._context.workspace
        prepared = with_remembered(prepared, workspace)
        events = self._context.events.all()
        if event_id is None:  # none in view (Home, People...): the next event, most likely
            event_id = likely_event(events, datetime.now(UTC))
        dialog = ImportDialog(
            prepared.table,
            prepared.layout,
            prepared.mapping,
            events,
            event_id,
            remembered=prepared.remembered,
            new_event=self._new_event,
            parent=self._window,
        )
        if not exec_once(dialog):
            return
        mapping = dialog.mapping()
        chosen_event = dialog.event_id()
        if chosen_event is None:
            return
        if prepared.layout is None or mapping != prepared.layout.mapping:
            remember_mapping(workspace, prepared.table.headers, mapping)
        self._import(prepared, mapping, EventId(chosen_event), path)

    def _new_event(self, parent: QWidget) -> Event | None:
        """An event made from the column dialog (one undo step, as from the Events page)."""
        from planner.gui.events.editing import add_event
        from planner.gui.events.event_dialog import EventDialog

        dialog = EventDialog(parent)
        if not exec_once(dialog):
            return None
        event_id = add_event(self._context, dialog.event_value())
        if event_id is None:
            return None
        return self._context.events.get(event_id)

    def _import(
        self, prepared: PreparedImport, mapping: Any, event_id: EventId, path: Path
    ) -> None:
        from planner.services.importing.service import run_import

        workspace = self._context.workspace
        region = user_region()

        def work(progress: Any, cancelled: Any) -> ImportOutcome:
            # Its own connection: the GUI thread keeps reading through the workspace's.
            db = workspace.second_connection()
            try:
                return run_import(
                    db,
                    prepared.table,
                    mapping,
                    event_id,
                    layout=prepared.layout,
                    default_region=region,
                    progress=progress,
                    cancelled=cancelled,
                )
            finally:
                db.close()

        self._run(
            tr_n(
                "importing",
                "Importing %n rows from %1…",
                len(prepared.table.rows),
                one="Importing %n row from %1…",
            ).replace("%1", prepared.table.source),
            work,
            lambda outcome: self._imported(outcome, event_id, prepared.table, path),
        )

    def _imported(
        self, outcome: ImportOutcome, event_id: EventId, table: Table, path: Path
    ) -> None:
        from planner.gui.common.undo import ChangeCommand, changed_by

        source = outcome.report.source
        # The import has happened: the step's first redo does nothing, and a large undo or
        # redo (150,000 rows take over a second either way) runs on a worker while the app
        # waits.
        command = ChangeCommand(
            self._context,
            tr("Import %1").replace("%1", source),
            outcome.changes.rows,
            waiting=(
                tr("Importing %1 again…").replace("%1", source),
                tr("Taking back the import of %1…").replace("%1", source),
            ),
        )
        self._context.undo_stack.push(command)
        self._context.changed.emit(changed_by(outcome.changes.rows))
        self.finished.emit(outcome.report)
        self.imported.emit(event_id)  # the window shows it, the report above it
        try:
            event_name = self._context.events.get(event_id).name
        except StorageError:
            event_name = ""
        dialog = ReportDialog(
            outcome.report, self._window, table=table, source=path, event_name=event_name
        )
        dialog.review_requested.connect(lambda: self.review_requested.emit(event_id))
        exec_once(dialog)

    def _run(
        self, label: str, work: Any, on_done: Any, *, drop_when_cancelled: bool = False
    ) -> None:
        """Run a step in the background. `drop_when_cancelled`: a step without lasting
        effects (reading the file) whose result is dropped when the user cancelled while it
        ran; an import that ends despite a late cancel has committed, and is reported."""

        def done(result: Any) -> None:
            if self._stopping:  # the window is closing: no next step, no dialog
                return
            if drop_when_cancelled and task.cancelled:
                self._failed(ImportCancelled())
                return
            on_done(result)

        task = BackgroundTask(self._window, label, work, done, self._failed)
        task.done.connect(self._task_done)
        self._task = task
        task.start()

    def _task_done(self) -> None:
        self._task = None

    def stop(self) -> bool:
        """Cancel the running step and wait for it to end, for closing the window: an import
        is rolled back (unless it had already committed), a file being read is dropped.
        False if it did not end in time."""
        self._stopping = True
        return self._task is None or self._task.stop()

    def stopped_before_quitting(self) -> bool:
        """True when no import is running, or the user agrees to stop the one that is and it
        has ended; False keeps the window open."""
        if not self.busy:
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self._window,
            tr("Import Under Way"),
            tr(
                "An attendee list is still being imported. Stop the import and quit? Unless "
                "it has just finished, the event is left as it was before the import."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes and self.stop()

    def _failed(self, error: BaseException) -> None:
        if self._stopping:
            return
        if isinstance(error, ImportCancelled):
            self._window.statusBar().showMessage(  # type: ignore[attr-defined]
                tr("Import cancelled; nothing was changed."), 8000
            )
        elif isinstance(error, FileProblem | StorageError | ValueError | OSError):
            show_warning(self._window, str(error))
        else:  # a bug: say so plainly, keep the details for the report
            traceback.print_exception(error)
            show_warning(
                self._window,
                tr("The import failed unexpectedly and nothing was changed (%1).").replace(
                    "%1", f"{type(error).__name__}: {error}"
                ),
            )
