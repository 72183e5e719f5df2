"""The one rule for text a person gives the planner, typed in the window or on the command line
or brought by a file: invisible characters that change how text reads are dropped.

They are the bidirectional embeddings and overrides (U+202A–U+202E) and isolates
(U+2066–U+2069), which can make a name or a goal read otherwise than what it holds ("Trojan
Source") and carry that into calendars and briefing books; the left-to-right and right-to-left
marks (U+200E, U+200F); the zero-width space (U+200B); and the byte-order mark (U+FEFF), which
spreadsheets leave at the start of cells. The window lays out right-to-left text by itself.
"""

from __future__ import annotations

__all__ = ["INVISIBLE", "drop_invisible", "has_invisible"]

INVISIBLE: frozenset[int] = frozenset(
    {
        0x200B,  # zero-width space
        0x200E,  # left-to-right mark
        0x200F,  # right-to-left mark
        *range(0x202A, 0x202F),  # bidirectional embeddings and overrides
        *range(0x2066, 0x206A),  # bidirectional isolates
        0xFEFF,  # byte-order mark
    }
)
"""Code points `drop_invisible` removes (the import's clean-up removes the same)."""

_DROP: dict[int, None] = dict.fromkeys(INVISIBLE)
_INVISIBLE_CHARS = frozenset(map(chr, INVISIBLE))


def has_invisible(text: str) -> bool:
    return not text.isascii() and not _INVISIBLE_CHARS.isdisjoint(text)


def drop_invisible(text: str) -> str:
    """`text` without the characters of `INVISIBLE`; ASCII text is returned as it is."""
    return text.translate(_DROP) if has_invisible(text) else text
