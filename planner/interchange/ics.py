"""Tasks as iCalendar (RFC 5545), for calendar and to-do apps.

Each task is an all-day item on a date at the venue: a DATE value carries no time zone, so the
task shows on that day wherever the user's calendar happens to be set. Two styles:

- `CalendarStyle.TODO`: one VTODO per task, with DUE, a status and, when done,
  PERCENT-COMPLETE 100. For to-do apps (Thunderbird, Apple Reminders via CalDAV, calcurse).
- `CalendarStyle.EVENT`: one all-day, transparent (not busy) VEVENT per task, with a display
  alarm at 09:00 local time on the day. For calendars that ignore VTODO (Google Calendar). An
  event has no "done", so callers pass only the open items for this style; the function
  writes whatever it is given and never marks an event as done.

A task keeps its `uid` across exports and the caller raises `sequence` when it changes, so
importing a new export updates the entries already in the user's calendar instead of adding
copies. The same input always gives the same bytes: nothing here reads the clock or makes up
an id (DTSTAMP is the caller's `now`), and items keep the order they are given in.

Text is cleaned before it is written: a SUMMARY (and a category, the calendar name, a UID) is
one line, every line break becoming a space, because some clients refuse a multi-line SUMMARY
(calcurse rejects such a VTODO); a DESCRIPTION keeps its line breaks, each written as the
iCalendar newline, so CR LF and CR come back as LF. ASCII control characters that RFC 5545
does not allow in text (all but tab and line breaks) are dropped, and so are byte-order marks
at the start of a value. A URL loses its line breaks and the spaces at either end, and a
backslash in it is written percent-encoded, as %5C. So no value can break out of its line.

icalendar is imported inside the functions: loading it (with dateutil) takes tens of
milliseconds, more from a cold disk, which the app must not pay at start-up for a feature used
now and then.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

from planner.domain.text import drop_invisible

PRODID = "-//Networking Planner//EN"
ALARM_AFTER_START_OF_DAY = timedelta(hours=9)
"""An EVENT's reminder fires this long after the start of its day: at 09:00 local time."""

# Everything str.splitlines() breaks on; CR LF counts as one break.
_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# ASCII controls RFC 5545 does not allow in TEXT, other than tab and the line breaks above.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f]")
# Spaces and byte-order marks around a URL.
_URL_ENDS = re.compile(r"^[\s\ufeff]+|[\s\ufeff]+$")
# Lone surrogates cannot be written as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class CalendarTask:
    """One task as a calendar sees it; see the module docstring for how text is cleaned."""

    uid: str
    """Stable across exports, so a re-import updates the entry instead of adding a second."""
    summary: str
    """One line: line breaks are written as spaces."""
    due: date
    """An all-day date: the date at the venue."""
    description: str = ""
    done: bool = False
    sequence: int = 0
    """Raised by the caller each time the task changes after it was first exported."""
    categories: tuple[str, ...] = ()
    url: str = ""


class CalendarStyle(StrEnum):
    TODO = "todo"
    EVENT = "event"


def tasks_to_ics(
    tasks: Sequence[CalendarTask], *, style: CalendarStyle, calendar_name: str, now: datetime
) -> bytes:
    """The tasks as one iCalendar file in the given style (CR LF line ends, folded lines).

    `now` becomes every item's DTSTAMP and must be time-zone aware. Raises ValueError for a
    naive `now`, an empty or repeated UID, or a negative sequence.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be a time-zone aware datetime")
    style = CalendarStyle(style)
    _check_tasks(tasks)
    stamp = now.astimezone(UTC).replace(microsecond=0)

    import icalendar  # see the module docstring: kept off the start-up path

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _text(_one_line(calendar_name)), encode=False)
    for task in tasks:
        component: icalendar.Component = (
            icalendar.Todo() if style is CalendarStyle.TODO else icalendar.Event()
        )
        for name, value in _properties(task, style, stamp):
            component.add(name, value, encode=not isinstance(value, _Text))
        if style is CalendarStyle.EVENT:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", _text(_one_line(task.summary)), encode=False)
            alarm.add("trigger", ALARM_AFTER_START_OF_DAY)  # RELATED=START, the default
            component.add_component(alarm)
        calendar.add_component(component)
    data: bytes = calendar.to_ical()
    return data


def ics_to_tasks(data: bytes) -> list[CalendarTask]:
    """The VTODOs and VEVENTs in an iCalendar file, in file order, as tasks.

    The inverse of `tasks_to_ics` for both styles: a VTODO's date is its DUE, a VEVENT's its
    DTSTART, and only a VTODO can be done. A date-time is read as its own date. Raises
    ValueError, saying what is wrong, for anything that is not an iCalendar file or an item
    without a UID or a date.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"Not an iCalendar file: it is not UTF-8 text ({error}).") from None
    if not text.lstrip("\ufeff \t\r\n").upper().startswith("BEGIN:VCALENDAR"):
        raise ValueError("Not an iCalendar file: it does not start with BEGIN:VCALENDAR.")
    if not text.rstrip(" \t\r\n").upper().endswith("END:VCALENDAR"):
        raise ValueError("The iCalendar file is cut short: it does not end with END:VCALENDAR.")

    import icalendar  # see the module docstring: kept off the start-up path

    try:
        calendar = icalendar.Calendar.from_ical(text)
    except Exception as error:  # the parser raises several types for broken input
        raise ValueError(f"Not a readable iCalendar file: {error}") from None
    if calendar.name != "VCALENDAR":
        raise ValueError(f"Not an iCalendar file: it holds a {calendar.name}, not a VCALENDAR.")
    tasks: list[CalendarTask] = []
    for number, item in enumerate(calendar.subcomponents, start=1):
        if item.name in ("VTODO", "VEVENT"):
            try:
                tasks.append(_task_from(item))
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                raise ValueError(f"Item {number} ({item.name}) is unusable: {error}") from None
    return tasks


