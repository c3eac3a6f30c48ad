"""The meetings app's admin, by concern; importing the modules registers their ModelAdmins."""

from meetings.admin import invitations, meetings, rsvps

__all__ = ["invitations", "meetings", "rsvps"]
