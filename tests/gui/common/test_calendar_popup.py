"""The date fields' calendar pop-up inside the main window draws every day and weekday.

The window's style sheet pads the cells of its lists; reaching the calendar's grid, that padding
left no room for two digits or a weekday's name, and Qt drew those cells blank.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from planner.gui.events.event_dialog import EventDialog
from planner.gui.main_window import MainWindow


def ink(image: QImage) -> int:
    """How many pixels of a cell stand out from its background (its commonest lightness)."""
    shades = [
        QColor(image.pixel(x, y)).lightness()
        for y in range(image.height())
        for x in range(image.width())
    ]
    background = max(set(shades), key=shades.count)
    return sum(1 for shade in shades if abs(shade - background) > 90)


def cell(view: QTableView, text: str) -> QModelIndex:
    model = view.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if str(index.data(Qt.ItemDataRole.DisplayRole)) == text:
                return index
    raise AssertionError(f"no calendar cell shows {text!r}")


def test_the_calendar_draws_two_digit_days_and_weekday_names(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = EventDialog(window)
    qtbot.addWidget(dialog)
    edit = dialog.start.date_edit
    edit.setDate(QDate(2026, 12, 17))
    calendar = edit.calendarWidget()
    calendar.setSelectedDate(QDate(2026, 12, 17))
    calendar.setLocale(calendar.locale().c())  # weekday names in English whatever the machine
    calendar.resize(calendar.sizeHint())
    view = calendar.findChild(QTableView)
    assert view is not None
    image = view.viewport().grab().toImage()
    for text in ("3", "24", "31", "17", "Wed"):  # one digit, two, the last, the chosen, a weekday
        rect = view.visualRect(cell(view, text))
        assert ink(image.copy(rect)) > 8, f"calendar cell {text!r} is drawn blank"
