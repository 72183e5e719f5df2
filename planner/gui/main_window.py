"""The main window: navigation on the left, one page at a time on the right, the menus, and
the window's own state.

What is on the pages, and what their actions do, each page declares in its area's `page.py`
(see planner/gui/common/page.py); `planner/gui/page_list.py` lists them. The window builds a
page the first time it is shown, makes one menu item per action, sends each to the page in
view (or to the window-wide handler of gui/app_actions.py), and keeps its enabled state.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

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

from planner import APP_NAME
from planner.gui import app_actions
from planner.gui.common.page import MENUS, Action, Handler, Page, tr
from planner.gui.common.resources import icon
from planner.gui.common.widgets import ElidedLabel
from planner.gui.context import AppContext
from planner.services.changes import Changed, Kind
from planner.services.resources import RESOURCES
from planner.services.sample import has_sample

if TYPE_CHECKING:
    from planner.gui.importing.controller import ImportController
    from planner.gui.people.people_editing import PeopleEditing
    from planner.gui.read_only_banner import ReadOnlyBanner

STYLE_SHEET = RESOURCES / "style.qss"
MENU_TITLES = {
    "file": "&File",
    "edit": "&Edit",
    "event": "E&vent",
    "view": "&View",
    "tools": "&Tools",
    "help": "&Help",
}


def _dropped_file(data: QMimeData) -> Path | None:
    """The one local file being dragged, if that is what it is."""
    urls = data.urls() if data.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.is_file() else None


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, pages: Sequence[Page[Any]] | None = None) -> None:
        super().__init__()
        if pages is None:
            from planner.gui.page_list import PAGES

            pages = PAGES
        self.context = context
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon("app"))
        self.setStyleSheet(STYLE_SHEET.read_text("utf-8"))

        self._pages: dict[str, Page[Any]] = {page.key: page for page in pages}
        if len(self._pages) != len(pages):
            raise ValueError("two pages have the same key")
        self._navigable = [page.key for page in pages if page.in_navigation]
        self._built: dict[str, QWidget] = {}
        self._has_sample = has_sample(context.workspace)

        self.pages = QStackedWidget()
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(190)
        self.navigation.setIconSize(QSize(20, 20))
        for key in self._navigable:
            QListWidgetItem(
                icon(self._pages[key].icon), tr(self._pages[key].title), self.navigation
            )
        self._stand_ins = {key: QWidget() for key in self._pages}  # until each is first shown
        for stand_in in self._stand_ins.values():
            self.pages.addWidget(stand_in)
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
        self._handlers: dict[str, Handler[Any]] = app_actions.handlers(lambda: self._has_sample)
        self._build_actions(pages)
        self._build_menus()
        if not context.writable:
            for action in self.edit_actions():
                action.setToolTip(context.read_only_tip())
                action.setStatusTip(context.read_only_tip())
        context.changed.connect(self._data_changed)
        context.failed.connect(self.show_failure)

        folder = context.workspace.folder
        if folder is not None:
            # Permanent, so passing messages ("Deleted …") do not wipe it.
            # Cut short in the middle when long: the status bar's width is the window's least.
            self.data_folder = ElidedLabel(
                self.tr("Data folder: %1").replace("%1", str(folder)), Qt.TextElideMode.ElideMiddle
            )
            self.statusBar().addPermanentWidget(self.data_folder)
        self._restore_state()
        self.update_actions()

    # Pages ---------------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page, built now if it has not been shown yet."""
        if key not in self._built:
            declared = self._pages[key]
            page = declared.build(self)
            stand_in = self._stand_ins.pop(key)
            self.pages.insertWidget(self.pages.indexOf(stand_in), page)
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()
            self._built[key] = page
            if declared.restore is not None:
                declared.restore(page, self.context.settings)
            for signal in declared.watch(page):
                signal.connect(self.update_actions)
        return self._built[key]

    def built(self, key: str) -> QWidget | None:
        """The page if it has been built (without building it to find out)."""
        return self._built.get(key)

    def in_view(self, key: str) -> QWidget | None:
        """The page if it is the one shown."""
        page = self._built.get(key)
        return page if page is not None and self.pages.currentWidget() is page else None

    def _current(self) -> tuple[Page[Any] | None, QWidget | None]:
        widget = self.pages.currentWidget()
        for key, page in self._built.items():
            if page is widget:
                return self._pages[key], page
        return None, None

    def show_page(self, key: str) -> None:
        declared = self._pages[key]
        if declared.under is not None:  # shown under its row in the navigation
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(self._navigable.index(declared.under))
            self.navigation.blockSignals(False)
            self.pages.setCurrentWidget(self.page(key))
            return
        row = self._navigable.index(key)
        if self.navigation.currentRow() == row:
            self._show_row(row)  # e.g. back from an event to the Events row already selected
        self.navigation.setCurrentRow(row)

    def go_to_page(self, key: str) -> None:
        """From the keyboard (Ctrl+1…4): the page, with the keys in its list, on the row
        chosen, so Enter opens it and the arrows move at once."""
        self.show_page(key)
        table = self._built[key].findChild(QTableView) if key != self._navigable[0] else None
        if table is None or not table.isVisible():
            return
        if not table.currentIndex().isValid() and table.model().rowCount():
            table.setCurrentIndex(table.model().index(0, 0))
        table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.pages.setCurrentWidget(self.page(self._navigable[row]))
        self.update_actions()

    def open_event(self, event_id: int, tab: int | None = None) -> None:
        from planner.gui.events.event_page import open_event

        open_event(self, event_id, tab)

    def parent_widget(self) -> QWidget:
        return self

    def say(self, message: str) -> None:
        """A passing message in the status bar."""
        self.statusBar().showMessage(message, 8000)

    def show_failure(self, message: str) -> None:
        from planner.gui.common.messages import show_warning

        show_warning(self, message)

    def _data_changed(self, changed: Changed) -> None:
        if changed.touches({Kind.EVENT, Kind.PERSON}):
            self._has_sample = has_sample(self.context.workspace)
        self.update_actions()

    @cached_property
    def importer(self) -> ImportController:
        """Made on the first import: start-up does not load the import code."""
        from planner.gui.events.event_page import show_imported
        from planner.gui.importing.controller import ImportController

        importer = ImportController(self.context, self)
        importer.review_requested.connect(
            lambda event_id: app_actions.review_duplicates(self, event_id)
        )
        # Where the people went, whatever page or event was in view when the import began.
        importer.imported.connect(lambda event_id: show_imported(self, event_id))
        return importer

    @cached_property
    def people_editing(self) -> PeopleEditing:
        from planner.gui.people.people_editing import PeopleEditing

        return PeopleEditing(self.context, self, self.say)

    def import_file(self, path: Path) -> None:
        """Import `path`: a file dropped on the window, or given on the command line."""
        app_actions.import_file(self, path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.import_file(path)

    # Actions and menus ---------------------------------------------------------------------

    def action(self, key: str) -> QAction:
        return self._actions[key]

    def _build_actions(self, pages: Sequence[Page[Any]]) -> None:
        self._declared: dict[str, Action] = {}
        self._actions: dict[str, QAction] = {}
        self._page_handlers = {page.key: page.handlers for page in pages}
        for declared in (*app_actions.ACTIONS, *(a for page in pages for a in page.actions)):
            if declared.key in self._declared:
                raise ValueError(f"two actions are called {declared.key!r}")
            action = QAction(tr(declared.text).replace("%1", APP_NAME), self)
            if declared.shortcuts:
                action.setShortcuts([QKeySequence(s) for s in declared.shortcuts])
            action.setMenuRole(declared.role)
            action.triggered.connect(lambda _=False, key=declared.key: self._trigger(key))
            self.addAction(action)
            self._declared[declared.key] = declared
            self._actions[declared.key] = action
        stack = self.context.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")]
        )
        self.undo_action.setProperty("command_name", self.tr("Undo"))  # for the shortcut sheet
        self.redo_action.setProperty("command_name", self.tr("Redo"))
        self._actions["undo"], self._actions["redo"] = self.undo_action, self.redo_action
        self.page_actions = []  # the View menu: each page in the navigation, by its shortcut
        for key in self._navigable:
            declared_page = self._pages[key]
            action = QAction("&" + tr(declared_page.title), self)
            if declared_page.shortcut:
                action.setShortcut(QKeySequence(declared_page.shortcut))
            action.triggered.connect(lambda _=False, key=key: self.go_to_page(key))
            self.addAction(action)
            self._actions[f"go-{key}"] = action
            self.page_actions.append(action)

    def _handler(self, key: str) -> tuple[Handler[Any] | None, QWidget | None]:
        """What `key` does now: the page in view's handler, or else the window's own."""
        declared, page = self._current()
        handler = self._page_handlers[declared.key].get(key) if declared is not None else None
        return (handler, page) if handler is not None else (self._handlers.get(key), page)

    def _trigger(self, key: str) -> None:
        handler, page = self._handler(key)
        if handler is not None and handler.enabled(self, page):
            handler.run(self, page)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for menu_key in MENUS:
            menu = bar.addMenu(self.tr(MENU_TITLES[menu_key]))
            items = sorted(
                (d.place, n, self._actions[d.key])
                for n, d in enumerate(self._declared.values())
                if d.menu == menu_key
            )
            if menu_key == "edit":
                items = [(1.0, -2, self.undo_action), (1.1, -1, self.redo_action), *items]
            elif menu_key == "view":
                items = [(1.0 + n / 100, n, a) for n, a in enumerate(self.page_actions)]
            section = None
            for place, _, action in items:
                if section is not None and int(place) != section:
                    menu.addSeparator()
                section = int(place)
                menu.addAction(action)

    def menu_on(self, table: QTableView, *keys: str | None) -> None:
        """A right-click menu of the window's own actions (None: a separator): the same
        texts, shortcuts and enabled state as in the menu bar, for the row clicked, which
        the click selects first."""
        for key in keys:
            if key is None:
                action = QAction(table)
                action.setSeparator(True)
            else:
                action = self._actions[key]
            table.addAction(action)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def update_actions(self) -> None:
        """Each action enabled when the page in view (or the window) can do it now, with
        the text it has there."""
        writable = self.context.writable
        for key, declared in self._declared.items():
            action = self._actions[key]
            handler, page = self._handler(key)
            enabled = handler is not None and handler.enabled(self, page)
            action.setEnabled(enabled and (writable or not declared.edits))
            text = handler.text(page) if handler is not None and handler.text else None
            action.setText(text or tr(declared.text).replace("%1", APP_NAME))

    def edit_actions(self) -> list[QAction]:
        """The actions that change the data: all disabled while it cannot be saved."""
        return [self._actions[key] for key, declared in self._declared.items() if declared.edits]

    # Window state ----------------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self.context.settings
        geometry = settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            from planner.gui.window_size import first_geometry

            screen = self.screen()
            self.setGeometry(first_geometry(screen.availableGeometry()))
        saved = str(settings.value("window/page", ""))
        if saved.isdigit() and int(saved) < len(self._navigable):  # as saved before pages had keys
            saved = self._navigable[int(saved)]
        self.show_page(saved if saved in self._navigable else self._navigable[0])

    def closeEvent(self, event: QCloseEvent) -> None:
        importer = self.__dict__.get("importer")  # made on the first import only
        if importer is not None and not importer.stopped_before_quitting():
            event.ignore()
            return
        settings = self.context.settings
        settings.setValue("window/geometry", self.saveGeometry())
        for key, page in self._built.items():
            save = self._pages[key].save
            if save is not None:
                save(page, settings)
        row = self.navigation.currentRow()
        settings.setValue("window/page", self._navigable[row] if row >= 0 else "")
        settings.sync()
        # The undo history goes with the window. Emptied here, its commands are deleted in
        # order; left to Python's garbage collector, the stack could be destroyed after the
        # commands it still points at (a crash seen in PySide 6.11).
        self.context.undo_stack.clear()
        super().closeEvent(event)
