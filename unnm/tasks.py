"""Background work, run by Django's tasks framework (settings.TASKS)."""

from django.tasks import task

from unnm.models import OutgoingMail


@task()
def send_outgoing_mail(mail_id):
    """Send one mail of the outbox; a failure is recorded on its row for staff to send again."""
    from unnm.outbox import deliver

    mail = OutgoingMail.objects.filter(pk=mail_id).first()
    if mail is None or mail.status == OutgoingMail.Status.SENT:
        return None
    return deliver(mail).status
