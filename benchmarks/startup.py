"""Cold start-up of the desktop app, measured against a bare PySide6 window.

    /work/venv/bin/python benchmarks/startup.py [--runs N] [--platform NAME | --xvfb]
                                                [--importtime] [--profile]

1. Builds a throw-away data folder holding 10,000 people and 50 events (20 of them with 200
   attendees each), written through the app's own Workspace and repositories.
2. Starts two kinds of child process, N times each, interleaved (floor, app, floor, app, ...):
   - floor: `python -c` that imports PySide6.QtWidgets, creates a QApplication and shows a
     1200x760 QMainWindow;
   - app: `python -c` that does what `planner --data-dir D` does (planner.cli parses the
     arguments, then planner.app's make_application, open_workspace, build_window, show).
   Each child prints "ready" once its main window has had its first paint event and the event
   loop has come back idle (a zero-timer after the first QEvent.Paint). The parent times from
   just before Popen to reading that line (time.perf_counter).
3. Prints median and min of both, the ratio app/floor (medians) against the 1.3x target, where
   the time goes (phase marks the children take with time.time()), and which heavy modules the
   app had imported when it was ready (it should import none of them at start-up).

It is a benchmark, not a test: the exit status is 0 whatever the figures, and non-zero only when
a measurement could not be taken (a child crashed, timed out or never reported ready).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from itertools import pairwise
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
try:
    import planner  # noqa: F401 - only checks the project is importable

    FROM_SOURCE = False
except ImportError:  # run with a Python that has not installed the project: use the source tree
    sys.path.insert(0, str(ROOT))
    FROM_SOURCE = True

from planner.domain.enums import (  # noqa: E402
    AttendanceStatus,
    AttendeeRole,
    FollowUpStatus,
    NetworkType,
    PriorityTier,
)
from planner.domain.ids import EventId, GoalId, PersonId  # noqa: E402
from planner.domain.model import (  # noqa: E402
    Attendance,
    Event,
    FollowUp,
    Goal,
    Person,
)
from planner.services.events import EventService  # noqa: E402
from planner.services.workspace import Workspace  # noqa: E402

TARGET_RATIO = 1.3
HEAVY_MODULES = ("reportlab", "icalendar", "openpyxl", "pypdf", "numpy")
SEED = 20_26

# --------------------------------------------------------------------------------------------
# Child processes. Both share the same harness, so the floor pays for it exactly as the app does.
# --------------------------------------------------------------------------------------------

_PRELUDE = """\
import sys, time
MARKS = [("start", time.time())]
def mark(name):
    MARKS.append((name, time.time()))
