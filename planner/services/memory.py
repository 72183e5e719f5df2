"""Python's garbage collector around bulk work, and letting go of large collections.

Reading a large file, importing it, or loading a list of 100,000 people makes hundreds of
thousands of objects that hold no reference cycle, most of them kept afterwards (the table
read, the import's undo data, the rows on screen). Python's cyclic collector would walk them
over and over as they pile up, and again at the first collections after: each pass holds the
GIL for up to a fifth of a second, work lost and a window frozen meanwhile.

`bulk_objects` wraps such work. Garbage made before it is collected first. The collector is
then paused, and when the work ends everything alive is frozen (`gc.freeze`). Frozen objects
are left out of later collections. Reference counting still frees them when nothing uses them
any more, which is how rows and tables without cycles go.

The catch: an object frozen alive that later becomes part of an unreachable cycle is never
collected. Collecting first keeps that to what is made during the work. That first pass is
cheap, since after one freeze it only walks what was made since.

The pause is process-wide and the work may overlap (a list loading while an import runs), so
pauses are counted. Only the first collects. The last one freezes and switches the collector
back on, and only if it was on when the first began.
"""

from __future__ import annotations

import contextlib
import gc
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["bulk_objects", "forget"]

_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextlib.contextmanager
def bulk_objects() -> Iterator[None]:
    """Bulk work without reference cycles inside: see the module."""
    global _pauses, _was_enabled
    with _lock:
        first = _pauses == 0
        if first:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    if first and _was_enabled:
        gc.collect()
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.freeze()
                gc.enable()


def forget(memories: Iterable[dict[Any, Any] | list[Any]], batch: int = 5000) -> None:
    """Empty these dicts and lists `batch` entries at a time, giving up the GIL in between:
    freeing a hundred thousand objects in one go would hold up every other thread (a GUI)."""
    for memory in memories:
        while memory:
            if isinstance(memory, dict):
                for _ in range(min(batch, len(memory))):
                    memory.popitem()
            else:
                del memory[-batch:]
            time.sleep(0)
