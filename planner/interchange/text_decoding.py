"""Bytes to text: which encoding a file is in, and bytes that are no text refused.

Text is decoded by its byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), else as UTF-8 if it
is valid UTF-8, else by charset-normalizer's best guess; when that guess is another Latin code
page that makes no more letters of the bytes than Windows-1252 does, Windows-1252 wins, since
that is what Excel writes in Western Europe and the Americas (charset-normalizer alone reads
"Muñoz" as "Muńoz"). The encoding is named by the codec's Python name: "utf-8", "utf-8-sig",
"utf-16-le", "cp1252", "shift_jis"... A file that is valid
UTF-8 except for a few bytes was edited by two programs and is refused, naming the first bad
line, rather than guessed: any guess would garble either those bytes or all the others. A few
stray NUL characters are dropped; NUL-heavy content and bytes that decode to control
characters are not text, and are refused.

charset-normalizer is imported only when a file needs a guess, so that starting the app does
not pay for it.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import unicodedata

from planner.domain.importing import FileProblem
from planner.interchange.refusals import NOT_A_TABLE

__all__ = ["decode"]

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# Control characters that text files do not hold (tab, LF, VT, FF and CR excepted).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_LONE_SURROGATE = re.compile("[\udc80-\udcff]")
_TYPOGRAPHY = frozenset("\u2018\u2019\u201a“”„–—…•€™°«»·")  # quotes, dashes...


def decode(data: bytes, source: str) -> tuple[str, str]:
    """The text of `data` and the name of its encoding; see the module docstring."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec.removesuffix("-sig"))
            except UnicodeDecodeError as error:
                raise FileProblem(
                    source,
                    f"starts like {label} text but byte {error.start + len(bom):,} is not "
                    f"valid {label}",
                ) from None
            return _without_nuls(text, source), codec
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _without_nuls(utf16[0], source), utf16[1]
        data = _bytes_without_nuls(data, source)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        first_bad = error.start
    loose = data.decode("utf-8", "surrogateescape")
    bad = len(_LONE_SURROGATE.findall(loose))
    good = sum(1 for char in loose if char > "\x7f") - bad
    if good > bad:
        raise FileProblem(
            source,
            f"is UTF-8 text except for byte 0x{data[first_bad]:02X} here, which is not UTF-8 "
            "(the file was probably edited in two programs); save it again as UTF-8, in Excel "
            "as “CSV UTF-8”",
            _line_at(data, first_bad),
        )
    text, encoding = _guess_encoding(data, source)
    if len(_CONTROL.findall(text)) * 100 > len(text):
        raise FileProblem(source, NOT_A_TABLE)
    return text, encoding


def _guess_encoding(data: bytes, source: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if best is None:
        if western is None:
            raise FileProblem(source, NOT_A_TABLE)
        return western, "cp1252"
    name = codecs.lookup(best.encoding).name
    guessed = str(best)
    if western is not None and name != "cp1252" and _prefer_western(western, guessed):
        return western, "cp1252"
    return guessed, name


def _prefer_western(western: str, guessed: str) -> bool:
    """Whether the Windows-1252 reading is at least as good as another single-byte guess.

    With few accented letters every Latin code page reads a file plausibly, and the detector
    picks among them nearly at random (Baltic for "Siobhán"). When the guess turns the bytes
    into Latin letters too, Windows-1252 wins unless it makes fewer of them letters: Polish
    text in Windows-1250 ("Łukasz") stays Windows-1250, since 1252 reads "£ukasz". A guess in
    another script (Cyrillic, Greek, Hebrew, Arabic...) or a multi-byte one is kept.
    """
    if western == guessed:
        return True
    if len(western) != len(guessed):
        return False
    pairs = [(w, g) for w, g in zip(western, guessed, strict=True) if w != g]
    if not all(
        _plausible(g) and (not g.isalpha() or unicodedata.name(g, "").startswith("LATIN"))
        for _, g in pairs
    ):
        return False
    return sum(map(_plausible, (w for w, _ in pairs))) >= sum(
        map(_plausible, (g for _, g in pairs))
    )


def _plausible(char: str) -> bool:
    """A letter, or the typographic punctuation Windows-1252 adds to Latin-1."""
    return char.isalpha() or char in _TYPOGRAPHY


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text written without a byte-order mark: every other byte NUL in Latin text."""
    head = data[:4096]
    even, odd = head[0::2], head[1::2]
    for zeros, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) * 10 >= len(zeros) * 4 and others.count(0) * 20 <= len(others):
            with contextlib.suppress(UnicodeDecodeError):
                return data.decode(codec), codec
    return None


def _without_nuls(text: str, source: str) -> str:
    """`text` without its few stray NULs; raises FileProblem when they are more than a few."""
    count = text.count("\x00")
    if count * 100 > len(text):
        raise FileProblem(source, NOT_A_TABLE)
    return text.replace("\x00", "") if count else text


def _bytes_without_nuls(data: bytes, source: str) -> bytes:
    count = data.count(0)
    if count * 100 > len(data):
        raise FileProblem(source, NOT_A_TABLE)
    return data.replace(b"\x00", b"")


def _line_at(data: bytes, offset: int) -> int:
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
