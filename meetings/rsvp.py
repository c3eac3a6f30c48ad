"""
Answers to a meeting (RSVPs): taking and releasing seats, the waiting list, moderation and
check-in, with the mail each change sends.

Every seat change locks the meeting's RSVP settings row first (`select_for_update`, a real row
lock on PostgreSQL), so two answers pressed at the same moment are counted one after the other
and capacity is never exceeded. Mail is written to the outbox inside the same transaction and
sent only once it commits: an answer is never lost to a failing mail server.
"""

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from meetings.mail import queue_rsvp_mail
from meetings.models import RSVP, Participation, RSVPSettings
from meetings.models.invitation import InvitationStatus
from meetings.models.rsvp import RSVPStatus
from unnm.models import MailKind


class SeatUnavailable(Exception):
    """The attendance mode asked for has no seat left."""


class AnswerWithdrawn(Exception):
    """The answer was cancelled or declined meanwhile: a form loaded before cannot revive it."""


# What a participant may change through their personal link (the form's fields); a change
# never writes the status, the queue or the check-in, which only the services set.
CHANGEABLE_FIELDS = frozenset(
    {
        "name",
        "organisation",
        "organisation_name",
        "position",
        "attendance_mode",
        "language",
        "needs",
        "consent_public_listing",
        "mail_language",
    }
)


def _lock_settings(meeting):
    return RSVPSettings.objects.select_for_update().select_related("meeting").get(meeting=meeting)


def _lock_rsvp(rsvp):
    """The answer as it is now, locked: always taken after the settings row (one lock order)."""
    return RSVP.objects.select_for_update().select_related("meeting").get(pk=rsvp.pk)


def _may_resend_link(rsvp):
    """At most one personal link per address and meeting every RSVP_RESEND_INTERVAL seconds:
    the public form must not become a way to flood someone's mailbox."""
    key = f"rsvp-link:{rsvp.meeting_id}:{rsvp.email.lower()}"
    return caches["ratelimit"].add(key, 1, timeout=settings.RSVP_RESEND_INTERVAL)


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


def submit_rsvp(meeting, rsvp, *, invitation=None, attending=True, now=None, base_url=None):
    """
    Save a new answer (an unsaved RSVP from the form) and give it a seat, a place on the waiting
    list, or, for a moderated meeting, a place in the secretariat's queue. Returns `(answer,
    created)` like `get_or_create`: the saved RSVP and True, or the existing one and False
    (unchanged, its personal link mailed again at most once per RSVP_RESEND_INTERVAL) when the
    address had answered. `attending=False` records "I cannot attend": an answer without a seat.
    """
    now = now or timezone.now()
    with transaction.atomic():
        rsvp_settings = _lock_settings(meeting)
        existing = RSVP.objects.filter(meeting=meeting).for_email(rsvp.email).first()
        if existing is not None:
            if _may_resend_link(existing):
                queue_rsvp_mail(existing, MailKind.LINK, base_url=base_url)
            return existing, False
        rsvp.meeting = meeting
        rsvp.invitation = invitation
        rsvp.privacy_accepted_at = now
        if not attending:
            rsvp.status = RSVPStatus.NOT_ATTENDING
            rsvp.queued_at = None
        elif rsvp_settings.is_moderated:
            rsvp.status = RSVPStatus.PENDING
        else:
            _seat_or_queue(rsvp, rsvp_settings, now)
        rsvp.save()
        if invitation is not None and invitation.status == InvitationStatus.SENT:
            invitation.status = InvitationStatus.ANSWERED
            invitation.answered_at = now
            # Its reminders, if staff send one, follow the language it was answered in.
            invitation.mail_language = rsvp.mail_language
            invitation.save(update_fields=["status", "answered_at", "mail_language"])
        queue_rsvp_mail(rsvp, MailKind.CONFIRMATION, base_url=base_url)
    return rsvp, True


