"""The File and Help menus: Import… where people look for it, the keyboard shortcuts read from
the menus themselves, and the guide to preparing for an event."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from planner.gui.common.undo import ChangeCommand
from planner.gui.help_dialogs import GUIDE, plain_text, shortcut_sheet
from planner.gui.main_window import MainWindow


def menu(window: MainWindow, title: str) -> QMenu:
    return next(m for m in window.menuBar().findChildren(QMenu) if m.title() == title)


def shown_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def exec_(dialog: QDialog) -> int:
        shown.append(dialog.windowTitle() + "\n" + dialog.text.text())  # type: ignore[attr-defined]
        return 0

    monkeypatch.setattr(QDialog, "exec", exec_)
    return shown


def test_file_has_import(window: MainWindow) -> None:
    assert window.action("import") in menu(window, "&File").actions()
    assert window.action("import").shortcut().toString() == "Ctrl+I"


def test_the_shortcut_sheet_lists_every_menu_command_with_its_keys(window: MainWindow) -> None:
    sheet = dict(shortcut_sheet(window.menuBar()))
    assert set(sheet) >= {"File", "Edit", "Event", "View", "Tools", "Help"}
    native = QKeySequence.SequenceFormat.NativeText
    for entry in window.menuBar().actions():
        for action in entry.menu().actions():  # type: ignore[union-attr]
            if action.shortcut().isEmpty():
                continue
            name = action.property("command_name") or plain_text(action.text())
            keys = dict(sheet[plain_text(entry.text())])[name]
            assert action.shortcut().toString(native) in keys
    assert dict(sheet["Help"])["Keyboard Shortcuts"] == "F1 or Ctrl+/"


def test_undo_is_named_as_a_command_whatever_it_would_undo(window: MainWindow) -> None:
    window.context.undo_stack.push(ChangeCommand(window.context, "Edit “Bring cards”", ()))
    edit = dict(dict(shortcut_sheet(window.menuBar()))["Edit"])
    assert edit["Undo"] == "Ctrl+Z"


def test_the_sheet_follows_the_actions_not_a_list_of_its_own(window: MainWindow) -> None:
    window.action("routine").setShortcut(QKeySequence("Ctrl+Alt+R"))
    assert dict(dict(shortcut_sheet(window.menuBar()))["Tools"])["Checklist Routine"] == (
        QKeySequence("Ctrl+Alt+R").toString(QKeySequence.SequenceFormat.NativeText)
    )


def test_f1_shows_the_shortcuts_and_help_has_the_guide(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = shown_dialogs(monkeypatch)
    assert QKeySequence("Ctrl+/") in window.action("shortcuts").shortcuts()
    window.action("shortcuts").trigger()
    window.action("guide").trigger()
    shortcuts, guide = shown
    assert shortcuts.startswith("Keyboard Shortcuts") and "Ctrl+N" in shortcuts
    assert guide.startswith("How to Prepare for an Event")
    for step in ("Strategic", "attendee list", "offer", "Follow up"):
        assert step in guide
    help_menu = menu(window, "&Help").actions()
    assert window.action("shortcuts") in help_menu and window.action("guide") in help_menu


def test_the_guide_ships_with_the_app() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert "<h2>" in text and len(text.split()) > 300
