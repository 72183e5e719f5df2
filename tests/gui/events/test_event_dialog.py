"""The event dialog refuses what the domain refuses, and says why."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from planner.domain.model import Event
from planner.gui.events.event_dialog import EventDialog


def ok_enabled(dialog: EventDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def set_times(dialog: EventDialog, start: tuple[int, ...], end: tuple[int, ...]) -> None:
    dialog.start.setDateTime(QDateTime(QDate(*start[:3]), QTime(*start[3:])))
    dialog.end.setDateTime(QDateTime(QDate(*end[:3]), QTime(*end[3:])))


def test_new_event_needs_a_name(qtbot: QtBot) -> None:
    dialog = EventDialog()
    qtbot.addWidget(dialog)
    assert not ok_enabled(dialog)
    assert dialog.problems.isHidden()  # no scolding before the user has typed anything
    qtbot.keyClicks(dialog.name, "PyCon Lisboa")
    assert ok_enabled(dialog)
    assert dialog.problems.isHidden()
    dialog.name.clear()
    assert not ok_enabled(dialog)
    assert not dialog.problems.isHidden()
    assert "needs a name" in dialog.problems.text()


def test_end_before_start_is_refused(qtbot: QtBot) -> None:
    dialog = EventDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Summit")
    set_times(dialog, (2026, 12, 6, 9, 0), (2026, 12, 6, 18, 0))
    assert ok_enabled(dialog)
    dialog.end.setDateTime(QDateTime(QDate(2026, 12, 6), QTime(8, 0)))
    assert not ok_enabled(dialog)
    assert "end after it starts" in dialog.problems.text()
    dialog.accept()  # pressing Enter anyway does not close the dialog
    assert dialog.result() == 0


def test_moving_start_keeps_the_length(qtbot: QtBot) -> None:
    dialog = EventDialog()
    qtbot.addWidget(dialog)
    set_times(dialog, (2026, 12, 6, 9, 0), (2026, 12, 7, 18, 0))
    dialog.start.setDateTime(QDateTime(QDate(2026, 12, 10), QTime(9, 0)))
    end = dialog.end.dateTime()
    assert (end.date().toPython(), end.time().hour()) == (datetime(2026, 12, 11).date(), 18)


def test_unknown_zone_is_refused(qtbot: QtBot) -> None:
    dialog = EventDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Summit")
    dialog.zone.setCurrentText("Mars/Olympus_Mons")
    assert not ok_enabled(dialog)
    assert "not a known time zone" in dialog.problems.text()


def test_times_are_the_wall_clock_in_the_chosen_zone(qtbot: QtBot) -> None:
    dialog = EventDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("  Web Summit  ")
    dialog.zone.setCurrentText("Europe/Lisbon")
    set_times(dialog, (2026, 11, 2, 9, 30), (2026, 11, 5, 18, 0))
    dialog.url.setText("https://websummit.example")
    event = dialog.event_value()
    assert event.timezone == "Europe/Lisbon"
    assert event.start == datetime(2026, 11, 2, 9, 30, tzinfo=ZoneInfo("Europe/Lisbon"))
    assert event.local_end.hour == 18


def test_problems_text_escapes_markup(qtbot: QtBot) -> None:
    dialog = EventDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Summit")
    dialog.zone.setCurrentText("<b>Bad</b>")
    assert "&lt;b&gt;Bad&lt;/b&gt;" in dialog.problems.text()


def test_editing_prefills_every_field(qtbot: QtBot) -> None:
    zone = ZoneInfo("America/New_York")
    event = Event(
        name="Collision",
        start=datetime(2026, 6, 20, 9, 0, tzinfo=zone),
        end=datetime(2026, 6, 22, 17, 0, tzinfo=zone),
        timezone="America/New_York",
        venue="Enercare Centre",
        url="https://collision.example",
        notes="Bring cards",
    )
    dialog = EventDialog(event=event)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit Event"
    assert dialog.event_value() == event


def test_an_unknown_zone_gets_one_clear_message(qtbot: QtBot) -> None:
    dialog = EventDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Summit")
    dialog.zone.setCurrentText("Mars/Olympus_Mons")
    assert dialog.problems.text() == "“Mars/Olympus_Mons” is not a known time zone."


def test_a_zone_typed_in_lower_case_is_taken_and_an_empty_one_asked_for(qtbot: QtBot) -> None:
    dialog = EventDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Summit")
    dialog.zone.setCurrentText("europe/lisbon")
    assert ok_enabled(dialog)
    assert dialog.event_value().timezone == "Europe/Lisbon"
    dialog.zone.setCurrentText("")
    assert not ok_enabled(dialog)
    assert dialog.problems.text() == "The event needs the time zone of its venue."


def tab_into(qtbot: QtBot, dialog: EventDialog, edit: QWidget) -> None:
    """Give `edit` the focus as Tab does."""
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    assert edit.hasFocus()


def test_a_date_can_be_typed_with_or_without_its_dashes(qtbot: QtBot) -> None:
    dialog = EventDialog()
    qtbot.addWidget(dialog)
    set_times(dialog, (2026, 12, 17, 9, 0), (2026, 12, 17, 18, 0))
    tab_into(qtbot, dialog, dialog.start.date_edit)
    qtbot.keyClicks(dialog.start.date_edit, "2027-05-01")
    assert dialog.start.dateTime() == QDateTime(QDate(2027, 5, 1), QTime(9, 0))  # not 20:27
    tab_into(qtbot, dialog, dialog.end.date_edit)
    qtbot.keyClicks(dialog.end.date_edit, "20270502")
    assert dialog.end.dateTime() == QDateTime(QDate(2027, 5, 2), QTime(18, 0))


def test_a_clicked_section_is_replaced_by_what_is_typed(qtbot: QtBot) -> None:
    dialog = EventDialog()
    qtbot.addWidget(dialog)
    set_times(dialog, (2026, 12, 17, 9, 0), (2026, 12, 17, 18, 0))
    dialog.show()
    qtbot.waitExposed(dialog)
    edit = dialog.start.date_edit
    metrics = edit.fontMetrics()
    year = QPoint(edit.lineEdit().x() + metrics.horizontalAdvance("20"), edit.height() // 2)
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=year)  # in the middle of "2026"
    qtbot.keyClicks(edit, "2027")
    assert edit.date() == QDate(2027, 12, 17)
    assert dialog.start.time_edit.time() == QTime(9, 0)


def test_the_date_fields_have_a_calendar(qtbot: QtBot) -> None:
    dialog = EventDialog()
    qtbot.addWidget(dialog)
    assert dialog.start.date_edit.calendarPopup() and dialog.end.date_edit.calendarPopup()


def test_the_times_in_another_zone_wrap_within_the_dialog(qtbot: QtBot) -> None:
    dialog = EventDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name.setText("Summit")
    dialog.zone.setCurrentText("Pacific/Chatham")  # not the test machine's zone, nor its offset
    set_times(dialog, (2026, 12, 30, 9, 0), (2027, 1, 2, 18, 0))  # across days and years
    qtbot.wait(10)
    hint = dialog.local_hint
    assert "In your time zone" in hint.text() and "At the venue: Wed 30 Dec 2026" in hint.text()
    right = hint.mapTo(dialog, hint.rect().topRight()).x()
    assert right <= dialog.width()
    assert hint.height() >= hint.heightForWidth(hint.width())  # every line shown whole
    assert dialog.width() <= 560  # wrapped, not widened
