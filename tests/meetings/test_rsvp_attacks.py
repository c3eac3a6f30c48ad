"""Findings of the hostile test (issue 10) on the rate limit and the mail server, pinned."""

import socket
import threading

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from meetings.models import RSVP
from tests.meetings.rsvp_factories import (
    _fresh_rate_limit,  # noqa: F401
    answer,
    open_meeting,
)
from unnm.models import OutgoingMail

pytestmark = pytest.mark.django_db


def rsvp_url(meeting):
    return reverse("meetings:rsvp-create", kwargs={"slug": meeting.slug})


def test_rsvp_rate_limit_behind_a_proxy_counts_each_client_apart(settings):
    """#1: behind nginx REMOTE_ADDR is always the proxy; one client must not lock out others."""
    settings.UNNM_TRUSTED_PROXY_COUNT = 1
    settings.RSVP_RATE_LIMIT = 2
    meeting = open_meeting()
    proxy = {"REMOTE_ADDR": "127.0.0.1"}

    def from_client(address, n):
        return Client().post(
            rsvp_url(meeting),
            answer(email=f"p{n}@example.org"),
            HTTP_X_FORWARDED_FOR=address,
            **proxy,
        )

    noisy = [from_client("203.0.113.7", n).status_code for n in range(3)]
    others = [from_client(f"198.51.100.{n}", 10 + n).status_code for n in range(5)]

    assert noisy == [302, 302, 429]
    assert others == [302] * 5
    assert RSVP.objects.count() == 7


def test_rsvp_rate_limit_counters_survive_a_flood_of_stored_pages(settings, client):
    """#2: public GETs fill the page cache; culling it must not wipe the rate-limit counters."""
    settings.RSVP_RATE_LIMIT = 1
    settings.UNNM_PAGE_CACHE_SECONDS = 300
    meeting = open_meeting()
    client.post(rsvp_url(meeting), answer(email="first@example.org"))
    pages = caches["default"]
    max_entries = pages._max_entries

    for n in range(max_entries + 50):  # what distinct query strings would store
        pages.set(f"unnm:page:flood-{n}", {"version": "x", "content": b"", "headers": {}})
    refused = client.post(rsvp_url(meeting), answer(email="second@example.org"))

    assert refused.status_code == 429
    assert not RSVP.objects.filter(email="second@example.org").exists()


@pytest.fixture
def hanging_smtp_server():
    """An SMTP server that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


def test_rsvp_with_production_tasks_never_waits_on_a_hanging_mail_server(
    settings, client, hanging_smtp_server, django_capture_on_commit_callbacks
):
    """#4: with the production task backend the answer is saved and the page served at once;
    the mail waits in the outbox for the worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": hanging_smtp_server, "timeout": 20},
        }
    }
    meeting = open_meeting()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(rsvp_url(meeting), answer())
    health = client.get(reverse("health"))

    assert response.status_code == 302 and health.status_code == 200
    assert RSVP.objects.get().status == RSVP.Status.CONFIRMED
    # Queued, not attempted: nothing in the request talked to the mail server.
    mail = OutgoingMail.objects.get()
    assert (mail.status, mail.attempts) == (OutgoingMail.Status.QUEUED, 0)
