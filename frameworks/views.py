from collections import Counter

from django.db.models import Count, F, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from frameworks.filters import ActivityFilter
from frameworks.matrix import (
    Cell,
    cells_html,
    localized,
    objective_heads_html,
    objective_key_html,
)
from frameworks.models import (
    Activity,
    CooperationFramework,
    GCMObjective,
    ObjectiveLink,
    Outcome,
    StrategicPriority,
)
from unnm.db import Compiled, CompiledInstances
from unnm.exports import csv_response
from unnm.pagecache import depends_on


def url_pattern(name, *slots):
    """
    The address of the URL `name` with `{slot}` placeholders for its integer arguments,
    reversed once for the hundreds of cells that differ only in them.
    """
    sentinels = {slot: 987_654_321 + n for n, slot in enumerate(slots)}
    url = reverse(name, kwargs=sentinels)
    for slot, sentinel in sentinels.items():
        url = url.replace(str(sentinel), f"{{{slot}}}")
    return url


def linked(model, name):
    """
    All rows of the model at the other end of `model`'s relation `name`. Meetings link to the
    work plan and the objectives, never the other way round; pages here reach them through
    those relations, so this app names no app that depends on it.
    """
    return model._meta.get_field(name).related_model._default_manager.all()


def public_action_points():
    """Outcomes and action points of meetings whose page is public."""
    return (
        linked(GCMObjective, "action_points")
        .public()
        .select_related("meeting", "responsible")
        .order_by("-meeting__start", "kind", "order")
    )


# The queries of the framework pages and the matrix, compiled once per language and prepared
# (unnm.db.Compiled): building them cost the ORM more CPU than drawing the matrix's cells.
all_frameworks = CompiledInstances(
    lambda: CooperationFramework.objects.newest_first().with_has_mapping()
)
objectives_with_activity_count = CompiledInstances(
    lambda: GCMObjective.objects.with_activity_count()
)
# The matrix's counts, by outcome and objective; an output's links count under its outcome.
link_counts = Compiled(
    lambda framework: (
        ObjectiveLink.objects.of_framework(framework)
        .with_row_outcome()
        .values("row_outcome", "objective__number")
        .annotate(n=Count("pk"))
        .order_by()
    )
)
outcomes_of_framework = CompiledInstances(
    lambda framework: Outcome.objects.filter(priority__framework=framework)
)
priorities_of_framework = CompiledInstances(
    lambda framework: StrategicPriority.objects.filter(framework=framework)
)


class FrameworkMixin:
    """Pages about one cooperation framework: ?framework=<id>, else the one partners land on."""

    def get_framework(self):
        if not hasattr(self, "_framework"):
            # Every framework in one query (a country has a handful): the list for the page's
            # links, and the one it shows, the landing one unless another is asked for.
            self._frameworks = all_frameworks()
            wanted = self.request.GET.get("framework", "")
            chosen = None
            if wanted.isascii() and wanted.isdigit():  # not "²", which int() refuses
                chosen = next((f for f in self._frameworks if f.pk == int(wanted)), None)
            self._framework = chosen or CooperationFramework.landing(self._frameworks)
        return self._framework

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["framework"] = self.get_framework()
        context["frameworks"] = self._frameworks
        context["other_frameworks"] = [f for f in self._frameworks if f != context["framework"]]
        context["current_framework"] = next((f for f in self._frameworks if f.is_current), None)
        return context


