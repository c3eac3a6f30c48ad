"""
The open data API in the requested language: `Accept-Language` or `?lang=`, the texts staff
write in that language with fallback to the network's default, and the headers that say so.
"""

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.demo import MAY_31_SLUG
from tests.frameworks.factories import ActivityFactory, objective
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"
MAY_31_RU = "Координационная встреча Сети ООН по вопросам миграции в Азербайджане"
MAY_31_AZ = "BMT-nin Azərbaycandakı Miqrasiya üzrə Şəbəkəsinin koordinasiya görüşü"
OBJECTIVE_1_RU = (
    "Сбор и использование точных и дезагрегированных данных в качестве основы для выработки "
    "эмпирически обоснованной политики"
)


@pytest.fixture
def demo_network():
    call_command("load_demo", no_superuser=True)


def ask(client, path, language, how, **params):
    """The API in a language, asked for as a browser does (header) or as a script does (?lang)."""
    if how == "header":
        response = client.get(f"{API}{path}", params, HTTP_ACCEPT_LANGUAGE=language)
    else:
        response = client.get(f"{API}{path}", {**params, "lang": language})
    assert response.status_code == 200, response.content
    return response


@pytest.mark.parametrize("how", ["header", "param"])
@pytest.mark.parametrize(
    ("language", "title", "opening", "fallback_from"),
    [
        ("ru", MAY_31_RU, "Приветствие и вступительные слова.", "Открытие"),
        ("az", MAY_31_AZ, "Salamlama və açılış çıxışları.", "Açılış sessiyası"),
    ],
)
def test_may_31_meeting_in_the_requested_language(
    client, demo_network, how, language, title, opening, fallback_from
):
    response = ask(client, f"/meetings/{MAY_31_SLUG}", language, how)
    meeting = response.json()
    agenda = meeting["agenda"]

    assert response["Content-Language"] == language
    assert meeting["title"] == title
    assert agenda[0]["title"] == fallback_from
    assert agenda[0]["description"] == opening
    # No translation of the fourth item's description: the network's default language (empty
    # in English too), and the kind labels from the catalogues.
    assert agenda[3]["description"] == ""
    assert "Coordination Meeting" not in meeting["title"]
    listed = ask(client, "/meetings", language, how, year="2021").json()
    assert title in [item["title"] for item in listed["results"]]


@pytest.mark.parametrize("how", ["header", "param"])
def test_objective_1_in_russian(client, how):
    response = ask(client, "/gcm-objectives", "ru", how)
    first = next(item for item in response.json() if item["number"] == 1)

    assert first["title"] == OBJECTIVE_1_RU
    assert response["Content-Language"] == "ru"


def test_param_wins_over_the_header_and_default_is_english(client, demo_network):
    by_param = client.get(
        f"{API}/meetings/{MAY_31_SLUG}", {"lang": "ru"}, HTTP_ACCEPT_LANGUAGE="az"
    )
    plain = client.get(f"{API}/meetings/{MAY_31_SLUG}")

    assert by_param.json()["title"] == MAY_31_RU
    assert by_param["Content-Language"] == "ru"
    assert plain["Content-Language"] == "en"
    assert plain.json()["title"].startswith("Coordination Meeting of the UN Network")
    assert "Accept-Language" in plain["Vary"]


@pytest.mark.parametrize("how", ["header", "param"])
def test_staff_texts_of_every_endpoint_follow_the_language_with_fallback(client, how):
    lead = OrganisationFactory(
        name="Migration Research Centre",
        name_ru="Центр исследований миграции",
        description="Studies migration.",
        description_ru="",
    )
    ActivityFactory(
        title="Labour migration survey",
        title_ru="Обследование трудовой миграции",
        lead=lead,
        gcm_objectives=[objective(1)],
    )

    organisation = ask(client, f"/organisations/{lead.slug}", "ru", how).json()
    activities = ask(client, "/activities", "ru", how).json()["results"]

    assert organisation["name"] == "Центр исследований миграции"
    assert organisation["description"] == "Studies migration."  # fallback to English
    assert activities[0]["title"] == "Обследование трудовой миграции"


@pytest.mark.parametrize("how", ["header", "param"])
def test_framework_priorities_in_azerbaijani(client, demo_network, how):
    frameworks = ask(client, "/frameworks", "az", how).json()
    priorities = [p["title"] for f in frameworks for p in f["priorities"]]

    assert "Həssaslığı azaldan və dayanıqlığı təmin edən inklüziv artım" in priorities


@pytest.mark.parametrize(
    "path",
    [
        f"/meetings/{MAY_31_SLUG}",
        "/meetings",
        "/organisations",
        "/frameworks",
        "/mapping-links",
        "/activities",
        "/gcm-objectives",
        "/guiding-principles",
        "/sdg-targets",
    ],
)
def test_answer_costs_the_same_queries_in_every_language(
    client, demo_network, django_assert_num_queries, path
):
    client.get(f"{API}{path}")  # warm what is built once
    with CaptureQueriesContext(connection) as english:
        client.get(f"{API}{path}")

    for language in ("az", "ru"):
        with django_assert_num_queries(len(english.captured_queries)):
            ask(client, path, language, "param")
        with django_assert_num_queries(len(english.captured_queries)):
            ask(client, path, language, "header")


@pytest.mark.parametrize(
    "value", ["xx", "", "EN-gb-x", "../en", "en\x00", "ru'; DROP TABLE", "a" * 5000, "zh-hans"]
)
def test_unknown_lang_is_refused_with_400_and_a_message(client, value):
    response = client.get(f"{API}/gcm-objectives", {"lang": value})

    assert response.status_code == 400
    detail = response.json()["detail"]
    assert detail.startswith("Invalid parameters: lang")
    assert "en, az, ru" in detail


@pytest.fixture
def page_cache(settings):
    settings.UNNM_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def test_page_cache_keeps_each_language_apart(client, demo_network, page_cache):
    path = f"{API}/meetings/{MAY_31_SLUG}"
    english = client.get(path)
    russian = client.get(path, HTTP_ACCEPT_LANGUAGE="ru")
    azerbaijani = client.get(path, {"lang": "az"})
    russian_again = client.get(path, HTTP_ACCEPT_LANGUAGE="ru")
    azerbaijani_again = client.get(path, {"lang": "az"})

    assert [r["X-Page-Cache"] for r in (english, russian, azerbaijani)] == ["miss"] * 3
    assert (russian_again["X-Page-Cache"], azerbaijani_again["X-Page-Cache"]) == ("hit", "hit")
    assert english.json()["title"].startswith("Coordination Meeting of the UN Network")
    assert russian_again.json()["title"] == MAY_31_RU
    assert russian_again["Content-Language"] == "ru"
    assert azerbaijani_again.json()["title"] == MAY_31_AZ
    assert azerbaijani_again["Content-Language"] == "az"
    assert english["ETag"] != russian["ETag"]


def test_openapi_declares_lang_on_every_operation(client):
    schema = client.get("/api/v1/openapi.json").json()

    operations = [op for path in schema["paths"].values() for op in path.values()]
    assert len(operations) >= 10
    for operation in operations:
        (lang,) = [p for p in operation["parameters"] if p["name"] == "lang"]
        assert lang["in"] == "query" and not lang["required"]
        assert lang["schema"]["enum"] == ["en", "az", "ru"]
