"""Draft minutes put to the members for comment: mailing them when staff circulate the minutes."""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from meetings.models import Minutes
from members.models import Person
from portal.models import CommentRound
from portal.sign_in import mail_language
from unnm import outbox
from unnm.models import MailKind


def default_closing(circulated_on):
    return circulated_on + datetime.timedelta(days=settings.UNNM_MINUTES_COMMENT_DAYS)


def open_for_comment(minutes, *, now=None):
    """
    Circulated minutes reach the members: their comment round (closing after
    UNNM_MINUTES_COMMENT_DAYS unless staff gave a date) and one mail to each member user, once.
    Returns the number of mails queued (0 when the members were already mailed).
    """
    now = now or timezone.now()
    if minutes.status != Minutes.Status.CIRCULATED:
        return 0
    with transaction.atomic():
        comment_round, _created = CommentRound.objects.select_for_update().get_or_create(
            minutes=minutes,
            defaults={
                "comments_close_on": default_closing(
                    minutes.circulated_on or timezone.localdate(now)
                )
            },
        )
        if comment_round.members_mailed_at is not None:
            return 0
        link = settings.UNNM_SITE_URL.rstrip("/") + reverse(
            "portal:minutes-detail", kwargs={"pk": minutes.pk}
        )
        people = Person.objects.member_users().select_related("member_profile")
        sent = 0
        for person in people:
            language = mail_language(person)
            subject, body = outbox.render(
                "portal/email/minutes_circulated.txt",
                {
                    "person": person,
                    "meeting": minutes.meeting.title,
                    "closes": comment_round.comments_close_on,
                    "link": link,
                    "network": settings.UNNM_NETWORK_NAME,
                },
                language=language,
            )
            outbox.queue(
                to=person.email,
                kind=MailKind.MINUTES,
                subject=subject,
                body=body,
                regarding=person,
                language=language,
            )
            sent += 1
        comment_round.members_mailed_at = now
        comment_round.save(update_fields=["members_mailed_at"])
    return sent
