"""The Goals tab of an event: what the user wants from it, and how far along each goal is."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
)

from planner.domain.enums import NetworkType
from planner.domain.goals import MAX_GOAL_TEXT, MAX_TARGET, GoalProgress, goal_problems, parse_words
from planner.domain.ids import EventId, GoalId
from planner.domain.model import Goal
from planner.gui.common.delegates import FRACTION_ROLE, ProgressDelegate
from planner.gui.common.form_dialog import FormDialog
from planner.gui.common.formatting import tr_n
from planner.gui.common.labels import NETWORK_COLOURS, network_explanation, network_name
from planner.gui.common.ordered_list import OrderedList
from planner.gui.common.table_model import Column, RowTableModel
from planner.gui.common.widgets import exec_once
from planner.gui.context import AppContext
from planner.services.changes import Kind


def tr(text: str) -> str:
    return QCoreApplication.translate("goals", text)


def progress_text(progress: GoalProgress) -> str:
    return tr("%1 of %2 met").replace("%1", str(progress.met)).replace("%2", str(progress.target))


class GoalsModel(RowTableModel[GoalProgress]):
    PROGRESS_COLUMN = 2

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        self._context = context
        self.event_id: EventId | None = None
        columns = [
            Column[GoalProgress](tr("Goal"), lambda p: p.goal.text, tooltip=lambda p: p.goal.text),
            Column[GoalProgress](
                tr("Network"),
                lambda p: network_name(p.goal.network_type),
                tooltip=lambda p: network_explanation(p.goal.network_type),
            ),
            Column[GoalProgress](
                tr("Progress"),
                progress_text,
                sort_key=lambda p: p.fraction,
                tooltip=lambda p: (
                    tr("%1 shortlisted, %2 met, target %3")
                    .replace("%1", str(p.shortlisted))
                    .replace("%2", str(p.met))
                    .replace("%3", str(p.target))
                ),
            ),
            Column[GoalProgress](
                tr("Looking for"),
                lambda p: ", ".join((*p.goal.keywords, *p.goal.roles, *p.goal.companies)),
            ),
        ]
        super().__init__(columns, self._load, key=lambda p: p.goal.id, parent=parent)

    def _load(self) -> list[GoalProgress]:
        return [] if self.event_id is None else self._context.goals.progress(self.event_id)

    def extra_data(self, row: GoalProgress, column: int, role: int) -> Any:
        if role == FRACTION_ROLE and column == self.PROGRESS_COLUMN:
            return row.fraction
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return NETWORK_COLOURS[row.goal.network_type]
        return None


class GoalDialog(FormDialog):
    def __init__(self, event_id: EventId, goal: Goal | None = None, parent: Any = None) -> None:
        title = tr("Edit Goal") if goal else tr("New Goal")
        super().__init__(title, editing=goal is not None, parent=parent)
        self.setMinimumWidth(520)
        self._base = goal or Goal(event_id=event_id, text="", network_type=NetworkType.PERSONAL)

        self.text = QLineEdit(self._base.text)
        self.text.setMaxLength(MAX_GOAL_TEXT)
        self.text.setPlaceholderText(tr("e.g. Meet 3 investors who back seed-stage fintech"))
        self.network = QComboBox()
        for kind in NetworkType:
            self.network.addItem(network_name(kind), kind)
        self.network.setCurrentIndex(list(NetworkType).index(self._base.network_type))
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setStyleSheet("color: #5b6570;")
        self.target = QSpinBox()
        self.target.setRange(0, MAX_TARGET)
        self.target.setValue(self._base.target_count)
        self.target.valueChanged.connect(self._name_target)
        self._name_target(self.target.value())
        self.keywords = QLineEdit(", ".join(self._base.keywords))
        self.keywords.setPlaceholderText(tr("fintech, payments, open banking"))
        self.roles = QLineEdit(", ".join(self._base.roles))
        self.roles.setPlaceholderText(tr("Partner, Head of Payments"))
        self.companies = QLineEdit(", ".join(self._base.companies))
        self.companies.setPlaceholderText(tr("Cobalt Ventures, Ledgerline"))
        self.priority = QSpinBox()
        self.priority.setRange(0, 9)
        self.priority.setValue(self._base.priority)
        self.priority_hint = QLabel(
            tr("How much this goal matters next to the event's other goals: 0 most, 9 least.")
        )
        self.priority_hint.setWordWrap(True)
        self.priority_hint.setStyleSheet("color: #5b6570;")
        form = self.form
        form.addRow(tr("&Goal:"), self.text)
        form.addRow(tr("&Network:"), self.network)
        form.addRow("", self.explanation)
        form.addRow(tr("&Target:"), self.target)
        form.addRow(tr("&Keywords:"), self.keywords)
        form.addRow(tr("&Roles:"), self.roles)
        form.addRow(tr("&Companies:"), self.companies)
        form.addRow(tr("&Priority:"), self.priority)
        form.addRow("", self.priority_hint)
        self.network.currentIndexChanged.connect(self._explain)
        self.watch(self.text.textChanged, self.target.valueChanged)
        self._explain()
        self.revalidate()

    def _name_target(self, count: int) -> None:
        """ "1 person", "3 people": the unit after the number agrees with it."""
        self.target.setSuffix(tr_n("goals", " people", count, one=" person"))

    def _explain(self) -> None:
        self.explanation.setText(network_explanation(self.network.currentData()))

    def goal_value(self) -> Goal:
        return replace(
            self._base,
            text=self.text.text(),
            network_type=NetworkType(self.network.currentData()),
            target_count=self.target.value(),
            keywords=parse_words(self.keywords.text()),
            roles=parse_words(self.roles.text()),
            companies=parse_words(self.companies.text()),
            priority=self.priority.value(),
        )

    def current_problems(self) -> list[str]:
        return goal_problems(self.goal_value())


class GoalsTab(OrderedList[GoalProgress]):
    """Goals of one event, editable, each edit one undo step."""

    noun = "Goal"

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(context, GoalsModel(context), tr("Add Goal…"), parent=parent)
        self.model: GoalsModel
        self.table.setItemDelegateForColumn(
            GoalsModel.PROGRESS_COLUMN, ProgressDelegate(NETWORK_COLOURS[NetworkType.STRATEGIC])
        )
        self.columns.keep(GoalsModel.PROGRESS_COLUMN, 190)  # the bar and "2 of 3 met"
        self.hint = QLabel(
            tr(
                "Progress counts the people linked to a goal whom you have marked as met. "
                "Link attendees to goals on the People tab (select a person, Edit…)."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hint")
        self.body.addWidget(self.hint)
        self._update_buttons()

    def empty_message(self) -> str:
        return tr(
            "No goals yet. Decide what you want from this event: whom you hope to meet, and "
            "why. Add Goal… (Ctrl+G) writes the first one down."
        )

    # A goal's progress counts the people met for it.
    SHOWS = frozenset((Kind.GOAL, Kind.ATTENDANCE, Kind.EVENT))

    def shown_event(self) -> EventId | None:
        return self.model.event_id

    def show_event(self, event_id: EventId) -> None:
        self.model.event_id = event_id
        self._fitted = False  # another event's goals: fitted to their own text
        self.refresh()

    def row_id(self, row: GoalProgress) -> GoalId | None:
        return row.goal.id

    def order(self) -> list[GoalId]:
        return [] if self.model.event_id is None else self._context.goals.order(self.model.event_id)

    def set_order(self, ids: list[GoalId]) -> None:
        self._context.goals.set_order(ids)

    def remove(self, row_id: GoalId) -> object:
        return self._context.goals.delete(row_id)

    def add(self) -> None:
        if self.model.event_id is None:
            return
        dialog = GoalDialog(self.model.event_id, parent=self)
        if not exec_once(dialog):
            return
        from planner.gui.common.operations import Operation

        goals, goal = self._context.goals, dialog.goal_value()
        created = (
            Operation(self._context, lambda target: goals.create(goal))
            .undoable(tr("Add Goal"))
            .run()
        )
        if created is not None:
            self.select(created.id)

    def edit_selected(self) -> None:
        current = self.selected()
        if current is None:
            return
        dialog = GoalDialog(current.goal.event_id, current.goal, parent=self)
        if not exec_once(dialog):
            return
        before, after = current.goal, dialog.goal_value()
        if after == before:
            return
        from planner.gui.common.operations import Operation

        goals = self._context.goals
        Operation(self._context, lambda target: goals.update(after)).undoable(tr("Edit Goal")).run()
