import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from meetings.models import AgendaItem, Document, Meeting
from tests.meetings.factories import (
    AgendaItemFactory,
    MeetingFactory,
    ParticipationFactory,
    RemarkFactory,
    in_days,
)

pytestmark = pytest.mark.django_db

INLINES = [
    "agenda_items",
    "remarks",
    "participations",
    "kinds_present",
    "action_points",
    "documents",
    "minutes",
    "rsvp_settings",
]


def meeting_form(meeting, **overrides):
    """The admin change form's POST data for an existing meeting with empty inlines."""
    start, end = meeting.local_start, meeting.local_end
    data = {
        "title_en": meeting.title,
        "slug": meeting.slug,
        "kind": meeting.kind,
        "format": meeting.format,
        "status": meeting.status,
        "visibility": meeting.visibility,
        "start_0": start.strftime("%Y-%m-%d"),
        "start_1": start.strftime("%H:%M:%S"),
        "end_0": end.strftime("%Y-%m-%d"),
        "end_1": end.strftime("%H:%M:%S"),
        "venue": "",
        "online_link": "",
        "organiser": meeting.organiser_id,
        "summary_en": meeting.summary,
        "description_en": "",
    }
    for prefix in INLINES:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(overrides)
    return data


def document_row(upload, kind="report"):
    return {
        "documents-TOTAL_FORMS": "1",
        "documents-0-order": "1",
        "documents-0-title_en": "Report",
        "documents-0-kind": kind,
        "documents-0-file": upload,
        "documents-0-external_url": "",
        "documents-0-visibility": "public",
    }


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "#0b6fb3").save(buffer, format="PNG")
    return buffer.getvalue()


def test_meeting_admin_pages_load_with_all_inlines(admin_client):
    meeting = MeetingFactory()
    RemarkFactory(agenda_item=AgendaItemFactory(meeting=meeting))
    ParticipationFactory(meeting=meeting)

    changelist = admin_client.get(reverse("admin:meetings_meeting_changelist"), {"year": "2099"})
    add = admin_client.get(reverse("admin:meetings_meeting_add"))
    change = admin_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))

    assert changelist.status_code == add.status_code == change.status_code == 200
    content = change.content.decode()
    for prefix in INLINES:
        assert f'id="{prefix}-group"' in content, prefix
    assert "Preview the public page" not in content  # published: "Open the public page"
    assert meeting.get_absolute_url() in content


def test_meeting_admin_year_filter(admin_client):
    MeetingFactory(title="This year")
    MeetingFactory(title="Long ago", start=in_days(-900), end=in_days(-900, hour=12))

    response = admin_client.get(
        reverse("admin:meetings_meeting_changelist"), {"year": str(in_days(-900).year)}
    )

    assert [m.title for m in response.context["cl"].result_list] == ["Long ago"]


def test_meeting_admin_offers_a_preview_link_for_drafts(admin_client):
    meeting = MeetingFactory(status=Meeting.Status.DRAFT)

    response = admin_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))

    assert "Preview the public page (draft)" in response.content.decode()


def test_duplicate_action_creates_a_draft_with_the_agenda_only(admin_client):
    meeting = MeetingFactory(title="Quarterly coordination meeting")
    RemarkFactory(agenda_item=AgendaItemFactory(meeting=meeting, order=1, title="Opening"))
    ParticipationFactory(meeting=meeting)

    asked = admin_client.post(
        reverse("admin:meetings_meeting_changelist"),
        {"action": "duplicate_as_draft", "_selected_action": [meeting.pk]},
    )
    # The action asks the new date first (proposing the next in the series), then copies.
    assert asked["Location"] == reverse("admin:meetings_meeting_duplicate", args=[meeting.pk])
    start = admin_client.get(asked["Location"]).context["form"].initial["start"]
    response = admin_client.post(
        asked["Location"], {"start_0": f"{start:%Y-%m-%d}", "start_1": f"{start:%H:%M:%S}"}
    )

    copy = Meeting.objects.exclude(pk=meeting.pk).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:meetings_meeting_change", args=[copy.pk])
    assert copy.status == Meeting.Status.DRAFT
    assert copy.slug != meeting.slug
    assert list(copy.agenda_items.values_list("title", flat=True)) == ["Opening"]
    assert not copy.remarks.exists() and not copy.participations.exists()
    assert AgendaItem.objects.filter(meeting=meeting).count() == 1


def test_admin_accepts_a_real_pdf_document(admin_client):
    meeting = MeetingFactory()
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.7\n%fake but well-formed head\n")

    response = admin_client.post(
        reverse("admin:meetings_meeting_change", args=[meeting.pk]),
        meeting_form(meeting, **document_row(upload)),
    )

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file.name.endswith(".pdf")


@pytest.mark.parametrize(
    ("name", "content", "kind", "message"),
    [
        ("tool.exe", b"MZ\x90\x00", "report", "files are not accepted"),
        ("fake.pdf", b"<html>not a pdf</html>", "report", "does not look like a real .pdf"),
        ("slides.pdf", b"%PDF-1.7\n", "photo", "A photo must be a JPEG, PNG or WebP image."),
    ],
)
def test_admin_refuses_bad_uploads_with_a_message(admin_client, name, content, kind, message):
    meeting = MeetingFactory()
    upload = SimpleUploadedFile(name, content)

    response = admin_client.post(
        reverse("admin:meetings_meeting_change", args=[meeting.pk]),
        meeting_form(meeting, **document_row(upload, kind=kind)),
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()


def test_admin_refuses_an_oversized_upload(admin_client, monkeypatch):
    from meetings import validators

    monkeypatch.setattr(validators.validate_document_size, "limit", 1024)
    meeting = MeetingFactory()
    upload = SimpleUploadedFile("photo.png", png_bytes() + b"\0" * 2048)

    response = admin_client.post(
        reverse("admin:meetings_meeting_change", args=[meeting.pk]),
        meeting_form(meeting, **document_row(upload, kind="photo")),
    )

    assert "the largest allowed is 1.0\xa0KB" in response.content.decode()
    assert not Document.objects.exists()


def test_admin_refuses_a_meeting_ending_before_it_starts(admin_client):
    meeting = MeetingFactory()
    data = meeting_form(meeting, end_0=meeting.local_start.strftime("%Y-%m-%d"))
    data["end_1"] = (meeting.local_start.replace(hour=0)).strftime("%H:%M:%S")

    response = admin_client.post(reverse("admin:meetings_meeting_change", args=[meeting.pk]), data)

    assert response.status_code == 200
    assert "The meeting must end after it starts." in response.content.decode()
