"""A member of staff goes from the admin to the network's report and downloads it."""

import docx
import pypdf
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from frameworks.demo import ensure_reference_data
from tests.unnm.test_browser import csp_violations, watch_console
from unnm.roles import sync_roles

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def fresh_install():
    """Transactional tests empty every table when they end, the built-in GCM objectives with
    them: load them again as a fresh install does (before the network is built)."""
    ensure_reference_data()
    sync_roles(Group, Permission)


def test_staff_open_the_report_and_download_pdf_and_docx(
    fresh_install, page, settings, network, screenshot_dir
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = get_user_model().objects.create_user("viewer", password="a-long-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Viewers"))
    messages = watch_console(page)

    page.goto("/admin/login/")
    page.get_by_label("Username").fill("viewer")
    page.get_by_label("Password").fill("a-long-password")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="The network's report").click()
    page.get_by_label("From").fill("2025-01-01")
    page.get_by_label("Until").fill("2025-12-31")
    page.get_by_role("button", name="Show the report").click()

    expect(page.get_by_role("heading", name="Meetings", exact=True)).to_be_visible()
    expect(page.get_by_role("img", name="Organisations taking part, by kind")).to_be_visible()
    expect(page.get_by_text("2 meetings of the network were held in the period.")).to_be_visible()
    if screenshot_dir:
        page.screenshot(path=screenshot_dir / "report.png", full_page=True)
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Download as PDF").click()
    with page.expect_download() as word_download:
        page.get_by_role("link", name="Download as Word (.docx)").click()

    pdf = pypdf.PdfReader(pdf_download.value.path())
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert pdf_download.value.suggested_filename == "network-report-20250101-20251231.pdf"
    assert "The network's report" in text
    assert "2 meetings of the network were held in the period." in text
    assert "Labour migration assessment" in text
    word = docx.Document(str(word_download.value.path()))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["Meetings", "Participation by kind of organisation"]
    assert "Coverage of the GCM objectives" in headings
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert "Workshop on return and reintegration" in cells
    assert csp_violations(messages) == []
