"""Meetings as iCalendar (RFC 5545): one event to add, or a feed to subscribe to."""

import datetime
import unicodedata
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vText

PRODID = "-//UN Network on Migration//Secretariat//EN"


def calendar_text(value):
    """
    Text that staff typed, as RFC 5545 allows it in a TEXT value: every kind of line break
    becomes one newline and no other control character is left (HTAB excepted). Always a
    vText, which escapes newlines, commas, semicolons and backslashes; icalendar writes a
    property it does not know (X-WR-CALNAME) raw, and a raw newline there either stops the
    file (icalendar asserts) or, with assertions off, starts a property of the writer's choice.
    """
    lines = str(value).splitlines()
    return vText(
        "\n".join(
            "".join(c for c in line if c == "\t" or unicodedata.category(c) != "Cc")
            for line in lines
        )
    )


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
    event.add("summary", calendar_text(meeting.title))
    page = base_url.rstrip("/") + meeting.get_absolute_url()
    event.add("description", calendar_text("\n\n".join(filter(None, [meeting.summary, page]))))
    event.add("url", page)
    event.add("location", calendar_text(meeting.venue or meeting.get_format_display()))
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    event.add("last-modified", meeting.modified)
    return event


def build_calendar(meetings, *, name, base_url):
    """
    The .ics of `meetings`, named `name`. `base_url` is the site's absolute address: the
    request's in a view, settings.UNNM_SITE_URL elsewhere (a mail's attachment).
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", calendar_text(name))
    calendar.add("x-wr-timezone", vText(settings.TIME_ZONE))
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, base_url))
    # Events carry TZID=<the network's zone>; the matching VTIMEZONE makes the file valid.
    calendar.add_missing_timezones()
    return calendar.to_ical()
