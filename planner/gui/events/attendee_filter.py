"""The filter bar over an event's People tab: words typed (name, company, title…) and choices
of priority, status and role, with how many of the list it leaves in view."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QTableView, QWidget

from planner.domain.enums import AttendanceStatus, AttendeeRole, PriorityTier
from planner.gui.common.labels import role_name, status_name, tier_name
from planner.gui.common.lists import DownToList, filter_as_you_type
from planner.storage.attendances import AttendeeListing


def tr(text: str) -> str:
    return QCoreApplication.translate("attendee_filter", text)


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
        for combo in (self.tier, self.status, self.role):
            combo.currentIndexChanged.connect(self.changed)
        self.count = QLabel()
        self.count.setObjectName("countLabel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 1)
        for combo in (self.tier, self.status, self.role):
            layout.addWidget(combo)
        layout.addStretch(0)
        layout.addWidget(self.count)

    def _typed(self) -> None:
        self._timer.stop()
        self.changed.emit()

    def words(self) -> str:
        return self.box.text()

    def condition(self) -> Callable[[AttendeeListing], bool] | None:
        """What a row must be for the choices made; None when none is."""
        tier, status, role = (c.currentData() for c in (self.tier, self.status, self.role))
        if tier is None and status is None and role is None:
            return None

        def accepts(row: AttendeeListing) -> bool:
            attendance = row.attendance
            return (
                (tier is None or attendance.tier == tier)
                and (status is None or attendance.status == status)
                and (role is None or attendance.role == role)
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
        for combo in (self.tier, self.status, self.role):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.box.blockSignals(True)
        self.box.clear()
        self.box.blockSignals(False)
