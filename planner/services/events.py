"""Creating, editing, finding and deleting events, with the rules both front ends obey."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from planner.domain.ids import EventId
from planner.domain.model import Event
from planner.domain.rules import validate_event
from planner.services.workspace import Target, Workspace, database_of
from planner.storage.errors import NotFoundError
from planner.storage.events import EventRepository, EventSnapshot, EventSummary


def delete_event(target: Target, event_id: EventId) -> EventSnapshot:
    """Remove the event with everything it owns; the snapshot brings it all back. `target`
    may be a second connection, for a worker thread: a conference's list is 100,000 rows."""
    return EventRepository(database_of(target)).delete(event_id)


def remove_event(target: Target, event_id: EventId) -> None:
    """`delete_event` without the snapshot, for an edit whose rows are recorded as it runs
    (services/undo.record): reading 100,000 attendances once more would double its time."""
    EventRepository(database_of(target)).remove(event_id)


def restore_event(target: Target, snapshot: EventSnapshot) -> Event:
    """Put back an event deleted by `delete_event`, with everything it owned."""
    return EventRepository(database_of(target)).restore(snapshot)


def attendee_count(workspace: Workspace, event_id: EventId) -> int:
    """How many people are on the event's list: what deleting it mostly has to write."""
    return workspace.repos.attendances.count_for_event(event_id)


def likely_event(events: Iterable[Event], now: datetime) -> EventId | None:
    """The event most likely meant when none was picked (the one an attendee list goes to,
    the one the events list starts on): the next one not over yet (the one on now, or the
    soonest), else the one that ended last. Not over: ending after `now`, as
    EventRepository.upcoming has it."""
    events = list(events)
    coming = [event for event in events if event.end > now]
    if coming:
        return min(coming, key=lambda event: event.start).id
    latest = max(events, key=lambda event: event.end, default=None)
    return None if latest is None else latest.id


class EventLookupError(LookupError):
    """The text given for an event matches none, or more than one."""


class EventService:
    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace
        self._repo = workspace.repos.events

    def create(self, event: Event) -> Event:
        """Save a new event with its checklist filled from the user's routine."""
        from planner.services.checklist import ChecklistService

        with self._workspace.db.transaction():
            created = self._repo.add(validate_event(event))
            assert created.id is not None
            ChecklistService(self._workspace).generate(created.id)
        return created

    def update(self, event: Event) -> Event:
        return self._repo.update(validate_event(event))

    def delete(self, event_id: EventId) -> EventSnapshot:
        """Remove the event with everything it owns; the snapshot brings it all back."""
        return delete_event(self._workspace, event_id)

    def restore(self, snapshot: EventSnapshot) -> Event:
        return restore_event(self._workspace, snapshot)

    def get(self, event_id: EventId) -> Event:
        return self._repo.get(event_id)

    def all(self) -> list[Event]:
        """Every event, in start order."""
        return self._repo.all()

    def summaries(self) -> list[EventSummary]:
        return self._repo.summaries()

    def resolve(self, reference: str) -> Event:
        """An event by its id, or by a part of its name that only one event contains."""
        text = reference.strip()
        if not text:
            raise EventLookupError("No event given.")
        if text.isascii() and text.isdigit():
            try:
                return self._repo.get(EventId(int(text)))
            except NotFoundError:
                pass
        matches = self._repo.find(text)
        exact = [event for event in matches if event.name.casefold() == text.casefold()]
        if len(exact) == 1:
            return exact[0]
        if not matches:
            raise EventLookupError(f"No event matches “{text}”.")
        if len(matches) > 1:
            names = ", ".join(f"{event.id}: {event.name}" for event in matches[:5])
            raise EventLookupError(
                f"“{text}” matches {len(matches)} events ({names}). "
                "Give more of the name, or the id."
            )
        return matches[0]
