"""Preparing rows for matching, alone or shared with a helper process: the same import."""

from __future__ import annotations

import gc
import multiprocessing
import random
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from planner.domain.dedupe import block_keys_of_keys, ordered_block_keys
from planner.domain.importing import Field, Mapping, SourceRow, Table, TableKind
from planner.interchange.row_mapping import row_plan
from planner.services.importing import rows as import_rows
from planner.services.importing.rows import PreparedChunks, RowPreparer
from planner.services.importing.service import (
    ImportCancelled,
    ImportOutcome,
    prepare_import,
    run_import,
)
from planner.services.workspace import Workspace
from tests.builders import event_id_in

HEADERS = ("First", "Last", "Email", "Company", "Phone", "Ticket", "Status")
MAPPING: Mapping = {
    0: Field.GIVEN_NAME,
    1: Field.FAMILY_NAME,
    2: Field.EMAIL,
    3: Field.COMPANY,
    4: Field.PHONE,
    5: Field.ROLE,
    6: Field.STATUS,
}
GIVEN = ("Ana", "João", "Zoë", "Łukasz", "Siobhán", "Mei", "Omar", "Noa", "Inês", "Björn")
FAMILY = ("Lima", "Gonçalves", "Ó Briain", "Nowak", "Müller", "Levi", "Haddad", "Costa", "Sá")
COMPANIES = ("Acme", "Globex Lda.", "Initech", "", "Umbrella GmbH", "桜キャピタル株式会社")


def varied_rows(count: int, seed: int = 7) -> list[tuple[str, ...]]:
    """Rows with everything the matcher weighs: repeats with the email in capitals, namesakes
    without an email, typos at the same company, CJK and Arabic names, cancellations, phones."""
    rng = random.Random(seed)
    rows: list[tuple[str, ...]] = []
    for n in range(count):
        roll = rng.random()
        if rows and roll < 0.08:  # a second ticket, the email in capitals
            first, last, email, *rest = rng.choice(rows)
            rows.append((first, last, email.upper(), *rest))
            continue
        if rows and roll < 0.12:  # a typo in the family name, no email, same company
            first, last, _, company, *rest = rng.choice(rows)
            rows.append((first, last[:-1] + "x", "", company, *rest))
            continue
        if roll < 0.17:
            first, last = rng.choice((("美咲", "田中"), ("أحمد", "حداد"), ("נועה", "לוי")))
        else:
            first, last = rng.choice(GIVEN), f"{rng.choice(FAMILY)}{n % 97}"
        email = "" if roll > 0.9 else f"p{n}@example.org"
        phone = rng.choice(("", "", f"+351 912 345 {n % 1000:03d}", f"0049 30 1234{n:04d}"))
        ticket = rng.choice(("General", "General", "Speaker Pass", "Sponsor"))
        status = "Cancelled" if roll > 0.97 else "Attending"
        rows.append((first, last, email, rng.choice(COMPANIES), phone, ticket, status))
    return rows


def table(rows: list[tuple[str, ...]]) -> Table:
    return Table(
        source="attendees.csv",
        kind=TableKind.CSV,
        headers=HEADERS,
        rows=tuple(SourceRow(line, cells) for line, cells in enumerate(rows, start=2)),
        encoding="utf-8",
        delimiter=",",
    )


