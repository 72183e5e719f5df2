"""The filter bar over an event's People tab: words typed (name, company, title…) and choices
of priority, status, role, goal, tag and research, with how many of the list it leaves in view.

A priority is the one in force: pinned by the user, else suggested by the score. A goal is one
the person is linked to or would serve (the ranking's match)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.enums import AttendanceStatus, AttendeeRole, PriorityTier, ResearchStatus
from planner.domain.ids import GoalId
from planner.domain.matching import fold
from planner.gui.common.labels import research_name, role_name, status_name, tier_name
from planner.gui.common.lists import DownToList, filter_as_you_type
from planner.gui.events.models import goals_of, shown_tier, tags_of
from planner.storage.attendances import AttendeeListing


def tr(text: str) -> str:
    return QCoreApplication.translate("attendee_filter", text)


_NONE = "\0none"
"""The choice of people with no goal, or no tag."""


def _has(values: set[Any], wanted: object) -> bool:
    return not values if wanted == _NONE else wanted in values


def _choice(any_text: str, values: Iterable[StrEnum], name: Callable[[Any], str]) -> QComboBox:
    combo = QComboBox()
    combo.addItem(any_text, None)
    for value in values:
        combo.addItem(name(value), value)
    combo.setAccessibleName(any_text)
    return combo


class AttendeeFilter(QWidget):
    changed = Signal()
    """The words or a choice changed: the list is to be filtered again."""

    def __init__(self, table: QTableView) -> None:
        super().__init__()
        hint = tr("Filter by name, company, title…")
        self.box = QLineEdit()
        self.box.setPlaceholderText(hint)
        self.box.setAccessibleName(hint)
        self.box.setClearButtonEnabled(True)
        self.box.setMinimumWidth(min(280, self.box.fontMetrics().horizontalAdvance(hint) + 40))
        DownToList(self.box, table)
        self._timer = filter_as_you_type(self.box, self._typed)
        self.tier = _choice(tr("Any priority"), PriorityTier, tier_name)
        self.status = _choice(tr("Any status"), AttendanceStatus, status_name)
        self.role = _choice(tr("Any role"), AttendeeRole, role_name)
        self.goal = QComboBox()
        self.goal.setAccessibleName(tr("Any goal"))
        self.tag = QComboBox()
        self.tag.setAccessibleName(tr("Any tag"))
        self.research = _choice(tr("Any research"), ResearchStatus, research_name)
        self.set_goals(())
        self.set_tags(())
        self._combos = (self.tier, self.status, self.role, self.goal, self.tag, self.research)
        for combo in self._combos:
            combo.currentIndexChanged.connect(self.changed)
            # As wide as a short choice, not as the longest goal: the bar fits a small screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.count = QLabel()
        self.count.setObjectName("countLabel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        words = QHBoxLayout()
        words.addWidget(self.box, 1)
        words.addWidget(self.count)
        choices = QHBoxLayout()
        for combo in self._combos:
            choices.addWidget(combo)
        choices.addStretch(1)
        layout.addLayout(words)
        layout.addLayout(choices)

    def set_goals(self, goals: Iterable[tuple[GoalId, str]]) -> None:
        """The event's goals to choose from; the choice is kept when the goal still is."""
        self._refill(
            self.goal, tr("Any goal"), [(text, goal) for goal, text in goals], tr("No goal")
        )

    def set_tags(self, tags: Iterable[str]) -> None:
        """The tags of the people on the list."""
        self._refill(self.tag, tr("Any tag"), [(tag, fold(tag)) for tag in tags], tr("No tag"))

    @staticmethod
    def _refill(
        combo: QComboBox, any_text: str, entries: list[tuple[str, object]], none_text: str
    ) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(any_text, None)
        for text, value in entries:
            combo.addItem(text[:60], value)
            combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        combo.addItem(none_text, _NONE)
        found = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(0, found))
        combo.blockSignals(False)
        if chosen is not None and found < 0:
            combo.currentIndexChanged.emit(0)  # the goal or tag chosen is gone

    def _typed(self) -> None:
        self._timer.stop()
        self.changed.emit()

    def words(self) -> str:
        return self.box.text()

    def condition(self) -> Callable[[AttendeeListing], bool] | None:
        """What a row must be for the choices made; None when none is."""
        tier, status, role, goal, tag, research = (c.currentData() for c in self._combos)
        if all(value is None for value in (tier, status, role, goal, tag, research)):
            return None

        def accepts(row: AttendeeListing) -> bool:
            attendance = row.attendance
            return (
                (tier is None or shown_tier(row) == tier)
                and (status is None or attendance.status == status)
                and (role is None or attendance.role == role)
                and (research is None or attendance.research_status == research)
                and (goal is None or _has(goals_of(row), goal))
                and (tag is None or _has({fold(t) for t in tags_of(row)}, tag))
            )

        return accepts

    def show_count(self, shown: int, total: int, filtering: bool) -> None:
        if filtering:
            text = tr("%1 of %2 shown").replace("%1", f"{shown:,}").replace("%2", f"{total:,}")
        else:
            text = tr("%n shown").replace("%n", f"{shown:,}")
        self.count.setText(text)

    def clear(self) -> None:
        """Every row in view again (another event is shown)."""
        for combo in self._combos:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.box.blockSignals(True)
        self.box.clear()
        self.box.blockSignals(False)
