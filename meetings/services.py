"""
Operations on meetings that write several rows at once or send mail: duplicating a meeting;
taking and releasing seats, the waiting list, moderation, invitations and the mail about them.

Every seat change locks the meeting's RSVP settings row first (`select_for_update`, a real row
lock on PostgreSQL), so two answers pressed at the same moment are counted one after the other
and capacity is never exceeded. Mail is written to `OutgoingMail` inside the same transaction and
handed to the task queue only once it commits: an answer is never lost to a failing mail server.
"""

import calendar

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import CharField, Count, ProtectedError, Q, QuerySet, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from meetings.calendar import build_calendar
from meetings.models import (
    RSVP,
    AgendaItem,
    Invitation,
    Meeting,
    OutgoingMail,
    Participation,
    RSVPSettings,
)
from meetings.models.rsvp import (
    DEFAULT_CONFIRMATION_SUBJECT,
    DEFAULT_CONFIRMATION_TEXT,
    DEFAULT_INVITATION_SUBJECT,
    DEFAULT_INVITATION_TEXT,
    AttendanceMode,
    InvitationStatus,
    MailKind,
    RSVPStatus,
    fill_placeholders,
)
from members.models import Person, Position


@transaction.atomic
def duplicate_meeting(meeting):
    """A new draft of a recurring meeting: same setting and agenda, no record of what happened.

    Remarks, participation, outcomes, documents and minutes belong to the meeting that took
    place, so they are not copied.
    """
    copy = Meeting.objects.get(pk=meeting.pk)
    copy.pk = None
    copy.id = None
    copy.slug = ""
    copy.status = Meeting.Status.DRAFT
    copy.is_demo = meeting.is_demo
    copy.save()
    copy.chairs.set(meeting.chairs.all())
    copy.gcm_objectives.set(meeting.gcm_objectives.all())
    copy.priorities.set(meeting.priorities.all())
    bulk_create_with_history(
        [
            AgendaItem(
                meeting=copy,
                order=item.order,
                start_time=item.start_time,
                duration=item.duration,
                title=item.title,
                kind=item.kind,
                description=item.description,
            )
            for item in meeting.agenda_items.all()
        ],
        AgendaItem,
    )
    return copy


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
    list, or, for a moderated meeting, a place in the secretariat's queue. Returns the saved RSVP,
    or the existing one (unchanged, its personal link mailed again) when the address had answered.
    """
    now = now or timezone.now()
    with transaction.atomic():
        rsvp_settings = _lock_settings(meeting)
        existing = RSVP.objects.filter(meeting=meeting).for_email(rsvp.email).first()
        if existing is not None:
            queue_rsvp_mail(existing, MailKind.LINK)
            existing.already_answered = True
            return existing
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
    rsvp.already_answered = False
    return rsvp


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


def decline_invitation(invitation, *, now=None):
    """A focal point declines for their organisation (or an invitee for themself)."""
    invitation.status = InvitationStatus.DECLINED
    invitation.answered_at = now or timezone.now()
    invitation.save(update_fields=["status", "answered_at"])
    return invitation


def invite(meeting, *, email, name, organisation=None, person=None, kind=Invitation.Kind.PERSON):
    """Invite one address to a meeting and mail its personal link (once; again is a no-op)."""
    with transaction.atomic():
        invitation = Invitation.objects.filter(meeting=meeting, email__iexact=email).first()
        if invitation is not None:
            return invitation, False
        invitation = Invitation.objects.create(
            meeting=meeting,
            email=email,
            name=name,
            organisation=organisation,
            person=person,
            kind=kind,
        )
        queue_invitation_mail(invitation, MailKind.INVITATION)
    return invitation, True


def invite_organisations(meeting, organisations):
    """Invite each organisation through its focal points with an email address."""
    created = []
    for organisation in organisations.prefetch_related("people"):
        for person in organisation.people.all():
            if person.is_focal_point and person.is_active and person.email:
                invitation, new = invite(
                    meeting,
                    email=person.email,
                    name=person.name,
                    organisation=organisation,
                    person=person,
                    kind=Invitation.Kind.ORGANISATION,
                )
                if new:
                    created.append(invitation)
    return created


def remind(invitations=None, rsvps=None, *, now=None):
    """Send a reminder to chosen invitees (their invitation link) or participants (their page)."""
    now = now or timezone.now()
    count = 0
    with transaction.atomic():
        for invitation in invitations if invitations is not None else []:
            queue_invitation_mail(invitation, MailKind.REMINDER)
            invitation.reminded_at = now
            invitation.save(update_fields=["reminded_at"])
            count += 1
        for rsvp in rsvps if rsvps is not None else []:
            queue_rsvp_mail(rsvp, MailKind.REMINDER)
            count += 1
    return count


# Mail ---------------------------------------------------------------------------------------


def absolute_url(path):
    return settings.UNNM_SITE_URL.rstrip("/") + path


def _meeting_values(meeting):
    start = timezone.localtime(meeting.start)
    return {
        "meeting": meeting.title,
        "date": date_format(start, "DATE_FORMAT"),
        "time": date_format(start, "TIME_FORMAT"),
        "venue": meeting.venue or meeting.get_format_display(),
        "network": settings.UNNM_NETWORK_NAME,
    }


def status_sentence(rsvp):
    if rsvp.status == RSVPStatus.CONFIRMED:
        return _("confirmed, %(mode)s.") % {"mode": rsvp.get_attendance_mode_display().lower()}
    if rsvp.status == RSVPStatus.WAITLISTED:
        return _(
            "the meeting is full; you are number %(position)s on the waiting list. If a seat "
            "frees up you get it automatically and we write to you."
        ) % {"position": rsvp.waitlist_position()}
    if rsvp.status == RSVPStatus.PENDING:
        return _("received; the secretariat will confirm your seat.")
    if rsvp.status == RSVPStatus.DECLINED:
        return _("the secretariat could not offer you a seat this time.")
    return _("cancelled.")


def render_rsvp_mail(rsvp, kind):
    """The subject and text of a mail about an RSVP, in the meeting's own wording if it has one."""
    meeting = rsvp.meeting
    rsvp_settings = meeting.rsvp_settings
    closes = rsvp_settings.closes_at or meeting.start
    values = _meeting_values(meeting) | {
        "name": rsvp.name,
        "organisation": rsvp.organisation_display,
        "status": status_sentence(rsvp),
        "closes": date_format(timezone.localtime(closes), "DATETIME_FORMAT"),
        "manage_link": absolute_url(rsvp.get_absolute_url()),
    }
    if kind == MailKind.CONFIRMATION or kind == MailKind.LINK:
        subject = rsvp_settings.confirmation_subject or str(DEFAULT_CONFIRMATION_SUBJECT)
        text = rsvp_settings.confirmation_text or str(DEFAULT_CONFIRMATION_TEXT)
    else:
        subject = {
            MailKind.PROMOTION: _("A seat for you: {meeting}"),
            MailKind.APPROVAL: _("Your answer: {meeting}"),
            MailKind.CANCELLATION: _("Cancelled: {meeting}"),
            MailKind.REMINDER: _("Reminder: {meeting}"),
        }[kind]
        opening = {
            MailKind.PROMOTION: _("A seat has become free and it is yours."),
            MailKind.APPROVAL: _("The secretariat has looked at your answer."),
            MailKind.CANCELLATION: _("We have cancelled your answer, as you asked."),
            MailKind.REMINDER: _("A reminder about the meeting you answered."),
        }[kind]
        text = (
            _("Dear {name},")
            + "\n\n"
            + opening
            + "\n\n"
            + _("{meeting}, {date} at {time} ({venue}).")
            + "\n"
            + _("Your status: {status}")
            + "\n\n"
            + _("Your personal link (see, change or cancel until {closes}):")
            + "\n{manage_link}\n\n"
            + _("The secretariat of the {network}")
        )
    body = fill_placeholders(text, values)
    if "{manage_link}" not in text:
        body += "\n\n" + _("Your personal link: %(link)s") % {"link": values["manage_link"]}
    if rsvp.sees_join_link:
        body += "\n\n" + _("Joining link (for you only, please do not forward): %(link)s") % {
            "link": meeting.online_link
        }
    return fill_placeholders(subject, values), body


