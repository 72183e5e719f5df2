"""How an import decides that two rows are the same person: the cleaned-up person a row
becomes, and the keys it is compared by. Standard library only; the fuzzy scoring itself
(rapidfuzz) lives in the import service.

Keys are for comparison only and are never shown or stored:

- `email_key`: the address trimmed and case-folded. Nothing else: no dropping of dots or
  "+tags", no googlemail.com = gmail.com. Those rules hold for some providers only, and a
  wrong merge is worse than a duplicate the user can merge by hand.
- `name_key` / `company_key`: compatibility-decomposed, accents and other combining marks
  dropped, case-folded, letters and digits of any script kept, everything else a space.
- `block_keys`: a few short keys per person. The fuzzy comparison only looks at people who
  share at least one, so an import never compares every row with every person.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from planner.domain.enums import AttendeeRole

# How alike is alike enough: rapidfuzz ratios (0-100) of compare keys, shared by the import's
# matching (planner.services.importing.matching) and the search for duplicates in the network
# (planner.services.duplicates).
CERTAIN_NAME = 92.0
UNCERTAIN = 80.0
SAME_COMPANY = 90.0
EMAIL_NAME_FLOOR = 60.0  # below this, a shared email is not enough
MAX_BLOCK = 1000  # a block this full takes no more members (bounds the work per row)


@dataclass(frozen=True, slots=True)
class NormalizedPerson:
    """A row after clean-up (planner.interchange.normalize): what the import writes.

    Values are as the file gave them, minus stray whitespace and control characters; None
    when the file had nothing usable. `full_name` is never empty (a row with neither a name
    nor an email is skipped before it gets here; one with an email only is named by it).
    """

    line: int
    full_name: str
    given_name: str | None = None
    family_name: str | None = None
    email: str | None = None
    company: str | None = None
    title: str | None = None
    phone: str | None = None
    linkedin_url: str | None = None
    notes: str = ""
    role: AttendeeRole = AttendeeRole.ATTENDEE

    @property
    def named_by_email(self) -> bool:
        """True when the file gave no name and the email stands in for it."""
        return self.email is not None and self.full_name == self.email


Prepared = tuple[Any, ...]
"""A row made ready for matching (planner.services.importing.rows): a NormalizedPerson's values
and the keys it is matched by, as a flat tuple indexed by the R_* constants. R_FULL_NAME ..
R_NOTES line up with the person table's columns (planner.storage.people.PERSON_COLUMNS)."""

(
    R_LINE,
    R_FULL_NAME,
    R_GIVEN_NAME,
    R_FAMILY_NAME,
    R_EMAIL,
    R_COMPANY,
    R_TITLE,
    R_PHONE,
    R_LINKEDIN_URL,
    R_NOTES,
    R_ROLE,  # the AttendeeRole's value
    R_NAMED_BY_EMAIL,  # no name in the file: the email stands in for it
    R_COMPARE,  # what names are compared by ("" when named by email)
    R_EMAIL_KEY,
    R_LINKEDIN_KEY,
    R_COMPANY_KEY,
    R_BLOCKS,  # the name's block keys, sorted (() when named by email)
) = range(17)


class Named(Protocol):
    """What blocking needs of a person: planner.domain.model.Person and NormalizedPerson."""

    @property
    def full_name(self) -> str: ...

    @property
    def given_name(self) -> str | None: ...

    @property
    def family_name(self) -> str | None: ...

    @property
    def company(self) -> str | None: ...


def email_key(email: str | None) -> str | None:
    if email is None:
        return None
    key = email.strip().casefold()
    return key or None


# Kana voicing marks are what tells ガ from カ: kept, unlike accents on Latin letters.
_KEPT_MARKS = frozenset("\u3099\u309a")


# For ASCII text: every character that is not a letter or digit becomes a space.
_ASCII_SEPARATORS = {code: " " for code in range(128) if not chr(code).isalnum()}


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """ "  José  Ñúñez-Gonçalves" → "jose nunez goncalves"; "田中　美咲" → "田中 美咲"."""
    if name.isascii():  # the same result, without decomposing (ASCII has no marks)
        return " ".join(name.translate(_ASCII_SEPARATORS).lower().split())
    decomposed = unicodedata.normalize("NFKD", name)
    kept: list[str] = []
    for char in decomposed:
        if char.isalnum():
            kept.append(char)
        elif unicodedata.category(char) == "Mn":
            if char in _KEPT_MARKS:
                kept.append(char)
        else:
            kept.append(" ")
    # Recompose what NFKD split and the filter kept (Hangul syllables, voiced kana).
    text = unicodedata.normalize("NFC", "".join(kept)).casefold()
    return " ".join(text.split())


# Legal forms that say nothing about which company it is, compared after name_key.
_LEGAL_FORMS = frozenset(
    {
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "plc",
        "corp",
        "corporation",
        "co",
        "company",
        "gmbh",
        "ag",
        "sa",
        "sas",
        "sarl",
        "srl",
        "spa",
        "bv",
        "nv",
        "ab",
        "as",
        "oy",
        "lda",
        "kk",
        "pty",
        "pte",
        "株式会社",
        "有限会社",
        "株",  # ㈱, (株)
        "주식회사",
        "주",  # (주)
    }
)
# Written without a space before or after the name: "桜キャピタル株式会社", "株式会社桜".
_ATTACHED_LEGAL_FORMS = ("股份有限公司", "有限公司", "株式会社", "有限会社", "合同会社", "주식회사")


