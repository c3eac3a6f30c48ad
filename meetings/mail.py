"""
The mail about RSVPs and invitations, written to the site's outbox (`unnm.outbox`).

Texts come from `templates/meetings/email/`; a meeting's own confirmation and invitation wording
(RSVP settings, typed by staff with `{placeholders}`) replaces the template's where it is set.
Every mail about an RSVP or an invitation is written in its `mail_language` (the language of the
page it was answered in, or the one staff chose): wording, dates, the links' language prefix.
"""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meetings.calendar import build_calendar
from meetings.models.rsvp import RSVPStatus, fill_placeholders
from unnm import outbox
from unnm.languages import offered_or_default
from unnm.models import MailKind

RSVP_TEMPLATES = {
    MailKind.CONFIRMATION: "meetings/email/rsvp_confirmation.txt",
    MailKind.LINK: "meetings/email/rsvp_confirmation.txt",
    MailKind.CHANGE: "meetings/email/rsvp_change.txt",
    MailKind.PROMOTION: "meetings/email/rsvp_promotion.txt",
    MailKind.APPROVAL: "meetings/email/rsvp_approval.txt",
    MailKind.CANCELLATION: "meetings/email/rsvp_cancellation.txt",
    MailKind.REMINDER: "meetings/email/rsvp_reminder.txt",
}
# The kinds whose wording staff may set per meeting (RSVPSettings.confirmation_*).
CONFIRMATION_KINDS = (MailKind.CONFIRMATION, MailKind.LINK)


def absolute_url(path):
    return settings.UNNM_SITE_URL.rstrip("/") + path


def meeting_values(meeting):
    """The meeting's values for mail wording, in the active language and the site's time zone
    (TIME_ZONE: the zone every meeting is held and shown in)."""
    start = timezone.localtime(meeting.start, timezone.get_default_timezone())
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


def _with_staff_wording(subject, body, values, staff_subject, staff_text, link_name):
    if staff_subject:
        subject = fill_placeholders(staff_subject, values)
    if staff_text:
        body = fill_placeholders(staff_text, values)
        if f"{{{link_name}}}" not in staff_text:
            body += "\n\n" + _("Your personal link: %(link)s") % {"link": values[link_name]}
    return subject, body


def render_rsvp_mail(rsvp, kind):
    """The subject and text of a mail about an RSVP, in the meeting's own wording if it has one,
    in the RSVP's language."""
    language = offered_or_default(rsvp.mail_language)
    with translation.override(language):
        return _render_rsvp_mail(rsvp, kind, language)


def _render_rsvp_mail(rsvp, kind, language):
    meeting = rsvp.meeting
    rsvp_settings = meeting.rsvp_settings
    closes = rsvp_settings.closes_at or meeting.start
    values = meeting_values(meeting) | {
        "name": rsvp.name,
        "organisation": rsvp.organisation_display,
        "status": status_sentence(rsvp),
        "closes": date_format(
            timezone.localtime(closes, timezone.get_default_timezone()), "DATETIME_FORMAT"
        ),
        "manage_link": absolute_url(rsvp.get_absolute_url()),
    }
    join_link = meeting.online_link if rsvp.sees_join_link else ""
    subject, body = outbox.render(
        RSVP_TEMPLATES[kind], values | {"join_link": join_link}, language=language
    )
    if kind in CONFIRMATION_KINDS:
        staff_subject, staff_text = (
            rsvp_settings.confirmation_subject,
            rsvp_settings.confirmation_text,
        )
        subject, body = _with_staff_wording(
            subject, body, values, staff_subject, staff_text, "manage_link"
        )
        if staff_text and join_link:
            body += "\n\n" + _("Joining link (for you only, please do not forward): %(link)s") % {
                "link": join_link
            }
    return subject, body


def render_invitation_mail(invitation, kind):
    """The subject and text of an invitation or its reminder, in the invitation's language."""
    language = offered_or_default(invitation.mail_language)
    with translation.override(language):
        return _render_invitation_mail(invitation, kind, language)


def _render_invitation_mail(invitation, kind, language):
    meeting = invitation.meeting
    rsvp_settings = meeting.rsvp_settings
    values = meeting_values(meeting) | {
        "name": invitation.name,
        "organisation": invitation.organisation.short_name if invitation.organisation else "",
        "invitation_link": absolute_url(invitation.get_absolute_url()),
    }
    reminder = kind == MailKind.REMINDER
    subject, body = outbox.render(
        "meetings/email/invitation.txt",
        values | {"reminder": reminder, "for_organisation": invitation.is_for_organisation},
        language=language,
    )
    staff_text = rsvp_settings.invitation_text
    if staff_text and invitation.is_for_organisation:
        staff_text += "\n\n" + _(
            "You are invited as the focal point of {organisation}: with the link you can name "
            "who will attend for it, or decline for the organisation."
        )
    staff_subject = rsvp_settings.invitation_subject
    if staff_subject and reminder:
        staff_subject = _("Reminder: %(subject)s") % {"subject": staff_subject}
    return _with_staff_wording(subject, body, values, staff_subject, staff_text, "invitation_link")


def calendar_file(meeting):
    """The meeting's .ics as mailed: its links point to the site's public address."""
    return build_calendar([meeting], name=meeting.title, base_url=settings.UNNM_SITE_URL)


def calendar_attachment(meeting, language):
    """The .ics, its title and link in the mail's language."""
    with translation.override(language):
        content = calendar_file(meeting).decode()
    return {"filename": f"{meeting.slug}.ics", "mimetype": "text/calendar", "content": content}


def queue_rsvp_mail(rsvp, kind):
    subject, body = render_rsvp_mail(rsvp, kind)
    language = offered_or_default(rsvp.mail_language)
    attachments = (
        [calendar_attachment(rsvp.meeting, language)] if rsvp.status == RSVPStatus.CONFIRMED else []
    )
    return outbox.queue(
        to=rsvp.email,
        kind=kind,
        subject=subject,
        body=body,
        regarding=rsvp,
        language=language,
        attachments=attachments,
    )


def queue_invitation_mail(invitation, kind):
    subject, body = render_invitation_mail(invitation, kind)
    language = offered_or_default(invitation.mail_language)
    return outbox.queue(
        to=invitation.email,
        kind=kind,
        subject=subject,
        body=body,
        regarding=invitation,
        language=language,
        attachments=[calendar_attachment(invitation.meeting, language)],
    )
