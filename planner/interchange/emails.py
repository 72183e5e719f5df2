"""Email addresses as an import and the person dialog read them.

The first address of a cell ("a@x; b@y", "Ana <a@x>", "mailto:a@x"); any further addresses
are for the notes as "Other email: ...". An address must look like something@something.tld
and be no longer than RFC 5321 allows; a cell that holds none is for the notes as "Email as
given: ...". Stored as typed (case kept): comparisons fold case.
"""

from __future__ import annotations

import re

__all__ = ["address_in", "emails"]

_ADDRESS_LIKE = re.compile(r"[^\s<>;,()\"'\[\]]+@[^\s<>;,()\"'\[\]]+")
_VALID_ADDRESS = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)*\.[^@\s.\d]{2,}")


def _valid(address: str) -> bool:
    """An address as mail systems take it: the usual shape, and no longer than RFC 5321
    allows (254 characters, 64 of them before the @)."""
    return (
        len(address) <= 254
        and _VALID_ADDRESS.fullmatch(address) is not None
        and address.index("@") <= 64
    )


def address_in(text: str) -> str | None:
    """The address typed in `text`, a cleaned cell (one address, "mailto:" and a closing full
    stop dropped), or None when it is not one an email could be sent to."""
    if not _ADDRESS_LIKE.fullmatch(text):
        return None
    address = (text[7:] if text[:7].casefold() == "mailto:" else text).rstrip(".")
    return address if _valid(address) else None


def emails(text: str) -> tuple[str | None, list[str]]:
    """(the address to keep, lines for the notes) from a cleaned cell."""
    if not text:
        return None, []
    if _ADDRESS_LIKE.fullmatch(text):  # the usual cell: one address, which findall gives
        address = text[7:] if text[:7].casefold() == "mailto:" else text
        address = address.rstrip(".")
        if _valid(address):
            return address, []
        return None, [f"Email as given: {text}"]
    found = []
    for match in _ADDRESS_LIKE.findall(text):
        address = match[7:] if match[:7].casefold() == "mailto:" else match
        address = address.rstrip(".")
        if _valid(address):
            found.append(address)
    if not found:
        return None, [f"Email as given: {text}"]
    first, *others = found
    extra = [f"Other email: {other}" for other in dict.fromkeys(others) if other != first]
    return first, extra
