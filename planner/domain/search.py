"""Text typed to find people, made into a full-text query that cannot fail.

Each word the user typed becomes a quoted phrase with its inner quotes doubled, so quotes,
`*`, `:`, parentheses and the words AND, OR, NOT and NEAR are looked for as text, never read
as query syntax; each is a prefix ("gar" finds García while it is being typed), and all must
match. Words with no letter or digit are left out. The index folds case and accents (SQLite's
unicode61 tokenizer with remove_diacritics 2).

Chinese, Japanese and Korean are written without spaces, so the tokenizer takes a whole run of
those characters as one word and a part of a name would not be found: text with any of them is
left to the plain substring filter (`index_query` returns None).
"""

from __future__ import annotations

import unicodedata

__all__ = ["index_query", "searchable_words"]

_CJK_RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x9FFF),  # CJK radicals, kana, CJK unified ideographs
    (0xA960, 0xA97F),
    (0xAC00, 0xD7FF),  # Hangul syllables
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),  # half- and full-width forms
    (0x20000, 0x3FFFF),
)


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def searchable_words(text: str) -> list[str]:
    """The words of `text` that hold a letter or a digit, without control characters (a NUL
    would end the query's text)."""
    visible = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch.isspace())
    return [
        word for word in visible.split() if any(unicodedata.category(ch)[0] in "LN" for ch in word)
    ]


def index_query(text: str) -> str | None:
    """The FTS5 query for `text`, or None when the index cannot answer it (no word to look
    for, or Chinese, Japanese or Korean text)."""
    if any(_is_cjk(ch) for ch in text):
        return None
    words = searchable_words(text)
    if not words:
        return None
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)
