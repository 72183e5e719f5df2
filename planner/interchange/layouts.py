"""Which column holds which field: known export layouts, a guess for any other table, and the
rows turned into candidates.

A layout is recognised by its headers, compared case-folded with runs of whitespace as one
space; it matches when all its required headers are there (and, for some, one of a few
telling ones, and none that would make it another layout). When several match, the one with
the most required headers wins. The layouts, with the headers they map:

Eventbrite attendee report (``eventbrite``): the summary report of today. Required: Order #,
    Order Date, First Name, Last Name, Email, Ticket Type. First Name, Last Name, Email,
    Company, Job Title; phone from Cell Phone, else Work Phone, else Home Phone; role from
    Ticket Type ("Speaker", "Sponsor", "General Admission"); status from Attendee Status.
Eventbrite attendee report, older layout (``eventbrite-classic``): every field quoted, the
    family name headed Surname. Required: Order #, First Name, Surname, Email, Ticket Type;
    mapped as above.
LinkedIn connections (``linkedin-connections``): Connections.csv, after its "Notes:"
    paragraph. Required: First Name, Last Name, Company, Position, Connected On. Email Address,
    Company, Position as title, URL as LinkedIn.
Luma guest list (``luma-api-id``, and ``luma-guest-id`` for the newer export): required api_id
    (or guest_id), name, email, approval_status. name, first_name, last_name, email,
    phone_number; status from approval_status (approved, declined, waitlist,
    pending_approval, invited); role from ticket_name.
Meetup attendee list (``meetup-attendees``): the tab-separated text Meetup names .xls.
    Required: Name, User ID, RSVP. Name, status from RSVP (Yes, No, Waitlist), role from
    Title (the member's title in the group, "Organizer" or "Event Host").
Meetup member list (``meetup-members``): required Name, User ID, Member ID, URL of Member
    Profile, and no RSVP. Name; role from Title.
Google Contacts (``google-contacts``): Google CSV of today. Required First Name, Last Name and
    one of E-mail 1 - Value, Phone 1 - Value, Organization Name, File As, Labels. First Name,
    Last Name, Organization Name, Organization Title, Notes; email from E-mail 1..5 - Value,
    phone from Phone 1..5 - Value, the first filled; a Website n - Value pointing at LinkedIn.
Google Contacts, older layout (``google-contacts-legacy``): required Name, Given Name, Family
    Name and one of E-mail 1 - Value, Phone 1 - Value, Organization 1 - Name, Group
    Membership. Name, Given Name, Family Name, Organization 1 - Name, Organization 1 - Title,
    Notes; email, phone and LinkedIn as above.
Outlook contacts (``outlook``): Outlook for Windows, about 90 quoted columns. Required First
    Name, Last Name, E-mail Address, E-mail Display Name. Company, Job Title (else
    Profession), Notes; email from E-mail Address, else E-mail 2 or 3 Address; phone from
    Mobile Phone, else Business Phone, Primary Phone, Business Phone 2, Home Phone, Other
    Phone, Company Main Phone; LinkedIn from Web Page or Personal Web Page when it points
    there. Its "Title" is the honorific (Dr., Ms.) and is not read.
Outlook.com contacts (``outlook-com``): required First Name, Last Name, E-mail Address, Given
    Yomi, Surname Yomi; mapped as Outlook's.
Whova attendee export (``whova``): required Title, Affiliation, Email and Name or First Name.
    Name, First Name, Last Name, Email, Affiliation as company, Title, Phone, LinkedIn; role
    from Ticket or Attendee Type.
Zoom webinar registration report (``zoom-registrants``): after its report summary. Required
    First Name, Last Name, Email, Registration Time, Approval Status. Phone, Organization, Job
    Title, status from Approval Status, notes from Questions & Comments.
GoTo Webinar registrants (``goto-webinar``): required First Name, Last Name, Email Address,
    Registration Date. Organization, Job Title, Phone, status from Status or Attended. This
    layout was written from the product's documentation, not checked against an export.
vCard contacts (``vcard``): a table read from a .vcf; its headers are the fields.

For Eventbrite, Luma, Meetup, Whova, Zoom and GoTo, whose exports end with the organiser's own
registration questions, a question column that names a company, a job title or LinkedIn fills
that field when the layout itself has no column for it ("What company do you work for?").

Without a layout, `guess_mapping` reads the header words, in English, Spanish, Portuguese,
French, German, Italian, Dutch, Japanese, Chinese, Korean, Arabic, Hebrew and Russian. Each
field goes to at most one column and each column to at most one field, best match first. A
bare "Name" (Nombre, Nom, Nome, Naam) is the full name, unless the table has a first-name
column and no last-name one (German "Name, Vorname", French "Nom, Prénom": it is the family
name) or the other way round (Spanish "Nombre, Apellidos": it is the given name).

When no header names the email or LinkedIn column (a file without a header has "Column 1",
"Column 2"...), a column at least 80% of whose first 50 values are email addresses, or
LinkedIn links, is taken for it.

`apply_mapping` yields one `Candidate` per row, with the stripped, non-empty values only. When
a recognised layout's column still holds the field the layout gave it, its fallbacks apply:
the first of the layout's columns for that field with something in it wins (and for an email,
the first that has an @), Google's " ::: " multi-value cells give their first value (an email
cell gives them all, "a; b", for the notes to keep the others), and a full
name column is dropped for rows that give both given and family name. In a column of names,
companies, job titles or notes that writes "NULL", "None" or "N/A" for nothing (enough of its
cells do: planner.interchange.placeholders), that word is read as an empty cell. The
`Mapping` itself stays one column per field, as the user sees and edits it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from planner.domain.importing import (
    Candidate,
    Field,
    Layout,
    Mapping,
    Table,
    TableKind,
)

__all__ = [
    "KNOWN_LAYOUTS",
    "RowPlan",
    "apply_mapping",
    "guess_mapping",
    "map_rows",
    "recognise",
    "row_plan",
]

# --- the known layouts -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Spec:
    key: str
    name: str
    required: frozenset[str]
    fields: tuple[tuple[Field, tuple[str, ...]], ...]
    """Each field with the headers that can fill it, best first."""
    any_of: frozenset[str] = frozenset()
    absent: frozenset[str] = frozenset()
    questions: bool = False
    """The export ends with the organiser's own questions; see the module docstring."""
    multi_value: bool = False
    """Cells may hold several values separated by " ::: " (Google)."""
    websites: tuple[str, ...] = ()
    """Columns that give LinkedIn when their value points at linkedin.com."""

    def headers(self) -> frozenset[str]:
        named = {header for _, headers in self.fields for header in headers}
        return self.required | self.any_of | named | set(self.websites)


