"""Time the warm introductions of an event's list, next to a floor from the same run.

    python benchmarks/introductions.py                  # 20,000 attendees, 100,000 people, 7 runs
    python benchmarks/introductions.py --attendees 5000 --network 20000 --runs 3

1. Builds a throw-away data folder (a temp dir, removed afterwards) through `Workspace.open`
   and the repositories: `--network` people, companies drawn by `random.Random(2026)` from
   3,000 names written in several ways ("Acme Labs", "ACME LABS Inc.", "Acme Labs, GmbH"),
   one in twenty "Self-employed" or empty; the first `--attendees` of them on this event's list,
   everyone else on an earlier event's list (a third marked met there), a quarter of the
   attendees on it too, and 2,000 interactions of two or three people, some at the earlier event.
2. Times, each the median of `--runs` after one untimed warm-up (the company folding cache
   cleared before each run, so every distinct company is folded again):
   - **warm_introductions**: `planner.services.introductions.warm_introductions(ws, event)` as
     the CLI and the People list call it: every attendee's introductions, where and when;
   - **floor**: one plain SELECT of the known people's (id, name, company), fetched whole: what
     any way of matching companies has to read.
3. Prints the figures and the ratio. Exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.domain.enums import InteractionKind
from planner.domain.introductions import fold_company
from planner.domain.model import Event, Interaction, Person
from planner.services.introductions import warm_introductions
from planner.services.workspace import Workspace

WORDS = [
    "Acme", "Nova", "Blue", "Fintech", "Pay", "Capital", "Labs", "Ventures", "Data", "Cloud",
    "Health", "Green", "Solar", "Bank", "Media", "Studio", "Systems", "Global", "Tech", "AI",
]  # fmt: skip
FORMS = ["{}", "{}", "{}", "{} Inc.", "{}, Inc", "{} GmbH", "{} S.A.", "{} Ltd", "{} LLC"]


def build(folder: Path, attendees: int, network: int) -> int:
    rng = random.Random(2026)
    names = [" ".join(rng.sample(WORDS, rng.choice((2, 2, 3)))) for _ in range(3000)]

    def company() -> str | None:
        if rng.random() < 0.05:
            return rng.choice(("Self-employed", "Freelance", None))
        written = rng.choice(FORMS).format(rng.choice(names))
        return written.upper() if rng.random() < 0.1 else written

    start = datetime(2027, 5, 3, 9, tzinfo=UTC)
    with Workspace.open(folder) as ws:
        repos = ws.repos
        event = repos.events.add(Event("Summit", start, start + timedelta(hours=9), "UTC"))
        earlier = repos.events.add(
            Event("Collision", start - timedelta(days=300), start - timedelta(days=299), "UTC")
        )
        assert event.id is not None and earlier.id is not None
        people = repos.people.add_many(
            Person(full_name=f"Person {n}", company=company()) for n in range(network)
        )
        ids = [p.id for p in people]
        rows = [(event.id, pid, "to-meet") for pid in ids[:attendees]]
        rows += [
            (earlier.id, pid, "met" if rng.random() < 1 / 3 else "to-meet")
            for n, pid in enumerate(ids)
            if n >= attendees or rng.random() < 0.25
        ]
        with ws.db.transaction() as conn:
            conn.executemany(
                "INSERT INTO attendance (event_id, person_id, status) VALUES (?, ?, ?)", rows
            )
        with ws.db.transaction():
            for n in range(2000):
                who = tuple(rng.sample(ids, rng.choice((2, 3))))
                repos.interactions.add(
                    Interaction(
                        start - timedelta(days=rng.randrange(1, 600)),
                        InteractionKind.IN_PERSON,
                        who,  # type: ignore[arg-type]
                        place=rng.choice(("", "lunch", "the booth")),
                        event_id=earlier.id if n % 3 == 0 else None,
                    )
                )
        return event.id


def floor(ws: Workspace) -> int:
    rows = ws.db.connection.execute(
        "SELECT id, full_name, company FROM person WHERE company IS NOT NULL"
    ).fetchall()
    return len(rows)


def median_time(work: Callable[[], object], runs: int) -> float:
    work()
    times = []
    for _ in range(runs):
        fold_company.cache_clear()
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--attendees", type=int, default=20_000)
    parser.add_argument("--network", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        began = time.perf_counter()
        event_id = build(folder, args.attendees, args.network)
        print(
            f"built {args.network:,} people, {args.attendees:,} attendees"
            f" in {time.perf_counter() - began:.1f} s"
        )
        with Workspace.open(folder) as ws:
            found = warm_introductions(ws, event_id)  # type: ignore[arg-type]
            with_any = sum(1 for intros in found.values() if intros)
            total = sum(len(intros) for intros in found.values())
            whole = median_time(lambda: warm_introductions(ws, event_id), args.runs)  # type: ignore[arg-type]
            least = median_time(lambda: floor(ws), args.runs)
    print(f"{with_any:,} of {len(found):,} attendees have an introduction; {total:,} in all")
    print(f"floor (SELECT known people's companies): {least * 1000:8.1f} ms")
    ratio = whole / least
    print(f"warm_introductions:                      {whole * 1000:8.1f} ms  {ratio:5.2f}x floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
