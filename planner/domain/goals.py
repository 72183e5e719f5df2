"""Goal rules: what makes a goal valid, how far along it is, and the balance of networks."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from planner.domain.enums import AttendanceStatus, NetworkType
from planner.domain.model import Attendance, Goal
from planner.domain.text import drop_invisible

MAX_GOAL_TEXT = 300
# Comma, semicolon, line break, and their Arabic, CJK and full-width forms.
_SEPARATORS = re.compile("[,;\n\u060c\u3001\uff0c\uff1b]")
MAX_TARGET = 1000

# Below this share of goals, strategic networking counts as neglected (with some goals set).
STRATEGIC_NEGLECT_SHARE = 0.2


def parse_words(text: str) -> tuple[str, ...]:
    """'fintech, Payments; seed' → ('fintech', 'Payments', 'seed'): split on commas, semicolons
    and line breaks (including the Arabic and CJK commas), trimmed, duplicates (ignoring case)
    dropped, order kept."""
    return tidy_words(_SEPARATORS.split(text))


def tidy_words(parts: Iterable[str]) -> tuple[str, ...]:
    """The words as a goal keeps them: whitespace collapsed, the characters of
    `planner.domain.text.INVISIBLE` dropped, empty ones and duplicates (ignoring case) left
    out, order kept."""
    seen: set[str] = set()
    words: list[str] = []
    for part in parts:
        word = " ".join(drop_invisible(part).split())
        if word and word.casefold() not in seen:
            seen.add(word.casefold())
            words.append(word)
    return tuple(words)


def tidy_goal(goal: Goal) -> Goal:
    """The goal as it is kept: its text on one line with whitespace collapsed, and neither
    text nor words holding the characters of `planner.domain.text.INVISIBLE`."""
    return replace(
        goal,
        text=" ".join(drop_invisible(goal.text).split()),
        keywords=tidy_words(goal.keywords),
        roles=tidy_words(goal.roles),
        companies=tidy_words(goal.companies),
    )


def goal_problems(goal: Goal) -> list[str]:
    problems: list[str] = []
    text = drop_invisible(goal.text).strip()
    if not text:
        problems.append("The goal needs a description, e.g. “Meet 3 fintech investors”.")
    elif len(text) > MAX_GOAL_TEXT:
        problems.append(f"The goal is longer than {MAX_GOAL_TEXT} characters.")
    elif any(ord(ch) < 32 for ch in text):
        problems.append("The goal contains control characters.")
    if not 0 <= goal.target_count <= MAX_TARGET:
        problems.append(f"The target must be between 0 and {MAX_TARGET}.")
    return problems


@dataclass(frozen=True, slots=True)
class GoalProgress:
    """How far a goal is: people met who are linked to it, against its target."""

    goal: Goal
    met: int
    shortlisted: int

    @property
    def target(self) -> int:
        return self.goal.target_count

    @property
    def fraction(self) -> float:
        if self.target == 0:
            return 1.0
        return min(1.0, self.met / self.target)

    @property
    def reached(self) -> bool:
        return self.met >= self.target


def goal_progress(goals: Iterable[Goal], attendances: Iterable[Attendance]) -> list[GoalProgress]:
    attendances = list(attendances)
    result = []
    for goal in goals:
        linked = [a for a in attendances if goal.id in a.goal_ids]
        met = sum(1 for a in linked if a.status == AttendanceStatus.MET)
        result.append(GoalProgress(goal, met=met, shortlisted=len(linked)))
    return result


@dataclass(frozen=True, slots=True)
class NetworkBalance:
    """Goals set and people met per kind of network, across all events."""

    goals: Mapping[NetworkType, int]
    met: Mapping[NetworkType, int]

    @property
    def total_goals(self) -> int:
        return sum(self.goals.values())

    def hint(self) -> str | None:
        """A plain-words nudge when strategic networking is being left out, else None."""
        strategic = self.goals.get(NetworkType.STRATEGIC, 0)
        total = self.total_goals
        if total == 0:
            return None
        if strategic == 0:
            return (
                "None of your goals is strategic. Think of one person who could shape where "
                "your work goes next year, and make meeting them a goal."
            )
        if strategic / total < STRATEGIC_NEGLECT_SHARE:
            return (
                f"Only {strategic} of your {total} goals look beyond today's work. Strategic "
                "contacts take longest to build; give them a goal at your next event."
            )
        if self.met.get(NetworkType.STRATEGIC, 0) == 0 and sum(self.met.values()) > 0:
            return (
                "You have met people for your other goals but nobody yet for a strategic one. "
                "Put a strategic contact at the top of your next shortlist."
            )
        return None
