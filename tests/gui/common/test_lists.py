"""The lists: the running-text column is readable while the short ones fit their text, an
empty list says so, the keyboard reaches a list's rows, and Home opens an event where it
helps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from planner.gui.common.columns import MAX_FITTED_WIDTH, STRETCH_FLOOR, TICK_WIDTH
from planner.gui.main_window import MainWindow
from planner.services.changes import Changed
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
    open_upcoming(window, workspace, window.page("event").GOALS)
    qtbot.wait(10)
    table = window.page("event").goals.table
    assert table.columnWidth(0) >= needed(table, 0)
    for column in range(1, table.model().columnCount()):
        assert table.columnWidth(column) >= min(needed(table, column), MAX_FITTED_WIDTH), column
    assert table.horizontalScrollBar().maximum() == 0  # and nothing runs off to the right


def test_on_a_laptop_the_goal_keeps_its_room_and_the_keywords_give_way(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    window.resize(1000, 700)
    open_upcoming(window, workspace, window.page("event").GOALS)
    qtbot.wait(10)
    table = window.page("event").goals.table
    goal, network, progress, looking_for = (table.columnWidth(c) for c in range(4))
    assert goal >= min(needed(table, 0), STRETCH_FLOOR)
    assert network >= needed(table, 1) and progress >= needed(table, 2)
    assert goal >= looking_for  # the goal is the text that matters here


def test_the_checklists_due_day_is_whole_beside_its_tick(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    window.resize(1000, 700)
    open_upcoming(window, workspace, window.page("event").CHECKLIST)
    qtbot.wait(10)
    table = window.page("event").checklist.table
    assert table.columnWidth(0) >= needed(table, 0)
    room = table.viewport().width()
    assert table.columnWidth(0) + table.columnWidth(1) == room  # the item takes the rest


def test_event_names_and_emails_are_not_cut_to_a_few_letters(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1024, 740)
    window.show_page("events")
    qtbot.wait(10)
    events = window.page("events").table
    assert events.columnWidth(0) >= min(needed(events, 0), STRETCH_FLOOR)
    window.show_page("people")
    qtbot.wait(10)
    people = window.page("people").table
    assert people.columnWidth(3) >= min(needed(people, 3), STRETCH_FLOOR)  # the email


def test_a_column_the_user_drags_keeps_its_width(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    window.resize(1400, 900)
    open_upcoming(window, workspace, window.page("event").GOALS)
    qtbot.wait(10)
    table = window.page("event").goals.table
    table.horizontalHeader().resizeSection(1, 300)  # as a drag does
    window.resize(1300, 900)
    qtbot.wait(10)
    assert table.columnWidth(1) == 300
    others = sum(table.columnWidth(c) for c in (1, 2, 3))
    assert abs(table.columnWidth(0) - (table.viewport().width() - others)) <= 2  # rounding


def test_an_empty_goals_list_says_what_to_do(window: MainWindow, workspace: Workspace) -> None:
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from planner.domain.model import Event

    start = datetime(2031, 3, 1, 9, tzinfo=ZoneInfo("Europe/Lisbon"))
    event = window.context.events.create(
        Event("Quiet Conf", start, start + timedelta(hours=8), "Europe/Lisbon")
    )
    assert event.id is not None
    window.open_event(event.id, window.page("event").GOALS)
    goals = window.page("event").goals
    assert goals.table.isHidden() and goals.empty.isVisible()
    assert "No goals yet" in goals.empty.text()
    open_upcoming(window, workspace, window.page("event").GOALS)  # one with goals
    assert goals.table.isVisible() and goals.empty.isHidden()


def test_after_ctrl_2_enter_opens_the_event_chosen(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    from PySide6.QtWidgets import QApplication

    with qtbot.waitActive(window):
        window.activateWindow()
    window.action("go-events").trigger()  # Ctrl+2
    table = window.page("events").table
    assert table.hasFocus()
    chosen = window.page("events").selected_event()
    assert chosen is not None and chosen.name == UPCOMING_NAME
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.page("event")
    assert window.page("event").event_id == chosen.id


def test_a_home_card_opens_an_upcoming_event_on_its_goals(
    window: MainWindow, workspace: Workspace
) -> None:
    from planner.gui.home.dashboard import EventCard

    window.show_page("events")
    open_upcoming(window, workspace, window.page("event").FOLLOW_UPS)  # the last tab used
    window.page_actions[0].trigger()  # Home
    home = window.page("home")
    (card,) = home.findChildren(EventCard)
    card.open_requested.emit(card.event_id)
    shown = window.page("event")
    assert shown.event_id == card.event_id
    assert shown.tabs.currentIndex() == shown.GOALS


def test_a_home_card_opens_an_event_under_way_on_its_people(
    window: MainWindow, workspace: Workspace
) -> None:
    from datetime import UTC, datetime, timedelta

    from planner.domain.model import Event
    from planner.gui.home.dashboard import EventCard

    now = datetime.now(UTC)
    event = window.context.events.create(
        Event("Going On Now", now - timedelta(hours=2), now + timedelta(hours=6), "UTC")
    )
    window.context.changed.emit(Changed.everything())
    home = window.page("home")
    (card,) = [c for c in home.findChildren(EventCard) if c.event_id == event.id]
    card.open_requested.emit(card.event_id)
    shown = window.page("event")
    assert shown.event_id == event.id
    assert shown.tabs.currentIndex() == shown.PEOPLE


def test_when_every_column_fits_none_runs_off_to_the_right(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Each column keeps Qt's least width (96 px on the People page) in the sums too."""
    window.resize(1280, 800)
    window.show_page("people")
    qtbot.wait(10)
    people = window.page("people").table
    widths = [people.columnWidth(c) for c in range(people.model().columnCount())]
    assert sum(widths) == people.viewport().width()
    assert people.horizontalScrollBar().maximum() == 0
    assert people.columnWidth(3) >= needed(people, 3)  # the email, whole