def _spec(
    key: str,
    name: str,
    required: str,
    fields: dict[Field, str],
    **options: object,
) -> _Spec:
    """A layout from "|"-separated header lists (headers themselves hold commas)."""
    return _Spec(
        key=key,
        name=name,
        required=frozenset(required.split("|")),
        fields=tuple((field, tuple(headers.split("|"))) for field, headers in fields.items()),
        **options,  # type: ignore[arg-type]
    )


def _numbered(template: str, count: int = 5) -> str:
    return "|".join(template.format(n) for n in range(1, count + 1))


_EVENTBRITE_FIELDS = {
    Field.GIVEN_NAME: "first name",
    Field.EMAIL: "email",
    Field.COMPANY: "company",
    Field.TITLE: "job title",
    Field.PHONE: "cell phone|work phone|home phone",
    Field.ROLE: "ticket type",
    Field.STATUS: "attendee status|order status",
}
_OUTLOOK_FIELDS = {
    Field.GIVEN_NAME: "first name",
    Field.FAMILY_NAME: "last name",
    Field.EMAIL: "e-mail address|e-mail 2 address|e-mail 3 address",
    Field.COMPANY: "company",
    Field.TITLE: "job title|profession",
    Field.PHONE: "mobile phone|business phone|primary phone|business phone 2|home phone"
    "|other phone|company main phone",
    Field.NOTES: "notes",
}
_LUMA_FIELDS = {
    Field.FULL_NAME: "name",
    Field.GIVEN_NAME: "first_name",
    Field.FAMILY_NAME: "last_name",
    Field.EMAIL: "email",
    Field.PHONE: "phone_number",
    Field.ROLE: "ticket_name",
    Field.STATUS: "approval_status",
}
_GOOGLE_WEBSITES = tuple(_numbered("website {} - value").split("|"))

