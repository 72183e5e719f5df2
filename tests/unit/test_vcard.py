"""vCard files as tables: Apple/iCloud 3.0, Google Contacts, vCard 4.0 and 2.1, the contacts
that cannot become a person, and a round trip through vobject's own writer."""

from __future__ import annotations

from pathlib import Path

import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.importing import (
    Candidate,
    Field,
    FileProblem,
    Skipped,
    SourceRow,
    Table,
    TableKind,
)
from planner.interchange.normalize import normalize
from planner.interchange.tables import read_table
from planner.interchange.vcard import FIELDS, HEADERS, read_vcards
from tests.conftest import DATA

IMPORTS = DATA / "imports"
SOCIAL = "vcard_social_profiles.vcf"


def cards(name: str) -> list[tuple[int, dict[str, str]]]:
    """Each row of a fixture as (line, its non-empty cells by header)."""
    table = read_table(IMPORTS / name)
    assert table.kind is TableKind.VCARD
    assert table.headers == HEADERS
    return [
        (row.line, {h: c for h, c in zip(HEADERS, row.cells, strict=True) if c})
        for row in table.rows
    ]


def test_the_headers_are_the_fields_in_a_fixed_order() -> None:
    assert HEADERS == (
        "full_name", "given_name", "family_name", "email", "company", "title", "phone",
        "linkedin_url", "notes",
    )  # fmt: skip
    assert tuple(Field(header) for header in HEADERS) == FIELDS


def test_apple_icloud_cards() -> None:
    assert cards("apple_icloud.vcf") == [
        (
            1,
            {
                "full_name": "Inês Carvalho",
                "given_name": "Inês",
                "family_name": "Carvalho",
                "email": "ines.carvalho@example.pt",  # item1.EMAIL, type=pref
                "company": "Lisboa Analytics, Lda.",  # ORG's first unit, comma unescaped
                "title": "Head of Data",
                "phone": "+351 912 345 678",  # the pref one, not the first
                "linkedin_url": "http://www.linkedin.com/in/ines-carvalho",  # X-SOCIALPROFILE
                "notes": "Met at PyCon Lisboa 2025, after the data track. Wants an intro to the "
                "organisers of the Porto meetup; follow up in October.",  # folded line
            },
        ),
        (
            20,
            {
                "full_name": "田中 美咲",
                "given_name": "美咲",
                "family_name": "田中",
                "email": "misaki.tanaka@example.jp",  # no pref: the first
                "company": "株式会社サクラ",
                "title": "プロダクトマネージャー",
                "phone": "+81 90-1234-5678",  # no pref: the mobile one
                "linkedin_url": "https://lnkd.in/misaki-tanaka",  # labelled LinkedIn
            },
        ),
        (
            38,
            {
                "full_name": "يوسف العامري",
                "given_name": "يوسف",
                "family_name": "العامري",
                "email": "yusuf@example.ae",
            },
        ),
    ]


def test_google_contacts_cards() -> None:
    assert cards("google_contacts.vcf") == [
        (
            1,
            {
                "full_name": "María José García",
                "given_name": "María José",
                "family_name": "García",
                "email": "mj.garcia@example.es",
                "company": "Ejemplo S.L.",
                "title": "Directora de Ventas",
                "phone": "+34 612 34 56 78",
                "linkedin_url": "https://www.linkedin.com/in/mjgarcia",  # Google's "https\:"
                "notes": "Conocida en la conferencia, Madrid 2025",
            },
        ),
        (
            16,
            {
                "full_name": "נועה לוי",
                "given_name": "נועה",
                "family_name": "לוי",
                "email": "noa.levi@example.co.il",
                "company": "Tech Aviv",
                "phone": "+972 3 555 0100",
            },
        ),
        (
            25,
            {
                "full_name": "Kwame Mensah",
                "given_name": "Kwame",
                "family_name": "Mensah",
                "email": "kwame@example.gh",
            },
        ),
    ]


def test_vcard_4_cards() -> None:
    assert cards("vcard4.vcf") == [
        (
            1,
            {
                "full_name": "王小明",
                "given_name": "小明",
                "family_name": "王",
                "email": "xm.wang@example.com",  # PREF=1
                "company": "示例科技有限公司",
                "title": "软件工程师",
                "phone": "+86-10-6552-0000;ext=123",  # PREF=1 beats PREF=2; "tel:" dropped
                "linkedin_url": "https://www.linkedin.com/in/wang-xiaoming",
                "notes": "First line\nSecond line",
            },
        ),
        (
            14,
            {
                "full_name": "يوسف العامري",
                "given_name": "يوسف",
                "family_name": "العامري",
                "email": "yusuf@example.ae",
                "phone": "+971-50-123-4567",
            },
        ),
        (21, {"full_name": "Zoë Martín-Løkke", "email": "zoe@example.no"}),
    ]


