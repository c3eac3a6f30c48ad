"""
The pages `make bench` measures, with their query counts: rendered (page cache off, what a
staff edit or the first visitor costs) and served (the page cache on, what the next anonymous
visitor costs). Prints one JSON line for bench/run.py.
"""

import json
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from meetings.models import Meeting  # noqa: E402

CSRF = "benchbenchbenchbenchbenchbench12"  # 32 characters: a valid unmasked CSRF secret

RSVP_LUA = """
counter = 0
request = function()
  counter = counter + 1
  local email = "bench" .. counter .. "-" .. math.random(1, 1000000000) .. "@example.org"
  local body = "csrfmiddlewaretoken=%(csrf)s&name=Bench+Participant&email=" .. email ..
    "&organisation_name=Bench+Organisation&position=Officer&needs=&privacy_accepted=on&website="
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=%(csrf)s",
  }, body)
end
"""


def count_queries(client, method, path, data=None):
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(path, data) if data else getattr(client, method)(path)
    assert response.status_code in (200, 302), (path, response.status_code)
    return len(queries.captured_queries)


def main():
    now = timezone.now()
    past = Meeting.objects.public().filter(end__lt=now).order_by("-start")[10]
    upcoming = (
        Meeting.objects.public()
        .filter(start__gt=now, format=Meeting.Format.ONLINE, rsvp_settings__isnull=False)
        .order_by("start")
        .first()
    )
    pages = [
        ("bare view", "/bench/bare/"),
        ("home page", "/"),
        ("meetings list", "/meetings/"),
        ("meeting page (past)", past.get_absolute_url()),
        ("meeting page (RSVP open)", upcoming.get_absolute_url()),
        ("members directory", "/members/"),
        ("matrix", "/frameworks/"),
    ]
    targets = []
    for name, path in pages:
        with override_settings(UNNM_PAGE_CACHE_SECONDS=0):
            rendered = count_queries(Client(), "get", path)
        client = Client()
        count_queries(client, "get", path)
        served = count_queries(client, "get", path)
        targets.append({"name": name, "path": path, "queries": f"{rendered} / {served}"})
    rsvp_path = reverse("meetings:rsvp-create", kwargs={"slug": upcoming.slug})
    form = {
        "name": "Bench Participant",
        "email": "bench-count@example.org",
        "organisation_name": "Bench Organisation",
        "position": "Officer",
        "privacy_accepted": "on",
        "website": "",
    }
    submitted = count_queries(Client(), "post", rsvp_path, form)
    targets.append(
        {
            "name": "RSVP submission",
            "path": rsvp_path,
            "queries": f"{submitted} / -",
            "lua": RSVP_LUA % {"csrf": CSRF},
        }
    )
    assert settings.UNNM_PAGE_CACHE_SECONDS > 0
    print(json.dumps(targets))


if __name__ == "__main__":
    main()
