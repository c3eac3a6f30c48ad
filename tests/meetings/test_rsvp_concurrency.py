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


ROUNDS = 8


def test_change_and_cancel_pressed_together_never_undo_the_cancel_nor_exceed_capacity():
    assert connection.vendor == "postgresql"
    undone, over = [], []
    for round_ in range(ROUNDS):
        meeting = open_meeting(capacity=1)
        seated = RSVPFactory(meeting=meeting, email=f"seated{round_}@example.org", position="A")
        RSVPFactory(
            meeting=meeting,
            email=f"queued{round_}@example.org",
            status=RSVP.Status.WAITLISTED,
            queued_at=seated.created,
        )
        manage = seated.get_absolute_url()
        cancel = reverse("meetings:rsvp-cancel", kwargs={"token": seated.token})
        change = {"name": seated.name, "organisation": seated.organisation_id, "position": "B"}
        start = threading.Barrier(2)
        errors = []

        def press(url, data, start=start, errors=errors):
            try:
                client = Client()
                start.wait()
                client.post(url, data)
            except Exception as error:  # reported below, so a thread's failure fails the test
                errors.append(error)
            finally:
                connections.close_all()

        threads = [
            threading.Thread(target=press, args=(manage, change)),
            threading.Thread(target=press, args=(cancel, {})),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        assert errors == []
        seated.refresh_from_db()
        if seated.status != RSVP.Status.CANCELLED:
            undone.append(round_)
        if RSVP.objects.filter(meeting=meeting).confirmed().count() > 1:
            over.append(round_)

    assert undone == []
    assert over == []
