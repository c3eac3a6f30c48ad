from meetings.models.meeting import Meeting, MeetingQuerySet

__all__ = ["Meeting", "MeetingQuerySet"]
