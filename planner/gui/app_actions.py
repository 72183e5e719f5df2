"""The actions that belong to the window rather than to one page, and what each does when the
page in view does not handle it: New Event, Import, Find, the Tools and the Help menu.

Pages add their own actions (gui/<area>/page.py) and may handle any of these while in view
(the events list handles Edit and Delete; People and Follow-ups handle Find).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtGui import QAction, QKeySequence

from planner.gui.common.page import Action, Handler, Window

if TYPE_CHECKING:
    from pathlib import Path

    from planner.domain.ids import EventId
    from planner.domain.model import Event
    from planner.gui.common.lists import ListPage

KEY = QKeySequence.StandardKey

ACTIONS = (
    Action("new-event", "&New Event…", "file", 1.0, (KEY.New,)),
    Action("new-person", "New &Person…", "file", 1.1, ("Ctrl+Shift+P",)),
    Action("import", "&Import Attendees…", "file", 2.0, ("Ctrl+I",)),
    Action("remove-sample", "Remove &Sample Data…", "file", 3.0),
    Action("quit", "&Quit", "file", 4.0, ("Ctrl+Q",), edits=False, role=QAction.MenuRole.QuitRole),
    # Undo and Redo come first in the Edit menu (the window makes them from the undo stack).
    Action("edit", "&Edit…", "edit", 2.0, ("Ctrl+E",)),
    Action("delete", "&Delete", "edit", 2.3, (KEY.Delete,)),
    Action("find", "&Find…", "edit", 4.0, (KEY.Find,), edits=False),
    Action("routine", "Checklist &Routine…", "tools", 1.0, ("Ctrl+Shift+R",)),
    Action("duplicates", "Find &Duplicate People…", "tools", 1.1, ("Ctrl+Shift+F",)),
    Action("shortcuts", "&Keyboard Shortcuts", "help", 1.0, ("F1", "Ctrl+/"), edits=False),
    Action("guide", "How to &Prepare for an Event", "help", 1.1, ("Shift+F1",), edits=False),
    Action("about", "&About %1", "help", 2.0, edits=False, role=QAction.MenuRole.AboutRole),
)


def event_in_view(window: Window) -> Event | None:
    """The event open, or else the one selected in the events list (not built to find out)."""
    from planner.gui.events.event_workspace import EventWorkspace
    from planner.gui.events.events_page import EventsPage

    opened = window.in_view("event")
    if opened is not None:
        return cast(EventWorkspace, opened).shown_event
    events = window.built("events")
    return None if events is None else cast(EventsPage, events).selected_event()


def _event_id(window: Window) -> EventId | None:
    event = event_in_view(window)
    return None if event is None else event.id


def new_event(window: Window) -> None:
    from planner.gui.events.editing import new_event as ask

    event_id = ask(window.context, window.parent_widget())
    if event_id is not None:
        window.open_event(event_id)


def new_person(window: Window) -> None:
    """Add someone by hand, then show them on the People page."""
    from planner.gui.people.people_page import PeoplePage

    person_id = window.people_editing.add()
    if person_id is not None:
        window.show_page("people")
        cast(PeoplePage, window.page("people")).select_when_shown(person_id)


def import_attendees(window: Window) -> None:
    window.importer.choose_file(_event_id(window))


def import_file(window: Window, path: Path) -> None:
    """Import `path` into the event in view (the dialog lets the user choose another): a
    file dropped on the window, or given on the command line (`planner FILE`)."""
    reason = window.context.workspace.read_only
    if reason is not None:  # said before the import dialog, not after it
        from planner.storage.errors import OpenedReadOnlyError

        window.show_failure(str(OpenedReadOnlyError(reason)))
        return
    window.importer.start(path, _event_id(window))


def remove_sample(window: Window) -> None:
    from planner.gui.events.editing import remove_sample_data

    remove_sample_data(window.context, window.parent_widget(), window.say)


def review_duplicates(window: Window, event_id: int | None = None) -> None:
    """The possible duplicates an import left in an event (by default the one in view)."""
    from planner.domain.ids import EventId
    from planner.gui.common.widgets import exec_once
    from planner.gui.events.tabs import PEOPLE
    from planner.gui.importing.review_dialog import ReviewDialog

    chosen = EventId(event_id) if event_id is not None else _event_id(window)
    if chosen is None:
        return
    if window.in_view("event") is None:
        window.open_event(chosen, PEOPLE)
    exec_once(ReviewDialog(window.context, chosen, window.parent_widget()))


def find(window: Window) -> None:
    """Pages with a filter handle Find themselves; from anywhere else it goes to People's."""
    window.show_page("people")
    cast("ListPage", window.page("people")).focus_filter()


def edit_routine(window: Window) -> None:
    from planner.gui.common.widgets import exec_once
    from planner.gui.events.routine_dialog import RoutineDialog

    exec_once(RoutineDialog(window.context, window.parent_widget()))


def show_help(window: Window, sheet: str) -> None:
    """The shortcut sheet (made from the menus as they are) or the preparation guide."""
    from planner.gui.common.widgets import exec_once
    from planner.gui.help_dialogs import guide_dialog, shortcuts_dialog

    parent = window.parent_widget()
    if sheet == "guide":
        exec_once(guide_dialog(parent))
    else:
        exec_once(shortcuts_dialog(parent, parent.menuBar()))  # type: ignore[attr-defined]


def show_about(window: Window) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from planner import APP_NAME, __version__

    def tr(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)

    QMessageBox.about(
        window.parent_widget(),
        tr("About %1").replace("%1", APP_NAME),
        tr(
            "<h3>%1 %2</h3><p>Prepare for events, meet the right people and follow up, "
            "with everything kept on your own computer.</p>"
        )
        .replace("%1", APP_NAME)
        .replace("%2", __version__),
    )


def handlers(has_sample: Callable[[], bool]) -> dict[str, Handler[Any]]:
    """What the window-wide actions do wherever no page handles them; `has_sample` says
    whether there is sample data to remove."""

    def on(run: Callable[[Window], object]) -> Handler[Any]:
        return Handler(lambda window, _page: run(window))

    return {
        "new-event": on(new_event),
        "new-person": on(new_person),
        "import": on(import_attendees),
        "remove-sample": Handler(
            lambda window, _page: remove_sample(window), lambda _window, _page: has_sample()
        ),
        "quit": on(lambda window: window.parent_widget().close()),
        "find": on(find),
        "routine": on(edit_routine),
        "duplicates": on(lambda window: window.people_editing.find_duplicates()),
        "shortcuts": on(lambda window: show_help(window, "shortcuts")),
        "guide": on(lambda window: show_help(window, "guide")),
        "about": on(show_about),
    }
