"""Start-up failures become a clear dialog, and the files involved stay as they were."""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from planner.app import open_workspace, run_gui
from planner.cli import parse_arguments
from planner.services.sample import has_sample, remove_sample
from planner.services.workspace import DATABASE_NAME


def start(folder: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> list[str]:
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        assert box.textFormat() == Qt.TextFormat.PlainText
        assert box.icon() == QMessageBox.Icon.Critical
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QApplication, "exec", lambda *a: pytest.fail("window opened"))
    code = run_gui(argparse.Namespace(data_dir=str(folder), demo=False, open_file=None), [])
    assert code == 1
    return shown


def test_corrupt_database_gets_a_dialog_and_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    damaged = folder / DATABASE_NAME
    damaged.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    before = hashlib.sha256(damaged.read_bytes()).hexdigest()

    shown = start(folder, monkeypatch, qapp)

    assert len(shown) == 1 and "not a Networking Planner database" in shown[0]
    assert str(damaged) in shown[0]
    assert hashlib.sha256(damaged.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in folder.iterdir()) == sorted([DATABASE_NAME, "planner.lock"])


def test_second_instance_gets_a_dialog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    folder = tmp_path / "data"
    first = open_workspace(folder, demo=False)
    try:
        shown = start(folder, monkeypatch, qapp)
    finally:
        first.close()
    assert len(shown) == 1 and "is in use by a Networking Planner window" in shown[0]
    assert "Close that window first" in shown[0]


def test_a_file_on_the_command_line_is_imported_into_the_next_event(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    from planner.gui.importing.import_dialog import ImportDialog
    from planner.services.sample import UPCOMING_NAME

    attendees = tmp_path / "attendees.csv"
    attendees.write_text("Name,Email\nAna Lima,ana@example.org\n", encoding="utf-8")
    asked: list[tuple[str, str]] = []

    def answer(dialog: ImportDialog) -> int:
        asked.append((dialog.summary.text(), dialog.event_choice.currentText()))
        return 0  # Cancel: nothing is imported

    def event_loop(app: QApplication) -> int:
        qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
        return 0

    monkeypatch.setattr(ImportDialog, "exec", answer)
    monkeypatch.setattr(QApplication, "exec", event_loop)
    args, qt_args = parse_arguments(["--data-dir", str(tmp_path / "data"), str(attendees)])
    assert args.open_file == str(attendees)
    assert run_gui(args, qt_args) == 0
    ((summary, event),) = asked
    assert "attendees.csv" in summary
    assert event == UPCOMING_NAME  # the app opens on Home: no event in view, the next one


def test_demo_brings_the_sample_back(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    workspace = open_workspace(folder, demo=False)
    remove_sample(workspace)
    workspace.close()

    workspace = open_workspace(folder, demo=False)
    assert not has_sample(workspace)  # removal is remembered across restarts
    workspace.close()

    workspace = open_workspace(folder, demo=True)
    assert has_sample(workspace)
    workspace.close()


# Loaded on first use, never at start-up: Home is the first screen, and start-up time is
# measured by benchmarks/startup.py.
NOT_AT_START = (
    "planner.gui.common.lists",  # Events, People and Follow-ups pages, tables and models
    "planner.gui.common.table_model",
    "planner.gui.importing.controller",
    "planner.gui.events.event_workspace",
    "planner.gui.events.events_page",
    "planner.gui.people.people_page",
    "planner.gui.follow_ups.follow_ups_page",
    "planner.domain.importing",
    "planner.services.importing",
    "planner.interchange.json_format",
    "planner.storage.people",
    "planner.storage.followups",
    "planner.gui.common.operations",  # the first edit loads how edits run and are undone
    "planner.gui.common.undo",
    "planner.gui.common.waiting",
    "planner.services.undo",
    "planner.storage.recording",
    "planner.domain.ranking",  # ranking an event loads the matching rules and the synonyms
    "planner.services.ranking",
    "planner.storage.ranking",
    "html.entities",  # the html package loads it (1 ms): Home escapes without it
)


@pytest.mark.slow
def test_start_up_loads_only_what_home_needs(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    open_workspace(folder, demo=False).close()  # first run: the sample is added
    code = (
        "import sys\n"
        "from planner.cli import parse_arguments\n"
        f"args, qt_args = parse_arguments(['--data-dir', {str(folder)!r}])\n"
        "from planner.app import build_window, make_application, open_workspace\n"
        "from planner.services.workspace import resolve_data_dir\n"
        "app = make_application([sys.argv[0], *qt_args])\n"
        "workspace = open_workspace(resolve_data_dir(args.data_dir), demo=args.demo)\n"
        "window = build_window(workspace)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "assert window.page('home').dashboard is not None\n"
        "assert window.page('home').dashboard.upcoming\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
        "workspace.close()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    assert "planner.gui.home.dashboard" in loaded
    assert [name for name in NOT_AT_START if name in loaded] == []
