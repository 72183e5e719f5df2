"""The strip across the top of the window when the data opened read-only (a read-only folder,
a full disk): it says, before the user types anything, that changes cannot be saved, why, and
what to do. Each edit tried meanwhile is refused with the same reason
(planner.gui.common.operations)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QMainWindow, QVBoxLayout, QWidget

from planner.services.workspace import Workspace

STYLE = """
QFrame#readOnlyBanner { background: #fde7e4; border-bottom: 1px solid #f2b8b0; }
QLabel#readOnlyTitle { color: #8c1d13; font-weight: 600; }
QLabel#readOnlyDetail { color: #5c1a12; }
"""


def tr(text: str) -> str:
    return QCoreApplication.translate("ReadOnlyBanner", text)


class ReadOnlyBanner(QFrame):
    def __init__(self, problem: str, advice: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet(STYLE)
        self.title = QLabel(tr("Read-only: changes cannot be saved"))
        self.title.setObjectName("readOnlyTitle")
        # Plain text: the reason names a folder, which may hold "<" or "&".
        self.detail = QLabel(
            tr("%1. %2, then start Networking Planner again.")
            .replace("%1", problem[:1].upper() + problem[1:])
            .replace("%2", advice[:1].upper() + advice[1:])
        )
        self.detail.setObjectName("readOnlyDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        self.setAccessibleName(self.title.text())
        self.setAccessibleDescription(self.detail.text())


def add_read_only_banner(window: QMainWindow, workspace: Workspace) -> ReadOnlyBanner | None:
    """Put the banner above the window's central widget when `workspace` cannot save."""
    reason = workspace.read_only
    if reason is None:
        return None
    central = window.takeCentralWidget()
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    banner = ReadOnlyBanner(reason.problem, reason.advice, holder)
    layout.addWidget(banner)
    if central is not None:
        layout.addWidget(central, 1)
    window.setCentralWidget(holder)
    return banner
