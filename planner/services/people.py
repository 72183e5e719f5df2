"""The user's network: looking people up (everyone, or one event's list), the plan for a
person at an event, and adding, editing and deleting people by hand, each undoable."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from planner.domain.ids import AttendanceId, EventId, PersonId
from planner.domain.model import Attendance, Interaction, Person
from planner.domain.rules import ValidationError, tidy_attendance
from planner.interchange.normalize import (
    MAX_DETAIL_CHARS,
    MAX_NAME_CHARS,
    clean,
    clean_notes,
    email_address,
    linkedin_url,
    phone,
    split_names,
)
from planner.services.workspace import Target, Workspace, database_of
from planner.storage.changes import ChangeSet, TableChanges, apply_changes, read_rows, table_columns
from planner.storage.codec import now_text
from planner.storage.errors import NotFoundError
from planner.storage.followups import FollowUpListing
from planner.storage.imports import (
    ATTENDANCE_COLUMNS,
    REVIEW_COLUMNS,
    event_exists,
    next_id,
)
from planner.storage.people import (
    NOT_DUPLICATE_COLUMNS,
    PERSON_COLUMNS,
    PERSON_FIELDS,
    PersonPlace,
    PersonRepository,
    not_duplicates_of,
    person_from_row,
)


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
    attendance = tidy_attendance(attendance)  # notes without invisible direction controls
    texts = (attendance.research_notes, attendance.talking_points, attendance.offer, attendance.ask)
    if any(len(text) > MAX_NOTE for text in texts):
        raise ValidationError([f"Notes are limited to {MAX_NOTE} characters each."])
    known = {g.id for g in workspace.repos.goals.for_event(attendance.event_id)}
    cleaned = replace(attendance, goal_ids=frozenset(g for g in attendance.goal_ids if g in known))
    return workspace.repos.attendances.update(cleaned)


@dataclass(frozen=True, slots=True)
class PersonStory:
    """Everything the network knows of one person: where they were or will be, what the user
    owes them, and when they talked (the latest first)."""

    person: Person
    places: tuple[PersonPlace, ...]
    follow_ups: tuple[FollowUpListing, ...]
    meetings: tuple[tuple[Interaction, str | None], ...]  # with the event's name, if any


def person_story(workspace: Workspace, person_id: PersonId) -> PersonStory:
    """The person and their history (NotFoundError when they no longer exist)."""
    repos = workspace.repos
    person = repos.people.get(person_id)
    places = tuple(repos.people.places(person_id))
    names = {place.event_id: place.event_name for place in places}
    meetings = []
    for meeting in reversed(repos.interactions.for_person(person_id)):
        name = None
        if meeting.event_id is not None:
            if meeting.event_id not in names:
                names[meeting.event_id] = repos.events.get(meeting.event_id).name
            name = names[meeting.event_id]
        meetings.append((meeting, name))
    return PersonStory(
        person, places, tuple(repos.follow_ups.of_person(person_id)), tuple(meetings)
    )


# --- the person's own details -----------------------------------------------------------------

MAX_PERSON_NOTES = 20_000
"""Characters of notes on a person (the notes of a plan at one event have MAX_NOTE)."""

_LINKEDIN_PROFILE = "https://www.linkedin.com/"


@dataclass(frozen=True, slots=True)
class PersonChange:
    """What adding, editing or deleting one person wrote, to undo and redo it exactly (the
    same ids, and an edit's undo gives back whether an import may still refresh them)."""

    person_id: PersonId
    name: str
    rows: ChangeSet


@dataclass(frozen=True, slots=True)
class PersonLinks:
    """What the person is linked to: what deleting them takes with them."""

    events: int
    follow_ups: int
    interactions: int


def tidy_person(person: Person, default_region: str | None = None) -> Person:
    """The person as they will be saved: text cleaned as an import cleans it, a name typed
    whole split into given and family name (Latin script only), the phone number made
    international when it can be placed (`default_region` places one without a country
    code), a LinkedIn link in its one canonical form. An email that is not an address is
    kept as typed, for `person_problems` to name."""
    full, given, family = split_names(
        person.full_name, person.given_name or "", person.family_name or ""
    )
    email_text = clean(person.email)
    address = email_address(email_text)
    return replace(
        person,
        full_name=full or address or "",  # someone known only by their address is named by it
        given_name=given,
        family_name=family,
        email=address or email_text or None,
        company=clean(person.company) or None,
        title=clean(person.title) or None,
        phone=phone(clean(person.phone), default_region) or None,
        linkedin_url=linkedin_url(clean(person.linkedin_url)) or None,
        notes=clean_notes(person.notes),
    )


def person_problems(target: Target, person: Person) -> list[str]:
    """What stops a tidied person from being saved, in plain words (empty when nothing)."""
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
    if person.email and email_address(person.email) is None:
        problems.append(f"“{_excerpt(person.email)}” is not an email address.")
    elif person.email:
        owner = PersonRepository(database_of(target)).with_email(person.email)
        if owner is not None and owner.id != person.id:
            problems.append(
                f"{_excerpt(owner.full_name)} already has the email address {person.email}."
            )
    link = person.linkedin_url
    if link and len(link) <= MAX_DETAIL_CHARS and not link.startswith(_LINKEDIN_PROFILE):
        problems.append(f"“{_excerpt(link)}” is not a link to a LinkedIn profile.")
    if len(person.notes) > MAX_PERSON_NOTES:
        problems.append(f"Notes are limited to {MAX_PERSON_NOTES:,} characters.")
    return problems


def _excerpt(text: str, limit: int = 60) -> str:
    """The start of a long text, for a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _checked(target: Target, person: Person, default_region: str | None) -> Person:
    tidied = tidy_person(person, default_region)
    problems = person_problems(target, tidied)
    if problems:
        raise ValidationError(problems)
    return tidied


def _row(person: Person, person_id: int, created_at: str, updated_at: str) -> tuple[Any, ...]:
    """The person as a whole row of PERSON_COLUMNS, edited by hand (imported_at NULL)."""
    values = {
        "id": person_id,
        **{field: getattr(person, field) for field in PERSON_FIELDS},
        "created_at": created_at,
        "updated_at": updated_at,
        "imported_at": None,
    }
    values["is_sample"] = int(person.is_sample)
    return tuple(values[column] for column in PERSON_COLUMNS)


def add_person(
    target: Target, person: Person, *, default_region: str | None = None
) -> PersonChange:
    """Add someone typed in by hand (ValidationError when they cannot be saved as typed)."""
    db = database_of(target)
    with db.transaction() as conn:
        tidied = _checked(target, person, default_region)
        stamp = now_text()
        row = _row(tidied, next_id(conn, "person"), stamp, stamp)
        changes = ChangeSet((TableChanges("person", PERSON_COLUMNS, 1, ((None, row),)),))
        apply_changes(conn, changes, "after")
    return PersonChange(PersonId(row[0]), tidied.full_name, changes)


def save_person(
    target: Target, person: Person, *, default_region: str | None = None
) -> PersonChange | None:
    """Save the user's edit of a person's details, or None when nothing changed.

    The values are then the user's: a later import fills only what is empty. Undo gives
    back the old values and whether an import could still bring them up to date."""
    if person.id is None:
        raise ValueError("cannot save a person who was never added")
    db = database_of(target)
    with db.transaction() as conn:
        rows = read_rows(conn, "person", PERSON_COLUMNS, "id", [person.id])
        if not rows:
            raise NotFoundError("This person no longer exists.")
        old = rows[0]
        tidied = _checked(target, person, default_region)
        created_at = old[PERSON_COLUMNS.index("created_at")]
        new = _row(tidied, person.id, created_at, now_text())
        unchanged = all(
            new[i] == old[i] for i, name in enumerate(PERSON_COLUMNS) if name in PERSON_FIELDS
        )
        if unchanged:
            return None
        changes = ChangeSet((TableChanges("person", PERSON_COLUMNS, 1, ((old, new),)),))
        apply_changes(conn, changes, "after")
    return PersonChange(person.id, tidied.full_name, changes)


def merge_people(target: Target, keeper: PersonId, absorbed: PersonId) -> PersonChange:
    """Two people who are one (a duplicate no import could be sure of): `absorbed` is folded
    into `keeper`, whose empty details it fills (nothing is overwritten); its places on
    events' lists (combined where both were on one), plans, follow-ups and meetings move
    over, and it is deleted. Undo puts both back as they were."""
    from planner.services.review import merge_changes

    if keeper == absorbed:
        raise ValueError("a person cannot be merged with themselves")
    db = database_of(target)
    with db.transaction() as conn:
        changes = merge_changes(conn, absorbed=absorbed, keeper=keeper)
        apply_changes(conn, changes, "after")
        (name,) = conn.execute("SELECT full_name FROM person WHERE id = ?", (keeper,)).fetchone()
    return PersonChange(keeper, name, changes)


def merge_preview(target: Target, keeper: PersonId, absorbed: PersonId) -> Person:
    """The person `merge_people` would leave, without writing anything."""
    from planner.services.review import merge_changes

    changes = merge_changes(database_of(target).connection, absorbed=absorbed, keeper=keeper)
    people = changes.table("person")
    assert people is not None
    for before, after in people.rows:
        if before is not None and after is not None and before[0] == keeper:
            return person_from_row(after)
    return PersonRepository(database_of(target)).get(keeper)


def person_links(target: Target, person_id: PersonId) -> PersonLinks:
    """How many events' lists, follow-ups and interactions the person is on."""
    conn = database_of(target).connection
    events, follow_ups, interactions = conn.execute(
        """SELECT (SELECT count(*) FROM attendance WHERE person_id = :id),
                  (SELECT count(*) FROM follow_up WHERE person_id = :id),
                  (SELECT count(*) FROM interaction_person WHERE person_id = :id)""",
        {"id": person_id},
    ).fetchone()
    return PersonLinks(events, follow_ups, interactions)


def delete_person(target: Target, person_id: PersonId) -> PersonChange:
    """Delete a person with everything that is about them alone: their place on events'
    lists (with its plan and goal links), their follow-ups, the review items that name them,
    and interactions nobody else was part of. Undo puts every row back."""
    db = database_of(target)
    with db.transaction() as conn:
        people = read_rows(conn, "person", PERSON_COLUMNS, "id", [person_id])
        if not people:
            raise NotFoundError("This person no longer exists.")
        changes = _deletion(conn, person_id, people[0])
        apply_changes(conn, changes, "after")
    return PersonChange(person_id, people[0][PERSON_COLUMNS.index("full_name")], changes)


@dataclass(frozen=True, slots=True)
class PeopleDeleted:
    """Several people deleted together: one change set per person, in the order deleted."""

    names: tuple[str, ...]
    rows: tuple[ChangeSet, ...]


def delete_people(target: Target, person_ids: Sequence[PersonId]) -> PeopleDeleted:
    """Delete several people as `delete_person` deletes one, in one transaction (all or
    none). A meeting with only these people goes with the last of them."""
    db = database_of(target)
    names: list[str] = []
    steps: list[ChangeSet] = []
    with db.transaction() as conn:
        for person_id in dict.fromkeys(person_ids):
            people = read_rows(conn, "person", PERSON_COLUMNS, "id", [person_id])
            if not people:
                raise NotFoundError("Someone chosen no longer exists.")
            changes = _deletion(conn, person_id, people[0])
            apply_changes(conn, changes, "after")
            names.append(people[0][PERSON_COLUMNS.index("full_name")])
            steps.append(changes)
    return PeopleDeleted(tuple(names), tuple(steps))


def _deletion(conn: Any, person_id: PersonId, person: tuple[Any, ...]) -> ChangeSet:
    def gone(table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> TableChanges:
        key_size = 1 if columns[0] == "id" else len(columns)
        return TableChanges(table, columns, key_size, tuple((row, None) for row in rows))

    columns = {
        table: table_columns(conn, table)
        for table in ("attendance", "attendance_goal", "interaction", "interaction_person")
    }
    attendances = read_rows(conn, "attendance", columns["attendance"], "person_id", [person_id])
    links = read_rows(
        conn,
        "attendance_goal",
        columns["attendance_goal"],
        "attendance_id",
        [row[0] for row in attendances],
    )
    with_person = read_rows(
        conn, "interaction_person", columns["interaction_person"], "person_id", [person_id]
    )
    at = columns["interaction_person"].index("interaction_id")
    alone = [
        row[0]
        for row in conn.execute(
            """SELECT interaction_id FROM interaction_person
               WHERE interaction_id IN (SELECT value FROM json_each(?))
               GROUP BY interaction_id HAVING count(*) = 1""",
            (json.dumps([row[at] for row in with_person]),),
        )
    ]
    interactions = read_rows(conn, "interaction", columns["interaction"], "id", alone)
    follow_columns = table_columns(conn, "follow_up")
    follow_ups = read_rows(conn, "follow_up", follow_columns, "person_id", [person_id])
    reviews = {
        row[0]: row
        for where in ("new_person_id", "existing_person_id")
        for row in read_rows(conn, "import_review", REVIEW_COLUMNS, where, [person_id])
    }
    return ChangeSet(
        (
            gone("person", PERSON_COLUMNS, [person]),
            gone("attendance", columns["attendance"], attendances),
            gone("attendance_goal", columns["attendance_goal"], links),
            gone("interaction", columns["interaction"], interactions),
            gone("interaction_person", columns["interaction_person"], with_person),
            gone("follow_up", follow_columns, follow_ups),
            gone("import_review", REVIEW_COLUMNS, [reviews[key] for key in sorted(reviews)]),
            TableChanges(
                "not_duplicate",
                NOT_DUPLICATE_COLUMNS,
                2,
                tuple((row, None) for row in not_duplicates_of(conn, person_id)),
            ),
        )
    )


# --- an event's list, by hand ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ListChange:
    """People put on an event's list or taken off it by hand, to undo and redo exactly."""

    rows: ChangeSet
    changed: int  # attendances added or removed
    already: int = 0  # people asked for who were on the list already


def add_to_event(target: Target, event_id: EventId, person_ids: Sequence[PersonId]) -> ListChange:
    """Put people on the event's list, to meet (priority and role as an import gives them);
    those on it already stay as they are. NotFoundError when the event or a person is gone."""
    db = database_of(target)
    with db.transaction() as conn:
        if not event_exists(conn, event_id):
            raise NotFoundError("This event no longer exists.")
        wanted = list(dict.fromkeys(person_ids))
        found = {row[0] for row in read_rows(conn, "person", ("id",), "id", wanted)}
        if len(found) != len(wanted):
            raise NotFoundError("Someone chosen no longer exists.")
        # Only the people chosen are looked up (the (event, person) index), not a
        # conference's whole list.
        on_list = {
            person
            for (person,) in conn.execute(
                "SELECT person_id FROM attendance WHERE event_id = ?"
                " AND person_id IN (SELECT value FROM json_each(?))",
                (event_id, json.dumps(wanted)),
            )
        }
        new = [person for person in wanted if person not in on_list]
        first = next_id(conn, "attendance")
        defaults = Attendance(event_id, PersonId(0))
        values: dict[str, Any] = {
            "event_id": event_id,
            "role": defaults.role.value,
            "tier": defaults.tier.value,
            "status": defaults.status.value,
            "research_notes": defaults.research_notes,
            "talking_points": defaults.talking_points,
            "offer": defaults.offer,
            "ask": defaults.ask,
        }
        rows = tuple(
            (
                None,
                tuple(
                    {**values, "id": first + i, "person_id": person}[c] for c in ATTENDANCE_COLUMNS
                ),
            )
            for i, person in enumerate(new)
        )
        changes = ChangeSet((TableChanges("attendance", ATTENDANCE_COLUMNS, 1, rows),))
        apply_changes(conn, changes, "after")
    return ListChange(changes, len(new), len(wanted) - len(new))


def remove_from_event(target: Target, attendance_ids: Sequence[AttendanceId]) -> ListChange:
    """Take people off an event's list, with the plan for them there and its goal links.
    Their follow-ups and meetings stay: they are about the person, not the list."""
    db = database_of(target)
    with db.transaction() as conn:
        wanted = list(dict.fromkeys(attendance_ids))
        attendances = read_rows(conn, "attendance", ATTENDANCE_COLUMNS, "id", wanted)
        if len(attendances) != len(wanted):
            raise NotFoundError("Someone chosen is no longer on the list.")
        link_columns = table_columns(conn, "attendance_goal")
        links = read_rows(conn, "attendance_goal", link_columns, "attendance_id", wanted)
        changes = ChangeSet(
            (
                TableChanges(
                    "attendance", ATTENDANCE_COLUMNS, 1, tuple((row, None) for row in attendances)
                ),
                TableChanges(
                    "attendance_goal",
                    link_columns,
                    len(link_columns),
                    tuple((row, None) for row in links),
                ),
            )
        )
        apply_changes(conn, changes, "after")
    return ListChange(changes, len(attendances))
