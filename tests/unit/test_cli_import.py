"""`planner import` and `planner people`, driven in-process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main
from planner.domain.importing import Field
from planner.services.importing.service import remember_mapping
from planner.services.workspace import Workspace

EVENTBRITE = (
    "Order #,Order Date,First Name,Last Name,Email,Ticket Type,Attendee Status,Company,"
    "Job Title,Cell Phone\n"
    "1001,2026-11-01,Ana,Lima,ana@lima.example,Speaker,Attending,Acme,CTO,912 345 678\n"
    "1002,2026-11-02,Rui,Costa,rui@globex.example,General Admission,Cancelled,Globex,,\n"
    "1003,2026-11-02,美咲,田中,misaki@sakura.example,General Admission,Attending,,,\n"
    "1004,2026-11-03,Ana,Lima,ANA@lima.example,General Admission,Attending,,,\n"
)
PERSON_KEYS = {
    "id",
    "full_name",
    "given_name",
    "family_name",
    "email",
    "company",
    "title",
    "phone",
    "linkedin_url",
    "notes",
    "is_sample",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "data"
    code, _, err = run(
        capsys,
        "--data-dir",
        str(folder),
        "event",
        "add",
        "--name",
        "PyCon Lisboa",
        "--start",
        "2026-12-06T09:00",
        "--end",
        "2026-12-07T18:00",
        "--tz",
        "Europe/Lisbon",
    )
    assert (code, err) == (0, "")
    return folder


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def import_json(
    capsys: pytest.CaptureFixture[str], data_dir: Path, path: Path, *extra: str
) -> tuple[int, dict[str, Any], str]:
    code, out, err = run(
        capsys,
        "--data-dir",
        str(data_dir),
        "import",
        str(path),
        "--event",
        "pycon",
        "--json",
        *extra,
    )
    return code, json.loads(out) if out else {}, err


def test_import_a_known_layout_as_json(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = write(tmp_path, "attendees.csv", EVENTBRITE)
    code, report, err = import_json(capsys, data_dir, path, "--region", "pt")
    assert (code, err) == (0, "")
    assert set(report) >= {
        "added",
        "updated",
        "merged",
        "attendances_added",
        "attendances_removed",
        "review",
        "skipped",
        "unread",
        "layout",
        "encoding",
        "rows",
        "source",
        "event",
    }
    assert (report["rows"], report["added"], report["merged"], report["updated"]) == (4, 2, 1, 0)
    assert report["attendances_added"] == 2
    assert report["layout"] == "Eventbrite attendee report"
    assert report["encoding"]
    assert report["skipped"] == [{"line": 3, "reason": "status is “Cancelled”"}]
    assert report["review"] == report["unread"] == []
    assert report["event"]["name"] == "PyCon Lisboa"

    code, out, err = run(capsys, "--data-dir", str(data_dir), "people", "--json")
    assert (code, err) == (0, "")
    people = {p["full_name"]: p for p in json.loads(out)}
    assert set(people) == {"Ana Lima", "田中美咲"}
    assert all(set(p) == PERSON_KEYS for p in people.values())
    ana = people["Ana Lima"]
    assert (ana["given_name"], ana["family_name"], ana["email"], ana["phone"]) == (
        "Ana",
        "Lima",
        "ana@lima.example",
        "+351912345678",
    )
    assert ana["linkedin_url"] is None
    assert isinstance(ana["id"], int)
    misaki = people["田中美咲"]
    assert (misaki["given_name"], misaki["family_name"], misaki["company"]) == (
        "美咲",
        "田中",
        None,
    )


def test_import_prints_a_readable_report(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = write(tmp_path, "attendees.csv", EVENTBRITE)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", str(path), "--event", "1")
    assert (code, err) == (0, "")
    assert "Imported attendees.csv (Eventbrite attendee report" in out
    assert "into PyCon Lisboa" in out
    assert "New people" in out and "Skipped" in out
    assert "line 3: status is “Cancelled”" in out


DAMAGED_VCARD = (
    "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Lima\nEMAIL:ana@lima.example\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Rui Costa\nTE{L:+351 912 000 000\nEND:VCARD\n"
)
UNREAD = "could not be read, left out of the contact at line 6: “TE{L:+351 912 000 000”"


def test_a_vcard_line_that_cannot_be_read_is_in_the_report(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = write(tmp_path, "contacts.vcf", DAMAGED_VCARD)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", str(path), "--event", "1")
    assert (code, err) == (0, "")  # nothing logged on the side
    assert "Lines not read" in out
    assert f"  line 9: {UNREAD}" in out

    code, report, err = import_json(capsys, data_dir, path)
    assert (code, err) == (0, "")
    assert report["unread"] == [{"line": 9, "reason": UNREAD}]
    assert report["skipped"] == []


def test_importing_again_adds_nobody(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = write(tmp_path, "attendees.csv", EVENTBRITE)
    import_json(capsys, data_dir, path)
    code, report, _ = import_json(capsys, data_dir, path)
    assert code == 0  # merged rows count as imported
    assert (report["added"], report["merged"], report["attendances_added"]) == (0, 3, 0)


def test_someone_no_longer_coming_is_taken_off_the_event(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = write(tmp_path, "attendees.csv", EVENTBRITE)
    import_json(capsys, data_dir, path)
    cancelled = EVENTBRITE.replace(
        "1003,2026-11-02,美咲,田中,misaki@sakura.example,General Admission,Attending",
        "1003,2026-11-02,美咲,田中,misaki@sakura.example,General Admission,Refunded",
    )
    assert cancelled != EVENTBRITE
    path = write(tmp_path, "updated.csv", cancelled)
    code, report, _ = import_json(capsys, data_dir, path)
    assert (code, report["attendances_removed"]) == (0, 1)
    assert {"line": 4, "reason": "status is “Refunded”: taken off the event's list"} in report[
        "skipped"
    ]
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "people", "--event", "1", "--json")
    assert "田中美咲" not in {person["full_name"] for person in json.loads(out)}


def test_a_review_item_is_listed_with_names(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    first = write(tmp_path, "a.csv", "Name,Company\nMaria Silva,Acme\n")
    second = write(tmp_path, "b.csv", "Name,Company\nMario Silva,Acme\n")
    import_json(capsys, data_dir, first)
    code, report, _ = import_json(capsys, data_dir, second)
    assert code == 0
    (item,) = report["review"]
    assert (item["line"], item["new_person"], item["existing_person"]) == (
        2,
        "Mario Silva",
        "Maria Silva",
    )
    assert 80 <= item["score"] <= 100
    code, out, _ = run(
        capsys, "--data-dir", str(data_dir), "import", str(second), "--event", "pycon"
    )
    assert "To review" in out


def test_a_file_without_a_name_or_email_column_is_refused(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = write(tmp_path, "odd.csv", "Col A,Col B\nx,1\ny,2\n")
    code, out, err = run(
        capsys, "--data-dir", str(data_dir), "import", str(path), "--event", "pycon"
    )
    assert (code, out) == (1, "")
    assert err == (
        "planner: error: odd.csv: could not tell which column holds names or emails; "
        "import it once in the app to choose the columns\n"
    )


def test_a_remembered_mapping_is_used(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = write(tmp_path, "odd.csv", "Col A,Col B\nAna Lima,ana@lima.example\n")
    with Workspace.open(data_dir) as workspace:
        remember_mapping(workspace, ("Col A", "Col B"), {0: Field.FULL_NAME, 1: Field.EMAIL})
    code, report, err = import_json(capsys, data_dir, path)
    assert (code, err, report["added"], report["layout"]) == (0, "", 1, None)


def test_nothing_importable_exits_1_after_the_report(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = write(tmp_path, "gone.csv", "Name,Status\nAna,Cancelled\nRui,Refunded\n")
    code, report, err = import_json(capsys, data_dir, path)
    assert code == 1
    assert [s["line"] for s in report["skipped"]] == [2, 3]
    assert err == "planner: error: nothing in gone.csv could be imported (2 of 2 row(s) skipped)\n"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty.csv"),
        (b'Name,Email\n"Ana,ana@x.example\n', "empty.csv"),
        (b"\x00\x01\x02\x03garbage\xff\xfe" * 50, "empty.csv"),
    ],
    ids=["empty", "unclosed-quote", "binary"],
)
def test_an_unreadable_file_is_one_clean_error(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    content: bytes,
    expected: str,
) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    code, out, err = run(
        capsys, "--data-dir", str(data_dir), "import", str(path), "--event", "pycon"
    )
    assert (code, out) == (1, "")
    assert err.startswith(f"planner: error: {expected}")
    assert "Traceback" not in err and err.count("\n") == 1


def test_a_file_problem_names_the_line(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(b'Name,Email\nAna,ana@x.example\n"Rui,rui@x.example\n')
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", str(path), "--event", "1")
    assert code == 1
    assert err.startswith("planner: error: broken.csv, line 3")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["import", "{missing}", "--event", "pycon"], "No such file"),
        (["import", "{file}", "--event", "nowhere"], "No event matches"),
        (["import", "{file}", "--event", "pycon", "--region", "XX"], "--region"),
        (["people", "--event", "nowhere"], "No event matches"),
    ],
)
def test_command_errors(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    argv: list[str],
    message: str,
) -> None:
    file = write(tmp_path, "attendees.csv", EVENTBRITE)
    argv = [a.format(missing=tmp_path / "missing.csv", file=file) for a in argv]
    code, out, err = run(capsys, "--data-dir", str(data_dir), *argv)
    assert (code, out) == (1, "")
    assert err.startswith("planner: error: ") and message in err


def test_people_of_one_event_and_as_a_table(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    run(
        capsys,
        "--data-dir",
        str(data_dir),
        "event",
        "add",
        "--name",
        "Web Summit",
        "--start",
        "2026-11-10T09:00",
        "--end",
        "2026-11-12T18:00",
        "--tz",
        "Europe/Lisbon",
    )
    import_json(capsys, data_dir, write(tmp_path, "a.csv", EVENTBRITE))
    code, out, _ = run(
        capsys,
        "--data-dir",
        str(data_dir),
        "import",
        str(write(tmp_path, "b.csv", "Name,Email\nNoa Levi,noa@levi.example\n")),
        "--event",
        "web summit",
        "--json",
    )
    assert code == 0
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "people", "--event", "web", "--json")
    assert [p["full_name"] for p in json.loads(out)] == ["Noa Levi"]
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "people")
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "Name", "Company", "Title", "Email"]
    assert len(lines) == 4
    assert any("Ana Lima" in line and "Acme" in line and "CTO" in line for line in lines)


def test_people_when_there_is_nobody(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "people", "--json")
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "people")
    assert "No people yet" in out
