"""The user's plan for one person at one event: priority, status, goals, notes, questions, and
the research at hand: the person looked up in the user's browser, talking points suggested from
what is known."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from planner.domain.enums import AttendanceStatus, AttendeeRole, PriorityTier, ResearchStatus
from planner.domain.ids import GoalId
from planner.domain.model import Attendance, Goal, Person
from planner.domain.research import (
    KnownFacts,
    linkedin_search_url,
    profile_url,
    suggested_talking_points,
    web_search_url,
    with_suggestions,
)
from planner.gui.common.labels import (
    network_name,
    research_name,
    role_name,
    status_name,
    tier_name,
)
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
        self,
        name: str,
        attendance: Attendance,
        goals: list[Goal],
        parent: Any = None,
        *,
        person: Person | None = None,
        earlier_events: tuple[str, ...] = (),
    ) -> None:
        """`person`: who they are (for looking them up); `earlier_events`: where the user met
        them before, latest first."""
        super().__init__(parent)
        self._base = attendance
        self._name = name
        self._person = person
        self._goals = goals
        self._earlier = earlier_events
        self.setWindowTitle(tr("Plan for %1").replace("%1", name))
        self.setMinimumWidth(560)
        title = ElidedLabel(name)  # a long name is cut short, not made the dialog's width
        title.setObjectName("sectionTitle")
        self.role = _combo(AttendeeRole, role_name, attendance.role)
        # The first choice pins nothing: the ranking suggests a tier from the score.
        self.tier = _combo(PriorityTier, tier_name, attendance.tier)
        self.tier.insertItem(0, tr("Suggested by the score"), "")
        if attendance.tier is None:
            self.tier.setCurrentIndex(0)
        self.status = _combo(AttendanceStatus, status_name, attendance.status)
        self.research_status = _combo(ResearchStatus, research_name, attendance.research_status)
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
        self.suggest_button = QPushButton(tr("S&uggest"))
        self.suggest_button.setToolTip(
            tr("Add talking points drawn from their work, role, goals and history")
        )
        self.suggest_button.clicked.connect(self.suggest)
        points = QHBoxLayout()
        points.addWidget(self.talking_points, 1)
        points.addWidget(self.suggest_button, 0, Qt.AlignmentFlag.AlignTop)
        company = person.company if person is not None else None
        self.web_button = QPushButton(tr("Search the &Web"))
        self.web_button.clicked.connect(lambda: self._open(web_search_url(name, company)))
        self.linkedin_button = QPushButton(tr("Search &LinkedIn"))
        self.linkedin_button.clicked.connect(lambda: self._open(linkedin_search_url(name, company)))
        profile = profile_url(person.linkedin_url if person is not None else None)
        self.profile_button = QPushButton(tr("Open Pro&file"))
        self.profile_button.setEnabled(profile is not None)
        if profile is not None:
            self.profile_button.setToolTip(profile)
            self.profile_button.clicked.connect(lambda: self._open(profile))
        look_up = QHBoxLayout()
        for button in (self.web_button, self.linkedin_button, self.profile_button):
            look_up.addWidget(button)
        look_up.addStretch(1)
        form = QFormLayout()
        form.addRow(tr("&Role:"), self.role)
        form.addRow(tr("&Priority:"), self.tier)
        form.addRow(tr("&Status:"), self.status)
        form.addRow(tr("Researc&h so far:"), self.research_status)
        if goals:
            form.addRow(tr("&Goals:"), self.goals)
        form.addRow(tr("R&esearch:"), self.research)
        form.addRow(tr("Look up:"), look_up)
        # A row of several widgets: its label names the one the access key goes to.
        points_label = QLabel(tr("&Talking points:"))
        points_label.setBuddy(self.talking_points)
        form.addRow(points_label, points)
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

    def _open(self, url: str) -> None:
        """In the user's browser: the app itself makes no network call."""
        QDesktopServices.openUrl(QUrl(url))

    def _chosen_goals(self) -> list[str]:
        chosen = {
            self.goals.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.goals.count())
            if self.goals.item(row).checkState() == Qt.CheckState.Checked
        }
        return [goal.text for goal in self._goals if goal.id in chosen]

    def suggest(self) -> None:
        """Talking points from what is known, added below what the user wrote (kept)."""
        person = self._person
        facts = KnownFacts(
            title=person.title if person is not None else None,
            company=person.company if person is not None else None,
            role=AttendeeRole(self.role.currentData()),
            goals=self._chosen_goals(),
            earlier_events=self._earlier,
        )
        current = self.talking_points.toPlainText()
        self.talking_points.setPlainText(with_suggestions(current, suggested_talking_points(facts)))

    def attendance_value(self) -> Attendance:
        chosen = frozenset(
            GoalId(int(self.goals.item(row).data(Qt.ItemDataRole.UserRole)))
            for row in range(self.goals.count())
            if self.goals.item(row).checkState() == Qt.CheckState.Checked
        )
        return replace(
            self._base,
            role=AttendeeRole(self.role.currentData()),
            tier=PriorityTier(self.tier.currentData()) if self.tier.currentData() else None,
            status=AttendanceStatus(self.status.currentData()),
            research_status=ResearchStatus(self.research_status.currentData()),
            goal_ids=chosen,
            research_notes=self.research.toPlainText().strip(),
            talking_points=self.talking_points.toPlainText().strip(),
            offer=self.offer.toPlainText().strip(),
            ask=self.ask.toPlainText().strip(),
        )
