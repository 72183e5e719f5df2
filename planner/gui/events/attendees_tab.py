"""An opened event's People tab: whom the user may meet there, and their plan for each."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.enums import AttendanceStatus, PriorityTier
from planner.domain.model import Attendance
from planner.gui.common.formatting import tr_n
from planner.gui.common.lists import details_panel
from planner.gui.common.widgets import exec_once
from planner.gui.context import AppContext
from planner.gui.events.attendee_filter import AttendeeFilter
from planner.gui.events.list_tab import ListTab
from planner.gui.events.models import AttendeesModel
from planner.services.people import person_story, update_attendance
from planner.storage.attendances import AttendeeListing
from planner.storage.errors import NotFoundError


def tr(text: str) -> str:
    return QCoreApplication.translate("event_workspace", text)


class AttendeesTab(ListTab):
    """The event's list, with the way to import one and to settle possible duplicates."""

    import_requested = Signal()
    review_requested = Signal()
    add_requested = Signal()
    remove_requested = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__(
            AttendeesModel(context),
            tr(
                "Nobody on this event's list yet. Import the attendee list (Ctrl+I), drop the "
                "file onto this window, or add people you know (Ctrl+Shift+A)."
            ),
            stretch=AttendeesModel.GOALS_COLUMN,  # the goals each person is (or would be) for
        )
        self._context = context
        # Several people at once for the Plan menu's actions (Ctrl+A, Shift and Ctrl clicks).
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.plan_menu = QMenu(self)
        self.plan_button = plan = QToolButton()
        plan.setText(tr("Plan"))
        plan.setToolTip(tr("Pin a tier, mark research done, tag or link the people chosen"))
        plan.setMenu(self.plan_menu)
        plan.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.review_note = QLabel()
        self.review_note.setObjectName("hint")
        self.review_button = review = QPushButton(tr("Review…"))
        review.clicked.connect(self.review_requested)
        self.edit_button = QPushButton(tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.met_button = QPushButton(tr("Mark Met"))
        self.met_button.clicked.connect(self.toggle_met)
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.setToolTip(tr("Take the person off this event's list (Delete)"))
        self.remove_button.clicked.connect(self.remove_requested)
        self.add_button = add_button = QPushButton(tr("Add People…"))
        add_button.setToolTip(tr("Put people from your network on this list (Ctrl+Shift+A)"))
        add_button.clicked.connect(self.add_requested)
        self.table.activated.connect(
            lambda: self.edit_selected() if context.writable else None  # no unsavable dialog
        )
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.dataChanged.connect(self._update_buttons)  # a row edited here (replace)
        self.import_button = import_button = QPushButton(tr("Import Attendees…"))
        import_button.setObjectName("primary")
        import_button.clicked.connect(self.import_requested)
        self.review_bar = QWidget()
        bar = QHBoxLayout(self.review_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.review_note)
        bar.addWidget(review)
        top = QHBoxLayout()
        top.addWidget(self.review_bar)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        top.addWidget(self.met_button)
        top.addWidget(plan)
        top.addWidget(self.remove_button)
        top.addSpacing(12)
        top.addWidget(add_button)
        top.addWidget(import_button)
        self.filter = AttendeeFilter(self.table)
        self.filter.changed.connect(self.apply_filter)
        self.model.modelReset.connect(self._show_count)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        # The list and, beside it, the person chosen: why meet them, who could introduce.
        self.details, details = details_panel(280)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.removeWidget(self.table)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([760, 300])
        self.splitter.setChildrenCollapsible(False)
        layout.insertWidget(0, self.splitter, 1)
        layout.insertLayout(0, top)
        layout.insertWidget(1, self.filter)
        self.table.selectionModel().selectionChanged.connect(self.show_details)
        self.model.modelReset.connect(self.show_details)

    def _show_state(self, *_: object) -> None:
        super()._show_state()
        self.splitter.setVisible(self.model.total > 0)

    def show_details(self, *_: object) -> None:
        """The person chosen, at a glance; a hint when nobody is."""
        from planner.gui.events.attendee_view import attendee_html, why_lines
        from planner.gui.events.models import introduction_lines

        current = self.selected()
        if current is None:
            hint = tr("Choose someone to see why to meet them and who could introduce you.")
            self.details.setText(f"<p style='color:#6b6b6b'>{escape(hint)}</p>")
            return
        try:
            story = person_story(self._context.workspace, current.attendance.person_id)
        except NotFoundError:
            self.details.setText("")
            return
        self.details.setText(
            attendee_html(
                current, story, why=why_lines(current), introductions=introduction_lines(current)
            )
        )

    def apply_filter(self) -> None:
        """The words typed and the choices made, applied to the list."""
        from planner.gui.common.lists import filter_with_index
        from planner.services.search import find_people

        def found(text: str) -> set[object] | None:
            people = find_people(self._context.workspace, text)
            return None if people is None else set(people)

        filter_with_index(self.model, self.filter.words(), found)
        self.model.set_condition(self.filter.condition())
        self._show_state()

    def reset_filter(self) -> None:
        """The whole list in view (another event is shown)."""
        self.filter.clear()
        self.model.set_filter("")
        self.model.set_condition(None)

    def _show_count(self) -> None:
        model = self.model
        self.filter.show_count(model.rowCount(), model.total, model.filtering)

    def refresh(self) -> None:
        super().refresh()
        from planner.services.review import pending_review_count

        event_id = self.model.event_id  # type: ignore[attr-defined]
        pending = 0 if event_id is None else pending_review_count(self._context.workspace, event_id)
        self.review_note.setText(
            tr_n(
                "event_workspace",
                "%n people may already be in your network.",
                pending,
                one="One person may already be in your network.",
            )
        )
        self.review_bar.setVisible(pending > 0)
        self._update_buttons()

    def rows_in(self) -> None:
        super().rows_in()
        if self.filter.words().strip():
            self.apply_filter()  # the index asked again for the rows now loaded
        model = self.model
        assert isinstance(model, AttendeesModel)
        self.filter.set_goals(model.goal_names().items())
        self.filter.set_tags(model.tags())
        self._update_buttons()

    def selected(self) -> AttendeeListing | None:
        """The person whose row has the focus among those chosen (the one Edit opens)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        current = self.table.currentIndex()
        chosen = rows[0].row()
        if current.isValid() and any(index.row() == current.row() for index in rows):
            chosen = current.row()
        listing: AttendeeListing = self.model.row(chosen)
        return listing

    def selected_rows(self) -> list[AttendeeListing]:
        """Everyone chosen, in the list's order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.row(row) for row in rows]

    def pin_selected(self, tier: PriorityTier | None) -> None:
        from planner.gui.events.attendee_actions import pin_tier

        pin_tier(self._context, self, self.selected_rows(), tier)

    def toggle_researched(self) -> None:
        from planner.gui.events.attendee_actions import toggle_researched

        toggle_researched(self._context, self, self.selected_rows())

    def tag_selected(self) -> None:
        from planner.gui.events.attendee_actions import tag_people

        tag_people(self._context, self, self.selected_rows())

    def link_selected(self) -> None:
        """Ask which of the event's goals, and link the people chosen to it."""
        from planner.gui.events.attendee_actions import link_to_goal

        rows = self.selected_rows()
        event_id = self.model.event_id  # type: ignore[attr-defined]
        if not rows or event_id is None:
            return
        goals = [g for g in self._context.goals.for_event(event_id) if g.id is not None]
        if not goals:
            self._context.failed.emit(tr("This event has no goals yet. Add one first (Ctrl+G)."))
            return
        texts = [goal.text for goal in goals]
        chosen, accepted = QInputDialog.getItem(
            self, tr("Link to Goal"), tr("The goal they are for:"), texts, 0, False
        )
        if accepted and chosen in texts:
            goal = goals[texts.index(chosen)]
            assert goal.id is not None
            link_to_goal(self._context, self, rows, goal.id, goal.text)

    def accept_selected(self) -> None:
        """Link each person chosen to the goal the ranking says they serve best."""
        from planner.gui.events.attendee_actions import accept_suggestions

        if not accept_suggestions(self._context, self, self.selected_rows()):
            self._context.failed.emit(
                tr("No suggestion to take: they serve no goal yet, or are linked to it already.")
            )

    def _update_buttons(self, *_: object) -> None:
        current = self.selected()
        self.plan_button.setEnabled(current is not None)
        self.edit_button.setEnabled(current is not None)
        self.met_button.setEnabled(current is not None)
        self.remove_button.setEnabled(current is not None)
        self._context.disable_when_read_only(
            self.edit_button,
            self.met_button,
            self.remove_button,
            self.review_button,
            self.plan_button,
            self.add_button,
            self.import_button,
        )
        met = current is not None and current.attendance.status == AttendanceStatus.MET
        self.met_button.setText(tr("Mark Not Met") if met else tr("Mark Met"))

    def _save(self, label: str, before: Attendance, after: Attendance) -> None:
        if after == before:
            return
        from planner.gui.common.operations import Operation

        workspace, model, shown = self._context.workspace, self.model, self.selected()

        def show(value: Attendance) -> None:
            if shown is not None:  # on screen at once, whether the list reloads here or not
                model.replace(replace(shown, attendance=value))

        Operation(self._context, lambda target: update_attendance(workspace, after)).undoable(
            label.replace("%1", self.selected_name()),
            then=lambda undone: show(before if undone else after),
        ).success(lambda saved: show(after)).run()
        self.select(after.id)

    def selected_name(self) -> str:
        current = self.selected()
        return current.full_name if current else ""

    def edit_selected(self, *_: object) -> None:
        from planner.gui.events.attendee_dialog import AttendeeDialog

        current = self.selected()
        if current is None:
            return
        goals = self._context.goals.for_event(current.attendance.event_id)
        try:
            story = person_story(self._context.workspace, current.attendance.person_id)
        except NotFoundError:
            self._context.failed.emit(tr("This person no longer exists."))
            return
        earlier = tuple(
            place.event_name
            for place in sorted(story.places, key=lambda place: place.start, reverse=True)
            if place.event_id != current.attendance.event_id
            and place.status == AttendanceStatus.MET
        )
        dialog = AttendeeDialog(
            current.full_name,
            current.attendance,
            goals,
            self,
            person=story.person,
            earlier_events=earlier,
        )
        if exec_once(dialog):
            self._save(tr("Edit Plan for %1"), current.attendance, dialog.attendance_value())

    def toggle_met(self) -> None:
        current = self.selected()
        if current is None:
            return
        before = current.attendance
        met = before.status == AttendanceStatus.MET
        after = replace(before, status=AttendanceStatus.TO_MEET if met else AttendanceStatus.MET)
        self._save(tr("Mark %1 Not Met") if met else tr("Mark %1 Met"), before, after)
