"""
Backup and restore (README, "Backup and restore"): pg_dump / pg_restore on PostgreSQL, the
backup of record; dumpdata / loaddata for a database-independent copy.
"""

import importlib
import json
import os
import re
import subprocess
from pathlib import Path

import psycopg2
import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission, User
from django.core import serializers
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from frameworks.models import GCMObjective
from meetings.models import Meeting
from members.models import Organisation, Person
from tests.unnm.production import BASE_DIR

pytestmark = pytest.mark.django_db

# Text as a browser sends it from a textarea: CR LF line ends, and a lone CR for good measure.
CRLF_TEXT = "First line.\r\nSecond line.\r\n\r\nAfter a blank line.\rEnd."


def project_app_labels():
    """Every app of this repository, so that models added later are covered too."""
    root = BASE_DIR.resolve()
    return sorted(
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == root
    )


def backed_up_models():
    models = [
        model for label in project_app_labels() for model in apps.get_app_config(label).get_models()
    ]
    return [*models, Group, User]


def snapshot():
    """Every row of the backed-up models, with natural keys so new primary keys compare equal."""
    rows = {}
    for model in backed_up_models():
        objects = serializers.serialize(
            "python",
            model._base_manager.all(),
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,
        )
        m2m = {field.name for field in model._meta.many_to_many}
        rows[model._meta.label] = sorted(
            json.dumps(
                {
                    "pk": row.get("pk"),
                    **{
                        name: sorted(value) if name in m2m else value
                        for name, value in row["fields"].items()
                    },
                },
                sort_keys=True,
                default=str,
            )
            for row in objects
        )
    return rows


@pytest.fixture
def network_data():
    call_command("load_demo", no_superuser=True, verbosity=0)
    editors = Group.objects.create(name="Backup test editors")
    editors.permissions.set(Permission.objects.filter(content_type__app_label="members"))
    staff = User.objects.create_user("staff", "staff@example.org", "x", is_staff=True)
    staff.groups.add(editors)
    start = timezone.now()
    meeting = Meeting.objects.create(
        title="Coordination meeting", start=start, end=start + timezone.timedelta(hours=2)
    )
    meeting.chairs.set(Person.objects.all()[:2])
    meeting.gcm_objectives.set(GCMObjective.objects.filter(number__in=[1, 23]))


def test_dumpdata_flush_loaddata_restores_every_row(network_data, tmp_path):
    before = snapshot()
    backup = tmp_path / "backup.xml"
    labels = [*project_app_labels(), "auth.group", "auth.user"]

    call_command(
        "dumpdata",
        *labels,
        format="xml",  # JSON would cut timestamps to milliseconds
        natural_foreign=True,
        natural_primary=True,
        output=str(backup),
        verbosity=0,
    )
    if connection.vendor == "postgresql":
        # The test runs inside a transaction; PostgreSQL truncates only once the foreign-key
        # checks that it defers to the commit have run.
        connection.cursor().execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        connection.cursor().execute("SET CONSTRAINTS ALL DEFERRED")
    emptied = snapshot()
    call_command("loaddata", str(backup), verbosity=0)
    after = snapshot()

    assert {"members", "frameworks", "meetings"} <= set(project_app_labels())
    assert {label: rows for label, rows in emptied.items() if rows} == {}
    assert sum(len(rows) for rows in before.values()) > 50
    assert all(
        before[label] for label in ("members.Organisation", "meetings.Meeting", "auth.Group")
    )
    assert after == before


@pytest.fixture
def crlf_rows():
    """Rows whose text holds CR LF, as typed in a form's textarea."""
    start = timezone.now()
    meeting = Meeting.objects.create(
        title="Line ends", start=start, end=start + timezone.timedelta(hours=2), summary=CRLF_TEXT
    )
    organisation = Organisation.objects.create(name="Line-end NGO", description=CRLF_TEXT)
    return meeting, organisation


