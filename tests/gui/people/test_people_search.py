"""Finding people as one types, on the People page and an event's People tab: through the
people index, accents and case ignored, tags and notes found, typed quotes harmless."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester

from planner.gui.common import lists
from planner.gui.main_window import MainWindow
from planner.gui.people.people_page import PeoplePage
from planner.services.research import tag_people
from planner.services.sample import UPCOMING_NAME
from planner.services.workspace import Workspace
from tests.builders import person_in


def shown(page: PeoplePage) -> list[str]:
    return [page.model.row(n).person.full_name for n in range(page.model.rowCount())]


def typed(page: PeoplePage, text: str) -> list[str]:
    page.filter.setText(text)
    page.apply_filter()
    return shown(page)


@pytest.mark.parametrize("index_only", [False, True])
def test_the_people_page_finds_people_whatever_their_accents_and_by_tag_and_notes(
    window: MainWindow,
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    index_only: bool,
) -> None:
    if index_only:  # as on a long list: the index alone
        monkeypatch.setattr(lists, "INDEX_ONLY_FROM", 0)
    zoe = person_in(workspace, "Zoë Ångström", company="Société Générale")
    person_in(workspace, "Seán O'Brennan", notes="Angel investor in quantum fintech")
    tag_people(workspace, [zoe], ["speaker-2027"])
    window.show_page("people")
    page = window.page("people")
    assert isinstance(page, PeoplePage)
    page.refresh()
    ModelTester(None).check(page.model)
    everyone = len(shown(page))
    assert typed(page, "angstrom") == ["Zoë Ångström"]
    assert "1 of" in page.count.text()
    assert typed(page, "SOCIETE gen") == ["Zoë Ångström"]
    assert typed(page, "speaker-2027") == ["Zoë Ångström"]
    assert typed(page, "angel quantum") == ["Seán O'Brennan"]
    assert typed(page, "o'brennan") == ["Seán O'Brennan"]
    assert typed(page, '"') == []  # nothing to find, and nothing breaks
    assert len(typed(page, "")) == everyone


def test_an_events_people_tab_finds_its_people_through_the_index(
    window: MainWindow, workspace: Workspace
) -> None:
    event = next(e for e in workspace.repos.events.all() if e.name == UPCOMING_NAME)
    assert event.id is not None
    window.open_event(event.id)
    page = window.page("event")
    page.show_tab(page.PEOPLE)
    tab = page.attendees
    model = tab.model
    first = model.row(0)
    tag_people(workspace, [first.attendance.person_id], ["Ünïcørn"])
    tab.filter.box.setText("unic")
    tab.apply_filter()
    assert [model.row(n).attendance.id for n in range(model.rowCount())] == [first.attendance.id]
    assert "1 of" in tab.filter.count.text()
    tab.reset_filter()
    assert model.rowCount() == model.total
