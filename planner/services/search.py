"""Finding people as the user types: over name, company, title, tags, notes and email, case
and accents ignored, whatever the user types (planner/domain/search.py)."""

from __future__ import annotations

from planner.domain.ids import PersonId
from planner.domain.search import index_query
from planner.services.workspace import Target, database_of
from planner.storage.search import matching_people

__all__ = ["find_people"]


def find_people(target: Target, text: str) -> set[PersonId] | None:
    """The people `text` finds through the index; None when the index cannot answer it (no
    letter or digit typed, or Chinese, Japanese or Korean text, which the lists filter as
    typed)."""
    query = index_query(text)
    if query is None:
        return None
    return matching_people(database_of(target).connection, query)
