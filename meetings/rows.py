"""
The rows a meeting's page repeats by the dozen, drawn in Python rather than by its template, as
the matrix's cells are (`frameworks/matrix.py`): the template engine spends some 3 µs on each
value it looks up and escapes, and a page may list fifty participants and a dozen action points.
A list's `html` is its items, in the markup the template drew, each value escaped as the
template escapes it (Django's `escape` is `html.escape` behind a lazy-text wrapper that costs
more than the escaping), the whole marked safe for that reason alone; their links are addresses
the record reversed (`unnm.languages.address`), never one from data. The lists stay lists of
dicts for everything else that reads them (the printable summary, the tests).
"""

import html

from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from meetings.models.programme import Participation


def escaped(value):
    return html.escape(str(value))


class NamedParticipants(list):
    """The participants named in the RSVP panel (`{"name", "organisation"}`), as its items."""

    @property
    def html(self):
        return mark_safe(
            "".join(
                f"<li>{escaped(participant['name'])}"
                + (
                    f' <span class="text-secondary">· {escaped(participant["organisation"])}</span>'
                    if participant["organisation"]
                    else ""
                )
                + "</li>"
                for participant in self
            )
        )


class Participations(list):
    """The organisations of one kind that took part, as their items: each linked to its page while
    it is a member, with its role unless it only took part, and how many people it sent."""

    @property
    def html(self):
        return mark_safe("".join(self.item(participation) for participation in self))

    @staticmethod
    def item(participation):
        organisation = participation["organisation"]
        name = escaped(organisation["name"])
        if organisation["is_active"]:
            name = f'<a href="{escaped(organisation["url"])}">{name}</a>'
        role = ""
        if participation["role"] != Participation.Role.PARTICIPANT:
            label = escaped(participation["role_label"])
            role = f'<span class="badge text-bg-light border">{label}</span>'
        sent = ""
        if participation["representatives"]:
            note = escaped(participation["representatives_note"])
            sent = f'<span class="text-secondary">· {note}</span>'
        return f'\n<li class="mb-1">{name}\n{role}\n{sent}</li>\n'


class ActionPoints(list):
    """
    A meeting's action points, or those carried over to it (`show_meeting`: each with a link to
    the meeting it comes from), as the items of their list: the text and its status, then who is
    responsible, by when (and whether that is past), and where it comes from.
    """

    def __init__(self, points, show_meeting=False):
        super().__init__(points)
        self.show_meeting = show_meeting

    @property
    def html(self):
        # "from" <a meeting>, not the "from" <a date> of a position held.
        overdue, origin = _("overdue"), pgettext("carried over from a meeting", "from")
        return mark_safe("".join(self.item(point, overdue, origin) for point in self))

    def item(self, point, overdue, origin):
        due = ""
        if point["due_on"]:
            due = f"· {escaped(point['due_note'])}"
            if point["is_overdue"]:
                due += f' <span class="text-danger">({escaped(overdue)})</span>'
        source = ""
        if self.show_meeting:
            meeting = point["meeting"]
            day = date_format(meeting["day"], "j M Y")
            source = (
                f'· {escaped(origin)} <a href="{escaped(meeting["url"])}">'
                f"{escaped(meeting['title'])}, {escaped(day)}</a>"
            )
        return (
            '\n<li class="list-group-item">\n'
            '<div class="d-flex justify-content-between gap-2 flex-wrap">\n'
            f"<span>{escaped(point['text'])}</span>\n"
            f'<span class="badge status-{escaped(point["status"])} align-self-start">'
            f"{escaped(point['status_label'])}</span>\n"
            "</div>\n"
            '<p class="small text-secondary mb-0">\n'
            f"{escaped(point['responsible_note'])}\n{due}\n{source}\n"
            "</p>\n"
            "</li>\n"
        )
