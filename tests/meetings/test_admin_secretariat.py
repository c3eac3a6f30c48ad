"""An admin a secretariat officer uses without help: the agenda numbers itself, speakers go on
new agenda items, duplicating asks the date, publishing asks when it would mislead."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.duplication import next_in_series
from meetings.models import RSVP, AgendaItem, Meeting, Remark, RSVPSettings
from tests.admin_forms import change_form_data
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, in_days
from tests.meetings.rsvp_factories import RSVPFactory, RSVPSettingsFactory
from tests.members.factories import PersonFactory

pytestmark = pytest.mark.django_db


def edit_url(meeting):
    return reverse("admin:meetings_meeting_change", args=[meeting.pk])


def agenda_rows(*titles, orders=None, start=0):
    orders = orders or [""] * len(titles)
    rows = {}
    for index, (title, order) in enumerate(zip(titles, orders, strict=True), start=start):
        rows |= {
            f"agenda_items-{index}-order": order,
            f"agenda_items-{index}-kind": "update",
            f"agenda_items-{index}-title_en": title,  # the default language's column
        }
    return rows | {"agenda_items-TOTAL_FORMS": str(start + len(titles))}


def remark_rows(*rows):
    data = {"remarks-TOTAL_FORMS": str(len(rows))}
    for index, (number, speaker) in enumerate(rows):
        data |= {
            f"remarks-{index}-agenda_number": str(number),
            f"remarks-{index}-order": "",
            f"remarks-{index}-status": "planned",
            f"remarks-{index}-speaker": str(speaker.pk),
        }
    return data


def save(client, meeting, **rows):
    url = edit_url(meeting)
    return client.post(url, change_form_data(client, url, **rows))


@pytest.mark.parametrize("orders", [["", "", ""], ["1", "1", "1"]], ids=["empty", "all-1"])
def test_new_agenda_items_number_themselves_1_2_3(admin_client, orders):
    meeting = MeetingFactory()

    response = save(
        admin_client, meeting, **agenda_rows("Opening", "Data", "Closing", orders=orders)
    )

    assert response.status_code == 302
    assert [(i.order, i.title) for i in meeting.agenda_items.all()] == [
        (1, "Opening"),
        (2, "Data"),
        (3, "Closing"),
    ]


def test_new_agenda_items_follow_the_existing_ones_and_typed_numbers_stay(admin_client):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, order=1, title="Opening")

    url = edit_url(meeting)
    data = change_form_data(admin_client, url)
    data |= agenda_rows("Data", "Closing", orders=["", "7"], start=1)
    response = admin_client.post(url, data)

    assert response.status_code == 302
    assert [(i.order, i.title) for i in meeting.agenda_items.all()] == [
        (1, "Opening"),
        (2, "Data"),
        (7, "Closing"),
    ]


def test_speakers_go_on_agenda_items_added_in_the_same_save(admin_client):
    meeting = MeetingFactory()
    first, second = PersonFactory(name="Aysel"), PersonFactory(name="Rashad")

    response = save(
        admin_client,
        meeting,
        **agenda_rows("Opening", "Data"),
        **remark_rows((2, first), (2, second), (1, second)),
    )

    assert response.status_code == 302
    remarks = Remark.objects.filter(meeting=meeting).select_related("agenda_item", "speaker")
    assert sorted((r.agenda_item.title, r.order, r.speaker.name) for r in remarks) == [
        ("Data", 1, "Aysel"),
        ("Data", 2, "Rashad"),
        ("Opening", 1, "Rashad"),
    ]


def test_speaker_on_an_agenda_number_that_does_not_exist_is_refused_and_nothing_written(
    admin_client,
):
    meeting = MeetingFactory()

    response = save(
        admin_client, meeting, **agenda_rows("Opening"), **remark_rows((4, PersonFactory()))
    )

    assert response.status_code == 200
    assert "The agenda has no item 4." in response.content.decode()
    assert not AgendaItem.objects.filter(meeting=meeting).exists()
    assert not Remark.objects.exists()


def test_existing_speaker_shows_its_agenda_number(admin_client):
    item = AgendaItemFactory(order=3)
    Remark.objects.create(meeting=item.meeting, agenda_item=item, speaker=PersonFactory())

    content = admin_client.get(edit_url(item.meeting)).content.decode()

    assert 'name="remarks-0-agenda_number" value="3"' in content


# Duplicating


def test_duplicate_is_offered_on_the_meetings_own_page(admin_client):
    meeting = MeetingFactory()

    content = admin_client.get(edit_url(meeting)).content.decode()

    assert reverse("admin:meetings_meeting_duplicate", args=[meeting.pk]) in content


def test_duplicate_asks_the_date_proposing_the_next_in_the_series(admin_client):
    earlier = MeetingFactory(start=in_days(-14), end=in_days(-14, hour=12))
    meeting = MeetingFactory(kind=earlier.kind, start=in_days(14), end=in_days(14, hour=12))

    page = admin_client.get(reverse("admin:meetings_meeting_duplicate", args=[meeting.pk]))

    proposal = in_days(42)  # four weeks after, as the last gap
    assert page.status_code == 200
    assert page.context["form"].initial["start"] == proposal
    assert f'value="{proposal:%Y-%m-%d}"' in page.content.decode()
    assert Meeting.objects.count() == 2  # nothing copied yet


def test_next_in_series_without_an_earlier_meeting_is_a_month_later_on_the_same_weekday():
    meeting = MeetingFactory(start=in_days(3), end=in_days(3, hour=12))

    proposal = next_in_series(meeting)

    start = timezone.localtime(meeting.start)
    assert proposal.weekday() == start.weekday() and proposal.time() == start.time()
    assert 25 <= (proposal - start).days <= 34


def test_duplicate_copies_the_rsvp_settings_and_wording_but_no_answers(admin_client):
    meeting = MeetingFactory(title="Quarterly coordination meeting")
    AgendaItemFactory(meeting=meeting, order=1, title="Opening")
    RSVPSettingsFactory(
        meeting=meeting, capacity=30, confirmation_subject="See you at {meeting}", is_moderated=True
    )
    RSVPFactory(meeting=meeting)
    start = meeting.local_start + datetime.timedelta(days=28)

    response = admin_client.post(
        reverse("admin:meetings_meeting_duplicate", args=[meeting.pk]),
        {"start_0": f"{start:%Y-%m-%d}", "start_1": f"{start:%H:%M:%S}"},
    )

    copy = Meeting.objects.exclude(pk=meeting.pk).get()
    assert response["Location"] == edit_url(copy)
    assert copy.status == Meeting.Status.DRAFT
    assert copy.start == start and copy.end - copy.start == meeting.end - meeting.start
    settings = RSVPSettings.objects.get(meeting=copy)
    original = meeting.rsvp_settings
    assert (settings.capacity, settings.is_moderated) == (30, True)
    assert settings.confirmation_subject == "See you at {meeting}"
    assert settings.closes_at - original.closes_at == datetime.timedelta(days=28)
    assert not RSVP.objects.filter(meeting=copy).exists()
    assert list(copy.agenda_items.values_list("title", flat=True)) == ["Opening"]


def test_duplicate_with_a_bad_date_shows_the_error_and_copies_nothing(admin_client):
    meeting = MeetingFactory()

    response = admin_client.post(
        reverse("admin:meetings_meeting_duplicate", args=[meeting.pk]),
        {"start_0": "31/31/2030", "start_1": "10:00"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert Meeting.objects.count() == 1


# Publishing


def publish(client, meeting, **extra):
    return save(client, meeting, status=Meeting.Status.PUBLISHED, **extra)


def test_publishing_without_agenda_or_answers_asks_and_says_why(admin_client):
    meeting = MeetingFactory(status=Meeting.Status.DRAFT)

    response = publish(admin_client, meeting)

    content = response.content.decode()
    assert response.status_code == 200
    assert "Publish this meeting? Check first:" in content
    assert "It has no agenda" in content
    assert "It takes no answers online" in content
    assert 'type="checkbox" name="confirm_publish"' in content
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFT


def test_publishing_once_confirmed_saves(admin_client):
    meeting = MeetingFactory(status=Meeting.Status.DRAFT)

    response = publish(admin_client, meeting, confirm_publish="on")

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PUBLISHED


def test_publishing_a_past_meeting_or_closed_answers_asks(admin_client):
    past = MeetingFactory(status=Meeting.Status.DRAFT, start=in_days(-3), end=in_days(-3, 12))
    closed = MeetingFactory(status=Meeting.Status.DRAFT)
    RSVPSettingsFactory(meeting=closed, closes_at=timezone.now() - datetime.timedelta(hours=1))
    AgendaItemFactory(meeting=closed)

    past_page = publish(admin_client, past, **agenda_rows("Opening")).content.decode()
    closed_page = publish(admin_client, closed).content.decode()

    assert "It is in the past" in past_page
    assert "Answers closed on" in closed_page and "its page will refuse them" in closed_page
    assert "no agenda" not in closed_page
    assert not Meeting.objects.filter(status=Meeting.Status.PUBLISHED).exists()


def test_publishing_a_ready_meeting_asks_nothing(admin_client):
    meeting = MeetingFactory(status=Meeting.Status.DRAFT)
    RSVPSettingsFactory(meeting=meeting)
    AgendaItemFactory(meeting=meeting)

    response = publish(admin_client, meeting)

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PUBLISHED
