"""Composition root of the desktop app: data folder, workspace, QApplication, main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from planner import APP_NAME, __version__
from planner.gui.common.resources import icon
from planner.gui.context import AppContext
from planner.gui.main_window import MainWindow
from planner.services.sample import has_sample, seed_on_first_run, seed_sample
from planner.services.workspace import Workspace, resolve_data_dir
from planner.storage.errors import StorageError
from planner.storage.lock import WINDOW

SETTINGS_NAME = "settings.ini"


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("NetworkingPlanner")
    app.setDesktopFileName("networking-planner")
    app.setWindowIcon(icon("app"))
    return app


def open_workspace(folder: Path, *, demo: bool) -> Workspace:
    """Open the data folder; seed the sample on first run or on request. Raises StorageError.

    Data that opened read-only (a read-only folder, a full disk) is shown as it is: the
    window says that changes cannot be saved, and nothing is seeded."""
    workspace = Workspace.open(folder, holder=WINDOW)
    if workspace.read_only is not None:
        return workspace
    try:
        now = datetime.now(UTC)
        if demo and not has_sample(workspace):
            seed_sample(workspace, now)
        else:
            seed_on_first_run(workspace, now)
    except BaseException:
        workspace.close()
        raise
    return workspace


def build_window(workspace: Workspace) -> MainWindow:
    folder = workspace.folder or Path.cwd()
    # Settings sit beside the data, so a second data folder (or a test) keeps its own layout.
    settings = QSettings(str(folder / SETTINGS_NAME), QSettings.Format.IniFormat)
    return MainWindow(AppContext(workspace, settings))


def run_gui(args: argparse.Namespace, qt_args: list[str]) -> int:
    app = make_application([sys.argv[0], *qt_args])
    folder = resolve_data_dir(args.data_dir)
    try:
        workspace = open_workspace(folder, demo=args.demo)
    except (StorageError, OSError) as exc:
        from planner.gui.common.messages import show_error

        show_error(None, str(exc))
        print(f"planner: error: {exc}", file=sys.stderr)
        return 1
    previous_hook = sys.excepthook
    sys.excepthook = storage_failures_shown(previous_hook)
    try:
        window = build_window(workspace)
        window.show()
        if args.open_file is not None:
            from PySide6.QtCore import QTimer

            path = Path(args.open_file)
            QTimer.singleShot(0, lambda: window.import_file(path))  # once the window is up
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        workspace.close()


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def storage_failures_shown(previous: ExceptHook) -> ExceptHook:
    """An exception hook that shows a storage failure (a full disk, a read-only folder) that
    reached the event loop in a message box, as every planned path does, instead of a
    traceback on the terminal; anything else is a bug and goes to `previous`."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if isinstance(error, StorageError):
            from planner.gui.common.messages import show_warning

            show_warning(QApplication.activeWindow(), str(error))
            return
        previous(kind, error, tb)

    return hook
