import datetime
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from meetings.models import RSVP, Meeting
from tests.meetings.rsvp_factories import (
    MeetingFactory,
    RSVPFactory,
    RSVPSettingsFactory,
    _fresh_rate_limit,  # noqa: F401
    answer,
    open_meeting,
)
from tests.members.factories import OrganisationFactory
from unnm.models import OutgoingMail

pytestmark = pytest.mark.django_db


def rsvp_url(meeting):
    return reverse("meetings:rsvp-create", kwargs={"slug": meeting.slug})


def post(client, meeting, data, capture):
    with capture(execute=True):
        return client.post(rsvp_url(meeting), data, follow=True)


def test_rsvp_happy_path_confirms_and_mails_the_personal_link(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = open_meeting(capacity=10)

    response = post(client, meeting, answer(), django_capture_on_commit_callbacks)

    rsvp = RSVP.objects.get()
    assert rsvp.status == RSVP.Status.CONFIRMED
    assert rsvp.privacy_accepted_at is not None
    assert rsvp.consent_public_listing is False
    content = response.content.decode()
    assert "please check your mailbox" in content  # the status is in the mail only (#9)
    assert "confirmed" in mailoutbox[0].body
    assert "l••••@example.org" in content
    assert rsvp.token not in content  # the link goes to the inbox, not to whoever typed it
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["leyla@example.org"]
    assert rsvp.get_absolute_url() in mailoutbox[0].body
    assert OutgoingMail.objects.get().status == OutgoingMail.Status.SENT


def test_rsvp_member_organisation_can_be_picked(client, django_capture_on_commit_callbacks):
    meeting = open_meeting()
    unicef = OrganisationFactory(name="UNICEF")

    post(
        client,
        meeting,
        answer(organisation=unicef.pk, organisation_name=""),
        django_capture_on_commit_callbacks,
    )

    assert RSVP.objects.get().organisation == unicef


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": ""}, "This field is required."),
        ({"email": ""}, "This field is required."),
        ({"email": "not-an-email"}, "Enter a valid email address."),
        ({"name": "x" * 201}, "Ensure this value has at most 200 characters"),
        ({"needs": "x" * 1001}, "Ensure this value has at most 1000 characters"),
        ({"organisation_name": ""}, "Choose your organisation from the list or type its name."),
        ({"privacy_accepted": None}, "Please accept the privacy notice to answer."),
        ({"website": "http://spam.example"}, "Your answer could not be accepted."),
    ],
)
def test_rsvp_bad_input_shows_message_and_writes_nothing(
    client, mailoutbox, overrides, message, django_capture_on_commit_callbacks
):
    meeting = open_meeting()

    response = post(client, meeting, answer(**overrides), django_capture_on_commit_callbacks)

    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert "nothing has been saved yet" in content
    assert RSVP.objects.count() == 0
    assert OutgoingMail.objects.count() == 0
    assert mailoutbox == []


def test_rsvp_errors_are_tied_to_their_fields_for_screen_readers(client):
    meeting = open_meeting()

    response = client.post(rsvp_url(meeting), answer(email="bad"))

    content = response.content.decode()
    assert 'aria-invalid="true"' in content or "is-invalid" in content
    assert 'for="id_email"' in content


def test_rsvp_error_summary_links_each_field_to_correct(client):
    meeting = open_meeting()

    response = client.post(rsvp_url(meeting), answer(email="bad"))

    content = response.content.decode()
    assert "data-error-summary" in content and 'tabindex="-1"' in content
    assert '<a class="alert-link" href="#id_email">Email</a>' in content
    assert "js/forms.js" in content  # the script that moves the focus to the summary


def test_rsvp_form_labels_are_not_repeated_by_their_fieldset(client):
    meeting = open_meeting(meeting_format=Meeting.Format.HYBRID)

    response = client.post(rsvp_url(meeting), answer(name=""))

    content = response.content.decode()
    labels = [
        re.sub(r"<[^>]+>|\*|\s+", " ", text).strip()
        for text in re.findall(r"<(?:legend|label)[^>]*>(.*?)</(?:legend|label)>", content, re.S)
    ]
    assert len(labels) == len(set(labels)), labels
    assert "How will you attend?" in labels


