"""Item delegates for the app's tables."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from planner.gui.common.widgets import paint_bar

# Role carrying a 0..1 fraction for ProgressDelegate.
FRACTION_ROLE = int(Qt.ItemDataRole.UserRole) + 1


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
