"""An event's People tab, acting on several people at once: pin a tier, mark research done,
tag, link to a goal or take the suggested one, each one undo step; and the filters by goal, tag
and research."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.modeltest import ModelTester

from planner.domain.enums import PriorityTier, ResearchStatus
from planner.gui.events.attendees_tab import AttendeesTab
from planner.gui.events.models import AttendeesModel, goals_of, shown_tier
from planner.gui.main_window import MainWindow
from planner.services.research import person_tags
from planner.services.sample import UPCOMING_NAME
from planner.services.workspace import Workspace
from planner.storage.attendances import AttendeeListing


@pytest.fixture
def tab(window: MainWindow, workspace: Workspace) -> AttendeesTab:
    event = next(e for e in workspace.repos.events.all() if e.name == UPCOMING_NAME)
    assert event.id is not None
    window.open_event(event.id)
    page = window.page("event")
    page.show_tab(page.PEOPLE)
    return page.attendees


def rows(model: AttendeesModel) -> list[AttendeeListing]:
    return [model.row(n) for n in range(model.rowCount())]


def choose(tab: AttendeesTab, *positions: int) -> None:
    selection = tab.table.selectionModel()
    selection.clearSelection()
    for position in positions:
        selection.select(
            tab.model.index(position, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def by_id(model: AttendeesModel, attendance_id: object) -> AttendeeListing:
    position = model.position_of(attendance_id)
    assert position is not None
    return model.row(position)


def test_the_plan_actions_work_on_everyone_chosen_and_are_one_undo_step(
    window: MainWindow, tab: AttendeesTab, workspace: Workspace
) -> None:
    model = tab.model
    ModelTester(None).check(model)
    choose(tab, 0, 1, 2)
    chosen = [row.attendance.id for row in tab.selected_rows()]
    pinned_before = [row.attendance.tier for row in tab.selected_rows()]
    assert len(chosen) == 3
    assert window.action("tier-skip").isEnabled()
    assert window.action("tier-skip") in tab.plan_menu.actions()
    window.action("tier-skip").trigger()
    after = [by_id(model, key) for key in chosen]
    assert all(row.attendance.tier is PriorityTier.SKIP for row in after)
    assert all(shown_tier(row) is PriorityTier.SKIP for row in after)
    assert "Skip" in window.undo_action.text()
    window.undo_action.trigger()
    assert [by_id(model, key).attendance.tier for key in chosen] == pinned_before
    window.redo_action.trigger()
    assert all(by_id(model, key).attendance.tier is PriorityTier.SKIP for key in chosen)
    # Back to what the score suggests.
    choose(tab, *(model.position_of(key) for key in chosen))
    window.action("tier-auto").trigger()
    assert all(by_id(model, key).attendance.tier is None for key in chosen)


def test_research_marked_for_the_whole_list_at_once_and_filtered_by(
    window: MainWindow, tab: AttendeesTab
) -> None:
    model = tab.model
    everyone = len(rows(model))
    tab.table.selectAll()
    window.action("researched").trigger()
    assert {row.attendance.research_status for row in rows(model)} == {ResearchStatus.DONE}
    research = tab.filter.research
    research.setCurrentIndex(research.findData(ResearchStatus.NOT_STARTED))
    assert model.rowCount() == 0
    window.undo_action.trigger()
    assert model.rowCount() == everyone  # one step took it back for everyone
    research.setCurrentIndex(0)


def test_a_bulk_tag_is_given_to_each_person_and_the_tag_filters_the_list(
    window: MainWindow, tab: AttendeesTab, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = tab.model
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda *args, **kwargs: ("VIP, <b>fintech</b>", True)
    )
    choose(tab, 1, 3)
    people = [row.attendance.person_id for row in tab.selected_rows()]
    window.action("tag").trigger()
    for person in people:
        assert set(person_tags(workspace, person)) == {"VIP", "<b>fintech</b>"}
    tags = tab.filter.tag
    vip = tags.findText("VIP")
    assert vip > 0 and tags.findText("<b>fintech</b>") > 0  # shown as typed, as plain text
    tags.setCurrentIndex(vip)
    assert sorted(row.attendance.person_id for row in rows(model)) == sorted(people)
    tab.table.selectRow(0)
    assert "&lt;b&gt;fintech&lt;/b&gt;" in tab.details.text()
    window.undo_action.trigger()
    for person in people:
        assert person_tags(workspace, person) == ()


def test_accepting_a_suggestion_links_the_person_to_the_goal_they_serve(
    window: MainWindow, tab: AttendeesTab
) -> None:
    model = tab.model
    position = next(
        n
        for n, row in enumerate(rows(model))
        if row.ranking is not None and row.ranking.goals and not row.attendance.goal_ids
    )
    row = model.row(position)
    best = row.ranking.goals[0].goal
    tab.table.selectRow(position)
    window.action("accept").trigger()
    linked = by_id(model, row.attendance.id)
    assert linked.attendance.goal_ids == {best.id}
    assert not model.data(
        model.index(model.position_of(row.attendance.id), model.GOALS_COLUMN)
    ).startswith("≈")
    # The goal filter finds them by that goal.
    goals = tab.filter.goal
    goals.setCurrentIndex(goals.findData(best.id))
    assert row.attendance.id in {r.attendance.id for r in rows(model)}
    assert all(best.id in goals_of(r) for r in rows(model))
    goals.setCurrentIndex(0)
    window.undo_action.trigger()
    assert by_id(model, row.attendance.id).attendance.goal_ids == frozenset()


def test_link_to_goal_asks_which_goal(
    window: MainWindow, tab: AttendeesTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = tab.model
    goals = list(model.goal_names().items())
    goal_id, text = goals[-1]
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kwargs: (text, True))
    choose(tab, 0, 2)
    chosen = [row.attendance.id for row in tab.selected_rows()]
    window.action("link-goal").trigger()
    assert all(goal_id in by_id(model, key).attendance.goal_ids for key in chosen)
    assert text[:20] in window.undo_action.text()  # the step names the goal


def test_who_could_introduce_them_shows_in_the_list_and_the_panel(tab: AttendeesTab) -> None:
    model = tab.model
    position = next(n for n, row in enumerate(rows(model)) if row.full_name == "Priya Raman")
    column = model.INTRODUCED_COLUMN
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Introduced by"
    assert model.data(model.index(position, column)) == "Noa Levi"
    tip = model.data(model.index(position, column), Qt.ItemDataRole.ToolTipRole)
    assert "Noa Levi: works at Acme Analytics too" in tip
    tab.table.selectRow(position)
    html = tab.details.text()
    assert "Who could introduce you" in html and "Noa Levi: works at Acme Analytics too" in html
    # Sorting by it puts those with someone to introduce them first.
    tab.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert model.row(0).full_name == "Priya Raman"
