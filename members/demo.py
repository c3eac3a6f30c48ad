"""
Demo members: the organisations and people of the network's 31 May 2021 coordination meeting.

IOM Azerbaijan, the Resident Coordinator's office and the State Migration Service, and the three
opening speakers, come from the public news item on that meeting; the Resident Coordinator who
followed, from the news items on the UNSDCF 2026-2030 (frameworks/reference/). The news item
names the other participants only by kind ("UN agencies, diplomatic missions, authorities, NGOs,
academia"), so the remaining organisations and every focal point below are illustrative and
flagged `is_demo`.
"""

import datetime

from members.models import Organisation, Person, Position
from unnm.demo import upsert

Kind = Organisation.Kind
Role = Organisation.Role

# (name, acronym, kind, role, country, website, is_demo, description)
ORGANISATIONS = [
    (
        "International Organization for Migration, Mission in Azerbaijan",
        "IOM",
        Kind.UN_AGENCY,
        Role.COORDINATOR,
        "",
        "https://azerbaijan.iom.int",
        False,
        "The UN Migration Agency. IOM Azerbaijan coordinates the network and hosts its "
        "secretariat, and organised the network's online coordination meeting of 31 May 2021.",
    ),
    (
        "Office of the UN Resident Coordinator in Azerbaijan",
        "RCO",
        Kind.UN_AGENCY,
        Role.CO_CHAIR,
        "",
        "https://azerbaijan.un.org",
        False,
        "Supports the UN country team in Azerbaijan and the UN Sustainable Development "
        "Cooperation Framework that the network's work is linked to: the 2021-2025 framework, "
        "and since 2026 the 2026-2030 framework signed on 27 October 2025.",
    ),
    (
        "State Migration Service of the Republic of Azerbaijan",
        "SMS",
        Kind.GOVERNMENT,
        Role.MEMBER,
        "AZ",
        "https://migration.gov.az",
        False,
        "The government authority responsible for migration management in Azerbaijan.",
    ),
    (
        "Office of the UN High Commissioner for Refugees in Azerbaijan",
        "UNHCR",
        Kind.UN_AGENCY,
        Role.MEMBER,
        "",
        "https://www.unhcr.org",
        True,
        "Works on refugee protection, statelessness and durable solutions.",
    ),
    (
        "United Nations Children's Fund in Azerbaijan",
        "UNICEF",
        Kind.UN_AGENCY,
        Role.MEMBER,
        "",
        "https://www.unicef.org",
        True,
        "Brings the rights of migrant and displaced children into the network's work.",
    ),
    (
        "United Nations Development Programme in Azerbaijan",
        "UNDP",
        Kind.UN_AGENCY,
        Role.MEMBER,
        "",
        "https://www.undp.org",
        True,
        "Links migration with local development, skills and livelihoods.",
    ),
    (
        "International Labour Organization",
        "ILO",
        Kind.UN_AGENCY,
        Role.MEMBER,
        "",
        "https://www.ilo.org",
        True,
        "Fair recruitment, decent work and labour migration governance.",
    ),
    (
        "United Nations Population Fund in Azerbaijan",
        "UNFPA",
        Kind.UN_AGENCY,
        Role.OBSERVER,
        "",
        "https://www.unfpa.org",
        True,
        "Population data and gender-responsive migration policies.",
    ),
    (
        "Delegation of the European Union to Azerbaijan",
        "EU",
        Kind.DIPLOMATIC_MISSION,
        Role.OBSERVER,
        "",
        "https://www.eeas.europa.eu",
        True,
        "Follows the network's work on mobility partnerships and border management.",
    ),
    (
        "Embassy of the Federal Republic of Germany in Baku",
        "",
        Kind.DIPLOMATIC_MISSION,
        Role.OBSERVER,
        "DE",
        "",
        True,
        "",
    ),
    (
        "Embassy of Switzerland in Azerbaijan",
        "",
        Kind.DIPLOMATIC_MISSION,
        Role.OBSERVER,
        "CH",
        "",
        True,
        "",
    ),
    (
        "Ministry of Labour and Social Protection of Population",
        "MLSPP",
        Kind.GOVERNMENT,
        Role.MEMBER,
        "AZ",
        "",
        True,
        "Labour market access and social protection for migrant workers.",
    ),
    (
        "Azerbaijan Migration Support Centre",
        "AMSC",
        Kind.NGO,
        Role.MEMBER,
        "AZ",
        "",
        True,
        "A civil-society organisation offering legal counselling to migrants and returnees.",
    ),
    (
        "Baku Centre for Migration Studies",
        "",
        Kind.ACADEMIA,
        Role.MEMBER,
        "AZ",
        "",
        True,
        "Research on labour migration, remittances and return in the South Caucasus.",
    ),
]

