import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from meetings.models import ActionPoint, Document, Meeting, Minutes, Remark
from tests.meetings.factories import (
    ActionPointFactory,
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MinutesFactory,
    RemarkFactory,
    in_days,
)
from tests.members.factories import OrganisationFactory, PersonFactory, PositionFactory

pytestmark = pytest.mark.django_db


def test_meeting_ending_before_it_starts_is_refused_by_the_database():
    meeting = MeetingFactory.build(start=in_days(3), end=in_days(2))
    meeting.organiser.save()

    with pytest.raises(IntegrityError), transaction.atomic():
        meeting.save()


def test_meeting_clean_explains_end_before_start():
    meeting = MeetingFactory.build(start=in_days(3), end=in_days(3))

    with pytest.raises(ValidationError) as error:
        meeting.clean()

    assert "end after it starts" in str(error.value)


def test_meeting_slug_uses_local_date_and_title():
    meeting = MeetingFactory(title="Coordination Meeting", start=in_days(5, hour=1))

    assert meeting.slug == f"{meeting.local_start.date().isoformat()}-coordination-meeting"


def test_meeting_slug_is_unique_for_same_day_and_title():
    first = MeetingFactory(title="Working group", start=in_days(5))
    second = MeetingFactory(title="Working group", start=in_days(5))

    assert second.slug == f"{first.slug}-2"


def test_draft_slug_follows_title_but_published_slug_stays():
    draft = MeetingFactory(title="Old title", status=Meeting.Status.DRAFT)
    published = MeetingFactory(title="Old title", status=Meeting.Status.PUBLISHED)
    kept = published.slug

    draft.title = published.title = "New title"
    draft.save()
    published.save()

    assert draft.slug.endswith("new-title")
    assert published.slug == kept


def test_agenda_items_are_ordered_and_order_is_unique_per_meeting():
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, order=2, title="Discussion")
    AgendaItemFactory(meeting=meeting, order=1, title="Opening")

    assert [i.title for i in meeting.agenda_items.all()] == ["Opening", "Discussion"]
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItemFactory(meeting=meeting, order=1)


def test_remarks_are_ordered_within_their_agenda_item():
    item = AgendaItemFactory()
    RemarkFactory(agenda_item=item, order=2, summary="second")
    RemarkFactory(agenda_item=item, order=1, summary="first")

    assert [r.summary for r in item.remarks.all()] == ["first", "second"]


def test_remark_role_snapshots_the_post_held_on_the_meeting_day():
    un = OrganisationFactory(acronym="RCO")
    person = PersonFactory(position="Special Adviser", organisation=un)
    PositionFactory(
        person=person,
        title="UN Resident Coordinator",
        started=datetime.date(2019, 1, 1),
        ended=datetime.date(2022, 12, 31),
    )
    meeting = MeetingFactory(
        start=datetime.datetime(2021, 5, 31, 7, tzinfo=datetime.UTC),
        end=datetime.datetime(2021, 5, 31, 9, tzinfo=datetime.UTC),
    )

    remark = RemarkFactory(agenda_item=AgendaItemFactory(meeting=meeting), speaker=person)

    assert remark.speaker_role == "UN Resident Coordinator"
    assert remark.speaker_organisation == un


def test_remark_role_entered_by_hand_is_kept():
    remark = RemarkFactory(speaker_role="Chief of IOM Azerbaijan")

    assert remark.speaker_role == "Chief of IOM Azerbaijan"


def test_remark_on_another_meetings_agenda_item_is_refused():
    remark = RemarkFactory()
    remark.meeting = MeetingFactory()

    with pytest.raises(ValidationError):
        remark.clean()


def test_document_needs_a_file_or_a_link_but_not_both():
    meeting = MeetingFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.create(meeting=meeting, title="Nothing", external_url="")
    with pytest.raises(ValidationError):
        Document(meeting=meeting, title="Nothing").clean()


def test_action_point_cannot_be_completed_unless_done():
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionPointFactory(status=ActionPoint.Status.OPEN, completed_on=datetime.date(2024, 1, 1))


def test_action_points_still_open_are_carried_over_to_the_next_meeting():
    earlier = MeetingFactory(start=in_days(-30), end=in_days(-30) + datetime.timedelta(hours=2))
    still_open = ActionPointFactory(meeting=earlier, status=ActionPoint.Status.IN_PROGRESS)
    done_later = ActionPointFactory(
        meeting=earlier, status=ActionPoint.Status.DONE, completed_on=in_days(20).date()
    )
    ActionPointFactory(
        meeting=earlier, status=ActionPoint.Status.DONE, completed_on=in_days(-20).date()
    )
    ActionPointFactory(meeting=earlier, kind=ActionPoint.Kind.OUTCOME)
    next_meeting = MeetingFactory(start=in_days(10))

    carried = set(ActionPoint.objects.outstanding_at(next_meeting))

    assert carried == {still_open, done_later}
    assert not ActionPoint.objects.outstanding_at(earlier).exists()


def test_minutes_adopted_need_the_adopting_meeting():
    with pytest.raises(IntegrityError), transaction.atomic():
        MinutesFactory(status=Minutes.Status.ADOPTED, circulated_on=datetime.date(2024, 1, 1))


def test_minutes_are_adopted_at_a_later_meeting():
    minutes = MinutesFactory(status=Minutes.Status.CIRCULATED, circulated_on=in_days(-1).date())
    earlier = MeetingFactory(start=minutes.meeting.start - datetime.timedelta(days=30))
    later = MeetingFactory(start=minutes.meeting.start + datetime.timedelta(days=30))

    minutes.status = Minutes.Status.ADOPTED
    minutes.adopted_at = earlier
    with pytest.raises(ValidationError):
        minutes.clean()
    minutes.adopted_at = later
    minutes.clean()
    minutes.save()

    assert later.adopted_minutes.get() == minutes


def test_remark_status_values_are_checked_by_the_database():
    remark = RemarkFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Remark.objects.filter(pk=remark.pk).update(status="rumoured")


def test_document_photo_must_be_an_image():
    document = DocumentFactory.build(kind=Document.Kind.PHOTO, external_url="", file="x/report.pdf")

    with pytest.raises(ValidationError):
        document.clean()


def test_participant_groups_follow_kinds_and_sentence_reads_naturally():
    from members.models import Organisation
    from tests.meetings.factories import ParticipationFactory

    meeting = MeetingFactory()
    for kind in ["academia", "un_agency", "ngo", "diplomatic_mission", "government"]:
        ParticipationFactory(meeting=meeting, organisation=OrganisationFactory(kind=kind))
    ParticipationFactory(
        meeting=meeting, organisation=OrganisationFactory(kind=Organisation.Kind.UN_AGENCY)
    )

    assert meeting.attendance_sentence() == (
        "UN agencies, diplomatic missions, government authorities, NGOs and academia"
    )
    assert [len(items) for _k, _l, items in meeting.participant_groups()] == [2, 1, 1, 1, 1]
