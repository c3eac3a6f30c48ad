import datetime

import pytest
from django.db import IntegrityError
from django.utils import translation

from members.models import Organisation, Person
from tests.members.factories import OrganisationFactory, PersonFactory, PositionFactory

pytestmark = pytest.mark.django_db


def test_organisation_slug_derived_from_acronym_and_name():
    organisation = OrganisationFactory(name="State Migration Service", acronym="SMS")

    assert organisation.slug == "sms-state-migration-service"
    assert organisation.get_absolute_url() == "/en/members/sms-state-migration-service/"
    with translation.override("az"):
        assert organisation.get_absolute_url() == "/az/members/sms-state-migration-service/"


def test_organisation_name_unique():
    OrganisationFactory(name="UNHCR Azerbaijan")

    with pytest.raises(IntegrityError):
        OrganisationFactory(name="UNHCR Azerbaijan")


def test_organisation_kind_outside_choices_refused_by_database():
    with pytest.raises(IntegrityError):
        OrganisationFactory(kind="spaceship")


def test_organisation_role_outside_choices_refused_by_database():
    with pytest.raises(IntegrityError):
        OrganisationFactory(role="emperor")


def test_organisation_with_people_cannot_be_deleted():
    person = PersonFactory()

    with pytest.raises(Exception) as error:
        person.organisation.delete()

    assert "protected" in str(error.value).lower()
    assert Organisation.objects.filter(pk=person.organisation_id).exists()


def test_person_consent_off_by_default():
    person = Person.objects.create(name="New Person")

    assert person.consent_public_listing is False
    assert not Person.objects.publicly_listed().filter(pk=person.pk).exists()


def test_person_publicly_listed_needs_consent_and_active():
    listed = PersonFactory(consent_public_listing=True)
    PersonFactory(consent_public_listing=False)
    PersonFactory(consent_public_listing=True, is_active=False)

    assert list(Person.objects.publicly_listed()) == [listed]


def test_person_name_unique_within_organisation():
    person = PersonFactory(name="Aysel Karimova")

    with pytest.raises(IntegrityError):
        PersonFactory(name="Aysel Karimova", organisation=person.organisation)


def test_position_must_end_after_it_starts():
    with pytest.raises(IntegrityError):
        PositionFactory(started=datetime.date(2021, 5, 1), ended=datetime.date(2020, 1, 1))


def test_person_position_on_returns_title_held_that_day():
    person = PersonFactory(name="Ghulam Isaczai", position="Former official")
    PositionFactory(
        person=person,
        title="UN Resident Coordinator in Azerbaijan",
        started=datetime.date(2019, 1, 1),
        ended=datetime.date(2022, 6, 30),
    )
    PositionFactory(person=person, title="Senior adviser", started=datetime.date(2022, 7, 1))

    assert person.position_on(datetime.date(2021, 5, 31)).title == (
        "UN Resident Coordinator in Azerbaijan"
    )
    assert person.position_on(datetime.date(2023, 1, 1)).title == "Senior adviser"


def test_person_position_on_falls_back_to_current_position():
    person = PersonFactory(position="Chief of Mission")

    held = person.position_on(datetime.date(2021, 5, 31))

    assert held.title == "Chief of Mission"
    assert held.organisation == person.organisation


def test_organisation_initials_stand_in_for_a_missing_logo():
    with_acronym = OrganisationFactory(name="State Migration Service", acronym="SMS")
    without = OrganisationFactory(name="Embassy of the Federal Republic of Germany", acronym="")

    assert with_acronym.initials == "SMS"
    assert without.initials == "EFRG"
