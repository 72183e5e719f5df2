"""One person at a glance, beside the People list: how to reach them, the events they were
or will be at and where they stand there, what the user owes them, and when they talked.

Every string from the user or a file is escaped before it meets rich text."""

from __future__ import annotations

from datetime import date
from html import escape
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication

from planner.domain.enums import AttendanceStatus, AttendeeRole, FollowUpStatus
from planner.gui.common.formatting import breakable, dates_text, day_text, excerpt
from planner.gui.common.labels import (
    follow_up_status_name,
    kind_name,
    role_name,
    status_name,
    tier_name,
)
from planner.services.people import PersonStory

GREY = "#6b6b6b"
RED = "#b3261e"


def tr(text: str) -> str:
    return QCoreApplication.translate("person_view", text)


def _text(text: str) -> str:
    """User text as rich text: escaped, long runs breakable, line breaks kept."""
    return escape(breakable(text)).replace("\n", "<br>")


def _link(href: str, text: str) -> str:
    return f'<a href="{escape(href, quote=True)}">{_text(text)}</a>'


def _grey(text: str) -> str:
    return f"<span style='color:{GREY}'>{escape(text)}</span>"


def person_html(story: PersonStory, today: date) -> str:
    person = story.person
    parts = [f"<h2>{_text(person.full_name)}</h2>"]
    work = " · ".join(text for text in (person.title, person.company) if text)
    if work:
        parts.append(f"<p>{_text(work)}</p>")
    reach = []
    if person.email:
        reach.append(_link("mailto:" + quote(person.email, safe="@.+-_"), person.email))
    if person.phone:
        reach.append(_link("tel:" + quote(person.phone, safe="+"), person.phone))
    if person.linkedin_url and person.linkedin_url.startswith("https://"):
        reach.append(_link(person.linkedin_url, tr("LinkedIn profile")))
    elif person.linkedin_url:
        reach.append(_text(person.linkedin_url))
    if reach:
        parts.append("<p>" + "<br>".join(reach) + "</p>")
    if person.notes:
        parts.append(f"<p>{_text(person.notes)}</p>")

    parts.append(f"<h3>{escape(tr('Events'))}</h3>")
    if not story.places:
        parts.append(f"<p>{_grey(tr('Not on any event’s list.'))}</p>")
    else:
        parts.append("<ul>")
        for place in story.places:
            facts = [dates_text(place.start, place.end), status_name(place.status)]
            if place.status == AttendanceStatus.TO_MEET and place.tier is not None:
                facts.append(tier_name(place.tier))
            if place.role != AttendeeRole.ATTENDEE:
                facts.append(role_name(place.role))
            parts.append(f"<li><b>{_text(place.event_name)}</b><br>{_grey(' · '.join(facts))}</li>")
        parts.append("</ul>")

    if story.follow_ups:
        parts.append(f"<h3>{escape(tr('Follow-ups'))}</h3><ul>")
        for listing in story.follow_ups:
            follow_up = listing.follow_up
            late = follow_up.status == FollowUpStatus.OPEN and follow_up.due < today
            when = day_text(follow_up.due)
            status = follow_up_status_name(follow_up.status)
            state = (
                f"<span style='color:{RED}'><b>{escape(when)}</b> · {escape(tr('overdue'))}</span>"
                if late
                else _grey(f"{when} · {status}")
            )
            parts.append(f"<li>{_text(follow_up.action)}<br>{state}</li>")
        parts.append("</ul>")

    if story.meetings:
        parts.append(f"<h3>{escape(tr('Meetings'))}</h3><ul>")
        for meeting, event_name in story.meetings:
            facts = [day_text(meeting.occurred_at.date()), kind_name(meeting.kind)]
            where = meeting.place or event_name
            if where:
                facts.append(where)
            line = _grey(" · ".join(facts))
            if meeting.notes:
                line += "<br>" + _text(excerpt(meeting.notes, 300, 4))
            parts.append(f"<li>{line}</li>")
        parts.append("</ul>")
    return "".join(parts)