_SPECS: tuple[_Spec, ...] = (
    _spec(
        "eventbrite",
        "Eventbrite attendee report",
        "order #|order date|first name|last name|email|ticket type",
        {**_EVENTBRITE_FIELDS, Field.FAMILY_NAME: "last name"},
        questions=True,
        websites=("website",),
    ),
    _spec(
        "eventbrite-classic",
        "Eventbrite attendee report (older layout)",
        "order #|first name|surname|email|ticket type",
        {**_EVENTBRITE_FIELDS, Field.FAMILY_NAME: "surname"},
        questions=True,
        websites=("website",),
    ),
    _spec(
        "linkedin-connections",
        "LinkedIn connections",
        "first name|last name|company|position|connected on",
        {
            Field.GIVEN_NAME: "first name",
            Field.FAMILY_NAME: "last name",
            Field.EMAIL: "email address",
            Field.COMPANY: "company",
            Field.TITLE: "position",
            Field.LINKEDIN_URL: "url",
        },
    ),
    _spec(
        "luma-api-id",
        "Luma guest list",
        "api_id|name|email|approval_status",
        _LUMA_FIELDS,
        questions=True,
    ),
    _spec(
        "luma-guest-id",
        "Luma guest list",
        "guest_id|name|email|approval_status",
        _LUMA_FIELDS,
        questions=True,
    ),
    _spec(
        "meetup-attendees",
        "Meetup attendee list",
        "name|user id|rsvp",
        {Field.FULL_NAME: "name", Field.ROLE: "title", Field.STATUS: "rsvp"},
        questions=True,
    ),
    _spec(
        "meetup-members",
        "Meetup member list",
        "name|user id|member id|url of member profile",
        {Field.FULL_NAME: "name", Field.ROLE: "title"},
        absent=frozenset({"rsvp"}),
        questions=True,
    ),
    _spec(
        "google-contacts",
        "Google Contacts",
        "first name|last name",
        {
            Field.GIVEN_NAME: "first name",
            Field.FAMILY_NAME: "last name",
            Field.EMAIL: _numbered("e-mail {} - value"),
            Field.COMPANY: "organization name",
            Field.TITLE: "organization title",
            Field.PHONE: _numbered("phone {} - value"),
            Field.NOTES: "notes",
        },
        any_of=frozenset(
            {"e-mail 1 - value", "phone 1 - value", "organization name", "file as", "labels"}
        ),
        multi_value=True,
        websites=_GOOGLE_WEBSITES,
    ),
    _spec(
        "google-contacts-legacy",
        "Google Contacts (older layout)",
        "name|given name|family name",
        {
            Field.FULL_NAME: "name",
            Field.GIVEN_NAME: "given name",
            Field.FAMILY_NAME: "family name",
            Field.EMAIL: _numbered("e-mail {} - value"),
            Field.COMPANY: "organization 1 - name",
            Field.TITLE: "organization 1 - title",
            Field.PHONE: _numbered("phone {} - value"),
            Field.NOTES: "notes",
        },
        any_of=frozenset(
            {"e-mail 1 - value", "phone 1 - value", "organization 1 - name", "group membership"}
        ),
        multi_value=True,
        websites=_GOOGLE_WEBSITES,
    ),
    _spec(
        "outlook",
        "Outlook contacts",
        "first name|last name|e-mail address|e-mail display name",
        _OUTLOOK_FIELDS,
        websites=("web page", "personal web page"),
    ),
    _spec(
        "outlook-com",
        "Outlook.com contacts",
        "first name|last name|e-mail address|given yomi|surname yomi",
        _OUTLOOK_FIELDS,
        websites=("web page", "personal web page"),
    ),
    _spec(
        "whova",
        "Whova attendee export",
        "title|affiliation|email",
        {
            Field.FULL_NAME: "name",
            Field.GIVEN_NAME: "first name",
            Field.FAMILY_NAME: "last name",
            Field.EMAIL: "email",
            Field.COMPANY: "affiliation",
            Field.TITLE: "title",
            Field.PHONE: "phone",
            Field.LINKEDIN_URL: "linkedin",
            Field.ROLE: "ticket|attendee type",
        },
        any_of=frozenset({"name", "first name"}),
        questions=True,
    ),
    _spec(
        "zoom-registrants",
        "Zoom webinar registration report",
        "first name|last name|email|registration time|approval status",
        {
            Field.GIVEN_NAME: "first name",
            Field.FAMILY_NAME: "last name",
            Field.EMAIL: "email",
            Field.COMPANY: "organization",
            Field.TITLE: "job title",
            Field.PHONE: "phone",
            Field.STATUS: "approval status",
            Field.NOTES: "questions & comments",
        },
        questions=True,
    ),
    _spec(
        "goto-webinar",
        "GoTo Webinar registrants",
        "first name|last name|email address|registration date",
        {
            Field.GIVEN_NAME: "first name",
            Field.FAMILY_NAME: "last name",
            Field.EMAIL: "email address",
            Field.COMPANY: "organization|company",
            Field.TITLE: "job title",
            Field.PHONE: "phone|phone number",
            Field.STATUS: "status|attended",
        },
        questions=True,
    ),
)
_BY_KEY = {spec.key: spec for spec in _SPECS}
VCARD_LAYOUT_KEY = "vcard"
KNOWN_LAYOUTS: dict[str, str] = {
    **{spec.key: spec.name for spec in _SPECS},
    VCARD_LAYOUT_KEY: "vCard contacts",
}
"""Every layout's key and the name the user reads."""

