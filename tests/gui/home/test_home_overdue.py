"""Home's Overdue list: late preparation and late follow-ups, both counted, each opening
where it can be done."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner.gui.main_window import MainWindow
from planner.services.changes import Changed
from planner.services.workspace import Workspace
from tests.gui.navigation import row_of


def test_home_lists_and_counts_an_overdue_follow_up(
    window: MainWindow, workspace: Workspace
) -> None:
    home = window.page("home")
    assert home.dashboard is not None
    late = home.dashboard.late_follow_ups
    assert [f.action for f in late] == ["Share the design-token write-up"]  # the sample's
    assert home.no_overdue.isHidden()
    # The sample's ended meetup has two after-event items left undone past their day.
    assert home.overdue_count.text() == "Preparation: 2 · Follow-ups: 1"
    rows = [home.overdue.item(n) for n in range(home.overdue.count())]
    assert any("Send your follow-ups" in r.text() for r in rows)
    (row,) = [r for r in rows if "Share the design-token write-up" in r.text()]
    assert "Follow-up" in row.text() and late[0].person_name in row.text()

    home.overdue.itemActivated.emit(row)
    shown = window.page("event")
    assert window.pages.currentWidget() is shown
    assert shown.event_id == late[0].event_id
    assert shown.tabs.currentIndex() == shown.FOLLOW_UPS


def test_a_late_follow_up_of_no_event_opens_the_follow_ups_page(
    window: MainWindow, workspace: Workspace
) -> None:
    from dataclasses import replace

    listing = workspace.repos.follow_ups.listings()[0]
    late = replace(listing.follow_up, id=None, event_id=None, uid="x", action="Call Noa")
    workspace.repos.follow_ups.add(replace(late, due=late.due.replace(year=2020)))
    window.context.changed.emit(Changed.everything())
    home = window.page("home")
    rows = [home.overdue.item(n) for n in range(home.overdue.count())]
    first = rows[0]  # the longest overdue first
    assert "Call Noa" in first.text()
    assert first.data(Qt.ItemDataRole.UserRole)[1] == 0
    home.overdue.itemActivated.emit(first)
    assert window.pages.currentWidget() is window.page("follow-ups")
    assert window.navigation.currentRow() == row_of("follow-ups")


def test_nothing_overdue_says_both_are_on_time(window: MainWindow, workspace: Workspace) -> None:
    from planner.services.sample import remove_sample

    remove_sample(workspace)
    window.context.changed.emit(Changed.everything())
    home = window.page("home")
    assert home.overdue.isHidden() and home.overdue_count.isHidden()
    assert "preparation and follow-ups" in home.no_overdue.text()
