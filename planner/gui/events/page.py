"""The Events page in the window: its actions, and what Edit and Delete do there
(the page itself is gui/events/events_page.py)."""

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

    from planner.gui.events.events_page import EventsPage


def _build(window: Window) -> EventsPage:
    from planner.gui.app_actions import new_event, remove_sample
    from planner.gui.events.event_workspace import EventWorkspace
    from planner.gui.events.events_page import EventsPage

    page = EventsPage(window.context)
    page.new_requested.connect(lambda: new_event(window))
    page.edit_requested.connect(lambda: _edit(window, page))
    page.delete_requested.connect(lambda: _delete(window, page))
    page.open_requested.connect(lambda: _open(window, page))
    page.remove_sample_requested.connect(lambda: remove_sample(window))
    window.menu_on(page.table, "open", "edit", "delete", None, "new-event")
    # Built after an event was opened (from Home, or just created): that event is the one
    # selected, not the first upcoming one.
    opened = window.built("event")
    if isinstance(opened, EventWorkspace) and opened.event_id is not None:
        page.select_event(opened.event_id)
    return page


def _open(window: Window, page: EventsPage) -> None:
    event = page.selected_event()
    if event is not None and event.id is not None:
        window.open_event(event.id)


def _edit(window: Window, page: EventsPage) -> None:
    from planner.gui.events.editing import edit_event

    event = page.selected_event()
    if event is not None:
        edit_event(window.context, window.parent_widget(), event)


def _delete(window: Window, page: EventsPage) -> None:
    from planner.gui.events.editing import delete_event

    event = page.selected_event()
    if event is not None:
        delete_event(window.context, event, window.say)


def _chosen(_window: Window, page: EventsPage) -> bool:
    return page.selected_event() is not None


def _save(page: EventsPage, settings: QSettings) -> None:
    save_sort(settings, "events", page.table)
    save_splitter(settings, "events", page.splitter)


def _restore(page: EventsPage, settings: QSettings) -> None:
    restore_sort(settings, "events", page.table)
    restore_splitter(settings, "events", page.splitter)


PAGE: Page[EventsPage] = Page(
    key="events",
    title="Events",
    icon="events",
    shortcut="Ctrl+2",
    build=_build,
    actions=(Action("open", "&Open Event", "event", 1.0, ("Ctrl+O",), edits=False),),
    handlers={
        "open": Handler(_open, _chosen),
        "edit": Handler(_edit, _chosen),
        "delete": Handler(_delete, _chosen),
    },
    watch=lambda page: (page.table.selectionModel().selectionChanged,),
    save=_save,
    restore=_restore,
)
