"""
Random and hostile input thrown at the public forms and list filters (hypothesis): never a 500,
nothing unexpected written, nothing echoed unescaped.
"""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, event, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from frameworks.models import Activity
from meetings.models import RSVP, Meeting
from members.models import Organisation, Person
from tests.frameworks.factories import ActivityFactory, CooperationFrameworkFactory, objective
from tests.meetings.factories import ParticipationFactory
from tests.meetings.rsvp_factories import open_meeting
from unnm.models import OutgoingMail

pytestmark = pytest.mark.django_db

MARKERS = ["<script>x</script>", '"><img src=x onerror=alert(1)>']
HOSTILE = [
    *MARKERS,
    "'; DROP TABLE meetings_rsvp; --",
    "' OR '1'='1",
    "1 UNION SELECT password FROM auth_user",
    "\x00",
    "a\x00b",
    "\u202egnp.exe",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "%s%s%n",
    "../../../../etc/passwd",
    "²",
    "٣",
    "-1",
    "0",
    "1e309",
    "NaN",
    "2021-02-30",
    "31/12/99999",
    "9" * 40,
    "x" * 5000,
    " ",
    "\r\n\t",
    "true",
    "[]",
    "{}",
]
# Any text a browser could send (no lone surrogates, which no UTF-8 request can carry).
TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=300)
VALUE = st.one_of(
    st.sampled_from(HOSTILE),
    TEXT,
    st.integers().map(str),
    st.builds(lambda a, b: a + b, TEXT, st.sampled_from(HOSTILE)),
    st.booleans().map(str),
)
# A field sent once, several times (a "wrong type": a list where one value is expected) or not.
FIELD = st.one_of(VALUE, st.lists(VALUE, min_size=2, max_size=3))

EXAMPLES = hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def site(settings):
    """A little of everything the public lists filter, and a meeting whose RSVPs are open."""
    settings.RSVP_RATE_LIMIT = 10**9
    cache.clear()
    meeting = open_meeting(
        meeting_format=Meeting.Format.HYBRID,
        interpretation_languages="English, Azerbaijani, Russian",
    )
    meeting.gcm_objectives.add(objective(1))
    ParticipationFactory(meeting=meeting)
    CooperationFrameworkFactory()
    ActivityFactory(gcm_objectives=[objective(2)])
    yield meeting
    cache.clear()


def hostile_client():
    return Client(raise_request_exception=False)


def assert_safe(response):
    assert response.status_code < 500, response.status_code
    body = response.content.decode(errors="replace") if not response.streaming else ""
    for marker in MARKERS:
        assert marker not in body


def written():
    return (
        RSVP.objects.count(),
        OutgoingMail.objects.count(),
        Organisation.objects.count(),
        Person.objects.count(),
        Meeting.objects.count(),
        Activity.objects.count(),
    )


RSVP_FIELDS = [
    "name",
    "email",
    "organisation",
    "organisation_name",
    "position",
    "attendance_mode",
    "language",
    "needs",
    "consent_public_listing",
    "privacy_accepted",
    "website",
]


@EXAMPLES
@given(data=st.fixed_dictionaries({}, optional=dict.fromkeys(RSVP_FIELDS, FIELD)))
def test_rsvp_form_survives_hostile_input(site, data):
    url = reverse("meetings:rsvp-create", kwargs={"slug": site.slug})
    rsvps_before = RSVP.objects.count()

    response = hostile_client().post(url, data)

    assert_safe(response)
    added = RSVP.objects.count() - rsvps_before
    if response.status_code == 302:
        assert added <= 1
    else:
        assert response.status_code == 200
        assert added == 0


@EXAMPLES
@given(
    name=st.sampled_from(HOSTILE) | TEXT,
    email=st.emails(),
    needs=st.sampled_from(MARKERS) | TEXT,
    organisation=st.sampled_from(HOSTILE) | st.none(),
)
def test_rsvp_form_accepts_or_refuses_plausible_answers_cleanly(
    site, name, email, needs, organisation
):
    """Near-valid answers (a real email, consent given): either one RSVP or a clear refusal."""
    data = {
        "name": name,
        "email": email,
        "organisation_name": "Baku Migration Research Centre",
        "attendance_mode": "online",
        "needs": needs,
        "privacy_accepted": "on",
    }
    if organisation is not None:
        data["organisation"] = organisation
    url = reverse("meetings:rsvp-create", kwargs={"slug": site.slug})
    before = RSVP.objects.count()
    client = hostile_client()

    response = client.post(url, data)

    event(f"answer status {response.status_code}")  # --hypothesis-show-statistics
    assert_safe(response)
    if response.status_code == 302:
        assert RSVP.objects.count() - before <= 1
        rsvp = RSVP.objects.for_email(email).get(meeting=site)
        assert "\x00" not in rsvp.name + rsvp.needs
        thanks = client.get(response["Location"])
        assert thanks.status_code == 200
        assert_safe(thanks)
        assert_safe(client.get(rsvp.get_absolute_url()))
    else:
        assert RSVP.objects.count() == before
        assert "is-invalid" in response.content.decode() or "alert" in response.content.decode()


