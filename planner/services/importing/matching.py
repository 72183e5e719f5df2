"""Whom an imported row is: the index of the people already known (and those the import adds
as it goes), and the rules that match a prepared row against it.

- The same email (trimmed, case-folded) is the same person, unless both rows carry a name and
  the names are unalike (a shared office address): then it is a review case.
- Otherwise names are compared fuzzily (rapidfuzz token_sort_ratio on name keys), only with
  people sharing a block key (planner.domain.dedupe.block_keys). Name ≥ 92 with the same
  company (company keys ≥ 90 alike) or the same LinkedIn profile, and no different email on
  both sides, is certain: the row is merged. Otherwise a score of ≥ 80 (the name score, or
  70 % name and 30 % company when both have a company) adds the person and a review item
  the user resolves later with resolve_review. When both have an email and the emails
  differ, only a name ≥ 92 at the same company (or with the same LinkedIn profile) is worth
  a review: a namesake with another address is someone else. Below that, a new person.
  The very same name with no company to compare counts as certain when that person was
  already on this event's list before the import (the same list imported again).
- A row whose status says the person is not coming names someone by email, else by the very
  same name (`PeopleIndex.on_list`).

The index holds only what matching needs (no SQL): `load` takes the rows storage reads.
Everything on the path of each row is a method of its own class, with no layer in between:
an import matches 150,000 rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from planner.domain.dedupe import (
    CERTAIN_NAME,
    EMAIL_NAME_FLOOR,
    MAX_BLOCK,
    R_BLOCKS,
    R_COMPANY_KEY,
    R_COMPARE,
    R_EMAIL_KEY,
    R_LINKEDIN_KEY,
    SAME_COMPANY,
    UNCERTAIN,
    Prepared,
    compare_of,
    email_key,
    name_key,
)
from planner.domain.importing import Withdrawn
from planner.storage.imports import (
    P_COMPANY,
    P_EMAIL,
    P_FAMILY_NAME,
    P_FULL_NAME,
    P_GIVEN_NAME,
    P_ID,
    P_LINKEDIN_URL,
)

if TYPE_CHECKING:
    from planner.services.importing.rows import RowPreparer

__all__ = ["Known", "KnownAttendance", "Match", "PeopleIndex"]

BEST_PER_BLOCK = 10  # the closest names of each block are weighed, not every one above 80

# The blocks a row searches, as (mark, lowest name score), by what the row has: no email
# (anyone may be them), an email and a company block key, or an email and a name key.
_ANY_PERSON: tuple[tuple[str, float], ...] = (("-", UNCERTAIN), ("@", UNCERTAIN))
_SAME_COMPANY: tuple[tuple[str, float], ...] = (("-", UNCERTAIN), ("@", CERTAIN_NAME))
_NO_EMAIL_ONLY: tuple[tuple[str, float], ...] = (("-", UNCERTAIN),)


class Known:
    """A person in the matching index: someone in the database or added by this import."""

    __slots__ = (
        "attendance",
        "company_key",
        "compare",
        "dirty",
        "email_key",
        "flushed",
        "is_new",
        "linkedin_key",
        "named_by_email",
        "refreshable",
        "values",
    )

    def __init__(
        self,
        values: list[Any],
        is_new: bool,
        named_by_email: bool,
        compare: str,
        email_key: str | None,
        linkedin_key: str | None,
        company_key: str,
        refreshable: bool = False,
    ) -> None:
        # values: in PERSON_COLUMNS order; notes and imported_at None = unknown (kept as they
        # are). The keys are RowPreparer.keys of the same values (made by the row or the load
        # that adds it). refreshable: in the database, and nobody has edited them since an
        # import wrote them, so this import may replace what changed (REFRESH_ORDER).
        self.values = values
        self.refreshable = refreshable
        self.is_new = is_new
        self.flushed = not is_new
        self.dirty = False
        self.attendance: KnownAttendance | None = None
        self.named_by_email = named_by_email
        self.compare = compare
        self.email_key = email_key
        self.linkedin_key = linkedin_key
        self.company_key = company_key

    @property
    def id(self) -> int:
        return int(self.values[P_ID])


class KnownAttendance:
    """A known person's attendance at the event imported into."""

    __slots__ = ("confirmed", "dirty", "flushed", "id", "is_new", "role", "row")

    def __init__(self, attendance_id: int, role: str, row: list[Any] | None) -> None:
        self.id = attendance_id
        self.role = role
        self.row = row  # the full row when this import adds it
        self.is_new = row is not None
        self.flushed = row is None
        self.dirty = False
        self.confirmed = False  # a row of this file has the person coming


