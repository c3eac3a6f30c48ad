"""
The report's figures, each from the same querysets the public pages use (`Meeting.objects.public()`,
`Activity.objects.published()`, `GCMObjective.objects.with_coverage()`), over one period.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Min, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext

from frameworks.models import Activity, CooperationFramework, GCMObjective, ProgressUpdate
from meetings.models import ActionPoint, Meeting, Participation
from members.models import Organisation


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both days included."""

    start: datetime.date
    end: datetime.date

    @classmethod
    def year(cls, year):
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    def bounds(self):
        """The period as aware moments in the site's time zone: [first moment, moment after)."""
        zone = timezone.get_current_timezone()
        first = datetime.datetime.combine(self.start, datetime.time.min, zone)
        after = datetime.datetime.combine(
            self.end + datetime.timedelta(days=1), datetime.time.min, zone
        )
        return first, after


@dataclass
class Row:
    label: str
    values: list


@dataclass
class Report:
    period: Period
    meetings: list = field(default_factory=list)
    meetings_by_kind: list = field(default_factory=list)
    formats: list = field(default_factory=list)
    cancelled: int = 0
    participation: list = field(default_factory=list)
    organisations: int = 0
    people: int = 0
    people_unrecorded: int = 0
    actions: list = field(default_factory=list)
    actions_total: Row | None = None
    activities: list = field(default_factory=list)
    by_status: list = field(default_factory=list)
    by_objective: list = field(default_factory=list)
    by_priority: list = field(default_factory=list)
    budgets: list = field(default_factory=list)
    funded: list = field(default_factory=list)
    updates: list = field(default_factory=list)
    synergies: list = field(default_factory=list)
    framework: CooperationFramework | None = None
    addressed: list = field(default_factory=list)
    planned_only: list = field(default_factory=list)
    not_addressed: list = field(default_factory=list)
    coverage_days: tuple = ()
    coverage_change: list = field(default_factory=list)
    coverage_moves: list = field(default_factory=list)
    joined: list = field(default_factory=list)
    left: list = field(default_factory=list)
    members_by_kind: list = field(default_factory=list)


def held_meetings(period, now=None):
    """Public meetings that took place in the period (published, not cancelled, over by now)."""
    first, after = period.bounds()
    return (
        Meeting.objects.public()
        .filter(status=Meeting.Status.PUBLISHED, start__gte=first, start__lt=after)
        .filter(end__lt=now or timezone.now())
    )


def activities_in(period):
    """Published work-plan activities whose dates overlap the period (undated ones count)."""
    return Activity.objects.published().filter(
        Q(start__isnull=True) | Q(start__lte=period.end),
        Q(end__isnull=True) | Q(end__gte=period.start),
    )


def build(period, now=None):
    report = Report(period=period)
    meetings_section(report, now)
    actions_section(report, now)
    work_plan_section(report)
    coverage_section(report)
    coverage_change_section(report, now)
    members_section(report)
    return report


def meetings_section(report, now):
    held = held_meetings(report.period, now)
    report.meetings = list(held.select_related("organiser").order_by("start"))
    kinds, formats = dict(Meeting.Kind.choices), dict(Meeting.Format.choices)
    grid = Counter((meeting.kind, meeting.format) for meeting in report.meetings)
    report.formats = [str(label) for label in formats.values()]
    report.meetings_by_kind = [
        Row(
            str(label), [grid[(kind, f)] for f in formats] + [sum(grid[(kind, f)] for f in formats)]
        )
        for kind, label in kinds.items()
        if any(grid[(kind, f)] for f in formats)
    ]
    first, after = report.period.bounds()
    report.cancelled = (
        Meeting.objects.public()
        .filter(status=Meeting.Status.CANCELLED, start__gte=first, start__lt=after)
        .count()
    )
    participations = list(
        Participation.objects.filter(meeting__in=held).select_related("organisation")
    )
    by_kind = defaultdict(lambda: {"organisations": set(), "attendances": 0, "people": 0})
    for participation in participations:
        group = by_kind[participation.organisation.kind]
        group["organisations"].add(participation.organisation_id)
        group["attendances"] += 1
        group["people"] += participation.representatives or 0
    labels = dict(Organisation.Kind.choices)
    report.participation = [
        Row(str(labels[kind]), [len(g["organisations"]), g["attendances"], g["people"]])
        for kind in labels
        if (g := by_kind.get(kind))
    ]
    report.organisations = len({p.organisation_id for p in participations})
    report.people = sum(p.representatives or 0 for p in participations)
    report.people_unrecorded = sum(1 for p in participations if p.representatives is None)


