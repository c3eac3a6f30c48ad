import os

from django.conf import settings
from django.core.management.commands import runserver


class Command(runserver.Command):
    help = (
        "Django's development server (as `make run` starts it), whose console ends with the "
        "site's address and the demo admin's login rather than burying them above its banner."
    )

    def on_bind(self, server_port):
        super().on_bind(server_port)
        host = (
            f"[{self.addr}]" if self._raw_ipv6 else ("0.0.0.0" if self.addr == "0" else self.addr)
        )
        site = f"{self.protocol}://{host}:{server_port}/"
        user = os.environ.get("DEMO_ADMIN_USER", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "")
        login = f"user '{user}'"
        if password and settings.DEBUG:
            login += f", password '{password}'"
        else:
            login += " (its password was printed when it was created)"
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"The site:  {site}"))
        self.stdout.write(self.style.SUCCESS(f"The admin: {site}admin/  {login}"))
