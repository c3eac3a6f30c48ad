"""
Signing in to the members' area with a link mailed to the address: no password to forget.

The link carries a random secret; only its SHA-256 is stored (`SignInToken.digest`). It works
once, for UNNM_SIGN_IN_LINK_MINUTES. Asking for one is rate-limited per address (whoever asks)
and per client, and answers the same whether the address is known or not.
"""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from members.models import Person
from portal.models import MemberProfile, SignInToken, digest
from unnm import outbox
from unnm.client import rate_limited
from unnm.models import MailKind
from unnm.roles import MEMBERS, sync_roles

BACKEND = "django.contrib.auth.backends.ModelBackend"


class SignInRefused(Exception):
    """A link that does not sign in: unknown or tampered, expired, used, or its person left."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def too_many_requests(request):
    """One more ask from this client; True when it is over its limit."""
    return rate_limited(
        request,
        "sign-in-client",
        limit=settings.UNNM_SIGN_IN_PER_CLIENT,
        window=settings.UNNM_SIGN_IN_WINDOW,
    )


def mail_language(person):
    """The member's chosen language for mail, else the network's default."""
    try:
        language = person.member_profile.language
    except MemberProfile.DoesNotExist:
        language = ""
    return language or settings.LANGUAGE_CODE


def request_link(request, email, *, now=None):
    """
    Mail a sign-in link to each member user with this address. Counted per address before
    looking it up, so a known and an unknown address meet the same limit; over it, nothing is
    sent and the page says the same as ever. Returns how many links were queued.
    """
    email = email.strip()
    if rate_limited(
        request,
        "sign-in-address",
        limit=settings.UNNM_SIGN_IN_PER_ADDRESS,
        window=settings.UNNM_SIGN_IN_WINDOW,
        key=digest(email.lower()),
    ):
        return 0
    now = now or timezone.now()
    expires = now + datetime.timedelta(minutes=settings.UNNM_SIGN_IN_LINK_MINUTES)
    people = (
        Person.objects.member_users()
        .filter(email__iexact=email)
        .select_related("organisation", "member_profile")
    )
    queued = 0
    with transaction.atomic():
        for person in people:
            secret = secrets.token_urlsafe(32)
            SignInToken.objects.create(person=person, digest=digest(secret), expires_at=expires)
            link = settings.UNNM_SITE_URL.rstrip("/") + reverse(
                "portal:sign-in-link", kwargs={"secret": secret}
            )
            language = mail_language(person)
            subject, body = outbox.render(
                "portal/email/sign_in.txt",
                {
                    "person": person,
                    "link": link,
                    "minutes": settings.UNNM_SIGN_IN_LINK_MINUTES,
                    "network": settings.UNNM_NETWORK_NAME,
                },
                language=language,
            )
            outbox.queue(
                to=person.email,
                kind=MailKind.SIGN_IN,
                subject=subject,
                body=body,
                regarding=person,
                language=language,
            )
            queued += 1
    return queued


def members_group():
    """The "Members" role (unnm/roles.py); a flushed database gets it back from the definition."""
    group = Group.objects.filter(name=MEMBERS).first()
    if group is None:
        sync_roles(Group, Permission)
        group = Group.objects.get(name=MEMBERS)
    return group


def account_for(person):
    """The member's sign-in account: no staff status, no usable password, in the Members role."""
    user = person.user
    if user is None:
        user = get_user_model().objects.create_user(
            username=f"member-{person.pk}", email=person.email
        )
        person.user = user
        person.save(update_fields=["user"])
    elif user.email != person.email:
        user.email = person.email
        user.save(update_fields=["email"])
    user.groups.add(members_group())
    return user


def check_link(secret, *, now=None):
    """The usable token of a link, or SignInRefused saying why not. Changes nothing."""
    token = (
        SignInToken.objects.select_related("person__organisation", "person__user")
        .filter(digest=digest(secret))
        .first()
    )
    now = now or timezone.now()
    if token is None:
        raise SignInRefused("invalid")
    if token.used_at is not None:
        raise SignInRefused("used")
    if token.expires_at <= now:
        raise SignInRefused("expired")
    if not Person.objects.member_users().filter(pk=token.person_id).exists():
        raise SignInRefused("left")
    return token


def use_link(request, secret, *, now=None):
    """Sign the link's person in, once: the token is re-read under a lock and marked used."""
    now = now or timezone.now()
    with transaction.atomic():
        token = check_link(secret, now=now)
        token = SignInToken.objects.select_for_update().get(pk=token.pk)
        if token.used_at is not None:  # used by a simultaneous request meanwhile
            raise SignInRefused("used")
        token.used_at = now
        token.save(update_fields=["used_at"])
        person = token.person
        user = account_for(person)
        if not user.is_active or user.is_staff:
            raise SignInRefused("left")
        login(request, user, backend=BACKEND)
        language = translation.get_language()
        MemberProfile.objects.get_or_create(
            person=person,
            defaults={"language": language if language in dict(settings.LANGUAGES) else ""},
        )
    return person
