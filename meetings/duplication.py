"""Duplicating a meeting as the draft of the next one in its series."""

from django.db import transaction
from modeltranslation.translator import translator
from simple_history.utils import bulk_create_with_history

from meetings.models import AgendaItem, Meeting


@transaction.atomic
def duplicate_meeting(meeting):
    """A new draft of a recurring meeting: same setting and agenda, no record of what happened.

    Remarks, participation, outcomes, documents and minutes belong to the meeting that took
    place, so they are not copied.
    """
    copy = Meeting.objects.get(pk=meeting.pk)
    copy.pk = None
    copy.id = None
    copy.slug = ""
    copy.status = Meeting.Status.DRAFT
    copy.is_demo = meeting.is_demo
    copy.save()
    copy.chairs.set(meeting.chairs.all())
    copy.gcm_objectives.set(meeting.gcm_objectives.all())
    copy.priorities.set(meeting.priorities.all())
    bulk_create_with_history(
        [
            AgendaItem(
                meeting=copy,
                order=item.order,
                start_time=item.start_time,
                duration=item.duration,
                kind=item.kind,
                **translations(item, "title", "description"),
            )
            for item in meeting.agenda_items.all()
        ],
        AgendaItem,
    )
    return copy


def translations(instance, *fields):
    """The fields' values in every language (their columns), to copy a row's texts whole."""
    options = translator.get_options_for_model(type(instance))
    return {
        column.name: getattr(instance, column.name)
        for field in fields
        for column in options.all_fields[field]
    }
