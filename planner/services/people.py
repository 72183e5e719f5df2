"""Looking people up: the whole network, or the people on one event's list."""

from __future__ import annotations

from dataclasses import replace

from planner.domain.ids import EventId
from planner.domain.model import Attendance, Person
from planner.domain.rules import ValidationError
from planner.services.workspace import Workspace


def list_people(workspace: Workspace, event_id: EventId | None = None) -> list[Person]:
    """Everyone (or everyone with an attendance at the event), by name."""
    people = workspace.repos.people.all()
    if event_id is None:
        return people
    attending = {a.person_id for a in workspace.repos.attendances.for_event(event_id)}
    return [person for person in people if person.id in attending]


MAX_NOTE = 5000


def update_attendance(workspace: Workspace, attendance: Attendance) -> Attendance:
    """Save the user's plan for one person at one event (status, priority, goals, notes).

    Marking someone met is what moves goal progress; research notes tick the checklist's
    "Research ..." item."""

    texts = (attendance.research_notes, attendance.talking_points, attendance.offer, attendance.ask)
    if any(len(text) > MAX_NOTE for text in texts):
        raise ValidationError([f"Notes are limited to {MAX_NOTE} characters each."])
    known = {g.id for g in workspace.repos.goals.for_event(attendance.event_id)}
    cleaned = replace(attendance, goal_ids=frozenset(g for g in attendance.goal_ids if g in known))
    return workspace.repos.attendances.update(cleaned)
