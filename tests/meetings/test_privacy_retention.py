"""The retention rule: RSVPs' personal data goes a set number of months after the meeting."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from meetings import privacy
from meetings.admin.rsvps import rsvp_overview_rows
from meetings.mail import queue_rsvp_mail
from meetings.models import RSVP, Invitation
from meetings.privacy import months_before
from tests.meetings.factories import MeetingFactory, ParticipationFactory
from tests.meetings.rsvp_factories import InvitationFactory, RSVPFactory, RSVPSettingsFactory
from tests.members.factories import OrganisationFactory
from unnm import outbox
from unnm.models import OutgoingMail

pytestmark = pytest.mark.django_db


def meeting_ended(days_ago):
    start = timezone.now() - datetime.timedelta(days=days_ago)
    return MeetingFactory(start=start, end=start + datetime.timedelta(hours=2))


@pytest.fixture
def old_and_recent(settings):
    """A meeting that ended 14 months ago (past a 12-month retention) and one a month ago."""
    settings.UNNM_RSVP_RETENTION_MONTHS = 12
    organisation = OrganisationFactory()
    old, recent = meeting_ended(430), meeting_ended(30)
    for meeting in (old, recent):
        RSVPSettingsFactory(meeting=meeting, opens_at=meeting.start - datetime.timedelta(days=20))
        ParticipationFactory(meeting=meeting, organisation=organisation, representatives=2)
    invitation = InvitationFactory(meeting=old, email="aysel@example.org", name="Aysel Mammadova")
    RSVPFactory(
        meeting=old,
        invitation=invitation,
        name="Aysel Mammadova",
        email="aysel@example.org",
        organisation=organisation,
        position="Head of unit",
        needs="Wheelchair access",
        language="Russian",
        consent_public_listing=True,
        checked_in_at=old.start,
    )
    RSVPFactory(
        meeting=old,
        name="Farid Guliyev",
        email="farid@example.org",
        organisation=None,
        organisation_name="Farid's consultancy",
        status=RSVP.Status.CANCELLED,
    )
    RSVPFactory(
        meeting=old, organisation=organisation, status=RSVP.Status.WAITLISTED, queued_at=old.start
    )
    kept = RSVPFactory(meeting=recent, name="Nigar Hasanova", email="nigar@example.org")
    for rsvp in RSVP.objects.all():
        queue_rsvp_mail(rsvp, OutgoingMail.Kind.CONFIRMATION)
    return old, recent, organisation, kept


def snapshot():
    """Everything personal that is kept, to compare before and after a run."""
    return (
        list(RSVP.objects.order_by("pk").values()),
        list(Invitation.objects.order_by("pk").values()),
        list(OutgoingMail.objects.order_by("pk").values()),
        list(RSVP.history.order_by("pk").values()),
        list(Invitation.history.order_by("pk").values()),
    )


def test_months_before_clamps_to_the_last_day_of_a_shorter_month():
    moment = datetime.datetime(2026, 3, 31, 9, 30, tzinfo=datetime.UTC)

    assert months_before(moment, 1) == datetime.datetime(2026, 2, 28, 9, 30, tzinfo=datetime.UTC)
    assert months_before(moment, 12) == datetime.datetime(2025, 3, 31, 9, 30, tzinfo=datetime.UTC)
    assert months_before(moment, 15).date() == datetime.date(2024, 12, 31)


def test_erase_expired_erases_personal_data_of_old_meetings_only(old_and_recent):
    old, recent, organisation, kept = old_and_recent

    call_command("erase_expired_rsvp_data", verbosity=0)

    erased = RSVP.objects.filter(meeting=old)
    assert erased.count() == 3
    for rsvp in erased:
        assert rsvp.erased_on is not None
        assert rsvp.name == privacy.ERASED_NAME
        assert rsvp.email == f"erased-rsvp-{rsvp.pk}@erased.invalid"
        assert rsvp.position == rsvp.needs == rsvp.organisation_name == ""
        assert not rsvp.consent_public_listing
    aysel = erased.get(checked_in_at__isnull=False)
    assert (aysel.organisation, aysel.language, aysel.status) == (
        organisation,
        "Russian",
        RSVP.Status.CONFIRMED,
    )
    invitation = Invitation.objects.get(meeting=old)
    assert invitation.name == privacy.ERASED_NAME
    assert invitation.email.endswith("@erased.invalid") and invitation.erased_on
    for mail in OutgoingMail.objects.filter(rsvp__meeting=old):
        assert mail.to.endswith("@erased.invalid") and mail.body == "" and mail.erased_on
    kept.refresh_from_db()
    assert (kept.name, kept.email, kept.erased_on) == ("Nigar Hasanova", "nigar@example.org", None)
    assert OutgoingMail.objects.get(rsvp=kept).to == "nigar@example.org"
    everything = str(snapshot())
    assert "Nigar Hasanova" in everything  # the snapshot does hold what is kept
    for trace in ("Aysel", "aysel@", "Farid", "Wheelchair", "Head of unit", "consultancy"):
        assert trace not in everything


def test_erase_expired_keeps_the_counts(old_and_recent, client):
    old, recent, organisation, kept = old_and_recent
    before = (
        rsvp_overview_rows(old),
        RSVP.objects.filter(meeting=old).status_counts(),
        list(old.participations.values_list("organisation", "representatives")),
        old.representative_count(),
    )
    public_count = client.get(old.get_absolute_url()).context["rsvp_confirmed_count"]

    call_command("erase_expired_rsvp_data", verbosity=0)

    after = (
        rsvp_overview_rows(old),
        RSVP.objects.filter(meeting=old).status_counts(),
        list(old.participations.values_list("organisation", "representatives")),
        old.representative_count(),
    )
    assert after == before
    assert before[1] == {"confirmed": 1, "cancelled": 1, "waitlisted": 1}
    assert client.get(old.get_absolute_url()).context["rsvp_confirmed_count"] == public_count == 1
    assert list(RSVP.objects.filter(meeting=old).attended().values_list("organisation")) == [
        (organisation.pk,)
    ]


def test_erased_participant_is_no_longer_named_on_the_public_page(old_and_recent, client):
    old, *_rest = old_and_recent
    assert "Aysel Mammadova" in client.get(old.get_absolute_url()).content.decode()

    call_command("erase_expired_rsvp_data", verbosity=0)

    page = client.get(old.get_absolute_url()).content.decode()
    assert "Aysel Mammadova" not in page and privacy.ERASED_NAME not in page


def test_erase_expired_twice_changes_nothing_the_second_time(old_and_recent, capsys):
    call_command("erase_expired_rsvp_data")
    first = snapshot()
    capsys.readouterr()

    call_command("erase_expired_rsvp_data")

    assert snapshot() == first
    assert "Erased the personal data of 0 RSVPs, 0 invitations and 0 mails" in (
        capsys.readouterr().out
    )


def test_erase_expired_dry_run_writes_nothing(old_and_recent, capsys):
    before = snapshot()

    call_command("erase_expired_rsvp_data", "--dry-run")

    assert snapshot() == before
    assert "Would erase the personal data of 3 RSVPs, 1 invitations and 3 mails" in (
        capsys.readouterr().out
    )


def test_erase_expired_follows_the_configured_months(old_and_recent, settings):
    old, recent, organisation, kept = old_and_recent
    settings.UNNM_RSVP_RETENTION_MONTHS = 24

    call_command("erase_expired_rsvp_data", verbosity=0)

    assert not RSVP.objects.filter(erased_on__isnull=False).exists()

    call_command("erase_expired_rsvp_data", "--months", "0", verbosity=0)

    assert RSVP.objects.filter(erased_on__isnull=True).count() == 0


def test_erase_expired_spares_a_meeting_not_yet_past_the_period(settings):
    settings.UNNM_RSVP_RETENTION_MONTHS = 12
    meeting = meeting_ended(300)
    rsvp = RSVPFactory(meeting=meeting)

    privacy.erase_expired_personal_data()

    rsvp.refresh_from_db()
    assert rsvp.erased_on is None


def test_erased_mail_is_never_sent_or_resent(old_and_recent, mailoutbox):
    old, *_rest = old_and_recent
    call_command("erase_expired_rsvp_data", verbosity=0)
    mails = OutgoingMail.objects.filter(rsvp__meeting=old)
    mails.update(status=OutgoingMail.Status.FAILED)
    mailoutbox.clear()

    assert outbox.resend(mails) == 0
    outbox.deliver(mails.first())

    assert mailoutbox == []


def test_erased_rsvp_personal_link_no_longer_opens(old_and_recent, client):
    old, *_rest = old_and_recent
    rsvp = RSVP.objects.get(meeting=old, checked_in_at__isnull=False)
    link = rsvp.get_absolute_url()

    call_command("erase_expired_rsvp_data", verbosity=0)

    assert client.get(link).status_code == 404


def test_admin_shows_which_rsvps_were_erased(old_and_recent, admin_client):
    old, *_rest = old_and_recent
    call_command("erase_expired_rsvp_data", verbosity=0)
    rsvp = RSVP.objects.filter(meeting=old).first()

    page = admin_client.get(reverse("admin:meetings_rsvp_change", args=[rsvp.pk]))
    listing = admin_client.get(
        reverse("admin:meetings_rsvp_changelist"), {"erased_on__isnull": "False"}
    )

    assert "Personal data erased" in page.content.decode()
    assert listing.context["cl"].result_count == 3


def test_erase_expired_also_erases_the_audit_trail_of_those_rows(old_and_recent):
    old, recent, organisation, kept = old_and_recent
    aysel = RSVP.objects.get(meeting=old, checked_in_at__isnull=False)
    aysel.position = "Deputy head of unit"
    aysel.save()
    assert RSVP.history.filter(id=aysel.pk).count() == 2

    call_command("erase_expired_rsvp_data", verbosity=0)

    versions = RSVP.history.filter(id=aysel.pk)
    assert versions.count() == 2
    for version in versions:
        assert version.name == privacy.ERASED_NAME and version.erased_on
        assert version.email == f"erased-rsvp-{aysel.pk}@erased.invalid"
        assert version.position == version.needs == ""
    assert {v.name for v in Invitation.history.filter(meeting=old)} == {privacy.ERASED_NAME}
    assert RSVP.history.filter(id=kept.pk, name="Nigar Hasanova").exists()
