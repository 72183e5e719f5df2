"""A person's own details, typed by hand: name, email, company, job title, phone, LinkedIn
profile and notes. What is saved is what the import would make of the same text (a name split
into its parts, an international phone number, one form of LinkedIn link); the dialog shows
it as the user types."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from planner.domain.model import Person
from planner.domain.people import MAX_DETAIL_CHARS, MAX_NAME_CHARS, MAX_PERSON_NOTES
from planner.gui.common.form_dialog import FormDialog
from planner.gui.common.formatting import breakable
from planner.interchange.normalize import split_names
from planner.services.people import person_problems, tidy_person
from planner.services.workspace import Workspace


def tr(text: str) -> str:
    return QCoreApplication.translate("person", text)


def _line(text: str | None, placeholder: str, limit: int) -> QLineEdit:
    edit = QLineEdit(text or "")
    edit.setPlaceholderText(placeholder)
    # Room to go over the limit, so the problem is named instead of the typing stopping.
    edit.setMaxLength(limit + 1)
    return edit


class PersonDialog(FormDialog):
    def __init__(
        self,
        workspace: Workspace,
        person: Person | None = None,
        *,
        default_region: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        editing = person is not None
        title = tr("Person Details") if editing else tr("New Person")
        super().__init__(title, editing=editing, parent=parent)
        self.setMinimumWidth(520)
        self._workspace = workspace
        self._base = person or Person(full_name="")
        self._region = default_region
        base = self._base
        self.name = _line(base.full_name, tr("As they write it"), MAX_NAME_CHARS)
        self.given = _line(base.given_name, "", MAX_NAME_CHARS)
        self.family = _line(base.family_name, "", MAX_NAME_CHARS)
        self.email = _line(base.email, tr("name@example.com"), MAX_DETAIL_CHARS)
        self.company = _line(base.company, "", MAX_DETAIL_CHARS)
        self.job_title = _line(base.title, "", MAX_DETAIL_CHARS)
        self.phone = _line(base.phone, tr("With the country code, or as dialled here"), 60)
        self.linkedin = _line(base.linkedin_url, tr("linkedin.com/in/…"), MAX_DETAIL_CHARS)
        self.notes = QPlainTextEdit(base.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        self.notes.setPlaceholderText(tr("How you know them, what matters to them"))
        self.saved_as = QLabel()  # what the phone and LinkedIn fields will be saved as
        self.saved_as.setObjectName("hint")
        self.saved_as.setTextFormat(Qt.TextFormat.PlainText)
        self.saved_as.setWordWrap(True)
        form = self.form
        form.addRow(tr("&Name:"), self.name)
        form.addRow(tr("&Given name:"), self.given)
        form.addRow(tr("&Family name:"), self.family)
        form.addRow(tr("&Email:"), self.email)
        form.addRow(tr("&Company:"), self.company)
        form.addRow(tr("&Job title:"), self.job_title)
        form.addRow(tr("&Phone:"), self.phone)
        form.addRow(tr("&LinkedIn:"), self.linkedin)
        form.addRow(tr("N&otes:"), self.notes)
        form.addRow("", self.saved_as)
        # The parts follow the name while they are what the name splits into (or empty);
        # once the user types a part, it is theirs.
        self._parts_follow = (base.given_name, base.family_name) in (
            (None, None),
            split_names(base.full_name, "", "")[1:],
        )
        self.name.textEdited.connect(self._name_edited)
        self.given.textEdited.connect(self._part_edited)
        self.family.textEdited.connect(self._part_edited)
        self.watch(
            *(
                edit.textChanged
                for edit in (
                    self.name,
                    self.given,
                    self.family,
                    self.email,
                    self.company,
                    self.job_title,
                    self.phone,
                    self.linkedin,
                )
            ),
            self.notes.textChanged,
        )
        self.revalidate()

    def _name_edited(self, text: str) -> None:
        if self._parts_follow:
            _, given, family = split_names(text, "", "")
            self.given.setText(given or "")
            self.family.setText(family or "")

    def _part_edited(self) -> None:
        self._parts_follow = False

    def typed(self) -> Person:
        """The person as typed (tidied only when saved)."""
        return replace(
            self._base,
            full_name=self.name.text(),
            given_name=self.given.text() or None,
            family_name=self.family.text() or None,
            email=self.email.text() or None,
            company=self.company.text() or None,
            title=self.job_title.text() or None,
            phone=self.phone.text() or None,
            linkedin_url=self.linkedin.text() or None,
            notes=self.notes.toPlainText(),
        )

    def person_value(self) -> Person:
        """The person as they will be saved."""
        return tidy_person(self.typed(), self._region)

    def current_problems(self) -> list[str]:
        typed = self.typed()
        if len(typed.notes) > MAX_PERSON_NOTES:  # before tidying a very long text
            return [
                tr("Notes are limited to %1 characters.").replace("%1", f"{MAX_PERSON_NOTES:,}")
            ]
        return person_problems(self._workspace, tidy_person(typed, self._region))

    def input_changed(self, problems: list[str]) -> None:
        person = self.person_value()
        typed = self.typed()
        lines = []
        if person.phone and person.phone != (typed.phone or "").strip():
            lines.append(tr("Phone saved as %1").replace("%1", person.phone))
        if person.linkedin_url and person.linkedin_url != (typed.linkedin_url or "").strip():
            lines.append(tr("LinkedIn saved as %1").replace("%1", breakable(person.linkedin_url)))
        self.saved_as.setText("\n".join(lines))
        self.saved_as.setVisible(bool(lines))
