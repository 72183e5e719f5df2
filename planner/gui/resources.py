"""Where the app's icons live: the top-level resources/ folder of the source tree."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from planner.services.resources import RESOURCES


@cache
def icon(name: str) -> QIcon:
    """An icon from resources/icons; a null icon (never an error) if the file is missing."""
    return QIcon(str(RESOURCES / "icons" / f"{name}.svg"))
