"""GUI fixtures: a real data folder on disk, the app context over it, and the main window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from planner.app import build_window, open_workspace
from planner.gui.context import AppContext
from planner.gui.main_window import MainWindow
from planner.services.workspace import Workspace


@pytest.fixture(autouse=True)
def _no_unexpected_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the run; fail the test instead.

    Tests that expect a dialog patch `exec` (or the static helper) themselves.
    """

    def refuse(dialog: QDialog) -> int:
        pytest.fail(f"unexpected modal dialog: {dialog.windowTitle()!r}: {dialog!r}")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path / "data", demo=False)
    yield ws
    ws.close()


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> Iterator[MainWindow]:
    win = build_window(workspace)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def context(window: MainWindow) -> AppContext:
    return window.context


@pytest.fixture
def now() -> datetime:
    return datetime.now(UTC)
