"""The events list and an event's list of people, as table models."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from planner.domain.enums import AttendanceStatus, PriorityTier
from planner.domain.ids import EventId, GoalId
from planner.gui.common.formatting import dates_text, relative_text, span_text, tr_n
from planner.gui.common.labels import role_name, status_name, tier_name
from planner.gui.common.list_models import SAMPLE_COLOUR, elsewhere, tr
from planner.gui.common.table_model import BackgroundLoad, Column, RowTableModel
from planner.gui.context import AppContext
from planner.services.listings import (
    attendee_count,
    ranked_attendee_listings,
)
from planner.storage.attendances import AttendeeListing
from planner.storage.events import EventSummary


class EventsModel(RowTableModel[EventSummary]):
    def __init__(self, context: AppContext, parent: Any = None) -> None:
        self._now = datetime.now(UTC)
        columns = [
            Column[EventSummary](
                tr("Event"),
                lambda s: s.event.name + (tr("  (sample)") if s.event.is_sample else ""),
                tooltip=lambda s: (
                    tr("Sample data: remove it from the banner above the list")
                    if s.event.is_sample
                    else s.event.name
                ),
            ),
            Column[EventSummary](
                tr("When"),
                lambda s: dates_text(s.event.local_start, s.event.local_end),
                sort_key=lambda s: s.event.start,
                tooltip=lambda s: (
                    span_text(s.event.local_start, s.event.local_end)
                    + "  "
                    + tr("(local time at the venue, %1)").replace("%1", s.event.timezone)
                ),
            ),
            Column[EventSummary](
                tr("Status"),
                lambda s: relative_text(s.event.start, s.event.end, self._now),
                sort_key=lambda s: s.event.start,
            ),
            Column[EventSummary](
                tr("Goals"), lambda s: str(s.goal_count), lambda s: s.goal_count, align_right=True
            ),
            Column[EventSummary](
                tr("Met"),
                lambda s: f"{s.met_count} / {s.attendee_count}",
                lambda s: (s.met_count, s.attendee_count),
                tooltip=lambda s: tr_n(
                    "models",
                    "%1 met of %n people on the list",
                    s.attendee_count,
                    one="%1 met of %n person on the list",
                ).replace("%1", str(s.met_count)),
                align_right=True,
            ),
        ]
        super().__init__(columns, self._load, key=lambda s: s.event.id, parent=parent)
        self._context = context

    def _load(self) -> list[EventSummary]:
        self._now = datetime.now(UTC)
        return self._context.events.summaries()

    def extra_data(self, row: EventSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.event.is_sample and column == 0:
            return SAMPLE_COLOUR
        if role == Qt.ItemDataRole.ForegroundRole and row.event.end <= self._now:
            return QColor("#6b6b6b")
        return None


def shown_tier(row: AttendeeListing) -> PriorityTier:
    """The tier in force: pinned, else the one the score suggests."""
    if row.ranking is not None:
        return row.ranking.tier
    return row.attendance.tier or PriorityTier.NICE_TO_MEET


def goals_of(row: AttendeeListing) -> set[GoalId]:
    """The goals the person is linked to or would serve."""
    served = {g.goal.id for g in row.ranking.goals} if row.ranking is not None else set()
    return {goal for goal in (*row.attendance.goal_ids, *served) if goal is not None}


def tags_of(row: AttendeeListing) -> tuple[str, ...]:
    return row.ranking.facts.tags if row.ranking is not None else ()


INTRODUCERS_SHOWN = 2
"""Names in the list's Introduced by column; the tooltip and the panel name more."""
INTRODUCTIONS_LISTED = 8
"""Introductions the tooltip and the panel spell out, before "and N more"."""


def introducers_text(listing: AttendeeListing) -> str:
    """ "Ana Lima, Li Wei +3": who could introduce them, the first few by name."""
    names = list(dict.fromkeys(intro.name for intro in listing.introductions))
    shown = ", ".join(names[:INTRODUCERS_SHOWN])
    more = len(names) - INTRODUCERS_SHOWN
    return f"{shown} +{more}" if more > 0 else shown


def introduction_lines(listing: AttendeeListing) -> list[str]:
    """Who could introduce them and how, one line each: "Ana Lima: works at Acme too; met
    at Web Summit 2025"."""
    intros = listing.introductions
    if not intros:
        return []
    from planner.services.introductions import introduction_how

    lines = [f"{i.name}: {introduction_how(i)}" for i in intros[:INTRODUCTIONS_LISTED]]
    if len(intros) > INTRODUCTIONS_LISTED:
        more = len(intros) - INTRODUCTIONS_LISTED
        lines.append(tr("and %n more").replace("%n", f"{more:,}"))
    return lines


def why_text(listing: AttendeeListing) -> str:
    """The goal they serve best and the words that matched: "Meet investors: Investment"."""
    ranked = listing.ranking
    if ranked is None or not ranked.goals:
        return ""
    best = ranked.goals[0]
    words = ", ".join(best.matched_words)
    more = len(ranked.goals) - 1
    text = f"{best.goal.text}: {words}" if words else best.goal.text
    return text + (tr(" (+%n more)").replace("%n", str(more)) if more else "")


