"""The event workspace: goals and checklist edits with undo/redo, models under the tester."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.domain.enums import AttendanceStatus, NetworkType
from planner.domain.model import Event
from planner.gui.common.widgets import ElidedLabel
from planner.gui.events.checklist_view import ChecklistModel, ItemDialog
from planner.gui.events.goals_view import GoalDialog, GoalsModel
from planner.gui.events.models import AttendeesModel
from planner.gui.events.routine_dialog import RoutineDialog, RoutineModel
from planner.gui.follow_ups.models import FollowUpsModel
from planner.gui.main_window import MainWindow
from planner.services.changes import Changed
from planner.services.sample import PAST_NAME, UPCOMING_NAME
from planner.services.workspace import Workspace
from tests.gui.navigation import row_of


def sample_event(workspace: Workspace, name: str = UPCOMING_NAME) -> Event:
    return next(e for e in workspace.repos.events.all() if e.name == name)


@pytest.fixture
def opened(window: MainWindow, workspace: Workspace) -> MainWindow:
    event = sample_event(workspace)
    assert event.id is not None
    window.open_event(event.id)
    return window


def test_every_workspace_model_passes_the_model_tester(
    qtmodeltester: ModelTester, opened: MainWindow, workspace: Workspace
) -> None:
    event = sample_event(workspace)
    context = opened.context
    goals = GoalsModel(context)
    goals.event_id = event.id
    checklist = ChecklistModel(context)
    checklist.current_event = event
    attendees = AttendeesModel(context)
    attendees.event_id = event.id
    follow_ups = FollowUpsModel(context)
    follow_ups.event_id = sample_event(workspace, PAST_NAME).id
    routine = RoutineModel(context)
    for model in (goals, checklist, attendees, follow_ups, routine):
        model.reload()
        assert model.rowCount() > 0, type(model).__name__
        qtmodeltester.check(model, force_py=True)


def test_opening_an_event_shows_its_overview(opened: MainWindow) -> None:
    page = opened.page("event")
    assert opened.pages.currentWidget() is page
    assert page.title.text() == UPCOMING_NAME
    assert page.countdown.text() == "In 16 days"
    assert "Europe/Lisbon" in page.overview.text()
    assert page.goals.model.rowCount() == 3
    assert page.attendees.model.rowCount() == 7
    assert opened.action("back").isEnabled()
    opened.action("back").trigger()
    assert opened.pages.currentWidget() is opened.page("events")


def test_add_a_goal_then_undo_and_redo(
    opened: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = sample_event(workspace)
    assert event.id is not None

    def fill(dialog: GoalDialog) -> int:
        dialog.text.setText("Find a mentor in product leadership")
        dialog.network.setCurrentIndex(list(NetworkType).index(NetworkType.PERSONAL))
        dialog.target.setValue(1)
        dialog.roles.setText("VP Product, Chief Product Officer")
        return 1

    monkeypatch.setattr(GoalDialog, "exec", fill)
    opened.action("add-goal").trigger()
    goals = workspace.repos.goals.for_event(event.id)
    assert [g.text for g in goals][-1] == "Find a mentor in product leadership"
    added = goals[-1]
    assert added.roles == ("VP Product", "Chief Product Officer")
    tab = opened.page("event").goals
    assert tab.model.rowCount() == 4
    assert tab.selected() is not None and tab.selected().goal.id == added.id  # type: ignore[union-attr]
    # Adding a goal adds its self-ticking "shortlist" item to the checklist.
    texts = [e.text for e in opened.context.checklist.entries(event)]
    assert any("Find a mentor in product leadership" in t for t in texts)

    opened.undo_action.trigger()
    assert len(workspace.repos.goals.for_event(event.id)) == 3
    assert tab.model.rowCount() == 3
    opened.redo_action.trigger()
    assert workspace.repos.goals.for_event(event.id)[-1] == added  # same id, same values


def test_edit_delete_and_reorder_goals_with_undo(
    opened: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = sample_event(workspace)
    assert event.id is not None
    tab = opened.page("event").goals
    original = workspace.repos.goals.for_event(event.id)
    attendees_before = workspace.repos.attendances.for_event(event.id)

    tab.table.selectRow(0)
    monkeypatch.setattr(GoalDialog, "exec", lambda d: d.target.setValue(5) or 1)
    opened.action("edit").trigger()
    assert workspace.repos.goals.for_event(event.id)[0].target_count == 5
    opened.undo_action.trigger()
    assert workspace.repos.goals.for_event(event.id) == original

    tab.table.selectRow(0)
    opened.action("move-down").trigger()
    order = [g.id for g in workspace.repos.goals.for_event(event.id)]
    assert order == [original[1].id, original[0].id, original[2].id]
    opened.undo_action.trigger()
    assert [g.id for g in workspace.repos.goals.for_event(event.id)] == [g.id for g in original]

    tab.table.selectRow(0)
    opened.action("delete").trigger()
    assert len(workspace.repos.goals.for_event(event.id)) == 2
    opened.undo_action.trigger()
    assert workspace.repos.goals.for_event(event.id) == original
    # The attendees linked to the deleted goal are linked again.
    assert workspace.repos.attendances.for_event(event.id) == attendees_before


def test_goal_progress_is_counted_from_met_attendees(
    opened: MainWindow, workspace: Workspace
) -> None:
    event = sample_event(workspace)
    assert event.id is not None
    investors = workspace.repos.goals.for_event(event.id)[0]
    linked = [
        a for a in workspace.repos.attendances.for_event(event.id) if investors.id in a.goal_ids
    ]
    with workspace.db.transaction() as conn:
        conn.execute(
            "UPDATE attendance SET status = ? WHERE id = ?",
            (AttendanceStatus.MET.value, linked[0].id),
        )
    opened.context.changed.emit(Changed.everything())
    tab = opened.page("event").goals
    row = next(i for i in range(tab.model.rowCount()) if tab.model.row(i).goal.id == investors.id)
    assert tab.model.data(tab.model.index(row, 2)) == "1 of 3 met"
    assert tab.model.data(tab.model.index(row, 2), Qt.ItemDataRole.UserRole + 1) == pytest.approx(
        1 / 3
    )


def test_tick_items_with_undo_and_redo(opened: MainWindow, workspace: Workspace) -> None:
    event = sample_event(workspace)
    assert event.id is not None
    opened.action("tab-3").trigger()
    tab = opened.page("event").checklist
    model = tab.model
    row = next(
        i for i in range(model.rowCount()) if not model.row(i).done and not model.row(i).is_dynamic
    )
    entry = model.row(row)
    assert entry.item is not None
    index = model.index(row, 0)
    assert model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable

    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert workspace.repos.checklist.get(entry.item.id).done  # type: ignore[arg-type]
    opened.undo_action.trigger()
    assert not workspace.repos.checklist.get(entry.item.id).done  # type: ignore[arg-type]
    opened.redo_action.trigger()
    assert workspace.repos.checklist.get(entry.item.id).done  # type: ignore[arg-type]

    # Ctrl+D on the selected row unticks it again.
    position = model.position_of(entry.item.id)
    assert position is not None
    tab.table.selectRow(position)
    opened.action("done").trigger()
    assert not workspace.repos.checklist.get(entry.item.id).done  # type: ignore[arg-type]


def test_dynamic_items_cannot_be_ticked_by_hand(opened: MainWindow) -> None:
    model = opened.page("event").checklist.model
    row = next(i for i in range(model.rowCount()) if model.row(i).is_dynamic)
    index = model.index(row, 0)
    assert not model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)


def test_add_edit_move_delete_checklist_items(
    opened: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = sample_event(workspace)
    assert event.id is not None
    opened.action("tab-3").trigger()
    tab = opened.page("event").checklist
    before = workspace.repos.checklist.for_event(event.id)

    def fill(dialog: ItemDialog) -> int:
        dialog.text.setText("Book dinner with the Acme team")
        dialog.offset.setValue(-2)
        return 1

    monkeypatch.setattr(ItemDialog, "exec", fill)
    opened.action("add-item").trigger()
    items = workspace.repos.checklist.for_event(event.id)
    added = items[-1]
    assert (added.text, added.due_offset_days) == ("Book dinner with the Acme team", -2)
    assert tab.selected() is not None and tab.selected().item_id == added.id  # type: ignore[union-attr]

    monkeypatch.setattr(ItemDialog, "exec", lambda d: d.offset.setValue(-1) or 1)
    opened.action("edit").trigger()
    edited = workspace.repos.checklist.get(added.id)  # type: ignore[arg-type]
    assert edited.due_offset_days == -1 and edited.sequence == added.sequence + 1
    assert edited.uid == added.uid  # calendars update the same entry

    opened.action("move-up").trigger()
    order = [i.id for i in workspace.repos.checklist.for_event(event.id)]
    assert order.index(added.id) == len(order) - 2

    opened.action("delete").trigger()
    assert added.id not in [i.id for i in workspace.repos.checklist.for_event(event.id)]
    for _ in range(4):
        opened.undo_action.trigger()
    assert workspace.repos.checklist.for_event(event.id) == before


def test_item_dialog_shows_the_real_date(opened: MainWindow, workspace: Workspace) -> None:
    event = sample_event(workspace)
    dialog = ItemDialog(event)
    dialog.offset.setValue(-14)
    day = event.local_start.date() - timedelta(days=14)
    assert f"{day.day} {day:%b %Y}" in dialog.day.text()
    assert "(T-14)" in dialog.day.text()


def test_routine_edits_are_undoable(
    opened: MainWindow, workspace: Workspace, qtbot: object
) -> None:
    dialog = RoutineDialog(opened.context, opened)
    model = dialog.model
    first = model.row(0)
    assert first.enabled
    assert model.setData(
        model.index(0, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert not workspace.repos.templates.all()[0].enabled
    # A new event now starts without that step.
    event = sample_event(workspace)
    new = opened.context.events.create(
        Event(
            "Later",
            event.start + timedelta(days=30),
            event.end + timedelta(days=30),
            event.timezone,
        )
    )
    assert new.id is not None
    keys = {i.template_key for i in workspace.repos.checklist.for_event(new.id)}
    assert first.key not in keys and len(keys) == 16
    opened.undo_action.trigger()
    assert workspace.repos.templates.all()[0].enabled
    dialog.table.selectRow(0)
    dialog.move_selected(1)
    assert workspace.repos.templates.all()[1].key == first.key
    opened.undo_action.trigger()
    assert workspace.repos.templates.all()[0].key == first.key
    dialog.close()


def test_home_shows_overdue_items_and_opens_their_checklist(
    window: MainWindow, workspace: Workspace
) -> None:
    event = sample_event(workspace)
    assert event.id is not None
    overdue_offset = (date.today() - event.local_start.date()).days - 1
    opened_item = window.context.checklist.add_item(event.id, "Renew passport", overdue_offset)
    window.context.changed.emit(Changed.everything())
    home = window.page("home")
    rows = [home.overdue.item(n) for n in range(home.overdue.count())]
    (row,) = [r for r in rows if "Renew passport" in r.text()]  # beside the late follow-up
    home.overdue.itemClicked.emit(row)
    assert window.pages.currentWidget() is window.page("event")
    assert window.page("event").tabs.currentWidget() is window.page("event").checklist
    assert window.navigation.currentRow() == row_of("events")
    assert opened_item.id is not None


def test_balance_hint_speaks_up_when_strategic_is_missing(
    window: MainWindow, workspace: Workspace
) -> None:
    home = window.page("home")
    assert home.hint.isVisibleTo(home)  # the sample has met people for no strategic goal
    with workspace.db.transaction() as conn:
        conn.execute("DELETE FROM goal WHERE network_type = 'strategic'")
    window.context.changed.emit(Changed.everything())
    assert "None of your goals is strategic" in home.hint.text()


def test_marking_someone_met_moves_goal_progress_and_undoes(
    opened: MainWindow, workspace: Workspace
) -> None:
    event = sample_event(workspace)
    assert event.id is not None
    opened.action("tab-2").trigger()
    tab = opened.page("event").attendees
    investors = workspace.repos.goals.for_event(event.id)[0]
    row = next(
        i
        for i in range(tab.model.rowCount())
        if investors.id in tab.model.row(i).attendance.goal_ids
    )
    tab.table.selectRow(row)
    assert opened.action("met").isEnabled()

    opened.action("met").trigger()
    progress = {p.goal.id: p for p in opened.context.goals.progress(event.id)}
    assert progress[investors.id].met == 1
    assert tab.met_button.text() == "Mark Not Met"
    opened.undo_action.trigger()
    progress = {p.goal.id: p for p in opened.context.goals.progress(event.id)}
    assert progress[investors.id].met == 0


def test_research_done_on_every_must_meet_person_ticks_the_research_item(
    opened: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.domain.enums import PriorityTier, ResearchStatus
    from planner.gui.events.attendee_dialog import AttendeeDialog
    from planner.services.research import set_research_status

    event = sample_event(workspace)
    opened.action("tab-2").trigger()
    tab = opened.page("event").attendees
    must = [
        i
        for i in range(tab.model.rowCount())
        if tab.model.row(i).attendance.tier == PriorityTier.MUST_MEET
    ]
    row, others = must[0], [tab.model.row(i).attendance.id for i in must[1:]]
    set_research_status(workspace, others, ResearchStatus.DONE)  # all but one researched
    tab.table.selectRow(row)

    def research(item: object) -> bool:
        entries = opened.context.checklist.entries(event)
        return next(e.done for e in entries if e.text.startswith("Research the must-meet"))

    assert not research(None)

    def write_notes(dialog: AttendeeDialog) -> int:
        assert dialog.tier.currentData() == PriorityTier.MUST_MEET  # pinned in the sample
        dialog.research.setPlainText("Leads the payments team; wrote about open banking.")
        done = dialog.research_status.findData(ResearchStatus.DONE)
        dialog.research_status.setCurrentIndex(done)
        dialog.goals.item(0).setCheckState(Qt.CheckState.Checked)
        return 1

    monkeypatch.setattr(AttendeeDialog, "exec", write_notes)
    opened.action("edit").trigger()  # Ctrl+E on the People tab edits the plan for the person
    assert research(None)
    saved = next(
        a
        for a in workspace.repos.attendances.for_event(event.id)  # type: ignore[arg-type]
        if a.id == tab.model.row(row).attendance.id
    )
    assert saved.research_notes.startswith("Leads the payments team")
    assert saved.research_status is ResearchStatus.DONE
    assert saved.tier is PriorityTier.MUST_MEET  # the dialog kept the pin
    opened.undo_action.trigger()
    assert not research(None)


def test_balance_legend_shows_both_shades_in_every_network_colour(qtbot: QtBot) -> None:
    from planner.domain.goals import NetworkBalance
    from planner.gui.common.labels import NETWORK_COLOURS
    from planner.gui.home.dashboard import BalanceChart

    chart = BalanceChart()
    qtbot.addWidget(chart)
    chart.resize(380, 170)
    chart.set_balance(NetworkBalance(goals={NetworkType.PERSONAL: 2}, met={}))
    image = chart.grab().toImage()
    kinds = list(NetworkType)
    # The "goals set" swatch is the light shade of each colour; "people met" starts after its
    # text with the full shades.
    light = [image.pixelColor(2 + 5 * n, 10).name() for n in range(3)]
    assert light == [NETWORK_COLOURS[kind].lighter(150).name() for kind in kinds]
    row = [image.pixelColor(x, 10).name() for x in range(40, image.width())]
    full = [NETWORK_COLOURS[kind].name() for kind in kinds]
    start = row.index(full[0])
    assert [row[start + 5 * n + 1] for n in range(3)] == full


def test_the_people_of_an_event_are_listed_a_to_z_at_first(opened: MainWindow) -> None:
    tab = opened.page("event").attendees
    names = [tab.model.row(i).full_name for i in range(tab.model.rowCount())]
    assert len(names) > 2
    assert names == sorted(names, key=str.casefold)
    header = tab.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.AscendingOrder,
    )


def test_a_hidden_event_reloads_nothing_until_it_is_opened_again(
    opened: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = opened.page("event")
    model = page.attendees.model
    loads: list[int] = []
    reload = model.reload
    monkeypatch.setattr(model, "reload", lambda: (loads.append(1), reload()))
    opened.context.changed.emit(Changed.everything())  # on screen: reloaded at once
    assert loads == [1]
    opened.show_page("events")
    assert not page.isVisible()
    opened.context.changed.emit(Changed.everything())
    opened.context.changed.emit(Changed.everything())
    assert loads == [1]  # hidden: nothing loaded
    event = sample_event(workspace)
    assert event.id is not None
    opened.open_event(event.id)
    assert loads == [1, 1]  # once, when it is shown again


def test_the_people_columns_fit_their_text_in_its_own_font(opened: MainWindow) -> None:
    opened.action("tab-2").trigger()
    tab = opened.page("event").attendees
    model, view = tab.model, tab.table
    bold_rows = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            if column == model.GOALS_COLUMN:  # the running text takes what is left
                continue
            index = model.index(row, column)
            font = model.data(index, Qt.ItemDataRole.FontRole)
            bold_rows += isinstance(font, QFont) and column == 0
            metrics = QFontMetrics(font.resolve(view.font()) if font else view.font())
            needed = metrics.horizontalAdvance(str(model.data(index))) + 16  # the cell padding
            assert view.columnWidth(column) >= needed, (row, column, model.data(index))
    assert bold_rows >= 2  # the must-meet people, in bold


def test_the_plan_dialog_of_someone_with_a_long_name_keeps_its_width(qtbot: QtBot) -> None:
    from planner.domain.ids import EventId, GoalId, PersonId
    from planner.domain.model import Attendance, Goal
    from planner.gui.events.attendee_dialog import AttendeeDialog

    name = "Maria " + "da Conceição " * 22  # within the 300 characters a name may have
    text = "Meet three investors who back seed-stage payments companies " * 3
    goal = Goal(EventId(1), text, NetworkType.STRATEGIC, id=GoalId(1))
    dialog = AttendeeDialog(name, Attendance(EventId(1), PersonId(1)), [goal])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() < 900  # it took the width of the whole name
    titles = [label for label in dialog.findChildren(ElidedLabel) if label.text() == name]
    assert len(titles) == 1 and titles[0].toolTip()
    assert dialog.goals.horizontalScrollBar().maximum() == 0  # the goal wraps, read whole


def test_ticking_an_item_reloads_the_checklist_and_not_the_list_of_people(
    qtbot: QtBot, opened: MainWindow
) -> None:
    """What changed says which lists reload: a tick is the checklist's, in this event."""
    page = opened.page("event")
    people_reloads: list[int] = []
    checklist_reloads: list[int] = []
    page.attendees.model.modelReset.connect(lambda: people_reloads.append(1))
    page.checklist.model.modelReset.connect(lambda: checklist_reloads.append(1))
    page.show_tab(page.CHECKLIST)
    table = page.checklist.table
    row = next(
        n
        for n in range(page.checklist.model.rowCount())
        if not page.checklist.model.row(n).is_dynamic
    )
    table.selectRow(row)
    opened.action("done").trigger()
    qtbot.wait(50)
    assert checklist_reloads and not people_reloads
    opened.undo_action.trigger()
    qtbot.wait(50)
    assert not people_reloads


