"""Mail in the invitee's language: the language of the page an RSVP was answered in (or the one
staff chose for an invitation), for every mail about it, dates and links included."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import translation

from meetings.invitations import invite, invite_organisations, remind
from meetings.models import RSVP, Invitation
from meetings.rsvp import cancel_rsvp, decline_rsvps
from members.models import Organisation
from tests.meetings.rsvp_factories import (
    RSVPFactory,
    _fresh_rate_limit,  # noqa: F401
    answer,
    open_meeting,
)
from tests.members.factories import OrganisationFactory, PersonFactory
from unnm.models import OutgoingMail

pytestmark = pytest.mark.django_db

BAKU = zoneinfo.ZoneInfo("Asia/Baku")
START = datetime.datetime(2030, 12, 13, 10, 0, tzinfo=BAKU)


def december_meeting(**settings):
    return open_meeting(
        meeting_title="Quarterly coordination meeting",
        meeting_start=START,
        meeting_end=START + datetime.timedelta(hours=2),
        **settings,
    )


def rsvp_url(meeting, language):
    with translation.override(language):
        return reverse("meetings:rsvp-create", kwargs={"slug": meeting.slug})


def test_answer_on_the_russian_page_is_confirmed_in_russian(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = december_meeting()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(rsvp_url(meeting, "ru"), answer())

    rsvp = RSVP.objects.get()
    (mail,) = mailoutbox
    assert rsvp.mail_language == "ru"
    assert mail.subject == "Ваш ответ: Quarterly coordination meeting"
    assert "Уважаемый(ая) Leyla Aliyeva!" in mail.body
    assert "подтверждено, очно." in mail.body
    assert "13 декабря 2030 г." in mail.body and "10:00" in mail.body
    assert f"/ru/meetings/rsvp/{rsvp.token}/" in mail.body
    assert "Dear" not in mail.body
    assert OutgoingMail.objects.get().language == "ru"


def test_answer_on_the_azerbaijani_page_dates_its_mail_in_azerbaijani(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = december_meeting()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(rsvp_url(meeting, "az"), answer())

    (mail,) = mailoutbox
    assert mail.subject == "Cavabınız: Quarterly coordination meeting"
    assert "13 dekabr 2030" in mail.body
    assert OutgoingMail.objects.get().language == "az"


def test_answer_on_the_english_page_stays_in_english(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = december_meeting()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(rsvp_url(meeting, "en"), answer())

    (mail,) = mailoutbox
    assert mail.subject == "Your answer: Quarterly coordination meeting"
    assert "13 December 2030" in mail.body
    assert OutgoingMail.objects.get().language == "en"


def test_later_mails_keep_the_answers_language_whoever_sends_them(
    mailoutbox, django_capture_on_commit_callbacks
):
    meeting = december_meeting(capacity=1)
    seated = RSVPFactory(meeting=meeting, mail_language="en")
    waiting = RSVPFactory(
        meeting=meeting,
        status=RSVP.Status.WAITLISTED,
        queued_at=START - datetime.timedelta(days=3),
        mail_language="ru",
    )

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        cancel_rsvp(seated)  # the freed seat goes to the Russian-speaking participant

    promotion = OutgoingMail.objects.get(rsvp=waiting)
    assert promotion.language == "ru"
    assert "/ru/meetings/rsvp/" in promotion.body
    assert OutgoingMail.objects.get(rsvp=seated).language == "en"


def test_decline_by_the_secretariat_is_written_in_the_answers_language(
    mailoutbox, django_capture_on_commit_callbacks
):
    meeting = december_meeting()
    rsvp = RSVPFactory(meeting=meeting, mail_language="az", name="Aysel")

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        decline_rsvps(RSVP.objects.filter(pk=rsvp.pk))

    (mail,) = mailoutbox
    assert "Hörmətli Aysel," in mail.body


def test_a_language_no_longer_offered_falls_back_to_the_default(
    settings, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = december_meeting()
    rsvp = RSVPFactory(meeting=meeting, mail_language="fr")

    with django_capture_on_commit_callbacks(execute=True):
        remind(rsvps=[rsvp])

    assert OutgoingMail.objects.get().language == settings.LANGUAGE_CODE == "en"


def test_invitation_in_the_language_staff_chose(
    admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = december_meeting()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:meetings_invitation_add"),
            {
                "meeting": meeting.pk,
                "kind": Invitation.Kind.PERSON,
                "name": "Rauf Mammadov",
                "email": "rauf@example.org",
                "mail_language": "ru",
            },
        )

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    (mail,) = mailoutbox
    assert invitation.mail_language == "ru"
    assert mail.subject == "Приглашение: Quarterly coordination meeting"
    assert f"/ru/meetings/invitation/{invitation.token}/" in mail.body


def test_invitation_admin_refuses_a_language_the_network_does_not_offer(admin_client):
    meeting = december_meeting()

    response = admin_client.post(
        reverse("admin:meetings_invitation_add"),
        {
            "meeting": meeting.pk,
            "kind": Invitation.Kind.PERSON,
            "name": "Rauf Mammadov",
            "email": "rauf@example.org",
            "mail_language": "fr",
        },
    )

    assert response.status_code == 200
    assert "mail_language" in response.context["adminform"].form.errors
    assert not Invitation.objects.exists()


def test_organisations_invited_in_the_chosen_language(
    mailoutbox, django_capture_on_commit_callbacks
):
    meeting = december_meeting()
    organisation = OrganisationFactory()
    PersonFactory(organisation=organisation, is_focal_point=True, email="focal@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        (invitation,) = invite_organisations(
            meeting, Organisation.objects.filter(pk=organisation.pk), language="az"
        )

    assert invitation.mail_language == "az"
    assert mailoutbox[0].subject == "Dəvət: Quarterly coordination meeting"


def test_answering_an_invitation_in_another_language_switches_its_reminders(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = december_meeting()
    invitation, _ = invite(meeting, email="rauf@example.org", name="Rauf Mammadov")
    with translation.override("ru"):
        page = reverse("meetings:rsvp-invitation", kwargs={"token": invitation.token})

    with django_capture_on_commit_callbacks(execute=True):
        client.post(page, answer(email="rauf@example.org", name="Rauf Mammadov"))

    invitation.refresh_from_db()
    assert invitation.mail_language == "ru"
    assert RSVP.objects.get().mail_language == "ru"
    assert mailoutbox[-1].subject == "Ваш ответ: Quarterly coordination meeting"


def test_a_change_on_the_azerbaijani_page_switches_the_answers_mails(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = december_meeting()
    rsvp = RSVPFactory(meeting=meeting, mail_language="en", position="Officer")
    with translation.override("az"):
        page = rsvp.get_absolute_url()
    form = {
        "name": rsvp.name,
        "organisation": rsvp.organisation_id,
        "position": "Senior officer",
        "attendance_mode": RSVP.Mode.IN_PERSON,
    }

    with django_capture_on_commit_callbacks(execute=True):
        client.post(page, form)

    rsvp.refresh_from_db()
    assert rsvp.position == "Senior officer"
    assert rsvp.mail_language == "az"
    assert "Hörmətli" in mailoutbox[-1].body
