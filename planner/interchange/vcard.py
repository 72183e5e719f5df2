"""vCard files (.vcf) as attendee tables: one row per contact, one column per planner field.

The headers are `HEADERS`, the values of `FIELDS` in that order, so a vCard table maps onto
the fields one to one. Each row's `line` is the line of its BEGIN:VCARD. Read per contact:

- full name from FN; given and family name from N (further given names and the honorific
  parts of N are left out); company from the first part of ORG ("Acme;Sales" is "Acme");
  title from TITLE; notes from NOTE;
- email and phone: the one marked preferred (TYPE=pref in vCard 2.1 and 3.0, the lowest
  PREF=n in 4.0), else for a phone the mobile one (TYPE=cell), else the first. A 4.0 "tel:"
  URI loses its scheme; the number is kept as typed;
- LinkedIn: from a URL that points at linkedin.com or carries an X-ABLabel saying LinkedIn
  (Apple and Google group the two as item1.URL and item1.X-ABLabel), vCard 4's
  SOCIALPROFILE with SERVICE-TYPE=LinkedIn (RFC 9554; a VALUE=text one holds the user
  name) and Apple's X-SOCIALPROFILE of type linkedin (its X-USER names the user when the
  value is no link). A personal profile (linkedin.com/in/...) wins over a company page or
  any other LinkedIn link, whichever comes first in the card; else the first of these.

vCard 2.1 (quoted-printable, CHARSET), 3.0 (Apple, iCloud, Google Contacts) and 4.0 are read
by vobject, one contact at a time, so that one damaged contact does not cost the others; its
PHOTO, LOGO, SOUND and KEY are dropped unread. A line vobject cannot parse is left out of its
contact, and named in `Table.unread` (and so in the import's report) by its line. A contact
cut short by the end of the file is read as far as it goes.

A contact with no name (FN or N) and no email cannot become a person: it gets a row whose
cells are all empty, so that the import reports it, by line, as skipped. A file in which no
contact has a name or an email raises FileProblem, and so does text that holds no vCard.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable
from typing import Any

from planner.domain.importing import (
    Field,
    FileProblem,
    Skipped,
    SourceRow,
    Table,
    TableKind,
)

__all__ = ["FIELDS", "HEADERS", "read_vcards"]

FIELDS = (
    Field.FULL_NAME,
    Field.GIVEN_NAME,
    Field.FAMILY_NAME,
    Field.EMAIL,
    Field.COMPANY,
    Field.TITLE,
    Field.PHONE,
    Field.LINKEDIN_URL,
    Field.NOTES,
)
HEADERS = tuple(field.value for field in FIELDS)

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_DROPPED = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
_URL_ESCAPE = re.compile(r"\\([\\;,:])")
_SHOWN = 60  # characters of an unreadable line quoted in its message
_PROFILE = re.compile(r"linkedin\.com/in/[^/?#\s]", re.IGNORECASE)
_PROFILE_NAME = re.compile(r"[\w%-]{1,100}")


def read_vcards(text: str, source: str, watch: Callable[[int, int], None] | None = None) -> Table:
    """The contacts in `text` (a whole .vcf file) as a table; see the module docstring.
    `watch(done, total)` hears how many contacts are read every 200 (vobject reads about
    4,000 a second); it may stop the read by raising."""
    cards = _split(text)
    if not cards:
        raise FileProblem(source, "does not look like a vCard file: it has no BEGIN:VCARD")
    empty = ("",) * len(FIELDS)
    rows: list[SourceRow] = []
    unread: list[Skipped] = []
    for index, (line, card, left_out) in enumerate(cards, 1):
        if index % 200 == 0 and watch is not None:
            watch(index, len(cards))
        unread.extend(left_out)
        values = _values(card)
        usable = any(values.get(field) for field in (*FIELDS[:3], Field.EMAIL))
        cells = tuple(values.get(field, "") for field in FIELDS) if usable else empty
        rows.append(SourceRow(line, cells))
    if all(row.cells == empty for row in rows):
        raise FileProblem(source, "has no contact with a name or an email address", cards[0][0])
    return Table(
        source=source, kind=TableKind.VCARD, headers=HEADERS, rows=tuple(rows), unread=tuple(unread)
    )


def _split(text: str) -> list[tuple[int, str, list[Skipped]]]:
    """Each top-level BEGIN:VCARD ... END:VCARD with the line it starts on, without the
    properties in `_DROPPED` (their folded lines included), and without the lines vobject
    cannot read, which come third."""
    cards: list[tuple[int, str, list[Skipped]]] = []
    depth = 0
    start = 0
    lines: list[tuple[int, str]] = []
    dropping = False
    for number, raw in enumerate(_LINE_BREAK.split(text), start=1):
        line = raw.removeprefix("\ufeff") if number == 1 else raw
        # A folded line's continuation starts with a space or tab; between cards there is
        # nothing to continue, so an indented BEGIN:VCARD there still begins a card.
        continued = depth > 0 and line[:1] in (" ", "\t")
        if dropping and (continued or (line.strip() and ":" not in line)):
            continue
        dropping = False
        word = line.strip().upper()
        if not continued and word == "BEGIN:VCARD":
            if depth == 0:
                start, lines = number, []
            depth += 1
            line = word
        if depth == 0:
            continue
        if not continued and _name(line) in _DROPPED:
            dropping = True
            continue
        if line.strip():
            lines.append((number, line))
        if not continued and word == "END:VCARD":
            depth -= 1
            if depth == 0:
                cards.append((start, *_readable(start, lines)))
    if depth:
        lines.extend((0, "END:VCARD") for _ in range(depth))
        cards.append((start, *_readable(start, lines)))
    return cards


def _readable(start: int, lines: list[tuple[int, str]]) -> tuple[str, list[Skipped]]:
    """The text of the card whose (number, line)s are `lines`, less the properties vobject
    cannot parse; those are given back as Skipped, by the line they start on. (vobject
    would leave them out too, but only say so in its log.)"""
    from vobject.base import ParseError, parseLine  # type: ignore[import-untyped]

    properties: list[list[tuple[int, str]]] = []
    for number, line in lines:
        if properties and (line[:1] in (" ", "\t") or _soft_break(properties[-1])):
            properties[-1].append((number, line))
        else:
            properties.append([(number, line)])
    kept: list[str] = []
    unread: list[Skipped] = []
    for property_lines in properties:
        (first, text), *rest = property_lines
        logical = text + "".join(line[1:] if line[:1] in (" ", "\t") else line for _, line in rest)
        try:
            parseLine(logical)
        except ParseError:
            shown = logical if len(logical) <= _SHOWN else logical[: _SHOWN - 1] + "…"
            reason = f"could not be read, left out of the contact at line {start}: “{shown}”"
            unread.append(Skipped(first, reason))
            continue
        kept.extend(line for _, line in property_lines)
    return "\r\n".join(kept) + "\r\n", unread


def _soft_break(property_lines: list[tuple[int, str]]) -> bool:
    """Whether a quoted-printable value (vCard 2.1) goes on to the next line, by vobject's
    rule (`allowQP`): the property so far ends with "=" and says quoted-printable."""
    return property_lines[-1][1].endswith("=") and any(
        "quoted-printable" in line.lower() for _, line in property_lines
    )


def _name(line: str) -> str:
    """The property name of a content line, without its group: item1.EMAIL;x=y:v is EMAIL."""
    name = re.split(r"[;:]", line, maxsplit=1)[0]
    return name.rsplit(".", 1)[-1].strip().upper()


def _values(card: str) -> dict[Field, str]:
    import vobject  # type: ignore[import-untyped]  # kept off the start-up path

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            component = vobject.readOne(card, ignoreUnreadable=True, allowQP=True)
    except Exception:  # vobject raises many types for a damaged card
        return {}
    contents: dict[str, list[Any]] = component.contents
    values: dict[Field, str] = {}
    full = _first_text(contents.get("fn", ()))
    if full:
        values[Field.FULL_NAME] = full
    for line in contents.get("n", ())[:1]:
        name = line.value
        if isinstance(name, str):
            parts = [*name.split(";"), "", ""]
            family, given = parts[0], parts[1]
        else:
            family, given = _join(getattr(name, "family", "")), _join(getattr(name, "given", ""))
        if given.strip():
            values[Field.GIVEN_NAME] = given.strip()
        if family.strip():
            values[Field.FAMILY_NAME] = family.strip()
    email = _preferred(contents.get("email", ()), favourite=None)
    if email:
        values[Field.EMAIL] = re.sub(r"(?i)^mailto:", "", email).strip()
    phone = _preferred(contents.get("tel", ()), favourite="cell")
    if phone:
        values[Field.PHONE] = re.sub(r"(?i)^tel:", "", phone).strip()
    for line in contents.get("org", ())[:1]:
        organisation = line.value
        first = organisation[0] if isinstance(organisation, list) and organisation else organisation
        if isinstance(first, str) and first.strip():
            values[Field.COMPANY] = first.strip()
    for field, key in ((Field.TITLE, "title"), (Field.NOTES, "note")):
        text = _first_text(contents.get(key, ()))
        if text:
            values[field] = text
    linkedin = _linkedin(contents)
    if linkedin:
        values[Field.LINKEDIN_URL] = linkedin
    return values


def _first_text(lines: Iterable[Any]) -> str:
    for line in lines:
        if isinstance(line.value, str) and line.value.strip():
            return str(line.value).strip()
    return ""


def _join(part: object) -> str:
    if isinstance(part, list):
        return " ".join(str(item) for item in part if str(item).strip())
    return str(part)


def _types(line: Any) -> set[str]:
    """TYPE values and vCard 2.1's bare parameters, lower case: {"internet", "pref", "cell"}."""
    found = {str(word).lower() for word in getattr(line, "singletonparams", ())}
    for value in line.params.get("TYPE", ()):
        found.update(part.strip().strip('"').lower() for part in str(value).split(","))
    return found


