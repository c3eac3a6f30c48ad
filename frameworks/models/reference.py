from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class GCMObjectiveQuerySet(models.QuerySet):
    def with_activity_count(self):
        """Annotate `activity_count`: the published work-plan activities serving each objective,
        counted in one grouped join (the matrix's work-plan row needs no other count)."""
        return self.annotate(
            activity_count=Count("activities", filter=Q(activities__is_published=True))
        ).order_by("number")

    def with_coverage(self, framework=None):
        """
        Annotate how far each objective is addressed: links in the framework's mapping, and
        published work-plan activities: all, under way or done (ongoing, completed), and not
        started (planned or on hold).
        """
        from frameworks.models.framework import ObjectiveLink
        from frameworks.models.workplan import Activity

        # Correlated counts, one per objective, not joins: joined side by side, the links and
        # the activities would multiply each other's rows before being counted.
        def count(rows):
            rows = rows.filter(objective=OuterRef("pk")).order_by().values("objective")
            return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)

        if framework is None:
            link_count = Value(0)
        else:
            link_count = count(ObjectiveLink.objects.of_framework(framework))
        serving = Activity.gcm_objectives.through.objects.filter(activity__is_published=True)
        serving = serving.annotate(objective=F("gcmobjective"))
        return self.annotate(
            link_count=link_count,
            activity_count=count(serving),
            active_count=count(serving.filter(activity__status__in=["ongoing", "completed"])),
            planned_count=count(serving.filter(activity__status__in=["planned", "on_hold"])),
        )


class GCMObjective(models.Model):
    """One of the 23 objectives of the Global Compact for Migration (A/RES/73/195)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("official title"), max_length=300)
    short_label = models.CharField(_("short label"), max_length=80)
    gcm_paragraph = models.PositiveSmallIntegerField(_("paragraph of the GCM"))
    source = models.TextField(_("source"), blank=True)
    title_ru_verified = models.BooleanField(
        _("Russian title verified"),
        default=False,
        help_text=_("Compared with a retrieved copy of the UN's Russian text (see the source)."),
    )
    title_az_official = models.BooleanField(
        _("Azerbaijani title official"),
        default=False,
        help_text=_(
            "Copied from a published Azerbaijani source; otherwise an unofficial translation."
        ),
    )

    objects = GCMObjectiveQuerySet.as_manager()

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

    @property
    def abbreviation(self):
        """A column header's few letters from the short label: "Data", "Minim.", "Remit."."""
        word = self.short_label.split()[0] if self.short_label else str(self.number)
        return word if len(word) <= 6 else f"{word[:5]}."

    @property
    def is_addressed_only_by_planned_work(self):
        """Has work-plan activities, but none under way or done (needs with_coverage())."""
        return self.activity_count > 0 and self.active_count == 0


class GuidingPrinciple(models.Model):
    """A cross-cutting guiding principle of the GCM, (a) to (j) of paragraph 15."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    letter = models.CharField(_("letter"), max_length=1, unique=True)
    name = models.CharField(_("name"), max_length=100)
    source = models.TextField(_("source"), blank=True)
    name_ru_verified = models.BooleanField(
        _("Russian name verified"),
        default=False,
        help_text=_("Compared with a retrieved copy of the UN's Russian text (see the source)."),
    )
    name_az_official = models.BooleanField(
        _("Azerbaijani name official"),
        default=False,
        help_text=_(
            "Copied from a published Azerbaijani source; otherwise an unofficial translation."
        ),
    )

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
    text_ru_verified = models.BooleanField(
        _("Russian text verified"),
        default=False,
        help_text=_("Compared with a retrieved copy of the UN's Russian text (see the source)."),
    )
    text_az_official = models.BooleanField(
        _("Azerbaijani text official"),
        default=False,
        help_text=_(
            "Copied from a published Azerbaijani source; otherwise an unofficial translation."
        ),
    )

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
