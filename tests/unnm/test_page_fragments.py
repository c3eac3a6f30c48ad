"""
A meeting's programme (everything its page shows but its answers) is stored apart from the page
(unnm.pagecache.Fragment, `{% stored %}`), at the content versions: an RSVP makes the page stale
and the next visitor's render reads the meeting and its answers only, around the stored programme;
an edit of what the programme shows renders it anew. On both shared cache backends.
"""

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.template import Context, Template
from django.test import Client
from django.test.utils import CaptureQueriesContext

from meetings.models import RSVP, AgendaItem
from members.models import Organisation
from tests.meetings.factories import (
    ActionPointFactory,
    AgendaItemFactory,
    ParticipationFactory,
    RemarkFactory,
)
from tests.meetings.rsvp_factories import RSVPFactory, open_meeting
from tests.members.factories import OrganisationFactory, PersonFactory
from unnm.pagecache import Fragment

pytestmark = pytest.mark.django_db

# A render around a stored programme reads the meeting with its settings, its answers' count
# and the participants named, in one query; the rest (the database cache's) are the page cache's.
ANSWERS_ONLY_QUERIES = 1


def data_queries(queries):
    return [
        q["sql"]
        for q in queries.captured_queries
        if '"unnm_cache"' not in q["sql"] and "SAVEPOINT" not in q["sql"]
    ]


@pytest.fixture
def meeting(settings, cache_backend):
    settings.UNNM_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    meeting = open_meeting(capacity=20, meeting_title="Meeting on labour migration")
    item = AgendaItemFactory(meeting=meeting, order=1, title="Labour migration pathways")
    RemarkFactory(agenda_item=item, speaker=PersonFactory(consent_public_listing=True))
    agency = OrganisationFactory(name="Migration Research Agency")
    ParticipationFactory(meeting=meeting, organisation=agency)
    ActionPointFactory(meeting=meeting, text="Share the draft work plan")
    RSVPFactory(meeting=meeting, name="Named Participant", consent_public_listing=True)
    yield meeting
    caches["pages"].clear()


def answer_from(meeting, **fields):
    """An answer naming its organisation in words, as the form takes it: no member is written."""
    return RSVPFactory(
        meeting=meeting, organisation=None, organisation_name="Baku Centre", **fields
    )


def commit(write, capture):
    with capture(execute=True), transaction.atomic():
        write()


