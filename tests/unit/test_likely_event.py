"""Which event an attendee list goes to when none was picked: the next one not over."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from planner.domain.ids import EventId
from planner.domain.model import Event
from planner.services.events import likely_event

NOW = datetime(2026, 11, 22, 12, tzinfo=UTC)


def event(number: int, starts_in_days: float, days: float = 1) -> Event:
    start = NOW + timedelta(days=starts_in_days)
    return Event(f"E{number}", start, start + timedelta(days=days), "UTC", id=EventId(number))


def test_the_next_event_not_over_yet() -> None:
    events = [event(1, -30), event(2, 40), event(3, 10), event(4, 20)]
    assert likely_event(events, NOW) == 3


def test_an_event_on_now_comes_before_the_next_one() -> None:
    events = [event(1, 3), event(2, -1, days=2)]  # started yesterday, ends tomorrow
    assert likely_event(events, NOW) == 2


def test_when_all_are_over_the_last_to_end() -> None:
    events = [event(1, -30), event(2, -3), event(3, -50, days=49)]  # 3 ended yesterday
    assert likely_event(iter(events), NOW) == 3


def test_no_events() -> None:
    assert likely_event([], NOW) is None
