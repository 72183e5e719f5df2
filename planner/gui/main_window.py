"""The main window: navigation on the left, one page at a time on the right."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QMimeData, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QTableView,
    QWidget,
)

from planner import APP_NAME, __version__
from planner.domain.ids import EventId, PersonId
from planner.domain.model import Event
from planner.gui.common.resources import icon
from planner.gui.common.widgets import ElidedLabel, exec_once
from planner.gui.context import AppContext
from planner.services.sample import has_sample
from planner.storage.errors import StorageError

if TYPE_CHECKING:
    from planner.gui.common.lists import EventsPage, ListPage
    from planner.gui.events.checklist_view import ChecklistTab
    from planner.gui.events.event_workspace import AttendeesTab, EventWorkspace
    from planner.gui.events.goals_view import GoalsTab
    from planner.gui.home.dashboard import DashboardPage
    from planner.gui.importing.controller import ImportController
    from planner.gui.people.people_editing import PeopleEditing
    from planner.gui.people.people_page import PeoplePage
    from planner.gui.read_only_banner import ReadOnlyBanner

STYLE = """
QListWidget#navigation { background: #f1f3f6; border: none; border-right: 1px solid #dde1e6;
    padding-top: 12px; font-size: 14px; outline: 0; }
QListWidget#navigation::item { padding: 9px 14px; margin: 2px 8px; border-radius: 6px;
    color: #2b3440; }
QListWidget#navigation::item:selected { background: #dbe7f3; color: #12344d; }
QLabel#pageTitle { font-size: 22px; font-weight: 600; color: #1d2733; }
QLabel#emptyState { color: #6b7480; font-size: 15px; }
QLabel#countLabel { color: #6b7480; }
QLabel#details { background: #ffffff; border: 1px solid #dde1e6; border-radius: 8px;
    padding: 6px 16px; }
QFrame#sampleBanner { background: #fff4d6; border: 1px solid #f0d48a; border-radius: 8px; }
QPushButton { padding: 5px 14px; }
QPushButton#primary { background: #1f5f8b; color: white; border: 1px solid #1a5178;
    border-radius: 4px; padding: 6px 16px; font-weight: 600; }