def content(workspace: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every row the import writes, without the clock's time stamps."""
    conn = workspace.db.connection
    return {
        "person": conn.execute(
            "SELECT id, full_name, given_name, family_name, email, company, title, phone,"
            " linkedin_url, notes, is_sample FROM person ORDER BY id"
        ).fetchall(),
        "attendance": conn.execute("SELECT * FROM attendance ORDER BY id").fetchall(),
        "review": conn.execute(
            "SELECT id, event_id, source, line, new_person_id, existing_person_id, score"
            " FROM import_review ORDER BY id"
        ).fetchall(),
    }


def import_into(tmp_path: Path, name: str, rows: list[tuple[str, ...]], **options: Any) -> Any:
    """The rows imported, then imported again with every status "Attending": the first
    import's report, the second's, and every row written."""
    with Workspace.open(tmp_path / name) as workspace:
        event_id = event_id_in(workspace, "PyCon Lisboa")
        everyone = [(*cells[:-1], "Attending") for cells in rows]
        reports = []
        for listed in (everyone, rows):
            outcome: ImportOutcome = run_import(
                workspace, table(listed), MAPPING, event_id, default_region="PT", **options
            )
            reports.append(outcome.report)
        return *reports, content(workspace)


def test_sharing_the_work_with_a_helper_imports_exactly_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = varied_rows(3000)
    alone = import_into(tmp_path, "alone", rows, parallel=False)
    monkeypatch.setattr(import_rows, "CHUNK_ROWS", 100)  # thirty chunks to share out
    here: list[int] = []
    prepare = RowPreparer.__call__

    def slowly(self: RowPreparer, chunk: Any) -> Any:
        # This thread takes its time, so the helper (a new interpreter) is up to take some.
        here.append(len(chunk))
        time.sleep(0.1)
        return prepare(self, chunk)

    monkeypatch.setattr(RowPreparer, "__call__", slowly)
    shared = import_into(tmp_path, "shared", rows, parallel=True)
    assert 0 < sum(here) < len(rows)  # both prepared some of the rows
    report, again, written = alone
    assert report.merged > 200 and report.review  # the matcher had work
    assert again.skipped and again.attendances_removed  # some are not coming after all
    assert any(row[1] == "田中美咲" for row in written["person"])
    assert shared == alone


def _prepared(rows: Any, preparer: RowPreparer, *, parallel: bool | None = None) -> list[Any]:
    """Every row, prepared by PreparedChunks, in order."""
    with PreparedChunks(rows, preparer, parallel=parallel) as chunks:
        return [row for chunk in chunks for row in chunk]


def _prepare_alone(rows: list[tuple[str, ...]]) -> list[Any]:
    preparer = RowPreparer(row_plan(table(rows), MAPPING), "PT")
    return _prepared(table(rows).rows, preparer, parallel=False)


class _FailingExecutor:
    """A helper that takes chunks and fails every one of them."""

    def __init__(self) -> None:
        self.taken = 0

    def submit(self, function: Callable[..., Any], *args: Any) -> Future[Any]:
        self.taken += 1
        future: Future[Any] = Future()
        future.set_exception(RuntimeError("the helper died"))
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        pass


def test_chunks_a_failed_helper_took_are_prepared_here(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = varied_rows(700)
    executor = _FailingExecutor()
    monkeypatch.setattr(import_rows, "CHUNK_ROWS", 50)
    monkeypatch.setattr(import_rows, "_executor", lambda plan, region: executor)
    preparer = RowPreparer(row_plan(table(rows), MAPPING), "PT")
    shared = _prepared(table(rows).rows, preparer, parallel=True)
    assert executor.taken >= 1
    assert shared == _prepare_alone(rows)


class _NeverStarted(Future[Any]):
    def result(self, timeout: float | None = None) -> Any:
        if not self.done():
            raise AssertionError("waited for a chunk the helper had not started")
        return super().result(timeout)


class _BusyExecutor:
    """A helper that takes chunks and never gets round to them."""

    def __init__(self) -> None:
        self.futures: list[Future[Any]] = []

    def submit(self, function: Callable[..., Any], *args: Any) -> Future[Any]:
        future = _NeverStarted()
        self.futures.append(future)
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        pass


def test_chunks_the_helper_has_not_started_are_taken_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = varied_rows(700)
    executor = _BusyExecutor()
    monkeypatch.setattr(import_rows, "CHUNK_ROWS", 50)  # 14 chunks, all handed out at once
    monkeypatch.setattr(import_rows, "_executor", lambda plan, region: executor)
    preparer = RowPreparer(row_plan(table(rows), MAPPING), "PT")
    shared = _prepared(table(rows).rows, preparer, parallel=True)
    assert len(executor.futures) == 14
    assert all(future.cancelled() for future in executor.futures)
    assert shared == _prepare_alone(rows)


def test_without_a_helper_every_row_is_prepared_here(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = varied_rows(300)
    monkeypatch.setattr(import_rows, "_executor", lambda plan, region: None)
    preparer = RowPreparer(row_plan(table(rows), MAPPING), "PT")
    shared = _prepared(table(rows).rows, preparer, parallel=True)
    assert shared == _prepare_alone(rows)


def test_a_small_file_starts_no_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(plan: Any, region: Any) -> None:
        raise AssertionError("a helper was started for a small file")

    monkeypatch.setattr(import_rows, "_executor", refuse)
    rows = varied_rows(import_rows.PARALLEL_FROM_ROWS // 100)
    preparer = RowPreparer(row_plan(table(rows), MAPPING), "PT")
    assert len(_prepared(table(rows).rows, preparer)) == len(rows)


def test_a_cancelled_shared_import_changes_nothing_and_the_helper_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_rows, "CHUNK_ROWS", 100)
    checks: list[int] = []

    def cancelled() -> bool:
        checks.append(1)
        return len(checks) == 5

    with Workspace.open(tmp_path / "data") as workspace:
        event_id = event_id_in(workspace, "PyCon Lisboa")
        with pytest.raises(ImportCancelled) as caught:
            run_import(
                workspace,
                table(varied_rows(2000)),
                MAPPING,
                event_id,
                cancelled=cancelled,
                parallel=True,
            )
        assert workspace.repos.people.count() == 0
    # Gone while the error (and through its traceback, the import's frames) is still held.
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []
    assert caught.value is not None


def test_block_keys_come_in_one_order_everywhere() -> None:
    for words, given, family, company in (
        (["ana", "lima"], "ana", "lima", "acme"),
        (["田中美咲"], "", "", "桜"),
        (["noa"], "", "", ""),
        (["rui", "costa"], "", "", "globex"),
    ):
        ordered = ordered_block_keys(words, given, family, company)
        assert frozenset(ordered) == block_keys_of_keys(words, given, family, company)
        assert len(set(ordered)) == len(ordered)
        assert [key[:2] for key in ordered] == sorted(
            (key[:2] for key in ordered), key=["n:", "j:", "c:"].index
        )


def test_reading_a_file_pauses_the_garbage_collector_and_puts_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email\nAna Lima,ana@lima.example\n", encoding="utf-8")
    seen: list[bool] = []
    from planner.interchange import tables

    original = tables.read_table

    def watched(target: Path, cancelled: Any = None) -> Table:
        seen.append(gc.isenabled())
        return original(target, cancelled)

    monkeypatch.setattr(tables, "read_table", watched)
    assert gc.isenabled()
    prepared = prepare_import(path)
    assert seen == [False]
    assert gc.isenabled()
    assert prepared.table.rows[0].cells == ("Ana Lima", "ana@lima.example")


def test_the_matching_index_is_freed_after_the_import_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.services.importing import run, service

    freed: list[int] = []
    done = threading.Event()
    release = run.ImportRun.release

    def watched(self: Any) -> None:
        release(self)
        freed.append(threading.get_ident())
        done.set()

    monkeypatch.setattr(run.ImportRun, "release", watched)
    monkeypatch.setattr(service, "RELEASE_AFTER_S", 0.0)
    report, _, written = import_into(tmp_path, "data", varied_rows(300), parallel=False)
    assert report.added > 0 and written["person"]
    assert done.wait(10)
    assert freed and threading.get_ident() not in freed  # not on the thread that imported


_ORPHAN_PARENT = """
import os, sys, time
from planner.domain.importing import Field, SourceRow, Table, TableKind
from planner.interchange.row_mapping import row_plan
from planner.services.importing.rows import PreparedChunks, RowPreparer

if __name__ == "__main__":
    rows = tuple(SourceRow(n + 2, (f"Person {n}", f"p{n}@x.example")) for n in range(5000))
    table = Table("t.csv", TableKind.CSV, ("Name", "Email"), rows, "utf-8")
    mapping = {0: Field.FULL_NAME, 1: Field.EMAIL}
    chunks = PreparedChunks(rows, RowPreparer(row_plan(table, mapping), "PT"), parallel=True)
    print(chunks._executor.submit(os.getpid).result(), flush=True)  # the helper, started
    time.sleep(60)
"""


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return any(line.startswith("State:\\tZ") for line in status)  # ended, not reaped
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_a_helper_whose_import_was_killed_ends_too(tmp_path: Path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(_ORPHAN_PARENT, encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True
    ) as parent:
        try:
            assert parent.stdout is not None
            helper = int(parent.stdout.readline())
            assert not _gone(helper)
        finally:
            parent.kill()  # as a crash or SIGKILL would: no clean-up runs in the parent
            parent.wait(10)
    deadline = time.monotonic() + 10
    while not _gone(helper) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(helper)


_HELPER_EXIT = """
import os, sys
from planner.domain.importing import Field, SourceRow, Table, TableKind
from planner.interchange.row_mapping import row_plan
from planner.services.importing import rows as import_rows

class TornDown:
    \"\"\"Makes its file when freed, as an interpreter tearing down its objects at exit does.\"\"\"
    def __init__(self, path):
        # What it needs, held here: module globals are gone late in an interpreter's exit.
        self.path, self.flags = path, os.O_CREAT | os.O_WRONLY
        self.create, self.close = os.open, os.close
    def __del__(self):
        self.close(self.create(self.path, self.flags))

rows = (SourceRow(2, ("Ana Lima", "ana@x.example")),)
table = Table("t.csv", TableKind.CSV, ("Name", "Email"), rows, "utf-8")
plan = row_plan(table, {0: Field.FULL_NAME, 1: Field.EMAIL})
kept = TornDown(sys.argv[1])
if sys.argv[2] == "helper":
    import_rows._start_helper(plan, "PT")  # what a helper process runs first
"""


@pytest.mark.parametrize("process", ["helper", "other"])
def test_the_helper_exits_without_tearing_down_what_it_made(tmp_path: Path, process: str) -> None:
    """An import waits for its helper to exit; freeing the helper's objects one by one at its
    exit took 0.15 s of a command-line import, for nothing."""
    marker = tmp_path / "torn down"
    done = subprocess.run(
        [sys.executable, "-c", _HELPER_EXIT, str(marker), process],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert marker.exists() == (process == "other")  # any other process tears down as usual