_QUESTION_FIELDS = (Field.COMPANY, Field.TITLE, Field.LINKEDIN_URL)
_QUESTION_SCORE = 70


def recognise(table: Table) -> Layout | None:
    """The known layout `table` is in, with its mapping for this table's columns, or None."""
    if table.kind is TableKind.VCARD:
        values = {field.value for field in Field}
        identity = {
            column: Field(header) for column, header in enumerate(table.headers) if header in values
        }
        return Layout(VCARD_LAYOUT_KEY, KNOWN_LAYOUTS[VCARD_LAYOUT_KEY], identity)
    spec = _matching_spec(table.headers)
    if spec is None:
        return None
    index = _header_index(table.headers)
    mapping: Mapping = {}
    for field, headers in spec.fields:
        columns = [index[header] for header in headers if header in index]
        if columns:
            mapping[columns[0]] = field
    if spec.questions:
        known = spec.headers()
        free = [
            column
            for column, header in enumerate(table.headers)
            if column not in mapping and _layout_key(header) not in known
        ]
        wanted = [field for field in _QUESTION_FIELDS if field not in mapping.values()]
        mapping.update(_assign(table.headers, free, wanted, minimum=_QUESTION_SCORE))
    return Layout(spec.key, spec.name, dict(sorted(mapping.items())))


def guess_mapping(table: Table) -> tuple[Layout | None, Mapping]:
    """The recognised layout and a copy of its mapping, else None and a guess from the headers."""
    layout = recognise(table)
    if layout is not None:
        return layout, dict(layout.mapping)
    mapping = _guess(table.headers)
    for field, pattern in _VALUE_PATTERNS.items():
        if field not in mapping.values():
            column = _column_of_values(table, pattern, exclude=mapping.keys())
            if column is not None:
                mapping[column] = field
    return None, dict(sorted(mapping.items()))


def apply_mapping(table: Table, mapping: Mapping) -> Iterator[Candidate]:
    """One candidate per row, in file order; see the module docstring.

    Columns not in `mapping` are read only as a recognised layout's fallbacks. A field mapped
    from several columns takes the first one, in the mapping's order, with a value.
    """
    rows = ((row.line, row.cells) for row in table.rows)
    for line, values in map_rows(row_plan(table, mapping), rows):
        yield Candidate(line, values)


@dataclass(frozen=True, slots=True)
class RowPlan:
    """Where each field of a row comes from, for `map_rows`: worked out once per file from its
    headers and the mapping, and small enough to hand to another process."""

    # A field read from one plain column (the usual case) is taken straight from its cell:
    # (field, column, None); any other goes through _first_value: (field, -1, sources).
    steps: tuple[tuple[Field, int, tuple[_Source, ...] | None], ...]
    drop_full_name: bool
    conventions: tuple[tuple[int, Field, str, int], ...] = ()
    """(column, field, word, cells): the words a column uses for nothing, read as missing
    there (planner.interchange.placeholders)."""


# Fields where "None" or "Null" can be a value, unless the column uses it for nothing.
_WORDY_FIELDS = frozenset(
    {Field.FULL_NAME, Field.GIVEN_NAME, Field.FAMILY_NAME, Field.COMPANY, Field.TITLE, Field.NOTES}
)


