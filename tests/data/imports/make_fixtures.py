"""Write the import fixtures whose exact bytes matter: encodings, line ends, broken files.

The plain UTF-8 fixtures beside this script are written by hand; the workbook is made by
make_xlsx.py. Run from anywhere: `python tests/data/imports/make_fixtures.py`. The output is
the same every time (the "random" bytes come from a fixed seed).
"""

from __future__ import annotations

import csv
import io
import random
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

OUTLOOK_HEADERS = [
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department",
    "Job Title", "Business Street", "Business Street 2", "Business Street 3", "Business City",
    "Business State", "Business Postal Code", "Business Country/Region", "Home Street",
    "Home Street 2", "Home Street 3", "Home City", "Home State", "Home Postal Code",
    "Home Country/Region", "Other Street", "Other Street 2", "Other Street 3", "Other City",
    "Other State", "Other Postal Code", "Other Country/Region", "Assistant's Phone",
    "Business Fax", "Business Phone", "Business Phone 2", "Callback", "Car Phone",
    "Company Main Phone", "Home Fax", "Home Phone", "Home Phone 2", "ISDN", "Mobile Phone",
    "Other Fax", "Other Phone", "Pager", "Primary Phone", "Radio Phone", "TTY/TDD Phone",
    "Telex", "Account", "Anniversary", "Assistant's Name", "Billing Information", "Birthday",
    "Business Address PO Box", "Categories", "Children", "Directory Server", "E-mail Address",
    "E-mail Type", "E-mail Display Name", "E-mail 2 Address", "E-mail 2 Type",
    "E-mail 2 Display Name", "E-mail 3 Address", "E-mail 3 Type", "E-mail 3 Display Name",
    "Gender", "Government ID Number", "Hobby", "Home Address PO Box", "Initials",
    "Internet Free Busy", "Keywords", "Language", "Location", "Manager's Name", "Mileage",
    "Notes", "Office Location", "Organizational ID Number", "Other Address PO Box", "Priority",
    "Private", "Profession", "Referred By", "Sensitivity", "Spouse", "User 1", "User 2",
    "User 3", "User 4", "Web Page",
]  # fmt: skip

OUTLOOK_COM_HEADERS = [
    "First Name", "Middle Name", "Last Name", "Title", "Suffix", "Nickname", "Given Yomi",
    "Surname Yomi", "E-mail Address", "E-mail 2 Address", "E-mail 3 Address", "Home Phone",
    "Home Phone 2", "Business Phone", "Business Phone 2", "Mobile Phone", "Car Phone",
    "Other Phone", "Primary Phone", "Pager", "Business Fax", "Home Fax", "Other Fax",
    "Company Main Phone", "Callback", "Radio Phone", "Telex", "TTY/TDD Phone", "IMAddress",
    "Job Title", "Department", "Company", "Office Location", "Manager's Name",
    "Assistant's Name", "Assistant's Phone", "Company Yomi", "Business Street", "Business City",
    "Business State", "Business Postal Code", "Business Country/Region", "Home Street",
    "Home City", "Home State", "Home Postal Code", "Home Country/Region", "Other Street",
    "Other City", "Other State", "Other Postal Code", "Other Country/Region",
    "Personal Web Page", "Spouse", "Schools", "Hobby", "Location", "Web Page", "Birthday",
    "Anniversary", "Notes",
]  # fmt: skip


def table(headers: list[str], people: list[dict[str, str]]) -> list[list[str]]:
    """Rows for `headers`, each person's values under their headers, the rest empty."""
    for person in people:
        unknown = set(person) - set(headers)
        assert not unknown, unknown
    return [headers, *([person.get(header, "") for header in headers] for person in people)]


