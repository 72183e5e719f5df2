"""A page is one declaration listed once: the window builds its navigation row, its View item,
its actions in the menus, sends them to it while it is in view, and keeps its state."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QSplitter
from pytestqt.qtbot import QtBot

from planner.app import build_window
from planner.gui import page_list
from planner.gui.common.page import (
    Action,
    Handler,
    Page,
    Window,
    restore_splitter,
    save_splitter,
)
from planner.gui.main_window import MainWindow
from planner.services.changes import Changed, Kind
from planner.services.workspace import Workspace


class NotesPage(QSplitter):
    """A throwaway page: two panes, and a count of what its action did."""

    def __init__(self) -> None:
        super().__init__()
        self.addWidget(QLabel("left"))
        self.addWidget(QLabel("right"))
        self.stamped = 0


def build_notes(_window: Window) -> NotesPage:
    return NotesPage()


NOTES: Page[NotesPage] = Page(
    key="notes",
    title="Notes",
    icon="people",
    shortcut="Ctrl+5",
    build=build_notes,
    actions=(Action("stamp", "&Stamp Notes", "tools", 2.0, ("Ctrl+Shift+T",)),),
    handlers={
        "stamp": Handler(lambda _window, page: setattr(page, "stamped", page.stamped + 1)),
        "find": Handler(lambda _window, page: setattr(page, "stamped", -1)),
    },
    save=lambda page, settings: save_splitter(settings, "notes", page),
    restore=lambda page, settings: restore_splitter(settings, "notes", page),
)


@pytest.fixture
def with_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_list, "PAGES", (*page_list.PAGES, NOTES))  # the one line


def notes_window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    window = build_window(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, with_notes: None) -> Iterator[MainWindow]:
    window = notes_window(qtbot, workspace)
    yield window
    window.close()


def menu_texts(window: MainWindow, title: str) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return ["—" if a.isSeparator() else a.text() for a in menu.actions()]


def test_a_registered_page_is_in_the_navigation_and_the_view_menu(window: MainWindow) -> None:
    rows = [window.navigation.item(n).text() for n in range(window.navigation.count())]
    assert rows == ["Home", "Events", "People", "Follow-ups", "Notes"]
    assert menu_texts(window, "&View")[-1] == "&Notes"
    assert window.built("notes") is None  # built when first shown
    window.action("go-notes").trigger()
    assert isinstance(window.in_view("notes"), NotesPage)
    assert window.navigation.currentRow() == 4


def test_its_actions_are_in_the_menus_and_work_only_while_it_is_in_view(
    window: MainWindow,
) -> None:
    assert menu_texts(window, "&Tools")[-2:] == ["—", "&Stamp Notes"]
    stamp = window.action("stamp")
    assert stamp.shortcut().toString() == "Ctrl+Shift+T"
    assert not stamp.isEnabled()  # Home is in view
    window.show_page("notes")
    assert stamp.isEnabled()
    stamp.trigger()
    page = window.page("notes")
    assert isinstance(page, NotesPage) and page.stamped == 1
    window.action("find").trigger()  # the page's own Find, not the People filter
    assert page.stamped == -1 and window.in_view("notes") is page
    window.show_page("home")
    assert not stamp.isEnabled()


def test_its_state_is_saved_with_the_window_and_restored_when_built_again(
    qtbot: QtBot, workspace: Workspace, with_notes: None
) -> None:
    first = notes_window(qtbot, workspace)
    first.show_page("notes")
    page = first.page("notes")
    assert isinstance(page, NotesPage)
    page.setSizes([60, 340])
    sizes = page.sizes()
    first.close()
    folder = workspace.folder
    assert isinstance(folder, Path)
    saved = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    assert saved.value("window/page") == "notes"
    assert saved.value("window/notes-splitter") is not None

    second = notes_window(qtbot, workspace)
    again = second.in_view("notes")  # the page the window closed on
    assert isinstance(again, NotesPage)
    assert again.sizes() == sizes
    second.close()


def test_two_pages_or_two_actions_with_one_name_are_refused(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(page_list, "PAGES", (*page_list.PAGES, NOTES, NOTES))
    with pytest.raises(ValueError, match="same key"):
        build_window(workspace)
    twin = Page(key="twin", title="Twin", icon="people", build=build_notes, actions=NOTES.actions)
    monkeypatch.setattr(page_list, "PAGES", (*page_list.PAGES[:-2], NOTES, twin))
    with pytest.raises(ValueError, match="stamp"):
        build_window(workspace)


def test_a_page_reloads_only_for_the_kinds_it_shows(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("people")
    people = window.page("people")
    reloads: list[object] = []
    people.model.modelReset.connect(lambda: reloads.append(1))  # type: ignore[attr-defined]
    window.context.changed.emit(Changed.only(Kind.CHECKLIST))
    window.context.changed.emit(Changed.only(Kind.ROUTINE))
    qtbot.wait(50)
    assert reloads == []
    with qtbot.waitSignal(people.model.modelReset, timeout=10_000):  # type: ignore[attr-defined]
        window.context.changed.emit(Changed.only(Kind.PERSON))
