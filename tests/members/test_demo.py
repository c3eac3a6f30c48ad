import datetime

import pytest
from django.core.management import call_command

from meetings.models import Meeting
from members.models import Organisation, Person

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent():
    call_command("load_demo", "--no-superuser")
    counts = (Organisation.objects.count(), Person.objects.count())

    call_command("load_demo", "--no-superuser")

    assert (Organisation.objects.count(), Person.objects.count()) == counts


def test_load_demo_holds_the_31_may_2021_organisations_and_speakers():
    call_command("load_demo", "--no-superuser")

    iom = Organisation.objects.get(acronym="IOM")
    assert iom.role == Organisation.Role.COORDINATOR
    assert not iom.is_demo
    assert Organisation.objects.get(acronym="SMS").kind == Organisation.Kind.GOVERNMENT
    assert Person.objects.get(name="Ghulam Isaczai").position == (
        "UN Resident Coordinator in Azerbaijan"
    )
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert {"un_agency", "diplomatic_mission", "government", "ngo", "academia"} <= kinds
    # Everything the news item does not name is flagged as invented.
    assert Organisation.objects.filter(acronym="UNHCR", is_demo=True).exists()


def test_load_demo_creates_superuser_with_password_from_environment(monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-long-demo-password")

    call_command("load_demo")

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("a-long-demo-password")


def test_load_demo_again_writes_nothing():
    from django.apps import apps

    call_command("load_demo", "--no-superuser")
    history = [m for m in apps.get_models() if m.__name__.startswith("Historical")]
    before = {m.__name__: m.objects.count() for m in history}
    modified = sorted(Meeting.objects.values_list("modified", flat=True))

    call_command("load_demo", "--no-superuser")

    assert {m.__name__: m.objects.count() for m in history} == before
    assert sorted(Meeting.objects.values_list("modified", flat=True)) == modified


def test_load_demo_dates_the_2021_speakers_posts_and_lists_no_speaker_as_focal_point(client):
    call_command("load_demo", "--no-superuser")

    for name in ["Ghulam Isaczai", "Vladimir Gjorgjiev", "Vusal Huseynov"]:
        person = Person.objects.get(name=name)
        (held,) = person.positions.all()
        assert held.as_of == datetime.date(2021, 5, 31) and held.ended is None
        assert not held.is_current and held.period() == "as of 31 May 2021"
        assert not person.is_focal_point
    rco = client.get(Organisation.objects.get(acronym="RCO").get_absolute_url()).content.decode()
    iom = client.get(Organisation.objects.get(acronym="IOM").get_absolute_url()).content.decode()
    assert "Isaczai" not in rco
    assert "Gjorgjiev" not in iom and "Chief of Mission" not in iom
    assert "Leyla Mammadova" in iom
