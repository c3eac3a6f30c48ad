"""The open data API (/api/v1/): public data only, filters as on the pages, conditional GET."""

import pytest
from django.core.cache import caches
from django.utils.http import http_date

from frameworks.models import Activity
from meetings.models import Meeting
from tests.frameworks.factories import (
    ActivityFactory,
    ProgressUpdateFactory,
    StrategicPriorityFactory,
    objective,
)
from tests.meetings.factories import (
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    ParticipationFactory,
    RemarkFactory,
)
from tests.members.factories import OrganisationFactory, PersonFactory
from tests.unnm.conftest import SECRETS

pytestmark = pytest.mark.django_db

API = "/api/v1"


def get(client, path, **params):
    response = client.get(f"{API}{path}", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(page):
    return [item["title"] for item in page["results"]]


# Meetings


def test_meetings_lists_public_meetings_only_latest_first(client, network):
    page = get(client, "/meetings")

    assert titles(page) == [
        "Workshop on return and reintegration",
        "Quarterly coordination meeting",
        "Meeting of another year",
    ]
    assert page["count"] == 3


def test_meeting_has_agenda_remarks_participation_and_public_documents(client, network):
    meeting = get(client, f"/meetings/{network['coordination'].slug}")

    (item,) = meeting["agenda"]
    speakers = [remark["speaker"] for remark in item["remarks"]]
    assert speakers[0]["name"] == "Consenting Speaker"
    # The speaker who did not consent: their organisation only, no name, no role.
    assert speakers[1] == {
        "name": None,
        "role": None,
        "organisation": {
            "slug": "sms-state-migration-service",
            "name": "State Migration Service",
            "acronym": "SMS",
            "kind": "government",
        },
    }
    assert [remark["summary"] for remark in item["remarks"]] == [
        "Presented the work plan.",
        "Spoke on labour migration.",
        "",  # planned: its notes are not published
    ]
    participation = meeting["participation"]
    assert participation["organisation_count"] == 3
    assert participation["representative_count"] == 6
    assert [group["kind"] for group in participation["by_kind"]] == [
        "un_agency",
        "government",
        "ngo",
    ]
    assert [document["title"] for document in meeting["documents"]] == ["Public concept note"]
    assert meeting["gcm_objectives"] == [1, 23]
    assert meeting["unsdcf_priorities"] == []
    assert meeting["activities"] == ["labour-migration-assessment"]


def test_meeting_names_its_unsdcf_priorities_by_their_id_in_frameworks(client, network):
    meeting = Meeting.objects.get(title="Quarterly coordination meeting")
    second, first = StrategicPriorityFactory(number=2), StrategicPriorityFactory(number=1)
    meeting.priorities.add(second, first)

    listed = next(m for m in get(client, "/meetings")["results"] if m["slug"] == meeting.slug)
    one = get(client, f"/meetings/{meeting.slug}")

    assert listed["unsdcf_priorities"] == one["unsdcf_priorities"]
    assert sorted(one["unsdcf_priorities"]) == sorted([first.pk, second.pk])


@pytest.mark.parametrize("title", ["Secret draft meeting", "Closed members briefing"])
def test_draft_or_members_only_meeting_is_not_found(client, network, title):
    meeting = Meeting.objects.get(title=title)

    response = client.get(f"{API}/meetings/{meeting.slug}")

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "workshop"}, ["Workshop on return and reintegration"]),
        ({"format": "online", "year": "2025"}, ["Quarterly coordination meeting"]),
        ({"q": "reintegration"}, ["Workshop on return and reintegration"]),
        ({"objective": "23"}, ["Quarterly coordination meeting"]),
        (
            {"organisation": "bmrc-baku-migrants-rights-centre"},
            ["Workshop on return and reintegration", "Quarterly coordination meeting"],
        ),
    ],
)
def test_meeting_filters_mirror_the_list_page(client, network, params, expected):
    assert titles(get(client, "/meetings", **params)) == expected


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "party"},
        {"year": "1066"},
        {"objective": "24"},
        {"objective": "²"},
        {"organisation": "no-such-member"},
        {"q": "a\x00b"},
        {"page": "0"},
        {"page": "9" * 40},
        {"page_size": "1000"},
    ],
)
def test_meetings_refuse_a_bad_parameter_with_400_and_a_message(client, network, params):
    response = client.get(f"{API}/meetings", params)

    assert response.status_code == 400
    assert "Invalid parameters" in response.json()["detail"]


def test_pages_link_to_each_other(client, network):
    first = get(client, "/meetings", page_size="2")
    second = client.get(first["next"]).json()

    assert first["pages"] == 2
    assert first["previous"] is None
    assert titles(second) == ["Meeting of another year"]
    assert second["next"] is None
    assert "page=1" in second["previous"]