def test_dumpdata_as_json_keeps_cr_lf(network_data, crlf_rows, tmp_path):
    meeting, organisation = crlf_rows
    counts = {model._meta.label: model._base_manager.count() for model in backed_up_models()}
    backup = tmp_path / "backup.json"
    labels = [*project_app_labels(), "auth.group", "auth.user"]

    call_command(
        "dumpdata",
        *labels,
        format="json",
        natural_foreign=True,
        natural_primary=True,
        output=str(backup),
        verbosity=0,
    )
    if connection.vendor == "postgresql":
        connection.cursor().execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        connection.cursor().execute("SET CONSTRAINTS ALL DEFERRED")
    call_command("loaddata", str(backup), verbosity=0)

    assert {m._meta.label: m._base_manager.count() for m in backed_up_models()} == counts
    assert Meeting.objects.get(title="Line ends").summary == CRLF_TEXT
    assert Organisation.objects.get(name="Line-end NGO").description == CRLF_TEXT


# pg_dump / pg_restore -----------------------------------------------------------------------


def postgres_client_env():
    """libpq's variables for the test database's server, for pg_dump, createdb and pg_restore."""
    db = connection.settings_dict
    env = {**os.environ, "PGHOST": db["HOST"] or "", "PGPORT": str(db["PORT"] or 5432)}
    env |= {"PGUSER": db["USER"] or "", "PGPASSWORD": db["PASSWORD"] or ""}
    return env


def run(*command):
    result = subprocess.run(command, env=postgres_client_env(), capture_output=True, text=True)
    assert result.returncode == 0, f"{command[0]}: {result.stderr}"
    return result


def table_contents(cursor, tables):
    contents = {}
    for table in tables:
        cursor.execute(f'SELECT * FROM "{table}"')
        contents[table] = sorted((tuple(row) for row in cursor.fetchall()), key=repr)
    return contents


def sequence_values(cursor):
    cursor.execute("SELECT sequencename, last_value FROM pg_sequences ORDER BY sequencename")
    return cursor.fetchall()


@pytest.fixture
def reference_data():
    """The built-in reference data, loaded again: a transactional test starts from a database
    that an earlier one flushed (a serialized rollback would clash with the content types that
    flush re-creates)."""
    from django.apps import apps as django_apps

    importlib.import_module("frameworks.migrations.0002_reference_data").load(django_apps, None)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_pg_dump_and_pg_restore_give_back_every_row_and_every_line_end(
    reference_data, network_data, crlf_rows, tmp_path
):
    """The README's commands: pg_dump (custom format) of the database, pg_restore into a new one."""
    assert connection.vendor == "postgresql"
    client_major = int(re.search(r"\(PostgreSQL\) (\d+)", run("pg_dump", "--version").stdout)[1])
    assert client_major >= connection.pg_version // 10000, "pg_dump older than the server"
    meeting, _organisation = crlf_rows
    source = connection.settings_dict["NAME"]
    restored = f"{source}_restored"
    dump = tmp_path / "unnm.dump"
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        before, sequences = table_contents(cursor, tables), sequence_values(cursor)

    run("pg_dump", "--format=custom", f"--file={dump}", f"--dbname={source}")
    run("dropdb", "--if-exists", restored)
    run("createdb", "--template=template0", "--locale-provider=icu", "--icu-locale=und", restored)
    try:
        run("pg_restore", "--no-owner", "--exit-on-error", f"--dbname={restored}", str(dump))
        db = connection.settings_dict
        restored_db = psycopg2.connect(
            dbname=restored,
            host=db["HOST"],
            port=db["PORT"] or 5432,
            user=db["USER"],
            password=db["PASSWORD"],
        )
        try:
            with restored_db.cursor() as cursor:
                after = table_contents(cursor, tables)
                restored_sequences = sequence_values(cursor)
                cursor.execute("SELECT summary FROM meetings_meeting WHERE id = %s", [meeting.pk])
                (summary,) = cursor.fetchone()
        finally:
            restored_db.close()
    finally:
        run("dropdb", "--if-exists", restored)

    assert sum(len(rows) for rows in before.values()) > 50
    assert {table: len(rows) for table, rows in after.items()} == {
        table: len(rows) for table, rows in before.items()
    }
    assert after == before
    assert restored_sequences == sequences
    assert summary == CRLF_TEXT
