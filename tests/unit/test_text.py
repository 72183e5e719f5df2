"""One rule for user text, wherever it enters: invisible direction controls never reach what
the planner keeps, nor the calendars it writes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.cli import main
from planner.domain.checklist import item_problems
from planner.domain.enums import NetworkType, PrepPhase
from planner.domain.goals import goal_problems, parse_words, tidy_goal
from planner.domain.ids import EventId
from planner.domain.model import Event, Goal, Person
from planner.domain.rules import ValidationError, event_problems, validate_event
from planner.domain.text import INVISIBLE, drop_invisible
from planner.interchange.normalize import clean, clean_notes
from planner.services.checklist import ChecklistService
from planner.services.events import EventService
from planner.services.goals import GoalService
from planner.services.people import tidy_person, update_attendance
from planner.services.sample import UPCOMING_NAME, seed_sample
from planner.services.workspace import Workspace

# Spelled out here, apart from the code: the characters the rule drops.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
OTHERS = "\u200b\u200e\u200f\ufeff"  # zero-width space, direction marks, byte-order mark
RLO, PDF = "\u202e", "\u202c"  # right-to-left override, and the end of it


def test_the_rule_holds_every_bidirectional_control_and_the_other_invisibles() -> None:
    assert {chr(code) for code in INVISIBLE} == set(BIDI + OTHERS)


@given(st.text(alphabet=st.sampled_from([*BIDI, *OTHERS, "a", "ש", " ", "\n", "é"])) | st.text())
def test_drop_invisible_drops_those_and_keeps_the_rest(text: str) -> None:
    assert drop_invisible(text) == "".join(ch for ch in text if ch not in BIDI + OTHERS)


def test_the_import_cleans_by_the_same_rule() -> None:
    for ch in BIDI + OTHERS:
        assert clean(f"An{ch}a Lima") == "Ana Lima"
        assert clean_notes(f"line{ch}\nnext") == "line\nnext"


def event(**fields: str) -> Event:
    values = {"name": "Web Summit", "timezone": "UTC", **fields}
    return Event(
        start=datetime(2027, 5, 1, 9, tzinfo=UTC),
        end=datetime(2027, 5, 1, 18, tzinfo=UTC),
        **values,
    )


def test_an_event_keeps_no_direction_controls() -> None:
    typed = event(
        name=f"Web {RLO}timmuS{PDF}",
        venue="\u2067FIL\u2069",
        url=f"https://ws.example/{RLO}x",
        notes=f"Bring\u200b cards\n{RLO}",
    )
    kept = validate_event(typed)
    assert (kept.name, kept.venue, kept.url, kept.notes) == (
        "Web timmuS",
        "FIL",
        "https://ws.example/x",
        "Bring cards\n",
    )


def test_a_name_of_direction_controls_alone_is_no_name() -> None:
    assert event_problems(event(name=BIDI)) == ["The event needs a name."]
    with pytest.raises(ValidationError):
        validate_event(event(name=f" {RLO}{PDF} "))


def goal(**fields: object) -> Goal:
    start = Goal(event_id=EventId(1), text="Meet 3 investors", network_type=NetworkType.STRATEGIC)
    return replace(start, **fields)


def test_a_goal_keeps_no_direction_controls() -> None:
    typed = goal(
        text=f"Meet 3 {RLO}srotsevni{PDF}",
        keywords=(f"fin{RLO}tech", "fintech", "\u2066"),
        roles=("CTO\u200f",),
        companies=("\ufeffAcme",),
    )
    kept = tidy_goal(typed)
    assert (kept.text, kept.keywords, kept.roles, kept.companies) == (
        "Meet 3 srotsevni",
        ("fintech",),
        ("CTO",),
        ("Acme",),
    )
    assert parse_words(f"seed{RLO}, {PDF}Seed, \u2067") == ("seed",)
    assert goal_problems(goal(text=BIDI))[0].startswith("The goal needs a description")


def test_services_keep_no_direction_controls(workspace: Workspace) -> None:
    created = EventService(workspace).create(event(name=f"{RLO}Expo"))
    assert created.id is not None and created.name == "Expo"
    saved = GoalService(workspace).create(goal(event_id=created.id, text=f"Meet {RLO}Ana"))
    assert workspace.repos.goals.for_event(created.id) == [saved]
    assert saved.text == "Meet Ana"
    checklist = ChecklistService(workspace)
    item = checklist.add_item(created.id, f"Print {RLO}cards{PDF}", -3)
    assert item.text == "Print cards"
    assert checklist.edit_item(item, "\u2066Print badges", -2).text == "Print badges"
    template = checklist.add_template(PrepPhase.RESEARCH, f"Read {RLO}bios", -5)
    assert template.text == "Read bios"
    assert checklist.update_template(replace(template, text="Read\u200f bios")).text == "Read bios"
    assert item_problems(BIDI, 0) == ["The item needs some text."]
    person = tidy_person(Person(full_name=f"Ana {RLO}amiL", company="\u2067Acme\u2069"))
    assert (person.full_name, person.company) == ("Ana amiL", "Acme")


def test_the_plan_for_meeting_someone_keeps_no_direction_controls(workspace: Workspace) -> None:
    seed_sample(workspace, datetime(2026, 11, 22, tzinfo=UTC))
    upcoming = next(e for e in workspace.repos.events.all() if e.name == UPCOMING_NAME)
    assert upcoming.id is not None
    attendance = workspace.repos.attendances.for_event(upcoming.id)[0]
    saved = update_attendance(
        workspace,
        replace(
            attendance,
            research_notes=f"Runs {RLO}the meetup",
            talking_points="\u2066Payments\u2069",
            offer=f"An intro{PDF}",
            ask="\u200fAdvice",
        ),
    )
    kept = (saved.research_notes, saved.talking_points, saved.offer, saved.ask)
    assert kept == ("Runs the meetup", "Payments", "An intro", "Advice")
    assert workspace.repos.attendances.for_event(upcoming.id)[0] == saved


def test_a_goal_typed_with_direction_controls_never_reaches_the_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    event_args = ["event", "add", "--name", f"Web {RLO}Summit", "--tz", "UTC"]
    assert main([*data, *event_args, "--start", "2099-05-01T09", "--end", "2099-05-02T18"]) == 0
    text = f"Meet 3 {RLO}srotsevni{PDF} \u2067at the bar\u2069"
    goal_args = ["goal", "add", "web", "--text", text, "--type", "strategic"]
    assert main([*data, *goal_args, "--keywords", f"fin{RLO}tech, seed"]) == 0
    assert main([*data, "goal", "list", "1", "--json"]) == 0
    capsys.readouterr()
    target = tmp_path / "prep.ics"
    assert main([*data, "checklist", "1", "--ics", str(target)]) == 0
    assert capsys.readouterr().err == ""
    calendar = target.read_bytes().decode("utf-8")
    assert "Shortlist people for the goal “Meet 3 srotsevni at the bar”" in calendar
    assert "Web Summit" in calendar
    assert not set(calendar) & set(BIDI + OTHERS)


def test_text_kept_before_the_rule_is_not_written_to_the_calendar(
    workspace: Workspace, tmp_path: Path
) -> None:
    created = EventService(workspace).create(event(name="Expo"))
    assert created.id is not None
    # Written as an older version would have kept it, past today's rule.
    workspace.repos.goals.add(goal(event_id=created.id, text=f"Meet {RLO}Ana{PDF}"))
    target = tmp_path / "prep.ics"
    ChecklistService(workspace).export_ics(created, target, "todo")
    calendar = target.read_bytes().decode("utf-8")
    assert "Meet Ana" in calendar
    assert not set(calendar) & set(BIDI + OTHERS)
