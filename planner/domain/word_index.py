"""The goal words of a Ranker, indexed for one kind of field, and the hits found in a text:
each distinct text (a title, a company) is read once per ranking. See planner/domain/ranking.py
for what a hit is worth."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from planner.domain.goal_words import GoalWord
from planner.domain.matching import Token, Vocabulary, close_spelling, stem, tokens

__all__ = ["STRENGTH", "Hit", "How", "WordIndex"]


class How(StrEnum):
    SAME = "same word"
    STEM = "same stem"
    SYNONYM = "synonym"
    CLOSE = "close spelling"
    ROLE = "speaker for a learning goal"


STRENGTH = {How.SAME: 1.0, How.STEM: 0.9, How.SYNONYM: 0.8, How.CLOSE: 0.6, How.ROLE: 0.8}


# One hit of a goal word in a field's text: (word index, start, end, how, other meaning).
Hit = tuple[int, int, int, How, str | None]


class WordIndex:
    """The goal words looked for in one kind of field, indexed by first word and first stem,
    with the synonym phrases that lead to them and a cache of each text's hits."""

    def __init__(
        self,
        words: Sequence[GoalWord],
        kinds: frozenset[str],
        phrases: dict[tuple[str, ...], frozenset[str]],
        vocabulary: Vocabulary,
    ) -> None:
        self.words = words
        ids = [i for i, w in enumerate(words) if w.kind in kinds]
        self.by_folded: dict[str, list[int]] = {}
        self.by_stem: dict[str, list[int]] = {}
        for i in ids:
            self.by_folded.setdefault(words[i].folded[0], []).append(i)
            if words[i].stems[0] != words[i].folded[0]:
                self.by_stem.setdefault(words[i].stems[0], []).append(i)
        self.fuzzy = [i for i in ids if len(words[i].folded) == 1 and len(words[i].folded[0]) >= 5]
        by_group: dict[str, list[int]] = {}
        for i in ids:
            for group in words[i].groups:
                by_group.setdefault(group, []).append(i)
        self.phrases: dict[str, list[tuple[tuple[str, ...], list[int], frozenset[str]]]] = {}
        for stems, groups in phrases.items():
            targets = sorted({i for g in groups for i in by_group.get(g, ())})
            if targets:
                self.phrases.setdefault(stems[0], []).append((stems, targets, groups))
        self.other: dict[str, list[tuple[frozenset[str], str]]] = {}
        for rule in vocabulary.other_meanings:
            neighbours = frozenset(t.stem for n in rule.neighbours for t in tokens(n))
            self.other.setdefault(rule.group, []).append((neighbours, rule.meaning))
        self._close: dict[str, tuple[int, ...]] = {}
        self._cache: dict[str, tuple[Hit, ...]] = {}

    def hits(self, text: str) -> tuple[Hit, ...]:
        try:
            return self._cache[text]
        except KeyError:
            found = self._cache[text] = self._find(text) if text else ()
            return found

    def _find(self, text: str) -> tuple[Hit, ...]:
        toks = tokens(text)
        best: dict[int, Hit] = {}
        trapped: dict[int, Hit] = {}
        words = self.words
        for i, tok in enumerate(toks):
            for w in (*self.by_folded.get(tok.folded, ()), *self.by_stem.get(tok.stem, ())):
                word = words[w]
                end = i + len(word.stems)
                window = toks[i:end]
                if len(window) == len(word.stems) and all(
                    t.stem == s for t, s in zip(window, word.stems, strict=True)
                ):
                    same = all(t.folded == f for t, f in zip(window, word.folded, strict=True))
                    self._keep(best, trapped, toks, w, i, end, How.SAME if same else How.STEM)
            if len(tok.folded) >= 5:
                for w in self._close_words(tok.folded):
                    self._keep(best, trapped, toks, w, i, i + 1, How.CLOSE)
            for stems, targets, groups in self.phrases.get(tok.stem, ()):
                end = i + len(stems)
                if tuple(t.stem for t in toks[i:end]) == stems:
                    for w in targets:
                        self._keep(best, trapped, toks, w, i, end, How.SYNONYM, groups)
        for w, hit in trapped.items():
            best.setdefault(w, hit)
        return tuple(
            (w, toks[start].start, toks[end - 1].end, how, other)
            for w, (_, start, end, how, other) in sorted(best.items())
        )

    def _close_words(self, folded: str) -> tuple[int, ...]:
        found = self._close.get(folded)
        if found is None:
            found = self._close[folded] = tuple(
                w
                for w in self.fuzzy
                if close_spelling(folded, self.words[w].folded[0])
                and self.words[w].stems[0] != stem(folded)
            )
        return found

    def _keep(
        self,
        best: dict[int, Hit],
        trapped: dict[int, Hit],
        toks: Sequence[Token],
        w: int,
        start: int,
        end: int,
        how: How,
        via: frozenset[str] = frozenset(),
    ) -> None:
        other = self._other_meaning(toks, start, end, self.words[w].groups | via)
        hit: Hit = (w, start, end, how, other)
        target = trapped if other is not None else best
        known = target.get(w)
        if known is None or STRENGTH[how] > STRENGTH[known[3]]:
            target[w] = hit

    def _other_meaning(
        self, toks: Sequence[Token], start: int, end: int, groups: frozenset[str]
    ) -> str | None:
        if not groups or not self.other:
            return None
        around = {toks[i].stem for i in (start - 1, end) if 0 <= i < len(toks)}
        if not around:
            return None
        for group in sorted(groups):
            for neighbours, meaning in self.other.get(group, ()):
                if not around.isdisjoint(neighbours):
                    return meaning
        return None
