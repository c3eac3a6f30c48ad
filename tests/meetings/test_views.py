import datetime
import re
import zoneinfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from frameworks.models import GCMObjective
from meetings.models import RSVP, ActionPoint, Document, Meeting
from meetings.views.pages import public_meeting_page_with_record
from members.models import Organisation
from tests.frameworks.factories import (
    ActivityFactory,
    CooperationFrameworkFactory,
    StrategicPriorityFactory,
)
from tests.meetings.factories import (
    ActionPointFactory,
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MinutesFactory,
    ParticipationFactory,
    RemarkFactory,
    in_days,
)
from tests.meetings.rsvp_factories import RSVPFactory, RSVPSettingsFactory, open_meeting
from tests.members.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

LIST = reverse("meetings:meeting-list")


def titles(response):
    return [m.title for m in response.context["meetings"]]


def past_meeting(days_ago, **kwargs):
    start = in_days(-days_ago)
    return MeetingFactory(start=start, end=start + datetime.timedelta(hours=2), **kwargs)


# List


def test_list_shows_upcoming_first_soonest_then_past_latest_first(client):
    past_meeting(400, title="Old")
    MeetingFactory(title="Later", start=in_days(30), end=in_days(30, hour=12))
    past_meeting(10, title="Recent")
    MeetingFactory(title="Soon", start=in_days(2), end=in_days(2, hour=12))

    response = client.get(LIST)

    assert titles(response) == ["Soon", "Later", "Recent", "Old"]
    assert [m.title for m in response.context["upcoming"]] == ["Soon", "Later"]
    years = [year for year, _ in response.context["past_by_year"]]
    assert years == sorted(set(years), reverse=True)


def test_list_hides_drafts_and_members_only_meetings_from_the_public(client):
    MeetingFactory(title="Public meeting")
    MeetingFactory(title="Draft meeting", status=Meeting.Status.DRAFT)
    MeetingFactory(title="Closed meeting", visibility=Meeting.Visibility.MEMBERS)

    response = client.get(LIST)

    assert titles(response) == ["Public meeting"]
    assert "Draft meeting" not in response.content.decode()


def test_list_shows_staff_drafts_and_members_only_meetings(admin_client):
    MeetingFactory(title="Draft meeting", status=Meeting.Status.DRAFT)
    MeetingFactory(title="Closed meeting", visibility=Meeting.Visibility.MEMBERS)

    response = admin_client.get(LIST)

    assert set(titles(response)) == {"Draft meeting", "Closed meeting"}


def test_list_keeps_cancelled_meetings_and_says_so(client):
    MeetingFactory(title="Called off", status=Meeting.Status.CANCELLED)

    response = client.get(LIST)

    assert titles(response) == ["Called off"]
    assert "Cancelled" in response.content.decode()


def test_list_filters_by_year_kind_and_format(client):
    past_meeting(800, title="Old workshop", kind=Meeting.Kind.WORKSHOP)
    MeetingFactory(title="Hybrid group", kind=Meeting.Kind.WORKING_GROUP, format="hybrid")
    MeetingFactory(title="Online group", kind=Meeting.Kind.WORKING_GROUP, format="online")
    old_year = in_days(-800).year

    by_year = client.get(LIST, {"year": old_year})
    by_kind = client.get(LIST, {"kind": "working_group"})
    by_both = client.get(LIST, {"kind": "working_group", "format": "hybrid"})

    assert titles(by_year) == ["Old workshop"]
    assert set(titles(by_kind)) == {"Hybrid group", "Online group"}
    assert titles(by_both) == ["Hybrid group"]


def test_list_filters_by_organisation_as_organiser_or_participant(client):
    unicef = OrganisationFactory(name="UNICEF")
    MeetingFactory(title="Organised by UNICEF", organiser=unicef)
    attended = MeetingFactory(title="Attended by UNICEF")
    ParticipationFactory(meeting=attended, organisation=unicef)
    ParticipationFactory(meeting=attended)
    MeetingFactory(title="Without UNICEF")

    response = client.get(LIST, {"organisation": unicef.slug})

    assert sorted(titles(response)) == ["Attended by UNICEF", "Organised by UNICEF"]


def test_list_offers_the_organisations_of_visible_meetings_by_their_shown_name(client):
    """A draft does not tell the public who is in it; in Russian an organisation without a
    Russian name is listed, and sorted, by the English one it is shown with."""
    zeta = OrganisationFactory(name_en="Zeta Agency", name_ru="Агентство", acronym="")
    beta = OrganisationFactory(name_en="Beta & <Co>", name_ru="", acronym="BC")
    secret = OrganisationFactory(name_en="Secret", acronym="")
    OrganisationFactory(name_en="No meetings", acronym="")
    MeetingFactory(organiser=zeta)
    ParticipationFactory(meeting=MeetingFactory(organiser=beta), organisation=zeta)
    ParticipationFactory(
        meeting=MeetingFactory(status=Meeting.Status.DRAFT, organiser=beta), organisation=secret
    )

    with translation.override("ru"):
        content = client.get(reverse("meetings:meeting-list")).content.decode()

    select = re.search(r'<select name="organisation".*?</select>', content, re.S).group()
    options = re.findall(r'<option value="([^"]+)"[^>]*>([^<]*)</option>', select)
    assert [label for _value, label in options] == ["Beta &amp; &lt;Co&gt; (BC)", "Агентство"]
    assert dict(options)[zeta.slug] == "Агентство"
    assert "Secret" not in content and "No meetings" not in content


