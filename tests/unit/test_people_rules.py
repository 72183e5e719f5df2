"""domain.people: what a person's details and their plan at an event may be, decided without
the database (the service adds what only the address parser and the database can tell)."""

from __future__ import annotations

import pytest

from planner.domain.ids import EventId, PersonId
from planner.domain.model import Attendance, Person
from planner.domain.people import (
    MAX_DETAIL_CHARS,
    MAX_NAME_CHARS,
    MAX_NOTE,
    MAX_PERSON_NOTES,
    attendance_problems,
    detail_problems,
    excerpt,
)


def test_a_named_person_with_short_details_may_be_saved() -> None:
    person = Person(
        full_name="Ana Silva",
        company="Acme",
        title="CTO",
        phone="+351 21 000 0000",
        linkedin_url="https://www.linkedin.com/in/ana",
        notes="x" * MAX_PERSON_NOTES,
    )
    assert detail_problems(person) == []


def test_a_person_needs_a_name_of_at_most_the_limit() -> None:
    assert detail_problems(Person(full_name="")) == ["Give a name or an email address."]
    assert detail_problems(Person(full_name="x" * MAX_NAME_CHARS)) == []
    (problem,) = detail_problems(Person(full_name="x" * (MAX_NAME_CHARS + 1)))
    assert f"at most {MAX_NAME_CHARS} characters" in problem


@pytest.mark.parametrize(
    ("field", "what"),
    [("company", "company"), ("title", "job title"), ("phone", "phone number")],
)
def test_each_detail_has_the_same_limit(field: str, what: str) -> None:
    assert detail_problems(Person(full_name="A", **{field: "x" * MAX_DETAIL_CHARS})) == []
    long = Person(full_name="A", **{field: "x" * (MAX_DETAIL_CHARS + 1)})
    assert detail_problems(long) == [
        f"The {what} is too long: at most {MAX_DETAIL_CHARS} characters."
    ]


def test_a_linkedin_link_must_be_a_profile_and_a_long_one_is_only_too_long() -> None:
    (problem,) = detail_problems(Person(full_name="A", linkedin_url="https://example.com/ana"))
    assert problem == "“https://example.com/ana” is not a link to a LinkedIn profile."
    long = "https://example.com/" + "x" * MAX_DETAIL_CHARS
    assert detail_problems(Person(full_name="A", linkedin_url=long)) == [
        f"The LinkedIn profile is too long: at most {MAX_DETAIL_CHARS} characters."
    ]


def test_the_email_verdict_comes_where_the_address_does_in_the_form() -> None:
    person = Person(full_name="", linkedin_url="https://example.com/a", notes="x" * 20_001)
    problems = detail_problems(person, ["“ana@” is not an email address."])
    assert problems == [
        "Give a name or an email address.",
        "“ana@” is not an email address.",
        "“https://example.com/a” is not a link to a LinkedIn profile.",
        f"Notes are limited to {MAX_PERSON_NOTES:,} characters.",
    ]


def test_each_note_of_a_plan_has_the_limit() -> None:
    plan = Attendance(EventId(1), PersonId(2))
    assert attendance_problems(plan) == []
    for field in ("research_notes", "talking_points", "offer", "ask"):
        fits = Attendance(EventId(1), PersonId(2), **{field: "x" * MAX_NOTE})
        assert attendance_problems(fits) == []
        over = Attendance(EventId(1), PersonId(2), **{field: "x" * (MAX_NOTE + 1)})
        assert attendance_problems(over) == [f"Notes are limited to {MAX_NOTE} characters each."]


def test_an_excerpt_ends_in_an_ellipsis_only_when_cut() -> None:
    assert excerpt("short") == "short"
    assert excerpt("x" * 60) == "x" * 60
    assert excerpt("x" * 61) == "x" * 59 + "…"
