"""The network's report: each figure the same as the public pages' queries give for the period."""

import datetime
import io

import docx
import pypdf
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from frameworks.filters import ActivityFilter
from frameworks.models import Activity, GCMObjective
from meetings.filters import MeetingFilter
from meetings.models import ActionPoint, Meeting, Participation
from members.models import Organisation
from tests.frameworks.factories import ActivityFactory, ProgressUpdateFactory, objective
from tests.unnm.conftest import SECRETS
from unnm.report import figures

pytestmark = pytest.mark.django_db

YEAR = figures.Period.year(2025)
NOW = timezone.make_aware(datetime.datetime(2026, 1, 15))
REPORT = reverse("report:report")


def on_page(filters, queryset, **params):
    """What a public list shows for these filters (its own FilterSet and queryset)."""
    return filters(params, queryset=queryset).qs


def test_meeting_figures_match_the_meetings_list(network):
    report = figures.build(YEAR, now=NOW)

    public_2025 = on_page(MeetingFilter, Meeting.objects.public(), year="2025").filter(
        status=Meeting.Status.PUBLISHED
    )
    assert [m.title for m in report.meetings] == [m.title for m in public_2025.order_by("start")]
    assert len(report.meetings) == 2  # not the draft, the members-only one, nor 2024's
    for row in report.meetings_by_kind:
        kind = next(k for k, label in Meeting.Kind.choices if str(label) == row.label)
        assert row.values[-1] == on_page(MeetingFilter, public_2025, kind=kind).count()
    participations = Participation.objects.filter(meeting__in=public_2025)
    assert report.organisations == participations.values("organisation").distinct().count() == 3
    assert report.people == sum(p.representatives or 0 for p in participations) == 10
    assert report.people_unrecorded == 1
    assert [(row.label, row.values) for row in report.participation] == [
        ("UN agency", [1, 1, 3]),
        ("Government authority", [1, 2, 6]),
        ("NGO / civil society", [1, 2, 1]),
    ]


def test_action_points_opened_closed_and_open_by_organisation(network):
    report = figures.build(YEAR, now=NOW)

    rows = {row.label: row.values for row in report.actions}
    public = ActionPoint.objects.public().actions()
    assert rows == {"IOM": [1, 1, 0], "SMS": [1, 0, 1], "BMRC": [1, 0, 1]}
    assert report.actions_total.values == [
        public.filter(meeting__start__year=2025).count(),
        public.filter(completed_on__year=2025).count(),
        public.exclude(status=ActionPoint.Status.DONE).count(),
    ]


def test_work_plan_figures_match_the_work_plan_page(network):
    report = figures.build(YEAR, now=NOW)

    published = Activity.objects.published()
    assert {a.title for a in report.activities} == {a.title for a in published}
    for status, label in Activity.Status.choices:
        shown = on_page(ActivityFilter, published, status=status).count()
        assert {r.label: r.values[0] for r in report.by_status}.get(str(label), 0) == shown
    for row in report.by_objective:
        number = int(row.label.split(".")[0])
        assert row.values[0] == on_page(ActivityFilter, published, objective=str(number)).count()
    priority = network["framework"].priorities.get()
    assert [r.values[0] for r in report.by_priority] == [
        on_page(ActivityFilter, published, priority=str(priority.pk)).count()
    ]
    assert [a.title for a in report.synergies] == [
        a.title for a in on_page(ActivityFilter, published, synergy="yes")
    ]
    assert [(r.label, r.values[0]) for r in report.budgets] == [("USD", 50000)]
    assert [u.text for u in report.updates] == ["Survey done."]  # 2024's update is not the period's


def test_coverage_matches_the_coverage_page(client, network):
    report = figures.build(YEAR, now=NOW)

    page = client.get(reverse("frameworks:coverage")).context
    objectives = GCMObjective.objects.with_coverage(network["framework"])
    assert [o.number for o in report.addressed] == [6, 18]
    assert (
        [o.number for o in report.planned_only] == [o.number for o in page["only_planned"]] == [21]
    )
    assert [o.number for o in report.not_addressed] == [o.number for o in page["not_in_work_plan"]]
    assert len(report.addressed) + len(report.planned_only) + len(report.not_addressed) == (
        objectives.count()
    )


@pytest.fixture
def changing_coverage():
    """A work plan whose coverage of the GCM objectives changes during 2025 (entered in 2026)."""
    day = datetime.date
    # Under way from mid-2025: not addressed on 1 January, addressed on 31 December.
    ActivityFactory(gcm_objectives=[objective(1)], status="ongoing", start=day(2025, 6, 1))
    # Done in March 2025: addressed on both days.
    ActivityFactory(
        gcm_objectives=[objective(2)],
        status="completed",
        start=day(2024, 1, 1),
        end=day(2025, 3, 31),
    )
    # Entered in 2024 (the audit trail: planned since then), starting in September 2025.
    entered = ActivityFactory(
        gcm_objectives=[objective(3)], status="ongoing", start=day(2025, 9, 1)
    )
    entered.history.update(history_date=timezone.make_aware(datetime.datetime(2024, 6, 1)))
    # On hold, due to start in October: not yet in the plan in January, planned only at the end.
    ActivityFactory(gcm_objectives=[objective(4)], status="on_hold", start=day(2025, 10, 1))
    # Unpublished: counts on neither day.
    ActivityFactory(
        gcm_objectives=[objective(5)], status="ongoing", start=day(2024, 1, 1), is_published=False
    )
    # Starts after the period (ongoing today): counts on neither day of 2025.
    ActivityFactory(gcm_objectives=[objective(6)], status="ongoing", start=day(2026, 1, 5))
    # Done early in 2025 per its updates, though planned again today: addressed at the end only.
    replanned = ActivityFactory(gcm_objectives=[objective(7)], status="planned", start=None)
    ProgressUpdateFactory(activity=replanned, date=day(2024, 12, 1), status="planned")
    ProgressUpdateFactory(activity=replanned, date=day(2025, 2, 1), status="completed")


