"""From a mapped row to the person the import writes: the clean-up rules, in one place.

Every value
    loses control characters (tabs and line breaks become spaces, except in notes, which keep
    their line breaks), byte-order marks, zero-width spaces and bidirectional overrides;
    runs of whitespace of any kind become one space, and the ends are trimmed. Text is put in
    Unicode composed form (NFC), except text holding CJK compatibility ideographs, which NFC
    would replace. Markup is not touched: "<b>Ana</b>" stays as typed (the GUI shows text as
    plain text). Cells that mark nothing ("-", "—", ".", "#N/A") count as empty; the words
    "NULL", "None", "N/A" count as empty in an email, phone or LinkedIn cell, and elsewhere
    only where the column uses them for nothing (planner.interchange.placeholders): they
    can be a name ("Christopher Null") or a company ("None").
Names
    A full name missing from the file is made from given and family name: "given family",
    or family name first without a space ("李雷") when both are written in CJK script
    (planner.domain.names). A full name in the file is kept as typed. It is split into given
    and family name (nameparser) only when the file gave neither, every letter of it is
    Latin and it holds no "@"; "Family, Given" is then turned around to "Given Family".
    Names in any other script are never split or reordered.
Email
    The first address of the cell ("a@x; b@y", "Ana <a@x>", "mailto:a@x"); any further
    addresses go to the notes as "Other email: ...". An address must look like
    something@something.tld; a cell that holds none is kept in the notes as "Email as given:
    ..." and the person gets no email (planner.interchange.emails). Stored as typed (case
    kept): comparisons fold case.
Phone
    E.164 (+351912345678) when the number has a country code (+ or 00) and the right length
    for that country, or the default region makes it a valid number, and it has no
    extension; otherwise as typed (planner.interchange.phones).
LinkedIn
    Profile links become https://www.linkedin.com/in/<slug> (any scheme, host such as
    uk.linkedin.com, query, fragment and trailing slash dropped; "linkedin.com/in/x" and
    "in/x" accepted). Other linkedin.com links are given https and www.linkedin.com and lose
    query and fragment; anything else is kept as typed.
Role
    From the ticket type or role text: speaker (also keynote, panelist, presenter), sponsor,
    exhibitor, organiser (also organizer, staff); anything else is an attendee.
Reported values
    A row imported with a value kept otherwise than the user would expect gives a
    `ChangedValue` for the report: an email cell that holds no address (or several), a phone
    number with a country code or a default region that still cannot be placed (or with no
    digits), a LinkedIn cell that is no LinkedIn link. `Normalizer.changed` collects them.
Skipped rows
    No name and no usable email: "no name or email". A name over MAX_NAME_CHARS characters,
    or a company, job title, phone number or LinkedIn profile over MAX_DETAIL_CHARS (text
    that ran into the wrong column, not a person). A status saying the person is not
    coming: cancelled, refunded, declined, deactivated, deleted, not attending, not going,
    or a plain "no" (an RSVP); such a row is a `Withdrawn`, with the name and email that
    recognise the person. People on a waiting list are imported.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from planner.domain.dedupe import NormalizedPerson, is_latin_name
from planner.domain.enums import AttendeeRole
from planner.domain.importing import Candidate, ChangedValue, Field, Skipped, Withdrawn
from planner.domain.names import full_name_from_parts
from planner.domain.people import MAX_DETAIL_CHARS, MAX_NAME_CHARS
from planner.domain.text import INVISIBLE
from planner.interchange.emails import address_in
from planner.interchange.emails import emails as _emails
from planner.interchange.phones import phone, phone_problem
from planner.interchange.placeholders import is_word

if TYPE_CHECKING:
    from nameparser import HumanName

__all__ = [
    "Normalizer",
    "clean",
    "clean_notes",
    "email_address",
    "linkedin_url",
    "normalize",
    "phone",
    "phone_problem",
    "role",
    "split_names",
]

NO_NAME_OR_EMAIL = "no name or email"

# Control characters (C0, DEL, C1) that separate words become a space; the rest vanish.
_WHITESPACE_CONTROLS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85"
_TRANSLATION: dict[int, str | None] = {
    code: (" " if chr(code) in _WHITESPACE_CONTROLS else None)
    for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]
}
# Bidirectional controls, direction marks, zero-width spaces, byte-order marks: the one rule
# for all user text (planner.domain.text), typed or imported.
_TRANSLATION.update(dict.fromkeys(INVISIBLE))
_SURROGATES = re.compile("[\ud800-\udfff]")
_COMPATIBILITY_IDEOGRAPHS = re.compile("[\uf900-\ufaff\U0002f800-\U0002fa1f]")

_CACHE_SIZE = 65536  # texts of each kind a Normalizer remembers

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""How a cell starts that a spreadsheet reads as a formula (planner.interchange.left_out
writes such a cell after an apostrophe, which `clean` drops again)."""
_MARKS = frozenset({"-", "--", "—", "–", ".", "#n/a"})
"""Cells that say nothing in any column: no word anyone is called (see placeholders.WORDS)."""