# Organisations, reference data, frameworks, work plan


def test_json_carries_no_markup_and_parses_back_to_the_text(client):
    """<, > and & travel as \\u escapes: a page that embeds the JSON cannot be broken out of."""
    hostile = "</script><b>Tom & Jerry</b>"
    OrganisationFactory(name=hostile, acronym="")

    response = client.get(f"{API}/organisations", {"q": "Jerry"})

    body = response.content.decode()
    assert not {"<", ">", "&"} & set(body)
    assert "\\u003C/script\\u003E\\u003Cb\\u003ETom \\u0026 Jerry" in body
    assert [o["name"] for o in response.json()["results"]] == [hostile]


def test_organisations_are_active_members_with_public_fields_only(client, network):
    page = get(client, "/organisations")

    results = page["results"]
    acronyms = [item["acronym"] for item in results]
    assert {"IOM", "SMS", "BMRC"} <= set(acronyms)
    assert "FMF" not in acronyms  # no longer a member
    assert [(o["kind"], o["name"]) for o in results] == sorted(
        (o["kind"], o["name"]) for o in results
    )
    iom = results[acronyms.index("IOM")]
    assert iom["focal_points"] == [{"name": "Consenting Speaker", "position": "Programme Officer"}]
    assert not {"email", "phone"} & set(iom)
    assert get(client, "/organisations", kind="ngo")["count"] == 1
    assert client.get(f"{API}/organisations", {"kind": "<script>"}).status_code == 400


def test_reference_data(client, network):
    objectives = get(client, "/gcm-objectives")
    principles = get(client, "/guiding-principles")
    targets = get(client, "/sdg-targets")

    assert [o["number"] for o in objectives] == list(range(1, 24))
    assert objectives[0]["url"].endswith("/frameworks/objectives/1/")
    assert len(principles) == 10
    assert "10.7" in [target["code"] for target in targets]


def test_framework_has_priorities_outcomes_outputs(client, network):
    (framework,) = get(client, "/frameworks")

    assert framework["is_current"] is True
    (priority,) = framework["priorities"]
    (outcome,) = priority["outcomes"]
    assert outcome["number"] == "1.1"
    assert outcome["statement"] is None  # a placeholder is never given as official wording
    assert [output["number"] for output in outcome["outputs"]] == ["1.1.1"]
    assert get(client, f"/frameworks/{framework['id']}")["id"] == framework["id"]


def test_mapping_links_with_strength_and_rationale(client, network):
    page = get(client, "/mapping-links")

    links = sorted(page["results"], key=lambda link: link["objective"])
    assert [(link["objective"], link["strength"], link["rationale"]) for link in links] == [
        (6, "direct", "Fair recruitment."),
        (18, "contributing", "Skills recognition."),
    ]
    assert [(link["outcome"], link["output"]) for link in links] == [
        ("1.1", None),
        ("1.1", "1.1.1"),
    ]
    assert get(client, "/mapping-links", objective="18")["count"] == 1
    assert client.get(f"{API}/mapping-links", {"framework": "99999"}).status_code == 404
    assert client.get(f"{API}/mapping-links", {"strength": "weak"}).status_code == 400


def test_activities_published_only_with_progress_and_filters(client, network):
    page = get(client, "/activities")

    assert titles(page) == ["Labour migration assessment", "Reintegration services map"]
    assessment = page["results"][0]
    assert [update["text"] for update in assessment["progress"]] == ["Survey done.", "Planned."]
    assert assessment["is_synergy"] is True
    assert assessment["budget"] == "50000.00"
    assert titles(get(client, "/activities", synergy="yes")) == ["Labour migration assessment"]
    assert titles(get(client, "/activities", objective="21")) == ["Reintegration services map"]
    assert titles(get(client, "/activities", status="planned")) == ["Reintegration services map"]
    hidden = Activity.objects.get(title="Unpublished activity")
    assert client.get(f"{API}/activities/{hidden.slug}").status_code == 404


# Privacy


def walk(client):
    """Every endpoint of the OpenAPI description, each detail filled from its list."""
    schema = get(client, "/openapi.json")
    bodies = {}
    fill = {
        "/api/v1/meetings/{slug}": [m["slug"] for m in get(client, "/meetings")["results"]],
        "/api/v1/organisations/{slug}": [
            o["slug"] for o in get(client, "/organisations")["results"]
        ],
        "/api/v1/activities/{slug}": [a["slug"] for a in get(client, "/activities")["results"]],
        "/api/v1/frameworks/{framework_id}": [str(f["id"]) for f in get(client, "/frameworks")],
    }
    for path in schema["paths"]:
        values = fill.get(path, [None])
        for value in values:
            url = path if value is None else path[: path.index("{")] + value
            response = client.get(url)
            assert response.status_code == 200, url
            bodies[url] = response.content.decode()
    return bodies


