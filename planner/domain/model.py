"""The things the planner keeps. Immutable: edits make a new value with dataclasses.replace.

An id of None means "not saved yet"; repositories hand back the saved value with its id.
Datetimes are always time-zone aware; an event also remembers its IANA zone so its times are
shown as the people at the venue see them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from planner.domain.enums import (
    AttendanceStatus,
    AttendeeRole,
    FollowUpStatus,
    InteractionKind,
    NetworkType,
    PrepPhase,
    PriorityTier,
    ResearchStatus,
)
from planner.domain.ids import (
    AttendanceId,
    ChecklistItemId,
    ChecklistTemplateId,
    EventId,
    FollowUpId,
    GoalId,
    InteractionId,
    PersonId,
)


@dataclass(frozen=True, slots=True)
class Person:
    """Someone in the user's network, across every event they met or will meet them at."""

    full_name: str
    given_name: str | None = None
    family_name: str | None = None
    email: str | None = None
    company: str | None = None
    title: str | None = None
    phone: str | None = None
    linkedin_url: str | None = None
    notes: str = ""
    is_sample: bool = False
    id: PersonId | None = None


@dataclass(frozen=True, slots=True)
class Event:
    name: str
    start: datetime
    end: datetime
    timezone: str
    venue: str = ""
    url: str = ""
    notes: str = ""
    is_sample: bool = False
    id: EventId | None = None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def local_start(self) -> datetime:
        """Start as the wall clock at the venue shows it."""
        return self.start.astimezone(self.zone)

    @property
    def local_end(self) -> datetime:
        return self.end.astimezone(self.zone)


@dataclass(frozen=True, slots=True)
class Goal:
    """What the user wants from one event, e.g. "meet 3 fintech investors"."""

    event_id: EventId
    text: str
    network_type: NetworkType
    target_count: int = 1
    keywords: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    priority: int = 0
    position: int = 0
    id: GoalId | None = None


@dataclass(frozen=True, slots=True)
class Attendance:
    """One person at one event, with the user's preparation for meeting them."""

    event_id: EventId
    person_id: PersonId
    role: AttendeeRole = AttendeeRole.ATTENDEE
    tier: PriorityTier | None = None  # pinned by the user; None: the ranking suggests one
    status: AttendanceStatus = AttendanceStatus.TO_MEET
    research_status: ResearchStatus = ResearchStatus.NOT_STARTED
    research_notes: str = ""
    talking_points: str = ""
    offer: str = ""
    ask: str = ""
    goal_ids: frozenset[GoalId] = field(default_factory=frozenset)
    id: AttendanceId | None = None


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """A preparation step, due a number of days before (negative) or after the event start.

    `uid` names the calendar entry written for it; `sequence` counts the edits a calendar should
    see. `template_key` says which template made it (None when the user added it).
    """

    event_id: EventId
    text: str
    due_offset_days: int = 0
    done: bool = False
    position: int = 0
    uid: str = ""
    sequence: int = 0
    template_key: str | None = None
    id: ChecklistItemId | None = None


@dataclass(frozen=True, slots=True)
class ChecklistTemplate:
    """One step of the preparation routine, copied into the checklist of every new event."""

    key: str
    phase: PrepPhase
    text: str
    offset_days: int
    position: int = 0
    enabled: bool = True
    id: ChecklistTemplateId | None = None


@dataclass(frozen=True, slots=True)
class Interaction:
    """A conversation, call or message with one or more people."""

    occurred_at: datetime
    kind: InteractionKind
    person_ids: tuple[PersonId, ...]
    place: str = ""
    notes: str = ""
    event_id: EventId | None = None
    id: InteractionId | None = None


@dataclass(frozen=True, slots=True)
class FollowUp:
    """Something to do for a person after an event.

    `uid` and `sequence` identify the calendar entry written for it, so a re-export updates the
    entry already in the user's calendar instead of adding a second one.
    """

    person_id: PersonId
    due: date
    action: str
    uid: str
    status: FollowUpStatus = FollowUpStatus.OPEN
    sequence: int = 0
    notes: str = ""
    event_id: EventId | None = None
    id: FollowUpId | None = None
