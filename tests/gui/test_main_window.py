"""The main window: sample data on first run, event editing with undo/redo, remembered layout."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QMenu, QMessageBox, QScrollArea
from pytestqt.qtbot import QtBot

from planner.app import build_window, open_workspace
from planner.domain.model import Event
from planner.gui.events.event_dialog import EventDialog
from planner.gui.main_window import MainWindow
from planner.services.changes import Changed
from planner.services.sample import UPCOMING_NAME
from planner.services.workspace import Workspace
from tests.gui.navigation import row_of

LISBON = ZoneInfo("Europe/Lisbon")


def event_names(workspace: Workspace) -> list[str]:
    return [event.name for event in workspace.repos.events.all()]


def fill_dialog_with(event: Event, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the next EventDialog behave as if the user typed `event` and pressed OK."""

    def exec_(dialog: EventDialog) -> int:
        dialog.name.setText(event.name)
        dialog.zone.setCurrentText(event.timezone)
        dialog.start.setDateTime(
            dialog.start.dateTime().fromString(
                event.local_start.strftime("%Y-%m-%dT%H:%M"), "yyyy-MM-ddTHH:mm"
            )
        )
        dialog.end.setDateTime(
            dialog.end.dateTime().fromString(
                event.local_end.strftime("%Y-%m-%dT%H:%M"), "yyyy-MM-ddTHH:mm"
            )
        )
        dialog.venue.setText(event.venue)
        return 1

    monkeypatch.setattr(EventDialog, "exec", exec_)


def test_first_run_opens_home_on_the_upcoming_sample_event(window: MainWindow) -> None:
    assert window.pages.currentWidget() is window.page("home")
    home = window.page("home")
    assert not home.banner.isHidden()
    assert home.dashboard is not None
    assert [u.event.name for u in home.dashboard.upcoming] == [UPCOMING_NAME]
    cards = [home.cards.itemAt(i).widget() for i in range(home.cards.count())]
    assert len(cards) == 1 and cards[0].isVisible()
    # The events list has the upcoming event selected, with its details beside it.
    window.show_page("events")
    page = window.page("events")
    assert page.banner.isVisible()
    selected = page.selected_event()
    assert selected is not None and selected.name == UPCOMING_NAME
    assert UPCOMING_NAME in page.details.text()
    assert "Strategic" in page.details.text()


def test_the_tallest_bars_number_stays_below_the_legend(window: MainWindow) -> None:
    chart = window.page("home").chart
    metrics = chart.fontMetrics()
    legend_height, area = chart.chart_area(metrics)
    number_top = area.top() - metrics.height() - 2  # where the tallest bar's number is drawn
    assert number_top >= legend_height
    assert area.height() > 60  # and the bars keep most of the height


def test_home_sections_line_up(window: MainWindow) -> None:
    from PySide6.QtWidgets import QLabel

    home = window.page("home")
    titles = {
        label.text(): label.mapTo(home, label.rect().topLeft())
        for label in home.findChildren(QLabel, "sectionTitle")
    }
    assert titles["Coming up"].y() == titles["Overdue"].y()
    card = home.cards.itemAt(0).widget()
    banner = home.banner.mapTo(home, home.banner.rect().topLeft())
    assert card.mapTo(home, card.rect().topLeft()).x() == banner.x()


@pytest.mark.parametrize("width", [1600, 1000])
def test_a_cards_bars_line_up_and_show_goals_in_full_where_there_is_room(
    window: MainWindow, qtbot: QtBot, width: int
) -> None:
    from planner.gui.home.dashboard import Bar

    window.resize(width, 800)
    qtbot.wait(10)
    card = window.page("home").cards.itemAt(0).widget()
    bars = card.findChildren(Bar)
    assert len(bars) == 4  # preparation and the sample's three goals
    metrics = bars[0].fontMetrics()
    widths = {bar.label_width(metrics) for bar in bars}
    assert len(widths) == 1  # every bar starts at the same x
    (label_width,) = widths
    longest = max(metrics.horizontalAdvance(bar.label) for bar in bars)
    texts = max(metrics.horizontalAdvance(bar.text) for bar in bars) + 10
    if width == 1600:
        assert label_width > longest  # nothing cut short: it was capped at 260 px before
    else:
        assert label_width < longest
        assert all(bar.width() - label_width - texts >= Bar.MIN_BAR for bar in bars)


