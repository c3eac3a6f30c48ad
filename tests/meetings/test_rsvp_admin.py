import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import RSVP, Invitation, Participation
from tests.meetings.rsvp_factories import (
    InvitationFactory,
    RSVPFactory,
    _fresh_rate_limit,  # noqa: F401
    open_meeting,
)
from tests.members.factories import OrganisationFactory, PersonFactory
from unnm.models import OutgoingMail

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:meetings_rsvp_changelist")


def test_csv_export_lists_the_selected_answers(admin_client):
    meeting = open_meeting(meeting_title="Data workshop")
    unicef = OrganisationFactory(name="UNICEF Azerbaijan")
    RSVPFactory(meeting=meeting, name="Aysel", email="aysel@example.org", organisation=unicef)
    RSVPFactory(
        meeting=meeting, name="=HYPERLINK(1)", organisation=None, organisation_name="Own NGO"
    )

    response = admin_client.post(
        CHANGELIST,
        {
            "action": "export_csv",
            "_selected_action": list(RSVP.objects.values_list("pk", flat=True)),
        },
    )

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["meeting", "name", "email", "organisation"]
    by_name = {row[1]: row for row in rows[1:]}
    assert by_name["Aysel"][2:4] == ["aysel@example.org", "UNICEF Azerbaijan"]
    assert "'=HYPERLINK(1)" in by_name  # no formula reaches a spreadsheet
    assert by_name["'=HYPERLINK(1)"][3] == "Own NGO"


def test_rsvp_changelist_query_count_is_constant(admin_client, django_assert_max_num_queries):
    meeting = open_meeting()
    RSVPFactory.create_batch(3, meeting=meeting)
    with django_assert_max_num_queries(30) as few:
        admin_client.get(CHANGELIST)
    RSVPFactory.create_batch(30, meeting=meeting)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = admin_client.get(CHANGELIST)
    assert response.status_code == 200


def test_rsvp_changelist_filters_by_status_and_kind_of_organisation(admin_client):
    meeting = open_meeting()
    RSVPFactory(meeting=meeting, name="Seated Person")
    RSVPFactory(meeting=meeting, name="Waiting Person", status=RSVP.Status.WAITLISTED)

    response = admin_client.get(CHANGELIST, {"status__exact": "waitlisted"})
    by_kind = admin_client.get(CHANGELIST, {"organisation__kind__exact": "academia"})

    content = response.content.decode()
    assert "Waiting Person" in content and "Seated Person" not in content
    assert "Waiting Person" not in by_kind.content.decode()


def test_overview_by_organisation_and_query_count(admin_client, django_assert_max_num_queries):
    meeting = open_meeting()
    unicef = OrganisationFactory(name="UNICEF")
    InvitationFactory(meeting=meeting, organisation=unicef)
    InvitationFactory(meeting=meeting, organisation=unicef, status=Invitation.Status.DECLINED)
    RSVPFactory(meeting=meeting, organisation=unicef)
    RSVPFactory(meeting=meeting, organisation=unicef, status=RSVP.Status.WAITLISTED)
    url = reverse("admin:meetings_rsvp_overview", args=[meeting.pk])
    with django_assert_max_num_queries(20) as few:
        admin_client.get(url)
    RSVPFactory.create_batch(10, meeting=meeting)
    InvitationFactory.create_batch(10, meeting=meeting)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = admin_client.get(url)

    unicef_row = next(
        r for r in response.context["rows"] if str(r["organisation"]).startswith("UNICEF")
    )
    assert unicef_row | {"organisation": None} == {
        "organisation": None,
        "invited": 2,
        "answered": 2,
        "no_answer": 1,
        "confirmed": 1,
        "waitlisted": 1,
        "pending": 0,
        "declined": 1,
        "not_attending": 0,
        "cancelled": 0,
        "attended": 0,
    }


def meeting_today():
    """A meeting under way now: check-in is open."""
    now = timezone.now()
    return open_meeting(
        meeting_start=now - datetime.timedelta(minutes=30),
        meeting_end=now + datetime.timedelta(hours=2),
        opens_at=now - datetime.timedelta(days=7),
        closes_at=None,
    )


