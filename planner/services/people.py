"""Looking people up: the whole network, or the people on one event's list."""

from __future__ import annotations

from planner.domain.ids import EventId
from planner.domain.model import Person
from planner.services.workspace import Workspace


def list_people(workspace: Workspace, event_id: EventId | None = None) -> list[Person]:
    """Everyone (or everyone with an attendance at the event), by name."""
    people = workspace.repos.people.all()
    if event_id is None:
        return people
    attending = {a.person_id for a in workspace.repos.attendances.for_event(event_id)}
    return [person for person in people if person.id in attending]
