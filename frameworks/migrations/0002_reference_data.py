"""
Loads the built-in reference data every installation needs: the 23 GCM objectives, the 10 GCM
guiding principles and the migration-related SDG targets. The JSON files in frameworks/reference/
are copies of the verified reference data, each entry with its source.
"""

import json
from pathlib import Path

from django.db import migrations

REFERENCE = Path(__file__).resolve().parent.parent / "reference"


def read(name):
    return json.loads((REFERENCE / name).read_text(encoding="utf-8"))


def load(apps, schema_editor):
    GCMObjective = apps.get_model("frameworks", "GCMObjective")
    GuidingPrinciple = apps.get_model("frameworks", "GuidingPrinciple")
    SDGTarget = apps.get_model("frameworks", "SDGTarget")
    for entry in read("gcm_objectives.json"):
        GCMObjective.objects.update_or_create(
            number=entry["number"],
            defaults={
                "title": entry["title"],
                "short_label": entry["short_label"],
                "gcm_paragraph": entry["gcm_paragraph"],
                "source": entry["source"],
            },
        )
    for entry in read("gcm_guiding_principles.json"):
        GuidingPrinciple.objects.update_or_create(
            number=entry["number"],
            defaults={"letter": entry["letter"], "name": entry["name"], "source": entry["source"]},
        )
    for entry in read("sdg_migration_targets.json"):
        SDGTarget.objects.update_or_create(
            code=entry["target"],
            defaults={
                "goal": entry["goal"],
                "text": entry["text"],
                "migration_theme": entry["migration_theme"],
                "migration_theme_verified": entry["migration_theme_verified"],
                "source": entry["source"],
            },
        )


def unload(apps, schema_editor):
    for model in ("GCMObjective", "GuidingPrinciple", "SDGTarget"):
        apps.get_model("frameworks", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("frameworks", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
