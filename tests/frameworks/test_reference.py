import json
from pathlib import Path

import pytest
from django.db import IntegrityError

from frameworks.models import GCMObjective, GuidingPrinciple, SDGTarget

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).resolve().parents[2] / "frameworks" / "reference"


def test_fresh_install_has_the_23_gcm_objectives_with_official_titles():
    official = json.loads((REFERENCE / "gcm_objectives.json").read_text(encoding="utf-8"))

    objectives = list(GCMObjective.objects.values_list("number", "title"))

    assert len(objectives) == 23
    assert [n for n, _ in objectives] == list(range(1, 24))
    assert objectives == [(entry["number"], entry["title"]) for entry in official]
    assert GCMObjective.objects.get(number=1).title == (
        "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies"
    )
    assert GCMObjective.objects.get(number=23).title == (
        "Strengthen international cooperation and global partnerships for safe, orderly and "
        "regular migration"
    )


def test_every_objective_keeps_its_source():
    assert not GCMObjective.objects.filter(source="").exists()


def test_fresh_install_has_the_10_guiding_principles():
    letters = list(GuidingPrinciple.objects.values_list("letter", flat=True))

    assert letters == list("abcdefghij")
    assert GuidingPrinciple.objects.get(letter="a").name == "People-centred"


def test_fresh_install_has_the_migration_related_sdg_targets():
    assert SDGTarget.objects.count() == 10
    assert SDGTarget.objects.get(code="10.7").goal == 10


def test_objective_number_outside_1_to_23_is_refused():
    with pytest.raises(IntegrityError):
        GCMObjective.objects.create(
            number=24, title="Not an objective", short_label="No", gcm_paragraph=1
        )