def why_tooltip(listing: AttendeeListing) -> str:
    """Every match, on both sides, and the bonuses and penalties, one per line."""
    ranked = listing.ranking
    if ranked is None:
        return ""
    lines = []
    for served in ranked.goals:
        lines.append(served.goal.text)
        lines.extend(f"  {match.describe()}" for match in served.matches)
    lines.extend(caution.describe() for caution in ranked.cautions)
    lines.extend(ranked.reasons)
    return "\n".join(lines)


class AttendeesModel(RowTableModel[AttendeeListing]):
    """The people on one event's list, with what the user plans for them."""

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        self._context = context
        self.event_id: EventId | None = None
        self._goal_names: dict[GoalId, str] = {}
        tier_order = list(PriorityTier)
        columns = [
            Column[AttendeeListing](tr("Name"), lambda a: a.full_name),
            Column[AttendeeListing](tr("Company"), lambda a: a.company),
            Column[AttendeeListing](tr("Title"), lambda a: a.title),
            Column[AttendeeListing](
                tr("Score"),
                lambda a: str(a.ranking.score) if a.ranking is not None else "",
                sort_key=lambda a: a.ranking.score if a.ranking is not None else -1,
                align_right=True,
                tooltip=why_tooltip,
            ),
            # The tier in force: pinned by the user, else (greyed) the score's suggestion.
            Column[AttendeeListing](
                tr("Priority"),
                lambda a: tier_name(shown_tier(a)),
                sort_key=lambda a: tier_order.index(shown_tier(a)),
                tooltip=lambda a: (
                    tr("Pinned by you")
                    if a.attendance.tier is not None
                    else tr("Suggested by the score; pin a tier from the Plan menu (Ctrl+Alt+1…4)")
                ),
            ),
            # The goals the user linked them to; else the one they would serve, and why.
            Column[AttendeeListing](tr("Goals"), self._goals_text, tooltip=why_tooltip),
            Column[AttendeeListing](
                tr("Introduced by"),
                introducers_text,
                sort_key=lambda a: -len(a.introductions),
                tooltip=lambda a: "\n".join(introduction_lines(a)),
            ),
            Column[AttendeeListing](tr("Role"), lambda a: role_name(a.attendance.role)),
            Column[AttendeeListing](tr("Status"), lambda a: status_name(a.attendance.status)),
        ]
        super().__init__(
            columns,
            self._load,
            key=lambda a: a.attendance.id,
            parent=parent,
            background=BackgroundLoad(count=self._count, start=self._start_load),
            search_key=lambda a: a.attendance.person_id,  # the people index finds people
        )

    def _load(self) -> list[AttendeeListing]:
        event_id = self._prepare()
        if event_id is None:
            return []
        return ranked_attendee_listings(self._context.workspace, event_id)

    def _count(self) -> int:
        if self.event_id is None:
            return 0
        return attendee_count(self._context.workspace, self.event_id)

    def _start_load(self) -> Callable[[], list[AttendeeListing]]:
        event_id = self._prepare()
        if event_id is None:
            return list
        return elsewhere(self._context.workspace, lambda db: ranked_attendee_listings(db, event_id))

    def _prepare(self) -> EventId | None:
        """The event shown, with its goals' names (for the Goals column) read now."""
        if self.event_id is not None:
            self._goal_names = {
                g.id: g.text
                for g in self._context.goals.for_event(self.event_id)
                if g.id is not None
            }
        return self.event_id

    SCORE_COLUMN, PRIORITY_COLUMN, GOALS_COLUMN, INTRODUCED_COLUMN = 3, 4, 5, 6

    def goal_names(self) -> dict[GoalId, str]:
        """The goals of the event shown, as read with its list."""
        return dict(self._goal_names)

    def tags(self) -> list[str]:
        """The tags of the people on the list, each once, in alphabetical order."""
        found: dict[str, str] = {}
        for row in self._all:
            if row.ranking is not None:
                for tag in row.ranking.facts.tags:
                    found.setdefault(tag.casefold(), tag)
        return sorted(found.values(), key=str.casefold)

    def _goals_text(self, listing: AttendeeListing) -> str:
        linked = sorted(listing.attendance.goal_ids)
        if linked:
            return "; ".join(self._goal_names.get(g, "") for g in linked)
        suggested = why_text(listing)
        return f"≈ {suggested}" if suggested else ""

    def extra_data(self, row: AttendeeListing, column: int, role: int) -> Any:
        suggestion = column == self.GOALS_COLUMN and not row.attendance.goal_ids
        if role == Qt.ItemDataRole.ForegroundRole and suggestion:
            return QColor("#6b6b6b")  # a suggestion, not the user's choice
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.PRIORITY_COLUMN
            and row.attendance.tier is None
        ):
            return QColor("#6b6b6b")  # suggested, not pinned
        if role == Qt.ItemDataRole.FontRole and shown_tier(row) is PriorityTier.MUST_MEET:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.attendance.status == AttendanceStatus.MET:
            return QColor("#2f7d6d")
        return None
