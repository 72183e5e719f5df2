"""The keys an import compares people by, and the blocks that keep fuzzy matching small."""

from __future__ import annotations

import pytest

from planner.domain.dedupe import (
    NormalizedPerson,
    block_keys,
    company_key,
    email_key,
    family_first,
    is_latin_name,
    name_key,
)
from planner.domain.model import Person


def test_email_key_folds_case_and_trims_only() -> None:
    assert email_key("  Ana.Lima@Example.COM ") == "ana.lima@example.com"
    assert email_key("ana+tag@gmail.com") == "ana+tag@gmail.com"
    assert email_key("ana@googlemail.com") != email_key("ana@gmail.com")
    assert email_key("") is None
    assert email_key(None) is None


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("  José  Ñúñez-Gonçalves ", "jose nunez goncalves"),
        ("JOSÉ ÑÚÑEZ GONÇALVES", "jose nunez goncalves"),
        ("Liam O'Brien", "liam o brien"),
        ("Straße", "strasse"),
        ("田中\u3000美咲", "田中 美咲"),
        ("ガ", "ガ"),  # the voicing mark is kept: ガ is not カ
        ("ｱﾅ", "アナ"),  # half-width kana fold to full-width
        ("김민수", "김민수"),  # Hangul syllables survive the decomposition
        ("محمد الأمين", "محمد الامين"),  # hamza, often left out when typing, is a mark
        ("Ｊｏｓé", "jose"),  # full-width Latin
        ("<b>Ana</b>", "b ana b"),
        ("", ""),
    ],
)
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


def test_arabic_vowel_marks_do_not_count() -> None:
    assert name_key("مُحَمَّد") == name_key("محمد")


@pytest.mark.parametrize(
    ("company", "key"),
    [
        ("Açores Tech, Lda.", "acores tech"),
        ("The Acme Company Inc", "acme"),
        ("ACME Corp.", "acme"),
        ("Acme GmbH & Co. KG", "acme gmbh co kg"),
        ("桜キャピタル株式会社", "桜キャピタル"),
        ("株式会社 桜キャピタル", "桜キャピタル"),
        ("㈱桜キャピタル", "桜キャピタル"),
        ("华为技术有限公司", "华为技术"),
        ("Inc", "inc"),  # a legal form alone is still the name
        (None, ""),
    ],
)
def test_company_key(company: str | None, key: str) -> None:
    assert company_key(company) == key


@pytest.mark.parametrize(
    ("name", "latin"),
    [
        ("José Ñúñez", True),
        ("Łukasz Żółć", True),
        ("Nguyễn Văn An", True),
        ("O'Brien-Smith 3rd", True),
        ("田中 美咲", False),
        ("Anna 李", False),
        ("Сергей", False),
        ("123", False),
        ("", False),
    ],
)
def test_is_latin_name(name: str, latin: bool) -> None:
    assert is_latin_name(name) is latin


def test_block_keys_of_a_latin_name() -> None:
    keys = block_keys(Person("Ana Lima", given_name="Ana", family_name="Lima", company="Acme Inc"))
    assert keys == {"n:lim|a", "c:acme|al"}


def test_block_keys_take_the_words_of_the_full_name_when_parts_are_missing() -> None:
    assert block_keys(Person("Ana Maria Lima")) == {"n:lim|a"}


def test_typos_share_a_block() -> None:
    john = block_keys(Person("John Smith", given_name="John", family_name="Smith"))
    jon = block_keys(Person("Jon Smith", given_name="Jon", family_name="Smith"))
    assert john & jon


def test_a_misspelt_or_swapped_name_meets_at_the_company() -> None:
    a = block_keys(Person("Ana Lima", company="Acme"))
    b = block_keys(Person("Ana Lyma", company="ACME Inc."))
    swapped = block_keys(Person("Lima Ana", given_name="Lima", family_name="Ana", company="Acme"))
    assert a & b == {"c:acme|al"}
    assert a & swapped == {"c:acme|al"}


def test_cjk_names_with_and_without_a_space_share_a_block() -> None:
    spaced = block_keys(Person("田中 美咲"))
    joined = block_keys(Person("田中美咲"))
    parts = block_keys(Person("田中 美咲", given_name="美咲", family_name="田中"))
    assert "j:田中" in spaced & joined & parts


def test_arabic_names_block_on_their_words_not_on_a_common_first_name_alone() -> None:
    keys = block_keys(NormalizedPerson(1, "محمد الأمين"))
    assert keys == {"n:الا|م"}
    assert not any(key.startswith("j:") for key in keys)


def test_unrelated_people_share_no_block() -> None:
    assert not block_keys(Person("Ana Lima")) & block_keys(Person("Bruno Costa"))


def test_a_person_without_a_name_key_has_no_name_blocks() -> None:
    assert block_keys(Person("---")) == set()


@pytest.mark.parametrize(
    ("compare", "given", "family", "expected"),
    [
        ("美咲田中", "美咲", "田中", "田中美咲"),  # given name first: turned round
        ("田中美咲", "美咲", "田中", "田中美咲"),  # family name first already
        ("민준최", "민준", "최", "최민준"),  # Korean too
        ("田中美咲子", "美咲", "田中", "田中美咲子"),  # more than the two parts: left alone
        ("美咲田中", "", "田中", "美咲田中"),  # one part unknown
        ("ana lima", "ana", "lima", "ana lima"),  # Latin names are compared word-sorted
    ],
)
def test_a_cjk_name_is_compared_family_name_first(
    compare: str, given: str, family: str, expected: str
) -> None:
    assert family_first(compare, given, family) == expected
