"""The ranking of attendees against goals, and its explanations, on small hand-made cases."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain.enums import AttendeeRole, NetworkType, PriorityTier
from planner.domain.ids import AttendanceId, EventId, PersonId
from planner.domain.matching import close_spelling, fold, stem, tokens, vocabulary_from
from planner.domain.model import Goal
from planner.domain.ranking import AttendeeFacts, How, Ranked, rank, suggested_tier

SYNONYMS = Path(__file__).resolve().parents[2] / "resources" / "ranking" / "synonyms.json"
VOCABULARY = vocabulary_from(json.loads(SYNONYMS.read_text(encoding="utf-8")))


def goal(text: str = "", network: NetworkType = NetworkType.STRATEGIC, **fields: Any) -> Goal:
    return Goal(event_id=EventId(1), text=text, network_type=network, **fields)


def person(n: int, name: str, title: str = "", company: str = "", **fields: Any) -> AttendeeFacts:
    return AttendeeFacts(AttendanceId(n), PersonId(n), name, title=title, company=company, **fields)


def one(goals: list[Goal], facts: AttendeeFacts) -> Ranked:
    return rank(goals, [facts], VOCABULARY)[0]


INVESTORS = goal(roles=("investor",))


def test_the_shipped_table_has_the_groups_in_five_languages() -> None:
    groups = {g.key: {fold(p) for p in g.phrases} for g in VOCABULARY.groups}
    assert len(groups) >= 15
    assert {"inversor", "investidor", "investisseur", "investor"} <= groups["investor"]
    assert {"reclutador", "recrutador", "recruteur", "personalvermittler"} <= groups["recruiter"]
    assert {"fundador", "fondateur", "grunder"} <= groups["founder"]
    assert {"desarrollador", "desenvolvedor", "developpeur", "entwickler"} <= groups["developer"]


@pytest.mark.parametrize(
    "word", ["investor", "investment", "invests", "investing", "Investor", "investisseur"]
)
def test_the_forms_of_invest_share_a_stem(word: str) -> None:
    assert stem(fold(word)) == "invest"


def test_spanish_forms_share_a_stem_accents_ignored() -> None:
    assert stem(fold("inversor")) == stem(fold("Inversión")) == stem(fold("inversiones"))
    assert stem(fold("Ingeniero")) == stem(fold("ingeniera")) == stem(fold("ingenieros"))


def test_close_spelling_is_for_long_latin_words_only() -> None:
    assert close_spelling("recuiter", "recruiter")
    assert close_spelling("invester", "investor")
    assert not close_spelling("cfo", "ceo")
    assert not close_spelling("腾讯科技公司", "腾讯科技公同")
    assert not close_spelling("banker", "tanker")  # the first letter must agree


def test_stem_match_is_explained_on_both_sides() -> None:
    ranked = one([INVESTORS], person(1, "Ana", "Investment Partner"))
    [served] = ranked.goals
    [match] = served.matches
    assert (match.field, match.value, match.words, match.goal_word, match.how) == (
        "title",
        "Investment Partner",
        "Investment",
        "investor",
        How.STEM,
    )
    assert match.describe() == "title 'Investment Partner' ~ goal word 'investor'"
    assert ranked.score == round(70 * 0.9)


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("Socia inversora", "inversora"),  # Spanish
        ("Investidor anjo", "Investidor"),  # Portuguese
        ("Investisseuse", "Investisseuse"),  # French
        ("Investorin", "Investorin"),  # German
        ("Kapitalgeber", "Kapitalgeber"),
    ],
)
def test_investor_titles_in_other_languages(title: str, words: str) -> None:
    ranked = one([INVESTORS], person(1, "X", title))
    assert ranked.score > 0
    assert ranked.goals[0].matched_words == (words,)


def test_synonyms_and_accents_across_languages() -> None:
    goals = [goal(roles=("recruiter",)), goal(roles=("founder",)), goal(roles=("developer",))]
    cases = {
        "Reclutadora senior": "recruiter",
        "Recrutador": "recruiter",
        "Recruteur": "recruiter",
        "Personalvermittler": "recruiter",
        "Fundador y CEO": "founder",
        "Fondateur": "founder",
        "GRÜNDER": "founder",
        "Gründerin": "founder",
        "Desarrollador web": "developer",
        "Desenvolvedora": "developer",
        "Développeur": "developer",
        "Entwickler": "developer",
    }
    for n, (title, role) in enumerate(cases.items()):
        ranked = one(goals, person(n, "X", title))
        assert [g.goal.roles[0] for g in ranked.goals] == [role], title


def test_synonym_is_named_as_such() -> None:
    [match] = one([INVESTORS], person(1, "Eve", "VC")).goals[0].matches
    assert match.how is How.SYNONYM
    assert match.describe() == "title 'VC' ~ goal word 'investor'"


def test_close_spelling_matches_a_typo() -> None:
    [match] = one([goal(roles=("recruiter",))], person(1, "X", "Recuiter")).goals[0].matches
    assert match.how is How.CLOSE


def test_investor_relations_is_not_an_investor() -> None:
    ranked = one([INVESTORS], person(1, "Bo", "Head of Investor Relations"))
    assert ranked.score == 0
    assert ranked.goals == ()
    [caution] = ranked.cautions
    assert caution.words == "Investor"
    assert "shareholders" in caution.describe()
    # the rule is the group's: a synonym of investor next to "relations" is caught the same way
    assert one([goal(roles=("VC",))], person(2, "Ci", "Investor Relations")).score == 0
    # and the same rule serves other groups: sales tax, product owner
    assert one([goal(roles=("sales",))], person(3, "Di", "Sales Tax Advisor")).goals == ()
    assert one([goal(roles=("founder",))], person(4, "Ed", "Product Owner")).goals == ()
    # a goal that asks for investor relations gets it
    assert one([goal(roles=("investor relations",))], person(5, "Fi", "Investor Relations")).score


def test_company_matches_the_company_alone() -> None:
    acme = goal(companies=("Acme",))
    assert one([acme], person(1, "X", company="ACME Corp")).goals[0].matches[0].field == "company"
    assert one([acme], person(2, "Y", "Acme fan", company="Other")).score == 0


def test_cjk_names_and_companies() -> None:
    tencent = goal("认识腾讯的人", companies=("腾讯",))
    ranked = rank(
        [tencent, INVESTORS],
        [
            person(1, "李雷", "工程师", "腾讯"),
            person(2, "佐藤美咲", "部長", "腾讯科技"),
            person(3, "김지민"),
        ],
        VOCABULARY,
    )
    assert [(r.facts.full_name, bool(r.goals)) for r in ranked] == [
        ("李雷", True),
        ("김지민", False),  # by name, folded: Hangul before the CJK ideographs
        ("佐藤美咲", False),
    ]
    assert ranked[0].goals[0].matches[0].describe() == "company '腾讯' ~ goal word '腾讯'"


def test_text_words_stop_words_dropped() -> None:
    fintech = goal("Conocer a los inversores de fintech")
    ranked = one([fintech], person(1, "X", "Inversor", company="Fintech SA"))
    assert {m.goal_word for m in ranked.goals[0].matches} == {"inversores", "fintech"}
    assert one([fintech], person(2, "Y", "Director de los datos")).score == 0


def test_bonuses_and_penalties() -> None:
    plain = one([INVESTORS], person(1, "A", "Investor"))
    known = one([INVESTORS], person(2, "B", "Investor", in_network=True, met_before=True))
    skipped = one([INVESTORS], person(3, "C", "Investor", skipped=True))
    assert plain.score == 70
    assert known.score == 85
    assert known.reasons == ("in your network +10", "met before +5")
    assert skipped.score == 40
    assert skipped.reasons == ("marked skipped -30",)


def test_speaker_serves_a_learning_goal() -> None:
    learn = goal("Learn how others run design systems")
    speaker = one([learn], person(1, "S", "Chef", role=AttendeeRole.SPEAKER))
    assert speaker.goals[0].matches[0].how is How.ROLE
    assert speaker.goals[0].matches[0].describe() == "speaker at the event ~ a goal about learning"
    assert speaker.reasons == ("speaker for a learning goal +10",)
    assert one([learn], person(2, "T", "Chef")).score == 0
    assert one([INVESTORS], person(3, "U", "Chef", role=AttendeeRole.SPEAKER)).score == 0
    personal = goal("Grow", NetworkType.PERSONAL)
    assert one([personal], person(4, "V", role=AttendeeRole.SPEAKER)).score > 0


def test_role_at_the_event_matches_goal_words() -> None:
    ranked = one([goal(keywords=("sponsors",))], person(1, "S", role=AttendeeRole.SPONSOR))
    assert ranked.goals[0].matches[0].describe() == "role 'sponsor' ~ goal word 'sponsors'"


def test_tags_and_notes_are_read() -> None:
    ranked = one(
        [goal(keywords=("payments",))],
        person(1, "A", notes="Ran payments at a bank for years.", tags=("Fintech", "Payments")),
    )
    described = sorted(m.describe() for m in ranked.goals[0].matches)
    assert described == [
        "notes 'payments' ~ goal word 'payments'",
        "tag 'Payments' ~ goal word 'payments'",
    ]


def test_more_goals_served_score_more() -> None:
    goals = [INVESTORS, goal(keywords=("fintech",))]
    both = one(goals, person(1, "A", "Fintech investor"))
    assert len(both.goals) == 2
    assert both.score == 80


def test_order_pinned_tier_then_score_then_name() -> None:
    people = [
        person(1, "zoe", "Investor"),
        person(2, "Émile", "Investor"),
        person(3, "Bea", "Chef", pinned=PriorityTier.MUST_MEET),
        person(4, "Cal", "Investor", skipped=True, pinned=PriorityTier.MUST_MEET),
        person(5, "Dan", "Investment", pinned=PriorityTier.SHOULD_MEET),
        person(6, "Al", "Chef"),
        person(7, "Eve", "Investor", pinned=PriorityTier.SKIP),
        person(8, "Fay", "Investor", pinned=PriorityTier.NICE_TO_MEET),
    ]
    ranked = rank([INVESTORS], people, VOCABULARY)
    names = [r.facts.full_name for r in ranked]
    # Émile and zoe score 70: the score suggests must meet, beside Bea pinned there (within a
    # tier the score orders). A pinned tier overrides the score
    # (Fay's investor title is pinned nice to meet), and skip (pinned or marked) comes last.
    assert names == ["Émile", "zoe", "Bea", "Dan", "Fay", "Al", "Eve", "Cal"]
    tiers = {r.facts.full_name: (r.tier, r.pinned) for r in ranked}
    assert tiers["Émile"] == (PriorityTier.MUST_MEET, False)
    assert tiers["Fay"] == (PriorityTier.NICE_TO_MEET, True)
    assert tiers["Cal"][0] is tiers["Eve"][0] is PriorityTier.SKIP
    assert tiers["Al"] == (PriorityTier.NICE_TO_MEET, False)  # serves no goal: score 0


@pytest.mark.parametrize(
    ("score", "tier"),
    [
        (100, PriorityTier.MUST_MEET),
        (70, PriorityTier.MUST_MEET),
        (69, PriorityTier.SHOULD_MEET),
        (45, PriorityTier.SHOULD_MEET),
        (44, PriorityTier.NICE_TO_MEET),
        (0, PriorityTier.NICE_TO_MEET),
    ],
)
def test_the_score_suggests_a_tier(score: int, tier: PriorityTier) -> None:
    assert suggested_tier(score) is tier


def test_empty_goals_and_no_matches_score_zero() -> None:
    facts = person(1, "A", "Investor", in_network=True)
    assert one([], facts).score == 0
    assert one([goal("")], facts).score == 0
    assert one([goal(roles=("designer",))], facts) == Ranked(facts, 0)


words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


@given(st.lists(st.tuples(words, words, words), max_size=8), words)
def test_any_text_ranks_deterministically_within_bounds(
    rows: list[tuple[str, str, str]], text: str
) -> None:
    goals = [goal(text, roles=("investor",)), goal("Learn", NetworkType.PERSONAL)]
    people = [person(n, *row) for n, row in enumerate(rows)]
    first = rank(goals, people, VOCABULARY)
    assert first == rank(goals, list(reversed(people)), VOCABULARY)
    for ranked in first:
        assert 0 <= ranked.score <= 100
        assert (ranked.score > 0) == bool(ranked.goals)
        for served in ranked.goals:
            for match in served.matches:
                assert match.words in match.value or match.how is How.ROLE


@pytest.mark.parametrize("title", ["Investor", "INVESTOR", "Invéstor", "ÍNVESTÖR"])
def test_case_and_accents_never_change_the_score(title: str) -> None:
    assert one([INVESTORS], person(1, "A", title)).score == 70


@pytest.mark.parametrize(
    ("data", "said"),
    [
        ({}, "'groups' must be an object"),
        ({"groups": {"a": "investor"}}, "group 'a' must be a list"),
        ({"groups": {"a": ["x"]}, "other_meanings": {}}, "'other_meanings' must be a list"),
        ({"groups": {"a": ["x"]}, "other_meanings": ["x"]}, "other_meanings[0] must be an object"),
        (
            {
                "groups": {"a": ["x"]},
                "other_meanings": [{"group": "b", "neighbours": [], "meaning": ""}],
            },
            "other_meanings[0] needs a known 'group'",
        ),
    ],
)
def test_a_synonym_table_of_another_shape_is_refused_saying_where(
    data: dict[str, Any], said: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(said)):
        vocabulary_from(data)


def test_a_small_table_of_ones_own_is_used() -> None:
    table = vocabulary_from(
        {
            "groups": {"chef": ["chef", "cook", "cocinero"]},
            "other_meanings": [{"group": "chef", "neighbours": ["book"], "meaning": "a book"}],
        }
    )
    goals = [goal(roles=("chef",))]
    ranked = rank(goals, [person(1, "A", "Cocinera"), person(2, "B", "Cook Book author")], table)
    assert [(r.facts.full_name, r.score) for r in ranked] == [("A", 56), ("B", 0)]
    assert ranked[1].cautions[0].meaning == "a book"


@given(words)
def test_folding_is_stable(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    for token in tokens(text):
        assert stem(token.folded) == token.stem
