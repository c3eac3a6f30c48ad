"""The admin home groups the secretariat's work and keeps technical tables for superusers; `make
run`'s console ends with the address and the login, with nothing that reads like an error."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from unnm.management.commands.demo_server import Command as DemoServer

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
WORK = ["Members", "Meetings and answers", "Frameworks and work plan"]
TECHNICAL = ["Access attempts", "Task Results", "GCM objectives", "SDG targets"]


def home(client, user):
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    return [app["name"] for app in response.context["app_list"]], response.content.decode()


def test_admin_home_for_a_secretariat_editor_groups_the_work_and_hides_technical_tables(client):
    editor = get_user_model().objects.create_user("editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Secretariat editors"))

    names, content = home(client, editor)

    assert [str(name) for name in names] == WORK
    for label in TECHNICAL:
        assert label not in content
    assert "Outgoing mail" not in content  # no permission on the outbox
    assert "Cooperation frameworks" in content and "Organisations" in content
    assert client.get(reverse("admin:app_list", args=["frameworks"])).context["app_list"]
    frameworks_page = client.get(reverse("admin:app_list", args=["frameworks"]))
    assert "GCM objectives" not in frameworks_page.content.decode()


def test_admin_home_for_a_superuser_shows_everything_technical_last(client):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x")

    names, content = home(client, admin)

    assert [str(name) for name in names] == [
        *WORK,
        "Mail",
        "Users and roles",
        "Technical (superusers only)",
    ]
    for label in TECHNICAL:
        assert label in content


def test_demo_server_console_ends_with_the_address_and_the_admin_login(monkeypatch, settings):
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-demo-password")
    out = io.StringIO()
    server = DemoServer(stdout=out)
    server.addr, server._raw_ipv6, server.protocol = "127.0.0.1", False, "http"

    server.on_bind(8123)

    lines = out.getvalue().strip().splitlines()
    assert lines[-2] == "The site:  http://127.0.0.1:8123/"
    assert (
        lines[-1]
        == "The admin: http://127.0.0.1:8123/admin/  user 'admin', password 'a-demo-password'"
    )
    assert any("Starting WSGI development server" in line for line in lines[:-2])


def test_demo_server_never_prints_a_password_without_debug(monkeypatch, settings):
    settings.DEBUG = False
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-demo-password")
    out = io.StringIO()
    server = DemoServer(stdout=out)
    server.addr, server._raw_ipv6, server.protocol = "127.0.0.1", False, "http"

    server.on_bind(8000)

    assert "a-demo-password" not in out.getvalue()


def test_fresh_database_setup_prints_nothing_that_reads_like_an_error(tmp_path):
    """What `make run` runs before serving, on a new SQLite file."""
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
        "DEMO_ADMIN_PASSWORD": "a-demo-password",
    }
    output = ""
    for command in (["migrate", "--noinput"], ["load_demo"]):
        done = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        output += done.stdout + done.stderr
    makefile = (BASE_DIR / "Makefile").read_text()

    lines = [line for line in output.splitlines() if "add_error_messages" not in line]
    assert not [
        line
        for line in lines
        if any(w in line.lower() for w in ("error", "warning", "exists", "traceback"))
    ]
    assert "Demo admin created: user 'admin', password 'a-demo-password'" in output
    run = makefile[makefile.index("\nrun:") :].split("\n\n")[0]
    assert (
        "demo_server" in run
        and "createcachetable" not in makefile.split("\nmigrate:")[1].split("\n\n")[0]
    )
