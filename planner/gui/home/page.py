"""Home: what needs doing now, across events (gui/home/dashboard.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.gui.common.page import Page, Window

if TYPE_CHECKING:
    from planner.gui.home.dashboard import DashboardPage


def _build(window: Window) -> DashboardPage:
    from planner.gui.app_actions import remove_sample
    from planner.gui.events import tabs
    from planner.gui.home.dashboard import DashboardPage

    home = DashboardPage(window.context)
    home.banner.remove_requested.connect(lambda: remove_sample(window))
    home.open_event.connect(lambda event_id: _open(window, event_id))
    home.open_checklist.connect(lambda event_id: window.open_event(event_id, tabs.CHECKLIST))
    home.open_follow_ups.connect(
        lambda event_id: (
            window.open_event(event_id, tabs.FOLLOW_UPS)
            if event_id
            else window.show_page("follow-ups")
        )
    )
    return home


def _open(window: Window, event_id: int) -> None:
    """A card opens its event where the user is likely to work on it: before it starts,
    its goals (what to get out of it); once under way, its list (whom they met)."""
    from datetime import UTC, datetime

    from planner.domain.ids import EventId
    from planner.gui.events import tabs
    from planner.storage.errors import StorageError

    try:
        started = window.context.events.get(EventId(event_id)).start <= datetime.now(UTC)
    except StorageError as exc:
        window.show_failure(str(exc))
        return
    window.open_event(event_id, tabs.PEOPLE if started else tabs.GOALS)


PAGE: Page[DashboardPage] = Page(
    key="home", title="Home", icon="home", shortcut="Ctrl+1", build=_build
)
