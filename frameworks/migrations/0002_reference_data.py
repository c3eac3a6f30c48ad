"""
Loads the built-in reference data every installation needs: the 23 GCM objectives, the 10 GCM
guiding principles and the migration-related SDG targets. The JSON files in frameworks/reference/
are copies of the verified reference data, each entry with its source.

With the models' language columns (django-modeltranslation, in 0001_initial), the same loader
also fills the Russian and Azerbaijani texts (`title_ru`, `title_az`...), their sources and their
flags (`title_ru_verified`, `title_az_official`...) from the same entries. See
frameworks/reference/SOURCES.md.
"""

import json
from pathlib import Path

from django.db import migrations
from django.utils import translation

REFERENCE = Path(__file__).resolve().parent.parent / "reference"
# The JSON's plain keys are English; its translations carry these suffixes.
TRANSLATIONS = ("ru", "az")


def read(name):
    return json.loads((REFERENCE / name).read_text(encoding="utf-8"))


def values(model, entry, fields, flags=()):
    """The row's columns from a JSON entry: the English, then each language the model has."""
    names = {field.name for field in model._meta.get_fields()}
    row = {field: entry[field] for field in fields}
    for field in fields:
        if f"{field}_en" not in names:
            continue
        row[f"{field}_en"] = entry[field]
        for language in TRANSLATIONS:
            row[f"{field}_{language}"] = entry.get(f"{field}_{language}") or ""
    for flag in flags:
        if flag in names:
            row[flag] = entry[flag]
    return row


def load(apps, schema_editor):
    GCMObjective = apps.get_model("frameworks", "GCMObjective")
    GuidingPrinciple = apps.get_model("frameworks", "GuidingPrinciple")
    SDGTarget = apps.get_model("frameworks", "SDGTarget")
    # Called with the real models too (frameworks.demo.ensure_reference_data): their plain
    # field names then read and write the active language's column, so make it English.
    with translation.override("en"):
        for entry in read("gcm_objectives.json"):
            GCMObjective.objects.update_or_create(
                number=entry["number"],
                defaults={
                    **values(
                        GCMObjective,
                        entry,
                        ["title", "short_label", "source"],
                        ["title_ru_verified", "title_az_official"],
                    ),
                    "gcm_paragraph": entry["gcm_paragraph"],
                },
            )
        for entry in read("gcm_guiding_principles.json"):
            GuidingPrinciple.objects.update_or_create(
                number=entry["number"],
                defaults={
                    **values(
                        GuidingPrinciple,
                        entry,
                        ["name", "source"],
                        ["name_ru_verified", "name_az_official"],
                    ),
                    "letter": entry["letter"],
                },
            )
        for entry in read("sdg_migration_targets.json"):
            SDGTarget.objects.update_or_create(
                code=entry["target"],
                defaults={
                    **values(
                        SDGTarget,
                        entry,
                        ["text", "source"],
                        ["text_ru_verified", "text_az_official"],
                    ),
                    "goal": entry["goal"],
                    "migration_theme": entry["migration_theme"],
                    "migration_theme_verified": entry["migration_theme_verified"],
                },
            )


def unload(apps, schema_editor):
    for model in ("GCMObjective", "GuidingPrinciple", "SDGTarget"):
        apps.get_model("frameworks", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("frameworks", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