def test_list_bad_organisation_shows_error_not_500(client):
    MeetingFactory(title="Meeting")

    response = client.get(LIST, {"organisation": "no-such-organisation"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_list_filters_by_gcm_objective(client):
    linked = MeetingFactory(title="On skills")
    linked.gcm_objectives.add(GCMObjective.objects.get(number=18))
    MeetingFactory(title="On something else")

    response = client.get(LIST, {"objective": 18})

    assert titles(response) == ["On skills"]


def test_list_search_covers_title_summary_and_venue(client):
    MeetingFactory(title="Data workshop", summary="Statistics")
    MeetingFactory(title="Other", summary="Remittances and diaspora")
    MeetingFactory(title="Third", venue="UN House, Baku", summary="")

    assert titles(client.get(LIST, {"q": "data"})) == ["Data workshop"]
    assert titles(client.get(LIST, {"q": "DIASPORA"})) == ["Other"]
    assert titles(client.get(LIST, {"q": "un house"})) == ["Third"]
    assert titles(client.get(LIST, {"q": "nothing like it"})) == []


def test_list_bad_filter_value_shows_error_not_500(client):
    MeetingFactory(title="Meeting")

    response = client.get(LIST, {"kind": "<script>x</script>", "objective": "99"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert "<script>x</script>" not in response.content.decode()


def test_list_paginates_and_keeps_filters_in_page_links(client):
    for day in range(25):
        MeetingFactory(start=in_days(day + 1), end=in_days(day + 1, hour=12))

    first = client.get(LIST, {"kind": "coordination"})
    second = client.get(LIST, {"kind": "coordination", "page": 2})

    assert len(first.context["meetings"]) == 20
    assert len(second.context["meetings"]) == 5
    assert "kind=coordination&amp;page=2" in first.content.decode()


def test_list_query_count_constant_as_meetings_grow(client, django_assert_max_num_queries):
    MeetingFactory.create_batch(2)
    with django_assert_max_num_queries(5) as few:
        client.get(LIST)
    for _ in range(15):
        meeting = MeetingFactory(organiser=OrganisationFactory())
        ParticipationFactory.create_batch(2, meeting=meeting)
        meeting.gcm_objectives.add(GCMObjective.objects.get(number=1))

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LIST)

    assert len(response.context["meetings"]) == 17


# Meeting page


def test_meeting_page_shows_time_in_the_network_zone(client, settings):
    settings.TIME_ZONE = "Asia/Baku"
    start = datetime.datetime(2030, 3, 4, 7, 0, tzinfo=datetime.UTC)
    meeting = MeetingFactory(start=start, end=start + datetime.timedelta(minutes=90))

    content = client.get(meeting.get_absolute_url()).content.decode()

    assert "Monday 4 March 2030" in content
    assert "11:00–12:30" in content
    assert "Baku time (UTC+04:00)" in content
    assert "Asia/Baku" not in content


@pytest.mark.parametrize(
    "language, zone", [("az", "Vaxt: Bakı (UTC+04:00)"), ("ru", "Время: Баку (UTC+04:00)")]
)
def test_meeting_page_and_summary_name_the_zone_in_the_page_language(
    client, settings, language, zone
):
    settings.TIME_ZONE = "Asia/Baku"
    meeting = MeetingFactory()
    with translation.override(language):
        page = client.get(meeting.get_absolute_url()).content.decode()
        summary = client.get(reverse("meetings:meeting-print", args=[meeting.slug]))

    assert zone in page
    city = zone.split(": ")[1].split(" ")[0]
    assert city in summary.content.decode()
    assert "Asia/Baku" not in page + summary.content.decode()


def test_meeting_page_shows_agenda_speakers_and_published_summaries_in_order(client):
    meeting = MeetingFactory()
    opening = AgendaItemFactory(meeting=meeting, order=1, title="Opening session")
    AgendaItemFactory(meeting=meeting, order=2, title="Updates")
    RemarkFactory(
        agenda_item=opening,
        order=2,
        speaker=PersonFactory(name="Second Speaker", consent_public_listing=True),
        speaker_role="Chief of Mission",
        summary="Spoke second.",
    )
    RemarkFactory(
        agenda_item=opening,
        order=1,
        speaker=PersonFactory(name="First Speaker", consent_public_listing=True),
        speaker_role="Resident Coordinator",
        summary="Spoke first.",
    )
    RemarkFactory(
        agenda_item=opening,
        order=3,
        speaker=PersonFactory(name="Planned Speaker", consent_public_listing=True),
        summary="Not yet published.",
        status="delivered",
    )

    content = client.get(meeting.get_absolute_url()).content.decode()

    order = [
        "Opening session",
        "First Speaker",
        "Resident Coordinator",
        "Spoke first.",
        "Second Speaker",
        "Chief of Mission",
        "Spoke second.",
        "Planned Speaker",
        "Updates",
    ]
    positions = [content.index(text) for text in order]
    assert positions == sorted(positions)
    assert "Not yet published." not in content


def test_meeting_page_never_names_a_speaker_without_consent_nor_shows_contacts(client):
    meeting = MeetingFactory(online_link="https://meet.example.org/secret-room")
    private = PersonFactory(
        name="Private Person", email="private@example.org", consent_public_listing=False
    )
    RemarkFactory(agenda_item=AgendaItemFactory(meeting=meeting), speaker=private)
    meeting.chairs.add(private)

    content = client.get(meeting.get_absolute_url()).content.decode()

    assert "Private Person" not in content
    assert "private@example.org" not in content
    assert "A representative" in content
    assert "secret-room" not in content


def test_meeting_page_groups_participants_by_kind_from_data(client):
    meeting = past_meeting(3)
    ParticipationFactory(
        meeting=meeting,
        organisation=OrganisationFactory(name="UNHCR office", kind=Organisation.Kind.UN_AGENCY),
        representatives=2,
    )
    ParticipationFactory(
        meeting=meeting,
        organisation=OrganisationFactory(
            name="Embassy of Testland", kind=Organisation.Kind.DIPLOMATIC_MISSION
        ),
        representatives=1,
    )

    content = client.get(meeting.get_absolute_url()).content.decode()

    assert "Representatives of UN agencies and diplomatic missions took part" in content
    assert "3 people in all" in content
    assert content.index("UNHCR office") < content.index("Embassy of Testland")


def test_meeting_page_shows_outcomes_actions_and_carried_over_points(client):
    earlier = past_meeting(30, title="Earlier meeting")
    ActionPointFactory(meeting=earlier, text="Draft the work plan", status="in_progress")
    ActionPointFactory(
        meeting=past_meeting(40, visibility=Meeting.Visibility.MEMBERS),
        text="Confidential follow-up",
    )
    meeting = MeetingFactory()
    ActionPointFactory(meeting=meeting, kind=ActionPoint.Kind.OUTCOME, text="Agreed the plan")
    ActionPointFactory(meeting=meeting, text="Send the invitations", due_on=in_days(5).date())

    content = client.get(meeting.get_absolute_url()).content.decode()

    assert "Agreed the plan" in content
    assert "Send the invitations" in content
    assert "Carried over from earlier meetings" in content
    assert "Draft the work plan" in content
    assert "Confidential follow-up" not in content


def test_meeting_page_carries_over_only_the_most_recent_open_points(client):
    for days_ago in range(20, 40):
        ActionPointFactory(meeting=past_meeting(days_ago), text=f"Follow-up from {days_ago} days")
    meeting = MeetingFactory()

    content = client.get(meeting.get_absolute_url()).content.decode()

    assert "The 12 most recent open action points" in content
    assert "Follow-up from 20 days" in content and "Follow-up from 31 days" in content
    assert "Follow-up from 32 days" not in content


def test_meeting_page_lists_only_public_documents_to_the_public(client, admin_client):
    meeting = MeetingFactory()
    DocumentFactory(meeting=meeting, title="Public agenda")
    DocumentFactory(meeting=meeting, title="Internal notes", visibility=Document.Visibility.MEMBERS)

    public = client.get(meeting.get_absolute_url()).content.decode()
    staff = admin_client.get(meeting.get_absolute_url()).content.decode()

    assert "Public agenda" in public and "Internal notes" not in public
    assert "Internal notes" in staff


def test_meeting_page_shows_adopted_minutes_but_not_circulated_drafts(client):
    circulated = MinutesFactory(
        status="circulated", circulated_on=in_days(-3).date(), text="Draft minutes text"
    )
    adopted = MinutesFactory(
        meeting=past_meeting(60),
        status="adopted",
        circulated_on=in_days(-50).date(),
        adopted_at=past_meeting(5),
        text="Adopted minutes text",
    )

    draft_page = client.get(circulated.meeting.get_absolute_url()).content.decode()
    adopted_page = client.get(adopted.meeting.get_absolute_url()).content.decode()

    assert "Draft minutes text" not in draft_page
    assert "circulated to members" in draft_page
    assert "Adopted minutes text" in adopted_page


def test_meeting_page_links_related_gcm_objectives(client):
    meeting = MeetingFactory()
    meeting.gcm_objectives.add(GCMObjective.objects.get(number=6))

    content = client.get(meeting.get_absolute_url()).content.decode()

    assert "Related GCM objectives" in content
    assert "Recruitment and decent work" in content


@pytest.mark.parametrize(
    ("status", "visibility"),
    [("draft", "public"), ("published", "members"), ("draft", "members")],
)
def test_hidden_meeting_pages_are_404_for_the_public(client, status, visibility):
    meeting = MeetingFactory(status=status, visibility=visibility)

    for name in ["meeting-detail", "meeting-ics", "meeting-print"]:
        response = client.get(reverse(f"meetings:{name}", kwargs={"slug": meeting.slug}))
        assert response.status_code == 404, name


def test_draft_page_is_a_preview_for_staff(admin_client):
    meeting = MeetingFactory(status=Meeting.Status.DRAFT)

    response = admin_client.get(meeting.get_absolute_url())

    assert response.status_code == 200
    assert "Preview of a draft" in response.content.decode()


def test_cancelled_meeting_keeps_its_page_and_says_so(client):
    meeting = MeetingFactory(status=Meeting.Status.CANCELLED)

    response = client.get(meeting.get_absolute_url())

    assert response.status_code == 200
    assert "This meeting was cancelled." in response.content.decode()


# The meeting with its RSVP settings, its confirmed answers' count and the participants who
# agreed to be named (meetings.rows.NamedParticipants), and in the same statement its whole record
# (meetings.record: agenda and remarks, chairs, participations, the kinds present without names,
# its GCM objectives and UNSDCF priorities, documents, activities, minutes, and its own and
# carried-over action points): 1 query, whatever the meeting holds.
MEETING_PAGE_QUERIES = 1


def test_meeting_page_query_count_constant_as_programme_grows(client, django_assert_num_queries):
    meeting = MeetingFactory()
    RemarkFactory(agenda_item=AgendaItemFactory(meeting=meeting, order=1))
    ParticipationFactory(meeting=meeting)
    ActionPointFactory(meeting=meeting)
    DocumentFactory(meeting=meeting)
    meeting.chairs.add(PersonFactory(consent_public_listing=True))
    with django_assert_num_queries(MEETING_PAGE_QUERIES):
        client.get(meeting.get_absolute_url())
    for order in range(2, 12):
        item = AgendaItemFactory(meeting=meeting, order=order)
        RemarkFactory.create_batch(3, agenda_item=item)
    ParticipationFactory.create_batch(20, meeting=meeting)
    ActionPointFactory.create_batch(8, meeting=meeting)
    ActionPointFactory.create_batch(5, meeting=past_meeting(20))
    DocumentFactory.create_batch(5, meeting=meeting)
    meeting.chairs.add(*PersonFactory.create_batch(3, consent_public_listing=True))
    meeting.gcm_objectives.add(*GCMObjective.objects.filter(number__lte=5))
    meeting.priorities.add(*StrategicPriorityFactory.create_batch(3))
    for activity in ActivityFactory.create_batch(4):
        activity.meetings.add(meeting)
        activity.partners.add(OrganisationFactory(), OrganisationFactory())

    with django_assert_num_queries(MEETING_PAGE_QUERIES):
        response = client.get(meeting.get_absolute_url())

    assert response.content.decode().count("Strategic priority") == 3
    assert response.content.decode().count('class="remark"') == 31
    assert response.content.decode().count("Synergy") == 4


def test_meeting_page_lists_activities_and_participants_by_the_name_shown(client):
    """In Azerbaijani, a title or name without its translation is shown (and sorted) in the
    default language, not put first as an empty column."""
    meeting = MeetingFactory()
    for title_en, title_az in [("Zeta mapping", "Alfa xəritəsi"), ("Beta survey", "")]:
        ActivityFactory(title=title_en, title_az=title_az).meetings.add(meeting)
    for name_en, name_az in [("Zulu Agency", "Aqentlik"), ("Bravo Mission", None)]:
        organisation = OrganisationFactory(name_en=name_en, name_az=name_az, acronym="")
        ParticipationFactory(meeting=meeting, organisation=organisation)
    with translation.override("az"):
        url = meeting.get_absolute_url()

    content = client.get(url).content.decode()

    assert content.index("Alfa xəritəsi") < content.index("Beta survey")
    assert content.index(">Aqentlik<") < content.index(">Bravo Mission<")


def test_meeting_page_carries_over_points_by_the_meeting_s_local_day(client):
    """A point completed the day before the meeting (in Baku) is not carried over, though that
    day is the meeting's own in UTC (00:30 in Baku is 20:30 the evening before in UTC)."""
    baku = zoneinfo.ZoneInfo("Asia/Baku")
    start = datetime.datetime(2030, 3, 5, 0, 30, tzinfo=baku)
    meeting = MeetingFactory(start=start, end=start + datetime.timedelta(hours=2))
    earlier = MeetingFactory(kind=meeting.kind, start=start - datetime.timedelta(days=30))
    day_before, same_day = datetime.date(2030, 3, 4), datetime.date(2030, 3, 5)
    for text, completed_on in [
        ("Closed the day before", day_before),
        ("Closed that day", same_day),
    ]:
        ActionPointFactory(
            meeting=earlier, text=text, status=ActionPoint.Status.DONE, completed_on=completed_on
        )
    ActionPointFactory(meeting=earlier, text="Still open", status=ActionPoint.Status.OPEN)

    content = client.get(meeting.get_absolute_url()).content.decode()

    assert "Carried over from earlier meetings" in content
    assert "Closed that day" in content
    assert "Still open" in content
    assert "Closed the day before" not in content


def test_action_point_without_a_responsible_organisation_names_none(client):
    meeting = MeetingFactory()
    ActionPointFactory(meeting=meeting, text="Agree the dates", responsible=None)
    ParticipationFactory(meeting=meeting, representatives=None)

    content = client.get(meeting.get_absolute_url()).content.decode()

    assert "Agree the dates" in content
    assert "None" not in content
    assert "Responsible:" not in content
    assert "representative" not in content


def test_meeting_page_shows_members_only_documents_to_staff_alone(client, admin_client):
    meeting = MeetingFactory()
    DocumentFactory(meeting=meeting, title="Public concept note")
    DocumentFactory(meeting=meeting, title="Internal briefing", visibility="members")

    public = client.get(meeting.get_absolute_url()).content.decode()
    staff = admin_client.get(meeting.get_absolute_url()).content.decode()

    assert "Public concept note" in public
    assert "Internal briefing" not in public
    assert "Internal briefing" in staff
    assert "members only" in staff


def test_staff_read_a_draft_s_page_and_its_record_in_one_query(
    admin_client, django_assert_num_queries
):
    """Staff get the page built for them (drafts, members-only documents), its record in the
    meeting's own query as the public's: beside it, only the session and the user are read."""
    meeting = MeetingFactory(status=Meeting.Status.DRAFT)
    ActionPointFactory(meeting=meeting, text="Point of the draft")
    DocumentFactory(meeting=meeting, title="Internal briefing", visibility="members")
    admin_client.get(meeting.get_absolute_url())

    with django_assert_num_queries(MEETING_PAGE_QUERIES + 2) as queries:
        content = admin_client.get(meeting.get_absolute_url()).content.decode()

    assert "Point of the draft" in content and "Internal briefing" in content
    sql = [query["sql"] for query in queries.captured_queries]
    assert sum('FROM "meetings_meeting"' in statement for statement in sql) == 1


def test_meeting_page_names_its_priorities_newest_framework_first_in_the_page_language(client):
    """The priorities are read in the meeting's own query, as its objectives."""
    older = CooperationFrameworkFactory(start_year=2016, end_year=2020)
    current = CooperationFrameworkFactory(start_year=2021, end_year=2025)
    meeting = MeetingFactory()
    meeting.priorities.add(
        StrategicPriorityFactory(framework=current, number=2, title="Inclusive growth"),
        StrategicPriorityFactory(framework=older, number=1, title="Earlier & <b>bold</b>"),
        StrategicPriorityFactory(
            framework=current, number=1, title="People", title_az="İnsanlar", title_ru=""
        ),
    )

    english = client.get(meeting.get_absolute_url()).content.decode()
    with translation.override("az"):
        azerbaijani = client.get(meeting.get_absolute_url()).content.decode()
    with translation.override("ru"):
        russian = client.get(meeting.get_absolute_url()).content.decode()

    items = ["Priority 1: People", "Priority 2: Inclusive growth"]
    items.append("Priority 1: Earlier &amp; &lt;b&gt;bold&lt;/b&gt;")
    assert "UNSDCF priorities" in english
    positions = [english.index(f'<li class="mb-1">{item}</li>') for item in items]
    assert positions == sorted(positions)
    assert "<b>bold" not in english
    assert ": İnsanlar</li>" in azerbaijani
    assert ": People</li>" in russian  # no Russian title: the next language in the fallbacks
    assert [str(p) for p in meeting.linked_priorities()] == [
        "Priority 1: People",
        "Priority 2: Inclusive growth",
        "Priority 1: Earlier & <b>bold</b>",
    ]


@pytest.mark.parametrize("language", ["en", "az", "ru"])
def test_meeting_page_names_its_objectives_in_order_in_the_page_language(client, language):
    meeting = MeetingFactory()
    meeting.gcm_objectives.add(*GCMObjective.objects.filter(number__in=[7, 1, 23]))
    with translation.override(language):
        url = meeting.get_absolute_url()
        expected = [
            (o.number, o.short_label) for o in GCMObjective.objects.filter(number__in=[1, 7, 23])
        ]

    response = client.get(url)

    shown = [(o.number, o.short_label) for o in response.context["record"].objectives]
    assert shown == sorted(expected)
    content = response.content.decode()
    positions = [content.index(f">{escape(label)}</a>") for _number, label in expected]
    assert positions == sorted(positions)


def test_meeting_page_objective_label_falls_back_to_the_default_language(client):
    meeting = MeetingFactory()
    objective = GCMObjective.objects.get(number=4)
    objective.short_label_az = ""
    objective.save()
    meeting.gcm_objectives.add(objective)
    with translation.override("az"):
        url = meeting.get_absolute_url()

    response = client.get(url)

    assert f">{escape(objective.short_label_en)}</a>" in response.content.decode()


HOSTILE = """<script>alert("x")</script> & 'quoted'"""


def test_meeting_page_escapes_hostile_text_in_the_rows_drawn_in_python(client):
    """The action points, those carried over and the named participants are drawn by
    meetings.rows, not by the template: every value escaped as the template escapes it."""
    responsible = OrganisationFactory(name_en=f"Agency {HOSTILE}", acronym="")
    earlier = past_meeting(30, title=f"Earlier {HOSTILE}")
    ActionPointFactory(meeting=earlier, text=f"Carried {HOSTILE}", responsible=responsible)
    meeting = open_meeting()
    ActionPointFactory(
        meeting=meeting, text=f"Own {HOSTILE}", responsible=responsible, due_on=in_days(-3).date()
    )
    RSVPFactory(
        meeting=meeting,
        name=f"Named {HOSTILE}",
        organisation=None,
        organisation_name=f"Written {HOSTILE}",
        consent_public_listing=True,
    )
    RSVPFactory(meeting=meeting, name="Plain Name", organisation=None, consent_public_listing=True)

    content = client.get(meeting.get_absolute_url()).content.decode()

    assert "<script>" not in content and "'quoted'" not in content
    for text in ("Carried", "Own", "Responsible: Agency", "Earlier", "Named", "Written"):
        assert escape(f"{text} {HOSTILE}") in content
    assert "(overdue)" in content
    assert f'<a href="{earlier.get_absolute_url()}">' in content
    assert "<li>Plain Name</li>" in content  # no organisation, no separator


@pytest.mark.parametrize("language", ["en", "az"])
def test_named_participants_are_read_by_name_only_in_the_meeting_s_query(
    client, django_assert_num_queries, language
):
    meeting = open_meeting()
    RemarkFactory(agenda_item=AgendaItemFactory(meeting=meeting, order=1))
    for n in range(6):
        organisation = OrganisationFactory(
            acronym="", name_en=f"Agency {n}", name_az=f"Agentlik {n}"
        )
        RSVPFactory(meeting=meeting, organisation=organisation, consent_public_listing=True)
    with translation.override(language):
        url = meeting.get_absolute_url()

    with django_assert_num_queries(MEETING_PAGE_QUERIES):
        response = client.get(url)

    names = {"en": "Agency", "az": "Agentlik"}[language]
    assert response.content.decode().count(f"· {names} ") == 6
    # In the meeting's own query, compiled once (and prepared on PostgreSQL, so the query sent
    # may be an EXECUTE): names and organisations, never an address.
    (meeting_query,) = {
        compiled.sql
        for (code, *_), compiled in public_meeting_page_with_record.compiled.items()
        if code == language
    }
    participants = meeting_query[meeting_query.index('FROM "meetings_rsvp"') - 300 :]
    assert '"U0"."name"' in participants and '"U0"."organisation_name"' in participants
    assert "email" not in meeting_query and "phone" not in meeting_query


def test_meeting_page_taking_answers_costs_no_more_queries_as_answers_come(
    client, django_assert_num_queries
):
    meeting = open_meeting()
    RemarkFactory(agenda_item=AgendaItemFactory(meeting=meeting, order=1))
    earlier = past_meeting(20)
    with django_assert_num_queries(MEETING_PAGE_QUERIES):
        client.get(meeting.get_absolute_url())
    RSVPFactory.create_batch(30, meeting=meeting)
    RSVPFactory.create_batch(5, meeting=meeting, consent_public_listing=True)
    RSVPFactory.create_batch(4, meeting=meeting, status=RSVP.Status.WAITLISTED)
    ActionPointFactory.create_batch(3, meeting=meeting, kind=ActionPoint.Kind.OUTCOME)
    ActionPointFactory.create_batch(15, meeting=earlier, kind=ActionPoint.Kind.ACTION)

    with django_assert_num_queries(MEETING_PAGE_QUERIES):
        response = client.get(meeting.get_absolute_url())

    content = response.content.decode()
    assert response.context["rsvp_confirmed_count"] == 35
    assert len(response.context["rsvp_participants"]) == 5
    record = response.context["record"]
    assert len(record.outcomes) == 3
    assert len(record.carried_over) == 12
    assert record.carried_over_truncated
    assert "35 confirmed" in content


# Calendar


def test_ics_parses_and_carries_the_right_times_and_zone(client):
    start = datetime.datetime(2030, 3, 4, 7, 0, tzinfo=datetime.UTC)
    meeting = MeetingFactory(
        title="Coordination meeting",
        start=start,
        end=start + datetime.timedelta(hours=2),
        online_link="https://meet.example.org/secret",
    )

    response = client.get(reverse("meetings:meeting-ics", kwargs={"slug": meeting.slug}))

    assert response["Content-Type"].startswith("text/calendar")
    assert f'filename="{meeting.slug}.ics"' in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Coordination meeting"
    assert event.decoded("dtstart") == start
    assert event.decoded("dtend") == start + datetime.timedelta(hours=2)
    assert event["dtstart"].params["TZID"] == "Asia/Baku"
    assert event.decoded("dtstart").tzinfo == zoneinfo.ZoneInfo("Asia/Baku")
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Baku"]
    assert meeting.get_absolute_url() in str(event["url"])
    assert b"secret" not in response.content


def test_ics_marks_a_cancelled_meeting(client):
    meeting = MeetingFactory(status=Meeting.Status.CANCELLED)

    response = client.get(reverse("meetings:meeting-ics", kwargs={"slug": meeting.slug}))

    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["status"]) == "CANCELLED"


def test_feed_lists_every_public_meeting_and_nothing_hidden(client, admin_client):
    MeetingFactory(title="Public one")
    past_meeting(100, title="Public past one")
    MeetingFactory(title="Draft one", status=Meeting.Status.DRAFT)
    MeetingFactory(title="Closed one", visibility=Meeting.Visibility.MEMBERS)

    for visitor in (client, admin_client):
        response = visitor.get(reverse("meetings:meeting-feed"))
        calendar = icalendar.Calendar.from_ical(response.content)
        summaries = sorted(str(e["summary"]) for e in calendar.walk("VEVENT"))
        assert summaries == ["Public one", "Public past one"]


# Print and home


def test_printable_summary_reads_like_a_news_item(client):
    iom = OrganisationFactory(name="IOM Azerbaijan")
    start = datetime.datetime(2021, 5, 31, 7, tzinfo=datetime.UTC)
    meeting = MeetingFactory(
        organiser=iom, start=start, end=start + datetime.timedelta(hours=2), format="online"
    )
    ParticipationFactory(meeting=meeting, organisation=iom)
    opening = AgendaItemFactory(meeting=meeting, kind="opening", title="Opening session")
    RemarkFactory(
        agenda_item=opening,
        speaker=PersonFactory(name="Ghulam Isaczai", honorific="Mr.", consent_public_listing=True),
        speaker_role="UN Resident Coordinator in Azerbaijan",
    )

    content = client.get(
        reverse("meetings:meeting-print", kwargs={"slug": meeting.slug})
    ).content.decode()

    assert "On 31 May 2021, IOM Azerbaijan organised an online coordination meeting." in content
    assert "Representatives of UN agencies attended the meeting." in content
    assert (
        "Participants were welcomed by Mr. Ghulam Isaczai, UN Resident Coordinator in Azerbaijan."
        in content
    )


def test_home_shows_next_public_meetings_and_latest_past_ones(client):
    MeetingFactory(title="Next meeting", start=in_days(3), end=in_days(3, hour=12))
    MeetingFactory(title="Hidden draft", status=Meeting.Status.DRAFT)
    MeetingFactory(title="Closed briefing", visibility=Meeting.Visibility.MEMBERS)
    past_meeting(20, title="Last month's meeting")

    response = client.get(reverse("home"))

    content = response.content.decode()
    assert "Next meeting" in content
    assert "Last month&#x27;s meeting" in content
    assert "Hidden draft" not in content and "Closed briefing" not in content
    assert content.index("Next meeting") < content.index("Last month&#x27;s meeting")
    assert reverse("meetings:meeting-list") in content


def test_home_without_meetings_says_so(client):
    content = client.get(reverse("home")).content.decode()

    assert "No meeting is scheduled at the moment." in content


def test_meeting_page_lists_published_activities_that_serve_it(client):
    meeting = MeetingFactory()
    shown = ActivityFactory(title="Joint assessment of migration data gaps")
    hidden = ActivityFactory(title="Internal draft activity", is_published=False)
    shown.meetings.add(meeting)
    hidden.meetings.add(meeting)

    content = client.get(meeting.get_absolute_url()).content.decode()

    assert "Joint assessment of migration data gaps" in content
    assert shown.get_absolute_url() in content
    assert "Internal draft activity" not in content


# Worded for past and future

WHEN = {"past": lambda **kw: past_meeting(3, **kw), "upcoming": lambda **kw: MeetingFactory(**kw)}


@pytest.mark.parametrize("when", ["past", "upcoming"])
def test_meeting_page_says_took_part_only_once_the_meeting_took_place(client, when):
    meeting = WHEN[when]()
    ParticipationFactory(meeting=meeting, organisation=OrganisationFactory(name="UNHCR office"))

    content = client.get(meeting.get_absolute_url()).content.decode()
    summary = client.get(reverse("meetings:meeting-print", args=[meeting.slug])).content.decode()

    if when == "past":
        assert "Who took part" in content
        assert "Representatives of UN agencies took part: 1 organisation." in content
        assert "Representatives of UN agencies attended the meeting." in summary
    else:
        assert "took part" not in content and "attended" not in summary
        assert "Who is taking part" in content
        assert "Representatives of UN agencies are expected: 1 organisation so far." in content
        assert "Representatives of UN agencies are expected." in summary
    assert "UNHCR office" in content


@pytest.mark.parametrize("when", ["past", "upcoming"])
def test_meeting_page_offers_joining_note_and_calendar_only_before_the_meeting(client, when):
    meeting = WHEN[when](format=Meeting.Format.ONLINE)

    content = client.get(meeting.get_absolute_url()).content.decode()

    primary = re.search(r'<a class="btn btn-primary"[^>]*>(.*?)</a>', content, re.S).group(1)
    if when == "past":
        assert "joining link" not in content
        assert "Add to calendar" not in content
        assert "Printable summary" in primary
    else:
        assert "The joining link is sent to confirmed participants." in content
        assert "Add to calendar" in primary


@pytest.mark.parametrize("when", ["past", "upcoming"])
def test_speaker_and_chair_without_consent_are_named_by_their_organisation(client, when):
    meeting = WHEN[when]()
    ilo = OrganisationFactory(name="International Labour Organization", acronym="ILO")
    officer = PersonFactory(
        name="Sabina Jafarova",
        position="Labour Migration Officer",
        organisation=ilo,
        consent_public_listing=False,
    )
    RemarkFactory(agenda_item=AgendaItemFactory(meeting=meeting), speaker=officer)
    meeting.chairs.add(officer)

    content = client.get(meeting.get_absolute_url()).content.decode()
    summary = client.get(reverse("meetings:meeting-print", args=[meeting.slug])).content.decode()

    assert content.count("A representative of International Labour Organization") == 2
    assert "A representative of International Labour Organization" in summary
    for page in (content, summary):
        assert "Sabina Jafarova" not in page
        assert "Labour Migration Officer" not in page
        assert "representative," not in page


def test_speaker_with_consent_keeps_name_role_and_organisation(client):
    officer = PersonFactory(
        name="Sabina Jafarova",
        honorific="Ms.",
        position="Labour Migration Officer",
        organisation=OrganisationFactory(acronym="ILO"),
        consent_public_listing=True,
    )
    meeting = past_meeting(3)
    RemarkFactory(agenda_item=AgendaItemFactory(meeting=meeting), speaker=officer)

    content = client.get(meeting.get_absolute_url()).content.decode()

    assert (
        'Ms. Sabina Jafarova</span>, <span class="remark-role">Labour Migration Officer' in content
    )
    assert "(ILO)" in content


@pytest.mark.parametrize("when", ["past", "upcoming"])
def test_carried_over_points_are_those_of_the_same_line_of_work(client, when):
    meeting = WHEN[when](kind=Meeting.Kind.WORKING_GROUP)
    ActionPointFactory(
        meeting=past_meeting(30, kind=Meeting.Kind.WORKING_GROUP), text="Map labour migration data"
    )
    ActionPointFactory(
        meeting=past_meeting(20, kind=Meeting.Kind.COORDINATION), text="Update the network's ToR"
    )

    content = client.get(meeting.get_absolute_url()).content.decode()

    assert "Carried over from earlier meetings" in content
    assert "Map labour migration data" in content
    assert "Update the network&#x27;s ToR" not in content and "network's ToR" not in content


def test_carried_over_points_of_hidden_meetings_are_for_those_who_may_see_them(
    client, admin_client
):
    """The points of a draft or a members-only meeting are carried over for staff alone: the
    visibility is checked on the earlier meeting joined to its points."""
    ActionPointFactory(meeting=past_meeting(30), text="Public follow-up")
    ActionPointFactory(
        meeting=past_meeting(25, status=Meeting.Status.DRAFT), text="Follow-up of a draft"
    )
    ActionPointFactory(
        meeting=past_meeting(20, visibility=Meeting.Visibility.MEMBERS),
        text="Follow-up among members",
    )
    meeting = MeetingFactory()

    public = client.get(meeting.get_absolute_url()).content.decode()
    staff = admin_client.get(meeting.get_absolute_url()).content.decode()

    assert "Public follow-up" in public
    assert "Follow-up of a draft" not in public and "Follow-up among members" not in public
    assert all(text in staff for text in ("Public", "of a draft", "among members"))


def test_a_carried_over_point_says_which_meeting_it_comes_from_in_each_language(client):
    """ "from" a meeting is not the "from" (start date) of a position held: in Azerbaijani it read
    "başlama tarixi" (start date) before it had a context of its own."""
    earlier = past_meeting(30, title_en="Earlier meeting")
    ActionPointFactory(meeting=earlier, text_en="Draft the work plan")
    meeting = MeetingFactory()

    pages = {}
    for language in ("en", "az", "ru"):
        with translation.override(language):
            pages[language] = client.get(meeting.get_absolute_url()).content.decode()

    assert "· from <a href=" in pages["en"]
    assert "· mənbə: <a href=" in pages["az"] and "başlama tarixi" not in pages["az"]
    assert "· источник: <a href=" in pages["ru"]


@pytest.mark.parametrize("when", ["past", "upcoming"])
def test_invitation_to_answer_comes_right_after_the_title_of_an_upcoming_meeting(client, when):
    meeting = WHEN[when](format=Meeting.Format.IN_PERSON, venue="UN House, Baku")
    RSVPSettingsFactory(meeting=meeting, opens_at=meeting.start - datetime.timedelta(days=30))

    content = client.get(meeting.get_absolute_url()).content.decode()

    if when == "past":
        assert "Will you attend?" not in content and "Answer the invitation" not in content
        assert "This meeting has already taken place." in content
    else:
        after_title = content[content.index("</h1>") :]
        assert after_title.index('id="rsvp-invitation"') < after_title.index('class="badge')
        assert content.count("Answer the invitation") == 1


def test_list_and_home_mark_the_meetings_that_take_answers(client):
    open_now = MeetingFactory(title="Open working group", start=in_days(5))
    RSVPSettingsFactory(meeting=open_now)
    not_yet = MeetingFactory(title="Not yet open")
    RSVPSettingsFactory(meeting=not_yet, opens_at=in_days(3))
    closed = MeetingFactory(title="Closed early", start=in_days(20))
    RSVPSettingsFactory(meeting=closed, opens_at=in_days(-10), closes_at=in_days(-1))
    past = past_meeting(2, title="Already held")
    RSVPSettingsFactory(meeting=past, opens_at=in_days(-10), closes_at=None)
    members = MeetingFactory(title="Members only", visibility=Meeting.Visibility.MEMBERS)
    RSVPSettingsFactory(meeting=members)
    MeetingFactory(title="No online answers")

    for url in (LIST, reverse("home")):
        content = client.get(url).content.decode()
        cards = dict(re.findall(r">([^<>]+)</a></h3>(.*?)</article>", content, re.S))
        marked = sorted(title for title, body in cards.items() if "Taking answers" in body)
        assert marked == ["Open working group"], url


def test_list_marks_open_meetings_without_a_query_per_meeting(
    client, django_assert_max_num_queries
):
    RSVPSettingsFactory(meeting=MeetingFactory())
    with django_assert_max_num_queries(5) as few:
        client.get(LIST)
    for _ in range(10):
        RSVPSettingsFactory(meeting=MeetingFactory())

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LIST)
    with django_assert_max_num_queries(len(few.captured_queries)):
        home = client.get(reverse("home"))

    assert response.content.decode().count("Taking answers") == 11
    assert home.content.decode().count("Taking answers") == 3
