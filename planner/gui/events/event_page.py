"""An event, opened: its page in the window, under Events, with the actions of its tabs
(the page itself is gui/events/event_workspace.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from planner.domain.enums import PriorityTier
from planner.gui.common.page import (
    Action,
    Handler,
    Page,
    Window,
    restore_splitter,
    save_splitter,
    tr,
)
from planner.gui.events import tabs

if TYPE_CHECKING:
    from planner.gui.events.checklist_view import ChecklistTab
    from planner.gui.events.event_workspace import EventWorkspace
    from planner.gui.events.goals_view import GoalsTab
    from planner.storage.attendances import AttendeeListing


def _build(window: Window) -> EventWorkspace:
    from planner.gui.app_actions import import_attendees, review_duplicates
    from planner.gui.events.event_workspace import EventWorkspace

    page = EventWorkspace(window.context)
    page.back_requested.connect(lambda: window.show_page("events"))
    page.edit_requested.connect(lambda: _edit_event(window, page))
    attendees = page.attendees
    attendees.import_requested.connect(lambda: import_attendees(window))
    attendees.review_requested.connect(lambda: review_duplicates(window))
    attendees.add_requested.connect(lambda: _add_people(window, page))
    attendees.remove_requested.connect(lambda: _remove_from_list(window, page))
    window.menu_on(
        attendees.table,
        "edit",
        "person-details",
        "met",
        "delete",
        None,
        *PLAN_KEYS,
        None,
        "add-people",
    )
    for key in PLAN_KEYS:
        if key is None:
            attendees.plan_menu.addSeparator()
        else:
            attendees.plan_menu.addAction(window.action(key))
    ordering = ("move-up", "move-down")
    window.menu_on(page.goals.table, "edit", "delete", *ordering, None, "add-goal")
    window.menu_on(page.checklist.table, "edit", "done", "delete", *ordering, None, "add-item")
    return page


def open_event(window: Window, event_id: int, tab: int | None = None) -> None:
    """Show the event on its page (on `tab`, or the tab it was on), chosen in the events list."""
    from planner.domain.ids import EventId
    from planner.gui.events.event_workspace import EventWorkspace
    from planner.gui.events.events_page import EventsPage
    from planner.storage.errors import StorageError

    try:
        event = window.context.events.get(EventId(event_id))
    except StorageError as exc:
        window.show_failure(str(exc))
        return
    page = window.page("event")
    assert isinstance(page, EventWorkspace)
    page.show_event(event)
    if tab is not None:
        page.show_tab(tab)
    window.show_page("event")
    events = window.built("events")
    if isinstance(events, EventsPage):
        events.select_event(event.id)
    window.update_actions()


def show_imported(window: Window, event_id: int) -> None:
    """The event an import went into, on its People tab. When it is the event in view, its
    tabs have just reloaded with the import (the `changed` signal): only the tab and the
    page change, as loading its checklist and lists again would keep the window waiting
    (200 ms at 133,000 attendees)."""
    from planner.gui.events.event_workspace import EventWorkspace

    page = window.page("event")
    assert isinstance(page, EventWorkspace)
    shown = page.shown_event
    if shown is None or shown.id != event_id:
        window.open_event(event_id, tabs.PEOPLE)
        return
    page.show_tab(tabs.PEOPLE)
    window.show_page("event")
    window.update_actions()


# --- what the tabs in view offer the Edit and Event menus ----------------------------------


def _ordered_tab(page: EventWorkspace) -> GoalsTab | ChecklistTab | None:
    """The goals or checklist list the Edit menu works on, when one is shown."""
    index = page.tabs.currentIndex()
    if index == tabs.GOALS:
        return page.goals
    if index == tabs.CHECKLIST:
        return page.checklist
    return None


def _editable(page: EventWorkspace) -> bool:
    """A goal or an item of the user's own is chosen (not one the checklist made itself)."""
    tab = _ordered_tab(page)
    selected = tab.selected() if tab is not None else None
    return selected is not None and not getattr(selected, "is_dynamic", False)