def actions_section(report, now):
    """Action points of public meetings: opened in the period, closed in it, open at its end."""
    start, end = report.period.start, report.period.end
    first, after = report.period.bounds()
    points = (
        ActionPoint.objects.public()
        .actions()
        .filter(meeting__start__lt=after)
        .select_related("responsible", "meeting")
    )
    rows = defaultdict(lambda: [0, 0, 0])
    for point in points:
        opened = point.meeting.start >= first
        done_by_end = point.status == ActionPoint.Status.DONE and (
            point.completed_on is None or point.completed_on <= end
        )
        closed = point.completed_on is not None and start <= point.completed_on <= end
        name = point.responsible.short_name if point.responsible else "—"
        counts = rows[name]
        counts[0] += opened
        counts[1] += closed
        counts[2] += not done_by_end
    report.actions = [Row(name, counts) for name, counts in sorted(rows.items()) if any(counts)]
    totals = [sum(row.values[i] for row in report.actions) for i in range(3)]
    report.actions_total = Row("", totals)


def work_plan_section(report):
    activities = activities_in(report.period)
    report.activities = list(
        activities.select_related("lead", "joint_programme").prefetch_related(
            "partners", "gcm_objectives", "outcomes__priority", "outputs__outcome__priority"
        )
    )
    statuses = Counter(activity.status for activity in report.activities)
    report.by_status = [
        Row(str(label), [statuses[status]])
        for status, label in Activity.Status.choices
        if statuses[status]
    ]
    objectives = Counter(
        objective for activity in report.activities for objective in activity.gcm_objectives.all()
    )
    report.by_objective = [
        Row(str(objective), [count])
        for objective, count in sorted(objectives.items(), key=lambda item: item[0].number)
    ]
    priorities = Counter()
    for activity in report.activities:
        served = {outcome.priority for outcome in activity.outcomes.all()}
        served |= {output.outcome.priority for output in activity.outputs.all()}
        priorities.update(served)
    report.by_priority = [
        Row(str(priority), [count])
        for priority, count in sorted(
            priorities.items(), key=lambda item: (item[0].framework_id, item[0].number)
        )
    ]
    budgets = (
        activities.filter(budget__isnull=False)
        .values("currency")
        .annotate(total=Sum("budget"))
        .order_by("currency")
    )
    report.budgets = [Row(row["currency"], [row["total"] or Decimal(0)]) for row in budgets]
    report.funded = [a for a in report.activities if a.budget is not None or a.funding]
    report.updates = list(
        ProgressUpdate.objects.filter(
            activity__in=activities, date__gte=report.period.start, date__lte=report.period.end
        )
        .select_related("activity")
        .order_by("date", "pk")
    )
    report.synergies = [activity for activity in report.activities if activity.is_synergy]


def coverage_section(report):
    """As the coverage page: addressed (work under way or done), planned only, not addressed."""
    report.framework = CooperationFramework.objects.landing()
    objectives = list(GCMObjective.objects.with_coverage(report.framework))
    report.addressed = [o for o in objectives if o.active_count > 0]
    report.planned_only = [o for o in objectives if o.is_addressed_only_by_planned_work]
    report.not_addressed = [o for o in objectives if o.activity_count == 0]


ADDRESSED, PLANNED, NOT_ADDRESSED = "addressed", "planned", "not_addressed"
UNDER_WAY = {Activity.Status.ONGOING, Activity.Status.COMPLETED}


