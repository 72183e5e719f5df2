"""Whom to meet: each attendee's relevance to the event's goals, with the words that matched.

A goal's words (planner/domain/goal_words.py) are looked for in what is known of the person:
companies in their company; roles and keywords in their title, notes, tags and role at the
event; the words of the goal's text in all of these. A word matches as the same word, the
same stem, a synonym (the vocabulary's groups) or a close spelling (planner/domain/matching.py).

**Score** (0–100, whole numbers). A match is worth its kind (same word 1.0, same stem 0.9,
synonym 0.8, close spelling 0.6, role at the event 0.8) times its field (title, company, role 1.0,
tag 0.9, notes 0.6) times its goal word's origin (the goal's roles, keywords and companies 1.0,
words of its text 0.8). A goal's relevance is its best match plus 0.1 for each further goal word
matched, at most 1. The score is 70 times the best goal's relevance, plus 10 for each further goal
served (two at most); then +10 in the network before this event, +5 met before, +10 a speaker
for a learning-type goal, -30 marked skipped; kept within 0–100. Someone who serves no goal
scores 0, whatever else is known of them.

**Other meanings.** A group's word next to a word that changes its meaning does not count for
that group ("Investor Relations" is not an investor; the vocabulary's `other_meanings`). The
match is dropped and kept as a caution, so the list can say why such a title was passed over.

**Tier**: the one the user pinned (must, should, nice to meet, skip), else the one the score
suggests (`suggested_tier`: must from 70, should from 45); someone marked skipped is skip.
**Order**: the tier (must > should > nice to meet > skip), so a pinned tier overrides the
score, then the score, then the name (folded), then the attendance: the same input always gives
the same order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planner.domain.enums import AttendeeRole, PriorityTier
from planner.domain.goal_words import (
    GoalWord,
    WordKind,
    goal_words,
    group_phrases,
    is_learning_goal,
)
from planner.domain.ids import AttendanceId, PersonId
from planner.domain.matching import Vocabulary, fold
from planner.domain.model import Goal
from planner.domain.word_index import STRENGTH, Hit, How, WordIndex

__all__ = [
    "AttendeeFacts",
    "Caution",
    "GoalMatch",
    "How",
    "Match",
    "Ranked",
    "Ranker",
    "rank",
    "suggested_tier",
]


_FIELD_WEIGHT = {"title": 1.0, "company": 1.0, "role": 1.0, "tag": 0.9, "notes": 0.6}
_KIND_WEIGHT = {WordKind.COMPANY: 1.0, WordKind.ROLE: 1.0, WordKind.TEXT: 0.8}
_TIER_ORDER = {PriorityTier.MUST_MEET: 0, PriorityTier.SHOULD_MEET: 1, PriorityTier.NICE_TO_MEET: 2}
SKIP_ORDER = 3
"""Where someone pinned or marked skipped stands, after every tier."""

MUST_MEET_SCORE = 70
SHOULD_MEET_SCORE = 45


def suggested_tier(score: int) -> PriorityTier:
    """The tier a score suggests while the user has pinned none: must meet from 70 (a goal's
    own word in their title or company), should meet from 45, else nice to meet."""
    if score >= MUST_MEET_SCORE:
        return PriorityTier.MUST_MEET
    if score >= SHOULD_MEET_SCORE:
        return PriorityTier.SHOULD_MEET
    return PriorityTier.NICE_TO_MEET


BEST_GOAL_POINTS = 70
FURTHER_GOAL_POINTS = 10
IN_NETWORK_BONUS = 10
MET_BEFORE_BONUS = 5
SPEAKER_BONUS = 10
SKIPPED_PENALTY = 30


@dataclass(frozen=True, slots=True)
class AttendeeFacts:
    """What the ranking knows of one person on the event's list."""

    attendance_id: AttendanceId
    person_id: PersonId
    full_name: str
    title: str = ""
    company: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    role: AttendeeRole = AttendeeRole.ATTENDEE
    skipped: bool = False
    pinned: PriorityTier | None = None  # the tier the user pinned, if any
    in_network: bool = False  # known before this event
    met_before: bool = False
    email: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    """One goal word found in one of the person's fields: `value` is the whole field as
    written, `words` the part of it that matched."""

    field: str
    value: str
    words: str
    goal_word: str
    how: How

    def describe(self) -> str:
        """ "title 'Investment Partner' ~ goal word 'investor'" (notes show the words only); a
        speaker serves a learning goal by their role, not by a word of it."""
        if self.how is How.ROLE:
            return "speaker at the event ~ a goal about learning"
        shown = self.words if self.field == "notes" else self.value
        return f"{self.field} '{shown}' ~ goal word '{self.goal_word}'"


