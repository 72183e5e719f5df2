"""Settling the matches an import was unsure of: the user says "same person" (merge) or
"different people" (keep both). Each answer is one transaction and can be undone.

A merge folds the person the import added into the one known before: empty fields are filled
(nothing is overwritten), attendances, goal links, interactions and follow-ups move across
(an attendance at an event both were at is combined), and the added person is deleted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from planner.domain.dedupe import name_key
from planner.domain.enums import AttendanceStatus, AttendeeRole, PriorityTier
from planner.domain.ids import EventId, PersonId
from planner.domain.importing import ReviewItem
from planner.services.workspace import Target, database_of
from planner.storage import imports as store
from planner.storage.changes import ChangeSet, TableChanges, apply_changes, read_rows, table_columns
from planner.storage.codec import now_text
from planner.storage.errors import NotFoundError
from planner.storage.imports import (
    FILL_ORDER,
    P_EMAIL,
    P_FAMILY_NAME,
    P_FULL_NAME,
    P_GIVEN_NAME,
    P_IS_SAMPLE,
    P_NOTES,
    P_UPDATED_AT,
    REVIEW_COLUMNS,
    ReviewListing,
)
from planner.storage.people import (
    NOT_DUPLICATE_COLUMNS,
    PERSON_COLUMNS,
    PersonRepository,
    is_not_duplicate,
    not_duplicates_of,
)

__all__ = [
    "ReviewListing",
    "ReviewResolution",
    "merge_changes",
    "pending_review_count",
    "pending_reviews",
    "redo_resolution",
    "redo_resolutions",
    "resolve_review",
    "resolve_reviews",
    "review_names",
    "undo_resolution",
    "undo_resolutions",
]


@dataclass(frozen=True, slots=True)
class ReviewResolution:
    """What resolving one review item changed, to undo and redo it."""

    review_id: int
    merged: bool
    kept_person_id: PersonId  # the person known before the import (who remains)
    new_person_id: PersonId  # the person the import added (gone after a merge)
    rows: ChangeSet


def pending_reviews(target: Target, event_id: EventId | None = None) -> list[ReviewListing]:
    """Review items waiting for the user, oldest first (of one event, or all)."""
    return store.review_listings(database_of(target), event_id)


def pending_review_count(target: Target, event_id: EventId | None = None) -> int:
    """How many review items wait (one query; for a badge or a tab title)."""
    return store.review_count(database_of(target), event_id)


def review_names(target: Target, items: Iterable[ReviewItem]) -> dict[int, str]:
    """person id → full name, for both people of each review item (an import's report
    names them); only these people are read."""
    ids: set[PersonId] = set()
    for item in items:
        ids.update((PersonId(item.new_person_id), PersonId(item.existing_person_id)))
    names = PersonRepository(database_of(target)).names(ids)
    return {int(person_id): name for person_id, name in names.items()}


def resolve_review(target: Target, review_id: int, *, merge: bool) -> ReviewResolution:
    """The user's answer to a review item, in one transaction.

    merge=True: the two are one person. The one the import added is folded into the one known
    before: empty fields filled (nothing overwritten), attendances, goal links, interactions
    and follow-ups moved (an attendance at an event both were at is combined), then the added
    person is deleted. merge=False: they are different people; the item is dropped, and the
    pair is remembered so that the search for duplicates (planner.services.duplicates) does
    not propose it again. Either way undo_resolution puts everything back.
    """
    (resolution,) = resolve_reviews(target, [review_id], merge=merge)
    return resolution


def resolve_reviews(
    target: Target, review_ids: Sequence[int], *, merge: bool
) -> list[ReviewResolution]:
    """The same answer to several review items, in order, in one transaction (all or none);
    undo_resolutions takes them all back."""
    with database_of(target).transaction() as conn:
        return [_resolve(conn, review_id, merge=merge) for review_id in review_ids]


def _resolve(conn: Any, review_id: int, *, merge: bool) -> ReviewResolution:
    found = read_rows(conn, "import_review", REVIEW_COLUMNS, "id", [review_id])
    if not found:
        raise NotFoundError(f"review item {review_id} does not exist")
    review = found[0]
    new_id, kept_id = review[4], review[5]
    if merge:
        rows = merge_changes(conn, absorbed=new_id, keeper=kept_id)
    else:
        # Two people: remembered, so the search for duplicates does not propose them again.
        pair = (min(new_id, kept_id), max(new_id, kept_id))
        known = is_not_duplicate(conn, pair)
        rows = ChangeSet(
            (
                TableChanges("import_review", REVIEW_COLUMNS, 1, ((tuple(review), None),)),
                TableChanges(
                    "not_duplicate", NOT_DUPLICATE_COLUMNS, 2, () if known else ((None, pair),)
                ),
            )
        )
    apply_changes(conn, rows, "after")
    return ReviewResolution(review_id, merge, PersonId(kept_id), PersonId(new_id), rows)


def undo_resolution(target: Target, resolution: ReviewResolution) -> None:
    undo_resolutions(target, [resolution])


def redo_resolution(target: Target, resolution: ReviewResolution) -> None:
    redo_resolutions(target, [resolution])


def undo_resolutions(target: Target, resolutions: Sequence[ReviewResolution]) -> None:
    """Take back answers given together, the last first, in one transaction."""
    with database_of(target).transaction() as conn:
        for resolution in reversed(resolutions):
            apply_changes(conn, resolution.rows, "before")


def redo_resolutions(target: Target, resolutions: Sequence[ReviewResolution]) -> None:
    with database_of(target).transaction() as conn:
        for resolution in resolutions:
            apply_changes(conn, resolution.rows, "after")


_TIER_RANK = {PriorityTier.MUST_MEET.value: 0, PriorityTier.SHOULD_MEET.value: 1}
Pair = tuple[tuple[Any, ...] | None, tuple[Any, ...] | None]


def merge_changes(conn: Any, *, absorbed: int, keeper: int) -> ChangeSet:
    """The rows a merge of person `absorbed` into person `keeper` writes (see resolve_review;
    the People page's Merge uses it too)."""
    people = {
        row[0]: row for row in read_rows(conn, "person", PERSON_COLUMNS, "id", [absorbed, keeper])
    }
    if absorbed not in people or keeper not in people:
        raise NotFoundError("one of the two people no longer exists")
    gone, kept = people[absorbed], people[keeper]
    filled = list(kept)
    if (
        kept[P_EMAIL] is not None
        and kept[P_FULL_NAME] == kept[P_EMAIL]
        and gone[P_FULL_NAME] != gone[P_EMAIL]
    ):
        filled[P_FULL_NAME] = gone[P_FULL_NAME]
    if (
        kept[P_GIVEN_NAME] is None
        and kept[P_FAMILY_NAME] is None
        and name_key(filled[P_FULL_NAME]) == name_key(gone[P_FULL_NAME])
    ):
        filled[P_GIVEN_NAME], filled[P_FAMILY_NAME] = gone[P_GIVEN_NAME], gone[P_FAMILY_NAME]
    for index in (*FILL_ORDER, P_NOTES):
        if not filled[index] and gone[index]:
            filled[index] = gone[index]
    # Merged with someone of the user's own, a sample person is the user's: removing the
    # sample must not take what was folded into them.
    filled[P_IS_SAMPLE] = int(bool(kept[P_IS_SAMPLE]) and bool(gone[P_IS_SAMPLE]))
    person_pairs: list[Pair] = []
    if tuple(filled) != tuple(kept):
        filled[P_UPDATED_AT] = now_text()
        person_pairs.append((kept, tuple(filled)))
    person_pairs.append((gone, None))

    columns = {
        table: table_columns(conn, table)
        for table in ("attendance", "attendance_goal", "interaction_person", "follow_up")
    }
    attendance_cols = columns["attendance"]
    a_person = attendance_cols.index("person_id")
    a_event = attendance_cols.index("event_id")
    attendances = read_rows(conn, "attendance", attendance_cols, "person_id", [absorbed, keeper])
    kept_at = {row[a_event]: row for row in attendances if row[a_person] == keeper}
    goal_cols = columns["attendance_goal"]
    links = read_rows(
        conn, "attendance_goal", goal_cols, "attendance_id", [row[0] for row in attendances]
    )
    linked = {
        (row[goal_cols.index("attendance_id")], row[goal_cols.index("goal_id")]) for row in links
    }

    attendance_pairs: list[Pair] = []
    link_pairs: list[Pair] = []
    for row in attendances:
        if row[a_person] != absorbed:
            continue
        other = kept_at.get(row[a_event])
        if other is None:
            moved = list(row)
            moved[a_person] = keeper
            attendance_pairs.append((row, tuple(moved)))
            continue
        combined = _combine_attendance(attendance_cols, other, row)
        if combined != other:
            attendance_pairs.append((other, combined))
        attendance_pairs.append((row, None))
        for attendance_id, goal_id in sorted(linked):
            if attendance_id == row[0]:
                link_pairs.append((_link(goal_cols, attendance_id, goal_id), None))
                if (other[0], goal_id) not in linked:
                    link_pairs.append((None, _link(goal_cols, other[0], goal_id)))

    ip_cols = columns["interaction_person"]
    ip_person = ip_cols.index("person_id")
    ip_interaction = ip_cols.index("interaction_id")
    shared = read_rows(conn, "interaction_person", ip_cols, "person_id", [absorbed, keeper])
    with_keeper = {row[ip_interaction] for row in shared if row[ip_person] == keeper}
    interaction_pairs: list[Pair] = []
    for row in shared:
        if row[ip_person] != absorbed:
            continue
        interaction_pairs.append((row, None))
        if row[ip_interaction] not in with_keeper:
            moved = list(row)
            moved[ip_person] = keeper
            interaction_pairs.append((None, tuple(moved)))

    follow_cols = columns["follow_up"]
    f_person = follow_cols.index("person_id")
    follow_pairs: list[Pair] = []
    for row in read_rows(conn, "follow_up", follow_cols, "person_id", [absorbed]):
        moved = list(row)
        moved[f_person] = keeper
        follow_pairs.append((row, tuple(moved)))

    review_pairs: list[Pair] = []
    reviews = {
        row[0]: row
        for where in ("new_person_id", "existing_person_id")
        for row in read_rows(conn, "import_review", REVIEW_COLUMNS, where, [absorbed])
    }
    for review_id in sorted(reviews):
        row = reviews[review_id]
        if row[4] == absorbed or row[4] == keeper:
            review_pairs.append((row, None))  # answered, or about the person who goes
        else:
            moved = list(row)
            moved[5] = keeper
            review_pairs.append((row, tuple(moved)))

    # What the user said of the person who goes (not the same as someone) goes with them.
    dismissed = tuple((row, None) for row in not_duplicates_of(conn, absorbed))
    return ChangeSet(
        (
            TableChanges("person", PERSON_COLUMNS, 1, tuple(person_pairs)),
            TableChanges("attendance", attendance_cols, 1, tuple(attendance_pairs)),
            TableChanges("attendance_goal", goal_cols, len(goal_cols), tuple(link_pairs)),
            TableChanges("interaction_person", ip_cols, len(ip_cols), tuple(interaction_pairs)),
            TableChanges("follow_up", follow_cols, 1, tuple(follow_pairs)),
            TableChanges("import_review", REVIEW_COLUMNS, 1, tuple(review_pairs)),
            TableChanges("not_duplicate", NOT_DUPLICATE_COLUMNS, 2, dismissed),
        )
    )


def _link(columns: tuple[str, ...], attendance_id: int, goal_id: int) -> tuple[Any, ...]:
    values = {"attendance_id": attendance_id, "goal_id": goal_id}
    return tuple(values[name] for name in columns)


def _combine_attendance(
    columns: tuple[str, ...], kept: tuple[Any, ...], gone: tuple[Any, ...]
) -> tuple[Any, ...]:
    """The kept attendance with what the user noted on the other one: the more specific role,
    the higher priority, "met" if either was met, and any notes it lacked."""
    row = list(kept)
    index = {name: i for i, name in enumerate(columns)}
    if row[index["role"]] == AttendeeRole.ATTENDEE.value:
        row[index["role"]] = gone[index["role"]]
    tiers = (row[index["tier"]], gone[index["tier"]])
    row[index["tier"]] = min(tiers, key=lambda tier: _TIER_RANK.get(tier, 2))
    if gone[index["status"]] == AttendanceStatus.MET.value:
        row[index["status"]] = AttendanceStatus.MET.value
    for name in ("research_notes", "talking_points", "offer", "ask"):
        if not row[index[name]] and gone[index[name]]:
            row[index[name]] = gone[index[name]]
    return tuple(row)
