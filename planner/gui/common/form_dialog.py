"""Dialogs that edit one thing through a form, and refuse what the domain refuses.

OK stays disabled while the input has problems; the problems are listed in red under the form
once the user has changed something (a fresh, empty form is not scolded). Pressing Enter with
problems left does nothing.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget


class FormDialog(QDialog):
    def __init__(self, title: str, *, editing: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        # The form sits on its own widget so that Qt, not Python, owns the layout: a layout
        # kept in a Python attribute but owned through addLayout() is freed twice at exit.
        fields = QWidget(self)
        self.form = QFormLayout(fields)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.problems = QLabel()
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        self.problems.setStyleSheet("color: #b3261e;")
        self.problems.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_box = QVBoxLayout(self)
        self.layout_box.addWidget(fields)
        self.layout_box.addWidget(self.problems)
        self.layout_box.addWidget(self.buttons)
        self._touched = editing  # an existing thing's problems show at once

    def current_problems(self) -> list[str]:
        """What is wrong with the input as it stands, in plain words."""
        raise NotImplementedError

    def watch(self, *signals: Any) -> None:
        """Re-check whenever one of these signals fires (the user changed something)."""
        for signal in signals:
            signal.connect(self.revalidate)

    def revalidate(self, *changed: object) -> None:
        self._touched = self._touched or bool(changed)
        problems = self.current_problems()
        self.problems.setText("<br>".join(escape(problem) for problem in problems))
        self.problems.setVisible(bool(problems) and self._touched)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
        self.input_changed(problems)

    def input_changed(self, problems: list[str]) -> None:
        """For dialogs that show more as the input changes (e.g. a real date)."""

    def accept(self) -> None:
        if not self.current_problems():
            super().accept()
