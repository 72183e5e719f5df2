"""User-ordered lists (goals, checklist items, routine steps) move one row at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def moved(order: Sequence[T], item: T, step: int) -> list[T]:
    """The order after moving `item` by `step` places, stopping at either end."""
    result = list(order)
    at = result.index(item)
    target = max(0, min(len(result) - 1, at + step))
    result.insert(target, result.pop(at))
    return result
