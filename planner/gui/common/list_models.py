"""What the lists' table models share: the colour of sample rows, the translation context,
and reading a long list on a worker's own connection."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from planner.services.workspace import Target, Workspace

SAMPLE_COLOUR = QColor("#7a5c00")


Row = TypeVar("Row")


def tr(text: str) -> str:
    return QCoreApplication.translate("models", text)


def elsewhere(workspace: Workspace, read: Callable[[Target], list[Row]]) -> Callable[[], list[Row]]:
    """`read` for a worker thread: over a connection of its own, closed afterwards."""

    def load() -> list[Row]:
        db = workspace.second_connection()
        try:
            return read(db)
        finally:
            db.close()

    return load
