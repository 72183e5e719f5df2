"""Unit tests exercise the core only: no QApplication may exist while they run."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from planner.services.workspace import Workspace


@pytest.fixture(autouse=True)
def _no_qapplication() -> Iterator[None]:
    """A unit test must not need Qt: none may create the QApplication. (When the GUI tests
    ran first in the same process, theirs already exists; that is not this test's doing.)"""
    existed = _qapplication_exists()
    yield
    if not existed:
        assert not _qapplication_exists(), "a unit test created a QApplication"


def _qapplication_exists() -> bool:
    widgets = sys.modules.get("PySide6.QtWidgets")
    return widgets is not None and widgets.QApplication.instance() is not None


@pytest.fixture
def workspace() -> Iterator[Workspace]:
    with Workspace.in_memory() as ws:
        yield ws
