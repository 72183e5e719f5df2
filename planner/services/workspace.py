"""One open data folder: its lock, its database and the repositories over it.

The folder is chosen, in order, by --data-dir, by $PLANNER_DATA_DIR, or the platform's per-user
data folder (~/.local/share/NetworkingPlanner on Linux).
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from planner.services.routine import install_default_templates
from planner.storage.attendances import AttendanceRepository
from planner.storage.checklist import ChecklistRepository
from planner.storage.database import Database
from planner.storage.errors import (
    OpenedReadOnlyError,
    ReadOnlyError,
    WriteFailedError,
    write_failure,
)
from planner.storage.events import EventRepository
from planner.storage.goals import GoalRepository
from planner.storage.lock import DataDirLock
from planner.storage.templates import TemplateRepository

if TYPE_CHECKING:
    from planner.storage.followups import FollowUpRepository, InteractionRepository
    from planner.storage.people import PersonRepository

ENV_DATA_DIR = "PLANNER_DATA_DIR"
DATABASE_NAME = "planner.sqlite3"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("NetworkingPlanner", appauthor=False, roaming=True))


class Repositories:
    """The repositories over one database, each made the first time it is used, so opening
    the app (events, goals, checklists) does not load the people and follow-up storage."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @classmethod
    def over(cls, db: Database) -> Repositories:
        return cls(db)

    @cached_property
    def events(self) -> EventRepository:
        return EventRepository(self._db)

    @cached_property
    def people(self) -> PersonRepository:
        from planner.storage.people import PersonRepository

        return PersonRepository(self._db)

    @cached_property
    def goals(self) -> GoalRepository:
        return GoalRepository(self._db)

    @cached_property
    def attendances(self) -> AttendanceRepository:
        return AttendanceRepository(self._db)

    @cached_property
    def checklist(self) -> ChecklistRepository:
        return ChecklistRepository(self._db)

    @cached_property
    def templates(self) -> TemplateRepository:
        return TemplateRepository(self._db)

    @cached_property
    def interactions(self) -> InteractionRepository:
        from planner.storage.followups import InteractionRepository

        return InteractionRepository(self._db)

    @cached_property
    def follow_ups(self) -> FollowUpRepository:
        from planner.storage.followups import FollowUpRepository

        return FollowUpRepository(self._db)


class Workspace:
    """Owns the database connection and the folder lock for as long as it is open."""

    def __init__(self, db: Database, lock: DataDirLock | None, *, created: bool) -> None:
        self.db = db
        self.repos = Repositories.over(db)
        self.created = created  # True when this open made a new database (first run)
        self._lock = lock
        if db.read_only is None:
            install_default_templates(db)

    @classmethod
    def open(cls, folder: Path, *, holder: str | None = None) -> Workspace:
        """Lock the folder for this process (`holder`: what the lock file says holds it, by
        default this process's command line) and open its database: read-only, with the
        reason in `read_only`, when nothing can be written there."""
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            failure = write_failure(exc, folder.parent if not folder.exists() else folder)
            if failure is None:
                raise
            raise failure from exc
        lock = DataDirLock(folder, holder)
        lock.acquire()
        try:
            path = folder / DATABASE_NAME
            created = not path.exists() or path.stat().st_size == 0
            # Only a shared lock could be taken: reading is all this process may do.
            db = Database.open(path, read_only=ReadOnlyError(folder) if lock.shared else None)
        except BaseException:
            lock.release()
            raise
        try:
            return cls(db, lock, created=created)
        except BaseException:
            db.close()
            lock.release()
            raise

    @property
    def read_only(self) -> WriteFailedError | None:
        """Why changes cannot be saved (the folder is read-only, the disk was full when it
        opened), or None when they can."""
        return self.db.read_only

    def check_writable(self) -> None:
        """Raise OpenedReadOnlyError, with the reason, when changes cannot be saved: for work
        that would otherwise ask the user for everything before it fails."""
        if self.db.read_only is not None:
            raise OpenedReadOnlyError(self.db.read_only)

    def second_connection(self) -> Database:
        """Another connection to this database, for a worker thread: it runs no migration (the
        schema is current) and takes no folder lock; close it when done. ValueError for an
        in-memory database, which has no second connection."""
        if self.db.path is None:
            raise ValueError("an in-memory database has no second connection")
        return Database.open(self.db.path, read_only=self.db.read_only)

    @classmethod
    def in_memory(cls) -> Workspace:
        return cls(Database.in_memory(), None, created=True)

    @property
    def folder(self) -> Path | None:
        return None if self.db.path is None else self.db.path.parent

    def close(self) -> None:
        self.db.close()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


# What use cases that may run on a worker's own connection accept: a Workspace, or a bare
# Database opened on the same file.
Target = Database | Workspace


def database_of(target: Target) -> Database:
    return target.db if isinstance(target, Workspace) else target
