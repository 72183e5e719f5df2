"""`planner goal` and `planner checklist`, driven in-process against a data folder."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import icalendar
import pytest

from planner.cli import main
from planner.domain.enums import AttendanceStatus, PriorityTier
from planner.domain.ids import EventId, GoalId
from planner.domain.model import Attendance, Person
from planner.interchange.ics import ics_to_tasks
from planner.services.checklist import ChecklistService
from planner.services.workspace import Workspace

# Web Summit opens 2026-12-06 at 09:00 in Lisbon.
T = date(2026, 12, 6)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_clean_error(code: int, out: str, err: str) -> str:
    assert code == 1
    assert out == ""
    assert err.startswith("planner: error: ")
    assert "Traceback" not in err
    assert err.count("\n") == 1
    return err


@pytest.fixture
def folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A data folder holding Web Summit (id 1) and Collision (id 2)."""
    data = tmp_path / "data"
    for name, start, end in (
        ("Web Summit", "2026-12-06T09:00", "2026-12-07T18:00"),
        ("Collision", "2027-06-01T09:00", "2027-06-02T18:00"),
    ):
        code, _, err = run(
            capsys,
            "--data-dir",
            str(data),
            "event",
            "add",
            "--name",
            name,
            "--start",
            start,
            "--end",
            end,
            "--tz",
            "Europe/Lisbon",
        )
        assert (code, err) == (0, "")
    return data


