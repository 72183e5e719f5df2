"""Home: what is coming up and how ready the user is, what is late, and the network balance."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner.domain.checklist import ChecklistEntry
from planner.domain.enums import NetworkType
from planner.domain.goals import NetworkBalance
from planner.domain.ids import EventId
from planner.domain.model import Event
from planner.gui.common.formatting import (
    breakable,
    dates_text,
    day_text,
    plain_tip,
    relative_text,
    tr_n,
)
from planner.gui.common.labels import NETWORK_COLOURS, network_name
from planner.gui.common.widgets import (
    EmptyState,
    RefreshWhenShown,
    SampleBanner,
    page_title,
    paint_bar,
)
from planner.gui.context import AppContext
from planner.services.changes import Kind
from planner.services.dashboard import Dashboard, LateFollowUp, UpcomingEvent, build_dashboard

PREP_COLOUR = QColor("#1f5f8b")
# Cards for the next few events; the rest are a click away on the Events page.
MAX_CARDS = 6
OVERDUE_HEIGHT = 240  # the most the Overdue list takes; more rows scroll
OVERDUE_ROWS = 12  # the longest overdue are listed; the count above says how many in all


def tr(text: str) -> str:
    return QCoreApplication.translate("dashboard", text)


class Bar(QWidget):
    """One labelled progress bar. The bars of one card share `siblings` (themselves
    included), so that their bars start at the same x."""

    MIN_BAR = 120  # the bar keeps this much width; the labels take the rest they need

    def __init__(self, label: str, fraction: float, text: str, colour: QColor) -> None:
        super().__init__()
        self.label, self.fraction, self.text, self.colour = label, fraction, text, colour
        self.siblings: list[Bar] = [self]
        self.setMinimumHeight(22)
        self.setToolTip(plain_tip(f"{label}: {text}"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(300, 22)

    def label_width(self, metrics: QFontMetrics) -> int:
        """As wide as the longest label of the card, as long as every bar keeps MIN_BAR
        beside its text; never under a third of the width."""
        wanted = max(metrics.horizontalAdvance(bar.label) for bar in self.siblings) + 12
        texts = max(metrics.horizontalAdvance(bar.text) for bar in self.siblings) + 10
        room = self.width() - self.MIN_BAR - texts
        return max(min(wanted, room), min(wanted, self.width() // 3))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = painter.fontMetrics()
        label_width = self.label_width(metrics)
        painter.setPen(QColor("#2b3440"))
        painter.drawText(
            QRect(0, 0, label_width - 8, self.height()),
            int(Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(self.label, Qt.TextElideMode.ElideRight, label_width - 8),
        )
        paint_bar(
            painter,
            QRect(label_width, 0, self.width() - label_width, self.height()),
            self.fraction,
            self.colour,
            self.text,
        )


class EventCard(QFrame):
    """An upcoming event: when, how prepared, how far each goal is. Click to open it."""

    open_requested = Signal(int)

    def __init__(self, item: UpcomingEvent, now: datetime) -> None:
        super().__init__()
        self.setObjectName("card")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it; Enter opens it
        event = item.event
        assert event.id is not None
        self.event_id: EventId = event.id
        self.setToolTip(plain_tip(tr("Open %1").replace("%1", event.name)))
        self.setAccessibleName(event.name)
        self.setAccessibleDescription(tr("Press Enter to open the event"))
        name = QLabel(breakable(event.name))
        name.setObjectName("cardTitle")
        name.setTextFormat(Qt.TextFormat.PlainText)
        name.setWordWrap(True)  # a long name takes lines, not the width of every card
        when = QLabel(
            f"{dates_text(event.local_start, event.local_end)} · "
            f"{relative_text(event.start, event.end, now)}"
        )
        when.setTextFormat(Qt.TextFormat.PlainText)
        when.setObjectName("cardSubtitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addWidget(name)
        layout.addWidget(when)
        bars = [
            Bar(
                tr("Preparation"),
                item.prep.fraction,
                tr("%1% · %2 of %3 done")
                .replace("%1", str(item.prep.percent))
                .replace("%2", str(item.prep.done))
                .replace("%3", str(item.prep.total)),
                PREP_COLOUR,
            )
        ]
        bars.extend(
            Bar(
                progress.goal.text,
                progress.fraction,
                tr("%1 of %2 met")
                .replace("%1", str(progress.met))
                .replace("%2", str(progress.target)),
                NETWORK_COLOURS[progress.goal.network_type],
            )
            for progress in item.goals
        )
        for bar in bars:
            bar.siblings = bars
            layout.addWidget(bar)
        if not item.goals:
            none = QLabel(tr("No goals yet: decide what you want from this event."))
            none.setObjectName("hint")
            layout.addWidget(none)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_requested.emit(self.event_id)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open_requested.emit(self.event_id)
            return
        super().keyPressEvent(event)


class BalanceChart(QWidget):
    """Goals set and people met for each kind of network, side by side."""

    def __init__(self) -> None:
        super().__init__()
        self.balance = NetworkBalance(goals={}, met={})
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_balance(self, balance: NetworkBalance) -> None:
        self.balance = balance
        lines = [
            tr("%1: %2, %3")
            .replace("%1", network_name(kind))
            .replace("%2", tr_n("dashboard", "%n goals", balance.goals.get(kind, 0), one="%n goal"))
            .replace(
                "%3",
                tr_n("dashboard", "%n people met", balance.met.get(kind, 0), one="%n person met"),
            )
            for kind in NetworkType
        ]
        self.setToolTip("\n".join(lines))
        self.setAccessibleDescription("; ".join(lines))
        self.update()

    def chart_area(self, metrics: QFontMetrics) -> tuple[int, QRect]:
        """(the legend's height, where the bars go): below the legend, with room above the
        bars for the tallest one's number, and below them for the networks' names."""
        legend_height = metrics.height() + 6
        label_height = metrics.height() + 6
        top = legend_height + metrics.height() + 4
        return legend_height, QRect(0, top, self.width(), self.height() - top - label_height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        kinds = list(NetworkType)
        goals = [self.balance.goals.get(k, 0) for k in kinds]
        met = [self.balance.met.get(k, 0) for k in kinds]
        top = max([*goals, *met, 1])
        metrics = painter.fontMetrics()
        _, chart = self.chart_area(metrics)
        label_height = metrics.height() + 6
        group = chart.width() / len(kinds)
        bar_width = min(36, group / 3)
        for n, kind in enumerate(kinds):
            centre = chart.left() + group * (n + 0.5)
            colour = NETWORK_COLOURS[kind]
            for offset, value, fill in ((-1, goals[n], colour.lighter(150)), (0, met[n], colour)):
                height = round(chart.height() * value / top)
                rect = QRect(
                    round(centre + offset * bar_width) + 2,
                    chart.bottom() - height,
                    round(bar_width) - 4,
                    height,
                )
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(fill)
                painter.drawRoundedRect(rect, 3, 3)
                painter.setPen(QColor("#2b3440"))
                painter.drawText(
                    QRect(
                        rect.left() - 10,
                        rect.top() - metrics.height() - 2,
                        rect.width() + 20,
                        metrics.height(),
                    ),
                    int(Qt.AlignmentFlag.AlignHCenter),
                    str(value),
                )
            painter.setPen(QColor("#2b3440"))
            painter.drawText(
                QRect(round(centre - group / 2), chart.bottom() + 4, round(group), label_height),
                int(Qt.AlignmentFlag.AlignHCenter),
                network_name(kind),
            )
        # Legend: the light shade of each network's colour is goals set, the full one people
        # met; each swatch shows the shade in all three colours.
        x = 0
        colours = [NETWORK_COLOURS[kind] for kind in kinds]
        for light, text in ((True, tr("goals set")), (False, tr("people met"))):
            painter.setPen(Qt.PenStyle.NoPen)
            for n, colour in enumerate(colours):
                painter.setBrush(colour.lighter(150) if light else colour)
                painter.drawRect(QRect(x + 5 * n, 4, 5, 12))
            painter.setPen(QColor("#5b6570"))
            painter.drawText(x + 21, 4 + metrics.ascent(), text)
            x += 21 + metrics.horizontalAdvance(text) + 18


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


# What a row of the Overdue list stands for (its UserRole data: kind, event id or 0).
PREPARATION, FOLLOW_UP = "preparation", "follow-up"


class DashboardPage(RefreshWhenShown, QWidget):
    open_event = Signal(int)  # event id
    open_checklist = Signal(int)  # event id
    open_follow_ups = Signal(int)  # event id, or 0: a follow-up of no event

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self._context = context
        self.dashboard: Dashboard | None = None

        self.cards = QVBoxLayout()
        self.cards.setSpacing(12)
        self.no_events = EmptyState(
            tr("Nothing coming up. Add the next event you are going to with Ctrl+N.")
        )
        self.overdue = QListWidget()
        self.overdue.setObjectName("overdue")
        self.overdue.setWordWrap(True)  # a long item reads whole, not cut at the column's edge
        self.overdue.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overdue.itemActivated.connect(self._overdue_activated)
        self.overdue.itemClicked.connect(self._overdue_activated)
        self.overdue.installEventFilter(self)
        self.no_overdue = QLabel(tr("Nothing overdue: preparation and follow-ups are on time."))
        self.no_overdue.setObjectName("hint")
        self.no_overdue.setWordWrap(True)
        self.overdue_count = QLabel()  # what is late, counted: preparation, follow-ups
        self.overdue_count.setObjectName("hint")
        self.overdue_count.setWordWrap(True)
        self.chart = BalanceChart()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("balanceHint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)  # level with the column on the right
        left.setSpacing(8)
        left.addWidget(section_title(tr("Coming up")))
        left.addWidget(self.no_events)
        left.addLayout(self.cards)
        self.more = QLabel()
        self.more.setObjectName("hint")
        left.addWidget(self.more)
        left.addStretch(1)
        left_widget = QWidget()
        left_widget.setLayout(left)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(left_widget)

        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(section_title(tr("Overdue")))
        right.addWidget(self.overdue_count)
        right.addWidget(self.overdue)
        right.addWidget(self.no_overdue)
        right.addSpacing(16)
        right.addWidget(section_title(tr("Network balance, all events")))
        right.addWidget(self.chart)
        right.addWidget(self.hint)
        right.addStretch(1)

        body = QGridLayout()
        body.addWidget(scroll, 0, 0)
        body.addLayout(right, 0, 1)
        body.setColumnStretch(0, 3)
        body.setColumnStretch(1, 2)
        body.setHorizontalSpacing(24)

        header = QHBoxLayout()
        header.addWidget(page_title(tr("Home")))
        header.addStretch(1)
        self.banner = SampleBanner()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        # Everything but the routine (new events only) and possible duplicates (the import's).
        self.watch(context.changed, frozenset(Kind) - {Kind.ROUTINE, Kind.REVIEW})

    def refresh(self) -> None:
        self._stale = False
        self.banner.show_for(self._context.workspace)
        now = datetime.now(UTC)
        dashboard = build_dashboard(self._context.workspace, now, date.today())
        self.dashboard = dashboard
        while self.cards.count():
            taken = self.cards.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        for item in dashboard.upcoming[:MAX_CARDS]:
            card = EventCard(item, now)
            card.open_requested.connect(self.open_event)
            self.cards.addWidget(card)
        more = len(dashboard.upcoming) - MAX_CARDS
        self.more.setText(
            tr_n(
                "dashboard",
                "%n more upcoming events are on the Events page.",
                more,
                one="One more upcoming event is on the Events page.",
            )
        )
        self.more.setVisible(more > 0)
        self.no_events.setVisible(not dashboard.upcoming)

        self._fill_overdue(dashboard)

        self.chart.set_balance(dashboard.balance)
        hint = dashboard.balance.hint()
        self.hint.setText(hint or "")
        self.hint.setVisible(hint is not None)

    def _fill_overdue(self, dashboard: Dashboard) -> None:
        """Preparation left undone and follow-ups not sent, past their day, the longest
        overdue first; each row opens where it can be done."""
        self.overdue.clear()
        # Sorted by day (stable: preparation first on a day), then rows made for the first.
        late: list[tuple[date, Event | None, ChecklistEntry | None, LateFollowUp | None]] = [
            (entry.due, event, entry, None) for event, entry in dashboard.overdue
        ]
        late.extend((f.due, None, None, f) for f in dashboard.late_follow_ups)
        late.sort(key=lambda row: row[0])
        for due, event, entry, follow_up in late[:OVERDUE_ROWS]:
            if entry is not None and event is not None:
                row = QListWidgetItem(
                    f"{day_text(due)} · {tr('Preparation')}: {entry.text}\n{event.name}"
                )
                row.setData(Qt.ItemDataRole.UserRole, (PREPARATION, event.id))
                tip = tr("Open the checklist of %1").replace("%1", event.name)
            elif follow_up is not None:
                action = (
                    tr("%1 (%2)")
                    .replace("%1", follow_up.action)
                    .replace("%2", follow_up.person_name)
                )
                text = f"{day_text(due)} · {tr('Follow-up')}: {action}"
                name = follow_up.event_name
                row = QListWidgetItem(f"{text}\n{name}" if name else text)
                row.setData(Qt.ItemDataRole.UserRole, (FOLLOW_UP, follow_up.event_id or 0))
                tip = (
                    tr("Open the follow-ups of %1").replace("%1", name)
                    if name
                    else tr("Open the follow-ups")
                )
            row.setToolTip(plain_tip(tip))
            self.overdue.addItem(row)
        self.overdue_count.setText(
            tr("Preparation: %1 · Follow-ups: %2")
            .replace("%1", f"{len(dashboard.overdue):,}")
            .replace("%2", f"{len(dashboard.late_follow_ups):,}")
        )
        self.overdue.setVisible(bool(late))
        self._fit_overdue()
        self.overdue_count.setVisible(bool(late))
        self.no_overdue.setVisible(not late)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.overdue
            and isinstance(event, QResizeEvent)
            and event.size().width() != event.oldSize().width()
        ):
            self._fit_overdue()  # a new width wraps the rows to other heights
        return False

    def _fit_overdue(self) -> None:
        """The Overdue list as tall as its rows at its width, up to OVERDUE_HEIGHT (then it
        scrolls), not a tall empty box under one row."""
        overdue = self.overdue
        if not overdue.count():
            return
        overdue.doItemsLayout()
        height = 2 * overdue.frameWidth() + 2
        for n in range(overdue.count()):  # the first rows, as far as the list's most
            height += overdue.visualItemRect(overdue.item(n)).height()
            if height >= OVERDUE_HEIGHT:
                break
        height = min(height, OVERDUE_HEIGHT)
        if overdue.height() != height:
            overdue.setFixedHeight(height)

    def _overdue_activated(self, item: QListWidgetItem) -> None:
        kind, event_id = item.data(Qt.ItemDataRole.UserRole)
        if kind == PREPARATION:
            self.open_checklist.emit(int(event_id))
        else:
            self.open_follow_ups.emit(int(event_id))