def render_invitation_mail(invitation, kind):
    meeting = invitation.meeting
    rsvp_settings = meeting.rsvp_settings
    values = _meeting_values(meeting) | {
        "name": invitation.name,
        "organisation": invitation.organisation.short_name if invitation.organisation else "",
        "invitation_link": absolute_url(invitation.get_absolute_url()),
    }
    subject = rsvp_settings.invitation_subject or str(DEFAULT_INVITATION_SUBJECT)
    text = rsvp_settings.invitation_text or str(DEFAULT_INVITATION_TEXT)
    if kind == MailKind.REMINDER:
        subject = _("Reminder: %(subject)s") % {"subject": subject}
    if invitation.is_for_organisation:
        text += "\n\n" + _(
            "You are invited as the focal point of {organisation}: with the link you can name "
            "who will attend for it, or decline for the organisation."
        )
    body = fill_placeholders(text, values)
    if "{invitation_link}" not in text:
        body += "\n\n" + _("Your personal link: %(link)s") % {"link": values["invitation_link"]}
    return fill_placeholders(subject, values), body


def _queue(mail):
    from meetings.tasks import send_outgoing_mail

    transaction.on_commit(lambda: send_outgoing_mail.enqueue(mail.pk))
    return mail


def queue_rsvp_mail(rsvp, kind):
    subject, body = render_rsvp_mail(rsvp, kind)
    mail = OutgoingMail.objects.create(
        kind=kind,
        to=rsvp.email,
        subject=subject,
        body=body,
        rsvp=rsvp,
        attach_ics=rsvp.status == RSVPStatus.CONFIRMED,
    )
    return _queue(mail)


