"""How a full name is written from its parts, the one rule that an import and the person
dialog both follow.

Chinese, Japanese and Korean names written in their own scripts put the family name first
with no space between the parts: family 李 and given 雷 is 李雷, 佐藤 and 美咲 is
佐藤美咲, 김 and 지민 is 김지민. That holds only when both parts are written in those
scripts (Han, Hiragana, Katakana, Hangul); a Latin transcription ("Li", "Lei") is "Lei Li",
and a name whose parts mix scripts keeps the Western order with a space. A name typed whole
is never put together here: it is kept as typed.
"""

from __future__ import annotations

__all__ = ["full_name_from_parts", "is_cjk_char", "is_cjk_name"]


def is_cjk_char(char: str) -> bool:
    """A character of the Han, kana or Hangul blocks (with their compatibility forms)."""
    code = ord(char)
    return (
        0x1100 <= code <= 0x11FF  # Hangul jamo
        or 0x2E80 <= code <= 0x9FFF  # radicals, kana, CJK ideographs
        or 0xA960 <= code <= 0xA97F  # Hangul jamo extended A
        or 0xAC00 <= code <= 0xD7FF  # Hangul syllables, jamo extended B
        or 0xF900 <= code <= 0xFAFF  # CJK compatibility ideographs
        or 0xFF66 <= code <= 0xFF9F  # half-width kana
        or 0xFFA0 <= code <= 0xFFDC  # half-width Hangul
        or 0x20000 <= code <= 0x3FFFF  # CJK ideographs beyond the basic plane
    )


def is_cjk_name(text: str) -> bool:
    """True when `text` has letters and every one of them is CJK (spaces, the middle dot of
    a transcribed foreign name and other marks do not count)."""
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(is_cjk_char(char) for char in letters)


def full_name_from_parts(given: str | None, family: str | None) -> str:
    """The full name of someone known by given and family name (either may be missing):
    family name first without a space when both are CJK, else "given family"."""
    if given and family:
        if is_cjk_name(given) and is_cjk_name(family):
            return family + given
        return f"{given} {family}"
    return given or family or ""