def test_rsvp_renders_the_answers_around_the_stored_programme(
    meeting, django_capture_on_commit_callbacks
):
    client = Client()
    first = client.get(meeting.get_absolute_url()).content.decode()

    commit(
        lambda: answer_from(meeting, name="Leyla Mammadova", consent_public_listing=True),
        django_capture_on_commit_callbacks,
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(meeting.get_absolute_url())

    assert response["X-Page-Cache"] == "miss"
    assert len(data_queries(queries)) == ANSWERS_ONLY_QUERIES, data_queries(queries)
    page = response.content.decode()
    assert "Leyla Mammadova" in page and "2 confirmed" in page
    assert "1 confirmed" in first and "Leyla Mammadova" not in first
    for shown in ("Labour migration pathways", "Migration Research Agency", "Share the draft"):
        assert shown in page


def test_stored_programme_is_the_page_rendered_whole(
    meeting, settings, django_capture_on_commit_callbacks
):
    client = Client()
    client.get(meeting.get_absolute_url())
    commit(
        lambda: answer_from(meeting, status=RSVP.Status.WAITLISTED),
        django_capture_on_commit_callbacks,
    )
    around_stored = client.get(meeting.get_absolute_url())
    settings.UNNM_PAGE_CACHE_SECONDS = 0

    whole = client.get(meeting.get_absolute_url())

    assert around_stored["X-Page-Cache"] == "miss" and "X-Page-Cache" not in whole
    assert around_stored.content == whole.content


def retitle_agenda_item(meeting):
    item = AgendaItem.objects.get(meeting=meeting)
    item.title = "Safe pathways for labour migration"
    item.save()


def rename_member(meeting):
    agency = Organisation.objects.get(name="Migration Research Agency")
    agency.name = "Migration Studies Agency"
    agency.save()


@pytest.mark.parametrize(
    "edit, new, old",
    [
        (retitle_agenda_item, "Safe pathways for labour migration", "Labour migration pathways"),
        (rename_member, "Migration Studies Agency", "Migration Research Agency"),
    ],
)
def test_edit_of_what_it_shows_renders_the_programme_anew(
    meeting, edit, new, old, django_capture_on_commit_callbacks
):
    client = Client()
    client.get(meeting.get_absolute_url())

    commit(lambda: edit(meeting), django_capture_on_commit_callbacks)
    page = client.get(meeting.get_absolute_url()).content.decode()

    assert new in page
    assert old not in page


def test_printable_summary_is_whole_beside_a_stored_programme(meeting):
    client = Client()
    client.get(meeting.get_absolute_url())
    assert len(stored_fragments()) == 1

    summary = client.get(f"{meeting.get_absolute_url()}print/").content.decode()

    assert "Labour migration pathways" in summary and "Share the draft work plan" in summary


def test_programme_is_stored_per_language(meeting):
    client = Client()
    english = client.get(meeting.get_absolute_url()).content.decode()
    azerbaijani = client.get(f"/az{meeting.get_absolute_url()[3:]}").content.decode()

    assert '<h2 class="section-title mt-0" id="agenda">Agenda</h2>' in english
    assert '<h2 class="section-title mt-0" id="agenda">Gündəlik</h2>' in azerbaijani


def stored_fragments():
    return [key for key in caches["pages"]._cache if "unnm:fragment:" in key]


def test_signed_in_visitor_neither_stores_nor_reads_the_programme(meeting, admin_client):
    admin_client.get(meeting.get_absolute_url())
    assert stored_fragments() == []
    Client().get(meeting.get_absolute_url())  # stored for anonymous visitors
    assert len(stored_fragments()) == 1
    AgendaItem.objects.filter(meeting=meeting).update(title="Edited without a signal")

    page = admin_client.get(meeting.get_absolute_url()).content.decode()

    assert "Edited without a signal" in page


def test_stored_tag_renders_live_sections_on_every_request(cache_backend, settings):
    settings.UNNM_PAGE_CACHE_SECONDS = 300
    template = Template(
        "{% load page_fragments %}{% stored fragment %}<p>{{ programme }}</p>"
        "{% live %}<b>{{ answers }}</b>{% endlive %}<p>end {{ programme }}</p>{% endstored %}"
    )
    fragment = Fragment("unnm:fragment:test")

    first = template.render(Context({"fragment": fragment, "programme": "A", "answers": 1}))
    again = Fragment("unnm:fragment:test", caches["default"].get("unnm:fragment:test"))
    second = template.render(Context({"fragment": again, "programme": "B", "answers": 2}))
    never = template.render(Context({"fragment": Fragment(None), "programme": "C", "answers": 3}))

    assert first == "<p>A</p><b>1</b><p>end A</p>"
    assert second == "<p>A</p><b>2</b><p>end A</p>"
    assert never == "<p>C</p><b>3</b><p>end C</p>"
    assert caches["default"].get("unnm:fragment:test") == ["<p>A</p>", "<p>end A</p>"]


def test_fragment_that_became_personal_is_not_stored(cache_backend, settings, rf):
    """A CSRF token rendered inside the stored parts would be one visitor's: nothing is stored."""
    settings.UNNM_PAGE_CACHE_SECONDS = 300
    request = rf.get("/en/meetings/some-meeting/")
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    template = Template("{% load page_fragments %}{% stored fragment %}<p>A</p>{% endstored %}")

    page = template.render(Context({"fragment": Fragment("unnm:fragment:mine", request=request)}))

    assert page == "<p>A</p>"
    assert caches["default"].get("unnm:fragment:mine") is None
