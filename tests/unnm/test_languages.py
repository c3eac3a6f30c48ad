"""Choosing a language: one address per page and language, the switcher, hreflang, the first
visit's language, the page cache per language, dates and plural forms in each language, and
pages that cost no more queries in Azerbaijani or Russian than in English."""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from tests.frameworks.factories import (
    CooperationFrameworkFactory,
    ObjectiveLinkFactory,
    OutcomeFactory,
    StrategicPriorityFactory,
    objective,
)
from tests.frameworks.test_matrix import MATRIX_QUERIES
from tests.meetings.factories import (
    ActionPointFactory,
    AgendaItemFactory,
    MeetingFactory,
    ParticipationFactory,
    RemarkFactory,
)
from tests.meetings.test_views import MEETING_PAGE_QUERIES
from tests.members.factories import OrganisationFactory
from unnm import languages
from unnm.languages import _zone_city, address

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "az", "ru")


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def test_every_public_page_has_one_address_per_language():
    assert [url("members:organisation-list", code) for code in LANGUAGES] == [
        "/en/members/",
        "/az/members/",
        "/ru/members/",
    ]
    assert url("home", "az") == "/az/"


def test_admin_and_health_stay_outside_the_language_prefix(client):
    assert url("admin:index", "az") == "/admin/"
    assert url("health", "ru") == "/health/"
    assert client.get("/health/").status_code == 200
    assert client.get("/az/health/").status_code == 404


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("az,en;q=0.5", "/az/"), ("ru-RU,ru;q=0.9", "/ru/"), ("en-GB", "/en/"), ("fr", "/en/")],
)
def test_first_visit_goes_to_the_browsers_language(client, accept, expected):
    response = client.get("/", headers={"accept-language": accept})

    assert response.status_code == 302
    assert response["Location"] == expected


def test_unprefixed_public_path_redirects_with_its_query(client):
    response = client.get("/meetings/?q=migration", headers={"accept-language": "ru"})

    assert response["Location"] == "/ru/meetings/?q=migration"


def test_the_switchers_cookie_wins_over_the_browsers_language(client):
    client.cookies["django_language"] = "az"

    response = client.get("/members/", headers={"accept-language": "ru"})

    assert response["Location"] == "/az/members/"


def test_the_address_wins_over_cookie_and_browser(client):
    client.cookies["django_language"] = "ru"

    response = client.get("/az/members/", headers={"accept-language": "ru"})

    assert response.status_code == 200
    assert response["Content-Language"] == "az"
    assert '<html lang="az"' in response.content.decode()


def test_switcher_links_to_the_same_page_in_each_language(client):
    meeting = MeetingFactory(slug="coordination-meeting")

    content = client.get(url("meetings:meeting-detail", "az", slug=meeting.slug)).content.decode()

    assert '<html lang="az"' in content
    for code, name in (("en", "English"), ("az", "Azərbaycan dili"), ("ru", "Русский")):
        path = f"/{code}/meetings/coordination-meeting/"
        assert f'href="{path}" hreflang="{code}" lang="{code}"' in content
        assert f">{name}</a>" in content
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver{path}">' in content
    assert (
        '<link rel="alternate" hreflang="x-default" '
        'href="http://testserver/meetings/coordination-meeting/">'
    ) in content
    assert 'active" aria-current="true" href="/az/meetings/coordination-meeting/"' in content
    assert "<form" not in content.split("</header>")[0]  # plain links, no CSRF token


def test_switcher_keeps_the_pages_filters(client):
    content = client.get("/ru/meetings/", {"q": "migration"}).content.decode()

    assert 'href="/az/meetings/?q=migration"' in content
    assert 'href="/en/meetings/?q=migration"' in content


def test_switcher_on_a_page_with_a_query_string_in_azerbaijani(client):
    """The switcher reverses the page's own resolver match in each language, and keeps the
    query string as the browser sent it."""
    content = client.get("/az/meetings/", {"q": "miqrasiya şəbəkəsi"}).content.decode()

    assert 'href="/ru/meetings/?q=miqrasiya+%C5%9F%C9%99b%C9%99k%C9%99si"' in content
    assert 'hreflang="x-default" href="http://testserver/meetings/?q=miqrasiya+' in content


def test_address_is_the_page_s_address_reversed_once_per_language(monkeypatch):
    reversed_ = []
    real_reverse = languages.reverse

    def counted(*args, **kwargs):
        reversed_.append(args)
        return real_reverse(*args, **kwargs)

    monkeypatch.setattr(languages, "reverse", counted)
    languages._address.cache_clear()

    for code in ("en", "az", "ru", "az", "en"):
        with translation.override(code):
            path = address("meetings:meeting-detail", slug="coordination")
            assert path == f"/{code}/meetings/coordination/"
            assert path == reverse("meetings:meeting-detail", kwargs={"slug": "coordination"})
    with translation.override("az"):
        assert address("members:organisation-detail", slug="iom") == "/az/members/iom/"

    assert len(reversed_) == 4


