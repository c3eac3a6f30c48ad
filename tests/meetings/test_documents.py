"""Meeting documents: kept in a private folder, served only through a checked view."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from django.views.static import serve

from meetings.models import Document, Meeting
from tests.meetings.factories import DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%a small but real head\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def document_with_file(name="report.pdf", content=PDF, **fields):
    document = DocumentFactory.build(external_url="", **fields)
    if "meeting" not in fields:
        document.meeting = MeetingFactory()
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def download(client, document):
    return client.get(reverse("meetings:document-download", args=[document.pk]))


def test_document_file_is_stored_in_the_private_folder_not_under_media():
    document = document_with_file()

    stored = Path(settings.PRIVATE_MEDIA_ROOT) / document.file.name
    assert stored.read_bytes() == PDF
    assert not (Path(settings.MEDIA_ROOT) / document.file.name).exists()
    assert Path(settings.MEDIA_ROOT) not in stored.parents


def test_public_pdf_opens_inline_with_safe_headers(client):
    document = document_with_file(title="Concept note: return & reintegration")

    response = download(client, document)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="concept-note-return-reintegration.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"


def test_office_document_is_downloaded_as_an_attachment(client):
    document = document_with_file("slides.pptx", b"PK\x03\x04rest", title="Slides")

    response = download(client, document)

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    )
    assert response["Content-Disposition"] == 'attachment; filename="slides.pptx"'


def test_image_content_type_comes_from_the_extension_not_the_upload(client):
    document = document_with_file("photo.png", PNG, kind=Document.Kind.PHOTO, title="Photo")

    response = download(client, document)

    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline;")


def test_meeting_page_links_the_document_through_the_view(client):
    document = document_with_file()

    page = client.get(document.meeting.get_absolute_url()).content.decode()

    assert f'href="{reverse("meetings:document-download", args=[document.pk])}"' in page
    assert document.file.name not in page


def test_members_only_document_is_404_for_the_public(client):
    document = document_with_file(visibility=Document.Visibility.MEMBERS)

    assert download(client, document).status_code == 404


def test_members_only_document_downloads_for_staff(client, django_user_model):
    document = document_with_file(visibility=Document.Visibility.MEMBERS)
    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    viewer.groups.add(Group.objects.get(name="Viewers"))
    client.force_login(viewer)

    response = download(client, document)

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_staff_status_without_a_role_sees_no_members_only_document(client, django_user_model):
    document = document_with_file(visibility=Document.Visibility.MEMBERS)
    client.force_login(django_user_model.objects.create_user("no-role", is_staff=True))

    assert download(client, document).status_code == 404


@pytest.mark.parametrize(
    "meeting_fields",
    [{"status": Meeting.Status.DRAFT}, {"visibility": Meeting.Visibility.MEMBERS}],
    ids=["draft", "members-only meeting"],
)
def test_document_of_a_meeting_hidden_from_the_public_is_404(client, meeting_fields):
    document = document_with_file(meeting=MeetingFactory(**meeting_fields))

    assert download(client, document).status_code == 404


def test_document_link_without_a_file_is_404(client):
    document = DocumentFactory()  # an external link only

    assert download(client, document).status_code == 404


def test_missing_file_on_disk_is_404_not_500(client):
    document = document_with_file()
    (Path(settings.PRIVATE_MEDIA_ROOT) / document.file.name).unlink()

    assert download(client, document).status_code == 404


def test_download_refuses_post(client):
    document = document_with_file()

    response = client.post(reverse("meetings:document-download", args=[document.pk]))

    assert response.status_code == 405


def test_guessed_media_path_does_not_serve_a_document(client):
    document = document_with_file(visibility=Document.Visibility.MEMBERS)
    guessed = f"/{settings.MEDIA_URL}{document.file.name}"

    assert client.get(guessed).status_code == 404
    # Even the development server's media view (debug only) looks in MEDIA_ROOT alone.
    with pytest.raises(Http404):
        serve(RequestFactory().get(guessed), document.file.name, settings.MEDIA_ROOT)
    assert document.file.url is None


def test_private_folder_is_not_inside_the_served_folders():
    from unnm import settings as project_settings

    private = Path(project_settings.PRIVATE_MEDIA_ROOT).resolve()
    for served in (project_settings.MEDIA_ROOT, project_settings.STATIC_ROOT):
        assert Path(served).resolve() not in [private, *private.parents]


def test_system_check_refuses_a_private_folder_inside_the_media_folder(settings, tmp_path):
    from meetings.checks import private_media_is_not_served

    assert private_media_is_not_served(None) == []
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "media" / "private"

    errors = private_media_is_not_served(None)

    assert [error.id for error in errors] == ["meetings.E001"]


def test_download_query_count_is_fixed(client, django_assert_max_num_queries):
    document = document_with_file()

    with django_assert_max_num_queries(1):
        download(client, document)