def test_coverage_change_over_the_period_from_dates_updates_and_audit_trail(changing_coverage):
    report = figures.build(YEAR, now=NOW)

    assert report.coverage_days == (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    assert [row.values for row in report.coverage_change] == [
        [1, 4, 3],  # addressed: objective 2, then 1, 2, 3 and 7
        [2, 1, -1],  # planned only: 3 and 7, then 4
        [20, 18, -2],  # not addressed
    ]
    moves = {row.label.split(".")[0]: row.values for row in report.coverage_moves}
    assert moves == {
        "1": ["Not addressed", "Addressed (work under way or done)"],
        "3": ["Planned only", "Addressed (work under way or done)"],
        "4": ["Not addressed", "Planned only"],
        "7": ["Planned only", "Addressed (work under way or done)"],
    }
    # Today, objective 6 is addressed and 7 planned only: the period's end is not today.
    assert 6 in [o.number for o in report.addressed]
    assert 7 in [o.number for o in report.planned_only]


def test_coverage_change_ends_today_while_the_period_runs(changing_coverage):
    today = timezone.make_aware(datetime.datetime(2025, 8, 1))

    report = figures.build(YEAR, now=today)

    assert report.coverage_days[1] == datetime.date(2025, 8, 1)
    # Objective 3's work began in September, objective 4's plan in October: not by 1 August.
    assert [row.values for row in report.coverage_change][0] == [1, 3, 2]  # 2, then 1, 2, 7


def test_coverage_change_table_in_the_page_pdf_and_docx(viewer, changing_coverage):
    query = {"start": "2025-01-01", "end": "2025-12-31"}

    page = viewer.get(REPORT, query).content.decode()
    pdf = viewer.get(reverse("report:report-pdf"), query)
    word = docx.Document(io.BytesIO(viewer.get(reverse("report:report-docx"), query).content))

    text = " ".join(
        " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.content)).pages).split()
    )
    tables = {table.rows[0].cells[0].text: table for table in word.tables}
    assert "Coverage at the start and at the end of the period" in page
    assert "Objectives whose coverage changed" in page
    assert "Coverage at the start and at the end of the period" in text
    change = next(t for t in word.tables if t.rows[0].cells[-1].text == "Change")
    assert [[c.text for c in row.cells] for row in change.rows[1:]] == [
        ["Addressed (work under way or done)", "1", "4", "3"],
        ["Planned only", "2", "1", "-1"],
        ["Not addressed", "20", "18", "-2"],
    ]
    assert "GCM objective" in tables


def test_members_who_joined_or_left_by_kind(network):
    sms, gone = network["organisations"][1], network["organisations"][3]
    gone.is_active = True
    gone.save()
    gone.is_active = False
    gone.save()  # left now, in this test's year

    this_year = figures.build(figures.Period.year(timezone.localdate().year), now=NOW)
    report = figures.build(YEAR, now=NOW)

    assert [o.acronym for o in report.joined] == ["SMS", "BMRC"]
    assert report.left == []
    assert [o.acronym for o in this_year.left] == ["FMF"]
    assert Organisation.objects.get(pk=sms.pk).member_since.year == 2025


# The page and its downloads


@pytest.fixture
def viewer(client, settings):
    """A member of staff with the Viewers role only."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = get_user_model().objects.create_user("viewer", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Viewers"))
    client.force_login(user)
    return client


def test_report_page_for_staff_with_charts_and_tables(viewer, network):
    response = viewer.get(REPORT, {"start": "2025-01-01", "end": "2025-12-31"})

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('role="img"') == 3
    assert '<title id="chart-participation-title">' in html
    assert "Government authority: 1" in html  # the chart's text alternative
    assert "Quarterly coordination meeting" in html
    for secret in SECRETS:
        assert secret not in html


def test_report_is_refused_without_staff_roles(client, network):
    user = get_user_model().objects.create_user("someone", password="x", is_staff=True)
    client.force_login(user)

    assert client.get(REPORT).status_code == 403
    client.logout()
    assert client.get(REPORT).status_code == 302  # to the admin's login


@pytest.mark.parametrize(
    "params",
    [
        {"start": "2025-12-31", "end": "2025-01-01"},
        {"start": "2000-01-01", "end": "2025-01-01"},
        {"start": "2025-02-30", "end": "x"},
        {"start": "\x00", "end": "9" * 40},
    ],
)
def test_bad_period_shows_the_error_and_no_report(viewer, params):
    response = viewer.get(REPORT, params)

    assert response.status_code == 400
    assert "errorlist" in response.content.decode() or "errornote" in response.content.decode()
    assert "report-section" not in response.content.decode()


def test_pdf_and_docx_have_the_same_sections_and_numbers(viewer, network):
    query = {"start": "2025-01-01", "end": "2025-12-31"}

    pdf = viewer.get(reverse("report:report-pdf"), query)
    word = viewer.get(reverse("report:report-docx"), query)

    assert pdf["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)
    document = docx.Document(io.BytesIO(word.content))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for heading in (
        "Meetings",
        "Action points",
        "Work plan",
        "Coverage of the GCM objectives",
        "Members",
    ):
        assert heading in text
        assert heading in paragraphs
    assert "2 meetings of the network were held in the period." in " ".join(text.split())
    assert "2 meetings of the network were held in the period." in paragraphs
    assert "Labour migration assessment" in cells
    assert "Workshop on return and reintegration" in cells
    for secret in SECRETS:
        assert secret not in text
        assert secret not in paragraphs + " ".join(cells)
