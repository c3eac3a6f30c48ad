from meetings.models.documents import Document, Minutes
from meetings.models.invitation import Invitation
from meetings.models.meeting import Meeting, MeetingQuerySet
from meetings.models.programme import (
    ActionPoint,
    AgendaItem,
    Participation,
    ParticipationByKind,
    Remark,
)
from meetings.models.rsvp import RSVP, RSVPQuerySet
from meetings.models.rsvp_settings import RSVPSettings

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
