"""Time a large attendee import against what the same file costs at the least, and how long
the app's window stops responding while it imports the file.

    python benchmarks/import_speed.py                   # 150,000 rows over 20,000 people
    python benchmarks/import_speed.py --rows 20000 --runs 3

1. Writes an Eventbrite-shaped CSV (benchmarks/make_eventbrite_csv.py) and a data folder
   holding `--existing` people (existing_person(0..N-1), one transaction) and one event.
2. Floor: csv.DictReader over the file and executemany of its raw rows into one SQLite table
   in one transaction, on a new database with the app's settings (WAL, synchronous FULL).
3. Import: on a fresh copy of the data folder, `prepare_import` (read_table and the layout)
   and `run_import` (normalise, de-duplicate against the database and within the file, write
   people, attendances and review items in one transaction), timed apart; then, once,
   `undo_import` and `redo_import` of that import.
4. Command line: on another fresh copy, `planner import FILE --event 1` as a whole process
   (the installed `planner` command, or `python -m planner`), from just before it is started
   to its exit: interpreter start, imports, reading, importing, the printed report, and the
   interpreter's exit. The planner package is compiled to .pyc files first, as installing it
   does (the libraries have theirs from their install; this environment may set
   PYTHONDONTWRITEBYTECODE, and a private PYTHONPYCACHEPREFIX would leave the helper process
   compiling phonenumbers' region data at every run: about 130 modules).
5. Stall: on another fresh copy, the app itself (its window, offscreen) imports the file
   into the event open on its People tab, from `ImportController.start` to the list showing
   the new rows, the column and report dialogs answered as they come; a 5 ms QTimer ticks on
   the GUI thread, and the longest gap between ticks is how long the window froze.

Every floor, import and stall run is timed in a new interpreter, as the first import of a
session would be.

Prints the figures: read + import (file to database) / floor against the 4x target, run_import
alone / floor beside it, the command's whole process / file to database against the 1.25x
target, and the longest gap against the 100 ms target. `--parallel off` times
the import without its helper process (one CPU). Exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import multiprocessing
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_eventbrite_csv as generator  # noqa: E402

from planner.domain.ids import EventId  # noqa: E402
from planner.domain.importing import ImportReport  # noqa: E402
from planner.domain.model import Event, Person  # noqa: E402
from planner.services.events import EventService  # noqa: E402
from planner.services.importing.service import (  # noqa: E402
    ImportOutcome,
    PreparedImport,
    prepare_import,
    redo_import,
    run_import,
    undo_import,
)
from planner.services.workspace import DATABASE_NAME, Workspace  # noqa: E402

T = TypeVar("T")
TARGET_RATIO = 4.0
TARGET_GAP_MS = 100.0
TARGET_PROCESS_RATIO = 1.25  # `planner import` as a whole process, against file to database
GUI_TICK_MS = 5


def build_data(folder: Path, existing: int) -> EventId:
    people = []
    for index in range(existing):
        a = generator.existing_person(index)
        people.append(
            Person(
                full_name=f"{a.given} {a.family}",
                given_name=a.given,
                family_name=a.family,
                email=a.email,
                company=a.company or None,
                title=a.title or None,
                phone=a.phone or None,
            )
        )
    with Workspace.open(folder) as workspace:
        workspace.repos.people.add_many(people)
        event = EventService(workspace).create(
            Event(
                name="Web Summit",
                start=datetime(2026, 11, 10, 9, tzinfo=UTC),
                end=datetime(2026, 11, 13, 18, tzinfo=UTC),
                timezone="Europe/Lisbon",
            )
        )
    assert event.id is not None
    return event.id


def fresh_copy(base: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copyfile(base / DATABASE_NAME, target / DATABASE_NAME)
    return target


def floor(csv_path: Path, folder: Path) -> float:
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / "floor.sqlite3"
    database.unlink(missing_ok=True)
    start = time.perf_counter()
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    with open(csv_path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = reader.fieldnames or []
        conn.execute(f"CREATE TABLE raw ({', '.join(f'c{i} TEXT' for i in range(len(columns)))})")
        conn.execute("BEGIN")
        conn.executemany(
            f"INSERT INTO raw VALUES ({', '.join('?' for _ in columns)})",
            (tuple(row.values()) for row in reader),
        )
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def cold_caches() -> None:
    """Forget what earlier runs normalised: every run starts as the first import would
    (the libraries stay imported, as they would after a first import in a session)."""
    import rapidfuzz.process  # noqa: F401

    from planner.domain import dedupe
    from planner.interchange import normalize, phones

    dedupe.name_key.cache_clear()
    dedupe.company_key.cache_clear()
    phones._PHONES.clear()
    phones._PHONE_PROBLEMS.clear()
    for cached in (
        normalize.linkedin_url,
        normalize.role,
        normalize._split_latin,
        normalize._not_coming,
    ):
        cached.cache_clear()


def timed_import(
    folder: Path, csv_path: Path, event_id: EventId, *, undo: bool, parallel: bool | None
) -> tuple[float, float, ImportOutcome, PreparedImport, tuple[float, float] | None]:
    cold_caches()
    with Workspace.open(folder) as workspace:
        start = time.perf_counter()
        prepared = prepare_import(csv_path)
        read = time.perf_counter() - start
        start = time.perf_counter()
        outcome = run_import(
            workspace,
            prepared.table,
            prepared.mapping,
            event_id,
            layout=prepared.layout,
            parallel=parallel,
        )
        imported = time.perf_counter() - start
        undo_redo = None
        if undo:
            start = time.perf_counter()
            undo_import(workspace, outcome.changes)
            undone = time.perf_counter() - start
            start = time.perf_counter()
            redo_import(workspace, outcome.changes)
            undo_redo = (undone, time.perf_counter() - start)
    return read, imported, outcome, prepared, undo_redo


def in_fresh_process(function: Callable[..., T], *args: Any) -> T:
    """`function(*args)` in a new interpreter: every run is the first import of a session
    (a second read in the same process is ~40 % slower, the allocator holding the first
    one's memory)."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def import_run(
    folder: Path, csv_path: Path, event_id: EventId, undo: bool, parallel: bool | None
) -> tuple[float, float, ImportReport, tuple[float, float] | None]:
    read, imported, outcome, _, undo_redo = timed_import(
        folder, csv_path, event_id, undo=undo, parallel=parallel
    )
    return read, imported, outcome.report, undo_redo


