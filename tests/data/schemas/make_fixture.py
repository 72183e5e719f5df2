"""Build tests/data/schemas/v{SCHEMA_VERSION}.sqlite3: a database at today's schema version
holding a known set of rows in every table, for tests/unit/test_migrations.py.

Run it once, before adding a migration, so the schema that is about to become "old" keeps a
fixture the migration tests upgrade on every run:

    python tests/data/schemas/make_fixture.py

A fixture that exists is never rebuilt (it stands for databases already on users' disks);
pass --force only to rebuild the fixture of a version that has not shipped yet.

Everything written is deterministic (fixed ids, times, calendar UIDs and row timestamps), and
the file is left in rollback-journal mode so it is one self-contained file.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import planner.storage
from planner.domain.enums import (
    AttendanceStatus,
    AttendeeRole,
    FollowUpStatus,
    InteractionKind,
    NetworkType,
    PriorityTier,
)
from planner.domain.model import (
    Attendance,
    ChecklistItem,
    Event,
    FollowUp,
    Goal,
    Interaction,
    Person,
)
from planner.services.workspace import Repositories
from planner.storage.database import Database
from planner.storage.schema import SCHEMA_VERSION

HERE = Path(__file__).resolve().parent
FIXED_STAMP = "2026-01-01T00:00:00+00:00"

LISBON = ZoneInfo("Europe/Lisbon")
TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")


def _freeze_row_timestamps() -> None:
    """created_at / updated_at come from codec.now_text; pin them so rebuilds are identical."""
    for module_info in pkgutil.iter_modules(planner.storage.__path__):
        module = importlib.import_module(f"planner.storage.{module_info.name}")
        if hasattr(module, "now_text"):
            setattr(module, "now_text", lambda: FIXED_STAMP)  # noqa: B010


def fill(repos: Repositories, db: Database) -> None:
    """The data set. Keep it the same for every version's fixture (tests rely on it)."""
    jose, misaki, mohammed, noa, liam = repos.people.add_many(
        [
            Person(
                full_name="José Ñúñez-Gonçalves",
                given_name="José",
                family_name="Ñúñez-Gonçalves",
                email="jose@acores.example",
                company="Açores Tech",
                title="Director de Inovação",
                phone="+351 21 000 0000",
                linkedin_url="https://www.linkedin.com/in/jose-example",
                notes="Prefers Portuguese.\nMet twice before.",
            ),
            Person(
                full_name="田中 美咲",
                given_name="美咲",
                family_name="田中",
                company="桜キャピタル",
                title="投資ディレクター",
            ),
            Person(full_name="محمد الأمين"),
            Person(full_name="נועה לוי", given_name="נועה", family_name="לוי"),
            Person(
                full_name="Liam O'Brien",
                company="<b>Brightside</b> & Co",
                notes="Robert'); DROP TABLE person;--",
                is_sample=True,
            ),
        ]
    )
    lisbon = repos.events.add(
        Event(
            name="Conferência de Inovação",
            start=datetime(2026, 3, 28, 22, 0, tzinfo=LISBON),  # across the DST change
            end=datetime(2026, 3, 29, 10, 0, tzinfo=LISBON),
            timezone="Europe/Lisbon",
            venue="Centro de Congressos, Lisboa",
            url="https://inovacao.example/2026",
            notes="Two days.\nBadge from 8:00.",
        )
    )
    tokyo = repos.events.add(
        Event(
            name="東京フィンテック週間",
            start=datetime(2026, 11, 10, 9, 30, tzinfo=TOKYO),
            end=datetime(2026, 11, 12, 18, 0, tzinfo=TOKYO),
            timezone="Asia/Tokyo",
            venue="東京国際フォーラム",
        )
    )
    sample = repos.events.add(
        Event(
            name="Sample Meetup",
            start=datetime(2025, 12, 6, 9, 0, tzinfo=NEW_YORK),
            end=datetime(2025, 12, 6, 17, 0, tzinfo=NEW_YORK),
            timezone="America/New_York",
            is_sample=True,
        )
    )
    assert lisbon.id and tokyo.id and sample.id
    assert jose.id and misaki.id and mohammed.id and noa.id and liam.id
    investors = repos.goals.add(
        Goal(
            event_id=lisbon.id,
            text="Conhecer 3 investidores",
            network_type=NetworkType.STRATEGIC,
            target_count=3,
            keywords=("fintech", "pagamentos", "決済"),
            roles=("Partner",),
            companies=("Açores Tech", "桜キャピタル"),
            priority=1,
            position=0,
        )
    )
    old_team = repos.goals.add(
        Goal(
            event_id=lisbon.id,
            text="Re-connect with my old team",
            network_type=NetworkType.PERSONAL,
            target_count=2,
            position=1,
        )
    )
    vendor = repos.goals.add(
        Goal(
            event_id=tokyo.id,
            text="Find a payments partner",
            network_type=NetworkType.OPERATIONAL,
            keywords=("checkout",),
        )
    )
    assert investors.id and old_team.id and vendor.id
    repos.attendances.add(
        Attendance(
            event_id=lisbon.id,
            person_id=jose.id,
            role=AttendeeRole.SPEAKER,
            tier=PriorityTier.MUST_MEET,
            status=AttendanceStatus.MET,
            research_notes="Keynote on open banking.",
            talking_points="Azores data centre",
            offer="Intro to our team",
            ask="Feedback on the pitch",
            goal_ids=frozenset({investors.id, old_team.id}),
        )
    )
    repos.attendances.add(
        Attendance(
            event_id=lisbon.id,
            person_id=misaki.id,
            tier=PriorityTier.SHOULD_MEET,
            goal_ids=frozenset({investors.id}),
        )
    )
    repos.attendances.add(
        Attendance(event_id=tokyo.id, person_id=misaki.id, status=AttendanceStatus.SKIPPED)
    )
    repos.attendances.add(
        Attendance(
            event_id=tokyo.id,
            person_id=mohammed.id,
            role=AttendeeRole.EXHIBITOR,
            goal_ids=frozenset({vendor.id}),
        )
    )
    repos.attendances.add(Attendance(event_id=sample.id, person_id=liam.id))
    repos.checklist.add(
        ChecklistItem(
            lisbon.id,
            "Write down the goals",
            due_offset_days=-14,
            done=True,
            uid="fixture-checklist-1@networking-planner.local",
        )
    )
    repos.checklist.add(
        ChecklistItem(
            lisbon.id,
            "Send follow-ups",
            due_offset_days=1,
            position=1,
            uid="fixture-checklist-2@networking-planner.local",
            sequence=1,
        )
    )
    repos.checklist.add(
        ChecklistItem(
            tokyo.id,
            "名刺を準備する",
            due_offset_days=-2,
            uid="fixture-checklist-3@networking-planner.local",
            template_key="materials-pack",
        )
    )
    repos.interactions.add(
        Interaction(
            occurred_at=datetime(2026, 3, 29, 8, 30, tzinfo=LISBON),
            kind=InteractionKind.IN_PERSON,
            person_ids=(jose.id, misaki.id),
            place="Coffee bar",
            notes="Talked about the Azores.",
            event_id=lisbon.id,
        )
    )
    repos.interactions.add(
        Interaction(
            occurred_at=datetime(2026, 4, 2, 10, 0, tzinfo=NEW_YORK),
            kind=InteractionKind.CALL,
            person_ids=(noa.id,),
        )
    )
    repos.follow_ups.add(
        FollowUp(
            person_id=jose.id,
            due=date(2026, 4, 2),
            action="Enviar a apresentação",
            uid="fixture-follow-up-1@networking-planner.local",
            event_id=lisbon.id,
        )
    )
    repos.follow_ups.add(
        FollowUp(
            person_id=noa.id,
            due=date(2026, 4, 9),
            action="Thank Noa for the call",
            uid="fixture-follow-up-2@networking-planner.local",
            status=FollowUpStatus.DONE,
            sequence=2,
            notes="done by email",
        )
    )
    repos.follow_ups.add(
        FollowUp(
            person_id=misaki.id,
            due=date(2026, 11, 20),
            action="資料を送る",
            uid="fixture-follow-up-3@networking-planner.local",
            status=FollowUpStatus.SNOOZED,
            sequence=1,
            event_id=tokyo.id,
        )
    )
    with db.transaction() as conn:
        conn.execute("INSERT INTO app_state (key, value) VALUES ('sample_seeded', '1')")
    if SCHEMA_VERSION >= 3:
        fill_import_tables(db, lisbon.id, new_person=noa.id, existing_person=mohammed.id)


