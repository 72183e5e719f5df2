"""Text typed in the window keeps no invisible direction controls, as on the command line."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from planner.gui.events.checklist_view import ItemDialog
from planner.gui.events.goals_view import GoalDialog
from planner.gui.main_window import MainWindow
from planner.services.sample import UPCOMING_NAME
from planner.services.workspace import Workspace

RLO, PDF = "\u202e", "\u202c"  # right-to-left override, and the end of it


def test_a_goal_typed_with_direction_controls_is_kept_without_them(
    window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = next(e for e in workspace.repos.events.all() if e.name == UPCOMING_NAME)
    assert event.id is not None
    window.open_event(event.id)
    refused: list[bool] = []

    def fill(dialog: GoalDialog) -> int:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.text.setText(f"{RLO}\u2066{PDF}")  # setText: keyClicks aborts on non-ASCII
        refused.append(not ok.isEnabled())
        dialog.text.setText(f"Meet 3 {RLO}srotsevni{PDF}")
        dialog.keywords.setText(f"fin{RLO}tech, \u2067seed\u2069")
        return 1

    monkeypatch.setattr(GoalDialog, "exec", fill)
    window.action("add-goal").trigger()
    added = workspace.repos.goals.for_event(event.id)[-1]
    assert refused == [True]  # direction controls alone are no goal
    assert (added.text, added.keywords) == ("Meet 3 srotsevni", ("fintech", "seed"))


def test_a_checklist_item_typed_with_direction_controls_is_kept_without_them(
    window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = next(e for e in workspace.repos.events.all() if e.name == UPCOMING_NAME)
    assert event.id is not None
    window.open_event(event.id)

    def fill(dialog: ItemDialog) -> int:
        dialog.text.setText(f"Print {RLO}sdrac{PDF}")
        return 1

    monkeypatch.setattr(ItemDialog, "exec", fill)
    window.action("add-item").trigger()
    texts = [item.text for item in workspace.repos.checklist.for_event(event.id)]
    assert "Print sdrac" in texts
    assert not any(RLO in text for text in texts)
