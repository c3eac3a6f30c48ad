from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class GCMObjective(models.Model):
    """One of the 23 objectives of the Global Compact for Migration (A/RES/73/195)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("official title"), max_length=300)
    short_label = models.CharField(_("short label"), max_length=80)
    gcm_paragraph = models.PositiveSmallIntegerField(_("paragraph of the GCM"))
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("GCM objective")
        verbose_name_plural = _("GCM objectives")
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=23), name="frameworks_gcm_objective_1_to_23"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.short_label}"

    def get_absolute_url(self):
        return reverse("frameworks:objective-detail", kwargs={"number": self.number})


class GuidingPrinciple(models.Model):
    """A cross-cutting guiding principle of the GCM, (a) to (j) of paragraph 15."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    letter = models.CharField(_("letter"), max_length=1, unique=True)
    name = models.CharField(_("name"), max_length=100)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("GCM guiding principle")
        verbose_name_plural = _("GCM guiding principles")

    def __str__(self):
        return f"({self.letter}) {self.name}"


class SDGTarget(models.Model):
    """A Sustainable Development Goal target related to migration (for instance 10.7)."""

    code = models.CharField(_("target"), max_length=10, unique=True)
    goal = models.PositiveSmallIntegerField(_("goal"))
    text = models.TextField(_("official text"))
    migration_theme = models.CharField(_("migration theme"), max_length=200, blank=True)
    migration_theme_verified = models.BooleanField(_("theme verified"), default=False)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["goal", "code"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")
        constraints = [
            models.CheckConstraint(
                condition=Q(goal__gte=1, goal__lte=17), name="frameworks_sdg_goal_1_to_17"
            ),
        ]

    def __str__(self):
        return f"SDG {self.code}"


class CooperationFramework(models.Model):
    """A country's UN Sustainable Development Cooperation Framework (UNSDCF)."""

    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=80)
    country = models.CharField(_("country"), max_length=100)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    source = models.TextField(_("source"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-start_year"]
        verbose_name = _("cooperation framework")
        verbose_name_plural = _("cooperation frameworks")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")),
                name="frameworks_framework_period_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.short_title} {self.start_year}-{self.end_year}"


class StrategicPriority(models.Model):
    """A strategic priority area of a cooperation framework."""

    framework = models.ForeignKey(
        CooperationFramework,
        on_delete=models.CASCADE,
        related_name="priorities",
        verbose_name=_("framework"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        ordering = ["framework", "number"]
        verbose_name = _("strategic priority")
        verbose_name_plural = _("strategic priorities")
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "number"], name="frameworks_priority_unique_number"
            ),
        ]

    def __str__(self):
        return f"{_('Priority')} {self.number}: {self.title}"


class Outcome(models.Model):
    """An outcome of a strategic priority, numbered as the framework document numbers it."""

    priority = models.ForeignKey(
        StrategicPriority,
        on_delete=models.CASCADE,
        related_name="outcomes",
        verbose_name=_("strategic priority"),
    )
    number = models.CharField(_("number"), max_length=10, help_text=_("As in the document: 2.1"))
    short_name = models.CharField(_("short name"), max_length=200)
    statement = models.TextField(
        _("official statement"),
        blank=True,
        help_text=_("The outcome's wording in the signed framework. Leave empty until checked."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["priority", "order", "number"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        constraints = [
            models.UniqueConstraint(
                fields=["priority", "number"], name="frameworks_outcome_unique_number"
            ),
        ]

    def __str__(self):
        return f"{_('Outcome')} {self.number}: {self.short_name}"

    @property
    def is_placeholder(self):
        """True until staff enter the official wording from the signed document."""
        return not self.statement


class Output(models.Model):
    """An output contributing to an outcome."""

    outcome = models.ForeignKey(
        Outcome, on_delete=models.CASCADE, related_name="outputs", verbose_name=_("outcome")
    )
    number = models.CharField(_("number"), max_length=10, help_text=_("As in the document: 2.1.3"))
    title = models.CharField(_("title"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["outcome", "order", "number"]
        verbose_name = _("output")
        verbose_name_plural = _("outputs")
        constraints = [
            models.UniqueConstraint(
                fields=["outcome", "number"], name="frameworks_output_unique_number"
            ),
        ]

    def __str__(self):
        return f"{_('Output')} {self.number}: {self.title}"
