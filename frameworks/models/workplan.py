from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, F, Prefetch, Q
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from frameworks.models.framework import Outcome


class ThematicArea(models.Model):
    """A thematic area of the Migration MPTF, as entered by staff (no grouping is built in)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    source = models.TextField(_("source"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("Migration MPTF thematic area")
        verbose_name_plural = _("Migration MPTF thematic areas")

    def __str__(self):
        return self.name


class JointProgramme(models.Model):
    """A joint programme, for instance one funded by the Migration MPTF, as entered by staff."""

    title = models.CharField(_("title"), max_length=300, unique=True)
    thematic_area = models.ForeignKey(
        ThematicArea,
        on_delete=models.PROTECT,
        related_name="joint_programmes",
        verbose_name=_("thematic area"),
        null=True,
        blank=True,
    )
    participating_organisations = models.ManyToManyField(
        "members.Organisation",
        related_name="joint_programmes",
        verbose_name=_("participating organisations"),
        blank=True,
    )
    start = models.DateField(_("starts"), null=True, blank=True)
    end = models.DateField(_("ends"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    website = models.URLField(_("website"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["title"]
        verbose_name = _("joint programme")
        verbose_name_plural = _("joint programmes")
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=F("start")),
                name="frameworks_programme_period_ordered",
                violation_error_message=_("The programme cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="frameworks_programme_budget_not_negative",
            ),
        ]

    def __str__(self):
        return self.title


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    ON_HOLD = "on_hold", _("On hold")


class ActivityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def synergies(self):
        """Activities that join the work of two or more members: a lead and a partner."""
        return self.filter(partners__isnull=False).distinct()

    def in_priority(self, priority):
        return self.filter(
            Q(outcomes__priority=priority) | Q(outputs__outcome__priority=priority)
        ).distinct()

    def for_list(self):
        """Everything a list of activities shows, in a constant number of queries."""
        return self.select_related("lead", "joint_programme__thematic_area").prefetch_related(
            "partners",
            "gcm_objectives",
            "sdg_targets",
            Prefetch("outcomes", queryset=Outcome.objects.select_related("priority")),
            "outputs",
            "updates",
        )

    def for_cards(self):
        """What an activity's card in a list shows (`frameworks/_activity_card.html`): its lead,
        partners, GCM objectives and latest progress; no framework links, three queries fewer
        than `for_list()`."""
        return self.select_related("lead").prefetch_related("partners", "gcm_objectives", "updates")

    def with_partner_count(self):
        return self.annotate(partner_count=Count("partners", distinct=True))


class Activity(models.Model):
    """An activity of the network's work plan (its "Progress Plan")."""

    Status = ActivityStatus

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    lead = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="led_activities",
        verbose_name=_("lead organisation"),
    )
    partners = models.ManyToManyField(
        "members.Organisation",
        related_name="partner_activities",
        verbose_name=_("partner organisations"),
        blank=True,
    )
    gcm_objectives = models.ManyToManyField(
        "frameworks.GCMObjective",
        related_name="activities",
        verbose_name=_("GCM objectives"),
        blank=True,
    )
    outcomes = models.ManyToManyField(
        "frameworks.Outcome",
        related_name="activities",
        verbose_name=_("UNSDCF outcomes"),
        blank=True,
    )
    outputs = models.ManyToManyField(
        "frameworks.Output",
        related_name="activities",
        verbose_name=_("UNSDCF outputs"),
        blank=True,
    )
    sdg_targets = models.ManyToManyField(
        "frameworks.SDGTarget",
        related_name="activities",
        verbose_name=_("SDG targets"),
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    start = models.DateField(_("starts"), null=True, blank=True)
    end = models.DateField(_("ends"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    joint_programme = models.ForeignKey(
        JointProgramme,
        on_delete=models.PROTECT,
        related_name="activities",
        verbose_name=_("joint programme"),
        null=True,
        blank=True,
    )
    funding_source = models.CharField(
        _("other funding source"),
        max_length=200,
        blank=True,
        help_text=_("When the activity is not funded by a joint programme: the donor or fund."),
    )
    is_published = models.BooleanField(_("shown on the public work plan"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    modified = models.DateTimeField(_("modified"), auto_now=True)

    objects = ActivityQuerySet.as_manager()
    # history: keep_history() in frameworks/translation.py, after its columns per language

    class Meta:
        ordering = ["start", "title"]
        verbose_name = _("work-plan activity")
        verbose_name_plural = _("work-plan activities")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ActivityStatus.values),
                name="frameworks_activity_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=F("start")),
                name="frameworks_activity_period_ordered",
                violation_error_message=_("The activity cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="frameworks_activity_budget_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["status", "is_published"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            # From the default language's title, whatever language the editor works in.
            with translation.override(settings.LANGUAGE_CODE):
                self.slug = slugify(self.title)[:200] or "activity"
            base, n = self.slug, 2
            while Activity.objects.filter(slug=self.slug).exclude(pk=self.pk).exists():
                self.slug = f"{base}-{n}"
                n += 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("frameworks:activity-detail", kwargs={"slug": self.slug})

    @property
    def is_synergy(self):
        """Joins two or more members' work. Reads prefetched partners when there are some."""
        return len(self.partners.all()) > 0

    @property
    def funding(self):
        if self.joint_programme_id:
            return str(self.joint_programme)
        return self.funding_source

    @property
    def latest_update(self):
        updates = sorted(self.updates.all(), key=lambda u: (u.date, u.pk), reverse=True)
        return updates[0] if updates else None


class ProgressUpdate(models.Model):
    """A dated note on how a work-plan activity is going."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="updates", verbose_name=_("activity")
    )
    date = models.DateField(_("date"))
    text = models.TextField(_("progress"))
    status = models.CharField(
        _("status at that date"),
        max_length=20,
        choices=ActivityStatus.choices,
        blank=True,
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    # history: keep_history() in frameworks/translation.py, after its columns per language

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="frameworks_update_text_not_empty"),
        ]

    def __str__(self):
        return f"{self.activity}: {self.date:%d %b %Y}"
