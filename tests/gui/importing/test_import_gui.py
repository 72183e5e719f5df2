"""Importing from the GUI: columns dialog, background run, report, one undo step, review."""

from __future__ import annotations

import time
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from planner.domain.importing import Field
from planner.gui.importing.controller import ReportDialog
from planner.gui.importing.import_dialog import ImportDialog
from planner.gui.importing.review_dialog import ReviewDialog
from planner.gui.main_window import MainWindow
from planner.services.changes import Changed
from planner.services.sample import UPCOMING_NAME
from planner.services.workspace import Workspace

EVENTBRITE = (
    "Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Attendee #,"
    "Attendee Status,Job Title,Company\r\n"
    "1001,2026-11-01,Ana,Sousa,ana@example.org,1,General Admission,1,Attending,CTO,Luz Labs\r\n"
    '1002,2026-11-01,João,"Ferreira, Jr.",joao@example.org,1,Speaker,2,Attending,Founder,'
    '"Rio, Lda"\r\n'
    "1003,2026-11-02,王,小明,xm@example.cn,1,General Admission,3,Attending,Engineer,Hangzhou AI\r\n"
)


def write_list(path: Path, count: int) -> Path:
    """An Eventbrite report of `count` distinct people."""
    rows = "".join(
        f"{n},2026-11-01,Person{n},Family{n},p{n}@example.org,1,GA,{n},Attending,Dev,Co{n}\r\n"
        for n in range(count)
    )
    path.write_text(EVENTBRITE.splitlines()[0] + "\r\n" + rows, encoding="utf-8")
    return path


def upcoming_id(workspace: Workspace) -> int:
    event = next(e for e in workspace.repos.events.all() if e.name == UPCOMING_NAME)
    assert event.id is not None
    return event.id


def emails(workspace: Workspace) -> set[str]:
    return {p.email for p in workspace.repos.people.all() if p.email}


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> list[ReportDialog]:
    shown: list[ReportDialog] = []
    monkeypatch.setattr(ReportDialog, "exec", lambda dialog: shown.append(dialog) or 1)
    return shown


@dataclass
class Columns:
    """What the columns dialog showed and returned (it is deleted once answered)."""

    summary: str
    event_id: int | None
    mapping: dict[int, Field]


def accept_columns(monkeypatch: pytest.MonkeyPatch, seen: list[Columns]) -> None:
    def accept(dialog: ImportDialog) -> int:
        seen.append(Columns(dialog.summary.text(), dialog.event_id(), dialog.mapping()))
        return 1

    monkeypatch.setattr(ImportDialog, "exec", accept)


def run_to_end(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.importer.busy, timeout=20_000)


def test_import_is_one_undo_step(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reports: list[ReportDialog],
) -> None:
    path = tmp_path / "attendees.csv"
    path.write_text(EVENTBRITE, encoding="utf-8")
    event_id = upcoming_id(workspace)
    window.open_event(event_id)
    before_people = workspace.repos.people.count()
    before_attendees = len(workspace.repos.attendances.for_event(event_id))
    dialogs: list[Columns] = []
    accept_columns(monkeypatch, dialogs)

    window.importer.start(path, event_id)
    run_to_end(qtbot, window)  # reading
    run_to_end(qtbot, window)  # importing

    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert "Eventbrite" in dialog.summary
    assert dialog.event_id == event_id
    assert Field.EMAIL in dialog.mapping.values()
    assert len(reports) == 1
    # Answered dialogs are deleted, not kept for as long as the window lives.
    qtbot.wait(1)  # deletion waits for the event loop
    assert window.findChildren(ReportDialog) == window.findChildren(ImportDialog) == []
    assert {"ana@example.org", "joao@example.org", "xm@example.cn"} <= emails(workspace)
    assert workspace.repos.people.count() == before_people + 3
    names = {p.full_name for p in workspace.repos.people.all()}
    assert {"Ana Sousa", "João Ferreira, Jr.", "王 小明"} & names or "王小明" in names
    assert len(workspace.repos.attendances.for_event(event_id)) == before_attendees + 3
    assert window.page("event").attendees.model.rowCount() == before_attendees + 3

    window.undo_action.trigger()
    assert workspace.repos.people.count() == before_people
    assert "ana@example.org" not in emails(workspace)
    window.redo_action.trigger()
    assert workspace.repos.people.count() == before_people + 3
    assert "ana@example.org" in emails(workspace)


