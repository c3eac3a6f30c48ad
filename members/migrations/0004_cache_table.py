"""
Creates the shared cache's table (settings.CACHES, the database cache). Every write to the
network's data updates the public pages' content version in that cache, so the table must exist
wherever the models do: `migrate` is the one step every installation runs.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("members", "0003_staff_roles")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
