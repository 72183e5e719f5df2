"""domain.rules: what an event must satisfy, and how wall-clock times get their zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.rules import (
    MAX_NAME_LENGTH,
    ValidationError,
    event_problems,
    is_time_zone,
    known_time_zone,
    localize,
    time_zone_names,
    validate_event,
)
from tests.builders import an_event

LISBON = ZoneInfo("Europe/Lisbon")
NEW_YORK = ZoneInfo("America/New_York")


def problems_of(**changes: object) -> list[str]:
    return event_problems(an_event(**changes))


# --- a valid event --------------------------------------------------------------------------


def test_a_valid_event_has_no_problems_and_is_returned_tidied() -> None:
    event = an_event(name="  Web Summit  ", venue="  FIL, Lisbon ", url=" https://websummit.com ")
    assert event_problems(event) == []
    tidy = validate_event(event)
    assert tidy.name == "Web Summit"
    assert tidy.venue == "FIL, Lisbon"
    assert tidy.url == "https://websummit.com"
    # Everything else passes through unchanged.
    assert (tidy.start, tidy.end, tidy.timezone) == (event.start, event.end, event.timezone)


def test_notes_keep_their_whitespace() -> None:
    assert validate_event(an_event(notes="  line one\n  line two\n")).notes == (
        "  line one\n  line two\n"
    )


# --- name ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", " ", "   \t  ", "\n"])
def test_a_blank_name_is_refused(name: str) -> None:
    assert problems_of(name=name) == ["The event needs a name."]


def test_a_name_of_exactly_the_maximum_length_is_accepted() -> None:
    assert problems_of(name="x" * MAX_NAME_LENGTH) == []


def test_a_name_one_character_too_long_is_refused() -> None:
    problems = problems_of(name="x" * (MAX_NAME_LENGTH + 1))
    assert problems == [f"The name is longer than {MAX_NAME_LENGTH} characters."]


def test_surrounding_whitespace_does_not_count_towards_the_length() -> None:
    assert problems_of(name="  " + "x" * MAX_NAME_LENGTH + "  ") == []


@pytest.mark.parametrize("name", ["Web\nSummit", "Web\x00Summit", "Web\x1bSummit", "A\rB"])
def test_control_characters_inside_the_name_are_refused(name: str) -> None:
    assert problems_of(name=name) == ["The name contains control characters."]


@pytest.mark.parametrize("name", ["Café Ωmega", "東京 Tech Summit", "مؤتمر", "<b>O'Brien & Co</b>"])
def test_any_printable_text_is_a_valid_name(name: str) -> None:
    assert problems_of(name=name) == []


def test_validation_error_lists_every_problem() -> None:
    event = an_event(name="", timezone="Mars/Olympus", url="ftp://x")
    with pytest.raises(ValidationError) as caught:
        validate_event(event)
    assert len(caught.value.problems) == 3
    assert "The event needs a name." in caught.value.problems
    assert str(caught.value) == "; ".join(caught.value.problems)
    assert isinstance(caught.value, ValueError)


# --- time zone -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "zone",
    ["Mars/Olympus", " Europe/Lisbon", "Europe/Lisbon ", "../../etc/passwd", "Europe/\x00"],
)
def test_an_unknown_time_zone_is_refused(zone: str) -> None:
    assert not is_time_zone(zone)
    problems = problems_of(timezone=zone)
    assert problems == [f"“{zone}” is not a known time zone."]


@pytest.mark.parametrize("zone", ["", "   "])
def test_an_empty_time_zone_asks_for_the_venues(zone: str) -> None:
    assert problems_of(timezone=zone) == ["The event needs the time zone of its venue."]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("europe/lisbon", "Europe/Lisbon"),
        (" AMERICA/NEW_YORK ", "America/New_York"),
        ("utc", "UTC"),
        ("Europe/Lisbon", "Europe/Lisbon"),
        ("Mars/Olympus", "Mars/Olympus"),
        ("", ""),
    ],
)
def test_a_zone_typed_in_another_case_is_the_listed_one(typed: str, meant: str) -> None:
    assert known_time_zone(typed) == meant


@pytest.mark.parametrize("zone", ["Europe", "America/Argentina"])
def test_a_region_folder_is_not_a_time_zone(zone: str) -> None:
    assert not is_time_zone(zone)
    assert problems_of(timezone=zone) == [f"“{zone}” is not a known time zone."]


@pytest.mark.parametrize("zone", ["Europe/Lisbon", "America/New_York", "Asia/Kolkata", "UTC"])
def test_known_time_zones_are_accepted(zone: str) -> None:
    assert is_time_zone(zone)
    assert problems_of(timezone=zone) == []


# --- times -----------------------------------------------------------------------------------


def test_naive_start_is_refused() -> None:
    problems = problems_of(start=datetime(2026, 11, 10, 9, 0))
    assert problems == ["Start and end must carry a time zone."]


def test_naive_end_is_refused() -> None:
    problems = problems_of(end=datetime(2026, 11, 12, 18, 0))
    assert problems == ["Start and end must carry a time zone."]


def test_both_naive_is_refused_once() -> None:
    problems = problems_of(start=datetime(2026, 11, 10, 9), end=datetime(2026, 11, 12, 18))
    assert problems == ["Start and end must carry a time zone."]


def test_end_equal_to_start_is_refused() -> None:
    moment = datetime(2026, 11, 10, 9, 0, tzinfo=LISBON)
    assert problems_of(start=moment, end=moment) == ["The event must end after it starts."]


def test_end_before_start_is_refused() -> None:
    problems = problems_of(
        start=datetime(2026, 11, 10, 9, 0, tzinfo=LISBON),
        end=datetime(2026, 11, 10, 8, 59, tzinfo=LISBON),
    )
    assert problems == ["The event must end after it starts."]


def test_end_one_second_after_start_is_accepted() -> None:
    start = datetime(2026, 11, 10, 9, 0, tzinfo=LISBON)
    assert problems_of(start=start, end=start + timedelta(seconds=1)) == []


def test_times_in_different_zones_compare_as_instants() -> None:
    # 09:00 in New York is 14:00 in Lisbon (both on standard time in December).
    start = datetime(2026, 12, 7, 13, 0, tzinfo=LISBON)
    assert problems_of(start=start, end=datetime(2026, 12, 7, 9, 0, tzinfo=NEW_YORK)) == []
    late = datetime(2026, 12, 7, 15, 0, tzinfo=LISBON)
    assert problems_of(start=late, end=datetime(2026, 12, 7, 9, 0, tzinfo=NEW_YORK)) == [
        "The event must end after it starts."
    ]


def test_an_end_before_start_in_real_time_across_dst_fall_back_is_refused() -> None:
    # 2026-10-25 in Lisbon: 02:00 WEST falls back to 01:00 WET, so 01:00-02:00 happens twice.
    start = datetime(2026, 10, 25, 1, 50, fold=1, tzinfo=LISBON)  # 01:50 WET = 01:50 UTC
    end = datetime(2026, 10, 25, 1, 55, fold=0, tzinfo=LISBON)  # 01:55 WEST = 00:55 UTC
    assert end.astimezone(UTC) < start.astimezone(UTC)
    assert problems_of(start=start, end=end) == ["The event must end after it starts."]


# --- links -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "ftp://x",
        "ftp://example.com/file",
        "example.com",
        "www.example.com/path",
        "http://",
        "https:///path-only",
        "javascript:alert(1)",
        "mailto:someone@example.com",
        "file:///etc/passwd",
    ],
)
def test_a_link_that_is_not_a_web_address_is_refused(url: str) -> None:
    assert problems_of(url=url) == [
        "The link must be a web address starting with http:// or https://."
    ]


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com",
        "https://example.com",
        "https://websummit.com/2026/agenda?day=1#keynote",
        "HTTPS://EXAMPLE.COM",
        "  https://example.com  ",
        "",
        "   ",
    ],
)
def test_web_addresses_and_no_link_are_accepted(url: str) -> None:
    assert problems_of(url=url) == []


# --- localize --------------------------------------------------------------------------------


def test_localize_attaches_the_zone_to_a_naive_wall_clock() -> None:
    moment = localize(datetime(2026, 12, 6, 9, 0), "Europe/Lisbon")
    assert moment.tzinfo == LISBON
    assert (moment.hour, moment.minute) == (9, 0)
    assert moment.utcoffset() == timedelta(0)


def test_localize_follows_the_dst_change_in_lisbon() -> None:
    # Portugal moves to summer time at 01:00 UTC on Sunday 2026-03-29.
    before = localize(datetime(2026, 3, 28, 9, 0), "Europe/Lisbon")
    after = localize(datetime(2026, 3, 29, 9, 0), "Europe/Lisbon")
    assert before.utcoffset() == timedelta(0)
    assert after.utcoffset() == timedelta(hours=1)
    assert before.astimezone(UTC) == datetime(2026, 3, 28, 9, 0, tzinfo=UTC)
    assert after.astimezone(UTC) == datetime(2026, 3, 29, 8, 0, tzinfo=UTC)
    # Same wall clock a day apart is only 23 hours of real time across the change.
    assert after.astimezone(UTC) - before.astimezone(UTC) == timedelta(hours=23)


def test_localize_follows_the_dst_change_in_new_york() -> None:
    # The US moves to summer time on Sunday 2026-03-08 and back on Sunday 2026-11-01.
    winter = localize(datetime(2026, 3, 7, 9, 0), "America/New_York")
    summer = localize(datetime(2026, 3, 8, 9, 0), "America/New_York")
    autumn = localize(datetime(2026, 11, 1, 9, 0), "America/New_York")
    assert winter.utcoffset() == timedelta(hours=-5)
    assert summer.utcoffset() == timedelta(hours=-4)
    assert autumn.utcoffset() == timedelta(hours=-5)
    assert summer.isoformat() == "2026-03-08T09:00:00-04:00"


def test_localize_converts_an_aware_time_to_the_venue_zone() -> None:
    moment = localize(datetime(2026, 12, 6, 14, 0, tzinfo=UTC), "America/New_York")
    assert moment.isoformat() == "2026-12-06T09:00:00-05:00"
    assert moment.tzinfo == NEW_YORK
    # The instant is unchanged; only the wall clock it is shown in changes.
    assert moment == datetime(2026, 12, 6, 14, 0, tzinfo=UTC)


def test_localize_of_an_aware_time_across_the_lisbon_change() -> None:
    moment = localize(datetime(2026, 3, 29, 1, 30, tzinfo=UTC), "Europe/Lisbon")
    assert moment.isoformat() == "2026-03-29T02:30:00+01:00"


# --- zone list -------------------------------------------------------------------------------


def test_time_zone_names_holds_canonical_zones_and_no_legacy_aliases() -> None:
    names = time_zone_names()
    assert "Europe/Lisbon" in names
    assert "America/New_York" in names
    assert "UTC" in names
    assert "US/Eastern" not in names
    assert not any(name.startswith(("Etc/", "SystemV/", "US/", "posix")) for name in names)
    assert list(names) == sorted(names)
    assert len(names) == len(set(names))
    assert all(is_time_zone(name) for name in names)


# --- property --------------------------------------------------------------------------------

# Any representable instant far enough from the ends of the calendar to add a duration.
aware_starts = st.datetimes(
    min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.timezones()
)
# Whole seconds: events are kept to the second.
durations = st.integers(min_value=1, max_value=400 * 86_400).map(lambda s: timedelta(seconds=s))


@settings(max_examples=150, deadline=None, database=None)
@given(start=aware_starts, duration=durations, zone=st.sampled_from(time_zone_names()))
def test_any_aware_start_and_positive_duration_is_accepted(
    start: datetime, duration: timedelta, zone: str
) -> None:
    # Durations are real elapsed time, so the end is computed on the UTC time line.
    start_utc = start.astimezone(UTC).replace(microsecond=0)
    end_utc = start_utc + duration
    event = an_event(start=start_utc, end=end_utc, timezone=zone)

    validated = validate_event(event)

    assert validated.end.astimezone(UTC) - validated.start.astimezone(UTC) == duration
    assert validated.end.astimezone(UTC) > validated.start.astimezone(UTC)
    assert validated.start.astimezone(UTC) == start_utc
    assert validated.timezone == zone
