"""The Django admin's own scripts keep working under the Content Security Policy."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.members.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch_console(page):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.on("pageerror", lambda error: messages.append(f"page error: {error}"))
    return messages


def csp_violations(messages):
    return [text for text in messages if "Content Security Policy" in text or "page error" in text]


def test_staff_use_the_admin_scripts_without_policy_violations(page, settings, screenshot_dir):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    get_user_model().objects.create_superuser("secretariat", "s@example.org", "a-long-password")
    OrganisationFactory(name="State Migration Service", acronym="SMS")
    messages = watch_console(page)

    page.goto("/admin/login/")
    page.get_by_label("Username").fill("secretariat")
    page.get_by_label("Password").fill("a-long-password")
    page.get_by_role("button", name="Log in").click()
    page.goto("/admin/members/person/add/")
    page.get_by_text("Add another Position held").click()
    page.locator(".field-organisation .select2-selection").first.click()

    expect(page.locator(".dynamic-positions")).to_have_count(1)
    expect(page.locator(".select2-results__option")).to_have_text(["State Migration Service (SMS)"])
    if screenshot_dir:
        page.screenshot(path=screenshot_dir / "admin-under-csp.png")
    assert csp_violations(messages) == []


def test_browser_blocks_script_injected_into_a_public_page(page):
    messages = watch_console(page)
    page.goto("/")

    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = true'; document.body.append(s); }"
    )

    expect(page.get_by_role("link", name="Privacy notice")).to_be_visible()
    assert page.evaluate("() => window.injected") is None
    assert any("Content Security Policy" in text for text in messages)