def change_rsvp(rsvp, changes, *, now=None, base_url=None):
    """
    Apply a participant's changes (`changes`: field name to new value, only the fields they
    changed on the form) to their answer as it is now, re-read under the lock: a form loaded
    before a cancellation neither undoes it (AnswerWithdrawn) nor writes back a stale seat. A
    confirmed participant who switches mode keeps their seat only if the new mode has one (else
    SeatUnavailable and nothing is saved); a freed seat goes to the waiting list. Returns the
    fresh answer; a change is confirmed by mail.
    """
    now = now or timezone.now()
    unknown = set(changes) - CHANGEABLE_FIELDS
    if unknown:
        raise ValueError(f"not changeable through the personal link: {sorted(unknown)}")
    with transaction.atomic():
        rsvp_settings = _lock_settings(rsvp.meeting)
        fresh = _lock_rsvp(rsvp)
        if not fresh.is_active:
            raise AnswerWithdrawn
        changed = {name: value for name, value in changes.items() if getattr(fresh, name) != value}
        if not changed:
            return fresh
        mode = changed.get("attendance_mode")
        if (
            mode is not None
            and fresh.status == RSVPStatus.CONFIRMED
            and not has_seat(rsvp_settings, mode, ignore=fresh)
        ):
            raise SeatUnavailable
        for name, value in changed.items():
            setattr(fresh, name, value)
        fresh.save(update_fields=[*changed, "modified"])
        if mode is not None:
            promote_waitlist(rsvp_settings, now=now, base_url=base_url)
            fresh.refresh_from_db()
        queue_rsvp_mail(fresh, MailKind.CHANGE, base_url=base_url)
    return fresh


def wait_for_mode(rsvp, mode, *, now=None, base_url=None):
    """
    A participant whose change of mode was refused (the mode is full) gives up their answer's
    place for the waiting list of the mode they wanted; their freed seat goes to those waiting.
    """
    now = now or timezone.now()
    with transaction.atomic():
        rsvp_settings = _lock_settings(rsvp.meeting)
        fresh = _lock_rsvp(rsvp)
        if not fresh.is_active:
            raise AnswerWithdrawn
        if mode not in rsvp_settings.modes:
            raise ValueError(f"{mode!r} is not a mode of this meeting")
        fresh.attendance_mode = mode
        fresh.status = RSVPStatus.WAITLISTED
        fresh.queued_at = now
        fresh.save(update_fields=["attendance_mode", "status", "queued_at", "modified"])
        promote_waitlist(rsvp_settings, now=now, base_url=base_url)
        fresh.refresh_from_db()
        queue_rsvp_mail(fresh, MailKind.CHANGE, base_url=base_url)
    return fresh


def cancel_rsvp(rsvp, *, now=None, notify=True, base_url=None):
    """The participant withdraws; their seat goes to the first on the waiting list who fits.

    `notify=False` when the participant is not to be written to (their data is being erased)."""
    now = now or timezone.now()
    with transaction.atomic():
        rsvp_settings = _lock_settings(rsvp.meeting)
        rsvp = _lock_rsvp(rsvp)
        if not rsvp.is_active:
            return rsvp
        rsvp.status = RSVPStatus.CANCELLED
        rsvp.queued_at = None
        rsvp.save(update_fields=["status", "queued_at", "modified"])
        if notify:
            queue_rsvp_mail(rsvp, MailKind.CANCELLATION, base_url=base_url)
        promote_waitlist(rsvp_settings, now=now, base_url=base_url)
    return rsvp


def reactivate_rsvp(rsvp, *, now=None, base_url=None):
    """A participant who had cancelled, or said they cannot attend, will attend after all
    (through their personal link)."""
    now = now or timezone.now()
    with transaction.atomic():
        rsvp_settings = _lock_settings(rsvp.meeting)
        rsvp = _lock_rsvp(rsvp)
        if rsvp.status not in (RSVPStatus.CANCELLED, RSVPStatus.NOT_ATTENDING):
            return rsvp
        if rsvp_settings.is_moderated:
            rsvp.status = RSVPStatus.PENDING
        else:
            _seat_or_queue(rsvp, rsvp_settings, now)
        rsvp.save(update_fields=["status", "queued_at", "modified"])
        queue_rsvp_mail(rsvp, MailKind.CONFIRMATION, base_url=base_url)
    return rsvp


def cannot_attend(rsvp, *, now=None, base_url=None):
    """The participant says, through their personal link, that they cannot attend: their
    answer stays (counted as "not attending"), their seat goes to the waiting list."""
    now = now or timezone.now()
    with transaction.atomic():
        rsvp_settings = _lock_settings(rsvp.meeting)
        rsvp = _lock_rsvp(rsvp)
        if not rsvp.is_active:
            return rsvp
        rsvp.status = RSVPStatus.NOT_ATTENDING
        rsvp.queued_at = None
        rsvp.save(update_fields=["status", "queued_at", "modified"])
        queue_rsvp_mail(rsvp, MailKind.CHANGE, base_url=base_url)
        promote_waitlist(rsvp_settings, now=now, base_url=base_url)
    return rsvp


