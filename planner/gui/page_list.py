"""The window's pages, in navigation order. Adding a page: declare it in its area's page.py
(see planner/gui/common/page.py) and add it here."""

from __future__ import annotations

from typing import Any

from planner.gui.common.page import Page
from planner.gui.events import event_page
from planner.gui.events import page as events
from planner.gui.follow_ups import page as follow_ups
from planner.gui.home import page as home
from planner.gui.people import page as people

PAGES: tuple[Page[Any], ...] = (
    home.PAGE,
    events.PAGE,
    people.PAGE,
    follow_ups.PAGE,
    event_page.PAGE,
)
