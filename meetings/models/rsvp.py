"""
RSVPs and invitations: who answers a meeting's call, who gets a seat, who waits, who came.

Seats are taken and released only through `meetings.rsvp`, which locks the meeting's RSVP
settings row so that capacity is never exceeded.
"""

import re

from django.contrib.contenttypes.fields import GenericRelation
from django.core import signing
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meetings.models.meeting import MeetingFormat, MeetingStatus, MeetingVisibility

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill_placeholders(text, values):
    """Replace `{name}`-style placeholders; unknown ones stay as typed, so a typo shows."""
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")


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


class RSVPSettings(models.Model):
    """When and how a meeting takes answers: the window, the seats, moderation, the mail wording."""

    meeting = models.OneToOneField(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="rsvp_settings",
        verbose_name=_("meeting"),
    )
    opens_at = models.DateTimeField(
        _("RSVPs open"), null=True, blank=True, help_text=_("Empty: open once published.")
    )
    closes_at = models.DateTimeField(_("RSVPs close"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("seats (total)"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    capacity_in_person = models.PositiveIntegerField(
        _("seats in the room"),
        null=True,
        blank=True,
        help_text=_("Hybrid meetings; empty: no limit."),
    )
    capacity_online = models.PositiveIntegerField(
        _("seats online"), null=True, blank=True, help_text=_("Hybrid meetings; empty: no limit.")
    )
    is_moderated = models.BooleanField(
        _("moderated"),
        default=False,
        help_text=_("The secretariat approves each answer before it takes a seat."),
    )
    interpretation_languages = models.CharField(
        _("interpretation languages"),
        max_length=200,
        blank=True,
        help_text=_("Comma-separated, e.g. “English, Azerbaijani, Russian”. Two or more: asked."),
    )
    confirmation_subject = models.CharField(
        _("confirmation subject"),
        max_length=200,
        blank=True,
        help_text=_("Empty: the default. Placeholders: {meeting}, {name}, {date}."),
    )
    confirmation_text = models.TextField(
        _("confirmation text"),
        blank=True,
        help_text=_(
            "Empty: the default. Placeholders: {name}, {meeting}, {date}, {time}, {venue}, "
            "{status}, {closes}, {manage_link}, {organisation}, {network}. The joining link is "
            "added for confirmed online participants."
        ),
    )
    invitation_subject = models.CharField(
        _("invitation subject"), max_length=200, blank=True, help_text=_("Empty: the default.")
    )
    invitation_text = models.TextField(
        _("invitation text"),
        blank=True,
        help_text=_(
            "Empty: the default. Placeholders: {name}, {meeting}, {date}, {time}, {venue}, "
            "{invitation_link}, {organisation}, {network}."
        ),
    )

    # history: keep_history() in meetings/translation.py, after its columns per language

    class Meta:
        verbose_name = _("RSVP settings")
        verbose_name_plural = _("RSVP settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True)
                | Q(closes_at__isnull=True)
                | Q(closes_at__gt=F("opens_at")),
                name="meetings_rsvpsettings_closes_after_opening",
            ),
        ]

    def __str__(self):
        return gettext("RSVP settings of %(meeting)s") % {"meeting": self.meeting}

    @property
    def languages(self):
        return [lang.strip() for lang in self.interpretation_languages.split(",") if lang.strip()]

    @property
    def modes(self):
        """The attendance modes a participant may choose, from the meeting's format."""
        return {
            MeetingFormat.ONLINE: [AttendanceMode.ONLINE],
            MeetingFormat.IN_PERSON: [AttendanceMode.IN_PERSON],
        }.get(self.meeting.format, [AttendanceMode.IN_PERSON, AttendanceMode.ONLINE])

    def mode_capacity(self, mode):
        return {
            AttendanceMode.IN_PERSON: self.capacity_in_person,
            AttendanceMode.ONLINE: self.capacity_online,
        }[mode]

    def seats_left(self, *, ignore=None):
        """
        Free seats now: in total, and for each attendance mode that has a limit (None where
        there is none). `ignore` leaves one answer out of the count (a participant changing
        mode keeps their own seat meanwhile).
        """
        confirmed = RSVP.objects.filter(meeting_id=self.meeting_id).confirmed()
        if ignore is not None:
            confirmed = confirmed.exclude(pk=ignore.pk)
        taken = dict(confirmed.values_list("attendance_mode").annotate(n=Count("pk")).order_by())
        total = None if self.capacity is None else max(self.capacity - sum(taken.values()), 0)
        by_mode = {
            mode: max(capacity - taken.get(mode, 0), 0)
            for mode in AttendanceMode.values
            if (capacity := self.mode_capacity(mode)) is not None
        }
        return {"total": total, "by_mode": by_mode}

    def closed_reason(self, now=None, *, invited=False):
        """Why the form is refused now, or None when it takes answers."""
        now = now or timezone.now()
        meeting = self.meeting
        if meeting.status == MeetingStatus.DRAFT:
            return gettext("This meeting is not published.")
        if meeting.status == MeetingStatus.CANCELLED:
            return gettext("This meeting has been cancelled.")
        if meeting.end < now:
            return gettext("This meeting has already taken place.")
        if meeting.visibility == MeetingVisibility.MEMBERS and not invited:
            return gettext(
                "This meeting is for invited participants only: please use the personal link "
                "in your invitation."
            )
        if self.opens_at is not None and self.opens_at > now:
            return gettext("Answers are not open yet.")
        if self.closes_at and self.closes_at <= now:
            return gettext("Answers closed on %(date)s.") % {
                "date": timezone.localtime(self.closes_at).strftime("%d %b %Y, %H:%M")
            }
        return None

    def is_open(self, now=None, *, invited=False):
        return self.closed_reason(now, invited=invited) is None

    def can_change(self, now=None):
        """Participants may change or cancel until the closing time (or the meeting's start)."""
        now = now or timezone.now()
        return now < (self.closes_at or self.meeting.start) and self.meeting.end > now


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

    def publicly_listed(self):
        """Confirmed participants who agreed to be named on the meeting's page."""
        return (
            self.confirmed()
            .filter(consent_public_listing=True)
            .select_related("organisation")
            .order_by("name")
        )

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

    mails = GenericRelation(
        "unnm.OutgoingMail",
        content_type_field="regarding_type",
        object_id_field="regarding_id",
        related_query_name="rsvp",
    )

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


class InvitationKind(models.TextChoices):
    PERSON = "person", _("A person")
    ORGANISATION = "organisation", _("An organisation (its focal point names the delegates)")


class InvitationStatus(models.TextChoices):
    SENT = "sent", _("No answer yet")
    ANSWERED = "answered", _("Answered")
    DECLINED = "declined", _("Declined")


class InvitationQuerySet(models.QuerySet):
    def unanswered(self):
        return self.filter(status=InvitationStatus.SENT)


class Invitation(PersonalLink, models.Model):
    """A personal invitation to a meeting, mailed to one address and usable only by it."""

    Kind = InvitationKind
    Status = InvitationStatus
    link_salt = "meetings.invitation"

    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("meeting"),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=InvitationKind.choices, default=InvitationKind.PERSON
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="invitations",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
    )
    person = models.ForeignKey(
        "members.Person",
        on_delete=models.SET_NULL,
        related_name="invitations",
        verbose_name=_("person"),
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=InvitationStatus.choices, default=InvitationStatus.SENT
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    created = models.DateTimeField(_("invited"), auto_now_add=True)
    erased_on = models.DateTimeField(
        _("personal data erased"), null=True, blank=True, editable=False
    )

    mails = GenericRelation(
        "unnm.OutgoingMail",
        content_type_field="regarding_type",
        object_id_field="regarding_id",
        related_query_name="invitation",
    )

    objects = InvitationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "name"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                "meeting", Lower("email"), name="meetings_invitation_one_per_email_and_meeting"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=InvitationKind.values), name="meetings_invitation_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=InvitationStatus.values),
                name="meetings_invitation_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.name} – {self.meeting.title}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:rsvp-invitation", kwargs={"token": self.token})

    @property
    def is_for_organisation(self):
        return self.kind == InvitationKind.ORGANISATION