def test_rsvp_same_email_in_other_case_makes_no_duplicate(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = open_meeting()
    first = RSVPFactory(meeting=meeting, email="leyla@example.org", name="Leyla Aliyeva")

    response = post(
        client,
        meeting,
        answer(email="LEYLA@Example.ORG", name="Someone Else"),
        django_capture_on_commit_callbacks,
    )

    assert RSVP.objects.count() == 1
    first.refresh_from_db()
    assert first.name == "Leyla Aliyeva"  # a stranger cannot overwrite the answer
    assert "please check your mailbox" in response.content.decode()
    assert "already answered" not in response.content.decode()
    assert len(mailoutbox) == 1
    assert first.get_absolute_url() in mailoutbox[0].body


def test_rsvp_duplicate_email_refused_by_the_database():
    meeting = open_meeting()
    RSVPFactory(meeting=meeting, email="a@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        # bypass save(), which lowercases, to prove the constraint itself ignores case
        RSVP.objects.bulk_create([RSVP(meeting=meeting, name="B", email="A@Example.org")])


@pytest.mark.parametrize(
    ("meeting_kwargs", "settings_kwargs", "message"),
    [
        ({"status": Meeting.Status.CANCELLED}, {}, "This meeting has been cancelled."),
        (
            {
                "start": timezone.now() - datetime.timedelta(days=2),
                "end": timezone.now() - datetime.timedelta(days=2, hours=-2),
            },
            {"closes_at": None},
            "This meeting has already taken place.",
        ),
        (
            {},
            {
                "closes_at": timezone.now() - datetime.timedelta(hours=1),
                "opens_at": timezone.now() - datetime.timedelta(days=3),
            },
            "Answers closed on",
        ),
        ({}, {"opens_at": timezone.now() + datetime.timedelta(days=1)}, "not open yet"),
    ],
)
def test_rsvp_refused_when_meeting_does_not_take_answers(
    client, meeting_kwargs, settings_kwargs, message
):
    meeting = MeetingFactory(**meeting_kwargs)
    RSVPSettingsFactory(meeting=meeting, **settings_kwargs)

    page = client.get(rsvp_url(meeting))
    response = client.post(rsvp_url(meeting), answer())

    assert message in page.content.decode()
    assert response.status_code == 403
    assert message in response.content.decode()
    assert RSVP.objects.count() == 0


@pytest.mark.parametrize(
    ("meeting_kwargs", "message"),
    [
        ({"status": Meeting.Status.DRAFT}, "This meeting is not published."),
        (
            {"visibility": Meeting.Visibility.MEMBERS},
            "This meeting is for invited participants only",
        ),
    ],
)
def test_rsvp_form_of_a_hidden_meeting_tells_staff_why_it_takes_no_answers(
    admin_client, meeting_kwargs, message
):
    meeting = MeetingFactory(**meeting_kwargs)
    RSVPSettingsFactory(meeting=meeting)

    page = admin_client.get(rsvp_url(meeting))
    response = admin_client.post(rsvp_url(meeting), answer())

    assert message in page.content.decode()
    assert response.status_code == 403
    assert message in response.content.decode()
    assert RSVP.objects.count() == 0


@pytest.mark.parametrize(
    "meeting_kwargs",
    [{"status": Meeting.Status.DRAFT}, {"visibility": Meeting.Visibility.MEMBERS}],
    ids=["draft", "members-only"],
)
def test_rsvp_form_of_a_hidden_meeting_is_404_like_its_page(client, meeting_kwargs):
    meeting = MeetingFactory(title="Closed briefing", **meeting_kwargs)
    RSVPSettingsFactory(meeting=meeting)

    page = client.get(rsvp_url(meeting))
    response = client.post(rsvp_url(meeting), answer())

    assert client.get(meeting.get_absolute_url()).status_code == 404
    assert page.status_code == 404
    assert response.status_code == 404
    assert "Closed briefing" not in page.content.decode()
    assert RSVP.objects.count() == 0


def test_rsvp_refusal_of_members_only_meeting_does_not_reveal_its_title(client):
    meeting = MeetingFactory(visibility=Meeting.Visibility.MEMBERS, title="Closed briefing")
    RSVPSettingsFactory(meeting=meeting)

    response = client.get(rsvp_url(meeting))

    assert "Closed briefing" not in response.content.decode()


def test_rsvp_meeting_without_settings_takes_no_answers(client):
    meeting = MeetingFactory()

    response = client.post(rsvp_url(meeting), answer())

    assert "does not take answers online" in response.content.decode()
    assert RSVP.objects.count() == 0


def test_rsvp_rate_limit_per_address(
    client, settings, cache_backend, django_capture_on_commit_callbacks
):
    settings.RSVP_RATE_LIMIT = 2
    meeting = open_meeting()

    for n in range(2):
        post(client, meeting, answer(email=f"p{n}@example.org"), django_capture_on_commit_callbacks)
    response = client.post(rsvp_url(meeting), answer(email="p3@example.org"))
    other_address = client.post(
        rsvp_url(meeting), answer(email="p4@example.org"), REMOTE_ADDR="10.0.0.9"
    )

    assert response.status_code == 429
    assert "Too many answers" in response.content.decode()
    assert other_address.status_code == 302
    assert set(RSVP.objects.values_list("email", flat=True)) == {
        "p0@example.org",
        "p1@example.org",
        "p4@example.org",
    }


def test_rsvp_rate_limit_lifts_when_its_window_ends(
    client, settings, cache_backend, monkeypatch, django_capture_on_commit_callbacks
):
    settings.RSVP_RATE_LIMIT = 1
    settings.RSVP_RATE_WINDOW = 3600
    meeting = open_meeting()
    clock = [1_800_000_000.0]  # the start of a window (a multiple of 3600)
    monkeypatch.setattr("unnm.client.time", SimpleNamespace(time=lambda: clock[0]))

    post(client, meeting, answer(email="first@example.org"), django_capture_on_commit_callbacks)
    clock[0] += 3599
    refused = client.post(rsvp_url(meeting), answer(email="second@example.org"))
    clock[0] += 1
    accepted = client.post(rsvp_url(meeting), answer(email="third@example.org"))

    assert refused.status_code == 429
    assert accepted.status_code == 302
    assert RSVP.objects.filter(email="third@example.org").exists()


def test_rsvp_hybrid_meeting_asks_mode_and_language(client, django_capture_on_commit_callbacks):
    meeting = open_meeting(
        meeting_format=Meeting.Format.HYBRID, interpretation_languages="English, Azerbaijani"
    )

    page = client.get(rsvp_url(meeting)).content.decode()
    post(
        client,
        meeting,
        answer(attendance_mode="online", language="Azerbaijani"),
        django_capture_on_commit_callbacks,
    )

    assert "Online" in page and "Preferred interpretation language" in page
    rsvp = RSVP.objects.get()
    assert (rsvp.attendance_mode, rsvp.language) == ("online", "Azerbaijani")


def test_rsvp_in_person_meeting_does_not_ask_mode_nor_single_language(client):
    meeting = open_meeting(interpretation_languages="English")

    page = client.get(rsvp_url(meeting)).content.decode()

    assert 'name="attendance_mode"' not in page
    assert 'name="language"' not in page


def test_rsvp_language_not_offered_is_refused(client):
    meeting = open_meeting(interpretation_languages="English, Russian")

    response = client.post(rsvp_url(meeting), answer(language="Klingon"))

    assert "Select a valid choice" in response.content.decode()
    assert RSVP.objects.count() == 0


def test_rsvp_form_links_the_privacy_notice(client):
    meeting = open_meeting()

    content = client.get(rsvp_url(meeting)).content.decode()

    assert "privacy notice" in content
    assert f'href="{reverse("privacy")}"' in content


def test_rsvp_form_page_shows_the_seats_left(client):
    meeting = open_meeting(capacity=3)
    RSVPFactory(meeting=meeting)
    RSVPFactory(meeting=meeting, status=RSVP.Status.WAITLISTED)

    content = client.get(rsvp_url(meeting)).content.decode()

    assert "2 seats left" in content


def test_rsvp_form_page_says_when_the_meeting_is_full(client):
    meeting = open_meeting(capacity=1)
    RSVPFactory(meeting=meeting)

    content = client.get(rsvp_url(meeting)).content.decode()

    assert "The meeting is full: new answers join the waiting list." in content


def test_rsvp_form_page_shows_seats_per_mode_of_a_hybrid_meeting(client):
    meeting = open_meeting(
        meeting_format=Meeting.Format.HYBRID, capacity_in_person=1, capacity_online=5
    )
    RSVPFactory(meeting=meeting, attendance_mode="in_person")
    RSVPFactory(meeting=meeting, attendance_mode="online")

    content = client.get(rsvp_url(meeting)).content.decode()

    assert "In person: full (waiting list)" in content
    assert "Online: 4 seats left" in content


# Seats next to each choice, and no full mode chosen for the invitee


class AttendanceChoices(HTMLParser):
    """The attendance radios of a page: value -> (checked, label text), and where submit is."""

    def __init__(self):
        super().__init__()
        self.checked, self.labels, self.ids = {}, {}, {}
        self.order, self._label_for = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name") == "attendance_mode":
            self.checked[attrs["value"]] = "checked" in attrs
            self.ids[attrs["id"]] = attrs["value"]
            self.order.append(attrs["value"])
        elif tag == "label" and attrs.get("for") in self.ids:
            self._label_for = self.ids[attrs["for"]]
            self.labels[self._label_for] = ""
        elif tag == "input" and attrs.get("type") == "submit":
            self.order.append("submit")

    def handle_data(self, data):
        if self._label_for:
            self.labels[self._label_for] += data

    def handle_endtag(self, tag):
        if tag == "label":
            if self._label_for:
                self.labels[self._label_for] = " ".join(self.labels[self._label_for].split())
            self._label_for = None


def attendance_choices(response):
    parser = AttendanceChoices()
    parser.feed(response.content.decode())
    return parser


def hybrid_meeting(**capacities):
    return open_meeting(meeting_format=Meeting.Format.HYBRID, **capacities)


def test_rsvp_form_shows_seats_in_each_choice_and_never_preselects_a_full_mode(client):
    meeting = hybrid_meeting(capacity_in_person=1, capacity_online=5)
    RSVPFactory(meeting=meeting, attendance_mode="in_person")
    RSVPFactory(meeting=meeting, attendance_mode="online")

    choices = attendance_choices(client.get(rsvp_url(meeting)))

    assert choices.labels == {
        "in_person": "In person (full: you join the waiting list)",
        "online": "Online (4 seats left)",
    }
    assert choices.checked == {"in_person": False, "online": True}
    # Read before sending; the second button is "I cannot attend".
    assert choices.order == ["in_person", "online", "submit", "submit"]


def test_rsvp_form_preselects_nothing_when_every_mode_is_full(client):
    meeting = hybrid_meeting(capacity=2)
    RSVPFactory(meeting=meeting, attendance_mode="in_person")
    RSVPFactory(meeting=meeting, attendance_mode="online")

    choices = attendance_choices(client.get(rsvp_url(meeting)))

    assert choices.checked == {"in_person": False, "online": False}
    assert choices.labels == {
        "in_person": "In person (full: you join the waiting list)",
        "online": "Online (full: you join the waiting list)",
    }


def test_rsvp_form_counts_the_total_limit_in_each_mode_and_omits_no_limit(client):
    meeting = hybrid_meeting(capacity=3, capacity_in_person=10)
    RSVPFactory(meeting=meeting, attendance_mode="online")

    choices = attendance_choices(client.get(rsvp_url(meeting)))

    assert choices.labels == {
        "in_person": "In person (2 seats left)",
        "online": "Online (2 seats left)",
    }
    unlimited = attendance_choices(client.get(rsvp_url(hybrid_meeting())))
    assert unlimited.labels == {"in_person": "In person", "online": "Online"}
    assert unlimited.checked == {"in_person": True, "online": False}


@pytest.mark.parametrize(
    ("capacity", "note"),
    [(3, "2 seats left."), (1, "The meeting is full: your answer joins the waiting list.")],
)
def test_rsvp_form_of_a_single_mode_meeting_shows_the_seats_before_submit(client, capacity, note):
    meeting = open_meeting(capacity=capacity)
    RSVPFactory(meeting=meeting)

    content = client.get(rsvp_url(meeting)).content.decode()

    assert f'<p class="small mb-2" id="rsvp-seats">{note}</p>' in content
    assert content.index('id="rsvp-seats"') < content.index('type="submit"')


def test_rsvp_change_form_counts_the_participants_own_seat(client):
    meeting = hybrid_meeting(capacity_in_person=1, capacity_online=1)
    mine = RSVPFactory(meeting=meeting, attendance_mode="in_person")
    RSVPFactory(meeting=meeting, attendance_mode="online")

    choices = attendance_choices(client.get(mine.get_absolute_url()))

    assert choices.labels == {
        "in_person": "In person (1 seat left)",
        "online": "Online (full: you join the waiting list)",
    }
    assert choices.checked == {"in_person": True, "online": False}


# The meeting with its RSVP settings, the rate limit's counter (read, then written in one
# upsert, unnm.cache.DatabaseCache, in a savepoint of the test's transaction: 3), then under the
# settings' row lock the address's earlier answer, the seats left, the answer and its audit row,
# and its mail in the outbox; the savepoints of the test's transaction count too. The thank-you
# page's note is a signed cookie: no session row. An answer that joins the waiting list also
# counts who is ahead of it, for its mail.
RSVP_SUBMISSION_QUERIES = 14


@pytest.mark.parametrize(
    "capacity, status, extra", [(10, RSVP.Status.CONFIRMED, 0), (1, RSVP.Status.WAITLISTED, 1)]
)
def test_rsvp_submission_costs_at_most_14_queries(
    client, django_assert_max_num_queries, capacity, status, extra
):
    meeting = open_meeting(
        capacity=capacity,
        meeting_format=Meeting.Format.HYBRID,
        interpretation_languages="English, Azerbaijani",
    )
    RSVPFactory.create_batch(3, meeting=meeting, attendance_mode="online")
    ContentType.objects.get_for_model(RSVP)  # once per process: the outbox's link to the answer
    data = answer(attendance_mode="in_person", language="Azerbaijani")

    with django_assert_max_num_queries(RSVP_SUBMISSION_QUERIES + extra):
        response = client.post(rsvp_url(meeting), data)

    rsvp = RSVP.objects.get(email="leyla@example.org")
    assert response.status_code == 302 and rsvp.status == status
    assert OutgoingMail.objects.filter(rsvp=rsvp, kind=OutgoingMail.Kind.CONFIRMATION).exists()
    assert client.get(response.url).status_code == 200


def test_rsvp_thank_you_page_refuses_a_forged_note(client, django_capture_on_commit_callbacks):
    meeting = open_meeting(capacity=10)
    other = RSVPFactory(meeting=meeting, email="someone.else@example.org")
    post(client, meeting, answer(), django_capture_on_commit_callbacks)
    thanks = reverse("meetings:rsvp-done", kwargs={"slug": meeting.slug})
    client.cookies["rsvp_done"] = f"{other.pk}:0"  # unsigned: not made by the site

    response = client.get(thanks)

    assert response.status_code == 404
