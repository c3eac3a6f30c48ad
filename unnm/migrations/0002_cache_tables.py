"""
Creates the database cache's tables (settings.CACHES: stored public pages and rate-limit
counters). Every write to the network's data updates the public pages' content version in that
cache, so the tables must exist wherever the models do: `migrate` is the one step every
installation runs. With a Redis cache (UNNM_CACHE_URL) there is nothing to create.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("unnm", "0001_initial")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
