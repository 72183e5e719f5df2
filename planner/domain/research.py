"""Research at hand: where to look a person up, and talking points drawn from what is known.

The app makes no network call: these are addresses for the user's own browser to open. A web
search goes to DuckDuckGo (no account, no tracking, fitting an app that keeps everything on the
user's computer); LinkedIn's own people search finds a profile the list did not give.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote_plus, urlsplit

from planner.domain.enums import AttendeeRole
from planner.domain.text import drop_invisible

WEB_SEARCH = "https://duckduckgo.com/?q="
LINKEDIN_SEARCH = "https://www.linkedin.com/search/results/people/?keywords="


def _words(*parts: str | None) -> str:
    """The parts on one line, without invisible marks or control characters."""
    text = " ".join(drop_invisible(part or "") for part in parts)
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def web_search_url(name: str, company: str | None = None) -> str:
    """A web search for the person: their name as a phrase, with their company."""
    name = _words(name).replace('"', "")
    query = _words(f'"{name}"' if name else "", company)
    return WEB_SEARCH + quote_plus(query)


def linkedin_search_url(name: str, company: str | None = None) -> str:
    return LINKEDIN_SEARCH + quote_plus(_words(name, company))


def profile_url(link: str | None) -> str | None:
    """The person's own profile, when the link given is a web address (http or https) with a
    host: anything else (a script, a file, a mail address) is never handed to the browser."""
    if not link:
        return None
    parts = urlsplit(link.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return link.strip()


@dataclass(frozen=True, slots=True)
class KnownFacts:
    """What the planner knows of one attendee, for suggesting what to talk about."""

    title: str | None = None
    company: str | None = None
    role: AttendeeRole = AttendeeRole.ATTENDEE
    goals: Sequence[str] = ()  # the texts of the goals they serve
    earlier_events: Sequence[str] = ()  # where the user met them before, latest first
    shared: Sequence[str] = ()  # what the two have in common (a company, a tag, a place)


_ROLE_POINTS = {
    AttendeeRole.SPEAKER: "Their talk: what made them choose the subject, and what they left out",
    AttendeeRole.SPONSOR: "Why {company} is sponsoring, and whom they hope to meet here",
    AttendeeRole.EXHIBITOR: "What {company} is showing at its stand, and who it is for",
}


def suggested_talking_points(facts: KnownFacts) -> list[str]:
    """A few openings, one per line, from what is known; none is invented when nothing is."""
    company = _words(facts.company)
    title = _words(facts.title)
    points: list[str] = []
    role_point = _ROLE_POINTS.get(facts.role)
    if role_point is not None and (company or "{company}" not in role_point):
        points.append(role_point.replace("{company}", company))
    if title and company:
        points.append(f"Their work as {title} at {company}: what is hardest about it right now")
    elif company:
        points.append(f"What {company} is working on this year")
    elif title:
        points.append(f"Their work as {title}: what is hardest about it right now")
    for goal in facts.goals:
        goal = _words(goal)
        if goal:
            points.append(f"For “{goal}”: what they could share, and what you could offer")
    if facts.earlier_events:
        points.append(f"Pick up from {_words(facts.earlier_events[0])}: what has changed since")
    for common in facts.shared:
        common = _words(common)
        if common:
            points.append(f"In common: {common}")
    return points


def with_suggestions(current: str, suggestions: Sequence[str]) -> str:
    """`current` talking points with the suggestions not already there added, one per line;
    what the user wrote is kept as written."""
    lines = current.splitlines()
    have = {line.strip().casefold() for line in lines}
    added = [s for s in suggestions if s.strip().casefold() not in have]
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join([*lines, *added])
