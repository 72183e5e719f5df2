"""Long lists load in a worker thread: the rows on screen stay until the new ones are in, a
newer reload wins over an older one, and a load that cannot run there runs here."""

from __future__ import annotations

import gc
import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.domain.enums import AttendanceStatus
from planner.domain.model import Person
from planner.gui import table_model
from planner.gui.context import AppContext
from planner.gui.main_window import PEOPLE, MainWindow
from planner.gui.models import AttendeesModel, PeopleModel
from planner.services.sample import PAST_NAME, UPCOMING_NAME
from planner.services.workspace import Workspace
from planner.storage.people import PersonRepository
from planner.storage.planning import AttendanceRepository


@pytest.fixture
def long_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every list counts as long, so the sample's lists load in the background."""
    monkeypatch.setattr(table_model, "BACKGROUND_FROM_ROWS", 1)


@pytest.fixture
def load_threads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The threads the people list was read in."""
    threads: list[int] = []
    listings = PersonRepository.listings

    def watched(self: PersonRepository) -> Any:
        threads.append(threading.get_ident())
        return listings(self)

    monkeypatch.setattr(PersonRepository, "listings", watched)
    return threads


def names(model: PeopleModel) -> list[str]:
    return [model.row(i).person.full_name for i in range(model.rowCount())]


@pytest.mark.usefixtures("long_lists")
def test_a_long_list_loads_in_a_worker_thread_sorted(
    qtbot: QtBot, qtmodeltester: ModelTester, context: AppContext, load_threads: list[int]
) -> None:
    model = PeopleModel(context)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)  # watches the model from here on
    with qtbot.waitSignal(model.reloaded, timeout=10_000):
        with qtbot.waitSignal(model.loading_changed) as started:
            model.reload()
        assert started.args == [True] and model.loading
        assert model.rowCount() == 0  # nothing yet: the rows come when they are in
    assert not model.loading
    assert load_threads and threading.get_ident() not in load_threads
    assert gc.get_freeze_count() >= model.rowCount()  # kept out of later collections
    shown = names(model)
    assert len(shown) == context.workspace.repos.people.count() > 2
    assert shown == sorted(shown, key=str.casefold, reverse=True)
    qtmodeltester.check(model, force_py=True)


@pytest.mark.usefixtures("long_lists")
def test_the_rows_stay_on_screen_while_the_next_load_runs(
    qtbot: QtBot, context: AppContext
) -> None:
    model = PeopleModel(context)
    with qtbot.waitSignal(model.reloaded, timeout=10_000):
        model.reload()
    before = names(model)
    context.workspace.repos.people.add(Person(full_name="Zoë Ahmadi"))
    with qtbot.waitSignal(model.reloaded, timeout=10_000):
        model.reload()
        assert model.loading and names(model) == before
    assert "Zoë Ahmadi" in names(model)


@pytest.mark.usefixtures("long_lists")
def test_the_rows_let_go_of_are_freed_away_from_the_gui_thread(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    freed: list[tuple[int, list[Any]]] = []
    forget = table_model.forget

    def watched(memories: Any) -> None:
        freed.append((threading.get_ident(), [list(memory) for memory in memories]))
        forget(memories)

    monkeypatch.setattr(table_model, "forget", watched)
    monkeypatch.setattr(table_model, "BACKGROUND_FROM_ROWS", 2)
    model = PeopleModel(context)
    with qtbot.waitSignal(model.reloaded, timeout=10_000):
        model.reload()
    first = [model.row(i) for i in range(model.rowCount())]
    with qtbot.waitSignal(model.reloaded, timeout=10_000):
        model.reload()
    qtbot.waitUntil(lambda: bool(freed), timeout=10_000)
    assert len(freed) == 1  # the first rows (the empty start is nothing to free)
    thread, (rows, _, _) = freed[0]
    assert thread != threading.get_ident()
    assert [row.person.id for row in rows] == [row.person.id for row in first]
    assert all(row is not first[0] for row in (model.row(i) for i in range(model.rowCount())))


@pytest.mark.usefixtures("long_lists")
def test_a_reload_asked_for_during_a_load_wins(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    listings = PersonRepository.listings

    def slowly(self: PersonRepository) -> Any:
        time.sleep(0.2)
        return listings(self)

    monkeypatch.setattr(PersonRepository, "listings", slowly)
    model = PeopleModel(context)
    shown: list[list[str]] = []
    model.reloaded.connect(lambda: shown.append(names(model)))
    model.reload()  # this load misses the person added next
    context.workspace.repos.people.add(Person(full_name="Zoë Ahmadi"))
    model.reload()
    qtbot.waitUntil(lambda: bool(shown) and not model.loading, timeout=10_000)
    qtbot.wait(300)  # nothing more arrives
    assert len(shown) == 1  # the older load's rows were never shown
    assert "Zoë Ahmadi" in shown[0]


@pytest.mark.usefixtures("long_lists")
def test_a_load_that_cannot_run_in_a_worker_runs_here(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch, load_threads: list[int]
) -> None:
    def refuse(self: Workspace) -> Any:
        raise ValueError("no second connection")

    monkeypatch.setattr(Workspace, "second_connection", refuse)
    model = PeopleModel(context)
    with qtbot.waitSignal(model.reloaded, timeout=10_000):
        model.reload()
    assert model.rowCount() == context.workspace.repos.people.count()
    assert load_threads == [threading.get_ident()]


def test_a_short_list_loads_at_once_here(context: AppContext, load_threads: list[int]) -> None:
    model = PeopleModel(context)
    model.reload()
    assert not model.loading and model.rowCount() > 2
    assert load_threads == [threading.get_ident()]


@pytest.mark.usefixtures("long_lists")
def test_the_people_page_says_it_is_loading_not_that_nobody_is_there(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.people_page
    assert page.model.rowCount() == 0
    with qtbot.waitSignal(page.model.reloaded, timeout=10_000):
        window.show_page(PEOPLE)
        assert page.model.loading
        assert page.count.text() == "Loading…"
        assert page.stack.currentWidget() is page.table
    assert page.count.text() == f"{page.model.rowCount()} shown"
    assert page.table.columnWidth(0) > 60  # the columns were fitted to the rows


@pytest.mark.usefixtures("long_lists")
def test_an_event_list_keeps_its_selection_and_follows_the_event_shown(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    events = {e.name: e for e in workspace.repos.events.all()}
    upcoming, past = events[UPCOMING_NAME], events[PAST_NAME]
    assert upcoming.id is not None and past.id is not None
    window.open_event(upcoming.id)
    tab = window.workspace_page.attendees
    assert tab.loading.isVisibleTo(tab) and not tab.empty.isVisibleTo(tab)
    qtbot.waitUntil(lambda: not tab.model.loading and tab.model.rowCount() > 0, timeout=10_000)
    assert not tab.loading.isVisibleTo(tab) and tab.table.isVisibleTo(tab)
    tab.table.selectRow(1)
    chosen = tab.selected()
    assert chosen is not None
    window.context.changed.emit()  # a change elsewhere reloads the list
    qtbot.waitUntil(lambda: not tab.model.loading, timeout=10_000)
    again = tab.selected()
    assert again is not None and again.attendance.id == chosen.attendance.id
    assert tab.met_button.isEnabled()

    # Another event opened while the first one's list loads: its own people, only.
    window.context.changed.emit()
    window.open_event(past.id)
    qtbot.waitUntil(lambda: not tab.model.loading, timeout=10_000)
    qtbot.wait(100)
    expected = AttendanceRepository(workspace.db).listings(past.id)
    assert {tab.model.row(i).attendance.id for i in range(tab.model.rowCount())} == {
        a.attendance.id for a in expected
    }
    assert isinstance(tab.model, AttendeesModel)


@pytest.mark.usefixtures("long_lists")
def test_a_long_list_is_made_ready_for_filtering_in_the_worker(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled: list[int] = []
    fill = table_model.RowTableModel._fill_haystacks

    def watched(self: Any, rows: Any, haystacks: Any) -> None:
        filled.append(threading.get_ident())
        fill(self, rows, haystacks)

    monkeypatch.setattr(table_model.RowTableModel, "_fill_haystacks", watched)
    model = PeopleModel(context)
    with qtbot.waitSignal(model.reloaded, timeout=10_000):
        model.reload()
    model.set_filter("acme")
    assert sorted(names(model)) == ["Noa Levi", "Priya Raman"]  # the sample's people at Acme
    assert filled and threading.get_ident() not in filled  # the texts were worked out there


@pytest.mark.usefixtures("long_lists")
def test_marking_someone_met_shows_at_once_in_a_long_list(
    qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow, workspace: Workspace
) -> None:
    event = next(e for e in workspace.repos.events.all() if e.name == UPCOMING_NAME)
    assert event.id is not None
    window.open_event(event.id, window.workspace_page.PEOPLE)
    tab = window.workspace_page.attendees
    qtbot.waitUntil(lambda: not tab.model.loading and tab.model.rowCount() > 0, timeout=10_000)
    qtmodeltester.check(tab.model, force_py=True)  # watches the edits and reloads below
    tab.table.selectRow(0)
    chosen = tab.selected()
    assert chosen is not None and chosen.attendance.status == AttendanceStatus.TO_MEET

    def status() -> AttendanceStatus:
        row = tab.selected()
        assert row is not None and row.attendance.id == chosen.attendance.id
        return row.attendance.status

    window.met_action.trigger()
    assert tab.model.loading  # the list reloads in the background...
    assert status() == AttendanceStatus.MET  # ...but the row shows the edit already
    assert tab.met_button.text() == "Mark Not Met"
    qtbot.waitUntil(lambda: not tab.model.loading, timeout=10_000)
    assert status() == AttendanceStatus.MET  # and the reload agrees
    window.undo_action.trigger()
    assert status() == AttendanceStatus.TO_MEET
    assert tab.met_button.text() == "Mark Met"
    qtbot.waitUntil(lambda: not tab.model.loading, timeout=10_000)
    assert status() == AttendanceStatus.TO_MEET
