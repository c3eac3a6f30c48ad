"""
Answers that never mislead: freed seats go to the waiting list in its order, the form tells no
one whether an address has answered, "I cannot attend" is an answer, a refused change shows the
answer as it is, a change is confirmed by mail, an opening time is optional, check-in follows
the meeting's day (issue 10 #5, #9 and "RSVP that never misleads an invitee").
"""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from meetings import rsvp as answers
from meetings.models import RSVP, Meeting, Participation, RSVPSettings
from tests.admin_forms import change_form_data
from tests.meetings.rsvp_factories import (
    RSVPFactory,
    _fresh_rate_limit,  # noqa: F401
    answer,
    open_meeting,
)
from tests.members.factories import OrganisationFactory
from unnm.models import MailKind, OutgoingMail

pytestmark = pytest.mark.django_db


def rsvp_url(meeting):
    return reverse("meetings:rsvp-create", kwargs={"slug": meeting.slug})


def main_content(response):
    """The page's main content, without the CSRF token (which differs per session)."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", main)


def waiting(meeting, n, **kwargs):
    rsvp, _created = answers.submit_rsvp(
        meeting, RSVP(name=f"Waiting {n}", email=f"waiting{n}@example.org", **kwargs)
    )
    return rsvp


# 5: freed seats promote the waiting list -----------------------------------------------------


def test_raising_capacity_in_the_admin_promotes_the_waiting_list_in_order(
    admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = open_meeting(capacity=3)
    RSVPFactory.create_batch(3, meeting=meeting)
    first, second = waiting(meeting, 1), waiting(meeting, 2)
    assert (first.status, second.status) == ("waitlisted", "waitlisted")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    data = change_form_data(admin_client, url, **{"rsvp_settings-0-capacity": "4"})
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data)

    assert response.status_code == 302
    assert RSVPSettings.objects.get(meeting=meeting).capacity == 4
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("confirmed", "waitlisted")
    assert [m.to for m in mailoutbox] == [["waiting1@example.org"]]
    assert OutgoingMail.objects.filter(kind=MailKind.PROMOTION, to=first.email).exists()
    # A new answer after that does not jump the queue.
    late, _created = answers.submit_rsvp(meeting, RSVP(name="Late", email="late@example.org"))
    assert late.status == RSVP.Status.WAITLISTED
    assert late.waitlist_position() == 2
    assert second.waitlist_position() == 1


def test_saying_cannot_attend_gives_the_seat_to_the_waiting_list():
    meeting = open_meeting(capacity=1)
    seated = RSVPFactory(meeting=meeting)
    queued = waiting(meeting, 1)

    answers.cannot_attend(seated)

    queued.refresh_from_db()
    assert queued.status == RSVP.Status.CONFIRMED
    assert RSVP.objects.get(pk=seated.pk).status == RSVP.Status.NOT_ATTENDING


# 9: the form tells no one whether an address has answered ------------------------------------


def test_answer_with_a_known_address_looks_the_same_as_a_new_one():
    meeting = open_meeting(capacity=1)
    RSVPFactory(meeting=meeting)  # the meeting is full: a new answer waits

    new = Client().post(rsvp_url(meeting), answer(), follow=True)
    again = Client().post(rsvp_url(meeting), answer(name="Someone Else"), follow=True)

    assert RSVP.objects.filter(email="leyla@example.org").count() == 1
    assert main_content(new) == main_content(again)
    content = main_content(again)
    assert "already answered" not in content
    assert "waiting list" not in content  # nor the answer's status
    assert "please check your mailbox" in content


def test_resubmissions_re_mail_the_personal_link_once_per_interval(
    mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.RSVP_RESEND_INTERVAL = 600
    meeting = open_meeting()
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(rsvp_url(meeting), answer())
    mailoutbox.clear()

    for _n in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(rsvp_url(meeting), answer())

    assert len(mailoutbox) == 1
    assert OutgoingMail.objects.filter(kind=MailKind.LINK).count() == 1


# "I cannot attend" is an answer -------------------------------------------------------------


def test_cannot_attend_is_saved_counted_and_mailed(
    client, admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = open_meeting(capacity=1)
    unicef = OrganisationFactory(acronym="UNICEF")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            rsvp_url(meeting),
            answer(organisation=unicef.pk, organisation_name="", not_attending="I cannot attend"),
        )

    assert response.status_code == 302
    rsvp = RSVP.objects.get()
    assert rsvp.status == RSVP.Status.NOT_ATTENDING
    assert rsvp.get_status_display() == "Not attending"
    assert meeting.rsvp_settings.seats_left()["total"] == 1  # it takes no seat
    assert len(mailoutbox) == 1
    overview = admin_client.get(reverse("admin:meetings_rsvp_overview", args=[meeting.pk]))
    row = next(r for r in overview.context["rows"] if r["organisation"] == unicef)
    assert (row["answered"], row["not_attending"], row["confirmed"]) == (1, 1, 0)
    listed = admin_client.get(
        reverse("admin:meetings_rsvp_changelist"), {"status__exact": "not_attending"}
    )
    assert list(listed.context["cl"].result_list) == [rsvp]


def test_not_attending_answer_can_be_changed_to_attending_through_the_personal_link(client):
    meeting = open_meeting()
    rsvp = RSVPFactory(meeting=meeting, status=RSVP.Status.NOT_ATTENDING)
    assert "I cannot attend" in Client().get(rsvp_url(meeting)).content.decode()

    client.post(rsvp.get_absolute_url(), {"action": "reactivate"})

    rsvp.refresh_from_db()
    assert rsvp.status == RSVP.Status.CONFIRMED


# A refused change shows the answer as it is; a change is confirmed by mail --------------------


def hybrid_meeting():
    return open_meeting(
        meeting_format=Meeting.Format.HYBRID,
        meeting_online_link="https://meet.example.org/x",
        capacity_in_person=1,
    )


def change_data(rsvp, **overrides):
    data = {
        "name": rsvp.name,
        "organisation": rsvp.organisation_id or "",
        "organisation_name": rsvp.organisation_name,
        "position": rsvp.position,
        "attendance_mode": rsvp.attendance_mode,
        "needs": rsvp.needs,
    }
    return data | overrides


def test_refused_change_shows_the_real_answer_and_offers_the_waiting_list(client):
    meeting = hybrid_meeting()
    RSVPFactory(meeting=meeting)  # the room is full
    online = RSVPFactory(meeting=meeting, attendance_mode=RSVP.Mode.ONLINE, position="Old")

    response = client.post(
        online.get_absolute_url(), change_data(online, attendance_mode="in_person", position="New")
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "No seat is left in person" in content
    mode = re.search(r'id="rsvp-mode">([^<]*)<', content).group(1)
    assert mode == "Online"  # as it really is, not as the refused form said
    assert 'value="Old"' in content
    assert 'name="action" value="waitlist"' in content
    online.refresh_from_db()
    assert (online.attendance_mode, online.status, online.position) == (
        "online",
        "confirmed",
        "Old",
    )

    client.post(online.get_absolute_url(), {"action": "waitlist", "mode": "in_person"})

    online.refresh_from_db()
    assert (online.attendance_mode, online.status) == ("in_person", "waitlisted")
    assert online.waitlist_position() == 1


def test_change_sends_a_confirmation_mail(client, mailoutbox, django_capture_on_commit_callbacks):
    rsvp = RSVPFactory(meeting=open_meeting(), position="Officer")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(rsvp.get_absolute_url(), change_data(rsvp, position="Head of office"))

    rsvp.refresh_from_db()
    assert rsvp.position == "Head of office"
    assert [m.subject for m in mailoutbox] == [f"Answer changed: {rsvp.meeting.title}"]
    assert rsvp.get_absolute_url() in mailoutbox[0].body


def test_stale_change_does_not_revive_a_cancelled_answer(client):
    meeting = open_meeting(capacity=1)
    rsvp = RSVPFactory(meeting=meeting)
    queued = waiting(meeting, 1)
    stale = RSVP.objects.get(pk=rsvp.pk)
    answers.cancel_rsvp(rsvp)

    with pytest.raises(answers.AnswerWithdrawn):
        answers.change_rsvp(stale, {"position": "Late change"})

    assert RSVP.objects.get(pk=rsvp.pk).status == RSVP.Status.CANCELLED
    assert RSVP.objects.confirmed().get() == queued


# An opening time is optional ------------------------------------------------------------------


def test_published_meeting_without_opening_time_takes_answers_at_once(client):
    meeting = open_meeting(opens_at=None)

    response = client.post(rsvp_url(meeting), answer())

    assert response.status_code == 302
    assert RSVP.objects.get().status == RSVP.Status.CONFIRMED
    listed = Meeting.objects.with_rsvp_open().get(pk=meeting.pk)
    assert listed.takes_answers is True
    assert Meeting.objects.with_rsvp_open().get(pk=open_meeting().pk).takes_answers is True


def test_meeting_without_rsvp_settings_does_not_take_answers_in_the_list():
    from tests.meetings.factories import MeetingFactory

    meeting = MeetingFactory()

    assert Meeting.objects.with_rsvp_open().get(pk=meeting.pk).takes_answers is False


# Check-in -----------------------------------------------------------------------------------


CHANGELIST = "admin:meetings_rsvp_changelist"


def meeting_today():
    now = timezone.now()
    return open_meeting(
        meeting_start=now - datetime.timedelta(minutes=30),
        meeting_end=now + datetime.timedelta(hours=2),
        opens_at=now - datetime.timedelta(days=7),
        closes_at=None,
    )


def act(admin_client, action, rsvps):
    return admin_client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [r.pk for r in rsvps]},
        follow=True,
    )


def test_undoing_the_last_check_in_removes_the_participation_check_ins_made(admin_client):
    meeting = meeting_today()
    ngo, organiser = OrganisationFactory(), OrganisationFactory()
    came = RSVPFactory(meeting=meeting, organisation=ngo)
    host = RSVPFactory(meeting=meeting, organisation=organiser)
    Participation.objects.create(
        meeting=meeting, organisation=organiser, role=Participation.Role.ORGANISER
    )
    act(admin_client, "check_in", [came, host])
    assert Participation.objects.get(meeting=meeting, organisation=ngo).representatives == 1

    act(admin_client, "undo_check_in", [came, host])

    assert not Participation.objects.filter(meeting=meeting, organisation=ngo).exists()
    kept = Participation.objects.get(meeting=meeting, organisation=organiser)  # entered by hand
    assert (kept.role, kept.representatives) == ("organiser", None)


def test_check_in_before_the_meeting_day_is_refused_and_changes_nothing(admin_client):
    meeting = open_meeting()  # next week
    rsvp = RSVPFactory(meeting=meeting)

    response = act(admin_client, "check_in", [rsvp])

    assert "Check-in opens on the day of the meeting" in response.content.decode()
    rsvp.refresh_from_db()
    assert rsvp.checked_in_at is None
    assert not Participation.objects.filter(meeting=meeting).exists()
