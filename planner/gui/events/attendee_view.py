"""One attendee at a glance, beside an event's People tab: who they are, why meet them (the
goals they serve and the words that matched), who could introduce the user, the plan for them
here, and where the user met them before.

Every string from the user or a file is escaped before it meets rich text."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QCoreApplication

from planner.domain.enums import AttendanceStatus, AttendeeRole
from planner.gui.common.formatting import breakable, dates_text
from planner.gui.common.labels import research_name, role_name, status_name, tier_name
from planner.gui.events.models import shown_tier, tags_of
from planner.services.people import PersonStory
from planner.storage.attendances import AttendeeListing

GREY = "#6b6b6b"


def tr(text: str) -> str:
    return QCoreApplication.translate("attendee_view", text)


def _text(text: str) -> str:
    """User text as rich text: escaped, long runs breakable, line breaks kept."""
    return escape(breakable(text)).replace("\n", "<br>")


def _grey(text: str) -> str:
    return f"<span style='color:{GREY}'>{escape(text)}</span>"


def _section(title: str, lines: Sequence[str]) -> str:
    items = "".join(f"<li>{_text(line)}</li>" for line in lines)
    return f"<h3>{escape(title)}</h3><ul>{items}</ul>"


def why_lines(listing: AttendeeListing) -> list[str]:
    """Each goal they serve with the words that matched on both sides, then what raised or
    lowered their score."""
    ranked = listing.ranking
    if ranked is None:
        return []
    lines = []
    for served in ranked.goals:
        matches = "; ".join(match.describe() for match in served.matches)
        lines.append(f"{served.goal.text}: {matches}" if matches else served.goal.text)
    lines.extend(caution.describe() for caution in ranked.cautions)
    if ranked.reasons:
        lines.append(", ".join(ranked.reasons))
    return lines


def attendee_html(
    listing: AttendeeListing,
    story: PersonStory,
    *,
    why: Sequence[str] = (),
    introductions: Sequence[str] = (),
) -> str:
    """`why`: the goals they serve, with the words that matched, one line each;
    `introductions`: who could introduce the user, one line each."""
    attendance = listing.attendance
    parts = [f"<h2>{_text(listing.full_name)}</h2>"]
    work = " · ".join(text for text in (listing.title, listing.company) if text)
    if work:
        parts.append(f"<p>{_text(work)}</p>")
    tier = tier_name(shown_tier(listing))
    if attendance.tier is None:
        tier = tr("%1 (suggested)").replace("%1", tier)
    here = [tier, status_name(attendance.status), research_name(attendance.research_status)]
    if attendance.role != AttendeeRole.ATTENDEE:
        here.insert(0, role_name(attendance.role))
    if listing.ranking is not None:
        here.append(tr("score %1").replace("%1", str(listing.ranking.score)))
    parts.append(f"<p>{_grey(' · '.join(here))}</p>")
    tags = tags_of(listing)
    if tags:
        parts.append(f"<p>{_grey(tr('Tags:'))} {_text(', '.join(tags))}</p>")
    if why:
        parts.append(_section(tr("Why meet them"), why))
    if introductions:
        parts.append(_section(tr("Who could introduce you"), introductions))
    plan = (
        (tr("Research"), attendance.research_notes),
        (tr("Talking points"), attendance.talking_points),
        (tr("I can offer"), attendance.offer),
        (tr("I want to ask"), attendance.ask),
    )
    for title, text in plan:
        if text:
            parts.append(f"<h3>{escape(title)}</h3><p>{_text(text)}</p>")
    before = [
        place
        for place in story.places
        if place.event_id != attendance.event_id and place.status == AttendanceStatus.MET
    ]
    if before:
        lines = [f"{place.event_name} ({dates_text(place.start, place.end)})" for place in before]
        parts.append(_section(tr("Met before"), lines))
    if not (why or introductions or any(text for _, text in plan) or before):
        hint = tr("Nothing known yet beyond the list. Edit… adds research and talking points.")
        parts.append(f"<p>{_grey(hint)}</p>")
    return "".join(parts)
