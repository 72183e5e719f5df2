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
from planner.gui.common import table_model
from planner.gui.context import AppContext
from planner.gui.events.models import AttendeesModel
from planner.gui.main_window import MainWindow
from planner.gui.people.models import PeopleModel
from planner.services.changes import Changed
from planner.services.sample import PAST_NAME, UPCOMING_NAME
from planner.services.workspace import Workspace
from planner.storage.attendances import AttendanceRepository
from planner.storage.people import PersonRepository


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
    page = window.page("people")
    assert page.model.rowCount() == 0
    with qtbot.waitSignal(page.model.reloaded, timeout=10_000):
        window.show_page("people")
        assert page.model.loading
        assert page.count.text() == "Loading…"
        assert page.stack.currentWidget() is page.table
    assert page.count.text() == f"{page.model.rowCount()} shown"
    assert page.table.columnWidth(0) > 60  # the columns were fitted to the rows


@pytest.mark.usefixtures("long_lists")
def test_the_people_chosen_stay_chosen_when_a_long_list_reloads(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtCore import QItemSelectionModel

    with qtbot.waitSignal(window.page("people").model.reloaded, timeout=10_000):
        window.show_page("people")
    page = window.page("people")
    selections = page.table.selectionModel()
    for row in (1, 2, 5):
        selections.select(
            page.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    chosen = page.selected_people()
    with qtbot.waitSignal(page.model.reloaded, timeout=10_000):
        window.context.changed.emit(
            Changed.everything()
        )  # a change elsewhere reloads the list, in a worker
        assert page.model.loading
    assert page.selected_people() == chosen


@pytest.mark.usefixtures("long_lists")
def test_an_event_list_keeps_its_selection_and_follows_the_event_shown(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    events = {e.name: e for e in workspace.repos.events.all()}
    upcoming, past = events[UPCOMING_NAME], events[PAST_NAME]
    assert upcoming.id is not None and past.id is not None
    window.open_event(upcoming.id)
    tab = window.page("event").attendees
    assert tab.loading.isVisibleTo(tab) and not tab.empty.isVisibleTo(tab)
    qtbot.waitUntil(lambda: not tab.model.loading and tab.model.rowCount() > 0, timeout=10_000)
    assert not tab.loading.isVisibleTo(tab) and tab.table.isVisibleTo(tab)
    tab.table.selectRow(1)
    chosen = tab.selected()
    assert chosen is not None
    window.context.changed.emit(Changed.everything())  # a change elsewhere reloads the list
    qtbot.waitUntil(lambda: not tab.model.loading, timeout=10_000)
    again = tab.selected()
    assert again is not None and again.attendance.id == chosen.attendance.id
    assert tab.met_button.isEnabled()

    # Another event opened while the first one's list loads: its own people, only.
    window.context.changed.emit(Changed.everything())
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
    window.open_event(event.id, window.page("event").PEOPLE)
    tab = window.page("event").attendees
    qtbot.waitUntil(lambda: not tab.model.loading and tab.model.rowCount() > 0, timeout=10_000)
    qtmodeltester.check(tab.model, force_py=True)  # watches the edits and reloads below
    tab.table.selectRow(0)
    chosen = tab.selected()
    assert chosen is not None and chosen.attendance.status == AttendanceStatus.TO_MEET

    def status() -> AttendanceStatus:
        row = tab.selected()
        assert row is not None and row.attendance.id == chosen.attendance.id
        return row.attendance.status

    window.action("met").trigger()
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


class _Gates:
    """Sort keys that record their thread, and whose sort waits at a gate until opened:
    the n-th sort asked for waits for `gates[n]` (a sort with no gate runs freely)."""

    def __init__(self, model: PeopleModel, gates: int, monkeypatch: pytest.MonkeyPatch) -> None:
        self.gates = [threading.Event() for _ in range(gates)]
        self.threads: set[int] = set()
        self._asked = 0
        self.real = model._sort_key
        monkeypatch.setattr(model, "_sort_key", self._sort_key)

    def _sort_key(self, column: int) -> Any:
        gate = self.gates[self._asked] if self._asked < len(self.gates) else None
        self._asked += 1
        real = self.real(column)

        def key(row: Any) -> Any:
            self.threads.add(threading.get_ident())
            if gate is not None:
                gate.wait(10)
            return real(row)

        return key

    def open_all(self) -> None:
        for gate in self.gates:
            gate.set()


def in_order(model: PeopleModel, column: int, *, reverse: bool = False) -> bool:
    key = type(model)._sort_key(model, column)  # not the one a test may watch
    keys = [key(model.row(i)) for i in range(model.rowCount())]
    return keys == sorted(keys, reverse=reverse)


def loaded(qtbot: QtBot, context: AppContext) -> PeopleModel:
    model = PeopleModel(context)
    with qtbot.waitSignal(model.reloaded, timeout=10_000):
        model.reload()
    return model


@pytest.mark.usefixtures("long_lists")
def test_a_long_list_is_sorted_in_a_worker_thread_keeping_the_selection(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QTableView

    model = loaded(qtbot, context)
    qtmodeltester.check(model, force_py=True)
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    view.selectRow(3)
    chosen = model.row(3)
    gates = _Gates(model, 1, monkeypatch)
    before = names(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtbot.wait(50)
    assert names(model) == before  # the rows stay as they are while the worker sorts
    with qtbot.waitSignal(model.layoutChanged, timeout=10_000):
        gates.open_all()
    assert in_order(model, 1, reverse=True) and names(model) != before
    assert gates.threads and threading.get_ident() not in gates.threads
    assert [model.row(index.row()) for index in view.selectionModel().selectedRows()] == [chosen]
    qtmodeltester.check(model, force_py=True)


@pytest.mark.usefixtures("long_lists")
def test_a_newer_sort_wins_over_one_still_running(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = loaded(qtbot, context)
    before = names(model)
    first, second = _Gates(model, 2, monkeypatch).gates
    model.sort(1, Qt.SortOrder.AscendingOrder)
    model.sort(3, Qt.SortOrder.DescendingOrder)
    first.set()
    qtbot.wait(200)  # the first sort ends first, and is not shown...
    assert names(model) == before
    with qtbot.waitSignal(model.layoutChanged, timeout=10_000):
        second.set()  # ...the second is
    assert in_order(model, 3, reverse=True)


@pytest.mark.usefixtures("long_lists")
def test_an_edit_made_during_a_sort_stays_on_screen(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    model = loaded(qtbot, context)
    gates = _Gates(model, 1, monkeypatch)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    row = model.row(0)
    edited = replace(row, person=replace(row.person, title="Chief Edited Officer"))
    model.replace(edited)
    with qtbot.waitSignal(model.layoutChanged, timeout=10_000):
        gates.open_all()
    assert in_order(model, 1, reverse=True)
    titles = {model.row(i).person.id: model.row(i).person.title for i in range(model.rowCount())}
    assert titles[row.person.id] == "Chief Edited Officer"


@pytest.mark.usefixtures("long_lists")
def test_rows_reloaded_during_a_sort_are_not_put_back_by_it(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = loaded(qtbot, context)
    gates = _Gates(model, 1, monkeypatch)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    context.workspace.repos.people.add(Person(full_name="Zoë Ahmadi", company="Zzz Labs"))
    with qtbot.waitSignal(model.reloaded, timeout=10_000):
        model.reload()  # loads in the new order, past the gate: only the first sort waits
    assert "Zoë Ahmadi" in names(model) and in_order(model, 1, reverse=True)
    gates.open_all()
    qtbot.wait(200)  # the sort of the older rows ends, and is dropped
    assert "Zoë Ahmadi" in names(model) and in_order(model, 1, reverse=True)


@pytest.mark.usefixtures("long_lists")
def test_a_sort_asked_for_while_the_rows_load_is_not_undone_by_them(
    qtbot: QtBot, context: AppContext
) -> None:
    model = loaded(qtbot, context)
    shown: list[bool] = []
    model.reloaded.connect(lambda: shown.append(in_order(model, 2)))
    model.reload()
    assert model.loading
    model.sort(2, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not model.loading and bool(shown), timeout=10_000)
    qtbot.wait(200)
    assert shown == [True]  # the rows loaded in the older order were never shown
    assert in_order(model, 2)
