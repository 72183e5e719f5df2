"""The undo stack's one kind of step: the rows an edit changed, put back or written again.

Every undoable edit, whatever it edits, ends as the rows it changed (services/undo.py): undo
writes them as they were, redo as the edit left them. The edit itself has already written
them when its step is pushed, so the first redo (which QUndoStack.push runs) does nothing.
A replay the rows no longer allow (someone changed them since) or the disk refuses marks the
step obsolete and reports why instead of leaving the stack pointing at an edit that did not
happen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from planner.domain.rules import ValidationError
from planner.gui.common.waiting import run_waiting
from planner.gui.context import AppContext
from planner.services.changes import Changed
from planner.services.undo import Steps, changed_rows, steps_of
from planner.storage.errors import StorageError


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


MAX_MENU_TEXT = 40
"""The most characters of a step's text shown after "Undo" and "Redo": a checklist item
or a goal is a sentence, and the whole of it would make the Edit menu as wide as itself."""


def menu_text(text: str) -> str:
    """`text` on one line and cut short with "…" past MAX_MENU_TEXT characters, keeping
    the closing quote of a quoted name ("Edit “Send a short note to…”")."""
    line = " ".join(text.split())
    if len(line) <= MAX_MENU_TEXT:
        return line
    quoted = line.endswith("”")
    return line[: MAX_MENU_TEXT - 1 - quoted].rstrip() + "…" + ("”" if quoted else "")


def changed_by(changes: Steps) -> Changed:
    """What replaying `changes` changes, for the `changed` signal."""
    steps = steps_of(changes)
    if not steps:
        return Changed(frozenset())
    result = Changed.of(steps[0])
    for step in steps[1:]:
        result = result | Changed.of(step)
    return result


class ChangeCommand(QUndoCommand):
    """One edit on the undo stack, as the rows it changed.

    `waiting`: what the app says while a long replay (undo, redo) runs on a worker;
    `then(undone)`: what the view that made the edit does after each replay (select a row).
    """

    def __init__(
        self,
        context: AppContext,
        text: str,
        changes: Steps,
        *,
        changed: Changed | None = None,
        waiting: tuple[str, str] | None = None,
        then: Callable[[bool], None] | None = None,
    ) -> None:
        # The text becomes the Undo and Redo menu items', where "&" marks the access key:
        # "R&D Day" would read "RD Day" with the D underlined.
        super().__init__(menu_text(text).replace("&", "&&"))
        self.context = context
        self.changes = changes
        self._changed = changed if changed is not None else changed_by(changes)
        self._waiting = waiting
        self._then = then
        self._written = True  # by the edit, before the step was pushed

    def redo(self) -> None:
        if self._written:
            self._written = False
            return
        self._replay(undone=False)

    def undo(self) -> None:
        self._replay(undone=True)

    def _replay(self, *, undone: bool) -> None:
        from planner.services.undo import redo_changes, undo_changes

        changes = self.changes
        write = undo_changes if undone else redo_changes
        if self._waiting is None:
            label = tr("Undoing “%1”…") if undone else tr("Redoing “%1”…")
            label = label.replace("%1", self.text().replace("&&", "&"))
        else:
            label = self._waiting[1] if undone else self._waiting[0]
        try:
            run_waiting(
                QApplication.activeWindow(),
                label,
                self.context.workspace,
                changed_rows(changes),
                lambda target: write(target, changes),
            )
        except (StorageError, ValidationError) as exc:
            self.setObsolete(True)
            self.context.failed.emit(str(exc))
        else:
            if self._then is not None:
                self._then(undone)
        self.context.changed.emit(self._changed)
