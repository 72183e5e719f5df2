"""Warm introductions for a whole event's list at once (see planner/domain/introductions.py).

Who the user knows is the ranking's "in the network" (storage/ranking.py): someone on the list
of another event, or in an interaction the user noted. Their ids, names and companies are read
once and their companies folded in Python (each distinct company once), into a dict by folded
company; where the user met each, and who was with each attendee, are grouped joins.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from planner.domain.ids import EventId, PersonId
from planner.domain.introductions import Intro, IntroKind, fold_company
from planner.storage.database import Database

__all__ = ["event_introductions"]

_ATTENDEES = """
SELECT a.person_id, coalesce(p.company, '')
FROM attendance a JOIN person p ON p.id = a.person_id
WHERE a.event_id = ?
"""
_KNOWN = """
SELECT p.id, p.full_name, coalesce(p.company, '')
FROM person p
WHERE p.company IS NOT NULL AND p.company != ''
  AND (p.id IN (SELECT person_id FROM attendance WHERE event_id != ?)
       OR p.id IN (SELECT person_id FROM interaction_person))
"""
# Where the user met someone: an event they were marked met at, or an interaction (its event,
# else its date). The latest wins.
_MET_AT_EVENTS = """
SELECT a.person_id, e.starts_at, e.name
FROM attendance a JOIN event e ON e.id = a.event_id
WHERE a.status = 'met'
"""
_MET_IN_INTERACTIONS = """
SELECT ip.person_id, coalesce(e.starts_at, i.occurred_at), e.name
FROM interaction_person ip
JOIN interaction i ON i.id = ip.interaction_id
LEFT JOIN event e ON e.id = i.event_id
"""
# Who was in an interaction with someone on the list, and where and when.
_WITH_ATTENDEES = """
SELECT h.person_id, p.id, p.full_name, coalesce(e.starts_at, i.occurred_at), e.name, i.place
FROM attendance h
JOIN interaction_person mine ON mine.person_id = h.person_id
JOIN interaction_person theirs
  ON theirs.interaction_id = mine.interaction_id AND theirs.person_id != h.person_id
JOIN interaction i ON i.id = mine.interaction_id
JOIN person p ON p.id = theirs.person_id
LEFT JOIN event e ON e.id = i.event_id
WHERE h.event_id = ?
ORDER BY i.occurred_at DESC, p.full_name
"""


def _where(when: str, event_name: str | None) -> str:
    """ "Web Summit 2025" for an event, "2025-03-02" for an interaction without one."""
    return f"{event_name} {when[:4]}" if event_name else when[:10]


def _met_where(db: Database, wanted: set[int]) -> dict[int, str]:
    latest: dict[int, tuple[str, str]] = {}
    for query in (_MET_AT_EVENTS, _MET_IN_INTERACTIONS):
        for person, when, event_name in db.connection.execute(query):
            if person in wanted and (person not in latest or when > latest[person][0]):
                latest[person] = (when, _where(when, event_name))
    return {person: where for person, (_, where) in latest.items()}


def event_introductions(
    db: Database, event_id: EventId, person_ids: Iterable[PersonId] | None = None
) -> dict[PersonId, tuple[Intro, ...]]:
    """Each attendee's warm introductions (all of the list, or those of `person_ids` on it):
    colleagues the user knows first, by name, then who was with them before, latest first.
    A company is named as most of the colleagues write it.
    Everyone asked about has an entry, empty when no one could introduce them."""
    conn = db.connection
    wanted = None if person_ids is None else set(person_ids)
    attendees: dict[int, str] = {}  # person -> company as written
    for person, company in conn.execute(_ATTENDEES, (event_id,)):
        if wanted is None or person in wanted:
            attendees[person] = company
    folded_companies = {fold_company(company) for company in attendees.values()} - {""}
    groups: dict[str, list[tuple[int, str, str]]] = {}
    for person, name, company in conn.execute(_KNOWN, (event_id,)):
        folded = fold_company(company)
        if folded in folded_companies:
            groups.setdefault(folded, []).append((person, name, company.strip()))
    met_where = _met_where(db, {p for group in groups.values() for p, _, _ in group})
    # One tuple per company, built once and shared by all its attendees; where an attendee
    # is among the colleagues, the tuple without them is two slices of it.
    by_company: dict[str, tuple[tuple[Intro, ...], dict[int, int]]] = {}
    for folded, group in groups.items():
        shown = Counter(company for _, _, company in group).most_common(1)[0][0]
        group.sort(key=lambda known: (known[1].casefold(), known[0]))
        intros = tuple(
            Intro(PersonId(p), name, IntroKind.SAME_COMPANY, shown, met_where.get(p, ""))
            for p, name, _ in group
        )
        by_company[folded] = (intros, {p: n for n, (p, _, _) in enumerate(group)})

    def colleagues(person: int, company: str) -> tuple[Intro, ...]:
        found = by_company.get(fold_company(company))
        if found is None:
            return ()
        intros, places = found
        place = places.get(person)
        return intros if place is None else intros[:place] + intros[place + 1 :]

    met: dict[int, list[Intro]] = {}
    seen: set[tuple[int, int]] = set()
    for attendee, other, name, when, event_name, place in conn.execute(
        _WITH_ATTENDEES, (event_id,)
    ):
        if attendee in attendees and (attendee, other) not in seen:
            seen.add((attendee, other))
            where = _where(when, event_name)
            met.setdefault(attendee, []).append(
                Intro(PersonId(other), name, IntroKind.MET_BEFORE, "", where, place.strip())
            )
    result: dict[PersonId, tuple[Intro, ...]] = {}
    for person, company in attendees.items():
        intros = colleagues(person, company)
        if person in met:
            intros = intros + tuple(met[person])
        result[PersonId(person)] = intros
    return result
