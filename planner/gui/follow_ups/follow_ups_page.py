"""The Follow-ups page: what the user owes the people they met, overdue first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from planner.gui.common.lists import ListPage
from planner.gui.context import AppContext
from planner.gui.follow_ups.models import FollowUpsModel
from planner.services.changes import Kind


def tr(text: str) -> str:
    return QCoreApplication.translate("pages", text)


def follow_ups_page(context: AppContext) -> ListPage:
    return ListPage(
        context,
        tr("Follow-ups"),
        FollowUpsModel(context),
        tr("No follow-ups yet. What you owe the people you met is listed here, overdue first."),
        stretch_column=2,
        filter_hint=tr("Filter by person, action, event…"),
        shows=frozenset((Kind.FOLLOW_UP, Kind.PERSON, Kind.EVENT)),
    )
