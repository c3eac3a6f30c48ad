"""Security headers on every rendered page, and a Content Security Policy the pages keep to."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.members.factories import OrganisationFactory, PersonFactory
from tests.unnm.production import BASE_DIR

pytestmark = pytest.mark.django_db


def parse_policy(header):
    directives = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in directives}


class InlineCode(HTMLParser):
    """The script and style elements of a page, and any inline style or event attributes."""

    def __init__(self):
        super().__init__()
        self.elements = []
        self.inline_attributes = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in {"script", "style"}:
            self.elements.append((tag, attributes))
        self.inline_attributes += [
            (tag, name) for name in attributes if name == "style" or name.startswith("on")
        ]


def inline_code(response):
    parser = InlineCode()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def public_pages(client):
    organisation = OrganisationFactory(name="State Migration Service")
    PersonFactory(organisation=organisation, consent_public_listing=True)
    urls = [
        reverse("home"),
        reverse("members:organisation-list"),
        organisation.get_absolute_url(),
        reverse("privacy"),
    ]
    return [client.get(url) for url in urls]


def test_public_pages_send_the_content_security_policy(public_pages):
    for response in public_pages:
        policy = parse_policy(response["Content-Security-Policy"])

        assert response.status_code == 200
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"][0] == "'self'"
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["form-action"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"]


def test_content_security_policy_allows_no_inline_code_and_no_other_origin(public_pages):
    header = public_pages[0]["Content-Security-Policy"]

    assert "unsafe-inline" not in header and "unsafe-eval" not in header
    assert not re.search(r"https?:|\*", header)


def test_public_pages_send_the_other_security_headers(public_pages):
    for response in public_pages:
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


def test_secure_requests_get_strict_transport_security(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True

    response = client.get(reverse("home"), secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_public_pages_have_no_inline_code_without_the_nonce(public_pages):
    for response in public_pages:
        policy = parse_policy(response["Content-Security-Policy"])
        code = inline_code(response)

        assert code.inline_attributes == []
        for tag, attributes in code.elements:
            if tag == "script" and "src" in attributes:
                continue
            assert f"'nonce-{attributes.get('nonce')}'" in policy[f"{tag}-src"]


def test_templates_have_no_inline_code_without_the_nonce():
    offenders = []
    for template in (BASE_DIR / "templates").rglob("*.html"):
        source = template.read_text()
        for tag in re.findall(r"<(?:script|style)\b[^>]*>", source):
            if "src=" not in tag and "csp_nonce" not in tag and "nonce=" not in tag:
                offenders.append((template.name, tag))
        offenders += [
            (template.name, attribute) for attribute in re.findall(r"\s(?:style|on[a-z]+)=", source)
        ]

    assert offenders == []


def test_admin_pages_render_under_the_policy_with_nonced_inline_code(admin_client):
    person = PersonFactory()
    urls = [
        reverse("admin:index"),
        reverse("admin:members_person_add"),
        reverse("admin:members_person_change", args=[person.pk]),
        reverse("admin:members_organisation_changelist"),
    ]

    for url in urls:
        response = admin_client.get(url)
        policy = parse_policy(response["Content-Security-Policy"])

        assert response.status_code == 200
        for tag, attributes in inline_code(response).elements:
            if tag == "script" and (
                "src" in attributes or attributes.get("type") == "application/json"
            ):
                continue
            assert f"'nonce-{attributes.get('nonce')}'" in policy[f"{tag}-src"], (url, attributes)
