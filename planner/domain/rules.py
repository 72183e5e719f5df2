"""Validation rules the GUI and the CLI share, so both refuse the same input the same way."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from planner.domain.model import Attendance, Event
from planner.domain.text import drop_invisible

MAX_NAME_LENGTH = 200


class ValidationError(ValueError):
    """Input the user can correct. `problems` lists each one in plain words."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@cache
def time_zone_names() -> tuple[str, ...]:
    """Every IANA zone name the machine knows, sorted, without the legacy aliases."""
    legacy = ("Etc/", "SystemV/", "US/", "Canada/", "Brazil/", "Chile/", "Mexico/")
    names = {
        name
        for name in available_timezones()
        if "/" in name and not name.startswith(legacy) and not name.startswith("posix")
    }
    names.add("UTC")
    return tuple(sorted(names))


def is_time_zone(name: str) -> bool:
    if not name or name != name.strip():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder such as 'Europe'
        return False
    return True


def known_time_zone(text: str) -> str:
    """The IANA name the user meant: `text` trimmed, and spelt as the zone list spells it when
    only its case differs ("europe/lisbon" → "Europe/Lisbon"); otherwise `text` trimmed."""
    name = text.strip()
    if is_time_zone(name) or not name:
        return name
    folded = name.casefold()
    for known in time_zone_names():
        if known.casefold() == folded:
            return known
    return name


def localize(wall_clock: datetime, timezone: str) -> datetime:
    """Attach an IANA zone to a naive wall-clock time as read at the venue."""
    if wall_clock.tzinfo is not None:
        return wall_clock.astimezone(ZoneInfo(timezone))
    return wall_clock.replace(tzinfo=ZoneInfo(timezone))


def _whole_seconds(moment: datetime) -> int:
    return int(moment.replace(microsecond=0).timestamp())


def event_problems(event: Event) -> list[str]:
    problems: list[str] = []
    name = drop_invisible(event.name).strip()
    if not name:
        problems.append("The event needs a name.")
    elif len(name) > MAX_NAME_LENGTH:
        problems.append(f"The name is longer than {MAX_NAME_LENGTH} characters.")
    elif any(ord(ch) < 32 for ch in name):
        problems.append("The name contains control characters.")
    if not event.timezone.strip():
        problems.append("The event needs the time zone of its venue.")
    elif not is_time_zone(event.timezone):
        # Times typed in an unknown zone carry none: the zone is the one thing to fix.
        problems.append(f"“{event.timezone}” is not a known time zone.")
    elif event.start.tzinfo is None or event.end.tzinfo is None:
        problems.append("Start and end must carry a time zone.")
    elif _whole_seconds(event.end) <= _whole_seconds(event.start):
        # Timestamps, not `<=`: two datetimes sharing one ZoneInfo compare by wall clock,
        # which is wrong across a DST fall-back. Whole seconds, as stored.
        problems.append("The event must end after it starts.")
    url = drop_invisible(event.url).strip()
    if url:
        from urllib.parse import urlsplit  # only needed when there is a link to check

        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            problems.append("The link must be a web address starting with http:// or https://.")
    return problems


def validate_event(event: Event) -> Event:
    """Return the event with its text fields tidied (ends trimmed, the characters of
    `planner.domain.text.INVISIBLE` dropped), or raise ValidationError."""
    problems = event_problems(event)
    if problems:
        raise ValidationError(problems)
    return replace(
        event,
        # Stored to the second; dropping the rest here keeps what is saved equal to what is
        # returned.
        start=event.start.replace(microsecond=0),
        end=event.end.replace(microsecond=0),
        name=drop_invisible(event.name).strip(),
        venue=drop_invisible(event.venue).strip(),
        url=drop_invisible(event.url).strip(),
        notes=drop_invisible(event.notes),
    )


def tidy_attendance(attendance: Attendance) -> Attendance:
    """The plan for meeting someone with its notes as they are kept: without the characters
    of `planner.domain.text.INVISIBLE`."""
    return replace(
        attendance,
        research_notes=drop_invisible(attendance.research_notes),
        talking_points=drop_invisible(attendance.talking_points),
        offer=drop_invisible(attendance.offer),
        ask=drop_invisible(attendance.ask),
    )
