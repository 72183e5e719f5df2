"""Where to look a person up, and talking points from what is known."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from hypothesis import given
from hypothesis import strategies as st

from planner.domain.enums import AttendeeRole
from planner.domain.research import (
    KnownFacts,
    linkedin_search_url,
    profile_url,
    suggested_talking_points,
    web_search_url,
    with_suggestions,
)


def query_of(url: str, key: str) -> str:
    return parse_qs(urlsplit(url).query)[key][0]


def test_a_web_search_looks_for_the_name_as_a_phrase_with_the_company() -> None:
    url = web_search_url("Sofía García", "Cobalt Ventures")
    assert url.startswith("https://duckduckgo.com/?q=")
    assert query_of(url, "q") == '"Sofía García" Cobalt Ventures'


def test_a_linkedin_search_finds_people_by_name_and_company() -> None:
    url = linkedin_search_url("田中美咲", "Sakura Capital")
    assert url.startswith("https://www.linkedin.com/search/results/people/?keywords=")
    assert query_of(url, "keywords") == "田中美咲 Sakura Capital"


@given(st.text(), st.one_of(st.none(), st.text()))
def test_whatever_the_name_the_search_is_one_well_formed_address(
    name: str, company: str | None
) -> None:
    for url in (web_search_url(name, company), linkedin_search_url(name, company)):
        parts = urlsplit(url)
        assert parts.scheme == "https" and parts.netloc in ("duckduckgo.com", "www.linkedin.com")
        assert not parts.fragment  # a "#" typed in a name cannot cut the query short
        assert all(c.isprintable() and not c.isspace() for c in url)


def test_a_name_with_quotes_and_controls_stays_one_phrase() -> None:
    url = web_search_url('Ana "The Closer"\u202e Silva\n', "O'Brien & <Co>")
    assert query_of(url, "q") == '"Ana The Closer Silva" O\'Brien & <Co>'


def test_only_a_web_address_is_opened_as_a_profile() -> None:
    assert profile_url("https://www.linkedin.com/in/ana") == "https://www.linkedin.com/in/ana"
    assert profile_url(" http://example.org/ana ") == "http://example.org/ana"
    for bad in (None, "", "javascript:alert(1)", "file:///etc/passwd", "mailto:a@b.c", "https://"):
        assert profile_url(bad) is None


def test_talking_points_come_from_what_is_known() -> None:
    facts = KnownFacts(
        title="Partner",
        company="Cobalt Ventures",
        role=AttendeeRole.SPEAKER,
        goals=("Meet 3 fintech investors",),
        earlier_events=("Web Summit 2025",),
        shared=("both worked at Acme",),
    )
    assert suggested_talking_points(facts) == [
        "Their talk: what made them choose the subject, and what they left out",
        "Their work as Partner at Cobalt Ventures: what is hardest about it right now",
        "For “Meet 3 fintech investors”: what they could share, and what you could offer",
        "Pick up from Web Summit 2025: what has changed since",
        "In common: both worked at Acme",
    ]


def test_nothing_known_suggests_nothing() -> None:
    assert suggested_talking_points(KnownFacts()) == []
    # A sponsor with no company known: no sentence with a hole in it.
    assert suggested_talking_points(KnownFacts(role=AttendeeRole.SPONSOR)) == []
    assert suggested_talking_points(KnownFacts(company="Acme", role=AttendeeRole.SPONSOR)) == [
        "Why Acme is sponsoring, and whom they hope to meet here",
        "What Acme is working on this year",
    ]


def test_suggestions_are_added_once_and_what_the_user_wrote_is_kept() -> None:
    mine = "Ask about the Lisbon office\n\n"
    once = with_suggestions(mine, ["What Acme is working on this year"])
    assert once == "Ask about the Lisbon office\nWhat Acme is working on this year"
    assert with_suggestions(once, ["what acme is working on this year"]) == once
    assert with_suggestions("", ["A", "B"]) == "A\nB"