def delimited(
    rows: list[list[str]], *, delimiter: str = ",", quoting: int = csv.QUOTE_MINIMAL
) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def outlook() -> None:
    people = [
        {
            "Title": "Dr.", "First Name": "Siobhán", "Last Name": "O'Connor",
            "Company": "Dublin Bio Ltd", "Job Title": "Principal Scientist",
            "Business Phone": "+353 1 555 0100", "Mobile Phone": "",
            "E-mail Address": "siobhan.oconnor@example.ie", "E-mail Type": "SMTP",
            "E-mail Display Name": "Siobhán O'Connor (siobhan.oconnor@example.ie)",
            "Notes": "Keynote at BioData 2025.\r\nPrefers email.", "Gender": "Unspecified",
            "Priority": "Normal", "Private": "False", "Sensitivity": "Normal",
            "Web Page": "https://www.linkedin.com/in/siobhan-oconnor",
        },
        {
            "First Name": "Kenji", "Last Name": "Watanabe", "Company": "Watanabe Shoji K.K.",
            "Job Title": "", "Profession": "Sales Engineer", "Mobile Phone": "+81 90-8765-4321",
            "Business Phone": "+81 3-9876-5432",
            "E-mail Address": "/o=ExchangeLabs/ou=Exchange Group/cn=Recipients/cn=kenji",
            "E-mail Type": "EX", "E-mail Display Name": "Kenji Watanabe",
            "E-mail 2 Address": "kenji.watanabe@example.jp", "E-mail 2 Type": "SMTP",
            "Gender": "Unspecified", "Priority": "Normal", "Private": "False",
            "Sensitivity": "Normal", "Web Page": "https://watanabe.example.jp",
        },
        {
            "Title": "Ms.", "First Name": "Laila", "Last Name": "Haddad", "Company": "",
            "Primary Phone": "+961 1 123 456", "E-mail Address": "laila.haddad@example.lb",
            "E-mail Type": "SMTP", "E-mail Display Name": "Laila Haddad",
            "Gender": "Unspecified", "Priority": "Normal", "Private": "False",
            "Sensitivity": "Normal",
        },
    ]  # fmt: skip
    text = delimited(table(OUTLOOK_HEADERS, people), quoting=csv.QUOTE_ALL)
    (HERE / "outlook_contacts.csv").write_bytes(text.encode("cp1252"))

    people = [
        {
            "First Name": "Nadia", "Last Name": "Petrova", "Title": "Mrs.",
            "E-mail Address": "nadia.petrova@example.bg", "Mobile Phone": "+359 88 123 4567",
            "Job Title": "Product Lead", "Company": "Sofia Soft", "Notes": "Met at WebSummit",
            "Personal Web Page": "https://bg.linkedin.com/in/nadia-petrova",
        },
        {
            "First Name": "Thabo", "Last Name": "Nkosi", "E-mail Address": "",
            "E-mail 2 Address": "thabo@example.co.za", "Business Phone": "+27 21 555 0123",
            "Job Title": "Data Scientist", "Company": "Kaapstad Analytics",
        },
    ]  # fmt: skip
    text = delimited(table(OUTLOOK_COM_HEADERS, people))
    (HERE / "outlook_com_contacts.csv").write_bytes(text.encode("utf-8-sig"))


