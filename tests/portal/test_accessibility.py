"""
WCAG 2.1 AA in the members' area, measured by axe-core in a real browser at desktop and phone
width: the sign-in pages as a visitor, then every page a focal point works on, signed in from the
mail as sent.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Invitation, Meeting, Minutes
from portal.announcements import unsubscribe_token
from portal.models import CommentRound
from tests.frameworks.factories import ActivityFactory
from tests.meetings.factories import MeetingFactory, MinutesFactory
from tests.members.factories import OrganisationFactory, PersonFactory
from tests.unnm.test_accessibility import WIDTHS, check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def link_path(body):
    return re.search(r"https?://[^/\s]+(/members-area/sign-in/\S+/)", body).group(1)


@pytest.fixture
def focal_point():
    """A focal point with something on each page: an invitation, draft minutes, an activity."""
    person = PersonFactory(
        name="Aynur Mammadova",
        email="aynur@ngo.example.org",
        organisation=OrganisationFactory(name="Migrants Rights Centre", acronym="MRC"),
    )
    meeting = MeetingFactory(visibility=Meeting.Visibility.MEMBERS, title="Members' briefing")
    Invitation.objects.create(
        meeting=meeting, organisation=person.organisation, email=person.email, name=person.name
    )
    minutes = MinutesFactory(
        meeting=meeting,
        status=Minutes.Status.CIRCULATED,
        circulated_on=timezone.localdate(),
        text="Draft: members agreed the work plan.",
    )
    CommentRound.objects.create(
        minutes=minutes, comments_close_on=timezone.localdate() + datetime.timedelta(days=7)
    )
    activity = ActivityFactory(lead=person.organisation, title="Legal clinics")
    person.pages = [
        ("home", reverse("portal:home")),
        ("organisation", reverse("portal:organisation")),
        ("my-details", reverse("portal:details")),
        ("my-meetings", reverse("portal:meetings")),
        ("minutes", reverse("portal:minutes-detail", kwargs={"pk": minutes.pk})),
        ("activities", reverse("portal:activities")),
        ("report-form", reverse("portal:report-create", kwargs={"slug": activity.slug})),
        ("unsubscribe", reverse("portal:unsubscribe", kwargs={"token": unsubscribe_token(person)})),
    ]
    return person


def test_members_area_has_no_axe_violation_at_desktop_and_phone_width(
    browser, live_server, mailoutbox, focal_point, screenshot_dir
):
    violations = []
    for width, viewport in WIDTHS.items():
        context = browser.new_context(
            base_url=live_server.url, viewport=viewport, is_mobile=width == "phone"
        )
        page = context.new_page()
        page.set_default_timeout(10_000)

        page.goto(reverse("portal:sign-in"))
        check(page, "sign-in", violations, screenshot_dir, width)
        page.get_by_role("button", name="Mail me a sign-in link").click()  # empty: an error
        check(page, "sign-in-errors", violations, screenshot_dir, width)
        page.get_by_label("Your e-mail address").fill(focal_point.email)
        page.get_by_role("button", name="Mail me a sign-in link").click()
        expect(page.get_by_role("heading", name="Check your mailbox")).to_be_visible()
        check(page, "sign-in-sent", violations, screenshot_dir, width)
        page.goto(reverse("portal:sign-in-link", kwargs={"secret": "tampered"}))
        check(page, "sign-in-refused", violations, screenshot_dir, width)
        page.goto(link_path(mailoutbox[-1].body))
        check(page, "sign-in-confirm", violations, screenshot_dir, width)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name="Welcome, Aynur Mammadova")).to_be_visible()

        for name, path in focal_point.pages:
            page.goto(path)
            check(page, name, violations, screenshot_dir, width)
        context.close()

    assert not violations, "axe-core found violations:\n" + "\n".join(violations)
