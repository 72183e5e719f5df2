"""Warm introductions: company names folded, who the user knows at an attendee's company or who
met them before, with where and when, and the texts the list, the panel and the CLI show."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.cli import main
from planner.domain.enums import AttendanceStatus, InteractionKind
from planner.domain.ids import PersonId
from planner.domain.introductions import Intro, IntroKind, fold_company, how, summary
from planner.domain.model import Attendance, Interaction
from planner.services.introductions import introduction_summary, warm_introductions
from planner.services.listings import ranked_attendee_listings
from planner.services.workspace import Workspace
from tests.builders import event_id_in, person_in

# -- folding company names -------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Acme Inc.", "ACME", "Acme, Inc", "acme gmbh", "Acme S.A.", "Acme SAS", "Acme Ltd", "Ácme"],
)
def test_legal_forms_case_and_accents_fold_together(name: str) -> None:
    assert fold_company(name) == "acme"


def test_more_legal_forms_and_words_kept() -> None:
    assert fold_company("Nova Labs B.V.") == fold_company("nova labs") == "nova labs"
    assert fold_company("Blue Co., Ltd.") == "blue"
    assert fold_company("株式会社ソニー") == fold_company("ソニー") == "ソニー"
    assert fold_company("Fintech Lda") == "fintech"
    assert fold_company("Acme Labs") != fold_company("Acme")


@pytest.mark.parametrize(
    "name", ["", "  ", "-", "Self-employed", "self employed", "Freelance", "None", "N/A", "Inc."]
)
def test_empty_and_generic_companies_never_match(name: str) -> None:
    assert fold_company(name) == ""


@given(st.text(max_size=30))
def test_folding_is_idempotent(name: str) -> None:
    folded = fold_company(name)
    assert fold_company(folded) == folded


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéàüñç ,.", max_size=30))
def test_case_and_accents_never_change_the_fold(name: str) -> None:
    assert fold_company(name.upper()) == fold_company(name)
    assert fold_company(name.replace("é", "e").replace("ü", "u")) == fold_company(name)


# -- texts -----------------------------------------------------------------------------------

ANA = Intro(PersonId(1), "Ana", IntroKind.SAME_COMPANY, "Acme", "Web Summit 2025")
LI = Intro(PersonId(2), "Li", IntroKind.SAME_COMPANY, "Acme")


def test_how_for_each_kind() -> None:
    assert how(ANA) == "works at Acme too; met at Web Summit 2025"
    assert how(LI) == "works at Acme too"
    lunch = Intro(PersonId(3), "Bo", IntroKind.MET_BEFORE, where="Web Summit 2025", place="lunch")
    assert how(lunch) == "was with them at lunch, Web Summit 2025"
    call = Intro(PersonId(3), "Bo", IntroKind.MET_BEFORE, where="2026-01-02")
    assert how(call) == "met them before (2026-01-02)"


def test_summary_of_colleagues_and_of_people_who_met_them() -> None:
    assert summary([ANA, LI]) == "you know 2 people at Acme: Ana (met at Web Summit 2025), Li"
    assert summary([LI]) == "you know 1 person at Acme: Li"
    met = Intro(PersonId(3), "Ana", IntroKind.MET_BEFORE, where="Web Summit 2025")
    assert summary([met]) == "Ana met them before (Web Summit 2025)"
    assert (
        summary([LI, met]) == "you know 1 person at Acme: Li; Ana met them before (Web Summit 2025)"
    )
    assert summary([]) == ""


def test_summary_names_a_few_then_counts() -> None:
    many = [Intro(PersonId(n), f"P{n}", IntroKind.SAME_COMPANY, "Acme") for n in range(5)]
    assert summary(many) == "you know 5 people at Acme: P0, P1, P2 and 2 more"


# -- the service -----------------------------------------------------------------------------


def a_network(ws: Workspace) -> dict[str, PersonId]:
    """Web Summit 2027 (this event) and Collision 2025: Ana (Acme Inc., met at Collision), Li
    (ACME, on Collision's list), Bo (Acme GmbH, on no other list: not known); on this event's
    list Zoe (Acme, Inc), Kim (self-employed), Max (no company), and Ana herself."""
    summit = event_id_in(ws, "Web Summit")
    collision = event_id_in(
        ws,
        "Collision",
        start=datetime(2025, 6, 1, 9, tzinfo=UTC),
        end=datetime(2025, 6, 1, 18, tzinfo=UTC),
    )
    ids = {
        "Ana": person_in(ws, "Ana", company="Acme Inc."),
        "Li": person_in(ws, "Li", company="ACME"),
        "Bo": person_in(ws, "Bo", company="Acme GmbH"),
        "Zoe": person_in(ws, "Zoe", company="Acme, Inc"),
        "Kim": person_in(ws, "Kim", company="Self-employed"),
        "Sam": person_in(ws, "Sam", company="self employed"),
        "Max": person_in(ws, "Max"),
    }
    ws.repos.attendances.add(Attendance(collision, ids["Ana"], status=AttendanceStatus.MET))
    ws.repos.attendances.add(Attendance(collision, ids["Li"]))
    ws.repos.attendances.add(Attendance(collision, ids["Sam"]))
    for name in ("Zoe", "Kim", "Max", "Ana"):
        ws.repos.attendances.add(Attendance(summit, ids[name]))
    ws.repos.interactions.add(
        Interaction(
            datetime(2026, 2, 3, 12, tzinfo=UTC),
            InteractionKind.IN_PERSON,
            (ids["Max"], ids["Bo"]),
            place="lunch",
        )
    )
    return ids


def test_colleagues_the_user_knows_and_who_met_them_before() -> None:
    with Workspace.in_memory() as ws:
        ids = a_network(ws)
        summit = ws.repos.events.find("Web Summit")[0].id
        assert summit is not None
        found = warm_introductions(ws, summit)
    assert set(found) == {ids["Zoe"], ids["Kim"], ids["Max"], ids["Ana"]}
    zoe = found[ids["Zoe"]]
    # Ana and Li are known (another event's list); Bo is only known through an interaction,
    # which puts him in the network too.
    assert [(i.name, i.kind, i.where) for i in zoe] == [
        ("Ana", IntroKind.SAME_COMPANY, "Collision 2025"),
        ("Bo", IntroKind.SAME_COMPANY, "2026-02-03"),
        ("Li", IntroKind.SAME_COMPANY, ""),
    ]
    assert introduction_summary(zoe) == (
        "you know 3 people at Acme Inc.: Ana (met at Collision 2025), Bo (met on 2026-02-03), Li"
    )
    # The attendee is never their own introduction.
    assert [i.name for i in found[ids["Ana"]]] == ["Bo", "Li"]
    # Self-employed never matches another self-employed person.
    assert found[ids["Kim"]] == ()
    # No company: only who was with them.
    [bo] = found[ids["Max"]]
    assert (bo.name, bo.kind, how(bo)) == (
        "Bo",
        IntroKind.MET_BEFORE,
        "was with them at lunch, 2026-02-03",
    )


def test_only_the_people_asked_about() -> None:
    with Workspace.in_memory() as ws:
        ids = a_network(ws)
        summit = ws.repos.events.find("Web Summit")[0].id
        assert summit is not None
        found = warm_introductions(ws, summit, [ids["Zoe"], ids["Li"]])
    assert list(found) == [ids["Zoe"]]  # Li is not on this event's list


def test_the_ranked_listing_carries_the_introductions() -> None:
    with Workspace.in_memory() as ws:
        ids = a_network(ws)
        summit = ws.repos.events.find("Web Summit")[0].id
        assert summit is not None
        listings = {listing.full_name: listing for listing in ranked_attendee_listings(ws, summit)}
    assert [i.name for i in listings["Zoe"].introductions] == ["Ana", "Bo", "Li"]
    assert listings["Kim"].introductions == ()
    assert ids


# -- the CLI ---------------------------------------------------------------------------------


def test_rank_json_and_text_carry_warm_introductions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Workspace.open(tmp_path / "data") as ws:
        a_network(ws)
    assert main(["--data-dir", str(tmp_path / "data"), "rank", "Web Summit", "--json"]) == 0
    rows = {row["full_name"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["Zoe"]["warm_introductions"] == [
        {"name": "Ana", "how": "works at Acme Inc. too; met at Collision 2025"},
        {"name": "Bo", "how": "works at Acme Inc. too; met on 2026-02-03"},
        {"name": "Li", "how": "works at Acme Inc. too"},
    ]
    assert rows["Kim"]["warm_introductions"] == []
    assert main(["--data-dir", str(tmp_path / "data"), "rank", "Web Summit"]) == 0
    out = capsys.readouterr().out
    assert "    you know 3 people at Acme Inc.: Ana (met at Collision 2025)" in out
    assert "    Bo met them before (2026-02-03)" in out