def queue_invitation_mail(invitation, kind):
    subject, body = render_invitation_mail(invitation, kind)
    mail = OutgoingMail.objects.create(
        kind=kind,
        to=invitation.email,
        subject=subject,
        body=body,
        invitation=invitation,
        attach_ics=True,
    )
    return _queue(mail)


def resend(mails):
    """Queue failed (or stuck) mails again; the admin's "resend" action. Erased ones stay."""
    mails = list(mails.filter(erased_on__isnull=True))
    for mail in mails:
        mail.status = OutgoingMail.Status.QUEUED
        mail.save(update_fields=["status"])
        _queue(mail)
    return len(mails)


def calendar_file(meeting):
    """The meeting's .ics, built by the meeting page's own calendar code."""
    return build_calendar([meeting], name=meeting.title, base_url=settings.UNNM_SITE_URL)


def build_message(mail):
    """The email of a logged mail, with the meeting's calendar file where it is due."""
    message = EmailMessage(mail.subject, mail.body, to=[mail.to])
    meeting = (mail.rsvp or mail.invitation).meeting
    if mail.attach_ics:
        message.attach(f"{meeting.slug}.ics", calendar_file(meeting), "text/calendar")
    return message


def deliver(mail):
    """Send one logged mail now and record the outcome on its row (the task's body)."""
    if mail.erased_on is not None:  # its address is gone: nothing to send
        return mail
    mail.attempts += 1
    try:
        build_message(mail).send()
    except Exception as error:  # any failure of the mail server is recorded, never raised
        mail.status = OutgoingMail.Status.FAILED
        mail.error = f"{type(error).__name__}: {error}"[:2000]
    else:
        mail.status = OutgoingMail.Status.SENT
        mail.error = ""
        mail.sent_at = timezone.now()
    mail.save(update_fields=["status", "error", "attempts", "sent_at"])
    return mail


# Privacy: retention and people's requests -------------------------------------------------------

ERASED_NAME = "(erased)"
ERASED_DOMAIN = "erased.invalid"  # a reserved top-level domain (RFC 2606): never deliverable


def _erased_address(prefix, key="pk"):
    """erased-<kind>-<pk>@erased.invalid, unique per row, so no per-meeting uniqueness breaks.

    In a historical table `key` is "id", the original row's key, so every version of a row gets
    the same address as the row itself."""
    return Concat(
        Value(f"erased-{prefix}-"),
        Cast(key, output_field=CharField()),
        Value(f"@{ERASED_DOMAIN}"),
        output_field=CharField(),
    )


RSVP_ERASED = {
    "name": Value(ERASED_NAME),
    "organisation_name": Value(""),
    "position": Value(""),
    "needs": Value(""),
    "consent_public_listing": Value(False),
}
INVITATION_ERASED = {"name": Value(ERASED_NAME), "person": None}


def erase_personal_data(*, rsvps=None, invitations=None, mails=None, now=None):
    """
    Anonymise RSVPs, invitations and logged mails: the name, address, position, needs and typed
    organisation name go, and so do the mails' texts. What the counts are made of stays: the
    meeting, the member organisation, status, attendance mode, language and check-in. Rows already
    erased are left alone, so running it again changes nothing. Returns the numbers erased.

    Used both by the daily retention command and by a person's erasure request in the admin.
    """
    now = now or timezone.now()
    rsvp_ids = _ids(rsvps, RSVP)
    invitation_ids = _ids(invitations, Invitation)
    mail_ids = _ids(mails, OutgoingMail) | set(
        OutgoingMail.objects.filter(
            Q(rsvp_id__in=rsvp_ids) | Q(invitation_id__in=invitation_ids), erased_on__isnull=True
        ).values_list("pk", flat=True)
    )
    with transaction.atomic():
        # The audit trail (django-simple-history) keeps every earlier version: those go too.
        RSVP.history.filter(id__in=rsvp_ids).update(
            **RSVP_ERASED, email=_erased_address("rsvp", "id"), erased_on=now
        )
        Invitation.history.filter(id__in=invitation_ids).update(
            **INVITATION_ERASED, email=_erased_address("invitation", "id"), erased_on=now
        )
        erased = {
            "rsvps": RSVP.objects.filter(pk__in=rsvp_ids).update(
                **RSVP_ERASED, email=_erased_address("rsvp"), erased_on=now, modified=now
            ),
            "invitations": Invitation.objects.filter(pk__in=invitation_ids).update(
                **INVITATION_ERASED, email=_erased_address("invitation"), erased_on=now
            ),
            "mails": OutgoingMail.objects.filter(pk__in=mail_ids).update(
                to=_erased_address("mail"),
                subject=ERASED_NAME,
                body="",
                error="",
                erased_on=now,
            ),
        }
    return erased


