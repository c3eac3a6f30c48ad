import datetime

import factory
from django.utils import timezone

from meetings.models import (
    ActionPoint,
    AgendaItem,
    Document,
    Meeting,
    Minutes,
    Participation,
    Remark,
)
from tests.members.factories import OrganisationFactory, PersonFactory


def in_days(days, hour=10):
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title = factory.Sequence(lambda n: f"Coordination meeting {n}")
    kind = Meeting.Kind.COORDINATION
    format = Meeting.Format.ONLINE
    start = factory.LazyFunction(lambda: in_days(10))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    organiser = factory.SubFactory(OrganisationFactory)
    summary = "Members review the work plan."
    status = Meeting.Status.PUBLISHED
    visibility = Meeting.Visibility.PUBLIC


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Agenda item {n}")
    kind = AgendaItem.Kind.UPDATE


class RemarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Remark

    agenda_item = factory.SubFactory(AgendaItemFactory)
    meeting = factory.SelfAttribute("agenda_item.meeting")
    order = factory.Sequence(lambda n: n + 1)
    speaker = factory.SubFactory(PersonFactory, consent_public_listing=True)
    summary = "Spoke about cooperation."
    status = Remark.Status.PUBLISHED


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    meeting = factory.SubFactory(MeetingFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Participation.Role.PARTICIPANT
    representatives = 1


class ActionPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPoint

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    kind = ActionPoint.Kind.ACTION
    text = factory.Sequence(lambda n: f"Share the draft work plan {n}")
    responsible = factory.SubFactory(OrganisationFactory)
    status = ActionPoint.Status.OPEN


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Concept note {n}")
    kind = Document.Kind.CONCEPT_NOTE
    external_url = "https://example.org/concept-note.pdf"
    visibility = Document.Visibility.PUBLIC


class MinutesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Minutes

    meeting = factory.SubFactory(MeetingFactory)
    text = "The network met and agreed its work plan."
    status = Minutes.Status.DRAFT
