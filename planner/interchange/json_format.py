"""The JSON shapes printed for scripts (`planner event list --json` and friends).

Times are ISO 8601 with the UTC offset in force at the venue, so a reader needs no zone
database to place them, and `timezone` says which zone they were written in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from planner.domain.checklist import ChecklistEntry, offset_label
from planner.domain.goals import GoalProgress
from planner.domain.importing import ImportReport
from planner.domain.model import Event, Goal, Person


def event_to_json(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "name": event.name,
        "start": event.local_start.isoformat(),
        "end": event.local_end.isoformat(),
        "timezone": event.timezone,
        "venue": event.venue,
        "url": event.url,
        "notes": event.notes,
        "is_sample": event.is_sample,
    }


def goal_to_json(goal: Goal) -> dict[str, Any]:
    return {
        "id": goal.id,
        "event_id": goal.event_id,
        "text": goal.text,
        "type": goal.network_type.value,
        "target": goal.target_count,
        "keywords": list(goal.keywords),
        "roles": list(goal.roles),
        "companies": list(goal.companies),
        "priority": goal.priority,
    }


def goal_progress_to_json(progress: GoalProgress) -> dict[str, Any]:
    return {
        **goal_to_json(progress.goal),
        "met": progress.met,
        "shortlisted": progress.shortlisted,
        "reached": progress.reached,
    }


def checklist_entry_to_json(entry: ChecklistEntry) -> dict[str, Any]:
    return {
        "id": entry.item_id,
        "text": entry.text,
        "due": entry.due.isoformat(),
        "offset_days": entry.due_offset_days,
        "relative": offset_label(entry.due_offset_days),
        "done": entry.done,
        "dynamic": entry.is_dynamic,
        "uid": entry.item.uid if entry.item else None,
    }


def person_to_json(person: Person) -> dict[str, Any]:
    """A person; fields the planner does not know are null."""
    return {
        "id": person.id,
        "full_name": person.full_name,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "email": person.email,
        "company": person.company,
        "title": person.title,
        "phone": person.phone,
        "linkedin_url": person.linkedin_url,
        "notes": person.notes,
        "is_sample": person.is_sample,
    }


def import_report_to_json(
    report: ImportReport, names: Mapping[int, str] | None = None
) -> dict[str, Any]:
    """What an attendee import did. `names` (person id → name) adds names to review items."""
    names = names or {}
    return {
        "source": report.source,
        "layout": report.layout,
        "encoding": report.encoding,
        "rows": report.rows,
        "added": report.added,
        "updated": report.updated,
        "merged": report.merged,
        "attendances_added": report.attendances_added,
        "attendances_removed": report.attendances_removed,
        "review": [
            {
                "line": item.line,
                "score": item.score,
                "new_person_id": item.new_person_id,
                "new_person": names.get(item.new_person_id),
                "existing_person_id": item.existing_person_id,
                "existing_person": names.get(item.existing_person_id),
            }
            for item in report.review
        ],
        "skipped": [{"line": item.line, "reason": item.reason} for item in report.skipped],
        "unread": [{"line": item.line, "reason": item.reason} for item in report.unread],
        "changed": [
            {"line": item.line, "field": item.field.value, "value": item.value, "what": item.what}
            for item in report.changed
        ],
    }