"""

_PROFILE_START = """\
import cProfile
PROFILER = cProfile.Profile()
PROFILER.enable()
"""

_HARNESS = """\
class _FirstPaint(QObject):
    seen = False

    def eventFilter(self, watched, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            mark("paint")
            QTimer.singleShot(0, _ready)
        return False


def _ready():
    mark("ready")
    {profile_stop}
    sys.stdout.write("ready\\n")
    sys.stdout.flush()
    STATS["modules"] = len(sys.modules)
    STATS["heavy"] = sorted(
        name for name in sys.modules if name.partition(".")[0] in {heavy!r}
    )
    QApplication.quit()


STATS = {{}}
_first_paint = _FirstPaint()
window.installEventFilter(_first_paint)
"""

_REPORT = """\
import json
STATS["marks"] = MARKS
sys.stdout.write("stats " + json.dumps(STATS) + "\\n")
sys.stdout.flush()
"""

_FLOOR_BODY = """\
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
mark("import")
app = QApplication([sys.argv[0]])
mark("qapplication")
window = QMainWindow()
window.resize(1200, 760)
mark("window")
{harness}
window.show()
mark("show")
app.exec()
{report}
"""

# What `planner --data-dir D` runs: planner.cli.main parses the arguments, then
# planner.app.run_gui. The steps of run_gui are spelled out so the harness can watch the window.
_APP_BODY = """\
from planner.cli import parse_arguments
args, qt_args = parse_arguments(["--data-dir", sys.argv[1]])
from planner.app import build_window, make_application, open_workspace
from planner.services.workspace import resolve_data_dir
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
mark("import")
app = make_application([sys.argv[0], *qt_args])
mark("qapplication")
workspace = open_workspace(resolve_data_dir(args.data_dir), demo=args.demo)
mark("workspace")
try:
    window = build_window(workspace)
    mark("window")
{harness}
    window.show()
    mark("show")
    app.exec()
    conn = workspace.db.connection
    STATS["people"], STATS["events"], STATS["sample"] = conn.execute(
        "SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM event),"
        " EXISTS (SELECT 1 FROM person WHERE is_sample)"
        " OR EXISTS (SELECT 1 FROM event WHERE is_sample)"
    ).fetchone()
finally:
    workspace.close()
{report}
"""


def _indent(text: str, prefix: str) -> str:
    return "".join(prefix + line if line.strip() else line for line in text.splitlines(True))


def child_script(kind: str, *, profile: bool = False) -> str:
    profile_stop = "PROFILER.disable(); PROFILER.dump_stats(sys.argv[2])" if profile else "pass"
    harness = _HARNESS.format(profile_stop=profile_stop, heavy=set(HEAVY_MODULES))
    prelude = _PRELUDE + (_PROFILE_START if profile else "")
    if kind == "floor":
        return prelude + _FLOOR_BODY.format(harness=harness, report=_REPORT)
    return prelude + _APP_BODY.format(harness=_indent(harness, "    "), report=_REPORT)


@dataclass
class Run:
    kind: str
    wall_ms: float
    t0_wall: float  # time.time() just before Popen, to place the child's marks
    stats: dict[str, Any] = field(default_factory=dict)

    def phases(self) -> dict[str, float]:
        """Milliseconds between consecutive marks; 'python' is Popen to the script's 1st line."""
        marks: list[tuple[str, float]] = [("popen", self.t0_wall), *self.stats.get("marks", [])]
        out: dict[str, float] = {}
        for (_, before), (name, after) in pairwise(marks):
            out["python" if name == "start" else name] = (after - before) * 1000
        return out


class MeasurementError(RuntimeError):
    pass


def run_child(
    kind: str,
    data_dir: Path,
    env: dict[str, str],
    *,
    timeout: float,
    python_flags: Sequence[str] = (),
    profile_path: Path | None = None,
) -> tuple[Run, str]:
    """Start one child, time it to its 'ready' line; returns the run and the child's stderr."""
    script = child_script(kind, profile=profile_path is not None)
    argv = [sys.executable, *python_flags, "-c", script, str(data_dir)]
    if profile_path is not None:
        argv.append(str(profile_path))
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as errors:
        t0_wall = time.time()
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=errors,
            env=env,
            cwd=data_dir.parent,  # not the source tree: `-c` puts the cwd on sys.path
            text=True,
        )
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            proc.kill()

        killer = threading.Timer(timeout, kill)
        killer.start()
        try:
            assert proc.stdout is not None
            ready_ms: float | None = None
            for line in proc.stdout:
                if line.rstrip("\n") == "ready":
                    ready_ms = (time.perf_counter() - t0) * 1000
                    break
            rest = proc.stdout.read()
            code = proc.wait()
        finally:
            killer.cancel()
        errors.seek(0)
        stderr = errors.read()
    if ready_ms is None or code != 0:
        if timed_out.is_set():
            what = f"was killed after the {timeout:g} s timeout"
        else:
            what = f"exited with status {code}" + (" (a signal)" if code < 0 else "")
        when = "before reporting ready" if ready_ms is None else "after reporting ready"
        tail = "\n".join(stderr.strip().splitlines()[-15:])
        raise MeasurementError(f"the {kind} child {what} {when}. Its stderr ends:\n{tail}")
    stats: dict[str, Any] = {}
    for line in rest.splitlines():
        if line.startswith("stats "):
            stats = json.loads(line[len("stats ") :])
    return Run(kind, ready_ms, t0_wall, stats), stderr


# --------------------------------------------------------------------------------------------
# The data folder
# --------------------------------------------------------------------------------------------

