"""
Demo data: Azerbaijan's UNSDCF 2021-2025, as far as the verified reference data goes, then an
illustrative UNSDCF x GCM mapping and a few work-plan activities; and the UNSDCF 2026-2030 that
followed it, with only what is verified (its title, years, signing and sources).

The 2026-2030 framework's priorities could not be read in any source (`priorities` is null in its
reference file): it has none here, and so no mapping, until staff enter them from the signed
document. Its record is not invented, so it is not flagged `is_demo`.

The priority titles are verbatim from the framework's table of contents; in Azerbaijani as the UN
in Azerbaijan publishes them, in Russian the project's translation (marked unverified in the
reference JSON). The official outcome
statements could not be read, so each outcome carries only its short name and an empty
statement: the site shows it as a placeholder for staff to complete from the signed document.

The mapping, the joint programme and the activities are invented to show how the network would
use the site; every one of them is flagged `is_demo`, and their wording is our own. No output is
invented: outputs are official text of the framework, which staff enter from the document.
"""

import datetime
import importlib
import json
from pathlib import Path

from django.apps import apps

from frameworks.models import (
    Activity,
    CooperationFramework,
    GCMObjective,
    JointProgramme,
    ObjectiveLink,
    Outcome,
    ProgressUpdate,
    SDGTarget,
    StrategicPriority,
)
from members.models import Organisation
from unnm.demo import upsert

REFERENCE = Path(__file__).resolve().parent / "reference" / "unsdcf_azerbaijan_2021_2025.json"
NEXT_REFERENCE = REFERENCE.with_name("unsdcf_azerbaijan_2026_2030.json")


def load_framework():
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    framework, _ = upsert(
        CooperationFramework,
        short_title="UNSDCF Azerbaijan",
        start_year=2021,
        defaults={
            "title": "UN-Azerbaijan Sustainable Development Cooperation Framework 2021-2025",
            "title_ru": data["title_ru"],
            "title_az": data["title_az"],
            "country": "Azerbaijan",
            "end_year": 2025,
            "signed_on": datetime.date.fromisoformat(data["signed"]["date"]),
            "source": "\n".join(data["source"]),
            "is_demo": True,
        },
    )
    for priority_data in data["priorities"]:
        priority, _ = upsert(
            StrategicPriority,
            framework=framework,
            number=priority_data["number"],
            # The Azerbaijani titles as the UN in Azerbaijan publishes them; the Russian ones
            # are the project's (no published Russian wording found): see the JSON's sources.
            defaults={
                "title": priority_data["title"],
                "title_ru": priority_data["title_ru"],
                "title_az": priority_data["title_az"],
            },
        )
        for index, outcome_data in enumerate(priority_data["outcomes"], start=1):
            # The statement stays empty: it is unverified, and staff complete it.
            upsert(
                Outcome,
                priority=priority,
                number=f"{priority.number}.{index}",
                defaults={"short_name": outcome_data["short_name"], "order": index},
            )
    return framework


def load_next_framework():
    """The UNSDCF 2026-2030 as its reference file gives it, without priorities (never invented)."""
    data = json.loads(NEXT_REFERENCE.read_text(encoding="utf-8"))
    start, end = (int(year) for year in data["period"].split("-"))
    framework, _ = upsert(
        CooperationFramework,
        short_title="UNSDCF Azerbaijan",
        start_year=start,
        defaults={
            "title": data["title"],
            "country": "Azerbaijan",
            "end_year": end,
            "signed_on": datetime.date.fromisoformat(data["signed"]["date"]),
            "source": "\n".join(data["source"]),
            "is_demo": False,
        },
    )
    return framework


DIRECT = ObjectiveLink.Strength.DIRECT
CONTRIBUTING = ObjectiveLink.Strength.CONTRIBUTING

