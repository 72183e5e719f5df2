"""Sample data, so a first look at the app shows real screens rather than empty tables.

Everything written here is flagged is_sample and can be removed in one step. Dates are relative
to "now" so the upcoming event is always upcoming and the past one always past.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from planner.domain.enums import (
    AttendanceStatus,
    AttendeeRole,
    FollowUpStatus,
    InteractionKind,
    NetworkType,
    PriorityTier,
)
from planner.domain.follow_ups import new_calendar_uid
from planner.domain.ids import GoalId
from planner.domain.model import (
    Attendance,
    Event,
    FollowUp,
    Goal,
    Interaction,
    Person,
)
from planner.services.checklist import ChecklistService
from planner.services.workspace import Workspace
from planner.storage.app_state import set_state, state_value
from planner.storage.sample import delete_sample, has_events, sample_left

UPCOMING_NAME = "Fintech Forward Summit"
PAST_NAME = "Nordic Product Meetup"

_PEOPLE = (
    # full name, given, family, company, title, email
    ("Sofía García", "Sofía", "García", "Cobalt Ventures", "Partner", "sofia@cobalt.example"),
    (
        "Marcus Oyelaran",
        "Marcus",
        "Oyelaran",
        "Ledgerline",
        "Head of Payments",
        "marcus@ledgerline.example",
    ),
    (
        "田中美咲",
        "美咲",
        "田中",
        "Sakura Capital",
        "Investment Director",
        "misaki.tanaka@sakura.example",
    ),
    ("Noa Levi", "Noa", "Levi", "Acme Analytics", "Engineering Manager", "noa@acme.example"),
    ("Yusuf Al-Amin", "Yusuf", "Al-Amin", "Gulf Fintech Lab", "Founder", "yusuf@gfl.example"),
    (
        "Ingrid Dahl",
        "Ingrid",
        "Dahl",
        "Fjord Pay",
        "Chief Product Officer",
        "ingrid@fjordpay.example",
    ),
    ("Priya Raman", "Priya", "Raman", "Acme Analytics", "Data Lead", "priya@acme.example"),
    (
        "Liam O'Brien",
        "Liam",
        "O'Brien",
        "Brightside Bank",
        "Innovation Lead",
        "liam@brightside.example",
    ),
    ("Elin Berg", "Elin", "Berg", "Northwind Studio", "Product Designer", "elin@northwind.example"),
    ("Jonas Lind", "Jonas", "Lind", "Kvist Software", "CTO", "jonas@kvist.example"),
)


def has_sample(workspace: Workspace) -> bool:
    """Whether any of the sample is left; asked at start-up and after every change."""
    return sample_left(workspace.db.connection)


def sample_size(workspace: Workspace) -> tuple[int, int]:
    """How many sample events and people are left, for the banner to say what is there."""
    return workspace.repos.events.sample_size()


def remove_sample(workspace: Workspace) -> int:
    """Delete every sample event and person (and what hangs off them). Returns rows removed.

    A sample person the user has made part of their own plans (put on one of their events'
    lists, by hand or by an import that matched them, or owed a follow-up or met outside the
    sample) stays, as theirs: deleting them would take those plans too."""
    with workspace.db.transaction() as conn:
        return delete_sample(conn)


_SEEDED_KEY = "sample_seeded"


def seed_on_first_run(workspace: Workspace, now: datetime) -> bool:
    """Seed the sample once per database, so removing it is final. True when it seeded."""
    if state_value(workspace.db.connection, _SEEDED_KEY) is not None:
        return False
    with workspace.db.transaction() as conn:
        empty = not has_events(conn)
        if empty:
            seed_sample(workspace, now)
        set_state(conn, _SEEDED_KEY, "1")
    return empty


def seed_sample(workspace: Workspace, now: datetime) -> None:
    """Write the sample events, people, goals, checklist, meetings and follow-ups at once."""
    repos = workspace.repos
    with workspace.db.transaction():
        people = repos.people.add_many(
            Person(
                full_name=full,
                given_name=given,
                family_name=family,
                company=company,
                title=title,
                email=email,
                is_sample=True,
            )
            for full, given, family, company, title, email in _PEOPLE
        )
        _upcoming(workspace, now, people)
        _past(workspace, now, people)


def _day_at(now: datetime, days: int, hour: int, zone: str) -> datetime:
    day = (now + timedelta(days=days)).date()
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(zone))


def _upcoming(workspace: Workspace, now: datetime, people: list[Person]) -> None:
    repos = workspace.repos
    zone = "Europe/Lisbon"
    event = repos.events.add(
        Event(
            name=UPCOMING_NAME,
            start=_day_at(now, 16, 9, zone),
            end=_day_at(now, 17, 18, zone),
            timezone=zone,
            venue="Centro de Congressos, Lisbon",
            url="https://fintech-forward.example/2026",
            notes="Two days of talks on payments and embedded finance. Badge pick-up from 8:00.",
            is_sample=True,
        )
    )
    assert event.id is not None
    investors = repos.goals.add(
        Goal(
            event_id=event.id,
            text="Meet 3 fintech investors who back seed-stage payments companies",
            network_type=NetworkType.STRATEGIC,
            target_count=3,
            keywords=("fintech", "payments", "seed"),
            roles=("Partner", "Investment Director", "Founder"),
            companies=("Cobalt Ventures", "Sakura Capital"),
            priority=1,
            position=0,
        )
    )
    acme = repos.goals.add(
        Goal(
            event_id=event.id,
            text="Re-connect with my old team at Acme",
            network_type=NetworkType.PERSONAL,
            target_count=2,
            companies=("Acme Analytics",),
            priority=2,
            position=1,
        )
    )
    vendor = repos.goals.add(
        Goal(
            event_id=event.id,
            text="Find a payments partner for the Q1 checkout integration",
            network_type=NetworkType.OPERATIONAL,
            target_count=1,
            keywords=("payments", "checkout"),
            roles=("Head of Payments",),
            priority=3,
            position=2,
        )
    )
    plan: tuple[tuple[int, AttendeeRole, PriorityTier, set[GoalId | None]], ...] = (
        (0, AttendeeRole.SPEAKER, PriorityTier.MUST_MEET, {investors.id}),
        (1, AttendeeRole.EXHIBITOR, PriorityTier.MUST_MEET, {vendor.id}),
        (2, AttendeeRole.ATTENDEE, PriorityTier.MUST_MEET, {investors.id}),
        (3, AttendeeRole.ATTENDEE, PriorityTier.SHOULD_MEET, {acme.id}),
        (4, AttendeeRole.SPONSOR, PriorityTier.SHOULD_MEET, {investors.id}),
        (6, AttendeeRole.ATTENDEE, PriorityTier.NICE_TO_MEET, {acme.id}),
        (7, AttendeeRole.SPEAKER, PriorityTier.NICE_TO_MEET, set()),
    )
    for index, role, tier, goal_ids in plan:
        person_id = people[index].id
        assert person_id is not None
        repos.attendances.add(
            Attendance(
                event_id=event.id,
                person_id=person_id,
                role=role,
                tier=tier,
                goal_ids=frozenset(g for g in goal_ids if g is not None),
                research_notes="Spoke on embedded finance at last year's summit."
                if index == 0
                else "",
                offer="Intro to our open-source reconciliation tool" if index == 1 else "",
                ask="What do you look for in a seed-stage payments team?" if index == 0 else "",
            )
        )
    # The routine's checklist, with the steps a fortnight out already done.
    checklist = ChecklistService(workspace)
    for item in checklist.generate(event.id):
        if item.id is not None and item.due_offset_days <= -12:
            checklist.set_done(item.id, True)


def _past(workspace: Workspace, now: datetime, people: list[Person]) -> None:
    repos = workspace.repos
    zone = "Europe/Stockholm"
    event = repos.events.add(
        Event(
            name=PAST_NAME,
            start=_day_at(now, -12, 17, zone),
            end=_day_at(now, -12, 21, zone),
            timezone=zone,
            venue="Norrsken House, Stockholm",
            url="https://nordic-product.example/meetup",
            notes="Evening meetup: three lightning talks, then drinks.",
            is_sample=True,
        )
    )
    assert event.id is not None
    checklist = ChecklistService(workspace)
    for item in checklist.generate(event.id):
        if item.id is not None and item.due_offset_days <= 0:
            checklist.set_done(item.id, True)
    goal = repos.goals.add(
        Goal(
            event_id=event.id,
            text="Meet product leaders who run discovery with small teams",
            network_type=NetworkType.PERSONAL,
            target_count=2,
            roles=("Chief Product Officer", "Product Designer", "CTO"),
        )
    )
    met = (5, 8, 9)
    for index in (5, 8, 9, 3):
        person_id = people[index].id
        assert person_id is not None and goal.id is not None
        repos.attendances.add(
            Attendance(
                event_id=event.id,
                person_id=person_id,
                status=AttendanceStatus.MET if index in met else AttendanceStatus.SKIPPED,
                goal_ids=frozenset({goal.id}),
            )
        )
    notes = {
        5: (
            "Talked about running discovery with two designers; she offered to share "
            "her interview template."
        ),
        8: "Working on an accessibility audit; interested in our design-system tokens.",
        9: "Hiring two backend engineers; asked whether I know anyone in Gothenburg.",
    }
    actions = {
        5: ("Send thank-you note and ask for the interview template", -5, FollowUpStatus.DONE),
        8: ("Share the design-token write-up", -2, FollowUpStatus.OPEN),
        9: ("Introduce Jonas to Priya (backend hiring)", 3, FollowUpStatus.OPEN),
    }
    for index in met:
        person_id = people[index].id
        assert person_id is not None
        repos.interactions.add(
            Interaction(
                occurred_at=_day_at(now, -12, 19, zone),
                kind=InteractionKind.IN_PERSON,
                person_ids=(person_id,),
                place="Norrsken House",
                notes=notes[index],
                event_id=event.id,
            )
        )
        action, offset, status = actions[index]
        repos.follow_ups.add(
            FollowUp(
                person_id=person_id,
                event_id=event.id,
                due=(now + timedelta(days=offset)).date(),
                action=action,
                status=status,
                uid=new_calendar_uid(),
            )
        )
