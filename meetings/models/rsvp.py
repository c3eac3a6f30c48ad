"""
RSVPs and invitations: who answers a meeting's call, who gets a seat, who waits, who came.

Seats are taken and released only through `meetings.rsvp`, which locks the meeting's RSVP
settings row so that capacity is never exceeded.
"""

import re

from django.core import signing
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meetings.models.rsvp_settings import AttendanceMode
from unnm.languages import mail_language_field
from unnm.models import mails_regarding

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill_placeholders(text, values):
    """Replace `{name}`-style placeholders; unknown ones stay as typed, so a typo shows."""
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)


class RSVPStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    DECLINED = "declined", _("Declined by the secretariat")
    CANCELLED = "cancelled", _("Cancelled")
    # The person's own "I cannot attend": an answer, counted, without a seat (the secretariat's
    # refusal is DECLINED).
    NOT_ATTENDING = "not_attending", _("Not attending")


# Answers that hold or wait for a seat; the others are kept for the record and the counts.
INACTIVE_STATUSES = (RSVPStatus.CANCELLED, RSVPStatus.DECLINED, RSVPStatus.NOT_ATTENDING)


class PersonalLink:
    """
    A personal link's unguessable key, bound to the record and its email address (which the key
    does not reveal): changing the address invalidates the link.
    """

    link_salt = None

    def _signer(self):
        return signing.Signer(salt=f"{self.link_salt}:{self.email.lower()}")

    @property
    def token(self):
        return self._signer().sign(str(self.pk))

    @classmethod
    def from_token(cls, token, queryset=None):
        """The record a personal link opens, or None for a wrong, tampered or stale token."""
        pk, _sep, _signature = token.partition(":")
        if not (pk.isascii() and pk.isdigit()):  # "²".isdigit() is True, int("²") fails
            return None
        record = (queryset if queryset is not None else cls.objects).filter(pk=pk).first()
        if record is None:
            return None
        try:
            record._signer().unsign(token)
        except signing.BadSignature:
            return None
        return record


class RSVPQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=RSVPStatus.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=RSVPStatus.WAITLISTED).order_by("queued_at", "pk")

    def active(self):
        """Answers that hold or wait for a seat: not cancelled, declined or not attending."""
        return self.exclude(status__in=INACTIVE_STATUSES)

    def attended(self):
        return self.filter(checked_in_at__isnull=False)

    def for_email(self, email):
        return self.filter(email__iexact=email.strip())

    def status_counts(self):
        return dict(self.values_list("status").annotate(n=Count("pk")).order_by())


class RSVP(PersonalLink, models.Model):
    """One person's answer to a meeting: their seat, their place on the waiting list, or neither."""

    Status = RSVPStatus
    Mode = AttendanceMode
    link_salt = "meetings.rsvp"

    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="rsvps",
        verbose_name=_("meeting"),
    )
    invitation = models.ForeignKey(
        "meetings.Invitation",
        on_delete=models.SET_NULL,
        related_name="rsvps",
        verbose_name=_("invitation"),
        null=True,
        blank=True,
    )
    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email"), help_text=_("Never shown publicly."))
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="rsvps",
        verbose_name=_("member organisation"),
        null=True,
        blank=True,
    )
    organisation_name = models.CharField(
        _("other organisation"),
        max_length=200,
        blank=True,
        help_text=_("When the organisation is not a member of the network."),
    )
    position = models.CharField(_("position / title"), max_length=200, blank=True)
    attendance_mode = models.CharField(
        _("attendance"),
        max_length=20,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
    )
    language = models.CharField(_("interpretation language"), max_length=50, blank=True)
    mail_language = mail_language_field(
        _("The language of the page it was answered in; every mail about it is written in it.")
    )
    needs = models.TextField(_("accessibility or other needs"), max_length=1000, blank=True)
    consent_public_listing = models.BooleanField(
        _("may be named in the public list of participants"), default=False
    )
    privacy_accepted_at = models.DateTimeField(_("privacy notice accepted"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RSVPStatus.choices, default=RSVPStatus.PENDING
    )
    queued_at = models.DateTimeField(
        _("joined the waiting list"), null=True, blank=True, help_text=_("Sets the order.")
    )
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    created = models.DateTimeField(_("answered"), auto_now_add=True)
    modified = models.DateTimeField(_("modified"), auto_now=True)
    erased_on = models.DateTimeField(
        _("personal data erased"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Name, email, position and needs were erased; the counts remain."),
    )

    mails = mails_regarding("rsvp")

    objects = RSVPQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "name"]
        verbose_name = _("RSVP")
        verbose_name_plural = _("RSVPs")
        permissions = [
            ("export_personal_data", _("Can export the personal data of RSVPs and invitations")),
            ("erase_personal_data", _("Can erase a person's personal data")),
        ]
        constraints = [
            models.UniqueConstraint(
                "meeting", Lower("email"), name="meetings_rsvp_one_per_email_and_meeting"
            ),
            models.CheckConstraint(
                condition=Q(status__in=RSVPStatus.values), name="meetings_rsvp_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(attendance_mode__in=AttendanceMode.values),
                name="meetings_rsvp_mode_valid",
            ),
            models.CheckConstraint(condition=~Q(name=""), name="meetings_rsvp_name_not_empty"),
        ]
        indexes = [models.Index(fields=["meeting", "status", "attendance_mode"])]

    def __str__(self):
        return f"{self.name} – {self.meeting.title}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:rsvp-manage", kwargs={"token": self.token})

    @property
    def organisation_display(self):
        if self.organisation_id:
            return self.organisation.short_name
        return self.organisation_name

    @property
    def is_confirmed(self):
        return self.status == RSVPStatus.CONFIRMED

    @property
    def is_active(self):
        return self.status not in INACTIVE_STATUSES

    @property
    def sees_join_link(self):
        """Only confirmed online participants get the meeting's joining link."""
        return (
            self.is_confirmed
            and self.attendance_mode == AttendanceMode.ONLINE
            and bool(self.meeting.online_link)
        )

    def waitlist_position(self):
        if self.status != RSVPStatus.WAITLISTED:
            return None
        ahead = (
            RSVP.objects.filter(meeting_id=self.meeting_id, status=RSVPStatus.WAITLISTED)
            .filter(Q(queued_at__lt=self.queued_at) | Q(queued_at=self.queued_at, pk__lt=self.pk))
            .count()
        )
        return ahead + 1
