"""Pure rules for follow-ups."""

from __future__ import annotations

UID_DOMAIN = "networking-planner.local"


def new_calendar_uid() -> str:
    """A globally unique, never-reused calendar UID (RFC 5545 recommends an @domain suffix)."""
    import uuid  # imported here: it pulls in `platform`, which start-up does not need

    return f"{uuid.uuid4()}@{UID_DOMAIN}"
