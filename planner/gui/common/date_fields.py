"""A day and a time typed or picked: a date field with a calendar pop-up beside a time field,
each made of sections that take what is typed into them.

One field for both ("Thu 17 Dec 2026   09:00") made typing a date awkward: the weekday comes
first and takes no digits, and the digits of a year could land in the time. Here each section
(year, month, day; hours, minutes) takes digits; a full section moves on to the next, and a
separator typed after that ("2027-" once the year is full) is not taken as a second step, so
"2027-05-01" and "20270501" both give 1 May 2027.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QHBoxLayout, QTimeEdit, QWidget

DATE_FORMAT = "yyyy-MM-dd"  # digits in every section, in an order nobody misreads
TIME_FORMAT = "HH:mm"


class _Sections:
    """Typing behaviour shared by the date and the time field (mixed into QDateTimeEdit)."""

    _moved_on = False  # the last key filled a section and moved to the next

    def _edit(self) -> QDateTimeEdit:
        assert isinstance(self, QDateTimeEdit)
        return self

    def _typed(self, event: QKeyEvent, press: object) -> None:
        edit = self._edit()
        text = event.text()
        if text and not text.isalnum() and not text.isspace() and self._moved_on:
            self._moved_on = False  # "2027-": the year moved on already; the "-" is not a step
            event.accept()
            return
        before = edit.currentSectionIndex()
        press(event)  # type: ignore[operator]
        self._moved_on = bool(text) and text.isalnum() and edit.currentSectionIndex() != before


class DateEdit(_Sections, QDateEdit):
    def __init__(self) -> None:
        super().__init__()
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._typed(event, super().keyPressEvent)


class TimeEdit(_Sections, QTimeEdit):
    def __init__(self) -> None:
        super().__init__()
        self.setDisplayFormat(TIME_FORMAT)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._typed(event, super().keyPressEvent)


class DateTimeField(QWidget):
    """A date field and a time field read as one wall-clock moment (no time zone)."""

    dateTimeChanged = Signal(QDateTime)

    def __init__(self) -> None:
        super().__init__()
        self.date_edit = DateEdit()
        self.time_edit = TimeEdit()
        self.setFocusProxy(self.date_edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_edit, 2)
        layout.addWidget(self.time_edit, 1)
        self.date_edit.dateChanged.connect(self._changed)
        self.time_edit.timeChanged.connect(self._changed)
        self._quiet = False

    def dateTime(self) -> QDateTime:
        return QDateTime(self.date_edit.date(), self.time_edit.time())

    def setDateTime(self, value: QDateTime) -> None:
        """One change signal for both parts, not one for each."""
        self._quiet = True
        try:
            self.date_edit.setDate(value.date())
            self.time_edit.setTime(value.time())
        finally:
            self._quiet = False
        self._changed()

    def _changed(self, *_: object) -> None:
        if not self._quiet:
            self.dateTimeChanged.emit(self.dateTime())

    def set_accessible_names(self, day: str, time: str) -> None:
        """What a screen reader calls each part ("Start date", "Start time")."""
        self.date_edit.setAccessibleName(day)
        self.time_edit.setAccessibleName(time)
