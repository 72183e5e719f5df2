"""What the `planner` command says, and where: results on stdout, problems on stderr, a
mistyped file named as such, a command's own name in its errors, and how a date without a
time was taken."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.cli import main
from planner.cli.events import END_OF_DAY, _parse_moment
from planner.cli.output import CommandError


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as caught:
        main(list(argv))
    assert caught.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    return err


# --- a file that is not there ---------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["nope.csv"],
        ["--demo", "nope.csv"],
        ["--data-dir", "somewhere", "-style=fusion", "Downloads/attendees"],
        ["./attendees"],
    ],
)
def test_a_file_that_does_not_exist_is_named(
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    err = usage_error(capsys, *argv)
    assert err.splitlines()[-1] == f"planner: error: the file {argv[-1]} does not exist."
    assert "invalid choice" not in err
    assert not (tmp_path / "somewhere").exists()  # nothing was opened or made


def test_a_folder_is_not_taken_for_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    err = usage_error(capsys, str(tmp_path))
    assert err.splitlines()[-1] == (
        f"planner: error: {tmp_path} is a folder; give an attendee list (a file) to import."
    )


def test_a_mistyped_command_is_still_called_one(capsys: pytest.CaptureFixture[str]) -> None:
    err = usage_error(capsys, "evnet", "list")
    assert "invalid choice: 'evnet'" in err


# --- a command's name in its errors ---------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "prog"),
    [
        (["goal", "add"], "planner goal add"),
        (["event", "add", "--name", "X"], "planner event add"),
        (["event"], "planner event"),
        (["checklist"], "planner checklist"),
        (["import", "--event", "1"], "planner import"),
        (["--data-dir", "x", "goal", "list"], "planner goal list"),
    ],
)
def test_a_command_error_names_the_command(
    argv: list[str], prog: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = usage_error(capsys, *argv)
    assert err.startswith(f"usage: {prog} [-h]")
    (error,) = [line for line in err.splitlines() if ": error: " in line]
    assert error.startswith(f"{prog}: error: ")
    assert "--version" not in err


# --- results on stdout, problems on stderr --------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    data = tmp_path / "data"
    code, _, err = run(
        capsys,
        *("--data-dir", str(data), "event", "add", "--name", "Web Summit", "--tz", "UTC"),
        *("--start", "2026-12-06T09:00", "--end", "2026-12-07T18:00"),
    )
    assert (code, err) == (0, "")
    return data


def test_a_calendar_written_is_said_on_stdout(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "prep.ics"
    code, out, err = run(capsys, "--data-dir", str(folder), "checklist", "1", "--ics", str(target))
    assert (code, err) == (0, "")
    assert out.startswith("Wrote ") and out.endswith(f" open items to {target}\n")
    code, out, err = run(
        capsys, "--data-dir", str(folder), "checklist", "1", "--ics", str(target), "--json"
    )
    assert code == 0
    assert isinstance(json.loads(out), list)  # the JSON alone
    assert err.startswith("Wrote ")


def test_a_problem_goes_to_stderr_alone(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, out, err = run(capsys, "--data-dir", str(folder), "checklist", "Slush")
    assert (code, out) == (1, "")
    assert err.startswith("planner: error: ")


# --- a date without a time ------------------------------------------------------------------


def add_event(
    capsys: pytest.CaptureFixture[str], folder: Path, start: str, end: str, *extra: str
) -> tuple[int, str, str]:
    return run(
        capsys,
        *("--data-dir", str(folder), "event", "add", "--name", "Expo", "--tz", "Europe/Lisbon"),
        *("--start", start, "--end", end, *extra),
    )


def stored(capsys: pytest.CaptureFixture[str], folder: Path) -> tuple[str, str]:
    code, out, _ = run(capsys, "--data-dir", str(folder), "event", "list", "--json")
    assert code == 0
    (event,) = (e for e in json.loads(out) if e["name"] == "Expo")
    return event["start"], event["end"]


def test_dates_alone_are_the_whole_days_and_said_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = add_event(capsys, tmp_path, "2027-05-01", "2027-05-03")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Added event 1: Expo",
        "--start 2027-05-01 has no time of day: taken as 2027-05-01 00:00 in Europe/Lisbon, "
        "the start of the day (to be exact: --start 2027-05-01T09:00).",
        "--end 2027-05-03 has no time of day: taken as 2027-05-03 23:59 in Europe/Lisbon, "
        "the end of the day (to be exact: --end 2027-05-03T18:00).",
    ]
    assert stored(capsys, tmp_path) == ("2027-05-01T00:00:00+01:00", "2027-05-03T23:59:00+01:00")


def test_a_date_alone_with_json_keeps_stdout_to_the_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = add_event(capsys, tmp_path, "2027-05-01T09:00", "2027-05-01", "--json")
    assert code == 0
    event = json.loads(out)
    assert (event["start"], event["end"]) == (
        "2027-05-01T09:00:00+01:00",
        "2027-05-01T23:59:00+01:00",
    )
    assert err.splitlines() == [
        "--end 2027-05-01 has no time of day: taken as 2027-05-01 23:59 in Europe/Lisbon, "
        "the end of the day (to be exact: --end 2027-05-01T18:00)."
    ]


def test_a_time_given_is_taken_without_a_word(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = add_event(capsys, tmp_path, "2027-05-01T09:00", "2027-05-01 18:30")
    assert (code, out, err) == (0, "Added event 1: Expo\n", "")


def test_a_refused_event_says_nothing_of_its_dates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = add_event(capsys, tmp_path, "2027-05-03", "2027-05-01")
    assert (code, out) == (1, "")
    assert err == "planner: error: The event must end after it starts.\n"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_any_date_alone_is_its_day_from_start_to_end(day: date) -> None:
    start, start_note = _parse_moment(day.isoformat(), "Asia/Tokyo", "--start")
    end, end_note = _parse_moment(f" {day.isoformat()} ", "Asia/Tokyo", "--end", day_end=True)
    assert start.replace(tzinfo=None) == datetime.combine(day, datetime.min.time())
    assert end.replace(tzinfo=None) == datetime.combine(day, END_OF_DAY)
    assert start_note and day.isoformat() in start_note and "start of the day" in start_note
    assert end_note and day.isoformat() in end_note and "end of the day" in end_note


@given(
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31)),
    st.sampled_from(["T", " "]),
    st.sampled_from(["minutes", "seconds"]),
)
def test_any_date_with_a_time_is_taken_as_typed(
    moment: datetime, separator: str, precision: str
) -> None:
    moment = moment.replace(microsecond=0, second=moment.second if precision == "seconds" else 0)
    text = moment.isoformat(separator, timespec=precision)
    parsed, said = _parse_moment(text, "America/New_York", "--start")
    assert (parsed.replace(tzinfo=None), said) == (moment, None)


@pytest.mark.parametrize("text", ["2027-13-01", "May 1st", "2027-05-01T25:00", ""])
def test_what_is_no_date_is_refused(text: str) -> None:
    with pytest.raises(CommandError, match="is not an ISO date-time"):
        _parse_moment(text, "UTC", "--start")


def test_a_whole_day_ends_before_the_next_begins() -> None:
    end, _ = _parse_moment("2027-05-01", "UTC", "--end", day_end=True)
    start, _ = _parse_moment("2027-05-02", "UTC", "--start")
    assert timedelta(0) < start - end <= timedelta(minutes=1)


def test_a_zone_typed_in_lower_case_is_the_listed_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys,
        *("--data-dir", str(tmp_path), "event", "add", "--name", "Expo", "--tz", "europe/lisbon"),
        *("--start", "2027-05-01T09:00", "--end", "2027-05-01T18:00"),
    )
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "event", "list", "--json")
    assert [event["timezone"] for event in json.loads(out)] == ["Europe/Lisbon"]
