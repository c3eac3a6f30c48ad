"""
The pages `make bench` measures, with their query counts: rendered (page cache off, what a
staff edit or the first visitor costs) and served (the page cache on, what the next anonymous
visitor costs); the report page, which only staff read, with a staff session whose cookie
bench/run.py sends with wrk. Prints one JSON line for bench/run.py.
"""

import datetime
import json
import os
import uuid

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.fill import staff_user  # noqa: E402
from meetings.models import Meeting  # noqa: E402

CSRF = "benchbenchbenchbenchbenchbench12"  # 32 characters: a valid unmasked CSRF secret
# The mixed workload's readers: some on the meeting taking answers, the rest on other meetings.
ANSWERING_READERS = 4
OTHER_READERS = 12
OTHER_MEETINGS = 20


def count_queries(client, method, path, data=None):
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(path, data) if data else getattr(client, method)(path)
    assert response.status_code in (200, 302), (path, response.status_code)
    return len(queries.captured_queries)


def meeting_pages():
    """A past meeting with its full record, and the next online meeting taking answers."""
    now = timezone.now()
    past = Meeting.objects.public().filter(end__lt=now).order_by("-start")[10]
    upcoming = (
        Meeting.objects.public()
        .filter(start__gt=now, format=Meeting.Format.ONLINE, rsvp_settings__isnull=False)
        .order_by("start")
        .first()
    )
    return past, upcoming


def report_page():
    """
    The report over the last twelve months (most of the bench's meetings), read by a member of
    staff: never stored by the page cache, so one row. Its session stays in the database for
    the servers to read (same database, same secret key).
    """
    client = Client()
    client.force_login(staff_user())
    today = timezone.localdate()
    start = today - datetime.timedelta(days=365)
    path = f"{reverse('report:report')}?start={start.isoformat()}&end={today.isoformat()}"
    client.get(path)  # warm what is built once, as for the other pages
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {
        "name": "report page (staff)",
        "path": path,
        "queries": len(queries.captured_queries),
        "cookie": f"{settings.SESSION_COOKIE_NAME}={session}",
    }


def main():
    past, upcoming = meeting_pages()
    pages = [
        ("bare view", "/bench/bare/"),
        ("home page", reverse("home")),
        ("meetings list", reverse("meetings:meeting-list")),
        ("meeting page (past)", past.get_absolute_url()),
        ("meeting page (RSVP open)", upcoming.get_absolute_url()),
        ("members directory", reverse("members:organisation-list")),
        ("matrix", reverse("frameworks:matrix")),
        ("API: meetings list", "/api/v1/meetings"),
    ]
    targets = []
    for name, path in pages:
        with override_settings(UNNM_PAGE_CACHE_SECONDS=0):
            rendered = count_queries(Client(), "get", path)
        client = Client()
        count_queries(client, "get", path)
        served = count_queries(client, "get", path)
        targets.append(
            {"name": name, "path": path, "queries": {"rendered": rendered, "served": served}}
        )
    rsvp_path = reverse("meetings:rsvp-create", kwargs={"slug": upcoming.slug})
    form = {
        "name": "Bench Participant",
        "email": "bench-count@example.org",
        "organisation_name": "Bench Organisation",
        "position": "Officer",
        "privacy_accepted": "on",
        "website": "",
    }
    # A new answer, after one that warms what a process does once (the cache table's count).
    for _ in range(2):
        answer = {**form, "email": f"bench-count-{uuid.uuid4().hex[:12]}@example.org"}
        submitted = count_queries(Client(), "post", rsvp_path, answer)
    others = Meeting.objects.public().exclude(pk=upcoming.pk).order_by("-start")[:OTHER_MEETINGS]
    assert settings.UNNM_PAGE_CACHE_SECONDS > 0
    print(
        json.dumps(
            {
                "pages": targets,
                "staff": [report_page()],
                "rsvp": {"path": rsvp_path, "queries": submitted, "csrf": CSRF},
                "mixed": {
                    "answering": {
                        "readers": ANSWERING_READERS,
                        "paths": [upcoming.get_absolute_url()],
                    },
                    "others": {
                        "readers": OTHER_READERS,
                        "paths": [meeting.get_absolute_url() for meeting in others],
                    },
                    "rsvp_path": rsvp_path,
                    "form": form,
                    "csrf": CSRF,
                },
            }
        )
    )


if __name__ == "__main__":
    main()
