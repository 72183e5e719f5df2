"""Known export layouts, the guess for any other table, and rows turned into candidates.

Every fixture in tests/data/imports is read, recognised (or guessed) and mapped, and the
candidates are compared in full: names exactly as typed in any script, emails, companies,
titles, phones as typed, status and role, with the line each row starts on.
"""

from __future__ import annotations

import pytest

from planner.domain.importing import Candidate, Field, Mapping, SourceRow, Table, TableKind
from planner.interchange.layouts import KNOWN_LAYOUTS, guess_mapping, recognise
from planner.interchange.row_mapping import apply_mapping
from planner.interchange.tables import read_table
from tests.conftest import DATA

IMPORTS = DATA / "imports"

Rows = list[tuple[int, dict[str, str]]]


def imported(name: str) -> tuple[str | None, Rows]:
    """The layout recognised in a fixture and its candidates as (line, {field: value})."""
    table = read_table(IMPORTS / name)
    layout, mapping = guess_mapping(table)
    rows = [
        (candidate.line, {field.value: value for field, value in candidate.values.items()})
        for candidate in apply_mapping(table, mapping)
    ]
    return (layout.key if layout else None), rows


def table_of(headers: list[str], *rows: list[str]) -> Table:
    return Table(
        source="test.csv",
        kind=TableKind.CSV,
        headers=tuple(headers),
        rows=tuple(SourceRow(n, tuple(cells)) for n, cells in enumerate(rows, start=2)),
    )


def named(table: Table, mapping: Mapping) -> dict[str, str]:
    return {table.headers[column]: field.value for column, field in mapping.items()}


# --- every fixture, in full --------------------------------------------------------------------

