"""The environment of a production server, for tests that start Django in a subprocess."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


def production_env(**overrides):
    """What a production server's environment holds: debug off, a real key, SMTP, PostgreSQL."""
    keep = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    return {
        **keep,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "unnm.example.org",
        "DJANGO_CSRF_TRUSTED_ORIGINS": "https://unnm.example.org",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or "sqlite:////tmp/unnm-unused.sqlite3",
        "EMAIL_HOST": "smtp.example.org",
        "DJANGO_TASKS_BACKEND": "database",
        **overrides,
    }


def run_django(args, env):
    """Run a Python command in the repository with the given environment only."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
