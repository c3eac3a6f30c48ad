import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PRIVACY = reverse("privacy")


def test_privacy_notice_names_the_controller_and_its_contact(client, settings):
    settings.UNNM_SECRETARIAT_NAME = "IOM Azerbaijan"
    settings.UNNM_SECRETARIAT_EMAIL = "privacy-desk@example.org"

    response = client.get(PRIVACY)

    content = response.content.decode()
    assert response.status_code == 200
    assert "IOM Azerbaijan, as the secretariat" in content
    assert 'href="mailto:privacy-desk@example.org"' in content


def test_privacy_notice_lists_the_data_kept_and_the_rights(client):
    response = client.get(PRIVACY)

    content = response.content.decode()
    for kept in ("Focal points", "RSVPs", "e-mail address", "needs", "attended"):
        assert kept in content
    assert "Your rights" in content and "erase it" in content


def test_privacy_notice_states_the_configured_retention_period(client, settings):
    settings.UNNM_RSVP_RETENTION_MONTHS = 18

    response = client.get(PRIVACY)

    assert "erased 18 months after the meeting" in response.content.decode()


def test_privacy_notice_uses_the_singular_for_one_month(client, settings):
    settings.UNNM_RSVP_RETENTION_MONTHS = 1

    response = client.get(PRIVACY)

    assert "erased 1 month after the meeting" in response.content.decode()


def test_footer_links_to_the_privacy_notice(client):
    response = client.get(reverse("members:organisation-list"))

    assert f'href="{PRIVACY}"' in response.content.decode()
