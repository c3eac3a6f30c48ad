import icalendar
import pytest
from django.urls import reverse

from meetings.calendar import build_calendar, vtimezone
from meetings.mail import calendar_file
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db

HOSTILE = "Line1\nLine2\r\n;,\\"
# What a calendar can hold of it: every line break is one newline, the rest is kept.
AS_CALENDAR_TEXT = "Line1\nLine2\n;,\\"


def ics(client, meeting):
    return client.get(reverse("meetings:meeting-ics", kwargs={"slug": meeting.slug}))


def event_of(content):
    (event,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    return event


def test_ics_of_a_title_with_newlines_and_separators_parses_back_to_the_title(client):
    meeting = MeetingFactory(title=HOSTILE)

    response = ics(client, meeting)

    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == AS_CALENDAR_TEXT
    # icalendar reads an X- property back as written: escaped as RFC 5545 TEXT.
    assert str(calendar["x-wr-calname"]) == r"Line1\nLine2\n\;\,\\"


@pytest.mark.parametrize(("field", "prop"), [("venue", "location"), ("summary", "description")])
def test_ics_of_hostile_venue_or_summary_parses_back(client, field, prop):
    meeting = MeetingFactory(**{field: HOSTILE})

    response = ics(client, meeting)

    assert response.status_code == 200
    assert str(event_of(response.content)[prop]).startswith(AS_CALENDAR_TEXT)


def test_feed_with_a_hostile_meeting_answers_and_parses(client):
    MeetingFactory(title=HOSTILE, venue=HOSTILE, summary=HOSTILE)

    response = client.get(reverse("meetings:meeting-feed"))

    assert response.status_code == 200
    assert str(event_of(response.content)["summary"]) == AS_CALENDAR_TEXT


def test_ics_text_cannot_inject_properties_or_events(client):
    meeting = MeetingFactory(title="Talk\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected")

    response = ics(client, meeting)

    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    assert len(calendar.walk("VEVENT")) == 1
    assert b"\r\nBEGIN:VEVENT\r\nSUMMARY:Injected" not in response.content


def test_ics_drops_control_characters_and_folds_long_lines(client):
    meeting = MeetingFactory(title="Bell\x07 escape\x1b tab\tform\x0cfeed", summary="long " * 200)

    response = ics(client, meeting)

    assert response.status_code == 200
    event = event_of(response.content)
    assert str(event["summary"]) == "Bell escape tab\tform\nfeed"
    assert str(event["description"]).startswith("long " * 199)
    # RFC 5545: lines of at most 75 octets, longer ones folded.
    assert max(len(line) for line in response.content.split(b"\r\n")) <= 75


def test_calendar_is_built_from_the_meeting_and_the_site_address():
    meeting = MeetingFactory(title="Coordination meeting")

    content = build_calendar([meeting], name="Feed", base_url="https://unnm.example.org/")

    event = event_of(content)
    assert str(event["uid"]) == f"meeting-{meeting.pk}@unnm.example.org"
    assert str(event["url"]) == f"https://unnm.example.org{meeting.get_absolute_url()}"


def test_calendar_file_for_a_mail_uses_the_configured_site_address(settings):
    settings.UNNM_SITE_URL = "https://network.example.org"
    meeting = MeetingFactory(title="Coordination meeting")

    event = event_of(calendar_file(meeting))

    assert str(event["uid"]) == f"meeting-{meeting.pk}@network.example.org"
    assert str(event["url"]) == f"https://network.example.org{meeting.get_absolute_url()}"


def test_feed_kind_filter_keeps_the_kinds_a_calendar_subscribes_to(client):
    MeetingFactory(title="Quarterly coordination", kind="coordination")
    MeetingFactory(title="Labour working group", kind="working_group")
    MeetingFactory(title="Return workshop", kind="workshop")
    MeetingFactory(title="Draft coordination", kind="coordination", status="draft")
    feed = reverse("meetings:meeting-feed")

    one = client.get(feed, {"kind": "coordination"})
    two = client.get(f"{feed}?kind=coordination&kind=working_group")

    def summaries(response):
        calendar = icalendar.Calendar.from_ical(response.content)
        return sorted(str(event["summary"]) for event in calendar.walk("VEVENT"))

    assert summaries(one) == ["Quarterly coordination"]
    assert "Coordination meeting" in icalendar.Calendar.from_ical(one.content)["x-wr-calname"]
    assert summaries(two) == ["Labour working group", "Quarterly coordination"]
    assert len(summaries(client.get(feed))) == 3


@pytest.mark.parametrize("kind", ["party", "", "<script>", "coordination\x00"])
def test_feed_refuses_an_unknown_kind_with_400_and_the_choices(client, kind):
    response = client.get(reverse("meetings:meeting-feed"), {"kind": kind})

    assert response.status_code == 400
    assert "coordination, working_group" in response.content.decode()


def test_zone_is_described_once_per_process_and_as_icalendar_would(settings):
    """The VTIMEZONE is made once (building it walks the zone's offsets from 1970 to 2038) and
    is the one icalendar's own `add_missing_timezones()` gives, before the events."""
    meetings = MeetingFactory.create_batch(2)
    vtimezone.cache_clear()

    first = build_calendar(meetings[:1], name="One", base_url="https://unnm.example.org")
    second = build_calendar(meetings, name="Two", base_url="https://unnm.example.org")

    assert vtimezone.cache_info().misses == 1 and vtimezone.cache_info().hits == 1
    expected = icalendar.Calendar.from_ical(first)
    del expected.subcomponents[: len(expected.timezones)]
    expected.add_missing_timezones()
    for content in (first, second):
        calendar = icalendar.Calendar.from_ical(content)
        assert [c.name for c in calendar.subcomponents][0] == "VTIMEZONE"
        assert [tz.to_ical() for tz in calendar.timezones] == [
            tz.to_ical() for tz in expected.timezones
        ]
        assert calendar.timezones[0]["TZID"] == settings.TIME_ZONE
