"""Undoable edits. Each command calls a service and then announces the change.

A storage error inside redo/undo (say, the row vanished) marks the command obsolete and reports
the message instead of leaving the stack pointing at an edit that did not happen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QWidget

from planner.domain.ids import EventId
from planner.domain.model import Event
from planner.domain.rules import ValidationError
from planner.gui.common.tasks import write_waiting
from planner.gui.context import AppContext
from planner.services.changes import Changed
from planner.storage.errors import StorageError
from planner.storage.events import EventSnapshot

T = TypeVar("T")
S = TypeVar("S")


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


MAX_MENU_TEXT = 40
"""The most characters of a command's text shown after "Undo" and "Redo": a checklist item
or a goal is a sentence, and the whole of it would make the Edit menu as wide as itself."""


def menu_text(text: str) -> str:
    """`text` on one line and cut short with "…" past MAX_MENU_TEXT characters, keeping
    the closing quote of a quoted name ("Edit “Send a short note to…”")."""
    line = " ".join(text.split())
    if len(line) <= MAX_MENU_TEXT:
        return line
    quoted = line.endswith("”")
    return line[: MAX_MENU_TEXT - 1 - quoted].rstrip() + "…" + ("”" if quoted else "")


class _ContextCommand(QUndoCommand):
    def __init__(self, context: AppContext, text: str) -> None:
        # The text becomes the Undo and Redo menu items', where "&" marks the access key:
        # "R&D Day" would read "RD Day" with the D underlined.
        super().__init__(menu_text(text).replace("&", "&&"))
        self.context = context

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except (StorageError, ValidationError) as exc:
            self.setObsolete(True)
            self.context.failed.emit(str(exc))
        self.context.changed.emit(Changed.everything())


class AddEventCommand(_ContextCommand):
    def __init__(self, context: AppContext, event: Event) -> None:
        super().__init__(context, tr("Add “%1”").replace("%1", event.name.strip()))
        self._event = event
        self._snapshot: EventSnapshot | None = None
        self.event_id: EventId | None = None

    def redo(self) -> None:
        def action() -> None:
            if self._snapshot is None:
                self.event_id = self.context.events.create(self._event).id
            else:
                self.context.events.restore(self._snapshot)

        self._run(action)

    def undo(self) -> None:
        def action() -> None:
            assert self.event_id is not None
            self._snapshot = self.context.events.delete(self.event_id)

        self._run(action)


class EditEventCommand(_ContextCommand):
    def __init__(self, context: AppContext, before: Event, after: Event) -> None:
        super().__init__(context, tr("Edit “%1”").replace("%1", after.name.strip()))
        self._before = before
        self._after = after

    def redo(self) -> None:
        self._run(lambda: self.context.events.update(self._after))

    def undo(self) -> None:
        self._run(lambda: self.context.events.update(self._before))


class DeleteEventCommand(_ContextCommand):
    def __init__(self, context: AppContext, event: Event) -> None:
        super().__init__(context, tr("Delete “%1”").replace("%1", event.name))
        assert event.id is not None
        self._event_id = event.id
        self._name = event.name
        self._snapshot: EventSnapshot | None = None

    def redo(self) -> None:
        from planner.services.events import delete_event
        from planner.services.listings import attendee_count

        def action() -> None:
            event_id = self._event_id
            rows = attendee_count(self.context.workspace, event_id)
            label = tr("Deleting “%1”…").replace("%1", self._name)
            self._snapshot = write_waiting(
                self._window(),
                label,
                self.context.workspace,
                rows,
                lambda target: delete_event(target, event_id),
            )

        self._run(action)

    def undo(self) -> None:
        from planner.services.events import restore_event, snapshot_rows

        def action() -> None:
            snapshot = self._snapshot
            assert snapshot is not None
            label = tr("Putting “%1” back…").replace("%1", self._name)
            write_waiting(
                self._window(),
                label,
                self.context.workspace,
                snapshot_rows(snapshot),
                lambda target: restore_event(target, snapshot),
            )

        self._run(action)

    @staticmethod
    def _window() -> QWidget | None:
        return QApplication.activeWindow()


class Edit(_ContextCommand):
    """Any edit given as a pair of functions: `do` applies it (again), `undo` takes it back.

    Most edits are small (tick an item, reorder goals); writing each as a closure pair keeps
    them next to the code that offers them instead of a class per edit.
    """

    def __init__(
        self,
        context: AppContext,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
    ) -> None:
        super().__init__(context, text)
        self._do = do
        self._undo = undo

    def redo(self) -> None:
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)


class Lifecycle(Generic[T, S]):
    """Undo/redo functions for creating or deleting one thing.

    Creating: `do` creates the first time and restores the snapshot afterwards; `undo`
    deletes and keeps the snapshot. Deleting is the same pair the other way round, so a
    re-created thing keeps its id and everything that pointed at it.
    """

    def __init__(
        self,
        create: Callable[[], T],
        delete: Callable[[T], S],
        restore: Callable[[S], T],
    ) -> None:
        self._create = create
        self._delete = delete
        self._restore = restore
        self.value: T | None = None
        self._snapshot: S | None = None

    def bring(self) -> None:
        self.value = self._create() if self._snapshot is None else self._restore(self._snapshot)

    def remove(self) -> None:
        assert self.value is not None
        self._snapshot = self._delete(self.value)
