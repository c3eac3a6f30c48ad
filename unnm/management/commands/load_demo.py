import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from unnm.demo import load_all


class Command(BaseCommand):
    help = (
        "Loads the demo data (idempotent: running it again changes and duplicates nothing) "
        "and makes sure a demo superuser exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-superuser", action="store_true", help="Skip the demo admin.")

    def handle(self, *args, no_superuser=False, **options):
        load_all(report=lambda app: self.stdout.write(f"Demo data loaded: {app}"))
        if not no_superuser:
            self.ensure_superuser()

    def ensure_superuser(self):
        User = get_user_model()
        username = os.environ.get("DEMO_ADMIN_USER", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD")
        user = User.objects.filter(username=username).first()
        if user is None:
            chosen = bool(password)
            password = password or secrets.token_urlsafe(12)
            User.objects.create_superuser(username, "admin@example.org", password)
            note = "" if chosen else " (shown once; set DEMO_ADMIN_PASSWORD to choose it)"
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo admin created: user '{username}', password '{password}'{note}"
                )
            )
        elif password:
            user.set_password(password)
            user.save(update_fields=["password"])
            self.stdout.write(f"Demo admin '{username}': password set from DEMO_ADMIN_PASSWORD.")
        else:
            self.stdout.write(
                f"Demo admin '{username}' exists; its password was printed when it was created "
                "(set DEMO_ADMIN_PASSWORD to reset it)."
            )
