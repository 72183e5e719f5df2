"""The lists: the running-text column is readable while the short ones fit their text, an
empty list says so, the keyboard reaches a list's rows, and Home opens an event where it
helps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from planner.gui.columns import MAX_FITTED_WIDTH, STRETCH_FLOOR, TICK_WIDTH
from planner.gui.main_window import EVENTS, PEOPLE, MainWindow
from planner.services.sample import UPCOMING_NAME
from planner.services.workspace import Workspace


def needed(view: QTableView, column: int) -> int:
    """The width the widest cell of `column` takes, in its own font, with its padding."""
    model = view.model()
    widest = 0
    for row in range(model.rowCount()):
        index = model.index(row, column)
        font = model.data(index, Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(
            font.resolve(view.font()) if isinstance(font, QFont) else view.font()
        )
        tick = TICK_WIDTH if model.data(index, Qt.ItemDataRole.CheckStateRole) is not None else 0
        widest = max(widest, metrics.horizontalAdvance(str(model.data(index) or "")) + tick)
    return widest + 16  # the cell's padding


def open_upcoming(window: MainWindow, workspace: Workspace, tab: int) -> None:
    event = workspace.repos.events.find(UPCOMING_NAME)[0]
    assert event.id is not None
    window.open_event(event.id, tab)


def test_on_a_wide_window_every_goal_is_whole_and_the_other_columns_fit(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    window.resize(1400, 900)
    open_upcoming(window, workspace, window.workspace_page.GOALS)
    qtbot.wait(10)
    table = window.workspace_page.goals.table
    assert table.columnWidth(0) >= needed(table, 0)
    for column in range(1, table.model().columnCount()):
        assert table.columnWidth(column) >= min(needed(table, column), MAX_FITTED_WIDTH), column
    assert table.horizontalScrollBar().maximum() == 0  # and nothing runs off to the right


def test_on_a_laptop_the_goal_keeps_its_room_and_the_keywords_give_way(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    window.resize(1000, 700)
    open_upcoming(window, workspace, window.workspace_page.GOALS)
    qtbot.wait(10)
    table = window.workspace_page.goals.table
    goal, network, progress, looking_for = (table.columnWidth(c) for c in range(4))
    assert goal >= min(needed(table, 0), STRETCH_FLOOR)
    assert network >= needed(table, 1) and progress >= needed(table, 2)
    assert goal >= looking_for  # the goal is the text that matters here


def test_the_checklists_due_day_is_whole_beside_its_tick(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    window.resize(1000, 700)
    open_upcoming(window, workspace, window.workspace_page.CHECKLIST)
    qtbot.wait(10)
    table = window.workspace_page.checklist.table
    assert table.columnWidth(0) >= needed(table, 0)
    room = table.viewport().width()
    assert table.columnWidth(0) + table.columnWidth(1) == room  # the item takes the rest


def test_event_names_and_emails_are_not_cut_to_a_few_letters(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1024, 740)
    window.show_page(EVENTS)
    qtbot.wait(10)
    events = window.events_page.table
    assert events.columnWidth(0) >= min(needed(events, 0), STRETCH_FLOOR)
    window.show_page(PEOPLE)
    qtbot.wait(10)
    people = window.people_page.table
    assert people.columnWidth(3) >= min(needed(people, 3), STRETCH_FLOOR)  # the email


def test_a_column_the_user_drags_keeps_its_width(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    window.resize(1400, 900)
    open_upcoming(window, workspace, window.workspace_page.GOALS)
    qtbot.wait(10)
    table = window.workspace_page.goals.table
    table.horizontalHeader().resizeSection(1, 300)  # as a drag does
    window.resize(1300, 900)
    qtbot.wait(10)
    assert table.columnWidth(1) == 300
    others = sum(table.columnWidth(c) for c in (1, 2, 3))
    assert abs(table.columnWidth(0) - (table.viewport().width() - others)) <= 2  # rounding
