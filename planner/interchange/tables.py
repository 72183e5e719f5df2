"""Attendee lists as tables: delimited text, Excel workbooks and vCards, whatever exported them.

What a file is comes from its bytes, never from its name (Meetup's ".xls" is tab-separated
text; a ".csv" may be a workbook someone renamed):

- a zip holding ``xl/workbook.xml`` is an Excel workbook, read by planner.interchange.xlsx;
  other zips (an OpenDocument or Numbers file, an .xlsb, anything else) are refused there with
  what to do instead;
- an OLE2 file (D0 CF 11 E0) is an Excel 97-2003 workbook, or a password-protected new one,
  and is refused with the same advice: save it as .xlsx or CSV;
- text beginning with BEGIN:VCARD is a vCard file (`planner.interchange.vcard`);
- other text is delimited text (planner.interchange.delimited), after a refusal of web pages
  and XML saved with a spreadsheet's name.

Text is decoded in planner.interchange.text_decoding (`Table.encoding` is the codec's Python
name), the header row is found and the rows lined up under it in
planner.interchange.header_row, and files beyond reason are refused by the limits of
planner.interchange.refusals. Every refusal is a `FileProblem` naming the file and, where
there is one, the line.

Third-party libraries (openpyxl, charset-normalizer, vobject) are imported inside the
functions that use them, so that starting the app does not pay for them.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from planner.domain.importing import FileProblem, Table
from planner.interchange.delimited import read_delimited
from planner.interchange.header_row import EMPTY
from planner.interchange.refusals import MAX_FILE_BYTES, NOT_A_TABLE, too_big
from planner.interchange.text_decoding import decode
from planner.interchange.vcard import read_vcards
from planner.interchange.xlsx import read_zip

__all__ = ["header_signature", "read_table", "table_from_bytes"]

OLD_EXCEL = "is an old Excel 97-2003 workbook; save it as .xlsx or CSV"

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


Watch = Callable[[int, int], None] | None
"""Called now and then while a file is read with how far the read is, (done, total) in
rows, contacts or characters (total 0 when unknown); it stops the read by raising
ImportCancelled (a large workbook takes seconds to read)."""


def read_table(path: Path, watch: Watch = None) -> Table:
    """The file at `path` as a table; see the module docstring. Raises FileProblem, or
    whatever `watch` raises."""
    source = path.name or str(path)  # "/" has no name
    try:
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise FileProblem(source, too_big(size, MAX_FILE_BYTES))
            # Stops there for a file that grew meanwhile, or a device with no size (/dev/zero).
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise FileProblem(source, f"cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_FILE_BYTES:
        raise FileProblem(source, too_big(len(data), MAX_FILE_BYTES))
    return table_from_bytes(data, source, watch)


def table_from_bytes(data: bytes, source: str, watch: Watch = None) -> Table:
    """`data` (a whole file) as a table; `source` names it in messages. Raises FileProblem
    (or what `watch` raises, as read_table)."""
    if not data:
        raise FileProblem(source, EMPTY)
    if data.startswith(_ZIP):
        return read_zip(data, source, watch)
    if data.startswith(_OLE2):
        if _ENCRYPTED_PACKAGE in data:
            raise FileProblem(
                source, "is protected by a password; remove the password in Excel and save it again"
            )
        raise FileProblem(source, OLD_EXCEL)
    text, encoding = decode(data, source)
    start = text.lstrip("\ufeff \t\r\n\x0b\x0c")
    if not start or start.isspace():
        raise FileProblem(source, EMPTY)
    opening = start[:4096].casefold()
    if opening.startswith("begin:vcard"):
        return replace(read_vcards(text, source, watch), encoding=encoding)
    if opening.startswith("begin:vcalendar"):
        raise FileProblem(source, "is a calendar (iCalendar) file, not a list of people")
    if opening.startswith("<"):
        if "<html" in opening or "<table" in opening or "<!doctype html" in opening:
            raise FileProblem(
                source,
                "is a web page (HTML), whatever its name; open it in Excel and save it as "
                ".xlsx or CSV",
            )
        if "urn:schemas-microsoft-com:office:spreadsheet" in opening:
            raise FileProblem(source, "is an Excel 2003 XML workbook; save it as .xlsx or CSV")
        if opening.startswith("<?xml"):
            raise FileProblem(source, NOT_A_TABLE)
    return read_delimited(text, source, encoding, watch)


def header_signature(headers: Sequence[str]) -> str:
    """A stable key for a set of headers, to remember the user's mapping for files like it.

    Headers are compared case-folded with runs of whitespace as one space; order counts.
    """
    key = "\x1f".join(" ".join(header.casefold().split()) for header in headers)
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