def row_plan(table: Table, mapping: Mapping) -> RowPlan:
    from planner.interchange.placeholders import column_conventions

    plan, drop_full_name = _plan(table, mapping)
    wordy = {s.column: field for field, sources in plan if field in _WORDY_FIELDS for s in sources}
    found = column_conventions(table.rows, wordy)
    if found:
        plan = [
            (field, [replace(s, missing=frozenset(found.get(s.column, ()))) for s in sources])
            for field, sources in plan
        ]
    return RowPlan(
        tuple(
            (field, sources[0].column, None)
            if len(sources) == 1
            and not sources[0].split
            and not sources[0].linkedin_only
            and not sources[0].missing
            else (field, -1, tuple(sources))
            for field, sources in plan
        ),
        drop_full_name,
        tuple(
            (column, wordy[column], word, count)
            for column, words in found.items()
            for word, count in words.items()
        ),
    )


def map_rows(
    plan: RowPlan, rows: Iterable[tuple[int, Sequence[str]]]
) -> Iterator[tuple[int, dict[Field, str]]]:
    """`apply_mapping` for some rows, as (line, cells), of the table `plan` was made for:
    each candidate as (line, values)."""
    steps = plan.steps
    drop_full_name = plan.drop_full_name
    invisible = _INVISIBLE
    for line, cells in rows:
        width = len(cells)
        values: dict[Field, str] = {}
        for field, column, sources in steps:
            if sources is None:
                if column >= width:
                    continue
                value = cells[column].strip()
                if value and (value[0] in invisible or value[-1] in invisible):
                    value = _strip(value)
            else:
                value = _first_value(cells, sources, field)
            if value:
                values[field] = value
        if drop_full_name and Field.GIVEN_NAME in values and Field.FAMILY_NAME in values:
            values.pop(Field.FULL_NAME, None)
        yield line, values


# Values that say what a column holds when its header does not ("Column 2", "Contact").
_VALUE_PATTERNS = {
    Field.EMAIL: re.compile(r"[^@\s]+@[^@\s]+\.\w+"),
    Field.LINKEDIN_URL: re.compile(r"(?:https?://)?(?:[\w-]+\.)?linkedin\.com/\S*", re.IGNORECASE),
}


def _column_of_values(table: Table, pattern: re.Pattern[str], exclude: Iterable[int]) -> int | None:
    """The first column (not excluded) most of whose first 50 filled values match `pattern`."""
    excluded = set(exclude)
    for column in range(len(table.headers)):
        if column in excluded:
            continue
        values = [v for row in table.rows[:50] if (v := _strip(row.cells[column]))]
        if values and sum(1 for v in values if pattern.fullmatch(v)) * 10 >= len(values) * 8:
            return column
    return None


# --- applying a mapping ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Source:
    column: int
    split: bool = False  # take the first of Google's " ::: "-separated values
    linkedin_only: bool = False  # a website column: only a LinkedIn link counts
    missing: frozenset[str] = frozenset()  # words that mean nothing here, case-folded


def _plan(table: Table, mapping: Mapping) -> tuple[list[tuple[Field, list[_Source]]], bool]:
    """Where each field's value comes from, best first, and whether the name rule applies."""
    width = len(table.headers)
    plan: dict[Field, list[_Source]] = {}
    for column, field in mapping.items():
        if 0 <= column < width:
            plan.setdefault(Field(field), []).append(_Source(column))
    layout = recognise(table)
    spec = _BY_KEY.get(layout.key) if layout is not None else None
    if layout is None or spec is None:
        return list(plan.items()), False
    ours = {field: column for column, field in layout.mapping.items()}
    index = _header_index(table.headers)
    taken = set(mapping)

    def still_ours(field: Field) -> bool:
        sources = plan.get(field)
        return sources is not None and sources[0].column == ours.get(field)

    kept: set[Field] = set()
    for field, headers in spec.fields:
        if not still_ours(field):
            continue  # the user gave this field another column: theirs alone counts
        kept.add(field)
        sources = plan[field]
        listed = {source.column for source in sources}
        columns = [index[header] for header in headers if header in index]
        sources.extend(_Source(column) for column in columns if column not in taken | listed)
        if spec.multi_value and field in (Field.EMAIL, Field.PHONE):
            plan[field] = [_Source(source.column, split=True) for source in sources]
    websites = [index[h] for h in spec.websites if h in index and index[h] not in taken]
    if websites and (Field.LINKEDIN_URL not in plan or still_ours(Field.LINKEDIN_URL)):
        plan.setdefault(Field.LINKEDIN_URL, []).extend(
            _Source(column, linkedin_only=True) for column in websites
        )
    names = {Field.FULL_NAME, Field.GIVEN_NAME, Field.FAMILY_NAME}
    return list(plan.items()), names <= kept


