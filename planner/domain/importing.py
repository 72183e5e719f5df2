"""What an attendee import works with, whatever the file: tables of cells, a mapping of
columns onto the fields the planner keeps, and the report the user reads afterwards.

Readers (planner/interchange) turn any file into a `Table`; a `Mapping` says which column
holds which `Field`; the import service turns each row into a `Candidate`, normalises it,
matches it against the people already known, and writes the lot in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Field(StrEnum):
    """The person fields an import can fill. Values are stable: mappings are stored by them."""

    FULL_NAME = "full_name"
    GIVEN_NAME = "given_name"
    FAMILY_NAME = "family_name"
    EMAIL = "email"
    COMPANY = "company"
    TITLE = "title"
    PHONE = "phone"
    LINKEDIN_URL = "linkedin_url"
    ROLE = "role"  # attendee, speaker, sponsor, exhibitor, organiser (free text, mapped later)
    STATUS = "status"  # the platform's word for the registration: "Attending", "Cancelled"...
    NOTES = "notes"


class TableKind(StrEnum):
    CSV = "csv"  # any delimited text: comma, semicolon or tab
    XLSX = "xlsx"
    VCARD = "vcard"


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One record of the file, as text cells lined up with the table's headers.

    `line` is where the record starts in the file (1-based; the row number for a spreadsheet,
    the BEGIN:VCARD line for a vCard), so every message can point at it.
    """

    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A row left out of an import, or a line left out of its row, and why."""

    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class Withdrawn(Skipped):
    """A row whose status says the person is not coming (cancelled, refunded...), with what
    recognises them: if an earlier import put them on the event's list, the import takes them
    off it again (unless the user has started planning to meet them)."""

    full_name: str = ""
    email: str | None = None


@dataclass(frozen=True, slots=True)
class ChangedValue:
    """A value of an imported row that the import left out or kept otherwise than the user
    would expect (an email that is no address, a phone number that cannot be placed...), or
    a word a whole column uses for nothing: what the report lists besides the rows left out.

    `line` is the row's (the header's, for a column); `value` is the text as the file gave
    it; `what` says what the import did with it, in plain words."""

    line: int
    field: Field
    value: str
    what: str


@dataclass(frozen=True, slots=True)
class Table:
    """A file read into headers and rows. For vCards the headers are Field values."""

    source: str  # the file name, for messages
    kind: TableKind
    headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    encoding: str | None = None  # detected text encoding (None for XLSX)
    delimiter: str | None = None  # detected delimiter for delimited text
    header_line: int = 1  # where the header row was found (after any preamble)
    unread: tuple[Skipped, ...] = ()  # lines that could not be read, left out of their row
    sheet: str | None = None  # the workbook sheet read (XLSX)
    left_out: tuple[tuple[Skipped, tuple[str, ...]], ...] = ()
    """Rows left out as they were read (their cells do not line up with the header), each
    with why and its cells: the header's, then those beyond it."""


# Column index → field. Columns not in the mapping are ignored.
Mapping = dict[int, Field]


@dataclass(frozen=True, slots=True)
class Layout:
    """A known export format, recognised by its headers and mapped without asking."""

    key: str  # stable id, e.g. "eventbrite", "linkedin-connections"
    name: str  # what the user reads, e.g. "Eventbrite attendee report"
    mapping: Mapping


class ImportCancelled(Exception):
    """The user cancelled: the file was dropped while it was read, or the import's transaction
    was rolled back. Nothing was written."""


class FileProblem(ValueError):
    """A file that cannot be imported, with a message naming the file and, when known, the
    line. Raised before anything is written."""

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        where = f"{source}, line {line}" if line is not None else source
        super().__init__(f"{where}: {message}")
        self.source = source
        self.line = line
        self.detail = message


@dataclass(frozen=True, slots=True)
class Candidate:
    """A row after mapping: the fields it gave, still as typed in the file."""

    line: int
    values: dict[Field, str]


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """A row that looks like someone already known but not surely: the user decides."""

    line: int
    new_person_id: int
    existing_person_id: int
    score: float  # 0..100, how alike name and company are


@dataclass(slots=True)
class ImportReport:
    source: str
    layout: str | None  # the recognised layout's name, or None for a user mapping
    encoding: str | None
    rows: int = 0
    added: int = 0  # new people
    updated: int = 0  # known people filled in or brought up to date
    merged: int = 0  # rows folded into a person already in the file or the database
    attendances_added: int = 0
    attendances_removed: int = 0  # on the list before, and the file says they are not coming
    review: list[ReviewItem] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    unread: list[Skipped] = field(default_factory=list)  # lines left out of an imported row
    changed: list[ChangedValue] = field(default_factory=list)  # values of imported rows

    @property
    def imported_anything(self) -> bool:
        return bool(self.added or self.updated or self.merged or self.attendances_added)
