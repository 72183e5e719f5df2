"""Pure rules for follow-ups."""

from __future__ import annotations

import uuid

UID_DOMAIN = "networking-planner.local"


def new_calendar_uid() -> str:
    """A globally unique, never-reused calendar UID (RFC 5545 recommends an @domain suffix)."""
    return f"{uuid.uuid4()}@{UID_DOMAIN}"
