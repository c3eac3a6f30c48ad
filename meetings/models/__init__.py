from meetings.models.meeting import Meeting, MeetingQuerySet
from meetings.models.rsvp import (
    RSVP,
    Invitation,
    OutgoingMail,
    RSVPQuerySet,
    RSVPSettings,
)

__all__ = [
    "Invitation",
    "Meeting",
    "MeetingQuerySet",
    "OutgoingMail",
    "RSVP",
    "RSVPQuerySet",
    "RSVPSettings",
]
