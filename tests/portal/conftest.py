import re

import pytest
from django.core.cache import caches
from django.urls import reverse

from portal.sign_in import account_for
from tests.members.factories import OrganisationFactory, PersonFactory

LINK = re.compile(r"https?://\S+/members-area/sign-in/(?P<secret>[\w-]+)/")


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """The sign-in limits count in the cache, which outlives a test: start each from zero."""
    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()


@pytest.fixture
def member(db):
    """A focal point of an active member organisation: a member user by default."""
    return PersonFactory(
        name="Aynur Mammadova",
        email="aynur@ngo.example.org",
        organisation=OrganisationFactory(name="Migrants' Rights Centre", acronym="MRC"),
    )


@pytest.fixture
def other_member(db):
    return PersonFactory(
        name="Rashad Guliyev",
        email="rashad@agency.example.org",
        organisation=OrganisationFactory(name="Other Agency", acronym="OA"),
    )


@pytest.fixture
def member_client(client, member):
    client.force_login(account_for(member))
    return client


def secret_from(body):
    return LINK.search(body)["secret"]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a block as a request would: its on-commit work (sending mail) done at its end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def sign_in_by_mail(client, mailoutbox, email, committed):
    """The whole flow: ask for a link, read it from the mail as sent, press "Sign in"."""
    with committed():
        client.post(reverse("portal:sign-in"), {"email": email})
    secret = secret_from(mailoutbox[-1].body)
    return client.post(reverse("portal:sign-in-link", args=[secret]))