def test_the_plan_dialog_looks_the_person_up_and_suggests_talking_points(
    qtbot: QtBot, opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    from planner.gui.events.attendee_dialog import AttendeeDialog

    opened_urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened_urls.append(url.toString()))
    shown: list[AttendeeDialog] = []

    def look(dialog: AttendeeDialog) -> int:
        shown.append(dialog)
        dialog.web_button.click()
        dialog.linkedin_button.click()
        dialog.talking_points.setPlainText("Ask about the Lisbon office")
        dialog.suggest_button.click()
        dialog.suggest_button.click()  # twice adds nothing more
        return 0  # cancelled: nothing saved

    monkeypatch.setattr(AttendeeDialog, "exec", look)
    page = opened.page("event")
    page.show_tab(page.PEOPLE)
    listing = page.attendees.model.row(0)
    page.attendees.table.selectRow(0)
    opened.action("edit").trigger()
    (dialog,) = shown
    assert opened_urls[0].startswith("https://duckduckgo.com/?q=")
    assert opened_urls[1].startswith("https://www.linkedin.com/search/results/people/")
    points = dialog.talking_points.toPlainText().splitlines()
    assert points[0] == "Ask about the Lisbon office"
    assert listing.company and any(listing.company in line for line in points[1:])
    assert len(points) == len(set(points))
    assert page.attendees.model.row(0).attendance == listing.attendance  # nothing saved


