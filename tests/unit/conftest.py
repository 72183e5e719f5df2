"""Unit tests exercise the core only: no QApplication may exist while they run."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from planner.services.workspace import Workspace


@pytest.fixture(autouse=True)
def _no_qapplication() -> Iterator[None]:
    yield
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None:
        assert widgets.QApplication.instance() is None, "a unit test created a QApplication"


@pytest.fixture
def workspace() -> Iterator[Workspace]:
    with Workspace.in_memory() as ws:
        yield ws
