"""The People page in the window: everyone in the user's network, with the person's actions
(the page itself is gui/people/people_page.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.gui.common.page import (
    Action,
    Handler,
    Page,
    Window,
    restore_sort,
    restore_splitter,
    save_sort,
    save_splitter,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from planner.gui.people.people_page import PeoplePage


def _build(window: Window) -> PeoplePage:
    from planner.gui.app_actions import new_person, remove_sample
    from planner.gui.people.people_page import people_page

    page = people_page(window.context)
    page.remove_sample_requested.connect(lambda: remove_sample(window))
    page.new_requested.connect(lambda: new_person(window))
    page.edit_requested.connect(lambda: _edit(window, page))
    page.delete_requested.connect(lambda: _delete(window, page))
    page.merge_requested.connect(lambda: _merge(window, page))
    window.menu_on(
        page.table, "person-details", "merge", "delete", None, "new-person", "duplicates"
    )
    return page


def _edit(window: Window, page: PeoplePage) -> None:
    person = page.selected()
    if person is not None and person.id is not None:
        window.people_editing.edit(person.id)


def _delete(window: Window, page: PeoplePage) -> None:
    chosen = [person.id for person in page.selected_people() if person.id is not None]
    if chosen:
        window.people_editing.delete_many(chosen)


def _merge(window: Window, page: PeoplePage) -> None:
    """Merge the two people chosen."""
    chosen = page.selected_people()
    if len(chosen) == 2:
        kept = window.people_editing.merge(chosen[0], chosen[1])
        if kept is not None:
            page.select_when_shown(kept)


def _count(page: PeoplePage) -> int:
    return len(page.selected_people())


def _save(page: PeoplePage, settings: QSettings) -> None:
    save_sort(settings, "people", page.table)
    save_splitter(settings, "people", page.splitter)


def _restore(page: PeoplePage, settings: QSettings) -> None:
    restore_sort(settings, "people", page.table)
    restore_splitter(settings, "people", page.splitter)


PAGE: Page[PeoplePage] = Page(
    key="people",
    title="People",
    icon="people",
    shortcut="Ctrl+3",
    build=_build,
    actions=(
        Action("person-details", "&Person Details…", "edit", 2.1, ("Ctrl+Shift+D",)),
        Action("merge", "Mer&ge People…", "edit", 2.2, ("Ctrl+Shift+M",)),
    ),
    handlers={
        "edit": Handler(_edit, lambda _window, page: _count(page) == 1),
        "person-details": Handler(_edit, lambda _window, page: page.selected() is not None),
        "delete": Handler(_delete, lambda _window, page: _count(page) > 0),
        "merge": Handler(_merge, lambda _window, page: _count(page) == 2),
        "find": Handler(lambda _window, page: page.focus_filter()),
    },
    watch=lambda page: (page.table.selectionModel().selectionChanged, page.model.modelReset),
    save=_save,
    restore=_restore,
)
