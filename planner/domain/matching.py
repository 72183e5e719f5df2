"""How the ranking compares words: folded, stemmed, fuzzily, and through a synonym table.

Everything here is pure: the synonym table is data the caller hands over (the ranking service
reads it from resources/ranking/synonyms.json), so the rules can be tested on small tables.

- **Folding**: NFKD, combining marks dropped, casefolded: "Inversión" and "inversion",
  "Gründer" and "grunder", "Straße" and "strasse" are the same word.
- **Stemming**: a few suffix rules for English and the Romance and German endings job titles
  use (investor / investment / invests / investing → "invest"; inversor / inversión /
  inversiones → "invers"; investisseur → "invest"; Entwicklerin → "entwickl"; the Spanish and
  Portuguese -o/-a of gender: ingeniero, ingeniera → "ingenier"). Light on
  purpose: it only has to bring a word's forms together; the synonym table bridges languages.
- **Close spelling**: words of 5 letters or more (Latin letters only) that are one edit apart
  (two from 8 letters), first letter equal: "invester" meets "investor", "Recuiter" meets
  "recruiter". Short words and other scripts never match this way: "CEO" is not "CFO".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "OtherMeaning",
    "SynonymGroup",
    "Token",
    "Vocabulary",
    "close_spelling",
    "fold",
    "stem",
    "tokens",
    "vocabulary_from",
]

_WORD = re.compile(r"[^\W_]+")

# Suffixes stripped (longest first), at most twice, leaving a stem of 4 letters or more.
_SUFFIXES = tuple(
    sorted(
        (
            "isseuse", "isseur", "ungen", "ment", "ione", "ing", "ion", "ung", "eur", "euse",
            "rice", "ore", "ora", "eiro", "eira", "ista", "ist", "ity", "ive", "ed", "er", "or",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_MIN_STEM = 4


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """`text` without accents and case (see the module)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of a folded word (see the module); words that are not Latin letters, and
    words of fewer than 4 letters, are their own stem."""
    if len(word) < _MIN_STEM or not (word.isascii() and word.isalpha()):
        return word
    if word.endswith("innen") and len(word) > 8:
        word = word[:-4]  # Entwicklerinnen → entwicklerin
    if word.endswith(("erin", "orin")) and len(word) > 6:
        word = word[:-2]  # Gründerin → grunder, Investorin → investor
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > _MIN_STEM:
        word = word[:-1]
    if word.endswith("ie") and len(word) > 5:
        word = word[:-2] + "y"  # companies → company
    for _ in range(2):
        for suffix in _SUFFIXES:
            if (
                word.endswith(suffix)
                and len(word) - len(suffix) >= _MIN_STEM
                and not (suffix == "er" and word.endswith("eer"))  # engineer stays whole
            ):
                word = word[: -len(suffix)]
                break
        else:
            break
    if word.endswith(("a", "o")) and len(word) > _MIN_STEM + 1:
        word = word[:-1]  # ingeniero / ingeniera, abogado / abogada
    elif word.endswith("e") and len(word) > _MIN_STEM + 1:
        word = word[:-1]  # manage / manager, advise / advisor
    return word


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: where it is (start, end in the text as written), folded, stemmed."""

    start: int
    end: int
    folded: str
    stem: str


def tokens(text: str) -> tuple[Token, ...]:
    """The words of `text` (runs of letters and digits; a run of CJK characters is one word)."""
    found = []
    for match in _WORD.finditer(text):
        folded = fold(match.group())
        found.append(Token(match.start(), match.end(), folded, stem(folded)))
    return tuple(found)


def close_spelling(a: str, b: str) -> bool:
    """Whether two folded words are typos of each other (see the module)."""
    if a == b or len(a) < 5 or len(b) < 5 or a[0] != b[0]:
        return False
    if not (a.isascii() and a.isalpha() and b.isascii() and b.isalpha()):
        return False
    limit = 1 if min(len(a), len(b)) < 8 else 2
    if abs(len(a) - len(b)) > limit:
        return False
    return _edits(a, b, limit) <= limit


def _edits(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of two letters is one edit), stopping early
    once every path is over `limit`."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


@dataclass(frozen=True, slots=True)
class SynonymGroup:
    """Words and phrases that name one kind of person, in any language: "investor", "VC",
    "venture capital", "inversor", "Investor"..."""

    key: str
    phrases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OtherMeaning:
    """A word of a group that means something else next to one of `neighbours`:
    "Investor Relations" speaks to investors for a company; it is not an investor."""

    group: str
    neighbours: tuple[str, ...]
    meaning: str


@dataclass(frozen=True, slots=True)
class Vocabulary:
    groups: tuple[SynonymGroup, ...] = ()
    other_meanings: tuple[OtherMeaning, ...] = ()


def vocabulary_from(data: Mapping[str, object]) -> Vocabulary:
    """The vocabulary held by the parsed JSON of a synonyms file:
    `{"groups": {key: [phrase, ...]}, "other_meanings": [{"group", "neighbours", "meaning"}]}`.
    Raises ValueError, saying where, when it has another shape."""
    groups_data = data.get("groups")
    if not isinstance(groups_data, Mapping):
        raise ValueError("synonyms: 'groups' must be an object of lists of words")
    groups = []
    for key, phrases in groups_data.items():
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise ValueError(f"synonyms: group {key!r} must be a list of words")
        groups.append(SynonymGroup(str(key), tuple(p for p in phrases if p.strip())))
    rules = []
    for index, rule in enumerate(_list(data.get("other_meanings", []))):
        if not isinstance(rule, Mapping):
            raise ValueError(f"synonyms: other_meanings[{index}] must be an object")
        group, neighbours, meaning = rule.get("group"), rule.get("neighbours"), rule.get("meaning")
        if (
            not isinstance(group, str)
            or group not in groups_data
            or not isinstance(meaning, str)
            or not isinstance(neighbours, list)
            or not all(isinstance(n, str) for n in neighbours)
        ):
            raise ValueError(
                f"synonyms: other_meanings[{index}] needs a known 'group', a 'meaning' and a "
                "list of 'neighbours'"
            )
        rules.append(OtherMeaning(group, tuple(neighbours), meaning))
    return Vocabulary(tuple(groups), tuple(rules))


def _list(value: object) -> Sequence[object]:
    if not isinstance(value, list):
        raise ValueError("synonyms: 'other_meanings' must be a list")
    return value
