"""Architecture rules, read from the source with ast: Qt stays in the GUI, the core stays light.

domain       stdlib only
storage      stdlib + domain
interchange  no storage, services, GUI
services     no GUI
cli          no GUI at import time (the window is imported lazily when wanted)
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import planner

PACKAGE = Path(planner.__file__).resolve().parent
ROOT = PACKAGE.parent
QT = ("PySide6", "shiboken6")
GUI = ("planner.gui", "planner.app", *QT)


@dataclass(frozen=True)
class Import:
    module: str
    line: int
    top_level: bool


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(node: ast.ImportFrom, path: Path) -> str:
    if node.level == 0:
        return node.module or ""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package.pop()
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _top_level_nodes(body: list[ast.stmt]) -> list[ast.stmt]:
    """Statements run at import time: the module body and blocks in it, not def/class bodies."""
    found: list[ast.stmt] = []
    for statement in body:
        found.append(statement)
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        for field in ("body", "orelse", "finalbody"):
            found.extend(_top_level_nodes(getattr(statement, field, [])))
        for handler in getattr(statement, "handlers", []):
            found.extend(_top_level_nodes(handler.body))
        for case in getattr(statement, "cases", []):
            found.extend(_top_level_nodes(case.body))
    return found


def imports_of(path: Path, source: str | None = None) -> list[Import]:
    tree = ast.parse(source if source is not None else path.read_text("utf-8"), str(path))
    top = {id(node) for node in _top_level_nodes(tree.body)}
    found: list[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node, path)
            # `from planner import gui` imports planner.gui: record both readings.
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        found.extend(Import(name, node.lineno, id(node) in top) for name in names)
    return found


def within(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def is_stdlib(module: str) -> bool:
    return module.split(".")[0] in sys.stdlib_module_names


def violations(path: Path, source: str | None = None) -> list[str]:
    """Every rule the file at `path` (inside planner/) breaks, as readable lines."""
    rel = path.relative_to(ROOT).as_posix()
    layer = module_name(path)
    problems: list[str] = []

    def report(item: Import, rule: str) -> None:
        problems.append(f"{rel}:{item.line} imports {item.module}: {rule}")

    for item in imports_of(path, source):
        module = item.module
        if within(module, QT) and not (rel.startswith("planner/gui/") or rel == "planner/app.py"):
            report(item, "Qt belongs in planner/gui/ and planner/app.py only")
        if within(layer, ("planner.domain",)) and not (
            is_stdlib(module) or within(module, ("planner.domain",))
        ):
            report(item, "planner.domain may import only the standard library and itself")
        if within(layer, ("planner.storage",)) and not (
            is_stdlib(module) or within(module, ("planner.domain", "planner.storage"))
        ):
            report(item, "planner.storage may import only stdlib, planner.domain and itself")
        if within(layer, ("planner.interchange",)) and within(
            module, ("planner.storage", "planner.services", *GUI)
        ):
            report(item, "planner.interchange must not import storage, services or the GUI")
        if within(layer, ("planner.services",)) and within(module, GUI):
            report(item, "planner.services must not import the GUI")
        if within(layer, ("planner.cli",)) and item.top_level and within(module, GUI):
            report(item, "planner.cli must not import the GUI at import time")
    return problems


def source_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


# --- the rules hold for today's code ---------------------------------------------------------


def test_the_scan_sees_the_whole_package() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in source_files()}
    for expected in (
        "planner/domain/model.py",
        "planner/domain/rules.py",
        "planner/storage/database.py",
        "planner/services/workspace.py",
        "planner/cli/__init__.py",
        "planner/cli/events.py",
        "planner/app.py",
    ):
        assert expected in names
    # The scanner really finds imports (guards against a silently empty scan).
    modules = {item.module for item in imports_of(PACKAGE / "app.py")}
    assert "PySide6.QtWidgets" in modules
    assert "planner.gui.main_window" in modules


def test_no_file_breaks_a_layering_rule() -> None:
    problems = [problem for path in source_files() for problem in violations(path)]
    assert problems == []


def test_qt_is_used_where_it_is_allowed() -> None:
    # If the GUI stopped importing Qt the rule above would be trivially true; it must not be.
    users = {
        path.relative_to(ROOT).as_posix()
        for path in source_files()
        if any(within(item.module, QT) for item in imports_of(path))
    }
    assert "planner/app.py" in users
    assert all(user.startswith("planner/gui/") or user == "planner/app.py" for user in users)


def test_the_cli_loads_the_gui_lazily() -> None:
    items = imports_of(PACKAGE / "cli" / "__init__.py")
    gui_imports = [item for item in items if within(item.module, GUI)]
    assert gui_imports, "planner.cli should still open the window through a lazy import"
    assert not any(item.top_level for item in gui_imports)


# --- the checker catches what it should ------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "source", "rule"),
    [
        ("domain/model.py", "import PySide6\n", "Qt belongs"),
        ("domain/model.py", "from PySide6.QtCore import QObject\n", "Qt belongs"),
        ("domain/model.py", "import sqlite3\nimport platformdirs\n", "planner.domain may"),
        ("domain/rules.py", "from planner.storage.codec import utc_text\n", "planner.domain may"),
        ("domain/rules.py", "from ..services import events\n", "planner.domain may"),
        ("domain/rules.py", "def f():\n    import planner.services.events\n", "planner.domain"),
        ("storage/events.py", "from planner.services.workspace import Workspace\n", "storage"),
        ("storage/events.py", "import platformdirs\n", "planner.storage may"),
        ("interchange/json_format.py", "from planner.storage import events\n", "interchange"),
        ("services/events.py", "from planner.gui.context import AppContext\n", "services"),
        ("services/events.py", "from planner import app\n", "services"),
        ("cli/__init__.py", "from planner.app import run_gui\n", "planner.cli must not"),
        ("cli/events.py", "from planner.gui import labels\n", "planner.cli must not"),
        ("cli/__init__.py", "try:\n    import planner.gui\nexcept ImportError:\n    pass\n", "cli"),
        ("cli/importing.py", "import PySide6.QtWidgets\n", "Qt belongs"),
    ],
)
def test_the_checker_reports_a_broken_rule(file: str, source: str, rule: str) -> None:
    problems = violations(PACKAGE / file, source)
    assert any(rule in problem for problem in problems), problems


@pytest.mark.parametrize(
    ("file", "source"),
    [
        ("domain/model.py", "from __future__ import annotations\nimport zoneinfo\n"),
        ("domain/model.py", "from planner.domain.ids import EventId\nfrom . import enums\n"),
        ("storage/events.py", "from planner.domain.model import Event\nimport sqlite3\n"),
        ("storage/lock.py", "import fcntl\nimport msvcrt\n"),
        ("services/workspace.py", "import platformdirs\nfrom planner.storage import events\n"),
        ("cli/__init__.py", "def main():\n    from planner.app import run_gui\n"),
        ("gui/pages.py", "from PySide6.QtWidgets import QWidget\n"),
        ("app.py", "import PySide6\nfrom planner.gui import context\n"),
    ],
)
def test_the_checker_allows_what_is_allowed(file: str, source: str) -> None:
    assert violations(PACKAGE / file, source) == []


# --- at run time -----------------------------------------------------------------------------


@pytest.mark.slow
def test_importing_the_core_and_cli_does_not_load_qt() -> None:
    code = (
        "import planner.cli, planner.cli.events, planner.cli.importing, "
        "planner.services.sample, planner.services.events, "
        "planner.storage.database, planner.interchange.json_format; import sys; "
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))); "
        "assert not loaded, loaded"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
