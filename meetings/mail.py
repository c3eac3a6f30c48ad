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
from unnm.languages import offered_or_default, zone_city
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


def absolute_url(path, base_url=None):
    """`path` on the site that sends the mail (`outbox.site_url`)."""
    return (base_url or outbox.site_url()).rstrip("/") + path


def zone_time(moment):
    """A time as the site shows it, with the zone's name: "10:00 (Baku time)"."""
    return _("%(time)s (%(zone)s time)") % {"time": date_format(moment, "H:i"), "zone": zone_city()}


def long_date(moment):
    """The weekday and the date in the active language's own format: "Sunday 13 December 2026"."""
    return f"{date_format(moment, 'l')} {date_format(moment, 'DATE_FORMAT')}"


def when(moment):
    """A date and time as the site shows them: "Sunday 13 December 2026, 10:00 (Baku time)"."""
    moment = timezone.localtime(moment, timezone.get_default_timezone())
    return f"{long_date(moment)}, {zone_time(moment)}"


def meeting_values(meeting):
    """The meeting's words in a mail, in the active language, as its page writes them
    ("Sunday 13 December 2026", "10:00 (Baku time)")."""
    start = timezone.localtime(meeting.start, timezone.get_default_timezone())
    day = long_date(start)
    time = "" if meeting.time_unknown else zone_time(start)
    return {
        "meeting": meeting.title,
        "date": day,
        "time": time,
        "when": f"{day}, {time}" if time else day,
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


def _is_signature(paragraph, values):
    """A closing paragraph: "Kind regards,\nThe secretariat", a few short lines that open with a
    closing formula (a line ending in a comma) or name the network or its secretariat."""
    lines = paragraph.strip().splitlines()
    if not lines or len(lines) > 3 or any(len(line) > 80 for line in lines):
        return False
    return lines[0].rstrip().endswith(",") or values["network"] in paragraph


def _before_signature(body, additions, values):
    """Add paragraphs to a staff-written body before its signature, if it ends with one."""
    additions = [a for a in additions if a]
    if not additions:
        return body
    paragraphs = body.rstrip().split("\n\n")
    if len(paragraphs) > 1 and _is_signature(paragraphs[-1], values):
        paragraphs[-1:-1] = additions
    else:
        paragraphs += additions
    return "\n\n".join(paragraphs)


def _with_staff_wording(subject, body, values, staff_subject, staff_text, link_name, extra=()):
    """
    The meeting's own wording in place of the template's. What the mail must carry and the
    wording leaves out (the personal link, the joining link: `extra`) goes before its signature.
    """
    if staff_subject:
        subject = fill_placeholders(staff_subject, values)
    if staff_text:
        body = fill_placeholders(staff_text, values)
        additions = list(extra)
        if f"{{{link_name}}}" not in staff_text:
            additions.insert(0, _("Your personal link: %(link)s") % {"link": values[link_name]})
        body = _before_signature(body, additions, values)
    return subject, body


def render_rsvp_mail(rsvp, kind, *, base_url=None):
    """The subject and text of a mail about an RSVP, in the meeting's own wording if it has one,
    in the RSVP's language, with links to `base_url` (`outbox.site_url`)."""
    language = offered_or_default(rsvp.mail_language)
    with translation.override(language):
        return _render_rsvp_mail(rsvp, kind, language, base_url)


def _render_rsvp_mail(rsvp, kind, language, base_url):
    meeting = rsvp.meeting
    rsvp_settings = meeting.rsvp_settings
    closes = rsvp_settings.closes_at or meeting.start
    values = meeting_values(meeting) | {
        "name": rsvp.name,
        "organisation": rsvp.organisation_display,
        "status": status_sentence(rsvp),
        "closes": when(closes),
        "manage_link": absolute_url(rsvp.get_absolute_url(), base_url),
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
        join = join_link and _("Joining link (for you only, please do not forward): %(link)s") % {
            "link": join_link
        }
        subject, body = _with_staff_wording(
            subject, body, values, staff_subject, staff_text, "manage_link", extra=[join]
        )
    return subject, body


def render_invitation_mail(invitation, kind, *, base_url=None):
    """The subject and text of an invitation or its reminder, in the invitation's language."""
    language = offered_or_default(invitation.mail_language)
    with translation.override(language):
        return _render_invitation_mail(invitation, kind, language, base_url)


def _render_invitation_mail(invitation, kind, language, base_url):
    meeting = invitation.meeting
    rsvp_settings = meeting.rsvp_settings
    values = meeting_values(meeting) | {
        "name": invitation.name,
        "organisation": invitation.organisation.short_name if invitation.organisation else "",
        "invitation_link": absolute_url(invitation.get_absolute_url(), base_url),
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


def calendar_file(meeting, base_url=None):
    """The meeting's .ics as mailed: its links point to the site that sends it."""
    return build_calendar([meeting], name=meeting.title, base_url=base_url or outbox.site_url())


def calendar_attachment(meeting, language, base_url=None):
    """The .ics, its title and link in the mail's language."""
    with translation.override(language):
        content = calendar_file(meeting, base_url).decode()
    return {"filename": f"{meeting.slug}.ics", "mimetype": "text/calendar", "content": content}


def queue_rsvp_mail(rsvp, kind, *, base_url=None):
    """Queue a mail about an answer; its links start with `base_url` (`outbox.site_url`)."""
    subject, body = render_rsvp_mail(rsvp, kind, base_url=base_url)
    language = offered_or_default(rsvp.mail_language)
    confirmed = rsvp.status == RSVPStatus.CONFIRMED
    attachments = [calendar_attachment(rsvp.meeting, language, base_url)] if confirmed else []
    return outbox.queue(
        to=rsvp.email,
        kind=kind,
        subject=subject,
        body=body,
        regarding=rsvp,
        language=language,
        attachments=attachments,
    )


def queue_invitation_mail(invitation, kind, *, base_url=None):
    subject, body = render_invitation_mail(invitation, kind, base_url=base_url)
    language = offered_or_default(invitation.mail_language)
    return outbox.queue(
        to=invitation.email,
        kind=kind,
        subject=subject,
        body=body,
        regarding=invitation,
        language=language,
        attachments=[calendar_attachment(invitation.meeting, language, base_url)],
    )