def fill_import_tables(
    db: Database, event_id: int, *, new_person: int, existing_person: int
) -> None:
    """Schema 3 and later: a remembered column choice and a review item left by an import."""
    from planner.domain.importing import Field
    from planner.storage.imports import INSERT_REVIEW, save_mapping

    save_mapping(
        db,
        "fixture-signature",
        ("Nome", "Apelido", "E-mail", "Empresa", "役職"),
        {
            0: Field.GIVEN_NAME,
            1: Field.FAMILY_NAME,
            2: Field.EMAIL,
            3: Field.COMPANY,
            4: Field.TITLE,
        },
    )
    with db.transaction() as conn:
        conn.execute(
            INSERT_REVIEW,
            (1, event_id, "participantes.csv", 7, new_person, existing_person, 84.5, FIXED_STAMP),
        )


def build(target: Path) -> None:
    partial = target.with_name(target.name + ".part")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    _freeze_row_timestamps()
    db = Database.open(partial)
    try:
        fill(Repositories.over(db), db)
        assert db.integrity_ok()
        mode = db.connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        assert mode == "delete", mode
    finally:
        db.close()
    for side_file in (Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        assert not side_file.exists(), f"{side_file} left behind"
    partial.replace(target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild an existing fixture")
    args = parser.parse_args(argv)
    target = HERE / f"v{SCHEMA_VERSION}.sqlite3"
    if target.exists() and not args.force:
        print(f"{target} exists; fixtures of shipped versions must not change.", file=sys.stderr)
        return 1
    build(target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
