"""Tools > Find Duplicate People: the search in the background, then the pairs, merged or said
to be two people, each one undo step."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.domain.model import Person
from planner.gui.main_window import MainWindow
from planner.gui.people.duplicates_dialog import DuplicatesDialog, DuplicatesModel
from planner.gui.people.merge_dialog import MergeDialog
from planner.services.duplicates import find_duplicates, people_by_id
from planner.services.people import add_person
from planner.services.workspace import Workspace


def twins(workspace: Workspace) -> None:
    """Two pairs beside the sample's people: Jonas entered again, Noa misspelt."""
    add_person(
        workspace, Person(full_name="Jonas Lind", email="jl@mail.example", company="Kvist Software")
    )
    add_person(workspace, Person(full_name="Noa Levy", company="Acme Analytics"))


def run_search(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    answer: Callable[[DuplicatesDialog], None],
) -> list[DuplicatesDialog]:
    shown: list[DuplicatesDialog] = []

    def run(dialog: DuplicatesDialog) -> int:
        shown.append(dialog)
        answer(dialog)
        return 0

    monkeypatch.setattr(DuplicatesDialog, "exec", run)
    window.action("duplicates").trigger()
    qtbot.waitUntil(lambda: window.people_editing.search is None, timeout=10_000)
    return shown


def test_the_pairs_model_passes_the_model_tester(
    qtmodeltester: ModelTester, workspace: Workspace
) -> None:
    twins(workspace)
    pairs = find_duplicates(workspace)
    model = DuplicatesModel(
        pairs, people_by_id(workspace, {p.first for p in pairs} | {p.second for p in pairs})
    )
    model.reload()
    assert model.rowCount() == 2
    qtmodeltester.check(model, force_py=True)


def test_a_pair_merged_leaves_the_list_and_undo_splits_it_again(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    twins(workspace)
    count = workspace.repos.people.count()

    def keep_first(dialog: MergeDialog) -> int:
        return 1

    monkeypatch.setattr(MergeDialog, "exec", keep_first)

    def merge_jonas(dialog: DuplicatesDialog) -> None:
        assert dialog.model.rowCount() == 2
        assert "2 pairs" in dialog.summary.text()
        row = next(
            i for i in range(2) if dialog.model.row(i).reason == "same name at the same company"
        )
        dialog.table.selectRow(row)
        dialog.merge_button.click()
        assert dialog.model.rowCount() == 1
        assert dialog.model.row(0).reason == "similar names at the same company"

    assert len(run_search(qtbot, window, monkeypatch, merge_jonas)) == 1
    assert workspace.repos.people.count() == count - 1
    assert [p.email for p in workspace.repos.people.all() if p.full_name == "Jonas Lind"] == [
        "jonas@kvist.example"  # the one on a list was kept, the other's details filled in
    ]
    window.undo_action.trigger()
    assert workspace.repos.people.count() == count


def test_a_pair_said_to_be_two_people_is_not_proposed_again(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    twins(workspace)

    def not_the_same(dialog: DuplicatesDialog) -> None:
        dialog.table.selectAll()
        dialog.dismiss_button.click()
        assert dialog.model.rowCount() == 0
        assert "Nothing left" in dialog.summary.text()
        assert not dialog.merge_button.isEnabled()

    run_search(qtbot, window, monkeypatch, not_the_same)
    assert window.undo_action.text() == "&Undo Not the Same: 2 Pairs"
    assert find_duplicates(workspace) == []
    window.undo_action.trigger()
    assert len(find_duplicates(workspace)) == 2


def test_with_nobody_twice_the_search_says_so(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []

    def tell(box: QMessageBox) -> int:
        told.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", tell)
    shown = run_search(qtbot, window, monkeypatch, lambda dialog: None)
    assert shown == []
    assert told == ["Nobody in your network looks entered twice."]


def test_markup_in_a_name_is_shown_as_typed(qtbot: QtBot, workspace: Workspace) -> None:
    add_person(workspace, Person(full_name="<b>Ana</b> Duarte", company="Atlas"))
    add_person(workspace, Person(full_name="<b>Ana</b> Duarte", company="Atlas"))
    pairs = find_duplicates(workspace)
    people = people_by_id(workspace, {pairs[0].first, pairs[0].second})
    dialog = DuplicatesDialog(pairs, people, lambda *a: None, lambda p: True)
    qtbot.addWidget(dialog)
    assert dialog.model.data(dialog.model.index(0, 0)) == "<b>Ana</b> Duarte  (Atlas)"
    assert dialog.model.data(dialog.model.index(0, 0), Qt.ItemDataRole.ToolTipRole) is None
