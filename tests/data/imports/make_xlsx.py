"""Write whova_attendees.xlsx, the workbook fixture: a Whova attendee export.

Run from anywhere: `python tests/data/imports/make_xlsx.py`. The first sheet holds the
attendees, with what makes workbooks differ from CSV: a date-time, a date, whole numbers typed
as numbers (a phone, an id), a fraction, a boolean, a line break inside a cell, an empty row in
the middle and trailing empty cells. A second sheet must be ignored by the reader.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent

HEADERS = [
    "Name", "Pronouns", "Title", "Affiliation", "Email", "Phone", "LinkedIn", "Twitter",
    "Ticket", "Registered On", "Attendee ID", "Score", "Checked In", "Event Date",
]  # fmt: skip

ROWS: list[list[object]] = [
    ["Ana Sofía Pérez", "she/her", "Research Scientist", "Universidad de Chile",
     "ana.perez@example.cl", "+56 9 8765 4321", "https://www.linkedin.com/in/anasofiaperez",
     "@anasofia", "Speaker", datetime(2026, 9, 1, 14, 30), 1001, 4.5, True, date(2026, 10, 20)],
    ["Dmitri Ivanov", "he/him", "Senior Engineer,\nPlatform Team", "Baltic Cloud OÜ",
     "dmitri.ivanov@example.ee", 3725551234, None, None, "Attendee",
     datetime(2026, 9, 2, 9, 5, 59, 999_999), 1002, 3.0, False, date(2026, 10, 20)],
    [],
    ["Ngozi Adeyemi", None, "Founder", "Lagos Health Tech", "ngozi@example.ng", None,
     "linkedin.com/in/ngozi-adeyemi", None, "Sponsor", datetime(2026, 9, 3), 1003, None, None,
     None],
]  # fmt: skip


def main() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Attendees"
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row)
    sheet.cell(row=6, column=20, value=None)  # an empty cell far right: trailing emptiness
    sheet["L3"].number_format = "0.00"
    other = workbook.create_sheet("Sessions")
    other.append(["Session", "Room"])
    other.append(["Opening keynote", "Hall A"])
    fixed = datetime(2026, 9, 30, 12, 0, 0)
    workbook.properties.created = fixed
    workbook.properties.modified = fixed
    workbook.save(HERE / "whova_attendees.xlsx")


if __name__ == "__main__":
    main()
