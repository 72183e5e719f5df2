"""The preparation routine the app ships (resources/checklist/templates.json), put into a new
database once: after that the routine is the user's to edit, and deleting it is final."""

from __future__ import annotations

import json
from pathlib import Path

from planner.domain.enums import PrepPhase
from planner.domain.model import ChecklistTemplate
from planner.services.resources import DEFAULT_TEMPLATES
from planner.storage.app_state import set_state, state_value
from planner.storage.database import Database
from planner.storage.templates import TemplateRepository

_TEMPLATES_KEY = "templates_installed"


def load_default_templates(path: Path = DEFAULT_TEMPLATES) -> list[ChecklistTemplate]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        ChecklistTemplate(
            key=entry["key"],
            phase=PrepPhase(entry["phase"]),
            text=entry["text"],
            offset_days=int(entry["offset_days"]),
            position=position,
        )
        for position, entry in enumerate(data["templates"])
    ]


def install_default_templates(db: Database) -> bool:
    """Give a new database the shipped routine, once. True when this call installed it."""
    if state_value(db.connection, _TEMPLATES_KEY) is not None:
        return False
    templates = TemplateRepository(db)
    with db.transaction() as conn:
        if templates.count() == 0:
            templates.add_many(load_default_templates())
        set_state(conn, _TEMPLATES_KEY, "1")
    return True
