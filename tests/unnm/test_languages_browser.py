"""Journeys in each language: a partner reads the network in Azerbaijani, another answers an
RSVP in Russian and is confirmed by mail in Russian."""

import re

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from frameworks import demo as frameworks_demo
from meetings import demo
from meetings.models import RSVP
from members import demo as members_demo
from tests.meetings.rsvp_factories import _fresh_rate_limit, open_meeting  # noqa: F401
from unnm.models import OutgoingMail

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def in_language(language, message):
    """The interface string as the page in `language` shows it (never the English one)."""
    with translation.override(language):
        translated = gettext(message)
    assert translated != message
    return translated


def test_partner_switches_to_azerbaijani_and_reads_the_31_may_meeting_and_the_matrix(page):
    members_demo.load()
    frameworks_demo.load()
    demo.load()
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/en/$"))  # Chromium asks for English

    page.get_by_role("link", name="Azərbaycan dili").click()

    expect(page).to_have_url(re.compile(r"/az/$"))
    expect(page.locator("html")).to_have_attribute("lang", "az")
    expect(page.get_by_role("heading", name=in_language("az", "Upcoming meetings"))).to_be_visible()
    nav = page.get_by_role("navigation", name=in_language("az", "Main navigation"))
    nav.get_by_role("link", name=in_language("az", "Meetings"), exact=True).click()
    expect(page).to_have_url(re.compile(r"/az/meetings/$"))
    page.locator("select[name=year]").select_option("2021")
    page.get_by_role("button", name=in_language("az", "Apply")).click()
    page.locator(f'a[href="/az/meetings/{demo.MAY_31_SLUG}/"]').first.click()

    expect(page).to_have_url(re.compile(rf"/az/meetings/{demo.MAY_31_SLUG}/$"))
    expect(page.get_by_text("31 may 2021").first).to_be_visible()  # months in lower case
    expect(page.get_by_text(in_language("az", "Who took part"))).to_be_visible()
    expect(page.get_by_role("link", name="Русский")).to_have_attribute(
        "href", f"/ru/meetings/{demo.MAY_31_SLUG}/"
    )
    nav.get_by_role("link", name=in_language("az", "Frameworks"), exact=True).click()

    expect(page).to_have_url(re.compile(r"/az/frameworks/$"))
    expect(page.locator("html")).to_have_attribute("lang", "az")
    expect(page.get_by_role("link", name="Azərbaycan dili")).to_have_attribute(
        "aria-current", "true"
    )
    expect(page.get_by_text(in_language("az", "Skip to main content"))).to_be_attached()


def test_partner_answers_in_russian_and_is_confirmed_in_russian(page):
    meeting = open_meeting(meeting_title="Working group on labour migration")
    page.goto(meeting.get_absolute_url())

    page.get_by_role("link", name="Русский").click()
    expect(page).to_have_url(re.compile(rf"/ru/meetings/{meeting.slug}/$"))
    page.get_by_role("link", name=in_language("ru", "Answer the invitation")).click()
    expect(page).to_have_url(re.compile(rf"/ru/meetings/{meeting.slug}/rsvp/$"))
    page.locator("input[name=name]").fill("Лейла Алиева")
    page.locator("input[name=email]").fill("leyla@example.org")
    page.locator("input[name=organisation_name]").fill("Бакинский центр исследований миграции")
    page.locator("input[name=privacy_accepted]").check()
    page.get_by_role("button", name=in_language("ru", "Send my answer")).click()

    expect(
        page.get_by_text(in_language("ru", "Thank you: please check your mailbox"))
    ).to_be_visible()
    (confirmation,) = [m for m in mail.outbox if m.to == ["leyla@example.org"]]
    rsvp = RSVP.objects.get(email="leyla@example.org")
    assert rsvp.mail_language == "ru"
    assert confirmation.subject == "Ваш ответ: Working group on labour migration"
    assert "Уважаемый(ая) Лейла Алиева!" in confirmation.body
    assert f"/ru/meetings/rsvp/{rsvp.token}/" in confirmation.body
    assert OutgoingMail.objects.get(rsvp=rsvp).language == "ru"
