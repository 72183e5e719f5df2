"""Every table model passes Qt's model tester, and sorts on its own list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from planner.gui.context import AppContext
from planner.gui.events.models import EventsModel
from planner.gui.follow_ups.models import FollowUpsModel
from planner.gui.people.models import PeopleModel
from planner.services.sample import PAST_NAME, UPCOMING_NAME


def test_events_model_passes_model_tester(qtmodeltester: ModelTester, context: AppContext) -> None:
    model = EventsModel(context)
    model.reload()
    assert model.rowCount() == 2
    qtmodeltester.check(model, force_py=True)


def test_people_and_follow_ups_models_pass_model_tester(
    qtmodeltester: ModelTester, context: AppContext
) -> None:
    for model in (PeopleModel(context), FollowUpsModel(context)):
        model.reload()
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)


def test_events_sort_by_start_and_by_name(context: AppContext) -> None:
    model = EventsModel(context)
    model.reload()
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [model.row(i).event.name for i in range(2)] == [PAST_NAME, UPCOMING_NAME]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [model.row(i).event.name for i in range(2)] == [UPCOMING_NAME, PAST_NAME]
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.row(0).event.name == UPCOMING_NAME  # "Fintech" < "Nordic"


def test_sort_keeps_persistent_indexes_on_their_rows(context: AppContext) -> None:
    model = EventsModel(context)
    model.reload()
    model.sort(1, Qt.SortOrder.AscendingOrder)
    from PySide6.QtCore import QPersistentModelIndex

    pinned = QPersistentModelIndex(model.index(0, 0))
    name = model.data(pinned)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert pinned.row() == 1
    assert model.data(pinned) == name


def test_sample_event_is_marked_in_the_list(context: AppContext) -> None:
    model = EventsModel(context)
    model.reload()
    names = [model.data(model.index(i, 0)) for i in range(model.rowCount())]
    assert all(name.endswith("(sample)") for name in names)


def test_overdue_follow_up_is_flagged(context: AppContext) -> None:
    model = FollowUpsModel(context)
    model.reload()
    overdue = [model.row(i) for i in range(model.rowCount()) if model.is_overdue(model.row(i))]
    assert [row.follow_up.action for row in overdue] == ["Share the design-token write-up"]
    position = model.position_of(overdue[0].follow_up.id)
    assert position is not None
    assert model.data(model.index(position, 0), Qt.ItemDataRole.ForegroundRole) is not None


def test_a_filter_keeps_the_rows_holding_every_word(
    qtmodeltester: ModelTester, context: AppContext
) -> None:
    model = PeopleModel(context)
    model.reload()
    model.sort(0, Qt.SortOrder.AscendingOrder)
    everyone = model.rowCount()
    model.set_filter("  ACME ")  # any case, words trimmed
    assert [model.row(i).person.full_name for i in range(model.rowCount())] == [
        "Noa Levi",
        "Priya Raman",
    ]
    assert model.filtering and model.total == everyone
    qtmodeltester.check(model, force_py=True)
    model.set_filter("acme data")  # every word, in any column
    assert [model.row(i).person.full_name for i in range(model.rowCount())] == ["Priya Raman"]
    model.sort(0, Qt.SortOrder.DescendingOrder)  # sorting keeps the filter
    assert model.rowCount() == 1
    model.reload()  # and so does a reload
    assert [model.row(i).person.full_name for i in range(model.rowCount())] == ["Priya Raman"]
    model.set_filter("nobody by this name")
    assert model.rowCount() == 0
    model.set_filter("")
    assert model.rowCount() == everyone and not model.filtering
    assert (
        model.row(0).person.full_name > model.row(everyone - 1).person.full_name
    )  # still descending