def test_vcard_2_1_quoted_printable() -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;\r\n"
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller\r\n"
        "TEL;WORK:+49 30 123456\r\nTEL;CELL:+49 151 1234567\r\n"
        "EMAIL;PREF;INTERNET:juergen@example.de\r\nEND:VCARD\r\n"
    )
    table = read_vcards(text, "outlook.vcf")
    assert dict(zip(HEADERS, table.rows[0].cells, strict=True)) == {
        "full_name": "Jürgen Müller",
        "given_name": "Jürgen",
        "family_name": "Müller",
        "email": "juergen@example.de",
        "company": "",
        "title": "",
        "phone": "+49 151 1234567",
        "linkedin_url": "",
        "notes": "",
    }


def test_a_contact_without_name_or_email_becomes_an_empty_row() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Silva\nEND:VCARD\n"
        "\n"
        "BEGIN:VCARD\nVERSION:3.0\nTEL:+351 912 000 000\nORG:Acme\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nEMAIL:bo@example.com\nEND:VCARD\n"
    )
    table = read_vcards(text, "mixed.vcf")
    assert [row.line for row in table.rows] == [1, 6, 11]
    assert table.rows[1] == SourceRow(6, ("",) * len(HEADERS))
    assert table.rows[2].cells[3] == "bo@example.com"


def test_a_file_with_no_usable_contact_is_refused() -> None:
    with pytest.raises(FileProblem) as caught:
        read_table(IMPORTS / "vcard_no_names.vcf")
    assert caught.value.line == 1
    assert str(caught.value) == (
        "vcard_no_names.vcf, line 1: has no contact with a name or an email address"
    )


def test_text_that_is_not_a_vcard_is_refused() -> None:
    with pytest.raises(FileProblem, match=r"^notes\.vcf: does not look like a vCard file"):
        read_vcards("Name,Email\nAna,a@example.com\n", "notes.vcf")


def test_a_damaged_card_does_not_cost_the_others() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Silva\nEMAIL:ana@example.pt\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nthis line is garbage\nFN;=:\nN:;;\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Bo Chen\nEND:VCARD\n"
    )
    table = read_vcards(text, "damaged.vcf")
    assert [row.cells[0] for row in table.rows] == ["Ana Silva", "", "Bo Chen"]
    assert [item.line for item in table.unread] == [8, 9]


def test_a_line_that_cannot_be_read_is_named_and_the_rest_of_the_contact_kept(
    caplog: pytest.LogCaptureFixture,
) -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"  # 1, 2
        "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\r\n"  # 3: dropped unread
        " /2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGBgkICAcJBwcHBwgKDgsKCAkKBwcHCg0KCg4\r\n"
        "\r\n"  # 5
        "FN:Ana Silva\r\n"  # 6
        "EMA{IL;TYPE=INTERNET:ana.silva@example.pt\r\n"  # 7: not a property line
        "NOTE;ENCODING=QUOTED-PRINTABLE:Met at the =\r\n"  # 8
        "booth=0D=0Aon day two\r\n"  # 9: the note goes on (a soft line break)
        "TEL;CELL:+351 912 000 000\r\n"  # 10
        "ORG;Acme\r\n"  # 11: no colon
        " Corporation\r\n"  # 12: folded into line 11
        "END:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Chen\r\nEMAIL:bo@example.com\r\nEND:VCARD\r\n"
    )
    with caplog.at_level("DEBUG"):
        table = read_vcards(text, "damaged.vcf")
    assert caplog.records == []  # said in the table, not in a log nobody reads
    assert table.unread == (
        Skipped(
            7,
            "could not be read, left out of the contact at line 1: "
            "“EMA{IL;TYPE=INTERNET:ana.silva@example.pt”",
        ),
        Skipped(11, "could not be read, left out of the contact at line 1: “ORG;AcmeCorporation”"),
    )
    ana = dict(zip(HEADERS, table.rows[0].cells, strict=True))
    assert (ana["full_name"], ana["email"], ana["phone"], ana["company"]) == (
        "Ana Silva",
        "",
        "+351 912 000 000",
        "",
    )
    assert ana["notes"] == "Met at the booth\r\non day two"
    assert table.rows[1].cells[:4] == ("Bo Chen", "", "", "bo@example.com")


def test_a_long_unreadable_line_is_quoted_in_part() -> None:
    text = "BEGIN:VCARD\nVERSION:3.0\nFN:Ana\n" + "X" * 500 + "\nEND:VCARD\n"
    (unread,) = read_vcards(text, "long.vcf").unread
    assert unread.line == 4
    assert unread.reason.endswith("“" + "X" * 59 + "…”")


def test_a_card_cut_short_is_read_as_far_as_it_goes() -> None:
    text = "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Silva\nEMAIL:ana@example.pt\nPHOTO;ENCODING=b:/9j/4A"
    table = read_vcards(text, "cut.vcf")
    assert table.rows[0].cells[:4] == ("Ana Silva", "", "", "ana@example.pt")


