import datetime

import pytest
from django.utils import timezone

from frameworks.models import Activity
from meetings.models import ActionPoint, Document, Meeting, Participation, Remark
from members.models import Organisation
from tests.frameworks.factories import (
    ActivityFactory,
    CooperationFrameworkFactory,
    ObjectiveLinkFactory,
    OutcomeFactory,
    OutputFactory,
    ProgressUpdateFactory,
    StrategicPriorityFactory,
    objective,
)
from tests.meetings.factories import (
    ActionPointFactory,
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    ParticipationFactory,
    RemarkFactory,
)
from tests.members.factories import OrganisationFactory, PersonFactory

# What must never appear on a public page or in the open data.
SECRETS = [
    "hidden.speaker@example.org",
    "+994 50 999 99 99",
    "Hidden Speaker",
    "Secret draft meeting",
    "Closed members briefing",
    "Members-only minutes",
    "Unpublished activity",
    "Staff-only notes",
]


def moment(year, month, day, hour=10):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


@pytest.fixture
def network():
    """
    A small network over 2025: members of four kinds (one gone), public meetings with an agenda,
    remarks by a speaker who consented and one who did not, participation, action points,
    documents public and members-only, a draft and a members-only meeting, a framework with its
    mapping, and a work plan with a hidden activity.
    """
    iom = OrganisationFactory(
        name="International Organization for Migration",
        acronym="IOM",
        kind=Organisation.Kind.UN_AGENCY,
        member_since=datetime.date(2019, 1, 1),
    )
    sms = OrganisationFactory(
        name="State Migration Service",
        acronym="SMS",
        kind=Organisation.Kind.GOVERNMENT,
        member_since=datetime.date(2025, 3, 1),
    )
    ngo = OrganisationFactory(
        name="Baku Migrants' Rights Centre",
        acronym="BMRC",
        kind=Organisation.Kind.NGO,
        member_since=datetime.date(2025, 9, 1),
    )
    gone = OrganisationFactory(
        name="Former Member Foundation",
        acronym="FMF",
        kind=Organisation.Kind.NGO,
        member_since=datetime.date(2020, 1, 1),
        is_active=False,
    )
    named = PersonFactory(
        name="Consenting Speaker",
        organisation=iom,
        consent_public_listing=True,
        email="consenting.speaker@example.org",
        phone="+994 50 111 11 11",
    )
    hidden = PersonFactory(
        name="Hidden Speaker",
        position="Head of Unit",
        organisation=sms,
        email="hidden.speaker@example.org",
        phone="+994 50 999 99 99",
    )

    coordination = MeetingFactory(
        title="Quarterly coordination meeting",
        kind=Meeting.Kind.COORDINATION,
        format=Meeting.Format.ONLINE,
        start=moment(2025, 3, 10),
        end=moment(2025, 3, 10, 12),
        organiser=iom,
    )
    coordination.gcm_objectives.add(objective(1), objective(23))
    item = AgendaItemFactory(meeting=coordination, order=1, title="Work plan review")
    RemarkFactory(agenda_item=item, speaker=named, summary="Presented the work plan.")
    RemarkFactory(
        agenda_item=item,
        speaker=hidden,
        speaker_role="Head of Unit",
        summary="Spoke on labour migration.",
    )
    RemarkFactory(
        agenda_item=item,
        speaker=named,
        status=Remark.Status.PLANNED,
        summary="Staff-only notes",
    )
    for organisation, people in ((iom, 3), (sms, 2), (ngo, 1)):
        ParticipationFactory(
            meeting=coordination, organisation=organisation, representatives=people
        )
    ActionPointFactory(
        meeting=coordination, responsible=sms, text="Share the labour migration note"
    )
    ActionPointFactory(
        meeting=coordination,
        responsible=iom,
        text="Circulate the draft work plan",
        status=ActionPoint.Status.DONE,
        completed_on=datetime.date(2025, 5, 1),
    )
    DocumentFactory(meeting=coordination, title="Public concept note")
    DocumentFactory(
        meeting=coordination, title="Members-only minutes", visibility=Document.Visibility.MEMBERS
    )

    workshop = MeetingFactory(
        title="Workshop on return and reintegration",
        kind=Meeting.Kind.WORKSHOP,
        format=Meeting.Format.IN_PERSON,
        start=moment(2025, 10, 2),
        end=moment(2025, 10, 2, 16),
        organiser=sms,
        venue="Baku",
    )
    ParticipationFactory(meeting=workshop, organisation=sms, representatives=4)
    ParticipationFactory(meeting=workshop, organisation=ngo, representatives=None)
    ActionPointFactory(meeting=workshop, responsible=ngo, text="Map reintegration services")

    MeetingFactory(
        title="Secret draft meeting",
        start=moment(2025, 4, 1),
        end=moment(2025, 4, 1, 12),
        status=Meeting.Status.DRAFT,
    )
    briefing = MeetingFactory(
        title="Closed members briefing",
        start=moment(2025, 6, 1),
        end=moment(2025, 6, 1, 12),
        visibility=Meeting.Visibility.MEMBERS,
    )
    ParticipationFactory(meeting=briefing, organisation=iom, representatives=9)
    ActionPointFactory(meeting=briefing, responsible=iom, text="Closed members briefing follow-up")
    MeetingFactory(
        title="Meeting of another year", start=moment(2024, 5, 5), end=moment(2024, 5, 5, 12)
    )

    framework = CooperationFrameworkFactory(short_title="UNSDCF Azerbaijan")
    priority = StrategicPriorityFactory(framework=framework, number=1, title="Inclusive growth")
    outcome = OutcomeFactory(priority=priority, number="1.1", short_name="Decent work")
    output = OutputFactory(outcome=outcome, number="1.1.1", title="Labour migration policy")
    ObjectiveLinkFactory(outcome=outcome, objective=objective(6), rationale="Fair recruitment.")
    ObjectiveLinkFactory(
        outcome=None,
        output=output,
        objective=objective(18),
        strength="contributing",
        rationale="Skills recognition.",
    )

    ongoing = ActivityFactory(
        title="Labour migration assessment",
        lead=iom,
        partners=[sms],
        gcm_objectives=[objective(6), objective(18)],
        outcomes=[outcome],
        status=Activity.Status.ONGOING,
        budget=50000,
        funding_source="Migration MPTF",
    )
    ongoing.meetings.add(coordination)
    ProgressUpdateFactory(activity=ongoing, date=datetime.date(2025, 6, 1), text="Survey done.")
    ProgressUpdateFactory(activity=ongoing, date=datetime.date(2024, 6, 1), text="Planned.")
    ActivityFactory(
        title="Reintegration services map",
        lead=ngo,
        gcm_objectives=[objective(21)],
        status=Activity.Status.PLANNED,
    )
    ActivityFactory(
        title="Unpublished activity", lead=sms, gcm_objectives=[objective(2)], is_published=False
    )
    return {
        "organisations": [iom, sms, ngo, gone],
        "coordination": coordination,
        "workshop": workshop,
        "framework": framework,
        "participation": Participation.objects.all(),
    }
