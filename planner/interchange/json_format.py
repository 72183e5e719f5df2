"""The JSON shape of events for scripts (`planner event list --json`).

Times are ISO 8601 with the UTC offset in force at the venue, so a reader needs no zone
database to place them, and `timezone` says which zone they were written in.
"""

from __future__ import annotations

from typing import Any

from planner.domain.model import Event


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
