import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import RSVP, Meeting
from tests.meetings.rsvp_factories import (
    RSVPFactory,
    _fresh_rate_limit,  # noqa: F401
    open_meeting,
)

pytestmark = pytest.mark.django_db

JOIN = "https://meet.example.org/secret-room"


def manage_url(rsvp, token=None):
    return reverse("meetings:rsvp-manage", kwargs={"token": token or rsvp.token})


def test_personal_link_shows_the_answer(client):
    rsvp = RSVPFactory(meeting=open_meeting(), name="Leyla Aliyeva", email="leyla@example.org")

    response = client.get(manage_url(rsvp))

    assert response.status_code == 200
    assert "Your answer, Leyla Aliyeva" in response.content.decode()


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: "999999:" + token.partition(":")[2],
        lambda token: "not-a-token",
        lambda token: token.partition(":")[0],
    ],
)
def test_personal_link_tampered_or_wrong_is_refused(client, tamper):
    rsvp = RSVPFactory(meeting=open_meeting())

    response = client.get(manage_url(rsvp, tamper(rsvp.token)))

    assert response.status_code == 404


def test_personal_link_of_one_person_never_opens_another(client):
    meeting = open_meeting()
    mine = RSVPFactory(meeting=meeting, name="Mine Person")
    theirs = RSVPFactory(meeting=meeting, name="Their Person")
    # my signature with their id: the signature is bound to the id and the email
    forged = f"{theirs.pk}:{mine.token.partition(':')[2]}"

    forged_page = client.get(manage_url(theirs, forged))
    my_page = client.get(manage_url(mine)).content.decode()

    assert forged_page.status_code == 404
    assert "Their Person" not in my_page and theirs.email not in my_page


def test_personal_link_dies_when_the_email_changes(client):
    rsvp = RSVPFactory(meeting=open_meeting())
    old = rsvp.token
    RSVP.objects.filter(pk=rsvp.pk).update(email="someone.else@example.org")

    assert client.get(manage_url(rsvp, old)).status_code == 404


def test_personal_page_changes_the_mode(client):
    meeting = open_meeting(meeting_format=Meeting.Format.HYBRID)
    rsvp = RSVPFactory(meeting=meeting, attendance_mode=RSVP.Mode.IN_PERSON)

    response = client.post(
        manage_url(rsvp),
        {"name": rsvp.name, "organisation": rsvp.organisation_id, "attendance_mode": "online"},
        follow=True,
    )

    rsvp.refresh_from_db()
    assert rsvp.attendance_mode == RSVP.Mode.ONLINE
    assert "Your changes are saved." in response.content.decode()


def test_personal_page_bad_change_writes_nothing(client):
    rsvp = RSVPFactory(meeting=open_meeting(), name="Before")

    response = client.post(manage_url(rsvp), {"name": "", "organisation": rsvp.organisation_id})

    rsvp.refresh_from_db()
    assert rsvp.name == "Before"
    assert "nothing has been changed" in response.content.decode()


def test_personal_page_cancel_asks_then_cancels(client):
    rsvp = RSVPFactory(meeting=open_meeting())
    url = reverse("meetings:rsvp-cancel", kwargs={"token": rsvp.token})

    question = client.get(url)
    response = client.post(url, follow=True)

    assert "Cancel your answer?" in question.content.decode()
    rsvp.refresh_from_db()
    assert rsvp.status == RSVP.Status.CANCELLED
    assert "Your answer is cancelled" in response.content.decode()


def test_personal_page_read_only_after_closing(client):
    meeting = open_meeting(
        opens_at=timezone.now() - datetime.timedelta(days=5),
        closes_at=timezone.now() - datetime.timedelta(hours=1),
    )
    rsvp = RSVPFactory(meeting=meeting, name="Before")

    page = client.get(manage_url(rsvp)).content.decode()
    cancel = client.post(reverse("meetings:rsvp-cancel", kwargs={"token": rsvp.token}))
    change = client.post(manage_url(rsvp), {"name": "After"})

    assert "can no longer be changed online" in page
    assert cancel.status_code == 302
    assert change.status_code == 404
    rsvp.refresh_from_db()
    assert (rsvp.status, rsvp.name) == ("confirmed", "Before")


@pytest.mark.parametrize(
    ("mode", "status", "sees"),
    [
        (RSVP.Mode.ONLINE, RSVP.Status.CONFIRMED, True),
        (RSVP.Mode.ONLINE, RSVP.Status.WAITLISTED, False),
        (RSVP.Mode.ONLINE, RSVP.Status.PENDING, False),
        (RSVP.Mode.IN_PERSON, RSVP.Status.CONFIRMED, False),
    ],
)
def test_join_link_only_on_the_page_of_confirmed_online_participants(client, mode, status, sees):
    meeting = open_meeting(meeting_format=Meeting.Format.HYBRID, meeting_online_link=JOIN)
    rsvp = RSVPFactory(
        meeting=meeting, attendance_mode=mode, status=status, queued_at=timezone.now()
    )

    assert (JOIN in client.get(manage_url(rsvp)).content.decode()) is sees


def test_meeting_page_counts_confirmed_and_names_only_the_consenting(client):
    meeting = open_meeting(meeting_format=Meeting.Format.HYBRID, meeting_online_link=JOIN)
    RSVPFactory(meeting=meeting, name="Named Person", consent_public_listing=True)
    RSVPFactory(meeting=meeting, name="Private Person", email="private@example.org")
    RSVPFactory(
        meeting=meeting,
        name="Waiting Person",
        consent_public_listing=True,
        status=RSVP.Status.WAITLISTED,
        queued_at=timezone.now(),
    )

    content = client.get(meeting.get_absolute_url()).content.decode()

    assert "2 confirmed" in content
    assert "Named Person" in content
    assert "Private Person" not in content and "Waiting Person" not in content
    assert "private@example.org" not in content
    assert not any(r.email in content for r in meeting.rsvps.all())
    assert JOIN not in content
    assert reverse("meetings:rsvp-create", kwargs={"slug": meeting.slug}) in content


def test_meeting_page_of_closed_rsvp_shows_why_without_form(client):
    meeting = open_meeting(opens_at=timezone.now() + datetime.timedelta(days=2))

    content = client.get(meeting.get_absolute_url()).content.decode()

    assert "Answers are not open yet." in content
    assert reverse("meetings:rsvp-create", kwargs={"slug": meeting.slug}) not in content


def test_meeting_page_query_count_does_not_grow_with_participants(
    client, django_assert_max_num_queries
):
    meeting = open_meeting()
    RSVPFactory.create_batch(2, meeting=meeting, consent_public_listing=True)
    with django_assert_max_num_queries(40) as few:
        client.get(meeting.get_absolute_url())
    RSVPFactory.create_batch(20, meeting=meeting, consent_public_listing=True)

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(meeting.get_absolute_url())
