"""Staff read who changed what on a record's History page, under the Content Security Policy."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.meetings.factories import RemarkFactory
from tests.members.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch_console(page):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.on("pageerror", lambda error: messages.append(f"page error: {error}"))
    return messages


def log_in(page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    get_user_model().objects.create_superuser("aygun", "a@example.org", "a-long-password")
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("aygun")
    page.get_by_label("Password").fill("a-long-password")
    page.get_by_role("button", name="Log in").click()


def test_staff_edit_an_organisation_and_read_the_change_in_its_history(
    page, settings, screenshot_dir
):
    organisation = OrganisationFactory(name="Baku Migration Centre", acronym="BMC")
    messages = watch_console(page)
    log_in(page, settings)

    page.goto(f"/admin/members/organisation/{organisation.pk}/change/")
    page.get_by_label("Acronym").fill("BMC-AZ")
    page.get_by_role("button", name="Save", exact=True).click()
    page.goto(f"/admin/members/organisation/{organisation.pk}/change/")
    page.get_by_role("link", name="History").click()

    row = page.locator("#change-history tbody tr").first
    expect(row).to_contain_text("aygun")
    expect(row.locator("li")).to_have_text(re.compile(r"Acronym:\s+BMC\s+\u2192\s+BMC-AZ"))
    if screenshot_dir:
        page.screenshot(path=screenshot_dir / "admin-history.png", full_page=True)
    assert [m for m in messages if "Content Security Policy" in m or "page error" in m] == []


def test_staff_edit_a_remark_inline_and_find_it_in_the_meetings_history(page, settings):
    remark = RemarkFactory(summary="Spoke about data.")
    messages = watch_console(page)
    log_in(page, settings)

    page.goto(f"/admin/meetings/meeting/{remark.meeting.pk}/change/")
    page.locator("#id_remarks-0-summary_en").fill("Spoke about identity documents.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page.goto(f"/admin/meetings/meeting/{remark.meeting.pk}/history/")

    section = page.locator(".audit-children", has_text="Changes to its remarks")
    expect(section).to_contain_text("aygun")
    expect(section).to_contain_text("Spoke about identity documents.")
    assert [m for m in messages if "Content Security Policy" in m or "page error" in m] == []
