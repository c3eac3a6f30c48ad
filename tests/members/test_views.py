from datetime import date

import pytest
from django.urls import reverse

from members.models import Organisation
from tests.members.factories import OrganisationFactory, PersonFactory, PositionFactory

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("members:organisation-list")


def test_directory_groups_members_by_kind(client):
    OrganisationFactory(name="UN Children's Fund", kind=Organisation.Kind.UN_AGENCY)
    OrganisationFactory(name="Baku State University", kind=Organisation.Kind.ACADEMIA)

    response = client.get(DIRECTORY)

    content = response.content.decode()
    assert response.status_code == 200
    assert "UN agency" in content and "Academia" in content
    assert content.index("UN Children&#x27;s Fund") > content.index("UN agency")
    assert content.index("Baku State University") > content.index("Academia")


def test_directory_filters_by_kind(client):
    OrganisationFactory(name="UN Children's Fund", kind=Organisation.Kind.UN_AGENCY)
    OrganisationFactory(name="Baku State University", kind=Organisation.Kind.ACADEMIA)

    response = client.get(DIRECTORY, {"kind": "academia"})

    assert [o.name for o in response.context["organisations"]] == ["Baku State University"]
    assert "Children" not in response.content.decode()


def test_directory_filters_by_role(client):
    OrganisationFactory(name="IOM", role=Organisation.Role.COORDINATOR)
    OrganisationFactory(name="UNFPA", role=Organisation.Role.OBSERVER)

    response = client.get(DIRECTORY, {"role": "coordinator"})

    assert [o.name for o in response.context["organisations"]] == ["IOM"]


def test_directory_searches_name_acronym_and_description(client):
    OrganisationFactory(name="State Migration Service", acronym="SMS", description="Visas")
    OrganisationFactory(name="Other body", acronym="OB", description="Remittance research")

    by_acronym = client.get(DIRECTORY, {"q": "sms"})
    by_description = client.get(DIRECTORY, {"q": "remittance"})

    assert [o.acronym for o in by_acronym.context["organisations"]] == ["SMS"]
    assert [o.acronym for o in by_description.context["organisations"]] == ["OB"]


def test_directory_hides_inactive_members(client):
    OrganisationFactory(name="Former member", is_active=False)

    response = client.get(DIRECTORY)

    assert "Former member" not in response.content.decode()


