import datetime
import re
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import expect

from frameworks import demo as frameworks_demo
from meetings import demo
from meetings.models import Meeting
from members import demo as members_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_data():
    members_demo.load()
    frameworks_demo.load()
    demo.load()


def test_partner_goes_from_home_to_the_31_may_meeting_and_its_calendar_file(
    page, demo_data, screenshot_dir
):
    page.goto("/")
    expect(page.get_by_role("heading", name="Upcoming meetings")).to_be_visible()
    page.get_by_role("link", name="All meetings").click()

    expect(page.get_by_role("heading", name="Meetings", exact=True)).to_be_visible()
    if screenshot_dir:
        page.screenshot(path=screenshot_dir / "meetings-list-desktop.png", full_page=True)
    page.get_by_label("Year").select_option("2021")
    page.get_by_label("Kind").select_option("coordination")
    page.get_by_role("button", name="Apply").click()

    expect(page).to_have_url(re.compile(r"year=2021"))
    expect(page.get_by_text("Workshop on migration data for the GCM review")).to_have_count(0)
    page.get_by_role("link", name="Coordination Meeting of the UN Network on Migration").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Coordination Meeting")
    expect(page.get_by_text("Monday 31 May 2021")).to_be_visible()
    expect(page.get_by_text("Mr. Vusal Huseynov")).to_be_visible()
    if screenshot_dir:
        page.screenshot(path=screenshot_dir / "meeting-31-may-desktop.png", full_page=True)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Calendar entry for the record (.ics)").click()
    download = download_info.value

    assert download.suggested_filename == f"{demo.MAY_31_SLUG}.ics"
    calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    (event,) = calendar.walk("VEVENT")
    # The record gives no hour: an all-day event on the day.
    assert event.decoded("dtstart") == datetime.date(2021, 5, 31)


def test_meeting_pages_fit_a_phone(phone_page, demo_data, screenshot_dir):
    phone_page.goto("/en/meetings/")
    phone_page.get_by_role("button", name="Search and filters").click()
    expect(phone_page.get_by_label("Search")).to_be_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    if screenshot_dir:
        phone_page.screenshot(path=screenshot_dir / "meetings-list-phone.png", full_page=True)

    phone_page.goto(f"/en/meetings/{demo.MAY_31_SLUG}/")

    expect(phone_page.get_by_role("link", name="Printable summary")).to_be_visible()
    expect(phone_page.get_by_role("link", name="Add to calendar")).to_have_count(0)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    if screenshot_dir:
        phone_page.screenshot(path=screenshot_dir / "meeting-31-may-phone.png", full_page=True)


def test_upcoming_meeting_on_a_phone_asks_for_an_answer_right_after_its_title(
    phone_page, demo_data, screenshot_dir
):
    meeting = (
        Meeting.objects.public().upcoming().with_rsvp_open().filter(takes_answers=True).first()
    )

    phone_page.goto(meeting.get_absolute_url())

    title = phone_page.get_by_role("heading", level=1).bounding_box()
    invitation = phone_page.locator("#rsvp-invitation")
    expect(invitation.get_by_role("link", name="Answer the invitation")).to_be_in_viewport()
    box = invitation.bounding_box()
    assert title["y"] + title["height"] <= box["y"] < title["y"] + title["height"] + 40
    assert box["y"] < phone_page.locator(".meta-list").bounding_box()["y"]
    if screenshot_dir:
        phone_page.screenshot(path=screenshot_dir / "meeting-upcoming-phone.png")
