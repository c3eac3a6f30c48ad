"""The production configuration: deployment checks, static files, the settings' environment."""

import re
import runpy

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from tests.unnm.production import BASE_DIR, production_env, run_django
from unnm.staticfiles import StaticFilesStorage

SETTINGS_FILE = str(BASE_DIR / "unnm" / "settings.py")


def test_check_deploy_is_clean_with_production_settings():
    result = run_django(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env()
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def load_settings(monkeypatch, **env):
    """The settings module's values, evaluated afresh in the given environment."""
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return runpy.run_path(SETTINGS_FILE)


def test_settings_without_debug_turn_on_https_and_secure_cookies(monkeypatch):
    monkeypatch.delenv("DJANGO_DEBUG", raising=False)
    values = load_settings(monkeypatch, DJANGO_SECRET_KEY="x" * 60)

    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] == 31536000
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SECURE_REDIRECT_EXEMPT"] == [r"^health/$"]


def test_settings_without_debug_refuse_to_start_without_a_secret_key(monkeypatch):
    monkeypatch.delenv("DJANGO_DEBUG", raising=False)
    monkeypatch.delenv("DJANGO_SECRET_KEY", raising=False)

    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
        runpy.run_path(SETTINGS_FILE)


def test_settings_run_tasks_at_once_by_default(monkeypatch):
    monkeypatch.delenv("DJANGO_TASKS_BACKEND", raising=False)

    values = load_settings(monkeypatch)

    assert values["TASKS"]["default"]["BACKEND"] == (
        "django.tasks.backends.immediate.ImmediateBackend"
    )


def test_settings_without_debug_queue_mail_for_the_worker_with_a_short_smtp_timeout(monkeypatch):
    monkeypatch.delenv("DJANGO_DEBUG", raising=False)
    monkeypatch.delenv("DJANGO_TASKS_BACKEND", raising=False)
    monkeypatch.delenv("EMAIL_TIMEOUT", raising=False)

    values = load_settings(monkeypatch, DJANGO_SECRET_KEY="x" * 60, EMAIL_HOST="smtp.example.org")

    assert values["TASKS"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert values["MAILERS"]["default"]["OPTIONS"]["timeout"] <= 10


def test_settings_queue_tasks_in_the_database_when_asked(monkeypatch):
    values = load_settings(monkeypatch, DJANGO_TASKS_BACKEND="database")

    assert values["TASKS"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert "django_tasks_db" in values["INSTALLED_APPS"]


def test_settings_refuse_an_unknown_tasks_backend(monkeypatch):
    monkeypatch.setenv("DJANGO_TASKS_BACKEND", "celery")

    with pytest.raises(ImproperlyConfigured, match="DJANGO_TASKS_BACKEND"):
        runpy.run_path(SETTINGS_FILE)


def test_settings_read_login_protection_and_retention_from_the_environment(monkeypatch):
    values = load_settings(
        monkeypatch,
        DJANGO_AXES_FAILURE_LIMIT="3",
        DJANGO_AXES_COOLOFF_MINUTES="90",
        DJANGO_TRUSTED_PROXY_COUNT="2",
        UNNM_RSVP_RETENTION_MONTHS="6",
    )

    assert values["AXES_FAILURE_LIMIT"] == 3
    assert values["AXES_COOLOFF_TIME"].total_seconds() == 90 * 60
    assert values["UNNM_TRUSTED_PROXY_COUNT"] == 2
    assert values["UNNM_RSVP_RETENTION_MONTHS"] == 6


def collect_static(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "unnm.staticfiles.StaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)


def test_collectstatic_builds_the_compressed_manifest(settings, tmp_path):
    collect_static(settings, tmp_path)

    manifest = (tmp_path / "static" / "staticfiles.json").read_text()
    assert "vendor/bootstrap/css/bootstrap.min.css" in manifest
    assert "admin/js/core.js" in manifest
    assert list((tmp_path / "static" / "css").glob("site.*.css.gz"))


def test_a_static_file_s_address_is_looked_up_in_the_manifest_once(settings, tmp_path):
    collect_static(settings, tmp_path)
    storage = StaticFilesStorage()
    looked_up = []
    stored_name = storage.stored_name
    storage.stored_name = lambda name: looked_up.append(name) or stored_name(name)

    addresses = [storage.url("css/site.css") for _ in range(3)]

    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", addresses[0])
    assert addresses == [addresses[0]] * 3
    assert looked_up == ["css/site.css"]


def test_gunicorn_config_binds_to_localhost_with_workers_from_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    monkeypatch.setenv("PORT", "8123")
    monkeypatch.delenv("GUNICORN_BIND", raising=False)

    config = runpy.run_path(str(BASE_DIR / "gunicorn.conf.py"))

    assert config["bind"] == "127.0.0.1:8123"
    assert config["workers"] == 3
    assert config["wsgi_app"] == "unnm.wsgi:application"
    assert config["max_requests"] == 20000  # a busy server must not restart workers every minute


def test_gunicorn_worker_recycling_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("GUNICORN_MAX_REQUESTS", "0")

    config = runpy.run_path(str(BASE_DIR / "gunicorn.conf.py"))

    assert config["max_requests"] == 0 and config["max_requests_jitter"] == 0


def test_every_environment_variable_is_documented():
    sources = (BASE_DIR / "unnm" / "settings.py").read_text()
    sources += (BASE_DIR / "gunicorn.conf.py").read_text()
    reads = r"""(?:environ\.get|environ\[|env_bool|env_list)\(?\s*["']([A-Z_]+)["']"""
    names = set(re.findall(reads, sources))
    readme = (BASE_DIR / "README.md").read_text()
    example = (BASE_DIR / ".env.example").read_text()

    assert {"DJANGO_SECRET_KEY", "DJANGO_TASKS_BACKEND", "GUNICORN_WORKERS"} <= names
    assert [name for name in sorted(names) if f"`{name}`" not in readme] == []
    assert [name for name in sorted(names) if f"\n{name}=" not in example] == []
