"""Message boxes whose text is always shown as typed.

QMessageBox guesses rich text from the content, so an error naming an event called
"<b>Launch</b>" or a folder with "<" in it would be rendered as markup. Everything that can carry
user or file-system text goes through here, as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from planner import APP_NAME
from planner.gui.common.widgets import exec_once


def _box(parent: QWidget | None, icon: QMessageBox.Icon, text: str) -> QMessageBox:
    box = QMessageBox(icon, APP_NAME, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_error(parent: QWidget | None, text: str) -> None:
    exec_once(_box(parent, QMessageBox.Icon.Critical, text))


def show_warning(parent: QWidget | None, text: str) -> None:
    exec_once(_box(parent, QMessageBox.Icon.Warning, text))


def show_information(parent: QWidget | None, text: str) -> None:
    exec_once(_box(parent, QMessageBox.Icon.Information, text))
