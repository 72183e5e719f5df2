"""Write an Eventbrite-shaped attendee report with N rows, for import benchmarks and trials.

    python benchmarks/make_eventbrite_csv.py attendees.csv --rows 150000

The rows are a deterministic mix (random.Random(seed)) of what real lists hold:

- names from Portuguese, Spanish, French, German, Polish, Vietnamese, Chinese, Japanese,
  Korean, Arabic and Hebrew given and family names, accents included; CJK names given family
  name first in "Last Name";
- about 10 % people who are already in the planner (`existing_person(i)` for i below
  --existing: same name and email, the email sometimes in other case);
- about 5 % rows repeating someone earlier in the file (a second ticket, the email in other
  case, a company filled in where the first row had none);
- about 1 % near-duplicates: an earlier person with a typo in the name and no email;
- about 3 % Cancelled or Refunded; ticket types General Admission, Speaker, Sponsor,
  Exhibitor, Staff; 85 % with a company and a job title, 40 % with a phone in one of
  several national formats.

`existing_person(i)` is what the benchmark puts in the database beforehand, so the two agree.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HEADERS = (
    "Order #",
    "Order Date",
    "First Name",
    "Last Name",
    "Email",
    "Quantity",
    "Ticket Type",
    "Attendee #",
    "Group",
    "Order Type",
    "Currency",
    "Total Paid",
    "Attendee Status",
    "Company",
    "Job Title",
    "Cell Phone",
)


def _words(*lines: str) -> tuple[str, ...]:
    return tuple(" ".join(lines).split())


LATIN_GIVEN = _words(
    "Ana João José Maria Inês Tomás Beatriz Gonçalo Leonor Duarte Lúcia Raúl",
    "Sofía Álvaro Íñigo Nuria Chloé Benoît Élodie François Hélène Jérôme",
    "Jürgen Björn Käthe Øystein Zoë Łukasz Małgorzata Wojciech Zofia Đức Thảo",
    "Nguyệt Minh Ana-Luísa Jean-Luc Mary-Kate Liam Olivia Noah Emma Oliver",
    "Ava Elijah Charlotte William Sophia James Amelia Lucas Mia Henry Harper",
    "Alexander Evelyn Daniel Abigail Michael Emily Ethan Elizabeth Sebastian",
    "Sofia Mateo Camila Santiago Valentina Diego Isabella Pablo Lucía Hugo",
    "Martina Adrián Paula Giulia Lorenzo Francesca Matteo Chiara Leonardo",
    "Aurora Sven Ingrid Lars Astrid Pieter Anouk Priya Arjun Ananya Rohan",
    "Kwame Ama Chinedu Ngozi Tariq Leila Omar Yasmin Dmitri Olga",
)
LATIN_FAMILY = tuple(
    word.replace("_", " ")
    for word in _words(
        "Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Jesus",
        "Sousa Fernandes Gonçalves Gomes Lopes Marques Alves Almeida Ribeiro",
        "Pinto Carvalho Teixeira Moreira Correia Mendes Nunes Soares Vieira",
        "Monteiro Cardoso Rocha Raposo Neves Coelho Cruz Cunha Pires Ramos Reis",
        "Simões Antunes Matos Fonseca Machado Araújo Barbosa Tavares Lourenço",
        "Castro García Fernández González Rodríguez López Martínez Sánchez Pérez",
        "Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero",
        "Alonso Gutiérrez Navarro Torres Domínguez Martin Bernard Dubois Thomas",
        "Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefèvre Müller",
        "Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann",
        "Schäfer Koch Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński",
        "Lewandowski Zieliński Szymański Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ",
        "Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Smith Johnson Williams Brown Jones Miller",
        "Davis Wilson Anderson Taylor Moore Jackson White Harris Clark Lewis",
        "Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker",
        "Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans",
        "Edwards Collins O'Brien O'Connor McDonald MacLeod van_der_Berg de_Vries",
        "van_Dijk Jansen de_Jong Bakker Rossi Russo Ferrari Esposito Bianchi",
        "Romano Colombo Ricci Marino Greco Bruno Gallo Conti Andersson Johansson",
        "Karlsson Nilsson Eriksson Larsson Olsen Hansen Jensen Nielsen Virtanen",
        "Patel Sharma Singh Kumar Gupta Mensah Okafor Adeyemi Haddad Khalil",
        "Ivanov Petrov Smirnov",
    )
)
# (name, latin transliteration for the email address)
CJK_FAMILY = (
    ("田中", "tanaka"),
    ("佐藤", "sato"),
    ("鈴木", "suzuki"),
    ("高橋", "takahashi"),
    ("渡辺", "watanabe"),
    ("伊藤", "ito"),
    ("山本", "yamamoto"),
    ("中村", "nakamura"),
    ("小林", "kobayashi"),
    ("加藤", "kato"),
    ("王", "wang"),
    ("李", "li"),
    ("张", "zhang"),
    ("刘", "liu"),
    ("陈", "chen"),
    ("杨", "yang"),
    ("黄", "huang"),
    ("赵", "zhao"),
    ("吴", "wu"),
    ("周", "zhou"),
    ("김", "kim"),
    ("이", "lee"),
    ("박", "park"),
    ("최", "choi"),
    ("정", "jung"),
    ("강", "kang"),
)
CJK_GIVEN = _words(
    "美咲 健 一郎 花子 翔太 さくら 大輔 陽菜 明 優子 浩 真由美 俊 結衣 蓮",
    "伟 娜 敏 洋 静 磊 婷 强 丽 军 芳 秀英 建华 晓明",
    "민수 서연 지훈 유진 하은 지민 현우 수빈 예준 도윤",
)
ARABIC_GIVEN = (
    ("محمد", "mohammed"),
    ("أحمد", "ahmed"),
    ("فاطمة", "fatima"),
    ("علي", "ali"),
    ("مريم", "maryam"),
    ("يوسف", "youssef"),
    ("نور", "nour"),
    ("خالد", "khaled"),
    ("عمر", "omar"),
    ("ليلى", "layla"),
    ("حسن", "hassan"),
    ("سارة", "sara"),
    ("إبراهيم", "ibrahim"),
    ("زينب", "zainab"),
    ("طارق", "tariq"),
    ("هدى", "huda"),
)
ARABIC_FAMILY = _words(
    "الأمين حداد الزهراء خليل السيد منصور عبدالله الحسن العلي الشامي النجار",
    "القاسم الخطيب الرفاعي العمري المصري الحلبي الزين سليمان عثمان",
)
HEBREW_GIVEN = (
    ("נועה", "noa"),
    ("דוד", "david"),
    ("תמר", "tamar"),
    ("יוסף", "yosef"),
    ("מיכל", "michal"),
    ("אורי", "uri"),
    ("שירה", "shira"),
    ("איתי", "itai"),
    ("יעל", "yael"),
    ("עומר", "omer"),
)
HEBREW_FAMILY = _words("לוי כהן מזרחי פרץ ביטון אברהם פרידמן שפירו דהן אגבריה גולן רוזן")
COMPANY_WORDS = _words(
    "Acme Globex Initech Umbrella Stark Wayne Wonka Tyrell Cyberdyne Soylent",
    "Hooli Pied Piper Vandelay Dunder Mifflin Aperture Black Mesa Oceanic",
    "Monarch Nakatomi Gringotts Açores Lusitânia Tejo Douro Atlântico Ibérica",
    "Norte Sul Nova Prisma Vértice Órbita Quantum Nimbus Zenith Apex Vertex",
    "Horizon Summit Pinnacle Keystone Beacon Harbor Lighthouse Compass",
    "Meridian Polaris Aurora Borealis Cascade Sierra Alpine Glacier Tundra",
    "Savanna Delta Sigma Omega Lambda Kappa Theta Nordic Baltic Adriatic",
    "Aegean Pacific Andes Atlas Titan Helios",
)
COMPANY_KINDS = _words(
    "Labs Systems Capital Ventures Partners Analytics Robotics Health Energy",
    "Logistics Media Software Payments Bank Insurance Consulting Foods",
    "Mobility Security Cloud Data AI",
)
COMPANY_FORMS = ("", "", "", " Inc.", " Ltd", " GmbH", " S.A.", ", Lda.", " LLC", " B.V.")
CJK_COMPANIES = (
    "桜キャピタル株式会社",
    "富士データ",
    "华为技术有限公司",
    "腾讯云",
    "삼성전자",
    "카카오",
)
TITLES = (
    "CEO",
    "CTO",
    "CFO",
    "Founder",
    "Co-founder",
    "Partner",
    "Director",
    "Head of Product",
    "Product Manager",
    "Engineering Manager",
    "Software Engineer",
    "Data Scientist",
    "Designer",
    "Investor",
    "Analyst",
    "Consultant",
    "Sales Director",
    "Marketing Lead",
    "Developer Advocate",
    "Student",
    "Professor",
    "Journalist",
    "Recruiter",
    "Architect",
)
TICKETS = (
    ("General Admission", 80),
    ("Early Bird", 8),
    ("Speaker", 3),
    ("Sponsor", 2),
    ("Exhibitor", 2),
    ("Staff", 1),
    ("Student", 4),
)
DOMAINS = ("example.com", "example.org", "example.net", "mail.example", "corp.example")


@dataclass(frozen=True, slots=True)
class Attendee:
    given: str
    family: str
    email: str
    company: str
    title: str
    phone: str


def _slug(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum()) or "x"


def _company(rng: random.Random) -> str:
    if rng.random() < 0.04:
        return rng.choice(CJK_COMPANIES)
    return f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)}{rng.choice(COMPANY_FORMS)}"


def _phone(rng: random.Random) -> str:
    digits = f"{rng.randrange(10**8):08d}"
    return rng.choice(
        (
            f"+351 91{digits[0]} {digits[1:4]} {digits[4:7]}",
            f"91{digits[0]} {digits[1:4]} {digits[4:7]}",
            f"(415) 555-{digits[:4]}",
            f"+44 7700 9{digits[:5]}",
            f"+49 151 {digits}",
            f"0{digits[:3]}-{digits[3:]}",
        )
    )


def _person(rng: random.Random, serial: int) -> Attendee:
    pick = rng.random()
    if pick < 0.08:
        family, latin = rng.choice(CJK_FAMILY)
        given = rng.choice(CJK_GIVEN)
        local = f"{latin}.{serial}"
    elif pick < 0.11:
        given, latin = rng.choice(ARABIC_GIVEN)
        family = rng.choice(ARABIC_FAMILY)
        local = f"{latin}.{serial}"
    elif pick < 0.13:
        given, latin = rng.choice(HEBREW_GIVEN)
        family = rng.choice(HEBREW_FAMILY)
        local = f"{latin}.{serial}"
    else:
        given = rng.choice(LATIN_GIVEN)
        family = rng.choice(LATIN_FAMILY)
        if rng.random() < 0.15:
            family = f"{family} {rng.choice(LATIN_FAMILY)}"
        local = f"{_slug(given)}.{_slug(family)}.{serial}"
    has_company = rng.random() < 0.85
    return Attendee(
        given=given,
        family=family,
        email=f"{local}@{rng.choice(DOMAINS)}",
        company=_company(rng) if has_company else "",
        title=rng.choice(TITLES) if has_company else "",
        phone=_phone(rng) if rng.random() < 0.4 else "",
    )


def existing_person(index: int, seed: int = 2026) -> Attendee:
    """The index-th person the benchmark puts in the database before importing."""
    return _person(random.Random(f"{seed}-existing-{index}"), index)


def _typo(rng: random.Random, text: str) -> str:
    if len(text) < 4:
        return text + text[-1]
    at = rng.randrange(1, len(text) - 1)
    return text[:at] + text[at + 1 :] if rng.random() < 0.5 else text[:at] + text[at] + text[at:]


def rows(count: int, *, existing: int = 20_000, seed: int = 2026) -> Iterator[list[str]]:
    rng = random.Random(seed)
    tickets = [name for name, weight in TICKETS for _ in range(weight)]
    seen: list[Attendee] = []
    order = 100_000_000
    for serial in range(count):
        pick = rng.random()
        if pick < 0.10 and existing:
            person = existing_person(rng.randrange(existing), seed)
            if rng.random() < 0.3:
                person = Attendee(
                    person.given,
                    person.family,
                    person.email.upper(),
                    person.company,
                    person.title,
                    person.phone,
                )
        elif pick < 0.15 and seen:
            first = rng.choice(seen)
            person = Attendee(
                first.given,
                first.family,
                first.email.capitalize() if rng.random() < 0.5 else first.email,
                first.company or _company(rng),
                first.title,
                first.phone or (_phone(rng) if rng.random() < 0.5 else ""),
            )
        elif pick < 0.16 and seen:
            first = rng.choice(seen)
            person = Attendee(
                first.given, _typo(rng, first.family), "", first.company, first.title, ""
            )
        else:
            person = _person(rng, existing + serial)
            seen.append(person)
        if rng.random() < 0.6:
            order += 1
        status = "Attending"
        roll = rng.random()
        if roll < 0.02:
            status = "Cancelled"
        elif roll < 0.03:
            status = "Refunded"
        elif roll < 0.10:
            status = "Checked In"
        yield [
            str(order),
            f"2026-{rng.randrange(1, 12):02d}-{rng.randrange(1, 28):02d} 10:{serial % 60:02d}",
            person.given,
            person.family,
            person.email,
            "1",
            rng.choice(tickets),
            str(200_000_000 + serial),
            "",
            rng.choice(("Eventbrite Completed", "Free Order", "PayPal Completed")),
            "EUR",
            f"{rng.choice((0, 49, 99, 299, 599))}.00",
            status,
            person.company,
            person.title,
            person.phone,
        ]


def write(path: Path, count: int, *, existing: int = 20_000, seed: int = 2026) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        writer.writerows(rows(count, existing=existing, seed=seed))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--rows", type=int, default=150_000)
    parser.add_argument(
        "--existing",
        type=int,
        default=20_000,
        help="how many people the database already holds (existing_person(0..N-1))",
    )
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    write(args.path, args.rows, existing=args.existing, seed=args.seed)
    print(f"wrote {args.rows:,} rows to {args.path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
