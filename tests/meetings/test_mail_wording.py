"""Mail that reads like the site: its dates, the joining link before the signature, and links
that work on the server that sent the mail."""

import datetime
import re
import zoneinfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from meetings.mail import render_invitation_mail, render_rsvp_mail
from meetings.models import Meeting
from tests.meetings.rsvp_factories import (
    InvitationFactory,
    RSVPFactory,
    RSVPSettingsFactory,
    _fresh_rate_limit,  # noqa: F401
    answer,
    open_meeting,
)
from unnm.models import MailKind

pytestmark = pytest.mark.django_db

BAKU = zoneinfo.ZoneInfo("Asia/Baku")
JOIN = "https://meet.example.org/secret-room"
SUNDAY = datetime.datetime(2026, 12, 13, 10, 0, tzinfo=BAKU)


def seat(**meeting):
    meeting = RSVPSettingsFactory(
        meeting__start=SUNDAY,
        meeting__end=SUNDAY + datetime.timedelta(hours=2),
        meeting__venue="UN House, Baku",
        meeting__format=meeting.pop("format", Meeting.Format.IN_PERSON),
        **{f"meeting__{k}": v for k, v in meeting.items() if not k.startswith("confirmation")},
        **{k: v for k, v in meeting.items() if k.startswith("confirmation")},
    ).meeting
    return RSVPFactory(meeting=meeting, name="Leyla Aliyeva")


def test_mail_dates_read_like_the_site():
    rsvp = seat()

    _, body = render_rsvp_mail(rsvp, MailKind.CONFIRMATION)

    assert "Sunday 13 December 2026, 10:00 (Baku time), UN House, Baku." in body
    assert "Dec. 13" not in body and "a.m." not in body and "p.m." not in body
    closes = rsvp.meeting.rsvp_settings.closes_at.astimezone(BAKU)
    assert f"until {closes:%A} {closes.day} {closes:%B %Y}, {closes:%H:%M} (Baku time)" in body


@pytest.mark.parametrize("language, zone", [("az", "(Bakı vaxtı)"), ("ru", "(время: Баку)")])
def test_mail_names_the_zone_in_the_mail_language(language, zone):
    rsvp = seat()
    rsvp.mail_language = language

    _, body = render_rsvp_mail(rsvp, MailKind.CONFIRMATION)

    assert f"10:00 {zone}" in body
    assert "Baku time" not in body


def test_invitation_mail_dates_read_like_the_site():
    invitation = InvitationFactory(meeting=seat().meeting)

    _, body = render_invitation_mail(invitation, MailKind.INVITATION)

    assert ": Sunday 13 December 2026, 10:00 (Baku time), UN House, Baku." in body


def test_mail_of_a_meeting_whose_hour_is_unknown_gives_the_date_only():
    rsvp = seat(time_unknown=True)

    _, body = render_rsvp_mail(rsvp, MailKind.REMINDER)

    assert ", Sunday 13 December 2026, UN House, Baku." in body
    assert "10:00" not in body.split("Your personal link")[0]


def test_join_link_comes_before_the_signature():
    rsvp = seat(format=Meeting.Format.ONLINE, online_link=JOIN)
    rsvp.attendance_mode = rsvp.Mode.ONLINE

    for kind in (MailKind.CONFIRMATION, MailKind.REMINDER, MailKind.CHANGE):
        _, body = render_rsvp_mail(rsvp, kind)
        assert JOIN in body
        assert body.index(JOIN) < body.index("The secretariat of the"), kind


def test_staff_wording_keeps_the_links_before_its_signature():
    rsvp = seat(
        format=Meeting.Format.ONLINE,
        online_link=JOIN,
        confirmation_text="Dear {name}, you are {status}\n\nKind regards,\nThe secretariat",
    )
    rsvp.attendance_mode = rsvp.Mode.ONLINE

    _, body = render_rsvp_mail(rsvp, MailKind.CONFIRMATION)

    assert body.rstrip().endswith("Kind regards,\nThe secretariat")
    assert body.index(JOIN) < body.index("Kind regards,")
    assert body.index(rsvp.get_absolute_url()) < body.index("Kind regards,")


def test_staff_wording_without_a_signature_gets_the_links_at_the_end():
    rsvp = seat(
        format=Meeting.Format.ONLINE,
        online_link=JOIN,
        confirmation_text="Dear {name}, you are {status}\n\nThe agenda follows next week.",
    )
    rsvp.attendance_mode = rsvp.Mode.ONLINE

    _, body = render_rsvp_mail(rsvp, MailKind.CONFIRMATION)

    assert body.index("The agenda follows next week.") < body.index(rsvp.get_absolute_url())
    assert body.rstrip().endswith(JOIN)


def links(text):
    return re.findall(r"https?://[^\s/]+/", text)


def submit_from(client, host, capture):
    meeting = open_meeting()
    with capture(execute=True):
        client.post(
            reverse("meetings:rsvp-create", kwargs={"slug": meeting.slug}),
            answer(),
            HTTP_HOST=host,
        )


def test_mail_links_follow_the_development_server_address(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.DEBUG = True
    settings.UNNM_SITE_URL = "https://unnm.example.org"

    submit_from(client, "127.0.0.1:8123", django_capture_on_commit_callbacks)

    (mail,) = mailoutbox
    assert links(mail.body) and set(links(mail.body)) == {"http://127.0.0.1:8123/"}
    event = Calendar.from_ical(mail.attachments[0].content).walk("VEVENT")[0]
    assert str(event["url"]).startswith("http://127.0.0.1:8123/")


def test_mail_links_in_production_use_the_configured_site_address(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.DEBUG = False
    settings.UNNM_SITE_URL = "https://unnm.example.org"

    submit_from(client, "127.0.0.1:8123", django_capture_on_commit_callbacks)

    (mail,) = mailoutbox
    assert links(mail.body) and set(links(mail.body)) == {"https://unnm.example.org/"}
    assert "8123" not in mail.body


def test_admin_reminders_link_to_the_development_server_address(
    admin_client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.DEBUG = True
    invitation = InvitationFactory(meeting=open_meeting())

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:meetings_invitation_changelist"),
            {"action": "send_reminder", "_selected_action": [invitation.pk]},
            HTTP_HOST="localhost:8456",
        )

    (mail,) = mailoutbox
    assert f"http://localhost:8456{invitation.get_absolute_url()}" in mail.body