# (outcome number, GCM objective, strength, rationale): an illustrative mapping, own words.
MAPPING = [
    (
        "1.1",
        6,
        DIRECT,
        "Decent work for all includes fair recruitment and decent conditions "
        "for migrant workers in the sectors that employ them.",
    ),
    (
        "1.1",
        18,
        DIRECT,
        "Skills programmes for inclusive growth can recognise what migrants "
        "and returnees learned abroad.",
    ),
    (
        "1.1",
        19,
        CONTRIBUTING,
        "Diaspora investment and know-how are one of the sources of "
        "the growth this outcome looks for.",
    ),
    (
        "1.1",
        20,
        CONTRIBUTING,
        "Cheaper, safer remittances raise the income of households that depend on work abroad.",
    ),
    (
        "1.1",
        5,
        CONTRIBUTING,
        "Labour market planning is where regular labour migration pathways are designed.",
    ),
    (
        "2.1",
        15,
        DIRECT,
        "Public and social services that reach everyone include migrants, "
        "refugees and stateless people.",
    ),
    (
        "2.1",
        4,
        DIRECT,
        "Civil registration and documentation are public services that open "
        "the door to all others.",
    ),
    (
        "2.1",
        22,
        CONTRIBUTING,
        "Social protection schemes decide whether migrant workers keep "
        "their entitlements when they move.",
    ),
    (
        "2.1",
        12,
        CONTRIBUTING,
        "Front-line services are where victims of trafficking and "
        "other people in need are identified and referred.",
    ),
    (
        "2.1",
        16,
        CONTRIBUTING,
        "Services that include newcomers help social cohesion in the "
        "communities that receive them.",
    ),
    (
        "2.2",
        1,
        DIRECT,
        "Better data for policy includes disaggregated, comparable data on "
        "migration and displacement.",
    ),
    (
        "2.2",
        3,
        CONTRIBUTING,
        "Reliable data is the basis of accurate public information on migration procedures.",
    ),
    (
        "2.2",
        17,
        CONTRIBUTING,
        "Evidence-based policy shapes an evidence-based public conversation about migrants.",
    ),
    (
        "2.2",
        23,
        CONTRIBUTING,
        "Data shared with neighbouring countries supports regional cooperation on migration.",
    ),
    (
        "3.1",
        2,
        DIRECT,
        "Climate and environmental degradation are among the drivers that "
        "push people to leave; adaptation reduces them.",
    ),
    (
        "3.1",
        7,
        CONTRIBUTING,
        "Communities exposed to climate hazards include migrants and "
        "displaced people in vulnerable situations.",
    ),
    (
        "4.1",
        10,
        DIRECT,
        "Ending violence against women and girls includes trafficking for "
        "sexual and labour exploitation.",
    ),
    (
        "4.1",
        7,
        DIRECT,
        "Women migrants face specific risks; gender-responsive policy reduces them.",
    ),
    (
        "4.1",
        17,
        CONTRIBUTING,
        "Work against gender stereotypes can also address discrimination against migrant women.",
    ),
]

OUTCOME_SDG_TARGETS = {
    "1.1": ["8.8", "10.7", "10.c"],
    "2.1": ["16.9"],
    "2.2": ["17.18"],
    "4.1": ["5.2", "8.7", "16.2"],
}

# (title, lead acronym, partner acronyms, objectives, outcomes, SDG targets, status,
#  start, end, budget, joint programme?, funding source, description, updates)
ACTIVITIES = [
    (
        "Joint assessment of migration data gaps",
        "IOM",
        ["SMS", "UNDP", "UNFPA"],
        [1, 23],
        ["2.2"],
        ["17.18", "10.7"],
        Activity.Status.ONGOING,
        "2025-03-01",
        "2027-06-30",
        "85000",
        True,
        "",
        "Members list the migration data each institution collects, compare definitions and "
        "agree on the gaps to close first.",
        [
            ("2025-06-15", "Data holders mapped in six institutions; questionnaire agreed."),
            ("2025-11-28", "Draft gap analysis discussed at the network's coordination meeting."),
        ],
    ),
    (
        "Pre-departure information for labour migrants",
        "IOM",
        ["ILO", "MLSPP"],
        [3, 6],
        ["1.1"],
        ["8.8", "10.7"],
        Activity.Status.PLANNED,
        "2027-02-01",
        "2027-12-31",
        "60000",
        False,
        "Demo donor (bilateral grant)",
        "Plain-language guides and sessions on rights, contracts and safe channels for people "
        "preparing to work abroad.",
        [],
    ),
    (
        "Birth registration and documents for displaced and migrant children",
        "UNICEF",
        ["UNHCR", "SMS"],
        [4, 15],
        ["2.1"],
        ["16.9"],
        Activity.Status.ONGOING,
        "2025-01-15",
        "2027-12-31",
        "120000",
        False,
        "Regular resources of the lead agency (demo)",
        "Helps families obtain birth certificates and identity documents so that children can "
        "enrol in school and use health services.",
        [("2026-05-12", "Mobile registration days held in three districts.")],
    ),
    (
        "Referral pathways for victims of trafficking",
        "IOM",
        ["UNICEF", "AMSC"],
        [10, 12, 7],
        ["4.1", "2.1"],
        ["5.2", "8.7", "16.2"],
        Activity.Status.COMPLETED,
        "2024-09-01",
        "2025-12-31",
        "45000",
        True,
        "",
        "A shared referral guide and joint training for front-line staff who may meet victims "
        "of trafficking.",
        [
            ("2025-04-22", "Referral guide drafted with civil-society partners."),
            ("2025-12-10", "Training delivered to front-line staff; guide handed over."),
        ],
    ),
    (
        "Scoping study on climate-related mobility",
        "UNDP",
        ["IOM"],
        [2, 23],
        ["3.1"],
        [],
        Activity.Status.PLANNED,
        "2027-01-15",
        None,
        None,
        False,
        "",
        "Reviews evidence on how environmental change affects where people live and move, to "
        "inform adaptation planning.",
        [],
    ),
    (
        "Diaspora skills and remittance channels",
        "UNDP",
        [],
        [19, 20],
        ["1.1"],
        ["10.c"],
        Activity.Status.ON_HOLD,
        "2025-04-01",
        "2026-12-31",
        "30000",
        False,
        "To be confirmed",
        "Explores how diaspora professionals could contribute skills, and compares the cost of "
        "sending money home through different channels.",
        [("2026-02-03", "Paused until a co-funding partner is found.")],
    ),
]


