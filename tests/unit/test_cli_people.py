"""`planner tier EVENT PERSON TIER` and `planner tag PERSON TAG...`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.domain.enums import NetworkType
from planner.domain.model import Attendance, Goal
from planner.services.workspace import Workspace
from tests.builders import event_id_in, person_in


def run(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(folder), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    with Workspace.open(data) as ws:
        summit = event_id_in(ws, "Web Summit")
        ws.repos.goals.add(Goal(summit, "Meet fintech investors", NetworkType.STRATEGIC))
        for name, title, email in (
            ("Ana Souza", "Investidora", "ana@example.pt"),
            ("Ana Lima", "Chef", "lima@example.org"),
            ("Bo Berg", "Engineer", None),
        ):
            ws.repos.attendances.add(
                Attendance(summit, person_in(ws, name, title=title, email=email))
            )
        person_in(ws, "Cy Off-list")
    return data


def ranked(capsys: pytest.CaptureFixture[str], folder: Path) -> list[tuple[str, str]]:
    code, out, _ = run(capsys, folder, "rank", "Web Summit", "--json")
    assert code == 0
    return [(row["full_name"], row["tier"]) for row in json.loads(out)]


def test_a_pinned_tier_changes_the_rank_and_auto_gives_it_back(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    before = ranked(capsys, folder)
    assert before[0][0] == "Ana Souza"
    code, out, err = run(capsys, folder, "tier", "summit", "Bo", "must")
    assert (code, err) == (0, "")
    assert out == "Bo Berg at Web Summit: pinned as must\n"
    assert ranked(capsys, folder)[0] == ("Bo Berg", "must")
    assert run(capsys, folder, "tier", "summit", "ana@example.pt", "skip")[0] == 0
    assert ranked(capsys, folder)[-1] == ("Ana Souza", "skip")
    assert run(capsys, folder, "tier", "summit", "1", "auto")[0] == 0  # by id
    code, out, _ = run(capsys, folder, "tier", "summit", "Bo Berg", "auto")
    assert out == "Bo Berg at Web Summit: left to the score\n"
    assert ranked(capsys, folder) == before


@pytest.mark.parametrize(
    ("person", "message"),
    [
        ("Ana", "“Ana” matches 2 people (1: Ana Souza, 2: Ana Lima)"),
        ("Zed", "No one matches “Zed”"),
        ("Cy", "Cy Off-list is not on the list of Web Summit."),
    ],
)
def test_a_person_who_is_not_one_on_the_list_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], folder: Path, person: str, message: str
) -> None:
    code, out, err = run(capsys, folder, "tier", "summit", person, "must")
    assert (code, out) == (1, "")
    assert message in err and err.count("\n") == 1


def test_tags_are_given_shown_and_taken_away(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code, out, err = run(capsys, folder, "tag", "Ana Lima", "fintech", "angel investor", "VIP")
    assert (code, err) == (0, "")
    assert out == "Ana Lima: angel investor, fintech, VIP\n"
    code, out, _ = run(capsys, folder, "tag", "lima@example.org", "--remove", "FINTECH")
    assert out == "Ana Lima: angel investor, VIP\n"
    code, out, err = run(capsys, folder, "tag", "Ana Lima", " ")
    assert code == 1 and "Give at least one tag." in err
