"""Adding, editing and deleting events, each one undo step; and removing the sample data."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from planner.domain.ids import EventId
from planner.domain.model import Event
from planner.gui.common.widgets import exec_once
from planner.gui.context import AppContext
from planner.services.changes import Changed


def tr(text: str) -> str:
    return QCoreApplication.translate("events", text)


def new_event(context: AppContext, parent: QWidget) -> EventId | None:
    """Ask for a new event and add it; its id, or None when the user cancelled."""
    from planner.gui.events.event_dialog import EventDialog

    dialog = EventDialog(parent)
    if not exec_once(dialog):
        return None
    return add_event(context, dialog.event_value())


def add_event(context: AppContext, event: Event) -> EventId | None:
    """Add the event (with its checklist from the routine), one undo step; its id, or None
    when it could not be saved (the reason was reported)."""
    from planner.gui.common.operations import Operation

    created = (
        Operation(context, lambda target: context.events.create(event))
        .undoable(tr("Add “%1”").replace("%1", event.name.strip()))
        .run()
    )
    return None if created is None else created.id


def edit_event(context: AppContext, parent: QWidget, event: Event) -> None:
    from planner.gui.common.operations import Operation
    from planner.gui.events.event_dialog import EventDialog

    dialog = EventDialog(parent, event)
    if exec_once(dialog):
        after = dialog.event_value()
        if after != event:
            Operation(context, lambda target: context.events.update(after)).undoable(
                tr("Edit “%1”").replace("%1", after.name.strip())
            ).run()


def delete_event(context: AppContext, event: Event, say: Callable[[str], None]) -> None:
    """Delete the event and what belongs to it; `say` tells the user how to undo it. A
    conference's list of 100,000 people is deleted (and put back) on a worker."""
    from planner.gui.common.operations import Operation
    from planner.services import events

    event_id = event.id
    assert event_id is not None
    rows = events.attendee_count(context.workspace, event_id)
    deleting = tr("Deleting “%1”…").replace("%1", event.name)
    Operation(context, lambda target: events.remove_event(target, event_id)).undoable(
        tr("Delete “%1”").replace("%1", event.name),
        waiting=(deleting, tr("Putting “%1” back…").replace("%1", event.name)),
    ).long(deleting, rows).run()
    say(tr("Deleted “%1”. Undo with Ctrl+Z.").replace("%1", event.name))


def remove_sample_data(context: AppContext, parent: QWidget, say: Callable[[str], None]) -> None:
    from PySide6.QtWidgets import QMessageBox

    from planner.services.sample import remove_sample

    answer = QMessageBox.question(
        parent,
        tr("Remove Sample Data"),
        tr(
            "Remove the sample events and the invented people in them? "
            "Your own events and people stay as they are."
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    from planner.gui.common.operations import Operation

    def removed(_: object) -> None:
        say(tr("Sample data removed."))

    def remove(target: object) -> None:  # quick, and so here: the stack may be cleared
        remove_sample(context.workspace)
        # Older undo steps may point at sample rows that no longer exist.
        context.undo_stack.clear()

    Operation(context, remove).announcing(Changed.everything()).success(removed).run()
