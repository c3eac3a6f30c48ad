"""Staff roles: the groups a migration creates, and what each lets a person do in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

from frameworks.models import ObjectiveLink
from meetings.models import RSVP, Document, Meeting
from members.models import Organisation
from tests.admin_forms import change_form_data
from tests.frameworks.factories import ObjectiveLinkFactory
from tests.meetings.factories import MeetingFactory
from tests.meetings.rsvp_factories import RSVPFactory, open_meeting
from tests.members.factories import OrganisationFactory, PersonFactory
from unnm.models import OutgoingMail
from unnm.roles import ROLES, sync_roles

pytestmark = pytest.mark.django_db

EDITORS, MANAGERS, VIEWERS = "Secretariat editors", "Meeting managers", "Viewers"


@pytest.fixture
def staff(client):
    """Log in a staff member (not a superuser) who holds one role."""

    def log_in(role):
        user = get_user_model().objects.create_user(role.split()[0].lower(), is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return client

    return log_in


def url(name, *args):
    return reverse(f"admin:{name}", args=args)


def test_roles_fresh_migrate_creates_the_three_groups_with_permissions():
    groups = {group.name: group for group in Group.objects.prefetch_related("permissions")}

    assert set(groups) == set(ROLES)
    editors = {p.codename for p in groups[EDITORS].permissions.all()}
    managers = {p.codename for p in groups[MANAGERS].permissions.all()}
    viewers = {p.codename for p in groups[VIEWERS].permissions.all()}
    assert {"change_organisation", "change_objectivelink", "delete_meeting"} <= editors
    assert {"add_meeting", "change_rsvp", "add_document", "view_person"} <= managers
    assert not {"change_organisation", "change_objectivelink", "add_person"} & managers
    assert {"view_meeting", "view_organisation", "view_objectivelink"} <= viewers
    assert all(codename.startswith("view_") for codename in viewers)
    # The audit trail is read, never written, whatever the role.
    assert "view_historicalmeeting" in viewers
    assert not any(c.startswith(("change_historical", "delete_historical")) for c in editors)


def test_roles_sync_roles_command_restores_a_changed_group():
    managers = Group.objects.get(name=MANAGERS)
    managers.permissions.add(Permission.objects.get(codename="change_organisation"))

    call_command("sync_roles", stdout=None)

    assert not managers.permissions.filter(codename="change_organisation").exists()
    assert managers.permissions.filter(codename="add_meeting").exists()


def test_roles_sync_roles_leaves_other_groups_alone():
    other = Group.objects.create(name="Auditors")

    sync_roles(Group, Permission)

    assert Group.objects.filter(name="Auditors").exists()
    assert other.permissions.count() == 0


# Viewers ------------------------------------------------------------------------------------


@pytest.fixture
def records():
    meeting = MeetingFactory(title="Coordination meeting")
    return {
        "meeting": meeting,
        "organisation": OrganisationFactory(name="State Migration Service"),
        "link": ObjectiveLinkFactory(rationale="Documents open services."),
        "rsvp": RSVPFactory(meeting=open_meeting(is_moderated=True), status="pending"),
    }


def test_roles_viewer_reads_changelists_and_change_pages_without_save_buttons(staff, records):
    client = staff(VIEWERS)
    pages = {
        "meetings_meeting": records["meeting"],
        "members_organisation": records["organisation"],
        "frameworks_objectivelink": records["link"],
        "meetings_rsvp": records["rsvp"],
    }

    for name, obj in pages.items():
        changelist = client.get(url(f"{name}_changelist"))
        change = client.get(url(f"{name}_change", obj.pk))
        history = client.get(url(f"{name}_history", obj.pk))

        assert changelist.status_code == change.status_code == history.status_code == 200
        assert escape(str(obj)) in change.content.decode()
        assert 'name="_save"' not in change.content.decode(), name


def test_roles_viewer_gets_403_on_add_change_and_delete_and_nothing_is_written(staff, records):
    client = staff(VIEWERS)
    meeting, organisation = records["meeting"], records["organisation"]

    add = client.post(url("meetings_meeting_add"), {"title": "Sneaked in"})
    change = client.post(
        url("members_organisation_change", organisation.pk),
        {"name": "Renamed", "kind": organisation.kind, "role": organisation.role},
    )
    delete = client.post(url("meetings_meeting_delete", meeting.pk), {"post": "yes"})
    link = client.post(url("frameworks_objectivelink_delete", records["link"].pk), {"post": "yes"})

    assert add.status_code == change.status_code == delete.status_code == link.status_code == 403
    assert list(Meeting.objects.values_list("title", flat=True).order_by("pk")) == [
        "Coordination meeting",
        records["rsvp"].meeting.title,
    ]
    assert Organisation.objects.get(pk=organisation.pk).name == "State Migration Service"
    assert ObjectiveLink.objects.count() == 1


def test_roles_viewer_cannot_run_actions_or_send_reminders(staff, records):
    client = staff(VIEWERS)
    rsvp = records["rsvp"]

    client.post(
        url("meetings_rsvp_changelist"), {"action": "approve", "_selected_action": [rsvp.pk]}
    )
    client.post(
        url("meetings_meeting_changelist"),
        {"action": "duplicate_as_draft", "_selected_action": [records["meeting"].pk]},
    )
    remind = client.post(url("meetings_rsvp_overview", rsvp.meeting_id), {"group": "pending"})
    invite = client.get(url("meetings_rsvp_invite_organisations"))

    assert remind.status_code == invite.status_code == 403
    assert RSVP.objects.get().status == RSVP.Status.PENDING
    assert Meeting.objects.count() == 2
    assert OutgoingMail.objects.count() == 0


def test_roles_viewer_cannot_save_through_an_old_version(staff, records):
    client = staff(VIEWERS)
    organisation = records["organisation"]
    version = organisation.history.get()
    target = url("members_organisation_simple_history", organisation.pk, version.history_id)

    response = client.post(target, {"name": "Renamed", "kind": "ngo", "role": "member"})

    assert response.status_code == 403
    assert Organisation.objects.get(pk=organisation.pk).name == "State Migration Service"


# Meeting managers ----------------------------------------------------------------------------


def test_roles_meeting_manager_adds_a_meeting_and_an_agenda_item(staff):
    client = staff(MANAGERS)
    organiser = OrganisationFactory()
    data = change_form_data(
        client,
        url("meetings_meeting_add"),
        title_en="Working group on return",
        slug="",
        kind=Meeting.Kind.COORDINATION,
        format=Meeting.Format.ONLINE,
        status=Meeting.Status.DRAFT,
        visibility=Meeting.Visibility.PUBLIC,
        start_0="2030-03-02",
        start_1="10:00:00",
        end_0="2030-03-02",
        end_1="12:00:00",
        organiser=str(organiser.pk),
        summary_en="Return and reintegration.",
    )

    added = client.post(url("meetings_meeting_add"), data)
    assert added.status_code == 302, added.context["errors"]
    meeting = Meeting.objects.get(title="Working group on return")
    edit = url("meetings_meeting_change", meeting.pk)
    changed = client.post(
        edit,
        change_form_data(
            client,
            edit,
            **{
                "agenda_items-TOTAL_FORMS": "1",
                "agenda_items-0-order": "1",
                "agenda_items-0-kind": "update",
                "agenda_items-0-title_en": "Opening",
            },
        ),
    )

    assert added.status_code == changed.status_code == 302
    assert [item.title for item in meeting.agenda_items.all()] == ["Opening"]


def test_roles_meeting_manager_approves_an_rsvp(staff):
    client = staff(MANAGERS)
    rsvp = RSVPFactory(meeting=open_meeting(is_moderated=True), status=RSVP.Status.PENDING)

    client.post(
        url("meetings_rsvp_changelist"), {"action": "approve", "_selected_action": [rsvp.pk]}
    )

    assert RSVP.objects.get().status == RSVP.Status.CONFIRMED
    assert OutgoingMail.objects.filter(rsvp=rsvp, kind=OutgoingMail.Kind.APPROVAL).count() == 1


def test_roles_meeting_manager_uploads_a_document(staff, settings):
    client = staff(MANAGERS)
    meeting = MeetingFactory()
    edit = url("meetings_meeting_change", meeting.pk)
    upload = SimpleUploadedFile("agenda.pdf", b"%PDF-1.7\n%a small agenda\n")
    data = change_form_data(
        client,
        edit,
        **{
            "documents-TOTAL_FORMS": "1",
            "documents-0-order": "1",
            "documents-0-title_en": "Agenda",
            "documents-0-kind": "agenda",
            "documents-0-file": upload,
            "documents-0-external_url": "",
            "documents-0-visibility": "public",
        },
    )

    response = client.post(edit, data)

    assert response.status_code == 302
    document = Document.objects.get()
    # Meeting documents are kept in the private folder (served only through a checked view).
    assert (settings.PRIVATE_MEDIA_ROOT / document.file.name).read_bytes().startswith(b"%PDF")


def test_roles_meeting_manager_finds_speakers_through_autocomplete(staff):
    client = staff(MANAGERS)
    person = PersonFactory(name="Leyla Mammadova")

    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Leyla",
            "app_label": "meetings",
            "model_name": "remark",
            "field_name": "speaker",
        },
    )

    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [str(person.pk)]


def test_roles_meeting_manager_gets_403_on_members_and_frameworks(staff, records):
    client = staff(MANAGERS)
    organisation, link = records["organisation"], records["link"]

    organisation_post = client.post(
        url("members_organisation_change", organisation.pk),
        {"name": "Renamed", "kind": organisation.kind, "role": organisation.role},
    )
    link_post = client.post(
        url("frameworks_objectivelink_change", link.pk),
        {"outcome": link.outcome_id, "objective": link.objective_id, "rationale": "Changed."},
    )
    person_add = client.post(url("members_person_add"), {"name": "Someone"})

    assert organisation_post.status_code == link_post.status_code == person_add.status_code == 403
    assert Organisation.objects.get(pk=organisation.pk).name == "State Migration Service"
    assert ObjectiveLink.objects.get().rationale == "Documents open services."


# Editors ------------------------------------------------------------------------------------


def test_roles_editor_changes_members_frameworks_and_meetings(staff, records):
    client = staff(EDITORS)
    targets = [
        ("members_organisation", records["organisation"], {"acronym": "SMS"}),
        ("frameworks_objectivelink", records["link"], {"rationale_en": "Reworded."}),
        ("meetings_meeting", records["meeting"], {"title_en": "Renamed meeting"}),
    ]

    for name, obj, overrides in targets:
        edit = url(f"{name}_change", obj.pk)
        response = client.post(edit, change_form_data(client, edit, **overrides))
        assert response.status_code == 302, name

    assert Organisation.objects.get(pk=records["organisation"].pk).acronym == "SMS"
    assert ObjectiveLink.objects.get().rationale == "Reworded."
    assert Meeting.objects.filter(title="Renamed meeting").exists()
    assert records["organisation"].history.first().history_user.username == "secretariat"


def test_roles_named_permissions_for_previews_and_personal_data():
    def codenames(role):
        return set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))

    preview = {"view_draft_meeting", "view_members_only"}
    assert preview | {"export_personal_data", "erase_personal_data"} <= codenames(EDITORS)
    assert preview | {"export_personal_data"} <= codenames(MANAGERS)
    assert "erase_personal_data" not in codenames(MANAGERS)
    assert preview <= codenames(VIEWERS)
    assert not {"export_personal_data", "erase_personal_data"} & codenames(VIEWERS)


def test_staff_status_without_a_role_sees_no_draft_and_no_members_only_meeting(client):
    draft = MeetingFactory(status=Meeting.Status.DRAFT)
    members_only = MeetingFactory(visibility=Meeting.Visibility.MEMBERS)
    client.force_login(get_user_model().objects.create_user("no-role", is_staff=True))

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(members_only.get_absolute_url()).status_code == 404


def test_viewer_previews_drafts_and_members_only_meetings(staff):
    client = staff(VIEWERS)
    draft = MeetingFactory(status=Meeting.Status.DRAFT)
    members_only = MeetingFactory(visibility=Meeting.Visibility.MEMBERS)

    assert client.get(draft.get_absolute_url()).status_code == 200
    assert client.get(members_only.get_absolute_url()).status_code == 200


def test_viewer_cannot_export_rsvps_personal_data(staff):
    client = staff(VIEWERS)
    rsvp = RSVPFactory(meeting=open_meeting(), email="leyla@example.org")

    changelist = client.get(url("meetings_rsvp_changelist")).content.decode()
    exported = client.post(
        url("meetings_rsvp_changelist"), {"action": "export_csv", "_selected_action": [rsvp.pk]}
    )
    request_page = client.get(url("meetings_rsvp_personal_data"))

    assert 'value="export_csv"' not in changelist
    assert "leyla@example.org" not in exported.content.decode()
    assert request_page.status_code == 403


def test_meeting_manager_exports_rsvps_as_csv(staff):
    client = staff(MANAGERS)
    rsvp = RSVPFactory(meeting=open_meeting(), email="leyla@example.org")

    exported = client.post(
        url("meetings_rsvp_changelist"), {"action": "export_csv", "_selected_action": [rsvp.pk]}
    )

    assert exported["Content-Type"].startswith("text/csv")
    assert "leyla@example.org" in exported.content.decode()
