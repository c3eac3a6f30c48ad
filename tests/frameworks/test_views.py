import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from frameworks.models import Activity
from meetings.models import Meeting
from tests.frameworks.factories import (
    ActivityFactory,
    CooperationFrameworkFactory,
    ObjectiveLinkFactory,
    OutcomeFactory,
    OutputFactory,
    ProgressUpdateFactory,
    StrategicPriorityFactory,
    objective,
)
from tests.meetings.factories import ActionPointFactory, MeetingFactory
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

WORK_PLAN = reverse("frameworks:activity-list")
COVERAGE = reverse("frameworks:coverage")


def meeting(title, **kwargs):
    start = kwargs.pop("start", timezone.now() - datetime.timedelta(days=30))
    defaults = {"status": Meeting.Status.PUBLISHED, "visibility": Meeting.Visibility.PUBLIC}
    defaults.update(kwargs)
    return Meeting.objects.create(
        title=title, start=start, end=start + datetime.timedelta(hours=2), **defaults
    )


# The GCM objective page


def test_objective_page_shows_title_links_rationales_and_activities(client):
    outcome = OutcomeFactory(number="1.1", short_name="Decent work")
    ObjectiveLinkFactory(outcome=outcome, objective=objective(6), rationale="Fair recruitment.")
    output = OutputFactory(outcome=outcome, number="1.1.2", title="Labour inspection")
    ObjectiveLinkFactory(
        outcome=None,
        output=output,
        objective=objective(6),
        strength="contributing",
        rationale="Inspections cover migrant workers.",
    )
    ActivityFactory(title="Pre-departure orientation", gcm_objectives=[objective(6)])
    ActivityFactory(title="Hidden draft", gcm_objectives=[objective(6)], is_published=False)
    ActivityFactory(title="Work on borders", gcm_objectives=[objective(7)])

    response = client.get(objective(6).get_absolute_url())

    content = response.content.decode()
    assert "Facilitate fair and ethical recruitment" in content
    assert "Fair recruitment." in content
    assert "Inspections cover migrant workers." in content
    assert "Contributing" in content
    assert "Output 1.1.2" in content
    assert "Pre-departure orientation" in content
    assert "Hidden draft" not in content
    assert "Work on borders" not in content


def test_objective_page_shows_an_outcome_without_wording_by_its_short_name(client):
    outcome = OutcomeFactory(statement="", short_name="Inclusive services")
    ObjectiveLinkFactory(outcome=outcome, objective=objective(2))

    content = client.get(objective(2).get_absolute_url()).content.decode()

    assert "Inclusive services" in content
    assert "placeholder" not in content.lower()
    assert "official wording to be completed by staff" not in content


def test_objective_page_shows_official_statement_when_entered(client):
    outcome = OutcomeFactory(statement="By 2025, all people benefit from quality services.")
    ObjectiveLinkFactory(outcome=outcome, objective=objective(2))

    content = client.get(objective(2).get_absolute_url()).content.decode()

    assert "By 2025, all people benefit from quality services." in content
    assert "official wording to be completed by staff" not in content


def test_objective_page_lists_only_public_meetings(client):
    public = meeting("Coordination meeting on labour migration")
    members_only = meeting("Closed briefing", visibility=Meeting.Visibility.MEMBERS)
    draft = meeting("Draft workshop", status=Meeting.Status.DRAFT)
    for each in (public, members_only, draft):
        each.gcm_objectives.add(objective(6))

    content = client.get(objective(6).get_absolute_url()).content.decode()

    assert "Coordination meeting on labour migration" in content
    assert "Closed briefing" not in content
    assert "Draft workshop" not in content


def test_objective_outside_1_to_23_is_404(client):
    assert (
        client.get(reverse("frameworks:objective-detail", kwargs={"number": 24})).status_code == 404
    )


def test_objective_page_query_count_constant(client, django_assert_max_num_queries):
    def add(n):
        for i in range(n):
            outcome = OutcomeFactory()
            ObjectiveLinkFactory(outcome=outcome, objective=objective(8))
            ObjectiveLinkFactory(outcome=None, output=OutputFactory(), objective=objective(8))
            activity = ActivityFactory(
                gcm_objectives=[objective(8), objective(9)],
                outcomes=[outcome],
                partners=[OrganisationFactory()],
            )
            ProgressUpdateFactory(activity=activity)
            meeting(f"Meeting {n}-{i}").gcm_objectives.add(objective(8))
            ActionPointFactory().gcm_objectives.add(objective(8))

    add(1)
    url = objective(8).get_absolute_url()
    # The objective, its links, its activities with their partners, objectives and progress,
    # its meetings and its action points.
    with django_assert_max_num_queries(8) as few:
        client.get(url)
    add(10)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)

    assert len(response.context["links"]) == 22
    assert len(response.context["activities"]) == 11


