from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CooperationFrameworkQuerySet(models.QuerySet):
    def newest_first(self):
        """The public pages show the first, the current framework, unless asked for another."""
        return self.order_by("-start_year", "-pk")

    def with_has_mapping(self):
        """Annotate whether any outcome or output of the framework is linked to an objective."""
        links = ObjectiveLink.objects.filter(
            Q(outcome__priority__framework=OuterRef("pk"))
            | Q(output__outcome__priority__framework=OuterRef("pk"))
        )
        return self.annotate(has_mapping=Exists(links))

    def landing(self):
        """The framework partners land on (the matrix's, and the report's and API's default)."""
        return CooperationFramework.landing(list(self.newest_first().with_has_mapping()))


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

    objects = CooperationFrameworkQuerySet.as_manager()
    # history: keep_history() in frameworks/translation.py, after its columns per language

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

    # A framework runs whole calendar years, so its years say whether it is current: no flag for
    # staff to forget to move when the next one is signed.
    @property
    def is_current(self):
        """Running this year (in the site's time zone)."""
        return self.start_year <= timezone.localdate().year <= self.end_year

    @property
    def has_ended(self):
        """Its last year is over: it stays on the site as history."""
        return self.end_year < timezone.localdate().year

    @staticmethod
    def landing(frameworks):
        """
        The framework a partner lands on, of `frameworks` (newest first, with `has_mapping`): the
        current one; while it has no mapping yet, the latest framework that has one (the page
        then says so); with none current, the latest mapped one.
        """
        current = next((f for f in frameworks if f.is_current), None)
        if current is not None and current.has_mapping:
            return current
        mapped = next((f for f in frameworks if f.has_mapping), None)
        return mapped or current or next(iter(frameworks), None)

    @property
    def period(self):
        return f"{self.start_year}\u2013{self.end_year}"


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

    # history: keep_history() in frameworks/translation.py, after its columns per language

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
        return self.label(self.number, self.title)

    @staticmethod
    def label(number, title):
        """How pages name a priority: "Priority 2: Title"."""
        return f"{_('Priority')} {number}: {title}"


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
    sdg_targets = models.ManyToManyField(
        "frameworks.SDGTarget",
        related_name="outcomes",
        verbose_name=_("SDG targets"),
        blank=True,
    )

    # history: keep_history() in frameworks/translation.py, after its columns per language

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
    sdg_targets = models.ManyToManyField(
        "frameworks.SDGTarget",
        related_name="outputs",
        verbose_name=_("SDG targets"),
        blank=True,
    )

    # history: keep_history() in frameworks/translation.py, after its columns per language

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


class LinkStrength(models.TextChoices):
    DIRECT = "direct", _("Direct")
    CONTRIBUTING = "contributing", _("Contributing")


class ObjectiveLinkQuerySet(models.QuerySet):
    def of_framework(self, framework):
        return self.filter(
            Q(outcome__priority__framework=framework)
            | Q(output__outcome__priority__framework=framework)
        )

    def with_row_outcome(self):
        """Annotate the outcome a link counts under in the matrix (an output's own outcome)."""
        return self.annotate(row_outcome=Coalesce("outcome_id", "output__outcome_id"))

    def in_cell(self, objective, *, outcome=None, priority=None):
        """The links behind one cell of the matrix: an outcome's row or a priority's row."""
        links = self.filter(objective=objective)
        if outcome is not None:
            return links.filter(Q(outcome=outcome) | Q(output__outcome=outcome))
        return links.filter(Q(outcome__priority=priority) | Q(output__outcome__priority=priority))

    def for_display(self):
        return self.select_related(
            "objective",
            "outcome__priority__framework",
            "output__outcome__priority__framework",
        ).order_by(
            Coalesce("outcome__priority__number", "output__outcome__priority__number"),
            Coalesce("outcome__order", "output__outcome__order"),
            Coalesce("outcome__number", "output__outcome__number"),
            "output__order",
            "output__number",
            "objective__number",
        )


class ObjectiveLink(models.Model):
    """
    One link of the UNSDCF x GCM mapping: an outcome, or an output, that serves a GCM objective,
    with why (the rationale) and how closely (direct or contributing).
    """

    Strength = LinkStrength

    outcome = models.ForeignKey(
        Outcome,
        on_delete=models.CASCADE,
        related_name="objective_links",
        verbose_name=_("outcome"),
        null=True,
        blank=True,
    )
    output = models.ForeignKey(
        Output,
        on_delete=models.CASCADE,
        related_name="objective_links",
        verbose_name=_("output"),
        null=True,
        blank=True,
    )
    objective = models.ForeignKey(
        "frameworks.GCMObjective",
        on_delete=models.PROTECT,
        related_name="links",
        verbose_name=_("GCM objective"),
    )
    strength = models.CharField(
        _("strength"), max_length=20, choices=LinkStrength.choices, default=LinkStrength.DIRECT
    )
    rationale = models.CharField(
        _("rationale"),
        max_length=500,
        help_text=_("One or two sentences: why this outcome or output serves the objective."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = ObjectiveLinkQuerySet.as_manager()
    # history: keep_history() in frameworks/translation.py, after its columns per language

    class Meta:
        ordering = ["objective__number", "pk"]
        verbose_name = _("UNSDCF x GCM link")
        verbose_name_plural = _("UNSDCF x GCM mapping")
        constraints = [
            models.CheckConstraint(
                condition=(Q(outcome__isnull=False) & Q(output__isnull=True))
                | (Q(outcome__isnull=True) & Q(output__isnull=False)),
                name="frameworks_link_outcome_xor_output",
            ),
            models.CheckConstraint(
                condition=Q(strength__in=LinkStrength.values),
                name="frameworks_link_strength_valid",
            ),
            models.UniqueConstraint(
                fields=["outcome", "objective"],
                condition=Q(outcome__isnull=False),
                name="frameworks_link_unique_outcome_objective",
            ),
            models.UniqueConstraint(
                fields=["output", "objective"],
                condition=Q(output__isnull=False),
                name="frameworks_link_unique_output_objective",
            ),
        ]

    def __str__(self):
        return f"{self.subject} -> {self.objective}"

    @property
    def subject(self):
        """The outcome or output the link starts from."""
        return self.output if self.output_id else self.outcome

    @property
    def matrix_outcome(self):
        """The outcome whose matrix row the link counts in."""
        return self.output.outcome if self.output_id else self.outcome

    def clean(self):
        if bool(self.outcome_id) == bool(self.output_id):
            raise ValidationError(_("Link either an outcome or an output, not both or neither."))
