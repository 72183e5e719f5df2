"""Create or edit an event. Times are typed as the wall clock at the venue, in its zone."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from planner.domain.model import Event
from planner.domain.rules import (
    MAX_NAME_LENGTH,
    event_problems,
    known_time_zone,
    localize,
    time_zone_names,
)
from planner.gui.common.date_fields import DateTimeField
from planner.gui.common.formatting import span_text, system_zone_name


def _wall_clock(edit: DateTimeField) -> datetime:
    value = edit.dateTime()
    return datetime.combine(value.date().toPython(), value.time().toPython())  # type: ignore[arg-type]


def _set_wall_clock(edit: DateTimeField, moment: datetime) -> None:
    edit.setDateTime(
        QDateTime(
            QDate(moment.year, moment.month, moment.day),
            QTime(moment.hour, moment.minute),
        )
    )


class EventDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, event: Event | None = None) -> None:
        super().__init__(parent)
        self._original = event
        self.setWindowTitle(self.tr("Edit Event") if event else self.tr("New Event"))
        self.setMinimumWidth(520)

        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME_LENGTH)
        self.name.setPlaceholderText(self.tr("e.g. Web Summit 2026"))

        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(list(time_zone_names()))
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(list(time_zone_names()), self.zone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.zone.setCompleter(completer)

        # A date (typed, or picked from its calendar) and a time beside it.
        self.start = DateTimeField()
        self.start.set_accessible_names(self.tr("Start date"), self.tr("Start time"))
        self.end = DateTimeField()
        self.end.set_accessible_names(self.tr("End date"), self.tr("End time"))

        self.venue = QLineEdit()
        self.venue.setPlaceholderText(self.tr("Venue and city"))
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)

        # Under the end, in the fields' column: it wraps there rather than run past the edge.
        self.local_hint = QLabel()
        self.local_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.local_hint.setWordWrap(True)
        self.local_hint.setStyleSheet("color: palette(placeholder-text);")
        ends = QWidget()
        ends_column = QVBoxLayout(ends)
        ends_column.setContentsMargins(0, 0, 0, 0)
        ends_column.setSpacing(4)
        ends_column.addWidget(self.end)
        ends_column.addWidget(self.local_hint)
        ends.setFocusProxy(self.end)  # Alt+E goes to the end's date
        self.problems = QLabel()
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        self.problems.setStyleSheet("color: #b3261e;")
        self.problems.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("Time &zone:"), self.zone)
        form.addRow(self.tr("&Starts:"), self.start)
        form.addRow(self.tr("&Ends:"), ends)
        form.addRow(self.tr("&Venue:"), self.venue)
        form.addRow(self.tr("&Link:"), self.url)
        form.addRow(self.tr("N&otes:"), self.notes)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

        self._fill(event)
        # A new, untouched form is not an error yet: problems show once the user edits.
        self._touched = event is not None
        self._last_start = _wall_clock(self.start)
        self.start.dateTimeChanged.connect(self._start_moved)
        for signal in (
            self.name.textChanged,
            self.zone.currentTextChanged,
            self.end.dateTimeChanged,
            self.url.textChanged,
        ):
            signal.connect(self._revalidate)
        self._revalidate()

    def _fill(self, event: Event | None) -> None:
        if event is None:
            zone = system_zone_name()
            tomorrow = datetime.now().replace(hour=9, minute=0, second=0, microsecond=0)
            tomorrow += timedelta(days=14)
            start, end = tomorrow, tomorrow.replace(hour=18)
        else:
            zone = event.timezone
            start = event.local_start.replace(tzinfo=None)
            end = event.local_end.replace(tzinfo=None)
            self.name.setText(event.name)
            self.venue.setText(event.venue)
            self.url.setText(event.url)
            self.notes.setPlainText(event.notes)
        self.zone.setCurrentText(zone)
        _set_wall_clock(self.start, start)
        _set_wall_clock(self.end, end)

    def _start_moved(self) -> None:
        """Moving the start carries the end along, keeping the event's length."""
        new_start = _wall_clock(self.start)
        shift = new_start - self._last_start
        self._last_start = new_start
        _set_wall_clock(self.end, _wall_clock(self.end) + shift)
        self._revalidate(True)

    def event_value(self) -> Event:
        """The event as typed; may be invalid (check `event_problems`)."""
        zone = known_time_zone(self.zone.currentText())
        base = self._original or Event(
            name="", start=datetime.now(), end=datetime.now(), timezone=""
        )
        try:
            start = localize(_wall_clock(self.start), zone)
            end = localize(_wall_clock(self.end), zone)
        except (ValueError, KeyError):
            start, end = _wall_clock(self.start), _wall_clock(self.end)  # naive: flagged below
        return replace(
            base,
            name=self.name.text(),
            start=start,
            end=end,
            timezone=zone,
            venue=self.venue.text(),
            url=self.url.text(),
            notes=self.notes.toPlainText(),
        )

    def _revalidate(self, *_changed: object) -> None:
        self._touched = self._touched or bool(_changed)
        event = self.event_value()
        problems = event_problems(event)
        self.problems.setText("<br>".join(escape(problem) for problem in problems))
        self.problems.setVisible(bool(problems) and self._touched)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problems)
        self._update_local_hint(event, problems)

    def _update_local_hint(self, event: Event, problems: list[str]) -> None:
        """The days spelt out (the fields show digits), and the times in the user's own zone
        when the venue's is another."""
        if problems:
            self.local_hint.setText(self.tr("Times are the wall clock at the venue."))
            return
        lines = [
            self.tr("At the venue: %1").replace("%1", span_text(event.local_start, event.local_end))
        ]
        mine = system_zone_name()
        here = ZoneInfo(mine)
        yours = (event.start.astimezone(here), event.end.astimezone(here))
        if [t.utcoffset() for t in yours] != [
            event.local_start.utcoffset(),
            event.local_end.utcoffset(),
        ]:
            lines.append(
                self.tr("In your time zone (%1): %2")
                .replace("%1", mine)
                .replace("%2", span_text(*yours))
            )
        self.local_hint.setText("\n".join(lines))

    def accept(self) -> None:
        if not event_problems(self.event_value()):
            super().accept()
