"""The meetings app's views, by concern: the public pages, and answering a meeting."""

from meetings.views.answers import (
    rsvp_cancel,
    rsvp_create,
    rsvp_done,
    rsvp_invitation,
    rsvp_manage,
)
from meetings.views.pages import (
    MeetingDetailView,
    MeetingListView,
    MeetingPrintView,
    document_download,
    meeting_feed,
    meeting_ics,
)

__all__ = [
    "MeetingDetailView",
    "MeetingListView",
    "MeetingPrintView",
    "document_download",
    "meeting_feed",
    "meeting_ics",
    "rsvp_cancel",
    "rsvp_create",
    "rsvp_done",
    "rsvp_invitation",
    "rsvp_manage",
]
