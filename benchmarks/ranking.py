"""Time ranking an event's attendees against its goals, next to a floor from the same run.

    python benchmarks/ranking.py                      # 20,000 attendees, 5 goals, 7 runs
    python benchmarks/ranking.py --attendees 5000 --runs 3

1. Builds a throw-away data folder (a temp dir, removed afterwards) through `Workspace.open`
   and the repositories: `--attendees` people on one event's list, titles and companies drawn
   by `random.Random(2026)` from pools that repeat as real lists do (about 400 titles in five
   languages, 3,000 companies), short notes on one in ten; a quarter of them also on an earlier
   event (some marked met there), and 500 interactions; 5 goals with text, roles, keywords and
   companies.
2. Times, each the median of `--runs` after one untimed warm-up:
   - **rank_event**: `planner.services.ranking.rank_event` as the CLI and the window call it:
     the goals and the attendees with their history read from SQLite, then ranked;
   - **pure**: `Ranker(goals, vocabulary).rank(facts)` on the facts already read (a new Ranker
     each run, so the caches of titles and companies start empty);
   - **read**: `storage.ranking.attendee_facts` alone;
   - **floor + plain read**: the same loop over the titles and companies read by one plain
     SELECT of the event's list, which is what rank_event does on top of reading;
   - **floor**: a plain loop testing each goal word (the goals' roles, keywords, companies
     and the words of their text, lower-cased) as a substring of the lower-cased title +
     company of every attendee, on the facts already read.
3. Prints the figures, the floor, the ratios against the 3x target and whether rank_event is
   within 1 s. Exits 0 whatever the figures.
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

from planner.domain.enums import AttendanceStatus, AttendeeRole, InteractionKind, NetworkType
from planner.domain.model import Attendance, Event, Goal, Interaction, Person
from planner.domain.ranking import AttendeeFacts, Ranker
from planner.services.ranking import rank_event, vocabulary
from planner.services.workspace import Workspace
from planner.storage.ranking import attendee_facts

SENIORITY = ["", "Senior ", "Junior ", "Lead ", "Head of ", "VP ", "Chief ", "Associate "]
JOBS = [
    "Software Engineer", "Product Manager", "Investment Partner", "Investor Relations Manager",
    "Recruiter", "Talent Acquisition", "Founder", "Co-Founder & CEO", "CTO", "Designer",
    "UX Researcher", "Sales", "Account Executive", "Marketing Manager", "Growth", "Partnerships",
    "Journalist", "Editor", "Data Scientist", "ML Engineer", "Consultant", "Procurement",
    "Desarrollador", "Inversora", "Fundador", "Reclutadora", "Diseñador", "Investidor",
    "Desenvolvedora", "Fondateur", "Développeur", "Chef de produit", "Gründerin", "Entwickler",
    "Personalvermittler", "Berater", "Student", "Operations", "Finance", "Legal Counsel",
    "Venture Capital Analyst", "General Partner", "Angel Investor", "Business Development",
    "Doctor", "Teacher", "Artist", "Event Manager", "Customer Success", "Community Manager",
]  # fmt: skip
COMPANY_WORDS = [
    "Acme", "Nova", "Blue", "Fintech", "Pay", "Capital", "Labs", "Ventures", "Data", "Cloud",
    "Health", "Green", "Solar", "Bank", "Media", "Studio", "Systems", "Global", "Tech", "AI",
]  # fmt: skip
NOTES = ["Talked about payments", "Runs a seed fund", "Hiring engineers", "Met at a meetup"]


def goals_for(event_id: int) -> list[Goal]:
    e = event_id
    return [
        Goal(e, "Meet 3 fintech investors", NetworkType.STRATEGIC, roles=("investor",)),
        Goal(e, "Hire two senior engineers", NetworkType.OPERATIONAL, roles=("recruiter", "CTO")),
        Goal(e, "Learn how others run design systems", NetworkType.PERSONAL, keywords=("UX",)),
        Goal(e, "Find partners for payments", NetworkType.STRATEGIC, keywords=("payments",)),
        Goal(e, "Reconnect with my old team", NetworkType.OPERATIONAL, companies=("Acme Labs",)),
    ]  # type: ignore[arg-type]


def build(folder: Path, attendees: int) -> int:
    rng = random.Random(2026)
    titles = [rng.choice(SENIORITY) + job for job in JOBS for _ in range(8)]
    companies = [" ".join(rng.sample(COMPANY_WORDS, rng.choice((1, 2, 2, 3)))) for _ in range(3000)]
    start = datetime(2027, 5, 3, 9, tzinfo=UTC)
    with Workspace.open(folder) as ws:
        repos = ws.repos
        event = repos.events.add(Event("Summit", start, start + timedelta(hours=9), "UTC"))
        earlier = repos.events.add(
            Event("Earlier", start - timedelta(days=300), start - timedelta(days=299), "UTC")
        )
        assert event.id is not None and earlier.id is not None
        people = repos.people.add_many(
            Person(
                full_name=f"Person {n}",
                title=rng.choice(titles),
                company=rng.choice(companies),
                email=f"p{n}@example.org",
                notes=rng.choice(NOTES) if rng.random() < 0.1 else "",
            )
            for n in range(attendees)
        )
        roles = [AttendeeRole.ATTENDEE] * 30 + [AttendeeRole.SPEAKER, AttendeeRole.SPONSOR]
        with ws.db.transaction():
            for person in people:
                assert person.id is not None
                repos.attendances.add(Attendance(event.id, person.id, role=rng.choice(roles)))
                if rng.random() < 0.25:
                    status = (
                        AttendanceStatus.MET if rng.random() < 0.3 else AttendanceStatus.TO_MEET
                    )
                    repos.attendances.add(Attendance(earlier.id, person.id, status=status))
            for person in rng.sample(people, min(500, len(people))):
                assert person.id is not None
                repos.interactions.add(
                    Interaction(start - timedelta(days=10), InteractionKind.CALL, (person.id,))
                )
            for goal in goals_for(event.id):
                repos.goals.add(goal)
        return event.id


def floor(goals: list[Goal], facts: list[AttendeeFacts]) -> int:
    words = [
        w.lower()
        for g in goals
        for w in (*g.roles, *g.keywords, *g.companies, *g.text.split())
        if len(w) > 2
    ]
    found = 0
    for person in facts:
        text = f"{person.title} {person.company}".lower()
        for word in words:
            if word in text:
                found += 1
    return found


def floor_with_read(ws: Workspace, goals: list[Goal], event_id: int) -> int:
    """The floor over the titles and companies read from the database in one plain query: what
    rank_event's reading and ranking should be compared with."""
    rows = ws.db.connection.execute(
        "SELECT p.id, coalesce(p.title, ''), coalesce(p.company, '') FROM attendance a"
        " JOIN person p ON p.id = a.person_id WHERE a.event_id = ?",
        (event_id,),
    ).fetchall()
    facts = [AttendeeFacts(row[0], row[0], "", title=row[1], company=row[2]) for row in rows]  # type: ignore[arg-type]
    return floor(goals, facts)


