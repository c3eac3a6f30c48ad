"""Backup and restore of the application's data with dumpdata / loaddata (README, "Backup")."""

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission, User
from django.core import serializers
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from frameworks.models import GCMObjective
from meetings.models import Meeting
from members.models import Person
from tests.unnm.production import BASE_DIR

pytestmark = pytest.mark.django_db


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
