"""The user's network: looking people up (everyone, or one event's list), the plan for a
person at an event, and adding, editing and deleting people by hand, each undoable."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from planner.domain.enums import PriorityTier
from planner.domain.ids import AttendanceId, EventId, PersonId
from planner.domain.model import Attendance, Interaction, Person
from planner.domain.people import attendance_problems, detail_problems, excerpt
from planner.domain.rules import ValidationError, tidy_attendance
from planner.interchange.normalize import (
    clean,
    clean_notes,
    email_address,
    linkedin_url,
    phone,
    split_names,
)
from planner.services.workspace import Target, Workspace, database_of
from planner.storage.attendances import AttendanceRepository
from planner.storage.changes import ChangeSet, TableChanges, apply_changes, read_rows, table_columns
from planner.storage.codec import now_text
from planner.storage.errors import NotFoundError
from planner.storage.followups import FollowUpListing, interactions_of_one
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


def get_person(target: Target, person_id: PersonId) -> Person:
    """The person as saved (NotFoundError when they no longer exist)."""
    return PersonRepository(database_of(target)).get(person_id)


def update_attendance(workspace: Workspace, attendance: Attendance) -> Attendance:
    """Save the user's plan for one person at one event (status, priority, goals, notes).

    Marking someone met is what moves goal progress; research notes tick the checklist's
    "Research ..." item."""
    attendance = tidy_attendance(attendance)  # notes without invisible direction controls
    problems = attendance_problems(attendance)
    if problems:
        raise ValidationError(problems)
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
    """What stops a tidied person from being saved, in plain words (empty when nothing): the
    rules of planner.domain.people, with the email address read by the importer's parser and
    looked up among everyone else's."""
    email_problems = []
    if person.email and email_address(person.email) is None:
        email_problems.append(f"“{excerpt(person.email)}” is not an email address.")
    elif person.email:
        owner = PersonRepository(database_of(target)).with_email(person.email)
        if owner is not None and owner.id != person.id:
            email_problems.append(
                f"{excerpt(owner.full_name)} already has the email address {person.email}."
            )
    return detail_problems(person, email_problems)


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
        name = PersonRepository(db).get(keeper).full_name
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
    return PersonLinks(*PersonRepository(database_of(target)).link_counts(person_id))


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
    alone = interactions_of_one(conn, [row[at] for row in with_person])
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
        on_list = AttendanceRepository(db).on_list(event_id, wanted)
        new = [person for person in wanted if person not in on_list]
        first = next_id(conn, "attendance")
        defaults = Attendance(event_id, PersonId(0))
        values: dict[str, Any] = {
            "event_id": event_id,
            "role": defaults.role.value,
            "tier": PriorityTier.NICE_TO_MEET.value,  # the column before tiers were pinned
            "pinned_tier": None,
            "research_status": defaults.research_status.value,
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
