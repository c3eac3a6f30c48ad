"""Background work of the meetings app, run by Django's tasks framework (settings.TASKS)."""

from django.tasks import task

from meetings.models import OutgoingMail


@task()
def send_outgoing_mail(mail_id):
    """Send one logged mail; a failure is recorded on its row for staff to resend."""
    from meetings.services import deliver

    mail = (
        OutgoingMail.objects.select_related("rsvp__meeting", "invitation__meeting")
        .filter(pk=mail_id)
        .first()
    )
    if mail is None or mail.status == OutgoingMail.Status.SENT:
        return None
    return deliver(mail).status
