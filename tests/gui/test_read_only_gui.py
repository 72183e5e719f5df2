"""The window on a full disk or a read-only folder: a dialog instead of a traceback at start-up,
a banner saying changes cannot be saved, and every edit refused with the reason."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from planner.app import build_window, open_workspace, run_gui, storage_failures_shown
from planner.gui.events.editing import add_event
from planner.gui.main_window import MainWindow
from planner.gui.people.people_page import PeoplePage
from planner.services.sample import has_sample
from planner.services.workspace import Workspace
from planner.storage.errors import DiskFullError
from tests.builders import an_event
from tests.disk_conditions import database_cannot_grow, read_only_folder


def boxes_shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[QMessageBox.Icon, str]]:
    shown: list[tuple[QMessageBox.Icon, str]] = []

    def exec_(box: QMessageBox) -> int:
        assert box.textFormat() == Qt.TextFormat.PlainText
        shown.append((box.icon(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def test_a_first_start_on_a_full_disk_gets_a_dialog_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    folder = tmp_path / "data"
    Workspace.open(folder).close()  # made by the command line: not seeded yet
    database_cannot_grow(monkeypatch)
    shown = boxes_shown(monkeypatch)
    monkeypatch.setattr(QApplication, "exec", lambda *a: pytest.fail("window opened"))
    code = run_gui(argparse.Namespace(data_dir=str(folder), demo=False, open_file=None), [])
    assert code == 1
    assert len(shown) == 1
    icon, text = shown[0]
    assert icon == QMessageBox.Icon.Critical
    assert text == f"The disk holding {folder} is full: free some space and try again; " + (
        "nothing was changed."
    )
    monkeypatch.undo()
    with Workspace.open(folder) as workspace:
        assert not has_sample(workspace)
        assert workspace.repos.events.all() == []


def test_an_edit_on_a_full_disk_is_refused_with_the_reason(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = window.context
    before = context.workspace.repos.events.all()
    conn = context.workspace.db.connection
    (pages,) = conn.execute("PRAGMA page_count").fetchone()
    conn.execute(f"PRAGMA max_page_count = {pages}").fetchone()
    shown = boxes_shown(monkeypatch)
    add_event(context, an_event(notes="n" * 300_000))
    assert [text for _, text in shown] == [
        f"The disk holding {context.workspace.folder} is full: free some space and try again; "
        "nothing was changed."
    ]
    assert context.workspace.repos.events.all() == before
    assert context.undo_stack.count() == 0  # no step for an edit that did not happen


def test_a_read_only_folder_opens_with_a_banner_and_refuses_edits(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    open_workspace(folder, demo=True).close()
    with read_only_folder(folder):
        workspace = open_workspace(folder, demo=False)
        try:
            window = build_window(workspace)
            qtbot.addWidget(window)
            window.show()
            qtbot.waitExposed(window)
            banner = window.read_only_banner
            assert banner is not None and banner.isVisible()
            assert banner.title.text() == "Read-only: changes cannot be saved"
            assert banner.detail.text().startswith(f"{folder} is read-only. Check its permissions")
            assert banner.detail.text().endswith("then start Networking Planner again.")
            # The pages are still there, below the banner.
            assert window.pages.isVisible()
            banner_bottom = banner.mapTo(window, banner.rect().bottomLeft()).y()
            assert banner_bottom < window.pages.mapTo(window, QPoint(0, 0)).y()
            context = window.context
            before = context.workspace.repos.events.all()
            shown = boxes_shown(monkeypatch)
            add_event(context, an_event())
            assert len(shown) == 1
            assert shown[0][1].startswith(f"Changes cannot be saved: {folder} is read-only.")
            assert context.workspace.repos.events.all() == before
            window.close()
        finally:
            workspace.close()


def test_a_writable_folder_has_no_banner(window: MainWindow) -> None:
    assert window.read_only_banner is None


def test_a_storage_failure_reaching_the_event_loop_is_shown_not_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    passed_on: list[BaseException] = []
    hook = storage_failures_shown(lambda kind, error, tb: passed_on.append(error))
    shown = boxes_shown(monkeypatch)
    failure = DiskFullError(tmp_path)
    hook(type(failure), failure, None)
    assert [text for _, text in shown] == [str(failure)]
    assert passed_on == []
    bug = ValueError("a bug")
    hook(ValueError, bug, None)
    assert passed_on == [bug]
    assert len(shown) == 1


def read_only_window(folder: Path, qtbot: QtBot) -> MainWindow:
    window = build_window(open_workspace(folder, demo=False))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_an_import_into_a_read_only_folder_is_refused_with_the_reason(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.gui.importing.import_dialog import ImportDialog

    folder = tmp_path / "data"
    open_workspace(folder, demo=True).close()
    attendees = tmp_path / "attendees.csv"
    attendees.write_text("Name,Email\nAna Lima,ana@example.org\n", encoding="utf-8")
    monkeypatch.setattr(ImportDialog, "exec", lambda dialog: 1)
    with read_only_folder(folder):
        window = read_only_window(folder, qtbot)
        workspace = window.context.workspace
        try:
            event_id = workspace.repos.events.all()[0].id
            before = workspace.repos.people.count()
            shown = boxes_shown(monkeypatch)
            window.import_file(attendees)
            qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
            qtbot.waitUntil(lambda: not window.importer.busy, timeout=20_000)
            assert len(shown) == 1
            assert shown[0][1].startswith(f"Changes cannot be saved: {folder} is read-only.")
            assert workspace.repos.people.count() == before
            assert event_id is not None
            window.close()
        finally:
            workspace.close()


def test_an_import_on_a_full_disk_is_refused_with_the_reason(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.gui.importing.import_dialog import ImportDialog

    attendees = tmp_path / "attendees.csv"
    rows = "".join(f"Person {n},p{n}@example.org\n" for n in range(3000))  # needs new pages
    attendees.write_text("Name,Email\n" + rows, encoding="utf-8")
    monkeypatch.setattr(ImportDialog, "exec", lambda dialog: 1)
    workspace = window.context.workspace
    before = workspace.repos.people.count()
    conn = workspace.db.connection
    (pages,) = conn.execute("PRAGMA page_count").fetchone()
    conn.execute(f"PRAGMA max_page_count = {pages}").fetchone()
    database_cannot_grow(monkeypatch)  # the import's own connection too
    shown = boxes_shown(monkeypatch)
    window.import_file(attendees)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    qtbot.waitUntil(lambda: not window.importer.busy, timeout=20_000)
    assert [text for _, text in shown] == [
        f"The disk holding {workspace.folder} is full: free some space and try again; "
        "nothing was changed."
    ]
    assert workspace.repos.people.count() == before


def test_read_only_data_disables_every_edit_and_keeps_reading(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    open_workspace(folder, demo=True).close()
    with read_only_folder(folder):
        window = read_only_window(folder, qtbot)
        workspace = window.context.workspace
        try:
            tip = f"Changes cannot be saved: {folder} is read-only."
            shown = boxes_shown(monkeypatch)
            window.show_page("events")  # with an event chosen
            page = window.page("events")
            page.table.selectRow(0)
            edits = window.edit_actions()
            assert window.action("new-event") in edits and window.action("remove-sample") in edits
            for action in edits:
                assert not action.isEnabled(), action.text()
                assert action.toolTip() == tip and action.statusTip() == tip
            for button in (page.new_button, page.edit_button, page.delete_button):
                assert not button.isEnabled() and button.toolTip() == tip
            assert not page.banner.remove_button.isEnabled()
            assert page.open_button.isEnabled()
            window.action("new-event").trigger()  # a shortcut of a disabled action does nothing
            # Reading, finding, exporting and help stay.
            for action in (
                window.action("open"),
                window.action("find"),
                window.action("shortcuts"),
            ):
                assert action.isEnabled(), action.text()
            window.action("open").trigger()
            tabs = window.page("event")
            tabs.show_tab(tabs.CHECKLIST)
            window.page("event").checklist.table.selectRow(0)
            checklist = tabs.checklist
            assert window.action("export").isEnabled()
            for button in (checklist.add_button, checklist.edit_button, checklist.delete_button):
                assert not button.isEnabled() and button.toolTip() == tip
            assert checklist.extra_buttons[0].isEnabled()  # export to calendar
            tabs.show_tab(tabs.PEOPLE)
            tabs.attendees.table.selectRow(0)
            assert not tabs.attendees.edit_button.isEnabled()
            assert not tabs.attendees.import_button.isEnabled()
            window.show_page("people")
            people = cast("PeoplePage", window.page("people"))
            people.table.selectRow(0)
            assert not people.new_button.isEnabled() and not people.edit_button.isEnabled()
            window.import_file(tmp_path / "any.csv")  # a dropped file: refused at once
            assert len(shown) == 1 and shown[0][1].startswith(tip)
            assert all(isinstance(d, QMessageBox) for d in window.findChildren(QDialog))
            window.close()
        finally:
            workspace.close()
