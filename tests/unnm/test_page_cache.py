import pytest
from django.core.cache import caches
from django.db import transaction
from django.test import RequestFactory
from django.urls import reverse

from meetings.models import Meeting
from tests.meetings.factories import MeetingFactory
from tests.meetings.rsvp_factories import open_meeting
from tests.members.factories import OrganisationFactory, PersonFactory
from unnm.pagecache import RENDER_LOCK_KEY, StaleOnCommit, page_key

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("members:organisation-list")


# What a stored page costs the database: the version's query on the database cache, nothing
# when the shared cache is Redis.
QUERIES_PER_LOOKUP = {"database": 1, "redis": 0}


@pytest.fixture
def page_cache(settings, cache_backend):
    """The page cache on, over each shared cache backend; yields the backend's name."""
    settings.UNNM_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    yield cache_backend
    caches["pages"].clear()


def test_public_page_served_from_cache_in_one_query(client, page_cache, django_assert_num_queries):
    OrganisationFactory(name="State Migration Service")
    first = client.get(DIRECTORY)

    with django_assert_num_queries(QUERIES_PER_LOOKUP[page_cache]):
        second = client.get(DIRECTORY)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_cached_page_keeps_the_security_headers(client, page_cache):
    client.get(DIRECTORY)

    response = client.get(DIRECTORY)

    assert response["X-Page-Cache"] == "hit"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


# Writes commit as they would in the admin (no test transaction around them): the version
# moves on commit.
@pytest.mark.django_db(transaction=True)
def test_edit_shows_at_once(client, page_cache):
    organisation = OrganisationFactory(name="State Migration Service")
    client.get(DIRECTORY)

    organisation.name = "State Migration Service of Azerbaijan"
    organisation.save()
    response = client.get(DIRECTORY)

    assert response["X-Page-Cache"] == "miss"
    assert "State Migration Service of Azerbaijan" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_many_to_many_edit_shows_at_once(client, page_cache):
    meeting = MeetingFactory(status=Meeting.Status.PUBLISHED)
    chair = PersonFactory(name="Leyla Mammadova", consent_public_listing=True)
    client.get(meeting.get_absolute_url())

    meeting.chairs.set([chair])
    response = client.get(meeting.get_absolute_url())

    assert response["X-Page-Cache"] == "miss"
    assert "Leyla Mammadova" in response.content.decode()


def test_filtered_pages_are_stored_apart(client, page_cache):
    OrganisationFactory(name="UNICEF", kind="un_agency")
    OrganisationFactory(name="Baku University", kind="academia")
    client.get(DIRECTORY)

    response = client.get(DIRECTORY, {"kind": "academia"})

    assert response["X-Page-Cache"] == "miss"
    assert "UNICEF" not in response.content.decode()


def test_staff_never_get_a_stored_page(admin_client, client, page_cache):
    client.get(DIRECTORY)

    response = admin_client.get(DIRECTORY)

    assert "X-Page-Cache" not in response
    assert "Secretariat" in response.content.decode()  # the staff-only admin link


def test_pages_with_a_form_are_never_stored(client, page_cache):
    """The RSVP form carries a CSRF token tied to the visitor's cookie: it must not be shared."""
    meeting = open_meeting(capacity=10)
    url = reverse("meetings:rsvp-create", kwargs={"slug": meeting.slug})

    first = client.get(url)
    second = client.get(url)

    assert "csrfmiddlewaretoken" in second.content.decode()
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second


def test_cache_off_when_seconds_is_zero(client, settings):
    settings.UNNM_PAGE_CACHE_SECONDS = 0

    client.get(DIRECTORY)
    response = client.get(DIRECTORY)

    assert "X-Page-Cache" not in response


def test_page_stored_by_another_server_is_served_from_the_shared_cache(
    client, page_cache, django_assert_num_queries
):
    OrganisationFactory(name="State Migration Service")
    first = client.get(DIRECTORY)
    caches["pages"].clear()  # this process never saw it: another app server rendered it

    # The version, then the page: two queries on the database cache, none on Redis.
    with django_assert_num_queries(2 * QUERIES_PER_LOOKUP[page_cache]):
        second = client.get(DIRECTORY)

    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_writes_in_one_transaction_move_the_version_once(
    page_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        for name in ("UNHCR", "UNICEF", "UNDP"):
            OrganisationFactory(name=name)

    assert [type(call) for call in callbacks] == [StaleOnCommit]


def test_meeting_page_with_open_rsvp_is_stored(client, page_cache):
    """The form is on its own page, so the page most visitors read can be shared."""
    meeting = open_meeting(capacity=10)

    client.get(meeting.get_absolute_url())
    response = client.get(meeting.get_absolute_url())

    assert response["X-Page-Cache"] == "hit"
    assert "Answer the invitation" in response.content.decode()


# One render at a time ---------------------------------------------------------------------------


def render_lock(path):
    """The lock a process holds while it renders the page at `path` (in English, test host)."""
    request = RequestFactory().get(path)
    request.LANGUAGE_CODE = "en"
    return RENDER_LOCK_KEY.format(page_key(request))


@pytest.mark.django_db(transaction=True)
def test_page_being_rendered_elsewhere_is_served_as_it_was(client, page_cache):
    """While another process renders a page made stale, a visitor gets the copy stored before
    the write, not a render of their own; once it is stored, the new page."""
    organisation = OrganisationFactory(name="State Migration Service")
    client.get(DIRECTORY)
    organisation.name = "State Migration Service of Azerbaijan"
    organisation.save()
    caches["default"].add(render_lock(DIRECTORY), 1)  # another process is rendering

    meanwhile = client.get(DIRECTORY)
    caches["default"].delete(render_lock(DIRECTORY))
    after = client.get(DIRECTORY)

    assert meanwhile["X-Page-Cache"] == "stale"
    assert "of Azerbaijan" not in meanwhile.content.decode()
    assert after["X-Page-Cache"] == "miss"
    assert "State Migration Service of Azerbaijan" in after.content.decode()


@pytest.mark.django_db(transaction=True)
def test_render_releases_its_lock(client, page_cache):
    organisation = OrganisationFactory(name="State Migration Service")
    client.get(DIRECTORY)
    organisation.save()

    rendered = client.get(DIRECTORY)
    organisation.save()

    assert rendered["X-Page-Cache"] == "miss"
    assert caches["default"].get(render_lock(DIRECTORY)) is None
    assert client.get(DIRECTORY)["X-Page-Cache"] == "miss"


def test_page_never_stored_is_rendered_whoever_holds_the_lock(client, page_cache):
    OrganisationFactory(name="State Migration Service")
    caches["default"].add(render_lock(DIRECTORY), 1)

    response = client.get(DIRECTORY)

    assert response["X-Page-Cache"] == "miss"
    assert "State Migration Service" in response.content.decode()
