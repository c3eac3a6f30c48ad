"""
The outbox: every mail the application sends is a row of `OutgoingMail` written in the same
transaction as the change it reports, and handed to the task queue only once that commits. The
task sends it and records the outcome on the row, so a failing or hanging mail server loses no
mail and holds up no page (in production the worker sends; see settings.TASKS); staff send a
failed one again from the admin.

Mail texts come from templates, one file per mail with a `subject` and a `body` partial
(`templates/<app>/email/<name>.txt`), rendered in the recipient's language.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from unnm.models import OutgoingMail


def site_url(request=None):
    """
    The address that links in mails start with. They are rendered into the mail when it is
    queued, which happens in the request, so the worker that sends it later needs no request.
    In development (DEBUG on) it is the address the request came in on, whatever the port, so
    that links from `make run` or a runserver on another port work; in production always
    UNNM_SITE_URL, since a request's Host is for the client to choose.
    """
    if request is not None and settings.DEBUG:
        return f"{request.scheme}://{request.get_host()}"
    return settings.UNNM_SITE_URL.rstrip("/")


def render(template_name, context, *, language=None):
    """The subject (one line) and body of a mail template's `subject` and `body` partials."""
    with translation.override(language or translation.get_language()):
        subject = render_to_string(f"{template_name}#subject", context)
        body = render_to_string(f"{template_name}#body", context)
    return " ".join(subject.split()), body.strip() + "\n"


def queue(*, to, kind, subject, body, regarding=None, language="", attachments=()):
    """Write a mail to the outbox; it is sent once the current transaction commits."""
    mail = OutgoingMail.objects.create(
        to=to,
        kind=kind,
        subject=subject,
        body=body,
        regarding=regarding,
        language=language or "",
        attachments=list(attachments),
    )
    _enqueue(mail)
    return mail


def _enqueue(mail):
    from unnm.tasks import send_outgoing_mail

    transaction.on_commit(lambda: send_outgoing_mail.enqueue(mail.pk))


def resend(mails):
    """Queue failed (or stuck) mails again; the admin's "send again". Erased ones stay."""
    mails = list(mails.not_erased())
    for mail in mails:
        mail.status = OutgoingMail.Status.QUEUED
        mail.save(update_fields=["status"])
        _enqueue(mail)
    return len(mails)


def build_message(mail):
    message = EmailMessage(mail.subject, mail.body, to=[mail.to])
    for attachment in mail.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message


def deliver(mail):
    """Send one mail now and record the outcome on its row (the task's body)."""
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
