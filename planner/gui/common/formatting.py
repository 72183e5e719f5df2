"""How dates, times and tooltips read on screen. One place, so every view says it the same
way."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

from PySide6.QtCore import QCoreApplication, QTimeZone

from planner.domain.rules import is_time_zone


def tr(text: str) -> str:
    return QCoreApplication.translate("formatting", text)


def tr_n(context: str, text: str, n: int, one: str) -> str:
    """`text` in the plural form for `n`, with %n replaced by `n`: the `n` form of Qt's
    translate(), so a translation gives each language its own forms ("%n people" has one
    form in Japanese, three in Polish). `text` is the English plural, `one` the English
    singular, used while no translation is loaded ("1 person", never "1 people")."""
    translated = QCoreApplication.translate(context, text, None, n)
    if translated != text.replace("%n", str(n)):
        return translated  # a translation chose the form
    return (one if n == 1 else text).replace("%n", f"{n:,}")


_UNBROKEN = re.compile(r"\S{40,}")
_BREAK_EVERY = 30


def breakable(text: str) -> str:
    """`text` with a zero-width space every 30 characters of a run of 40 or more without a
    space (a long link, a pasted token), so that a label can wrap it: one such run would
    otherwise make the label, and the window around it, as wide as the run."""
    return _UNBROKEN.sub(_break_run, text)


def _break_run(run: re.Match[str]) -> str:
    word = run[0]
    return "\u200b".join(word[i : i + _BREAK_EVERY] for i in range(0, len(word), _BREAK_EVERY))


def excerpt(text: str, limit: int = 200, lines: int = 2) -> str:
    """The start of `text`, at most `lines` lines and `limit` characters, ending in "…" when
    something was left out."""
    kept = text.split("\n")[:lines]
    short = "\n".join(kept)[:limit]
    return short if short == text else short.rstrip() + "…"


# html.escape(text, quote=False), without importing the html package at start-up (1 ms: it
# loads html.entities for unescape), since Home's tooltips are made then.
_ESCAPED = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` exactly as written. Qt reads a tooltip as rich text when its
    first line holds something like a tag, so an event called "<b>Launch</b>" would show in
    bold and an "<img>" would be loaded: the text is escaped, in a paragraph that keeps its
    spaces and line breaks (a long one wraps)."""
    return f'<p style="white-space:pre-wrap">{text.translate(_ESCAPED)}</p>'


def day_text(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def moment_text(moment: datetime) -> str:
    return f"{day_text(moment.date())}, {moment:%H:%M}"


def span_text(start: datetime, end: datetime) -> str:
    """'Mon 7 Dec 2026, 09:00 – 18:00' or '... – Tue 8 Dec 2026, 18:00' across days."""
    if start.date() == end.date():
        return f"{moment_text(start)} – {end:%H:%M}"
    return f"{moment_text(start)} – {moment_text(end)}"


def dates_text(start: datetime, end: datetime) -> str:
    """The compact form for lists: 'Tue 10 Nov 2026, 17:00–21:00' or 'Tue 8 – Wed 9 Dec 2026'."""
    if start.date() == end.date():
        return f"{day_text(start.date())}, {start:%H:%M}–{end:%H:%M}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%a} {start.day} – {day_text(end.date())}"
    if start.year == end.year:
        return f"{start:%a} {start.day} {start:%b} – {day_text(end.date())}"
    return f"{day_text(start.date())} – {day_text(end.date())}"


def days_text(count: int) -> str:
    return tr_n("formatting", "%n days", count, one="1 day")


def relative_text(start: datetime, end: datetime, now: datetime) -> str:
    if now >= end:
        days = (now.date() - end.date()).days
        return tr("Ended today") if days == 0 else tr("Ended %1 ago").replace("%1", days_text(days))
    if now >= start:
        return tr("Happening now")
    days = (start.date() - now.astimezone(start.tzinfo).date()).days
    if days == 0:
        return tr("Starts today")
    return tr("In %1").replace("%1", days_text(days))


@cache
def system_zone_name() -> str:
    """The user's IANA zone, or UTC when the system's zone id is not one Python knows."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    return name if is_time_zone(name) else "UTC"