def test_a_bad_file_is_reported_and_changes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    before = workspace.repos.people.count()
    window.importer.start(path, upcoming_id(workspace))
    run_to_end(qtbot, window)
    assert len(shown) == 1 and "photo.csv" in shown[0]
    assert workspace.repos.people.count() == before
    assert not window.context.undo_stack.canUndo()


def test_the_report_lists_rows_and_lines_left_out_in_file_order(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "contacts.vcf"
    path.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Rui <b>Costa</b>\nTE{L:+351 912 000 000\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nTEL:+351 913 000 000\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Lima\nEMAIL ana@lima.example\nEND:VCARD\n",
        encoding="utf-8",
    )
    shown: list[tuple[str, list[str]]] = []

    def read(dialog: ReportDialog) -> int:  # before the dialog is deleted
        listed = [dialog.skipped.item(row).text() for row in range(dialog.skipped.count())]
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        shown.append((next(text for text in labels if text.startswith("Left out")), listed))
        return 1

    monkeypatch.setattr(ReportDialog, "exec", read)
    accept_columns(monkeypatch, [])
    window.importer.start(path, upcoming_id(workspace))
    run_to_end(qtbot, window)  # reading
    run_to_end(qtbot, window)  # importing
    assert shown == [
        (
            "Left out (3):",
            [
                "Line 4: could not be read, left out of the contact at line 1: "
                "“TE{L:+351 912 000 000”",
                "Line 6: no name or email",
                "Line 13: could not be read, left out of the contact at line 10: "
                "“EMAIL ana@lima.example”",
            ],
        )
    ]
    assert {"Rui <b>Costa</b>", "Ana Lima"} <= {p.full_name for p in workspace.repos.people.all()}


def test_cancel_rolls_back(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reports: list[ReportDialog],
) -> None:
    path = write_list(tmp_path / "big.csv", 20_000)
    dialogs: list[Columns] = []
    accept_columns(monkeypatch, dialogs)
    before = workspace.repos.people.count()
    from planner.gui.importing.controller import ImportController

    original = ImportController._import

    def import_then_cancel(self: ImportController, *args: object) -> None:
        original(self, *args)  # type: ignore[arg-type]
        assert self._task is not None
        self._task.dialog.canceled.emit()  # as the Cancel button does, while it runs

    monkeypatch.setattr(ImportController, "_import", import_then_cancel)
    window.importer.start(path, upcoming_id(workspace))
    run_to_end(qtbot, window)
    assert reports == []
    assert workspace.repos.people.count() == before
    assert "cancelled" in window.statusBar().currentMessage()
    assert not window.context.undo_stack.canUndo()


@pytest.mark.parametrize("reader", ["stops", "ignores the cancel"])
def test_cancel_while_the_file_is_read_asks_nothing_more(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reader: str,
) -> None:
    from planner.domain.importing import ImportCancelled
    from planner.services.importing import service

    path = tmp_path / "attendees.csv"
    path.write_text(EVENTBRITE, encoding="utf-8")
    prepare = service.prepare_import

    def slowly(target: Path, *, progress: Any, cancelled: Any) -> Any:
        deadline = time.monotonic() + 10
        while not cancelled() and time.monotonic() < deadline:  # a long workbook, say
            time.sleep(0.01)
        if reader == "stops":
            raise ImportCancelled()
        return prepare(target)  # done reading just as the user cancelled

    monkeypatch.setattr(service, "prepare_import", slowly)
    dialogs: list[Columns] = []
    accept_columns(monkeypatch, dialogs)
    window.importer.start(path, upcoming_id(workspace))
    task = window.importer._task
    assert task is not None
    task.dialog.canceled.emit()  # as the Cancel button does
    run_to_end(qtbot, window)
    qtbot.wait(10)
    assert dialogs == []  # no question about the columns of a file the user gave up on
    assert "cancelled" in window.statusBar().currentMessage()


def test_a_large_file_is_imported_with_the_helper_process(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reports: list[ReportDialog],
) -> None:
    from planner.services.importing import rows as import_rows

    started: list[object] = []
    make_executor = import_rows._executor

    def watched(*args: object) -> object:
        executor = make_executor(*args)  # type: ignore[arg-type]
        started.append(executor)
        return executor

    monkeypatch.setattr(import_rows, "PARALLEL_FROM_ROWS", 1000)
    monkeypatch.setattr(import_rows, "CHUNK_ROWS", 100)
    monkeypatch.setattr(import_rows, "_executor", watched)
    path = write_list(tmp_path / "big.csv", 3000)
    accept_columns(monkeypatch, [])
    before = workspace.repos.people.count()
    window.importer.start(path, upcoming_id(workspace))
    run_to_end(qtbot, window)  # reading
    run_to_end(qtbot, window)  # importing
    assert len(started) == 1 and started[0] is not None
    assert len(reports) == 1
    assert workspace.repos.people.count() == before + 3000
    window.undo_action.trigger()
    assert workspace.repos.people.count() == before


def test_undoing_a_large_import_runs_off_the_gui_thread_while_the_app_waits(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reports: list[ReportDialog],
) -> None:
    import threading

    from PySide6.QtWidgets import QApplication

    from planner.gui.common import waiting
    from planner.services import undo

    monkeypatch.setattr(waiting, "LONG_CHANGE_ROWS", 500)
    seen: list[tuple[str, bool]] = []

    def watch(name: str) -> None:
        write = getattr(undo, name)

        def watched(target: object, changes: object) -> None:
            seen.append((name, threading.current_thread() is threading.main_thread()))
            write(target, changes)

        monkeypatch.setattr(undo, name, watched)

    watch("undo_changes")
    watch("redo_changes")
    path = write_list(tmp_path / "list.csv", 600)
    accept_columns(monkeypatch, [])
    before = workspace.repos.people.count()
    window.open_event(upcoming_id(workspace))
    window.importer.start(path, upcoming_id(workspace))
    run_to_end(qtbot, window)
    run_to_end(qtbot, window)
    assert workspace.repos.people.count() == before + 600

    window.undo_action.trigger()
    assert seen == [("undo_changes", False)]
    assert workspace.repos.people.count() == before
    assert window.page("event").attendees.model.rowCount() == len(
        workspace.repos.attendances.for_event(upcoming_id(workspace))
    )
    window.redo_action.trigger()
    assert seen[-1] == ("redo_changes", False)
    assert workspace.repos.people.count() == before + 600
    assert QApplication.activeModalWidget() is None  # the waiting dialog is gone


def test_dropping_a_file_starts_an_import(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "guests.csv"
    path.write_text("name,email\r\nAna,ana@example.org\r\n", encoding="utf-8")
    started: list[Path] = []
    monkeypatch.setattr(window.importer, "start", lambda p, event_id: started.append(p))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    assert started == [path]


def test_review_merge_is_undoable(window: MainWindow, workspace: Workspace) -> None:
    event_id = upcoming_id(workspace)
    people = {p.full_name: p for p in workspace.repos.people.all()}
    existing = people["Sofía García"]
    from planner.domain.model import Person

    new = workspace.repos.people.add(
        Person(full_name="Sofia Garcia", email="s.garcia@cobalt.example", phone="+351 912 345 678")
    )
    with workspace.db.transaction() as conn:
        conn.execute(
            "INSERT INTO attendance (event_id, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (event_id, new.id),
        )
        conn.execute(
            "INSERT INTO import_review (event_id, source, line, new_person_id,"
            " existing_person_id, score, created_at) VALUES (?, 'list.csv', 7, ?, ?, 88.5,"
            " '2026-11-22T00:00:00+00:00')",
            (event_id, new.id, existing.id),
        )
    dialog = ReviewDialog(window.context, event_id, window)
    assert dialog.items.count() == 1
    assert "Sofia Garcia" in dialog.items.item(0).text()
    dialog.resolve(merge=True)
    assert dialog.items.count() == 0
    merged = workspace.repos.people.get(existing.id)  # type: ignore[arg-type]
    assert merged.email == existing.email  # kept what was known
    assert merged.phone == existing.phone or merged.phone  # an empty field is filled
    assert new.id not in {p.id for p in workspace.repos.people.all()}
    window.undo_action.trigger()
    assert new.id in {p.id for p in workspace.repos.people.all()}
    assert workspace.repos.people.get(existing.id) == existing  # type: ignore[arg-type]
    assert dialog.items.count() == 1
    dialog.close()


def _review_pairs(workspace: Workspace, event_id: int, count: int) -> list[int]:
    """`count` review items, each pairing a new person with one already known."""
    from planner.domain.model import Person

    new_ids = []
    with workspace.db.transaction():
        for n in range(count):
            known = workspace.repos.people.add(Person(full_name=f"Known Person {n}"))
            new = workspace.repos.people.add(
                Person(full_name=f"Known Persson {n}", email=f"k{n}@example.org")
            )
            workspace.db.connection.execute(
                "INSERT INTO import_review (event_id, source, line, new_person_id,"
                " existing_person_id, score, created_at) VALUES (?, 'list.csv', ?, ?, ?, 90,"
                " '2026-11-22T00:00:00+00:00')",
                (event_id, n + 2, new.id, known.id),
            )
            assert new.id is not None
            new_ids.append(new.id)
    return new_ids


def test_several_pairs_are_answered_at_once_in_one_undo_step(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from planner.gui.importing import review_dialog
    from planner.services import review

    event_id = upcoming_id(workspace)
    new_ids = _review_pairs(workspace, event_id, 3)
    people = workspace.repos.people.count()
    dialog = ReviewDialog(window.context, event_id, window)
    assert dialog.items.count() == 3
    dialog.items.selectAll()
    assert "3 pairs selected" in dialog.detail.text()
    dialog.resolve(merge=False)  # different people, all three
    assert dialog.items.count() == 0
    assert workspace.repos.people.count() == people
    assert window.context.undo_stack.undoText() == "Keep 3 Pairs Separate"
    window.undo_action.trigger()
    assert dialog.items.count() == 3

    # Many pairs are merged in a worker thread; undo works after the dialog is gone.
    from planner.gui.common import waiting

    monkeypatch.setattr(waiting, "LONG_CHANGE_ROWS", 2 * review_dialog.ROWS_PER_PAIR)
    threads: list[bool] = []
    resolve = review.resolve_reviews

    def watched(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread() is threading.main_thread())
        return resolve(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(review, "resolve_reviews", watched)
    dialog.items.selectAll()
    dialog.resolve(merge=True)
    assert threads == [False]
    assert workspace.repos.people.count() == people - 3
    dialog.close()
    dialog.deleteLater()
    qtbot.wait(1)
    window.undo_action.trigger()
    assert workspace.repos.people.count() == people
    assert {p.id for p in workspace.repos.people.all()} >= set(new_ids)


@pytest.fixture
def slow_import(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Imports that take a while (50 ms per 100 rows), and the rows prepared so far."""
    import time

    from planner.services.importing import rows as import_rows
    from planner.services.importing.rows import RowPreparer

    monkeypatch.setattr(import_rows, "CHUNK_ROWS", 100)
    prepared: list[int] = []
    prepare = RowPreparer.__call__

    def slowly(self: RowPreparer, chunk: Any) -> Any:
        time.sleep(0.05)
        prepared.append(len(chunk))
        return prepare(self, chunk)

    monkeypatch.setattr(RowPreparer, "__call__", slowly)
    return prepared


@pytest.mark.parametrize("answer", ["Yes", "Cancel"])
def test_closing_the_window_during_an_import_asks_and_stops_it(
    answer: str,
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reports: list[ReportDialog],
    slow_import: list[int],
) -> None:
    from PySide6.QtWidgets import QMessageBox

    accept_columns(monkeypatch, [])
    asked: list[str] = []
    button = getattr(QMessageBox.StandardButton, answer)
    monkeypatch.setattr(
        QMessageBox, "question", lambda parent, title, text, *rest: asked.append(text) or button
    )
    before = emails(workspace)
    window.importer.start(write_list(tmp_path / "list.csv", 1500), upcoming_id(workspace))
    qtbot.waitUntil(lambda: len(slow_import) >= 2, timeout=10_000)  # importing, not reading

    window.close()
    assert asked and "still being imported" in asked[0]
    if answer == "Yes":
        assert not window.isVisible()
        assert not window.importer.busy  # stopped and ended, before the window went
        assert sum(slow_import) < 1500  # cut short
        assert emails(workspace) == before  # rolled back
        assert reports == []  # and no report shown on the way out
    else:
        assert window.isVisible()  # kept open; the import goes on to the end
        run_to_end(qtbot, window)
        assert len(emails(workspace) - before) == 1500
        assert len(reports) == 1


def test_closing_the_window_while_nothing_is_imported_asks_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    def refuse(*args: Any) -> Any:
        raise AssertionError("asked about an import that is not running")

    monkeypatch.setattr(QMessageBox, "question", refuse)
    assert not window.importer.busy  # made, but idle
    window.close()
    assert not window.isVisible()


def test_the_column_dialog_shows_every_column_of_a_short_file(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from planner.services.importing.service import prepare_import

    path = tmp_path / "guests.csv"
    path.write_text(
        "Nome;Apelido;Correio eletrónico;Empresa;Cargo;Telemóvel;Notas\n"
        "Ana;Sousa;ana@example.pt;Luz Labs;CTO;912 345 678;veio do meetup\n"
        "João;Ferreira;joao@example.pt;Rio Lda;Founder;;\n",
        encoding="utf-8",
    )
    prepared = prepare_import(path)
    events = workspace.repos.events.all()
    dialog = ImportDialog(prepared.table, prepared.layout, prepared.mapping, events, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.columns.verticalScrollBar().maximum() == 0  # all seven rows in sight
    assert dialog.preview.verticalScrollBar().maximum() == 0
    assert [combo.currentData() for combo in dialog.combos] == [
        "given_name",
        "family_name",
        "email",
        "company",
        "title",
        "phone",
        "notes",
    ]


def test_the_rows_left_out_can_be_saved_to_fix_and_import_again(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from planner.domain.importing import ImportReport, Skipped
    from planner.interchange.tables import read_table
    from planner.services.importing.service import prepare_import

    source = tmp_path / "attendees.csv"
    source.write_text(EVENTBRITE.replace("Attending,CTO", "Cancelled,CTO"), encoding="utf-8")
    table = prepare_import(source).table
    report = ImportReport(source=source.name, layout=None, encoding="utf-8", rows=3)
    report.skipped.append(Skipped(2, "status is “Cancelled”"))
    dialog = ReportDialog(report, table=table, source=source)
    qtbot.addWidget(dialog)
    assert dialog.save_button is not None
    offered: list[str] = []
    target = tmp_path / "fixed" / "left.csv"
    target.parent.mkdir()

    def choose(parent: object, title: str, suggested: str, filters: str) -> tuple[str, str]:
        offered.append(suggested)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    dialog.save_button.click()
    assert offered == [str(tmp_path / "attendees left out.csv")]  # beside the file imported
    saved = read_table(target)
    assert saved.headers[:3] == ("Line", "Left out because", "Order #")
    assert [row.cells[:3] for row in saved.rows] == [("2", "status is “Cancelled”", "1001")]
    assert dialog.saved.text() == f"1 row saved to {target}" and not dialog.saved.isHidden()

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: warned.append(box.text()) or 0)
    target.unlink()
    target.mkdir()  # a folder where the file should go: the save fails, and says so
    dialog.save_button.click()
    assert warned == ["Could not save left.csv: Is a directory"]

    nothing_left_out = ReportDialog(ImportReport("a.csv", None, None), table=table, source=source)
    qtbot.addWidget(nothing_left_out)
    assert nothing_left_out.save_button is None


def test_the_report_says_who_was_taken_off_the_list(qtbot: QtBot) -> None:
    from planner.domain.importing import ImportReport

    report = ImportReport("updated.csv", None, "utf-8", rows=10, attendances_removed=2)
    dialog = ReportDialog(report)
    qtbot.addWidget(dialog)
    texts = unescape(" ".join(label.text() for label in dialog.findChildren(QLabel)))
    assert "2 taken off the event's list: the file says they are not coming" in texts
    quiet = ReportDialog(ImportReport("same.csv", None, "utf-8", rows=10))
    qtbot.addWidget(quiet)
    assert "taken off" not in " ".join(label.text() for label in quiet.findChildren(QLabel))


def test_the_report_fits_its_lines_and_makes_room_for_rows_left_out(qtbot: QtBot) -> None:
    from planner.domain.importing import ImportReport, Skipped

    clean = ReportDialog(ImportReport("clean.csv", None, "utf-8", rows=4, added=4))
    qtbot.addWidget(clean)
    clean.show()
    qtbot.waitExposed(clean)
    # Four lines of text and a button, not a large empty box around them.
    assert clean.height() < 200
    assert clean.width() >= 420
    report = ImportReport("messy.csv", None, "utf-8", rows=40)
    report.skipped.extend(Skipped(line, "no name and no email") for line in range(2, 30))
    messy = ReportDialog(report)
    qtbot.addWidget(messy)
    messy.show()
    qtbot.waitExposed(messy)
    assert messy.height() >= 400 and messy.skipped.height() > 200


def test_tab_goes_from_one_columns_choice_to_the_next(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QComboBox

    from planner.services.importing.service import prepare_import

    path = tmp_path / "wide.csv"
    headers = [f"Column {n}" for n in range(24)]
    path.write_text(",".join(["Name", "Email", *headers]) + "\nAna,ana@x.example" + ",x" * 24)
    prepared = prepare_import(path)
    dialog = ImportDialog(
        prepared.table, prepared.layout, prepared.mapping, workspace.repos.events.all(), None
    )
    qtbot.addWidget(dialog)
    dialog.resize(900, 500)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitActive(dialog):  # focus moves without an active window, FocusIn does not
        dialog.activateWindow()
    dialog.event_choice.setFocus()
    assert dialog.focusWidget() is dialog.event_choice
    reached: list[QComboBox] = []
    for _ in range(len(dialog.combos)):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        focused = dialog.focusWidget()
        assert isinstance(focused, QComboBox)
        reached.append(focused)
        row = dialog.combos.index(focused)
        cell = dialog.columns.visualRect(dialog.columns.model().index(row, 2))
        assert dialog.columns.viewport().rect().intersects(cell)  # scrolled into view
    assert reached == dialog.combos  # every choice in turn, no cell between them
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.preview
    qtbot.keyClick(dialog.preview, Qt.Key.Key_Tab)
    assert dialog.focusWidget() in dialog.buttons.buttons()  # not caught in the preview


def test_the_column_dialog_names_the_sheet_it_read(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    import openpyxl

    from planner.services.importing.service import prepare_import

    workbook = openpyxl.Workbook()  # "Sheet" left blank
    sheet = workbook.create_sheet("Attendees")
    sheet.append(["Name", "Email"])
    sheet.append(["Ana Lima", "ana@lima.example"])
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    prepared = prepare_import(path)
    dialog = ImportDialog(
        prepared.table, prepared.layout, prepared.mapping, workspace.repos.events.all(), None
    )
    qtbot.addWidget(dialog)
    assert "list.xlsx · 1 row · sheet “Attendees”" in dialog.summary.text()


def test_a_list_for_an_event_not_planned_yet_makes_the_event_in_the_column_dialog(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reports: list[ReportDialog],
) -> None:
    from planner.gui.events.event_dialog import EventDialog
    from planner.services.sample import remove_sample

    remove_sample(workspace)  # a new user: no event yet
    window.context.changed.emit(Changed.everything())
    path = tmp_path / "attendees.csv"
    path.write_text(EVENTBRITE, encoding="utf-8")
    problems: list[str] = []

    def make_event(dialog: EventDialog) -> int:
        dialog.name.setText("Lisbon Payments Day")  # in two weeks, as a new event starts
        return 1

    def columns(dialog: ImportDialog) -> int:
        assert dialog.event_choice.count() == 0
        assert not dialog.import_button.isEnabled()
        (label,) = [w for w in dialog.findChildren(QLabel) if w.text() == "Add to &event:"]
        assert label.buddy() is dialog.event_choice  # Alt+E, and no "&" shown
        problems.append(dialog.problem.text())
        dialog.new_event_button.click()
        assert dialog.event_choice.currentText() == "Lisbon Payments Day"
        assert dialog.import_button.isEnabled()
        return 1

    monkeypatch.setattr(EventDialog, "exec", make_event)
    monkeypatch.setattr(ImportDialog, "exec", columns)
    window.importer.start(path, None)
    run_to_end(qtbot, window)  # reading
    run_to_end(qtbot, window)  # importing
    assert problems == ["Attendees are imported into an event: create it first (New Event…)."]
    (event,) = workspace.repos.events.all()
    assert event.name == "Lisbon Payments Day"
    assert len(workspace.repos.attendances.for_event(event.id)) == 3  # type: ignore[arg-type]
    assert window.undo_action.text().startswith("&Undo Import")
    window.undo_action.trigger()
    window.undo_action.trigger()  # the import, then the event
    assert workspace.repos.events.all() == []


def test_the_report_lists_values_not_kept_as_given(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "attendees.csv"
    path.write_text(
        "Name,Email,Phone\nAna Lima,not-an-email,\nBo Chen,bo@example.org,call me\n"
        "Cy Reis,cy@example.org,+351 912 345 678\n",
        encoding="utf-8",
    )
    shown: list[tuple[list[str], list[str]]] = []

    def read(dialog: ReportDialog) -> int:  # before the dialog is deleted
        listed = [dialog.changed.item(row).text() for row in range(dialog.changed.count())]
        labels = [
            label.text() for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog)
        ]
        shown.append((labels, listed))
        return 1

    monkeypatch.setattr(ReportDialog, "exec", read)
    accept_columns(monkeypatch, [])
    window.importer.start(path, upcoming_id(workspace))
    run_to_end(qtbot, window)  # reading
    run_to_end(qtbot, window)  # importing
    ((labels, listed),) = shown
    assert "Values not kept as given (2); the rest of their row was imported:" in labels
    assert listed == [
        "Line 2, Email: “not-an-email” is not an email address: imported without an email, "
        "the text kept in the notes",
        "Line 3, Phone: “call me” holds no digits: not a phone number, kept as typed",
    ]
    assert not any(label.startswith("Left out") for label in labels)  # every row imported
