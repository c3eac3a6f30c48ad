"""The staff role groups (members/roles.py), with the permissions of every installed app."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from members.roles import sync_roles


def create_roles(apps, schema_editor):
    # Permissions are normally created after the whole migrate run (post_migrate); the groups
    # need them now, for the models of these migrations too.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("members", "0002_history"),
        ("meetings", "0004_history"),
        ("frameworks", "0005_history"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
