"""
Which stored public pages a change to the meetings' data makes stale (`unnm.pagecache`).

A meeting's answers (its RSVPs and invitations) show only on its own page: the seats left, the
counts and the participants who agreed to be named. They move that meeting's version alone, so
an RSVP leaves every other page stored. Everything else of this app moves "meetings".
"""

from django.conf import settings
from django.db.models import Q

from meetings.models import RSVP, Invitation, Meeting
from unnm import pagecache

ANSWERS = "answers:{slug}"


def watch(app_config):
    pagecache.watch_app(app_config, "meetings", except_=(RSVP, Invitation))
    pagecache.watch(RSVP, answers_of)
    pagecache.watch(Invitation, answers_of)


def answers_of(row):
    """The version of the answers of the meeting that `row` (an RSVP, an invitation) belongs to."""
    meeting = type(row).meeting.field.get_cached_value(row, None)
    if meeting is not None:
        return (ANSWERS.format(slug=meeting.slug),)
    slugs = Meeting.objects.filter(pk=row.meeting_id).values_list("slug", flat=True)
    # A meeting deleted with its answers moves "meetings" itself.
    return tuple(ANSWERS.format(slug=slug) for slug in slugs)


def answers_changed(*, rsvps=(), invitations=()):
    """For bulk updates that bypass the signals: the answers of these rows' meetings changed."""
    if settings.UNNM_PAGE_CACHE_SECONDS <= 0 or not (rsvps or invitations):
        return
    slugs = (
        Meeting.objects.filter(Q(rsvps__in=rsvps) | Q(invitations__in=invitations))
        .values_list("slug", flat=True)
        .distinct()
    )
    pagecache.stale(*(ANSWERS.format(slug=slug) for slug in slugs))
