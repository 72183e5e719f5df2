"""Zip files: Excel workbooks read into records, other zipped documents refused with advice.

A zip holding ``xl/workbook.xml`` is an Excel workbook: its first sheet with anything in it is
read with openpyxl (read-only, cached formula values), and named in ``Table.sheet``. Dates
become ISO text ("2026-05-01", or "2026-05-01T09:30:00" with a time, rounded to the second),
whole numbers lose their ".0", TRUE/FALSE stay words. ``SourceRow.line`` is the sheet's row
number. Other zips (an OpenDocument or Numbers file, an .xlsb, anything else) are refused with
what to do instead, and so is a zip that would unpack to more than the limit, before it is
read. The records become a table in planner.interchange.header_row.

openpyxl is imported inside the function that reads a workbook, so that starting the app does
not pay for it.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from planner.domain.importing import FileProblem, ImportCancelled, Table, TableKind
from planner.interchange.header_row import filled_count, table_from_records
from planner.interchange.refusals import MAX_UNPACKED_BYTES, NOT_A_TABLE, check_record, too_big

__all__ = ["read_zip"]

_WATCH_EVERY = 500
"""Rows of a workbook read between two calls of a read's `watch`."""
_NEWLINE = re.compile(r"\r\n?")


def read_zip(data: bytes, source: str, watch: Callable[[int, int], None] | None) -> Table:
    """The workbook in the zip `data` as a table; any other zip is refused (FileProblem).
    `watch` is told (rows read, rows in the sheet) as planner.interchange.tables.read_table
    describes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(entry.file_size for entry in archive.infolist())
            mimetype = archive.read("mimetype")[:200] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError):
        raise FileProblem(source, NOT_A_TABLE) from None
    if unpacked > MAX_UNPACKED_BYTES:  # zipfile never unpacks more than an entry says
        raise FileProblem(source, too_big(unpacked, MAX_UNPACKED_BYTES, "unpacks to"))
    if "xl/workbook.xml" in names:
        return _read_xlsx(data, source, watch)
    if "xl/workbook.bin" in names:
        raise FileProblem(source, "is a binary Excel workbook (.xlsb); save it as .xlsx or CSV")
    if b"opendocument.spreadsheet" in mimetype:
        raise FileProblem(source, "is an OpenDocument spreadsheet; save it as .xlsx or CSV")
    if any(name.startswith("Index/") and name.endswith(".iwa") for name in names):
        raise FileProblem(source, "is an Apple Numbers document; export it as Excel or CSV")
    raise FileProblem(source, NOT_A_TABLE)


def _read_xlsx(data: bytes, source: str, watch: Callable[[int, int], None] | None) -> Table:
    """The first sheet with anything in it: a list pasted into a workbook's second sheet,
    the first left blank, is read from there (`Table.sheet` names the sheet)."""
    import openpyxl  # type: ignore[import-untyped]  # see the module docstring

    with warnings.catch_warnings():
        # openpyxl warns about features it skips (data validation, default styles...).
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # it raises many types for a damaged workbook
            raise FileProblem(
                source, f"is an Excel workbook that cannot be read ({error})"
            ) from None
        try:
            sheets = list(workbook.worksheets)
            if not sheets:
                raise FileProblem(source, "is an Excel workbook without a worksheet")
            for sheet in sheets:
                records = _sheet_records(sheet, source, watch)
                if any(filled_count(cells) for _, cells in records):
                    break
            else:
                titles = ", ".join(f"“{sheet.title}”" for sheet in sheets)
                if len(sheets) == 1:
                    raise FileProblem(source, f"is empty (its sheet, {titles}, has nothing in it)")
                raise FileProblem(
                    source, f"is empty (none of its sheets, {titles}, has anything in it)"
                )
        finally:
            workbook.close()
    table = table_from_records(records, source, TableKind.XLSX, None, None)
    return replace(table, sheet=str(sheet.title))


def _sheet_records(
    sheet: Any, source: str, watch: Callable[[int, int], None] | None
) -> list[tuple[int, list[str]]]:
    """The sheet's rows that hold anything, as (row number, cells as text)."""
    records: list[tuple[int, list[str]]] = []
    rows = sheet.max_row or 0  # from the sheet's own dimensions, when it has them
    try:
        for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), 1):
            if number % _WATCH_EVERY == 0 and watch is not None:
                watch(number, rows if rows >= number else 0)  # 0: how many is not known
            cells = [_cell_text(value) for value in values]
            if any(cells):
                check_record(number, cells, source)
                records.append((number, cells))
    except (FileProblem, ImportCancelled):
        raise
    except Exception as error:
        raise FileProblem(source, f"is an Excel workbook that cannot be read ({error})") from None
    return records


def _cell_text(value: object) -> str:
    """A cell's value as the text the user sees in Excel, near enough."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _NEWLINE.sub("\n", value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        value = _to_second(value)
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return _to_second(datetime.combine(date(2000, 1, 1), value)).time().isoformat()
    return str(value)


def _to_second(value: datetime) -> datetime:
    """Excel keeps times as fractions of a day; 09:30 may come back as 09:29:59.999999."""
    if not value.microsecond:
        return value
    return (value + timedelta(microseconds=500_000)).replace(microsecond=0)