def _check_tasks(tasks: Sequence[CalendarTask]) -> None:
    seen: set[str] = set()
    for task in tasks:
        uid = _one_line(task.uid)
        if not uid.strip():
            raise ValueError(f"The task {task.summary!r} has no UID.")
        if uid in seen:
            raise ValueError(f"Two tasks share the UID {uid!r}.")
        if task.sequence < 0:
            raise ValueError(f"The task {uid!r} has a negative sequence ({task.sequence}).")
        seen.add(uid)


def _properties(task: CalendarTask, style: CalendarStyle, stamp: datetime) -> list[tuple[str, Any]]:
    """The item's properties, in the order given (icalendar sorts them when it writes)."""
    due = task.due.date() if isinstance(task.due, datetime) else task.due
    properties: list[tuple[str, Any]] = [
        ("uid", _text(_one_line(task.uid))),
        ("dtstamp", stamp),
        ("sequence", task.sequence),
        ("summary", _text(_one_line(task.summary))),
    ]
    if task.description:
        properties.append(("description", _text(_multi_line(task.description))))
    if style is CalendarStyle.TODO:
        properties.append(("due", due))
        if task.done:
            properties += [("status", "COMPLETED"), ("percent-complete", 100)]
        else:
            properties.append(("status", "NEEDS-ACTION"))
    else:
        properties += [
            ("dtstart", due),
            ("dtend", due + timedelta(days=1)),
            ("transp", "TRANSPARENT"),
        ]
    categories = [name for name in map(_one_line, task.categories) if name]
    if categories:
        properties.append(("categories", _text(*categories)))
    # icalendar's reader unescapes backslashes even in a URI, and a URI cannot hold one bare.
    url = _URL_ENDS.sub("", _clean(_LINE_BREAK.sub("", drop_invisible(task.url))))
    url = url.replace("\\", "%5C")
    if url:
        properties.append(("url", url))
    return properties


def _task_from(item: Any) -> CalendarTask:
    if "UID" not in item:
        raise ValueError("it has no UID")
    uid = str(item["UID"])
    if item.name == "VTODO":
        when = item.get("DUE")
        if when is None:
            raise ValueError("it has no DUE date")
        done = str(item.get("STATUS", "")).upper() == "COMPLETED"
    else:
        when = item.get("DTSTART")
        if when is None:
            raise ValueError("it has no DTSTART date")
        done = False
    due = when.dt
    if isinstance(due, datetime):
        due = due.date()
    if not isinstance(due, date):
        raise ValueError(f"its date is a {type(due).__name__}")
    categories = item.get("CATEGORIES")
    if categories is None:
        categories = []
    elif not isinstance(categories, list):
        categories = [categories]
    return CalendarTask(
        uid=uid,
        summary=str(item.get("SUMMARY", "")),
        due=due,
        description=str(item.get("DESCRIPTION", "")),
        done=done,
        sequence=int(item.get("SEQUENCE", 0)),
        categories=tuple(str(name) for group in categories for name in group.cats),
        url=str(item.get("URL", "")),
    )


@dataclass(frozen=True, slots=True)
class _Text:
    """A TEXT value (or a list of them) escaped here, which icalendar writes as it is.

    icalendar 7.3's own escaping starts by reading a literal backslash and capital N as the
    iCalendar newline, so "C:\\New folder" would come out as two lines, and calcurse would
    refuse the item. Any value with a to_ical() method is written verbatim.
    """

    escaped: str

    def to_ical(self) -> bytes:
        return self.escaped.encode("utf-8")


_ESCAPES = {"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"}
_TO_ESCAPE = re.compile(r"[\\;,\n]")


def _text(*values: str) -> _Text:
    """RFC 5545 3.3.11 TEXT escaping; several values make a comma-separated list."""
    return _Text(",".join(_TO_ESCAPE.sub(lambda m: _ESCAPES[m.group()], v) for v in values))


def _one_line(text: str) -> str:
    return _clean(_LINE_BREAK.sub(" ", drop_invisible(text)))


def _multi_line(text: str) -> str:
    return _clean(_LINE_BREAK.sub("\n", drop_invisible(text)))


def _clean(text: str) -> str:
    # Text the user typed is kept without bidirectional controls and byte-order marks
    # (planner.domain.text); the callers drop them first, for text saved before that rule,
    # so that a CR and LF with a mark between them are still one line break.
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))
