import pytest
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.urls import reverse

from unnm.client import client_ip

LOGIN = reverse("admin:login")
ADMIN = reverse("admin:index")
PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Every attempt hashes a password; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user(
        "secretariat", "secretariat@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


def log_in(client, password, username="secretariat", **headers):
    headers.setdefault("REMOTE_ADDR", "203.0.113.5")
    return client.post(
        LOGIN, {"username": username, "password": password, "next": ADMIN}, **headers
    )


def is_logged_in(client):
    return "_auth_user_id" in client.session


def test_login_after_fewer_failures_than_the_limit_succeeds(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "wrong")

    response = log_in(client, PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == ADMIN
    assert is_logged_in(client)


def test_login_after_the_limit_is_refused_even_with_the_right_password(client, staff, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong")

    response = log_in(client, PASSWORD)

    assert response.status_code == 429
    assert "locked" in response.content.decode().lower()
    assert not is_logged_in(client)


def test_lockout_follows_the_failure_limit_setting(client, staff, settings):
    settings.AXES_FAILURE_LIMIT = 2
    log_in(client, "wrong")
    log_in(client, "wrong")

    response = log_in(client, PASSWORD)

    assert response.status_code == 429
    assert not is_logged_in(client)


def test_failures_from_many_addresses_do_not_lock_a_user_out_elsewhere(client, staff, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong", REMOTE_ADDR=f"198.51.100.{number + 1}")

    response = log_in(client, PASSWORD, REMOTE_ADDR="192.0.2.200")

    assert response.status_code == 302
    assert is_logged_in(client)


def test_lockout_holds_the_user_name_and_address_pair_only(client, staff, settings):
    get_user_model().objects.create_user("colleague", password=PASSWORD, is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong", REMOTE_ADDR="203.0.113.66")

    locked = log_in(client, PASSWORD, REMOTE_ADDR="203.0.113.66")
    colleague_same_address = log_in(
        Client(), PASSWORD, username="colleague", REMOTE_ADDR="203.0.113.66"
    )
    owner_elsewhere = log_in(client, PASSWORD, REMOTE_ADDR="192.0.2.10")

    assert locked.status_code == 429
    assert colleague_same_address.status_code == 302
    assert owner_elsewhere.status_code == 302
    assert is_logged_in(client)


def test_lockout_behind_a_proxy_counts_the_forwarded_client(client, staff, settings):
    settings.UNNM_TRUSTED_PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.66")

    attacker = log_in(
        client, PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.66"
    )
    owner = log_in(client, PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.10")

    # Both came through the same proxy (REMOTE_ADDR); only the guesser's pair is locked.
    assert attacker.status_code == 429
    assert owner.status_code == 302
    assert is_logged_in(client)


def test_force_login_is_not_affected_by_login_protection(client, staff):
    client.force_login(staff)

    response = client.get(ADMIN)

    assert response.status_code == 200


def test_client_ip_without_proxies_is_the_socket_address(settings):
    settings.UNNM_TRUSTED_PROXY_COUNT = 0
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="192.0.2.1")

    assert client_ip(request) == "203.0.113.5"


def test_client_ip_behind_proxies_ignores_addresses_the_client_forged(settings):
    settings.UNNM_TRUSTED_PROXY_COUNT = 2
    request = RequestFactory().get(
        "/",
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5, 10.0.0.1",
    )

    assert client_ip(request) == "203.0.113.5"


def test_client_ip_falls_back_to_the_socket_when_the_header_is_short(settings):
    settings.UNNM_TRUSTED_PROXY_COUNT = 2
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4")

    assert client_ip(request) == "10.0.0.2"
