"""
Fills the benchmark database with a large network: 500 organisations, 2,000 people, 300 meetings
each with 10 agenda items and 10 remarks, 12 participations and 4 action points, 200 RSVPs per
meeting, a framework of 5 priorities x 4 outcomes x 3 outputs mapped to all 23 GCM objectives,
and 200 work-plan activities, and a member of staff (the Viewers role) who reads the report.
Bulk inserts; run once on an empty, migrated database.
"""

import datetime
import os
import random

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from frameworks.models import (  # noqa: E402
    Activity,
    CooperationFramework,
    GCMObjective,
    ObjectiveLink,
    Outcome,
    Output,
    ProgressUpdate,
    SDGTarget,
    StrategicPriority,
)
from meetings.models import (  # noqa: E402
    RSVP,
    ActionPoint,
    AgendaItem,
    Meeting,
    Participation,
    Remark,
    RSVPSettings,
)
from members.models import Organisation, Person  # noqa: E402

ORGANISATIONS = 500
PEOPLE = 2000
MEETINGS = 300
ITEMS = 10
RSVPS = 200
ACTIVITIES = 200
STAFF = "bench-staff"

random.seed(2021)
KINDS = Organisation.Kind.values
WORDS = [
    "migration",
    "governance",
    "data",
    "labour",
    "mobility",
    "return",
    "reintegration",
    "protection",
    "children",
    "remittances",
    "diaspora",
    "skills",
    "health",
    "climate",
    "borders",
    "trafficking",
    "inclusion",
    "services",
]


def sentence(words=12):
    return " ".join(random.choice(WORDS) for _ in range(words)).capitalize() + "."


def fill_members():
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Organisation {n:03d} for {random.choice(WORDS)}",
            acronym=f"ORG{n:03d}",
            slug=f"org{n:03d}",
            kind=random.choice(KINDS),
            description=sentence(25),
            role=Organisation.Role.MEMBER,
        )
        for n in range(ORGANISATIONS)
    )
    people = Person.objects.bulk_create(
        Person(
            name=f"Person {n:04d}",
            position="Programme officer",
            organisation=organisations[n % ORGANISATIONS],
            email=f"person{n}@example.org",
            is_focal_point=n % 3 == 0,
            consent_public_listing=n % 2 == 0,
        )
        for n in range(PEOPLE)
    )
    return organisations, people


def fill_framework():
    framework = CooperationFramework.objects.create(
        title="Bench cooperation framework",
        short_title="Bench UNSDCF",
        country="Benchland",
        start_year=2021,
        end_year=2025,
    )
    priorities = StrategicPriority.objects.bulk_create(
        StrategicPriority(framework=framework, number=p, title=f"Priority {p}: {sentence(6)}")
        for p in range(1, 6)
    )
    outcomes = Outcome.objects.bulk_create(
        Outcome(priority=priority, number=f"{priority.number}.{o}", short_name=sentence(5), order=o)
        for priority in priorities
        for o in range(1, 5)
    )
    outputs = Output.objects.bulk_create(
        Output(outcome=outcome, number=f"{outcome.number}.{n}", title=sentence(6), order=n)
        for outcome in outcomes
        for n in range(1, 4)
    )
    objectives = list(GCMObjective.objects.all())
    links = []
    for outcome in outcomes:
        for objective in random.sample(objectives, 6):
            links.append(ObjectiveLink(outcome=outcome, objective=objective, rationale=sentence()))
    for output in outputs:
        for objective in random.sample(objectives, 3):
            links.append(ObjectiveLink(output=output, objective=objective, rationale=sentence()))
    ObjectiveLink.objects.bulk_create(links)
    return outcomes, outputs, objectives


def fill_meetings(organisations, people, objectives):
    now = timezone.now()
    meetings = Meeting.objects.bulk_create(
        Meeting(
            title=f"Meeting {n:03d} on {random.choice(WORDS)}",
            slug=f"meeting-{n:03d}",
            kind=random.choice(Meeting.Kind.values),
            format=random.choice(Meeting.Format.values),
            start=now + datetime.timedelta(days=n - 250, hours=10),
            end=now + datetime.timedelta(days=n - 250, hours=12),
            organiser=random.choice(organisations),
            summary=sentence(20),
            description=sentence(60),
            status=Meeting.Status.PUBLISHED,
        )
        for n in range(MEETINGS)
    )
    through = Meeting.gcm_objectives.through
    through.objects.bulk_create(
        through(meeting=meeting, gcmobjective=objective)
        for meeting in meetings
        for objective in random.sample(objectives, 3)
    )
    chairs = Meeting.chairs.through
    chairs.objects.bulk_create(
        chairs(meeting=meeting, person=random.choice(people)) for meeting in meetings
    )
    items = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            order=i,
            title=sentence(5),
            kind=AgendaItem.Kind.UPDATE,
            description=sentence(15),
        )
        for meeting in meetings
        for i in range(1, ITEMS + 1)
    )
    Remark.objects.bulk_create(
        Remark(
            meeting_id=item.meeting_id,
            agenda_item=item,
            order=1,
            speaker=(speaker := random.choice(people)),
            speaker_role=speaker.position,
            speaker_organisation_id=speaker.organisation_id,
            summary=sentence(40),
            status=Remark.Status.PUBLISHED,
        )
        for item in items
    )
    Participation.objects.bulk_create(
        Participation(
            meeting=meeting,
            organisation=organisation,
            role=Participation.Role.PARTICIPANT,
            representatives=2,
        )
        for meeting in meetings
        for organisation in random.sample(organisations, 12)
    )
    ActionPoint.objects.bulk_create(
        ActionPoint(
            meeting=meeting,
            order=n,
            kind=ActionPoint.Kind.ACTION,
            text=sentence(12),
            responsible=random.choice(organisations),
        )
        for meeting in meetings
        for n in range(1, 5)
    )
    return meetings


