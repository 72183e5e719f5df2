"""Every layout's fixture, end to end: file → import → the people in the database, with names
in every script exactly as written."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from planner.domain.model import Event
from planner.services.events import EventService
from planner.services.importing.service import prepare_import, run_import
from planner.services.workspace import Workspace

IMPORTS = Path(__file__).resolve().parents[1] / "data" / "imports"

# file: (layout key or None for a guessed mapping, people it adds, names that must appear).
# Rows a platform marks cancelled, refunded, declined or RSVP "No" are left out.
EXPECTED: dict[str, tuple[str | None, int, set[str]]] = {
    "eventbrite_attendees.csv": ("eventbrite", 3, {"Inês Carvalho", "田中美咲", "Jonas Weber"}),
    "eventbrite_classic.csv": ("eventbrite-classic", 2, {"Olivia Brown", "Mateus Ferreira"}),
    "linkedin_connections.csv": (
        "linkedin-connections",
        4,
        {"Sofia Rossi", "يوسف العامري", "נועה לוי"},
    ),
    "luma_guests.csv": ("luma-guest-id", 3, {"נועה לוי", "Ahmed Hassan", "Mei Lin"}),
    "luma_guests_api_id.csv": ("luma-api-id", 3, {"يوسف العامري", "Lena Fischer"}),
    "meetup_attendees.xls": (
        "meetup-attendees",
        3,
        {"Kwame Mensah", "María José García", "鈴木 愛子"},
    ),
    "google_contacts.csv": ("google-contacts", 3, {"田中美咲", "Björn Lindqvist"}),
    "google_contacts_legacy.csv": ("google-contacts-legacy", 3, {"Dr. Fatima Zahra Benali"}),
    "outlook_contacts.csv": ("outlook", 3, {"Siobhán O'Connor", "Kenji Watanabe"}),
    "outlook_com_contacts.csv": ("outlook-com", 2, {"Nadia Petrova", "Thabo Nkosi"}),
    "zoom_registrants.csv": ("zoom-registrants", 3, {"Hannah Schmidt", "Rahul Verma"}),
    "goto_webinar_registrants.csv": ("goto-webinar", 2, {"Emily Clarke", "Tomasz Kowalski"}),
    "whova_attendees.xlsx": ("whova", 3, {"Ana Sofía Pérez", "Dmitri Ivanov"}),
    "apple_icloud.vcf": ("vcard", 3, {"Inês Carvalho", "田中 美咲", "يوسف العامري"}),
    "google_contacts.vcf": ("vcard", 3, {"María José García", "נועה לוי", "Kwame Mensah"}),
    "vcard4.vcf": ("vcard", 3, {"王小明", "يوسف العامري", "Zoë Martín-Løkke"}),
    "vcard_social_profiles.vcf": ("vcard", 5, {"Ana Silva", "Bo Chen", "Dev Patel"}),
    "excel_utf8_bom.csv": (None, 5, {"Zoë Martín-Løkke", "王小明", "يوسف العامري", "נועה לוי"}),
    "excel_cp1252.csv": (None, 4, {"José Muñoz", "Søren Kierkegård", "Françoise Lefèvre"}),
    "excel_semicolon.csv": (None, 3, {"Anna Schröder", "Emre Öztürk", "Lena Weiß"}),
    "excel_unicode_text.txt": (None, 4, {"María José García López", "نور حداد"}),
    "crlf_quoted.csv": (None, 3, {"山田 太郎", "佐藤 花子", "Kim Min-jun"}),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_imports_right(name: str) -> None:
    layout_key, added, names = EXPECTED[name]
    with Workspace.in_memory() as workspace:
        lisbon = ZoneInfo("Europe/Lisbon")
        event = EventService(workspace).create(
            Event(
                "Summit",
                datetime(2026, 12, 6, 9, tzinfo=lisbon),
                datetime(2026, 12, 7, 18, tzinfo=lisbon),
                "Europe/Lisbon",
            )
        )
        assert event.id is not None
        prepared = prepare_import(IMPORTS / name)
        assert (prepared.layout.key if prepared.layout else None) == layout_key
        assert prepared.can_import
        outcome = run_import(
            workspace, prepared.table, prepared.mapping, event.id, layout=prepared.layout
        )
        people = {p.full_name for p in workspace.repos.people.all()}
        assert outcome.report.added == added, outcome.report
        assert names <= people, sorted(people)
        assert len(workspace.repos.attendances.for_event(event.id)) == outcome.report.added
