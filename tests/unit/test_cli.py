"""The `planner` command, driven in-process, and the event lookup it relies on."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from planner import __version__, cli
from planner.cli import main
from planner.domain.model import Event
from planner.services.events import EventLookupError, EventService
from planner.services.workspace import DATABASE_NAME, Workspace


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def add_args(data_dir: Path, **options: str) -> list[str]:
    values = {
        "name": "Web Summit",
        "start": "2026-12-06T09:00",
        "end": "2026-12-07T18:00",
        "tz": "Europe/Lisbon",
    }
    values.update(options)
    args = ["--data-dir", str(data_dir), "event", "add"]
    for key, value in values.items():
        args += [f"--{key}", value]
    return args


def list_json(capsys: pytest.CaptureFixture[str], data_dir: Path) -> list[dict[str, Any]]:
    code, out, err = run(capsys, "--data-dir", str(data_dir), "event", "list", "--json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert isinstance(rows, list)
    return rows


def assert_clean_error(code: int, out: str, err: str) -> str:
    assert code == 1
    assert out == ""
    assert err.startswith("planner: error: ")
    assert "Traceback" not in err
    assert err.count("\n") == 1
    return err


# --- version and help ------------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"planner {__version__}"


def test_event_without_an_action_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(tmp_path), "event"])
    assert caught.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_unknown_arguments_are_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(tmp_path), "event", "list", "--bogus"])
    assert caught.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--demo"],
        ["--data-dir", "/tmp/x"],
        ["--data-dir=/tmp/x", "--demo", "-style=fusion"],
        ["-reverse", "--data-dir", "event"],  # a folder named like a command
        ["--dem"],  # argparse's abbreviation of --demo
        ["--data-dir", "-x"],  # a value that looks like an option: argparse refuses it
        ["-", "--", "--demo"],
        ["-h"],
        ["-help"],
        ["--demo", "--help"],
        ["--version"],
        ["-platform", "offscreen"],
    ],
)
def test_the_command_line_is_read_as_argparse_reads_it(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        args, extra = cli.build_parser().parse_known_args(argv)
        full: object = (vars(args), extra)
    except SystemExit as refused:
        full = ("exit", refused.code, capsys.readouterr())
    try:
        args, extra = cli.parse_arguments(argv)
        quick: object = (vars(args), extra)
    except SystemExit as refused:
        quick = ("exit", refused.code, capsys.readouterr())
    assert quick == full


@pytest.mark.parametrize(
    "argv", [[], ["--demo"], ["--data-dir", "/tmp/x", "-style=fusion"], ["--data-dir=/x"]]
)
def test_opening_the_app_builds_no_parser(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> Any:
        raise AssertionError("argparse was used to open the app")

    monkeypatch.setattr(cli, "build_parser", refuse)
    args, _ = cli.parse_arguments(argv)
    assert args.command is None


def test_a_file_opens_the_app_to_import_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    attendees = tmp_path / "attendees.csv"
    attendees.write_text("Name,Email\n", encoding="utf-8")
    args, extra = cli.parse_arguments(["--demo", str(attendees), "-style=fusion"])
    assert (args.command, args.open_file, args.demo, extra) == (
        None,
        str(attendees),
        True,
        ["-style=fusion"],
    )
    monkeypatch.chdir(tmp_path)
    (tmp_path / "people").write_text("", encoding="utf-8")
    args, _ = cli.parse_arguments(["people"])  # a command, even beside a file of its name
    assert args.command == "people" and args.open_file is None
    with pytest.raises(SystemExit) as caught:
        cli.parse_arguments([str(attendees), str(attendees)])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_a_packaged_app_lets_a_helper_process_run_before_reading_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import multiprocessing

    calls: list[str] = []
    monkeypatch.setattr(multiprocessing, "freeze_support", lambda: calls.append("helper"))
    main(["--data-dir", str(tmp_path), "event", "list"])
    assert calls == []  # run from source: nothing to do
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    main(["--data-dir", str(tmp_path), "event", "list"])
    assert calls == ["helper"]
    capsys.readouterr()


def test_the_command_names_are_the_parsers() -> None:
    parser = cli.build_parser()
    (commands,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(commands.choices) == cli.COMMANDS


@pytest.mark.parametrize("argv", [["evnet", "list"], ["--demo", "poeple"]])
def test_a_mistyped_command_is_still_a_usage_error(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


# --- add and list ----------------------------------------------------------------------------


def test_add_then_list_as_a_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, *add_args(tmp_path, venue="FIL"))
    assert (code, err) == (0, "")
    assert out == "Added event 1: Web Summit\n"

    code, out, err = run(capsys, "--data-dir", str(tmp_path), "event", "list")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "Starts", "Time", "zone", "Name", "Venue"]
    assert lines[1].split() == ["1", "2026-12-06", "09:00", "Europe/Lisbon", "Web", "Summit", "FIL"]
    assert len(lines) == 2


def test_list_of_an_empty_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "event", "list")
    assert code == 0
    assert out.startswith("No events yet.")
    assert list_json(capsys, tmp_path) == []


def test_list_json_keeps_the_venue_wall_clock(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, *add_args(tmp_path, name="Café Ω 東京", url="https://ws.example"))[0] == 0
    assert (
        run(
            capsys,
            *add_args(
                tmp_path,
                name="NY Tech Day",
                start="2026-12-05T09:00",
                end="2026-12-05T17:30",
                tz="America/New_York",
            ),
        )[0]
        == 0
    )
    rows = list_json(capsys, tmp_path)
    assert [row["name"] for row in rows] == ["NY Tech Day", "Café Ω 東京"]
    new_york, lisbon = rows
    assert lisbon == {
        "id": 1,
        "name": "Café Ω 東京",
        "start": "2026-12-06T09:00:00+00:00",
        "end": "2026-12-07T18:00:00+00:00",
        "timezone": "Europe/Lisbon",
        "venue": "",
        "url": "https://ws.example",
        "notes": "",
        "is_sample": False,
        "attendees": 0,
        "goals": 0,
        "met": 0,
    }
    assert new_york["start"] == "2026-12-05T09:00:00-05:00"
    assert new_york["end"] == "2026-12-05T17:30:00-05:00"
    assert new_york["timezone"] == "America/New_York"


def test_summer_time_offsets_in_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    args = add_args(tmp_path, start="2026-07-01T09:00", end="2026-07-01T18:00")
    code, out, _ = run(capsys, *args, "--json")
    assert code == 0
    created = json.loads(out)
    assert created["start"] == "2026-07-01T09:00:00+01:00"
    assert created["id"] == 1


def test_an_iso_time_with_an_offset_is_converted_to_the_zone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys,
        *add_args(
            tmp_path,
            start="2026-12-06T14:00:00+00:00",
            end="2026-12-06T23:00Z",
            tz="America/New_York",
        ),
    )
    assert (code, err) == (0, "")
    (row,) = list_json(capsys, tmp_path)
    assert row["start"] == "2026-12-06T09:00:00-05:00"
    assert row["end"] == "2026-12-06T18:00:00-05:00"


def test_text_is_stored_tidied(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, *add_args(tmp_path, name="  Web Summit  ", venue=" FIL "))[0] == 0
    (row,) = list_json(capsys, tmp_path)
    assert (row["name"], row["venue"]) == ("Web Summit", "FIL")


def test_data_dir_comes_from_the_environment(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    args = add_args(data_dir)[2:]  # without --data-dir
    assert args[0] == "event"
    code, _, err = run(capsys, *args)
    assert (code, err) == (0, "")
    assert (data_dir / DATABASE_NAME).is_file()
    code, out, _ = run(capsys, "event", "list", "--json")
    assert [row["name"] for row in json.loads(out)] == ["Web Summit"]


def test_data_dir_option_wins_over_the_environment(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    other = tmp_path / "explicit"
    assert run(capsys, *add_args(other))[0] == 0
    assert (other / DATABASE_NAME).is_file()
    assert not data_dir.exists()


# --- errors ----------------------------------------------------------------------------------


def test_end_before_start_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    err = assert_clean_error(*run(capsys, *add_args(tmp_path, end="2026-12-06T08:00")))
    assert "end after it starts" in err
    assert list_json(capsys, tmp_path) == []


def test_unknown_zone_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    err = assert_clean_error(*run(capsys, *add_args(tmp_path, tz="Mars/Olympus")))
    assert "Mars/Olympus" in err
    assert "--tz" in err


@pytest.mark.parametrize("bad", ["06/12/2026 09:00", "2026-13-01T09:00", "tomorrow", ""])
def test_a_bad_iso_date_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bad: str
) -> None:
    err = assert_clean_error(*run(capsys, *add_args(tmp_path, start=bad)))
    assert "--start" in err
    assert "ISO date-time" in err


def test_several_problems_are_reported_together(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    err = assert_clean_error(
        *run(capsys, *add_args(tmp_path, name=" ", end="2026-12-06T08:00", url="example.com"))
    )
    assert "needs a name" in err
    assert "end after it starts" in err
    assert "http://" in err


def test_a_corrupt_database_is_reported_and_left_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / DATABASE_NAME
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    err = assert_clean_error(*run(capsys, "--data-dir", str(tmp_path), "event", "list"))

    assert str(path) in err
    assert "not a Networking Planner database" in err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_file_where_the_data_folder_should_be(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    err = assert_clean_error(*run(capsys, "--data-dir", str(not_a_folder), "event", "list"))
    assert str(not_a_folder) in err
    assert not_a_folder.read_text() == "x"


def test_a_folder_in_use_is_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with Workspace.open(tmp_path):
        err = assert_clean_error(*run(capsys, "--data-dir", str(tmp_path), "event", "list"))
    assert "is in use by" in err


def test_an_end_before_the_start_across_the_dst_fall_back_is_a_clean_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # 01:50 UTC is 01:50 WET (second pass); 01:55 on the wall clock is first-pass WEST = 00:55 UTC.
    args = add_args(tmp_path, start="2026-10-25T01:50+00:00", end="2026-10-25T01:55")
    assert_clean_error(*run(capsys, *args))


def test_a_sub_second_event_is_a_clean_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    args = add_args(tmp_path, start="2026-12-06T09:00:00.1", end="2026-12-06T09:00:00.9")
    assert_clean_error(*run(capsys, *args))


# --- resolving an event by id or name --------------------------------------------------------


def make(service: EventService, name: str, day: int = 1) -> Event:
    return service.create(
        Event(
            name=name,
            start=datetime(2026, 5, day, 9, tzinfo=UTC),
            end=datetime(2026, 5, day, 17, tzinfo=UTC),
            timezone="UTC",
        )
    )


@pytest.fixture
def service(workspace: Workspace) -> EventService:
    return EventService(workspace)


def test_resolve_by_id(service: EventService) -> None:
    first = make(service, "Web Summit")
    second = make(service, "Collision", 2)
    assert service.resolve(str(second.id)) == second
    assert service.resolve(f"  {first.id} ") == first


def test_resolve_by_a_unique_part_of_the_name_ignoring_case(service: EventService) -> None:
    summit = make(service, "Web Summit Lisbon")
    make(service, "Collision Toronto", 2)
    assert service.resolve("summit") == summit
    assert service.resolve("WEB SUM") == summit
    assert service.resolve("  lisbon ") == summit


def test_an_exact_name_wins_over_longer_names_containing_it(service: EventService) -> None:
    exact = make(service, "Summit")
    make(service, "Web Summit", 2)
    make(service, "Summit After-Party", 3)
    assert service.resolve("summit") == exact
    assert service.resolve("SUMMIT") == exact


def test_a_digit_name_that_is_not_an_id_is_found_by_name(service: EventService) -> None:
    make(service, "Web Summit")
    named = make(service, "Conference 2026", 2)
    assert service.resolve("2026") == named


def test_an_ambiguous_part_lists_the_matches(service: EventService) -> None:
    first = make(service, "Web Summit")
    second = make(service, "Data Summit", 2)
    make(service, "Collision", 3)
    with pytest.raises(EventLookupError) as caught:
        service.resolve("summit")
    message = str(caught.value)
    assert "matches 2 events" in message
    assert f"{first.id}: Web Summit" in message
    assert f"{second.id}: Data Summit" in message
    assert "Collision" not in message


def test_an_ambiguous_part_lists_at_most_five(service: EventService) -> None:
    for day in range(1, 8):
        make(service, f"Meetup {day}", day)
    with pytest.raises(EventLookupError, match="matches 7 events") as caught:
        service.resolve("meetup")
    assert str(caught.value).count("Meetup") == 5


@pytest.mark.parametrize("reference", ["nothing like it", "", "   ", "999"])
def test_no_match_is_an_error(service: EventService, reference: str) -> None:
    make(service, "Web Summit")
    with pytest.raises(EventLookupError):
        service.resolve(reference)


def test_resolve_treats_wildcards_literally(service: EventService) -> None:
    percent = make(service, "100% fun")
    make(service, "100x fun", 2)
    assert service.resolve("100%") == percent
    with pytest.raises(EventLookupError):
        service.resolve("_")


def test_a_superscript_digit_is_not_an_id(service: EventService) -> None:
    make(service, "Web Summit")
    with pytest.raises(EventLookupError):
        service.resolve("²")


def test_resolve_ignores_case_beyond_ascii(service: EventService) -> None:
    forum = make(service, "Fórum Lisboa")
    assert service.resolve("FÓRUM") == forum
