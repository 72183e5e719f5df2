"""The Follow-ups page in the window (the list itself is gui/follow_ups/follow_ups_page.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.gui.common.page import Handler, Page, Window, restore_sort, save_sort

if TYPE_CHECKING:
    from planner.gui.common.lists import ListPage


def _build(window: Window) -> ListPage:
    from planner.gui.app_actions import remove_sample
    from planner.gui.follow_ups.follow_ups_page import follow_ups_page

    page = follow_ups_page(window.context)
    page.remove_sample_requested.connect(lambda: remove_sample(window))
    return page


PAGE: Page[ListPage] = Page(
    key="follow-ups",
    title="Follow-ups",
    icon="follow-ups",
    shortcut="Ctrl+4",
    build=_build,
    handlers={"find": Handler(lambda _window, page: page.focus_filter())},
    save=lambda page, settings: save_sort(settings, "follow-ups", page.table),
    restore=lambda page, settings: restore_sort(settings, "follow-ups", page.table),
)
