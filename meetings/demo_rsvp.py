"""
Demo RSVPs: two upcoming demo meetings take answers, so a newcomer sees the whole flow.

The quarterly coordination meeting (in person) has a small room and a few answers; the hybrid
working group offers both modes, interpretation, and a full room with one person waiting. The
people are invented (`example.org` addresses); no mail is sent while loading.
"""

import datetime

from django.utils import timezone

from meetings.models import RSVP, Meeting, RSVPSettings
from members.models import Organisation
from unnm.demo import upsert

Status = RSVP.Status
Mode = RSVP.Mode

# (meeting title, settings, [(name, email, org acronym, position, mode, status, consent)])
DEMO = [
    (
        "Quarterly coordination meeting of the network",
        {"capacity": 6, "interpretation_languages": ""},
        [
            (
                "Aysel Huseynova",
                "aysel.demo@example.org",
                "IOM",
                "Programme Assistant",
                Mode.IN_PERSON,
                Status.CONFIRMED,
                True,
            ),
            (
                "Tural Mammadli",
                "tural.demo@example.org",
                "SMS",
                "Chief Specialist",
                Mode.IN_PERSON,
                Status.CONFIRMED,
                True,
            ),
            (
                "Nigar Safarova",
                "nigar.demo@example.org",
                "UNHCR",
                "Protection Associate",
                Mode.IN_PERSON,
                Status.CONFIRMED,
                False,
            ),
            (
                "Elvin Karimov",
                "elvin.demo@example.org",
                "UNICEF",
                "Child Protection Officer",
                Mode.IN_PERSON,
                Status.CONFIRMED,
                False,
            ),
        ],
    ),
    (
        "Working group on labour migration and skills",
        {
            "capacity": None,
            "capacity_in_person": 3,
            "interpretation_languages": "English, Azerbaijani, Russian",
        },
        [
            (
                "Farid Aliyev",
                "farid.demo@example.org",
                "ILO",
                "National Project Coordinator",
                Mode.IN_PERSON,
                Status.CONFIRMED,
                True,
            ),
            (
                "Gunel Rzayeva",
                "gunel.demo@example.org",
                "MLSPP",
                "Adviser",
                Mode.IN_PERSON,
                Status.CONFIRMED,
                True,
            ),
            (
                "Kamran Guliyev",
                "kamran.demo@example.org",
                "IOM",
                "Labour Mobility Officer",
                Mode.IN_PERSON,
                Status.CONFIRMED,
                False,
            ),
            (
                "Sevinj Hasanova",
                "sevinj.demo@example.org",
                "UNFPA",
                "Programme Analyst",
                Mode.ONLINE,
                Status.CONFIRMED,
                True,
            ),
            (
                "Rauf Ismayilov",
                "rauf.demo@example.org",
                "",
                "Researcher",
                Mode.IN_PERSON,
                Status.WAITLISTED,
                False,
            ),
        ],
    ),
]


def load_rsvp_demo(now=None):
    # Times relative to this morning, not to this second: loading again today changes nothing.
    now = now or timezone.localtime().replace(hour=8, minute=0, second=0, microsecond=0)
    for title, options, answers in DEMO:
        meeting = Meeting.objects.filter(title=title, is_demo=True).first()
        if meeting is None:
            continue
        if meeting.format != Meeting.Format.IN_PERSON and not meeting.online_link:
            meeting.online_link = "https://meet.example.org/unnm-demo-labour-migration"
            meeting.save(update_fields=["online_link"])
        upsert(
            RSVPSettings,
            meeting=meeting,
            defaults={
                "opens_at": now - datetime.timedelta(days=7),
                "closes_at": meeting.start - datetime.timedelta(days=1),
                "is_moderated": False,
                **options,
            },
        )
        for order, (name, email, acronym, position, mode, status, consent) in enumerate(answers):
            organisation = Organisation.objects.filter(acronym=acronym).first() if acronym else None
            upsert(
                RSVP,
                meeting=meeting,
                email=email,
                defaults={
                    "name": name,
                    "organisation": organisation,
                    "organisation_name": ""
                    if organisation
                    else "Baku Centre for Migration Studies",
                    "position": position,
                    "attendance_mode": mode,
                    "status": status,
                    "queued_at": now - datetime.timedelta(hours=1 + order)
                    if status == Status.WAITLISTED
                    else None,
                    "consent_public_listing": consent,
                    "privacy_accepted_at": now - datetime.timedelta(days=2),
                },
            )