def _listing(page: EventWorkspace) -> AttendeeListing | None:
    """The person chosen on the People tab, when it is the one shown."""
    if page.tabs.currentIndex() != tabs.PEOPLE:
        return None
    return page.attendees.selected()


def _on_list(page: EventWorkspace) -> bool:
    return page.tabs.currentIndex() == tabs.PEOPLE


def _edit(_window: Window, page: EventWorkspace) -> None:
    tab = _ordered_tab(page)
    if tab is not None:
        tab.edit_selected()
    elif _on_list(page):
        page.attendees.edit_selected()


def _delete(window: Window, page: EventWorkspace) -> None:
    tab = _ordered_tab(page)
    if tab is not None:
        tab.delete_selected()
    elif _on_list(page):
        _remove_from_list(window, page)


def _move(page: EventWorkspace, step: int) -> None:
    tab = _ordered_tab(page)
    if tab is not None:
        tab.move_selected(step)


def _edit_event(window: Window, page: EventWorkspace) -> None:
    from planner.gui.events.editing import edit_event

    if page.shown_event is not None:
        edit_event(window.context, window.parent_widget(), page.shown_event)


def _add_people(window: Window, page: EventWorkspace) -> None:
    """Put people from the network on the list of the event shown."""
    event = page.shown_event
    if event is None or event.id is None:
        return
    page.show_tab(tabs.PEOPLE)
    window.people_editing.add_to_list(event.id, event.name)


def _remove_from_list(window: Window, page: EventWorkspace) -> None:
    listing = _listing(page)
    if listing is not None and page.shown_event is not None:
        window.people_editing.remove_from_list(listing, page.shown_event.name)


def _person_details(window: Window, page: EventWorkspace) -> None:
    listing = _listing(page)
    if listing is not None:
        window.people_editing.edit(listing.attendance.person_id)


def _add_goal(_window: Window, page: EventWorkspace) -> None:
    page.show_tab(tabs.GOALS)
    page.goals.add()


def _add_item(_window: Window, page: EventWorkspace) -> None:
    page.show_tab(tabs.CHECKLIST)
    page.checklist.add()


def _chosen(_window: Window, page: EventWorkspace) -> bool:
    return _editable(page) or _listing(page) is not None


def _person(_window: Window, page: EventWorkspace) -> bool:
    return _listing(page) is not None


def _on_list_text(on_list: str, otherwise: str) -> Callable[[EventWorkspace], str]:
    return lambda page: tr(on_list) if _on_list(page) else tr(otherwise)


def _chosen_people(_window: Window, page: EventWorkspace) -> bool:
    return _on_list(page) and bool(page.attendees.selected_rows())


def _plan(act: Callable[[EventWorkspace], object]) -> Handler[EventWorkspace]:
    """What the Event menu does to the people chosen on the People tab."""
    return Handler(lambda _window, page: act(page), _chosen_people)


def _pin(tier: PriorityTier | None) -> Handler[EventWorkspace]:
    return _plan(lambda page: page.attendees.pin_selected(tier))


TIER_KEYS = {
    "tier-must": PriorityTier.MUST_MEET,
    "tier-should": PriorityTier.SHOULD_MEET,
    "tier-nice": PriorityTier.NICE_TO_MEET,
    "tier-skip": PriorityTier.SKIP,
    "tier-auto": None,
}
PLAN_KEYS = (*TIER_KEYS, None, "researched", "tag", "link-goal", "accept")
"""The actions on the people chosen, in the People tab's Plan menu and its right-click menu."""


def _tab(index: int) -> Handler[EventWorkspace]:
    return Handler(lambda _window, page: page.show_tab(index))


TAB_NAMES = ("Goals", "People", "Checklist", "Follow-ups")

