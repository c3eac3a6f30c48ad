"""
Which stored pages each kind of write makes stale (unnm/pagecache.py): only those that show
what it changed. Every public page is stored first; after the write, each is asked for again
and answers "hit" (still stored) or "miss" (rendered anew). On both shared cache backends.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import transaction
from django.test import Client
from django.urls import reverse

from frameworks.models import Outcome
from meetings.models import RSVP
from meetings.privacy import erase_personal_data
from members.models import Organisation
from tests.frameworks.factories import (
    ActivityFactory,
    ObjectiveLinkFactory,
    OutcomeFactory,
    objective,
)
from tests.meetings.rsvp_factories import InvitationFactory, RSVPFactory, answer, open_meeting
from tests.members.factories import OrganisationFactory
from unnm import outbox
from unnm.models import OutgoingMail

pytestmark = pytest.mark.django_db

MEETINGS = {"meeting A", "meeting B", "meetings list", "home", "objective page", "activity page"}
MEMBERS = {
    "directory",
    "organisation page",
    "meeting A",
    "meeting B",
    "meetings list",
    "home",
    "objective page",
    "work plan",
    "activity page",
}
FRAMEWORKS = {
    "matrix",
    "objective page",
    "work plan",
    "activity page",
    "meeting A",
    "meeting B",
    "meetings list",
}


@pytest.fixture
def network(settings, cache_backend):
    """Two meetings taking answers, a member, a mapped objective and an activity."""
    settings.UNNM_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    member = OrganisationFactory(name="State Migration Service")
    meeting_a = open_meeting(capacity=20, meeting_title="Meeting on labour migration")
    meeting_b = open_meeting(capacity=20, meeting_title="Meeting on return")
    RSVPFactory(meeting=meeting_a, name="Named Participant", consent_public_listing=True)
    outcome = OutcomeFactory()
    ObjectiveLinkFactory(outcome=outcome, objective=objective(6))
    activity = ActivityFactory(lead=member, gcm_objectives=[objective(6)], is_published=True)
    meeting_a.gcm_objectives.set([objective(6)])
    urls = {
        "meeting A": meeting_a.get_absolute_url(),
        "meeting B": meeting_b.get_absolute_url(),
        "meetings list": reverse("meetings:meeting-list"),
        "home": reverse("home"),
        "directory": reverse("members:organisation-list"),
        "organisation page": member.get_absolute_url(),
        "matrix": reverse("frameworks:matrix"),
        "objective page": reverse("frameworks:objective-detail", kwargs={"number": 6}),
        "work plan": reverse("frameworks:activity-list"),
        "activity page": activity.get_absolute_url(),
    }
    yield {"urls": urls, "a": meeting_a, "b": meeting_b, "member": member, "outcome": outcome}
    caches["pages"].clear()


def stale_after(network, write, capture):
    """Stores every page, runs `write` (committing: its on-commit callbacks run), and names the
    pages it made stale."""
    client = Client()
    for name, url in network["urls"].items():
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", name
    with capture(execute=True), transaction.atomic():
        write()
    caches["pages"].clear()  # what another app server sees: the shared cache alone
    return {
        name for name, url in network["urls"].items() if client.get(url)["X-Page-Cache"] == "miss"
    }


def test_rsvp_makes_only_its_meetings_page_stale(network, django_capture_on_commit_callbacks):
    meeting = network["a"]
    form = reverse("meetings:rsvp-create", kwargs={"slug": meeting.slug})

    def submit():
        response = Client().post(form, answer(email="new.participant@example.org"))
        assert response.status_code == 302

    stale = stale_after(network, submit, django_capture_on_commit_callbacks)

    assert RSVP.objects.filter(meeting=meeting, email="new.participant@example.org").exists()
    assert stale == {"meeting A"}


def test_rsvp_shows_at_once_on_its_meetings_page(network, django_capture_on_commit_callbacks):
    meeting = network["a"]
    client = Client()
    client.get(meeting.get_absolute_url())

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        RSVPFactory(meeting=meeting, name="Leyla Mammadova", consent_public_listing=True)
    response = client.get(meeting.get_absolute_url())

    assert response["X-Page-Cache"] == "miss"
    assert "Leyla Mammadova" in response.content.decode()


def test_invitation_makes_only_its_meetings_page_stale(network, django_capture_on_commit_callbacks):
    stale = stale_after(
        network, lambda: InvitationFactory(meeting=network["b"]), django_capture_on_commit_callbacks
    )

    assert stale == {"meeting B"}


def test_mail_delivery_leaves_every_page_stored(
    network, django_capture_on_commit_callbacks, mailoutbox
):
    def send():
        mail = outbox.queue(
            to="someone@example.org", kind=OutgoingMail.Kind.ANNOUNCEMENT, subject="Hi", body="."
        )
        outbox.deliver(mail)

    stale = stale_after(network, send, django_capture_on_commit_callbacks)

    assert OutgoingMail.objects.get().status == OutgoingMail.Status.SENT
    assert stale == set()


def test_audit_trail_rows_leave_every_page_stored(network, django_capture_on_commit_callbacks):
    record = network["member"].history.first()

    def annotate():
        record.history_change_reason = "Checked by the secretariat"
        record.save()

    stale = stale_after(network, annotate, django_capture_on_commit_callbacks)

    assert stale == set()


def test_sign_in_attempts_leave_every_page_stored(network, django_capture_on_commit_callbacks):
    get_user_model().objects.create_user("officer", password="a long enough secret", is_staff=True)
    login = reverse("admin:login")

    def sign_in():
        visitor = Client()
        visitor.post(login, {"username": "officer", "password": "wrong"})
        response = visitor.post(login, {"username": "officer", "password": "a long enough secret"})
        assert response.status_code == 302 and "sessionid" in response.cookies

    stale = stale_after(network, sign_in, django_capture_on_commit_callbacks)

    assert stale == set()


def test_member_edit_makes_pages_showing_members_stale(network, django_capture_on_commit_callbacks):
    def rename():
        Organisation.objects.get(pk=network["member"].pk).save()

    stale = stale_after(network, rename, django_capture_on_commit_callbacks)

    assert stale == MEMBERS


def test_meeting_edit_makes_pages_showing_meetings_stale(
    network, django_capture_on_commit_callbacks
):
    def retitle():
        meeting = network["a"]
        meeting.title = "Meeting on labour migration and skills"
        meeting.save()

    stale = stale_after(network, retitle, django_capture_on_commit_callbacks)

    assert stale == MEETINGS


def test_new_meeting_link_makes_pages_showing_meetings_stale(
    network, django_capture_on_commit_callbacks
):
    """A many-to-many change (the meeting's objectives) moves the meetings' version too."""
    stale = stale_after(
        network,
        lambda: network["b"].gcm_objectives.add(objective(6)),
        django_capture_on_commit_callbacks,
    )

    assert stale == MEETINGS


def test_mapping_edit_makes_pages_showing_frameworks_stale(
    network, django_capture_on_commit_callbacks
):
    def link():
        ObjectiveLinkFactory(outcome=Outcome.objects.get(), objective=objective(7))

    stale = stale_after(network, link, django_capture_on_commit_callbacks)

    assert stale == FRAMEWORKS


def test_privacy_erasure_makes_its_meetings_page_stale(network, django_capture_on_commit_callbacks):
    """The erasure writes with update(), which sends no signal: it says what it touched."""
    stale = stale_after(
        network,
        lambda: erase_personal_data(rsvps=RSVP.objects.filter(meeting=network["a"])),
        django_capture_on_commit_callbacks,
    )

    assert RSVP.objects.get(meeting=network["a"]).name == "(erased)"
    assert stale == {"meeting A"}


def test_erased_participant_leaves_the_meeting_page(network, django_capture_on_commit_callbacks):
    meeting = network["a"]
    client = Client()
    assert "Named Participant" in client.get(meeting.get_absolute_url()).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        erase_personal_data(rsvps=RSVP.objects.filter(meeting=meeting))
    response = client.get(meeting.get_absolute_url())

    assert "Named Participant" not in response.content.decode()
