"""Where files shipped with the app live: the top-level resources/ folder of the source tree."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DEFAULT_TEMPLATES = RESOURCES / "checklist" / "templates.json"
