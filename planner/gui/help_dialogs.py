"""The Help menu's sheets: the keyboard shortcuts, read from the window's own menus (so the
sheet never disagrees with them), and the guide to preparing for an event, shipped as text in
resources/guide. Loaded the first time one is opened, not at start-up."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenuBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.services.resources import RESOURCES

GUIDE = RESOURCES / "guide" / "prepare.html"


def tr(text: str) -> str:
    return QCoreApplication.translate("help", text)


def plain_text(action_text: str) -> str:
    """A menu entry's words without its access key or trailing dots: "&Open Event" → "Open
    Event", "R&&D" → "R&D"."""
    return action_text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…. ")


def shortcut_sheet(bar: QMenuBar) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each menu's title with its commands that have a shortcut, and their keys as this
    system writes them (a command with two shortcuts lists both)."""
    sheet = []
    for entry in bar.actions():
        menu = entry.menu()
        if menu is None:
            continue
        rows = []
        for action in menu.actions():  # type: ignore[attr-defined]
            keys = list(  # a standard key may be the same as the one added to it
                dict.fromkeys(
                    key.toString(QKeySequence.SequenceFormat.NativeText)
                    for key in action.shortcuts()
                    if not key.isEmpty()
                )
            )
            if keys and not action.isSeparator():
                # Undo and Redo carry the step they would take back; the sheet names the command.
                name = action.property("command_name") or plain_text(action.text())
                rows.append((str(name), tr(" or ").join(keys)))
        if rows:
            sheet.append((plain_text(entry.text()), rows))
    return sheet


def _sheet_dialog(parent: QWidget, title: str, html: str, width: int) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    text = QLabel(html)
    text.setTextFormat(Qt.TextFormat.RichText)
    text.setWordWrap(True)
    text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    text.setContentsMargins(8, 4, 8, 4)
    area = QScrollArea()
    area.setWidget(text)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(area, 1)
    layout.addWidget(buttons)
    # As wide as asked, as tall as the text at that width, within the window.
    text_height = text.heightForWidth(width) + 40
    dialog.resize(width + 40, min(text_height + buttons.sizeHint().height(), parent.height()))
    dialog.text = text  # type: ignore[attr-defined]
    return dialog


def shortcuts_dialog(parent: QWidget, bar: QMenuBar) -> QDialog:
    # One table, so the keys of every menu line up.
    parts = ["<table>"]
    for menu, rows in shortcut_sheet(bar):
        parts.append(
            f"<tr><td colspan='2' style='padding: 10px 0 2px 0'><b>{escape(menu)}</b></td></tr>"
        )
        parts.extend(
            f"<tr><td style='padding: 1px 24px 1px 8px'>{escape(name)}</td>"
            f"<td style='padding: 1px 0'><b>{escape(keys)}</b></td></tr>"
            for name, keys in rows
        )
    parts.append("</table>")
    return _sheet_dialog(parent, tr("Keyboard Shortcuts"), "".join(parts), 460)


def guide_dialog(parent: QWidget) -> QDialog:
    try:
        html = GUIDE.read_text(encoding="utf-8")
    except OSError:
        html = escape(tr("The guide could not be read from %1.").replace("%1", str(GUIDE)))
    return _sheet_dialog(parent, tr("How to Prepare for an Event"), html, 620)