def test_an_event_card_opens_from_the_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    card = window.page("home").cards.itemAt(0).widget()
    card.setFocus()
    assert card.hasFocus()
    qtbot.keyClick(card, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.page("event")
    shown = window.page("event").shown_event
    assert shown is not None and shown.name == UPCOMING_NAME


def test_overdue_items_wrap_rather_than_run_off_the_column(
    window: MainWindow, qtbot: QtBot
) -> None:
    from datetime import timedelta

    start = datetime.now(LISBON) + timedelta(days=1)  # its early checklist items are overdue
    window.context.events.create(
        Event("Tomorrow Conf", start, start + timedelta(hours=8), "Europe/Lisbon")
    )
    window.context.changed.emit(Changed.everything())
    window.resize(1200, 760)
    qtbot.wait(10)
    overdue = window.page("home").overdue
    assert overdue.count() > 3
    assert overdue.horizontalScrollBar().maximum() == 0


def test_details_escape_markup_in_user_text(window: MainWindow, workspace: Workspace) -> None:
    start = datetime(2030, 1, 1, 9, tzinfo=LISBON)
    hostile = Event(
        name="<b>O'Brien & Co</b>",
        start=start,
        end=start.replace(hour=17),
        timezone="Europe/Lisbon",
        notes="<script>x</script>",
    )
    created = window.context.events.create(hostile)
    window.context.changed.emit(Changed.everything())
    window.page("events").select_event(created.id)
    html = window.page("events").details.text()
    assert "&lt;b&gt;O&#x27;Brien &amp; Co&lt;/b&gt;" in html
    assert "<script>" not in html


def shown_tip(tip: str) -> str:
    """The text a tooltip shows: Qt renders it as HTML when it looks like HTML."""
    from PySide6.QtGui import Qt as GuiQt
    from PySide6.QtGui import QTextDocument

    if not GuiQt.mightBeRichText(tip):
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()


def test_tooltips_show_markup_in_user_text_as_written(
    window: MainWindow, workspace: Workspace, qtbot: QtBot
) -> None:
    from PySide6.QtCore import Qt

    from planner.domain.enums import NetworkType
    from planner.domain.model import Goal
    from planner.gui.home.dashboard import Bar, EventCard

    name = "<b>O'Brien & Co</b>  &lt;3"
    start = datetime(2030, 1, 1, 9, tzinfo=LISBON)
    event = window.context.events.create(
        Event(name, start, start.replace(hour=17), "Europe/Lisbon")
    )
    assert event.id is not None
    goal_text = '<img src="file:///etc/hostname"> meet\n  two people'
    workspace.repos.goals.add(Goal(event.id, goal_text, NetworkType.PERSONAL, target_count=2))
    window.context.changed.emit(Changed.everything())
    page = window.page("events")
    row = page.model.position_of(event.id)
    assert row is not None
    tip = page.model.data(page.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert shown_tip(tip) == name  # it was shown bold, its "&lt;" as "<"
    home = window.page("home")
    home.refresh()
    cards = [home.cards.itemAt(i).widget() for i in range(home.cards.count())]
    (card,) = [c for c in cards if isinstance(c, EventCard) and c.event_id == event.id]
    assert shown_tip(card.toolTip()) == f"Open {name}"
    tips = {shown_tip(bar.toolTip()) for bar in card.findChildren(Bar)}
    assert f"{goal_text}: 0 of 2 met" in tips


def test_an_ampersand_in_a_name_reads_as_written_in_the_undo_menu(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = datetime(2030, 3, 29, 9, tzinfo=LISBON)
    fill_dialog_with(Event("R&D Day", start, start.replace(hour=18), "Europe/Lisbon"), monkeypatch)
    window.action("new-event").trigger()
    assert window.undo_action.iconText() == "Undo Add “R&D Day”"  # not "RD Day", D underlined
    window.undo_action.trigger()
    assert window.redo_action.iconText() == "Redo Add “R&D Day”"


def test_a_long_name_is_cut_short_not_made_the_windows_width(
    window: MainWindow, workspace: Workspace, qtbot: QtBot
) -> None:
    from planner.gui.common.columns import MAX_FITTED_WIDTH

    name = ("The International Conference on Very Long Names and Their Discontents " * 3)[:199]
    start = datetime(2030, 1, 1, 9, tzinfo=LISBON)
    event = window.context.events.create(
        Event(name, start, start.replace(hour=17), "Europe/Lisbon")
    )
    assert event.id is not None
    window.context.changed.emit(Changed.everything())
    window.resize(1200, 760)
    home = window.page("home")
    qtbot.wait(10)
    scroll = home.findChild(QScrollArea)
    assert scroll is not None and scroll.horizontalScrollBar().maximum() == 0
    window.open_event(event.id)
    qtbot.wait(10)
    assert window.minimumSizeHint().width() < 1200 and window.width() == 1200
    title = window.page("event").title
    assert title.text() == name  # the whole name, shown to the width there is
    assert shown_tip(title.toolTip()) == name
    window.show_page("events")
    page = window.page("events")
    assert all(page.table.columnWidth(c) <= MAX_FITTED_WIDTH for c in range(1, 5))
    window.open_event(event.id)
    short = workspace.repos.events.find(UPCOMING_NAME)[0]
    assert short.id is not None
    window.open_event(short.id)
    assert title.toolTip() == ""  # nothing cut short


def test_long_unbroken_text_wraps_and_a_long_note_is_cut_short_in_the_header(
    window: MainWindow, qtbot: QtBot
) -> None:
    from planner.gui.common.formatting import breakable, excerpt

    url = "https://example.org/" + "a" * 600
    notes = "Agenda: " + "N" * 3000
    start = datetime(2030, 1, 1, 9, tzinfo=LISBON)
    summit = Event("Summit", start, start.replace(hour=17), "Europe/Lisbon", url=url)
    event = window.context.events.create(replace(summit, venue="V" * 500, notes=notes))
    assert event.id is not None
    window.context.changed.emit(Changed.everything())
    window.resize(1200, 760)
    window.show_page("events")
    window.page("events").select_event(event.id)
    qtbot.wait(10)
    assert window.minimumSizeHint().width() < 1200 and window.width() == 1200
    window.open_event(event.id)
    qtbot.wait(10)
    assert window.minimumSizeHint().width() < 1200 and window.width() == 1200
    overview = window.page("event").overview
    assert f'href="{url}"' in overview.text()  # the link goes to the whole address
    assert shown_tip(overview.toolTip()) == notes
    assert "N" * 3000 not in overview.text()

    assert breakable("a" * 70) == "\u200b".join(["a" * 30, "a" * 30, "a" * 10])
    assert breakable("short words stay as they are") == "short words stay as they are"
    assert excerpt("one\ntwo\nthree") == "one\ntwo…"
    assert excerpt("x" * 250) == "x" * 200 + "…"
    assert excerpt("fits") == "fits"


def test_a_long_data_folder_path_does_not_widen_the_window(tmp_path: Path, qtbot: QtBot) -> None:
    folder = tmp_path / ("deep folder " * 16) / ("deeper " * 30) / "data"
    workspace = open_workspace(folder, demo=False)
    try:
        window = build_window(workspace)
        qtbot.addWidget(window)
        window.resize(1000, 700)
        window.show()
        qtbot.waitExposed(window)
        assert window.minimumSizeHint().width() < 1000 and window.width() == 1000
        label = window.data_folder
        assert label.text() == f"Data folder: {folder}"
        assert shown_tip(label.toolTip()) == label.text()  # cut short on screen, whole here
    finally:
        workspace.close()


def test_tab_leaves_a_list_instead_of_walking_its_cells(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    window.show_page("events")
    with qtbot.waitActive(window):
        window.activateWindow()
    table = window.page("events").table
    table.setFocus()
    assert window.focusWidget() is table
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert window.focusWidget() is not table  # it went to the next cell, row after row


def test_add_undo_redo_round_trip(
    window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = datetime(2030, 3, 29, 9, tzinfo=LISBON)
    fill_dialog_with(
        Event("PyCon Lisboa", start, start.replace(hour=18), "Europe/Lisbon", venue="FIL"),
        monkeypatch,
    )
    window.action("new-event").trigger()
    assert "PyCon Lisboa" in event_names(workspace)
    added = workspace.repos.events.find("PyCon Lisboa")[0]
    assert added.start == start and added.venue == "FIL"
    assert window.page("events").selected_event() == added

    window.undo_action.trigger()
    assert "PyCon Lisboa" not in event_names(workspace)
    assert window.page("events").model.position_of(added.id) is None

    window.redo_action.trigger()
    assert workspace.repos.events.find("PyCon Lisboa") == [added]  # same id, same values
    assert window.page("events").model.position_of(added.id) is not None


def test_edit_undo_redo(
    window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_page("events")
    before = window.page("events").selected_event()
    assert before is not None and before.id is not None
    monkeypatch.setattr(
        EventDialog, "exec", lambda dialog: dialog.venue.setText("Altice Arena") or 1
    )
    window.action("edit").trigger()
    assert workspace.repos.events.get(before.id).venue == "Altice Arena"
    window.undo_action.trigger()
    assert workspace.repos.events.get(before.id) == before
    window.redo_action.trigger()
    assert workspace.repos.events.get(before.id).venue == "Altice Arena"


def test_the_events_list_built_after_opening_an_event_selects_it(
    window: MainWindow, workspace: Workspace
) -> None:
    from planner.services.sample import PAST_NAME

    past = workspace.repos.events.find(PAST_NAME)[0]
    assert past.id is not None
    assert window.built("events") is None  # opened from Home: the list is not built yet
    window.open_event(past.id)
    assert window.page("events").selected_event() == past


def test_answered_dialogs_do_not_pile_up(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_page("events")
    monkeypatch.setattr(EventDialog, "exec", lambda dialog: 0)  # Cancel, three times
    for _ in range(3):
        window.action("new-event").trigger()
        window.action("edit").trigger()
    qtbot.wait(1)  # deletion waits for the event loop
    assert window.findChildren(EventDialog) == []


def test_delete_and_undo_brings_back_goals_and_attendees(
    window: MainWindow, workspace: Workspace
) -> None:
    window.show_page("events")
    event = window.page("events").selected_event()
    assert event is not None and event.id is not None
    goals = workspace.repos.goals.for_event(event.id)
    people = workspace.repos.attendances.for_event(event.id)
    assert goals and people

    window.action("delete").trigger()
    assert event.name not in event_names(workspace)
    assert workspace.repos.goals.for_event(event.id) == []

    window.undo_action.trigger()
    assert workspace.repos.events.get(event.id) == event
    assert workspace.repos.goals.for_event(event.id) == goals
    assert workspace.repos.attendances.for_event(event.id) == people


def test_a_large_event_is_deleted_and_put_back_in_a_worker_thread(
    window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from planner.gui.common import waiting
    from planner.services import events, undo

    monkeypatch.setattr(waiting, "LONG_CHANGE_ROWS", 5)  # the sample's 7 attendees: "large"
    threads: list[str] = []
    for module, name in ((events, "remove_event"), (undo, "undo_changes")):
        original = getattr(module, name)

        def watched(target: object, value: object, _original: object = original) -> object:
            threads.append(threading.current_thread().name)
            return _original(target, value)  # type: ignore[operator]

        monkeypatch.setattr(module, name, watched)
    window.show_page("events")
    event = window.page("events").selected_event()
    assert event is not None and event.id is not None
    before = workspace.repos.attendances.for_event(event.id)
    assert len(before) >= 5

    window.action("delete").trigger()
    assert event.name not in event_names(workspace)
    window.undo_action.trigger()
    assert workspace.repos.events.get(event.id) == event
    assert workspace.repos.attendances.for_event(event.id) == before
    assert len(threads) == 2 and threading.main_thread().name not in threads


def test_remove_sample_data_in_one_click(
    window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = datetime(2030, 5, 1, 9, tzinfo=LISBON)
    mine = window.context.events.create(
        Event("My own event", start, start.replace(hour=17), "Europe/Lisbon")
    )
    window.context.changed.emit(Changed.everything())
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.page("events").banner.remove_button.click()
    assert event_names(workspace) == ["My own event"]
    assert workspace.repos.people.count() == 0
    assert not window.page("events").banner.isVisible()
    assert not window.action("remove-sample").isEnabled()
    assert window.page("events").selected_event() == mine
    assert not window.context.undo_stack.canUndo()


@pytest.mark.parametrize("row", ["people", "follow-ups"])
def test_the_people_and_follow_ups_pages_say_the_sample_is_there(
    window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch, row: str
) -> None:
    window.action(f"go-{row}").trigger()
    page = window.page(row)
    assert page.banner.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.banner.remove_button.click()
    assert event_names(workspace) == []
    assert not page.banner.isVisible()
    assert page.stack.currentWidget() is page.empty


@pytest.mark.parametrize("row", ["people", "follow-ups"])
def test_a_filters_hint_can_be_read_whole(window: MainWindow, row: str) -> None:
    window.resize(1200, 760)
    window.action(f"go-{row}").trigger()
    page = window.page(row)
    hint = page.filter.placeholderText()
    assert hint.endswith("…") and len(hint) > 20
    assert page.filter.width() > page.filter.fontMetrics().horizontalAdvance(hint) + 16


def test_a_sample_event_is_marked_as_one(window: MainWindow, workspace: Workspace) -> None:
    sample = workspace.repos.events.find(UPCOMING_NAME)[0]
    assert sample.id is not None
    window.open_event(sample.id)
    pill = window.page("event").sample_pill
    assert pill.isVisible() and pill.text() == "Sample event"
    start = datetime(2030, 5, 1, 9, tzinfo=LISBON)
    mine = window.context.events.create(
        Event("My own event", start, start.replace(hour=17), "Europe/Lisbon")
    )
    assert mine.id is not None
    window.open_event(mine.id)
    assert not pill.isVisible()


def test_empty_state_when_there_are_no_events(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.action("remove-sample").trigger()
    page = window.page("events")
    assert page.list_stack.currentWidget() is page.empty
    assert not page.details_area.isVisibleTo(page)  # no blank panel beside the sentence
    assert not window.action("edit").isEnabled()
    assert not window.action("delete").isEnabled()


def test_navigation_and_lazy_pages(window: MainWindow) -> None:
    assert window.built("people") is None  # built when first shown
    window.action("go-people").trigger()
    assert window.pages.currentWidget() is window.page("people")
    assert window.page("people").model.rowCount() == 10
    window.action("go-follow-ups").trigger()
    assert window.pages.currentWidget() is window.page("follow-ups")
    assert window.page("follow-ups").model.rowCount() == 3


def test_geometry_and_page_are_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    workspace = open_workspace(folder, demo=False)
    first = build_window(workspace)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.action("go-follow-ups").trigger()
    size = (first.width(), first.height())  # the pages' minimum sizes may have grown it
    first.close()
    workspace.close()

    workspace = open_workspace(folder, demo=False)
    second = build_window(workspace)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == size
    assert size[0] == 700
    assert second.pages.currentWidget() is second.page("follow-ups")
    second.close()
    workspace.close()


def test_the_events_list_starts_on_the_next_event_whatever_its_order(
    window: MainWindow,
) -> None:
    from PySide6.QtCore import Qt

    start = datetime(2030, 5, 1, 9, tzinfo=LISBON)
    window.context.events.create(
        Event("Alpha Later Conf", start, start.replace(hour=17), "Europe/Lisbon")
    )
    window.context.changed.emit(Changed.everything())
    window.show_page("events")
    page = window.page("events")
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by name: Alpha first
    page.select_event(None)  # nothing chosen yet
    selected = page.selected_event()
    assert selected is not None and selected.name == UPCOMING_NAME  # the soonest, not Alpha


def test_the_order_of_each_list_is_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    folder = tmp_path / "data"
    workspace = open_workspace(folder, demo=False)
    first = build_window(workspace)
    qtbot.addWidget(first)
    first.show()
    first.action("go-people").trigger()
    first.page("people").table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # company, Z to A
    first.action("go-events").trigger()
    first.page("events").table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # name
    first.close()
    workspace.close()

    workspace = open_workspace(folder, demo=False)
    second = build_window(workspace)
    qtbot.addWidget(second)
    second.show()
    second.action("go-people").trigger()
    header = second.page("people").table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        1,
        Qt.SortOrder.DescendingOrder,
    )
    model = second.page("people").model
    companies = [model.row(i).person.company or "" for i in range(model.rowCount())]
    assert len(companies) > 2 and companies == sorted(companies, key=str.casefold, reverse=True)
    second.action("go-events").trigger()
    header = second.page("events").table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.AscendingOrder,
    )
    second.action("go-follow-ups").trigger()  # never sorted by hand: its own order
    header = second.page("follow-ups").table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.AscendingOrder,
    )
    second.close()
    workspace.close()


def test_edits_survive_a_restart(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    workspace = open_workspace(folder, demo=False)
    window = build_window(workspace)
    qtbot.addWidget(window)
    start = datetime(2031, 2, 3, 10, tzinfo=LISBON)
    fill_dialog_with(
        Event("Restart-proof", start, start.replace(hour=12), "Europe/Lisbon"), monkeypatch
    )
    window.action("new-event").trigger()
    window.close()
    workspace.close()

    reopened = open_workspace(folder, demo=False)
    try:
        assert "Restart-proof" in event_names(reopened)
        assert len(reopened.repos.events.all()) == 3  # sample is not seeded twice
    finally:
        reopened.close()


def test_about_box_names_the_version(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from planner import __version__

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.action("about").trigger()
    assert len(shown) == 1 and __version__ in shown[0]


def test_every_menu_action_has_a_shortcut_where_promised(window: MainWindow) -> None:
    assert window.action("new-event").shortcut().toString() == "Ctrl+N"
    assert window.action("quit").shortcut().toString() == "Ctrl+Q"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Y" in [s.toString() for s in window.redo_action.shortcuts()]
    assert [a.shortcut().toString() for a in window.page_actions] == [
        "Ctrl+1",
        "Ctrl+2",
        "Ctrl+3",
        "Ctrl+4",
    ]


@pytest.mark.skipif(not hasattr(__import__("time"), "tzset"), reason="needs time.tzset")
@pytest.mark.parametrize(
    ("system_zone", "expected"),
    [("America/New_York", "Your time: Wed 1 Jan 2031, 04:00 – 12:00 EST"), ("Europe/Lisbon", None)],
)
def test_details_show_the_users_own_time_only_when_it_differs(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, system_zone: str, expected: str | None
) -> None:
    import time

    monkeypatch.setenv("TZ", system_zone)
    time.tzset()
    try:
        start = datetime(2031, 1, 1, 9, tzinfo=LISBON)
        created = window.context.events.create(
            Event("Lisbon day", start, start.replace(hour=17), "Europe/Lisbon")
        )
        window.context.changed.emit(Changed.everything())
        window.page("events").select_event(created.id)
        html = window.page("events").details.text()
    finally:
        monkeypatch.undo()
        time.tzset()
    if expected is None:
        assert "Your time" not in html
    else:
        assert expected in html


def test_failure_messages_show_markup_as_typed(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt

    shown: list[tuple[str, Qt.TextFormat]] = []

    def exec_(box: QMessageBox) -> int:
        shown.append((box.text(), box.textFormat()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    window.context.failed.emit("event <b>Launch</b> no longer exists")
    assert shown == [("event <b>Launch</b> no longer exists", Qt.TextFormat.PlainText)]


def test_undo_of_an_event_deleted_elsewhere_reports_instead_of_crashing(
    window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    window.show_page("events")
    event = window.page("events").selected_event()
    assert event is not None and event.id is not None
    monkeypatch.setattr(EventDialog, "exec", lambda dialog: dialog.venue.setText("Elsewhere") or 1)
    window.action("edit").trigger()
    workspace.repos.events.delete(event.id)  # e.g. removed by another tool meanwhile
    window.undo_action.trigger()
    assert len(shown) == 1 and "no longer exists" in shown[0]
    assert event.name not in event_names(workspace)


def test_delete_is_only_offered_on_the_events_page(window: MainWindow) -> None:
    assert not window.action("delete").isEnabled()  # on Home
    window.navigation.setCurrentRow(row_of("events"))  # as a click in the navigation does
    assert window.action("delete").isEnabled()
    window.navigation.setCurrentRow(row_of("people"))
    assert not window.action("delete").isEnabled()


def test_every_menu_command_has_a_shortcut(window: MainWindow) -> None:
    """Keyboard users reach every command; only the rare one-off ones may go without."""
    exempt = {window.action("about"), window.action("remove-sample")}
    menus = [action.menu() for action in window.menuBar().actions()]
    commands = [
        action
        for menu in menus
        if isinstance(menu, QMenu)
        for action in menu.actions()
        if not action.isSeparator()
    ]
    assert len(commands) > 20
    missing = [a.text() for a in commands if a not in exempt and a.shortcut().isEmpty()]
    assert missing == []
    shortcuts = [a.shortcut().toString() for a in commands if not a.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts)), "two commands share a shortcut"


def test_the_people_page_filters_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtGui import QKeySequence

    assert window.navigation.currentRow() != row_of("people")
    window.action("find").trigger()  # Edit > Find, from Home: to the people, ready to type
    assert window.navigation.currentRow() == row_of("people")
    page = window.page("people")
    assert window.action("find").shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.focusWidget() is page.filter
    everyone = page.model.rowCount()
    assert page.count.text() == f"{everyone} shown"
    qtbot.keyClicks(page.filter, "cobalt")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row(0).person.full_name == "Sofía García"
    assert page.count.text() == f"1 of {everyone} shown"
    page.filter.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == everyone)
    page.filter.setText("<b>nobody</b>")
    page.apply_filter()
    assert page.model.rowCount() == 0
    assert page.stack.currentWidget() is page.table  # no "nobody here yet" for a filter
    assert page.count.text() == f"0 of {everyone} shown"
