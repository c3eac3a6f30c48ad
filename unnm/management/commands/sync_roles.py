from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand

from unnm.roles import ROLES, sync_roles


class Command(BaseCommand):
    help = (
        "Creates or updates the staff role groups (secretariat editors, meeting managers, viewers)."
    )

    def handle(self, *args, **options):
        for app_config in apps.get_app_configs():
            create_permissions(app_config, verbosity=0)
        sync_roles(Group, Permission)
        for name in ROLES:
            count = Group.objects.get(name=name).permissions.count()
            self.stdout.write(f"{name}: {count} permissions")