def planner_command() -> list[str]:
    """The `planner` command installed beside this interpreter, else `python -m planner`."""
    script = Path(sys.executable).with_name("planner")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "planner"]


def command_env() -> dict[str, str]:
    """The environment the timed runs have, less a data folder of the user's."""
    env = dict(os.environ)
    env.pop("PLANNER_DATA_DIR", None)
    return env


def command_run(
    folder: Path, csv_path: Path, event_id: EventId, env: dict[str, str], output: Path
) -> float:
    """Seconds from starting `planner import` to its exit; its report goes to `output`."""
    argv = [*planner_command(), "--data-dir", str(folder), "import", str(csv_path)]
    argv += ["--event", str(event_id)]
    with output.open("wb") as out:
        start = time.perf_counter()
        done = subprocess.run(argv, stdout=out, stderr=subprocess.PIPE, env=env, check=False)
        elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"planner import failed: {done.stderr.decode(errors='replace')}")
    return elapsed


def compile_planner() -> None:
    """The planner's .pyc files, as an install writes them (in its __pycache__ folders)."""
    import compileall

    import planner

    compileall.compile_dir(Path(planner.__file__).parent, quiet=1)


def printed_count(report_text: str, label: str) -> int:
    for line in report_text.splitlines():
        if line.strip().startswith(label):
            return int(line.rsplit(maxsplit=1)[-1].replace(",", ""))
    raise RuntimeError(f"the report has no line {label!r}")


