"""Time searching as one types on the People page over 100,000 people, keystroke to model.

    python benchmarks/search_speed.py                 # 100,000 people
    python benchmarks/search_speed.py --people 20000

1. Builds a throw-away data folder with `--people` people (names in Latin with accents,
   Greek, Cyrillic and Hebrew; titles, companies, short notes on one in five, a tag on one in
   ten) written by SQL in one transaction, so the schema's triggers fill the people index as an
   import does.
2. Opens the real main window offscreen on the People page, waits for its list to load, then
   types each query one character at a time: for every keystroke, the time from setting the
   text to the model holding its rows (`PeoplePage.apply_filter`, what the typing pause or
   Enter runs). Narrow queries are surnames and companies (up to 1,000 hits), broad ones a
   letter or two and common words.
3. The floor, from the same run: the index's MATCH alone for the same text (no model).
4. Prints p50 / p95 / max per class against the targets (16 ms narrow, 50 ms broad) and the
   floor, and the ratio. Exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

GIVEN = [
    "Ana",
    "Sofía",
    "João",
    "Zoë",
    "Jürgen",
    "Łukasz",
    "Ελένη",
    "Дмитрий",
    "Ольга",
    "נועה",
    "Liam",
    "Chloé",
    "Håkon",
    "Ngozi",
    "Mei",
]
FAMILY = [
    "García",
    "Müller",
    "Nováková",
    "Øster",
    "Kowalski",
    "Παπαδόπουλος",
    "Иванова",
    "כהן",
    "Smith",
    "Okafor",
    "Dubois",
    "Rossi",
    "Yilmaz",
    "Silva",
    "Nguyen",
    "Schröder",
    "Lindqvist",
    "Ferreira",
    "Moreau",
    "Haddad",
]
TITLES = [
    "CTO",
    "CEO",
    "Founder",
    "Investor",
    "Partner",
    "Engineer",
    "Designer",
    "Recruiter",
    "Analyst",
    "Director",
]
COMPANIES = [
    f"{w} {s}"
    for w in ["Acme", "Nordic", "Banco", "Société", "Cobalt", "Atlas"]
    for s in ["Labs", "Group", "SA", "GmbH", "Ventures"]
]
TAGS = ["fintech", "speaker", "vip", "angel", "hiring"]
NARROW = ["kowalski cto", "okafor nordic labs", "ελένη παπαδόπουλος", "haddad cobalt gmbh", "p4242"]
BROAD = ["a", "an", "ana", "engineer", "labs"]


def build(folder: Path, people: int) -> None:
    from planner.services.workspace import Workspace

    pick = random.Random(2026)
    now = "2026-01-01T00:00:00+00:00"
    with Workspace.open(folder) as ws:
        conn = ws.db.connection
        with ws.db.transaction():
            conn.executemany(
                "INSERT INTO person (id, full_name, company, title, notes, email, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (
                        n,
                        f"{pick.choice(GIVEN)} {pick.choice(FAMILY)}",
                        pick.choice(COMPANIES),
                        pick.choice(TITLES),
                        "Met at a meetup about payments" if n % 5 == 0 else "",
                        f"p{n}@example.org",
                        now,
                        now,
                    )
                    for n in range(1, people + 1)
                ),
            )
            conn.executemany(
                "INSERT INTO person_tag (person_id, tag) VALUES (?, ?)",
                ((n, pick.choice(TAGS)) for n in range(1, people + 1, 10)),
            )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from planner.app import build_window, open_workspace
    from planner.domain.search import index_query
    from planner.gui.people.people_page import PeoplePage

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        started = time.perf_counter()
        build(folder, args.people)
        print(f"{args.people:,} people written in {time.perf_counter() - started:.1f} s")
        app = QApplication.instance() or QApplication([])
        workspace = open_workspace(folder, demo=False)
        window = build_window(workspace)
        window.show()
        window.show_page("people")
        page = window.page("people")
        assert isinstance(page, PeoplePage)
        deadline = time.perf_counter() + 120
        while (page.model.loading or not page.model.total) and time.perf_counter() < deadline:
            app.processEvents()
        conn = workspace.db.connection
        times: dict[str, list[float]] = {"narrow": [], "broad": []}
        floors: dict[str, list[float]] = {"narrow": [], "broad": []}
        hits: dict[str, int] = {}
        for _ in range(3):  # three rounds of typing every query
            for queries in (NARROW, BROAD):
                for query in queries:
                    for end in range(1, len(query) + 1):
                        text = query[:end]
                        begun = time.perf_counter()
                        page.filter.setText(text)
                        page.apply_filter()
                        elapsed = time.perf_counter() - begun
                        rows = page.model.rowCount()
                        # a narrow query's first letters are broad: classed by what they find
                        cls = "narrow" if rows <= 1_000 else "broad"
                        times[cls].append(elapsed * 1000)
                        hits[text] = rows
                        fts = index_query(text)
                        if fts is not None:
                            begun = time.perf_counter()
                            conn.execute(
                                "SELECT rowid FROM person_search WHERE person_search MATCH ?",
                                (fts,),
                            ).fetchall()
                            floors[cls].append((time.perf_counter() - begun) * 1000)
                    page.filter.setText("")
                    page.apply_filter()
                app.processEvents()
        window.close()
        workspace.close()
    targets = {"narrow": 16.0, "broad": 50.0}
    for cls in ("narrow", "broad"):
        values, floor = times[cls], floors[cls]
        p95, floor95 = percentile(values, 0.95), percentile(floor, 0.95) if floor else 0.0
        print(
            f"{cls:6} ({len(values)} keystrokes): p50 {statistics.median(values):.1f} ms,"
            f" p95 {p95:.1f} ms, max {max(values):.1f} ms; floor (index alone) p95"
            f" {floor95:.1f} ms; ratio {p95 / floor95 if floor95 else float('nan'):.1f}x;"
            f" target p95 <= {targets[cls]:.0f} ms: {'PASS' if p95 <= targets[cls] else 'MISS'}"
        )
    print("hits:", ", ".join(f"{q!r} {n:,}" for q, n in list(hits.items())[:12]), "…")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
