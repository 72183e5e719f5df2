"""Shared test set-up. Qt runs offscreen; every test gets its own data folder."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never let a test touch the developer's real data folder.
os.environ.pop("PLANNER_DATA_DIR", None)

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("PLANNER_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _nothing_frozen_after() -> Iterator[None]:
    """A long list loaded in a test freezes what is alive (planner.services.memory); let the
    next test's garbage collection see it all again."""
    yield
    if gc.get_freeze_count():
        gc.unfreeze()
