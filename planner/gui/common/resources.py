"""Where the app's icons live: the top-level resources/ folder of the source tree."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from planner.services.resources import RESOURCES


def icon(name: str) -> QIcon:
    """An icon from resources/icons; a null icon (never an error) if the file is missing.

    Not cached at module level: a QIcon that outlives the QApplication crashes the
    interpreter when it is finally freed at exit."""
    return QIcon(str(RESOURCES / "icons" / f"{name}.svg"))