def _ids(rows, model):
    if rows is None:
        return set()
    if isinstance(rows, QuerySet):
        rows = rows.filter(erased_on__isnull=True).values_list("pk", flat=True)
        return set(rows)
    return {row.pk for row in rows if row.erased_on is None}


def months_before(moment, months):
    """The same day and time `months` calendar months earlier (the month's last day if shorter)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def expired_personal_data(now=None, months=None):
    """The not yet erased RSVPs, invitations and mails of meetings that ended over `months`
    (UNNM_RSVP_RETENTION_MONTHS) months ago."""
    now = now or timezone.now()
    months = settings.UNNM_RSVP_RETENTION_MONTHS if months is None else months
    meetings = Meeting.objects.filter(end__lt=months_before(now, months))
    return {
        "rsvps": RSVP.objects.filter(meeting__in=meetings, erased_on__isnull=True),
        "invitations": Invitation.objects.filter(meeting__in=meetings, erased_on__isnull=True),
        "mails": OutgoingMail.objects.filter(
            Q(rsvp__meeting__in=meetings) | Q(invitation__meeting__in=meetings),
            erased_on__isnull=True,
        ),
    }


def erase_expired_personal_data(now=None, months=None):
    """The retention rule: erase what `expired_personal_data` finds (the daily command's body)."""
    return erase_personal_data(**expired_personal_data(now, months), now=now)


def personal_data_for(email):
    """Everything kept about one email address, across meetings: for a person's request."""
    email = email.strip()
    return {
        "rsvps": RSVP.objects.for_email(email)
        .filter(erased_on__isnull=True)
        .select_related("meeting", "organisation")
        .order_by("meeting__start"),
        "invitations": Invitation.objects.filter(email__iexact=email, erased_on__isnull=True)
        .select_related("meeting", "organisation")
        .order_by("meeting__start"),
        "mails": OutgoingMail.objects.filter(to__iexact=email, erased_on__isnull=True).order_by(
            "created"
        ),
        "people": Person.objects.filter(email__iexact=email)
        .select_related("organisation")
        .prefetch_related("positions__organisation")
        .annotate(remark_count=Count("remarks", distinct=True)),
    }


def erase_person(email, *, now=None):
    """
    A person's erasure request. Their answers to meetings still to come are cancelled first, through
    `cancel_rsvp` without a mail to them, so a seat they held goes to the waiting list; then their
    RSVPs, invitations and mails are anonymised. A member's focal point or speaker record
    (`members.Person`) with that address is deleted, unless a remark at a meeting PROTECTs it (the
    meeting's record of who spoke): then only its contact details (email, phone) are cleared.
    Returns what was done.
    """
    now = now or timezone.now()
    found = personal_data_for(email)
    with transaction.atomic():
        cancelled = 0
        for rsvp in found["rsvps"].filter(meeting__end__gte=now).active():
            if RSVPSettings.objects.filter(meeting_id=rsvp.meeting_id).exists():
                cancel_rsvp(rsvp, now=now, notify=False)
            else:
                RSVP.objects.filter(pk=rsvp.pk).update(status=RSVPStatus.CANCELLED, queued_at=None)
            cancelled += 1
        result = erase_personal_data(
            rsvps=found["rsvps"], invitations=found["invitations"], mails=found["mails"], now=now
        )
        kept, deleted = [], 0
        for person in found["people"]:
            person_id = person.pk  # delete() sets it to None
            try:
                with transaction.atomic():
                    position_ids = list(person.positions.values_list("pk", flat=True))
                    person.delete()
            except ProtectedError:
                Person.objects.filter(pk=person_id).update(email="", phone="")
                Person.history.filter(id=person_id).update(email="", phone="")
                kept.append(person)
            else:
                # Deleting leaves a last historical copy (and the earlier ones): remove them all.
                Person.history.filter(id=person_id).delete()
                Position.history.filter(id__in=position_ids).delete()
                deleted += 1
    return result | {"cancelled": cancelled, "people_deleted": deleted, "people_kept": kept}


__all__ = [
    "AttendanceMode",
    "SeatUnavailable",
    "approve_rsvps",
    "cancel_rsvp",
    "change_rsvp",
    "decline_invitation",
    "decline_rsvps",
    "deliver",
    "erase_expired_personal_data",
    "erase_person",
    "erase_personal_data",
    "invite",
    "invite_organisations",
    "promote_waitlist",
    "reactivate_rsvp",
    "remind",
    "resend",
    "submit_rsvp",
]
