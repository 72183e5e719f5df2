"""Adding, editing and deleting a person by hand: what is saved, what is refused, and undo."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from planner.domain.enums import InteractionKind
from planner.domain.ids import AttendanceId, PersonId
from planner.domain.model import Attendance, Interaction, Person
from planner.domain.people import MAX_NAME_CHARS, MAX_PERSON_NOTES
from planner.domain.rules import ValidationError
from planner.services.people import (
    add_person,
    add_to_event,
    delete_people,
    delete_person,
    merge_people,
    person_links,
    person_problems,
    remove_from_event,
    save_person,
    tidy_person,
)
from planner.services.sample import seed_sample
from planner.services.undo import redo_changes, undo_changes
from planner.services.workspace import Workspace
from planner.storage.changes import StaleChangesError
from planner.storage.errors import NotFoundError

NOW = datetime(2026, 11, 22, tzinfo=UTC)
TABLES = (
    "person",
    "attendance",
    "attendance_goal",
    "interaction",
    "interaction_person",
    "follow_up",
    "import_review",
    "not_duplicate",
)


def everything(workspace: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    conn = workspace.db.connection
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}


def named(workspace: Workspace, name: str) -> Person:
    return next(p for p in workspace.repos.people.all() if p.full_name == name)


def imported_at(workspace: Workspace, person_id: PersonId | None) -> str | None:
    row = workspace.db.connection.execute(
        "SELECT imported_at FROM person WHERE id = ?", (person_id,)
    ).fetchone()
    return row[0]  # type: ignore[no-any-return]


# --- tidying: the rules an import follows --------------------------------------------------


def test_a_latin_name_typed_whole_is_split_and_a_cjk_name_is_not() -> None:
    latin = tidy_person(Person(full_name="  Ana   Sofía  Duarte "))
    assert (latin.full_name, latin.given_name, latin.family_name) == (
        "Ana Sofía Duarte",
        "Ana",
        "Duarte",
    )
    cjk = tidy_person(Person(full_name="田中 美咲"))
    assert (cjk.full_name, cjk.given_name, cjk.family_name) == ("田中 美咲", None, None)
    parts = tidy_person(Person(full_name="", given_name="美咲", family_name="田中"))
    assert parts.full_name == "田中美咲"
    korean = tidy_person(Person(full_name="", given_name="지민", family_name="김"))
    assert korean.full_name == "김지민"
    transcribed = tidy_person(Person(full_name="", given_name="Lei", family_name="Li"))
    assert transcribed.full_name == "Lei Li"


def test_phone_email_and_linkedin_take_their_canonical_forms() -> None:
    person = tidy_person(
        Person(
            full_name="Ana Duarte",
            email=" mailto:ana@duarte.example ",
            phone="912 345 678",
            linkedin_url="linkedin.com/in/ana-duarte/?trk=x",
            company="  ",
            notes="first line\r\n\r\n\r\nsecond\n\n",
        ),
        default_region="PT",
    )
    assert person.email == "ana@duarte.example"
    assert person.phone == "+351912345678"
    assert person.linkedin_url == "https://www.linkedin.com/in/ana-duarte"
    assert person.company is None
    assert person.notes == "first line\n\nsecond"


def test_a_person_with_only_an_email_is_named_by_it() -> None:
    assert tidy_person(Person(full_name=" ", email="ana@duarte.example")).full_name == (
        "ana@duarte.example"
    )


# --- what is refused ----------------------------------------------------------------------


def test_problems_are_named(workspace: Workspace) -> None:
    def problems(**values: Any) -> list[str]:
        return person_problems(workspace, tidy_person(Person(**{"full_name": "A B", **values})))

    assert problems() == []
    assert problems(full_name="") == ["Give a name or an email address."]
    assert problems(email="ana at example") == ["“ana at example” is not an email address."]
    assert problems(linkedin_url="https://example.com/ana") == [
        "“https://example.com/ana” is not a link to a LinkedIn profile."
    ]
    assert "too long" in problems(full_name="x" * (MAX_NAME_CHARS + 1))[0]
    assert "company is too long" in problems(company="x" * 301)[0]
    assert "Notes are limited" in problems(notes="x" * (MAX_PERSON_NOTES + 1))[0]


def test_an_email_someone_else_has_is_refused_whatever_its_case(workspace: Workspace) -> None:
    ana = add_person(workspace, Person(full_name="Ana Duarte", email="Ana@Duarte.example"))
    other = tidy_person(Person(full_name="Ana D.", email="ana@duarte.EXAMPLE"))
    assert person_problems(workspace, other) == [
        "Ana Duarte already has the email address ana@duarte.EXAMPLE."
    ]
    # Her own address is no problem when she is the one edited.
    assert person_problems(workspace, replace(other, id=ana.person_id)) == []


def test_a_refused_person_changes_nothing(workspace: Workspace) -> None:
    seed_sample(workspace, NOW)
    before = everything(workspace)
    with pytest.raises(ValidationError) as error:
        add_person(workspace, Person(full_name="Ana", email="not an address"))
    assert error.value.problems == ["“not an address” is not an email address."]
    elin = named(workspace, "Elin Berg")
    with pytest.raises(ValidationError):
        save_person(workspace, replace(elin, email="ingrid@fjordpay.example"))
    assert everything(workspace) == before


# --- adding, editing, deleting, and undo ----------------------------------------------------


def test_add_then_undo_and_redo_keep_the_same_id(workspace: Workspace) -> None:
    change = add_person(workspace, Person(full_name="Ana Duarte", company="Atlas"))
    added = workspace.repos.people.get(change.person_id)
    assert (added.given_name, added.family_name, added.company) == ("Ana", "Duarte", "Atlas")
    assert imported_at(workspace, change.person_id) is None  # the user's own values
    undo_changes(workspace, change.rows)
    assert workspace.repos.people.count() == 0
    redo_changes(workspace, change.rows)
    assert workspace.repos.people.get(change.person_id) == added


def test_an_edit_is_the_users_and_undo_gives_the_import_its_person_back(
    workspace: Workspace,
) -> None:
    change = add_person(workspace, Person(full_name="Ana Duarte", company="Atlas"))
    workspace.db.connection.execute(
        "UPDATE person SET imported_at = '2026-11-01T00:00:00Z' WHERE id = ?",
        (change.person_id,),
    )
    person = workspace.repos.people.get(change.person_id)
    assert person.id is not None
    edit = save_person(workspace, replace(person, title="CTO", company="Atlas Pay"))
    assert edit is not None
    assert workspace.repos.people.get(person.id).title == "CTO"
    assert imported_at(workspace, person.id) is None
    undo_changes(workspace, edit.rows)
    assert workspace.repos.people.get(person.id) == person
    assert imported_at(workspace, person.id) == "2026-11-01T00:00:00Z"
    redo_changes(workspace, edit.rows)
    assert workspace.repos.people.get(person.id).company == "Atlas Pay"


def test_saving_what_is_already_there_is_no_edit(workspace: Workspace) -> None:
    change = add_person(workspace, Person(full_name="Ana Duarte", phone="+351912345678"))
    person = workspace.repos.people.get(change.person_id)
    assert save_person(workspace, replace(person, full_name=" Ana  Duarte ")) is None


def test_editing_someone_deleted_meanwhile_says_so(workspace: Workspace) -> None:
    change = add_person(workspace, Person(full_name="Ana Duarte"))
    person = workspace.repos.people.get(change.person_id)
    workspace.repos.people.delete(change.person_id)
    with pytest.raises(Exception, match="no longer exists"):
        save_person(workspace, replace(person, title="CTO"))


def test_delete_takes_what_is_about_them_and_undo_puts_every_row_back(
    workspace: Workspace,
) -> None:
    seed_sample(workspace, NOW)
    jonas, priya = named(workspace, "Jonas Lind"), named(workspace, "Priya Raman")
    assert jonas.id is not None and priya.id is not None
    # An interaction with someone else as well stays, without Jonas.
    shared = workspace.repos.interactions.add(
        Interaction(
            occurred_at=NOW,
            kind=InteractionKind.CALL,
            person_ids=(jonas.id, priya.id),
            notes="Intro call",
        )
    )
    links = person_links(workspace, jonas.id)
    assert (links.events, links.follow_ups, links.interactions) == (1, 1, 2)
    before = everything(workspace)

    change = delete_person(workspace, jonas.id)

    after = everything(workspace)
    assert all(row[0] != jonas.id for row in after["person"])
    assert person_links(workspace, jonas.id) == type(links)(0, 0, 0)
    interactions = {row[0] for row in after["interaction"]}
    assert shared.id in interactions  # Priya was there too
    assert len(before["interaction"]) - len(after["interaction"]) == 1  # the meetup chat
    undo_changes(workspace, change.rows)
    assert everything(workspace) == before
    redo_changes(workspace, change.rows)
    assert everything(workspace) == after


def test_delete_keeps_the_goal_links_for_undo(workspace: Workspace) -> None:
    seed_sample(workspace, NOW)
    linked = workspace.db.connection.execute(
        "SELECT a.person_id FROM attendance_goal g JOIN attendance a ON a.id = g.attendance_id"
    ).fetchone()[0]
    before = everything(workspace)
    change = delete_person(workspace, PersonId(linked))
    assert change.rows.table("attendance_goal") is not None
    assert change.rows.table("attendance_goal").rows  # type: ignore[union-attr]
    undo_changes(workspace, change.rows)
    assert everything(workspace) == before


def test_undo_after_the_person_changed_elsewhere_fails_and_writes_nothing(
    workspace: Workspace,
) -> None:
    change = add_person(workspace, Person(full_name="Ana Duarte"))
    workspace.repos.people.delete(change.person_id)
    with pytest.raises(StaleChangesError):
        undo_changes(workspace, change.rows)


def test_attendances_of_an_added_person_are_theirs(workspace: Workspace) -> None:
    seed_sample(workspace, NOW)
    event = workspace.repos.events.all()[0]
    assert event.id is not None
    change = add_person(workspace, Person(full_name="Ana Duarte"))
    workspace.repos.attendances.add(Attendance(event_id=event.id, person_id=change.person_id))
    assert person_links(workspace, change.person_id).events == 1


# --- an event's list, by hand ----------------------------------------------------------------


def test_people_put_on_a_list_are_to_meet_and_those_on_it_already_stay_as_they_are(
    workspace: Workspace,
) -> None:
    seed_sample(workspace, NOW)
    event = workspace.repos.events.all()[0]
    assert event.id is not None
    listed = workspace.repos.attendances.for_event(event.id)
    ana = add_person(workspace, Person(full_name="Ana Duarte")).person_id
    before = everything(workspace)

    change = add_to_event(workspace, event.id, [ana, listed[0].person_id, ana])

    assert (change.changed, change.already) == (1, 1)
    now_listed = workspace.repos.attendances.for_event(event.id)
    added = next(a for a in now_listed if a.person_id == ana)
    assert added == Attendance(event.id, ana, id=added.id)  # to meet, nice to meet
    assert [a for a in now_listed if a.person_id != ana] == listed
    undo_changes(workspace, change.rows)
    assert everything(workspace) == before
    redo_changes(workspace, change.rows)
    assert workspace.repos.attendances.for_event(event.id) == now_listed


def test_adding_someone_deleted_meanwhile_adds_nobody(workspace: Workspace) -> None:
    seed_sample(workspace, NOW)
    event = workspace.repos.events.all()[0]
    assert event.id is not None
    ana = add_person(workspace, Person(full_name="Ana Duarte")).person_id
    workspace.repos.people.delete(ana)
    before = everything(workspace)
    with pytest.raises(NotFoundError):
        add_to_event(workspace, event.id, [ana])
    assert everything(workspace) == before


def test_taking_someone_off_a_list_keeps_their_follow_ups_and_undo_gives_the_plan_back(
    workspace: Workspace,
) -> None:
    seed_sample(workspace, NOW)
    linked = workspace.db.connection.execute(
        "SELECT a.id, a.person_id FROM attendance_goal g"
        " JOIN attendance a ON a.id = g.attendance_id"
        " WHERE a.person_id IN (SELECT person_id FROM follow_up)"
    ).fetchone()
    attendance_id, person_id = AttendanceId(linked[0]), PersonId(linked[1])
    links = person_links(workspace, person_id)
    before = everything(workspace)

    change = remove_from_event(workspace, [attendance_id])

    assert change.changed == 1
    after = person_links(workspace, person_id)
    assert (after.events, after.follow_ups) == (links.events - 1, links.follow_ups)
    gone = change.rows.table("attendance_goal")
    assert gone is not None and gone.rows  # the goal links went with the plan
    undo_changes(workspace, change.rows)
    assert everything(workspace) == before


# --- merging two people, deleting several ----------------------------------------------------


def test_merge_fills_the_keepers_gaps_moves_everything_and_undo_splits_them_again(
    workspace: Workspace,
) -> None:
    seed_sample(workspace, NOW)
    jonas = named(workspace, "Jonas Lind")
    assert jonas.id is not None
    twin = add_person(
        workspace,
        Person(full_name="Jonas Lind", email="jonas.lind@mail.example", phone="+46701234567"),
    ).person_id
    # The twin is on both events' lists: the meetup, where Jonas is too, and the summit.
    for event in workspace.repos.events.all():
        assert event.id is not None
        add_to_event(workspace, event.id, [twin])
    links = person_links(workspace, jonas.id)
    assert links.events == 1
    before = everything(workspace)

    change = merge_people(workspace, jonas.id, twin)

    kept = workspace.repos.people.get(jonas.id)
    assert kept.email == jonas.email  # never overwritten
    assert kept.phone == "+46701234567"  # filled in
    assert all(p.id != twin for p in workspace.repos.people.all())
    merged = person_links(workspace, jonas.id)
    assert merged.events == 2  # the meetup's two places combined into one
    assert (merged.follow_ups, merged.interactions) == (links.follow_ups, links.interactions)
    undo_changes(workspace, change.rows)
    assert everything(workspace) == before
    with pytest.raises(ValueError):
        merge_people(workspace, jonas.id, jonas.id)


def test_deleting_several_people_is_one_step_and_a_meeting_of_only_them_goes(
    workspace: Workspace,
) -> None:
    seed_sample(workspace, NOW)
    jonas, priya = named(workspace, "Jonas Lind"), named(workspace, "Priya Raman")
    assert jonas.id is not None and priya.id is not None
    pair = workspace.repos.interactions.add(
        Interaction(occurred_at=NOW, kind=InteractionKind.CALL, person_ids=(jonas.id, priya.id))
    )
    before = everything(workspace)

    deleted = delete_people(workspace, [jonas.id, priya.id])

    assert deleted.names == ("Jonas Lind", "Priya Raman")
    after = everything(workspace)
    assert pair.id not in {row[0] for row in after["interaction"]}
    undo_changes(workspace, deleted.rows)
    assert everything(workspace) == before
    redo_changes(workspace, deleted.rows)
    assert everything(workspace) == after


def test_deleting_several_with_one_gone_deletes_none(workspace: Workspace) -> None:
    seed_sample(workspace, NOW)
    jonas = named(workspace, "Jonas Lind")
    assert jonas.id is not None
    before = everything(workspace)
    with pytest.raises(NotFoundError):
        delete_people(workspace, [jonas.id, PersonId(999_999)])
    assert everything(workspace) == before


# --- properties -------------------------------------------------------------------------------

_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ["", " ", "n/a", "Ana Duarte", "田中 美咲", "محمد علي", "+351 912 345 678"]
)


@settings(max_examples=300, deadline=None)
@given(
    full=_TEXT,
    given_name=_TEXT,
    family=_TEXT,
    email=_TEXT | st.emails(),
    company=_TEXT,
    phone_text=_TEXT,
    link=_TEXT,
    notes=_TEXT,
)
# A control character hid the apostrophe that keeps a spreadsheet from reading a formula.
@example(
    full="Ana",
    given_name="",
    family="",
    email="",
    company="'\x1b=",
    phone_text="",
    link="",
    notes="'\x1b=",
)
def test_tidying_twice_changes_nothing_more(
    full: str,
    given_name: str,
    family: str,
    email: str,
    company: str,
    phone_text: str,
    link: str,
    notes: str,
) -> None:
    """What is saved, shown again in the dialog and saved unchanged, is the same: opening a
    person and pressing OK is never an edit."""
    person = Person(
        full_name=full,
        given_name=given_name or None,
        family_name=family or None,
        email=email or None,
        company=company or None,
        phone=phone_text or None,
        linkedin_url=link or None,
        notes=notes,
    )
    once = tidy_person(person, "PT")
    assert tidy_person(once, "PT") == once


# --- any sequence of changes undoes and redoes exactly -------------------------------------

_OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["add", "edit", "delete", "delete-two", "merge", "list", "unlist"]),
        st.integers(min_value=0, max_value=50),
        st.integers(min_value=0, max_value=50),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(operations=_OPERATIONS)
def test_any_sequence_of_changes_undoes_to_the_start_and_redoes_to_the_end(
    operations: list[tuple[str, int, int]],
) -> None:
    from planner.services.duplicates import mark_not_duplicates

    with Workspace.in_memory() as workspace:
        seed_sample(workspace, NOW)
        start = everything(workspace)
        done: list[Any] = []
        for number, (operation, i, j) in enumerate(operations):
            people = [p.id for p in workspace.repos.people.all() if p.id is not None]
            events = [e.id for e in workspace.repos.events.all() if e.id is not None]
            if not people:  # everyone deleted: only adding is left to do
                operation = "add"
            else:
                a, b = people[i % len(people)], people[j % len(people)]
            if operation == "add":
                done.append(add_person(workspace, Person(full_name=f"Added {number}")).rows)
            elif operation == "edit":
                person = workspace.repos.people.get(a)
                change = save_person(workspace, replace(person, title=f"Title {number}"))
                if change is not None:
                    done.append(change.rows)
            elif operation == "delete":
                done.append(delete_person(workspace, a).rows)
            elif operation == "delete-two" and a != b:
                mark = mark_not_duplicates(workspace, [(a, b)])
                done.append(mark.rows)
                done.append(delete_people(workspace, [a, b]).rows)
            elif operation == "merge" and a != b:
                done.append(merge_people(workspace, a, b).rows)
            elif operation == "list":
                done.append(add_to_event(workspace, events[j % len(events)], [a]).rows)
            elif operation == "unlist":
                listed = workspace.repos.attendances.for_event(events[j % len(events)])
                if listed:
                    attendance = listed[i % len(listed)].id
                    assert attendance is not None
                    done.append(remove_from_event(workspace, [attendance]).rows)
        end = everything(workspace)
        for rows in reversed(done):
            undo_changes(workspace, rows)
        assert everything(workspace) == start
        for rows in done:
            redo_changes(workspace, rows)
        assert everything(workspace) == end
