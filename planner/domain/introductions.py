"""Warm introductions: who the user already knows that could introduce them to an attendee.

Two kinds, worked out by storage for a whole list and described here:

- **same company**: someone in the user's network works at the attendee's company. Company
  names are compared folded (`fold_company`): case and accents ignored, punctuation dropped,
  legal suffixes dropped ("Acme Inc." = "ACME" = "Acme, Inc" = "acme gmbh"), and empty or
  generic values ("self-employed", "freelance", "none", "-") never match anyone;
- **met them before**: someone was in an interaction the user noted together with the attendee.

Each introduction says where and when: where the user met the introducer (an event they were
marked met at, with its year, or an interaction's event or date), or where the introducer was
with the attendee.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from planner.domain.ids import PersonId
from planner.domain.matching import fold

__all__ = ["Intro", "IntroKind", "fold_company", "how", "summary"]

LEGAL_SUFFIXES = frozenset(
    {
        "inc", "incorporated", "ltd", "llc", "gmbh", "sa", "sas", "bv", "ag", "plc", "corp",
        "corporation", "co", "limited", "sl", "lda", "kk", "sarl", "srl", "spa", "oy", "ab",
        "nv", "pty", "llp", "株式会社",
    }
)  # fmt: skip
"""Words of a company's legal form, dropped when comparing (folded, dots removed: S.A. -> sa)."""

GENERIC = frozenset(
    {
        "", "self employed", "selfemployed", "self", "freelance", "freelancer", "none", "n a",
        "na", "null", "unemployed", "independent", "retired", "student", "various", "private",
        "personal", "tbd", "unknown", "other", "autonomo", "autonoma", "independant",
    }
)  # fmt: skip
"""Folded company values that say there is no company: they never match anyone."""

_DOTS = re.compile(r"(?<=\w)\.(?=\w)")  # S.A. -> SA, K.K. -> KK
_NOT_WORD = re.compile(r"[\W_]+")
_KABUSHIKI = "株式会社"


@lru_cache(maxsize=65536)
def fold_company(name: str) -> str:
    """The company name as compared: folded, punctuation dropped, legal suffixes dropped; ""
    for an empty or generic value (see the module)."""
    text = fold(name).replace(_KABUSHIKI, f" {_KABUSHIKI} ")
    words = _NOT_WORD.sub(" ", _DOTS.sub("", text)).split()
    if " ".join(words) in GENERIC:
        return ""
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0] in LEGAL_SUFFIXES:
        words.pop(0)  # 株式会社 comes first in Japanese names
    folded = " ".join(words)
    return "" if folded in GENERIC or folded in LEGAL_SUFFIXES else folded


class IntroKind(Enum):
    SAME_COMPANY = "same-company"
    MET_BEFORE = "met-before"


@dataclass(frozen=True, slots=True)
class Intro:
    """Someone the user knows who could introduce them to an attendee.

    `company` is the attendee's company as written, for a same-company introduction.
    `where` is where and when: for same company, where the user met the introducer ("" when
    not known); for met before, where the introducer was with the attendee (an event and its
    year, or a date). `place` is the interaction's place, if any ("lunch")."""

    who: PersonId
    name: str
    kind: IntroKind
    company: str = ""
    where: str = ""
    place: str = ""


def _met(where: str) -> str:
    """ "met at Web Summit 2025", or "met on 2026-02-03" for a date."""
    return f"met on {where}" if where[:4].isdigit() else f"met at {where}"


def how(intro: Intro) -> str:
    """How this person could introduce them, in a few words."""
    if intro.kind is IntroKind.SAME_COMPANY:
        text = f"works at {intro.company} too" if intro.company else "works there too"
        return f"{text}; {_met(intro.where)}" if intro.where else text
    if intro.place and intro.where:
        return f"was with them at {intro.place}, {intro.where}"
    if intro.place:
        return f"was with them at {intro.place}"
    return f"met them before ({intro.where})" if intro.where else "met them before"


def _names(names: Sequence[str], limit: int) -> str:
    shown = list(names[:limit])
    if len(names) > limit:
        shown.append(f"{len(names) - limit} more")
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " and " + shown[-1] if len(names) > limit else ", ".join(shown)


def summary(intros: Sequence[Intro], *, limit: int = 3) -> str:
    """One line for an attendee: "you know 2 people at Acme: Ana (met at Web Summit 2025), Li";
    "Ana met them before (Web Summit 2025)". "" when there is no one. At most `limit` names
    of each kind are spelled out, then "and N more"."""
    parts = []
    colleagues = [i for i in intros if i.kind is IntroKind.SAME_COMPANY]
    if colleagues:
        count = len(colleagues)
        people = "1 person" if count == 1 else f"{count} people"
        company = colleagues[0].company or "their company"
        names = [f"{i.name} ({_met(i.where)})" if i.where else i.name for i in colleagues]
        parts.append(f"you know {people} at {company}: {_names(names, limit)}")
    met = [i for i in intros if i.kind is IntroKind.MET_BEFORE]
    if met:
        if len(met) == 1:
            [one] = met
            parts.append(
                f"{one.name} met them before ({one.where})"
                if one.where
                else f"{one.name} met them before"
            )
        else:
            names = [f"{i.name} ({i.where})" if i.where else i.name for i in met]
            parts.append(f"{_names(names, limit)} have met them before")
    return "; ".join(parts)