def excel_variants() -> None:
    # UTF-8 with a byte-order mark: Excel's "CSV UTF-8".
    rows = [
        ["Full Name", "Email", "Company", "Job Title", "Mobile", "Notes"],
        ["Zoë Martín-Løkke", "zoe@example.no", "Fjord & Co", "Designer", "+47 912 34 567", ""],
        [
            "田中 美咲",
            "misaki.tanaka@example.jp",
            "株式会社サクラ",
            "部長",
            "090-1234-5678",
            "東京",
        ],
        ["王小明", "xiaoming.wang@example.cn", "示例科技有限公司", "工程师", "", ""],
        ["يوسف العامري", "yusuf@example.ae", "شركة المستقبل", "مدير", "+971 50 123 4567", ""],
        ["נועה לוי", "noa.levi@example.co.il", "Tech Aviv", "מנהלת", "", "“Great talk”"],
    ]
    (HERE / "excel_utf8_bom.csv").write_bytes(delimited(rows).encode("utf-8-sig"))

    # Windows-1252, what Excel writes as plain "CSV" in Western Europe; French headers.
    rows = [
        ["Prénom", "Nom", "Société", "Poste", "Courriel", "Téléphone"],
        ["José", "Muñoz", "Café “Zürich”", "Gérant", "jose.munoz@example.es", "+34 600 11 22 33"],
        ["Søren", "Kierkegård", "Ørsted A/S", "Ingeniør", "soren@example.dk", ""],
        ["Jürgen", "Müller", "Bäckerei Müller & Söhne", "Inhaber", "juergen@example.de", ""],
        ["Françoise", "Lefèvre", "Ñandú S.A.", "Directrice — Ventes", "f.lefevre@example.fr", ""],
    ]
    (HERE / "excel_cp1252.csv").write_bytes(delimited(rows).encode("cp1252"))

    # Semicolons, as Excel writes CSV where the comma is the decimal mark; German headers.
    rows = [
        ["Name", "Vorname", "Firma", "Position", "E-Mail", "Telefon", "Umsatz"],
        ["Schröder", "Anna", "Müller; Schmidt & Partner", "Geschäftsführerin",
         "anna.schroeder@example.de", "+49 30 1234567", "1.234,50"],
        ["Öztürk", "Emre", "Öztürk Logistik GmbH", "Disponent", "emre@example.de", "", "980,00"],
        ["Weiß", "Lena", "Weiß & Co. KG", "Einkauf", "lena.weiss@example.at", "+43 1 234 5678", ""],
    ]  # fmt: skip
    (HERE / "excel_semicolon.csv").write_bytes(delimited(rows, delimiter=";").encode("utf-8"))

    # Excel's "Unicode Text": UTF-16 LE with a byte-order mark, tab-separated, CR LF.
    rows = [
        ["Nombre", "Apellidos", "Empresa", "Cargo", "Correo electrónico", "Teléfono"],
        ["María José", "García López", "Ejemplo S.L.", "Directora\r\nde Ventas",
         "mj.garcia@example.es", "+34 612 34 56 78"],
        ["小明", "王", "示例科技有限公司", "软件工程师", "xiaoming.wang@example.cn", ""],
        ["نور", "حداد", "شركة النور", "محاسبة", "nour.haddad@example.jo", "+962 7 9123 4567"],
        ["Noa", "Levi", "Tech\tAviv", "CTO", "noa.levi@example.co.il", ""],
    ]  # fmt: skip
    text = delimited(rows, delimiter="\t")
    (HERE / "excel_unicode_text.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))

    # CR LF, quoted fields holding commas, quotes and line breaks; Japanese headers.
    rows = [
        ["氏名", "メールアドレス", "会社名", "役職", "電話番号", "備考"],
        ["山田 太郎", "taro.yamada@example.jp", "山田商事, 東京支店", "課長", "03-1234-5678",
         "名刺交換済み"],
        ["佐藤 花子", "hanako.sato@example.jp", "サトウ食品", "営業部長", "",
         "展示会で会った。\r\n次回: \"試食会\"の件\r\n要フォロー"],
        ["Kim Min-jun", "minjun.kim@example.kr", "Hangang Tech", "Engineer", "+82 10-1234-5678",
         ""],
    ]  # fmt: skip
    (HERE / "crlf_quoted.csv").write_bytes(delimited(rows).encode("utf-8"))


def bad_files() -> None:
    rng = random.Random(20260914)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
    (HERE / "binary.png").write_bytes(png + bytes(rng.randrange(256) for _ in range(400)))
    (HERE / "empty.csv").write_bytes(b"")
    (HERE / "bom_only.csv").write_bytes(b"\xef\xbb\xbf\r\n  \r\n")
    (HERE / "header_only.csv").write_bytes(b"Name,Email,Company\r\n")
    (HERE / "unbalanced_quotes.csv").write_bytes(
        b"Name,Email,Notes\n"
        b"Ana Silva,ana@example.pt,fine\n"
        b'Bruno Costa,bruno@example.pt,"a note that never ends\n'
        b"Carla Dias,carla@example.pt,lost in the note\n"
    )
    (HERE / "ragged_row.csv").write_bytes(
        b"A,B,C,D,E,F,G,H,I,J\n"
        b"1,2,3,4,5,6,7,8,9,10\n"
        b"1,2,3,4,5,6,7,8,9,10,,\n"
        b"1,2,3,4,5,6,7,8,9,10,11,12\n"
    )
    (HERE / "mixed_utf8.csv").write_bytes(
        "Name,Company\n田中 美咲,株式会社サクラ\n".encode()
        + b"Jos\xe9 Mu\xf1oz,Caf\xe9 Central\n"
        + "Zoë Martín,Fjord\n".encode()
    )
    (HERE / "old_excel.xls").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff" + bytes(486)
    )
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        info = zipfile.ZipInfo("readme.txt", date_time=(2026, 1, 1, 0, 0, 0))
        zipped.writestr(info, "Not a workbook.\n")
    (HERE / "not_a_workbook.zip").write_bytes(archive.getvalue())


