import pytest
from django.urls import reverse

from meetings.models import RSVP, Invitation, Meeting
from tests.meetings.rsvp_factories import (
    InvitationFactory,
    _fresh_rate_limit,  # noqa: F401
    answer,
    open_meeting,
)
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def invitation_url(invitation, token=None):
    return reverse("meetings:rsvp-invitation", kwargs={"token": token or invitation.token})


def test_invitation_answers_a_members_only_meeting_with_the_invited_address(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = open_meeting(meeting_visibility=Meeting.Visibility.MEMBERS)
    invitation = InvitationFactory(meeting=meeting, name="Invited One", email="one@example.org")

    page = client.get(invitation_url(invitation)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(invitation_url(invitation), answer(email="forwarded@example.org"))

    assert 'value="Invited One"' in page
    rsvp = RSVP.objects.get()
    assert rsvp.email == "one@example.org"  # bound to the invited address
    assert rsvp.invitation == invitation
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ANSWERED
    assert mailoutbox[0].to == ["one@example.org"]


def test_invitation_tampered_token_is_refused(client):
    invitation = InvitationFactory(meeting=open_meeting())

    response = client.get(invitation_url(invitation, invitation.token + "x"))

    assert response.status_code == 404


def test_invitation_already_answered_opens_the_answer(client):
    meeting = open_meeting()
    invitation = InvitationFactory(meeting=meeting, email="one@example.org")
    client.post(invitation_url(invitation), answer())

    response = client.get(invitation_url(invitation))

    assert response.status_code == 302
    assert response.url == RSVP.objects.get().get_absolute_url()


def test_focal_point_names_delegates_then_they_get_their_own_mail(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = open_meeting()
    unicef = OrganisationFactory(name="UNICEF")
    invitation = InvitationFactory(
        meeting=meeting, organisation=unicef, kind=Invitation.Kind.ORGANISATION
    )

    with django_capture_on_commit_callbacks(execute=True):
        for n in range(2):
            client.post(
                invitation_url(invitation),
                answer(name=f"Delegate {n}", email=f"delegate{n}@example.org"),
            )
    page = client.get(invitation_url(invitation)).content.decode()

    assert list(RSVP.objects.values_list("organisation", flat=True)) == [unicef.pk] * 2
    assert "Delegate 0" in page and "Delegate 1" in page
    assert sorted(m.to[0] for m in mailoutbox) == ["delegate0@example.org", "delegate1@example.org"]


def test_focal_point_declines_for_the_organisation(client):
    meeting = open_meeting()
    invitation = InvitationFactory(
        meeting=meeting, organisation=OrganisationFactory(), kind=Invitation.Kind.ORGANISATION
    )

    response = client.post(invitation_url(invitation), {"action": "decline"}, follow=True)

    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.DECLINED
    assert "will not attend" in response.content.decode()
    assert RSVP.objects.count() == 0
