"""When and how a meeting takes answers: the window, the seats, moderation, the mail wording."""

from django.db import models
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from meetings.models.meeting import MeetingFormat, MeetingStatus, MeetingVisibility


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")


# The mails' wording staff may write, per language (meetings/translation.py).
MAIL_WORDING = (
    "confirmation_subject",
    "confirmation_text",
    "invitation_subject",
    "invitation_text",
)


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
        from meetings.models.rsvp import RSVP

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
                "date": date_format(timezone.localtime(self.closes_at), "DATETIME_FORMAT")
            }
        return None

    def is_open(self, now=None, *, invited=False):
        return self.closed_reason(now, invited=invited) is None

    def can_change(self, now=None):
        """Participants may change or cancel until the closing time (or the meeting's start)."""
        now = now or timezone.now()
        return now < (self.closes_at or self.meeting.start) and self.meeting.end > now
