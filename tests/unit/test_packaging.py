"""The desktop launcher starts the command pyproject installs, with the icon we ship."""

from __future__ import annotations

import configparser
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_desktop_entry_runs_the_installed_command() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "packaging" / "networking-planner.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert desktop["Exec"].split()[0] in scripts
    assert desktop["Type"] == "Application"
    assert (ROOT / "resources" / "icons" / "app.svg").is_file()
    # The window groups under the launcher only if the app announces the same desktop name.
    app_source = (ROOT / "planner" / "app.py").read_text("utf-8")
    assert f'setDesktopFileName("{desktop["StartupWMClass"]}")' in app_source
