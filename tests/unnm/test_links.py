import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import reverse

from meetings.models import RSVP, Document, Meeting
from members.models import Organisation
from tests.meetings.factories import DocumentFactory
from tests.meetings.rsvp_factories import RSVPFactory, open_meeting
from tests.members.factories import OrganisationFactory
from unnm.templatetags.web_links import web_url

HOSTILE_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://files.example.org/",
]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [value for name, value in attrs if name == "href"]


def hrefs(response):
    parser = Links()
    parser.feed(response.content.decode())
    return parser.hrefs


def followable(href):
    """What a browser follows from the href: a web or mail address, or a path on this site."""
    scheme = urlsplit(href).scheme.lower()
    site = not scheme and href.startswith(("/", "?", "#"))
    return site or scheme in {"http", "https", "mailto"}


@pytest.mark.parametrize(
    "url",
    [
        "https://www.iom.int/",
        "http://example.org/a?b=c#d",
        "mailto:secretariat@example.org",
        "/meetings/documents/3/",
    ],
)
def test_web_url_keeps_web_and_mail_addresses_and_site_paths(url):
    assert web_url(url) == url


@pytest.mark.parametrize("url", [*HOSTILE_URLS, "", None, "//evil.example", "www.iom.int", "[::1"])
def test_web_url_refuses_every_other_address(url):
    assert web_url(url) == ""


@pytest.mark.django_db
@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_organisation_website_loaded_without_validation_is_no_link(client, url):
    organisation = OrganisationFactory(name="UNICEF Azerbaijan")
    Organisation.objects.filter(pk=organisation.pk).update(website=url)

    page = client.get(organisation.get_absolute_url())
    directory = client.get(reverse("members:organisation-list"))

    assert page.status_code == directory.status_code == 200
    assert "UNICEF Azerbaijan" in directory.content.decode()
    for response in (page, directory):
        assert all(followable(href) for href in hrefs(response)), hrefs(response)
    assert "Website" not in page.content.decode()


@pytest.mark.django_db
def test_organisation_website_over_https_is_a_link(client):
    organisation = OrganisationFactory(website="https://www.unicef.org/azerbaijan/")

    page = client.get(organisation.get_absolute_url())

    assert "https://www.unicef.org/azerbaijan/" in hrefs(page)


@pytest.mark.django_db
@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_document_link_loaded_without_validation_is_no_link(client, url):
    document = DocumentFactory(title="Concept note")
    Document.objects.filter(pk=document.pk).update(external_url=url)

    page = client.get(document.meeting.get_absolute_url())

    assert page.status_code == 200
    assert "Concept note" in page.content.decode()  # still listed, as text
    assert all(followable(href) for href in hrefs(page)), hrefs(page)


@pytest.mark.django_db
def test_online_link_loaded_without_validation_is_no_link(client):
    meeting = open_meeting(meeting_format=Meeting.Format.ONLINE)
    Meeting.objects.filter(pk=meeting.pk).update(online_link="javascript:alert(1)")
    rsvp = RSVPFactory(meeting=meeting, attendance_mode=RSVP.Mode.ONLINE)

    page = client.get(reverse("meetings:rsvp-manage", kwargs={"token": rsvp.token}))

    assert page.status_code == 200
    assert all(followable(href) for href in hrefs(page)), hrefs(page)


# An href from a variable is an address the code reversed (get_absolute_url, a name bound by
# {% url ... as name %}, a matrix cell's reversed URL) or an address that went through |web_url.
HREF_FROM_VARIABLE = re.compile(r'href="\{\{\s*([^}]*?)\s*\}\}')
BOUND_BY_URL_TAG = re.compile(r"\{%\s*url\b[^%]*\bas\s+(\w+)\s*%\}")
BOUND_BY_WEB_URL = re.compile(r"(\w+)=[\w.]+\|web_url\b")
REVERSED_IN_VIEWS = {
    "cell.url",  # frameworks.views.MatrixView: reverse() of a matrix cell
    "objective.url",  # the same, of an objective's page
    # meetings.record.Record: reverse() of an organisation's, an activity's page (the rows drawn in
    # meetings/rows.py link only such addresses too)
    "record.organiser.url",
    "activity.url",
    # unnm.templatetags.languages: the page's own resolver match, reversed in each language
    "language.url",
    "language.path",
    "alternates.default_url",
}


def test_every_href_from_data_in_the_templates_goes_through_web_url():
    unchecked = []
    for template in sorted(Path(settings.BASE_DIR, "templates").rglob("*.html")):
        text = template.read_text()
        checked = (
            set(BOUND_BY_URL_TAG.findall(text))
            | set(BOUND_BY_WEB_URL.findall(text))
            | REVERSED_IN_VIEWS
        )
        for expression in HREF_FROM_VARIABLE.findall(text):
            if not (
                expression in checked
                or expression.endswith(".get_absolute_url")
                or expression.endswith("|web_url")
            ):
                unchecked.append(f"{template.name}: {expression}")

    assert unchecked == []
