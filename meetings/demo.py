"""
Demo meetings.

The online coordination meeting of 31 May 2021 is a real meeting, recorded from the public news
item (the facts: date, organiser, format, speakers and their roles that day, the kinds of
organisations that attended, the items discussed); the summaries are written in our own words.
The news item gives no hour, so the meeting is recorded by its date alone (`time_unknown`), and
it names the participants only by kind: apart from IOM, the Resident Coordinator's office and the
State Migration Service, whose heads opened it, they are recorded as kinds of organisation
(`ParticipationByKind`), never as invented names.

The other meetings are invented (`is_demo=True`) and dated relative to the day the demo is loaded,
on working days (Monday to Friday), so the list always has upcoming and past entries; they are
keyed on their title.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from frameworks.models import Activity, GCMObjective
from meetings import demo_translations
from meetings.models import (
    ActionPoint,
    AgendaItem,
    Document,
    Meeting,
    Minutes,
    Participation,
    ParticipationByKind,
    Remark,
)
from members.models import Organisation, Person
from unnm.demo import same_value, upsert

MAY_31_TITLE = "Coordination Meeting of the UN Network on Migration in Azerbaijan"
MAY_31_SLUG = "2021-05-31-coordination-meeting"

MAY_31_SUMMARY = (
    "An online meeting, convened by IOM Azerbaijan, to take stock of the network's work and to "
    "discuss how that work connects with the implementation of the UN Sustainable Development "
    "Cooperation Framework (UNSDCF) 2021-2025."
)
MAY_31_DESCRIPTION = (
    "After an opening session with the UN Resident Coordinator, the Chief of IOM Azerbaijan and "
    "the Chief of the State Migration Service, members heard updates on the network's recent "
    "activities and on the work of connecting the frameworks that govern migration in the "
    "country: the progress plan, the list of synergies and the initiative to link the UNSDCF "
    "with the network's own plan. The UN country team's position on the Migration Multi-Partner "
    "Trust Fund and other joint initiatives were also presented, and the meeting closed with a "
    "discussion of the network's next steps."
)

# (name, role as it was on the day, summary in our own words)
OPENING_REMARKS = [
    (
        "Ghulam Isaczai",
        "UN Resident Coordinator in Azerbaijan",
        "Stressed that the organisations dealing with migration in Azerbaijan need to work "
        "together: good migration management and governance, he said, go hand in hand with "
        "protecting the rights and well-being of migrants and their communities, and both call "
        "for a joined-up, coherent approach.",
    ),
    (
        "Vladimir Gjorgjiev",
        "Chief of IOM Azerbaijan",
        "Pointed to what Azerbaijan had achieved in the past year, including its seat on the "
        "Steering Group of the Global Forum on Migration and Development and the Government's "
        "report on the Global Compact for Migration, and said he was confident the network's "
        "work would help the country go further in managing migration at national, regional "
        "and global level. He explained that the network connects the UNSDCF 2021-2025 priority "
        "areas with the GCM objectives, lines them up with the aims of its Terms of Reference, "
        "and proposes a plan of activities on that basis, which will also speed up progress "
        "towards the Sustainable Development Goals.",
    ),
    (
        "Vusal Huseynov",
        "Chief of the State Migration Service",
        "Recalled that Azerbaijan was one of the first countries to set up a national UN Network "
        "on Migration, and said he hoped the meeting would serve as a forum for new ideas and "
        "initiatives that help manage migration in Azerbaijan effectively.",
    ),
]

# (order, kind, title, description)
MAY_31_AGENDA = [
    (1, AgendaItem.Kind.OPENING, "Opening session", "Welcome and opening remarks."),
    (
        2,
        AgendaItem.Kind.UPDATE,
        "Update on the network's past activities",
        "What the network has done since it was set up.",
    ),
    (
        3,
        AgendaItem.Kind.UPDATE,
        "Interlinking the existing frameworks related to migration management",
        "How the UNSDCF 2021-2025, the GCM objectives and the network's Terms of Reference fit "
        "together.",
    ),
    (
        4,
        AgendaItem.Kind.UPDATE,
        "Progress plan, list of synergies and the initiative to interlink the UNSDCF and the "
        "network",
        "",
    ),
    (
        5,
        AgendaItem.Kind.UPDATE,
        "The Migration Multi-Partner Trust Fund and other collaborative initiatives",
        "The UN country team's position on the migration pooled fund (Migration MPTF), and "
        "other joint initiatives.",
    ),
    (
        6,
        AgendaItem.Kind.DISCUSSION,
        "Discussion on the UN Network on Migration in Azerbaijan",
        "Detailed exchange among participants on the network's work.",
    ),
]

# The organisations the record names (the organiser and the opening speakers' offices), with
# their role at the meeting; the others it names only by kind (MAY_31_KINDS).
MAY_31_PARTICIPANTS = [
    ("IOM", Participation.Role.ORGANISER),
    ("RCO", Participation.Role.SPEAKER),
    ("SMS", Participation.Role.SPEAKER),
]
MAY_31_KINDS = [
    Organisation.Kind.UN_AGENCY,
    Organisation.Kind.DIPLOMATIC_MISSION,
    Organisation.Kind.GOVERNMENT,
    Organisation.Kind.NGO,
    Organisation.Kind.ACADEMIA,
]


def _organisation(key):
    return Organisation.objects.filter(acronym=key).first() or Organisation.objects.get(name=key)


def _person(name):
    return Person.objects.get(name=name)


def _at(day, hour, minute=0):
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


def _agenda(meeting, items, translations=None):
    for order, kind, title, description in items:
        upsert(
            AgendaItem,
            meeting=meeting,
            order=order,
            defaults={
                "kind": kind,
                "title": title,
                "description": description,
                **(translations or {}).get(order, {}),
            },
        )
    meeting.agenda_items.exclude(order__in=[item[0] for item in items]).delete()


def _participants(meeting, participants):
    for key, role, *count in participants:
        upsert(
            Participation,
            meeting=meeting,
            organisation=_organisation(key),
            defaults={"role": role, "representatives": count[0] if count else None},
        )


def load_may_31():
    meeting, _ = upsert(
        Meeting,
        slug=MAY_31_SLUG,
        defaults={
            "title": MAY_31_TITLE,
            "kind": Meeting.Kind.COORDINATION,
            "format": Meeting.Format.ONLINE,
            # The record gives no hour: the whole day, shown as the date alone.
            "start": _at(datetime.date(2021, 5, 31), 0),
            "end": _at(datetime.date(2021, 5, 31), 23, 59),
            "time_unknown": True,
            "venue": "",
            "organiser": _organisation("IOM"),
            "summary": MAY_31_SUMMARY,
            "description": MAY_31_DESCRIPTION,
            "status": Meeting.Status.PUBLISHED,
            "visibility": Meeting.Visibility.PUBLIC,
            "is_demo": False,
            **demo_translations.MAY_31,
        },
    )
    _agenda(meeting, MAY_31_AGENDA, demo_translations.MAY_31_AGENDA)
    opening = meeting.agenda_items.get(order=1)
    for order, (name, role, summary) in enumerate(OPENING_REMARKS, start=1):
        speaker = _person(name)
        upsert(
            Remark,
            agenda_item=opening,
            order=order,
            defaults={
                "meeting": meeting,
                "speaker": speaker,
                "speaker_role": role,
                "speaker_organisation": speaker.organisation,
                "summary": summary,
                **demo_translations.OPENING_REMARKS[name],
                "status": Remark.Status.PUBLISHED,
            },
        )
    _participants(meeting, MAY_31_PARTICIPANTS)
    keys = [_organisation(key).pk for key, _role in MAY_31_PARTICIPANTS]
    meeting.participations.exclude(organisation__in=keys).delete()
    for kind in MAY_31_KINDS:
        ParticipationByKind.objects.get_or_create(meeting=meeting, kind=kind)
    meeting.kinds_present.exclude(kind__in=MAY_31_KINDS).delete()
    return meeting


def working_day(date):
    """The date, or the next Monday when it falls on a weekend (Azerbaijan works Mon-Fri)."""
    shift = 7 - date.weekday() if date.weekday() >= 5 else 0
    return date + datetime.timedelta(days=shift)


def _demo_meeting(title, **fields):
    objectives = fields.pop("objectives", [])
    chairs = fields.pop("chairs", [])
    fields.setdefault("status", Meeting.Status.PUBLISHED)
    fields["organiser"] = _organisation(fields.pop("organiser"))
    meeting = Meeting.objects.filter(title=title, is_demo=True).first() or Meeting(
        title=title, is_demo=True
    )
    changed = {
        name: value for name, value in fields.items() if not same_value(meeting, name, value)
    }
    if changed or meeting.pk is None:
        for name, value in changed.items():
            setattr(meeting, name, value)
        meeting.slug = ""  # re-derived from the (relative) date when the demo moves it
        meeting.save()
    meeting.gcm_objectives.set(GCMObjective.objects.filter(number__in=objectives))
    meeting.chairs.set([_person(name) for name in chairs])
    return meeting


def load_invented(today=None):
    today = today or timezone.localdate()

    def day(offset):
        return working_day(today + datetime.timedelta(days=offset))

    workshop = _demo_meeting(
        "Workshop on migration data for the GCM review",
        kind=Meeting.Kind.WORKSHOP,
        format=Meeting.Format.IN_PERSON,
        start=_at(day(-45), 10),
        end=_at(day(-45), 16),
        venue="UN House, Baku",
        organiser="IOM",
        summary="A one-day workshop with the State Migration Service and UN agencies on the "
        "data the country needs to report on the Global Compact for Migration.",
        description="Participants mapped which migration statistics already exist, who "
        "produces them and where the gaps are, ahead of the next regional review of the GCM.",
        objectives=[1, 3, 23],
        chairs=["Leyla Mammadova"],
    )
    _agenda(
        workshop,
        [
            (1, AgendaItem.Kind.OPENING, "Welcome and aims of the day", ""),
            (2, AgendaItem.Kind.UPDATE, "Migration statistics in Azerbaijan: who holds what", ""),
            (3, AgendaItem.Kind.BREAK, "Lunch", ""),
            (4, AgendaItem.Kind.DISCUSSION, "Closing the data gaps: group work", ""),
            (5, AgendaItem.Kind.CLOSING, "Conclusions and next steps", ""),
        ],
    )
    opening = workshop.agenda_items.get(order=1)
    upsert(
        Remark,
        agenda_item=opening,
        order=1,
        defaults={
            "meeting": workshop,
            "speaker": _person("Leyla Mammadova"),
            "summary": "Set out the aim of the day: one shared picture of the migration data "
            "available in the country, and a short list of gaps to close before the review.",
            "status": Remark.Status.PUBLISHED,
        },
    )
    _participants(
        workshop,
        [
            ("IOM", Participation.Role.ORGANISER, 3),
            ("SMS", Participation.Role.SPEAKER, 2),
            ("UNFPA", Participation.Role.SPEAKER, 1),
            ("UNHCR", Participation.Role.PARTICIPANT, 1),
            ("Baku Centre for Migration Studies", Participation.Role.PARTICIPANT, 2),
        ],
    )
    for order, kind, text, responsible, due, status in [
        (
            1,
            ActionPoint.Kind.OUTCOME,
            "Members agreed to keep one shared inventory of migration data sources.",
            "IOM",
            None,
            ActionPoint.Status.DONE,
        ),
        (
            2,
            ActionPoint.Kind.ACTION,
            "Circulate the draft inventory of data sources to all members for comments.",
            "IOM",
            day(-20),
            ActionPoint.Status.DONE,
        ),
        (
            3,
            ActionPoint.Kind.ACTION,
            "Propose two indicators on labour migration for the next GCM review.",
            "SMS",
            day(30),
            ActionPoint.Status.IN_PROGRESS,
        ),
    ]:
        upsert(
            ActionPoint,
            meeting=workshop,
            order=order,
            kind=kind,
            defaults={
                "text": text,
                "responsible": _organisation(responsible),
                "due_on": due,
                "status": status,
                "completed_on": day(-22) if status == ActionPoint.Status.DONE and due else None,
            },
        )
    upsert(
        Document,
        meeting=workshop,
        title="Global Compact for Migration (A/RES/73/195)",
        defaults={
            "kind": Document.Kind.REPORT,
            "external_url": "https://undocs.org/A/RES/73/195",
            "visibility": Document.Visibility.PUBLIC,
        },
    )
    upsert(
        Minutes,
        meeting=workshop,
        defaults={"status": Minutes.Status.CIRCULATED, "circulated_on": day(-30), "text": ""},
    )

    _demo_meeting(
        "Working group on return and reintegration",
        kind=Meeting.Kind.WORKING_GROUP,
        format=Meeting.Format.ONLINE,
        start=_at(day(-12), 14),
        end=_at(day(-12), 15, 30),
        organiser="UNHCR",
        status=Meeting.Status.CANCELLED,
        summary="Cancelled: the working group will meet again once members have shared their "
        "updated return caseloads.",
        objectives=[21],
    )

    working_group = _demo_meeting(
        "Working group on labour migration and skills",
        kind=Meeting.Kind.WORKING_GROUP,
        format=Meeting.Format.HYBRID,
        start=_at(day(12), 10),
        end=_at(day(12), 12, 30),
        venue="ILO project office, Baku, and online",
        organiser="ILO",
        summary="Fair recruitment, skills recognition and the labour-migration indicators "
        "proposed after the data workshop.",
        objectives=[6, 18],
        chairs=["Sabina Jafarova"],
    )
    _agenda(
        working_group,
        [
            (1, AgendaItem.Kind.OPENING, "Welcome by the chair", ""),
            (2, AgendaItem.Kind.UPDATE, "Fair recruitment: what members are doing", ""),
            (3, AgendaItem.Kind.DISCUSSION, "Indicators on labour migration", ""),
            (4, AgendaItem.Kind.CLOSING, "Next steps", ""),
        ],
    )
    _participants(
        working_group,
        [
            ("ILO", Participation.Role.ORGANISER, 2),
            ("MLSPP", Participation.Role.SPEAKER, 1),
            ("IOM", Participation.Role.PARTICIPANT, 1),
        ],
    )

    coordination = _demo_meeting(
        "Quarterly coordination meeting of the network",
        kind=Meeting.Kind.COORDINATION,
        format=Meeting.Format.IN_PERSON,
        start=_at(day(40), 11),
        end=_at(day(40), 13),
        venue="UN House, Baku",
        organiser="IOM",
        summary="Members review the work plan, the open action points and the draft minutes of "
        "the data workshop.",
        objectives=[23],
    )
    _agenda(
        coordination,
        [
            (1, AgendaItem.Kind.OPENING, "Opening", ""),
            (2, AgendaItem.Kind.UPDATE, "Work plan: progress by GCM objective", ""),
            (3, AgendaItem.Kind.DISCUSSION, "Open action points from earlier meetings", ""),
            (4, AgendaItem.Kind.DISCUSSION, "Adoption of the minutes of the data workshop", ""),
            (5, AgendaItem.Kind.CLOSING, "Any other business", ""),
        ],
    )

    _demo_meeting(
        "Consultation on migrant children's access to services",
        kind=Meeting.Kind.WORKSHOP,
        format=Meeting.Format.ONLINE,
        start=_at(day(75), 10),
        end=_at(day(75), 12),
        organiser="UNICEF",
        summary="A consultation with NGOs and authorities on schooling and health care for "
        "migrant and displaced children.",
        objectives=[7, 15],
    )

    _demo_meeting(
        "Heads of agencies briefing",
        kind=Meeting.Kind.OTHER,
        format=Meeting.Format.ONLINE,
        start=_at(day(20), 9),
        end=_at(day(20), 10),
        organiser="RCO",
        visibility=Meeting.Visibility.MEMBERS,
        summary="A closed briefing for heads of UN agencies.",
    )


# Work-plan activities (frameworks/demo.py) and the demo meetings where they were discussed.
ACTIVITY_MEETINGS = {
    "Joint assessment of migration data gaps": [
        "Workshop on migration data for the GCM review",
        "Quarterly coordination meeting of the network",
    ],
    "Pre-departure information for labour migrants": [
        "Working group on labour migration and skills"
    ],
    "Diaspora skills and remittance channels": ["Working group on labour migration and skills"],
    "Birth registration and documents for displaced and migrant children": [
        "Consultation on migrant children's access to services"
    ],
}


def link_activities():
    """Runs after the frameworks demo (load_demo's order), once both sides exist."""
    for title, meeting_titles in ACTIVITY_MEETINGS.items():
        activity = Activity.objects.filter(title=title).first()
        if activity:
            activity.meetings.add(*Meeting.objects.filter(title__in=meeting_titles, is_demo=True))


def load():
    from meetings.demo_rsvp import load_rsvp_demo

    load_may_31()
    load_invented()
    load_rsvp_demo()
    link_activities()
