"""Architecture rules, read from the source with ast: Qt stays in the GUI, the core stays light.

domain       stdlib only
storage      stdlib + domain
interchange  no storage, services, GUI
services     no GUI, no SQL text (repositories and storage functions hold it)
gui, app     no `.repos`: they call services, never the repositories
cli          no GUI at import time (the window is imported lazily when wanted)
"""

from __future__ import annotations

import ast
import re
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


# A word after FROM, INTO, UPDATE or TABLE that starts a sentence's object, not a table's
# name: "delete from the list" is English.
_NOT_A_NAME = (
    r"(?!(?:the|a|an|this|that|these|those|your|my|our|their|his|her|its|it|them|each"
    r"|every|any|some|all|one)\b)"
)
_NAME = _NOT_A_NAME + r"[\w\"`\[(]"
SQL_SHAPES = tuple(
    re.compile(shape, re.IGNORECASE | re.DOTALL)
    for shape in (
        rf"\bSELECT\b.+?\bFROM\s+{_NAME}",
        rf"\bINSERT\s+(?:OR\s+\w+\s+)?INTO\s+{_NAME}",
        rf"\bUPDATE\s+(?:OR\s+\w+\s+)?{_NAME}[\w.\"`\]]*\s+SET\b",
        rf"\bDELETE\s+FROM\s+{_NAME}",
        rf"\b(?:CREATE|DROP)\s+(?:UNIQUE\s+|TEMP(?:ORARY)?\s+)?(?:TABLE|INDEX|TRIGGER)\s+"
        rf"(?:IF\s+(?:NOT\s+)?EXISTS\s+)?{_NAME}",
        r"\bPRAGMA\s+(?:\w+\.)?\w+\s*(?:[=(;]|$)",
        r"\bWITH\s+(?:RECURSIVE\s+)?\w+\s*(?:\([^)]*\))?\s+AS\s*\(.*?\bSELECT\b",
    )
)


def reads_as_sql(text: str) -> bool:
    return any(shape.search(text) for shape in SQL_SHAPES)


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def sql_texts(tree: ast.Module) -> list[tuple[int, str]]:
    """String literals and f-strings that read as SQL (an f-string's holes read as a name),
    with their lines. Docstrings are prose about the code, not statements it runs."""
    skip = _docstrings(tree)
    texts: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and id(node) not in skip:
            for part in ast.walk(node):
                skip.add(id(part))
            text = "".join(
                part.value if isinstance(part, ast.Constant) else "x" for part in node.values
            )
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in skip:
                continue
            text = node.value
        else:
            continue
        if reads_as_sql(text):
            texts.append((node.lineno, text))
    return texts


def repos_uses(tree: ast.Module) -> list[int]:
    """Lines that reach the repositories through `.repos` (workspace.repos.people...)."""
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "repos"
    )


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
    tree = ast.parse(source if source is not None else path.read_text("utf-8"), str(path))
    if within(layer, ("planner.services",)):
        for line, text in sql_texts(tree):
            excerpt = " ".join(text.split())[:60]
            problems.append(f"{rel}:{line} holds SQL ({excerpt}): SQL belongs in planner/storage/")
    if rel.startswith("planner/gui/") or rel == "planner/app.py":
        for line in repos_uses(tree):
            problems.append(f"{rel}:{line} uses .repos: the GUI calls services, not repositories")
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
        ("services/people.py", 'Q = "SELECT id FROM person WHERE id = ?"\n', "SQL belongs"),
        ("services/people.py", 'Q = ("SELECT id, full_name"\n     " from person")\n', "SQL"),
        ("services/people.py", 'def f(t):\n    return f"select id from {t}"\n', "SQL belongs"),
        ("services/people.py", 'def f(t):\n    return f"UPDATE {t} SET n = ?"\n', "SQL belongs"),
        ("services/sample.py", 'Q = "INSERT OR IGNORE INTO app_state VALUES (?)"\n', "SQL"),
        ("services/sample.py", 'Q = "update person set is_sample = 0"\n', "SQL belongs"),
        ("services/sample.py", 'Q = "DELETE FROM event WHERE is_sample"\n', "SQL belongs"),
        ("services/review.py", 'Q = "CREATE INDEX IF NOT EXISTS e ON person (email)"\n', "SQL"),
        ("services/review.py", 'Q = "drop table goal"\n', "SQL belongs"),
        ("services/review.py", 'Q = "PRAGMA table_info(person)"\n', "SQL belongs"),
        ("services/review.py", 'def f(n):\n    return f"PRAGMA user_version = {n}"\n', "SQL"),
        ("services/checklist.py", 'Q = "WITH ids (id) AS (SELECT 1) SELECT id FROM ids"\n', "SQL"),
        ("services/workspace.py", 'class W:\n    Q = "SELECT 1 FROM goal"\n', "SQL belongs"),
        ("gui/pages.py", "def f(w):\n    return w.repos.people.get(1)\n", "the GUI calls services"),
        ("gui/models.py", "def f(self):\n    return self._context.workspace.repos\n", "GUI"),
        ("gui/people_editing.py", "g = lambda ws: ws.repos.attendances.person_ids(1)\n", "GUI"),
        ("app.py", "def f(context):\n    repos = context.workspace.repos\n", "the GUI calls"),
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
        ("services/people.py", 'M = "Select a file to import."\n'),
        ("services/people.py", 'M = "Delete from the list the people you did not meet."\n'),
        ("services/people.py", 'M = "Select someone from your network to update the set."\n'),
        ("services/people.py", 'M = "Insert into this event the ones you create."\n'),
        ("services/people.py", 'M = "Drop the table of contents; create an index later."\n'),
        ("services/people.py", 'def f(n):\n    return f"Select {n} from the list"\n'),
        ("services/people.py", 'def f():\n    """Runs SELECT id FROM person, in storage."""\n'),
        ("services/people.py", "from planner.storage.people import PersonRepository\n"),
        ("storage/people.py", 'Q = "SELECT id FROM person WHERE id = ?"\n'),
        ("gui/pages.py", "def f(context):\n    return context.goals.for_event(1)\n"),
        ("gui/models.py", "from planner.services.people import people_listings\n"),
        ("cli/events.py", "def f(workspace):\n    return workspace.repos.events.all()\n"),
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
