from meetings.models.meeting import Meeting, MeetingQuerySet
from meetings.models.programme import (
    ActionPoint,
    AgendaItem,
    Document,
    Minutes,
    Participation,
    Remark,
)

__all__ = [
    "ActionPoint",
    "AgendaItem",
    "Document",
    "Meeting",
    "MeetingQuerySet",
    "Minutes",
    "Participation",
    "Remark",
]
