"""rank_event: goals and attendees read through storage, history worked out in SQL."""

from __future__ import annotations

from datetime import UTC, datetime

from planner.domain.enums import (
    AttendanceStatus,
    AttendeeRole,
    InteractionKind,
    NetworkType,
    PriorityTier,
)
from planner.domain.model import Attendance, Goal, Interaction
from planner.services.ranking import (
    WarmIntroduction,
    rank_event,
    vocabulary,
    warm_introductions,
)
from planner.services.workspace import Workspace
from tests.builders import event_id_in, person_in


def test_rank_event_reads_people_roles_tiers_and_history() -> None:
    with Workspace.in_memory() as ws:
        summit = event_id_in(ws, "Web Summit")
        earlier = event_id_in(ws, "Collision")
        ws.repos.goals.add(Goal(summit, "Meet investors", NetworkType.STRATEGIC))
        ana = person_in(ws, "Ana", title="Investment Partner", email="ana@x.org", company="Fund")
        bo = person_in(ws, "Bo", title="Investor")
        ci = person_in(ws, "Ci", title="Investor")
        di = person_in(ws, "Di", title="Chef")
        ed = person_in(ws, "Ed", title="Investor")
        for who in (ana, bo, ci, di, ed):
            ws.repos.attendances.add(Attendance(summit, who))
        ws.repos.attendances.add(Attendance(earlier, bo, status=AttendanceStatus.MET))
        ws.repos.attendances.add(Attendance(earlier, ci))
        ws.repos.interactions.add(
            Interaction(datetime(2026, 1, 1, tzinfo=UTC), InteractionKind.CALL, (ed,))
        )
        [di_at] = [a for a in ws.repos.attendances.for_event(summit) if a.person_id == di]
        ws.repos.attendances.update(
            Attendance(
                summit, di, role=AttendeeRole.SPEAKER, tier=PriorityTier.MUST_MEET, id=di_at.id
            )
        )
        ranked = rank_event(ws, summit)
    facts = {r.facts.full_name: r.facts for r in ranked}
    assert [r.facts.full_name for r in ranked] == ["Di", "Bo", "Ed", "Ci", "Ana"]
    assert (facts["Bo"].in_network, facts["Bo"].met_before) == (True, True)
    assert (facts["Ci"].in_network, facts["Ci"].met_before) == (True, False)
    assert (facts["Ed"].in_network, facts["Ed"].met_before) == (True, True)
    assert (facts["Ana"].in_network, facts["Ana"].email, facts["Ana"].company) == (
        False,
        "ana@x.org",
        "Fund",
    )
    assert facts["Di"].role is AttendeeRole.SPEAKER
    assert [r.score for r in ranked] == [0, 65, 65, 60, 50]


def test_an_interaction_at_this_event_is_not_meeting_before() -> None:
    with Workspace.in_memory() as ws:
        summit = event_id_in(ws)
        ws.repos.goals.add(Goal(summit, "Meet investors", NetworkType.STRATEGIC))
        ana = person_in(ws, "Ana", title="Investor")
        ws.repos.attendances.add(Attendance(summit, ana))
        ws.repos.interactions.add(
            Interaction(
                datetime(2027, 5, 3, 10, tzinfo=UTC),
                InteractionKind.IN_PERSON,
                (ana,),
                event_id=summit,
            )
        )
        [ranked] = rank_event(ws, summit)
    assert (ranked.facts.in_network, ranked.facts.met_before) == (True, False)


def test_the_vocabulary_is_read_once() -> None:
    assert vocabulary() is vocabulary()
    assert len(vocabulary().groups) >= 15


def test_warm_introductions_come_from_the_hook() -> None:
    with Workspace.in_memory() as ws:
        summit = event_id_in(ws)
        ana = person_in(ws, "Ana")
        ws.repos.attendances.add(Attendance(summit, ana))
        ranked = rank_event(ws, summit)
        assert warm_introductions(ws, summit, ranked) == {ana: ()}
        found = warm_introductions(
            ws,
            summit,
            ranked,
            lambda t, e, people: {p: [WarmIntroduction("Li", "colleague")] for p in people},
        )
    assert found == {ana: (WarmIntroduction("Li", "colleague"),)}