def cli(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> tuple[int, str, str]:
    return run(capsys, "--data-dir", str(folder), *argv)


def cli_json(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> Any:
    code, out, err = cli(capsys, folder, *argv, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def goal_count(folder: Path) -> int:
    with Workspace.open(folder) as workspace:
        row = workspace.db.connection.execute("SELECT count(*) FROM goal").fetchone()
        return int(row[0])


# --- goal add --------------------------------------------------------------------------------


def test_goal_add_by_id_as_json(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    created = cli_json(
        capsys,
        folder,
        "goal",
        "add",
        "1",
        "--text",
        "Meet 3 fintech investors",
        "--type",
        "strategic",
        "--target",
        "3",
        "--keywords",
        "a, b",
    )
    assert created == {
        "id": 1,
        "event_id": 1,
        "text": "Meet 3 fintech investors",
        "type": "strategic",
        "target": 3,
        "keywords": ["a", "b"],
        "roles": [],
        "companies": [],
        "priority": 0,
    }


def test_goal_add_by_part_of_the_name(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, out, err = cli(
        capsys,
        folder,
        "goal",
        "add",
        "collis",
        "--text",
        "  Find a   payments partner ",
        "--type",
        "operational",
        "--roles",
        "Head of Payments; CTO",
        "--companies",
        "Acme\nFjord Pay, acme",
        "--priority",
        "2",
    )
    assert (code, err) == (0, "")
    assert out == "Added goal 1 to Collision: Find a payments partner\n"
    (goal,) = cli_json(capsys, folder, "goal", "list", "2")
    assert goal["event_id"] == 2
    assert goal["type"] == "operational"
    assert goal["target"] == 1  # the default
    assert goal["roles"] == ["Head of Payments", "CTO"]
    assert goal["companies"] == ["Acme", "Fjord Pay"]
    assert goal["keywords"] == []
    assert goal["priority"] == 2
    assert cli_json(capsys, folder, "goal", "list", "web summit") == []


def test_goal_keywords_keep_non_latin_words(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    created = cli_json(
        capsys,
        folder,
        "goal",
        "add",
        "1",
        "--text",
        "投資家に会う",
        "--type",
        "personal",
        "--keywords",
        "決済; تمويل, fintech, FinTech",
    )
    assert created["text"] == "投資家に会う"
    assert created["keywords"] == ["決済", "تمويل", "fintech"]


def test_goal_list_shows_progress(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    base = ("goal", "add", "1", "--type", "strategic")
    cli_json(capsys, folder, *base, "--text", "Investors", "--target", "2")
    cli_json(capsys, folder, *base, "--text", "Nobody needed", "--target", "0")
    cli_json(capsys, folder, *base, "--text", "One partner", "--target", "1")
    with Workspace.open(folder) as workspace:
        repos = workspace.repos
        met, planned, other = repos.people.add_many(
            [Person(full_name="Ana"), Person(full_name="Ben"), Person(full_name="Cy")]
        )
        assert met.id and planned.id and other.id
        event = EventId(1)
        repos.attendances.add(
            Attendance(
                event,
                met.id,
                status=AttendanceStatus.MET,
                goal_ids=frozenset({GoalId(1), GoalId(3)}),
            )
        )
        repos.attendances.add(Attendance(event, planned.id, goal_ids=frozenset({GoalId(1)})))
        repos.attendances.add(Attendance(event, other.id, status=AttendanceStatus.MET))

    rows = cli_json(capsys, folder, "goal", "list", "1")
    assert [set(row) for row in rows] == [
        {
            "id",
            "event_id",
            "text",
            "type",
            "target",
            "keywords",
            "roles",
            "companies",
            "priority",
            "met",
            "shortlisted",
            "reached",
        }
    ] * 3
    assert [(r["text"], r["met"], r["shortlisted"], r["target"], r["reached"]) for r in rows] == [
        ("Investors", 1, 2, 2, False),
        ("Nobody needed", 0, 0, 0, True),
        ("One partner", 1, 1, 1, True),
    ]

    code, out, err = cli(capsys, folder, "goal", "list", "1")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "Type", "Met", "Goal"]
    assert lines[1].split() == ["1", "strategic", "1/2", "Investors"]
    assert len(lines) == 4


def test_goal_list_of_an_event_without_goals(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code, out, err = cli(capsys, folder, "goal", "list", "1")
    assert (code, err) == (0, "")
    assert out.startswith("No goals for Web Summit yet.")


def test_an_invalid_type_is_a_usage_error(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(folder), "goal", "add", "1", "--text", "x", "--type", "social"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'social'" in err
    assert "strategic" in err
    assert goal_count(folder) == 0


def test_a_negative_target_is_refused(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    err = assert_clean_error(
        *cli(
            capsys,
            folder,
            "goal",
            "add",
            "1",
            "--text",
            "x",
            "--type",
            "personal",
            "--target",
            "-1",
        )
    )
    assert "--target must be 0 or more" in err
    assert goal_count(folder) == 0


def test_a_huge_target_is_refused(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    err = assert_clean_error(
        *cli(
            capsys,
            folder,
            "goal",
            "add",
            "1",
            "--text",
            "x",
            "--type",
            "personal",
            "--target",
            "1001",
        )
    )
    assert "1000" in err
    assert goal_count(folder) == 0


def test_blank_goal_text_is_refused(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    err = assert_clean_error(
        *cli(capsys, folder, "goal", "add", "1", "--text", "  ", "--type", "personal")
    )
    assert "needs a description" in err


@pytest.mark.parametrize("action", ["add", "list"])
@pytest.mark.parametrize(("reference", "fragment"), [("99", "No event matches"), ("nope", "nope")])
def test_an_unknown_event_is_an_error(
    capsys: pytest.CaptureFixture[str], folder: Path, action: str, reference: str, fragment: str
) -> None:
    extra = ["--text", "x", "--type", "personal"] if action == "add" else []
    err = assert_clean_error(*cli(capsys, folder, "goal", action, reference, *extra))
    assert fragment in err
    assert goal_count(folder) == 0


def test_an_ambiguous_event_is_an_error(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    err = assert_clean_error(*cli(capsys, folder, "goal", "list", "i"))  # both names have an i
    assert "matches 2 events" in err


# --- checklist -------------------------------------------------------------------------------


def add_plan(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    """A goal (nobody linked yet) and a must-meet person without research: two open
    self-ticking items; and the first stored item ticked."""
    cli_json(capsys, folder, "goal", "add", "1", "--text", "Investors", "--type", "strategic")
    with Workspace.open(folder) as workspace:
        person = workspace.repos.people.add(Person(full_name="Sofía García"))
        assert person.id is not None
        workspace.repos.attendances.add(
            Attendance(EventId(1), person.id, tier=PriorityTier.MUST_MEET)
        )
        first = workspace.repos.checklist.for_event(EventId(1))[0]
        assert first.id is not None
        ChecklistService(workspace).set_done(first.id, True)


def test_checklist_json(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    add_plan(capsys, folder)
    rows = cli_json(capsys, folder, "checklist", "Web Summit")
    assert len(rows) == 19
    assert all(
        set(row) == {"id", "text", "due", "offset_days", "relative", "done", "dynamic", "uid"}
        for row in rows
    )
    for row in rows:
        assert date.fromisoformat(row["due"]) == T.fromordinal(T.toordinal() + row["offset_days"])
        assert len(row["due"]) == 10  # a date, not a date-time
    dynamic = [row for row in rows if row["dynamic"]]
    stored = [row for row in rows if not row["dynamic"]]
    assert len(dynamic) == 2 and len(stored) == 17
    assert all(row["id"] is None and row["uid"] is None for row in dynamic)
    assert all(isinstance(row["id"], int) and row["uid"] for row in stored)
    assert {row["relative"] for row in dynamic} == {"T-7", "T-3"}
    assert any(row["text"] == "Research the must-meet people (0 of 1 done)" for row in dynamic)
    assert any("Investors" in row["text"] for row in dynamic)
    assert [row["done"] for row in rows].count(True) == 1
    first = rows[0]
    assert (first["due"], first["relative"], first["done"]) == ("2026-11-22", "T-14", True)
    assert rows[-1]["relative"] == "T+30"
    assert rows[-1]["due"] == "2027-01-05"


def test_checklist_table(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    add_plan(capsys, folder)
    code, out, err = cli(capsys, folder, "checklist", "1")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["Done", "Due", "When", "Item"]
    assert len(lines) == 20
    assert lines[1].split()[:3] == ["[x]", "2026-11-22", "T-14"]
    assert lines[2].split()[:4] == ["[", "]", "2026-11-22", "T-14"]
    assert sum("(ticks itself)" in line for line in lines) == 2


def read_calendar(path: Path) -> tuple[list[str], list[Any]]:
    data = path.read_bytes()
    calendar = icalendar.Calendar.from_ical(data)
    kinds = [component.name for component in calendar.subcomponents]
    return kinds, ics_to_tasks(data)


@pytest.mark.parametrize(
    ("style", "kind"), [(["--as", "todo"], "VTODO"), (["--as", "event"], "VEVENT"), ([], "VEVENT")]
)
def test_checklist_to_a_calendar_file(
    capsys: pytest.CaptureFixture[str],
    folder: Path,
    tmp_path: Path,
    style: list[str],
    kind: str,
) -> None:
    add_plan(capsys, folder)
    rows = cli_json(capsys, folder, "checklist", "1")
    open_rows = [row for row in rows if not row["done"]]
    assert len(open_rows) == 18

    target = tmp_path / "prep.ics"
    code, out, err = cli(capsys, folder, "checklist", "1", "--ics", str(target), *style)
    assert code == 0
    assert out == f"Wrote 18 open items to {target}\n"  # what was done, and no table
    assert err == ""
    assert target.is_file()
    kinds, tasks = read_calendar(target)
    assert kinds.count(kind) == len(open_rows)
    assert len(kinds) == len(open_rows)
    if tasks:
        assert sorted(task.due.isoformat() for task in tasks) == sorted(
            row["due"] for row in open_rows
        )
        stored_uids = {row["uid"] for row in open_rows if row["uid"]}
        assert stored_uids <= {task.uid for task in tasks}
        assert not any(task.done for task in tasks)


def test_checklist_ics_with_json_prints_both(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "prep.ics"
    code, out, err = cli(
        capsys, folder, "checklist", "1", "--ics", str(target), "--as", "todo", "--json"
    )
    assert code == 0
    assert len(json.loads(out)) == 17  # stdout holds the JSON alone
    assert err == f"Wrote 17 open items to {target}\n"
    assert read_calendar(target)[0] == ["VTODO"] * 17


def test_checklist_export_keeps_uids_across_runs(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    add_plan(capsys, folder)
    first, second = tmp_path / "1.ics", tmp_path / "2.ics"
    assert cli(capsys, folder, "checklist", "1", "--ics", str(first), "--as", "todo")[0] == 0
    assert cli(capsys, folder, "checklist", "1", "--ics", str(second), "--as", "todo")[0] == 0

    def uids(path: Path) -> list[str]:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        return [str(component["UID"]) for component in calendar.subcomponents]

    assert uids(first) == uids(second)
    assert len(set(uids(first))) == 18


def test_an_invalid_style_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(folder), "checklist", "1", "--ics", "x.ics", "--as", "pdf"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_checklist_of_an_unknown_event(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    err = assert_clean_error(*cli(capsys, folder, "checklist", "Slush"))
    assert "Slush" in err


def test_writing_into_a_missing_folder_is_a_clean_error(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "no such folder" / "prep.ics"
    err = assert_clean_error(*cli(capsys, folder, "checklist", "1", "--ics", str(target)))
    assert "No such file or directory" in err
    assert not target.parent.exists()


def test_a_failed_export_names_the_file_the_user_gave(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "no such folder" / "prep.ics"
    err = assert_clean_error(*cli(capsys, folder, "checklist", "1", "--ics", str(target)))
    assert ".part" not in err
    assert str(target) in err or str(target.parent) in err


def test_exporting_onto_a_folder_names_that_folder(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "calendars"
    target.mkdir()
    err = assert_clean_error(*cli(capsys, folder, "checklist", "1", "--ics", str(target)))
    assert ".part" not in err
    assert str(target) in err


def test_exporting_onto_a_folder_is_a_clean_error_and_leaves_nothing(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "calendars"
    target.mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    assert_clean_error(*cli(capsys, folder, "checklist", "1", "--ics", str(target)))
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert list(target.iterdir()) == []
