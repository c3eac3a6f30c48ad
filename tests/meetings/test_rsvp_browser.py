import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from meetings import rsvp as answers
from meetings.models import RSVP, Meeting
from tests.meetings.rsvp_factories import (
    RSVPFactory,
    _fresh_rate_limit,  # noqa: F401
    open_meeting,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

JOIN = "https://meet.example.org/labour-wg"


def link_path(body):
    return re.search(r"https?://[^/\s]+(/[a-z]{2}/meetings/rsvp/\S+/)", body).group(1)


def test_partner_answers_changes_mode_cancels_and_the_waitlist_moves_up(
    page, screenshot_dir, mailoutbox
):
    meeting = open_meeting(
        meeting_title="Working group on labour migration",
        meeting_format=Meeting.Format.HYBRID,
        meeting_online_link=JOIN,
        capacity_in_person=1,
        interpretation_languages="English, Azerbaijani, Russian",
    )
    page.goto(meeting.get_absolute_url())
    expect(page.get_by_role("heading", name="Will you attend?")).to_be_visible()
    page.get_by_role("link", name="Answer the invitation").click()
    form = page.locator("#rsvp-form")
    form.get_by_role("button", name="Send my answer").click()  # empty: errors, nothing saved
    expect(page.get_by_text("Please correct the errors below")).to_be_visible()
    if screenshot_dir:
        page.screenshot(path=screenshot_dir / "rsvp-form-error.png", full_page=True)
    page.get_by_label("Full name").fill("Leyla Aliyeva")
    page.get_by_label("Email").fill("leyla@example.org")
    page.get_by_label("Or type your organisation").fill("Baku Migration Research Centre")
    page.get_by_label("In person").check()
    page.get_by_label("Preferred interpretation language").select_option("Azerbaijani")
    page.get_by_label("I have read and accept the privacy notice.").check()
    page.get_by_role("button", name="Send my answer").click()

    expect(page.get_by_text("Thank you: please check your mailbox")).to_be_visible()
    if screenshot_dir:
        page.screenshot(path=screenshot_dir / "rsvp-confirmation.png", full_page=True)
    (confirmation,) = [m for m in mail.outbox if m.to == ["leyla@example.org"]]
    assert "confirmed, in person." in confirmation.body
    assert JOIN not in confirmation.body
    # Someone else wants to be in the room, which is now full.
    waiting, _created = answers.submit_rsvp(
        meeting,
        RSVP(name="Waiting Person", email="waiting@example.org", attendance_mode="in_person"),
    )
    assert waiting.status == RSVP.Status.WAITLISTED

    page.goto(link_path(confirmation.body))
    expect(page.get_by_role("heading", name="Your answer, Leyla Aliyeva")).to_be_visible()
    page.get_by_label("Online").check()
    page.get_by_role("button", name="Save my changes").click()
    expect(page.get_by_text("Your changes are saved.")).to_be_visible()
    expect(page.locator("#rsvp-mode")).to_have_text("Online")
    expect(page.get_by_role("link", name=JOIN)).to_be_visible()  # confirmed online: the link
    if screenshot_dir:
        page.screenshot(path=screenshot_dir / "rsvp-personal-page.png", full_page=True)

    # Her room seat went to the waiting list when she moved online.
    waiting.refresh_from_db()
    assert waiting.status == RSVP.Status.CONFIRMED
    assert any(m.to == ["waiting@example.org"] for m in mail.outbox)

    page.get_by_role("link", name="Cancel my answer").click()
    page.get_by_role("button", name="Yes, cancel my answer").click()
    expect(page.get_by_text("Your answer is cancelled.")).to_be_visible()
    expect(page.locator("#rsvp-status")).to_contain_text("Cancelled")
    expect(page.get_by_role("link", name=JOIN)).to_have_count(0)


def test_waitlisted_partner_is_promoted_when_a_seat_frees_up(page, mailoutbox):
    meeting = open_meeting(capacity=1)
    seated = RSVPFactory(meeting=meeting, name="Seated Person", email="seated@example.org")

    page.goto(meeting.get_absolute_url())
    page.get_by_role("link", name="Answer the invitation").click()
    page.get_by_label("Full name").fill("Tural Mammadli")
    page.get_by_label("Email").fill("tural@example.org")
    page.get_by_label("Or type your organisation").fill("Own NGO")
    page.get_by_label("I have read and accept the privacy notice.").check()
    page.get_by_role("button", name="Send my answer").click()
    expect(page.get_by_text("Thank you: please check your mailbox")).to_be_visible()
    (tural,) = [m for m in mail.outbox if m.to == ["tural@example.org"]]
    assert "you are number 1 on the waiting list" in tural.body

    page.goto(seated.get_absolute_url())
    page.get_by_role("link", name="Cancel my answer").click()
    page.get_by_role("button", name="Yes, cancel my answer").click()

    promotion = next(
        m for m in mail.outbox if m.to == ["tural@example.org"] and "seat" in m.subject
    )
    page.goto(link_path(promotion.body))
    expect(page.locator("#rsvp-status")).to_contain_text("Confirmed")


def test_rsvp_form_usable_on_a_phone(phone_page, screenshot_dir):
    meeting = open_meeting(meeting_format=Meeting.Format.HYBRID)

    phone_page.goto(meeting.get_absolute_url())
    phone_page.get_by_role("link", name="Answer the invitation").click()
    expect(phone_page.get_by_label("Full name")).to_be_visible()

    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    if screenshot_dir:
        phone_page.screenshot(path=screenshot_dir / "rsvp-phone.png", full_page=True)


def test_phone_shows_the_seats_of_each_mode_before_the_submit_button(phone_page, screenshot_dir):
    meeting = open_meeting(
        meeting_format=Meeting.Format.HYBRID, capacity_in_person=1, capacity_online=3
    )
    RSVPFactory(meeting=meeting, attendance_mode=RSVP.Mode.IN_PERSON)

    phone_page.goto(meeting.get_absolute_url())
    phone_page.get_by_role("link", name="Answer the invitation").click()
    full = phone_page.get_by_label("In person (full: you join the waiting list)")
    free = phone_page.get_by_label("Online (3 seats left)")
    submit = phone_page.get_by_role("button", name="Send my answer")
    free.scroll_into_view_if_needed()

    expect(full).not_to_be_checked()
    expect(free).to_be_checked()
    expect(phone_page.locator("label[for=id_attendance_mode_0]")).to_be_visible()
    label_box = phone_page.locator("label[for=id_attendance_mode_1]").bounding_box()
    assert label_box["x"] + label_box["width"] <= 390
    assert label_box["y"] < submit.bounding_box()["y"]
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    if screenshot_dir:
        phone_page.screenshot(path=screenshot_dir / "rsvp-phone-seats.png", full_page=True)
