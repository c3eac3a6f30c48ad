"""
Answers to a meeting (RSVPs): taking and releasing seats, the waiting list, moderation and
check-in, with the mail each change sends.

Every seat change locks the meeting's RSVP settings row first (`select_for_update`, a real row
lock on PostgreSQL), so two answers pressed at the same moment are counted one after the other
and capacity is never exceeded. Mail is written to the outbox inside the same transaction and
sent only once it commits: an answer is never lost to a failing mail server.
"""

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from meetings.mail import queue_rsvp_mail
from meetings.models import RSVP, Participation, RSVPSettings
from meetings.models.rsvp import InvitationStatus, RSVPStatus
from unnm.models import MailKind


class SeatUnavailable(Exception):
    """The attendance mode asked for has no seat left."""


def _lock_settings(meeting):
    return RSVPSettings.objects.select_for_update().select_related("meeting").get(meeting=meeting)


def has_seat(rsvp_settings, mode, *, ignore=None):
    """Whether one more confirmed participant fits, in total and in `mode`."""
    left = rsvp_settings.seats_left(ignore=ignore)
    return left["total"] != 0 and left["by_mode"].get(mode) != 0


def _seat_or_queue(rsvp, rsvp_settings, now):
    if has_seat(rsvp_settings, rsvp.attendance_mode, ignore=rsvp):
        rsvp.status = RSVPStatus.CONFIRMED
        rsvp.queued_at = None
    else:
        rsvp.status = RSVPStatus.WAITLISTED
        rsvp.queued_at = now


def submit_rsvp(meeting, rsvp, *, invitation=None, now=None):
    """
    Save a new answer (an unsaved RSVP from the form) and give it a seat, a place on the waiting
    list, or, for a moderated meeting, a place in the secretariat's queue. Returns `(answer,
    created)` like `get_or_create`: the saved RSVP and True, or the existing one and False
    (unchanged, its personal link mailed again) when the address had answered.
    """
    now = now or timezone.now()
    with transaction.atomic():
        rsvp_settings = _lock_settings(meeting)
        existing = RSVP.objects.filter(meeting=meeting).for_email(rsvp.email).first()
        if existing is not None:
            queue_rsvp_mail(existing, MailKind.LINK)
            return existing, False
        rsvp.meeting = meeting
        rsvp.invitation = invitation
        rsvp.privacy_accepted_at = now
        if rsvp_settings.is_moderated:
            rsvp.status = RSVPStatus.PENDING
        else:
            _seat_or_queue(rsvp, rsvp_settings, now)
        rsvp.save()
        if invitation is not None and invitation.status == InvitationStatus.SENT:
            invitation.status = InvitationStatus.ANSWERED
            invitation.answered_at = now
            invitation.save(update_fields=["status", "answered_at"])
        queue_rsvp_mail(rsvp, MailKind.CONFIRMATION)
    return rsvp, True


def change_rsvp(rsvp, *, now=None):
    """
    Save a participant's changes. A confirmed participant who switches mode keeps their seat only
    if the new mode has one (else SeatUnavailable and nothing is saved); a freed seat goes to the
    waiting list.
    """
    now = now or timezone.now()
    with transaction.atomic():
        rsvp_settings = _lock_settings(rsvp.meeting)
        before = RSVP.objects.get(pk=rsvp.pk)
        mode_changed = before.attendance_mode != rsvp.attendance_mode
        if (
            mode_changed
            and rsvp.status == RSVPStatus.CONFIRMED
            and not has_seat(rsvp_settings, rsvp.attendance_mode, ignore=rsvp)
        ):
            raise SeatUnavailable
        rsvp.save()
        if mode_changed:
            promote_waitlist(rsvp_settings, now=now)
    return rsvp


