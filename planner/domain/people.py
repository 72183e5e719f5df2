"""What a person's details and the plan for them at an event may be, to be saved: the same
limits for a person typed in by hand and for a row an import reads.

Whether an email is an address, and whether someone else has it, is not decided here: that
needs the address parser (planner.interchange.normalize) and the database, so the service
that saves a person works it out and these rules place its verdict among theirs."""

from __future__ import annotations

from collections.abc import Sequence

from planner.domain.model import Attendance, Person

MAX_NAME_CHARS = 300
"""The longest name a row may carry: real names, titles and all, stay far below it."""
MAX_DETAIL_CHARS = 300
"""The longest company, job title, phone number or LinkedIn profile a row may carry; longer
is text that ran into the wrong column (notes may be as long as a field can be)."""
MAX_PERSON_NOTES = 20_000
"""Characters of notes on a person (the notes of a plan at one event have MAX_NOTE)."""
MAX_NOTE = 5000
"""Characters of each note of the plan for a person at an event."""
LINKEDIN_PROFILE = "https://www.linkedin.com/"
"""How a LinkedIn profile's link starts once tidied into its canonical form."""


def excerpt(text: str, limit: int = 60) -> str:
    """The start of a long text, for a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def detail_problems(person: Person, email_problems: Sequence[str] = ()) -> list[str]:
    """What stops a tidied person from being saved, in plain words (empty when nothing), as
    far as the person alone decides it; `email_problems`, what the service found wrong with
    the email address, come where the address does."""
    problems: list[str] = []
    if not person.full_name:
        problems.append("Give a name or an email address.")
    elif len(person.full_name) > MAX_NAME_CHARS:
        problems.append(f"The name is too long: a name has at most {MAX_NAME_CHARS} characters.")
    for what, text in (
        ("company", person.company),
        ("job title", person.title),
        ("phone number", person.phone),
        ("LinkedIn profile", person.linkedin_url),
    ):
        if text and len(text) > MAX_DETAIL_CHARS:
            problems.append(f"The {what} is too long: at most {MAX_DETAIL_CHARS} characters.")
    problems.extend(email_problems)
    link = person.linkedin_url
    if link and len(link) <= MAX_DETAIL_CHARS and not link.startswith(LINKEDIN_PROFILE):
        problems.append(f"“{excerpt(link)}” is not a link to a LinkedIn profile.")
    if len(person.notes) > MAX_PERSON_NOTES:
        problems.append(f"Notes are limited to {MAX_PERSON_NOTES:,} characters.")
    return problems


def attendance_problems(attendance: Attendance) -> list[str]:
    """What stops the plan for a person at an event from being saved (empty when nothing)."""
    texts = (attendance.research_notes, attendance.talking_points, attendance.offer, attendance.ask)
    if any(len(text) > MAX_NOTE for text in texts):
        return [f"Notes are limited to {MAX_NOTE} characters each."]
    return []
