"""The People page: add, edit and delete a person by hand, each undone and redone, and the
details dialog, which refuses what cannot be saved and shows what will be."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.domain.model import Person
from planner.gui.main_window import MainWindow
from planner.gui.people.people_page import PeoplePage
from planner.gui.people.person_dialog import PersonDialog
from planner.services.changes import Changed
from planner.services.people import person_links
from planner.services.workspace import Workspace


def people_page(window: MainWindow) -> PeoplePage:
    window.show_page("people")
    page = window.page("people")
    assert isinstance(page, PeoplePage)
    return page


def named(workspace: Workspace, name: str) -> Person:
    return next(p for p in workspace.repos.people.all() if p.full_name == name)


def answer_with(
    monkeypatch: pytest.MonkeyPatch, fill: Callable[[PersonDialog], None]
) -> list[PersonDialog]:
    """Answer the next details dialogs by filling them in with `fill` and pressing OK (when
    OK is enabled, as the user could)."""
    shown: list[PersonDialog] = []

    def run(dialog: PersonDialog) -> int:
        shown.append(dialog)
        fill(dialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        return 1 if ok.isEnabled() else 0

    monkeypatch.setattr(PersonDialog, "exec", run)
    return shown


def test_new_person_is_added_selected_and_undone_and_redone_with_the_same_id(
    window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = people_page(window)
    before = workspace.repos.people.count()

    def fill(dialog: PersonDialog) -> None:
        dialog.name.setText("Ana Duarte")
        dialog.name.textEdited.emit("Ana Duarte")
        dialog.email.setText("ana@duarte.example")
        dialog.linkedin.setText("linkedin.com/in/ana-duarte")

    answer_with(monkeypatch, fill)
    window.action("new-person").trigger()
    ana = named(workspace, "Ana Duarte")
    assert (ana.given_name, ana.family_name) == ("Ana", "Duarte")
    assert ana.linkedin_url == "https://www.linkedin.com/in/ana-duarte"
    assert page.selected() == ana
    assert window.undo_action.text() == "&Undo Add Ana Duarte"
    window.undo_action.trigger()
    assert workspace.repos.people.count() == before
    window.redo_action.trigger()
    assert named(workspace, "Ana Duarte").id == ana.id


def test_edit_from_the_list_saves_and_undo_restores(
    window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = people_page(window)
    elin = named(workspace, "Elin Berg")
    page.select(elin.id)
    assert window.action("edit").isEnabled() and window.action("delete").isEnabled()

    def fill(dialog: PersonDialog) -> None:
        assert dialog.name.text() == "Elin Berg"
        dialog.job_title.setText("Head of Design")

    shown = answer_with(monkeypatch, fill)
    window.action("edit").trigger()  # Ctrl+E on the People page: the person's details
    assert len(shown) == 1
    assert workspace.repos.people.get(elin.id).title == "Head of Design"  # type: ignore[arg-type]
    assert page.model.row(page.model.position_of(elin.id)).person.title == "Head of Design"
    window.undo_action.trigger()
    assert workspace.repos.people.get(elin.id) == elin  # type: ignore[arg-type]


def test_double_click_opens_the_details_and_cancel_changes_nothing(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = people_page(window)
    elin = named(workspace, "Elin Berg")
    shown: list[PersonDialog] = []

    def cancel(dialog: PersonDialog) -> int:
        shown.append(dialog)
        dialog.company.setText("Somewhere Else")
        return 0

    monkeypatch.setattr(PersonDialog, "exec", cancel)
    index = page.model.index(page.model.position_of(elin.id), 0)
    centre = page.table.visualRect(index).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert len(shown) == 1
    assert workspace.repos.people.get(elin.id) == elin  # type: ignore[arg-type]
    assert window.context.undo_stack.count() == 0


def test_delete_takes_their_places_and_undo_brings_everything_back(
    window: MainWindow, workspace: Workspace
) -> None:
    page = people_page(window)
    jonas = named(workspace, "Jonas Lind")
    assert jonas.id is not None
    links = person_links(workspace, jonas.id)
    assert links.events and links.follow_ups and links.interactions
    page.select(jonas.id)
    window.action("delete").trigger()
    assert all(p.id != jonas.id for p in workspace.repos.people.all())
    assert page.model.position_of(jonas.id) is None
    message = window.statusBar().currentMessage()
    assert message.startswith("Deleted Jonas Lind, with their place on 1 event's list")
    assert "Undo with Ctrl+Z" in message
    window.undo_action.trigger()
    assert workspace.repos.people.get(jonas.id) == jonas
    assert person_links(workspace, jonas.id) == links
    window.redo_action.trigger()
    assert all(p.id != jonas.id for p in workspace.repos.people.all())


def test_actions_follow_the_selection(window: MainWindow, workspace: Workspace) -> None:
    page = people_page(window)
    page.table.clearSelection()
    assert not window.action("edit").isEnabled()
    assert not window.action("delete").isEnabled()
    assert not window.action("person-details").isEnabled()
    assert not page.edit_button.isEnabled()
    page.select(named(workspace, "Noa Levi").id)
    assert window.action("person-details").isEnabled() and page.delete_button.isEnabled()


def test_person_details_from_an_events_list(
    window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.services.sample import UPCOMING_NAME

    event = next(e for e in workspace.repos.events.all() if e.name == UPCOMING_NAME)
    assert event.id is not None
    window.open_event(event.id)
    window.action("tab-2").trigger()
    tab = window.page("event").attendees
    tab.table.selectRow(0)
    listing = tab.model.row(0)
    assert window.action("person-details").isEnabled()

    def fill(dialog: PersonDialog) -> None:
        assert dialog.name.text() == listing.full_name
        dialog.company.setText("Renamed Co")

    answer_with(monkeypatch, fill)
    window.action("person-details").trigger()
    person = workspace.repos.people.get(listing.attendance.person_id)
    assert person.company == "Renamed Co"
    assert tab.model.row(tab.model.position_of(listing.attendance.id) or 0).company == "Renamed Co"


# --- the dialog ---------------------------------------------------------------------------


def dialog_for(
    qtbot: QtBot, workspace: Workspace, person: Person | None = None, **kw: Any
) -> PersonDialog:
    dialog = PersonDialog(workspace, person, **kw)
    qtbot.addWidget(dialog)
    return dialog


def ok_enabled(dialog: PersonDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_a_new_dialog_is_not_scolded_but_cannot_be_saved_empty(
    qtbot: QtBot, workspace: Workspace
) -> None:
    dialog = dialog_for(qtbot, workspace)
    assert not ok_enabled(dialog)
    assert dialog.problems.isHidden()


def test_a_taken_email_is_named_and_ok_stays_off(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = dialog_for(qtbot, workspace)
    dialog.name.setText("Ana Duarte")
    assert ok_enabled(dialog)
    dialog.email.setText("INGRID@fjordpay.example")
    assert not ok_enabled(dialog)
    assert dialog.problems.isVisibleTo(dialog)
    assert "Ingrid Dahl already has the email address" in dialog.problems.text()
    dialog.email.setText("ana@duarte.example")
    assert ok_enabled(dialog)


def test_markup_in_a_name_is_shown_as_typed(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = dialog_for(qtbot, workspace)
    dialog.name.setText("<b>Ana</b>")
    dialog.email.setText("<i>x</i>")
    # The problem names the text; FormDialog escapes it into its rich-text label.
    assert "&lt;i&gt;x&lt;/i&gt;" in dialog.problems.text()
    assert dialog.saved_as.textFormat() == Qt.TextFormat.PlainText


def test_name_parts_follow_the_name_until_the_user_types_one(
    qtbot: QtBot, workspace: Workspace
) -> None:
    dialog = dialog_for(qtbot, workspace)
    qtbot.keyClicks(dialog.name, "Ana Duarte")
    assert (dialog.given.text(), dialog.family.text()) == ("Ana", "Duarte")
    qtbot.keyClicks(dialog.family, "-Silva")
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Ana Sofia")
    assert (dialog.given.text(), dialog.family.text()) == ("Ana", "Duarte-Silva")


def test_cjk_names_are_not_split(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = dialog_for(qtbot, workspace)
    # Typed through an input method: QTest can only type Latin-1 text.
    dialog.name.setText("田中 美咲")
    dialog.name.textEdited.emit("田中 美咲")
    assert (dialog.given.text(), dialog.family.text()) == ("", "")
    assert dialog.person_value().full_name == "田中 美咲"


def test_a_cjk_name_given_in_parts_is_saved_family_first_without_a_space(
    qtbot: QtBot, workspace: Workspace
) -> None:
    dialog = dialog_for(qtbot, workspace)
    dialog.given.setText("雷")
    dialog.family.setText("李")
    assert dialog.person_value().full_name == "李雷"


def test_the_dialog_says_what_the_phone_and_link_are_saved_as(
    qtbot: QtBot, workspace: Workspace
) -> None:
    elin = named(workspace, "Elin Berg")
    dialog = dialog_for(qtbot, workspace, elin, default_region="SE")
    assert dialog.saved_as.isHidden()
    dialog.phone.setText("070-123 45 67")
    dialog.linkedin.setText("https://se.linkedin.com/in/elin-berg?trk=abc")
    assert dialog.saved_as.isVisibleTo(dialog)
    assert "Phone saved as +46701234567" in dialog.saved_as.text()
    assert "https://www.linkedin.com/in/elin-berg" in dialog.saved_as.text()
    assert dialog.person_value().phone == "+46701234567"


# --- an event's list, by hand ----------------------------------------------------------------


def open_people_tab(window: MainWindow, workspace: Workspace) -> Any:
    from planner.services.sample import UPCOMING_NAME

    event = next(e for e in workspace.repos.events.all() if e.name == UPCOMING_NAME)
    assert event.id is not None
    window.open_event(event.id)
    window.action("tab-2").trigger()
    return event


def picker_for(qtbot: QtBot, window: MainWindow, on_list: set[Any], new: Any = None) -> Any:
    from planner.gui.people.people_picker import PeoplePicker

    picker = PeoplePicker(window.context, "Fintech Forward", on_list, new or (lambda: None))
    qtbot.addWidget(picker)
    return picker


def test_the_picker_model_passes_the_model_tester(
    qtmodeltester: ModelTester, window: MainWindow, workspace: Workspace
) -> None:
    from planner.gui.people.people_picker import PickerModel

    model = PickerModel(window.context, {named(workspace, "Noa Levi").id})  # type: ignore[arg-type]
    model.reload()
    assert model.rowCount() == 10
    qtmodeltester.check(model, force_py=True)


def test_people_on_the_list_cannot_be_chosen_again(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    event = open_people_tab(window, workspace)
    on_list = {a.person_id for a in workspace.repos.attendances.for_event(event.id)}
    picker = picker_for(qtbot, window, on_list)
    listed = next(
        i for i in range(picker.model.rowCount()) if picker.model.row(i).person.id in on_list
    )
    picker.table.selectRow(listed)
    assert picker.chosen() == []
    assert not picker.add_button.isEnabled()
    picker.table.selectAll()
    chosen = picker.chosen()
    assert chosen and not set(chosen) & on_list
    assert len(chosen) == 10 - len(on_list)
    assert picker.add_button.isEnabled()
    assert picker.chosen_label.text() == f"{len(chosen)} chosen"


def test_the_picker_filters_and_a_new_person_is_chosen_at_once(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    picker = picker_for(qtbot, window, set(), lambda: window.people_editing.add(parent=picker))
    picker.filter.setText("acme")
    picker._apply_filter()
    assert {picker.model.row(i).person.company for i in range(picker.model.rowCount())} == {
        "Acme Analytics"
    }

    def fill(dialog: PersonDialog) -> None:
        dialog.name.setText("Ana Duarte")

    answer_with(monkeypatch, fill)
    qtbot.mouseClick(
        next(b for b in picker.findChildren(QPushButton) if b.text() == "New Person…"),
        Qt.MouseButton.LeftButton,
    )
    ana = named(workspace, "Ana Duarte")
    assert picker.filter.text() == ""
    assert picker.chosen() == [ana.id]


def test_add_people_puts_the_chosen_on_the_list_in_one_undo_step(
    window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.gui.people.people_picker import PeoplePicker

    event = open_people_tab(window, workspace)
    before = workspace.repos.attendances.for_event(event.id)
    wanted = [named(workspace, n).id for n in ("Elin Berg", "Jonas Lind")]

    def choose(picker: PeoplePicker) -> int:
        for person_id in wanted:
            row = picker.model.position_of(person_id)
            picker.table.selectionModel().select(
                picker.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
        return 1

    monkeypatch.setattr(PeoplePicker, "exec", choose)
    window.action("add-people").trigger()
    after = workspace.repos.attendances.for_event(event.id)
    assert {a.person_id for a in after} - {a.person_id for a in before} == set(wanted)
    tab = window.page("event").attendees
    assert {tab.model.row(i).full_name for i in range(tab.model.rowCount())} >= {
        "Elin Berg",
        "Jonas Lind",
    }
    assert window.statusBar().currentMessage().startswith("2 people put on the list of")
    assert window.undo_action.text() == "&Undo Put 2 People on the List"
    window.undo_action.trigger()
    assert workspace.repos.attendances.for_event(event.id) == before
    window.redo_action.trigger()
    assert workspace.repos.attendances.for_event(event.id) == after


def test_delete_on_the_list_takes_the_person_off_and_undo_gives_the_plan_back(
    window: MainWindow, workspace: Workspace
) -> None:
    event = open_people_tab(window, workspace)
    tab = window.page("event").attendees
    row = next(i for i in range(tab.model.rowCount()) if tab.model.row(i).attendance.goal_ids)
    listing = tab.model.row(row)
    tab.table.selectRow(row)
    assert window.action("delete").isEnabled() and tab.remove_button.isEnabled()
    window.action("delete").trigger()
    assert all(
        a.id != listing.attendance.id for a in workspace.repos.attendances.for_event(event.id)
    )
    assert tab.model.position_of(listing.attendance.id) is None
    assert window.statusBar().currentMessage().startswith(f"Took {listing.full_name} off")
    window.undo_action.trigger()
    restored = next(
        a for a in workspace.repos.attendances.for_event(event.id) if a.id == listing.attendance.id
    )
    assert restored == listing.attendance


# --- merging, deleting several ----------------------------------------------------------------


def choose(page: PeoplePage, *people: Person) -> None:
    page.table.clearSelection()
    for person in people:
        page.table.selectionModel().select(
            page.model.index(page.model.position_of(person.id), 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_merge_two_chosen_people_keeps_the_one_chosen_in_the_dialog(
    window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.gui.people.merge_dialog import MergeDialog
    from planner.services.people import add_person

    twin_id = add_person(
        workspace, Person(full_name="Jonas Lind", email="jl@mail.example", phone="+46701234567")
    ).person_id
    page = people_page(window)
    page.model.reload()
    jonas = next(p for p in workspace.repos.people.all() if p.email == "jonas@kvist.example")
    twin = workspace.repos.people.get(twin_id)
    choose(page, jonas)
    assert not page.merge_button.isEnabled()
    choose(page, jonas, twin)
    assert page.merge_button.isEnabled() and not page.edit_button.isEnabled()
    assert not window.action("edit").isEnabled() and window.action("delete").isEnabled()
    previews: list[list[str]] = []

    def keep_first(dialog: MergeDialog) -> int:
        # The one on more events' lists is proposed; the preview shows the merged person.
        assert dialog.chosen() == (jonas.id, twin_id)
        previews.append([label.text() for label in dialog.outcome])
        dialog.choice.button(1).setChecked(True)  # the preview follows the choice
        previews.append([label.text() for label in dialog.outcome])
        dialog.choice.button(0).setChecked(True)
        return 1

    monkeypatch.setattr(MergeDialog, "exec", keep_first)
    page.merge_button.click()
    assert previews[0] == [
        "Jonas Lind",
        "jonas@kvist.example",
        "Kvist Software",
        "CTO",
        "+46701234567",
        "—",
    ]
    assert previews[1][1] == "jl@mail.example"
    kept = workspace.repos.people.get(jonas.id)  # type: ignore[arg-type]
    assert kept.phone == "+46701234567" and kept.email == "jonas@kvist.example"
    assert all(p.id != twin_id for p in workspace.repos.people.all())
    assert page.selected() == kept
    assert window.statusBar().currentMessage().startswith("Merged the two entries for Jonas Lind.")
    window.undo_action.trigger()
    assert workspace.repos.people.get(twin_id) == twin
    assert workspace.repos.people.get(jonas.id) == jonas  # type: ignore[arg-type]


def test_delete_with_several_chosen_deletes_them_all_in_one_step(
    window: MainWindow, workspace: Workspace
) -> None:
    page = people_page(window)
    count = workspace.repos.people.count()
    chosen = [named(workspace, n) for n in ("Elin Berg", "Ingrid Dahl", "Noa Levi")]
    choose(page, *chosen)
    window.action("delete").trigger()
    assert workspace.repos.people.count() == count - 3
    assert window.statusBar().currentMessage().startswith("Deleted 3 people")
    assert window.undo_action.text() == "&Undo Delete 3 People"
    window.undo_action.trigger()
    assert workspace.repos.people.count() == count
    assert [named(workspace, p.full_name) for p in chosen] == chosen


def test_lists_offer_the_window_actions_on_a_right_click(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:

    page = people_page(window)
    table = page.table
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    offered = [a for a in table.actions() if not a.isSeparator()]
    assert offered == [
        window.action("person-details"),
        window.action("merge"),
        window.action("delete"),
        window.action("new-person"),
        window.action("duplicates"),
    ]
    # The press of a right-click chooses the row, so the actions work on the row clicked.
    noa = named(workspace, "Noa Levi")
    index = page.model.index(page.model.position_of(noa.id), 0)
    table.clearSelection()
    qtbot.mousePress(
        table.viewport(), Qt.MouseButton.RightButton, pos=table.visualRect(index).center()
    )
    assert page.selected() == noa
    assert window.action("person-details").isEnabled() and window.action("delete").isEnabled()

    window.show_page("events")
    assert window.action("open") in window.page("events").table.actions()
    open_people_tab(window, workspace)
    workspace_page = window.page("event")
    assert window.action("add-people") in workspace_page.attendees.table.actions()
    # There, Edit is the plan for the person and Delete takes them off the list.
    assert (window.action("edit").text(), window.action("delete").text()) == (
        "&Edit Plan…",
        "Remove from &List",
    )
    window.action("tab-1").trigger()
    assert (window.action("edit").text(), window.action("delete").text()) == ("&Edit…", "&Delete")
    assert window.action("add-goal") in workspace_page.goals.table.actions()
    assert window.action("done") in workspace_page.checklist.table.actions()


# --- the person beside the list -------------------------------------------------------------


def test_the_person_chosen_is_shown_with_their_events_follow_ups_and_meetings(
    window: MainWindow, workspace: Workspace
) -> None:
    page = people_page(window)
    page.table.clearSelection()
    assert "Choose someone" in page.details.text()
    elin = named(workspace, "Elin Berg")
    page.select(elin.id)
    shown = page.details.text()
    assert "<h2>Elin Berg</h2>" in shown
    assert 'href="mailto:elin@northwind.example"' in shown
    assert "Nordic Product Meetup" in shown and "Met" in shown
    assert "Share the design-token write-up" in shown
    assert "accessibility audit" in shown  # the meeting's notes
    choose(page, elin, named(workspace, "Noa Levi"))
    assert "2 people chosen" in page.details.text()


def test_the_person_shown_follows_an_edit_and_never_renders_their_text(
    window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = people_page(window)
    elin = named(workspace, "Elin Berg")
    page.select(elin.id)

    def fill(dialog: PersonDialog) -> None:
        dialog.job_title.setText("<b>Lead</b> & <i>designer</i>")
        dialog.notes.setPlainText("<script>x</script>\nsecond line")

    answer_with(monkeypatch, fill)
    window.action("edit").trigger()
    shown = page.details.text()
    assert "&lt;b&gt;Lead&lt;/b&gt; &amp; &lt;i&gt;designer&lt;/i&gt;" in shown
    assert "&lt;script&gt;x&lt;/script&gt;<br>second line" in shown
    assert "<b>Lead</b>" not in shown


def test_the_people_chosen_stay_chosen_when_the_list_reloads_or_is_filtered(
    window: MainWindow, workspace: Workspace
) -> None:
    page = people_page(window)
    chosen = [named(workspace, n) for n in ("Ingrid Dahl", "Jonas Lind", "Priya Raman")]
    choose(page, *chosen)
    window.context.changed.emit(Changed.everything())  # any edit anywhere reloads the list
    assert page.selected_people() == chosen
    page.filter.setText("acme")
    page.apply_filter()
    assert page.selected_people() == [chosen[2]]  # the others are filtered out


def test_with_nobody_in_the_network_the_page_only_says_how_to_add_people(
    window: MainWindow, workspace: Workspace
) -> None:
    from planner.services.people import add_person
    from planner.services.sample import remove_sample

    remove_sample(workspace)
    page = people_page(window)
    window.context.changed.emit(Changed.everything())
    assert page.stack.currentWidget() is page.empty
    assert not page.details_area.isVisibleTo(page)
    add_person(workspace, Person(full_name="Ana Duarte"))
    window.context.changed.emit(Changed.everything())
    assert page.stack.currentWidget() is page.table
    assert page.details_area.isVisibleTo(page)


def test_down_from_the_filter_goes_to_the_list_on_its_first_row(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    page = people_page(window)
    with qtbot.waitActive(window):  # focus moves without an active window, FocusIn does not
        window.activateWindow()
    page.table.clearSelection()
    page.focus_filter()
    qtbot.keyClicks(page.filter, "acme")
    page.apply_filter()
    qtbot.keyClick(page.filter, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    assert page.selected() == page.model.row(0).person
    assert page.filter.text() == "acme"  # the key did not reach the box


def test_down_in_the_pickers_filter_skips_people_on_the_list(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    first = window.page("people").model
    first.reload()
    listed = {first.row(0).person.id, first.row(1).person.id}  # the first two, by name
    picker = picker_for(qtbot, window, listed)
    picker.show()
    with qtbot.waitActive(picker):
        picker.activateWindow()
    picker.filter.setFocus()
    qtbot.keyClick(picker.filter, Qt.Key.Key_Down)
    assert picker.table.hasFocus()
    assert picker.chosen() == [picker.model.row(2).person.id]


def test_the_people_page_fits_a_laptop_screen(qtbot: QtBot, window: MainWindow) -> None:
    """1024 pixels wide: the buttons sit above the list, not beside the title and filter."""
    page = people_page(window)
    window.resize(1024, 680)
    qtbot.wait(1)
    assert window.minimumSizeHint().width() <= 1024
    assert window.width() == 1024
    email = page.table.columnWidth(3)
    assert email >= 96  # the address column keeps room to be read; the list scrolls instead
