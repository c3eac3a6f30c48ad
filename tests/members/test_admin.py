import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from members.models import Organisation, Person
from tests.members.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def png_bytes(size=(40, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#0b6fb3").save(buffer, format="PNG")
    return buffer.getvalue()


def organisation_form(**overrides):
    data = {
        "name_en": "Norwegian Refugee Council",
        "acronym": "NRC",
        "slug": "nrc",
        "kind": "ngo",
        "country": "",
        "role": "member",
        "description_en": "",
        "website": "",
        "member_since": "",
        "is_active": "on",
        "people-TOTAL_FORMS": "0",
        "people-INITIAL_FORMS": "0",
        "people-MIN_NUM_FORMS": "0",
        "people-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:members_organisation_changelist",
        "admin:members_organisation_add",
        "admin:members_person_changelist",
        "admin:members_person_add",
    ],
)
def test_admin_pages_load(admin_client, url_name):
    OrganisationFactory(name="IOM Azerbaijan")
    PersonFactory(name="Leyla Mammadova")

    response = admin_client.get(reverse(url_name))

    assert response.status_code == 200


def test_admin_change_pages_load(admin_client):
    person = PersonFactory(name="Leyla Mammadova")

    organisation_page = admin_client.get(
        reverse("admin:members_organisation_change", args=[person.organisation.pk])
    )
    person_page = admin_client.get(reverse("admin:members_person_change", args=[person.pk]))

    assert "Leyla Mammadova" in organisation_page.content.decode()  # people inline
    assert person_page.status_code == 200


def test_admin_changelist_searches_and_filters(admin_client):
    OrganisationFactory(name="State Migration Service", kind="government")
    OrganisationFactory(name="UNICEF", kind="un_agency", description="Children")
    url = reverse("admin:members_organisation_changelist")

    searched = admin_client.get(url, {"q": "migration"})
    filtered = admin_client.get(url, {"kind__exact": "un_agency"})

    assert list(searched.context["cl"].queryset.values_list("name", flat=True)) == [
        "State Migration Service"
    ]
    assert list(filtered.context["cl"].queryset.values_list("name", flat=True)) == ["UNICEF"]


def test_admin_person_autocomplete_finds_organisation(admin_client):
    OrganisationFactory(name="State Migration Service", acronym="SMS")

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "SMS",
            "app_label": "members",
            "model_name": "person",
            "field_name": "organisation",
        },
    )

    assert [r["text"] for r in response.json()["results"]] == ["State Migration Service (SMS)"]


def test_admin_creates_organisation_with_logo(admin_client):
    logo = SimpleUploadedFile("nrc.png", png_bytes(), content_type="image/png")

    response = admin_client.post(
        reverse("admin:members_organisation_add"), organisation_form(logo=logo)
    )

    assert response.status_code == 302
    organisation = Organisation.objects.get(acronym="NRC")
    assert organisation.logo.name.startswith("logos/nrc")
    assert organisation.logo.storage.exists(organisation.logo.name)


def test_admin_refuses_file_that_is_not_an_image(admin_client):
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")

    response = admin_client.post(
        reverse("admin:members_organisation_add"), organisation_form(logo=fake)
    )

    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode()
    assert not Organisation.objects.exists()


def test_admin_refuses_svg_logo(admin_client):
    svg = SimpleUploadedFile("logo.svg", b"<svg></svg>", content_type="image/svg+xml")

    response = admin_client.post(
        reverse("admin:members_organisation_add"), organisation_form(logo=svg)
    )

    assert response.status_code == 200
    assert not Organisation.objects.exists()


def test_admin_refuses_logo_over_two_megabytes(admin_client, settings):
    big = png_bytes() + b"\0" * (2 * 1024 * 1024)
    logo = SimpleUploadedFile("big.png", big, content_type="image/png")

    response = admin_client.post(
        reverse("admin:members_organisation_add"), organisation_form(logo=logo)
    )

    assert response.status_code == 200
    assert "the largest allowed is 2.0\xa0MB" in response.content.decode()
    assert not Organisation.objects.exists()


def test_admin_refuses_empty_name_and_duplicate(admin_client):
    OrganisationFactory(name="Norwegian Refugee Council", slug="existing")

    empty = admin_client.post(
        reverse("admin:members_organisation_add"), organisation_form(name_en="")
    )
    duplicate = admin_client.post(reverse("admin:members_organisation_add"), organisation_form())

    assert "This field is required" in empty.content.decode()
    assert "already exists" in duplicate.content.decode()
    assert Organisation.objects.count() == 1


def test_admin_refuses_bad_email_for_person(admin_client):
    organisation = OrganisationFactory()

    response = admin_client.post(
        reverse("admin:members_person_add"),
        {
            "name": "Someone",
            "organisation": organisation.pk,
            "email": "not-an-email",
            "positions-TOTAL_FORMS": "0",
            "positions-INITIAL_FORMS": "0",
            "positions-MIN_NUM_FORMS": "0",
            "positions-MAX_NUM_FORMS": "1000",
        },
    )

    assert "Enter a valid email address" in response.content.decode()
    assert not Person.objects.exists()
