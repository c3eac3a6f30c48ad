"""Meetings as iCalendar (RFC 5545): one event to add, or a feed to subscribe to."""

import datetime
import functools
import unicodedata
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, vText

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
    add_timezones(calendar)
    return calendar.to_ical()


def add_timezones(calendar):
    """
    Events carry TZID=<the network's zone>; the matching VTIMEZONE makes the file valid. As
    icalendar's `add_missing_timezones()`, placed before the events, but each zone's made once.
    """
    position = len(calendar.timezones)
    for tzid in sorted(calendar.get_missing_tzids()):
        try:
            component = vtimezone(tzid)
        except ValueError:  # a zone icalendar does not know: the file names it only
            continue
        calendar.subcomponents.insert(position, component)
        position += 1


@functools.lru_cache(maxsize=8)
def vtimezone(tzid):
    """
    A zone's VTIMEZONE, made once per process: icalendar builds it by walking the zone's UTC
    offsets from 1970 to 2038, tens of milliseconds for each confirmation mail. The component
    is shared by every calendar built here, which only write it out: never change it.
    """
    return Timezone.from_tzid(tzid)
