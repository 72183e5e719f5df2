"""The main window's size the first time it opens, before the user has given it one."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

PREFERRED = QSize(1200, 760)
"""Enough for the lists and the details beside them, on a screen that has the room."""

FRAME_ALLOWANCE = QSize(16, 40)
"""Kept free around the window for the title bar and borders the window manager adds, which
the window's own size does not include."""


def first_geometry(available: QRect) -> QRect:
    """The window's first geometry on a screen whose free area (without panels and docks)
    is `available`: the preferred size where it fits, else as much of the screen as the
    window's frame leaves, centred, so no button and no status bar is out of sight."""
    width = min(PREFERRED.width(), available.width() - FRAME_ALLOWANCE.width())
    height = min(PREFERRED.height(), available.height() - FRAME_ALLOWANCE.height())
    frame = QRect(0, 0, max(width, 1), max(height, 1))
    frame.moveCenter(available.center())
    return frame