def _first_value(cells: Sequence[str], sources: Sequence[_Source], field: Field) -> str:
    found = ""
    for source in sources:
        value = _strip(cells[source.column]) if source.column < len(cells) else ""
        if value and source.split:
            parts = [_strip(part) for part in value.split(":::")]
            # An email cell gives every address: the notes keep those after the first.
            value = "; ".join(filter(None, parts)) if field is Field.EMAIL else parts[0]
        if value and source.linkedin_only and "linkedin." not in value.casefold():
            value = ""
        if value and source.missing and value.casefold() in source.missing:
            value = ""
        if not value:
            continue
        if field is not Field.EMAIL or "@" in value:
            return value
        found = found or value  # an email without an @: kept only if no column has better
    return found


_INVISIBLE = "\ufeff\u200b"  # stripped from cells along with whitespace


def _strip(value: str) -> str:
    return value.strip().strip(_INVISIBLE).strip()


def _matching_spec(headers: Sequence[str]) -> _Spec | None:
    present = set(_header_index(headers))
    best: _Spec | None = None
    for spec in _SPECS:
        if not spec.required <= present or spec.absent & present:
            continue
        if spec.any_of and not spec.any_of & present:
            continue
        if best is None or len(spec.required) > len(best.required):
            best = spec
    return best


def _layout_key(header: str) -> str:
    return " ".join(header.casefold().split())


def _header_index(headers: Sequence[str]) -> dict[str, int]:
    """Each header, as layouts name it, with its first column."""
    index: dict[str, int] = {}
    for column, header in enumerate(headers):
        index.setdefault(_layout_key(header), column)
    return index


# --- guessing from header words ----------------------------------------------------------------


# Words written in camel case that are one word: "LinkedIn" is not "Linked In".
_BRANDS = re.compile(r"linked\s*in|whats\s*app|you\s*tube|git\s*hub", re.IGNORECASE)


def _norm(text: str) -> str:
    """Lower case, accents and punctuation gone, camelCase split: "E-Mail-Adresse" is
    "e mail adresse", "firstName" is "first name", "Prénom" is "prenom"."""
    text = _BRANDS.sub(lambda match: re.sub(r"\s", "", match.group()).lower(), text)
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


# Words that say nothing about the field: "E-mail 1 - Value", "What is your job title?".
_NOISE = frozenset(
    {"value", "your", "the", "a", "an", "what", "s", "is", "are", "of", "please", "enter"}
    | {"here", "and", "et", "und", "y", "de", "du", "des", "la", "le", "el", "da", "do", "di"}
)


def _words(text: str) -> list[str]:
    return [word for word in _norm(text).split() if word not in _NOISE and not word.isdigit()]


@dataclass(frozen=True, slots=True)
class _Rule:
    exact: frozenset[str]  # the whole header, noise removed: score 100
    contains: tuple[tuple[str, ...], ...]  # a run of words in the header: score 70
    substrings: tuple[str, ...] = ()  # anywhere, spaces ignored (CJK, German compounds): 50
    veto: frozenset[str] = frozenset()  # any of these words: not this field


def _rule(exact: str, contains: str = "", substrings: str = "", veto: str = "") -> _Rule:
    """A rule from "|"-separated phrases, normalised like headers."""

    def phrases(text: str) -> list[str]:
        found = (" ".join(_words(phrase)) for phrase in text.split("|"))
        return [phrase for phrase in found if phrase]

    return _Rule(
        exact=frozenset(phrases(exact)),
        contains=tuple(tuple(phrase.split()) for phrase in phrases(contains)),
        substrings=tuple(phrase.replace(" ", "") for phrase in phrases(substrings)),
        veto=frozenset(word for phrase in phrases(veto) for word in phrase.split()),
    )


_NOT_THE_PERSON = "buyer|purchaser|billing|emergency|parent|guardian|assistant|manager|spouse"
_PHONETIC = "phonetic|yomi|furigana|pronunciation|kana"