def test_reminder_goes_only_to_those_who_have_not_answered(
    admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = open_meeting()
    silent = InvitationFactory(meeting=meeting, email="silent@example.org")
    InvitationFactory(meeting=meeting, status=Invitation.Status.ANSWERED)
    url = reverse("admin:meetings_rsvp_overview", args=[meeting.pk])

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"group": "unanswered"})

    assert [m.to for m in mailoutbox] == [["silent@example.org"]]
    assert mailoutbox[0].subject.startswith("Reminder")
    assert silent.get_absolute_url() in mailoutbox[0].body
    silent.refresh_from_db()
    assert silent.reminded_at is not None


def test_approve_action_seats_a_moderated_answer(admin_client):
    meeting = open_meeting(is_moderated=True)
    rsvp = RSVPFactory(meeting=meeting, status=RSVP.Status.PENDING)

    admin_client.post(CHANGELIST, {"action": "approve", "_selected_action": [rsvp.pk]})

    rsvp.refresh_from_db()
    assert rsvp.status == RSVP.Status.CONFIRMED


def test_check_in_flows_into_participation(admin_client):
    meeting = meeting_today()
    ngo = OrganisationFactory(name="Helping Hands")
    rsvps = RSVPFactory.create_batch(2, meeting=meeting, organisation=ngo)

    admin_client.post(CHANGELIST, {"action": "check_in", "_selected_action": [r.pk for r in rsvps]})

    assert RSVP.objects.attended().count() == 2
    assert Participation.objects.get(meeting=meeting, organisation=ngo).representatives == 2


def test_resend_action_sends_a_failed_mail(
    admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    rsvp = RSVPFactory(meeting=open_meeting())
    mail = OutgoingMail.objects.create(
        kind="confirmation", to=rsvp.email, subject="S", body="B", regarding=rsvp, status="failed"
    )

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:unnm_outgoingmail_changelist"),
            {"action": "resend", "_selected_action": [mail.pk]},
        )

    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT
    assert [m.subject for m in mailoutbox] == ["S"]


def test_invite_organisations_mails_each_focal_point(
    admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = open_meeting()
    unicef = OrganisationFactory(name="UNICEF")
    PersonFactory(organisation=unicef, email="fp@unicef.example", is_focal_point=True)
    PersonFactory(organisation=unicef, email="staff@unicef.example", is_focal_point=False)

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:meetings_rsvp_invite_organisations"),
            {"meeting": meeting.pk, "organisations": [unicef.pk]},
        )

    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.kind) == ("fp@unicef.example", "organisation")
    assert [m.to for m in mailoutbox] == [["fp@unicef.example"]]
    assert invitation.get_absolute_url() in mailoutbox[0].body


def test_invite_a_person_from_the_admin(
    admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = open_meeting()
    person = PersonFactory(name="Rashad Aliyev", email="rashad@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:meetings_invitation_add"),
            {"meeting": meeting.pk, "kind": "person", "person": person.pk, "name": "", "email": ""},
        )

    invitation = Invitation.objects.get()
    assert (invitation.name, invitation.email) == ("Rashad Aliyev", "rashad@example.org")
    assert mailoutbox[0].to == ["rashad@example.org"]


def test_meeting_admin_edits_rsvp_settings_inline(admin_client):
    meeting = open_meeting()

    response = admin_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "rsvp_settings-0-capacity" in content
    assert reverse("admin:meetings_rsvp_overview", args=[meeting.pk]) in content


def test_rsvp_admin_page_shows_the_personal_link_and_keeps_status_read_only(admin_client):
    rsvp = RSVPFactory(meeting=open_meeting())

    response = admin_client.get(reverse("admin:meetings_rsvp_change", args=[rsvp.pk]))

    content = response.content.decode()
    assert rsvp.get_absolute_url() in content
    assert 'name="status"' not in content
