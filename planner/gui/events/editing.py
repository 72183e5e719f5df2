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
    from planner.gui.common.commands import AddEventCommand
    from planner.gui.events.event_dialog import EventDialog

    dialog = EventDialog(parent)
    if not exec_once(dialog):
        return None
    command = AddEventCommand(context, dialog.event_value())
    context.undo_stack.push(command)
    return command.event_id


def edit_event(context: AppContext, parent: QWidget, event: Event) -> None:
    from planner.gui.common.commands import EditEventCommand
    from planner.gui.events.event_dialog import EventDialog

    dialog = EventDialog(parent, event)
    if exec_once(dialog):
        after = dialog.event_value()
        if after != event:
            context.undo_stack.push(EditEventCommand(context, event, after))


def delete_event(context: AppContext, event: Event, say: Callable[[str], None]) -> None:
    """Delete the event and what belongs to it; `say` tells the user how to undo it."""
    from planner.gui.common.commands import DeleteEventCommand

    context.undo_stack.push(DeleteEventCommand(context, event))
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
    remove_sample(context.workspace)
    # Older undo steps may point at sample rows that no longer exist.
    context.undo_stack.clear()
    context.changed.emit(Changed.everything())
    say(tr("Sample data removed."))
