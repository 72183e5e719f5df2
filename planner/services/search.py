"""Finding people as the user types: over name, company, title, tags, notes and email, case
and accents ignored, whatever the user types (planner/domain/search.py)."""

from __future__ import annotations

from planner.domain.ids import PersonId
from planner.domain.search import index_query
from planner.services.workspace import Target, database_of
from planner.storage.search import matching_people, people_by_email, people_named, person_name

__all__ = ["PersonLookupError", "find_people", "resolve_person"]


class PersonLookupError(LookupError):
    """The text given for a person matches nobody, or more than one person."""


def find_people(target: Target, text: str) -> set[PersonId] | None:
    """The people `text` finds through the index; None when the index cannot answer it (no
    letter or digit typed, or Chinese, Japanese or Korean text, which the lists filter as
    typed)."""
    query = index_query(text)
    if query is None:
        return None
    return matching_people(database_of(target).connection, query)


def resolve_person(target: Target, reference: str) -> tuple[PersonId, str]:
    """A person (id and name) by their id, their email, or a part of their name that only
    one person's name holds (a name that is exactly the text wins over longer ones)."""
    text = reference.strip()
    if not text:
        raise PersonLookupError("No person given.")
    conn = database_of(target).connection
    if text.isascii() and text.isdigit():
        name = person_name(conn, int(text))
        if name is not None:
            return PersonId(int(text)), name
    if "@" in text:
        found = people_by_email(conn, text)
        if len(found) == 1:
            return found[0]
    found = people_named(conn, text, 50)
    exact = [(p, name) for p, name in found if name.casefold() == text.casefold()]
    if len(exact) == 1:
        return exact[0]
    if not found:
        raise PersonLookupError(f"No one matches “{text}”. Give their id, email or name.")
    if len(found) > 1:
        names = ", ".join(f"{p}: {name}" for p, name in found[:5])
        count = f"{len(found)}+" if len(found) == 50 else str(len(found))
        raise PersonLookupError(
            f"“{text}” matches {count} people ({names}). "
            "Give more of the name, the email or the id."
        )
    return found[0]