@depends_on("frameworks")
class MatrixView(FrameworkMixin, TemplateView):
    """The UNSDCF x GCM heat map: priorities and outcomes against the 23 GCM objectives."""

    template_name = "frameworks/matrix.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        self.language = get_language()  # once: a look-up in a context-local each time
        framework = context["framework"]
        objectives = objectives_with_activity_count()
        page = url_pattern("frameworks:objective-detail", "number")
        for objective in objectives:
            objective.url = page.format(number=objective.number)
        context["objectives"] = objectives
        context["objective_heads_html"] = objective_heads_html(objectives)
        context["objective_key_html"] = objective_key_html(objectives)
        context["rows"] = self.rows(framework, objectives) if framework else []
        activities = reverse("frameworks:activity-list")
        context["activity_cells"] = [
            Cell(
                o,
                o.activity_count,
                f"{activities}?objective={o.number}",
                self.activity_label(o.activity_count, o.number),
                self.localized(o.activity_count),
                scale="heat-act",
            )
            for o in objectives
        ]
        context["activity_cells_html"] = cells_html(context["activity_cells"])
        return context

    def rows(self, framework, objectives):
        """
        A row per priority, followed by a row per outcome. The counts come from one grouped
        query, by outcome and objective; a priority's cell adds up its outcomes' cells.
        """
        counts = Counter()
        for row in link_counts(framework=framework.pk):
            counts[row["row_outcome"], row["objective__number"]] = row["n"]
        cell_urls = {
            "priority": url_pattern("frameworks:matrix-priority-cell", "pk", "number"),
            "outcome": url_pattern("frameworks:matrix-cell", "pk", "number"),
        }
        # The outcomes in a query of their own, not a prefetch: the same rows, for less work.
        outcomes_of = {}
        for outcome in outcomes_of_framework(framework=framework.pk):
            outcomes_of.setdefault(outcome.priority_id, []).append(outcome)
        rows = []
        for priority in priorities_of_framework(framework=framework.pk):
            priority.framework = framework
            outcomes = outcomes_of.get(priority.pk, [])
            outcome_counts = [
                [counts[outcome.pk, objective.number] for objective in objectives]
                for outcome in outcomes
            ]
            priority_counts = [sum(column) for column in zip(*outcome_counts, strict=True)]
            rows.append(self.row("priority", priority, priority_counts, objectives, cell_urls))
            for outcome, row_counts in zip(outcomes, outcome_counts, strict=True):
                outcome.priority = priority
                rows.append(self.row("outcome", outcome, row_counts, objectives, cell_urls))
        return rows

    def row(self, kind, subject, row_counts, objectives, cell_urls):
        if not row_counts:  # a priority without outcomes
            row_counts = [0] * len(objectives)
        # The row's address around the objective's number: joined per cell, not formatted.
        head, tail = cell_urls[kind].format(pk=subject.pk, number="\0").split("\0")
        cells = [
            Cell(
                objective,
                count,
                f"{head}{objective.number}{tail}",
                self.link_label(count, objective),
                self.localized(count),
            )
            for count, objective in zip(row_counts, objectives, strict=True)
        ]
        return {
            "kind": kind,
            "object": subject,
            "cells": cells,
            "cells_html": cells_html(cells),
            "total": sum(row_counts),
        }

    def localized(self, number):
        return localized(number, self.language)

    def link_label(self, count, objective):
        """The words for a cell, made once per count and objective: most cells say "no link"."""
        labels = self.__dict__.setdefault("_link_labels", {})
        key = (count, objective.number)
        if key not in labels:
            labels[key] = self.new_link_label(count, objective)
        return labels[key]

    def new_link_label(self, count, objective):
        if not count:
            return _("no link to objective %(number)s") % {
                "number": self.localized(objective.number)
            }
        return ngettext(
            "%(counter)s link to objective %(number)s, %(label)s",
            "%(counter)s links to objective %(number)s, %(label)s",
            count,
        ) % {
            "counter": self.localized(count),
            "number": self.localized(objective.number),
            "label": objective.short_label,
        }

    def activity_label(self, count, number):
        if not count:
            return _("no work-plan activity for objective %(number)s") % {
                "number": self.localized(number)
            }
        return ngettext(
            "%(counter)s work-plan activity for objective %(number)s",
            "%(counter)s work-plan activities for objective %(number)s",
            count,
        ) % {
            "counter": self.localized(count),
            "number": self.localized(number),
        }


@depends_on("frameworks", "members")  # the activities' lead organisations
class CellView(TemplateView):
    """The links behind one cell of the matrix, with the activities at the same crossing."""

    template_name = "frameworks/matrix_cell.html"
    row = "outcome"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        objective = get_object_or_404(GCMObjective, number=kwargs["number"])
        if self.row == "outcome":
            subject = get_object_or_404(
                Outcome.objects.select_related("priority__framework"), pk=kwargs["pk"]
            )
            links = ObjectiveLink.objects.in_cell(objective, outcome=subject)
            in_row = Q(outcomes=subject) | Q(outputs__outcome=subject)
            framework = subject.priority.framework
        else:
            subject = get_object_or_404(
                StrategicPriority.objects.select_related("framework"), pk=kwargs["pk"]
            )
            links = ObjectiveLink.objects.in_cell(objective, priority=subject)
            in_row = Q(outcomes__priority=subject) | Q(outputs__outcome__priority=subject)
            framework = subject.framework
        context.update(
            objective=objective,
            subject=subject,
            row=self.row,
            framework=framework,
            links=list(links.for_display()),
            activities=Activity.objects.published()
            .filter(gcm_objectives=objective)
            .filter(pk__in=Activity.objects.filter(in_row).values("pk"))
            .for_cards()
            .order_by("title"),
        )
        return context


@depends_on("frameworks", "members", "meetings")
class ObjectiveDetailView(DetailView):
    """A GCM objective: the outcomes and outputs linked to it, and the work that serves it."""

    model = GCMObjective
    slug_field = "number"
    slug_url_kwarg = "number"
    context_object_name = "objective"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        objective = self.object
        context["links"] = list(objective.links.for_display())
        context["activities"] = (
            objective.activities.published().for_cards().order_by("status", "title")
        )
        context["meetings"] = objective.meetings.public().order_by("-start")
        context["action_points"] = public_action_points().filter(gcm_objectives=objective)
        context["previous"] = objective.number - 1 if objective.number > 1 else None
        context["next"] = objective.number + 1 if objective.number < 23 else None
        return context