def _preferred(lines: Iterable[Any], favourite: str | None) -> str:
    """The value of the preferred line; see the module docstring."""
    ranked: list[tuple[int, int, int, int, str]] = []
    for index, line in enumerate(lines):
        value = line.value
        if not isinstance(value, str) or not value.strip():
            continue
        types = _types(line)
        pref_values = [str(v) for v in line.params.get("PREF", ())]
        order = min((int(v) for v in pref_values if v.strip().isdigit()), default=100)
        preferred = "pref" in types or bool(pref_values)
        ranked.append(
            (0 if preferred else 1, order, 0 if favourite in types else 1, index, value.strip())
        )
    return min(ranked)[-1] if ranked else ""


def _linkedin(contents: dict[str, list[Any]]) -> str:
    """The LinkedIn profile among the card's links; see the module docstring."""
    labels = {
        line.group.lower(): str(line.value).lower()
        for line in contents.get("x-ablabel", ())
        if line.group and isinstance(line.value, str)
    }
    found: list[str] = []
    for line in contents.get("url", ()):
        value = _URL_ESCAPE.sub(r"\1", str(line.value)).strip()
        label = labels.get((line.group or "").lower(), "")
        if value and ("linkedin." in value.lower() or "linkedin" in label):
            found.append(value)
    for line in (*contents.get("socialprofile", ()), *contents.get("x-socialprofile", ())):
        value = _URL_ESCAPE.sub(r"\1", str(line.value)).strip()
        service = {str(v).strip().strip('"').lower() for v in line.params.get("SERVICE-TYPE", ())}
        if "linkedin." in value.lower():
            found.append(value)
        elif "linkedin" in service | _types(line):
            user = [str(v) for v in line.params.get("X-USER", ()) if str(v).strip()]
            if value.lower().startswith(("http://", "https://")):
                found.append(value)
            elif user:
                found.append(f"https://www.linkedin.com/in/{user[0].strip()}")
            elif value and _PROFILE_NAME.fullmatch(value):  # RFC 9554 VALUE=text: the user name
                found.append(f"https://www.linkedin.com/in/{value}")
    return next((value for value in found if _PROFILE.search(value)), found[0] if found else "")
