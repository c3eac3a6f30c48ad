import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from meetings.models import RSVP
from tests.meetings.rsvp_factories import (
    RSVPFactory,
    _fresh_rate_limit,  # noqa: F401
    answer,
    open_meeting,
)

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]

ATTEMPTS = 24


def test_concurrent_answers_for_the_last_five_seats_confirm_exactly_five(settings):
    assert connection.vendor == "postgresql"
    settings.RSVP_RATE_LIMIT = 1000
    meeting = open_meeting(capacity=10)
    RSVPFactory.create_batch(5, meeting=meeting)  # five seats left
    url = reverse("meetings:rsvp-create", kwargs={"slug": meeting.slug})
    start = threading.Barrier(ATTEMPTS)
    statuses, errors = [], []

    def submit(n):
        try:
            client = Client()
            start.wait()
            response = client.post(url, answer(email=f"rush{n}@example.org", name=f"Rush {n}"))
            statuses.append(response.status_code)
        except Exception as error:  # reported below, so a thread's failure fails the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert statuses == [302] * ATTEMPTS
    rush = RSVP.objects.filter(email__startswith="rush")
    assert rush.count() == ATTEMPTS
    assert rush.confirmed().count() == 5
    assert rush.waitlisted().count() == ATTEMPTS - 5
    assert RSVP.objects.confirmed().count() == 10
    positions = sorted(r.waitlist_position() for r in rush.waitlisted())
    assert positions == list(range(1, ATTEMPTS - 5 + 1))
