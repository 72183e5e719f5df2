"""The rows of an attendee file made ready for matching: mapped onto fields, cleaned up, and
given the keys the matching compares them by.

This is the part of an import that depends on nothing but the row, so for a large file it is
shared with one helper process (`PreparedChunks`): the import thread matches and writes the
rows in file order, and whenever the row it needs next is not ready, it prepares part of the
file itself: that row, if the helper has not started on it, else a later part. Both produce
exactly the same prepared rows; when the helper cannot be started or fails, the import thread
prepares every row.

A prepared row is a flat tuple (`planner.domain.dedupe.Prepared`, cheap to pass between
processes); a row that is not a person (cancelled, no name or email) is a `Skipped`; a value
of a row kept otherwise than expected (an email that is no address...) is a `ChangedValue`,
just before its row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import Future
from typing import TYPE_CHECKING

from planner.domain.dedupe import (
    Prepared,
    company_key,
    compare_of,
    email_key,
    family_first,
    name_key,
    ordered_block_keys,
)
from planner.domain.importing import ChangedValue, Skipped, SourceRow
from planner.interchange.normalize import Normalizer
from planner.interchange.row_mapping import RowPlan, map_rows
from planner.services.memory import forget

if TYPE_CHECKING:
    from planner.services.helper_process import HelperProcess

Rows = list[tuple[int, tuple[str, ...]]]
"""Some rows of a table as (line, cells): what a chunk is, here and in the helper."""

__all__ = ["PARALLEL_FROM_ROWS", "PreparedChunks", "RowPreparer"]

CHUNK_ROWS = 500
"""Rows prepared at a time, in this thread or the helper; also the rows between progress
reports, cancel checks and yields of the GIL."""
PARALLEL_FROM_ROWS = 20_000
"""Files with fewer rows are prepared in the import thread alone: starting the helper
(a new Python interpreter) costs more than it saves."""
IN_FLIGHT = 48
"""Chunks handed to the helper ahead of need: enough for it to keep working while the import
thread writes (the import thread takes back those not started when it runs short)."""
KEYS_KEPT = 65536
"""Distinct names (and name parts) whose keys are remembered during an import."""


class RowPreparer:
    """Prepares the rows of one file (`plan`), remembering the clean-up and keys of values that
    repeat from row to row; what it remembers goes with it, or with `release`."""

    __slots__ = ("full_keys", "name_parts", "normalize", "plan")

    def __init__(self, plan: RowPlan, default_region: str | None) -> None:
        self.plan = plan
        self.normalize = Normalizer(default_region)
        self.full_keys: dict[str, tuple[str, str]] = {}  # full name → name_key, compare key
        self.name_parts: dict[str, str] = {}  # given or family name → its key, no spaces

    def __call__(self, rows: Rows) -> list[Prepared | Skipped | ChangedValue]:
        """The rows, prepared, in their order."""
        normalize = self.normalize.values
        changed = self.normalize.changed
        keys = self.keys
        prepared: list[Prepared | Skipped | ChangedValue] = []
        append = prepared.append
        for line, values in map_rows(self.plan, rows):
            person = normalize(line, values)
            if changed:  # a value of this row kept otherwise than expected: before the row
                prepared.extend(changed)
                changed.clear()
            if isinstance(person, Skipped):
                append(person)
                continue
            _, full_name, given_name, family_name, email, company, _, _, linkedin, _, _ = person
            append(
                person
                + keys(
                    email is not None and full_name == email,
                    full_name,
                    given_name,
                    family_name,
                    email,
                    company,
                    linkedin.casefold() if linkedin else None,
                )
            )
        return prepared

    def keys(
        self,
        named_by_email: bool,
        full_name: str,
        given_name: str | None,
        family_name: str | None,
        email: str | None,
        company: str | None,
        linkedin_key: str | None,
    ) -> tuple[bool, str, str | None, str | None, str, tuple[str, ...]]:
        """(named_by_email, compare, email key, linkedin key, company key, block keys): the
        R_NAMED_BY_EMAIL .. R_BLOCKS of a person with these values, whether from a file or
        from the database."""
        company_text = company_key(company)
        if named_by_email:
            return True, "", email_key(email), linkedin_key, company_text, ()
        full_keys = self.full_keys
        found = full_keys.get(full_name)
        if found is None:
            if len(full_keys) >= KEYS_KEPT:
                full_keys.clear()
            full_key = name_key(full_name)
            found = full_keys[full_name] = (full_key, compare_of(full_key))
        full_key, compare = found
        if not compare:
            return False, "", email_key(email), linkedin_key, company_text, ()
        given = self._name_part(given_name) if given_name else ""
        family = self._name_part(family_name) if family_name else ""
        blocks = ordered_block_keys(full_key.split(), given, family, company_text)
        compare = family_first(compare, given, family)
        return False, compare, email_key(email), linkedin_key, company_text, blocks

    def _name_part(self, name: str) -> str:
        """A given or family name's key without spaces, remembered."""
        parts = self.name_parts
        found = parts.get(name)
        if found is None:
            if len(parts) >= KEYS_KEPT:
                parts.clear()
            found = parts[name] = name_key(name).replace(" ", "")
        return found

    def release(self, batch: int = 5000) -> None:
        """Forget everything, `batch` entries at a time (see memory.forget)."""
        forget((self.full_keys, self.name_parts, *self.normalize.memories), batch)


# --- sharing the work with a helper process -----------------------------------------------------

# The helper's own preparer, made once when it starts.
_HELPER: RowPreparer | None = None


