import pytest

from meetings import rsvp as answers
from meetings.models import RSVP, Meeting, Participation
from tests.meetings.rsvp_factories import (
    RSVPFactory,
    _fresh_rate_limit,  # noqa: F401
    open_meeting,
)
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def new_answer(meeting, email, mode=RSVP.Mode.IN_PERSON):
    rsvp, _created = answers.submit_rsvp(
        meeting, RSVP(name=email.split("@")[0], email=email, attendance_mode=mode)
    )
    return rsvp


def test_submit_confirms_until_capacity_then_waitlists_in_order():
    meeting = open_meeting(capacity=2)

    answers = [new_answer(meeting, f"p{n}@example.org") for n in range(4)]

    assert [a.status for a in answers] == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    assert [a.waitlist_position() for a in answers] == [None, None, 1, 2]


def test_cancel_promotes_first_on_waitlist_and_mails_them(
    mailoutbox, django_capture_on_commit_callbacks
):
    meeting = open_meeting(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        seated = new_answer(meeting, "seated@example.org")
        first = new_answer(meeting, "first@example.org")
        second = new_answer(meeting, "second@example.org")
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        answers.cancel_rsvp(seated)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == RSVP.Status.CONFIRMED
    assert second.status == RSVP.Status.WAITLISTED and second.waitlist_position() == 1
    subjects = {m.to[0]: m.subject for m in mailoutbox}
    assert subjects["first@example.org"].startswith("A seat for you")
    assert subjects["seated@example.org"].startswith("Cancelled")
    assert "second@example.org" not in subjects


def test_cancel_twice_changes_nothing_more():
    meeting = open_meeting(capacity=1)
    seated = new_answer(meeting, "seated@example.org")
    waiting = new_answer(meeting, "waiting@example.org")
    answers.cancel_rsvp(seated)

    answers.cancel_rsvp(seated)

    assert RSVP.objects.confirmed().get() == waiting


def test_mode_capacity_of_hybrid_meeting_is_kept_per_mode():
    meeting = open_meeting(meeting_format=Meeting.Format.HYBRID, capacity_in_person=1)

    room = new_answer(meeting, "room@example.org")
    room_full = new_answer(meeting, "late@example.org")
    online = new_answer(meeting, "online@example.org", RSVP.Mode.ONLINE)

    assert (room.status, room_full.status, online.status) == (
        "confirmed",
        "waitlisted",
        "confirmed",
    )


def test_change_to_a_full_mode_keeps_the_seat():
    meeting = open_meeting(meeting_format=Meeting.Format.HYBRID, capacity_in_person=1)
    new_answer(meeting, "room@example.org")
    online = new_answer(meeting, "online@example.org", RSVP.Mode.ONLINE)

    with pytest.raises(answers.SeatUnavailable):
        answers.change_rsvp(online, {"attendance_mode": RSVP.Mode.IN_PERSON})

    online.refresh_from_db()
    assert (online.attendance_mode, online.status) == ("online", "confirmed")


def test_change_of_mode_frees_a_seat_for_the_waitlist():
    meeting = open_meeting(meeting_format=Meeting.Format.HYBRID, capacity_in_person=1)
    room = new_answer(meeting, "room@example.org")
    waiting = new_answer(meeting, "waiting@example.org")

    answers.change_rsvp(room, {"attendance_mode": RSVP.Mode.ONLINE})

    waiting.refresh_from_db()
    assert waiting.status == RSVP.Status.CONFIRMED


def test_moderated_meeting_waits_for_approval_then_seats_or_waitlists():
    meeting = open_meeting(is_moderated=True, capacity=1)
    a = new_answer(meeting, "a@example.org")
    b = new_answer(meeting, "b@example.org")
    assert (a.status, b.status) == ("pending", "pending")

    answers.approve_rsvps(RSVP.objects.order_by("pk"))

    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, b.status) == ("confirmed", "waitlisted")


def test_declining_a_confirmed_answer_promotes_the_waitlist():
    meeting = open_meeting(capacity=1)
    a = new_answer(meeting, "a@example.org")
    b = new_answer(meeting, "b@example.org")

    answers.decline_rsvps(RSVP.objects.filter(pk=a.pk))

    b.refresh_from_db()
    assert b.status == RSVP.Status.CONFIRMED
    assert RSVP.objects.get(pk=a.pk).status == RSVP.Status.DECLINED


def test_reactivating_a_cancelled_answer_queues_behind_others():
    meeting = open_meeting(capacity=1)
    a = new_answer(meeting, "a@example.org")
    b = new_answer(meeting, "b@example.org")
    answers.cancel_rsvp(a)

    answers.reactivate_rsvp(a)

    a.refresh_from_db()
    assert a.status == RSVP.Status.WAITLISTED
    assert RSVP.objects.confirmed().get() == b


def test_record_attendance_counts_check_ins_per_organisation():
    meeting = open_meeting()
    unicef = OrganisationFactory(acronym="UNICEF")
    came = RSVPFactory.create_batch(2, meeting=meeting, organisation=unicef)
    RSVPFactory(meeting=meeting, organisation=unicef)  # confirmed, did not come
    RSVP.objects.filter(pk__in=[r.pk for r in came]).update(checked_in_at=meeting.start)

    answers.record_attendance(meeting)

    participation = Participation.objects.get(meeting=meeting, organisation=unicef)
    assert participation.representatives == 2
