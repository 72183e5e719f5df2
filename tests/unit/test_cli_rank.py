"""`planner rank EVENT`, driven in-process against a data folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main
from planner.domain.enums import AttendanceStatus, NetworkType
from planner.domain.model import Attendance, Goal
from planner.services.workspace import Workspace
from tests.builders import event_id_in, person_in


def run(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(folder), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Web Summit (id 1) with an investor goal and four people; Collision (id 2), empty."""
    data = tmp_path / "data"
    with Workspace.open(data) as ws:
        summit = event_id_in(ws, "Web Summit")
        event_id_in(ws, "Collision")
        ws.repos.goals.add(Goal(summit, "Meet fintech investors", NetworkType.STRATEGIC))
        people = [
            ("Ana Souza", "Investidora", "Fintech Lda", "ana@example.pt", AttendanceStatus.TO_MEET),
            ("Bo Berg", "Investor Relations", "Acme", None, AttendanceStatus.TO_MEET),
            ("李雷", "Chef", "腾讯", None, AttendanceStatus.TO_MEET),
            ("Ché Dupont", "Investisseur", "", None, AttendanceStatus.SKIPPED),
        ]
        for name, title, company, email, status in people:
            who = person_in(ws, name, title=title, company=company or None, email=email)
            ws.repos.attendances.add(Attendance(summit, who, status=status))
    return data


def test_rank_json_lists_everyone_in_order_with_why(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code, out, err = run(capsys, folder, "rank", "Web Summit", "--json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert [r["full_name"] for r in rows] == ["Ana Souza", "Bo Berg", "李雷", "Ché Dupont"]
    ana = rows[0]
    assert {k: ana[k] for k in ("email", "company", "title", "tier")} == {
        "email": "ana@example.pt",
        "company": "Fintech Lda",
        "title": "Investidora",
        "tier": "should",  # none pinned: the one her score suggests
    }
    assert 45 <= ana["score"] < 70
    assert ana["goals"] == [
        {
            "goal": "Meet fintech investors",
            "matched": ["Fintech", "Investidora"],
            "why": [  # the strongest first: the same word, then a synonym
                "company 'Fintech Lda' ~ goal word 'fintech'",
                "title 'Investidora' ~ goal word 'investors'",
            ],
        }
    ]
    assert ana["warm_introductions"] == []
    bo = rows[1]
    assert (bo["score"], bo["goals"], len(bo["cautions"])) == (0, [], 1)
    assert rows[2]["company"] == "腾讯" and rows[2]["email"] is None
    assert rows[3]["tier"] == "skip"
    assert rows[3]["reasons"] == ["marked skipped -30"]


def test_rank_limit_and_table(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, out, _ = run(capsys, folder, "rank", "1", "--limit", "1")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["#", "Score", "Tier", "Name", "Company", "Title", "Why"]
    assert len(lines) == 2
    assert "Ana Souza" in lines[1]
    assert "title 'Investidora' ~ goal word 'investors'" in lines[1]
    code, out, _ = run(capsys, folder, "rank", "1", "--limit", "0", "--json")
    assert (code, json.loads(out)) == (0, [])


def test_rank_an_empty_list(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    assert run(capsys, folder, "rank", "Collision") == (
        0,
        "No one on the list of Collision yet.\n",
        "",
    )


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("rank", "Nowhere"), "No event matches “Nowhere”."),
        (("rank", "1", "--limit", "-2"), "--limit must be 0 or more."),
    ],
)
def test_bad_input_is_a_clear_message(
    capsys: pytest.CaptureFixture[str], folder: Path, argv: Any, said: str
) -> None:
    code, out, err = run(capsys, folder, *argv)
    assert (code, out) == (1, "")
    assert err == f"planner: error: {said}\n"
