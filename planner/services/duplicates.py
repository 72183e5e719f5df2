"""Finding people in the network who may be one person entered twice: the duplicates no import
could be sure of, someone added by hand and later imported under another address, two lists
that spelled a name differently.

A pair is proposed for one of these reasons, strongest first:
- the same LinkedIn profile, or the same email address (whatever its case) with names that
  are not plainly different (rapidfuzz ratio of the name keys at least EMAIL_NAME_FLOOR);
- the same phone number (E.164) with similar names (at least UNCERTAIN): a switchboard
  number shared by a whole office is not enough;
- the same name at the same company;
- similar names (at least SIMILAR_NAME) at the same company, unless each has an email
  address of their own.

Nothing is compared all against all: people are grouped by exact keys, and similar names are
looked for only among the people of one company, when it has at most MAX_BLOCK of them (as an
import caps its blocks); the same name at a company of any size is found. Pairs the user has
said are different people (`not_duplicate`) are not proposed again. The user decides: Merge
(planner.services.people.merge_people) or "Not the same" (`mark_not_duplicates`, undoable).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from planner.domain.dedupe import (
    EMAIL_NAME_FLOOR,
    MAX_BLOCK,
    UNCERTAIN,
    company_key,
    compare_of,
    email_key,
    family_first,
    name_key,
)
from planner.domain.ids import PersonId
from planner.domain.model import Person
from planner.services.memory import bulk_objects
from planner.services.workspace import Target, database_of
from planner.storage.changes import ChangeSet, TableChanges, apply_changes, read_rows
from planner.storage.database import Database
from planner.storage.people import (
    NOT_DUPLICATE_COLUMNS,
    PERSON_COLUMNS,
    people_for_comparing,
    person_from_row,
    remembered_not_duplicates,
)

SIMILAR_NAME = 85.0
"""Names this close (rapidfuzz ratio of the compare keys) at one company are proposed."""
MAX_GROUP = 20
"""An exact key shared by more people than this (an office phone, a team address) says
nothing about any two of them."""

# Reasons, strongest first (the order pairs are listed in).
SAME_LINKEDIN = "same LinkedIn profile"
SAME_EMAIL = "same email address"
SAME_PHONE = "same phone number"
SAME_NAME_AND_COMPANY = "same name at the same company"
SIMILAR_NAME_AND_COMPANY = "similar names at the same company"
REASONS = (SAME_LINKEDIN, SAME_EMAIL, SAME_PHONE, SAME_NAME_AND_COMPANY, SIMILAR_NAME_AND_COMPANY)
_STRENGTH = {reason: rank for rank, reason in enumerate(REASONS)}


@dataclass(frozen=True, slots=True)
class PossibleDuplicate:
    """Two people who may be one, and why (`first` < `second`)."""

    first: PersonId
    second: PersonId
    reason: str
    name_score: float  # how alike their names are, 0–100


@dataclass(frozen=True, slots=True)
class _Person:
    id: int
    compare: str  # the name key the import compares, family name first
    email: str | None
    company: str
    phone: str | None
    linkedin: str | None


def find_duplicates(
    target: Target, *, cancelled: Callable[[], bool] | None = None
) -> list[PossibleDuplicate]:
    """Every pair worth a look, strongest reason first, then the most alike names (none when
    `cancelled()` turns true: it is asked after each company's people)."""
    with bulk_objects():  # 143,000 people's keys: no cyclic collection over them meanwhile
        return _find(database_of(target), cancelled)


def _find(db: Database, cancelled: Callable[[], bool] | None) -> list[PossibleDuplicate]:
    from rapidfuzz import fuzz, process

    people = [_keys(row) for row in people_for_comparing(db.connection)]
    dismissed = remembered_not_duplicates(db.connection)
    found: dict[tuple[int, int], tuple[str, float]] = {}

    def propose(a: _Person, b: _Person, reason: str, score: float) -> None:
        pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        if pair in dismissed:
            return
        held = found.get(pair)
        if held is None or _STRENGTH[reason] < _STRENGTH[held[0]]:
            found[pair] = (reason, score)

    def name_score(a: _Person, b: _Person) -> float:
        if not a.compare or not b.compare:
            return 0.0
        return float(fuzz.ratio(a.compare, b.compare))

    exact_rules: tuple[tuple[str, Callable[[_Person], str | None], float], ...] = (
        (SAME_LINKEDIN, lambda p: p.linkedin, 0.0),
        (SAME_EMAIL, lambda p: p.email, EMAIL_NAME_FLOOR),
        (SAME_PHONE, lambda p: p.phone, UNCERTAIN),
    )
    for reason, key, floor in exact_rules:
        for group in _groups(people, key):
            for a, b in combinations(group, 2):
                score = name_score(a, b)
                if score >= floor or not (a.compare and b.compare):
                    propose(a, b, reason, score)

    for company_people in _groups(people, lambda p: p.company or None, len(people)):
        by_name: dict[str, list[_Person]] = {}
        for person in company_people:
            if person.compare:
                by_name.setdefault(person.compare, []).append(person)
        for same in by_name.values():
            for a, b in combinations(same[:MAX_GROUP], 2):
                propose(a, b, SAME_NAME_AND_COMPANY, 100.0)
        if len(company_people) > MAX_BLOCK:  # alike names: only within a company of a size
            continue
        names = list(by_name)
        for i, name in enumerate(names[:-1]):
            later = names[i + 1 :]
            for _, score, j in process.extract(
                name, later, scorer=fuzz.ratio, score_cutoff=SIMILAR_NAME, limit=None
            ):
                for a in by_name[name][:MAX_GROUP]:
                    for b in by_name[later[j]][:MAX_GROUP]:
                        # Alike names with two addresses are two colleagues, as a rule.
                        if not (a.email and b.email and a.email != b.email):
                            propose(a, b, SIMILAR_NAME_AND_COMPANY, float(score))
        if cancelled is not None and cancelled():
            return []

    pairs = [
        PossibleDuplicate(PersonId(a), PersonId(b), reason, score)
        for (a, b), (reason, score) in found.items()
    ]
    pairs.sort(key=lambda p: (_STRENGTH[p.reason], -p.name_score, p.first, p.second))
    return pairs


def _keys(row: tuple[Any, ...]) -> _Person:
    person_id, full_name, given, family, email, company, phone, linkedin = row
    compare = ""
    if full_name and full_name != email:  # someone known only by their address has no name
        key = name_key(full_name)
        compare = compare_of(key)
        if compare:
            compare = family_first(
                compare,
                name_key(given).replace(" ", "") if given else "",
                name_key(family).replace(" ", "") if family else "",
            )
    return _Person(
        person_id,
        compare,
        email_key(email),
        company_key(company),
        phone if phone and phone.startswith("+") else None,  # only a number placed for sure
        linkedin.casefold() if linkedin else None,
    )


def _groups(
    people: Iterable[_Person], key: Callable[[_Person], str | None], most: int = MAX_GROUP
) -> Iterable[list[_Person]]:
    """People sharing a key, two to `most` of them."""
    groups: dict[str, list[_Person]] = {}
    for person in people:
        value = key(person)
        if value:
            groups.setdefault(value, []).append(person)
    return (group for group in groups.values() if 2 <= len(group) <= most)


# --- "not the same person" ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NotDuplicates:
    """Pairs remembered as two people, to undo and redo (planner.services.people)."""

    rows: ChangeSet
    count: int  # pairs newly remembered


def mark_not_duplicates(
    target: Target, pairs: Sequence[tuple[PersonId, PersonId]]
) -> NotDuplicates:
    """Remember that each pair is two people, so it is not proposed again. One transaction;
    undo with planner.services.undo.undo_changes."""
    rows = sorted({(min(a, b), max(a, b)) for a, b in pairs if a != b})
    with database_of(target).transaction() as conn:
        present = remembered_not_duplicates(conn, rows)
        new = tuple((None, row) for row in rows if row not in present)
        changes = ChangeSet((TableChanges("not_duplicate", NOT_DUPLICATE_COLUMNS, 2, new),))
        apply_changes(conn, changes, "after")
    return NotDuplicates(changes, len(new))


def people_by_id(target: Target, ids: Iterable[PersonId]) -> dict[PersonId, Person]:
    """The people with these ids (those that still exist), in one query."""
    rows = read_rows(database_of(target).connection, "person", PERSON_COLUMNS, "id", set(ids))
    return {PersonId(row[0]): person_from_row(row) for row in rows}
