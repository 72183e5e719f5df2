"""What a header means when no known layout fits the table: its words read, in many languages,
else its values looked at.

The header words are read in English, Spanish, Portuguese, French, German, Italian, Dutch,
Japanese, Chinese, Korean, Arabic, Hebrew and Russian. Each field goes to at most one column
and each column to at most one field, best match first. A bare "Name" (Nombre, Nom, Nome,
Naam) is the full name, unless the table has a first-name column and no last-name one (German
"Name, Vorname", French "Nom, Prénom": it is the family name) or the other way round (Spanish
"Nombre, Apellidos": it is the given name).

When no header names the email or LinkedIn column (a file without a header has "Column 1",
"Column 2"...), a column at least 80% of whose first 50 values are email addresses, or
LinkedIn links, is taken for it.

Known layouts use the same scores for the organiser's question columns
(planner.interchange.layouts).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planner.domain.importing import Field, Mapping, Table
from planner.interchange.cells import strip_cell

__all__ = ["assign", "guess_unknown"]


def guess_unknown(table: Table) -> Mapping:
    """The mapping guessed for a table in no known layout: from its header words, then, for
    the email and LinkedIn fields no header names, from its values."""
    mapping = _guess(table.headers)
    for field, pattern in _VALUE_PATTERNS.items():
        if field not in mapping.values():
            column = _column_of_values(table, pattern, exclude=mapping.keys())
            if column is not None:
                mapping[column] = field
    return dict(sorted(mapping.items()))


# Values that say what a column holds when its header does not ("Column 2", "Contact").
_VALUE_PATTERNS = {
    Field.EMAIL: re.compile(r"[^@\s]+@[^@\s]+\.\w+"),
    Field.LINKEDIN_URL: re.compile(r"(?:https?://)?(?:[\w-]+\.)?linkedin\.com/\S*", re.IGNORECASE),
}


def _column_of_values(table: Table, pattern: re.Pattern[str], exclude: Iterable[int]) -> int | None:
    """The first column (not excluded) most of whose first 50 filled values match `pattern`."""
    excluded = set(exclude)
    for column in range(len(table.headers)):
        if column in excluded:
            continue
        values = [v for row in table.rows[:50] if (v := strip_cell(row.cells[column]))]
        if values and sum(1 for v in values if pattern.fullmatch(v)) * 10 >= len(values) * 8:
            return column
    return None


# Words written in camel case that are one word: "LinkedIn" is not "Linked In".
_BRANDS = re.compile(r"linked\s*in|whats\s*app|you\s*tube|git\s*hub", re.IGNORECASE)


def _norm(text: str) -> str:
    """Lower case, accents and punctuation gone, camelCase split: "E-Mail-Adresse" is
    "e mail adresse", "firstName" is "first name", "Prénom" is "prenom"."""
    text = _BRANDS.sub(lambda match: re.sub(r"\s", "", match.group()).lower(), text)
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


# Words that say nothing about the field: "E-mail 1 - Value", "What is your job title?".
_NOISE = frozenset(
    {"value", "your", "the", "a", "an", "what", "s", "is", "are", "of", "please", "enter"}
    | {"here", "and", "et", "und", "y", "de", "du", "des", "la", "le", "el", "da", "do", "di"}
)


def _words(text: str) -> list[str]:
    return [word for word in _norm(text).split() if word not in _NOISE and not word.isdigit()]


@dataclass(frozen=True, slots=True)
class _Rule:
    exact: frozenset[str]  # the whole header, noise removed: score 100
    contains: tuple[tuple[str, ...], ...]  # a run of words in the header: score 70
    substrings: tuple[str, ...] = ()  # anywhere, spaces ignored (CJK, German compounds): 50
    veto: frozenset[str] = frozenset()  # any of these words: not this field


def _rule(exact: str, contains: str = "", substrings: str = "", veto: str = "") -> _Rule:
    """A rule from "|"-separated phrases, normalised like headers."""

    def phrases(text: str) -> list[str]:
        found = (" ".join(_words(phrase)) for phrase in text.split("|"))
        return [phrase for phrase in found if phrase]

    return _Rule(
        exact=frozenset(phrases(exact)),
        contains=tuple(tuple(phrase.split()) for phrase in phrases(contains)),
        substrings=tuple(phrase.replace(" ", "") for phrase in phrases(substrings)),
        veto=frozenset(word for phrase in phrases(veto) for word in phrase.split()),
    )


_NOT_THE_PERSON = "buyer|purchaser|billing|emergency|parent|guardian|assistant|manager|spouse"
_PHONETIC = "phonetic|yomi|furigana|pronunciation|kana"

_RULES: dict[Field, _Rule] = {
    Field.FULL_NAME: _rule(
        "full name|fullname|display name|attendee name|guest name|contact name|participant name"
        "|registrant name|member name|person|first last name|first and last name|first name "
        "last name|name surname|name and surname|nombre completo|nombre y apellidos"
        "|nombre y apellido|nombre apellidos|nom complet|nom prenom|prenom nom|nom et prenom"
        "|vollstandiger name|vor und nachname|vorname nachname|nome completo|nome e cognome"
        "|nome cognome|volledige naam|voornaam achternaam|名前|氏名|お名前|姓名|이름|성명|الاسم"
        "|الاسم الكامل|שם|שם מלא|фио|полное имя",
        contains="full name|nombre completo|nom complet|nome completo",
        veto=f"{_NOT_THE_PERSON}|{_PHONETIC}|company|organization|organisation|event|ticket|file",
    ),
    Field.GIVEN_NAME: _rule(
        "first name|firstname|first|given name|givenname|given|forename|christian name|vorname"
        "|prenom|nombre de pila|primer nombre|primeiro nome|nome proprio|voornaam|fornavn"
        "|fornamn|imie|имя|名|下の名前|שם פרטי|الاسم الأول",
        contains="first name|given name|forename|vorname|prenom|voornaam|primeiro nome",
        substrings="vorname",
        veto=f"{_NOT_THE_PERSON}|{_PHONETIC}|company",
    ),
    Field.FAMILY_NAME: _rule(
        "last name|lastname|last|surname|surnames|family name|familyname|nachname|familienname"
        "|nom de famille|apellido|apellidos|cognome|sobrenome|apelido|achternaam|efternavn"
        "|efternamn|nazwisko|фамилия|姓|苗字|שם משפחה|اسم العائلة",
        contains="last name|family name|surname|nachname|apellido|apellidos|cognome|sobrenome"
        "|achternaam|nom de famille",
        substrings="nachname|familienname",
        veto=f"{_NOT_THE_PERSON}|{_PHONETIC}|company",
    ),
    Field.EMAIL: _rule(
        "email|e mail|mail|email address|e mail address|emailaddress|mail address|correo"
        "|correo electronico|correio eletronico|correio electronico|courriel|adresse e mail"
        "|adresse electronique|adresse mail|e mail adresse|email adresse|indirizzo email"
        "|endereco de email|endereco de e mail|e mailadres"
        "|メール|メールアドレス|電子メール|电子邮件|电子邮箱|邮箱|이메일|البريد الإلكتروني|דוא ל"
        "|אימייל|почта|электронная почта",
        contains="email|e mail|correo|courriel|correio eletronico|correio electronico",
        substrings="email|メール|邮箱|邮件|이메일",
        veto=f"{_NOT_THE_PERSON}|type|label|display|opt|optin|consent|subscribed|subscribe"
        "|unsubscribed|status|verified|marketing|bounced|sent|format|permission|confirmed",
    ),
    Field.COMPANY: _rule(
        "company|company name|companyname|organization|organisation|organization name"
        "|organisation name|org|employer|affiliation|institution|business name|firma|firmenname"
        "|unternehmen|empresa|nombre de la empresa|societe|entreprise|organisme|azienda|societa"
        "|bedrijf|bedrijfsnaam|organizacion|organizacao|会社|会社名|所属|勤務先|公司|公司名称"
        "|单位|회사|회사명|소속|الشركة|חברה|компания|организация",
        contains="company|organization|organisation|employer|affiliation|affiliated"
        "|institution|firma|unternehmen|empresa|societe|entreprise|azienda|bedrijf"
        "|organizacion|organizacao",
        substrings="会社|公司|회사|firmen|unternehmen",
        veto="phone|tel|telephone|fax|address|street|city|state|zip|postal|country|url|web"
        "|website|domain|email|mail|size|employees|industry|type|main|yomi|phonetic|logo"
        "|department|dept|how|many|linkedin|title|position|role|id|number",
    ),
    Field.TITLE: _rule(
        "title|job title|jobtitle|job|position|job position|occupation|designation|job role"
        "|job function|profession|cargo|puesto|titulo|poste|fonction|titre|intitule du poste"
        "|berufsbezeichnung|funktion|position im unternehmen|qualifica|mansione|functie|funcao"
        "|役職|肩書|肩書き|職位|职位|职务|头衔|직함|직책|المسمى الوظيفي|תפקיד|должность",
        contains="job title|job role|title|position|occupation|designation|profession|cargo"
        "|puesto|poste|fonction|berufsbezeichnung|functie",
        substrings="役職|职位|职务|직함",
        veto=f"{_NOT_THE_PERSON}|event|ticket|book|page|course|session|talk|webinar|honorific"
        "|salutation|academic|prefix|order|product|item|department|dept",
    ),
    Field.PHONE: _rule(
        "phone|phone number|phonenumber|telephone|telephone number|tel|mobile|mobile phone"
        "|mobile number|cell|cell phone|cellphone|cell number|whatsapp|whatsapp number|contact "
        "number|telefon|telefonnummer|handy|handynummer|mobil|mobilnummer|telefono|movil|celular"
        "|telefone|telemovel|cellulare|portable|numero de telephone|telefoon|telefoonnummer"
        "|mobiel|電話"
        "|電話番号|携帯|携帯電話|电话|电话号码|手机|手机号|手机号码|전화|전화번호|휴대폰"
        "|الهاتف|رقم الهاتف|טלפון|телефон",
        contains="phone|telephone|mobile|cell|whatsapp|telefon|telefono|telefone|telemovel"
        "|movil|celular|handy|mobil|cellulare|portable|telefoon|mobiel",
        substrings="phone|telefon|電話|电话|手机|携帯|전화",
        veto=f"{_NOT_THE_PERSON}|type|label|fax|code|ext|extension|verified|opt|consent|yomi",
    ),
    Field.LINKEDIN_URL: _rule(
        "linkedin|linkedin url|linkedin profile|linkedin profile url",
        contains="linkedin",
        substrings="linkedin",
    ),
    Field.ROLE: _rule(
        "role|ticket type|ticket|ticket name|ticket class|attendee type|registration type"
        "|participant type|badge type|type of attendee|attendee category|category|rol|rolle"
        "|ruolo|役割|角色|역할",
        contains="ticket type|attendee type|registration type|ticket name|ticket class"
        "|badge type|participant type",
        veto="id|price|quantity|qty|number|fee|paid",
    ),
    Field.STATUS: _rule(
        "status|attendee status|approval status|registration status|rsvp|rsvp status|attendance"
        "|attendance status|estado|statut|stato|状態|状态|상태",
        contains="status|rsvp",
        veto="payment|order|marital|employment|relationship|checked|check|paid|refund|email|mail",
    ),
    Field.NOTES: _rule(
        "notes|note|comments|comment|remarks|memo|notizen|notiz|bemerkungen|bemerkung|kommentar"
        "|anmerkungen|anmerkung|hinweise|notas|comentarios|observaciones|remarques|commentaires"
        "|observations|osservazioni|opmerkingen|opmerking|備考|メモ|备注|메모|הערות|ملاحظات",
        contains="notes|note|comments|remarks|anmerkungen|bemerkungen|opmerkingen",
    ),
}
# A lone "name" word: which name it is depends on the other columns.
_BARE_NAMES = frozenset({"name", "nombre", "nom", "nome", "naam", "navn", "namn"})
_EXACT, _CONTAINS, _SUBSTRING = 100, 70, 50


def _score(header: str, field: Field) -> int:
    words = _words(header)
    if not words:
        return 0
    rule = _RULES[field]
    if rule.veto.intersection(words):
        return 0
    if " ".join(words) in rule.exact:
        return _EXACT
    for phrase in rule.contains:
        size = len(phrase)
        if any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1)):
            return _CONTAINS
    joined = "".join(words)
    if any(part in joined for part in rule.substrings):
        return _SUBSTRING
    return 0


def assign(
    headers: Sequence[str], columns: Sequence[int], fields: Sequence[Field], minimum: int
) -> Mapping:
    """The best column for each field and field for each column, best scores first."""
    scored = [
        (score, column, order, field)
        for column in columns
        for order, field in enumerate(fields)
        if (score := _score(headers[column], field)) >= minimum
    ]
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    mapping: Mapping = {}
    for _, column, _, field in scored:
        if column not in mapping and field not in mapping.values():
            mapping[column] = field
    return mapping


def _guess(headers: Sequence[str]) -> Mapping:
    columns = list(range(len(headers)))
    mapping = assign(headers, columns, list(_RULES), minimum=_SUBSTRING)
    fields = set(mapping.values())
    for column in columns:
        if column in mapping or " ".join(_words(headers[column])) not in _BARE_NAMES:
            continue
        given, family = Field.GIVEN_NAME in fields, Field.FAMILY_NAME in fields
        if given and not family:
            field = Field.FAMILY_NAME
        elif family and not given:
            field = Field.GIVEN_NAME
        else:
            field = Field.FULL_NAME
        if field not in fields:
            mapping[column] = field
            fields.add(field)
    return dict(sorted(mapping.items()))
