"""What a goal looks for: its words, each folded and stemmed once, and whether it is about
learning. The ranking (planner/domain/ranking.py) matches attendees against these."""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain.enums import NetworkType
from planner.domain.matching import Vocabulary, fold, stem, tokens
from planner.domain.model import Goal

__all__ = ["STOP_WORDS", "GoalWord", "WordKind", "goal_words", "is_learning_goal"]

# Words of a goal's text that say nothing about whom to meet, in the five languages the
# planner reads: articles, prepositions, pronouns, and the verbs goals start with.
STOP_WORDS = frozenset(
    fold(word)
    for word in """
    a an the and or of to in on at for with from by my our your their me we i you us it is are
    be will want need get some any few more most new old who whom that this these those about
    into as up out meet meeting find connect reconnect re people person someone anyone at least
    one two three four five team folks like other others all them also
    el la los las un una unos unas y o de del en con para por al mi mis su sus nuestro nuestra
    conocer encontrar personas gente que quien algunos algunas otros
    o os as um uma uns umas e da do das dos em no na nos nas com para por meu minha meus minhas
    seu sua conhecer encontrar pessoas gente que quem alguns algumas outros
    le la les un une des et ou de du en au aux avec pour par mon ma mes ton ta nos vos leur
    rencontrer trouver personnes gens qui que quelques autres
    der die das ein eine einen und oder von vom zu zum zur im in mit für auf den dem des
    treffen finden leute menschen wer einige andere
    """.split()  # noqa: SIM905 (a list literal would be 200 lines)
)

# Words that make a goal about learning (see is_learning_goal): kept out of the goal's words.
LEARNING_WORDS = frozenset(
    stem(fold(word))
    for word in """
    learn learning understand talk talks session sessions workshop lesson advice insight insights
    hear study listen keynote panel lecture
    aprender entender charla charlas taller sesión conferencia escuchar
    aprender entender palestra palestras oficina sessão ouvir
    apprendre comprendre conférence atelier séance écouter
    lernen verstehen vortrag vorträge workshop sitzung zuhören
    """.split()  # noqa: SIM905 (a list literal would be 200 lines)
)


class WordKind:
    """Where a goal word came from, which says which of the person's fields it is looked for in:
    a company (the person's company), a role or keyword (title, notes, tags, role at the event),
    a word of the goal's text (all of these)."""

    COMPANY = "company"
    ROLE = "role"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class GoalWord:
    """One word or phrase of a goal, as the goal has it and as it is compared."""

    word: str
    kind: str
    folded: tuple[str, ...]
    stems: tuple[str, ...]
    groups: frozenset[str]


def is_learning_goal(goal: Goal) -> bool:
    """A goal is learning-type when it serves the personal network (growth, advice from outside
    one's own circle) or its text or keywords speak of learning: learn, understand, talk,
    session, workshop, advice… (and their Spanish, Portuguese, French and German forms). For
    such a goal, speakers are worth meeting whatever their title."""
    if goal.network_type is NetworkType.PERSONAL:
        return True
    words = [goal.text, *goal.keywords]
    return any(token.stem in LEARNING_WORDS for text in words for token in tokens(text))


def group_phrases(vocabulary: Vocabulary) -> dict[tuple[str, ...], frozenset[str]]:
    """Each phrase of the synonym table (as stems) and the groups it belongs to."""
    phrases: dict[tuple[str, ...], set[str]] = {}
    for group in vocabulary.groups:
        for phrase in group.phrases:
            stems = tuple(token.stem for token in tokens(phrase))
            if stems:
                phrases.setdefault(stems, set()).add(group.key)
    return {stems: frozenset(groups) for stems, groups in phrases.items()}


def goal_words(goal: Goal, phrases: dict[tuple[str, ...], frozenset[str]]) -> tuple[GoalWord, ...]:
    """The goal's companies, roles and keywords, then the content words of its text: stop words,
    numbers and learning words left out, a phrase of the synonym table ("venture capital")
    kept whole, and a word the goal already lists as a role or keyword not counted twice."""
    found: list[GoalWord] = []
    seen: set[tuple[str, ...]] = set()

    def add(word: str, kind: str) -> None:
        toks = tokens(word)
        stems = tuple(t.stem for t in toks)
        if not stems or stems in seen:
            return
        seen.add(stems)
        folded = tuple(t.folded for t in toks)
        found.append(GoalWord(word, kind, folded, stems, phrases.get(stems, frozenset())))

    for company in goal.companies:
        add(company, WordKind.COMPANY)
    for word in (*goal.roles, *goal.keywords):
        add(word, WordKind.ROLE)
    text = goal.text
    toks = tokens(text)
    longest = max((len(p) for p in phrases), default=1)
    i = 0
    while i < len(toks):
        for size in range(min(longest, len(toks) - i), 1, -1):
            if tuple(t.stem for t in toks[i : i + size]) in phrases:
                add(text[toks[i].start : toks[i + size - 1].end], WordKind.TEXT)
                i += size
                break
        else:
            token = toks[i]
            if (
                token.folded not in STOP_WORDS
                and token.stem not in LEARNING_WORDS
                and not token.folded.isdigit()
                and len(token.folded) > 1
            ):
                add(text[token.start : token.end], WordKind.TEXT)
            i += 1
    return tuple(found)
