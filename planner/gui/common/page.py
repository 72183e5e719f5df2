"""How a page declares itself to the main window, and what the window offers a page.

A page is one `Page` value in its area's `page.py` (gui/events/page.py, …), listed once in
`planner/gui/page_list.py`. It says:

- its title, icon and shortcut (the navigation list and the View menu are made from them);
- how to build its widget: called the first time the page is shown, so a page's code is
  imported only then and start-up pays for the first page alone;
- the actions it adds to the menus (`Action`: text, shortcut, menu and place in it), and what it
  does for any action while it is in view (`Handler`: run, and when it is enabled), including
  the window's own Edit, Delete and Find;
- the state it saves when the window closes and restores when it is built (`save`, `restore`),
  and the signals after which its actions' enabled state may have changed (`watch`).

The window dispatches each action to the page in view, or to the window-wide handler when the
page has none (gui/app_actions.py), and disables it when neither has one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSplitter, QTableView, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from planner.gui.context import AppContext
    from planner.gui.importing.controller import ImportController
    from planner.gui.people.people_editing import PeopleEditing

W = TypeVar("W", bound=QWidget)
Shortcut = str | QKeySequence.StandardKey
MENUS = ("file", "edit", "event", "view", "tools", "help")
"""The menu bar's menus, in order; an `Action` names the one it goes in."""


def tr(text: str) -> str:
    """Action and page texts are translated in one context, where they are declared."""
    return QCoreApplication.translate("actions", text)


def always(_window: Any, _page: Any) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Action:
    """One item of the menu bar, made once for the window whatever page is in view.

    `place` orders it in its menu: the whole part is the section (sections are separated by a
    line), the fraction the order inside it. `edits`: it changes the data, so it is disabled
    while the data cannot be saved."""

    key: str
    text: str  # untranslated: translated with tr() when the window is made
    menu: str
    place: float
    shortcuts: tuple[Shortcut, ...] = ()
    edits: bool = True
    role: QAction.MenuRole = QAction.MenuRole.NoRole


@dataclass(frozen=True, slots=True)
class Handler(Generic[W]):
    """What an action does while a page is in view: `run(window, page)`, enabled when
    `enabled(window, page)`. `text` replaces the action's text meanwhile (on an event's list
    Edit reads "Edit Plan…"). A window-wide handler is given the page in view, if any."""

    run: Callable[[Window, W], object]
    enabled: Callable[[Window, W], bool] = always
    text: Callable[[W], str | None] | None = None  # None (or returning None): the action's own


@dataclass(frozen=True, slots=True)
class Page(Generic[W]):
    key: str  # names the page in the saved state and in `Window.show_page`
    title: str  # untranslated
    icon: str
    build: Callable[[Window], W]
    shortcut: str | None = None  # View menu; pages outside the navigation have none
    under: str | None = None  # not in the navigation: the row selected while it is in view
    actions: tuple[Action, ...] = ()
    handlers: Mapping[str, Handler[W]] = field(default_factory=dict)
    watch: Callable[[W], Iterable[SignalInstance]] = lambda _page: ()
    save: Callable[[W, QSettings], None] | None = None
    restore: Callable[[W, QSettings], None] | None = None

    @property
    def in_navigation(self) -> bool:
        return self.under is None


class Window(Protocol):
    """What the main window offers the pages it builds."""

    context: AppContext

    @property
    def importer(self) -> ImportController: ...

    @property
    def people_editing(self) -> PeopleEditing: ...

    def action(self, key: str) -> QAction: ...

    def page(self, key: str) -> QWidget: ...

    def built(self, key: str) -> QWidget | None: ...

    def in_view(self, key: str) -> QWidget | None: ...

    def show_page(self, key: str) -> None: ...

    def open_event(self, event_id: int, tab: int | None = None) -> None: ...

    def update_actions(self) -> None: ...

    def say(self, message: str) -> None: ...

    def show_failure(self, message: str) -> None: ...

    def menu_on(self, table: QTableView, *keys: str | None) -> None: ...

    def parent_widget(self) -> QWidget: ...


# --- state a page keeps from one session to the next ---------------------------------------


def save_sort(settings: QSettings, name: str, table: QTableView) -> None:
    header = table.horizontalHeader()
    order = header.sortIndicatorOrder().value
    settings.setValue(f"lists/{name}-sort", f"{header.sortIndicatorSection()},{order}")


def restore_sort(settings: QSettings, name: str, table: QTableView) -> None:
    """The order the list was in when the app last closed."""
    saved = str(settings.value(f"lists/{name}-sort", ""))
    column, _, order = saved.partition(",")
    valid = column.isdigit() and int(column) < table.model().columnCount()
    if valid and order in ("0", "1"):
        table.sortByColumn(int(column), Qt.SortOrder(int(order)))


def save_splitter(settings: QSettings, name: str, splitter: QSplitter) -> None:
    settings.setValue(f"window/{name}-splitter", splitter.saveState())


def restore_splitter(settings: QSettings, name: str, splitter: QSplitter) -> None:
    saved = settings.value(f"window/{name}-splitter")
    if isinstance(saved, QByteArray):
        splitter.restoreState(saved)
