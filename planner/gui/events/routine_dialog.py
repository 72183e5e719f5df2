"""Tools > Checklist Routine: the steps every new event's checklist starts from."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.domain.checklist import MAX_ITEM_TEXT, item_problems, offset_label
from planner.domain.enums import PrepPhase
from planner.domain.ids import ChecklistTemplateId
from planner.domain.model import ChecklistTemplate
from planner.gui.common.form_dialog import FormDialog
from planner.gui.common.ordered_list import OrderedList
from planner.gui.common.table_model import Column, Index, RowTableModel
from planner.gui.common.widgets import exec_once
from planner.gui.context import AppContext


def tr(text: str) -> str:
    return QCoreApplication.translate("routine", text)


def phase_name(phase: PrepPhase) -> str:
    return {
        PrepPhase.GOALS: tr("Goals"),
        PrepPhase.RESEARCH: tr("Research"),
        PrepPhase.WHOM: tr("Whom to meet"),
        PrepPhase.INTRODUCTION: tr("Introduction"),
        PrepPhase.WELLBEING: tr("Rest and readiness"),
        PrepPhase.MATERIALS: tr("Materials"),
        PrepPhase.AT_EVENT: tr("At the event"),
        PrepPhase.FOLLOW_UP: tr("Follow-up"),
    }[phase]


class RoutineModel(RowTableModel[ChecklistTemplate]):
    def __init__(self, context: AppContext, parent: Any = None) -> None:
        self._context = context
        columns = [
            Column[ChecklistTemplate](tr("Use"), lambda t: ""),
            Column[ChecklistTemplate](tr("When"), lambda t: offset_label(t.offset_days)),
            Column[ChecklistTemplate](tr("Stage"), lambda t: phase_name(t.phase)),
            Column[ChecklistTemplate](tr("Step"), lambda t: t.text, tooltip=lambda t: t.text),
        ]
        super().__init__(columns, context.checklist.templates, key=lambda t: t.id, parent=parent)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def extra_data(self, row: ChecklistTemplate, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if row.enabled else Qt.CheckState.Unchecked
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 0
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        before = self.row(index.row())
        after = replace(before, enabled=Qt.CheckState(value) == Qt.CheckState.Checked)
        from planner.gui.common.operations import Operation

        checklist = self._context.checklist
        Operation(self._context, lambda target: checklist.update_template(after)).undoable(
            tr("Use Step") if after.enabled else tr("Skip Step")
        ).run()
        return True


class StepDialog(FormDialog):
    def __init__(self, template: ChecklistTemplate | None = None, parent: Any = None) -> None:
        title = tr("Edit Step") if template else tr("New Step")
        super().__init__(title, editing=template is not None, parent=parent)
        self.setMinimumWidth(480)
        self.phase = QComboBox()
        for phase in PrepPhase:
            self.phase.addItem(phase_name(phase), phase)
        self.phase.setCurrentIndex(list(PrepPhase).index(template.phase) if template else 0)
        self.text = QLineEdit(template.text if template else "")
        self.text.setMaxLength(MAX_ITEM_TEXT)
        self.offset = QSpinBox()
        self.offset.setRange(-366, 366)
        self.offset.setValue(template.offset_days if template else -7)
        self.offset.setSuffix(tr(" days from the event's start"))
        self.form.addRow(tr("&Stage:"), self.phase)
        self.form.addRow(tr("S&tep:"), self.text)
        self.form.addRow(tr("&When:"), self.offset)
        self.watch(self.text.textChanged, self.offset.valueChanged)
        self.revalidate()

    def values(self) -> tuple[PrepPhase, str, int]:
        return PrepPhase(self.phase.currentData()), self.text.text().strip(), self.offset.value()

    def current_problems(self) -> list[str]:
        _, text, offset = self.values()
        return item_problems(text, offset)


class RoutineSteps(OrderedList[ChecklistTemplate]):
    noun = "Routine Step"

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(context, RoutineModel(context), tr("Add Step…"), parent=parent)
        header = self.table.horizontalHeader()
        for column, width in ((0, 48), (1, 64), (2, 150)):
            header.resizeSection(column, width)
        self.refresh()

    def row_id(self, row: ChecklistTemplate) -> ChecklistTemplateId | None:
        return row.id

    def order(self) -> list[ChecklistTemplateId]:
        return [t.id for t in self._context.checklist.templates() if t.id is not None]

    def set_order(self, ids: list[ChecklistTemplateId]) -> None:
        self._context.checklist.set_template_order(ids)

    def remove(self, row_id: ChecklistTemplateId) -> object:
        return self._context.checklist.delete_template(row_id)

    def add(self) -> None:
        dialog = StepDialog(parent=self)
        if not exec_once(dialog):
            return
        from planner.gui.common.operations import Operation

        checklist, values = self._context.checklist, dialog.values()
        created = (
            Operation(self._context, lambda target: checklist.add_template(*values))
            .undoable(tr("Add Routine Step"))
            .run()
        )
        if created is not None:
            self.select(created.id)

    def edit_selected(self) -> None:
        before = self.selected()
        if before is None:
            return
        dialog = StepDialog(before, parent=self)
        if not exec_once(dialog):
            return
        phase, text, offset = dialog.values()
        after = replace(before, phase=phase, text=text, offset_days=offset)
        if after == before:
            return
        from planner.gui.common.operations import Operation

        checklist = self._context.checklist
        Operation(self._context, lambda target: checklist.update_template(after)).undoable(
            tr("Edit Routine Step")
        ).run()


class RoutineDialog(QDialog):
    """Edit the routine; every change is an undo step in the main window too."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Checklist Routine"))
        self.resize(820, 520)
        intro = QLabel(
            tr(
                "New events start their checklist with these steps. Untick a step to leave it "
                "out; changes apply to events you add from now on."
            )
        )
        intro.setWordWrap(True)
        self.steps = RoutineSteps(context, self)
        self.model, self.table = self.steps.model, self.steps.table
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.steps, 1)
        layout.addWidget(close)

    def move_selected(self, step: int) -> None:
        self.steps.move_selected(step)