def test_a_vcard_file_is_told_by_content_in_any_encoding(tmp_path: Path) -> None:
    text = (
        "\r\n BEGIN:vcard\r\nVERSION:3.0\r\nFN:نور حداد\r\nEMAIL:nour@example.jo\r\nEND:VCARD\r\n"
    )
    path = tmp_path / "contacts.txt"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    table = read_table(path)
    assert table.kind is TableKind.VCARD
    assert table.encoding == "utf-16-le"
    assert table.rows == (
        SourceRow(2, ("نور حداد", "", "", "nour@example.jo", "", "", "", "", "")),
    )


def test_x_socialprofile_without_a_link_uses_the_user_name() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Silva\n"
        "X-SOCIALPROFILE;type=linkedin;x-user=ana-silva:x-apple:ana-silva\nEND:VCARD\n"
    )
    table = read_vcards(text, "a.vcf")
    assert table.rows[0].cells[7] == "https://www.linkedin.com/in/ana-silva"


def test_every_way_a_card_gives_linkedin_gives_the_profile() -> None:
    # SOCIALPROFILE (RFC 9554) as a link and as a user name, Apple's X-SOCIALPROFILE, and URLs,
    # where the personal profile wins over a company page given first.
    found = {values["full_name"]: values.get("linkedin_url") for _, values in cards(SOCIAL)}
    assert found == {
        "Ana Silva": "https://www.linkedin.com/in/ana-silva",
        "Bo Chen": "https://www.linkedin.com/in/bo-chen",
        "Carla Reis": "https://linkedin.com/in/carla-reis/",
        "Dev Patel": "https://uk.linkedin.com/in/dev-patel?trk=profile",
        "Eva Nowak": "http://linkedin.com/in/eva-nowak",
    }
    table = read_table(IMPORTS / SOCIAL)
    people = [
        normalize(
            Candidate(row.line, dict(zip(FIELDS, row.cells, strict=True))), default_region=None
        )
        for row in table.rows
    ]
    assert [getattr(p, "linkedin_url", None) for p in people] == [
        "https://www.linkedin.com/in/ana-silva",
        "https://www.linkedin.com/in/bo-chen",
        "https://www.linkedin.com/in/carla-reis",
        "https://www.linkedin.com/in/dev-patel",
        "https://www.linkedin.com/in/eva-nowak",
    ]


def test_a_socialprofile_of_another_service_is_no_linkedin() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:4.0\nFN:Ana Silva\n"
        "SOCIALPROFILE;VALUE=text;SERVICE-TYPE=Mastodon:ana\n"
        "SOCIALPROFILE;SERVICE-TYPE=GitHub:https://github.com/ana\nEND:VCARD\n"
    )
    assert read_vcards(text, "a.vcf").rows[0].cells[7] == ""


# --- round trip through vobject ----------------------------------------------------------------

VISIBLE = st.characters(exclude_categories=["Cc", "Cs", "Zl", "Zp"])
TEXT = st.text(VISIBLE, min_size=1, max_size=15).map(str.strip).filter(bool)
NOTES = (
    st.text(st.characters(exclude_categories=["Cc", "Cs", "Zl", "Zp"], include_characters="\n"))
    .map(str.strip)
    .filter(bool)
)
PEOPLE = st.fixed_dictionaries(
    {
        "full_name": TEXT,
        "given_name": TEXT,
        "family_name": TEXT,
        "email": st.from_regex(r"[a-z0-9._-]{1,10}@[a-z0-9-]{1,10}\.[a-z]{2,4}", fullmatch=True),
        "company": TEXT,
        "title": TEXT,
        "phone": st.from_regex(r"\+?[0-9][0-9 ()-]{3,14}[0-9]", fullmatch=True),
        "linkedin_url": st.from_regex(
            r"https://www\.linkedin\.com/in/[a-z0-9-]{1,20}", fullmatch=True
        ),
        "notes": NOTES,
    }
)


def serialise(person: dict[str, str]) -> str:
    card = vobject.vCard()
    card.add("fn").value = person["full_name"]
    card.add("n").value = vobject.vcard.Name(
        family=person["family_name"], given=person["given_name"]
    )
    card.add("email").value = person["email"]
    card.add("org").value = [person["company"]]
    card.add("title").value = person["title"]
    phone = card.add("tel")
    phone.value = person["phone"]
    phone.type_param = "CELL"
    card.add("url").value = person["linkedin_url"]
    card.add("note").value = person["notes"]
    text: str = card.serialize()
    return text


@settings(max_examples=60, deadline=None)
@given(st.lists(PEOPLE, min_size=1, max_size=3))
def test_people_survive_a_round_trip_through_vobject(people: list[dict[str, str]]) -> None:
    text = "".join(serialise(person) for person in people)
    table: Table = read_vcards(text, "people.vcf")
    assert [dict(zip(HEADERS, row.cells, strict=True)) for row in table.rows] == people
    starts = [n for n, line in enumerate(text.splitlines(), 1) if line == "BEGIN:VCARD"]
    assert [row.line for row in table.rows] == starts
