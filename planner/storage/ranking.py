"""What the ranking needs to know of everyone on an event's list, read in one query."""

from __future__ import annotations

from planner.domain.enums import AttendanceStatus, AttendeeRole, PriorityTier
from planner.domain.ids import AttendanceId, EventId, PersonId
from planner.domain.ranking import AttendeeFacts
from planner.storage.database import Database
from planner.storage.research import tags_on_list

__all__ = ["attendee_facts"]

_ROLES = {role.value: role for role in AttendeeRole}
_TIERS = {tier.value: tier for tier in PriorityTier}

# In the network: on the list of another event, or in an interaction the user noted.
# Met before: marked met at another event, or in an interaction not at this event.
# Both are worked out by SQLite for the whole list at once, as two grouped joins over the
# person indexes of attendance and interaction_person (a third of the time that EXISTS
# subqueries per row took at 20,000 attendees).
_PEOPLE = """
SELECT a.id, a.person_id, p.full_name, coalesce(p.title, ''), coalesce(p.company, ''), p.notes,
       coalesce(p.email, ''), a.role, a.pinned_tier, a.status
FROM attendance a JOIN person p ON p.id = a.person_id
WHERE a.event_id = ?
ORDER BY a.id
"""
_OTHER_EVENTS = """
SELECT o.person_id, max(o.status = 'met')
FROM attendance h JOIN attendance o ON o.person_id = h.person_id AND o.event_id != h.event_id
WHERE h.event_id = ?
GROUP BY o.person_id
"""
_INTERACTIONS = """
SELECT ip.person_id, max(i.event_id IS NOT h.event_id)
FROM attendance h
JOIN interaction_person ip ON ip.person_id = h.person_id
JOIN interaction i ON i.id = ip.interaction_id
WHERE h.event_id = ?
GROUP BY ip.person_id
"""


def attendee_facts(db: Database, event_id: EventId) -> list[AttendeeFacts]:
    """Everyone on the event's list with their work, tags, role, pinned tier, status and
    history."""
    conn = db.connection
    tags = tags_on_list(conn, event_id)
    met_before: dict[int, bool] = {}  # person -> met before; present when in the network
    for query in (_OTHER_EVENTS, _INTERACTIONS):
        for person, met in conn.execute(query, (event_id,)):
            met_before[person] = met_before.get(person, False) or bool(met)
    skipped = AttendanceStatus.SKIPPED.value
    return [
        AttendeeFacts(
            attendance_id=AttendanceId(row[0]),
            person_id=PersonId(row[1]),
            full_name=row[2],
            title=row[3],
            company=row[4],
            notes=row[5],
            tags=tags.get(row[1], ()),
            email=row[6],
            role=_ROLES.get(row[7], AttendeeRole.ATTENDEE),
            pinned=_TIERS.get(row[8]),
            skipped=row[9] == skipped,
            in_network=row[1] in met_before,
            met_before=met_before.get(row[1], False),
        )
        for row in conn.execute(_PEOPLE, (event_id,))
    ]
