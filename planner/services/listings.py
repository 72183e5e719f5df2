"""What the app's lists show, read for a table model: everyone in the network, one event's
list, the follow-ups. Each takes a Workspace, or a worker's own connection to read a
conference's list off the GUI thread."""

from __future__ import annotations

from planner.domain.ids import EventId, PersonId
from planner.services.workspace import Target, database_of
from planner.storage.attendances import AttendanceRepository, AttendeeListing
from planner.storage.followups import FollowUpListing, FollowUpRepository
from planner.storage.people import PersonListing, PersonRepository


def people_listings(target: Target) -> list[PersonListing]:
    """Everyone, by name, with how many events' lists they are on."""
    return PersonRepository(database_of(target)).listings()


def people_count(target: Target) -> int:
    return PersonRepository(database_of(target)).count()


def attendee_listings(target: Target, event_id: EventId) -> list[AttendeeListing]:
    """The people on the event's list, with the user's plan for each."""
    return AttendanceRepository(database_of(target)).listings(event_id)


def ranked_attendee_listings(target: Target, event_id: EventId) -> list[AttendeeListing]:
    """The event's list, each person with their score against the event's goals and why,
    and who could introduce them (planner.services.introductions.introduction_summary gives
    the line to show)."""
    from dataclasses import replace

    from planner.services.introductions import warm_introductions
    from planner.services.ranking import rank_event

    ranked = {r.facts.attendance_id: r for r in rank_event(target, event_id)}
    intros = warm_introductions(target, event_id)
    return [
        replace(
            listing,
            ranking=ranked.get(listing.attendance.id),  # type: ignore[arg-type]
            introductions=intros.get(listing.attendance.person_id, ()),
        )
        for listing in attendee_listings(target, event_id)
    ]


def attendee_count(target: Target, event_id: EventId) -> int:
    """How many people are on the event's list."""
    return AttendanceRepository(database_of(target)).count_for_event(event_id)


def people_on_list(target: Target, event_id: EventId) -> set[PersonId]:
    """Who is on the event's list: ids only, quick for a conference's list."""
    return AttendanceRepository(database_of(target)).person_ids(event_id)


def follow_up_listings(target: Target, event_id: EventId | None = None) -> list[FollowUpListing]:
    """Every follow-up (or the event's), with the names the list shows beside each."""
    return FollowUpRepository(database_of(target)).listings(event_id)