# (name, honorific, position, organisation acronym/name, focal point, consent, is_demo)
# The first three are the opening speakers of 31 May 2021, with their posts as the record gives
# them on that day: the network knows no end date, so their posts read "as of 31 May 2021"
# (RECORD_DATE), never as current. They spoke; the record does not make them focal points.
# Who was Resident Coordinator when follows frameworks/reference/unsdcf_azerbaijan_2026_2030.json:
# Ghulam Isaczai seen in the post in 2021, Vladanka Andreeva from 2022 until the end of her tenure
# acknowledged on 19 December 2025 (her post reads "as of" that last sighting: the exact end is not
# known, and neither is her successor, so the demo names no current Resident Coordinator).
# People from public records get no contact data: only invented people have (invented) ones.
RECORD_DATE = datetime.date(2021, 5, 31)
AS_OF = {"Vladanka Andreeva": datetime.date(2025, 12, 19)}
PEOPLE = [
    ("Ghulam Isaczai", "Mr.", "UN Resident Coordinator in Azerbaijan", "RCO", False, True, False),
    (
        "Vladanka Andreeva",
        "Ms.",
        "UN Resident Coordinator in Azerbaijan",
        "RCO",
        False,
        True,
        False,
    ),
    ("Vladimir Gjorgjiev", "Mr.", "Chief of Mission, IOM Azerbaijan", "IOM", False, True, False),
    ("Vusal Huseynov", "Mr.", "Chief of the State Migration Service", "SMS", False, True, False),
    ("Leyla Mammadova", "Ms.", "Programme Officer, network secretariat", "IOM", True, True, True),
    ("Rashad Aliyev", "Mr.", "Head of International Relations", "SMS", True, False, True),
    ("Nigar Hasanova", "Ms.", "Protection Associate", "UNHCR", True, True, True),
    ("Elvin Guliyev", "Mr.", "Child Protection Specialist", "UNICEF", True, False, True),
    (
        "Aysel Karimova",
        "Dr.",
        "Senior Researcher",
        "Baku Centre for Migration Studies",
        True,
        True,
        True,
    ),
    ("Tural Ismayilov", "Mr.", "Legal Counsel", "AMSC", True, True, True),
    ("Sabina Jafarova", "Ms.", "Labour Migration Officer", "ILO", True, False, True),
]

# The opening speakers' posts in Azerbaijani and Russian, in the terms of locale/GLOSSARY.md.
POSITION_TRANSLATIONS = {
    "UN Resident Coordinator in Azerbaijan": {
        "az": "BMT-nin Azərbaycandakı Rezident Əlaqələndiricisi",
        "ru": "Постоянный координатор ООН в Азербайджане",
    },
    "Chief of Mission, IOM Azerbaijan": {
        "az": "BMqT-nin Azərbaycandakı nümayəndəliyinin rəhbəri",
        "ru": "Глава представительства МОМ в Азербайджане",
    },
    "Chief of the State Migration Service": {
        "az": "Dövlət Miqrasiya Xidmətinin rəisi",
        "ru": "Начальник Государственной миграционной службы",
    },
}


def _translated(field, english):
    """The columns of a post's other languages, for the posts the demo translates."""
    return {
        f"{field}_{code}": text for code, text in POSITION_TRANSLATIONS.get(english, {}).items()
    }


def _organisation(key):
    return Organisation.objects.filter(acronym=key).first() or Organisation.objects.get(name=key)


def load():
    for name, acronym, kind, role, country, website, is_demo, description in ORGANISATIONS:
        upsert(
            Organisation,
            name=name,
            defaults={
                "acronym": acronym,
                "kind": kind,
                "role": role,
                "country": country,
                "website": website,
                "is_demo": is_demo,
                "description": description,
            },
        )
    for name, honorific, position, org_key, focal, consent, is_demo in PEOPLE:
        organisation = _organisation(org_key)
        slug = name.lower().replace(" ", ".")
        person, _ = upsert(
            Person,
            name=name,
            organisation=organisation,
            defaults={
                "honorific": honorific,
                "position": position,
                **_translated("position", position),
                "email": f"{slug}@example.org" if is_demo else "",
                "phone": "+994 12 000 00 00" if is_demo else "",
                "is_focal_point": focal,
                "consent_public_listing": consent,
                "is_demo": is_demo,
            },
        )
        upsert(
            Position,
            person=person,
            title=position,
            organisation=organisation,
            defaults={
                "as_of": None if is_demo else AS_OF.get(name, RECORD_DATE),
                **_translated("title", position),
            },
        )
