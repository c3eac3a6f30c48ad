"""Staff answer a person's request in the admin: find their data, download it, erase it."""

import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from meetings.models import RSVP
from tests.meetings.rsvp_factories import RSVPFactory, open_meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_find_download_and_erase_a_persons_data(page, settings, screenshot_dir):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    get_user_model().objects.create_superuser("aygun", "a@example.org", "a-long-password")
    meeting = open_meeting(capacity=1)
    seat = RSVPFactory(meeting=meeting, name="Leyla Aliyeva", email="leyla@example.org")
    waiting = RSVPFactory(
        meeting=meeting,
        name="Kamran Huseynov",
        status=RSVP.Status.WAITLISTED,
        queued_at=meeting.start,
    )
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("aygun")
    page.get_by_label("Password").fill("a-long-password")
    page.get_by_role("button", name="Log in").click()

    page.goto("/admin/meetings/rsvp/")
    page.get_by_role("link", name="Personal data request").click()
    page.get_by_label("Email address of the person").fill("leyla@example.org")
    page.get_by_role("button", name="Find").click()
    expect(page.locator("#personal-data-rsvps")).to_contain_text("Leyla Aliyeva")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as JSON").click()
    exported = json.loads(Path(download.value.path()).read_text())
    page.get_by_role("button", name="Erase…").click()
    if screenshot_dir:
        page.screenshot(path=screenshot_dir / "admin-personal-data-confirm.png", full_page=True)
    page.get_by_role("button", name="Yes, erase it").click()

    expect(page.locator(".messagelist")).to_contain_text("Erased. Answers: 1")
    assert exported["rsvps"][0]["name"] == "Leyla Aliyeva"
    seat.refresh_from_db()
    waiting.refresh_from_db()
    assert (seat.status, seat.name) == (RSVP.Status.CANCELLED, "(erased)")
    assert waiting.status == RSVP.Status.CONFIRMED
    assert [m for m in messages if "Content Security Policy" in m] == []
