"""The events and people tests start from, built one way: an event as a value, an event added
to a workspace, and a person added to one.

An event is "Web Summit", on 3 May 2027 from 09:00 to 18:00 UTC, unless a test says otherwise:
any field of `Event` can be given. A test that depends on a date or a zone gives it, so that
what it depends on is written where it is used.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from planner.domain.ids import EventId, PersonId
from planner.domain.model import Event, Person
from planner.services.events import EventService
from planner.services.workspace import Workspace

__all__ = ["an_event", "event_id_in", "event_in", "person_in"]

_START = datetime(2027, 5, 3, 9, tzinfo=UTC)
_END = datetime(2027, 5, 3, 18, tzinfo=UTC)


def an_event(name: str = "Web Summit", **changes: Any) -> Event:
    """An event as a value, not stored; `changes` set any other field (start, end, timezone,
    venue, notes...)."""
    values: dict[str, Any] = {"start": _START, "end": _END, "timezone": "UTC"}
    values.update(changes)
    return Event(name=name, **values)


def event_in(workspace: Workspace, name: str = "Web Summit", **changes: Any) -> Event:
    """`an_event(name, **changes)` created as the app creates one (the event service checks and
    stores it), with its id."""
    return EventService(workspace).create(an_event(name, **changes))


def event_id_in(workspace: Workspace, name: str = "Web Summit", **changes: Any) -> EventId:
    """The id of `event_in(workspace, name, **changes)`, for tests that only refer to it."""
    event = event_in(workspace, name, **changes)
    assert event.id is not None
    return event.id


def person_in(workspace: Workspace, name: str, **details: Any) -> PersonId:
    """A person stored as an import stores one (straight into the repository, without the
    checks of editing: two people may share an email); `details` set any other field."""
    person = workspace.repos.people.add(Person(full_name=name, **details))
    assert person.id is not None
    return person.id