def test_interface_strings_follow_the_address(client):
    english = client.get("/en/members/").content.decode()
    azerbaijani = client.get("/az/members/").content.decode()
    russian = client.get("/ru/members/").content.decode()

    assert "Skip to main content" in english
    assert "Əsas məzmuna keçin" in azerbaijani and "Skip to main content" not in azerbaijani
    assert "Перейти к основному содержанию" in russian


def test_a_page_in_azerbaijani_is_cached_apart_from_english(client, settings, cache_backend):
    settings.UNNM_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    OrganisationFactory(name="State Migration Service")

    english = client.get("/en/members/")
    azerbaijani = client.get("/az/members/")
    again = client.get("/az/members/")

    assert english["X-Page-Cache"] == azerbaijani["X-Page-Cache"] == "miss"
    assert again["X-Page-Cache"] == "hit"
    assert again.content == azerbaijani.content != english.content
    assert '<html lang="az"' in again.content.decode()
    assert again["Content-Language"] == "az"
    caches["pages"].clear()


@pytest.mark.parametrize(
    ("language", "expected"),
    [("az", "13 dekabr 2026"), ("ru", "13 декабря 2026 г."), ("en", "13 December 2026")],
)
def test_dates_read_as_each_language_writes_them(language, expected):
    with translation.override(language):
        assert date_format(datetime.date(2026, 12, 13), "DATE_FORMAT") == expected


def test_meeting_page_dates_in_russian(client):
    meeting = MeetingFactory(
        start=datetime.datetime(2030, 3, 4, 6, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2030, 3, 4, 8, 0, tzinfo=datetime.UTC),
    )

    content = client.get(url("meetings:meeting-detail", "ru", slug=meeting.slug)).content.decode()

    assert "Понедельник 4 марта 2030 г." in content  # the genitive month, not "4 Март 2030"


@pytest.mark.parametrize(
    ("count", "expected"), [(1, "1 встреча"), (3, "3 встречи"), (5, "5 встреч"), (21, "21 встреча")]
)
def test_russian_has_three_plural_forms_in_templates(client, count, expected):
    MeetingFactory.create_batch(count)

    content = client.get("/ru/meetings/").content.decode()

    assert f">{expected}</p>" in content


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


def a_busy_meeting():
    meeting = MeetingFactory()
    for order in range(1, 4):
        RemarkFactory.create_batch(2, agenda_item=AgendaItemFactory(meeting=meeting, order=order))
    ParticipationFactory.create_batch(3, meeting=meeting)
    ActionPointFactory.create_batch(2, meeting=meeting)
    return meeting


def a_framework():
    framework = CooperationFrameworkFactory()
    outcome = OutcomeFactory(priority=StrategicPriorityFactory(framework=framework, number=1))
    ObjectiveLinkFactory(outcome=outcome, objective=objective(4))
    return framework


@pytest.mark.parametrize(
    ("page", "pinned"),
    [
        ("meeting", MEETING_PAGE_QUERIES),
        ("matrix", MATRIX_QUERIES),
        ("directory", None),
        ("list", None),
    ],
)
def test_no_page_costs_more_queries_in_azerbaijani_or_russian(client, page, pinned):
    meeting = a_busy_meeting()
    a_framework()
    OrganisationFactory.create_batch(5)
    MeetingFactory.create_batch(5)
    name, kwargs = {
        "meeting": ("meetings:meeting-detail", {"slug": meeting.slug}),
        "matrix": ("frameworks:matrix", {}),
        "directory": ("members:organisation-list", {}),
        "list": ("meetings:meeting-list", {}),
    }[page]
    client.get(url(name, "en", **kwargs))  # the cache table's and session's first queries

    counts = {code: queries(client, url(name, code, **kwargs)) for code in LANGUAGES}

    assert counts["az"] == counts["ru"] == counts["en"]
    if pinned is not None:
        assert counts["en"] == pinned


@pytest.mark.parametrize(
    "zone, locale, city",
    [
        ("Asia/Baku", "ru", "Баку"),
        ("Asia/Baku", "xx", "Baku"),
        ("Nowhere/Far_Away", "az", "Far Away"),
    ],
)
def test_zone_city_in_cldr_else_in_the_zone_key_words(zone, locale, city):
    assert _zone_city(zone, locale) == city
