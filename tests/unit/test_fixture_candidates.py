"""Every fixture in tests/data/imports read, recognised (or guessed) and mapped, and the
candidates compared in full: names exactly as typed in any script, emails, companies, titles,
phones as typed, status and role, with the line each row starts on.
"""

from __future__ import annotations

import pytest

from planner.interchange.layouts import KNOWN_LAYOUTS, guess_mapping
from planner.interchange.row_mapping import apply_mapping
from planner.interchange.tables import read_table
from tests.attendee_tables import IMPORTS

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