GIVEN = (
    "Sofía", "Marcus", "Noa", "Yusuf", "Ingrid", "Priya", "Liam", "Elin", "Jonas", "Amara",
    "Chen", "Olga", "Mateo", "Fatima", "Hiroshi", "Aisha", "Lukas", "Zanele", "Tomás", "Leila",
    "Oskar", "Mei", "Rafael", "Nadia", "Emeka", "Charlotte", "Arjun", "Freya", "Kwame", "Inès",
    "Dmitri", "Ana", "Samuel", "Yara", "Henrik", "Lucía", "Tariq", "Eva", "Joaquim", "Anika",
    "Björn", "Camille", "Diego", "Esther", "Farid", "Greta", "Hana", "Ibrahim", "Julia", "Kofi",
)  # fmt: skip
FAMILY = (
    "García", "Oyelaran", "Levi", "Al-Amin", "Dahl", "Raman", "O'Brien", "Berg", "Lind", "Okafor",
    "Wang", "Ivanova", "Rossi", "Haddad", "Müller", "Nkosi", "Ferreira", "Karimi", "Johansson",
    "Smith", "Nguyen", "Kowalski", "Silva", "Dubois", "Mensah", "Patel", "Andersen", "Costa",
    "Novak", "Fischer", "Hernández", "Yilmaz", "Schmidt", "Moreau", "Sato", "Kim", "Popescu",
    "Van der Berg", "Lindqvist", "Mahlangu", "Santos", "Bianchi", "Horvat", "Nielsen", "Ortiz",
)  # fmt: skip
# Names written family name first, without a space-separated Latin form.
EAST_ASIAN = (
    ("田中", "美咲"), ("佐藤", "健"), ("鈴木", "陽菜"), ("王", "芳"), ("李", "伟"), ("张", "敏"),
    ("김", "민준"), ("이", "서연"), ("박", "지훈"), ("高橋", "蓮"),
)  # fmt: skip
COMPANY_HEADS = (
    "Cobalt", "Ledgerline", "Sakura", "Acme", "Fjord", "Brightside", "Northwind", "Kvist",
    "Helix", "Quanta", "Meridian", "Blue Harbor", "Tessellate", "Orbital", "Juniper", "Lumen",
    "Redwood", "Atlas", "Nimbus", "Copperleaf", "Vireo", "Polar", "Sable", "Tidewater",
)  # fmt: skip
COMPANY_TAILS = (
    "Ventures", "Capital", "Analytics", "Bank", "Pay", "Studio", "Software", "Labs", "Health",
    "Logistics", "Energy", "Robotics", "Systems", "Partners", "Foods", "Mobility",
)  # fmt: skip
TITLES = (
    "Founder", "Co-founder & CEO", "CTO", "Chief Product Officer", "Head of Payments", "Partner",
    "Investment Director", "Principal", "Engineering Manager", "Staff Engineer", "Data Lead",
    "Product Designer", "Head of Growth", "Sales Director", "Innovation Lead", "VP Engineering",
    "Developer Advocate", "Research Scientist", "Head of Partnerships", "Operations Manager",
)  # fmt: skip
NOTES = (
    "Met briefly at a meetup; interested in open banking.",
    "Introduced by a former colleague.",
    "Hiring senior engineers in the spring.",
    "Writes a newsletter on embedded finance.",
    "Prefers e-mail over calls.",
)
CITIES = (
    ("Lisbon", "Europe/Lisbon"), ("Berlin", "Europe/Berlin"), ("London", "Europe/London"),
    ("Stockholm", "Europe/Stockholm"), ("New York", "America/New_York"),
    ("San Francisco", "America/Los_Angeles"), ("Toronto", "America/Toronto"),
    ("São Paulo", "America/Sao_Paulo"), ("Tokyo", "Asia/Tokyo"), ("Singapore", "Asia/Singapore"),
    ("Bengaluru", "Asia/Kolkata"), ("Dubai", "Asia/Dubai"), ("Nairobi", "Africa/Nairobi"),
    ("Sydney", "Australia/Sydney"),
)  # fmt: skip
TOPICS = (
    "Fintech", "Product", "AI", "Climate Tech", "Payments", "DevOps", "Design Systems",
    "Health Tech", "Open Source", "Data Engineering", "Security", "Mobility",
)  # fmt: skip
KINDS = ("Summit", "Meetup", "Conference", "Forum", "Week", "Expo", "Unconference")
GOALS = (
    (NetworkType.STRATEGIC, "Meet investors who back seed-stage companies", ("seed", "fintech")),
    (NetworkType.OPERATIONAL, "Find a payments partner for the checkout work", ("payments",)),
    (NetworkType.PERSONAL, "Re-connect with former colleagues", ()),
    (NetworkType.OPERATIONAL, "Recruit two backend engineers", ("hiring", "python")),
    (NetworkType.STRATEGIC, "Talk to three potential design partners", ("pilot",)),
)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in ascii_text.lower() if ch.isalnum())


