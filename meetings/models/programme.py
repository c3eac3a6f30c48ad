"""What happens at a meeting: agenda, remarks, participation, outcomes and action points."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from members.models import OrganisationKind
from unnm.languages import in_every_language


class AgendaItem(models.Model):
    """A numbered point on a meeting's agenda."""

    class Kind(models.TextChoices):
        OPENING = "opening", _("Opening session")
        UPDATE = "update", _("Update / presentation")
        DISCUSSION = "discussion", _("Discussion")
        CLOSING = "closing", _("Closing")
        BREAK = "break", _("Break")

    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="agenda_items",
        verbose_name=_("meeting"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    start_time = models.TimeField(
        _("starts at"), null=True, blank=True, help_text=_("Local time, if known.")
    )
    duration = models.PositiveSmallIntegerField(_("duration (minutes)"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.UPDATE)
    description = models.TextField(_("description"), blank=True)

    # history: keep_history() in meetings/translation.py, after its columns per language

    class Meta:
        ordering = ["meeting", "order"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"], name="meetings_agendaitem_unique_order"
            ),
            models.CheckConstraint(
                condition=Q(duration__isnull=True) | Q(duration__gt=0),
                name="meetings_agendaitem_duration_positive",
            ),
        ]

    def __str__(self):
        return f"{self.order}. {self.title}"


class RemarkQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Remark.Status.PUBLISHED)


class Remark(models.Model):
    """What one speaker said at an agenda item, with their role as it was on the day."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        DELIVERED = "delivered", _("Delivered")
        PUBLISHED = "published", _("Delivered, summary published")

    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="remarks",
        verbose_name=_("meeting"),
    )
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="remarks", verbose_name=_("agenda item")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    speaker = models.ForeignKey(
        "members.Person",
        on_delete=models.PROTECT,
        related_name="remarks",
        verbose_name=_("speaker"),
    )
    speaker_role = models.CharField(
        _("role on the day"),
        max_length=200,
        blank=True,
        help_text=_("As it was at the meeting. Left empty, it is taken from the person's posts."),
    )
    speaker_organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="remarks",
        verbose_name=_("organisation on the day"),
        null=True,
        blank=True,
    )
    summary = models.TextField(_("summary"), blank=True)
    full_text = models.TextField(_("full text"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )

    objects = RemarkQuerySet.as_manager()
    # history: keep_history() in meetings/translation.py, after its columns per language

    class Meta:
        ordering = ["agenda_item__order", "order"]
        verbose_name = _("remark")
        verbose_name_plural = _("remarks")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "order"], name="meetings_remark_unique_order"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["planned", "delivered", "published"]),
                name="meetings_remark_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.speaker.name}: {self.agenda_item.title}"

    def save(self, *args, **kwargs):
        if self.agenda_item_id and not self.meeting_id:
            self.meeting_id = self.agenda_item.meeting_id
        self.fill_role_from_positions()
        super().save(*args, **kwargs)

    def clean(self):
        if (
            self.agenda_item_id
            and self.meeting_id
            and self.agenda_item.meeting_id != self.meeting_id
        ):
            raise ValidationError({"agenda_item": _("Choose an agenda item of this meeting.")})

    def fill_role_from_positions(self):
        """Snapshot the speaker's post on the meeting day, unless it was entered by hand."""
        if self.speaker_role and self.speaker_organisation_id:
            return
        day = timezone.localtime(self.meeting.start).date()
        held = self.speaker.position_on(day)
        if not self.speaker_role:
            # Every language of the post, not only the one active at this save.
            for column, title in in_every_language(held, "title", into="speaker_role").items():
                setattr(self, column, title or "")
        if not self.speaker_organisation_id:
            self.speaker_organisation_id = held.organisation_id

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED


