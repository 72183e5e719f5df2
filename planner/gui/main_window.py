"""The main window: navigation on the left, one page at a time on the right."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from planner import APP_NAME, __version__
from planner.gui.context import AppContext
from planner.gui.pages import EventsPage, ListPage, follow_ups_page, people_page
from planner.gui.resources import icon
from planner.services.sample import remove_sample

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
QHeaderView::section { background: #ffffff; border: none; border-bottom: 1px solid #dde1e6;
    padding: 6px 8px; font-weight: 600; color: #3b4a5a; }
"""


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon("app"))
        self.setStyleSheet(STYLE)

        self.events_page = EventsPage(context)
        # The other pages are built the first time they are shown: start-up pays for one page.
        self._page_builders = {1: people_page, 2: follow_ups_page}
        self._built: dict[int, QWidget] = {0: self.events_page}

        self.pages = QStackedWidget()
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(190)
        self.navigation.setIconSize(QSize(20, 20))
        for name, icon_name in (
            (self.tr("Events"), "events"),
            (self.tr("People"), "people"),
            (self.tr("Follow-ups"), "follow-ups"),
        ):
            QListWidgetItem(icon(icon_name), name, self.navigation)
        self.pages.addWidget(self.events_page)
        for _ in self._page_builders:
            self.pages.addWidget(QWidget())  # stands in until the page is first shown
        self.navigation.currentRowChanged.connect(self._show_row)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_menus()
        self.events_page.new_requested.connect(self.new_event)
        self.events_page.edit_requested.connect(self.edit_event)
        self.events_page.delete_requested.connect(self.delete_event)
        self.events_page.remove_sample_requested.connect(self.remove_sample_data)
        self.events_page.table.selectionModel().selectionChanged.connect(self._update_actions)
        context.changed.connect(self._update_actions)
        context.failed.connect(self._show_failure)

        folder = context.workspace.folder
        if folder is not None:
            # Permanent, so passing messages ("Deleted …") do not wipe it.
            where = QLabel(self.tr("Data folder: %1").replace("%1", str(folder)))
            where.setTextFormat(Qt.TextFormat.PlainText)
            self.statusBar().addPermanentWidget(where)
        self._restore_state()
        self._update_actions()

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
        self.new_action = self._action(self.tr("&New Event…"), seq.New, self.new_event)
        self.edit_action = self._action(self.tr("&Edit Event…"), "Ctrl+E", self.edit_event)
        self.delete_action = self._action(self.tr("&Delete Event"), seq.Delete, self.delete_event)
        self.remove_sample_action = self._action(
            self.tr("Remove &Sample Data…"), None, self.remove_sample_data
        )
        self.quit_action = self._action(self.tr("&Quit"), "Ctrl+Q", self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        stack = self.context.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(seq.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence(seq.Redo), QKeySequence("Ctrl+Y")])
        self.page_actions = [
            self._action(name, f"Ctrl+{n}", lambda _=False, row=n - 1: self.show_page(row))
            for n, name in enumerate(
                (self.tr("&Events"), self.tr("&People"), self.tr("&Follow-ups")), start=1
            )
        ]
        self.about_action = self._action(
            self.tr("&About %1").replace("%1", APP_NAME), None, self.show_about
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        file_menu.addAction(self.remove_sample_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.edit_action)
        edit_menu.addAction(self.delete_action)
        view_menu = bar.addMenu(self.tr("&View"))
        for action in self.page_actions:
            view_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _update_actions(self) -> None:
        has_event = self.events_page.selected_event() is not None
        on_events = self.pages.currentWidget() is self.events_page
        self.edit_action.setEnabled(has_event)
        self.delete_action.setEnabled(has_event and on_events)
        self.remove_sample_action.setEnabled(self.events_page.banner.isVisibleTo(self))

    def show_page(self, row: int) -> None:
        self.navigation.setCurrentRow(row)

    def page(self, row: int) -> QWidget:
        """The page at `row`, built now if it has not been shown yet."""
        if row not in self._built:
            page = self._page_builders[row](self.context)
            stand_in = self.pages.widget(row)
            assert stand_in is not None
            self.pages.insertWidget(row, page)
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()
            self._built[row] = page
        return self._built[row]

    @property
    def people_page(self) -> ListPage:
        return cast(ListPage, self.page(1))

    @property
    def follow_ups_page(self) -> ListPage:
        return cast(ListPage, self.page(2))

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.pages.setCurrentWidget(self.page(row))
        self._update_actions()

    # Event editing -------------------------------------------------------------------------

    def new_event(self) -> None:
        from planner.gui.commands import AddEventCommand
        from planner.gui.event_dialog import EventDialog

        dialog = EventDialog(self)
        if dialog.exec():
            command = AddEventCommand(self.context, dialog.event_value())
            self.context.undo_stack.push(command)
            self.show_page(0)
            self.events_page.select_event(command.event_id)

    def edit_event(self) -> None:
        from planner.gui.commands import EditEventCommand
        from planner.gui.event_dialog import EventDialog

        event = self.events_page.selected_event()
        if event is None:
            return
        dialog = EventDialog(self, event)
        if dialog.exec():
            after = dialog.event_value()
            if after != event:
                self.context.undo_stack.push(EditEventCommand(self.context, event, after))

    def delete_event(self) -> None:
        from planner.gui.commands import DeleteEventCommand

        event = self.events_page.selected_event()
        if event is not None:
            self.context.undo_stack.push(DeleteEventCommand(self.context, event))
            self.statusBar().showMessage(
                self.tr("Deleted “%1”. Undo with Ctrl+Z.").replace("%1", event.name), 8000
            )

    def remove_sample_data(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Remove Sample Data"),
            self.tr(
                "Remove the sample events and the invented people in them? "
                "Your own events and people stay as they are."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        remove_sample(self.context.workspace)
        # Older undo steps may point at sample rows that no longer exist.
        self.context.undo_stack.clear()
        self.context.changed.emit()
        self.statusBar().showMessage(self.tr("Sample data removed."), 8000)

    def _show_failure(self, message: str) -> None:
        from planner.gui.messages import show_warning

        show_warning(self, message)

    def show_about(self) -> None:
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
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        splitter = settings.value("window/events-splitter")
        if isinstance(splitter, QByteArray):
            self.events_page.splitter.restoreState(splitter)
        page = str(settings.value("window/page", 0))
        self.show_page(int(page) if page.isdigit() else 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = self.context.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/events-splitter", self.events_page.splitter.saveState())
        settings.setValue("window/page", self.navigation.currentRow())
        settings.sync()
        super().closeEvent(event)
