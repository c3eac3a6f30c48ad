"""The audit trail: who changed what and when, recorded on save and shown in the admin."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from frameworks.models import ObjectiveLink
from meetings import duplication
from meetings import rsvp as answers
from meetings.models import RSVP, AgendaItem, Meeting
from members.models import Organisation
from tests.admin_forms import change_form_data, form_data
from tests.frameworks.factories import ObjectiveLinkFactory
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, RemarkFactory
from tests.meetings.rsvp_factories import RSVPFactory, open_meeting
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def change(client, url_name, obj, **overrides):
    url = reverse(f"admin:{url_name}_change", args=[obj.pk])
    response = client.post(url, change_form_data(client, url, **overrides))
    assert response.status_code == 302, response.context["errors"]
    return response


def history_page(client, name, obj):
    response = client.get(reverse(f"admin:{name}_history", args=[obj.pk]))
    assert response.status_code == 200
    return response.content.decode()


def latest_change(obj):
    record = obj.history.order_by("-history_date", "-history_id").first()
    delta = record.diff_against(record.prev_record)
    return record, delta.changed_fields


def test_history_meeting_edit_names_the_staff_user_and_the_field(admin_client, admin_user):
    meeting = MeetingFactory(title="Quarterly meeting")

    change(admin_client, "meetings_meeting", meeting, title_en="Quarterly coordination meeting")

    record, fields = latest_change(meeting)
    assert record.history_user == admin_user
    assert record.history_type == "~"
    assert fields == ["title_en"]
    page = history_page(admin_client, "meetings_meeting", meeting)
    assert "Quarterly meeting" in page and "Quarterly coordination meeting" in page
    assert admin_user.username in page


def test_history_remark_edited_inline_is_listed_on_its_meeting(admin_client, admin_user):
    remark = RemarkFactory(summary="Spoke about data.")
    meeting = remark.meeting

    change(
        admin_client, "meetings_meeting", meeting, **{"remarks-0-summary_en": "Spoke about IDs."}
    )

    record, fields = latest_change(remark)
    assert record.history_user == admin_user
    assert fields == ["summary_en"]
    page = history_page(admin_client, "meetings_meeting", meeting)
    assert "Changes to its remarks" in page
    assert "Spoke about data." in page and "Spoke about IDs." in page


def test_history_inline_agenda_item_added_in_the_admin_is_saved_and_recorded(
    admin_client, admin_user
):
    meeting = MeetingFactory()
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    data = change_form_data(admin_client, url)
    data |= {
        "agenda_items-TOTAL_FORMS": "1",
        "agenda_items-0-order": "1",
        "agenda_items-0-kind": AgendaItem.Kind.UPDATE,
        "agenda_items-0-title_en": "Opening",
        "agenda_items-0-description_en": "",
        "agenda_items-0-start_time": "",
        "agenda_items-0-duration": "",
    }

    response = admin_client.post(url, data)

    assert response.status_code == 302
    item = meeting.agenda_items.get()
    assert item.title == "Opening"
    assert item.history.get().history_user == admin_user


def test_history_organisation_edit_names_the_staff_user_and_the_field(admin_client, admin_user):
    organisation = OrganisationFactory(name="Migration Research Centre")

    change(admin_client, "members_organisation", organisation, acronym="MRC-AZ")

    record, fields = latest_change(organisation)
    assert record.history_user == admin_user
    assert fields == ["acronym"]
    assert "MRC-AZ" in history_page(admin_client, "members_organisation", organisation)


def test_history_mapping_link_edit_names_the_staff_user_and_the_field(admin_client, admin_user):
    link = ObjectiveLinkFactory(strength=ObjectiveLink.Strength.DIRECT)

    change(
        admin_client,
        "frameworks_objectivelink",
        link,
        strength=ObjectiveLink.Strength.CONTRIBUTING,
    )

    record, fields = latest_change(link)
    assert record.history_user == admin_user
    assert fields == ["strength"]
    page = history_page(admin_client, "frameworks_objectivelink", link)
    assert "strength" in page.lower() and admin_user.username in page
    # The outcome's own history lists the change to its mapping as well.
    assert "Changes to its" in history_page(admin_client, "frameworks_outcome", link.outcome)


def test_history_rsvp_edit_names_the_staff_user_and_the_field(admin_client, admin_user):
    rsvp = RSVPFactory(meeting=open_meeting(), position="Officer")

    change(admin_client, "meetings_rsvp", rsvp, position="Senior officer")

    record, fields = latest_change(rsvp)
    assert record.history_user == admin_user
    assert fields == ["position"]
    assert "Senior officer" in history_page(admin_client, "meetings_rsvp", rsvp)


def test_history_rsvp_approved_in_the_admin_records_the_status_change(admin_client, admin_user):
    rsvp = RSVPFactory(meeting=open_meeting(is_moderated=True), status=RSVP.Status.PENDING)

    admin_client.post(
        reverse("admin:meetings_rsvp_changelist"),
        {"action": "approve", "_selected_action": [rsvp.pk]},
    )

    record, fields = latest_change(rsvp)
    assert record.status == RSVP.Status.CONFIRMED
    assert record.history_user == admin_user
    assert "status" in fields


def test_history_rsvp_cancelled_by_the_participant_records_no_staff_user(client):
    rsvp = RSVPFactory(meeting=open_meeting())

    client.post(reverse("meetings:rsvp-cancel", args=[rsvp.token]))

    record, fields = latest_change(rsvp)
    assert record.status == RSVP.Status.CANCELLED
    assert record.history_user is None
    assert "status" in fields


def test_history_waitlist_promotion_is_recorded_by_the_service():
    meeting = open_meeting(capacity=1)
    seated = RSVPFactory(meeting=meeting)
    waiting = RSVPFactory(meeting=meeting, status=RSVP.Status.WAITLISTED)

    answers.cancel_rsvp(seated)

    assert [r.status for r in waiting.history.order_by("history_date")] == [
        RSVP.Status.WAITLISTED,
        RSVP.Status.CONFIRMED,
    ]


def test_history_check_in_action_is_recorded_per_answer(admin_client, admin_user):
    # Check-in is for the meeting's day: one under way now.
    now = timezone.now()
    rsvp = RSVPFactory(
        meeting=open_meeting(
            meeting_start=now - datetime.timedelta(minutes=30),
            meeting_end=now + datetime.timedelta(hours=2),
            opens_at=now - datetime.timedelta(days=7),
            closes_at=None,
        )
    )

    admin_client.post(
        reverse("admin:meetings_rsvp_changelist"),
        {"action": "check_in", "_selected_action": [rsvp.pk]},
    )

    record, fields = latest_change(rsvp)
    assert fields == ["checked_in_at"]
    assert record.history_user == admin_user


def test_history_duplicated_meeting_agenda_has_history():
    item = AgendaItemFactory(title="Opening")

    copy = duplication.duplicate_meeting(item.meeting)

    assert copy.agenda_items.get().history.get().history_type == "+"


def test_history_old_version_is_shown_but_never_saved(admin_client):
    organisation = OrganisationFactory(name="Old name")
    change(admin_client, "members_organisation", organisation, name_en="New name")
    first = organisation.history.order_by("history_date").first()
    url = reverse(
        "admin:members_organisation_simple_history", args=[organisation.pk, first.history_id]
    )

    shown = admin_client.get(url)
    posted = admin_client.post(url, form_data(shown.context["adminform"].form))

    assert shown.status_code == 200 and "Old name" in shown.content.decode()
    assert "Revert" not in shown.content.decode()
    assert posted.status_code == 403
    assert Organisation.objects.get().name == "New name"


def test_history_page_has_no_inline_style_or_script(admin_client):
    meeting = MeetingFactory()
    change(admin_client, "meetings_meeting", meeting, title_en="Renamed")

    page = history_page(admin_client, "meetings_meeting", meeting)

    assert ' style="' not in page and " onclick=" not in page


def test_meeting_changelist_query_count_is_pinned(admin_client, django_assert_max_num_queries):
    MeetingFactory.create_batch(3)
    with django_assert_max_num_queries(30) as few:
        admin_client.get(reverse("admin:meetings_meeting_changelist"))
    MeetingFactory.create_batch(20)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = admin_client.get(reverse("admin:meetings_meeting_changelist"))

    assert response.status_code == 200
    assert Meeting.objects.count() == 23