def fill_rsvps(meetings, organisations):
    now = timezone.now()
    RSVPSettings.objects.bulk_create(
        RSVPSettings(
            meeting=meeting,
            opens_at=now - datetime.timedelta(days=400),
            closes_at=meeting.start - datetime.timedelta(hours=1),
            capacity=RSVPS + 100000 if meeting.start > now else RSVPS,
        )
        for meeting in meetings
    )
    batch = []
    for meeting in meetings:
        mode = "online" if meeting.format == Meeting.Format.ONLINE else "in_person"
        for n in range(RSVPS):
            batch.append(
                RSVP(
                    meeting=meeting,
                    name=f"Participant {n}",
                    email=f"participant{n}@example.org",
                    organisation=organisations[n % ORGANISATIONS],
                    attendance_mode=mode,
                    consent_public_listing=n % 4 == 0,
                    privacy_accepted_at=now,
                    status=RSVP.Status.CONFIRMED,
                )
            )
        if len(batch) > 10000:
            RSVP.objects.bulk_create(batch)
            batch = []
    RSVP.objects.bulk_create(batch)


def fill_activities(organisations, outcomes, outputs, objectives, meetings):
    targets = list(SDGTarget.objects.all())
    activities = Activity.objects.bulk_create(
        Activity(
            title=f"Activity {n:03d}: {sentence(5)}",
            slug=f"activity-{n:03d}",
            description=sentence(40),
            lead=random.choice(organisations),
            status=random.choice(Activity.Status.values),
            start=datetime.date(2022, 1, 1),
            end=datetime.date(2026, 12, 31),
            funding_source="Bench fund",
        )
        for n in range(ACTIVITIES)
    )
    for field, pool, count in (
        ("partners", organisations, 3),
        ("gcm_objectives", objectives, 3),
        ("outcomes", outcomes, 2),
        ("outputs", outputs, 2),
        ("sdg_targets", targets, 2),
        ("meetings", meetings, 2),
    ):
        descriptor = getattr(Activity, field)
        through, relation = descriptor.through, descriptor.field
        # Meeting.activities is declared on the meeting: seen from here, its sides are swapped.
        source, target = (relation.m2m_field_name(), relation.m2m_reverse_field_name())
        if descriptor.reverse:
            source, target = target, source
        through.objects.bulk_create(
            through(**{source: activity, target: item})
            for activity in activities
            for item in random.sample(pool, count)
        )
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(activity=activity, date=datetime.date(2025, m, 1), text=sentence(15))
        for activity in activities
        for m in (3, 9)
    )


def staff_user():
    """
    The member of staff whose session measures the report page: the Viewers role, the least a
    reader of the report needs. Also made on a database filled before it existed (bench.targets).
    """
    user, _ = get_user_model().objects.get_or_create(
        username=STAFF, defaults={"is_staff": True, "email": "bench-staff@example.org"}
    )
    user.groups.add(Group.objects.get(name="Viewers"))
    return user


@transaction.atomic
def main():
    organisations, people = fill_members()
    outcomes, outputs, objectives = fill_framework()
    meetings = fill_meetings(organisations, people, objectives)
    fill_rsvps(meetings, organisations)
    fill_activities(organisations, outcomes, outputs, objectives, meetings)
    staff_user()
    print(
        f"{Organisation.objects.count()} organisations, {Person.objects.count()} people, "
        f"{Meeting.objects.count()} meetings, {AgendaItem.objects.count()} agenda items, "
        f"{Remark.objects.count()} remarks, {RSVP.objects.count()} RSVPs, "
        f"{Activity.objects.count()} activities, {ObjectiveLink.objects.count()} mapping links"
    )


if __name__ == "__main__":
    main()
