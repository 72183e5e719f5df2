"""The `planner` command: the desktop app by default, subcommands for scripting.

Nothing on this package's import path imports Qt, so `planner event list` starts in a few tens
of milliseconds and runs on machines without a display. The commands live in their own
modules (`events`, `importing`), loaded once the command line names one; opening the app reads
its few options here by hand.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from planner.cli.output import CommandError
from planner.cli.parser import COMMANDS, build_parser, file_problem

if TYPE_CHECKING:
    from planner.services.workspace import Workspace

__all__ = ["COMMANDS", "CommandError", "build_parser", "main", "parse_arguments"]


def parse_arguments(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """(the options, what is left for Qt). Opening the app, the most common case, needs
    neither the parsers of the commands (about 45 options) nor argparse's parsing."""
    options = _app_options(argv)
    if options is not None:
        return options
    parser = build_parser()
    problem = file_problem(argv)
    if problem is not None:
        parser.error(problem)
    return parser.parse_known_args(argv)


def _app_options(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]] | None:
    """The options of a command line that only opens the app, read by hand: building the
    parsers and argparse's first parse cost 3-4 ms of start-up. None for anything else (a
    command, help, an option spelled another way), which argparse reads."""
    data_dir: str | None = None
    demo = False
    open_file: str | None = None
    qt_args: list[str] = []
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--demo":
            demo = True
        elif argument == "--data-dir":
            data_dir = next(arguments, None)
            if data_dir is None or data_dir.startswith("-"):
                return None
        elif argument.startswith("--data-dir="):
            data_dir = argument.partition("=")[2]
        elif len(argument) > 1 and argument[0] == "-" and argument[1] not in "-h":
            qt_args.append(argument)  # Qt's own, such as -style=fusion (-h... is for help)
        elif open_file is None and argument not in COMMANDS and Path(argument).is_file():
            open_file = argument  # an attendee list to import, as the desktop launcher passes
        else:
            return None
    namespace = argparse.Namespace(data_dir=data_dir, demo=demo, command=None, open_file=open_file)
    return namespace, qt_args


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # A packaged app (PyInstaller and the like) starts an import's helper process as
        # itself: this runs the helper's work and exits before the command line is read.
        import multiprocessing

        multiprocessing.freeze_support()
    args, extra = parse_arguments(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        from planner.app import run_gui  # Qt is loaded only when the window is wanted

        return run_gui(args, extra)
    if extra:
        build_parser().error(f"unrecognized arguments: {' '.join(extra)}")
    # Here, not at the top: the desktop app never needs the import vocabulary to start.
    from planner.domain.importing import FileProblem
    from planner.domain.rules import ValidationError
    from planner.services.events import EventLookupError
    from planner.services.search import PersonLookupError
    from planner.services.workspace import Workspace, resolve_data_dir
    from planner.storage.errors import StorageError

    try:
        with Workspace.open(resolve_data_dir(args.data_dir)) as workspace:
            return _run(args, workspace)
    except (
        CommandError,
        ValidationError,
        EventLookupError,
        PersonLookupError,
        StorageError,
        FileProblem,
    ) as exc:
        print(f"planner: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`planner event list | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        print(f"planner: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, workspace: Workspace) -> int:
    from planner.cli import events

    if args.command == "goal":
        return events.run_goal(args, workspace)
    if args.command == "checklist":
        return events.run_checklist(args, workspace)
    if args.command == "import":
        from planner.cli.importing import _run_import

        return _run_import(args, workspace)
    if args.command == "people":
        return events.run_people(args, workspace)
    if args.command in ("tier", "tag"):
        from planner.cli.people import run_tag, run_tier

        return run_tier(args, workspace) if args.command == "tier" else run_tag(args, workspace)
    if args.command == "rank":
        from planner.cli.ranking import run_rank

        return run_rank(args, workspace)
    return events.run_event(args, workspace)
