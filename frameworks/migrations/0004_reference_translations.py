"""
Fills the reference data's Russian and Azerbaijani texts, their sources and flags, from
frameworks/reference/*.json, with the loader of 0002_reference_data (which fills only the
English before the language columns exist).
"""

import importlib

from django.db import migrations

reference_data = importlib.import_module("frameworks.migrations.0002_reference_data")


def clear(apps, schema_editor):
    """Going back: the language columns are dropped by 0003; nothing to undo here."""


class Migration(migrations.Migration):
    dependencies = [("frameworks", "0003_translations")]

    operations = [migrations.RunPython(reference_data.load, clear)]
