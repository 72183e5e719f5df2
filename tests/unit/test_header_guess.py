"""What a header means when no known layout fits: header words in many languages, neighbouring
words that do not fool the guess, one column per field, and columns known by their values."""

from __future__ import annotations

import pytest

from planner.interchange.header_guess import guess_unknown
from planner.interchange.layouts import guess_mapping
from tests.attendee_tables import named, table_of


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            ["Full Name", "Email", "Company", "Job Title", "Mobile", "LinkedIn", "Role",
             "Status", "Notes"],
            ["full_name", "email", "company", "title", "phone", "linkedin_url", "role",
             "status", "notes"],
        ),
        (
            ["firstName", "lastName", "emailAddress", "companyName", "jobTitle", "phoneNumber"],
            ["given_name", "family_name", "email", "company", "title", "phone"],
        ),
        (
            ["Name", "Vorname", "Firma", "Position", "E-Mail-Adresse", "Telefonnummer"],
            ["family_name", "given_name", "company", "title", "email", "phone"],
        ),
        (
            ["Prénom", "Nom", "Société", "Poste", "Courriel", "Téléphone"],
            ["given_name", "family_name", "company", "title", "email", "phone"],
        ),
        (
            ["Nombre", "Apellidos", "Empresa", "Cargo", "Correo electrónico", "Teléfono"],
            ["given_name", "family_name", "company", "title", "email", "phone"],
        ),
        (
            ["Nome", "Cognome", "Azienda", "Ruolo", "Email", "Cellulare"],
            ["given_name", "family_name", "company", "role", "email", "phone"],
        ),
        (
            ["Nome", "Apelido", "Correio eletrónico", "Empresa", "Cargo", "Telemóvel", "Notas"],
            ["given_name", "family_name", "email", "company", "title", "phone", "notes"],
        ),
        (
            ["Nome completo", "E-mail", "Empresa", "Cargo", "Celular"],
            ["full_name", "email", "company", "title", "phone"],
        ),
        (
            ["Voornaam", "Achternaam", "Bedrijf", "Functie", "Telefoon"],
            ["given_name", "family_name", "company", "title", "phone"],
        ),
        (
            ["Vorname", "Nachname", "E-Mail", "Firma", "Position", "Telefon", "Anmerkung"],
            ["given_name", "family_name", "email", "company", "title", "phone", "notes"],
        ),
        (
            ["Voornaam", "Achternaam", "E-mailadres", "Opmerkingen"],
            ["given_name", "family_name", "email", "notes"],
        ),
        (
            ["Prénom", "Nom", "Courriel", "Observations"],
            ["given_name", "family_name", "email", "notes"],
        ),
        (
            ["Nome", "Cognome", "Email", "Osservazioni"],
            ["given_name", "family_name", "email", "notes"],
        ),
        (
            ["氏名", "メールアドレス", "会社名", "役職", "電話番号", "備考"],
            ["full_name", "email", "company", "title", "phone", "notes"],
        ),
        (["名前", "会社", "メール"], ["full_name", "company", "email"]),
        (["姓名", "公司", "职位", "电子邮件", "手机"],
         ["full_name", "company", "title", "email", "phone"]),
        (["이름", "회사", "직함", "이메일"], ["full_name", "company", "title", "email"]),
        (["الاسم", "البريد الإلكتروني", "الشركة"], ["full_name", "email", "company"]),
        (["שם מלא", 'דוא"ל', "חברה", "טלפון"], ["full_name", "email", "company", "phone"]),
        (["Nom de famille", "Prénom", "Adresse e-mail"], ["family_name", "given_name", "email"]),
        (["Name", "Email"], ["full_name", "email"]),
        (["Nom", "Courriel"], ["full_name", "email"]),
        (
            ["What is your name?", "Your email", "What company do you work for?",
             "What is your job title?", "LinkedIn profile URL"],
            ["full_name", "email", "company", "title", "linkedin_url"],
        ),
    ],
)  # fmt: skip
def test_the_guess_reads_header_words_in_many_languages(
    headers: list[str], expected: list[str]
) -> None:
    table = table_of(headers)
    layout, mapping = guess_mapping(table)
    assert layout is None
    assert [mapping[n].value if n in mapping else "" for n in range(len(headers))] == expected


def test_the_guess_is_not_fooled_by_neighbouring_words() -> None:
    headers = [
        "Name", "Company Name", "Company Main Phone", "E-mail Display Name", "E-mail Type",
        "E-mail Address", "Phone 1 - Type", "Phone 1 - Value", "Buyer Email", "Event Title",
        "Order Status", "Ticket Price", "How big is your company?",
    ]  # fmt: skip
    assert named(table_of(headers), guess_mapping(table_of(headers))[1]) == {
        "Name": "full_name",
        "Company Name": "company",
        "E-mail Address": "email",
        "Phone 1 - Value": "phone",
    }


def test_each_field_goes_to_one_column_at_most() -> None:
    headers = ["Email", "E-mail", "Work email", "Phone", "Mobile", "Telephone"]
    mapping = guess_mapping(table_of(headers))[1]
    assert named(table_of(headers), mapping) == {"Email": "email", "Phone": "phone"}


def test_nothing_recognisable_gives_an_empty_mapping() -> None:
    assert guess_mapping(table_of(["Column A", "Column B"]))[1] == {}


def test_email_and_linkedin_columns_are_known_by_their_values() -> None:
    table = table_of(
        ["Column 1", "Column 2", "Column 3"],
        ["Ana Silva", "ana@example.pt", "https://www.linkedin.com/in/ana"],
        ["Bo Chen", "bo@example.com", ""],
        ["Cy", "not given", "linkedin.com/in/cy"],
        ["Di", "di@example.org", "pt.linkedin.com/in/di"],
        ["Ed", "ed@example.org", ""],
    )
    assert named(table, guess_mapping(table)[1]) == {
        "Column 2": "email",
        "Column 3": "linkedin_url",
    }


def test_a_named_email_column_is_not_second_guessed_by_values() -> None:
    table = table_of(["Email", "Backup"], ["", "ana@example.pt"], ["", "bo@example.com"])
    assert named(table, guess_mapping(table)[1]) == {"Email": "email"}


def test_a_table_in_no_known_layout_is_guessed_from_headers_then_values() -> None:
    table = table_of(
        ["Nombre", "Apellidos", "Contact", "Perfil"],
        ["Ana", "Lima", "ana@example.pt", "linkedin.com/in/ana"],
    )
    assert named(table, guess_unknown(table)) == {
        "Nombre": "given_name",
        "Apellidos": "family_name",
        "Contact": "email",
        "Perfil": "linkedin_url",
    }
    assert list(guess_unknown(table)) == [0, 1, 2, 3]  # in column order
