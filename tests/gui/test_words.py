"""What the window says: plurals that agree with their number, menus that stay narrow, numbers
explained, the sample counted, and an import's report naming where the people went."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMenu
from pytestqt.qtbot import QtBot

from planner.domain.ids import EventId
from planner.domain.importing import ImportReport
from planner.gui.common.formatting import tr_n
from planner.gui.common.undo import ChangeCommand
from planner.gui.events.goals_view import GoalDialog
from planner.gui.importing.controller import ReportDialog
from planner.gui.main_window import MainWindow
from planner.services.changes import Changed
from planner.services.people import delete_person
from planner.services.sample import UPCOMING_NAME
from planner.services.workspace import Workspace

CSV = (
    "First Name,Last Name,Email\r\n"
    "Ana,Sousa,ana@example.org\r\n"
    "Ana,Sousa,ana@example.org\r\n"  # the same person twice: one row merged
)


def labels_of(widget: object) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))  # type: ignore[attr-defined]


def test_plural_forms_agree_with_their_number() -> None:
    assert tr_n("t", "%n rows merged", 1, one="%n row merged") == "1 row merged"
    assert tr_n("t", "%n rows merged", 0, one="%n row merged") == "0 rows merged"
    assert tr_n("t", "%n rows merged", 12_345, one="%n row merged") == "12,345 rows merged"


def test_a_translation_chooses_its_own_plural_form(monkeypatch: pytest.MonkeyPatch) -> None:
    def polish(context: str, text: str, disambiguation: object = None, n: int = -1) -> str:
        forms = {1: "%n wiersz", 2: "%n wiersze", 5: "%n wierszy"}
        return forms[n].replace("%n", str(n))

    monkeypatch.setattr(QCoreApplication, "translate", polish)
    assert [tr_n("t", "%n rows", n, one="%n row") for n in (1, 2, 5)] == [
        "1 wiersz",
        "2 wiersze",
        "5 wierszy",
    ]


def test_a_goals_target_of_one_is_one_person(qtbot: QtBot) -> None:
    dialog = GoalDialog(EventId(1))
    qtbot.addWidget(dialog)
    dialog.target.setValue(1)
    assert dialog.target.text() == "1 person"
    dialog.target.setValue(3)
    assert dialog.target.text() == "3 people"


def test_a_goals_priority_is_explained(qtbot: QtBot) -> None:
    dialog = GoalDialog(EventId(1))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.priority.value() == 0
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert any("0 most" in text for text in shown)


def test_the_report_of_one_merged_row_says_row(qtbot: QtBot) -> None:
    report = ImportReport("x.csv", None, "utf-8", rows=1, added=0, updated=1, merged=1)
    dialog = ReportDialog(report, event_name="Fintech Forward Summit")
    qtbot.addWidget(dialog)
    text = labels_of(dialog)
    assert "1 row read from x.csv" in text
    assert "1 known person updated, 1 row merged with someone known" in text
    assert "1 rows" not in text and "1 people" not in text


def test_the_undo_entry_of_a_long_checklist_item_is_cut_short(window: MainWindow) -> None:
    edit_menu = next(
        menu for menu in window.menuBar().findChildren(QMenu) if menu.title() == "&Edit"
    )
    window.context.undo_stack.push(ChangeCommand(window.context, "Edit “Bring cards”", ()))
    short = edit_menu.sizeHint().width()
    item = (
        "Send a short note to your must-meet people suggesting a time to talk, and say "
        "what you would like to hear about from each of them"
    )
    window.context.undo_stack.push(ChangeCommand(window.context, f"Edit “{item}”", ()))
    text = window.undo_action.text().replace("&", "")
    assert text.startswith("Undo Edit “Send a short note") and text.endswith("…”")
    assert len(text) < 60
    assert edit_menu.sizeHint().width() < short + 200  # the item's whole text: 700 px more


def test_the_sample_banner_counts_what_is_there(window: MainWindow, workspace: Workspace) -> None:
    banner = window.page("home").banner
    events, people = workspace.repos.events.sample_size()
    assert (events, people) == (2, 10)
    assert "2 events and 10 invented people" in banner.text.text()
    someone = next(p for p in workspace.repos.people.all() if p.is_sample)
    assert someone.id is not None
    delete_person(workspace, someone.id)
    window.context.changed.emit(Changed.everything())
    assert "2 events and 9 invented people" in banner.text.text()


def test_an_import_shows_the_event_it_went_into_and_its_report_names_it(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from planner.gui.importing.import_dialog import ImportDialog

    path = tmp_path / "attendees.csv"
    path.write_text(CSV, encoding="utf-8")
    event = workspace.repos.events.find(UPCOMING_NAME)[0]
    monkeypatch.setattr(ImportDialog, "exec", lambda dialog: 1)
    seen: list[tuple[str, object, int]] = []

    def read(dialog: ReportDialog) -> int:  # the window behind the report, and the report
        shown = window.pages.currentWidget()
        seen.append((labels_of(dialog), shown, window.page("event").tabs.currentIndex()))
        return 1

    monkeypatch.setattr(ReportDialog, "exec", read)
    window.show_page("home")  # no event in view: the import goes to the next one
    window.importer.start(path, None)
    qtbot.waitUntil(lambda: not window.importer.busy, timeout=20_000)  # reading
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)  # importing
    ((text, shown, tab),) = seen
    assert f"1 person put on the list of “{UPCOMING_NAME}”" in text
    assert shown is window.page("event")
    assert window.page("event").event_id == event.id
    assert tab == window.page("event").PEOPLE


def test_an_import_into_the_event_in_view_loads_its_tabs_once(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The import's change reloads the event in view; showing it again after the report must
    not load its checklist and lists a second time (200 ms at 133,000 attendees)."""
    from planner.gui.events.checklist_view import ChecklistTab
    from planner.gui.importing.import_dialog import ImportDialog

    path = tmp_path / "attendees.csv"
    path.write_text(CSV, encoding="utf-8")
    event = workspace.repos.events.find(UPCOMING_NAME)[0]
    assert event.id is not None
    window.open_event(event.id, window.page("event").GOALS)
    monkeypatch.setattr(ImportDialog, "exec", lambda dialog: 1)
    reported: list[int] = []
    monkeypatch.setattr(ReportDialog, "exec", lambda dialog: reported.append(1) or 1)
    loads: list[int] = []
    original = ChecklistTab.refresh

    def counted(tab: ChecklistTab) -> None:
        loads.append(1)
        original(tab)

    monkeypatch.setattr(ChecklistTab, "refresh", counted)
    window.importer.start(path, event.id)
    qtbot.waitUntil(lambda: bool(reported) and not window.importer.busy, timeout=20_000)
    assert window.pages.currentWidget() is window.page("event")
    assert window.page("event").tabs.currentIndex() == window.page("event").PEOPLE
    assert len(loads) <= 1


def test_no_two_entries_of_a_menu_share_an_access_key(window: MainWindow) -> None:
    import re

    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        assert menu is not None
        keys: dict[str, str] = {}
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            found = re.search(r"&([^&])", action.text().replace("&&", ""))
            if found is None:
                continue
            key = found.group(1).casefold()
            assert key not in keys, (menu_action.text(), keys[key], action.text())
            keys[key] = action.text()
