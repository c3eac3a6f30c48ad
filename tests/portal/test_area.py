"""The members' area: members-only content, their organisation, meetings, work; never another's."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from frameworks.models import ProgressUpdate
from meetings.models import Meeting, Minutes
from members.models import Organisation
from portal.models import CommentRound, MinutesComment, ProgressReport
from tests.frameworks.factories import ActivityFactory
from tests.meetings.factories import MeetingFactory, MinutesFactory
from tests.meetings.rsvp_factories import RSVPFactory, RSVPSettingsFactory
from tests.meetings.test_documents import document_with_file

pytestmark = pytest.mark.django_db

AREA_PAGES = [
    ("portal:home", []),
    ("portal:organisation", []),
    ("portal:details", []),
    ("portal:meetings", []),
    ("portal:activities", []),
]


def members_only_meeting():
    meeting = MeetingFactory(visibility=Meeting.Visibility.MEMBERS, title="Members' briefing")
    RSVPSettingsFactory(meeting=meeting)
    document = document_with_file(meeting=meeting, visibility="members", title="Briefing note")
    return meeting, document


@pytest.mark.parametrize("name,args", AREA_PAGES)
def test_area_pages_are_404_to_anonymous_visitors(client, name, args):
    assert client.get(reverse(name, args=args)).status_code == 404


def test_members_only_meeting_document_and_answer_open_to_members_only(
    client, member_client, member
):
    meeting, document = members_only_meeting()
    pages = [
        meeting.get_absolute_url(),
        reverse("meetings:document-download", args=[document.pk]),
        reverse("portal:answer", args=[meeting.slug]),
    ]

    for path in pages:
        assert member_client.get(path).status_code == 200, path
    member_client.logout()
    for path in pages:
        assert client.get(path).status_code == 404, path


def test_member_answers_a_members_only_meeting_for_themself(
    member_client, member, django_capture_on_commit_callbacks, mailoutbox
):
    meeting, _document = members_only_meeting()
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(
            reverse("portal:answer", args=[meeting.slug]),
            {
                "name": member.name,
                "email": "someone-else@example.org",  # ignored: a member answers as themself
                "organisation": member.organisation_id,
                "attendance_mode": "online",
                "privacy_accepted": "on",
                "website": "",
            },
        )

    assert response.status_code == 302
    rsvp = meeting.rsvps.get()
    assert rsvp.email == member.email
    assert [mail.to for mail in mailoutbox] == [[member.email]]


def test_member_updates_their_organisation_recorded_with_who(member_client, member, other_member):
    response = member_client.post(
        reverse("portal:organisation"),
        {
            "description": "Legal aid for migrants.",
            "website": "https://mrc.example.org",
            # Naming another organisation changes nothing: the form edits the member's own.
            "id": other_member.organisation_id,
            "name": "Hijacked",
        },
    )

    assert response.status_code == 302
    organisation = Organisation.objects.get(pk=member.organisation_id)
    assert organisation.description == "Legal aid for migrants."
    assert organisation.name == "Migrants' Rights Centre"
    other = Organisation.objects.get(pk=other_member.organisation_id)
    assert other.description == "Works on migration governance."
    assert organisation.history.first().history_user == member.user


def test_member_logo_is_checked_and_a_bad_one_writes_nothing(member_client, member):
    fake = SimpleUploadedFile("logo.png", b"not an image at all", content_type="image/png")

    response = member_client.post(
        reverse("portal:organisation"), {"description": "Changed", "logo": fake}
    )

    assert response.status_code == 200
    assert "logo" in response.context["form"].errors
    assert Organisation.objects.get(pk=member.organisation_id).description != "Changed"


def test_member_updates_own_details_and_consent(member_client, member):
    response = member_client.post(
        reverse("portal:details"),
        {
            "honorific": "Ms.",
            "name": member.name,
            "position": "Director",
            "phone": "+994 50 000 00 00",
            "consent_public_listing": "on",
            "language": "en",
        },
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.position, member.consent_public_listing) == ("Director", True)
    assert member.history.first().history_user == member.user


def test_member_sees_their_organisations_answers_never_anothers(
    member_client, member, other_member
):
    meeting = MeetingFactory()
    RSVPFactory(meeting=meeting, organisation=member.organisation, name="Our Delegate")
    RSVPFactory(meeting=meeting, organisation=other_member.organisation, name="Their Delegate")

    page = member_client.get(reverse("portal:meetings")).content.decode()

    assert "Our Delegate" in page
    assert "Their Delegate" not in page


def test_member_reports_progress_on_own_activities_only(member_client, member, other_member):
    ours = ActivityFactory(lead=member.organisation, title="Legal clinics")
    partnered = ActivityFactory(lead=other_member.organisation, title="Joint survey")
    partnered.partners.add(member.organisation)
    theirs = ActivityFactory(lead=other_member.organisation, title="Their own work")
    data = {"date": "2025-03-01", "status": "ongoing", "text": "Two clinics held."}

    page = member_client.get(reverse("portal:activities")).content.decode()
    refused = member_client.post(reverse("portal:report-create", args=[theirs.slug]), data)
    for activity in (ours, partnered):
        member_client.post(reverse("portal:report-create", args=[activity.slug]), data)

    assert "Legal clinics" in page and "Joint survey" in page
    assert "Their own work" not in page
    assert refused.status_code == 404
    assert set(ProgressReport.objects.values_list("activity__title", flat=True)) == {
        "Legal clinics",
        "Joint survey",
    }


def test_progress_report_waits_for_review_by_default(member_client, member, client, settings):
    activity = ActivityFactory(lead=member.organisation)
    data = {"date": "2025-03-01", "status": "", "text": "Report awaiting the secretariat."}

    member_client.post(reverse("portal:report-create", args=[activity.slug]), data)

    assert ProgressReport.objects.get().review == ProgressReport.Review.PENDING
    assert not ProgressUpdate.objects.exists()
    settings.UNNM_MEMBER_UPDATES_REVIEWED = False
    data["text"] = "Published at once."
    member_client.post(reverse("portal:report-create", args=[activity.slug]), data)
    assert list(ProgressUpdate.objects.values_list("text", flat=True)) == ["Published at once."]
    assert "Published at once." in client.get(activity.get_absolute_url()).content.decode()


def circulated(closes_in_days=7, **fields):
    minutes = MinutesFactory(
        status=Minutes.Status.CIRCULATED,
        circulated_on=timezone.localdate(),
        text="Draft: the network agreed its work plan.",
        **fields,
    )
    CommentRound.objects.create(
        minutes=minutes,
        comments_close_on=timezone.localdate() + datetime.timedelta(days=closes_in_days),
    )
    return minutes


def test_member_comments_on_circulated_minutes_until_they_close(member_client, member, client):
    minutes = circulated()
    closed = circulated(closes_in_days=-1)
    path = reverse("portal:minutes-detail", args=[minutes.pk])

    page = member_client.get(path).content.decode()
    member_client.post(path, {"text": "Please add our point on data."})
    member_client.post(reverse("portal:minutes-detail", args=[closed.pk]), {"text": "Too late."})

    assert "Draft: the network agreed its work plan." in page
    assert list(MinutesComment.objects.values_list("text", "organisation")) == [
        ("Please add our point on data.", member.organisation_id)
    ]
    member_client.logout()
    assert client.get(path).status_code == 404


def test_draft_minutes_are_never_shown_to_members(member_client):
    minutes = MinutesFactory(status=Minutes.Status.DRAFT)

    response = member_client.get(reverse("portal:minutes-detail", args=[minutes.pk]))

    assert response.status_code == 404