def test_the_people_tab_filters_by_words_and_choices_and_counts_what_is_shown(
    qtbot: QtBot, opened: MainWindow
) -> None:
    from pytestqt.modeltest import ModelTester

    from planner.domain.enums import AttendanceStatus, PriorityTier

    page = opened.page("event")
    page.show_tab(page.PEOPLE)
    tab = page.attendees
    model = tab.model
    ModelTester(None).check(model)
    everyone = [model.row(n) for n in range(model.rowCount())]
    assert tab.filter.count.text() == f"{len(everyone)} shown"
    must = [row for row in everyone if row.attendance.tier == PriorityTier.MUST_MEET]
    assert 0 < len(must) < len(everyone)
    tab.filter.tier.setCurrentIndex(tab.filter.tier.findData(PriorityTier.MUST_MEET))
    assert [model.row(n) for n in range(model.rowCount())] == must
    assert tab.filter.count.text() == f"{len(must)} of {len(everyone)} shown"
    first = must[0]
    qtbot.keyClicks(tab.filter.box, first.full_name.split()[0].lower())
    tab.filter.box.returnPressed.emit()  # as Enter does, without the typing pause
    assert model.row(0) == first and model.rowCount() <= len(must)
    tab.filter.status.setCurrentIndex(tab.filter.status.findData(AttendanceStatus.SKIPPED))
    if first.attendance.status != AttendanceStatus.SKIPPED:
        assert model.rowCount() == 0
        assert tab.table.isVisible()  # an empty result, not "nobody on this list yet"
        assert not tab.empty.isVisible()
    # Another event: its whole list in view.
    other = next(e for e in opened.context.events.all() if e.id != page.event_id)
    assert other.id is not None
    opened.open_event(other.id, page.PEOPLE)
    assert tab.filter.words() == "" and tab.filter.condition() is None
    assert not model.filtering


