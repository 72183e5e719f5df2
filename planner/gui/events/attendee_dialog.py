"""The user's plan for one person at one event: priority, status, goals, notes, questions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
)

from planner.domain.enums import AttendanceStatus, AttendeeRole, PriorityTier
from planner.domain.ids import GoalId
from planner.domain.model import Attendance, Goal
from planner.gui.common.labels import network_name, role_name, status_name, tier_name
from planner.gui.common.widgets import ElidedLabel


def tr(text: str) -> str:
    return QCoreApplication.translate("attendee", text)


def _combo(values: Iterable[Any], name: Callable[[Any], str], current: Any) -> QComboBox:
    combo = QComboBox()
    for value in values:
        combo.addItem(name(value), value)
    combo.setCurrentIndex(combo.findData(current))
    return combo


def _notes(text: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(64)
    return edit


class AttendeeDialog(QDialog):
    def __init__(
        self, name: str, attendance: Attendance, goals: list[Goal], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._base = attendance
        self.setWindowTitle(tr("Plan for %1").replace("%1", name))
        self.setMinimumWidth(560)
        title = ElidedLabel(name)  # a long name is cut short, not made the dialog's width
        title.setObjectName("sectionTitle")
        self.role = _combo(AttendeeRole, role_name, attendance.role)
        self.tier = _combo(PriorityTier, tier_name, attendance.tier)
        self.status = _combo(AttendanceStatus, status_name, attendance.status)
        self.goals = QListWidget()
        self.goals.setMaximumHeight(96)
        self.goals.setWordWrap(True)  # a long goal reads whole, on two lines if need be
        self.goals.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for goal in goals:
            item = QListWidgetItem(f"{goal.text}  ({network_name(goal.network_type)})")
            item.setData(Qt.ItemDataRole.UserRole, goal.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = goal.id in attendance.goal_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.goals.addItem(item)
        self.research = _notes(
            attendance.research_notes, tr("What they work on, what they said or wrote lately")
        )
        self.talking_points = _notes(
            attendance.talking_points, tr("Topics to bring up, things you have in common")
        )
        self.offer = _notes(attendance.offer, tr("An introduction, an answer, something useful"))
        self.ask = _notes(attendance.ask, tr("The question you most want to ask them"))
        form = QFormLayout()
        form.addRow(tr("&Role:"), self.role)
        form.addRow(tr("&Priority:"), self.tier)
        form.addRow(tr("&Status:"), self.status)
        if goals:
            form.addRow(tr("&Goals:"), self.goals)
        form.addRow(tr("R&esearch:"), self.research)
        form.addRow(tr("&Talking points:"), self.talking_points)
        form.addRow(tr("I can &offer:"), self.offer)
        form.addRow(tr("I want to &ask:"), self.ask)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def attendance_value(self) -> Attendance:
        chosen = frozenset(
            GoalId(int(self.goals.item(row).data(Qt.ItemDataRole.UserRole)))
            for row in range(self.goals.count())
            if self.goals.item(row).checkState() == Qt.CheckState.Checked
        )
        return replace(
            self._base,
            role=AttendeeRole(self.role.currentData()),
            tier=PriorityTier(self.tier.currentData()),
            status=AttendanceStatus(self.status.currentData()),
            goal_ids=chosen,
            research_notes=self.research.toPlainText().strip(),
            talking_points=self.talking_points.toPlainText().strip(),
            offer=self.offer.toPlainText().strip(),
            ask=self.ask.toPlainText().strip(),
        )
