"""The shared test builders (tests/builders.py) build what their names say."""

from __future__ import annotations

from datetime import UTC, datetime

from planner.domain.model import Event
from planner.services.workspace import Workspace
from tests.builders import an_event, event_id_in, event_in, person_in


def test_an_event_is_web_summit_on_one_day_in_utc_unless_told_otherwise() -> None:
    start, end = datetime(2027, 5, 3, 9, tzinfo=UTC), datetime(2027, 5, 3, 18, tzinfo=UTC)
    assert an_event() == Event(name="Web Summit", start=start, end=end, timezone="UTC")
    later = datetime(2027, 6, 1, 9, tzinfo=UTC)
    event = an_event("Expo", start=later, timezone="Europe/Lisbon", notes="Hall B")
    assert (event.name, event.start, event.end) == ("Expo", later, end)
    assert (event.timezone, event.notes, event.id) == ("Europe/Lisbon", "Hall B", None)


def test_an_event_in_a_workspace_is_stored_with_its_id(workspace: Workspace) -> None:
    event = event_in(workspace, notes="n")
    assert event.id is not None
    assert workspace.repos.events.get(event.id) == event
    other = event_id_in(workspace, "Expo")
    assert workspace.repos.events.get(other).name == "Expo"
    assert {e.name for e in workspace.repos.events.all()} >= {"Web Summit", "Expo"}


def test_a_person_in_a_workspace_is_stored_without_the_editing_checks(
    workspace: Workspace,
) -> None:
    first = person_in(workspace, "Bruno Reis", email="team@reis.example")
    second = person_in(workspace, "Rita Reis", email="team@reis.example", company="Reis")
    stored = workspace.repos.people.get(second)
    assert (stored.full_name, stored.email, stored.company) == (
        "Rita Reis",
        "team@reis.example",
        "Reis",
    )
    assert workspace.repos.people.get(first).email == stored.email
