"""Closed vocabularies. Values are what the database stores, so never rename a value."""

from enum import StrEnum


class NetworkType(StrEnum):
    """The three kinds of network a goal can serve."""

    OPERATIONAL = "operational"  # people who help get today's work done
    PERSONAL = "personal"  # growth, referrals and advice from outside your own circle
    STRATEGIC = "strategic"  # people who shape where you and your organisation go next


class AttendeeRole(StrEnum):
    ATTENDEE = "attendee"
    SPEAKER = "speaker"
    SPONSOR = "sponsor"
    EXHIBITOR = "exhibitor"
    ORGANISER = "organiser"


class PriorityTier(StrEnum):
    MUST_MEET = "must-meet"
    SHOULD_MEET = "should-meet"
    NICE_TO_MEET = "nice-to-meet"
    SKIP = "skip"


class ResearchStatus(StrEnum):
    """How far the user's research on an attendee has gone."""

    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    DONE = "done"


class AttendanceStatus(StrEnum):
    TO_MEET = "to-meet"
    MET = "met"
    SKIPPED = "skipped"


class InteractionKind(StrEnum):
    IN_PERSON = "in-person"
    CALL = "call"
    EMAIL = "email"
    MESSAGE = "message"


class FollowUpStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    SNOOZED = "snoozed"
    CANCELLED = "cancelled"


class PrepPhase(StrEnum):
    """The stages of getting ready for an event, in the order they are worked through."""

    GOALS = "goals"
    RESEARCH = "research"
    WHOM = "whom"
    INTRODUCTION = "introduction"
    WELLBEING = "wellbeing"
    MATERIALS = "materials"
    AT_EVENT = "at-event"
    FOLLOW_UP = "follow-up"
