"""Invitations to a meeting: to a person, or to an organisation through its focal points."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from meetings.mail import queue_invitation_mail, queue_rsvp_mail
from meetings.models import Invitation
from meetings.models.invitation import InvitationStatus
from unnm.models import MailKind


def decline_invitation(invitation, *, now=None, language=None):
    """A focal point declines for their organisation (or an invitee for themself), on a page in
    `language` (kept for any later mail about the invitation)."""
    invitation.status = InvitationStatus.DECLINED
    invitation.answered_at = now or timezone.now()
    invitation.mail_language = language or invitation.mail_language
    invitation.save(update_fields=["status", "answered_at", "mail_language"])
    return invitation


def invite(
    meeting,
    *,
    email,
    name,
    organisation=None,
    person=None,
    kind=Invitation.Kind.PERSON,
    base_url=None,
    language=None,
):
    """Invite one address to a meeting and mail its personal link (once; again is a no-op), in
    `language` (by default the network's), with links to `base_url` (by default the site's)."""
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
            mail_language=language or settings.LANGUAGE_CODE,
        )
        queue_invitation_mail(invitation, MailKind.INVITATION, base_url=base_url)
    return invitation, True


def invite_organisations(meeting, organisations, *, base_url=None, language=None):
    """Invite each organisation through its focal points with an email address, in `language`."""
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
                    base_url=base_url,
                    language=language,
                )
                if new:
                    created.append(invitation)
    return created


def remind(invitations=None, rsvps=None, *, now=None, base_url=None):
    """Send a reminder to chosen invitees (their invitation link) or participants (their page)."""
    now = now or timezone.now()
    count = 0
    with transaction.atomic():
        for invitation in invitations if invitations is not None else []:
            queue_invitation_mail(invitation, MailKind.REMINDER, base_url=base_url)
            invitation.reminded_at = now
            invitation.save(update_fields=["reminded_at"])
            count += 1
        for rsvp in rsvps if rsvps is not None else []:
            queue_rsvp_mail(rsvp, MailKind.REMINDER, base_url=base_url)
            count += 1
    return count