@dataclass(frozen=True, slots=True)
class Caution:
    """A goal word that the person's words seemed to match but mean something else there."""

    field: str
    value: str
    words: str
    goal_word: str
    meaning: str

    def describe(self) -> str:
        return (
            f"{self.field} '{self.value}' is not goal word '{self.goal_word}': "
            f"'{self.words}' there means {self.meaning}"
        )


@dataclass(frozen=True, slots=True)
class GoalMatch:
    goal: Goal
    relevance: float
    matches: tuple[Match, ...]

    @property
    def matched_words(self) -> tuple[str, ...]:
        """The person's words that matched, each once, in the order of the matches."""
        return tuple(dict.fromkeys(m.words for m in self.matches))


@dataclass(frozen=True, slots=True)
class Ranked:
    facts: AttendeeFacts
    score: int
    goals: tuple[GoalMatch, ...] = ()
    cautions: tuple[Caution, ...] = ()
    reasons: tuple[str, ...] = ()  # the bonuses and penalties, e.g. "in your network +10"

    @property
    def tier(self) -> PriorityTier:
        """The tier in force: the one pinned, else the one the score suggests; skip for
        someone marked skipped here."""
        facts = self.facts
        if facts.skipped:
            return PriorityTier.SKIP
        if facts.pinned is not None:
            return facts.pinned
        return suggested_tier(self.score)

    @property
    def pinned(self) -> bool:
        return self.facts.pinned is not None

    @property
    def order(self) -> int:
        """The tier's place in the ranking (0 must-meet … SKIP_ORDER skip)."""
        tier = self.tier  # compared by identity: hashing an enum member is slow at 20,000
        for member, place in _TIER_ORDER.items():
            if tier is member:
                return place
        return SKIP_ORDER

    def describe(self) -> list[str]:
        return [m.describe() for g in self.goals for m in g.matches] + [
            c.describe() for c in self.cautions
        ]


