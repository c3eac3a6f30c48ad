"""Frameworks over time: which is current, ended ones kept as history, where partners land."""

import datetime
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from frameworks.models import CooperationFramework, StrategicPriority
from members.models import Organisation, Person
from tests.frameworks.factories import (
    CooperationFrameworkFactory,
    ObjectiveLinkFactory,
    OutcomeFactory,
    objective,
)

pytestmark = pytest.mark.django_db

MATRIX = reverse("frameworks:matrix")
COVERAGE = reverse("frameworks:coverage")
REFERENCE = Path(__file__).resolve().parents[2] / "frameworks" / "reference"


def mapped(framework):
    ObjectiveLinkFactory(
        outcome=OutcomeFactory(priority__framework=framework), objective=objective(6)
    )
    return framework


@pytest.fixture
def year():
    return timezone.localdate().year


@pytest.fixture
def ended(year):
    return mapped(
        CooperationFrameworkFactory(
            short_title="UNSDCF Testland", start_year=year - 5, end_year=year - 1
        )
    )


@pytest.fixture
def current(year):
    return CooperationFrameworkFactory(
        short_title="UNSDCF Testland", start_year=year, end_year=year + 4
    )


def test_framework_is_current_by_its_years(ended, current, year):
    upcoming = CooperationFrameworkFactory(start_year=year + 5, end_year=year + 9)

    assert current.is_current and not current.has_ended
    assert ended.has_ended and not ended.is_current
    assert not upcoming.is_current and not upcoming.has_ended


def test_matrix_lands_on_the_current_framework_once_it_has_a_mapping(client, ended, current):
    mapped(current)

    response = client.get(MATRIX)

    assert response.context["framework"] == current
    content = response.content.decode()
    assert f"Testland · {current.period} · current" in content
    assert f'<a href="?framework={ended.pk}">UNSDCF Testland {ended.period}, ended</a>' in content
    assert "has no mapping yet" not in content
    assert "kept as history" not in content


def test_matrix_lands_on_the_latest_mapped_framework_while_the_current_has_none(
    client, ended, current
):
    response = client.get(MATRIX)

    assert response.context["framework"] == ended
    content = response.content.decode()
    assert (
        f'The current framework, <a href="?framework={current.pk}">UNSDCF Testland '
        f"{current.period}</a>, has no mapping yet" in content
    )
    assert f"which ended in {ended.end_year}; it is kept as history." in content
    assert f"{ended.period} · ended" in content
    switcher = (
        f'Other frameworks: <a href="?framework={current.pk}">UNSDCF Testland {current.period}'
    )
    assert f"{switcher}, current</a></p>" in content  # no separator after the last one


def test_ended_framework_stays_openable_as_history(client, ended, current):
    mapped(current)

    response = client.get(MATRIX, {"framework": ended.pk})

    assert response.context["framework"] == ended
    content = response.content.decode()
    assert "it is kept as history." in content
    assert (
        f'The current framework is the <a href="?framework={current.pk}">UNSDCF Testland '
        f"{current.period}</a>." in content
    )
    assert response.context["rows"]  # its mapping, not an empty page
    coverage = client.get(COVERAGE, {"framework": ended.pk}).content.decode()
    assert "it is kept as history." in coverage


def test_current_framework_without_priorities_says_so_and_never_looks_unfinished(client, current):
    response = client.get(MATRIX, {"framework": current.pk})

    content = response.content.decode()
    assert "The priorities of this framework have not been entered yet." in content
    assert "kept as history" not in content
    assert "placeholder" not in content.lower()


def test_demo_records_the_2026_2030_framework_without_inventing_priorities(client):
    call_command("load_demo", "--no-superuser")
    reference = json.loads(
        (REFERENCE / "unsdcf_azerbaijan_2026_2030.json").read_text(encoding="utf-8")
    )

    framework = CooperationFramework.objects.get(country="Azerbaijan", start_year=2026)

    assert reference["priorities"] is None
    assert (framework.end_year, framework.title) == (2030, reference["title"])
    assert framework.signed_on == datetime.date(2025, 10, 27)
    assert all(source in framework.source for source in reference["source"])
    assert not framework.is_demo  # verified, not invented
    assert not StrategicPriority.objects.filter(framework=framework).exists()
    older = CooperationFramework.objects.get(country="Azerbaijan", start_year=2021)
    response = client.get(MATRIX)
    assert response.context["framework"] == older  # 2026: the current one has no mapping yet
    assert "has no mapping yet" in response.content.decode()


def test_demo_resident_coordinators_follow_the_reference_without_contact_data(client):
    call_command("load_demo", "--no-superuser")

    (isaczai,) = Person.objects.get(name="Ghulam Isaczai").positions.all()
    (andreeva,) = Person.objects.get(name="Vladanka Andreeva").positions.all()

    assert isaczai.as_of == datetime.date(2021, 5, 31)
    assert andreeva.title == "UN Resident Coordinator in Azerbaijan"
    assert andreeva.as_of == datetime.date(2025, 12, 19) and not andreeva.is_current
    real = Person.objects.filter(is_demo=False)
    assert real.count() == 4
    assert not real.exclude(email="").exists() and not real.exclude(phone="").exists()
    rco = Organisation.objects.get(acronym="RCO")
    assert "2026-2030" in rco.description
    page = client.get(rco.get_absolute_url()).content.decode()
    assert "Andreeva" not in page  # no one is presented as today's Resident Coordinator


def test_queryset_landing_matches_the_matrix(client, ended, current):
    assert CooperationFramework.objects.landing() == ended
    mapped(current)

    assert CooperationFramework.objects.landing() == current
    assert client.get(MATRIX).context["framework"] == current


def test_queryset_landing_without_frameworks_is_none():
    assert CooperationFramework.objects.landing() is None
