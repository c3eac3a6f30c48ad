from meetings.models.invitation import Invitation
from meetings.models.meeting import Meeting, MeetingQuerySet
from meetings.models.programme import (
    ActionPoint,
    AgendaItem,
    Document,
    Minutes,
    Participation,
    ParticipationByKind,
    Remark,
)
from meetings.models.rsvp import (
    RSVP,
    RSVPQuerySet,
    RSVPSettings,
)

__all__ = [
    "ActionPoint",
    "AgendaItem",
    "Document",
    "Invitation",
    "Meeting",
    "MeetingQuerySet",
    "Minutes",
    "Participation",
    "ParticipationByKind",
    "RSVP",
    "RSVPQuerySet",
    "RSVPSettings",
    "Remark",
]