def clean(value: str | None) -> str:
    """One line of text with whitespace collapsed and control characters dropped; a mark for
    nothing ("-", "#N/A") becomes empty, but a word ("None", "Null") is kept: it can be a
    name (see planner.interchange.placeholders). An apostrophe that only kept a spreadsheet
    from reading the cell as a formula ("'=...", "'+351...") is dropped."""
    if not value:
        return ""
    if not (value.isprintable() and "  " not in value and value[0] != " " != value[-1]):
        value = _clean_line(value)
    elif not value.isascii():
        value = _composed(value)
    # Looked for once the text is clean, so that cleaning again finds none: "'\x1b=" is "=".
    if value[:1] == "'" and value[1:].startswith(FORMULA_STARTS):
        value = value[1:]
    if len(value) <= 4 and value.casefold() in _MARKS:
        return ""
    return value


def _clean_line(value: str | None) -> str:
    if not value:
        return ""
    if not (value.isprintable() and "  " not in value and value == value.strip()):
        value = value.translate(_TRANSLATION)
        if _SURROGATES.search(value):
            value = _SURROGATES.sub("", value)
        value = " ".join(value.split())
    return _composed(value) if not value.isascii() else value


def _composed(value: str) -> str:
    """NFC, unless that would replace CJK compatibility ideographs."""
    if unicodedata.is_normalized("NFC", value) or _COMPATIBILITY_IDEOGRAPHS.search(value):
        return value
    return unicodedata.normalize("NFC", value)


def clean_notes(value: str | None) -> str:
    """Notes keep their line breaks (at most one blank line in a row); each line is cleaned."""
    if not value or not clean(value):
        return ""
    lines: list[str] = []
    for raw in value.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _clean_line(raw)
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    text = "\n".join(lines)
    if text[:1] == "'" and text[1:].startswith(FORMULA_STARTS):  # see `clean`
        text = text[1:]
    return text


# --- names --------------------------------------------------------------------------------

_MAX_SPLIT_LENGTH = 200  # longer "names" are kept whole: not a person's name to take apart


@lru_cache(maxsize=8192)
def _split_latin(full_name: str) -> tuple[str, str | None, str | None]:
    """(full name, given, family) for a Latin-script name, via nameparser."""
    if len(full_name) > _MAX_SPLIT_LENGTH:
        return full_name, None, None
    try:
        parsed = _human_name(full_name)
        given = clean(parsed.first) or None
        family = clean(parsed.last) or None
        suffix = clean(parsed.suffix)
    except Exception:  # nameparser is a heuristic; a name it chokes on is kept whole
        return full_name, None, None
    if full_name.count(",") == 1 and given and family and not suffix:
        before, after = (part.strip() for part in full_name.split(","))
        if before and after:
            full_name = f"{after} {before}"
    return full_name, given, family


def _human_name(text: str) -> HumanName:
    from nameparser import HumanName

    return HumanName(text)


def _names(
    values: dict[Field, str], clean: Callable[[str | None], str] = clean
) -> tuple[str, str | None, str | None]:
    full = clean(values.get(Field.FULL_NAME))
    given = clean(values.get(Field.GIVEN_NAME)) or None
    family = clean(values.get(Field.FAMILY_NAME)) or None
    if not full:
        full = full_name_from_parts(given, family)
    elif given is None and family is None and "@" not in full and is_latin_name(full):
        return _split_latin(full)
    return full, given, family


def split_names(full: str, given: str, family: str) -> tuple[str, str | None, str | None]:
    """(full, given, family) from what a person typed, by the rules an import follows: a
    missing full name is made from its parts (family name first, no space, in CJK), a full
    name typed alone is split only when it is a Latin-script name."""
    return _names({Field.FULL_NAME: full, Field.GIVEN_NAME: given, Field.FAMILY_NAME: family})


def email_address(text: str) -> str | None:
    """The address typed in `text` (one address, "mailto:" and a closing full stop dropped),
    or None when it is not one an email could be sent to (planner.interchange.emails)."""
    return address_in(clean(text))


# --- LinkedIn -----------------------------------------------------------------------------

_LINKEDIN_HOST = re.compile(
    r"(?:https?://)?(?:[a-z0-9-]+\.)?linkedin\.com(?::\d+)?(?P<path>[/?#].*)?", re.IGNORECASE
)
_BARE_PROFILE = re.compile(r"/?in/(?P<path>[^/?#\s]+.*)", re.IGNORECASE)