EXPECTED: dict[str, tuple[str | None, Rows]] = {
    "eventbrite_attendees.csv": (
        "eventbrite",
        [
            (2, {
                "given_name": "Inês", "family_name": "Carvalho",
                "email": "ines.carvalho@example.pt", "company": "Lisboa Analytics, Lda.",
                "title": "Head of Data", "phone": "+351 912 345 678", "role": "Speaker",
                "status": "Attending",
                "linkedin_url": "https://www.linkedin.com/in/ines-carvalho",
            }),
            (3, {
                "given_name": "美咲", "family_name": "田中", "email": "misaki.tanaka@example.jp",
                "company": "株式会社サクラ", "title": "プロダクトマネージャー",
                "phone": "+81 3-1234-5678",  # no cell phone: the work phone
                "role": "General Admission", "status": "Checked In",
            }),
            (4, {
                "given_name": "Jonas", "family_name": "Weber", "email": "jonas.weber@example.de",
                "company": "Weber & Söhne GmbH", "title": "CTO", "phone": "+49 151 2345 6789",
                "role": "Sponsor", "status": "Attending",
            }),
            (5, {
                "given_name": "Amara", "family_name": "Okafor",
                "email": "amara.okafor@example.ng", "role": "Sponsor",
                "status": "Not Attending",
            }),
        ],
    ),
    "eventbrite_classic.csv": (
        "eventbrite-classic",
        [
            (2, {
                "given_name": "Olivia", "family_name": "Brown",
                "email": "olivia.brown@example.co.uk", "company": "Brown & Partners",
                "title": "Community Manager", "phone": "+44 20 7946 0011", "role": "Early Bird",
                "status": "Attending",
            }),
            (3, {  # the attendee, not the buyer who paid for the ticket
                "given_name": "Mateus", "family_name": "Ferreira",
                "email": "mateus@example.com.br", "company": "Oliveira Consultoria",
                "title": "Palestrante, Engenheiro", "phone": "+55 11 91234-5678",
                "role": "Speaker", "status": "Attending",
            }),
            (4, {
                "given_name": "Beatriz", "family_name": "Oliveira",
                "email": "beatriz.oliveira@example.com.br", "company": "Oliveira Consultoria",
                "title": "Diretora", "role": "Speaker", "status": "Refunded",
            }),
        ],
    ),
    "linkedin_connections.csv": (
        "linkedin-connections",
        [
            (5, {
                "given_name": "Sofia", "family_name": "Rossi", "company": "Studio Rossi",
                "title": "Design Director",
                "linkedin_url": "https://www.linkedin.com/in/sofia-rossi-design",
            }),
            (6, {
                "given_name": "يوسف", "family_name": "العامري", "email": "yusuf@example.ae",
                "company": "شركة المستقبل", "title": "مدير المبيعات",
                "linkedin_url": "https://www.linkedin.com/in/yusuf-alamiri",
            }),
            (7, {
                "given_name": "נועה", "family_name": "לוי", "company": "Tech Aviv",
                "title": "VP Engineering", "linkedin_url": "https://www.linkedin.com/in/noa-levi",
            }),
            (8, {
                "given_name": "小明", "family_name": "王", "email": "xiaoming.wang@example.cn",
                "company": "示例科技有限公司", "title": "Founder, CEO",
                "linkedin_url": "https://www.linkedin.com/in/wang-xiaoming",
            }),
        ],
    ),
    "luma_guests_api_id.csv": (
        "luma-api-id",
        [
            (2, {  # given and family name: the full name column is left out
                "given_name": "يوسف", "family_name": "العامري", "email": "yusuf@example.ae",
                "phone": "+971 50 123 4567", "status": "approved", "role": "Standard",
                "company": "Future Labs", "linkedin_url": "linkedin.com/in/yusuf-alamiri",
            }),
            (3, {
                "full_name": "Lena Fischer", "email": "lena.fischer@example.at",
                "status": "pending_approval", "role": "Standard",
            }),
            (4, {
                "given_name": "Carlos", "family_name": "Mendes",
                "email": "carlos.mendes@example.br", "phone": "+55 21 99876-5432",
                "status": "declined", "role": "Standard", "company": "Mendes, Costa & Filhos",
            }),
            (5, {
                "given_name": "Priya", "family_name": "Natarajan", "email": "priya.n@example.in",
                "status": "waitlist", "role": "Speaker", "company": "Natarajan Labs",
                "linkedin_url": "https://www.linkedin.com/in/priya-natarajan/",
            }),
        ],
    ),
    "luma_guests.csv": (
        "luma-guest-id",
        [
            (2, {
                "given_name": "נועה", "family_name": "לוי", "email": "noa.levi@example.co.il",
                "phone": "+972 52 123 4567", "status": "approved", "role": "Members",
                "title": "VP Engineering",
            }),
            (3, {
                "given_name": "Ahmed", "family_name": "Hassan",
                "email": "ahmed.hassan@example.eg", "status": "invited", "role": "Members",
            }),
            (4, {
                "given_name": "Mei", "family_name": "Lin", "email": "mei.lin@example.sg",
                "phone": "+65 9123 4567", "status": "waitlist", "role": "Guest",
                "title": "Researcher, NLP",
            }),
        ],
    ),
    "meetup_attendees.xls": (
        "meetup-attendees",
        [
            (2, {"full_name": "Kwame Mensah", "role": "Organizer", "status": "Yes",
                 "company": "Ghana Tech Hub"}),
            (3, {"full_name": "María José García", "status": "Yes", "company": "Banco Ejemplo"}),
            (4, {"full_name": "Lukáš Novák", "status": "No"}),
            (5, {"full_name": "鈴木 愛子", "role": "Event Host", "status": "Waitlist",
                 "company": "サクラ株式会社"}),
        ],
    ),
    "google_contacts.csv": (
        "google-contacts",
        [
            (2, {  # " ::: " cells give their first value, an email cell all of them;
                # the website is a LinkedIn link
                "given_name": "美咲", "family_name": "田中", "company": "株式会社サクラ",
                "title": "プロダクトマネージャー",
                "email": "misaki.tanaka@example.jp; misaki@example.com",
                "phone": "+81 90-1234-5678",
                "linkedin_url": "https://www.linkedin.com/in/misaki-tanaka",
            }),
            (3, {  # E-mail 1 empty: E-mail 2
                "given_name": "Björn", "family_name": "Lindqvist", "company": "Nordljus AB",
                "title": "Chief Technology Officer",
                "notes": "Met at PyCon Sweden.\nInterested in our data platform.",
                "email": "bjorn@nordljus.example.se", "phone": "+46 70 123 45 67",
            }),
            (6, {  # a homepage is not LinkedIn
                "given_name": "Chiara", "family_name": "Bianchi",
                "company": "Università di Bologna", "title": "Ricercatrice",
                "email": "chiara.bianchi@example.it",
            }),
        ],
    ),
    "google_contacts_legacy.csv": (
        "google-contacts-legacy",
        [
            (2, {
                "given_name": "小明", "family_name": "王",
                "notes": "Asked about the Shenzhen meetup.", "email": "xiaoming.wang@example.cn",
                "phone": "+86 138 0013 8000", "company": "示例科技有限公司", "title": "软件工程师",
                "linkedin_url": "https://www.linkedin.com/in/wang-xiaoming",
            }),
            (3, {
                "full_name": "Dr. Fatima Zahra Benali", "email": "fatima.benali@example.ma",
                "phone": "+212 5 22 00 11 22", "company": "Université Hassan II",
                "title": "Professeure",
            }),
            (4, {
                "given_name": "Pierre-Yves", "family_name": "Lefèvre",
                "email": "py.lefevre@example.fr", "company": "Lefèvre & Fils", "title": "Gérant",
            }),
        ],
    ),
    "outlook_contacts.csv": (
        "outlook",
        [
            (2, {  # "Dr." is Outlook's Title, the honorific: not the job title
                "given_name": "Siobhán", "family_name": "O'Connor", "company": "Dublin Bio Ltd",
                "title": "Principal Scientist", "phone": "+353 1 555 0100",
                "email": "siobhan.oconnor@example.ie",
                "notes": "Keynote at BioData 2025.\nPrefers email.",
                "linkedin_url": "https://www.linkedin.com/in/siobhan-oconnor",
            }),
            (4, {  # an Exchange address is passed over for the SMTP one
                "given_name": "Kenji", "family_name": "Watanabe",
                "company": "Watanabe Shoji K.K.", "title": "Sales Engineer",
                "phone": "+81 90-8765-4321", "email": "kenji.watanabe@example.jp",
            }),
            (5, {
                "given_name": "Laila", "family_name": "Haddad", "phone": "+961 1 123 456",
                "email": "laila.haddad@example.lb",
            }),
        ],
    ),
    "outlook_com_contacts.csv": (
        "outlook-com",
        [
            (2, {
                "given_name": "Nadia", "family_name": "Petrova",
                "email": "nadia.petrova@example.bg", "phone": "+359 88 123 4567",
                "title": "Product Lead", "company": "Sofia Soft", "notes": "Met at WebSummit",
                "linkedin_url": "https://bg.linkedin.com/in/nadia-petrova",
            }),
            (3, {
                "given_name": "Thabo", "family_name": "Nkosi", "email": "thabo@example.co.za",
                "phone": "+27 21 555 0123", "title": "Data Scientist",
                "company": "Kaapstad Analytics",
            }),
        ],
    ),
    "whova_attendees.xlsx": (
        "whova",
        [
            (2, {
                "full_name": "Ana Sofía Pérez", "title": "Research Scientist",
                "company": "Universidad de Chile", "email": "ana.perez@example.cl",
                "phone": "+56 9 8765 4321",
                "linkedin_url": "https://www.linkedin.com/in/anasofiaperez", "role": "Speaker",
            }),
            (3, {
                "full_name": "Dmitri Ivanov", "title": "Senior Engineer,\nPlatform Team",
                "company": "Baltic Cloud OÜ", "email": "dmitri.ivanov@example.ee",
                "phone": "3725551234", "role": "Attendee",
            }),
            (5, {
                "full_name": "Ngozi Adeyemi", "title": "Founder", "company": "Lagos Health Tech",
                "email": "ngozi@example.ng", "linkedin_url": "linkedin.com/in/ngozi-adeyemi",
                "role": "Sponsor",
            }),
        ],
    ),
    "zoom_registrants.csv": (
        "zoom-registrants",
        [
            (8, {
                "given_name": "Hannah", "family_name": "Schmidt",
                "email": "hannah.schmidt@example.de", "phone": "+49 89 1234567",
                "company": "Stadtwerke München", "title": "Energy Analyst",
                "notes": "Will the slides be shared?", "status": "approved",
            }),
            (9, {
                "given_name": "Rahul", "family_name": "Verma", "email": "rahul.verma@example.in",
                "company": "Verma Tech", "title": "Founder", "status": "pending",
            }),
            (10, {
                "given_name": "Ana", "family_name": "Lima", "email": "ana.lima@example.com.br",
                "phone": "+55 11 3030-4040", "status": "denied",
            }),
        ],
    ),
    "goto_webinar_registrants.csv": (
        "goto-webinar",
        [
            (2, {
                "given_name": "Emily", "family_name": "Clarke", "email": "emily.clarke@example.ie",
                "company": "Clarke Solicitors", "title": "Partner", "phone": "+353 1 555 0199",
                "status": "Approved",
            }),
            (3, {
                "given_name": "Tomasz", "family_name": "Kowalski",
                "email": "tomasz.kowalski@example.pl", "company": "Polska Logistyka",
                "title": "Operations Lead", "status": "Approved",
            }),
            (4, {
                "given_name": "Grace", "family_name": "Wanjiru",
                "email": "grace.wanjiru@example.ke", "phone": "+254 712 345678",
                "status": "Cancelled",
            }),
        ],
    ),
    "excel_utf8_bom.csv": (
        None,
        [
            (2, {"full_name": "Zoë Martín-Løkke", "email": "zoe@example.no",
                 "company": "Fjord & Co", "title": "Designer", "phone": "+47 912 34 567"}),
            (3, {"full_name": "田中 美咲", "email": "misaki.tanaka@example.jp",
                 "company": "株式会社サクラ", "title": "部長", "phone": "090-1234-5678",
                 "notes": "東京"}),
            (4, {"full_name": "王小明", "email": "xiaoming.wang@example.cn",
                 "company": "示例科技有限公司", "title": "工程师"}),
            (5, {"full_name": "يوسف العامري", "email": "yusuf@example.ae",
                 "company": "شركة المستقبل", "title": "مدير", "phone": "+971 50 123 4567"}),
            (6, {"full_name": "נועה לוי", "email": "noa.levi@example.co.il",
                 "company": "Tech Aviv", "title": "מנהלת", "notes": "“Great talk”"}),
        ],
    ),
    "excel_cp1252.csv": (
        None,
        [
            (2, {"given_name": "José", "family_name": "Muñoz", "company": "Café “Zürich”",
                 "title": "Gérant", "email": "jose.munoz@example.es",
                 "phone": "+34 600 11 22 33"}),
            (3, {"given_name": "Søren", "family_name": "Kierkegård", "company": "Ørsted A/S",
                 "title": "Ingeniør", "email": "soren@example.dk"}),
            (4, {"given_name": "Jürgen", "family_name": "Müller",
                 "company": "Bäckerei Müller & Söhne", "title": "Inhaber",
                 "email": "juergen@example.de"}),
            (5, {"given_name": "Françoise", "family_name": "Lefèvre", "company": "Ñandú S.A.",
                 "title": "Directrice — Ventes", "email": "f.lefevre@example.fr"}),
        ],
    ),
    "excel_semicolon.csv": (
        None,
        [
            (2, {"family_name": "Schröder", "given_name": "Anna",
                 "company": "Müller; Schmidt & Partner", "title": "Geschäftsführerin",
                 "email": "anna.schroeder@example.de", "phone": "+49 30 1234567"}),
            (3, {"family_name": "Öztürk", "given_name": "Emre",
                 "company": "Öztürk Logistik GmbH", "title": "Disponent",
                 "email": "emre@example.de"}),
            (4, {"family_name": "Weiß", "given_name": "Lena", "company": "Weiß & Co. KG",
                 "title": "Einkauf", "email": "lena.weiss@example.at",
                 "phone": "+43 1 234 5678"}),
        ],
    ),
    "excel_unicode_text.txt": (
        None,
        [
            (2, {"given_name": "María José", "family_name": "García López",
                 "company": "Ejemplo S.L.", "title": "Directora\nde Ventas",
                 "email": "mj.garcia@example.es", "phone": "+34 612 34 56 78"}),
            (4, {"given_name": "小明", "family_name": "王", "company": "示例科技有限公司",
                 "title": "软件工程师", "email": "xiaoming.wang@example.cn"}),
            (5, {"given_name": "نور", "family_name": "حداد", "company": "شركة النور",
                 "title": "محاسبة", "email": "nour.haddad@example.jo",
                 "phone": "+962 7 9123 4567"}),
            (6, {"given_name": "Noa", "family_name": "Levi", "company": "Tech\tAviv",
                 "title": "CTO", "email": "noa.levi@example.co.il"}),
        ],
    ),
    "crlf_quoted.csv": (
        None,
        [
            (2, {"full_name": "山田 太郎", "email": "taro.yamada@example.jp",
                 "company": "山田商事, 東京支店", "title": "課長", "phone": "03-1234-5678",
                 "notes": "名刺交換済み"}),
            (3, {"full_name": "佐藤 花子", "email": "hanako.sato@example.jp",
                 "company": "サトウ食品", "title": "営業部長",
                 "notes": '展示会で会った。\n次回: "試食会"の件\n要フォロー'}),
            (6, {"full_name": "Kim Min-jun", "email": "minjun.kim@example.kr",
                 "company": "Hangang Tech", "title": "Engineer", "phone": "+82 10-1234-5678"}),
        ],
    ),
    "apple_icloud.vcf": (
        "vcard",
        [
            (1, {
                "full_name": "Inês Carvalho", "given_name": "Inês", "family_name": "Carvalho",
                "email": "ines.carvalho@example.pt", "company": "Lisboa Analytics, Lda.",
                "title": "Head of Data", "phone": "+351 912 345 678",
                "linkedin_url": "http://www.linkedin.com/in/ines-carvalho",
                "notes": "Met at PyCon Lisboa 2025, after the data track. Wants an intro to the "
                "organisers of the Porto meetup; follow up in October.",
            }),
            (20, {
                "full_name": "田中 美咲", "given_name": "美咲", "family_name": "田中",
                "email": "misaki.tanaka@example.jp", "company": "株式会社サクラ",
                "title": "プロダクトマネージャー", "phone": "+81 90-1234-5678",
                "linkedin_url": "https://lnkd.in/misaki-tanaka",
            }),
            (38, {
                "full_name": "يوسف العامري", "given_name": "يوسف", "family_name": "العامري",
                "email": "yusuf@example.ae",
            }),
        ],
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_fixture_gives_exactly_its_candidates(name: str) -> None:
    assert imported(name) == EXPECTED[name]


def test_the_fixtures_cover_every_layout() -> None:
    covered = {key for key, _ in EXPECTED.values() if key}
    assert covered | {"meetup-members"} == set(KNOWN_LAYOUTS)


# --- recognising layouts -----------------------------------------------------------------------


def test_headers_are_compared_ignoring_case_and_spacing() -> None:
    table = table_of(
        ["  first NAME", "last   name", "URL", "EMAIL ADDRESS", "company", "Position",
         "Connected On"],
        ["Ana", "Silva", "", "", "Acme", "CTO", "01 Jan 2026"],
    )  # fmt: skip
    layout = recognise(table)
    assert layout is not None
    assert layout.key == "linkedin-connections"
    assert layout.name == "LinkedIn connections"


def test_a_generic_table_has_no_layout() -> None:
    assert recognise(table_of(["Name", "Email"], ["Ana", "a@example.com"])) is None


def test_the_most_specific_layout_wins() -> None:
    # Eventbrite's headers include Google's required First Name and Last Name.
    headers = ["Order #", "Order Date", "First Name", "Last Name", "Email", "Ticket Type",
               "Labels"]  # fmt: skip
    layout = recognise(table_of(headers, ["1", "2026-01-01", "Ana", "Silva", "a@x.org", "VIP", ""]))
    assert layout is not None and layout.key == "eventbrite"


def test_meetup_members_and_attendees_are_told_apart() -> None:
    members = ["Name", "User ID", "Title", "Member ID", "Location", "URL of Member Profile"]
    layout = recognise(table_of(members, ["Ana", "user 1", "", "1", "Porto", "https://m/1"]))
    assert layout is not None and layout.key == "meetup-members"
    assert named(table_of(members), layout.mapping) == {"Name": "full_name", "Title": "role"}
    attendees = [*members, "RSVP"]
    layout = recognise(table_of(attendees, ["Ana", "user 1", "", "1", "Porto", "x", "Yes"]))
    assert layout is not None and layout.key == "meetup-attendees"


def test_a_layouts_mapping_is_one_column_per_field_in_column_order() -> None:
    table = read_table(IMPORTS / "outlook_contacts.csv")
    layout, mapping = guess_mapping(table)
    assert layout is not None
    assert list(mapping) == sorted(mapping)
    assert len(set(mapping.values())) == len(mapping)
    assert named(table, mapping) == {
        "First Name": "given_name",
        "Last Name": "family_name",
        "Company": "company",
        "Job Title": "title",
        "Mobile Phone": "phone",
        "E-mail Address": "email",
        "Notes": "notes",
    }
    mapping.clear()  # a copy: the layout keeps its own
    assert layout.mapping


def test_a_vcard_table_maps_each_column_to_its_field() -> None:
    table = read_table(IMPORTS / "vcard4.vcf")
    layout = recognise(table)
    assert layout is not None
    assert layout.key == "vcard"
    assert layout.mapping == {n: Field(header) for n, header in enumerate(table.headers)}


def test_question_columns_fill_fields_the_layout_lacks() -> None:
    table = read_table(IMPORTS / "luma_guests_api_id.csv")
    layout = recognise(table)
    assert layout is not None
    mapping = named(table, layout.mapping)
    assert mapping["What company do you work for?"] == "company"
    assert mapping["What's your LinkedIn?"] == "linkedin_url"


def test_every_known_layout_has_a_name() -> None:
    assert all(KNOWN_LAYOUTS.values())
    assert len(KNOWN_LAYOUTS) == 15


# --- applying a mapping ------------------------------------------------------------------------


EVENTBRITE = ["Order #", "Order Date", "First Name", "Last Name", "Email", "Ticket Type",
              "Cell Phone", "Work Phone", "Home Phone"]  # fmt: skip


def test_the_layouts_fallbacks_apply_while_its_column_keeps_its_field() -> None:
    table = table_of(
        EVENTBRITE,
        ["1", "d", "Ana", "Silva", "ana@x.org", "VIP", "", "", "+351 210 000 000"],
        ["2", "d", "Bo", "Chen", "bo@x.org", "VIP", "", "+1 415 555 0100", "+1 415 555 0199"],
    )
    _, mapping = guess_mapping(table)
    phones = [c.values.get(Field.PHONE) for c in apply_mapping(table, mapping)]
    assert phones == ["+351 210 000 000", "+1 415 555 0100"]
    # The user picks Home Phone for the phone: that column alone counts.
    mapping = {column: field for column, field in mapping.items() if field is not Field.PHONE}
    mapping[8] = Field.PHONE
    phones = [c.values.get(Field.PHONE) for c in apply_mapping(table, mapping)]
    assert phones == ["+351 210 000 000", "+1 415 555 0199"]


def test_a_fallback_column_the_user_mapped_elsewhere_is_not_read_as_a_fallback() -> None:
    table = table_of(EVENTBRITE, ["1", "d", "Ana", "Silva", "a@x.org", "VIP", "", "+1 555", ""])
    _, mapping = guess_mapping(table)
    mapping[7] = Field.NOTES  # Work Phone, taken for notes
    [candidate] = apply_mapping(table, mapping)
    assert Field.PHONE not in candidate.values
    assert candidate.values[Field.NOTES] == "+1 555"


def test_a_plain_mapping_reads_only_its_columns() -> None:
    table = table_of(["Name", "Email", "Other"], [" Ana Silva ", "", "x"], ["", "", ""])
    mapping = {0: Field.FULL_NAME, 1: Field.EMAIL}
    assert list(apply_mapping(table, mapping)) == [
        Candidate(2, {Field.FULL_NAME: "Ana Silva"}),
        Candidate(3, {}),  # every row is yielded, for the report to count and skip
    ]


def test_several_columns_for_one_field_take_the_first_filled_in_mapping_order() -> None:
    table = table_of(["Work", "Mobile"], ["+1 111", "+1 222"], ["", "+1 222"])
    mapping: Mapping = {1: Field.PHONE, 0: Field.PHONE}
    assert [c.values[Field.PHONE] for c in apply_mapping(table, mapping)] == ["+1 222", "+1 222"]
    mapping = {0: Field.PHONE, 1: Field.PHONE}
    assert [c.values[Field.PHONE] for c in apply_mapping(table, mapping)] == ["+1 111", "+1 222"]


def test_a_stored_mapping_with_plain_strings_and_stale_columns_is_read() -> None:
    table = table_of(["Name", "Email"], ["Ana", "ana@x.org"])
    mapping = {0: "full_name", 1: "email", 7: "phone"}
    [candidate] = apply_mapping(table, mapping)  # type: ignore[arg-type]
    assert candidate.values == {Field.FULL_NAME: "Ana", Field.EMAIL: "ana@x.org"}


def test_the_name_rule_keeps_the_full_name_when_a_part_is_missing() -> None:
    headers = ["api_id", "name", "first_name", "last_name", "email", "approval_status"]
    table = table_of(
        headers,
        ["g1", "Ana Silva", "Ana", "Silva", "a@x.org", "approved"],
        ["g2", "Bo Chen", "Bo", "", "b@x.org", "approved"],
    )
    _, mapping = guess_mapping(table)
    first, second = apply_mapping(table, mapping)
    assert Field.FULL_NAME not in first.values
    assert second.values[Field.FULL_NAME] == "Bo Chen"
    assert second.values[Field.GIVEN_NAME] == "Bo"


def test_values_lose_surrounding_spaces_and_invisible_marks() -> None:
    table = table_of(["Name", "Email"], ["\ufeff Ana\u00a0", "\u200ba@x.org "])
    [candidate] = apply_mapping(table, {0: Field.FULL_NAME, 1: Field.EMAIL})
    assert candidate.values == {Field.FULL_NAME: "Ana", Field.EMAIL: "a@x.org"}


# --- guessing ----------------------------------------------------------------------------------


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
