"""Small pieces several views share: a progress bar, page titles, empty states, the sample
banner, a row of tool buttons, and pages that reload when shown.

Light on purpose: Home, the first screen, is built from these, so nothing here loads the table
or item-view classes (the delegate for tables is in planner.gui.common.delegates)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QResizeEvent
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy

from planner.domain.ids import EventId
from planner.gui.common.formatting import plain_tip, tr_n
from planner.services.changes import Changed, Kind
from planner.services.sample import sample_size
from planner.services.workspace import Workspace


def tr(text: str) -> str:
    return QCoreApplication.translate("widgets", text)


def exec_once(dialog: QDialog) -> int:
    """Run a modal dialog made for one question, and have it deleted afterwards.

    Dialogs are parented to the window they belong to (for placement and modality), so
    without this every dialog ever opened would live as long as the window. The deletion
    waits for the event loop: the caller may still read the dialog's values after this
    returns.
    """
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


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

    Mix in before the Qt widget class and call `watch(context.changed, kinds, event)` at the end
    of `__init__`; the page provides `refresh()`. A change reaches the page only when it is of
    the `kinds` the page shows and, when `event()` gives the event the page shows, in that event.
    """

    _stale = True
    _kinds: frozenset[Kind] = frozenset(Kind)
    _event: Callable[[], EventId | None] = staticmethod(lambda: None)

    def watch(
        self,
        changed: Any,
        kinds: frozenset[Kind] = frozenset(Kind),
        event: Callable[[], EventId | None] | None = None,
    ) -> None:
        self._stale = True
        self._kinds = kinds
        if event is not None:
            self._event = event
        changed.connect(self._mark_stale)

    def refresh(self) -> None:
        raise NotImplementedError

    def _mark_stale(self, changed: Changed) -> None:
        if not changed.touches(self._kinds, self._event()):
            return
        self._stale = True
        if self.isVisible():  # type: ignore[attr-defined]
            self.refresh()

    def showEvent(self, event: Any) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)  # type: ignore[misc]


class ElidedLabel(QLabel):
    """One line of plain text that, short of room, is cut short with "…" (the whole text in
    its tooltip) instead of asking for the width of the whole text."""

    def __init__(
        self, text: str = "", mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight
    ) -> None:
        """`mode`: where the "…" goes (ElideMiddle keeps both ends of a path)."""
        super().__init__()
        self._mode = mode
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._full = ""
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self._elide()
        self.updateGeometry()

    def text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = self._text_width() + margins.left() + margins.right()
        return QSize(width, super().sizeHint().height())

    def _text_width(self) -> int:
        # QFontMetricsF: the whole-pixel advance can be a fraction short of what the text
        # takes, and the text would then end in "…" with room to spare.
        return math.ceil(QFontMetricsF(self.font()).horizontalAdvance(self._full)) + 1

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("M…"), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a style sheet's font, once polished
            self._elide()
            self.updateGeometry()

    def _elide(self) -> None:
        room = self.contentsRect().width()
        shown = self._full
        if self._text_width() > room:
            shown = self.fontMetrics().elidedText(self._full, self._mode, room)
        QLabel.setText(self, shown)
        self.setToolTip(plain_tip(self._full) if shown != self._full else "")


def page_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")
    return label


class EmptyState(QLabel):
    """What a list says when it has nothing to show yet."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setObjectName("emptyState")


class SampleBanner(QFrame):
    """Says the sample is there, and how much of it is left, with the button that removes it."""

    remove_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("sampleBanner")
        self.text = text = QLabel()
        text.setWordWrap(True)
        self.remove_button = QPushButton(self.tr("Remove Sample Data"))
        self.remove_button.clicked.connect(self.remove_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(text, 1)
        layout.addWidget(self.remove_button)

    def show_for(self, workspace: Workspace) -> None:
        """Shown while any of the sample is left, counting what is."""
        events, people = sample_size(workspace)
        self.setVisible(bool(events or people))
        if not (events or people):
            return
        if workspace.read_only is not None:  # removing it could only be refused
            self.remove_button.setEnabled(False)
            self.remove_button.setToolTip(
                tr("Changes cannot be saved: %1.").replace("%1", workspace.read_only.problem)
            )
        self.text.setText(
            tr(
                "You are looking at <b>sample data</b>: %1 and %2 that show what the planner "
                "does. Remove them when you are ready to plan your own."
            )
            .replace("%1", tr_n("widgets", "%n events", events, one="one event"))
            .replace("%2", tr_n("widgets", "%n invented people", people, one="one invented person"))
        )