@lru_cache(maxsize=65536)
def linkedin_url(text: str) -> str:
    """The canonical profile link, or the text as typed when it is not a LinkedIn link."""
    if not text:
        return text
    bare = _BARE_PROFILE.fullmatch(text)
    if bare:
        path = "/in/" + bare.group("path")
    else:
        match = _LINKEDIN_HOST.fullmatch(text)
        if match is None:
            return text
        path = match.group("path") or ""
    path = re.split(r"[?#]", path, maxsplit=1)[0]
    segments = [segment for segment in path.split("/") if segment]
    if " " in path:
        return text
    if len(segments) >= 2 and segments[0].casefold() == "in":
        return f"https://www.linkedin.com/in/{segments[1]}"
    return "https://www.linkedin.com" + "".join(f"/{segment}" for segment in segments)


# --- role and status ----------------------------------------------------------------------

_ROLE_WORDS: tuple[tuple[AttendeeRole, tuple[str, ...]], ...] = (
    (AttendeeRole.SPEAKER, ("speaker", "keynote", "panelist", "panellist", "presenter")),
    (AttendeeRole.SPONSOR, ("sponsor",)),
    (AttendeeRole.EXHIBITOR, ("exhibitor", "exhibiting")),
    (AttendeeRole.ORGANISER, ("organiser", "organizer", "staff")),
)


@lru_cache(maxsize=4096)
def role(text: str) -> AttendeeRole:
    """The attendee role a ticket type or role text names ("Speaker Pass" → speaker)."""
    folded = text.casefold()
    for found, words in _ROLE_WORDS:
        if any(word in folded for word in words):
            return found
    return AttendeeRole.ATTENDEE


_NOT_COMING = ("cancel", "refund", "declin", "deactivat", "deleted", "not attending", "not going")


@lru_cache(maxsize=4096)
def _not_coming(status: str) -> bool:
    folded = status.casefold()
    return folded == "no" or any(word in folded for word in _NOT_COMING)


# --- the row --------------------------------------------------------------------------------


def normalize(candidate: Candidate, *, default_region: str | None) -> NormalizedPerson | Skipped:
    """The person a row stands for, or why it was left out. Never raises on any text."""
    return _person(_normalize(candidate.line, candidate.values, default_region, clean))


Values = tuple[
    int,
    str,
    str | None,
    str | None,
    str | None,
    str | None,
    str | None,
    str | None,
    str | None,
    str,
    str,
]
"""A NormalizedPerson's fields as a tuple, in its order, with the role's value for the role:
what `Normalizer.values` gives (an import wants flat tuples, not objects)."""


def _person(result: Values | Skipped) -> NormalizedPerson | Skipped:
    if isinstance(result, Skipped):
        return result
    return NormalizedPerson(*result[:10], role=AttendeeRole(result[10]))


class Normalizer:
    """`normalize` for the rows of one file: ``Normalizer(region)(candidate)`` gives the same
    result as ``normalize(candidate, default_region=region)``, with the clean-up of values that
    repeat from row to row (names, companies, titles, roles, statuses) done once per distinct
    text. What it remembers (at most _CACHE_SIZE texts of each kind) goes with it, or a little
    at a time with `release`."""

    __slots__ = ("changed", "cleaned", "default_region", "named")

    def __init__(self, default_region: str | None) -> None:
        self.default_region = default_region
        self.changed: list[ChangedValue] = []
        """What `values` kept otherwise than expected (ChangedValue), for the caller to take."""
        self.cleaned: dict[str, str] = {}
        self.named: dict[
            tuple[str | None, str | None, str | None], tuple[str, str | None, str | None]
        ] = {}

    def __call__(self, candidate: Candidate) -> NormalizedPerson | Skipped:
        line, values = candidate.line, candidate.values
        return _person(_normalize(line, values, self.default_region, self._clean, self._names))

    def values(self, line: int, values: dict[Field, str]) -> Values | Skipped:
        """The row at `line` with these mapped values, normalised, as flat `Values`."""
        return _normalize(line, values, self.default_region, self._clean, self._names, self.changed)

    def _clean(self, value: str | None) -> str:
        if not value:
            return ""
        cleaned = self.cleaned
        found = cleaned.get(value)
        if found is None:
            if len(cleaned) >= _CACHE_SIZE:
                cleaned.clear()
            found = cleaned[value] = clean(value)
        return found

    def _names(self, values: dict[Field, str]) -> tuple[str, str | None, str | None]:
        get = values.get
        key = (get(Field.FULL_NAME), get(Field.GIVEN_NAME), get(Field.FAMILY_NAME))
        named = self.named
        found = named.get(key)
        if found is None:
            if len(named) >= _CACHE_SIZE:
                named.clear()
            found = named[key] = _names(values, self._clean)
        return found

    @property
    def memories(self) -> tuple[dict[Any, Any], ...]:
        """What it remembers, to be let go of (planner.services.memory.forget)."""
        return (self.cleaned, self.named)


