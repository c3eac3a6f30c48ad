"""A focal point's journey through the members' area in the browser; a visitor's 404s."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Meeting, Minutes
from members.models import Organisation
from portal.models import CommentRound, MinutesComment, ProgressReport
from tests.frameworks.factories import ActivityFactory
from tests.meetings.factories import MeetingFactory, MinutesFactory
from tests.meetings.test_documents import document_with_file
from tests.members.factories import OrganisationFactory, PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def link_path(body):
    return re.search(r"https?://[^/\s]+(/members-area/sign-in/\S+/)", body).group(1)


def test_focal_point_signs_in_reads_comments_updates_reports_and_signs_out(
    page, mailoutbox, browser, live_server, screenshot_dir
):
    person = PersonFactory(
        name="Aynur Mammadova",
        email="aynur@ngo.example.org",
        organisation=OrganisationFactory(name="Migrants Rights Centre", acronym="MRC"),
    )
    meeting = MeetingFactory(visibility=Meeting.Visibility.MEMBERS, title="Members' briefing")
    document = document_with_file(meeting=meeting, visibility="members", title="Briefing note")
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
    paths = [
        meeting.get_absolute_url(),
        f"/meetings/documents/{document.pk}/",
        f"/members-area/minutes/{minutes.pk}/",
        "/members-area/organisation/",
        f"/members-area/activities/{activity.slug}/update/",
    ]

    page.goto("/members-area/sign-in/")
    page.get_by_label("Your e-mail address").fill("aynur@ngo.example.org")
    page.get_by_role("button", name="Mail me a sign-in link").click()
    expect(page.get_by_role("heading", name="Check your mailbox")).to_be_visible()
    page.goto(link_path(mailoutbox[-1].body))
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Welcome, Aynur Mammadova")).to_be_visible()

    page.goto(meeting.get_absolute_url())
    expect(page.get_by_role("heading", name="Members' briefing")).to_be_visible()
    response = page.request.get(paths[1])
    assert response.status == 200 and response.body().startswith(b"%PDF")

    page.goto(paths[2])
    expect(page.get_by_text("Draft: members agreed the work plan.")).to_be_visible()
    page.get_by_label("Your comment on the draft minutes").fill("Please add our point on data.")
    page.get_by_role("button", name="Send my comment").click()
    expect(page.get_by_text("your comment is sent to the secretariat")).to_be_visible()

    page.goto(paths[3])
    page.get_by_label("Description").fill("Legal aid for migrants in Baku.")
    page.get_by_role("button", name="Save the organisation's profile").click()
    expect(page.get_by_text("The organisation's profile is saved.")).to_be_visible()

    page.goto("/members-area/activities/")
    page.get_by_role("link", name="Post a progress update").click()
    page.get_by_label("Progress").fill("Two clinics held in March.")
    page.get_by_role("button", name="Post this progress update").click()
    expect(page.get_by_text("the secretariat publishes your update once reviewed")).to_be_visible()
    if screenshot_dir:
        page.screenshot(path=screenshot_dir / "members-area-activities.png", full_page=True)

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You are signed out.")).to_be_visible()

    assert MinutesComment.objects.get().text == "Please add our point on data."
    assert Organisation.objects.get(pk=person.organisation_id).description == (
        "Legal aid for migrants in Baku."
    )
    assert ProgressReport.objects.get().text == "Two clinics held in March."
    for path in paths:  # signed out, the same browser is a visitor again
        assert page.request.get(path).status == 404, path
    anonymous = browser.new_context(base_url=live_server.url).new_page()
    for path in paths:
        assert anonymous.goto(path).status == 404, path