def test_the_person_chosen_is_shown_beside_the_list_with_their_text_escaped(
    opened: MainWindow, workspace: Workspace
) -> None:
    from dataclasses import replace

    from planner.services.people import update_attendance

    page = opened.page("event")
    page.show_tab(page.PEOPLE)
    tab = page.attendees
    assert "Choose someone" in tab.details.text()
    listing = tab.model.row(0)
    update_attendance(workspace, replace(listing.attendance, ask="<b>Is x<y</b> & more?"))
    opened.context.changed.emit(Changed.everything())
    tab.table.selectRow(0)
    html = tab.details.text()
    assert escape(listing.full_name) in html
    assert "&lt;b&gt;Is x&lt;y&lt;/b&gt; &amp; more?" in html and "<b>Is" not in html
    assert "I want to ask" in html


def test_the_people_tab_ranks_against_the_goals_and_says_why(opened: MainWindow) -> None:
    from pytestqt.modeltest import ModelTester

    page = opened.page("event")
    page.show_tab(page.PEOPLE)
    tab = page.attendees
    model = tab.model
    ModelTester(None).check(model)
    score = model.SCORE_COLUMN
    tab.table.sortByColumn(score, Qt.SortOrder.DescendingOrder)
    scores = [model.row(n).ranking.score for n in range(model.rowCount())]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    top = model.row(0)
    assert model.data(model.index(0, score)) == str(top.ranking.score)
    tip = model.data(model.index(0, score), Qt.ItemDataRole.ToolTipRole)
    assert "~ goal word" in tip
    tab.table.selectRow(0)
    html = tab.details.text()
    assert "Why meet them" in html and "~ goal word" in html
    # Someone linked to no goal: the Goals column suggests the one they would serve.
    unlinked = next(
        n
        for n in range(model.rowCount())
        if not model.row(n).attendance.goal_ids and model.row(n).ranking.goals
    )
    suggested = model.data(model.index(unlinked, model.GOALS_COLUMN))
    assert (
        suggested.startswith("≈ ") and model.row(unlinked).ranking.goals[0].goal.text in suggested
    )
