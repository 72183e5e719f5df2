"""Which column holds which field: the export layouts known by their headers (Eventbrite,
Luma, LinkedIn, Google, Outlook...), and a guess for any other table.

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

Without a layout, `guess_mapping` reads what the headers mean (planner.interchange.header_guess).
How a mapping is applied to the rows, with a recognised layout's fallbacks, is
planner.interchange.row_mapping.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planner.domain.importing import Field, Layout, Mapping, Table, TableKind
from planner.interchange.header_guess import assign, guess_unknown

__all__ = [
    "KNOWN_LAYOUTS",
    "LayoutSpec",
    "guess_mapping",
    "header_index",
    "layout_spec",
    "recognise",
]

# --- the known layouts -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LayoutSpec:
    """A known layout: the headers that tell it, and the columns that can fill each field."""

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
) -> LayoutSpec:
    """A layout from "|"-separated header lists (headers themselves hold commas)."""
    return LayoutSpec(
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

_SPECS: tuple[LayoutSpec, ...] = (
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
    index = header_index(table.headers)
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
        mapping.update(assign(table.headers, free, wanted, minimum=_QUESTION_SCORE))
    return Layout(spec.key, spec.name, dict(sorted(mapping.items())))


def guess_mapping(table: Table) -> tuple[Layout | None, Mapping]:
    """The recognised layout and a copy of its mapping, else None and a guess from the headers."""
    layout = recognise(table)
    if layout is not None:
        return layout, dict(layout.mapping)
    return None, guess_unknown(table)


def layout_spec(key: str) -> LayoutSpec | None:
    """The headers and fallbacks of the known layout `key` (None for vCard, which has none)."""
    return _BY_KEY.get(key)


def _matching_spec(headers: Sequence[str]) -> LayoutSpec | None:
    present = set(header_index(headers))
    best: LayoutSpec | None = None
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


def header_index(headers: Sequence[str]) -> dict[str, int]:
    """Each header, as layouts name it, with its first column."""
    index: dict[str, int] = {}
    for column, header in enumerate(headers):
        index.setdefault(_layout_key(header), column)
    return index
