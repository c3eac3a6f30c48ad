"""A person's request for their data: staff find, export and erase it from the admin."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from meetings import mail, privacy
from meetings.models import RSVP, Invitation
from members.models import Person, Position
from tests.meetings.factories import MeetingFactory, RemarkFactory
from tests.meetings.rsvp_factories import (
    InvitationFactory,
    RSVPFactory,
    open_meeting,
)
from tests.members.factories import PersonFactory, PositionFactory
from unnm.models import OutgoingMail

pytestmark = pytest.mark.django_db

URL = reverse("admin:meetings_rsvp_personal_data")
EMAIL = "Leyla@Example.org"


@pytest.fixture
def leyla():
    """Leyla answered a past meeting, holds a seat at a full upcoming one, was invited, and is
    a member's focal point; Kamran waits for a seat at the upcoming meeting."""
    past_start = timezone.now() - datetime.timedelta(days=40)
    past = MeetingFactory(start=past_start, end=past_start + datetime.timedelta(hours=2))
    upcoming = open_meeting(capacity=1)
    seat = RSVPFactory(
        meeting=upcoming,
        name="Leyla Aliyeva",
        email="leyla@example.org",
        needs="Vegetarian meal",
        position="Researcher",
    )
    waiting = RSVPFactory(
        meeting=upcoming,
        name="Kamran Huseynov",
        email="kamran@example.org",
        status=RSVP.Status.WAITLISTED,
        queued_at=timezone.now(),
    )
    old = RSVPFactory(meeting=past, name="Leyla Aliyeva", email="leyla@example.org")
    invitation = InvitationFactory(
        meeting=upcoming, name="Leyla Aliyeva", email="leyla@example.org"
    )
    mail.queue_rsvp_mail(seat, OutgoingMail.Kind.CONFIRMATION)
    mail.queue_invitation_mail(invitation, OutgoingMail.Kind.INVITATION)
    person = PersonFactory(name="Leyla Aliyeva", email="leyla@example.org", phone="+994 50 111")
    PositionFactory(person=person, title="Researcher")
    return {
        "seat": seat,
        "waiting": waiting,
        "old": old,
        "invitation": invitation,
        "person": person,
    }


