"""Background tasks: queued in the database in production and run by django-tasks-db's worker."""

import pytest
from django.core.mail import send_mail
from django.core.management import call_command
from django.tasks import task
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db


@task
def send_greeting(address):
    send_mail("Greetings", "From the secretariat.", None, [address])


def test_tasks_run_at_once_with_the_default_backend(mailoutbox):
    send_greeting.enqueue("focal.point@example.org")

    assert [mail.to for mail in mailoutbox] == [["focal.point@example.org"]]
    assert not DBTaskResult.objects.exists()


def test_database_backend_queues_mail_until_the_worker_runs(settings, mailoutbox, monkeypatch):
    # Between tasks the worker closes connections whose autocommit is off, as the test's
    # wrapping transaction's is; here it must keep the test's connection.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    send_greeting.enqueue("focal.point@example.org")
    queued = list(mailoutbox)
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)

    assert queued == []
    assert [mail.to for mail in mailoutbox] == [["focal.point@example.org"]]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