class Ranker:
    """The event's goals made ready once; `rank` then ranks any number of attendees. Texts
    repeat (titles, companies): each distinct one is read once."""

    def __init__(self, goals: Sequence[Goal], vocabulary: Vocabulary) -> None:
        self.goals = tuple(goals)
        phrases = group_phrases(vocabulary)
        words: list[GoalWord] = []
        self._owners: list[list[tuple[int, float]]] = []
        where: dict[tuple[str, tuple[str, ...]], int] = {}
        for g, goal in enumerate(self.goals):
            for word in goal_words(goal, phrases):
                key = (word.kind, word.stems)
                if key not in where:
                    where[key] = len(words)
                    words.append(word)
                    self._owners.append([])
                self._owners[where[key]].append((g, _KIND_WEIGHT[word.kind]))
        self._words = words
        self._company = WordIndex(
            words, frozenset({WordKind.COMPANY, WordKind.TEXT}), phrases, vocabulary
        )
        self._other = WordIndex(
            words, frozenset({WordKind.ROLE, WordKind.TEXT}), phrases, vocabulary
        )
        self._learning = tuple(g for g, goal in enumerate(self.goals) if is_learning_goal(goal))
        self._has_learning = bool(self._learning)
        # (the (field, text) pairs that matched..., speaker) -> what _goals_served made of them
        self._served: dict[
            tuple[object, ...], tuple[tuple[GoalMatch, ...], tuple[Caution, ...], float]
        ] = {}

    def rank(self, attendees: Iterable[AttendeeFacts]) -> list[Ranked]:
        ranked = [self.score(facts) for facts in attendees]
        ranked.sort(key=_order_key)
        return ranked

    def score(self, facts: AttendeeFacts) -> Ranked:
        other, company = self._other, self._company
        fields: list[tuple[str, str, tuple[Hit, ...]]] = []
        # Written out, not looped over: this runs for every attendee of a conference.
        if found := other.hits(facts.title):
            fields.append(("title", facts.title, found))
        if found := company.hits(facts.company):
            fields.append(("company", facts.company, found))
        if facts.notes and (found := other.hits(facts.notes)):
            fields.append(("notes", facts.notes, found))
        for tag in facts.tags:
            if found := other.hits(tag):
                fields.append(("tag", tag, found))
        if facts.role is not AttendeeRole.ATTENDEE and (found := other.hits(facts.role.value)):
            fields.append(("role", facts.role.value, found))
        speaker = facts.role is AttendeeRole.SPEAKER and self._has_learning
        if not fields and not speaker:
            return Ranked(facts, 0)
        key = (*[(field, value) for field, value, _ in fields], speaker)
        served = self._served.get(key)
        if served is None:
            served = self._served[key] = self._goals_served(fields, speaker)
        goals, cautions, points = served
        if not goals:
            return Ranked(facts, 0, cautions=cautions)
        if not (facts.in_network or facts.met_before or speaker or facts.skipped):
            return Ranked(facts, max(0, min(100, round(points))), goals, cautions)
        reasons = []
        for applies, amount, reason in (
            (facts.in_network, IN_NETWORK_BONUS, "in your network"),
            (facts.met_before, MET_BEFORE_BONUS, "met before"),
            (speaker, SPEAKER_BONUS, "speaker for a learning goal"),
            (facts.skipped, -SKIPPED_PENALTY, "marked skipped"),
        ):
            if applies:
                points += amount
                reasons.append(f"{reason} {amount:+d}")
        score = max(0, min(100, round(points)))
        return Ranked(facts, score, goals, cautions, tuple(reasons))

    def _goals_served(
        self, fields: list[tuple[str, str, tuple[Hit, ...]]], speaker: bool
    ) -> tuple[tuple[GoalMatch, ...], tuple[Caution, ...], float]:
        """The goals these fields serve, best first, the cautions, and the points before
        bonuses: the same for everyone with the same texts (a cache of the Ranker's)."""
        per_goal: dict[int, dict[tuple[str, str, str], tuple[float, int, Match]]] = {}
        cautions: dict[Caution, None] = {}
        for field, value, found in fields:
            for w, start, end, how, other in found:
                word = self._words[w]
                if other is not None:
                    cautions[Caution(field, value, value[start:end], word.word, other)] = None
                    continue
                match = Match(field, value, value[start:end], word.word, how)
                worth = STRENGTH[how] * _FIELD_WEIGHT[field]
                for g, weight in self._owners[w]:
                    key = (field, match.words, word.word)
                    known = per_goal.setdefault(g, {}).get(key)
                    if known is None or worth * weight > known[0]:
                        per_goal[g][key] = (worth * weight, w, match)
        if speaker:
            for g in self._learning:
                match = Match("role", "speaker", "speaker", self.goals[g].text, How.ROLE)
                per_goal.setdefault(g, {})[("role", "speaker", "")] = (
                    STRENGTH[How.ROLE],
                    -1,
                    match,
                )
        served = []
        for g, found_in_goal in per_goal.items():
            entries = sorted(found_in_goal.values(), key=lambda e: (-e[0], e[2].field, e[2].words))
            distinct = len({e[1] for e in entries})
            relevance = min(1.0, entries[0][0] + 0.1 * (distinct - 1))
            matches = tuple(e[2] for e in entries)
            served.append((g, GoalMatch(self.goals[g], round(relevance, 3), matches)))
        served.sort(key=lambda s: (-s[1].relevance, -s[1].goal.priority, s[0]))
        goals = tuple(goal for _, goal in served)
        if not goals:
            return (), tuple(cautions), 0.0
        points = BEST_GOAL_POINTS * goals[0].relevance
        points += FURTHER_GOAL_POINTS * min(2, len(goals) - 1)
        return goals, tuple(cautions), points


def _order_key(ranked: Ranked) -> tuple[int, int, str, int]:
    facts = ranked.facts
    return (ranked.order, -ranked.score, fold(facts.full_name), facts.attendance_id)


def rank(
    goals: Sequence[Goal], attendees: Iterable[AttendeeFacts], vocabulary: Vocabulary
) -> list[Ranked]:
    """The attendees in rank order, each with their score and its explanation (the module)."""
    return Ranker(goals, vocabulary).rank(attendees)