# Coverage


def test_coverage_lists_gaps_and_planned_only_objectives(client):
    framework = CooperationFrameworkFactory()
    outcome = OutcomeFactory(priority=StrategicPriorityFactory(framework=framework))
    for number in (1, 2, 3):
        ObjectiveLinkFactory(outcome=outcome, objective=objective(number))
    ActivityFactory(status=Activity.Status.ONGOING, gcm_objectives=[objective(1)])
    ActivityFactory(status=Activity.Status.PLANNED, gcm_objectives=[objective(2), objective(5)])
    ActivityFactory(status=Activity.Status.ON_HOLD, gcm_objectives=[objective(3)])
    ActivityFactory(status=Activity.Status.PLANNED, gcm_objectives=[objective(1)])

    response = client.get(COVERAGE)

    not_in_framework = [o.number for o in response.context["not_in_framework"]]
    not_in_work_plan = [o.number for o in response.context["not_in_work_plan"]]
    only_planned = [o.number for o in response.context["only_planned"]]
    assert not_in_framework == [n for n in range(1, 24) if n not in (1, 2, 3)]
    assert not_in_work_plan == [n for n in range(1, 24) if n not in (1, 2, 3, 5)]
    assert only_planned == [2, 3, 5]
    assert "with planned or on-hold work only" in response.content.decode()
    by_number = {o.number: o for o in response.context["objectives"]}
    assert (by_number[3].planned_count, by_number[1].planned_count) == (1, 1)


def test_coverage_without_any_data_lists_every_objective_as_a_gap(client):
    response = client.get(COVERAGE)

    assert response.status_code == 200
    assert len(response.context["not_in_framework"]) == 23
    assert len(response.context["not_in_work_plan"]) == 23
    assert response.context["only_planned"] == []


def test_coverage_query_count_constant(client, django_assert_max_num_queries):
    ActivityFactory(gcm_objectives=[objective(1)])
    with django_assert_max_num_queries(5) as few:
        client.get(COVERAGE)
    for number in range(1, 24):
        ActivityFactory(gcm_objectives=[objective(number)], partners=[OrganisationFactory()])
        ObjectiveLinkFactory(objective=objective(number))

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(COVERAGE)


# The work plan


@pytest.fixture
def work_plan():
    iom = OrganisationFactory(name="IOM Azerbaijan", acronym="IOM")
    unicef = OrganisationFactory(name="UNICEF Azerbaijan", acronym="UNICEF")
    growth = OutcomeFactory(priority__number=1)
    services = OutcomeFactory(priority__number=2, priority__framework=growth.priority.framework)
    output = OutputFactory(outcome=services)
    data = ActivityFactory(
        title="Data assessment",
        lead=iom,
        partners=[unicef],
        status=Activity.Status.ONGOING,
        gcm_objectives=[objective(1)],
        outcomes=[growth],
    )
    registration = ActivityFactory(
        title="Birth registration",
        lead=unicef,
        status=Activity.Status.PLANNED,
        gcm_objectives=[objective(4), objective(15)],
    )
    registration.outputs.add(output)
    ActivityFactory(title="Unpublished idea", lead=iom, is_published=False)
    ProgressUpdateFactory(activity=data, date=datetime.date(2025, 3, 1), text="Kick-off held.")
    ProgressUpdateFactory(activity=data, date=datetime.date(2025, 9, 1), text="Draft report.")
    return {"iom": iom, "unicef": unicef, "growth": growth, "services": services}


def titles(response):
    return sorted(a.title for a in response.context["activities"])


def test_work_plan_lists_published_activities_with_latest_progress(client, work_plan):
    response = client.get(WORK_PLAN)

    content = response.content.decode()
    assert titles(response) == ["Birth registration", "Data assessment"]
    assert "Unpublished idea" not in content
    assert "Draft report." in content
    assert "Synergy" in content


def test_work_plan_filters_by_status(client, work_plan):
    assert titles(client.get(WORK_PLAN, {"status": "planned"})) == ["Birth registration"]
    assert titles(client.get(WORK_PLAN, {"status": "completed"})) == []


def test_work_plan_filters_by_lead(client, work_plan):
    response = client.get(WORK_PLAN, {"lead": work_plan["unicef"].pk})

    assert titles(response) == ["Birth registration"]


def test_work_plan_filters_by_gcm_objective_number(client, work_plan):
    assert titles(client.get(WORK_PLAN, {"objective": 15})) == ["Birth registration"]
    assert titles(client.get(WORK_PLAN, {"objective": 1})) == ["Data assessment"]