def test_the_events_and_people_lists_fit_a_first_window_without_scrolling_sideways(
    qtbot: QtBot, window: MainWindow
) -> None:
    """At the first window's 1200x760 the short columns give a little, the running text
    keeps its room, and nothing runs off to the right."""
    window.resize(1200, 760)
    for row, stretch in (("events", 0), ("people", 3)):
        window.show_page(row)
        qtbot.wait(10)
        table = window.page(row).table
        header = table.horizontalHeader()
        used = sum(header.sectionSize(c) for c in range(header.count()))
        assert used <= table.viewport().width()
        assert not table.horizontalScrollBar().maximum()
        assert table.columnWidth(stretch) >= min(needed(table, stretch), STRETCH_FLOOR)


def test_an_events_follow_ups_leave_out_the_event_and_give_the_action_its_room(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    window.resize(1024, 740)
    past = min(workspace.repos.events.all(), key=lambda e: e.start)
    assert past.id is not None
    window.open_event(past.id, window.page("event").FOLLOW_UPS)
    qtbot.wait(10)
    table = window.page("event").follow_ups.table
    model = table.model()
    assert model.rowCount() > 0
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Event"
    assert table.isColumnHidden(3)
    assert table.columnWidth(2) >= min(needed(table, 2), STRETCH_FLOOR)
    header = table.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert sum(header.sectionSize(c) for c in shown) == table.viewport().width()


def test_the_events_list_measures_its_names_again_when_an_event_is_added(
    qtbot: QtBot, window: MainWindow
) -> None:
    from datetime import UTC, datetime

    from planner.domain.model import Event
    from planner.gui.events.editing import add_event

    window.resize(1024, 740)
    window.show_page("events")
    qtbot.wait(10)
    table = window.page("events").table
    name = "Web Summit 2027, a rather long conference name to see how it is shown"
    start = datetime(2027, 11, 8, 9, tzinfo=UTC)
    event = Event(name=name, start=start, end=start.replace(hour=18), timezone="UTC")
    add_event(window.context, event)
    window.show_page("events")
    qtbot.wait(10)
    assert table.columnWidth(0) >= min(needed(table, 0), STRETCH_FLOOR)