def status_on(activity, day, updates, entered):
    """
    A published activity's status on a day, from what the data dates: the status of its latest
    progress update dated on or before that day; without one, its present status if it is under
    way or done and began by then (its start date, else the day it was entered), otherwise
    "planned" once it was in the work plan (entered by then, in the audit trail, or starting by
    then). None before that: the activity did not exist for the network yet.
    """
    dated = [update for update in updates.get(activity.pk, ()) if update.date <= day]
    if dated:
        return dated[-1].status
    first = entered.get(activity.pk)
    began = activity.start or first
    if activity.status in UNDER_WAY and began is not None and began <= day:
        return activity.status
    if (first is not None and first <= day) or (activity.start and activity.start <= day):
        return Activity.Status.PLANNED
    return None


def coverage_on(day, activities, updates, entered):
    """Each GCM objective's coverage on a day: addressed, planned only, or not addressed."""
    states = {}
    for activity in activities:
        status = status_on(activity, day, updates, entered)
        if status is None:
            continue
        state = ADDRESSED if status in UNDER_WAY else PLANNED
        for objective in activity.gcm_objectives.all():
            if states.get(objective.pk) != ADDRESSED:
                states[objective.pk] = state
    return states


def coverage_change_section(report, now):
    """
    How the coverage changed over the period: the objectives' coverage on its first day and on
    its last (today, if the period is not over), each by the rule of `status_on`.
    """
    first = report.period.start
    last = min(report.period.end, timezone.localdate(now) if now else timezone.localdate())
    activities = list(Activity.objects.published().prefetch_related("gcm_objectives"))
    updates = defaultdict(list)
    for update in ProgressUpdate.objects.filter(
        activity__is_published=True, date__lte=last
    ).order_by("date", "pk"):
        updates[update.activity_id].append(update)
    # The earliest record of each activity in the audit trail: the day it was entered.
    history = Activity.history.model.objects.all()
    entered = {
        row["id"]: timezone.localdate(row["first"])
        for row in history.values("id").annotate(first=Min("history_date")).order_by()
    }
    objectives = list(GCMObjective.objects.order_by("number"))
    before = coverage_on(first, activities, updates, entered)
    after = coverage_on(last, activities, updates, entered)
    labels = {
        ADDRESSED: gettext("Addressed (work under way or done)"),
        PLANNED: gettext("Planned only"),
        NOT_ADDRESSED: gettext("Not addressed"),
    }
    at_start = Counter(before.get(o.pk, NOT_ADDRESSED) for o in objectives)
    at_end = Counter(after.get(o.pk, NOT_ADDRESSED) for o in objectives)
    report.coverage_days = (first, last)
    report.coverage_change = [
        Row(label, [at_start[state], at_end[state], at_end[state] - at_start[state]])
        for state, label in labels.items()
    ]
    report.coverage_moves = [
        Row(
            str(objective),
            [
                labels[before.get(objective.pk, NOT_ADDRESSED)],
                labels[after.get(objective.pk, NOT_ADDRESSED)],
            ],
        )
        for objective in objectives
        if before.get(objective.pk, NOT_ADDRESSED) != after.get(objective.pk, NOT_ADDRESSED)
    ]


def members_section(report):
    """Organisations that joined (their "member since" in the period) or left (made inactive)."""
    start, end = report.period.start, report.period.end
    report.joined = list(
        Organisation.objects.filter(member_since__gte=start, member_since__lte=end).order_by(
            "kind", "name"
        )
    )
    first, after = report.period.bounds()
    history = Organisation.history.model.objects.filter(history_date__lt=after).order_by(
        "id", "history_date", "history_id"
    )
    was_active, left = {}, set()
    for version in history.only("id", "is_active", "history_date", "history_type"):
        if version.history_date >= first and was_active.get(version.id) and not version.is_active:
            left.add(version.id)
        was_active[version.id] = version.is_active
    report.left = list(
        Organisation.objects.filter(pk__in=left, is_active=False).order_by("kind", "name")
    )
    labels = dict(Organisation.Kind.choices)
    joined = Counter(o.kind for o in report.joined)
    gone = Counter(o.kind for o in report.left)
    report.members_by_kind = [
        Row(str(label), [joined[kind], gone[kind]])
        for kind, label in labels.items()
        if joined[kind] or gone[kind]
    ]