def test_work_plan_filters_by_priority_through_outcomes_and_outputs(client, work_plan):
    first = work_plan["growth"].priority
    second = work_plan["services"].priority

    assert titles(client.get(WORK_PLAN, {"priority": first.pk})) == ["Data assessment"]
    assert titles(client.get(WORK_PLAN, {"priority": second.pk})) == ["Birth registration"]


def test_work_plan_filters_synergies(client, work_plan):
    assert titles(client.get(WORK_PLAN, {"synergy": "yes"})) == ["Data assessment"]


def test_work_plan_bad_filter_value_shows_error_not_500(client, work_plan):
    response = client.get(WORK_PLAN, {"status": "<script>x</script>", "objective": "99"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in content
    assert "<script>x</script>" not in content


def test_work_plan_query_count_constant_as_activities_grow(
    client, work_plan, django_assert_max_num_queries
):
    # The activities with their partners, objectives and progress (the cards show no framework
    # links), and the filter form's choices.
    with django_assert_max_num_queries(7) as few:
        client.get(WORK_PLAN)
    for _ in range(15):
        activity = ActivityFactory(
            partners=[OrganisationFactory(), OrganisationFactory()],
            gcm_objectives=[objective(2), objective(3)],
            outcomes=[OutcomeFactory()],
        )
        ProgressUpdateFactory(activity=activity)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(WORK_PLAN)

    assert len(response.context["activities"]) == 17


def test_activity_page_shows_links_and_every_progress_update(client, work_plan):
    activity = Activity.objects.get(title="Data assessment")
    public = meeting("Network coordination meeting")
    hidden = meeting("Closed session", visibility=Meeting.Visibility.MEMBERS)
    activity.meetings.add(public, hidden)

    content = client.get(activity.get_absolute_url()).content.decode()

    assert "Kick-off held." in content and "Draft report." in content
    assert content.index("Draft report.") < content.index("Kick-off held.")
    assert "Objective 1: Collect and utilize accurate" in content
    assert "UNICEF Azerbaijan" in content
    assert "Network coordination meeting" in content
    assert "Closed session" not in content


def test_unpublished_activity_page_is_404(client, work_plan):
    activity = Activity.objects.get(title="Unpublished idea")

    assert client.get(activity.get_absolute_url()).status_code == 404


# Links to meetings and their action points


def test_objective_page_lists_action_points_of_public_meetings_only(client):
    shown = ActionPointFactory(text="Draft a referral guide", meeting=MeetingFactory())
    hidden = ActionPointFactory(
        text="Confidential follow-up",
        meeting=MeetingFactory(visibility=Meeting.Visibility.MEMBERS),
    )
    for point in (shown, hidden):
        point.gcm_objectives.add(objective(10))

    content = client.get(objective(10).get_absolute_url()).content.decode()

    assert "Draft a referral guide" in content
    assert shown.meeting.get_absolute_url() in content
    assert "Confidential follow-up" not in content


def test_activity_page_links_its_meetings_and_action_points(client):
    activity = ActivityFactory()
    public = MeetingFactory(title="Working group on data")
    draft = MeetingFactory(title="Draft session", status=Meeting.Status.DRAFT)
    activity.meetings.add(public, draft)
    activity.action_points.add(
        ActionPointFactory(meeting=public, text="Circulate the questionnaire"),
        ActionPointFactory(meeting=draft, text="Not yet public"),
    )

    content = client.get(activity.get_absolute_url()).content.decode()

    assert "Working group on data" in content
    assert public.get_absolute_url() in content
    assert "Circulate the questionnaire" in content
    assert "Draft session" not in content
    assert "Not yet public" not in content


def test_activity_page_query_count_constant_as_links_grow(client, django_assert_max_num_queries):
    activity = ActivityFactory(partners=[OrganisationFactory()], gcm_objectives=[objective(1)])
    activity.action_points.add(ActionPointFactory())
    # The activity with its lead and joint programme, partners, objectives, SDG targets,
    # outcomes, outputs, progress updates, public meetings and action points.
    with django_assert_max_num_queries(9) as few:
        client.get(activity.get_absolute_url())
    for _ in range(8):
        meeting = MeetingFactory()
        activity.meetings.add(meeting)
        activity.action_points.add(ActionPointFactory(meeting=meeting))
        activity.partners.add(OrganisationFactory())
        activity.outcomes.add(OutcomeFactory())
        activity.outputs.add(OutputFactory())
        ProgressUpdateFactory(activity=activity)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(activity.get_absolute_url())

    assert len(response.context["activity"].public_action_points) == 9