def _normalize(
    line: int,
    values: dict[Field, str],
    default_region: str | None,
    clean_repeated: Callable[[str | None], str],
    names: Callable[[dict[Field, str]], tuple[str, str | None, str | None]] = _names,
    changed: list[ChangedValue] | None = None,
) -> Values | Skipped:
    """normalize, with `clean_repeated` (clean, or one that remembers) for the values that
    repeat across rows, and `names` (_names, or one that remembers) for the name fields.
    The values of a row it keeps otherwise than expected go to `changed`, when given."""
    get = values.get
    status = clean_repeated(get(Field.STATUS))
    full_name, given, family = names(values)
    email_text = clean(get(Field.EMAIL))
    if len(email_text) <= 4 and is_word(email_text):  # "N/A" is never an email, phone or link
        email_text = ""
    email, email_notes = _emails(email_text)
    if status and _not_coming(status):
        return Withdrawn(line, f"status is “{status}”", full_name, email)
    if len(full_name) > MAX_NAME_CHARS:
        return Skipped(
            line,
            f"the name is {len(full_name):,} characters long (a name has at most "
            f"{MAX_NAME_CHARS}): not a person",
        )
    if not full_name and email is None:
        reason = NO_NAME_OR_EMAIL
        if email_text:
            reason += f" (“{email_text}” is not an email address)"
        return Skipped(line, reason)

    notes = clean_notes(get(Field.NOTES))
    if email_notes:
        present = set(notes.split("\n")) if notes else set()
        added = [note for note in email_notes if note not in present]
        notes = "\n".join([notes, *added] if notes else added)

    phone_text = clean(get(Field.PHONE))
    if len(phone_text) <= 4 and is_word(phone_text):
        phone_text = ""
    linkedin_text = clean(get(Field.LINKEDIN_URL))
    if len(linkedin_text) <= 4 and is_word(linkedin_text):
        linkedin_text = ""
    company = clean_repeated(get(Field.COMPANY))
    title = clean_repeated(get(Field.TITLE))
    if len(company) + len(title) + len(phone_text) + len(linkedin_text) > MAX_DETAIL_CHARS:
        for what, text in (
            ("company", company),
            ("job title", title),
            ("phone number", phone_text),
            ("LinkedIn profile", linkedin_text),
        ):
            if len(text) > MAX_DETAIL_CHARS:
                return Skipped(
                    line,
                    f"the {what} is {len(text):,} characters long (at most "
                    f"{MAX_DETAIL_CHARS}): not a person",
                )
    phone_value = phone(phone_text, default_region)
    linkedin_value = linkedin_url(linkedin_text)
    if changed is not None and (
        email_notes
        or (phone_text and phone_value == phone_text)
        or (
            linkedin_text
            and linkedin_value == linkedin_text
            and not linkedin_value.startswith("https://www.linkedin.com/")
        )
    ):
        changed.extend(
            _changes(
                line, email_text, email, email_notes, phone_text, linkedin_text, default_region
            )
        )
    return (
        line,
        full_name or email or "",
        given,
        family,
        email,
        company or None,
        title or None,
        phone_value or None,
        linkedin_value or None,
        notes,
        role(clean_repeated(get(Field.ROLE)))._value_,
    )


NOT_AN_EMAIL = "is not an email address: imported without an email, the text kept in the notes"
MORE_EMAILS = "holds several addresses: the first is the email, the others are in the notes"
NOT_LINKEDIN = "is not a LinkedIn link: kept as typed"


def _changes(
    line: int,
    email_text: str,
    email: str | None,
    email_notes: list[str],
    phone_text: str,
    linkedin_text: str,
    default_region: str | None,
) -> Iterator[ChangedValue]:
    """The values of an imported row the user would not expect to be kept as they are; see
    ChangedValue. Called only for a row where one may be (rarely)."""
    if email_text and email is None:
        yield ChangedValue(line, Field.EMAIL, email_text, NOT_AN_EMAIL)
    elif email_notes:
        yield ChangedValue(line, Field.EMAIL, email_text, MORE_EMAILS)
    why = phone_problem(phone_text, default_region)
    if why is not None:
        yield ChangedValue(line, Field.PHONE, phone_text, why)
    if linkedin_text and not _is_linkedin(linkedin_text):
        yield ChangedValue(line, Field.LINKEDIN_URL, linkedin_text, NOT_LINKEDIN)


def _is_linkedin(text: str) -> bool:
    """Whether `linkedin_url` made a LinkedIn link of `text` (it keeps anything else as typed;
    a short link such as lnkd.in/x is a LinkedIn link too)."""
    url = linkedin_url(text)
    return url.startswith("https://www.linkedin.com/") or "lnkd.in/" in url.casefold()
