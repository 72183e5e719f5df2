"""Small pieces several views share: a progress-bar delegate and a row of tool buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

# Role carrying a 0..1 fraction for ProgressDelegate.
FRACTION_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def paint_bar(painter: QPainter, rect: QRect, fraction: float, colour: QColor, text: str) -> None:
    """A rounded progress bar with its label beside it; used in tables and on the dashboard."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    label_width = painter.fontMetrics().horizontalAdvance(text) + 10 if text else 0
    bar = QRect(rect.left(), rect.center().y() - 4, max(20, rect.width() - label_width), 8)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#e3e7ec"))
    painter.drawRoundedRect(bar, 4, 4)
    if fraction > 0:
        filled = QRect(bar)
        filled.setWidth(max(8, round(bar.width() * min(1.0, fraction))))
        painter.setBrush(colour)
        painter.drawRoundedRect(filled, 4, 4)
    if text:
        painter.setPen(QColor("#3b4a5a"))
        text_rect = QRect(bar.right() + 8, rect.top(), label_width, rect.height())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter), text)
    painter.restore()


class ProgressDelegate(QStyledItemDelegate):
    """Draws a cell as a bar filled to the fraction in FRACTION_ROLE, with the display text."""

    def __init__(self, colour: QColor, parent: Any = None) -> None:
        super().__init__(parent)
        self._colour = colour

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # Background and selection as usual, then the bar instead of the text.
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        base.text = ""
        style = base.widget.style() if base.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, base.widget)
        fraction = index.data(FRACTION_ROLE)
        rect = option.rect.adjusted(8, 0, -8, 0)
        paint_bar(painter, rect, float(fraction or 0.0), self._colour, str(index.data() or ""))


def button_row(
    *buttons: tuple[str, Callable[[], object]], primary: int | None = None
) -> tuple[QHBoxLayout, list[QPushButton]]:
    """A right-aligned row of buttons; `primary` marks the main one."""
    layout = QHBoxLayout()
    layout.addStretch(1)
    made = []
    for n, (text, slot) in enumerate(buttons):
        button = QPushButton(text)
        if n == primary:
            button.setObjectName("primary")
        button.clicked.connect(slot)
        layout.addWidget(button)
        made.append(button)
    return layout, made


class RefreshWhenShown:
    """For pages that show what is in the database: a change reloads the page at once when it
    is on screen, and otherwise the next time it is shown, so hidden pages cost nothing.

    Mix in before the Qt widget class and call `watch(context.changed)` at the end of
    `__init__`; the page provides `refresh()`.
    """

    _stale = True

    def watch(self, changed: Any) -> None:
        self._stale = True
        changed.connect(self._mark_stale)

    def refresh(self) -> None:
        raise NotImplementedError

    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():  # type: ignore[attr-defined]
            self.refresh()

    def showEvent(self, event: Any) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)  # type: ignore[misc]
