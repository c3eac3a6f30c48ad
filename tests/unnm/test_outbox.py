"""The outbox: one table for every mail, with the rules a row must keep."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction

from tests.meetings.rsvp_factories import RSVPFactory, open_meeting
from tests.members.factories import PersonFactory
from unnm import outbox
from unnm.models import OutgoingMail

pytestmark = pytest.mark.django_db


def test_outbox_mail_about_any_record_is_sent_once_the_change_commits(
    mailoutbox, django_capture_on_commit_callbacks
):
    person = PersonFactory(email="focal.point@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        mail = outbox.queue(
            to=person.email,
            kind=OutgoingMail.Kind.ANNOUNCEMENT,
            subject="Network news",
            body="The next meeting is in June.",
            regarding=person,
            attachments=[{"filename": "note.txt", "mimetype": "text/plain", "content": "Hi"}],
        )
        assert mailoutbox == []

    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT and mail.regarding == person
    assert [m.to for m in mailoutbox] == [["focal.point@example.org"]]
    assert mailoutbox[0].attachments[0][:2] == ("note.txt", "Hi")


def test_outbox_mail_about_an_rsvp_is_found_from_it(django_capture_on_commit_callbacks):
    rsvp = RSVPFactory(meeting=open_meeting())
    mail = outbox.queue(to=rsvp.email, kind="confirmation", subject="S", body="B", regarding=rsvp)

    assert list(rsvp.mails.all()) == [mail]
    assert list(OutgoingMail.objects.filter(rsvp__meeting=rsvp.meeting)) == [mail]


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": "gossip"},
        {"status": "lost"},
        {"to": ""},
        {"regarding_id": 1},  # half a reference: no type
    ],
    ids=["unknown kind", "unknown status", "no recipient", "half a reference"],
)
def test_outbox_database_refuses_a_mail_that_breaks_its_rules(fields):
    values = {"kind": "announcement", "to": "a@example.org", "subject": "S", "body": "B"} | fields

    with pytest.raises(IntegrityError), transaction.atomic():
        OutgoingMail.objects.create(**values)


def test_outbox_reference_needs_its_id_too():
    with pytest.raises(IntegrityError), transaction.atomic():
        OutgoingMail.objects.create(
            kind="announcement",
            to="a@example.org",
            subject="S",
            body="B",
            regarding_type=ContentType.objects.get_for_model(OutgoingMail),
        )