def cancel_rsvp(rsvp, *, now=None, notify=True):
    """The participant withdraws; their seat goes to the first on the waiting list who fits.

    `notify=False` when the participant is not to be written to (their data is being erased)."""
    now = now or timezone.now()
    with transaction.atomic():
        rsvp_settings = _lock_settings(rsvp.meeting)
        rsvp.refresh_from_db()
        if not rsvp.is_active:
            return rsvp
        rsvp.status = RSVPStatus.CANCELLED
        rsvp.queued_at = None
        rsvp.save(update_fields=["status", "queued_at", "modified"])
        if notify:
            queue_rsvp_mail(rsvp, MailKind.CANCELLATION)
        promote_waitlist(rsvp_settings, now=now)
    return rsvp


def reactivate_rsvp(rsvp, *, now=None):
    """A participant who had cancelled answers again (through their personal link)."""
    now = now or timezone.now()
    with transaction.atomic():
        rsvp_settings = _lock_settings(rsvp.meeting)
        rsvp.refresh_from_db()
        if rsvp.status != RSVPStatus.CANCELLED:
            return rsvp
        if rsvp_settings.is_moderated:
            rsvp.status = RSVPStatus.PENDING
        else:
            _seat_or_queue(rsvp, rsvp_settings, now)
        rsvp.save(update_fields=["status", "queued_at", "modified"])
        queue_rsvp_mail(rsvp, MailKind.CONFIRMATION)
    return rsvp


def promote_waitlist(rsvp_settings, *, now=None):
    """Give freed seats to the waiting list, first come first served (within a held lock)."""
    promoted = []
    for rsvp in (
        RSVP.objects.filter(meeting_id=rsvp_settings.meeting_id)
        .waitlisted()
        .select_related("meeting")
    ):
        if rsvp_settings.capacity is not None and (
            RSVP.objects.filter(meeting_id=rsvp_settings.meeting_id).confirmed().count()
            >= rsvp_settings.capacity
        ):
            break
        if has_seat(rsvp_settings, rsvp.attendance_mode):
            rsvp.status = RSVPStatus.CONFIRMED
            rsvp.queued_at = None
            rsvp.save(update_fields=["status", "queued_at", "modified"])
            queue_rsvp_mail(rsvp, MailKind.PROMOTION)
            promoted.append(rsvp)
    return promoted


def approve_rsvps(rsvps, *, now=None):
    """The secretariat accepts answers to a moderated meeting: a seat, else the waiting list."""
    now = now or timezone.now()
    done = []
    with transaction.atomic():
        for rsvp in rsvps.filter(status=RSVPStatus.PENDING).select_related("meeting"):
            rsvp_settings = _lock_settings(rsvp.meeting)
            _seat_or_queue(rsvp, rsvp_settings, now)
            rsvp.save(update_fields=["status", "queued_at", "modified"])
            queue_rsvp_mail(rsvp, MailKind.APPROVAL)
            done.append(rsvp)
    return done


def decline_rsvps(rsvps, *, now=None):
    """The secretariat turns answers down; confirmed seats they held go to the waiting list."""
    now = now or timezone.now()
    done = []
    with transaction.atomic():
        for rsvp in rsvps.active().select_related("meeting"):
            rsvp_settings = _lock_settings(rsvp.meeting)
            rsvp.status = RSVPStatus.DECLINED
            rsvp.queued_at = None
            rsvp.save(update_fields=["status", "queued_at", "modified"])
            queue_rsvp_mail(rsvp, MailKind.APPROVAL)
            promote_waitlist(rsvp_settings, now=now)
            done.append(rsvp)
    return done


def record_attendance(meeting):
    """Carry the check-ins into the meeting's participation: representatives per organisation.

    Only organisations with at least one check-in are touched; a row entered by hand for an
    organisation nobody checked in for is left as it is."""
    counts = (
        RSVP.objects.filter(meeting=meeting, organisation__isnull=False)
        .attended()
        .values_list("organisation")
        .annotate(n=Count("pk"))
        .order_by()
    )
    with transaction.atomic():
        for organisation_id, n in counts:
            Participation.objects.update_or_create(
                meeting=meeting, organisation_id=organisation_id, defaults={"representatives": n}
            )
    return len(counts)
