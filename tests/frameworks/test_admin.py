import json

import pytest
from django.urls import reverse

from frameworks.models import Activity, ObjectiveLink
from tests.frameworks.factories import (
    ActivityFactory,
    ObjectiveLinkFactory,
    OutcomeFactory,
    OutputFactory,
    objective,
)
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "cooperationframework",
        "strategicpriority",
        "outcome",
        "output",
        "objectivelink",
        "activity",
        "jointprogramme",
        "thematicarea",
        "gcmobjective",
        "guidingprinciple",
        "sdgtarget",
    ],
)
def test_admin_lists_and_add_forms_open(admin_client, name):
    ObjectiveLinkFactory()
    ActivityFactory()

    changelist = admin_client.get(reverse(f"admin:frameworks_{name}_changelist"))

    assert changelist.status_code == 200


def test_admin_outcome_page_edits_outputs_and_mapping_in_place(admin_client):
    link = ObjectiveLinkFactory(rationale="Documents open services.")

    response = admin_client.get(reverse("admin:frameworks_outcome_change", args=[link.outcome.pk]))

    content = response.content.decode()
    assert "Documents open services." in content
    assert "objective_links-TOTAL_FORMS" in content
    assert "outputs-TOTAL_FORMS" in content


def test_admin_objective_autocomplete_finds_by_label(admin_client):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "trafficking",
            "app_label": "frameworks",
            "model_name": "objectivelink",
            "field_name": "objective",
        },
    )

    results = json.loads(response.content)["results"]
    assert [r["text"] for r in results] == ["10. Eradicate trafficking"]


def test_admin_reference_data_cannot_be_added_or_deleted(admin_client):
    assert admin_client.get(reverse("admin:frameworks_gcmobjective_add")).status_code == 403
    delete = reverse("admin:frameworks_gcmobjective_delete", args=[objective(1).pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403


def test_admin_adds_activity_with_a_progress_update(admin_client):
    lead = OrganisationFactory()
    outcome = OutcomeFactory()
    data = {
        "title_en": "Joint referral training",
        "slug": "joint-referral-training",
        "description_en": "",
        "status": "ongoing",
        "start": "2025-01-01",
        "end": "2025-12-31",
        "lead": lead.pk,
        "partners": [OrganisationFactory().pk],
        "gcm_objectives": [objective(10).pk, objective(12).pk],
        "outcomes": [outcome.pk],
        "budget": "",
        "currency": "USD",
        "funding_source": "",
        "is_published": "on",
        "updates-TOTAL_FORMS": "1",
        "updates-INITIAL_FORMS": "0",
        "updates-0-date": "2025-03-01",
        "updates-0-text_en": "Training held.",
        "updates-0-status": "ongoing",
        # The inlines of meetings and action points that link to the activity: none yet.
        "Meeting_activities-TOTAL_FORMS": "0",
        "Meeting_activities-INITIAL_FORMS": "0",
        "ActionPoint_activities-TOTAL_FORMS": "0",
        "ActionPoint_activities-INITIAL_FORMS": "0",
    }

    response = admin_client.post(reverse("admin:frameworks_activity_add"), data)

    assert response.status_code == 302
    activity = Activity.objects.get(slug="joint-referral-training")
    assert [o.number for o in activity.gcm_objectives.all()] == [10, 12]
    assert activity.updates.get().text == "Training held."


def test_admin_activity_ending_before_start_shows_error_and_writes_nothing(admin_client):
    data = {
        "title_en": "Backwards",
        "slug": "backwards",
        "status": "planned",
        "start": "2025-12-01",
        "end": "2025-01-01",
        "lead": OrganisationFactory().pk,
        "currency": "USD",
        "updates-TOTAL_FORMS": "0",
        "updates-INITIAL_FORMS": "0",
    }

    response = admin_client.post(reverse("admin:frameworks_activity_add"), data)

    assert response.status_code == 200
    assert "The activity cannot end before it starts." in response.content.decode()
    assert not Activity.objects.exists()


def test_admin_link_with_outcome_and_output_shows_error(admin_client):
    outcome = OutcomeFactory()
    output = OutputFactory(outcome=outcome)
    data = {
        "outcome": outcome.pk,
        "output": output.pk,
        "objective": objective(1).pk,
        "strength": "direct",
        "rationale_en": "Both at once.",
    }

    response = admin_client.post(reverse("admin:frameworks_objectivelink_add"), data)

    assert response.status_code == 200
    assert "either an outcome or an output" in response.content.decode()
    assert not ObjectiveLink.objects.exists()
