"""Meetings as iCalendar (RFC 5545): one event to add, or a feed to subscribe to."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//UN Network on Migration//Secretariat//EN"


def meeting_event(meeting, base_url):
    """One VEVENT. The online joining link is never included: the file is public."""
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{urlsplit(base_url).hostname}")
    event.add("dtstamp", timezone.now())
    start, end = timezone.localtime(meeting.start), timezone.localtime(meeting.end)
    if meeting.time_unknown:
        # The record gives the day only: an all-day event (DTSTART;VALUE=DATE), DTEND exclusive.
        event.add("dtstart", start.date())
        event.add("dtend", end.date() + datetime.timedelta(days=1))
    else:
        event.add("dtstart", start)
        event.add("dtend", end)
    event.add("summary", meeting.title)
    page = base_url.rstrip("/") + meeting.get_absolute_url()
    event.add("description", "\n\n".join(filter(None, [meeting.summary, page])))
    event.add("url", page)
    location = meeting.venue or meeting.get_format_display()
    event.add("location", str(location))
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    event.add("last-modified", meeting.modified)
    return event


def build_calendar(meetings, *, name, base_url):
    """The calendar of `meetings`; `base_url` is the site's address that links point to."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, base_url))
    # Events carry TZID=<the network's zone>; the matching VTIMEZONE makes the file valid.
    calendar.add_missing_timezones()
    return calendar.to_ical()
