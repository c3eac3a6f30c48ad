import json
from pathlib import Path

import pytest
from django.core.management import call_command

from frameworks.models import (
    Activity,
    CooperationFramework,
    GCMObjective,
    ObjectiveLink,
    Outcome,
    Output,
    ProgressUpdate,
)

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).resolve().parents[2] / "frameworks" / "reference"


def counts():
    return [
        model.objects.count()
        for model in (CooperationFramework, Outcome, ObjectiveLink, Activity, ProgressUpdate)
    ]


def test_demo_is_idempotent():
    call_command("load_demo", "--no-superuser")
    before = counts()

    call_command("load_demo", "--no-superuser")

    assert counts() == before
    assert GCMObjective.objects.count() == 23


def test_demo_holds_the_azerbaijan_framework_with_verified_priority_titles():
    call_command("load_demo", "--no-superuser")
    reference = json.loads(
        (REFERENCE / "unsdcf_azerbaijan_2021_2025.json").read_text(encoding="utf-8")
    )

    framework = CooperationFramework.objects.get(country="Azerbaijan", start_year=2021)

    assert (framework.start_year, framework.end_year) == (2021, 2025)
    assert [p.title for p in framework.priorities.all()] == [
        p["title"] for p in reference["priorities"]
    ]
    assert framework.is_demo


def test_demo_invents_no_official_outcome_wording_or_outputs():
    call_command("load_demo", "--no-superuser")

    assert Outcome.objects.count() == 5
    assert all(outcome.is_placeholder for outcome in Outcome.objects.all())
    assert not Output.objects.exists()


def test_demo_mapping_and_activities_are_flagged_as_demo():
    call_command("load_demo", "--no-superuser")

    assert ObjectiveLink.objects.count() >= 15
    assert not ObjectiveLink.objects.filter(is_demo=False).exists()
    assert Activity.objects.count() >= 3
    assert not Activity.objects.filter(is_demo=False).exists()
    assert Activity.objects.synergies().count() >= 2
    assert set(Activity.objects.values_list("status", flat=True)) == set(Activity.Status.values)


def test_demo_reloads_reference_data_emptied_by_a_flush():
    GCMObjective.objects.all().delete()

    call_command("load_demo", "--no-superuser")

    assert GCMObjective.objects.count() == 23
    assert ObjectiveLink.objects.exists()