def make_people(rng: random.Random, count: int) -> list[Person]:
    people = []
    for n in range(count):
        if rng.random() < 0.06:
            family, given = rng.choice(EAST_ASIAN)
            full = f"{family} {given}"
            handle = f"p{n}"
        else:
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            full = f"{given} {family}"
            handle = f"{_slug(given)}.{_slug(family)}{n % 97 or ''}"
        company = f"{rng.choice(COMPANY_HEADS)} {rng.choice(COMPANY_TAILS)}"
        has_company = rng.random() < 0.9
        digits = "".join(str(rng.randrange(10)) for _ in range(9))
        people.append(
            Person(
                full_name=full,
                given_name=given,
                family_name=family,
                email=f"{handle}@{_slug(company)}.example" if rng.random() < 0.85 else None,
                company=company if has_company else None,
                title=rng.choice(TITLES) if rng.random() < 0.8 else None,
                phone=f"+{rng.choice((1, 44, 46, 49, 81, 351))} {digits}"
                if rng.random() < 0.4
                else None,
                linkedin_url=f"https://www.linkedin.com/in/{handle.replace('.', '-')}"
                if rng.random() < 0.6
                else None,
                notes=rng.choice(NOTES) if rng.random() < 0.2 else "",
            )
        )
    return people


def make_events(rng: random.Random, count: int, today: date) -> list[Event]:
    events = []
    for _ in range(count):
        city, zone = rng.choice(CITIES)
        day = today + timedelta(days=rng.randint(-365, 365))
        tz = ZoneInfo(zone)
        kind = rng.choice(KINDS)
        if kind == "Meetup":
            start = datetime.combine(day, clock(rng.choice((17, 18, 19))), tzinfo=tz)
            end = start + timedelta(hours=3)
        else:
            start = datetime.combine(day, clock(rng.randint(8, 10)), tzinfo=tz)
            last = day + timedelta(days=rng.randint(0, 2))
            end = datetime.combine(last, clock(18), tzinfo=tz)
        events.append(
            Event(
                name=f"{rng.choice(TOPICS)} {kind} {city} {day.year}",
                start=start,
                end=end,
                timezone=zone,
                venue=f"{rng.choice(('Congress Centre', 'Expo Hall', 'Innovation Hub'))}, {city}",
                url=f"https://events.example/{_slug(city)}-{day.isoformat()}",
                notes="Badge pick-up from 8:00." if rng.random() < 0.3 else "",
            )
        )
    return events


@dataclass
class DataSummary:
    people: int
    events: int
    attendances: int
    goals: int
    follow_ups: int
    seconds: float
    size_mb: float