def member_of(django_user_model, role):
    """A staff user in one of the secretariat's roles (groups created by a migration)."""
    user = django_user_model.objects.create_user(role.lower().replace(" ", "-"), is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def viewer(django_user_model):
    """Staff who read everything in the admin and change nothing."""
    return member_of(django_user_model, "Viewers")


@pytest.fixture
def meeting_manager(django_user_model):
    """Staff who manage meetings and RSVPs but only read the members' records."""
    return member_of(django_user_model, "Meeting managers")


def test_rsvp_changelist_links_the_personal_data_request(admin_client):
    page = admin_client.get(reverse("admin:meetings_rsvp_changelist")).content.decode()

    assert f'href="{URL}"' in page


def test_request_page_finds_everything_for_the_address(admin_client, leyla):
    response = admin_client.post(URL, {"email": EMAIL, "action": "find"})

    page = response.content.decode()
    found = response.context["found"]
    assert set(found["rsvps"]) == {leyla["seat"], leyla["old"]}
    assert list(found["invitations"]) == [leyla["invitation"]]
    assert found["mails"].count() == 2
    assert list(found["people"]) == [leyla["person"]]
    assert "Vegetarian meal" in page and "+994 50 111" in page
    assert "Kamran" not in page


def test_request_page_refuses_an_invalid_address(admin_client, leyla):
    response = admin_client.post(URL, {"email": "not an address", "action": "export"})

    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert "found" not in response.context


def test_export_is_a_json_file_of_the_persons_data(admin_client, leyla):
    response = admin_client.post(URL, {"email": EMAIL, "action": "export"})

    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="personal-data.json"'
    data = json.loads(response.content)
    assert data["email"] == EMAIL
    assert sorted(r["meeting"] for r in data["rsvps"]) == sorted(
        [leyla["seat"].meeting.title, leyla["old"].meeting.title]
    )
    seat = next(r for r in data["rsvps"] if r["needs"])
    assert seat | {"name": "Leyla Aliyeva", "email": "leyla@example.org"} == seat
    assert (seat["needs"], seat["position"], seat["status"]) == (
        "Vegetarian meal",
        "Researcher",
        "confirmed",
    )
    assert [i["email"] for i in data["invitations"]] == ["leyla@example.org"]
    assert {m["kind"] for m in data["mails"]} == {"confirmation", "invitation"}
    assert all(m["to"] == "leyla@example.org" and m["body"] for m in data["mails"])
    assert data["people"][0]["phone"] == "+994 50 111"
    assert data["people"][0]["positions"][0]["title"] == "Researcher"
    assert "kamran" not in response.content.decode().lower()


def test_erase_asks_for_confirmation_first_and_writes_nothing(admin_client, leyla):
    response = admin_client.post(URL, {"email": EMAIL, "action": "confirm"})

    assert "Yes, erase it" in response.content.decode()
    assert RSVP.objects.filter(email="leyla@example.org").count() == 2
    assert Person.objects.filter(pk=leyla["person"].pk).exists()


def test_erase_without_the_confirmation_field_writes_nothing(admin_client, leyla):
    admin_client.post(URL, {"email": EMAIL, "action": "erase"})

    assert RSVP.objects.filter(email="leyla@example.org", erased_on__isnull=True).count() == 2


def test_erase_by_get_is_not_possible(admin_client, leyla):
    admin_client.get(URL, {"email": EMAIL, "action": "erase", "confirmed": "yes"})

    assert RSVP.objects.filter(erased_on__isnull=False).count() == 0


def test_erase_anonymises_everything_and_frees_the_seat(
    admin_client, leyla, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(URL, {"email": EMAIL, "action": "erase", "confirmed": "yes"})

    assert response.status_code == 302
    seat, old, waiting = (RSVP.objects.get(pk=leyla[k].pk) for k in ("seat", "old", "waiting"))
    assert seat.status == RSVP.Status.CANCELLED
    assert old.status == RSVP.Status.CONFIRMED  # a past meeting's figures stay as they were
    assert waiting.status == RSVP.Status.CONFIRMED  # the freed seat went to the waiting list
    for rsvp in (seat, old):
        assert rsvp.erased_on and rsvp.name == privacy.ERASED_NAME and rsvp.needs == ""
    invitation = Invitation.objects.get(pk=leyla["invitation"].pk)
    assert invitation.erased_on and invitation.email.endswith("@erased.invalid")
    assert not OutgoingMail.objects.filter(to__iexact=EMAIL).exists()
    assert not OutgoingMail.objects.filter(body__contains="Leyla").exists()
    assert not Person.objects.filter(pk=leyla["person"].pk).exists()
    # Only Kamran hears about it (his promotion); nothing is mailed to the erased address.
    assert [m.to for m in mailoutbox] == [["kamran@example.org"]]
    found = admin_client.post(URL, {"email": EMAIL, "action": "find"}).context["found"]
    assert not any(found[kind].exists() for kind in ("rsvps", "invitations", "mails", "people"))


def test_erase_keeps_a_speaker_record_but_clears_its_contact_details(admin_client, leyla):
    RemarkFactory(speaker=leyla["person"])

    admin_client.post(URL, {"email": EMAIL, "action": "erase", "confirmed": "yes"})

    person = Person.objects.get(pk=leyla["person"].pk)
    assert (person.name, person.email, person.phone) == ("Leyla Aliyeva", "", "")


def test_erase_twice_changes_nothing(admin_client, leyla):
    admin_client.post(URL, {"email": EMAIL, "action": "erase", "confirmed": "yes"})
    before = list(RSVP.objects.order_by("pk").values())

    done = privacy.erase_person(EMAIL)

    assert list(RSVP.objects.order_by("pk").values()) == before
    assert (done["rsvps"], done["invitations"], done["mails"]) == (0, 0, 0)


def test_request_page_is_forbidden_to_staff_without_change_permission(client, viewer, leyla):
    client.force_login(viewer)

    assert client.get(URL).status_code == 403
    assert client.post(URL, {"email": EMAIL, "action": "export"}).status_code == 403
    response = client.post(URL, {"email": EMAIL, "action": "erase", "confirmed": "yes"})

    assert response.status_code == 403
    assert not RSVP.objects.filter(erased_on__isnull=False).exists()


def test_meeting_manager_may_export_but_not_erase(client, meeting_manager, leyla):
    client.force_login(meeting_manager)

    export = client.post(URL, {"email": EMAIL, "action": "export"})
    erase = client.post(URL, {"email": EMAIL, "action": "erase", "confirmed": "yes"})

    assert export.status_code == 200 and json.loads(export.content)["rsvps"]
    assert erase.status_code == 403
    assert not RSVP.objects.filter(erased_on__isnull=False).exists()


def test_request_page_redirects_anonymous_visitors_to_the_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_request_page_is_protected_by_csrf(admin_user, leyla):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)

    response = client.post(URL, {"email": EMAIL, "action": "erase", "confirmed": "yes"})

    assert response.status_code == 403
    assert not RSVP.objects.filter(erased_on__isnull=False).exists()


def test_erasing_an_unknown_address_touches_nothing(admin_client, leyla):
    response = admin_client.post(
        URL, {"email": "nobody@example.org", "action": "erase", "confirmed": "yes"}, follow=True
    )

    assert "Erased. Answers: 0 (cancelled first: 0); invitations: 0; mails: 0" in (
        response.content.decode()
    )
    assert not RSVP.objects.filter(erased_on__isnull=False).exists()


def test_erasure_of_an_upcoming_meeting_without_rsvp_settings_still_cancels(leyla):
    meeting = MeetingFactory()
    rsvp = RSVPFactory(meeting=meeting, email="leyla@example.org")

    privacy.erase_person(EMAIL)

    rsvp.refresh_from_db()
    assert rsvp.status == RSVP.Status.CANCELLED and rsvp.erased_on


def test_erase_also_erases_the_audit_trail(admin_client, leyla):
    seat = leyla["seat"]
    seat.needs = "Vegan meal"
    seat.save()
    person_id = leyla["person"].pk
    assert Person.history.filter(id=person_id).exists()

    admin_client.post(URL, {"email": EMAIL, "action": "erase", "confirmed": "yes"})

    trail = str(
        [
            *RSVP.history.values(),
            *Invitation.history.values(),
            *Person.history.values(),
            *Position.history.values(),
        ]
    )
    assert "Leyla" not in trail and "leyla@" not in trail.lower() and "meal" not in trail
    assert "Kamran Huseynov" in trail  # other people's history stays
    assert not Person.history.filter(id=person_id).exists()


def test_erase_of_a_kept_speaker_clears_contact_details_in_the_audit_trail(admin_client, leyla):
    RemarkFactory(speaker=leyla["person"])

    admin_client.post(URL, {"email": EMAIL, "action": "erase", "confirmed": "yes"})

    versions = Person.history.filter(id=leyla["person"].pk)
    assert versions.exists()
    assert set(versions.values_list("email", "phone")) == {("", "")}


def test_request_page_query_count_does_not_grow_with_the_records(
    admin_client, leyla, django_assert_max_num_queries
):
    for _ in range(5):
        RSVPFactory(email="leyla@example.org")
        PositionFactory(person=leyla["person"])

    # 8, and one for each of the members' area's records (portal/privacy.py): sign-in links,
    # preferences, comments on minutes, progress reports.
    with django_assert_max_num_queries(12):
        admin_client.post(URL, {"email": EMAIL, "action": "find"})
    with django_assert_max_num_queries(12):
        admin_client.post(URL, {"email": EMAIL, "action": "export"})


def test_secretariat_editor_may_erase(client, django_user_model, leyla):
    client.force_login(member_of(django_user_model, "Secretariat editors"))

    response = client.post(URL, {"email": EMAIL, "action": "erase", "confirmed": "yes"})

    assert response.status_code == 302
    assert RSVP.objects.filter(erased_on__isnull=False).count() == 2
