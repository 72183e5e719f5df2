"""Storage failures the user can act on, each with a message that says what to do."""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """Base for problems with the data on disk (as opposed to bugs)."""


class NotADatabaseError(StorageError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"{path} is not a Networking Planner database, or it is damaged ({detail}). "
            "It has been left untouched. Move it aside or choose another data folder."
        )
        self.path = path


class DatabaseTooNewError(StorageError):
    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"{path} was written by a newer version of Networking Planner "
            f"(schema {found}; this version knows up to {supported}). Update the app to open it."
        )
        self.path = path


class MigrationError(StorageError):
    """Upgrading the schema failed; the database is still at its old version."""

    def __init__(self, path: Path, version: int, backup: Path | None, cause: Exception) -> None:
        kept = f" A copy taken before the upgrade is at {backup}." if backup else ""
        super().__init__(
            f"Could not upgrade {path} from schema {version} to {version + 1} ({cause}). "
            f"The database was left as it was.{kept}"
        )
        self.path = path


class DataDirLockedError(StorageError):
    def __init__(self, path: Path, holder: str) -> None:
        who = f" (process {holder})" if holder else ""
        super().__init__(
            f"Networking Planner is already using the data in {path}{who}. "
            "Close the other window first, or start with another data folder."
        )
        self.path = path


class NotFoundError(StorageError):
    """A row the caller asked for by id does not exist (any more)."""
