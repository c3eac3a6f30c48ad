import json

import pytest
from django.urls import reverse

from tests.unnm.production import production_env, run_django

HEALTH = reverse("health")


@pytest.mark.django_db
def test_health_reports_ok_when_the_database_answers(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(HEALTH)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_refuses_writes(client):
    response = client.post(HEALTH)

    assert response.status_code == 405


@pytest.mark.django_db
def test_health_is_exempt_from_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    probe = client.get(HEALTH)
    page = client.get(reverse("home"))

    assert probe.status_code == 200
    assert page.status_code == 301
    assert page["Location"].startswith("https://")


# A real production process whose database is down: nothing listens on port 1.
PROBE = (
    "import django; django.setup(); from django.test import Client; "
    "r = Client().get('/health/'); print(r.status_code); print(r.content.decode())"
)


def test_health_reports_503_when_the_database_is_unreachable():
    env = production_env(
        DJANGO_SETTINGS_MODULE="unnm.settings",
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL="postgres://postgres@127.0.0.1:1/unnm_unreachable",
    )

    result = run_django(["-c", PROBE], env)

    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()[-2:]
    assert status == "503"
    assert json.loads(body) == {"status": "unavailable", "database": "unreachable"}