def filter_params(keys):
    return st.fixed_dictionaries({}, optional=dict.fromkeys(keys, FIELD))


LISTS = {
    "members:organisation-list": ["q", "kind", "role", "page"],
    "meetings:meeting-list": ["q", "year", "kind", "format", "organisation", "objective", "page"],
    "frameworks:activity-list": ["status", "lead", "objective", "priority", "synergy", "page"],
    "frameworks:activity-csv": ["status", "lead", "objective", "priority", "synergy"],
    "frameworks:matrix": ["framework"],
    "frameworks:coverage": ["framework"],
    "frameworks:mapping-csv": ["framework"],
}


@EXAMPLES
@given(
    url_name=st.sampled_from(sorted(LISTS)),
    params=st.sampled_from(sorted(LISTS)).flatmap(lambda name: filter_params(LISTS[name])),
)
def test_public_list_filters_survive_hostile_input(site, url_name, params):
    before = written()

    response = hostile_client().get(reverse(url_name), params)

    assert_safe(response)
    assert response.status_code in (200, 404)
    assert written() == before


API_LISTS = {
    "/api/v1/meetings": ["q", "year", "kind", "format", "organisation", "objective", "lang"],
    "/api/v1/organisations": ["q", "kind", "role", "lang"],
    "/api/v1/activities": ["status", "lead", "objective", "priority", "synergy", "lang"],
    "/api/v1/mapping-links": ["framework", "objective", "strength", "lang"],
    "/api/v1/frameworks": ["lang"],
    "/api/v1/gcm-objectives": ["lang"],
    "/en/meetings/feed.ics": ["kind"],
}


@EXAMPLES
@given(
    path=st.sampled_from(sorted(API_LISTS)),
    params=st.sampled_from(sorted(API_LISTS)).flatmap(
        lambda path: filter_params([*API_LISTS[path], "page", "page_size"])
    ),
)
def test_api_parameters_survive_hostile_input(site, path, params):
    """Every parameter of the open data API: 200, or 400 with a message; never a 500."""
    before = written()

    response = hostile_client().get(path, params)

    event(f"api status {response.status_code}")
    assert_safe(response)
    assert response.status_code in (200, 400, 404)
    if response.status_code == 400 and path.startswith("/api/"):
        assert response.json()["detail"].startswith("Invalid parameters")
    assert written() == before


@EXAMPLES
@given(
    # A plain number is a real identifier (a framework's), not a hostile one: on SQLite, whose
    # keys restart at 1 in every test, "/frameworks/1" is there.
    value=st.sampled_from(HOSTILE).filter(lambda t: not (t.isascii() and t.isdigit()))
    | TEXT.filter(
        lambda t: "/" not in t and t.strip() and not (t.strip().isascii() and t.strip().isdigit())
    )
)
def test_api_paths_survive_hostile_identifiers(site, value):
    for prefix in ("meetings", "organisations", "activities", "frameworks"):
        response = hostile_client().get(f"/api/v1/{prefix}/{_quote(value)}")

        assert_safe(response)
        assert response.status_code == 404


@EXAMPLES
@given(token=st.sampled_from(HOSTILE) | TEXT.filter(lambda t: "/" not in t and t.strip()))
def test_personal_links_survive_hostile_tokens(site, token):
    for name in ("meetings:rsvp-manage", "meetings:rsvp-invitation"):
        url = reverse(name, kwargs={"token": "x"})[: -len("x/")]
        response = hostile_client().get(url + _quote(token) + "/")

        assert_safe(response)
        assert response.status_code == 404


def _quote(token):
    from urllib.parse import quote

    return quote(token, safe="")


@pytest.mark.parametrize(
    "url",
    [
        "/en/frameworks/?framework=%C2%B2",
        "/en/frameworks/coverage/?framework=%C2%B2",
        "/en/frameworks/mapping.csv?framework=%C2%B2",
        "/en/meetings/rsvp/%C2%B2:abc/",
        "/en/meetings/invitation/%C2%B2:abc/",
        "/en/meetings/?q=%00",
        "/en/meetings/?page=%00",
        "/en/members/?q=%00",
        "/en/frameworks/work-plan/?lead=%00",
    ],
)
def test_known_hostile_queries_are_not_server_errors(site, url):
    """Regressions found by the tests above ("²" passes str.isdigit() but not int())."""
    response = hostile_client().get(url)

    assert response.status_code in (200, 404)


def test_admin_year_filter_ignores_a_non_year(admin_client, site):
    for year in ("²", "99999", "\x00"):
        response = admin_client.get(reverse("admin:meetings_meeting_changelist"), {"year": year})

        assert response.status_code in (200, 302)
