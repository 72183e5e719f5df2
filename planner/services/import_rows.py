"""The rows of an attendee file made ready for matching: mapped onto fields, cleaned up, and
given the keys the matching compares them by.

This is the part of an import that depends on nothing but the row, so for a large file it is
shared with one helper process (`prepared_chunks`): the import thread matches and writes the
rows in file order, and whenever the row it needs next is still being prepared by the helper,
it prepares a later part of the file itself. Both produce exactly the same prepared rows; when
the helper cannot be started or fails, the import thread prepares every row.

A prepared row is a flat tuple (`planner.domain.dedupe.Prepared`, cheap to pass between
processes); a row that is not a person (cancelled, no name or email) is a `Skipped`.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future
from typing import TYPE_CHECKING

from planner.domain.dedupe import (
    Prepared,
    company_key,
    compare_of,
    email_key,
    name_key,
    ordered_block_keys,
)
from planner.domain.importing import Skipped, SourceRow
from planner.interchange.layouts import RowPlan, map_rows
from planner.interchange.normalize import Normalizer, forget

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

Rows = list[tuple[int, tuple[str, ...]]]
"""Some rows of a table as (line, cells): what a chunk is, here and in the helper."""

__all__ = ["PARALLEL_FROM_ROWS", "RowPreparer", "prepared_chunks"]

CHUNK_ROWS = 500
"""Rows prepared at a time, in this thread or the helper; also the rows between progress
reports, cancel checks and yields of the GIL."""
PARALLEL_FROM_ROWS = 20_000
"""Files with fewer rows are prepared in the import thread alone: starting the helper
(a new Python interpreter) costs more than it saves."""
IN_FLIGHT = 4
"""Chunks handed to the helper ahead of need."""
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

    def __call__(self, rows: Rows) -> list[Prepared | Skipped]:
        """The rows, prepared, in their order."""
        normalize = self.normalize.values
        keys = self.keys
        prepared: list[Prepared | Skipped] = []
        append = prepared.append
        for line, values in map_rows(self.plan, rows):
            person = normalize(line, values)
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
        """Forget everything, `batch` entries at a time (see normalize.forget)."""
        forget((self.full_keys, self.name_parts), batch)
        self.normalize.release(batch)


# --- sharing the work with a helper process -----------------------------------------------------

# The helper's own preparer, made once when it starts.
_HELPER: RowPreparer | None = None


def _start_helper(plan: RowPlan, default_region: str | None) -> None:
    import gc

    global _HELPER
    gc.disable()  # nothing it makes holds a cycle; see services.importing._no_cyclic_gc
    _HELPER = RowPreparer(plan, default_region)


def _prepare_in_helper(rows: Rows) -> list[Prepared | Skipped]:
    assert _HELPER is not None
    return _HELPER(rows)


def _executor(plan: RowPlan, default_region: str | None) -> ProcessPoolExecutor | None:
    """One helper process, started fresh (spawn: the import thread may share its process with
    a GUI's threads, which fork would copy in whatever state they are in); None when this
    system cannot start one."""
    try:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_helper,
            initargs=(plan, default_region),
        )
    except (OSError, ImportError, NotImplementedError):
        return None


def prepared_chunks(
    rows: Sequence[SourceRow],
    preparer: RowPreparer,
    *,
    parallel: bool | None = None,
) -> Generator[list[Prepared | Skipped], None, None]:
    """The rows prepared, a chunk at a time, in file order.

    `parallel`: share the work with a helper process (True), do not (False), or decide by
    the number of rows (None: from PARALLEL_FROM_ROWS on). The caller may stop iterating at
    any time (cancel); the helper is then told to stop after its current chunk.
    """
    size = CHUNK_ROWS
    count = -(-len(rows) // size)

    def chunk(index: int) -> Rows:
        return [(row.line, row.cells) for row in rows[index * size : (index + 1) * size]]

    if parallel is None:
        parallel = len(rows) >= PARALLEL_FROM_ROWS
    executor = _executor(preparer.plan, preparer.normalize.default_region) if parallel else None
    if executor is None:
        for index in range(count):
            yield preparer(chunk(index))
        return
    try:
        yield from _shared(count, chunk, preparer, executor)
    finally:
        # The helper finishes the chunk in hand, if any, and exits on its own.
        executor.shutdown(wait=False, cancel_futures=True)


def _shared(
    count: int,
    chunk: Callable[[int], Rows],
    preparer: RowPreparer,
    executor: ProcessPoolExecutor,
) -> Generator[list[Prepared | Skipped], None, None]:
    """Chunks in order: the helper takes the next ones not yet taken (IN_FLIGHT at a time);
    while the chunk needed next is still with it, this thread prepares the first chunk nobody
    has taken. A helper that fails leaves its chunks to this thread."""
    helper: dict[int, Future[list[Prepared | Skipped]]] = {}
    done_here: dict[int, list[Prepared | Skipped]] = {}
    ahead = 0  # the first chunk nobody has taken
    broken = False

    def hand_out() -> None:
        nonlocal ahead, broken
        while not broken and len(helper) < IN_FLIGHT and ahead < count:
            try:
                helper[ahead] = executor.submit(_prepare_in_helper, chunk(ahead))
            except Exception:  # BrokenProcessPool, RuntimeError after a failure...
                broken = True
                return
            ahead += 1

    def next_chunk(index: int) -> list[Prepared | Skipped]:
        nonlocal ahead, broken
        while True:
            if index in done_here:
                return done_here.pop(index)
            future = helper.get(index)
            if future is None:  # nobody has it: prepare it here
                ahead = max(ahead, index + 1)
                return preparer(chunk(index))
            if future.done() or broken or ahead >= count:
                del helper[index]
                try:
                    return future.result()
                except Exception:  # the helper failed: this thread does its work
                    broken = True
                    return preparer(chunk(index))
            done_here[ahead] = preparer(chunk(ahead))  # useful while the helper works
            ahead += 1
            hand_out()

    hand_out()
    for index in range(count):
        yield next_chunk(index)
        hand_out()