def test_directory_unknown_filter_value_shows_error_not_500(client):
    OrganisationFactory(name="IOM")

    response = client.get(DIRECTORY, {"kind": "<script>alert(1)</script>"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_directory_query_count_constant_as_members_grow(client, django_assert_max_num_queries):
    OrganisationFactory.create_batch(3)
    with django_assert_max_num_queries(3) as few:
        client.get(DIRECTORY)
    OrganisationFactory.create_batch(30)
    PersonFactory.create_batch(10)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(DIRECTORY)

    assert response.context["paginator"].count == 43


def test_organisation_page_lists_only_consenting_active_people(client):
    organisation = OrganisationFactory(
        name="IOM Azerbaijan", description="Coordinates the network."
    )
    PersonFactory(
        name="Listed Person",
        organisation=organisation,
        consent_public_listing=True,
        email="listed@example.org",
        phone="+994 50 111 22 33",
    )
    PersonFactory(name="Private Person", organisation=organisation, email="private@example.org")
    PersonFactory(
        name="Gone Person", organisation=organisation, consent_public_listing=True, is_active=False
    )

    response = client.get(organisation.get_absolute_url())

    content = response.content.decode()
    assert "Coordinates the network." in content
    assert "Listed Person" in content
    assert "Private Person" not in content
    assert "Gone Person" not in content
    assert "listed@example.org" not in content
    assert "private@example.org" not in content
    assert "+994 50 111 22 33" not in content


def test_organisation_page_query_count_constant_as_people_grow(
    client, django_assert_max_num_queries
):
    organisation = OrganisationFactory()
    PersonFactory.create_batch(2, organisation=organisation, consent_public_listing=True)
    with django_assert_max_num_queries(3) as few:
        client.get(organisation.get_absolute_url())
    PersonFactory.create_batch(25, organisation=organisation, consent_public_listing=True)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(organisation.get_absolute_url())

    assert len(response.context["organisation"].public_people) == 27


def test_inactive_organisation_page_is_404(client):
    organisation = OrganisationFactory(is_active=False)

    response = client.get(organisation.get_absolute_url())

    assert response.status_code == 404


def test_home_page_shows_network_identity(client, settings):
    settings.UNNM_NETWORK_NAME = "UN Network on Migration in Testland"
    settings.UNNM_SECRETARIAT_EMAIL = "secretariat@testland.example"

    response = client.get(reverse("home"))

    content = response.content.decode()
    assert "UN Network on Migration in Testland" in content
    assert "secretariat@testland.example" in content
    assert reverse("members:organisation-list") in content


def test_directory_paginates_and_keeps_the_filters(client):
    OrganisationFactory.create_batch(65, kind=Organisation.Kind.NGO)
    OrganisationFactory(name="Lonely academy", kind=Organisation.Kind.ACADEMIA)

    first = client.get(DIRECTORY, {"kind": "ngo"})
    second = client.get(DIRECTORY, {"kind": "ngo", "page": 2})

    assert len(first.context["organisations"]) == 60
    assert len(second.context["organisations"]) == 5
    assert "65 organisations" in first.content.decode()
    assert "?kind=ngo&amp;page=2" in first.content.decode()
    assert "Lonely academy" not in second.content.decode()


def test_demo_organisations_and_people_are_badged_demo_and_real_ones_are_not(client):
    real = OrganisationFactory(name="Real Agency", is_demo=False)
    invented = OrganisationFactory(name="Invented Agency", is_demo=True)
    PersonFactory(
        name="Invented Person", organisation=real, consent_public_listing=True, is_demo=True
    )

    directory = client.get(DIRECTORY).content.decode()
    real_page = client.get(real.get_absolute_url()).content.decode()
    invented_page = client.get(invented.get_absolute_url()).content.decode()

    card = directory[directory.index("Invented Agency") :]
    assert "badge-demo" in card[: card.index("</div>")]
    real_card = directory[directory.index("Real Agency") :]
    assert "badge-demo" not in real_card[: real_card.index("</div>")]
    head = invented_page[: invented_page.index("Focal points")]
    assert "badge-demo" in head
    assert "badge-demo" not in real_page[: real_page.index("Focal points")]
    person = real_page[real_page.index("Invented Person") :]
    assert "badge-demo" in person[: person.index("</li>")]


def test_organisation_focal_points_list_focal_points_only(client):
    organisation = OrganisationFactory()
    PersonFactory(name="The Focal Point", organisation=organisation, consent_public_listing=True)
    PersonFactory(
        name="A Speaker",
        organisation=organisation,
        consent_public_listing=True,
        is_focal_point=False,
    )

    content = client.get(organisation.get_absolute_url()).content.decode()

    assert "The Focal Point" in content
    assert "A Speaker" not in content


def test_organisation_page_dates_a_post_known_only_from_a_record(client):
    organisation = OrganisationFactory()
    dated = PersonFactory(
        name="Dated Person", organisation=organisation, consent_public_listing=True
    )
    PositionFactory(
        person=dated, title="Chief of Mission", organisation=organisation, as_of=date(2021, 5, 31)
    )
    current = PersonFactory(
        name="Current Person", organisation=organisation, consent_public_listing=True
    )
    PositionFactory(person=current, title="Programme Officer", organisation=organisation)

    content = client.get(organisation.get_absolute_url()).content.decode()

    assert "Chief of Mission (as of 31 May 2021)" in content
    entry = content[content.index("Current Person") :]
    assert "Programme Officer" in entry[: entry.index("</li>")]
    assert "as of" not in entry[: entry.index("</li>")]