class Match:
    """The best candidates found so far for one row."""

    __slots__ = ("certain", "company", "email_key", "linkedin", "ratio", "seen", "uncertain")

    def __init__(
        self,
        email: str | None,
        company: str,
        linkedin: str | None,
        ratio: Callable[[str, str], float],
    ) -> None:
        self.email_key = email
        self.company = company
        self.linkedin = linkedin
        self.ratio = ratio  # rapidfuzz.fuzz.ratio, imported only when an import runs
        self.seen: set[int] = set()
        self.certain: tuple[Known, float] | None = None
        self.uncertain: tuple[Known, float] | None = None

    def consider(self, known: Known, name_score: float) -> None:
        marker = id(known)
        if marker in self.seen:
            return
        self.seen.add(marker)
        company_score = None
        if self.company and known.company_key:
            company_score = self.ratio(self.company, known.company_key)
            score = 0.7 * name_score + 0.3 * company_score
        else:
            score = name_score
        email_conflict = (
            self.email_key is not None
            and known.email_key is not None
            and known.email_key != self.email_key
        )
        corroborated = (company_score or 0) >= SAME_COMPANY or (
            self.linkedin is not None and self.linkedin == known.linkedin_key
        )
        if not corroborated and name_score == 100 and company_score is None:
            # Already on this event's list under the very same name: the same list imported
            # again, not a namesake.
            attendance = known.attendance
            corroborated = attendance is not None and not attendance.is_new
        if name_score >= CERTAIN_NAME and corroborated and not email_conflict:
            if self.certain is None or score > self.certain[1]:
                self.certain = (known, score)
        elif (
            score >= UNCERTAIN
            and (not email_conflict or (name_score >= CERTAIN_NAME and corroborated))
            and (self.uncertain is None or score > self.uncertain[1])
        ):
            self.uncertain = (known, score)


