"""What every window and page of one running app shares: services, undo stack, change signal.

Views never talk to storage; they call services through this context and reload when `changed`
fires, so one edit anywhere refreshes every list that shows it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from planner.services.checklist import ChecklistService
from planner.services.events import EventService
from planner.services.goals import GoalService
from planner.services.workspace import Workspace


class AppContext(QObject):
    changed = Signal()
    failed = Signal(str)  # a user-facing message for an action that could not be done

    def __init__(self, workspace: Workspace, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.settings = settings
        self.events = EventService(workspace)
        self.goals = GoalService(workspace)
        self.checklist = ChecklistService(workspace)
        self.undo_stack = QUndoStack(self)

    def push(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        """Apply an edit through the undo stack (which runs `do` at once)."""
        from planner.gui.commands import Edit

        self.undo_stack.push(Edit(self, text, do, undo))
