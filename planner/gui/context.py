"""What every window and page of one running app shares: services, undo stack, change signal.

Views never talk to storage; they call services through this context and reload when `changed`
fires, so one edit anywhere refreshes every list that shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from planner.services.checklist import ChecklistService
from planner.services.events import EventService
from planner.services.goals import GoalService
from planner.services.workspace import Workspace


class AppContext(QObject):
    changed = Signal(object)  # a services.changes.Changed: what an edit changed
    failed = Signal(str)  # a user-facing message for an action that could not be done

    def __init__(self, workspace: Workspace, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.settings = settings
        self.events = EventService(workspace)
        self.goals = GoalService(workspace)
        self.checklist = ChecklistService(workspace)
        self.undo_stack = QUndoStack(self)

    @property
    def writable(self) -> bool:
        """False when the data opened read-only (a read-only folder, a full disk): every edit
        is then disabled, so that nobody types into a dialog whose result cannot be saved."""
        return self.workspace.read_only is None

    def read_only_tip(self) -> str:
        """Why an edit is disabled, for its tooltip and status tip ("" when it is not)."""
        reason = self.workspace.read_only
        if reason is None:
            return ""
        return QCoreApplication.translate("AppContext", "Changes cannot be saved: %1.").replace(
            "%1", reason.problem
        )

    def disable_when_read_only(self, *widgets: QWidget) -> None:
        """Disable buttons that edit, with the reason as their tooltip, in read-only data."""
        if self.writable:
            return
        for widget in widgets:
            widget.setEnabled(False)
            widget.setToolTip(self.read_only_tip())