def stall_run(folder: Path, csv_path: Path, event_id: EventId) -> tuple[list[float], float]:
    """The whole import as the app runs it, in its real window (offscreen Qt): the event open
    on its People tab, `ImportController.start` (the file read in a worker, the column dialog
    built and accepted as it comes, the import in a worker, the report dialog built), until
    the event's list holds the new rows. A 5 ms QTimer ticks on the GUI thread meanwhile.
    Returns the gaps between ticks, and the seconds until the report."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer, qInstallMessageHandler

    def quiet(kind: Any, context: Any, message: str) -> None:
        if "propagateSizeHints" not in message:  # the offscreen platform's note, every window
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)

    from planner.app import build_window, make_application
    from planner.gui.importing import controller as gui_importing
    from planner.gui.importing.import_dialog import ImportDialog

    cold_caches()
    app = make_application([sys.argv[0]])
    reported: list[float] = []

    def answer(dialog: Any) -> int:  # the modal dialogs, answered as they come
        dialog.deleteLater()
        if isinstance(dialog, ImportDialog):
            return 1  # the columns as recognised, into the event open
        reported.append(time.perf_counter())
        return 0

    gui_importing.exec_once = answer
    with Workspace.open(folder) as workspace:
        window = build_window(workspace)
        window.resize(1200, 760)
        window.show()
        window.open_event(event_id, window.page("event").PEOPLE)
        attendees = window.page("event").attendees.model
        for _ in range(20):
            app.processEvents()
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(GUI_TICK_MS)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start()
        start = time.perf_counter()
        ticks.append(start)
        window.importer.start(csv_path, event_id)
        while not reported or attendees.loading or window.importer.busy:
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() - start > 300:
                raise RuntimeError("the import did not finish in 5 minutes")
        timer.stop()
        window.close()
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    return gaps, reported[0] - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=150_000)
    parser.add_argument("--existing", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=1, help="timed runs of each (default 1)")
    parser.add_argument("--no-stall", action="store_true", help="skip the stall measurement")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--parallel",
        choices=("auto", "on", "off"),
        default="auto",
        help="share the preparation of rows with a helper process (auto: from 20,000 rows)",
    )
    args = parser.parse_args(argv)
    parallel = {"auto": None, "on": True, "off": False}[args.parallel]

    root = Path(tempfile.mkdtemp(prefix="planner-import-"))
    try:
        csv_path = root / "attendees.csv"
        start = time.perf_counter()
        generator.write(csv_path, args.rows, existing=args.existing)
        base = root / "base"
        event_id = build_data(base, args.existing)
        print(
            f"{args.rows:,} rows ({csv_path.stat().st_size / 1e6:.1f} MB), {args.existing:,} "
            f"people in the database; set up in {time.perf_counter() - start:.1f} s"
        )

        compile_planner()
        env = command_env()
        floors, reads, imports, processes = [], [], [], []
        report = undo_redo = None
        printed = root / "printed.txt"
        for run in range(args.runs):
            floors.append(in_fresh_process(floor, csv_path, root / "floor"))
            read, imported, report, timings = in_fresh_process(
                import_run,
                fresh_copy(base, root / f"run{run}"),
                csv_path,
                event_id,
                run == 0,
                parallel,
            )
            undo_redo = undo_redo or timings
            reads.append(read)
            imports.append(imported)
            processes.append(
                command_run(fresh_copy(base, root / "command"), csv_path, event_id, env, printed)
            )
        assert report is not None
        text = printed.read_text(encoding="utf-8")
        if (printed_count(text, "New people"), printed_count(text, "To review")) != (
            report.added,
            len(report.review),
        ):
            raise RuntimeError(f"planner import reported otherwise:\n{text}")

        floor_s = statistics.median(floors)
        read_s = statistics.median(reads)
        import_s = statistics.median(imports)
        whole = read_s + import_s
        ratio = whole / floor_s
        verdict = "PASS" if ratio <= TARGET_RATIO else "OVER"
        print(f"floor (DictReader + executemany)  {floor_s:7.2f} s")
        print(f"read_table + layout               {read_s:7.2f} s")
        print(
            f"run_import                        {import_s:7.2f} s   "
            f"{args.rows / import_s:,.0f} rows/s   {import_s / floor_s:.1f}x the floor"
        )
        print(
            f"file to database (read + import)  {whole:7.2f} s   "
            f"{ratio:.1f}x the floor (target {TARGET_RATIO:.0f}x: {verdict})"
        )
        process_s = statistics.median(processes)
        process_ratio = process_s / whole
        verdict = "PASS" if process_ratio <= TARGET_PROCESS_RATIO else "OVER"
        print(
            f"planner import (whole process)    {process_s:7.2f} s   "
            f"{process_ratio:.2f}x file to database (target {TARGET_PROCESS_RATIO}x: {verdict})"
        )
        if args.runs > 1:
            pairs = zip(reads, imports, processes, strict=True)
            print(
                "  each run, file to database / whole process: "
                + ", ".join(f"{r + i:.2f} / {p:.2f} s" for r, i, p in pairs)
            )
        print(
            f"report: layout {report.layout!r}, added {report.added:,}, merged "
            f"{report.merged:,}, updated {report.updated:,}, attendances "
            f"{report.attendances_added:,}, to review {len(report.review):,}, skipped "
            f"{len(report.skipped):,}"
        )

        if undo_redo is not None:
            print(
                f"undo_import {undo_redo[0]:.2f} s, redo_import {undo_redo[1]:.2f} s "
                "(one transaction each)"
            )

        if not args.no_stall:
            gaps, report_s = in_fresh_process(
                stall_run, fresh_copy(base, root / "stall"), csv_path, event_id
            )
            longest = max(gaps) * 1000
            ordered = sorted(gaps)
            p99 = ordered[int(len(ordered) * 0.99)] * 1000
            verdict = "PASS" if longest < TARGET_GAP_MS else "OVER"
            print(
                f"the app importing the file (window open on the event's People tab): report "
                f"after {report_s:.2f} s; GUI thread ticked {len(gaps):,} times, longest gap "
                f"{longest:.1f} ms (target < {TARGET_GAP_MS:.0f} ms: {verdict}), 99th percentile "
                f"{p99:.1f} ms"
            )
    finally:
        if args.keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
