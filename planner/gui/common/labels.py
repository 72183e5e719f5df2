"""How the app names its vocabularies on screen: kinds of network, roles, priorities,
statuses. One place, so every view says the same thing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from planner.domain.enums import (
    AttendanceStatus,
    AttendeeRole,
    FollowUpStatus,
    InteractionKind,
    NetworkType,
    PriorityTier,
    ResearchStatus,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def network_name(kind: NetworkType) -> str:
    return {
        NetworkType.OPERATIONAL: tr("Operational"),
        NetworkType.PERSONAL: tr("Personal"),
        NetworkType.STRATEGIC: tr("Strategic"),
    }[kind]


def network_explanation(kind: NetworkType) -> str:
    return {
        NetworkType.OPERATIONAL: tr(
            "People you need to get today's work done: colleagues, clients, suppliers."
        ),
        NetworkType.PERSONAL: tr(
            "People outside your own circle who help you grow: peers, mentors, referrals."
        ),
        NetworkType.STRATEGIC: tr("People who can shape where you and your organisation go next."),
    }[kind]


NETWORK_COLOURS = {
    NetworkType.OPERATIONAL: QColor("#2f7d6d"),
    NetworkType.PERSONAL: QColor("#c27c1a"),
    NetworkType.STRATEGIC: QColor("#1f5f8b"),
}


def role_name(role: AttendeeRole) -> str:
    return {
        AttendeeRole.ATTENDEE: tr("Attendee"),
        AttendeeRole.SPEAKER: tr("Speaker"),
        AttendeeRole.SPONSOR: tr("Sponsor"),
        AttendeeRole.EXHIBITOR: tr("Exhibitor"),
        AttendeeRole.ORGANISER: tr("Organiser"),
    }[role]


def tier_name(tier: PriorityTier) -> str:
    return {
        PriorityTier.MUST_MEET: tr("Must meet"),
        PriorityTier.SHOULD_MEET: tr("Should meet"),
        PriorityTier.NICE_TO_MEET: tr("Nice to meet"),
        PriorityTier.SKIP: tr("Skip"),
    }[tier]


def research_name(status: ResearchStatus) -> str:
    return {
        ResearchStatus.NOT_STARTED: tr("Not researched"),
        ResearchStatus.IN_PROGRESS: tr("Research under way"),
        ResearchStatus.DONE: tr("Researched"),
    }[status]


def status_name(status: AttendanceStatus) -> str:
    return {
        AttendanceStatus.TO_MEET: tr("To meet"),
        AttendanceStatus.MET: tr("Met"),
        AttendanceStatus.SKIPPED: tr("Skipped"),
    }[status]


def follow_up_status_name(status: FollowUpStatus) -> str:
    return {
        FollowUpStatus.OPEN: tr("Open"),
        FollowUpStatus.DONE: tr("Done"),
        FollowUpStatus.SNOOZED: tr("Snoozed"),
        FollowUpStatus.CANCELLED: tr("Cancelled"),
    }[status]


def kind_name(kind: InteractionKind) -> str:
    return {
        InteractionKind.IN_PERSON: tr("In person"),
        InteractionKind.CALL: tr("Call"),
        InteractionKind.EMAIL: tr("Email"),
        InteractionKind.MESSAGE: tr("Message"),
    }[kind]