@depends_on("frameworks")
class CoverageView(FrameworkMixin, TemplateView):
    """Which GCM objectives the framework and the work plan leave open, or only plan for."""

    template_name = "frameworks/coverage.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        objectives = list(GCMObjective.objects.with_coverage(context["framework"]))
        context.update(
            objectives=objectives,
            not_in_framework=[o for o in objectives if o.link_count == 0],
            not_in_work_plan=[o for o in objectives if o.activity_count == 0],
            only_planned=[o for o in objectives if o.is_addressed_only_by_planned_work],
        )
        return context


@depends_on("frameworks", "members")
class ActivityListView(FilterView):
    """The network's work plan, filterable."""

    filterset_class = ActivityFilter
    template_name = "frameworks/activity_list.html"
    context_object_name = "activities"

    def get_queryset(self):
        return (
            Activity.objects.published()
            .for_cards()
            .order_by(F("start").asc(nulls_last=True), "title")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_filtered"] = any(self.request.GET.get(k) for k in ActivityFilter.Meta.fields)
        context["query"] = self.request.GET.urlencode()
        return context


@depends_on("frameworks", "members", "meetings")
class ActivityDetailView(DetailView):
    """One work-plan activity, its links and its dated progress updates."""

    context_object_name = "activity"

    def get_queryset(self):
        return (
            Activity.objects.published()
            .for_list()
            .prefetch_related(
                Prefetch(
                    "meetings",
                    queryset=linked(Activity, "meetings").public().order_by("-start"),
                    to_attr="public_meetings",
                ),
                Prefetch(
                    "action_points", queryset=public_action_points(), to_attr="public_action_points"
                ),
            )
        )


def joined(values):
    return "; ".join(str(value) for value in values)


@depends_on("frameworks")
class MappingCSVView(FrameworkMixin, View):
    """The mapping as a CSV file: one row per link between an outcome or output and an objective."""

    HEADER = [
        "framework",
        "priority_number",
        "priority_title",
        "outcome_number",
        "outcome_short_name",
        "outcome_statement",
        "output_number",
        "output_title",
        "gcm_objective_number",
        "gcm_objective_title",
        "strength",
        "rationale",
        "sdg_targets",
        "demo_data",
    ]

    def get(self, request):
        framework = self.get_framework()
        if framework is None:
            raise Http404(_("No cooperation framework has been entered yet."))
        links = (
            ObjectiveLink.objects.of_framework(framework)
            .for_display()
            .prefetch_related("outcome__sdg_targets", "output__sdg_targets")
        )
        return csv_response(
            f"unsdcf-gcm-mapping-{framework.start_year}.csv",
            self.HEADER,
            (self.row(framework, link) for link in links),
        )

    @staticmethod
    def row(framework, link):
        outcome = link.matrix_outcome
        output = link.output
        targets = (output or outcome).sdg_targets.all()
        return [
            str(framework),
            outcome.priority.number,
            outcome.priority.title,
            outcome.number,
            outcome.short_name,
            outcome.statement,  # empty until staff enter the official wording
            output.number if output else "",
            output.title if output else "",
            link.objective.number,
            link.objective.title,
            link.get_strength_display(),
            link.rationale,
            joined(t.code for t in targets),
            "yes" if link.is_demo else "no",
        ]


@depends_on("frameworks", "members")
class ActivityCSVView(View):
    """The work plan as a CSV file, one row per activity, with the list's filters applied."""

    HEADER = [
        "title",
        "status",
        "lead_organisation",
        "partner_organisations",
        "synergy",
        "gcm_objectives",
        "unsdcf_outcomes",
        "unsdcf_outputs",
        "sdg_targets",
        "start",
        "end",
        "budget",
        "currency",
        "funding",
        "latest_update",
        "url",
        "demo_data",
    ]

    def get(self, request):
        queryset = Activity.objects.published().for_list().order_by("title")
        activities = ActivityFilter(request.GET, queryset=queryset).qs
        return csv_response(
            "network-work-plan.csv",
            self.HEADER,
            (self.row(request, activity) for activity in activities),
        )

    @staticmethod
    def row(request, activity):
        update = activity.latest_update
        return [
            activity.title,
            activity.get_status_display(),
            activity.lead.name,
            joined(p.name for p in activity.partners.all()),
            "yes" if activity.is_synergy else "no",
            joined(o.number for o in activity.gcm_objectives.all()),
            joined(o.number for o in activity.outcomes.all()),
            joined(o.number for o in activity.outputs.all()),
            joined(t.code for t in activity.sdg_targets.all()),
            activity.start.isoformat() if activity.start else "",
            activity.end.isoformat() if activity.end else "",
            activity.budget if activity.budget is not None else "",
            activity.currency if activity.budget is not None else "",
            activity.funding,
            f"{update.date.isoformat()}: {update.text}" if update else "",
            request.build_absolute_uri(activity.get_absolute_url()),
            "yes" if activity.is_demo else "no",
        ]
