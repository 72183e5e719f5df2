"""What the `planner` command says: a mistyped file named as such, and a command's own name
in its errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main


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
