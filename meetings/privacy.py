"""
Privacy: the retention rule (personal data of RSVPs, invitations and their mail erased some months
after the meeting) and a person's requests to see or erase what is kept about them.
"""

import calendar

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Count, ProtectedError, Q, QuerySet, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings import pages
from meetings.models import RSVP, Invitation, Meeting, RSVPSettings
from meetings.models.rsvp import RSVPStatus
from meetings.rsvp import cancel_rsvp
from members.models import Person, Position
from unnm import pagecache
from unnm.models import OutgoingMail

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
            Q(rsvp__in=rsvp_ids) | Q(invitation__in=invitation_ids), erased_on__isnull=True
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
        # update() sends no signal: the named participants on these meetings' pages change.
        pages.answers_changed(rsvps=rsvp_ids, invitations=invitation_ids)
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
                pages.answers_changed(rsvps=[rsvp.pk])
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
                pagecache.stale("members")
                kept.append(person)
            else:
                # Deleting leaves a last historical copy (and the earlier ones): remove them all.
                Person.history.filter(id=person_id).delete()
                Position.history.filter(id__in=position_ids).delete()
                deleted += 1
    return result | {"cancelled": cancelled, "people_deleted": deleted, "people_kept": kept}


def _iso(moment):
    return timezone.localtime(moment).isoformat() if moment else None


def personal_data_export(email, found):
    """What a person gets when they ask for their data (a JSON document)."""
    return {
        "email": email,
        "exported_at": _iso(timezone.now()),
        "controller": settings.UNNM_SECRETARIAT_NAME,
        "rsvps": [
            {
                "meeting": rsvp.meeting.title,
                "meeting_start": _iso(rsvp.meeting.start),
                "name": rsvp.name,
                "email": rsvp.email,
                "organisation": rsvp.organisation.name if rsvp.organisation else None,
                "organisation_name": rsvp.organisation_name,
                "position": rsvp.position,
                "attendance_mode": rsvp.attendance_mode,
                "language": rsvp.language,
                "needs": rsvp.needs,
                "consent_public_listing": rsvp.consent_public_listing,
                "privacy_accepted_at": _iso(rsvp.privacy_accepted_at),
                "status": rsvp.status,
                "checked_in_at": _iso(rsvp.checked_in_at),
                "answered": _iso(rsvp.created),
                "modified": _iso(rsvp.modified),
            }
            for rsvp in found["rsvps"]
        ],
        "invitations": [
            {
                "meeting": invitation.meeting.title,
                "meeting_start": _iso(invitation.meeting.start),
                "name": invitation.name,
                "email": invitation.email,
                "kind": invitation.kind,
                "organisation": invitation.organisation.name if invitation.organisation else None,
                "status": invitation.status,
                "invited": _iso(invitation.created),
                "answered_at": _iso(invitation.answered_at),
                "reminded_at": _iso(invitation.reminded_at),
            }
            for invitation in found["invitations"]
        ],
        "mails": [
            {
                "kind": mail.kind,
                "to": mail.to,
                "subject": mail.subject,
                "body": mail.body,
                "status": mail.status,
                "created": _iso(mail.created),
                "sent_at": _iso(mail.sent_at),
            }
            for mail in found["mails"]
        ],
        "people": [
            {
                "honorific": person.honorific,
                "name": person.name,
                "position": person.position,
                "organisation": person.organisation.name if person.organisation else None,
                "email": person.email,
                "phone": person.phone,
                "is_focal_point": person.is_focal_point,
                "consent_public_listing": person.consent_public_listing,
                "is_active": person.is_active,
                "positions": [
                    {
                        "title": held.title,
                        "organisation": held.organisation.name if held.organisation else None,
                        "started": held.started.isoformat() if held.started else None,
                        "ended": held.ended.isoformat() if held.ended else None,
                    }
                    for held in person.positions.all()
                ],
            }
            for person in found["people"]
        ],
    }


def erasure_message(done):
    message = _(
        "Erased. Answers: %(rsvps)d (cancelled first: %(cancelled)d); invitations: "
        "%(invitations)d; mails: %(mails)d; person records deleted: %(deleted)d."
    ) % {
        "rsvps": done["rsvps"],
        "cancelled": done["cancelled"],
        "invitations": done["invitations"],
        "mails": done["mails"],
        "deleted": done["people_deleted"],
    }
    if done["people_kept"]:
        message += " " + _(
            "Kept, as speakers in meeting records, with their email and phone cleared: %(names)s."
        ) % {"names": ", ".join(person.name for person in done["people_kept"])}
    return message
