"""Tags the user gives people ("investor", "met at PyCon", "follow up in May"): what a tag is
kept as, and what stops one from being saved."""

from __future__ import annotations

from collections.abc import Iterable

from planner.domain.text import drop_invisible

__all__ = ["MAX_TAG", "tag_problems", "tidy_tag", "tidy_tags"]

MAX_TAG = 40
"""Characters of a tag."""


def tidy_tag(text: str) -> str:
    """A tag as kept: without invisible characters, its ends trimmed and inner spaces one."""
    return " ".join(drop_invisible(text).split())


def tidy_tags(texts: Iterable[str]) -> list[str]:
    """Each tag tidied, the empty ones left out, each once whatever its case (the first
    spelling kept)."""
    kept: dict[str, str] = {}
    for text in texts:
        tag = tidy_tag(text)
        if tag:
            kept.setdefault(tag.casefold(), tag)
    return list(kept.values())


def tag_problems(tags: Iterable[str]) -> list[str]:
    """What stops these tags from being saved (empty when nothing)."""
    tags = list(tags)
    problems = []
    if not tags:
        problems.append("Give at least one tag.")
    problems.extend(
        f"The tag “{tag[:MAX_TAG]}…” is longer than {MAX_TAG} characters."
        for tag in tags
        if len(tag) > MAX_TAG
    )
    return problems