QPushButton#primary:hover { background: #246b9c; }
QTableView { border: 1px solid #dde1e6; border-radius: 8px; background: #ffffff;
    alternate-background-color: #f8f9fb; selection-background-color: #dbe7f3;
    selection-color: #12344d; }
QTableView::item { padding: 0 8px; }
QHeaderView::section { background: #ffffff; border: none; border-bottom: 1px solid #dde1e6;
    padding: 6px 8px; font-weight: 600; color: #3b4a5a; }
/* The date fields' calendar grid is a table too: the lists' padding leaves it no room. */
QCalendarWidget QTableView { border: none; border-radius: 0; background: palette(base);
    selection-background-color: palette(highlight); selection-color: palette(highlighted-text); }
QCalendarWidget QTableView::item { padding: 0; }
QPushButton#link { border: none; color: #1f5f8b; padding: 2px 0; text-align: left; }
QPushButton#link:hover { text-decoration: underline; }
QLabel#countdown { color: #1f5f8b; font-weight: 600; background: #e4eef7;
    border-radius: 10px; padding: 2px 10px; }
QLabel#samplePill { color: #5a4300; font-weight: 600; background: #fff4d6;
    border: 1px solid #f0d48a; border-radius: 10px; padding: 1px 10px; }
QLabel#overview { color: #2b3440; }
QLabel#hint { color: #6b7480; }
QLabel#sectionTitle { font-size: 15px; font-weight: 600; color: #1d2733; margin-top: 4px; }
QLabel#balanceHint { background: #fff4d6; border: 1px solid #f0d48a; border-radius: 6px;
    padding: 8px 10px; color: #5a4300; }
QFrame#card { background: #ffffff; border: 1px solid #dde1e6; border-radius: 10px; }
QFrame#card:hover { border-color: #9dbad3; }
QFrame#card:focus { border-color: #1f5f8b; background: #f5f9fd; }
QLabel#cardTitle { font-size: 16px; font-weight: 600; color: #1d2733; }
QLabel#cardSubtitle { color: #5b6570; }
QListWidget#overdue { border: 1px solid #dde1e6; border-radius: 8px; background: #ffffff; }
QListWidget#overdue::item { padding: 6px 8px; color: #b3261e; border-bottom: 1px solid #eef0f3; }
QTabWidget::pane { border: none; }
QTabBar::tab { padding: 7px 16px; color: #3b4a5a; border: none;
    border-bottom: 2px solid transparent; background: transparent; }
QTabBar::tab:selected { color: #12344d; border-bottom: 2px solid #1f5f8b; font-weight: 600; }
QTabBar::tab:hover { color: #12344d; }
"""

HOME, EVENTS, PEOPLE, FOLLOW_UPS, WORKSPACE = range(5)
# The lists whose sort order is kept from one session to the next, by their settings name.
_SORTED_LISTS = {EVENTS: "events", PEOPLE: "people", FOLLOW_UPS: "follow-ups"}


def _dropped_file(data: QMimeData) -> Path | None:
    """The one local file being dragged, if that is what it is."""
    urls = data.urls() if data.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.is_file() else None


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon("app"))
        self.setStyleSheet(STYLE)

        # Pages are built the first time they are shown: start-up pays for one page. The event
        # workspace sits in the stack after the navigable pages.
        self._page_builders: dict[int, Callable[[], QWidget]] = {
            HOME: self._build_home,
            EVENTS: self._build_events,
            PEOPLE: self._build_people,
            FOLLOW_UPS: self._build_follow_ups,
            WORKSPACE: self._build_workspace,
        }
        self._built: dict[int, QWidget] = {}
        self._has_sample = has_sample(context.workspace)

        self.pages = QStackedWidget()
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(190)
        self.navigation.setIconSize(QSize(20, 20))
        for name, icon_name in (
            (self.tr("Home"), "home"),
            (self.tr("Events"), "events"),
            (self.tr("People"), "people"),
            (self.tr("Follow-ups"), "follow-ups"),
        ):
            QListWidgetItem(icon(icon_name), name, self.navigation)
        for _ in range(WORKSPACE + 1):
            self.pages.addWidget(QWidget())  # stands in until the page is first shown
        self.navigation.currentRowChanged.connect(self._show_row)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.read_only_banner: ReadOnlyBanner | None = None
        if context.workspace.read_only is not None:  # the banner's module loads only then
            from planner.gui.read_only_banner import add_read_only_banner

            self.read_only_banner = add_read_only_banner(self, context.workspace)

        self.setAcceptDrops(True)
        self._build_actions()
        self._build_menus()
        if not context.writable:
            for action in self.edit_actions():
                action.setToolTip(context.read_only_tip())
                action.setStatusTip(context.read_only_tip())
        context.changed.connect(self._data_changed)
        context.failed.connect(self._show_failure)

        folder = context.workspace.folder
        if folder is not None:
            # Permanent, so passing messages ("Deleted …") do not wipe it.
            # Cut short in the middle when long: the status bar's width is the window's least.
            self.data_folder = ElidedLabel(
                self.tr("Data folder: %1").replace("%1", str(folder)), Qt.TextElideMode.ElideMiddle
            )
            self.statusBar().addPermanentWidget(self.data_folder)
        self._restore_state()
        self._update_actions()

    # Pages ---------------------------------------------------------------------------------

    def page(self, row: int) -> QWidget:
        """The page at `row`, built now if it has not been shown yet."""
        if row not in self._built:
            page = self._page_builders[row]()
            stand_in = self.pages.widget(row)
            assert stand_in is not None
            self.pages.insertWidget(row, page)
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()
            self._built[row] = page
            if row in _SORTED_LISTS:
                self._restore_sort(row)
        return self._built[row]

    def _list_table(self, row: int) -> QTableView:
        return cast("EventsPage | ListPage", self._built[row]).table

    def _restore_sort(self, row: int) -> None:
        """The order the list was in when the app last closed."""
        saved = str(self.context.settings.value(f"lists/{_SORTED_LISTS[row]}-sort", ""))
        column, _, order = saved.partition(",")
        table = self._list_table(row)
        valid = column.isdigit() and int(column) < table.model().columnCount()
        if valid and order in ("0", "1"):
            table.sortByColumn(int(column), Qt.SortOrder(int(order)))

    def _save_sorts(self) -> None:
        for row, name in _SORTED_LISTS.items():
            if row in self._built:
                header = self._list_table(row).horizontalHeader()
                order = header.sortIndicatorOrder().value
                self.context.settings.setValue(
                    f"lists/{name}-sort", f"{header.sortIndicatorSection()},{order}"
                )

    def _build_events(self) -> EventsPage:
        from planner.gui.common.lists import EventsPage

        page = EventsPage(self.context)
        page.new_requested.connect(self.new_event)
        page.edit_requested.connect(self.edit_event)
        page.delete_requested.connect(self.delete_event)
        page.open_requested.connect(self.open_selected_event)
        page.remove_sample_requested.connect(self.remove_sample_data)
        page.table.selectionModel().selectionChanged.connect(self._update_actions)
        self._menu_on(
            page.table,
            self.open_action,
            self.edit_action,
            self.delete_action,
            None,
            self.new_action,
        )
        splitter = self.context.settings.value("window/events-splitter")
        if isinstance(splitter, QByteArray):
            page.splitter.restoreState(splitter)
        # Built after an event was opened (from Home, or just created): that event is the one
        # selected, not the first upcoming one.
        workspace = self._built.get(WORKSPACE)
        if workspace is not None:
            shown = cast("EventWorkspace", workspace).event_id
            if shown is not None:
                page.select_event(shown)
        return page

    def _build_people(self) -> PeoplePage:
        from planner.gui.people.people_page import people_page

        page = people_page(self.context)
        page.remove_sample_requested.connect(self.remove_sample_data)
        page.new_requested.connect(self.new_person)
        page.edit_requested.connect(self.edit_selected)
        page.delete_requested.connect(self.delete_selected)
        page.merge_requested.connect(self.merge_people)
        page.table.selectionModel().selectionChanged.connect(self._update_actions)
        page.model.modelReset.connect(self._update_actions)
        self._menu_on(
            page.table,
            self.person_action,
            self.merge_action,
            self.delete_action,
            None,
            self.new_person_action,
            self.duplicates_action,
        )
        splitter = self.context.settings.value("window/people-splitter")
        if isinstance(splitter, QByteArray):
            page.splitter.restoreState(splitter)
        return page

    def _build_follow_ups(self) -> ListPage:
        from planner.gui.common.lists import follow_ups_page

        page = follow_ups_page(self.context)
        page.remove_sample_requested.connect(self.remove_sample_data)
        return page

    @property
    def events_page(self) -> EventsPage:
        return cast("EventsPage", self.page(EVENTS))

    def _selected_event(self) -> Event | None:
        """The event selected in the events list, without building the list to find out."""
        page = self._built.get(EVENTS)
        return None if page is None else cast("EventsPage", page).selected_event()

    def _data_changed(self) -> None:
        self._has_sample = has_sample(self.context.workspace)
        self._update_actions()

    def _build_home(self) -> DashboardPage:
        from planner.gui.home.dashboard import DashboardPage

        home = DashboardPage(self.context)
        home.banner.remove_requested.connect(self.remove_sample_data)
        home.open_event.connect(self._open_from_home)
        home.open_checklist.connect(
            lambda event_id: self.open_event(event_id, self.workspace_page.CHECKLIST)
        )
        home.open_follow_ups.connect(
            lambda event_id: (
                self.open_event(event_id, self.workspace_page.FOLLOW_UPS)
                if event_id
                else self.show_page(FOLLOW_UPS)
            )
        )
        return home

    def _open_from_home(self, event_id: int) -> None:
        """A card opens its event where the user is likely to work on it: before it starts,
        its goals (what to get out of it); once under way, its list (whom they met)."""
        from datetime import UTC, datetime

        workspace = self.workspace_page
        try:
            started = self.context.events.get(EventId(event_id)).start <= datetime.now(UTC)
        except StorageError as exc:
            self._show_failure(str(exc))
            return
        self.open_event(event_id, workspace.PEOPLE if started else workspace.GOALS)

    def _build_workspace(self) -> EventWorkspace:
        from planner.gui.events.event_workspace import EventWorkspace

        workspace = EventWorkspace(self.context)
        workspace.back_requested.connect(lambda: self.show_page(EVENTS))
        workspace.edit_requested.connect(self.edit_event)
        workspace.attendees.import_requested.connect(self.import_attendees)
        workspace.attendees.review_requested.connect(lambda: self.review_duplicates())
        workspace.attendees.add_requested.connect(self.add_people_to_list)
        workspace.attendees.remove_requested.connect(self.remove_from_list)
        workspace.tabs.currentChanged.connect(self._update_actions)
        for tab in (workspace.goals, workspace.checklist, workspace.attendees):
            tab.table.selectionModel().selectionChanged.connect(self._update_actions)
        self._menu_on(
            workspace.attendees.table,
            self.edit_action,
            self.person_action,
            self.met_action,
            self.delete_action,
            None,
            self.add_people_action,
        )
        ordering = (self.move_up_action, self.move_down_action)
        self._menu_on(
            workspace.goals.table,
            self.edit_action,
            self.delete_action,
            *ordering,
            None,
            self.add_goal_action,
        )
        self._menu_on(
            workspace.checklist.table,
            self.edit_action,
            self.done_action,
            self.delete_action,
            *ordering,
            None,
            self.add_item_action,
        )
        return workspace

    def _menu_on(self, table: QTableView, *actions: QAction | None) -> None:
        """A right-click menu of the window's own actions (None: a separator): the same
        texts, shortcuts and enabled state as in the menu bar, for the row clicked, which
        the click selects first."""
        for action in actions:
            if action is None:
                action = QAction(table)
                action.setSeparator(True)
            table.addAction(action)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    @property
    def home_page(self) -> DashboardPage:
        return cast("DashboardPage", self.page(HOME))

    @property
    def people_page(self) -> ListPage:
        return cast("ListPage", self.page(PEOPLE))

    @property
    def follow_ups_page(self) -> ListPage:
        return cast("ListPage", self.page(FOLLOW_UPS))

    @property
    def workspace_page(self) -> EventWorkspace:
        return cast("EventWorkspace", self.page(WORKSPACE))

    def show_page(self, row: int) -> None:
        if self.navigation.currentRow() == row:
            self._show_row(row)  # e.g. back from an event to the Events row already selected
        self.navigation.setCurrentRow(row)

    def go_to_page(self, row: int) -> None:
        """From the keyboard (Ctrl+1…4): the page, with the keys in its list, on the row
        chosen, so Enter opens it and the arrows move at once."""
        self.show_page(row)
        table = self._built[row].findChild(QTableView) if row != HOME else None
        if table is None or not table.isVisible():
            return
        if not table.currentIndex().isValid() and table.model().rowCount():
            table.setCurrentIndex(table.model().index(0, 0))
        table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.pages.setCurrentWidget(self.page(row))
        self._update_actions()

    def open_event(self, event_id: int, tab: int | None = None) -> None:
        try:
            event = self.context.events.get(EventId(event_id))
        except StorageError as exc:
            self._show_failure(str(exc))
            return
        self.workspace_page.show_event(event)
        self._show_workspace(tab)
        if EVENTS in self._built:
            self.events_page.select_event(event.id)
        self._update_actions()

    def _show_workspace(self, tab: int | None) -> None:
        """The event page in view, on `tab` (None: as it is), under Events."""
        workspace = self.workspace_page
        if tab is not None:
            workspace.show_tab(tab)
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(EVENTS)  # the event belongs under Events
        self.navigation.blockSignals(False)
        self.pages.setCurrentWidget(workspace)

    def go_to_filter(self) -> None:
        """To the filter of the People or Follow-ups page; from anywhere else, of People."""
        row = self.navigation.currentRow()
        if row not in (PEOPLE, FOLLOW_UPS):
            row = PEOPLE
            self.show_page(row)
        cast("ListPage", self.page(row)).focus_filter()

    def open_selected_event(self) -> None:
        event = self._selected_event()
        if event is not None and event.id is not None:
            self.open_event(event.id)

    def _on_events_list(self) -> bool:
        page = self._built.get(EVENTS)
        return page is not None and self.pages.currentWidget() is page

    def _people_shown(self) -> PeoplePage | None:
        page = self._built.get(PEOPLE)
        return page if page is not None and self.pages.currentWidget() is page else None  # type: ignore[return-value]

    def _person_in_view(self) -> PersonId | None:
        """The person selected on the People page, or in the list of the event shown."""
        people = self._people_shown()
        if people is not None:
            person = people.selected()
            return None if person is None else person.id
        attendees = self._attendees_shown()
        listing = attendees.selected() if attendees is not None else None
        return None if listing is None else listing.attendance.person_id

    def _in_workspace(self) -> EventWorkspace | None:
        widget = self.pages.currentWidget()
        return widget if self._built.get(WORKSPACE) is widget else None  # type: ignore[return-value]

    def _current_tab(self) -> GoalsTab | ChecklistTab | None:
        """The goals or checklist list the Edit menu works on, when one is shown."""
        workspace = self._in_workspace()
        if workspace is None:
            return None
        index = workspace.tabs.currentIndex()
        if index == workspace.GOALS:
            return workspace.goals
        if index == workspace.CHECKLIST:
            return workspace.checklist
        return None

    # Actions and menus ---------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: object,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        seq = QKeySequence.StandardKey
        tr = self.tr
        self.new_action = self._action(tr("&New Event…"), seq.New, self.new_event)
        self.import_action = self._action(tr("&Import Attendees…"), "Ctrl+I", self.import_attendees)
        self.export_action = self._action(
            tr("E&xport Checklist to Calendar…"), "Ctrl+Shift+E", self.export_checklist
        )
        self.routine_action = self._action(
            tr("Checklist &Routine…"), "Ctrl+Shift+R", self.edit_routine
        )
        self.duplicates_action = self._action(
            tr("Find &Duplicate People…"), "Ctrl+Shift+F", self.find_duplicates
        )
        self.remove_sample_action = self._action(
            tr("Remove &Sample Data…"), None, self.remove_sample_data
        )
        self.quit_action = self._action(tr("&Quit"), "Ctrl+Q", self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        stack = self.context.undo_stack
        self.undo_action = stack.createUndoAction(self, tr("&Undo"))
        self.undo_action.setShortcut(seq.Undo)
        self.redo_action = stack.createRedoAction(self, tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence(seq.Redo), QKeySequence("Ctrl+Y")])
        self.undo_action.setProperty("command_name", tr("Undo"))  # for the shortcut sheet
        self.redo_action.setProperty("command_name", tr("Redo"))
        self.edit_action = self._action(tr("&Edit…"), "Ctrl+E", self.edit_selected)
        self.delete_action = self._action(tr("&Delete"), seq.Delete, self.delete_selected)
        self.move_up_action = self._action(tr("M&ove Up"), "Ctrl+Up", lambda: self._move(-1))
        self.move_down_action = self._action(tr("Move Do&wn"), "Ctrl+Down", lambda: self._move(1))
        self.done_action = self._action(tr("&Mark Done / Not Done"), "Ctrl+D", self.toggle_done)
        self.find_action = self._action(tr("&Find…"), seq.Find, self.go_to_filter)
        self.met_action = self._action(tr("Mark &Met / Not Met"), "Ctrl+M", self.toggle_met)
        self.open_action = self._action(tr("&Open Event"), "Ctrl+O", self.open_selected_event)
        self.back_action = self._action(
            tr("&Back to All Events"), "Alt+Left", lambda: self.show_page(EVENTS)
        )
        self.add_goal_action = self._action(tr("Add &Goal…"), "Ctrl+G", self.add_goal)
        self.add_item_action = self._action(
            tr("Add Checklist &Item…"), "Ctrl+Shift+N", self.add_checklist_item
        )
        self.new_person_action = self._action(tr("New &Person…"), "Ctrl+Shift+P", self.new_person)
        self.add_people_action = self._action(
            tr("&Add People to List…"), "Ctrl+Shift+A", self.add_people_to_list
        )
        self.person_action = self._action(
            tr("&Person Details…"), "Ctrl+Shift+D", self.edit_person_details
        )
        self.merge_action = self._action(tr("Mer&ge People…"), "Ctrl+Shift+M", self.merge_people)
        self.tab_actions = [
            self._action(name, f"Alt+{n}", lambda _=False, tab=n - 1: self._show_tab(tab))
            for n, name in enumerate(
                (tr("Goals"), tr("People"), tr("Checklist"), tr("Follow-ups")), start=1
            )
        ]
        self.page_actions = [
            self._action(name, f"Ctrl+{n}", lambda _=False, row=n - 1: self.go_to_page(row))
            for n, name in enumerate(
                (tr("&Home"), tr("&Events"), tr("&People"), tr("&Follow-ups")), start=1
            )
        ]
        self.about_action = self._action(
            tr("&About %1").replace("%1", APP_NAME), None, self.show_about
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.shortcuts_action = self._action(
            tr("&Keyboard Shortcuts"), "F1", lambda: self._show_help("shortcuts")
        )
        self.shortcuts_action.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])
        self.guide_action = self._action(
            tr("How to &Prepare for an Event"), "Shift+F1", lambda: self._show_help("guide")
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        menus = (
            (
                self.tr("&File"),
                (
                    self.new_action,
                    self.new_person_action,
                    None,
                    self.import_action,
                    self.export_action,
                    None,
                    self.remove_sample_action,
                    None,
                    self.quit_action,
                ),
            ),
            (
                self.tr("&Edit"),
                (
                    self.undo_action,
                    self.redo_action,
                    None,
                    self.edit_action,
                    self.person_action,
                    self.merge_action,
                    self.delete_action,
                    self.move_up_action,
                    self.move_down_action,
                    None,
                    self.done_action,
                    None,
                    self.find_action,
                ),
            ),
            (
                self.tr("E&vent"),
                (
                    self.open_action,
                    self.back_action,
                    None,
                    self.add_goal_action,
                    self.add_item_action,
                    self.add_people_action,
                    self.met_action,
                    None,
                    *self.tab_actions,
                ),
            ),
            (self.tr("&View"), tuple(self.page_actions)),
            (self.tr("&Tools"), (self.routine_action, self.duplicates_action)),
            (
                self.tr("&Help"),
                (self.shortcuts_action, self.guide_action, None, self.about_action),
            ),
        )
        for title, actions in menus:
            menu = bar.addMenu(title)
            for action in actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)

    def _update_actions(self) -> None:
        workspace = self._in_workspace()
        tab = self._current_tab()
        on_events = self._on_events_list()
        has_event = self._selected_event() is not None
        selected = tab.selected() if tab is not None else None
        editable = selected is not None and not getattr(selected, "is_dynamic", False)
        attendees = self._attendees_shown()
        person = attendees is not None and attendees.selected() is not None
        self.met_action.setEnabled(person)
        people = self._people_shown()
        chosen = len(people.selected_people()) if people is not None else 0
        self.person_action.setEnabled(self._person_in_view() is not None)
        self.merge_action.setEnabled(chosen == 2)
        # On an event's list, Edit is the plan for the person and Delete takes them off it.
        self.edit_action.setText(self.tr("&Edit Plan…") if attendees else self.tr("&Edit…"))
        self.delete_action.setText(
            self.tr("Remove from &List") if attendees else self.tr("&Delete")
        )
        if workspace is not None:
            self.edit_action.setEnabled(editable or person)
            self.delete_action.setEnabled(editable or person)
        elif people is not None:
            self.edit_action.setEnabled(chosen == 1)
            self.delete_action.setEnabled(chosen > 0)
        else:
            self.edit_action.setEnabled(has_event and on_events)
            self.delete_action.setEnabled(has_event and on_events)
        self.move_up_action.setEnabled(editable)
        self.move_down_action.setEnabled(editable)
        self.done_action.setEnabled(
            editable and workspace is not None and tab is workspace.checklist
        )
        self.open_action.setEnabled(has_event and on_events)
        self.back_action.setEnabled(workspace is not None)
        for action in (
            self.add_goal_action,
            self.add_item_action,
            self.add_people_action,
            self.export_action,
            *self.tab_actions,
        ):
            action.setEnabled(workspace is not None)
        self.remove_sample_action.setEnabled(self._has_sample)
        if not self.context.writable:  # nobody fills in a dialog that can only be refused
            for action in self.edit_actions():
                action.setEnabled(False)

    def edit_actions(self) -> list[QAction]:
        """The actions that change the data: all disabled while it cannot be saved."""
        return [
            self.new_action,
            self.new_person_action,
            self.import_action,
            self.remove_sample_action,
            self.edit_action,
            self.person_action,
            self.merge_action,
            self.delete_action,
            self.move_up_action,
            self.move_down_action,
            self.done_action,
            self.add_goal_action,
            self.add_item_action,
            self.add_people_action,
            self.met_action,
            self.routine_action,
            self.duplicates_action,
        ]

    def _show_tab(self, index: int) -> None:
        workspace = self._in_workspace()
        if workspace is not None:
            workspace.show_tab(index)

    # Edit menu: works on what is shown -------------------------------------------------------

    def _attendees_shown(self) -> AttendeesTab | None:
        workspace = self._in_workspace()
        if workspace is not None and workspace.tabs.currentIndex() == workspace.PEOPLE:
            return workspace.attendees
        return None

    def edit_selected(self) -> None:
        tab = self._current_tab()
        attendees = self._attendees_shown()
        if tab is not None:
            tab.edit_selected()
        elif attendees is not None:
            attendees.edit_selected()
        elif self._people_shown() is not None:
            self.edit_person_details()
        elif self._in_workspace() is None:
            self.edit_event()

    def toggle_met(self) -> None:
        attendees = self._attendees_shown()
        if attendees is not None:
            attendees.toggle_met()

    def delete_selected(self) -> None:
        tab = self._current_tab()
        people = self._people_shown()
        if tab is not None:
            tab.delete_selected()
        elif self._attendees_shown() is not None:
            self.remove_from_list()
        elif people is not None:
            chosen = [person.id for person in people.selected_people() if person.id is not None]
            if chosen:
                self.people_editing.delete_many(chosen)
        elif self._on_events_list():
            self.delete_event()

    def _move(self, step: int) -> None:
        tab = self._current_tab()
        if tab is not None:
            tab.move_selected(step)

    def toggle_done(self) -> None:
        workspace = self._in_workspace()
        if workspace is not None and self._current_tab() is workspace.checklist:
            workspace.checklist.toggle_selected()

    def add_goal(self) -> None:
        workspace = self._in_workspace()
        if workspace is not None:
            workspace.show_tab(workspace.GOALS)
            workspace.goals.add()

    def add_checklist_item(self) -> None:
        workspace = self._in_workspace()
        if workspace is not None:
            workspace.show_tab(workspace.CHECKLIST)
            workspace.checklist.add()

    def export_checklist(self) -> None:
        workspace = self._in_workspace()
        if workspace is not None:
            workspace.checklist.export()

    @cached_property
    def importer(self) -> ImportController:
        """Made on the first import: start-up does not load the import code."""
        from planner.gui.importing.controller import ImportController

        importer = ImportController(self.context, self)
        importer.review_requested.connect(self.review_duplicates)
        # Where the people went, whatever page or event was in view when the import began.
        importer.imported.connect(self._show_imported)
        return importer

    def _show_imported(self, event_id: int) -> None:
        """The event an import went into, on its People tab. When it is the event in view, its
        tabs have just reloaded with the import (the `changed` signal): only the tab and the
        page change, as loading its checklist and lists again would keep the window waiting
        (200 ms at 133,000 attendees)."""
        workspace = self.workspace_page
        shown = workspace.shown_event
        if shown is None or shown.id != event_id:
            self.open_event(event_id, workspace.PEOPLE)
            return
        self._show_workspace(workspace.PEOPLE)
        self._update_actions()

    def _import_stopped(self) -> bool:
        """True when no import is running, or the user agrees to stop the one that is and it
        has ended; False keeps the window open."""
        importer = self.__dict__.get("importer")  # made on the first import only
        if importer is None or not importer.busy:
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Import Under Way"),
            self.tr(
                "An attendee list is still being imported. Stop the import and quit? Unless "
                "it has just finished, the event is left as it was before the import."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes and importer.stop()

    @cached_property
    def people_editing(self) -> PeopleEditing:
        from planner.gui.people.people_editing import PeopleEditing

        return PeopleEditing(
            self.context, self, lambda message: self.statusBar().showMessage(message, 8000)
        )

    def new_person(self) -> None:
        """Add someone by hand, then show them on the People page."""
        person_id = self.people_editing.add()
        if person_id is not None:
            self.show_page(PEOPLE)
            cast("PeoplePage", self.page(PEOPLE)).select_when_shown(person_id)

    def add_people_to_list(self) -> None:
        """Put people from the network on the list of the event shown."""
        workspace = self._in_workspace()
        event = workspace.shown_event if workspace is not None else None
        if workspace is None or event is None or event.id is None:
            return
        workspace.show_tab(workspace.PEOPLE)
        self.people_editing.add_to_list(event.id, event.name)

    def remove_from_list(self) -> None:
        attendees = self._attendees_shown()
        workspace = self._in_workspace()
        listing = attendees.selected() if attendees is not None else None
        event = workspace.shown_event if workspace is not None else None
        if listing is not None and event is not None:
            self.people_editing.remove_from_list(listing, event.name)

    def merge_people(self) -> None:
        """Merge the two people chosen on the People page."""
        people = self._people_shown()
        chosen = people.selected_people() if people is not None else []
        if people is not None and len(chosen) == 2:
            kept = self.people_editing.merge(chosen[0], chosen[1])
            if kept is not None:
                people.select_when_shown(kept)

    def find_duplicates(self) -> None:
        self.people_editing.find_duplicates()

    def edit_person_details(self) -> None:
        person_id = self._person_in_view()
        if person_id is not None:
            self.people_editing.edit(person_id)

    def import_attendees(self) -> None:
        self.importer.choose_file(self._current_event_id())

    def import_file(self, path: Path) -> None:
        """Import `path` into the event in view (the dialog lets the user choose another): a
        file dropped on the window, or given on the command line (`planner FILE`)."""
        reason = self.context.workspace.read_only
        if reason is not None:  # said before the import dialog, not after it
            from planner.storage.errors import OpenedReadOnlyError

            self._show_failure(str(OpenedReadOnlyError(reason)))
            return
        self.importer.start(path, self._current_event_id())

    def _current_event_id(self) -> EventId | None:
        event = self._event_in_view()
        return None if event is None else event.id

    def review_duplicates(self, event_id: int | None = None) -> None:
        from planner.gui.importing.review_dialog import ReviewDialog

        chosen = EventId(event_id) if event_id is not None else self._current_event_id()
        if chosen is None:
            return
        if self._in_workspace() is None:
            self.open_event(chosen, self.workspace_page.PEOPLE)
        exec_once(ReviewDialog(self.context, chosen, self))

    # Drag a file onto the window to import it ------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.import_file(path)

    def edit_routine(self) -> None:
        from planner.gui.events.routine_dialog import RoutineDialog

        exec_once(RoutineDialog(self.context, self))

    # Event editing -------------------------------------------------------------------------

    def _event_in_view(self) -> Event | None:
        workspace = self._in_workspace()
        if workspace is not None:
            return workspace.shown_event
        return self._selected_event()

    def new_event(self) -> None:
        from planner.gui.events.editing import new_event

        event_id = new_event(self.context, self)
        if event_id is not None:
            self.open_event(event_id)

    def edit_event(self) -> None:
        from planner.gui.events.editing import edit_event

        event = self._event_in_view()
        if event is not None:
            edit_event(self.context, self, event)

    def delete_event(self) -> None:
        from planner.gui.events.editing import delete_event

        event = self._selected_event()
        if event is not None:
            delete_event(self.context, event, self._say)

    def remove_sample_data(self) -> None:
        from planner.gui.events.editing import remove_sample_data

        remove_sample_data(self.context, self, self._say)

    def _say(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _show_failure(self, message: str) -> None:
        from planner.gui.common.messages import show_warning

        show_warning(self, message)

    def _show_help(self, sheet: str) -> None:
        """The shortcut sheet (made from the menus as they are) or the preparation guide."""
        from planner.gui.help_dialogs import guide_dialog, shortcuts_dialog

        dialog = guide_dialog(self) if sheet == "guide" else shortcuts_dialog(self, self.menuBar())
        exec_once(dialog)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About %1").replace("%1", APP_NAME),
            self.tr(
                "<h3>%1 %2</h3><p>Prepare for events, meet the right people and follow up, "
                "with everything kept on your own computer.</p>"
            )
            .replace("%1", APP_NAME)
            .replace("%2", __version__),
        )

    # Window state ----------------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self.context.settings
        geometry = settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            from planner.gui.window_size import first_geometry

            screen = self.screen()
            self.setGeometry(first_geometry(screen.availableGeometry()))
        page = str(settings.value("window/page", HOME))
        self.show_page(int(page) if page.isdigit() and int(page) <= FOLLOW_UPS else HOME)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._import_stopped():
            event.ignore()
            return
        settings = self.context.settings
        settings.setValue("window/geometry", self.saveGeometry())
        events = self._built.get(EVENTS)
        if events is not None:
            splitter = cast("EventsPage", events).splitter
            settings.setValue("window/events-splitter", splitter.saveState())
        people = self._built.get(PEOPLE)
        if people is not None:
            splitter = cast("PeoplePage", people).splitter
            settings.setValue("window/people-splitter", splitter.saveState())
        settings.setValue("window/page", self.navigation.currentRow())
        self._save_sorts()
        settings.sync()
        # The undo history goes with the window. Emptied here, its commands are deleted in
        # order; left to Python's garbage collector, the stack could be destroyed after the
        # commands it still points at (a crash seen in PySide 6.11).
        self.context.undo_stack.clear()
        super().closeEvent(event)