def build_data_folder(
    folder: Path, *, people: int, events: int, attended_events: int, per_event: int
) -> DataSummary:
    started = time.perf_counter()
    rng = random.Random(SEED)
    today = datetime.now(UTC).date()
    now = datetime.now(UTC)
    counts = {"attendances": 0, "goals": 0, "follow_ups": 0}
    with Workspace.open(folder) as workspace:
        repos = workspace.repos
        saved_people = repos.people.add_many(make_people(rng, people))
        person_ids = [PersonId(p.id) for p in saved_people if p.id is not None]
        with workspace.db.transaction() as conn:
            # As the app does: each new event's checklist is filled from the routine.
            service = EventService(workspace)
            saved_events = [service.create(event) for event in make_events(rng, events, today)]
            goals_by_event: dict[EventId, list[GoalId]] = {}
            for event in saved_events:
                assert event.id is not None
                goal_ids = []
                for position, (kind, text, words) in enumerate(
                    rng.sample(GOALS, rng.randint(0, 3))
                ):
                    goal = repos.goals.add(
                        Goal(
                            event_id=event.id,
                            text=text,
                            network_type=kind,
                            target_count=rng.randint(1, 4),
                            keywords=words,
                            priority=position + 1,
                            position=position,
                        )
                    )
                    assert goal.id is not None
                    goal_ids.append(goal.id)
                goals_by_event[event.id] = goal_ids
                counts["goals"] += len(goal_ids)
            attended = rng.sample(saved_events, min(attended_events, len(saved_events)))
            for event in attended:
                assert event.id is not None
                past = event.end < now
                goal_ids = goals_by_event[event.id]
                for person_id in rng.sample(person_ids, min(per_event, len(person_ids))):
                    roll = rng.random()
                    status = AttendanceStatus.TO_MEET
                    if past:
                        status = (
                            AttendanceStatus.MET
                            if roll < 0.4
                            else AttendanceStatus.SKIPPED
                            if roll < 0.5
                            else AttendanceStatus.TO_MEET
                        )
                    repos.attendances.add(
                        Attendance(
                            event_id=event.id,
                            person_id=person_id,
                            role=rng.choices(list(AttendeeRole), weights=(80, 8, 4, 6, 2))[0],
                            tier=rng.choice(list(PriorityTier)),
                            status=status,
                            goal_ids=frozenset(g for g in goal_ids if rng.random() < 0.3),
                            research_notes="Read their last talk." if roll > 0.9 else "",
                        )
                    )
                    counts["attendances"] += 1
                    if status is AttendanceStatus.MET and rng.random() < 0.3:
                        repos.follow_ups.add(
                            FollowUp(
                                person_id=person_id,
                                event_id=event.id,
                                due=event.end.date() + timedelta(days=rng.randint(1, 14)),
                                action="Send the write-up we talked about",
                                uid=f"{rng.getrandbits(128):032x}@benchmark.invalid",
                                status=rng.choice((FollowUpStatus.OPEN, FollowUpStatus.DONE)),
                            )
                        )
                        counts["follow_ups"] += 1
            # With events present the app would not seed the sample anyway; say so explicitly.
            conn.execute(
                "INSERT OR REPLACE INTO app_state (key, value) VALUES ('sample_seeded', '1')"
            )
        workspace.db.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    return DataSummary(
        people=len(saved_people),
        events=len(saved_events),
        seconds=time.perf_counter() - started,
        size_mb=size / 1e6,
        **counts,
    )


# --------------------------------------------------------------------------------------------
# Display
# --------------------------------------------------------------------------------------------