APPLE_VCARDS = """\
BEGIN:VCARD
VERSION:3.0
PRODID:-//Apple Inc.//macOS 14.5//EN
N:Carvalho;Inês;Maria;;
FN:Inês Carvalho
ORG:Lisboa Analytics\\, Lda.;Data
TITLE:Head of Data
item1.EMAIL;type=INTERNET;type=pref:ines.carvalho@example.pt
item1.X-ABLabel:_$!<Work>!$_
EMAIL;type=INTERNET;type=HOME:ines@example.com
TEL;type=HOME;type=VOICE:+351 213 000 111
TEL;type=CELL;type=VOICE;type=pref:+351 912 345 678
X-SOCIALPROFILE;type=linkedin;x-user=ines-carvalho:http://www.linkedin.com/in/ines-carvalho
NOTE:Met at PyCon Lisboa 2025\\, after the data track. Wants an intro to the orga
 nisers of the Porto meetup\\; follow up in October.
PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkS
 Ew8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QA
 FAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==
END:VCARD
BEGIN:VCARD
VERSION:3.0
PRODID:-//Apple Inc.//iPhone OS 17.5//EN
N:田中;美咲;;;
FN:田中 美咲
X-PHONETIC-FIRST-NAME:みさき
X-PHONETIC-LAST-NAME:たなか
ORG:株式会社サクラ;開発部
TITLE:プロダクトマネージャー
EMAIL;type=INTERNET;type=WORK:misaki.tanaka@example.jp
EMAIL;type=INTERNET;type=HOME:misaki@example.com
TEL;type=HOME;type=VOICE:+81 3-1234-5678
TEL;type=CELL;type=VOICE:+81 90-1234-5678
item2.URL:https://sakura.example.jp
item2.X-ABLabel:_$!<HomePage>!$_
item3.URL:https://lnkd.in/misaki-tanaka
item3.X-ABLabel:LinkedIn
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:العامري;يوسف;;;
FN:يوسف العامري
EMAIL;type=INTERNET:yusuf@example.ae
END:VCARD
"""

GOOGLE_VCARDS = """\
BEGIN:VCARD
VERSION:3.0
FN:María José García
N:García;María José;;;
EMAIL;TYPE=INTERNET;TYPE=HOME:mj.garcia@example.es
EMAIL;TYPE=INTERNET;TYPE=WORK:mariajose@ejemplo.es
TEL;TYPE=CELL:+34 612 34 56 78
ADR;TYPE=HOME:;;Calle Mayor 1;Madrid;;28013;España
ORG:Ejemplo S.L.
TITLE:Directora de Ventas
item1.URL:https\\://www.linkedin.com/in/mjgarcia
item1.X-ABLabel:LinkedIn
NOTE:Conocida en la conferencia\\, Madrid 2025
CATEGORIES:myContacts
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:נועה לוי
N:לוי;נועה;;;
EMAIL;TYPE=INTERNET:noa.levi@example.co.il
TEL;TYPE=WORK:+972 3 555 0100
ORG:Tech Aviv
CATEGORIES:myContacts
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Kwame Mensah
N:Mensah;Kwame;;;
EMAIL;TYPE=INTERNET:kwame@example.gh
CATEGORIES:myContacts,starred
END:VCARD
"""

