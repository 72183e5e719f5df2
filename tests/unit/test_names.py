"""Full names from their parts: family name first without a space in CJK scripts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain.names import full_name_from_parts, is_cjk_name

HAN = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=3)
LATIN = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzé"), min_size=1, max_size=8)


@pytest.mark.parametrize(
    ("given_name", "family_name", "full"),
    [
        ("雷", "李", "李雷"),
        ("美咲", "佐藤", "佐藤美咲"),
        ("지민", "김", "김지민"),
        ("ｻｷ", "ﾀﾅｶ", "ﾀﾅｶｻｷ"),  # half-width katakana
        ("Lei", "Li", "Lei Li"),
        ("Lei", "李", "Lei 李"),
        ("雷", None, "雷"),
        (None, "李", "李"),
        (None, None, ""),
        ("", "", ""),
    ],
)
def test_full_name_from_parts(given_name: str | None, family_name: str | None, full: str) -> None:
    assert full_name_from_parts(given_name, family_name) == full


def test_a_name_is_cjk_only_when_every_letter_is() -> None:
    assert is_cjk_name("李 雷")
    assert is_cjk_name("ジョン・スミス")  # the middle dot is no letter
    assert not is_cjk_name("李 Lei")
    assert not is_cjk_name("")
    assert not is_cjk_name("・")


@given(HAN, HAN)
def test_han_parts_join_family_first_without_a_space(given_name: str, family_name: str) -> None:
    assert full_name_from_parts(given_name, family_name) == family_name + given_name


@given(LATIN, LATIN)
def test_latin_parts_keep_the_western_order(given_name: str, family_name: str) -> None:
    assert full_name_from_parts(given_name, family_name) == f"{given_name} {family_name}"