@contextlib.contextmanager
def xvfb_display() -> Iterator[str]:
    """A private Xvfb server for the children; yields its DISPLAY value."""
    if shutil.which("Xvfb") is None:
        raise MeasurementError("--xvfb: Xvfb is not installed")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise MeasurementError("--xvfb: Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _bytecode_note(env: dict[str, str]) -> str:
    if env.get("PYTHONDONTWRITEBYTECODE"):
        return "PYTHONDONTWRITEBYTECODE set"
    return (
        f"PYTHONPYCACHEPREFIX={env['PYTHONPYCACHEPREFIX']}"
        if "PYTHONPYCACHEPREFIX" in env
        else "default"
    )


def child_env(platform: str, display: str | None, pycache: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PLANNER_DATA_DIR", None)
    if pycache is not None:
        # An installed app runs from .pyc files. Write them (for every module, floor and app
        # alike) to a private folder during the warm-up, so neither the source tree nor a
        # PYTHONDONTWRITEBYTECODE=1 in the environment changes what is measured.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    if display is not None:
        env["DISPLAY"] = display
        env.pop("WAYLAND_DISPLAY", None)
        env["QT_QPA_PLATFORM"] = "xcb"
    elif platform and platform != "native":
        env["QT_QPA_PLATFORM"] = platform
    if FROM_SOURCE:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
    return env


# --------------------------------------------------------------------------------------------
# Reports
# --------------------------------------------------------------------------------------------

PHASES = (
    ("python", "interpreter start-up (Popen to the script's first line)"),
    ("import", "imports (PySide6; planner.cli + planner.app for the app)"),
    ("qapplication", "QApplication (make_application: +icon)"),
    ("workspace", "open_workspace (lock, SQLite, migrations check, seeding check)"),
    ("window", "build the main window (models loaded, events selected)"),
    ("show", "window.show()"),
    ("paint", "show() to the first paint event"),
    ("ready", "first paint to idle (zero-timer fired)"),
)


def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def print_phases(floor: list[Run], app: list[Run]) -> None:
    print("\nWhere the time goes (median ms per phase, from the children's own marks):")
    print(f"  {'phase':<64} {'floor':>7} {'app':>7} {'+app':>7}")
    floor_total = app_total = 0.0
    for key, label in PHASES:
        f = _median([r.phases()[key] for r in floor if key in r.phases()])
        a = _median([r.phases()[key] for r in app if key in r.phases()])
        f_text = "-" if f != f else f"{f:7.1f}"
        f = 0.0 if f != f else f
        floor_total += f
        app_total += a
        print(f"  {label:<64} {f_text:>7} {a:7.1f} {a - f:+7.1f}")
    extra = app_total - floor_total
    print(f"  {'sum of phases':<64} {floor_total:7.1f} {app_total:7.1f} {extra:+7.1f}")


def parse_importtime(stderr: str) -> dict[str, tuple[int, int]]:
    """module -> (self us, cumulative us) from `python -X importtime` output."""
    out: dict[str, tuple[int, int]] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        try:
            self_us, cumulative_us, name = line[len("import time:") :].split("|")
            out[name.strip()] = (int(self_us), int(cumulative_us))
        except ValueError:
            continue
    return out


def print_importtime(data_dir: Path, env: dict[str, str], timeout: float) -> None:
    _, floor_err = run_child(
        "floor", data_dir, env, timeout=timeout, python_flags=["-X", "importtime"]
    )
    _, app_err = run_child("app", data_dir, env, timeout=timeout, python_flags=["-X", "importtime"])
    floor_mods = parse_importtime(floor_err)
    app_mods = parse_importtime(app_err)
    extra = {name: t for name, t in app_mods.items() if name not in floor_mods}
    total = sum(t[0] for t in extra.values()) / 1000
    print(
        f"\nImports above the floor (one run with -X importtime, which inflates times): "
        f"{len(extra)} modules, {total:.1f} ms self time"
    )
    by_package: dict[str, int] = {}
    for name, (self_us, _) in extra.items():
        top = name.partition(".")[0]
        by_package[top] = by_package.get(top, 0) + self_us
    print("  by top-level package:")
    for top, us in sorted(by_package.items(), key=lambda kv: -kv[1])[:10]:
        print(f"    {us / 1000:7.1f} ms  {top}")
    print("  slowest modules (self ms / cumulative ms):")
    for name, (self_us, cumulative_us) in sorted(extra.items(), key=lambda kv: -kv[1][0])[:12]:
        print(f"    {self_us / 1000:7.1f} {cumulative_us / 1000:8.1f}  {name}")


def print_profile(data_dir: Path, env: dict[str, str], timeout: float) -> None:
    import io
    import pstats

    with tempfile.TemporaryDirectory(prefix="planner-profile-") as tmp:
        path = Path(tmp) / "app.prof"
        run_child("app", data_dir, env, timeout=timeout, profile_path=path)
        stream = io.StringIO()
        stats = pstats.Stats(str(path), stream=stream)
        stats.strip_dirs().sort_stats("tottime").print_stats(15)
        stats.sort_stats("cumulative").print_stats(r"planner|PySide6|sqlite3|zoneinfo", 25)
    print("\ncProfile of one app child, script start to ready (profiling inflates times):")
    print(_indent(stream.getvalue().strip(), "  "))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each child (7)")
    parser.add_argument(
        "--warmup",
        type=int,
        default=1,
        help="untimed runs of each child first (1): page cache, .pyc",
    )
    parser.add_argument(
        "--platform",
        default="offscreen",
        help="QT_QPA_PLATFORM for the children (offscreen); 'native' keeps the environment's",
    )
    parser.add_argument(
        "--xvfb", action="store_true", help="run the children on a private Xvfb server (xcb)"
    )
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--attended-events", type=int, default=20)
    parser.add_argument("--per-event", type=int, default=200, help="attendees per attended event")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per child (60)")
    parser.add_argument("--importtime", action="store_true", help="also break down the imports")
    parser.add_argument("--profile", action="store_true", help="also cProfile one app start")
    parser.add_argument(
        "--pyc",
        choices=("cached", "inherit"),
        default="cached",
        help="cached (default): children use .pyc files written to a private folder during the "
        "warm-up; inherit: bytecode settings from the environment (PYTHONDONTWRITEBYTECODE=1 "
        "makes every child compile the planner sources from scratch)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary data folder")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.pyc == "cached" and args.warmup < 1:
        parser.error("--pyc cached needs at least one --warmup run to write the .pyc files")

    tmp = Path(tempfile.mkdtemp(prefix="planner-startup-"))
    data_dir = tmp / "data"
    try:
        summary = build_data_folder(
            data_dir,
            people=args.people,
            events=args.events,
            attended_events=args.attended_events,
            per_event=args.per_event,
        )
        print(
            f"Data folder {data_dir}: {summary.people:,} people, {summary.events} events, "
            f"{summary.attendances:,} attendances, {summary.goals} goals, "
            f"{summary.follow_ups} follow-ups; {summary.size_mb:.1f} MB, "
            f"built in {summary.seconds:.1f} s"
        )
        with contextlib.ExitStack() as stack:
            display = stack.enter_context(xvfb_display()) if args.xvfb else None
            pycache = tmp / "pycache" if args.pyc == "cached" else None
            env = child_env(args.platform, display, pycache)
            where = f"xcb on Xvfb {display}" if display else env.get("QT_QPA_PLATFORM", "native")
            where += "; .pyc " + ("cached" if pycache else f"as inherited ({_bytecode_note(env)})")
            return measure(args, data_dir, env, where)
    except MeasurementError as exc:
        print(f"startup benchmark: measurement failed: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"(kept {tmp})")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def measure(args: argparse.Namespace, data_dir: Path, env: dict[str, str], where: str) -> int:
    for _ in range(args.warmup):
        run_child("floor", data_dir, env, timeout=args.timeout)
        run_child("app", data_dir, env, timeout=args.timeout)
    floor: list[Run] = []
    app: list[Run] = []
    for _ in range(args.runs):
        floor.append(run_child("floor", data_dir, env, timeout=args.timeout)[0])
        app.append(run_child("app", data_dir, env, timeout=args.timeout)[0])

    floor_ms = [r.wall_ms for r in floor]
    app_ms = [r.wall_ms for r in app]
    ratio = statistics.median(app_ms) / statistics.median(floor_ms)
    verdict = "PASS" if ratio <= TARGET_RATIO else "OVER"
    print(
        f"\nCold start to first paint + idle, {args.runs} runs each after {args.warmup} warm-up, "
        f"interleaved; platform {where}; {sys.executable} {sys.version.split()[0]}"
    )
    print(f"  {'':<16} {'median':>9} {'min':>9} {'max':>9}")
    for name, values in (("floor (bare Qt)", floor_ms), ("app", app_ms)):
        print(
            f"  {name:<16} {statistics.median(values):7.1f}ms {min(values):7.1f}ms "
            f"{max(values):7.1f}ms"
        )
    print(
        f"  ratio app/floor {ratio:8.2f}x  (min/min {min(app_ms) / min(floor_ms):.2f}x)  "
        f"target <= {TARGET_RATIO:.1f}x  {verdict}"
    )
    print_phases(floor, app)

    stats = app[-1].stats
    heavy = stats.get("heavy", [])
    print(
        f"\nApp child at ready: {stats.get('modules', '?')} modules imported "
        f"(floor: {floor[-1].stats.get('modules', '?')}); heavy modules "
        f"({', '.join(HEAVY_MODULES)}): {', '.join(heavy) if heavy else 'none'}"
    )
    if stats.get("people") != args.people or stats.get("sample"):
        print(
            f"  warning: the app saw {stats.get('people')} people, {stats.get('events')} events, "
            f"sample data {'present' if stats.get('sample') else 'absent'}"
        )
    if args.importtime:
        print_importtime(data_dir, env, args.timeout)
    if args.profile:
        print_profile(data_dir, env, args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
