"""The report names every value of an imported row that was not kept as the file gave it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.domain.importing import ChangedValue, Field, ImportReport, Skipped
from planner.interchange.normalize import (
    MORE_EMAILS,
    NOT_AN_EMAIL,
    NOT_LINKEDIN,
    phone_problem,
)
from planner.services.importing.service import prepare_import, run_import
from planner.services.workspace import Workspace
from tests.builders import event_id_in

ATTENDEES = (
    "Name,Email,Phone,LinkedIn,Company\n"
    "Ana Lima,not-an-email,,,Acme\n"  # 2
    "Bo Chen,bo@example.org; bo@home.example,+351 912 345 678,,Acme\n"  # 3
    "Cy Reis,cy@example.org,+351 12,https://twitter.com/cy,Acme\n"  # 4
    "Di Melo,di@example.org,call me,linkedin.com/in/di-melo,Acme\n"  # 5
    "Eva Nowak,eva@example.org,912 345 678,https://lnkd.in/eva,Acme\n"  # 6: as expected
    ",nobody,,,Acme\n"  # 7: left out, the reason says why: not listed again
)
EXPECTED = [
    ChangedValue(2, Field.EMAIL, "not-an-email", NOT_AN_EMAIL),
    ChangedValue(3, Field.EMAIL, "bo@example.org; bo@home.example", MORE_EMAILS),
    ChangedValue(
        4, Field.PHONE, "+351 12", "is not a valid phone number for its country code: kept as typed"
    ),
    ChangedValue(4, Field.LINKEDIN_URL, "https://twitter.com/cy", NOT_LINKEDIN),
    ChangedValue(5, Field.PHONE, "call me", "holds no digits: not a phone number, kept as typed"),
]


def imported(tmp_path: Path, text: str, **options: object) -> ImportReport:
    path = tmp_path / "attendees.csv"
    path.write_text(text, encoding="utf-8")
    prepared = prepare_import(path)
    with Workspace.in_memory() as workspace:
        event_id = event_id_in(workspace, "Summit")
        outcome = run_import(workspace, prepared.table, prepared.mapping, event_id, **options)
        people = {p.full_name: p for p in workspace.repos.people.all()}
    assert people["Ana Lima"].email is None
    assert "Email as given: not-an-email" in people["Ana Lima"].notes
    return outcome.report


@pytest.mark.parametrize("parallel", [False, True])
def test_each_value_not_kept_as_given_is_listed_with_its_line(
    tmp_path: Path, parallel: bool
) -> None:
    report = imported(tmp_path, ATTENDEES, parallel=parallel)
    assert report.changed == EXPECTED
    assert report.skipped == [Skipped(7, "no name or email (“nobody” is not an email address)")]


def test_a_number_nothing_could_place_is_not_a_problem() -> None:
    assert phone_problem("912 345 678") is None  # no country code, no default region
    assert phone_problem("912 345 678", "PT") is None  # placed
    assert phone_problem("+351 912 345 678 ext. 12") is None  # E.164 has no extension
    assert phone_problem("912", "PT") == (
        "is not a valid phone number in PT, nor has it a country code: kept as typed"
    )


def test_a_column_that_writes_null_for_nothing_is_named_once(tmp_path: Path) -> None:
    rows = "".join(f"P{n} Lima,p{n}@example.org,,,NULL\n" for n in range(4))
    report = imported(tmp_path, ATTENDEES + rows)
    assert report.changed[0] == ChangedValue(
        1,
        Field.COMPANY,
        "NULL",
        "read as empty in 4 rows: the “Company” column writes it for nothing",
    )
    assert report.changed[1:] == EXPECTED


def test_the_cli_reports_them_in_words_and_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "event", "add", "--name", "Summit", "--start",
                 "2027-05-01T09:00", "--end", "2027-05-01T18:00", "--tz", "UTC"]) == 0  # fmt: skip
    path = tmp_path / "attendees.csv"
    path.write_text(ATTENDEES, encoding="utf-8")
    capsys.readouterr()
    assert main(["--data-dir", data, "import", str(path), "--event", "1"]) == 0
    out = capsys.readouterr().out
    assert "Values not kept as given (the rest of their row was imported):" in out
    assert f"  line 2, email: “not-an-email” {NOT_AN_EMAIL}\n" in out
    assert f"  line 4, linkedin url: “https://twitter.com/cy” {NOT_LINKEDIN}\n" in out
    assert main(["--data-dir", data, "import", str(path), "--event", "1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["changed"] == [
        {"line": item.line, "field": item.field.value, "value": item.value, "what": item.what}
        for item in EXPECTED
    ]


def test_google_contacts_second_address_is_kept_in_the_notes_and_reported() -> None:
    from tests.conftest import DATA

    prepared = prepare_import(DATA / "imports" / "google_contacts.csv")
    with Workspace.in_memory() as workspace:
        event_id = event_id_in(workspace, "Summit")
        report = run_import(
            workspace, prepared.table, prepared.mapping, event_id, layout=prepared.layout
        ).report
        misaki = next(p for p in workspace.repos.people.all() if p.family_name == "田中")
    assert misaki.email == "misaki.tanaka@example.jp"
    assert "Other email: misaki@example.com" in misaki.notes.split("\n")
    assert (
        ChangedValue(2, Field.EMAIL, "misaki.tanaka@example.jp; misaki@example.com", MORE_EMAILS)
        in report.changed
    )


def test_progress_counts_rows_not_the_values_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.services.importing import rows as import_rows

    monkeypatch.setattr(import_rows, "CHUNK_ROWS", 2)
    heard: list[tuple[int, int]] = []
    imported(tmp_path, ATTENDEES, parallel=False, progress=lambda *done: heard.append(done))
    assert heard == [(2, 6), (4, 6), (6, 6)]