def median_time(work: Callable[[], object], runs: int) -> float:
    work()
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--attendees", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        began = time.perf_counter()
        event_id = build(folder, args.attendees)
        print(f"built {args.attendees:,} attendees in {time.perf_counter() - began:.1f} s")
        with Workspace.open(folder) as ws:
            goals = ws.repos.goals.for_event(event_id)  # type: ignore[arg-type]
            facts = attendee_facts(ws.db, event_id)  # type: ignore[arg-type]
            vocab = vocabulary()
            ranked = rank_event(ws, event_id)  # type: ignore[arg-type]
            served = sum(1 for r in ranked if r.goals)
            whole = median_time(lambda: rank_event(ws, event_id), args.runs)  # type: ignore[arg-type]
            pure = median_time(lambda: Ranker(goals, vocab).rank(facts), args.runs)
            read = median_time(lambda: attendee_facts(ws.db, event_id), args.runs)  # type: ignore[arg-type]
            least = median_time(lambda: floor(goals, facts), args.runs)
            least_read = median_time(lambda: floor_with_read(ws, goals, event_id), args.runs)
    print(f"{len(goals)} goals; {served:,} of {len(ranked):,} attendees serve one or more")
    print(f"floor (substring loop):  {least * 1000:8.1f} ms")
    print(f"read (attendee_facts):   {read * 1000:8.1f} ms")
    print(f"pure ranking:            {pure * 1000:8.1f} ms  {pure / least:5.2f}x floor")
    print(f"floor + plain read:      {least_read * 1000:8.1f} ms")
    verdict = "PASS" if whole <= 1.0 and whole / least <= 3 else "OVER"
    print(
        f"rank_event:              {whole * 1000:8.1f} ms  {whole / least:5.2f}x floor"
        f"  {whole / least_read:5.2f}x floor + plain read"
        f"  (target <= 1 s and <= 3x floor: {verdict})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
