"""Duplicating a meeting as the draft of the next one in its series."""

import datetime
import math

from django.db import transaction
from django.utils import timezone
from modeltranslation.translator import translator
from simple_history.utils import bulk_create_with_history

from meetings.models import AgendaItem, Meeting, RSVPSettings

# What a meeting's RSVP settings say about the next one too: capacity, moderation, languages
# and the mail wording. Opening and closing times move with the date; answers are not copied.
RSVP_FIELDS = [
    "capacity",
    "capacity_in_person",
    "capacity_online",
    "is_moderated",
    "interpretation_languages",
    "confirmation_subject",
    "confirmation_text",
    "invitation_subject",
    "invitation_text",
]


def _same_weekday(moment, weekday):
    """The day nearest to `moment` (within three days) that falls on `weekday`."""
    shift = (weekday - moment.weekday() + 3) % 7 - 3
    return moment + datetime.timedelta(days=shift)


def _months_later(moment, months):
    month = moment.month - 1 + months
    return moment.replace(
        year=moment.year + month // 12, month=month % 12 + 1, day=min(moment.day, 28)
    )


def next_in_series(meeting, *, now=None):
    """
    The proposed start of the next meeting: one interval after this one, on the same weekday
    and at the same time. The interval is the gap since the previous meeting of the same kind in
    whole weeks, or a month (then the nearest same weekday) when there is none; the proposal is
    always in the future.
    """
    now = now or timezone.now()
    start = timezone.localtime(meeting.start)
    previous = (
        Meeting.objects.filter(kind=meeting.kind, start__lt=meeting.start)
        .exclude(pk=meeting.pk)
        .order_by("-start")
        .values_list("start", flat=True)
        .first()
    )
    if previous is not None:
        week = datetime.timedelta(weeks=1)
        interval = week * max(1, round((meeting.start - previous) / week))
        steps = max(1, math.ceil((now - start) / interval))
        proposal = start + steps * interval
        return proposal if proposal > now else proposal + interval
    months = 1
    while (proposal := _same_weekday(_months_later(start, months), start.weekday())) <= now:
        months += 1
    return proposal


@transaction.atomic
def duplicate_meeting(meeting, start=None):
    """A new draft of a recurring meeting: same setting, agenda and RSVP settings, starting at
    `start` (the same length as the original), with no record of what happened.

    Remarks, participation, outcomes, documents, minutes and answers belong to the meeting that
    took place, so they are not copied.
    """
    copy = Meeting.objects.get(pk=meeting.pk)
    shift = (start - meeting.start) if start else datetime.timedelta(0)
    copy.pk = None
    copy.id = None
    copy.slug = ""
    copy.status = Meeting.Status.DRAFT
    copy.is_demo = meeting.is_demo
    copy.start = meeting.start + shift
    copy.end = meeting.end + shift
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
    rsvp_settings = RSVPSettings.objects.filter(meeting=meeting).first()
    if rsvp_settings is not None:
        RSVPSettings.objects.create(
            meeting=copy,
            opens_at=rsvp_settings.opens_at and rsvp_settings.opens_at + shift,
            closes_at=rsvp_settings.closes_at and rsvp_settings.closes_at + shift,
            **{name: getattr(rsvp_settings, name) for name in RSVP_FIELDS},
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
