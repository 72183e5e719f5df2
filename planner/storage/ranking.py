"""What the ranking needs to know of everyone on an event's list, read in one query."""

from __future__ import annotations

from planner.domain.enums import AttendanceStatus, AttendeeRole, PriorityTier
from planner.domain.ids import AttendanceId, EventId, PersonId
from planner.domain.ranking import AttendeeFacts
from planner.storage.database import Database

__all__ = ["attendee_facts"]

_ROLES = {role.value: role for role in AttendeeRole}
_TIERS = {tier.value: tier for tier in PriorityTier}

# In the network: on the list of another event, or in an interaction the user noted.
# Met before: marked met at another event, or in an interaction not at this event.
# Both are worked out by SQLite for the whole list at once (the person indexes of attendance
# and interaction_person), not asked person by person.
_FACTS = """
SELECT a.id, a.person_id, p.full_name, coalesce(p.title, ''), coalesce(p.company, ''), p.notes,
       coalesce(p.email, ''), a.role, a.tier, a.status,
       EXISTS (SELECT 1 FROM attendance o
               WHERE o.person_id = a.person_id AND o.event_id != a.event_id)
       OR EXISTS (SELECT 1 FROM interaction_person ip WHERE ip.person_id = a.person_id),
       EXISTS (SELECT 1 FROM attendance o WHERE o.person_id = a.person_id
               AND o.event_id != a.event_id AND o.status = 'met')
       OR EXISTS (SELECT 1 FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id
                  WHERE ip.person_id = a.person_id AND i.event_id IS NOT a.event_id)
FROM attendance a JOIN person p ON p.id = a.person_id
WHERE a.event_id = ?
ORDER BY a.id
"""


def attendee_facts(db: Database, event_id: EventId) -> list[AttendeeFacts]:
    """Everyone on the event's list with their work, role, tier, status and history. Tags are
    not read here yet: they are empty until people have tags."""
    skipped = AttendanceStatus.SKIPPED.value
    return [
        AttendeeFacts(
            attendance_id=AttendanceId(row[0]),
            person_id=PersonId(row[1]),
            full_name=row[2],
            title=row[3],
            company=row[4],
            notes=row[5],
            email=row[6],
            role=_ROLES.get(row[7], AttendeeRole.ATTENDEE),
            tier=_TIERS.get(row[8], PriorityTier.NICE_TO_MEET),
            skipped=row[9] == skipped,
            in_network=bool(row[10]),
            met_before=bool(row[11]),
        )
        for row in db.connection.execute(_FACTS, (event_id,))
    ]