PAGE: Page[EventWorkspace] = Page(
    key="event",
    title="Event",
    icon="events",
    under="events",
    build=_build,
    actions=(
        Action(
            "export", "E&xport Checklist to Calendar…", "file", 2.1, ("Ctrl+Shift+E",), edits=False
        ),
        Action("move-up", "M&ove Up", "edit", 2.4, ("Ctrl+Up",)),
        Action("move-down", "Move Do&wn", "edit", 2.5, ("Ctrl+Down",)),
        Action("done", "&Mark Done / Not Done", "edit", 3.0, ("Ctrl+D",)),
        Action("back", "&Back to All Events", "event", 1.1, ("Alt+Left",), edits=False),
        Action("add-goal", "Add &Goal…", "event", 2.0, ("Ctrl+G",)),
        Action("add-item", "Add Checklist &Item…", "event", 2.1, ("Ctrl+Shift+N",)),
        Action("add-people", "&Add People to List…", "event", 2.2, ("Ctrl+Shift+A",)),
        Action("met", "Mark &Met / Not Met", "event", 2.3, ("Ctrl+M",)),
        Action("tier-must", "Pin as M&ust Meet", "event", 4.0, ("Ctrl+Alt+1",)),
        Action("tier-should", "Pin as &Should Meet", "event", 4.1, ("Ctrl+Alt+2",)),
        Action("tier-nice", "Pin as &Nice to Meet", "event", 4.2, ("Ctrl+Alt+3",)),
        Action("tier-skip", "Pin as S&kip", "event", 4.3, ("Ctrl+Alt+4",)),
        Action("tier-auto", "Tier from the S&core", "event", 4.4, ("Ctrl+Alt+0",)),
        Action("researched", "Mark &Researched / Not Researched", "event", 5.0, ("Ctrl+R",)),
        Action("tag", "&Tag People…", "event", 5.1, ("Ctrl+T",)),
        Action("link-goal", "&Link to Goal…", "event", 5.2, ("Ctrl+Shift+L",)),
        Action("accept", "Link to the Suggest&ed Goal", "event", 5.3, ("Ctrl+L",)),
        *(
            Action(f"tab-{n}", name, "event", 3.0 + n / 10, (f"Alt+{n}",), edits=False)
            for n, name in enumerate(TAB_NAMES, start=1)
        ),
    ),
    handlers={
        "edit": Handler(_edit, _chosen, _on_list_text("&Edit Plan…", "&Edit…")),
        "delete": Handler(_delete, _chosen, _on_list_text("Remove from &List", "&Delete")),
        "move-up": Handler(lambda _window, page: _move(page, -1), lambda _w, p: _editable(p)),
        "move-down": Handler(lambda _window, page: _move(page, 1), lambda _w, p: _editable(p)),
        "done": Handler(
            lambda _window, page: page.checklist.toggle_selected(),
            lambda _w, page: _editable(page) and _ordered_tab(page) is page.checklist,
        ),
        "met": Handler(lambda _window, page: page.attendees.toggle_met(), _person),
        "person-details": Handler(_person_details, _person),
        "export": Handler(lambda _window, page: page.checklist.export()),
        "back": Handler(lambda window, _page: window.show_page("events")),
        "add-goal": Handler(_add_goal),
        "add-item": Handler(_add_item),
        "add-people": Handler(_add_people),
        **{f"tab-{n}": _tab(n - 1) for n in range(1, len(TAB_NAMES) + 1)},
        **{key: _pin(tier) for key, tier in TIER_KEYS.items()},
        "researched": _plan(lambda page: page.attendees.toggle_researched()),
        "tag": _plan(lambda page: page.attendees.tag_selected()),
        "link-goal": _plan(lambda page: page.attendees.link_selected()),
        "accept": _plan(lambda page: page.attendees.accept_selected()),
    },
    save=lambda page, settings: save_splitter(settings, "attendees", page.attendees.splitter),
    restore=lambda page, settings: restore_splitter(settings, "attendees", page.attendees.splitter),
    watch=lambda page: (
        page.tabs.currentChanged,
        *(
            tab.table.selectionModel().selectionChanged
            for tab in (page.goals, page.checklist, page.attendees)
        ),
    ),
)