_RULES: dict[Field, _Rule] = {
    Field.FULL_NAME: _rule(
        "full name|fullname|display name|attendee name|guest name|contact name|participant name"
        "|registrant name|member name|person|first last name|first and last name|first name "
        "last name|name surname|name and surname|nombre completo|nombre y apellidos"
        "|nombre y apellido|nombre apellidos|nom complet|nom prenom|prenom nom|nom et prenom"
        "|vollstandiger name|vor und nachname|vorname nachname|nome completo|nome e cognome"
        "|nome cognome|volledige naam|voornaam achternaam|名前|氏名|お名前|姓名|이름|성명|الاسم"
        "|الاسم الكامل|שם|שם מלא|фио|полное имя",
        contains="full name|nombre completo|nom complet|nome completo",
        veto=f"{_NOT_THE_PERSON}|{_PHONETIC}|company|organization|organisation|event|ticket|file",
    ),
    Field.GIVEN_NAME: _rule(
        "first name|firstname|first|given name|givenname|given|forename|christian name|vorname"
        "|prenom|nombre de pila|primer nombre|primeiro nome|nome proprio|voornaam|fornavn"
        "|fornamn|imie|имя|名|下の名前|שם פרטי|الاسم الأول",
        contains="first name|given name|forename|vorname|prenom|voornaam|primeiro nome",
        substrings="vorname",
        veto=f"{_NOT_THE_PERSON}|{_PHONETIC}|company",
    ),
    Field.FAMILY_NAME: _rule(
        "last name|lastname|last|surname|surnames|family name|familyname|nachname|familienname"
        "|nom de famille|apellido|apellidos|cognome|sobrenome|apelido|achternaam|efternavn"
        "|efternamn|nazwisko|фамилия|姓|苗字|שם משפחה|اسم العائلة",
        contains="last name|family name|surname|nachname|apellido|apellidos|cognome|sobrenome"
        "|achternaam|nom de famille",
        substrings="nachname|familienname",
        veto=f"{_NOT_THE_PERSON}|{_PHONETIC}|company",
    ),
    Field.EMAIL: _rule(
        "email|e mail|mail|email address|e mail address|emailaddress|mail address|correo"
        "|correo electronico|correio eletronico|correio electronico|courriel|adresse e mail"
        "|adresse electronique|adresse mail|e mail adresse|email adresse|indirizzo email"
        "|endereco de email|endereco de e mail|e mailadres"
        "|メール|メールアドレス|電子メール|电子邮件|电子邮箱|邮箱|이메일|البريد الإلكتروني|דוא ל"
        "|אימייל|почта|электронная почта",
        contains="email|e mail|correo|courriel|correio eletronico|correio electronico",
        substrings="email|メール|邮箱|邮件|이메일",
        veto=f"{_NOT_THE_PERSON}|type|label|display|opt|optin|consent|subscribed|subscribe"
        "|unsubscribed|status|verified|marketing|bounced|sent|format|permission|confirmed",
    ),
    Field.COMPANY: _rule(
        "company|company name|companyname|organization|organisation|organization name"
        "|organisation name|org|employer|affiliation|institution|business name|firma|firmenname"
        "|unternehmen|empresa|nombre de la empresa|societe|entreprise|organisme|azienda|societa"
        "|bedrijf|bedrijfsnaam|organizacion|organizacao|会社|会社名|所属|勤務先|公司|公司名称"
        "|单位|회사|회사명|소속|الشركة|חברה|компания|организация",
        contains="company|organization|organisation|employer|affiliation|affiliated"
        "|institution|firma|unternehmen|empresa|societe|entreprise|azienda|bedrijf"
        "|organizacion|organizacao",
        substrings="会社|公司|회사|firmen|unternehmen",
        veto="phone|tel|telephone|fax|address|street|city|state|zip|postal|country|url|web"
        "|website|domain|email|mail|size|employees|industry|type|main|yomi|phonetic|logo"
        "|department|dept|how|many|linkedin|title|position|role|id|number",
    ),
    Field.TITLE: _rule(
        "title|job title|jobtitle|job|position|job position|occupation|designation|job role"
        "|job function|profession|cargo|puesto|titulo|poste|fonction|titre|intitule du poste"
        "|berufsbezeichnung|funktion|position im unternehmen|qualifica|mansione|functie|funcao"
        "|役職|肩書|肩書き|職位|职位|职务|头衔|직함|직책|المسمى الوظيفي|תפקיד|должность",
        contains="job title|job role|title|position|occupation|designation|profession|cargo"
        "|puesto|poste|fonction|berufsbezeichnung|functie",
        substrings="役職|职位|职务|직함",
        veto=f"{_NOT_THE_PERSON}|event|ticket|book|page|course|session|talk|webinar|honorific"
        "|salutation|academic|prefix|order|product|item|department|dept",
    ),
    Field.PHONE: _rule(
        "phone|phone number|phonenumber|telephone|telephone number|tel|mobile|mobile phone"
        "|mobile number|cell|cell phone|cellphone|cell number|whatsapp|whatsapp number|contact "
        "number|telefon|telefonnummer|handy|handynummer|mobil|mobilnummer|telefono|movil|celular"
        "|telefone|telemovel|cellulare|portable|numero de telephone|telefoon|telefoonnummer"
        "|mobiel|電話"
        "|電話番号|携帯|携帯電話|电话|电话号码|手机|手机号|手机号码|전화|전화번호|휴대폰"
        "|الهاتف|رقم الهاتف|טלפון|телефон",
        contains="phone|telephone|mobile|cell|whatsapp|telefon|telefono|telefone|telemovel"
        "|movil|celular|handy|mobil|cellulare|portable|telefoon|mobiel",
        substrings="phone|telefon|電話|电话|手机|携帯|전화",
        veto=f"{_NOT_THE_PERSON}|type|label|fax|code|ext|extension|verified|opt|consent|yomi",
    ),
    Field.LINKEDIN_URL: _rule(
        "linkedin|linkedin url|linkedin profile|linkedin profile url",
        contains="linkedin",
        substrings="linkedin",
    ),
    Field.ROLE: _rule(
        "role|ticket type|ticket|ticket name|ticket class|attendee type|registration type"
        "|participant type|badge type|type of attendee|attendee category|category|rol|rolle"
        "|ruolo|役割|角色|역할",
        contains="ticket type|attendee type|registration type|ticket name|ticket class"
        "|badge type|participant type",
        veto="id|price|quantity|qty|number|fee|paid",
    ),
    Field.STATUS: _rule(
        "status|attendee status|approval status|registration status|rsvp|rsvp status|attendance"
        "|attendance status|estado|statut|stato|状態|状态|상태",
        contains="status|rsvp",
        veto="payment|order|marital|employment|relationship|checked|check|paid|refund|email|mail",
    ),
    Field.NOTES: _rule(
        "notes|note|comments|comment|remarks|memo|notizen|notiz|bemerkungen|bemerkung|kommentar"
        "|anmerkungen|anmerkung|hinweise|notas|comentarios|observaciones|remarques|commentaires"
        "|observations|osservazioni|opmerkingen|opmerking|備考|メモ|备注|메모|הערות|ملاحظات",
        contains="notes|note|comments|remarks|anmerkungen|bemerkungen|opmerkingen",
    ),
}
# A lone "name" word: which name it is depends on the other columns.
_BARE_NAMES = frozenset({"name", "nombre", "nom", "nome", "naam", "navn", "namn"})
_EXACT, _CONTAINS, _SUBSTRING = 100, 70, 50


