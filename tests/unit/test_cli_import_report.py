"""What `planner import` reads to print its report: the names it shows, and no one else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.cli.importing import _LISTED
from planner.domain.ids import PersonId
from planner.domain.importing import ReviewItem
from planner.domain.model import Person
from planner.services.review import review_names
from planner.services.workspace import Workspace
from planner.storage.people import PersonRepository


def test_names_are_read_for_the_ids_asked_for_only(workspace: Workspace) -> None:
    people = workspace.repos.people.add_many(Person(full_name=f"Person {i}") for i in range(1200))
    ids = [p.id for p in people if p.id is not None]
    wanted = [*ids[::2], PersonId(999_999)]  # 600 ids, more than one query's worth, one unknown
    names = workspace.repos.people.names(wanted)
    assert names == {p.id: p.full_name for p in people[::2] if p.id is not None}
    assert workspace.repos.people.names([]) == {}


def test_review_names_name_both_people_of_each_item(workspace: Workspace) -> None:
    ana, bea, cai = workspace.repos.people.add_many(
        Person(full_name=name) for name in ("Ana Lima", "Bea Lima", "Cai Lun")
    )
    assert ana.id and bea.id and cai.id
    items = [ReviewItem(line=2, new_person_id=bea.id, existing_person_id=ana.id, score=90)]
    assert review_names(workspace, items) == {ana.id: "Ana Lima", bea.id: "Bea Lima"}


# Short enough that "Maria X" and "Mario X" at one company are alike, not surely the same.
SURNAMES = [
    "Silva",
    "Costa",
    "Novak",
    "Rossi",
    "Szabo",
    "Nagel",
    "Haddi",
    "Lopez",
    "Dubois",
    "Weber",
    "Meyer",
    "Kraus",
    "Vogel",
    "Horn",
    "Bauer",
    "Roth",
    "Ortiz",
    "Reyes",
    "Cruz",
    "Ramos",
    "Diaz",
    "Vega",
    "Soto",
    "Lima",
    "Rocha",
    "Pinto",
    "Mota",
    "Sousa",
    "Leal",
    "Cunha",
]


@pytest.fixture
def imported_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    """A data folder whose second import of a list of alike names has more review items than
    the human report lists, and that list."""
    data = tmp_path / "data"
    args = ["--data-dir", str(data)]
    event = [*args, "event", "add", "--name", "PyCon", "--tz", "UTC"]
    assert main([*event, "--start", "2026-12-06T09:00", "--end", "2026-12-07T18:00"]) == 0
    first = tmp_path / "first.csv"
    first.write_text(
        "Name,Company\n" + "".join(f"Maria {name},{name} Ltd\n" for name in SURNAMES), "utf-8"
    )
    second = tmp_path / "second.csv"
    second.write_text(
        "Name,Company\n" + "".join(f"Mario {name},{name} Ltd\n" for name in SURNAMES), "utf-8"
    )
    assert main([*args, "import", str(first), "--event", "pycon"]) == 0
    capsys.readouterr()
    return data, second


def test_the_report_reads_only_the_people_it_prints(
    imported_twice: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data, second = imported_twice
    asked: list[set[PersonId]] = []
    names = PersonRepository.names

    def everyone(self: PersonRepository) -> list[Person]:
        raise AssertionError("the whole network was read to print a report")

    def some(self: PersonRepository, ids: set[PersonId]) -> dict[PersonId, str]:
        asked.append(set(ids))
        return names(self, ids)

    monkeypatch.setattr(PersonRepository, "all", everyone)
    monkeypatch.setattr(PersonRepository, "names", some)
    assert main(["--data-dir", str(data), "import", str(second), "--event", "pycon"]) == 0
    out = capsys.readouterr().out
    listed = [line for line in out.splitlines() if line.startswith("  line ")]
    assert len(listed) == _LISTED
    assert "Mario Silva (new, id 31) ~ Maria Silva (id 1)" in out
    assert "more (--json lists them all)" in out
    (ids,) = asked
    assert len(ids) <= 2 * _LISTED


def test_the_json_report_names_every_review_item(
    imported_twice: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data, second = imported_twice

    def everyone(self: PersonRepository) -> list[Person]:
        raise AssertionError("the whole network was read to print a report")

    monkeypatch.setattr(PersonRepository, "all", everyone)
    argv = ["--data-dir", str(data), "import", str(second), "--event", "pycon", "--json"]
    assert main(argv) == 0
    review = json.loads(capsys.readouterr().out)["review"]
    assert len(review) > _LISTED
    assert all(item["new_person"] and item["existing_person"] for item in review)
