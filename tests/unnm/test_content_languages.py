"""
Content in each language (django-modeltranslation): the public pages read the visitor's
language and fall back to the network's default one, the admin edits the three side by side,
and a page costs no more queries in Azerbaijani or Russian than in English.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from frameworks.models import GCMObjective, GuidingPrinciple, SDGTarget, StrategicPriority
from meetings.demo import MAY_31_SLUG
from meetings.models import Meeting, Remark
from tests.admin_forms import change_form_data
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, RemarkFactory
from tests.members.factories import PersonFactory
from unnm import demo

pytestmark = pytest.mark.django_db


def get(client, language, url_name, **kwargs):
    """A page in a language: its address in that language and the browser asking for it."""
    # The override also gives the test back its language after the request activated another.
    with translation.override(language):
        url = reverse(url_name, kwargs=kwargs)
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


@pytest.fixture
def translated_meeting():
    meeting = MeetingFactory(
        title="Coordination meeting",
        title_az="Koordinasiya görüşü",
        title_ru="Координационная встреча",
        summary="Partners took stock of the work plan.",
        summary_ru="Партнеры подвели итоги плана работы.",
    )
    item = AgendaItemFactory(meeting=meeting, title="Opening", title_az="Açılış", title_ru="")
    RemarkFactory(
        meeting=meeting,
        agenda_item=item,
        summary="Welcomed the members.",
        summary_az="Üzvləri salamladı.",
        summary_ru="Приветствовал членов сети.",
        status="published",
    )
    return meeting


@pytest.mark.parametrize(
    ("language", "shown", "not_shown"),
    [
        ("en", ["Coordination meeting", "Opening", "Welcomed the members."], ["Координационная"]),
        (
            "az",
            # No Azerbaijani summary: the English one, the network's default language.
            ["Koordinasiya görüşü", "Açılış", "Üzvləri salamladı.", "took stock of the work plan"],
            ["Координационная встреча", "Партнеры подвели"],
        ),
        (
            "ru",
            # No Russian agenda title: the English one.
            ["Координационная встреча", "Партнеры подвели итоги", "Opening", "Приветствовал"],
            ["Koordinasiya", "took stock of the work plan"],
        ),
    ],
)
def test_meeting_page_reads_the_language_and_falls_back_to_english(
    client, translated_meeting, language, shown, not_shown
):
    content = get(client, language, "meetings:meeting-detail", slug=translated_meeting.slug)

    for text in shown:
        assert text in content, (language, text)
    for text in not_shown:
        assert text not in content, (language, text)


def test_meetings_list_shows_the_title_in_the_language(client, translated_meeting):
    assert "Координационная встреча" in get(client, "ru", "meetings:meeting-list")
    assert "Koordinasiya görüşü" in get(client, "az", "meetings:meeting-list")
    assert "Coordination meeting" in get(client, "en", "meetings:meeting-list")


def test_objective_1_in_russian_shows_the_russian_title(client):
    content = get(client, "ru", "frameworks:objective-detail", number=1)

    assert (
        "Сбор и использование точных и дезагрегированных данных в качестве основы для выработки "
        "эмпирически обоснованной политики" in content
    )
    assert "Collect and utilize accurate" not in content


def test_reference_data_carries_its_translations_and_flags():
    first = GCMObjective.objects.get(number=1)
    principle = GuidingPrinciple.objects.get(letter="a")
    target = SDGTarget.objects.get(code="10.7")

    assert first.title_ru.startswith("Сбор и использование") and first.title_ru_verified
    assert first.title_az.startswith("Sübutlara əsaslanan") and not first.title_az_official
    assert first.title_en.startswith("Collect and utilize")
    assert first.source_az.startswith("unofficial translation")
    assert principle.name_ru == "Ориентированность на человека"
    assert target.text_ru and target.text_az and not target.text_az_official
    assert GCMObjective.objects.filter(title_az="").count() == 0


def test_admin_marks_the_unofficial_azerbaijani_titles(admin_client):
    first = GCMObjective.objects.get(number=1)

    content = admin_client.get(reverse("admin:frameworks_gcmobjective_changelist")).content
    change = admin_client.get(reverse("admin:frameworks_gcmobjective_change", args=[first.pk]))
    change = change.content.decode()

    assert content.decode().count("unofficial translation") == 23
    assert "Sübutlara əsaslanan" in change and "Сбор и использование" in change
    assert "Azerbaijani title official" in change


def test_admin_meeting_form_edits_the_three_languages_side_by_side(admin_client):
    meeting = MeetingFactory(title="Quarterly meeting", summary="Summary in English.")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])

    form = admin_client.get(url).content.decode()
    data = change_form_data(
        admin_client,
        url,
        title_az="Rüblük görüş",
        title_ru="Ежеквартальная встреча",
        summary_ru="Резюме на русском.",
    )
    response = admin_client.post(url, data)

    for field in ("title", "summary", "description"):
        for language in ("en", "az", "ru"):
            assert f'name="{field}_{language}"' in form, (field, language)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.title_en, meeting.title_az, meeting.title_ru) == (
        "Quarterly meeting",
        "Rüblük görüş",
        "Ежеквартальная встреча",
    )
    assert meeting.summary_ru == "Резюме на русском." and meeting.summary_az == ""
    assert meeting.history.first().title_ru == "Ежеквартальная встреча"


def test_admin_meeting_form_requires_the_default_language_title(admin_client):
    meeting = MeetingFactory(title="Quarterly meeting")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])

    response = admin_client.post(url, change_form_data(admin_client, url, title_en=""))

    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.title_en == "Quarterly meeting"


@pytest.fixture
def demo_network():
    demo.load_all()


def test_demo_may_31_meeting_and_priorities_in_three_languages(client, demo_network):
    meeting = Meeting.objects.get(slug=MAY_31_SLUG)
    priority = StrategicPriority.objects.get(number=1, framework__start_year=2021)

    ru = get(client, "ru", "meetings:meeting-detail", slug=MAY_31_SLUG)
    az = get(client, "az", "meetings:meeting-detail", slug=MAY_31_SLUG)

    assert "Координационная встреча Сети ООН по вопросам миграции в Азербайджане" in ru
    assert "Приветствие и вступительные слова." in ru
    assert "BMT-nin Azərbaycandakı Miqrasiya üzrə Şəbəkəsinin koordinasiya görüşü" in az
    assert "Salamlama və açılış çıxışları." in az
    assert all(item.title_az and item.title_ru for item in meeting.agenda_items.all())
    assert all(remark.summary_az and remark.summary_ru for remark in meeting.remarks.all())
    assert priority.title_az == "Həssaslığı azaldan və dayanıqlığı təmin edən inklüziv artım"
    assert priority.title_ru and priority.title_en.startswith("Inclusive Growth")
    assert priority.title_az in get(client, "az", "frameworks:matrix")


@pytest.mark.parametrize(
    ("language", "roles", "english"),
    [
        (
            "az",
            [
                "BMT-nin Azərbaycandakı Rezident Əlaqələndiricisi",
                "BMqT-nin Azərbaycandakı nümayəndəliyinin rəhbəri",
                "Dövlət Miqrasiya Xidmətinin rəisi",
            ],
            "Chief of the State Migration Service",
        ),
        (
            "ru",
            [
                "Постоянный координатор ООН в Азербайджане",
                "Глава представительства МОМ в Азербайджане",
                "Начальник Государственной миграционной службы",
            ],
            "Chief of the State Migration Service",
        ),
    ],
)
def test_demo_may_31_speakers_roles_read_in_the_language(
    client, demo_network, language, roles, english
):
    content = get(client, language, "meetings:meeting-detail", slug=MAY_31_SLUG)

    assert all(role in content for role in roles)
    assert english not in content


def test_new_remark_takes_the_speakers_post_in_every_language():
    person = PersonFactory(position="Head of Unit", position_az="Şöbə müdiri", position_ru="")

    remark = RemarkFactory(speaker=person, speaker_role="")

    assert (remark.speaker_role_en, remark.speaker_role_az) == ("Head of Unit", "Şöbə müdiri")
    with translation.override("ru"):
        # No Russian post: the English one, the network's default language.
        assert Remark.objects.get(pk=remark.pk).speaker_role == "Head of Unit"


PAGES = [
    ("home", {}),
    ("meetings:meeting-list", {}),
    ("meetings:meeting-detail", {"slug": MAY_31_SLUG}),
    ("members:organisation-list", {}),
    ("frameworks:matrix", {}),
    ("frameworks:objective-detail", {"number": 1}),
    ("frameworks:coverage", {}),
    ("frameworks:activity-list", {}),
]


@pytest.mark.parametrize(("url_name", "kwargs"), PAGES)
def test_page_costs_no_more_queries_in_azerbaijani_or_russian(
    client, demo_network, django_assert_max_num_queries, url_name, kwargs
):
    get(client, "en", url_name, **kwargs)  # warm what is built once (sessions, caches)
    with CaptureQueriesContext(connection) as english:
        get(client, "en", url_name, **kwargs)

    for language in ("az", "ru"):
        with django_assert_max_num_queries(len(english.captured_queries)):
            get(client, language, url_name, **kwargs)
