"""Where a page is in the window's navigation list, from the window's own list of pages."""

from __future__ import annotations

from planner.gui.page_list import PAGES


def row_of(key: str) -> int:
    return [page.key for page in PAGES if page.in_navigation].index(key)