def _start_helper(plan: RowPlan, default_region: str | None) -> None:
    import gc

    global _HELPER
    gc.disable()  # nothing it makes holds a cycle; see planner.services.memory
    _follow_parent()
    _exit_at_once()
    _HELPER = RowPreparer(plan, default_region)


def _exit_at_once() -> None:
    """When the helper's work is over, skip tearing down what it made: the process that
    started it waits for its exit (at the latest, when that process itself exits), and
    freeing the helper's objects one by one took 0.15 s of a command-line import."""
    import atexit
    import os
    import sys

    def leave() -> None:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        os._exit(0)  # the pool reads no exit status: a helper that failed said so in its result

    atexit.register(leave)


def _follow_parent() -> None:
    """End this helper as soon as the process that started it is gone. If that process was
    killed or crashed mid-import, the helper would otherwise wait for work forever."""
    import multiprocessing
    import os
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="parent watch", daemon=True).start()


def _prepare_in_helper(rows: Rows) -> list[Prepared | Skipped | ChangedValue]:
    assert _HELPER is not None
    return _HELPER(rows)


def _executor(plan: RowPlan, default_region: str | None) -> HelperProcess | None:
    """One helper process, started fresh (spawn: the import thread may share its process with
    a GUI's threads, which fork would copy in whatever state they are in) and fed through a
    pipe, which leaves nothing behind however this process ends (see helper_process); None
    when this system cannot start one."""
    try:
        from planner.services.helper_process import HelperProcess

        return HelperProcess(_start_helper, (plan, default_region))
    except (OSError, ImportError, NotImplementedError):
        return None


class PreparedChunks:
    """The rows of a table prepared, a chunk at a time, in file order: iterate once, then
    `close` (or use it in a `with`).

    `parallel`: share the work with a helper process (True), do not (False), or decide by
    the number of rows (None: from PARALLEL_FROM_ROWS on). The helper is started, and handed
    its first chunks, when this is made: make it before other work the import does first
    (loading the people already known), so the helper is under way by the time the first
    chunk is wanted. The helper takes the next chunks nobody has taken, IN_FLIGHT at a time.
    When the chunk wanted next is not ready, this thread takes it back if the helper has not
    started it; otherwise it takes back the last chunk the helper has not started (or the
    first nobody has taken) and prepares that meanwhile. A helper that fails leaves its chunks
    to this thread. The caller may stop iterating at any time (cancel): `close` tells the
    helper to stop after its current chunk.
    """

    def __init__(
        self,
        rows: Sequence[SourceRow],
        preparer: RowPreparer,
        *,
        parallel: bool | None = None,
    ) -> None:
        self._rows = rows
        self._preparer = preparer
        self._count = -(-len(rows) // CHUNK_ROWS)
        if parallel is None:
            parallel = len(rows) >= PARALLEL_FROM_ROWS
        plan, region = preparer.plan, preparer.normalize.default_region
        self._executor = _executor(plan, region) if parallel else None
        self._broken = self._executor is None
        self._helper: dict[int, Future[list[Prepared | Skipped | ChangedValue]]] = {}
        self._done_here: dict[int, list[Prepared | Skipped | ChangedValue]] = {}
        self._ahead = 0  # the first chunk nobody has taken
        self._hand_out()

    def __enter__(self) -> PreparedChunks:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __iter__(self) -> Iterator[list[Prepared | Skipped | ChangedValue]]:
        for index in range(self._count):
            yield self._next_chunk(index)
            self._hand_out()

    def close(self) -> None:
        """Let the helper go: it finishes the chunk in hand, if any, and exits on its own."""
        executor, self._executor = self._executor, None
        self._broken = True
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)

    def _chunk(self, index: int) -> Rows:
        size = CHUNK_ROWS
        return [(row.line, row.cells) for row in self._rows[index * size : (index + 1) * size]]

    def _hand_out(self) -> None:
        helper, executor = self._helper, self._executor
        while not self._broken and len(helper) < IN_FLIGHT and self._ahead < self._count:
            assert executor is not None
            try:
                helper[self._ahead] = executor.submit(_prepare_in_helper, self._chunk(self._ahead))
            except Exception:  # RuntimeError once the helper has failed or stopped
                self._broken = True
                return
            self._ahead += 1

    def _next_chunk(self, index: int) -> list[Prepared | Skipped | ChangedValue]:
        helper, done_here = self._helper, self._done_here
        while index not in done_here:
            future = helper.get(index)
            if future is None or future.cancel():  # nobody has it, or the helper not yet
                helper.pop(index, None)
                self._ahead = max(self._ahead, index + 1)
                return self._here(index)
            later = None if future.done() or self._broken else self._spare()
            if later is None:  # wait for the helper
                del helper[index]
                try:
                    return future.result()
                except Exception:  # the helper failed: this thread does its work
                    self._broken = True
                    return self._here(index)
            done_here[later] = self._here(later)
            self._hand_out()
        return done_here.pop(index)

    def _spare(self) -> int | None:
        """A chunk to prepare here while the helper works on the one wanted: the last one it
        has not started (taken back), else the first nobody has taken; None if none is left."""
        helper = self._helper
        for later in reversed(helper):
            if helper[later].cancel():
                del helper[later]
                return later
        if self._ahead < self._count:
            self._ahead += 1
            return self._ahead - 1
        return None

    def _here(self, index: int) -> list[Prepared | Skipped | ChangedValue]:
        return self._preparer(self._chunk(index))
