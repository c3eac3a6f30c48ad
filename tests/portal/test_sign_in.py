"""Signing in to the members' area with a mailed link: once, briefly, telling no one anything."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from members.models import Person
from portal.models import SignInToken
from tests.members.factories import PersonFactory
from tests.portal.conftest import secret_from, sign_in_by_mail
from unnm.models import OutgoingMail

pytestmark = pytest.mark.django_db


@pytest.fixture
def ask(client, committed):
    def ask(email, **extra):
        with committed():
            return client.post(reverse("portal:sign-in"), {"email": email}, **extra)

    return ask


def test_sign_in_link_signs_the_member_in_once(client, member, mailoutbox, ask, committed):
    response = ask(member.email.upper())

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:sign-in-sent")
    assert [mail.to for mail in mailoutbox] == [[member.email]]
    assert OutgoingMail.objects.get().kind == OutgoingMail.Kind.SIGN_IN
    secret = secret_from(mailoutbox[0].body)
    # Opening the link signs nobody in (a mail program may fetch it); the button does.
    opened = client.get(reverse("portal:sign-in-link", args=[secret]))
    assert opened.status_code == 200
    assert client.get(reverse("portal:home")).status_code == 404

    signed_in = client.post(reverse("portal:sign-in-link", args=[secret]), follow=True)

    assert signed_in.status_code == 200
    assert "Welcome, Aynur Mammadova" in signed_in.content.decode()
    member.refresh_from_db()
    user = member.user
    assert not user.is_staff and not user.has_usable_password()
    assert user.has_perm("meetings.view_members_only")
    client.logout()
    again = client.post(reverse("portal:sign-in-link", args=[secret]))
    assert again.status_code == 400
    assert "already been used" in again.content.decode()
    assert client.get(reverse("portal:home")).status_code == 404


def test_sign_in_unknown_address_gets_the_same_answer_and_no_mail(
    client, member, mailoutbox, ask, committed
):
    known = ask(member.email)
    unknown = ask("nobody@example.org")

    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert len(mailoutbox) == 1
    assert OutgoingMail.objects.filter(to="nobody@example.org").count() == 0
    sent_page = client.get(unknown["Location"]).content.decode()
    assert "nobody@example.org" not in sent_page


@pytest.mark.parametrize(
    "change",
    [
        {"is_active": False},
        {"is_member_user": False},
        {"email": ""},
    ],
)
def test_sign_in_refuses_people_who_may_not_sign_in(client, member, mailoutbox, change, ask):
    Person.objects.filter(pk=member.pk).update(**change)

    ask(member.email or "aynur@ngo.example.org")

    assert mailoutbox == []
    assert SignInToken.objects.count() == 0


def test_sign_in_refuses_a_speaker_who_is_no_focal_point(client, mailoutbox, ask):
    speaker = PersonFactory(is_focal_point=False)

    ask(speaker.email)

    assert not speaker.is_member_user
    assert mailoutbox == []


def test_sign_in_expired_link_gives_a_clear_page_and_a_new_request_form(
    client, member, mailoutbox, ask
):
    ask(member.email)
    secret = secret_from(mailoutbox[0].body)
    SignInToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    response = client.post(reverse("portal:sign-in-link", args=[secret]))

    assert response.status_code == 400
    page = response.content.decode()
    assert "has expired" in page
    assert f'action="{reverse("portal:sign-in")}"' in page
    assert client.get(reverse("portal:home")).status_code == 404


@pytest.mark.parametrize("method", ["get", "post"])
def test_sign_in_tampered_link_is_refused_without_error(client, member, mailoutbox, method, ask):
    ask(member.email)
    secret = secret_from(mailoutbox[0].body)

    for tampered in (secret[:-1] + ("A" if secret[-1] != "A" else "B"), "x", "%C2%B2", "a" * 300):
        response = getattr(client, method)(f"/members-area/sign-in/{tampered}/")
        assert response.status_code == 400
        assert "not valid" in response.content.decode()
    assert SignInToken.objects.get().used_at is None


def test_sign_in_link_of_a_person_who_left_meanwhile_does_not_work(
    client, member, mailoutbox, ask, committed
):
    ask(member.email)
    secret = secret_from(mailoutbox[0].body)
    member.organisation.is_active = False
    member.organisation.save()

    response = client.post(reverse("portal:sign-in-link", args=[secret]))

    assert response.status_code == 400
    assert client.get(reverse("portal:home")).status_code == 404


def test_sign_in_is_limited_per_address_whichever_client_asks(
    client, member, mailoutbox, settings, ask
):
    settings.UNNM_SIGN_IN_PER_ADDRESS = 2
    responses = [ask(member.email, REMOTE_ADDR=f"192.0.2.{n}").status_code for n in range(4)]

    assert responses == [302, 302, 302, 302]  # the page says nothing about the limit
    assert len(mailoutbox) == 2
    # An unknown address meets the same limit, so the count reveals nothing either.
    assert SignInToken.objects.count() == 2


def test_sign_in_is_limited_per_client(client, member, other_member, mailoutbox, settings, ask):
    settings.UNNM_SIGN_IN_PER_CLIENT = 2
    ask(member.email)
    ask(other_member.email)

    refused = ask("third@example.org")

    assert refused.status_code == 429
    assert "Too many requests" in refused.content.decode()
    assert ask(member.email, REMOTE_ADDR="198.51.100.7").status_code == 302
    assert len(mailoutbox) == 3


def test_member_never_reaches_the_admin(client, member, mailoutbox, ask, committed):
    sign_in_by_mail(client, mailoutbox, member.email, committed)

    for path in ("/admin/", "/admin/meetings/meeting/", "/admin/members/organisation/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    assert client.get(reverse("portal:home")).status_code == 200


@pytest.mark.parametrize(
    "leave",
    [
        lambda person: Person.objects.filter(pk=person.pk).update(is_active=False),
        lambda person: Person.objects.filter(pk=person.pk).update(is_member_user=False),
        lambda person: (
            type(person.organisation)
            .objects.filter(pk=person.organisation_id)
            .update(is_active=False)
        ),
        lambda person: Person.objects.filter(pk=person.pk).update(organisation=None),
    ],
    ids=["person inactive", "flag off", "organisation inactive", "left the organisation"],
)
def test_leaving_ends_access_at_once(client, member, mailoutbox, leave, committed):
    sign_in_by_mail(client, mailoutbox, member.email, committed)
    assert client.get(reverse("portal:home")).status_code == 200

    leave(member)

    assert client.get(reverse("portal:home")).status_code == 404
    assert "_auth_user_id" not in client.session


def test_staff_sign_in_with_password_is_untouched(client, admin_user):
    client.force_login(admin_user)

    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("portal:home")).status_code == 404


def test_sign_out_ends_the_session(client, member, mailoutbox, ask, committed):
    sign_in_by_mail(client, mailoutbox, member.email, committed)

    response = client.post(reverse("portal:sign-out"))

    assert response.status_code == 302
    assert client.get(reverse("portal:home")).status_code == 404
    assert get_user_model().objects.filter(member_person=member).exists()


def test_every_public_page_links_to_the_members_sign_in(client):
    page = client.get(reverse("home")).content.decode()

    assert f'href="{reverse("portal:sign-in")}"' in page