@lru_cache(maxsize=65536)
def company_key(company: str | None) -> str:
    """ "Açores Tech, Lda." → "acores tech"; "The Acme Company Inc" → "acme"."""
    if not company:
        return ""
    words = name_key(company).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    while len(words) > 1 and words[0] in _LEGAL_FORMS:
        words.pop(0)
    key = " ".join(words)
    for form in _ATTACHED_LEGAL_FORMS:
        if key.endswith(form) and len(key) > len(form):
            key = key[: -len(form)].rstrip()
        elif key.startswith(form) and len(key) > len(form):
            key = key[len(form) :].lstrip()
    return key


def is_latin_letter(char: str) -> bool:
    """A letter of the Latin script (with its extensions and full-width forms)."""
    code = ord(char)
    return (
        code < 0x2B0
        or 0x1D00 <= code <= 0x1DBF
        or 0x1E00 <= code <= 0x1EFF
        or 0x2C60 <= code <= 0x2C7F
        or 0xA720 <= code <= 0xA7FF
        or 0xAB30 <= code <= 0xAB6F
        or 0xFB00 <= code <= 0xFB06
        or 0xFF21 <= code <= 0xFF3A
        or 0xFF41 <= code <= 0xFF5A
    )


def is_latin_name(name: str) -> bool:
    """True when the name has letters and every one of them is Latin."""
    letters = [char for char in name if char.isalpha()]
    return bool(letters) and all(is_latin_letter(char) for char in letters)


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x1100 <= code <= 0x11FF  # Hangul jamo
        or 0x2E80 <= code <= 0x9FFF  # radicals, kana, CJK ideographs
        or 0xAC00 <= code <= 0xD7AF  # Hangul syllables
        or 0xF900 <= code <= 0xFAFF
        or 0xFF66 <= code <= 0xFF9F  # half-width kana
        or 0x20000 <= code <= 0x3FFFF
    )


def block_keys(person: Named) -> frozenset[str]:
    """Keys under which a person is filed for fuzzy comparison.

    - "n:" the first three letters of the family name and the first of the given name
      (from the given/family fields, else the last and first word of the full name).
    - "j:" the first two characters of a one-word name or a CJK name, written without
      spaces or with them ("田中美咲" and "田中 美咲" meet here).
    - "c:" the first word of the company with the initials of given and family name, in
      either order: finds a misspelt family name, or given and family name swapped, at the
      same company.
    """
    return name_block_keys(person.full_name, person.given_name, person.family_name, person.company)


def name_block_keys(
    full_name: str, given_name: str | None, family_name: str | None, company: str | None
) -> frozenset[str]:
    """block_keys from the four values."""
    return block_keys_of_keys(
        name_key(full_name).split(),
        name_key(given_name).replace(" ", "") if given_name else "",
        name_key(family_name).replace(" ", "") if family_name else "",
        company_key(company),
    )


def block_keys_of_keys(words: list[str], given: str, family: str, company: str) -> frozenset[str]:
    """name_block_keys from keys already made: the words of the full name's name_key, the
    name_key of given and family name without spaces ("" when there is none) and the
    company_key (for callers that have them at hand)."""
    return frozenset(ordered_block_keys(words, given, family, company))


def ordered_block_keys(words: list[str], given: str, family: str, company: str) -> tuple[str, ...]:
    """block_keys_of_keys in a fixed order ("n:", "j:", "c:"; each kind at most once), so
    that whoever goes through them meets them in the same order in every process."""
    if not given and not family and len(words) >= 2:
        given, family = words[0], words[-1]
    keys: list[str] = []
    joined = "".join(words) or given + family
    if given and family:
        keys.append(f"n:{family[:3]}|{given[:1]}")
        first, second = given[0], family[0]
        initials = first + second if first <= second else second + first  # sorted
    else:
        initials = joined[:1]
    if joined and (len(words) < 2 or _is_cjk(joined[0])):
        keys.append(f"j:{joined[:2]}")
    if initials and company:
        company_words = company.split()
        if company_words:
            keys.append(f"c:{company_words[0]}|{initials}")
    return tuple(keys)


def compare_of(key: str) -> str:
    """What names are compared by, from the name's name_key: its words sorted (so fuzz.ratio on
    it is rapidfuzz's token_sort_ratio), or without spaces for a CJK name."""
    if key and _is_cjk(key[0]):
        return key.replace(" ", "")
    return " ".join(sorted(key.split()))


def family_first(compare: str, given: str, family: str) -> str:
    """A CJK name's compare key family name first, when its parts say it was written given
    name first: "美咲 田中" (given 美咲, family 田中) compares as "田中美咲". Address books filled
    in through Western forms keep CJK names in that order; attendee lists write them family
    name first. `given` and `family` are the parts' keys without spaces."""
    if given and family and compare == given + family and _is_cjk(compare[0]):
        return family + given
    return compare
