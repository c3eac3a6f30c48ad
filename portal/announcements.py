"""
Announcements to the members, through the outbox: one mail per member user, in their language,
each with a signed one-click unsubscribe link. An unsubscribe stops announcements only; meeting
invitations and answers are other kinds of mail and never look at it.
"""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from members.models import Person
from portal.models import Announcement, MemberProfile
from portal.sign_in import mail_language
from unnm import outbox
from unnm.models import MailKind

UNSUBSCRIBE_SALT = "portal.unsubscribe"


def unsubscribe_token(person):
    return signing.dumps(person.pk, salt=UNSUBSCRIBE_SALT)


def person_from_unsubscribe_token(token):
    """The person a link unsubscribes, or None for a tampered link."""
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return Person.objects.filter(pk=pk).first() if isinstance(pk, int) else None


def set_subscribed(person, subscribed, *, now=None):
    profile, _created = MemberProfile.objects.get_or_create(person=person)
    profile.unsubscribed_at = None if subscribed else (now or timezone.now())
    profile.save(update_fields=["unsubscribed_at"])
    return profile


def recipients(announcement):
    """The member users the announcement goes to: its audience, less who unsubscribed."""
    people = (
        Person.objects.member_users()
        .exclude(member_profile__unsubscribed_at__isnull=False)
        .select_related("organisation", "member_profile")
        .order_by("organisation__name", "name")
    )
    if announcement.organisation_kind:
        people = people.filter(organisation__kind=announcement.organisation_kind)
    if announcement.organisation_role:
        people = people.filter(organisation__role=announcement.organisation_role)
    return people


def send_announcement(announcement, *, now=None):
    """Queue the announcement to each recipient once; a sent one is never sent again."""
    with transaction.atomic():
        announcement = Announcement.objects.select_for_update().get(pk=announcement.pk)
        if announcement.sent_at is not None:
            return 0
        site = settings.UNNM_SITE_URL.rstrip("/")
        seen = set()
        for person in recipients(announcement):
            if person.email.lower() in seen:  # one person listed twice gets one mail
                continue
            seen.add(person.email.lower())
            language = mail_language(person)
            link = site + reverse("portal:unsubscribe", kwargs={"token": unsubscribe_token(person)})
            subject, body = outbox.render(
                "portal/email/announcement.txt",
                {
                    "announcement": announcement,
                    "person": person,
                    "unsubscribe_link": link,
                    "network": settings.UNNM_NETWORK_NAME,
                },
                language=language,
            )
            outbox.queue(
                to=person.email,
                kind=MailKind.ANNOUNCEMENT,
                subject=subject,
                body=body,
                regarding=person,
                language=language,
            )
        announcement.sent_at = now or timezone.now()
        announcement.recipients = len(seen)
        announcement.save(update_fields=["sent_at", "recipients"])
    return len(seen)
