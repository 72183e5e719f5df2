"""Python's cyclic garbage collector, paused for bulk work.

Reading a large file, importing it, or loading a list of 100,000 people makes hundreds of
thousands of objects that hold no reference cycle. The collector would walk them again and
again as they pile up, each full pass holding the GIL for a tenth of a second or more: work
lost, and a window frozen meanwhile. `no_cyclic_gc` pauses it for the length of such work.

The switch is process-wide and the work may overlap (a list loading while an import runs), so
pauses are counted: the collector comes back when the last one ends, and only if it was on
when the first began.
"""

from __future__ import annotations

import contextlib
import gc
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["forget", "lasting_load", "no_cyclic_gc"]

_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextlib.contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """No cyclic garbage collection inside; only for work that makes no reference cycle."""
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()


@contextlib.contextmanager
def lasting_load() -> Iterator[None]:
    """For loading what will be kept a while, such as the 100,000 rows a table shows: no
    cyclic collection meanwhile, and at the end everything alive is frozen (`gc.freeze`).

    Frozen objects are left out of later collections. Without that, the first collection after
    the load would walk every new row: a fifth of a second with the GIL held, the window
    frozen. Rows hold no reference cycle, so reference counting still frees them when the
    table lets them go. The catch is an object frozen alive that later becomes part of an
    unreachable cycle: it is never collected. To keep that small, garbage is collected first.
    That pass is cheap, because after one freeze it only walks what was made since.
    """
    gc.collect()
    with no_cyclic_gc():
        yield
        gc.freeze()


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
