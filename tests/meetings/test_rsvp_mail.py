import socket

import pytest
from django.urls import reverse
from icalendar import Calendar

from meetings.models import RSVP, Meeting
from tests.meetings.rsvp_factories import (
    RSVPFactory,
    _fresh_rate_limit,  # noqa: F401
    answer,
    open_meeting,
)
from unnm import outbox
from unnm.models import OutgoingMail

pytestmark = pytest.mark.django_db

JOIN = "https://meet.example.org/secret-room"
LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


def closed_port():
    """A local port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def submit(client, meeting, capture, **overrides):
    with capture(execute=True):
        client.post(
            reverse("meetings:rsvp-create", kwargs={"slug": meeting.slug}), answer(**overrides)
        )


def test_confirmation_mail_carries_the_meeting_ics(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = open_meeting(meeting_title="Quarterly coordination meeting")

    submit(client, meeting, django_capture_on_commit_callbacks)

    (mail,) = mailoutbox
    assert mail.subject == "Your answer: Quarterly coordination meeting"
    assert "Dear Leyla Aliyeva" in mail.body
    assert "confirmed, in person" in mail.body
    (attachment,) = mail.attachments
    assert attachment.filename == f"{meeting.slug}.ics"
    assert attachment.mimetype == "text/calendar"
    event = Calendar.from_ical(attachment.content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Quarterly coordination meeting"


def test_confirmed_online_participant_gets_the_join_link(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = open_meeting(meeting_format=Meeting.Format.HYBRID, meeting_online_link=JOIN)

    submit(client, meeting, django_capture_on_commit_callbacks, attendance_mode="online")

    (mail,) = mailoutbox
    assert JOIN in mail.body
    content = mail.attachments[0].content
    assert JOIN not in (
        content.decode() if isinstance(content, bytes) else content
    )  # the .ics is the public one


@pytest.mark.parametrize(
    ("mode", "capacity"), [("in_person", None), ("online", 0)], ids=["in-person", "waitlisted"]
)
def test_join_link_withheld_from_others(
    client, mailoutbox, django_capture_on_commit_callbacks, mode, capacity
):
    meeting = open_meeting(
        meeting_format=Meeting.Format.HYBRID, meeting_online_link=JOIN, capacity=capacity
    )

    submit(client, meeting, django_capture_on_commit_callbacks, attendance_mode=mode)

    (mail,) = mailoutbox
    assert JOIN not in mail.body


def test_waitlisted_mail_tells_the_position_and_has_no_ics(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = open_meeting(capacity=1)
    RSVPFactory(meeting=meeting)

    submit(client, meeting, django_capture_on_commit_callbacks)

    (mail,) = mailoutbox
    assert "number 1 on the waiting list" in mail.body
    assert mail.attachments == []


def test_staff_wording_with_placeholders_is_used(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = open_meeting(
        meeting_title="Data workshop",
        confirmation_subject="See you at {meeting}",
        confirmation_text="Hello {name} from {organisation}: {status} {unknown}",
    )

    submit(client, meeting, django_capture_on_commit_callbacks)

    (mail,) = mailoutbox
    assert mail.subject == "See you at Data workshop"
    assert mail.body.startswith(
        "Hello Leyla Aliyeva from Baku Migration Research Centre: confirmed, in person. {unknown}"
    )
    rsvp = RSVP.objects.get()
    assert rsvp.get_absolute_url() in mail.body  # added when the wording forgets the link


def test_failing_mail_server_keeps_the_answer_and_records_the_failure(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": closed_port(), "timeout": 5},
        }
    }
    meeting = open_meeting()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("meetings:rsvp-create", kwargs={"slug": meeting.slug}), answer(), follow=True
        )

    assert "please check your mailbox" in response.content.decode()
    rsvp = RSVP.objects.get()
    assert rsvp.status == RSVP.Status.CONFIRMED
    mail = OutgoingMail.objects.get()
    assert mail.status == OutgoingMail.Status.FAILED
    assert "Connection refused" in mail.error or "ConnectionRefusedError" in mail.error
    assert mail.attempts == 1
    assert mailoutbox == []

    # The server is back: staff resend from the admin.
    settings.MAILERS = LOCMEM
    with django_capture_on_commit_callbacks(execute=True):
        outbox.resend(OutgoingMail.objects.filter(pk=mail.pk))

    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.error) == (OutgoingMail.Status.SENT, 2, "")
    assert [m.to for m in mailoutbox] == [["leyla@example.org"]]
