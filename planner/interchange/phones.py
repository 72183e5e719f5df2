"""Phone numbers in E.164 when they can be placed, and why one could not be.

E.164 (+351912345678) when the number has a country code (+ or 00) and the right length for
that country, or the default region makes it a valid number, and it has no extension;
otherwise as typed. `phone_problem` says why a number was kept as typed when the user would
have expected it placed (planner.interchange.normalize reports it). phonenumbers is imported
only when a number needs it.
"""

from __future__ import annotations

import traceback

__all__ = ["phone", "phone_problem"]

# region → text → result. Not functools.lru_cache: its (text, region) keys would be tuples
# the garbage collector has to walk after a large import.
_PHONES: dict[str | None, dict[str, str]] = {}
_CACHE_SIZE = 65536


def phone(text: str, default_region: str | None = None) -> str:
    """E.164 when the number can be placed, else the text as typed.

    A number with its country code (+ or 00) needs only to be possible (the right length for
    that country); one placed by the default region must be valid there. A number with an
    extension is kept as typed (E.164 has no room for it).
    """
    if not text:
        return text
    known = _PHONES.get(default_region)
    if known is None:
        known = _PHONES[default_region] = {}
    found = known.get(text)
    if found is None:
        if len(known) >= _CACHE_SIZE:
            known.clear()
        found = known[text] = _phone(text, default_region)
    return found


# region → text → why the number could not be placed, for the numbers `_phone` kept as typed
# that the user would have expected to be placed (see `phone_problem`).
_PHONE_PROBLEMS: dict[str | None, dict[str, str]] = {}
_NO_DIGITS = "holds no digits: not a phone number, kept as typed"
_NOT_PLACED = "is not a valid phone number for its country code: kept as typed"
_NOT_IN_REGION = "is not a valid phone number in {region}, nor has it a country code: kept as typed"


def phone_problem(text: str, default_region: str | None = None) -> str | None:
    """Why `phone(text, default_region)` kept `text` as typed when one would expect it placed
    (it holds no digits, or its country code or the default region does not make it a valid
    number), or None. A number without a country code and no default region, or with an
    extension, is kept as typed without a problem: nothing could place it."""
    if not text:
        return None
    phone(text, default_region)
    return _PHONE_PROBLEMS.get(default_region, {}).get(text)


def _problem(text: str, default_region: str | None, why: str) -> str:
    problems = _PHONE_PROBLEMS.setdefault(default_region, {})
    if len(problems) >= _CACHE_SIZE:
        problems.clear()
    problems[text] = why
    return text


def _phone(text: str, default_region: str | None) -> str:
    number = text
    if number.startswith("00") and default_region is None:
        number = "+" + number[2:]
    international = number.startswith("+")
    if not any(char.isdigit() for char in text):
        return _problem(text, default_region, _NO_DIGITS)
    if not (international or default_region):
        return text
    import phonenumbers

    why = _NOT_PLACED if international else _NOT_IN_REGION.format(region=default_region)
    try:
        parsed = phonenumbers.parse(number, None if international else default_region)
    except phonenumbers.NumberParseException as error:
        _let_go(error)
        return _problem(text, default_region, why)
    if parsed.extension:
        return text
    placed = (
        phonenumbers.is_possible_number(parsed)
        if international
        else phonenumbers.is_valid_number(parsed)
    )
    if not placed:
        return _problem(text, default_region, why)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _let_go(error: BaseException) -> None:
    """Clear the frames of a handled exception and of those it was raised during.

    phonenumbers raises while handling another of its exceptions, which leaves a reference
    cycle through the frames; with cyclic garbage collection paused for an import, every
    frame up the stack, and all the rows an import thread holds, would stay alive until the
    collector ran again, and then take it a long pause to free.
    """
    seen: BaseException | None = error
    while seen is not None:
        traceback.clear_frames(seen.__traceback__)
        seen = seen.__context__
