"""How domain values are written to SQLite columns and read back."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo


def utc_text(moment: datetime) -> str:
    """Aware datetime → fixed-width UTC ISO text, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime cannot be stored")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def from_utc_text(text: str, timezone: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(ZoneInfo(timezone))


def now_text() -> str:
    return utc_text(datetime.now(UTC))


def words_text(words: tuple[str, ...]) -> str:
    return json.dumps(list(words), ensure_ascii=False)


def words_from_text(text: str) -> tuple[str, ...]:
    value = json.loads(text)
    return tuple(str(word) for word in value)