def date_or_none(value):
    return datetime.date.fromisoformat(value) if value else None


def load_mapping(framework):
    outcomes = {o.number: o for o in Outcome.objects.filter(priority__framework=framework)}
    objectives = {o.number: o for o in GCMObjective.objects.all()}
    for number, objective, strength, rationale in MAPPING:
        upsert(
            ObjectiveLink,
            outcome=outcomes[number],
            objective=objectives[objective],
            defaults={"strength": strength, "rationale": rationale, "is_demo": True},
        )
    for number, codes in OUTCOME_SDG_TARGETS.items():
        outcomes[number].sdg_targets.set(SDGTarget.objects.filter(code__in=codes))
    return outcomes


def load_activities(outcomes):
    organisations = {o.acronym: o for o in Organisation.objects.exclude(acronym="")}
    programme, _ = upsert(
        JointProgramme,
        title="Demo joint programme: evidence and protection in migration governance",
        defaults={
            "start": datetime.date(2024, 9, 1),
            "end": datetime.date(2027, 6, 30),
            "budget": "250000",
            "is_demo": True,
        },
    )
    programme.participating_organisations.set(
        [organisations[a] for a in ("IOM", "UNICEF", "UNDP") if a in organisations]
    )
    for (
        title,
        lead,
        partners,
        objectives,
        outcome_numbers,
        targets,
        status,
        start,
        end,
        budget,
        in_programme,
        funding_source,
        description,
        updates,
    ) in ACTIVITIES:
        activity, _ = upsert(
            Activity,
            title=title,
            defaults={
                "lead": organisations[lead],
                "description": description,
                "status": status,
                "start": date_or_none(start),
                "end": date_or_none(end),
                "budget": budget,
                "joint_programme": programme if in_programme else None,
                "funding_source": funding_source,
                "is_demo": True,
            },
        )
        activity.partners.set([organisations[a] for a in partners])
        activity.gcm_objectives.set(GCMObjective.objects.filter(number__in=objectives))
        activity.outcomes.set([outcomes[n] for n in outcome_numbers])
        activity.sdg_targets.set(SDGTarget.objects.filter(code__in=targets))
        for day, text in updates:
            upsert(
                ProgressUpdate,
                activity=activity,
                date=datetime.date.fromisoformat(day),
                defaults={"text": text, "is_demo": True},
            )


def ensure_reference_data():
    """
    The mapping needs the 23 GCM objectives that the data migration loads. A table flush (as
    transactional tests do) removes them; load them again with the migration's own function.
    """
    if GCMObjective.objects.count() != 23:
        migration = importlib.import_module("frameworks.migrations.0002_reference_data")
        migration.load(apps, schema_editor=None)


def load():
    ensure_reference_data()
    framework = load_framework()
    load_next_framework()
    outcomes = load_mapping(framework)
    load_activities(outcomes)