def test_privacy_sweep_of_every_endpoint(client, network):
    bodies = walk(client)

    assert len(bodies) >= 12 + 3 + 3 + 2  # lists, and each public record's detail
    for url, body in bodies.items():
        for secret in SECRETS:
            assert secret not in body, (secret, url)
        assert "@example.org" not in body, url
        assert "+994" not in body, url


# Conditional GET and the page cache


def test_etag_gives_304_until_the_data_changes(client, network):
    first = client.get(f"{API}/meetings")
    etag = first["ETag"]

    unchanged = client.get(f"{API}/meetings", HTTP_IF_NONE_MATCH=etag)
    network["workshop"].title = "Workshop on reintegration"
    network["workshop"].save()
    changed = client.get(f"{API}/meetings", HTTP_IF_NONE_MATCH=etag)

    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_last_modified_gives_304_to_if_modified_since(client, network):
    first = client.get(f"{API}/activities")
    since = first["Last-Modified"]

    unchanged = client.get(f"{API}/activities", HTTP_IF_MODIFIED_SINCE=since)
    earlier = client.get(f"{API}/activities", HTTP_IF_MODIFIED_SINCE=http_date(0))

    assert unchanged.status_code == 304
    assert earlier.status_code == 200


@pytest.fixture
def page_cache(settings):
    settings.UNNM_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def test_api_responses_are_stored_per_query_and_keep_their_validators(client, network, page_cache):
    miss = client.get(f"{API}/meetings", {"kind": "workshop"})
    hit = client.get(f"{API}/meetings", {"kind": "workshop"})
    other = client.get(f"{API}/meetings", {"kind": "coordination"})
    revalidated = client.get(
        f"{API}/meetings", {"kind": "workshop"}, HTTP_IF_NONE_MATCH=miss["ETag"]
    )

    assert (miss["X-Page-Cache"], hit["X-Page-Cache"], other["X-Page-Cache"]) == (
        "miss",
        "hit",
        "miss",
    )
    assert hit.content == miss.content
    assert hit["ETag"] == miss["ETag"]
    assert hit["Last-Modified"] == miss["Last-Modified"]
    assert "Workshop on return and reintegration" not in titles(other.json())
    assert revalidated.status_code == 304


# Documentation


def test_openapi_description_and_docs_page_without_cdn(client, network):
    schema = get(client, "/openapi.json")
    docs = client.get(f"{API}/docs/")

    assert "/api/v1/meetings" in schema["paths"]
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert "https://" not in html


# Query counts: the same for 2 records or 12.

LISTS = [
    "/meetings",
    "/organisations",
    "/activities",
    "/mapping-links",
    "/frameworks",
    "/gcm-objectives",
    "/guiding-principles",
    "/sdg-targets",
]


def grow(network):
    framework = network["framework"]
    outcome = framework.priorities.get().outcomes.get()
    for n in range(6):
        organisation = OrganisationFactory()
        meeting = MeetingFactory(organiser=organisation)
        meeting.gcm_objectives.add(objective(n + 1))
        meeting.priorities.add(framework.priorities.get())
        item = AgendaItemFactory(meeting=meeting)
        RemarkFactory(agenda_item=item, speaker=PersonFactory(organisation=organisation))
        ParticipationFactory(meeting=meeting, organisation=organisation)
        DocumentFactory(meeting=meeting)
        activity = ActivityFactory(
            lead=organisation,
            partners=[organisation],
            gcm_objectives=[objective(n + 1)],
            outcomes=[outcome],
        )
        activity.meetings.add(meeting)
        ProgressUpdateFactory(activity=activity)
        PersonFactory(organisation=organisation, consent_public_listing=True)
        outcome.objective_links.create(objective=objective(n + 10), rationale="More.")


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        ("/meetings", 10),  # the kinds present, GCM objectives and priorities in their own query
        ("/organisations", 5),  # focal points and their dated posts
        ("/activities", 10),
        ("/mapping-links", 4),
        ("/frameworks", 7),
        ("/gcm-objectives", 2),
        ("/guiding-principles", 2),
        ("/sdg-targets", 2),
    ],
)
def test_list_query_count_is_pinned_and_constant(
    client, network, path, queries, django_assert_num_queries
):
    with django_assert_num_queries(queries):
        client.get(f"{API}{path}")
    grow(network)

    with django_assert_num_queries(queries):
        response = client.get(f"{API}{path}")

    assert response.status_code == 200