VCARDS_4 = """\
BEGIN:VCARD
VERSION:4.0
FN:王小明
N:王;小明;;;
TEL;VALUE=uri;TYPE="voice,cell";PREF=2:tel:+86-138-0013-8000
TEL;VALUE=uri;TYPE=work;PREF=1:tel:+86-10-6552-0000;ext=123
EMAIL;TYPE=work:xiaoming.wang@example.cn
EMAIL;PREF=1:xm.wang@example.com
ORG:示例科技有限公司;研发部
TITLE:软件工程师
URL;TYPE=work:https://www.linkedin.com/in/wang-xiaoming
NOTE:First line\\nSecond line
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:يوسف العامري
N:العامري;يوسف;;;
EMAIL:yusuf@example.ae
TEL;VALUE=uri:tel:+971-50-123-4567
END:VCARD
BEGIN:VCARD
VERSION:4.0
KIND:individual
FN:Zoë Martín-Løkke
EMAIL;TYPE=home:zoe@example.no
END:VCARD
"""

# LinkedIn as vCard 4.0 SOCIALPROFILE (RFC 9554, a link or a VALUE=text user name), Apple's
# X-SOCIALPROFILE, and plain URLs (a company page before the personal profile).
SOCIAL_VCARDS = """\
BEGIN:VCARD
VERSION:4.0
FN:Ana Silva
SOCIALPROFILE;SERVICE-TYPE=Mastodon:https://mastodon.example/@ana
SOCIALPROFILE;SERVICE-TYPE=LinkedIn:https://www.linkedin.com/in/ana-silva
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:Bo Chen
SOCIALPROFILE;VALUE=text;SERVICE-TYPE=LinkedIn:bo-chen
END:VCARD
BEGIN:VCARD
VERSION:3.0
PRODID:-//Apple Inc.//macOS 15.1//EN
N:Reis;Carla;;;
FN:Carla Reis
item1.X-SOCIALPROFILE;TYPE=linkedin:https://linkedin.com/in/carla-reis/
item1.X-ABLabel:LinkedIn
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:Dev Patel
URL;TYPE=work:https://www.linkedin.com/company/acme-analytics
URL:https://uk.linkedin.com/in/dev-patel?trk=profile
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:Eva Nowak
URL:https://example.org/eva
URL:http://linkedin.com/in/eva-nowak
END:VCARD
"""

NAMELESS_VCARDS = """\
BEGIN:VCARD
VERSION:3.0
TEL;TYPE=CELL:+44 7700 900123
NOTE:Business card with a phone number only
END:VCARD
BEGIN:VCARD
VERSION:3.0
ORG:Acme Ltd;Sales
TITLE:Reception
END:VCARD
"""


def vcards() -> None:
    """Apple and vCard 4.0 end lines with CR LF, as the standard says; Google's with LF."""
    (HERE / "apple_icloud.vcf").write_bytes(APPLE_VCARDS.replace("\n", "\r\n").encode())
    (HERE / "google_contacts.vcf").write_bytes(GOOGLE_VCARDS.encode())
    (HERE / "vcard4.vcf").write_bytes(VCARDS_4.replace("\n", "\r\n").encode())
    (HERE / "vcard_no_names.vcf").write_bytes(NAMELESS_VCARDS.replace("\n", "\r\n").encode())
    (HERE / "vcard_social_profiles.vcf").write_bytes(SOCIAL_VCARDS.replace("\n", "\r\n").encode())


if __name__ == "__main__":
    outlook()
    excel_variants()
    bad_files()
    vcards()
