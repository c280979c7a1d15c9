"""Builders for the contacts GUI tests (no tests here): seeded stores and screenshots."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

from PySide6.QtGui import QImage
from screens import save_screenshot  # noqa: F401  (re-exported for the screen tests)

from ceopdesk.core.contacts import importer, service
from ceopdesk.core.contacts.domain import Contact, Email, ImportOptions, Phone
from ceopdesk.core.store import Store

# Fifty people a UK press office might really hold: accents, Arabic, CJK, Welsh, Irish.
PEOPLE: list[tuple[str, str, str, str, str, str]] = [
    # name, outlet, job title, kind, beats, phone
    ("Zoë Ball", "BBC News", "Crime Correspondent", "journalist", "crime; courts", "020 7946 0018"),
    (
        "Siobhán Ní Bhriain",
        "RTÉ",
        "Ireland Correspondent",
        "journalist",
        "politics",
        "+353 1 208 3111",
    ),
    (
        "محمد الأحمد",
        "Al Jazeera English",
        "Home Affairs Reporter",
        "journalist",
        "security",
        "07911 123457",
    ),
    ("فاطمة الزهراء", "BBC Arabic", "Producer", "journalist", "online safety", "020 7946 0021"),
    ("王伟", "Phoenix TV Europe", "London Bureau Chief", "journalist", "politics", "07911 123456"),
    ("山田 花子", "NHK World", "Europe Correspondent", "journalist", "technology", "020 7946 0322"),
    ("김민준", "Yonhap", "Reporter", "journalist", "online safety", "07911 123458"),
    (
        "François Lefèvre",
        "Le Monde",
        "Correspondant à Londres",
        "journalist",
        "politics",
        "+33 1 57 28 20 00",
    ),
    ("Chloé Dubois", "AFP", "News Editor", "journalist", "courts", "020 7946 0555"),
    ("José Núñez", "El País", "Reporter", "journalist", "crime", "+34 913 37 82 00"),
    ("Agnieszka Kowalska", "Polsat News", "Presenter", "journalist", "regional", "07911 123459"),
    ("Björn Jääskeläinen", "Yle", "Reporter", "journalist", "technology", ""),
    (
        "Dafydd ap Gwilym",
        "BBC Cymru Wales",
        "Political Editor",
        "journalist",
        "politics",
        "029 2032 2000",
    ),
    (
        "Eilidh MacDonald",
        "The Scotsman",
        "Chief Reporter",
        "journalist",
        "crime; regional",
        "0131 620 8620",
    ),
    (
        "Seán Ó Súilleabháin",
        "The Irish News",
        "Security Correspondent",
        "journalist",
        "security",
        "",
    ),
    (
        "Priya Patel",
        "ITV News",
        "Home Affairs Editor",
        "journalist",
        "home affairs; crime",
        "020 7946 0777",
    ),
    ("Olumide Adeyemi", "Sky News", "Producer", "journalist", "crime", "07911 222333"),
    (
        "Grace Okafor",
        "The Guardian",
        "Social Affairs Editor",
        "journalist",
        "online safety; health",
        "",
    ),
    ("Tom Wright", "The Times", "Crime Editor", "journalist", "crime", "020 7782 5000"),
    ("Hannah Green", "Daily Mail", "Reporter", "journalist", "courts", "07911 123460"),
    (
        "Ewan Hughes",
        "Press Association",
        "News Editor",
        "journalist",
        "courts; crime",
        "020 7963 7000",
    ),
    ("Rhiannon Evans", "Western Mail", "Reporter", "journalist", "regional", ""),
    (
        "Mei Chen",
        "Reuters",
        "Technology Correspondent",
        "journalist",
        "technology",
        "020 7250 1122",
    ),
    ("Hiroshi Tanaka", "Kyodo News", "Correspondent", "journalist", "technology", ""),
    (
        "Aisha Khan",
        "Manchester Evening News",
        "Chief Crime Reporter",
        "journalist",
        "crime; regional",
        "0161 832 7200",
    ),
    ("Omar Ali", "Birmingham Mail", "Reporter", "journalist", "regional", ""),
    ("Ingrid Müller", "Der Spiegel", "UK Correspondent", "journalist", "politics", "+49 40 3007 0"),
    ("Lucía García", "EFE", "Reporter", "journalist", "crime", ""),
    ("Jack Taylor", "The Sun", "Crime Reporter", "journalist", "crime", "020 7782 4000"),
    ("Ava Thompson", "Daily Mirror", "Reporter", "journalist", "courts", ""),
    (
        "Noah Robinson",
        "Evening Standard",
        "Deputy News Editor",
        "journalist",
        "regional",
        "020 3367 7000",
    ),
    (
        "Isla Walker",
        "Channel 4 News",
        "Home Affairs Correspondent",
        "journalist",
        "home affairs",
        "",
    ),
    ("Freya Hall", "Yorkshire Post", "Reporter", "journalist", "regional", ""),
    (
        "Leo Harris",
        "Belfast Telegraph",
        "Security Correspondent",
        "journalist",
        "security",
        "028 9026 4000",
    ),
    ("Niamh Clarke", "The Independent", "Reporter", "journalist", "online safety", ""),
    ("Harry Lewis", "Associated Press", "Reporter", "journalist", "crime", ""),
    ("Catrin Edwards", "S4C", "Producer", "journalist", "regional", ""),
    ("Ruaridh Stewart", "STV News", "Reporter", "journalist", "regional; courts", ""),
    ("Piotr Nowak", "TVP", "Correspondent", "journalist", "politics", ""),
    ("Tomasz Wiśniewski", "Gazeta Wyborcza", "Reporter", "journalist", "politics", ""),
    (
        "Helen Marsh",
        "NSPCC",
        "Head of Policy",
        "stakeholder",
        "online safety; policy",
        "020 7825 2500",
    ),
    (
        "Daniel Okafor",
        "Home Office",
        "Press Officer",
        "stakeholder",
        "home affairs",
        "020 7035 4848",
    ),
    (
        "Ruth Adams",
        "Internet Watch Foundation",
        "Director of Communications",
        "stakeholder",
        "online safety",
        "",
    ),
    ("Kwame Mensah", "Barnardo's", "Head of Media", "stakeholder", "policy", ""),
    ("Sarah Bennett", "Ofcom", "Media Relations", "stakeholder", "online safety", ""),
    ("Peter Davies", "CEOP", "Chief Executive", "spokesperson", "", "0870 000 3434"),
    ("Fatima Begum", "CEOP", "Deputy Director", "spokesperson", "", ""),
    ("Chidi Obi", "CEOP Press Office", "Press Officer", "internal", "", ""),
    ("Yuki Nakamura", "CEOP Press Office", "Senior Press Officer", "internal", "", ""),
    ("Arjun Shah", "Local Government Association", "Media Officer", "stakeholder", "policy", ""),
]
DO_NOT_CONTACT = {"Jack Taylor", "Hannah Green", "Ava Thompson"}


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in folded if ch.isascii() and ch.isalnum())


def email_for(name: str, outlet: str, i: int) -> str:
    """ "zoe.ball@bbcnews.example.org"; "person3@..." for names in other scripts."""
    local = ".".join(p for p in (_ascii(w) for w in name.split()) if p) or f"person{i}"
    domain = _ascii(outlet)[:16] or "example"
    return f"{local}@{domain}.example.org"


def seed_people(store: Store) -> dict[str, int]:
    """The fifty people above, created through the core; returns name -> id."""
    ids: dict[str, int] = {}
    for i, (name, outlet, title, kind, beats, phone) in enumerate(PEOPLE):
        given, _, family = name.rpartition(" ") if " " in name else (name, "", "")
        saved = service.create_contact(
            store,
            Contact(
                given_name=given,
                family_name=family,
                display_name=name if " " not in name else "",
                organisation=outlet,
                job_title=title,
                kind=kind,  # type: ignore[arg-type]
                emails=[Email(email_for(name, outlet, i), "work")],
                phones=[Phone(phone, "work")] if phone else [],
                tags=[b.strip() for b in beats.split(";") if b.strip()],
                lawful_basis="legitimate_interests",
                source="press office address book",
                do_not_contact=name in DO_NOT_CONTACT,
                notes="Prefers calls before 11:00." if i % 7 == 0 else "",
            ),
        )
        assert saved.id is not None
        ids[name] = saved.id
    return ids


def write_csv(path: Path, n: int) -> Path:
    """A media-database CSV of ``n`` distinct people."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["First Name", "Last Name", "Outlet", "Job Title", "Email", "Beats"])
        for i in range(n):
            w.writerow(
                [
                    f"Person{i:05d}",
                    f"Family{i % 97:02d}",
                    f"Outlet {i % 31}",
                    "Reporter",
                    f"person{i}@outlet{i % 31}.example.org",
                    "crime" if i % 2 else "courts",
                ]
            )
    return path


def seed_many(store: Store, folder: Path, n: int) -> None:
    report = importer.import_file(store, write_csv(folder / f"seed-{n}.csv", n), ImportOptions())
    assert report.count("added") == n


def assert_sane(image: QImage, min_w: int = 500, min_h: int = 350) -> None:
    assert min_w <= image.width() <= 4000 and min_h <= image.height() <= 3000
