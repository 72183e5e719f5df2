"""The import service: matching, one transaction, undo and redo, review, remembered columns."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from planner.domain.enums import AttendanceStatus, AttendeeRole, InteractionKind, NetworkType
from planner.domain.ids import EventId, PersonId
from planner.domain.importing import Field, Mapping, SourceRow, Table, TableKind
from planner.domain.model import Attendance, FollowUp, Goal, Interaction, Person
from planner.services.importing.service import (
    ImportCancelled,
    ImportOutcome,
    prepare_import,
    redo_import,
    remember_mapping,
    remembered_mapping,
    run_import,
    undo_import,
    with_remembered,
)
from planner.services.review import (
    pending_review_count,
    pending_reviews,
    redo_resolution,
    redo_resolutions,
    resolve_review,
    resolve_reviews,
    undo_resolution,
    undo_resolutions,
)
from planner.services.workspace import Workspace
from planner.storage.database import Database
from planner.storage.errors import NotFoundError
from tests.builders import event_id_in
from tests.db_contents import every_row

HEADERS = ("Name", "Email", "Company", "Title", "Phone", "LinkedIn", "Ticket", "Status", "Notes")
MAPPING: Mapping = {
    0: Field.FULL_NAME,
    1: Field.EMAIL,
    2: Field.COMPANY,
    3: Field.TITLE,
    4: Field.PHONE,
    5: Field.LINKEDIN_URL,
    6: Field.ROLE,
    7: Field.STATUS,
    8: Field.NOTES,
}
COLUMNS = ("name", "email", "company", "title", "phone", "linkedin", "ticket", "status", "notes")


def row(**values: str) -> tuple[str, ...]:
    assert set(values) <= set(COLUMNS), values
    return tuple(values.get(column, "") for column in COLUMNS)


def table(rows: Sequence[tuple[str, ...]], source: str = "attendees.csv") -> Table:
    return Table(
        source=source,
        kind=TableKind.CSV,
        headers=HEADERS,
        rows=tuple(SourceRow(line, cells) for line, cells in enumerate(rows, start=2)),
        encoding="utf-8",
        delimiter=",",
    )


def run(
    workspace: Workspace | Database, rows: Sequence[tuple[str, ...]], event_id: EventId
) -> ImportOutcome:
    return run_import(workspace, table(rows), MAPPING, event_id, default_region="PT")


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    return every_row(db.connection)


def people_by_name(workspace: Workspace) -> dict[str, Person]:
    return {person.full_name: person for person in workspace.repos.people.all()}


def attendance_of(workspace: Workspace, event_id: EventId, person: Person) -> Attendance:
    (found,) = [
        a for a in workspace.repos.attendances.for_event(event_id) if a.person_id == person.id
    ]
    return found


@pytest.fixture
def event_id(workspace: Workspace) -> EventId:
    return event_id_in(workspace, "PyCon Lisboa")


# --- a plain import --------------------------------------------------------------------------


def test_rows_become_people_with_an_attendance(workspace: Workspace, event_id: EventId) -> None:
    outcome = run(
        workspace,
        [
            row(
                name="  Ana   Lima ",
                email="Ana@Lima.example",
                company="Acme",
                title="CTO",
                phone="912 345 678",
                linkedin="pt.linkedin.com/in/ana-lima/",
                ticket="Speaker",
            ),
            row(name="田中 美咲", company="桜キャピタル"),
            row(email="solo@example.org"),
        ],
        event_id,
    )
    report = outcome.report
    assert (report.rows, report.added, report.merged, report.updated) == (3, 3, 0, 0)
    assert report.attendances_added == 3
    assert report.review == [] and report.skipped == []
    assert report.source == "attendees.csv" and report.encoding == "utf-8"
    assert report.layout is None

    people = people_by_name(workspace)
    ana = people["Ana Lima"]
    assert (ana.given_name, ana.family_name, ana.email, ana.phone, ana.linkedin_url) == (
        "Ana",
        "Lima",
        "Ana@Lima.example",
        "+351912345678",
        "https://www.linkedin.com/in/ana-lima",
    )
    assert (people["田中 美咲"].given_name, people["田中 美咲"].family_name) == (None, None)
    assert people["solo@example.org"].email == "solo@example.org"
    assert attendance_of(workspace, event_id, ana).role is AttendeeRole.SPEAKER
    assert attendance_of(workspace, event_id, people["田中 美咲"]).role is AttendeeRole.ATTENDEE
    assert set(outcome.changes.people_added) == {p.id for p in people.values()}


def test_skipped_rows_are_reported_with_their_line(workspace: Workspace, event_id: EventId) -> None:
    report = run(
        workspace,
        [row(company="Acme"), row(name="Ana", status="Cancelled"), row(name="Rui")],
        event_id,
    ).report
    assert [(s.line, s.reason) for s in report.skipped] == [
        (2, "no name or email"),
        (3, "status is “Cancelled”"),
    ]
    assert report.added == 1


def test_a_file_of_nothing_usable_imports_nothing(workspace: Workspace, event_id: EventId) -> None:
    before = snapshot(workspace.db)
    outcome = run(workspace, [row(company="Acme"), row(title="CTO")], event_id)
    assert not outcome.report.imported_anything
    assert outcome.changes.is_empty
    assert snapshot(workspace.db) == before


def test_an_unknown_event_or_a_mapping_without_names_is_refused(
    workspace: Workspace, event_id: EventId
) -> None:
    with pytest.raises(NotFoundError):
        run(workspace, [row(name="Ana")], EventId(event_id + 100))
    with pytest.raises(ValueError, match="names or emails"):
        run_import(workspace, table([row(name="Ana")]), {2: Field.COMPANY}, event_id)
    assert workspace.repos.people.count() == 0


def test_the_layout_is_named_only_while_its_mapping_is_used(
    workspace: Workspace, event_id: EventId
) -> None:
    from planner.domain.importing import Layout

    layout = Layout("test", "Test export", dict(MAPPING))
    report = run_import(
        workspace, table([row(name="Ana")]), MAPPING, event_id, layout=layout
    ).report
    assert report.layout == "Test export"
    changed = {0: Field.FULL_NAME, 1: Field.EMAIL}
    report = run_import(
        workspace, table([row(name="Rui")]), changed, event_id, layout=layout
    ).report
    assert report.layout is None


# --- de-duplication --------------------------------------------------------------------------


def test_duplicates_within_the_file_are_merged(workspace: Workspace, event_id: EventId) -> None:
    report = run(
        workspace,
        [
            row(name="Ana Lima", email="ana@lima.example"),
            row(name="Ana Lima", email="ANA@lima.example ", company="Acme", ticket="Sponsor"),
            row(name="Ana Lima", email="ana@lima.example", company="Other Co", title="CTO"),
        ],
        event_id,
    ).report
    assert (report.added, report.merged, report.updated, report.attendances_added) == (1, 2, 0, 1)
    (ana,) = workspace.repos.people.all()
    assert (ana.email, ana.company, ana.title) == ("ana@lima.example", "Acme", "CTO")
    assert attendance_of(workspace, event_id, ana).role is AttendeeRole.SPONSOR


def test_a_known_email_fills_empty_fields_and_overwrites_nothing(
    workspace: Workspace, event_id: EventId
) -> None:
    known = workspace.repos.people.add(
        Person(
            "Ana Lima",
            email="ana@lima.example",
            company="Acme (typed by the user)",
            notes="Met her in 2024",
        )
    )
    report = run(
        workspace,
        [
            row(
                name="Ana R. Lima",
                email="Ana@Lima.Example",
                company="Acme",
                title="CTO",
                phone="+351 912 345 678",
                notes="from the file",
            )
        ],
        event_id,
    ).report
    assert (report.added, report.merged, report.updated, report.attendances_added) == (0, 1, 1, 1)
    (ana,) = workspace.repos.people.all()
    assert ana.id == known.id
    assert (ana.full_name, ana.email, ana.company, ana.notes) == (
        "Ana Lima",
        "ana@lima.example",
        "Acme (typed by the user)",
        "Met her in 2024",
    )
    assert (ana.title, ana.phone) == ("CTO", "+351912345678")


def test_a_shared_email_with_an_unalike_name_is_left_for_review(
    workspace: Workspace, event_id: EventId
) -> None:
    known = workspace.repos.people.add(Person("Ana Lima", email="team@acme.example"))
    report = run(workspace, [row(name="Bruno Costa", email="team@acme.example")], event_id).report
    assert (report.added, report.merged) == (1, 0)
    (item,) = report.review
    assert item.existing_person_id == known.id


def test_an_email_only_row_matches_by_email_and_gets_no_name(
    workspace: Workspace, event_id: EventId
) -> None:
    workspace.repos.people.add(Person("Ana Lima", email="ana@lima.example"))
    report = run(workspace, [row(email="ana@lima.example", title="CTO")], event_id).report
    assert (report.added, report.merged, report.updated) == (0, 1, 1)
    (ana,) = workspace.repos.people.all()
    assert (ana.full_name, ana.title) == ("Ana Lima", "CTO")


def test_a_person_known_by_email_only_gets_the_name(
    workspace: Workspace, event_id: EventId
) -> None:
    run(workspace, [row(email="ana@lima.example")], event_id)
    report = run(workspace, [row(name="Ana Lima", email="ana@lima.example")], event_id).report
    assert (report.added, report.merged, report.updated) == (0, 1, 1)
    (ana,) = workspace.repos.people.all()
    assert (ana.full_name, ana.given_name, ana.family_name) == ("Ana Lima", "Ana", "Lima")


def test_a_close_name_at_the_same_company_is_merged(
    workspace: Workspace, event_id: EventId
) -> None:
    known = workspace.repos.people.add(
        Person("John Smith", given_name="John", family_name="Smith", company="Acme Inc.")
    )
    report = run(
        workspace, [row(name="Jon Smith", email="jon@acme.example", company="ACME")], event_id
    ).report
    assert (report.added, report.merged, report.updated) == (0, 1, 1)
    person = workspace.repos.people.get(PersonId(known.id or 0))
    assert (person.full_name, person.email, person.company) == (
        "John Smith",
        "jon@acme.example",
        "Acme Inc.",
    )


def test_the_same_linkedin_profile_confirms_a_close_name(
    workspace: Workspace, event_id: EventId
) -> None:
    workspace.repos.people.add(
        Person("John Smith", company="Acme", linkedin_url="https://www.linkedin.com/in/jsmith")
    )
    report = run(
        workspace,
        [row(name="Jon Smith", company="Globex", linkedin="uk.linkedin.com/in/JSmith/")],
        event_id,
    ).report
    assert (report.added, report.merged) == (0, 1)


def test_a_cjk_name_with_and_without_a_space_is_the_same_at_the_same_company(
    workspace: Workspace, event_id: EventId
) -> None:
    workspace.repos.people.add(Person("田中 美咲", company="桜キャピタル"))
    report = run(workspace, [row(name="田中美咲", company="桜キャピタル株式会社")], event_id).report
    assert (report.added, report.merged) == (0, 1)


@pytest.mark.parametrize(
    ("known", "incoming"),
    [
        (Person("Maria Silva", company="Acme"), row(name="Mario Silva", company="Acme")),
        (Person("Ana Lima"), row(name="Ana Lima", company="Acme")),  # no company to compare
        (
            Person("Ana Lima", email="ana@old.example", company="Acme"),
            row(name="Ana Lima", email="ana@new.example", company="Acme"),
        ),  # two different addresses
    ],
    ids=["one-letter-apart", "no-company", "other-email"],
)
def test_a_likely_but_unsure_match_adds_the_person_and_a_review_item(
    workspace: Workspace, event_id: EventId, known: Person, incoming: tuple[str, ...]
) -> None:
    saved = workspace.repos.people.add(known)
    outcome = run(workspace, [incoming], event_id)
    report = outcome.report
    assert (report.added, report.merged) == (1, 0)
    (item,) = report.review
    assert item.line == 2 and item.existing_person_id == saved.id
    assert 80 <= item.score <= 100
    assert outcome.changes.reviews_added
    (listing,) = pending_reviews(workspace, event_id)
    assert pending_review_count(workspace, event_id) == pending_review_count(workspace) == 1
    assert (listing.source, listing.line, listing.score) == ("attendees.csv", 2, item.score)
    assert listing.existing_person == saved
    assert listing.new_person.id == item.new_person_id


def test_a_namesake_at_another_company_is_someone_else(
    workspace: Workspace, event_id: EventId
) -> None:
    workspace.repos.people.add(Person("Ana Lima", company="Globex Corporation"))
    report = run(workspace, [row(name="Ana Lima", company="Initech")], event_id).report
    assert (report.added, report.merged, report.review) == (1, 0, [])


def test_close_names_within_the_file_are_merged_or_reviewed(
    workspace: Workspace, event_id: EventId
) -> None:
    report = run(
        workspace,
        [
            row(name="John Smith", company="Acme"),
            row(name="Jon Smith", company="Acme", email="jon@acme.example"),
            row(name="Maria Silva", company="Acme"),
            row(name="Mario Silva", company="Acme"),
        ],
        event_id,
    ).report
    assert (report.added, report.merged) == (3, 1)
    (item,) = report.review
    assert item.line == 5


# --- importing again ---------------------------------------------------------------------------

LIST = [
    row(name="Ana Lima", email="ana@lima.example", company="Acme"),
    row(name="Rui Costa", company="Globex"),
    row(name="Noa Levi"),  # no email, no company: found again by being on this list
    row(name="田中 美咲", ticket="Speaker"),
]


def test_importing_the_same_list_again_adds_nothing(
    workspace: Workspace, event_id: EventId
) -> None:
    run(workspace, LIST, event_id)
    before = snapshot(workspace.db)
    report = run(workspace, LIST, event_id).report
    assert (report.added, report.updated, report.attendances_added, report.review) == (
        0,
        0,
        0,
        [],
    )
    assert report.merged == len(LIST)
    assert snapshot(workspace.db) == before


def test_an_updated_list_updates_what_changed_and_keeps_the_users_status(
    workspace: Workspace, event_id: EventId
) -> None:
    run(workspace, LIST, event_id)
    people = people_by_name(workspace)
    rui = people["Rui Costa"]
    attendance = attendance_of(workspace, event_id, rui)
    _set_status(workspace, attendance, AttendanceStatus.MET)
    updated = [
        row(name="Ana Lima", email="ana@lima.example", company="Acme Corp", title="CTO"),
        row(name="Rui Costa", company="Globex", ticket="Sponsor", email="rui@globex.example"),
        row(name="Noa Levi", ticket="Speaker"),
        row(name="Bruno Dias", email="bruno@example.org"),
    ]
    report = run(workspace, updated, event_id).report
    assert (report.added, report.updated, report.merged, report.attendances_added) == (1, 2, 3, 1)
    people = people_by_name(workspace)
    assert people["Ana Lima"].company == "Acme Corp" and people["Ana Lima"].title == "CTO"
    assert people["Rui Costa"].email == "rui@globex.example"
    rui_attendance = attendance_of(workspace, event_id, people["Rui Costa"])
    assert rui_attendance.status is AttendanceStatus.MET
    assert rui_attendance.role is AttendeeRole.SPONSOR
    assert attendance_of(workspace, event_id, people["Noa Levi"]).role is AttendeeRole.SPEAKER
    count = workspace.db.connection.execute(
        "SELECT count(*), count(DISTINCT person_id) FROM attendance WHERE event_id = ?",
        (event_id,),
    ).fetchone()
    assert count == (5, 5)


CHANGED = [
    row(
        name="Ana Lima",
        email="ANA@lima.example",
        company="Acme Corp",
        title="CTO",
        phone="+351 912 000 111",
        linkedin="https://www.linkedin.com/in/ana-lima-2",
    ),
    row(name="Rui Costa", company="Globex", title="Head of Sales"),
]
FIRST = [
    row(
        name="Ana Lima",
        email="ana@lima.example",
        company="Acme",
        title="VP Engineering",
        phone="+351 912 000 000",
        linkedin="https://www.linkedin.com/in/ana-lima",
        notes="Met at the booth",
    ),
    row(name="Rui Costa", company="Globex"),
]


def imported_at(workspace: Workspace, person: Person) -> tuple[str | None, str]:
    found = workspace.db.connection.execute(
        "SELECT imported_at, updated_at FROM person WHERE id = ?", (person.id,)
    ).fetchone()
    return found[0], found[1]


def test_an_updated_list_replaces_what_changed_and_says_who_was_updated(
    workspace: Workspace, event_id: EventId
) -> None:
    run(workspace, FIRST, event_id)
    before = people_by_name(workspace)
    outcome = run(workspace, CHANGED, event_id)
    assert (outcome.report.updated, outcome.report.merged, outcome.report.added) == (2, 2, 0)
    ana, rui = (people_by_name(workspace)[name] for name in ("Ana Lima", "Rui Costa"))
    assert (ana.company, ana.title, ana.phone, ana.linkedin_url) == (
        "Acme Corp",
        "CTO",
        "+351912000111",
        "https://www.linkedin.com/in/ana-lima-2",
    )
    # What people are known by stays: the email (matched whatever its case), the name; and
    # notes are only ever filled.
    assert (ana.email, ana.full_name, ana.notes) == (
        "ana@lima.example",
        "Ana Lima",
        "Met at the booth",
    )
    assert rui.title == "Head of Sales"  # filled: it was empty
    stamp, updated = imported_at(workspace, ana)
    assert stamp == updated  # still as an import left them: the next list may update again
    assert run(workspace, [row(name="Ana Lima", email="ana@lima.example", title="CEO")],
               event_id).report.updated == 1  # fmt: skip
    assert people_by_name(workspace)["Ana Lima"].title == "CEO"
    assert before["Ana Lima"].title == "VP Engineering"


def test_what_the_user_edited_is_only_ever_filled(workspace: Workspace, event_id: EventId) -> None:
    run(workspace, FIRST, event_id)
    ana = people_by_name(workspace)["Ana Lima"]
    workspace.repos.people.update(replace(ana, title="Chief Technology Officer", phone=None))
    run(workspace, CHANGED, event_id)
    ana = people_by_name(workspace)["Ana Lima"]
    assert (ana.company, ana.title, ana.phone) == (
        "Acme",  # not edited, but the person was: the import leaves every value alone...
        "Chief Technology Officer",
        "+351912000111",  # ...except what is empty
    )
    assert imported_at(workspace, ana)[0] is None  # and they stay the user's


def test_a_file_with_a_person_twice_imported_again_changes_nothing(
    workspace: Workspace, event_id: EventId
) -> None:
    twice = [FIRST[0], CHANGED[0], FIRST[1]]
    run(workspace, twice, event_id)
    before = snapshot(workspace.db)
    report = run(workspace, twice, event_id).report
    assert report.updated == 0
    assert snapshot(workspace.db) == before


def test_a_row_repeated_in_the_same_file_does_not_replace_the_first(
    workspace: Workspace, event_id: EventId
) -> None:
    report = run(workspace, [FIRST[0], CHANGED[0]], event_id).report
    assert (report.added, report.merged) == (1, 1)
    (ana,) = workspace.repos.people.all()
    assert (ana.company, ana.title) == ("Acme", "VP Engineering")


def test_undo_puts_back_the_replaced_values_and_who_wrote_them(
    workspace: Workspace, event_id: EventId
) -> None:
    run(workspace, FIRST, event_id)
    ana = people_by_name(workspace)["Ana Lima"]
    before = snapshot(workspace.db)
    outcome = run(workspace, CHANGED, event_id)
    undo_import(workspace, outcome.changes)
    assert snapshot(workspace.db) == before
    redo_import(workspace, outcome.changes)
    assert workspace.repos.people.get(ana.id).company == "Acme Corp"  # type: ignore[arg-type]


def test_the_samples_people_are_only_ever_filled(workspace: Workspace) -> None:
    from planner.services.sample import UPCOMING_NAME, seed_sample

    seed_sample(workspace, datetime(2026, 11, 22, 12, tzinfo=UTC))
    event = workspace.repos.events.find(UPCOMING_NAME)[0]
    assert event.id is not None
    sofia = next(p for p in workspace.repos.people.all() if p.full_name == "Sofía García")
    run(workspace, [row(name="Sofía García", email=sofia.email or "", company="Elsewhere")],
        event.id)  # fmt: skip
    assert workspace.repos.people.get(sofia.id).company == sofia.company  # type: ignore[arg-type]


# --- people the updated list says are not coming -------------------------------------------


def on_list(workspace: Workspace, event_id: EventId) -> set[str]:
    people = {p.id: p.full_name for p in workspace.repos.people.all()}
    return {people[a.person_id] for a in workspace.repos.attendances.for_event(event_id)}


def reasons(report: Any) -> dict[int, str]:
    return {item.line: item.reason for item in report.skipped}


def test_people_the_updated_list_says_are_not_coming_are_taken_off_the_list(
    workspace: Workspace, event_id: EventId
) -> None:
    run(workspace, LIST, event_id)
    before = snapshot(workspace.db)
    people = workspace.repos.people.count()
    withdrawn = [
        row(name="Ana Lima", email="ANA@lima.example", status="Cancelled"),
        row(name="Rui Costa", company="Globex", status="Attending"),
        row(name="noa  levi", status="Refunded"),  # no email: the very same name will do
        row(name="Zé Ninguém", email="ze@example.org", status="Cancelled"),  # never listed
    ]
    outcome = run(workspace, withdrawn, event_id)
    report = outcome.report
    assert report.attendances_removed == 2
    assert on_list(workspace, event_id) == {"Rui Costa", "田中 美咲"}
    assert workspace.repos.people.count() == people  # still in the network
    assert reasons(report) == {
        2: "status is “Cancelled”: taken off the event's list",
        4: "status is “Refunded”: taken off the event's list",
        5: "status is “Cancelled”",
    }
    assert len(outcome.changes.attendances_removed) == 2
    undo_import(workspace, outcome.changes)
    assert snapshot(workspace.db) == before
    redo_import(workspace, outcome.changes)
    assert on_list(workspace, event_id) == {"Rui Costa", "田中 美咲"}


def test_someone_the_user_planned_to_meet_stays_on_the_list(
    workspace: Workspace, event_id: EventId
) -> None:
    run(workspace, LIST, event_id)
    people = people_by_name(workspace)
    ana, noa, rui = (people[name] for name in ("Ana Lima", "Noa Levi", "Rui Costa"))
    with workspace.db.transaction() as conn:
        conn.execute(
            "UPDATE attendance SET research_notes = 'Ask about the Lisbon office'"
            " WHERE person_id = ?",
            (ana.id,),
        )
    _set_status(workspace, attendance_of(workspace, event_id, noa), AttendanceStatus.MET)
    call = FollowUp(person_id=rui.id, due=date(2026, 12, 10), action="Call", uid="rui@x")
    workspace.repos.follow_ups.add(replace(call, event_id=event_id))
    report = run(
        workspace,
        [
            row(name="Ana Lima", email="ana@lima.example", status="Cancelled"),
            row(name="Noa Levi", status="Cancelled"),
            row(name="Rui Costa", status="Declined"),
        ],
        event_id,
    ).report
    assert report.attendances_removed == 0
    assert on_list(workspace, event_id) == {"Ana Lima", "Noa Levi", "Rui Costa", "田中 美咲"}
    kept = "kept on the event's list, with your plans for them"
    assert set(reasons(report).values()) == {
        f"status is “Cancelled”: {kept}",
        f"status is “Declined”: {kept}",
    }


def test_a_cancelled_ticket_beside_one_still_valid_keeps_the_person(
    workspace: Workspace, event_id: EventId
) -> None:
    run(workspace, LIST, event_id)
    report = run(
        workspace,
        [
            row(name="Ana Lima", email="ana@lima.example", status="Cancelled"),
            row(name="Ana Lima", email="ana@lima.example", status="Attending"),
        ],
        event_id,
    ).report
    assert report.attendances_removed == 0
    assert "Ana Lima" in on_list(workspace, event_id)
    assert reasons(report) == {2: "status is “Cancelled”"}


def test_a_name_two_people_on_the_list_share_takes_nobody_off(
    workspace: Workspace, event_id: EventId
) -> None:
    run(workspace, [row(name="Ana Lima", company="Acme"), row(name="Ana Lima", company="Globex")],
        event_id)  # fmt: skip
    report = run(workspace, [row(name="Ana Lima", status="Cancelled")], event_id).report
    assert report.attendances_removed == 0
    assert len(workspace.repos.attendances.for_event(event_id)) == 2


def test_a_role_the_user_set_is_not_replaced(workspace: Workspace, event_id: EventId) -> None:
    run(workspace, [row(name="Ana Lima", email="ana@lima.example", ticket="Sponsor")], event_id)
    run(workspace, [row(name="Ana Lima", email="ana@lima.example", ticket="Speaker")], event_id)
    (ana,) = workspace.repos.people.all()
    assert attendance_of(workspace, event_id, ana).role is AttendeeRole.SPONSOR


def test_people_known_from_another_event_get_an_attendance_here(
    workspace: Workspace, event_id: EventId
) -> None:
    other = event_id_in(workspace)
    run(workspace, LIST, other)
    report = run(workspace, LIST, event_id).report
    # Ana (email) and Rui (name and company) are surely the same; a bare name met at another
    # event may be a namesake: added, and left for the user to confirm.
    assert (report.merged, report.added, report.attendances_added) == (2, 2, 4)
    assert sorted(item.line for item in report.review) == [4, 5]


def _set_status(workspace: Workspace, attendance: Attendance, status: AttendanceStatus) -> None:
    with workspace.db.transaction() as conn:
        conn.execute("UPDATE attendance SET status = ? WHERE id = ?", (status.value, attendance.id))


# --- one transaction ---------------------------------------------------------------------------


GIVEN = ("Ana", "Bruno", "Carla", "Duarte", "Eva", "Filipe", "Gil", "Helena", "Ivo", "Joana")
FAMILY = ("Abreu", "Barros", "Cunha", "Dias", "Esteves", "Faria", "Gomes", "Henriques", "Lopes")
MIDDLE = ("Maria", "José", "Sofia", "Tomás", "Rita", "Paulo", "Inês", "Nuno", "Vera", "Hugo")


def many_rows(count: int) -> list[tuple[str, ...]]:
    """Distinct people, each with an email: nothing for the fuzzy matcher to weigh long."""
    return [
        row(
            name=f"{GIVEN[n % 10]} {MIDDLE[n // 10 % 10]} {FAMILY[n // 100 % 9]}",
            email=f"p{n}@example.org",
            company=f"Company {n % 13}",
        )
        for n in range(count)
    ]


def test_progress_is_reported_every_500_rows(workspace: Workspace, event_id: EventId) -> None:
    calls: list[tuple[int, int]] = []
    run_import(
        workspace, table(many_rows(1200)), MAPPING, event_id, progress=lambda *a: calls.append(a)
    )
    assert calls == [(500, 1200), (1000, 1200), (1200, 1200)]


def test_an_error_midway_leaves_the_database_unchanged(
    workspace: Workspace, event_id: EventId
) -> None:
    run(workspace, LIST, event_id)
    before = snapshot(workspace.db)

    def fail(done: int, total: int) -> None:
        if done == 1000:  # two chunks already written inside the transaction
            raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        run_import(workspace, table(LIST + many_rows(1500)), MAPPING, event_id, progress=fail)
    assert snapshot(workspace.db) == before
    assert not workspace.db.connection.in_transaction


def test_cancel_rolls_back(workspace: Workspace, event_id: EventId) -> None:
    before = snapshot(workspace.db)
    checks: list[int] = []

    def cancelled() -> bool:
        checks.append(1)
        return len(checks) == 2

    with pytest.raises(ImportCancelled):
        run_import(workspace, table(many_rows(1500)), MAPPING, event_id, cancelled=cancelled)
    assert len(checks) == 2
    assert snapshot(workspace.db) == before


def test_the_import_runs_on_its_own_connection_in_a_worker_thread(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as workspace:
        event_id = event_id_in(workspace, "PyCon Lisboa")
        seen_during: list[int] = []
        outcome: list[ImportOutcome] = []

        def progress(done: int, total: int) -> None:
            if done == 500:
                # The GUI thread's connection still reads, and sees nothing half-done.
                reader = threading.Thread(
                    target=lambda: seen_during.append(workspace.repos.people.count())
                )
                reader.start()
                reader.join()

        def work() -> None:
            db = workspace.second_connection()
            try:
                outcome.append(
                    run_import(db, table(many_rows(800)), MAPPING, event_id, progress=progress)
                )
            finally:
                db.close()

        worker = threading.Thread(target=work)
        worker.start()
        worker.join()
        assert seen_during == [0]
        assert outcome[0].report.added == 800
        assert workspace.repos.people.count() == 800
        undo_import(workspace, outcome[0].changes)
        assert workspace.repos.people.count() == 0


def test_an_in_memory_workspace_has_no_worker_connection(workspace: Workspace) -> None:
    with pytest.raises(ValueError):
        workspace.second_connection()


# --- undo and redo -----------------------------------------------------------------------------


def test_undo_and_redo_restore_every_table(workspace: Workspace, event_id: EventId) -> None:
    workspace.repos.people.add(Person("Ana Lima", email="ana@lima.example"))
    workspace.repos.people.add(Person("Maria Silva", company="Acme"))
    run(workspace, [row(name="Rui Costa", email="rui@globex.example")], event_id)
    before = snapshot(workspace.db)
    outcome = run(
        workspace,
        [
            row(name="Ana Lima", email="ana@lima.example", title="CTO"),
            row(name="Mario Silva", company="Acme"),
            row(name="Rui Costa", email="rui@globex.example", ticket="Speaker", title="CFO"),
            *LIST[1:],
        ],
        event_id,
    )
    changes = outcome.changes
    assert changes.people_added and changes.people_updated and changes.reviews_added
    assert changes.attendances_added and changes.attendances_updated
    after = snapshot(workspace.db)
    assert after != before

    undo_import(workspace, changes)
    assert snapshot(workspace.db) == before
    redo_import(workspace, changes)
    assert snapshot(workspace.db) == after
    undo_import(workspace, changes)
    assert snapshot(workspace.db) == before


def test_the_people_an_import_adds_are_in_the_search_index_and_its_trigger_is_back(
    workspace: Workspace, event_id: EventId
) -> None:
    conn = workspace.db.connection

    def indexed() -> tuple[list[int], list[int]]:
        people = [r[0] for r in conn.execute("SELECT id FROM person ORDER BY id")]
        index = [r[0] for r in conn.execute("SELECT rowid FROM person_search ORDER BY rowid")]
        return people, index

    trigger = "SELECT count(*) FROM sqlite_schema WHERE name = 'person_search_insert'"
    outcome = run(workspace, [row(name="Zoë Ångström", email="zoe@x.example"), *LIST], event_id)
    people, index = indexed()
    assert people == index and len(people) > 1
    assert conn.execute(trigger).fetchone() == (1,)
    found = conn.execute(
        "SELECT rowid FROM person_search WHERE person_search MATCH 'angstrom'"
    ).fetchall()
    assert len(found) == 1
    undo_import(workspace, outcome.changes)
    redo_import(workspace, outcome.changes)
    assert indexed()[0] == indexed()[1] == people
    assert conn.execute(trigger).fetchone() == (1,)


def test_an_undo_that_no_longer_fits_writes_nothing(
    workspace: Workspace, event_id: EventId
) -> None:
    from planner.storage.changes import StaleChangesError

    outcome = run(workspace, LIST, event_id)
    workspace.repos.people.delete(outcome.changes.people_added[0])
    before = snapshot(workspace.db)
    with pytest.raises(StaleChangesError):
        undo_import(workspace, outcome.changes)
    assert snapshot(workspace.db) == before


# --- review ------------------------------------------------------------------------------------


def _review_case(workspace: Workspace, event_id: EventId) -> tuple[Person, Person, int]:
    """Maria (known, at this event and another) and Mario (imported, linked to a goal, with an
    interaction and a follow-up), one review item between them."""
    maria = workspace.repos.people.add(
        Person("Maria Silva", company="Acme", email=None, notes="Typed by the user")
    )
    assert maria.id is not None
    other_event = event_id_in(workspace)
    workspace.repos.attendances.add(Attendance(event_id=other_event, person_id=maria.id))
    workspace.repos.attendances.add(
        Attendance(event_id=event_id, person_id=maria.id, research_notes="")
    )
    outcome = run(
        workspace,
        [row(name="Mario Silva", company="Acme", email="m@acme.example", ticket="Speaker")],
        event_id,
    )
    (item,) = outcome.report.review
    mario = workspace.repos.people.get(PersonId(item.new_person_id))
    assert mario.id is not None
    goal = workspace.repos.goals.add(
        Goal(event_id=event_id, text="Meet speakers", network_type=NetworkType.STRATEGIC)
    )
    assert goal.id is not None
    with workspace.db.transaction() as conn:
        conn.execute(
            "INSERT INTO attendance_goal (attendance_id, goal_id) VALUES (?, ?)",
            (attendance_of(workspace, event_id, mario).id, goal.id),
        )
        conn.execute(
            "UPDATE attendance SET status = 'met', research_notes = 'Keynote' WHERE person_id = ?",
            (mario.id,),
        )
    workspace.repos.interactions.add(
        Interaction(
            occurred_at=datetime(2026, 12, 6, 10, tzinfo=UTC),
            kind=InteractionKind.IN_PERSON,
            person_ids=(mario.id, maria.id),
        )
    )
    workspace.repos.interactions.add(
        Interaction(
            occurred_at=datetime(2026, 12, 6, 11, tzinfo=UTC),
            kind=InteractionKind.CALL,
            person_ids=(mario.id,),
        )
    )
    workspace.repos.follow_ups.add(
        FollowUp(person_id=mario.id, due=date(2026, 12, 10), action="Send slides", uid="u1@x")
    )
    (listing,) = pending_reviews(workspace)
    return maria, mario, listing.id


def test_merging_a_review_item_folds_the_new_person_in_and_undoes(
    workspace: Workspace, event_id: EventId
) -> None:
    maria, mario, review_id = _review_case(workspace, event_id)
    assert maria.id is not None and mario.id is not None
    before = snapshot(workspace.db)

    resolution = resolve_review(workspace, review_id, merge=True)
    assert (resolution.kept_person_id, resolution.new_person_id) == (maria.id, mario.id)
    merged_state = snapshot(workspace.db)
    people = people_by_name(workspace)
    assert "Mario Silva" not in people
    kept = people["Maria Silva"]
    assert (kept.email, kept.notes) == ("m@acme.example", "Typed by the user")
    attendance = attendance_of(workspace, event_id, kept)
    assert attendance.role is AttendeeRole.SPEAKER
    assert attendance.status is AttendanceStatus.MET
    assert attendance.research_notes == "Keynote"
    assert len(attendance.goal_ids) == 1
    interactions = workspace.repos.interactions.for_person(maria.id)
    assert [i.person_ids for i in interactions] == [(maria.id,), (maria.id,)]
    assert [f.follow_up.person_id for f in workspace.repos.follow_ups.listings()] == [maria.id]
    assert pending_reviews(workspace) == []

    undo_resolution(workspace, resolution)
    assert snapshot(workspace.db) == before
    redo_resolution(workspace, resolution)
    assert snapshot(workspace.db) == merged_state
    undo_resolution(workspace, resolution)
    assert snapshot(workspace.db) == before


def test_keeping_both_drops_the_review_item_and_undoes(
    workspace: Workspace, event_id: EventId
) -> None:
    _, mario, review_id = _review_case(workspace, event_id)
    before = snapshot(workspace.db)
    from planner.services.duplicates import find_duplicates

    assert len(find_duplicates(workspace)) == 1  # the search would propose the pair too
    resolution = resolve_review(workspace, review_id, merge=False)
    assert pending_reviews(workspace) == []
    assert workspace.repos.people.get(PersonId(mario.id or 0)) == mario
    assert find_duplicates(workspace) == []  # said to be two people: not proposed again
    undo_resolution(workspace, resolution)
    assert snapshot(workspace.db) == before
    assert len(find_duplicates(workspace)) == 1


def test_an_import_with_a_merged_review_undoes_in_order(
    workspace: Workspace, event_id: EventId
) -> None:
    workspace.repos.people.add(Person("Maria Silva", company="Acme"))
    before = snapshot(workspace.db)
    outcome = run(workspace, [row(name="Mario Silva", company="Acme")], event_id)
    (listing,) = pending_reviews(workspace, event_id)
    resolution = resolve_review(workspace, listing.id, merge=True)
    undo_resolution(workspace, resolution)
    undo_import(workspace, outcome.changes)
    assert snapshot(workspace.db) == before


def test_reviews_pointing_at_the_merged_person_follow_the_merge(
    workspace: Workspace, event_id: EventId
) -> None:
    maria = workspace.repos.people.add(Person("Maria Silva", company="Acme"))
    run(workspace, [row(name="Mario Silva", company="Acme")], event_id)
    run(workspace, [row(name="Marie Silva", company="Acme")], event_id)
    reviews = pending_reviews(workspace)
    assert len(reviews) == 2
    first = reviews[0]
    resolve_review(workspace, first.id, merge=True)
    (left,) = pending_reviews(workspace)
    # Marie was compared with Maria or with Mario; Mario is Maria now, either way.
    assert left.existing_person.id == maria.id
    assert left.new_person.full_name == "Marie Silva"


def test_several_review_items_are_answered_together_and_undone_together(
    workspace: Workspace, event_id: EventId
) -> None:
    maria = workspace.repos.people.add(Person("Maria Silva", company="Acme"))
    before = snapshot(workspace.db)
    outcome = run(
        workspace,
        [
            row(name="Mario Silva", company="Acme"),
            row(name="Marie Silva", company="Acme"),  # may be Maria, or Mario just added
        ],
        event_id,
    )
    after_import = snapshot(workspace.db)
    listings = pending_reviews(workspace, event_id)
    assert len(listings) == 2

    resolutions = resolve_reviews(workspace, [listing.id for listing in listings], merge=True)
    assert pending_reviews(workspace) == []
    assert {"Mario Silva", "Marie Silva"}.isdisjoint(people_by_name(workspace))
    assert workspace.repos.people.get(maria.id or 0).full_name == "Maria Silva"
    merged = snapshot(workspace.db)

    undo_resolutions(workspace, resolutions)  # the last merge first
    assert snapshot(workspace.db) == after_import
    redo_resolutions(workspace, resolutions)
    assert snapshot(workspace.db) == merged
    undo_resolutions(workspace, resolutions)
    undo_import(workspace, outcome.changes)
    assert snapshot(workspace.db) == before


def test_answering_several_items_is_all_or_nothing(workspace: Workspace, event_id: EventId) -> None:
    workspace.repos.people.add(Person("Maria Silva", company="Acme"))
    run(workspace, [row(name="Mario Silva", company="Acme")], event_id)
    (listing,) = pending_reviews(workspace, event_id)
    before = snapshot(workspace.db)
    with pytest.raises(NotFoundError):
        resolve_reviews(workspace, [listing.id, 9999], merge=False)
    assert snapshot(workspace.db) == before


def test_an_unknown_review_item(workspace: Workspace) -> None:
    with pytest.raises(NotFoundError):
        resolve_review(workspace, 99, merge=True)


# --- reading a file and remembered columns -----------------------------------------------------

EVENTBRITE = (
    "Order #,Order Date,First Name,Last Name,Email,Ticket Type,Attendee Status,Company\n"
    "1001,2026-11-01,Ana,Lima,ana@lima.example,Speaker,Attending,Acme\n"
    "1002,2026-11-02,Rui,Costa,rui@globex.example,General Admission,Cancelled,Globex\n"
)


def test_prepare_import_recognises_a_known_layout(tmp_path: Path, workspace: Workspace) -> None:
    path = tmp_path / "eventbrite.csv"
    path.write_text(EVENTBRITE, encoding="utf-8")
    prepared = prepare_import(path)
    assert prepared.layout is not None and prepared.layout.key == "eventbrite"
    assert prepared.can_import and not prepared.remembered
    assert len(prepared.table.rows) == 2
    event_id = event_id_in(workspace, "PyCon Lisboa")
    report = run_import(
        workspace, prepared.table, prepared.mapping, event_id, layout=prepared.layout
    ).report
    assert report.layout == prepared.layout.name
    assert (report.added, len(report.skipped)) == (1, 1)


def test_a_remembered_mapping_comes_back_for_the_same_headers(
    tmp_path: Path, workspace: Workspace
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Quem,Contacto,Onde\nAna Lima,ana@lima.example,Acme\n", encoding="utf-8")
    chosen: Mapping = {0: Field.FULL_NAME, 1: Field.EMAIL, 2: Field.COMPANY}
    assert remembered_mapping(workspace, ("Quem", "Contacto", "Onde")) is None
    remember_mapping(workspace, ("Quem", "Contacto", "Onde"), chosen)
    assert remembered_mapping(workspace, (" quem ", "CONTACTO", "Onde")) == chosen
    assert remembered_mapping(workspace, ("Onde", "Quem", "Contacto")) is None

    prepared = prepare_import(path, workspace)
    assert prepared.remembered and prepared.mapping == chosen
    again = with_remembered(prepare_import(path), workspace)
    assert again == prepared

    remember_mapping(workspace, ("Quem", "Contacto", "Onde"), {1: Field.EMAIL})
    assert remembered_mapping(workspace, ("Quem", "Contacto", "Onde")) == {1: Field.EMAIL}


def test_a_remembered_mapping_drops_what_this_version_cannot_use(workspace: Workspace) -> None:
    from planner.interchange.tables import header_signature

    headers = ("A", "B")
    with workspace.db.transaction() as conn:
        conn.execute(
            "INSERT INTO import_mapping (signature, mapping, headers, updated_at)"
            " VALUES (?, ?, '[]', '')",
            (header_signature(headers), '{"0": "full_name", "1": "shoe_size", "x": "email"}'),
        )
    assert remembered_mapping(workspace, headers) == {0: Field.FULL_NAME}


# --- schema ------------------------------------------------------------------------------------


def test_the_v3_fixture_keeps_its_import_rows(tmp_path: Path) -> None:
    import shutil

    fixture = Path(__file__).resolve().parents[1] / "data" / "schemas" / "v3.sqlite3"
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(fixture, folder / "planner.sqlite3")
    with Workspace.open(folder) as workspace:
        (review,) = pending_reviews(workspace)
        assert (review.source, review.line, review.score) == ("participantes.csv", 7, 84.5)
        assert (review.new_person.full_name, review.existing_person.full_name) == (
            "נועה לוי",
            "محمد الأمين",
        )
        row_ = workspace.db.connection.execute("SELECT mapping FROM import_mapping").fetchone()
        assert row_ is not None


def test_review_rows_go_with_their_people(workspace: Workspace, event_id: EventId) -> None:
    workspace.repos.people.add(Person("Maria Silva", company="Acme"))
    outcome = run(workspace, [row(name="Mario Silva", company="Acme")], event_id)
    workspace.repos.people.delete(outcome.changes.people_added[0])
    assert pending_reviews(workspace) == []
    with pytest.raises(sqlite3.IntegrityError), workspace.db.transaction() as conn:
        conn.execute(
            "INSERT INTO import_review (event_id, source, line, new_person_id,"
            " existing_person_id, score, created_at) VALUES (?, 'x', 1, 1, 1, 90, '')",
            (event_id,),
        )


@pytest.mark.parametrize("email", ["misaki@sakura.example", ""])
def test_a_cjk_name_kept_given_name_first_is_the_same_person_family_name_first(
    workspace: Workspace, event_id: EventId, email: str
) -> None:
    # An address book filled in through a Western form, and an attendee list (family first).
    known = workspace.repos.people.add(
        Person(
            "美咲 田中",
            given_name="美咲",
            family_name="田中",
            email="misaki@sakura.example",
            company="桜キャピタル",
        )
    )
    listed = Table(
        source="list.csv",
        kind=TableKind.CSV,
        headers=("First Name", "Last Name", "Email", "Company"),
        rows=(SourceRow(2, ("美咲", "田中", email, "桜キャピタル株式会社")),),
        encoding="utf-8",
        delimiter=",",
    )
    mapping = {0: Field.GIVEN_NAME, 1: Field.FAMILY_NAME, 2: Field.EMAIL, 3: Field.COMPANY}
    report = run_import(workspace, listed, mapping, event_id).report
    assert (report.added, report.merged, report.review) == (0, 1, [])
    assert workspace.repos.people.get(PersonId(known.id or 0)).full_name == "美咲 田中"


def test_reading_reports_progress_and_can_be_cancelled(tmp_path: Path) -> None:
    from planner.domain.importing import ImportCancelled
    from planner.services.importing.service import prepare_import

    path = tmp_path / "big.csv"
    path.write_text("Name,Email\n" + "Ana Lima,ana@lima.example\n" * 80_000, encoding="utf-8")
    heard: list[tuple[int, int]] = []
    prepared = prepare_import(path, progress=lambda done, total: heard.append((done, total)))
    assert len(prepared.table.rows) == 80_000
    assert heard[0] == (0, 2_080_011) and len(heard) >= 2
    with pytest.raises(ImportCancelled):
        prepare_import(path, cancelled=lambda: True)
