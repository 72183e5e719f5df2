"""The window fits the screen it opens on, and no message makes it wider."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from pytestqt.qtbot import QtBot

from planner.app import build_window, open_workspace
from planner.gui.main_window import MainWindow
from planner.gui.window_size import PREFERRED, first_geometry
from planner.services.sample import UPCOMING_NAME
from planner.services.workspace import Workspace

LONG_PATH = "/home/someone/" + "a-folder-with-a-long-name/" * 12 + "Fintech checklist.ics"


def test_the_first_size_fits_a_laptop_screen() -> None:
    laptop = QRect(0, 0, 1024, 768)
    frame = first_geometry(laptop)
    assert laptop.contains(frame)
    assert frame.width() <= 1024 - 16 and frame.height() <= 768 - 40  # room for the frame
    assert frame.center() == laptop.center()


def test_a_large_screen_gets_the_preferred_size_centred() -> None:
    screen = QRect(1920, 0, 2560, 1400)  # a second monitor, right of the first
    frame = first_geometry(screen)
    assert frame.size() == PREFERRED
    assert screen.contains(frame)


def test_the_window_opens_within_the_screen_the_first_time(qtbot: QtBot, tmp_path: Path) -> None:
    workspace = open_workspace(tmp_path / "data", demo=False)
    try:
        window = build_window(workspace)  # no geometry saved yet
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        available = window.screen().availableGeometry()
        assert available.width() < PREFERRED.width()  # the test screen is the narrow one
        assert available.contains(window.geometry())
        window.close()
    finally:
        workspace.close()


def test_the_checklist_export_message_is_cut_short_not_widening_the_window(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    event = workspace.repos.events.find(UPCOMING_NAME)[0]
    assert event.id is not None
    window.resize(1000, 700)
    window.open_event(event.id, window.page("event").CHECKLIST)
    qtbot.wait(1)
    checklist = window.page("event").checklist
    message = f"Exported 18 open items to {LONG_PATH}"
    checklist.progress.setText(message)
    qtbot.wait(50)  # the layout's requests are handled
    assert window.width() == 1000
    assert window.minimumSizeHint().width() <= 1000
    assert checklist.progress.text() == message  # whole in its tooltip and to a screen reader
