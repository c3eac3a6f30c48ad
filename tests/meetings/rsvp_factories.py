"""Factories for RSVP tests, on top of the meetings' own (MeetingFactory)."""

import datetime

import factory
import pytest
from django.core.cache import caches
from django.utils import timezone

from meetings.models import RSVP, Invitation, Meeting, RSVPSettings
from tests.meetings.factories import MeetingFactory
from tests.members.factories import OrganisationFactory


class RSVPSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RSVPSettings

    meeting = factory.SubFactory(MeetingFactory)
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyAttribute(lambda s: s.meeting.start - datetime.timedelta(days=1))


class RSVPFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RSVP

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Sequence(lambda n: f"Participant {n}")
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    organisation = factory.SubFactory(OrganisationFactory)
    attendance_mode = RSVP.Mode.IN_PERSON
    status = RSVP.Status.CONFIRMED
    privacy_accepted_at = factory.LazyFunction(timezone.now)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Sequence(lambda n: f"Invitee {n}")
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")


def open_meeting(**settings):
    """A published public meeting whose RSVPs are open now."""
    meeting_fields = {"format": Meeting.Format.IN_PERSON, "venue": "UN House, Baku"}
    meeting_fields |= {k[8:]: settings.pop(k) for k in list(settings) if k.startswith("meeting_")}
    return RSVPSettingsFactory(meeting=MeetingFactory(**meeting_fields), **settings).meeting


def answer(**overrides):
    """The POST data of a complete, valid answer."""
    data = {
        "name": "Leyla Aliyeva",
        "email": "leyla@example.org",
        "organisation_name": "Baku Migration Research Centre",
        "position": "Researcher",
        "needs": "",
        "privacy_accepted": "on",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """The rate limit counts in the cache, which outlives a test: start each from zero."""
    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()
