import datetime

import pytest
from django.urls import reverse

from frameworks import demo as frameworks_demo
from meetings import demo
from meetings.models import Meeting, Participation, Remark
from members import demo as members_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    members_demo.load()
    frameworks_demo.load()
    demo.load()
    return Meeting.objects.get(slug=demo.MAY_31_SLUG)


def test_demo_is_idempotent(loaded):
    counts = (Meeting.objects.count(), Remark.objects.count(), Participation.objects.count())

    demo.load()

    assert counts == (
        Meeting.objects.count(),
        Remark.objects.count(),
        Participation.objects.count(),
    )


def test_demo_may_31_meeting_is_real_and_others_are_marked_demo(loaded):
    assert not loaded.is_demo
    others = Meeting.objects.exclude(pk=loaded.pk)
    assert others.exists() and all(meeting.is_demo for meeting in others)
    formats = set(others.values_list("format", flat=True))
    assert formats == {"online", "in_person", "hybrid"}
    assert Meeting.objects.public().upcoming().exists()
    assert Meeting.objects.public().past().exclude(pk=loaded.pk).exists()


def test_demo_may_31_page_tells_what_the_news_item_tells(client, loaded):
    response = client.get(loaded.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == 200
    assert "Monday 31 May 2021" in content
    assert "Online" in content
    assert "International Organization for Migration, Mission in Azerbaijan" in content
    assert "UNSDCF" in content and "2021-2025" in content
    speakers = [
        ("Mr. Ghulam Isaczai", "UN Resident Coordinator in Azerbaijan"),
        ("Mr. Vladimir Gjorgjiev", "Chief of IOM Azerbaijan"),
        ("Mr. Vusal Huseynov", "Chief of the State Migration Service"),
    ]
    positions = []
    for name, role in speakers:
        assert name in content and role in content
        positions.append(content.index(name))
    assert positions == sorted(positions)
    for fact in [
        "rights and well-being of migrants",
        "Global Forum on Migration and Development",
        "one of the first countries",
    ]:
        assert fact in content
    for item in [
        "Opening session",
        "past activities",
        "Interlinking the existing frameworks",
        "Progress plan, list of synergies",
        "Migration Multi-Partner Trust Fund",
        "Discussion on the UN Network on Migration in Azerbaijan",
    ]:
        assert item in content
    assert (
        "Representatives of UN agencies, diplomatic missions, government authorities, NGOs and "
        "academia took part" in content
    )
    assert "ghulam.isaczai@example.org" not in content
    assert "+994" not in content


def test_demo_may_31_print_summary(client, loaded):
    response = client.get(reverse("meetings:meeting-print", kwargs={"slug": loaded.slug}))

    content = response.content.decode()
    assert "On 31 May 2021, International Organization for Migration, Mission in Azerbaijan " in (
        content
    )
    assert "organised an online coordination meeting." in content
    assert "Participants were welcomed by Mr. Ghulam Isaczai" in content


def test_demo_may_31_names_only_the_organisations_the_record_names(client, loaded):
    response = client.get(loaded.get_absolute_url())

    content = response.content.decode()
    named = set(loaded.participations.values_list("organisation__acronym", flat=True))
    assert named == {"IOM", "RCO", "SMS"}
    kinds = set(loaded.kinds_present.values_list("kind", flat=True))
    assert kinds == {"un_agency", "diplomatic_mission", "government", "ngo", "academia"}
    assert "Organisations not named in the record." in content
    for invented in ["UNHCR", "UNICEF", "Embassy of Switzerland", "Baku Centre for Migration"]:
        assert invented not in content


def test_demo_may_31_hour_is_unknown_in_page_print_and_calendar(client, loaded):
    page = client.get(loaded.get_absolute_url()).content.decode()
    printed = client.get(reverse("meetings:meeting-print", kwargs={"slug": loaded.slug}))
    ics = client.get(reverse("meetings:meeting-ics", kwargs={"slug": loaded.slug}))

    assert loaded.time_unknown
    assert "Not recorded" in page
    for hour in ["11:00", "13:00", "00:00", "23:59"]:
        assert hour not in page
        assert hour not in printed.content.decode()
    assert "Monday 31 May 2021" in printed.content.decode()
    body = ics.content.decode()
    assert "DTSTART;VALUE=DATE:20210531" in body
    assert "DTEND;VALUE=DATE:20210601" in body


def test_demo_meetings_fall_on_working_days(loaded):
    for today in [datetime.date(2026, 6, day) for day in range(1, 8)]:
        Meeting.objects.filter(is_demo=True).delete()

        demo.load_invented(today=today)

        days = [m.local_start.weekday() for m in Meeting.objects.filter(is_demo=True)]
        assert days and all(day < 5 for day in days), (today, days)


def test_working_day_moves_weekends_to_monday_and_keeps_weekdays():
    assert demo.working_day(datetime.date(2026, 6, 6)) == datetime.date(2026, 6, 8)  # Saturday
    assert demo.working_day(datetime.date(2026, 6, 7)) == datetime.date(2026, 6, 8)  # Sunday
    assert demo.working_day(datetime.date(2026, 6, 5)) == datetime.date(2026, 6, 5)  # Friday
