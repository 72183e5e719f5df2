"""Two people who are one: the user chooses whose details to keep, sees the person the merge
will leave, and confirms. Nothing is written until then."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.ids import PersonId
from planner.domain.model import Person
from planner.gui.common.formatting import breakable

DASH = "—"


def tr(text: str) -> str:
    return QCoreApplication.translate("merge", text)


_FIELDS: tuple[tuple[str, Callable[[Person], str | None]], ...] = (
    (tr("Name"), lambda p: p.full_name),
    (tr("Email"), lambda p: p.email),
    (tr("Company"), lambda p: p.company),
    (tr("Job title"), lambda p: p.title),
    (tr("Phone"), lambda p: p.phone),
    (tr("LinkedIn"), lambda p: p.linkedin_url),
)


def _value(text: str | None) -> QLabel:
    label = QLabel(breakable(text) if text else DASH)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names are the user's text, never markup
    label.setWordWrap(True)
    label.setMinimumWidth(180)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


class MergeDialog(QDialog):
    """`preview(keeper, absorbed)` gives the person the merge would leave."""

    def __init__(
        self,
        first: Person,
        second: Person,
        events: tuple[int, int],
        preview: Callable[[PersonId, PersonId], Person],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Merge Two People"))
        self._people = (first, second)
        self._preview = preview
        intro = QLabel(
            tr(
                "Choose whose details to keep. The other's fill in only what is missing, and "
                "their places on events' lists, plans, follow-ups and meetings move over."
            )
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        self.choice = QButtonGroup(self)
        for column, person in enumerate(self._people, start=1):
            button = QRadioButton(tr("Keep this one"))
            # Two buttons read alike; a screen reader says whose details each one keeps.
            button.setAccessibleName(tr("Keep %1's details").replace("%1", person.full_name))
            self.choice.addButton(button, column - 1)
            grid.addWidget(button, 0, column)
        after = QLabel(tr("After the merge"))
        after.setObjectName("sectionTitle")
        grid.addWidget(after, 0, 3)
        self.outcome: list[QLabel] = []
        for row, (name, value) in enumerate(_FIELDS, start=1):
            label = QLabel(name)
            label.setObjectName("hint")
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            for column, person in enumerate(self._people, start=1):
                grid.addWidget(_value(value(person)), row, column)
            shown = _value(None)
            self.outcome.append(shown)
            grid.addWidget(shown, row, 3)
        row = len(_FIELDS) + 1
        label = QLabel(tr("Events"))
        label.setObjectName("hint")
        grid.addWidget(label, row, 0)
        for column, count in enumerate(events, start=1):
            grid.addWidget(_value(str(count)), row, column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        merge = buttons.addButton(tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        merge.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        # The one on more events' lists is likely the one the user has worked with.
        self.choice.button(0 if events[0] >= events[1] else 1).setChecked(True)
        self.choice.idToggled.connect(self._toggled)
        self._show_result()

    def chosen(self) -> tuple[PersonId, PersonId]:
        """(the person kept, the person folded into them)."""
        kept = self.choice.checkedId()
        first, second = (self._people[kept], self._people[1 - kept])
        assert first.id is not None and second.id is not None
        return first.id, second.id

    def _toggled(self, _: int, on: bool) -> None:
        if on:
            self._show_result()

    def _show_result(self) -> None:
        person = self._preview(*self.chosen())
        for label, (_, value) in zip(self.outcome, _FIELDS, strict=True):
            text = value(person)
            label.setText(breakable(text) if text else DASH)
