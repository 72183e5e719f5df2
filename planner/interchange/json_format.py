"""The JSON shapes printed for scripts (`planner event list --json` and friends).

Times are ISO 8601 with the UTC offset in force at the venue, so a reader needs no zone
database to place them, and `timezone` says which zone they were written in.
"""

from __future__ import annotations

from typing import Any

from planner.domain.checklist import ChecklistEntry, offset_label
from planner.domain.goals import GoalProgress
from planner.domain.model import Event, Goal


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