class Participation(models.Model):
    """An organisation's part in a meeting, and how many of its people attended."""

    class Role(models.TextChoices):
        ORGANISER = "organiser", _("Organiser")
        SPEAKER = "speaker", _("Speaker")
        PARTICIPANT = "participant", _("Participant")
        OBSERVER = "observer", _("Observer")

    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("meeting"),
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="meeting_participations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT
    )
    representatives = models.PositiveSmallIntegerField(
        _("representatives"), null=True, blank=True, help_text=_("Leave empty if not recorded.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "organisation__name"]
        verbose_name = _("participating organisation")
        verbose_name_plural = _("participating organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organisation"], name="meetings_participation_unique_org"
            ),
            models.CheckConstraint(
                condition=Q(representatives__isnull=True) | Q(representatives__gte=1),
                name="meetings_participation_representatives_positive",
            ),
        ]

    def __str__(self):
        return f"{self.organisation.short_name} ({self.get_role_display()})"


class ParticipationByKind(models.Model):
    """Organisations of one kind took part, as a record says, without naming them.

    "Representatives of UN agencies attended" is all some records give. Inventing names to fill
    `Participation` rows would present a guess as fact, so the kind is recorded on its own.
    """

    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="kinds_present",
        verbose_name=_("meeting"),
    )
    kind = models.CharField(
        _("kind of organisation"), max_length=30, choices=OrganisationKind.choices
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "kind"]
        verbose_name = _("participation by kind of organisation")
        verbose_name_plural = _("participation by kind of organisation (not named)")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "kind"], name="meetings_participationbykind_unique_kind"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=OrganisationKind.values),
                name="meetings_participationbykind_kind_valid",
            ),
        ]

    def __str__(self):
        return self.get_kind_display()


class ActionPointQuerySet(models.QuerySet):
    def public(self):
        """Outcomes and action points of meetings whose page is public."""
        from meetings.models.meeting import Meeting

        return self.filter(meeting__in=Meeting.objects.public())

    def actions(self):
        return self.filter(kind=ActionPoint.Kind.ACTION)

    def outstanding_at(self, meeting):
        """Action points of earlier meetings still open when `meeting` took place."""
        return self.outstanding_before(meeting.start, timezone.localtime(meeting.start).date())

    def outstanding_before(self, start, day):
        """Action points of meetings before `start` still open on `day` (values, or expressions
        of an outer query: `meetings.record`)."""
        return self.actions().filter(
            Q(completed_on__isnull=True) & ~Q(status=ActionPoint.Status.DONE)
            | Q(completed_on__gte=day),
            meeting__start__lt=start,
        )


class ActionPoint(models.Model):
    """An outcome of a meeting, or an action point someone must carry out."""

    class Kind(models.TextChoices):
        OUTCOME = "outcome", _("Outcome / decision")
        ACTION = "action", _("Action point")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="action_points",
        verbose_name=_("meeting"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ACTION)
    text = models.TextField(_("text"))
    responsible = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="action_points",
        verbose_name=_("responsible organisation"),
        null=True,
        blank=True,
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    gcm_objectives = models.ManyToManyField(
        "frameworks.GCMObjective",
        related_name="action_points",
        verbose_name=_("GCM objectives"),
        blank=True,
    )
    activities = models.ManyToManyField(
        "frameworks.Activity",
        related_name="action_points",
        verbose_name=_("work-plan activities"),
        blank=True,
        help_text=_("Work-plan activities that carry out this decision or action point."),
    )

    objects = ActionPointQuerySet.as_manager()
    # history: keep_history() in meetings/translation.py, after its columns per language

    class Meta:
        ordering = ["meeting", "kind", "order"]
        verbose_name = _("outcome or action point")
        verbose_name_plural = _("outcomes and action points")
        constraints = [
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True) | Q(status="done"),
                name="meetings_actionpoint_completed_only_when_done",
            ),
            models.CheckConstraint(
                condition=~Q(text=""), name="meetings_actionpoint_text_not_empty"
            ),
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def is_action(self):
        return self.kind == self.Kind.ACTION

    @property
    def is_overdue(self):
        return self.overdue(self.kind, self.status, self.due_on)

    @classmethod
    def overdue(cls, kind, status, due_on):
        """Whether an action point of `kind` and `status`, due on `due_on`, is overdue today
        (for rows read as values: `meetings.record`)."""
        return (
            kind == cls.Kind.ACTION
            and status != cls.Status.DONE
            and due_on is not None
            and due_on < timezone.localdate()
        )