def promote_freed_seats(meeting, *, now=None, base_url=None):
    """Give the waiting list the seats a change of the settings freed (capacity raised)."""
    with transaction.atomic():
        return promote_waitlist(_lock_settings(meeting), now=now, base_url=base_url)


def promote_waitlist(rsvp_settings, *, now=None, base_url=None):
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
            queue_rsvp_mail(rsvp, MailKind.PROMOTION, base_url=base_url)
            promoted.append(rsvp)
    return promoted


def approve_rsvps(rsvps, *, now=None, base_url=None):
    """The secretariat accepts answers to a moderated meeting: a seat, else the waiting list."""
    now = now or timezone.now()
    done = []
    with transaction.atomic():
        for rsvp in rsvps.filter(status=RSVPStatus.PENDING).select_related("meeting"):
            rsvp_settings = _lock_settings(rsvp.meeting)
            _seat_or_queue(rsvp, rsvp_settings, now)
            rsvp.save(update_fields=["status", "queued_at", "modified"])
            queue_rsvp_mail(rsvp, MailKind.APPROVAL, base_url=base_url)
            done.append(rsvp)
    return done


def decline_rsvps(rsvps, *, now=None, base_url=None):
    """The secretariat turns answers down; confirmed seats they held go to the waiting list."""
    now = now or timezone.now()
    done = []
    with transaction.atomic():
        for rsvp in rsvps.active().select_related("meeting"):
            rsvp_settings = _lock_settings(rsvp.meeting)
            rsvp = _lock_rsvp(rsvp)
            if not rsvp.is_active:
                continue
            rsvp.status = RSVPStatus.DECLINED
            rsvp.queued_at = None
            rsvp.save(update_fields=["status", "queued_at", "modified"])
            queue_rsvp_mail(rsvp, MailKind.APPROVAL, base_url=base_url)
            promote_waitlist(rsvp_settings, now=now, base_url=base_url)
            done.append(rsvp)
    return done


def record_attendance(meeting, *, undone=()):
    """Carry the check-ins into the meeting's participation: representatives per organisation.

    Only organisations with at least one check-in are touched; a row entered by hand for an
    organisation nobody checked in for is left as it is. `undone`: the organisations whose
    check-ins were just undone. One of them with no check-in left loses what check-ins gave it:
    a plain participant row (the role check-ins create) is removed; a row with another role
    (organiser, speaker, observer) was entered by hand and only loses its count."""
    counts = dict(
        RSVP.objects.filter(meeting=meeting, organisation__isnull=False)
        .attended()
        .values_list("organisation")
        .annotate(n=Count("pk"))
        .order_by()
    )
    with transaction.atomic():
        for organisation_id, n in counts.items():
            Participation.objects.update_or_create(
                meeting=meeting, organisation_id=organisation_id, defaults={"representatives": n}
            )
        gone = Participation.objects.filter(meeting=meeting, organisation__in=undone).exclude(
            organisation__in=counts
        )
        gone.filter(role=Participation.Role.PARTICIPANT).delete()
        gone.update(representatives=None)
    return len(counts)


class CheckInTooEarly(Exception):
    """Check-in opens on the meeting's day, in the meeting's time zone."""


def check_in(rsvps, *, now=None):
    """Mark answers as attended; refused (CheckInTooEarly, nothing changed) before the day of
    any of their meetings. Returns how many were checked in."""
    now = now or timezone.now()
    rsvps = list(rsvps.filter(checked_in_at__isnull=True).select_related("meeting"))
    today = timezone.localdate(now)
    if any(today < timezone.localdate(rsvp.meeting.start) for rsvp in rsvps):
        raise CheckInTooEarly
    with transaction.atomic():
        for rsvp in rsvps:
            # One save per answer, not an update(): each check-in is in the answer's history.
            rsvp.checked_in_at = now
            rsvp.save(update_fields=["checked_in_at", "modified"])
        for meeting in {rsvp.meeting for rsvp in rsvps}:
            record_attendance(meeting)
    return len(rsvps)


def undo_check_in(rsvps):
    """Take check-ins back; an organisation left with none loses its participation row."""
    rsvps = list(rsvps.filter(checked_in_at__isnull=False).select_related("meeting"))
    with transaction.atomic():
        for rsvp in rsvps:
            rsvp.checked_in_at = None
            rsvp.save(update_fields=["checked_in_at", "modified"])
        for meeting in {rsvp.meeting for rsvp in rsvps}:
            undone = {r.organisation_id for r in rsvps if r.meeting == meeting}
            record_attendance(meeting, undone=undone - {None})
    return len(rsvps)