class PeopleIndex:
    """Everyone an import may match a row with, by email, LinkedIn profile, block key and
    exact name; `preparer` makes the keys of the people already in the database."""

    def __init__(self, preparer: RowPreparer) -> None:
        self.preparer = preparer
        self.by_email: dict[str, list[Known]] = {}
        self.by_linkedin: dict[str, list[Known]] = {}
        self.blocks: dict[str, tuple[list[str], list[Known]]] = {}
        self.exact: dict[tuple[str, str], list[Known]] = {}
        self.known_on_list: list[Known] = []  # on the event's list before this import
        self._by_listed_name: dict[str, list[Known]] | None = None
        from rapidfuzz import fuzz, process

        self.ratio: Callable[..., float] = fuzz.ratio
        self.extract: Callable[..., list[tuple[str, float, int]]] = process.extract

    # loading ---------------------------------------------------------------------------

    def keys_of(
        self, values: Sequence[Any]
    ) -> tuple[bool, str, str | None, str | None, str, tuple[str, ...]]:
        """RowPreparer.keys of a person's values (PERSON_COLUMNS order): a row from the
        database, or a known person whose empty fields an import filled."""
        full_name, email, linkedin = values[P_FULL_NAME], values[P_EMAIL], values[P_LINKEDIN_URL]
        return self.preparer.keys(
            email is not None and full_name == email,
            full_name,
            values[P_GIVEN_NAME],
            values[P_FAMILY_NAME],
            email,
            values[P_COMPANY],
            linkedin.casefold() if linkedin else None,
        )

    def load(
        self,
        people: Iterable[tuple[Any, ...]],
        attendances: dict[int, tuple[int, str]],
    ) -> None:
        """Index the people already known (storage.imports.people_for_matching) and mark
        those on the event's list (storage.imports.attendances_at)."""
        found: dict[int, Known] = {}
        add = self.add
        for row in people:
            # notes: '' when empty (an import may fill it), None when there is text.
            values = [*row[:9], None if row[9] else "", None, None, None, None]
            named_by_email, compare, email, linkedin, company, blocks = self.keys_of(values)
            known = Known(
                values, False, named_by_email, compare, email, linkedin, company, bool(row[10])
            )
            found[known.id] = known
            add(known, blocks)
        for person_id, (attendance_id, role) in attendances.items():
            known_person = found.get(person_id)
            if known_person is not None:
                known_person.attendance = KnownAttendance(attendance_id, role, None)
                self.known_on_list.append(known_person)

    def add(self, known: Known, block_keys: Sequence[str]) -> None:
        if known.email_key:
            self.by_email.setdefault(known.email_key, []).append(known)
        if known.linkedin_key:
            self.by_linkedin.setdefault(known.linkedin_key, []).append(known)
        if known.compare:
            self._add_name(known, block_keys)

    def refile(self, known: Known) -> None:
        """File a known person whose empty fields an import filled under the keys they
        gained (they stay under their old ones too)."""
        had_name = not known.named_by_email
        old_email, old_linkedin, old_company = (
            known.email_key,
            known.linkedin_key,
            known.company_key,
        )
        (
            known.named_by_email,
            known.compare,
            known.email_key,
            known.linkedin_key,
            known.company_key,
            block_keys,
        ) = self.keys_of(known.values)
        if known.email_key and known.email_key != old_email:
            self.by_email.setdefault(known.email_key, []).append(known)
        if known.linkedin_key and known.linkedin_key != old_linkedin:
            self.by_linkedin.setdefault(known.linkedin_key, []).append(known)
        if known.compare and (
            not had_name or (known.email_key and not old_email) or known.company_key != old_company
        ):
            self._add_name(known, block_keys)  # under the keys it gained

    def _add_name(self, known: Known, block_keys: Sequence[str]) -> None:
        """File the person under their block keys, with "@" for people with an email (a row
        with another email only looks among them for a review case) and "-" without."""
        mark = "@" if known.email_key else "-"
        blocks = self.blocks
        compare = known.compare
        for key in block_keys:
            block = blocks.get(mark + key)
            if block is None:
                blocks[mark + key] = ([compare], [known])
            elif len(block[0]) < MAX_BLOCK:
                block[0].append(compare)
                block[1].append(known)
        self.exact.setdefault((compare, known.company_key), []).append(known)

    # matching --------------------------------------------------------------------------

    def match(self, row: Prepared) -> tuple[Known | None, tuple[Known, float] | None]:
        """(the person the row surely is, None) or (None, (whom it may be, score) or None)."""
        ratio = self.ratio
        compare = row[R_COMPARE]
        key = row[R_EMAIL_KEY]
        if key is not None:
            same_email = self.by_email.get(key)
            if same_email:
                best: tuple[Known, float] | None = None
                for known in same_email:
                    if not compare or not known.compare:
                        return known, None
                    score = ratio(compare, known.compare)
                    if score >= EMAIL_NAME_FLOOR:
                        return known, None
                    if best is None or score > best[1]:
                        best = (known, score)
                return None, best
        if not compare:
            return None, None

        # Most rows have no one to consider: the Match is made for the first candidate.
        company, linkedin = row[R_COMPANY_KEY], row[R_LINKEDIN_KEY]
        match: Match | None = None
        if company:
            exact = self.exact.get((compare, company))
            if exact:
                match = Match(key, company, linkedin, ratio)
                for known in exact:
                    match.consider(known, 100.0)
                if match.certain is not None:
                    return match.certain[0], None
        if linkedin is not None:
            for known in self.by_linkedin.get(linkedin, ()):
                if known.compare:
                    if match is None:
                        match = Match(key, company, linkedin, ratio)
                    match.consider(known, ratio(compare, known.compare))
        blocks = self.blocks
        extract = self.extract
        for block_key in row[R_BLOCKS]:
            # People without an email ("-"): anyone may be them. People with one ("@"): a
            # row with another email can only be a review case, at the same company.
            if key is None:
                searched = _ANY_PERSON
            elif block_key.startswith("c:"):
                searched = _SAME_COMPANY
            else:
                searched = _NO_EMAIL_ONLY
            for mark, cutoff in searched:
                block = blocks.get(mark + block_key)
                if block is None:
                    continue
                names, members = block
                for _, name_score, index in extract(
                    compare, names, scorer=ratio, score_cutoff=cutoff, limit=BEST_PER_BLOCK
                ):
                    if match is None:
                        match = Match(key, company, linkedin, ratio)
                    match.consider(members[index], name_score)
        if match is None:
            return None, None
        if match.certain is not None:
            return match.certain[0], None
        return None, match.uncertain

    # people no longer coming -------------------------------------------------------------

    def on_list(self, row: Withdrawn) -> Known | None:
        """The one person `row` names (by email, else by the very same name) when their
        attendance at this event is from before this import and no row of it confirms it."""
        people: list[Known] = []
        key = email_key(row.email) if row.email else None
        if key is not None:
            people = self.by_email.get(key, [])
        elif row.full_name:
            people = self._listed_by_name().get(compare_of(name_key(row.full_name)), [])
        listed = [k for k in people if k.attendance is not None and not k.attendance.is_new]
        if len(listed) != 1 or listed[0].attendance is None or listed[0].attendance.confirmed:
            return None
        return listed[0]

    def _listed_by_name(self) -> dict[str, list[Known]]:
        """The people on the event's list from before this import, by their full name's
        compare key (made the same way for a withdrawn row's name); made once, when needed."""
        if self._by_listed_name is None:
            self._by_listed_name = {}
            for known in self.known_on_list:
                name = known.values[P_FULL_NAME]
                self._by_listed_name.setdefault(compare_of(name_key(name)), []).append(known)
        return self._by_listed_name
