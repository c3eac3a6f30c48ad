"""The secretariat's side: circulating minutes, announcements, contacts, data requests."""

import csv
import html
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from meetings.models import Minutes
from members.models import Organisation
from portal import announcements
from portal.models import Announcement, MemberProfile, MinutesComment, SignInToken
from portal.sign_in import account_for
from tests.meetings.factories import MinutesFactory
from tests.members.factories import OrganisationFactory, PersonFactory
from unnm import outbox
from unnm.models import OutgoingMail

pytestmark = pytest.mark.django_db


def test_circulating_minutes_in_the_admin_mails_members_once(
    admin_client, member, other_member, django_capture_on_commit_callbacks, mailoutbox
):
    minutes = MinutesFactory()
    path = reverse("admin:meetings_minutes_change", args=[minutes.pk])
    page = admin_client.get(path)
    form = {
        "meeting": minutes.meeting_id,
        "text": minutes.text,
        "status": "circulated",
        "circulated_on": timezone.localdate().isoformat(),
        "adopted_at": "",
        "comment_round-TOTAL_FORMS": "1",
        "comment_round-INITIAL_FORMS": "0",
        "comment_round-0-comments_close_on": "2099-01-31",
        "member_comments-TOTAL_FORMS": "0",
        "member_comments-INITIAL_FORMS": "0",
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(path, form)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            path,
            form
            | {
                "comment_round-INITIAL_FORMS": "1",
                "comment_round-0-id": minutes.pk,
                "comment_round-0-minutes": minutes.pk,
            },
        )

    assert page.status_code == 200
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted([member.email, other_member.email])
    assert set(OutgoingMail.objects.values_list("kind", flat=True)) == {"minutes"}
    assert "31 January 2099" in mailoutbox[0].body


def test_staff_see_members_comments_beside_the_minutes(admin_client, member):
    minutes = MinutesFactory(status=Minutes.Status.CIRCULATED, circulated_on=timezone.localdate())
    MinutesComment.objects.create(
        minutes=minutes, person=member, organisation=member.organisation, text="Add point 4."
    )

    page = admin_client.get(reverse("admin:meetings_minutes_change", args=[minutes.pk]))

    assert "Add point 4." in page.content.decode()


def test_announcement_reaches_its_audience_in_their_language_and_respects_unsubscribe(
    client, member, other_member, django_capture_on_commit_callbacks, mailoutbox
):
    ngo = OrganisationFactory(kind=Organisation.Kind.NGO)
    ngo_member = PersonFactory(organisation=ngo)
    MemberProfile.objects.create(person=ngo_member, language="en")
    to_all = Announcement.objects.create(subject="Work plan 2026", text="Please send inputs.")

    with django_capture_on_commit_callbacks(execute=True):
        sent = announcements.send_announcement(to_all)
        again = announcements.send_announcement(to_all)

    assert (sent, again) == (3, 0)
    mail = OutgoingMail.objects.get(to=ngo_member.email)
    assert (mail.kind, mail.regarding, mail.language) == ("announcement", ngo_member, "en")
    link = mail.body.split("/members-area/unsubscribe/")[1].split("/")[0]
    unsubscribed = client.get(reverse("portal:unsubscribe", args=[link]))
    assert unsubscribed.status_code == 200
    assert client.get(reverse("portal:unsubscribe", args=[link + "x"])).status_code == 404

    to_ngos = Announcement.objects.create(
        subject="For NGOs", text="NGO consultation.", organisation_kind=Organisation.Kind.NGO
    )
    to_all_again = Announcement.objects.create(subject="Second", text="To all.")
    assert announcements.send_announcement(to_ngos) == 0  # the one NGO contact unsubscribed
    assert announcements.send_announcement(to_all_again) == 2
    assert not OutgoingMail.objects.filter(to=ngo_member.email, subject="Second").exists()
    # Meeting mail never looks at the unsubscribe.
    outbox.queue(
        to=ngo_member.email, kind="invitation", subject="Invitation", body="Come.", regarding=None
    )
    assert OutgoingMail.objects.filter(to=ngo_member.email, kind="invitation").exists()


def test_contacts_export_lists_only_people_who_agreed_formula_safe(admin_client, member):
    agreed = PersonFactory(
        organisation=member.organisation, name="=HYPERLINK(1)", consent_public_listing=True
    )
    response = admin_client.post(
        reverse("admin:members_organisation_changelist"),
        {"action": "export_contacts", "_selected_action": [member.organisation_id]},
    )

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Type"].startswith("text/csv")
    assert [row[2] for row in rows[1:]] == ["'" + agreed.name]
    assert member.email not in response.content.decode()


def test_changed_by_members_filter_lists_what_members_changed(admin_client, member_client, member):
    untouched = OrganisationFactory(name="Untouched")
    member_client.post(reverse("portal:organisation"), {"description": "New", "website": ""})

    page = admin_client.get(
        reverse("admin:members_organisation_changelist") + "?changed_by_members=yes"
    ).content.decode()

    assert html.escape(member.organisation.name) in page
    assert untouched.name not in page


def test_personal_data_request_exports_and_erases_the_members_area_records(
    admin_client, member, client, mailoutbox
):
    account_for(member)
    SignInToken.objects.create(person=member, digest="d" * 64, expires_at=timezone.now())
    MemberProfile.objects.create(person=member, language="en", unsubscribed_at=timezone.now())
    minutes = MinutesFactory(status=Minutes.Status.CIRCULATED, circulated_on=timezone.localdate())
    MinutesComment.objects.create(
        minutes=minutes, person=member, organisation=member.organisation, text="Our comment."
    )
    path = reverse("admin:meetings_rsvp_personal_data")

    exported = json.loads(
        admin_client.post(path, {"email": member.email, "action": "export"}).content
    )
    admin_client.post(path, {"email": member.email, "action": "erase", "confirmed": "yes"})

    assert exported["comments_on_minutes"][0]["text"] == "Our comment."
    assert len(exported["sign_in_links"]) == 1
    assert exported["members_area_preferences"][0]["unsubscribed_from_announcements"]
    assert not MinutesComment.objects.exists()
    assert not SignInToken.objects.exists()
    assert not MemberProfile.objects.exists()
    assert not get_user_model().objects.filter(username=f"member-{member.pk}").exists()


def test_privacy_notice_names_the_members_area_data(client):
    page = client.get(reverse("privacy")).content.decode()

    assert "area (focal points and contacts who sign in)" in page
    assert "sign-in links" in page
    assert "comments on draft minutes" in page
    assert "announcements" in page