def _score(header: str, field: Field) -> int:
    words = _words(header)
    if not words:
        return 0
    rule = _RULES[field]
    if rule.veto.intersection(words):
        return 0
    if " ".join(words) in rule.exact:
        return _EXACT
    for phrase in rule.contains:
        size = len(phrase)
        if any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1)):
            return _CONTAINS
    joined = "".join(words)
    if any(part in joined for part in rule.substrings):
        return _SUBSTRING
    return 0


def _assign(
    headers: Sequence[str], columns: Sequence[int], fields: Sequence[Field], minimum: int
) -> Mapping:
    """The best column for each field and field for each column, best scores first."""
    scored = [
        (score, column, order, field)
        for column in columns
        for order, field in enumerate(fields)
        if (score := _score(headers[column], field)) >= minimum
    ]
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    mapping: Mapping = {}
    for _, column, _, field in scored:
        if column not in mapping and field not in mapping.values():
            mapping[column] = field
    return mapping


def _guess(headers: Sequence[str]) -> Mapping:
    columns = list(range(len(headers)))
    mapping = _assign(headers, columns, list(_RULES), minimum=_SUBSTRING)
    fields = set(mapping.values())
    for column in columns:
        if column in mapping or " ".join(_words(headers[column])) not in _BARE_NAMES:
            continue
        given, family = Field.GIVEN_NAME in fields, Field.FAMILY_NAME in fields
        if given and not family:
            field = Field.FAMILY_NAME
        elif family and not given:
            field = Field.GIVEN_NAME
        else:
            field = Field.FULL_NAME
        if field not in fields:
            mapping[column] = field
            fields.add(field)
    return dict(sorted(mapping.items()))
