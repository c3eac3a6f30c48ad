import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from frameworks.models import Activity, GCMObjective, ObjectiveLink
from tests.frameworks.factories import (
    ActivityFactory,
    ObjectiveLinkFactory,
    OutcomeFactory,
    OutputFactory,
    objective,
)
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_link_needs_an_outcome_or_an_output_not_both():
    output = OutputFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        ObjectiveLink.objects.create(
            outcome=output.outcome, output=output, objective=objective(1), rationale="Both"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        ObjectiveLink.objects.create(objective=objective(1), rationale="Neither")

    assert not ObjectiveLink.objects.exists()


def test_link_clean_explains_outcome_or_output():
    link = ObjectiveLink(objective=objective(1), rationale="Neither")

    with pytest.raises(ValidationError, match="either an outcome or an output"):
        link.clean()


def test_link_to_the_same_objective_twice_is_refused():
    link = ObjectiveLinkFactory(objective=objective(5))

    with pytest.raises(IntegrityError):
        ObjectiveLinkFactory(outcome=link.outcome, objective=objective(5))


def test_output_link_counts_under_its_outcome():
    output = OutputFactory()
    link = ObjectiveLinkFactory(outcome=None, output=output)

    assert link.matrix_outcome == output.outcome
    assert link.subject == output


def test_outcome_without_statement_is_a_placeholder():
    assert OutcomeFactory(statement="").is_placeholder
    assert not OutcomeFactory(statement="By 2025, people benefit from...").is_placeholder


def test_activity_slug_is_unique_for_equal_titles():
    first = ActivityFactory(title="Data working group")
    second = ActivityFactory(title="Data working group")

    assert first.slug == "data-working-group"
    assert second.slug == "data-working-group-2"


def test_activity_ending_before_it_starts_is_refused():
    with pytest.raises(IntegrityError):
        ActivityFactory(start=datetime.date(2025, 5, 1), end=datetime.date(2025, 4, 1))


def test_activity_negative_budget_is_refused():
    with pytest.raises(IntegrityError):
        ActivityFactory(budget=-1)


def test_activity_with_a_partner_is_a_synergy():
    alone = ActivityFactory()
    joint = ActivityFactory(partners=[OrganisationFactory()])

    assert not alone.is_synergy
    assert joint.is_synergy
    assert list(Activity.objects.synergies()) == [joint]


def test_coverage_counts_links_of_the_framework_and_activities_by_status():
    link = ObjectiveLinkFactory(objective=objective(3))
    ObjectiveLinkFactory(objective=objective(3))  # another framework: not counted
    ActivityFactory(status=Activity.Status.PLANNED, gcm_objectives=[objective(3)])
    ActivityFactory(status=Activity.Status.PLANNED, gcm_objectives=[objective(4)])
    ActivityFactory(status=Activity.Status.ONGOING, gcm_objectives=[objective(4)])
    ActivityFactory(
        status=Activity.Status.ONGOING, gcm_objectives=[objective(3)], is_published=False
    )

    framework = link.outcome.priority.framework
    by_number = {o.number: o for o in GCMObjective.objects.with_coverage(framework)}

    assert by_number[3].link_count == 1
    assert by_number[3].activity_count == 1
    assert by_number[3].is_addressed_only_by_planned_work
    assert by_number[4].activity_count == 2
    assert not by_number[4].is_addressed_only_by_planned_work
    assert by_number[5].link_count == 0
    assert not by_number[5].is_addressed_only_by_planned_work
