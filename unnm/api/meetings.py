"""Public meetings: agenda, remarks of consenting speakers, participation, public documents."""

import datetime

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from meetings.filters import MeetingFilter
from meetings.models import ActionPoint, Meeting
from unnm.api.conventions import PageNumber, Serialized, filtered
from unnm.api.members import OrganisationRef, organisation_ref

router = Router(tags=["meetings"])


class Speaker(Schema):
    name: str | None = None
    role: str | None = None
    organisation: OrganisationRef | None = None


class RemarkOut(Schema):
    order: int
    speaker: Speaker
    status: str
    summary: str
    full_text: str


class AgendaItemOut(Schema):
    order: int
    title: str
    kind: str
    kind_label: str
    start_time: datetime.time | None
    duration_minutes: int | None
    description: str
    remarks: list[RemarkOut]


class ParticipantOut(Schema):
    organisation: OrganisationRef
    role: str
    representatives: int | None


class ParticipationKind(Schema):
    kind: str
    label: str
    organisations: list[ParticipantOut]


class Participation(Schema):
    organisation_count: int
    representative_count: int | None
    by_kind: list[ParticipationKind]


class ActionPointOut(Schema):
    kind: str
    text: str
    responsible: OrganisationRef | None
    due_on: datetime.date | None
    status: str
    completed_on: datetime.date | None


class DocumentOut(Schema):
    title: str
    kind: str
    url: str


class MeetingOut(Schema):
    slug: str
    url: str
    title: str
    kind: str
    kind_label: str
    format: str
    format_label: str
    status: str
    start: datetime.datetime
    end: datetime.datetime
    venue: str
    organiser: OrganisationRef | None
    chairs: list[Speaker]
    summary: str
    description: str
    gcm_objectives: list[int]
    unsdcf_priorities: list[int] = Field(
        description="The UNSDCF strategic priorities the meeting serves: their `id` in /frameworks"
    )
    agenda: list[AgendaItemOut]
    participation: Participation
    outcomes_and_action_points: list[ActionPointOut]
    documents: list[DocumentOut]
    activities: list[str]


def public_meetings():
    """Published (or cancelled) public meetings, with all their page shows, in fixed queries."""
    # The meeting page reads its outcomes with the carried-over points; here they are prefetched.
    points = ActionPoint.objects.select_related("responsible").order_by("kind", "order")
    return (
        Meeting.objects.public()
        .with_programme()
        .prefetch_related(Prefetch("action_points", queryset=points))
        .order_by("-start", "pk")
    )


def speaker(person, role, organisation):
    """As on the meeting's page: named, with a role, only when the person consented."""
    if person.consent_public_listing:
        return {"name": person.display_name, "role": role or None, "organisation": organisation}
    return {"name": None, "role": None, "organisation": organisation}


def remark_out(remark):
    published = remark.is_published
    return {
        "order": remark.order,
        "speaker": speaker(
            remark.speaker, remark.speaker_role, organisation_ref(remark.speaker_organisation)
        ),
        "status": remark.status,
        "summary": remark.summary if published else "",
        "full_text": remark.full_text if published else "",
    }


def meeting_out(request, meeting):
    return {
        "slug": meeting.slug,
        "url": request.build_absolute_uri(meeting.get_absolute_url()),
        "title": meeting.title,
        "kind": meeting.kind,
        "kind_label": meeting.get_kind_display(),
        "format": meeting.format,
        "format_label": meeting.get_format_display(),
        "status": meeting.status,
        "start": meeting.start,
        "end": meeting.end,
        "venue": meeting.venue,
        "organiser": organisation_ref(meeting.organiser),
        "chairs": [
            speaker(person, person.position, organisation_ref(person.organisation))
            for person in meeting.chairs.all()
        ],
        "summary": meeting.summary,
        "description": meeting.description,
        "gcm_objectives": [objective.number for objective in meeting.linked_objectives()],
        "unsdcf_priorities": [priority.pk for priority in meeting.linked_priorities()],
        "agenda": [
            {
                "order": item.order,
                "title": item.title,
                "kind": item.kind,
                "kind_label": item.get_kind_display(),
                "start_time": item.start_time,
                "duration_minutes": item.duration,
                "description": item.description,
                "remarks": [remark_out(remark) for remark in item.remarks.all()],
            }
            for item in meeting.agenda_items.all()
        ],
        "participation": {
            "organisation_count": len(meeting.participations.all()),
            "representative_count": meeting.representative_count(),
            "by_kind": [
                {
                    "kind": kind,
                    "label": str(label),
                    "organisations": [
                        {
                            "organisation": organisation_ref(p.organisation),
                            "role": p.role,
                            "representatives": p.representatives,
                        }
                        for p in participations
                    ],
                }
                for kind, label, participations in meeting.participant_groups()
            ],
        },
        "outcomes_and_action_points": [
            {
                "kind": point.kind,
                "text": point.text,
                "responsible": organisation_ref(point.responsible),
                "due_on": point.due_on,
                "status": point.status,
                "completed_on": point.completed_on,
            }
            for point in meeting.action_points.all()
        ],
        "documents": [
            {
                "title": document.title,
                "kind": document.kind,
                "url": request.build_absolute_uri(document.url),
            }
            for document in meeting.visible_documents
        ],
        "activities": [activity.slug for activity in meeting.public_activities],
    }


@router.get("/meetings", response=list[MeetingOut], summary="Public meetings")
@paginate(PageNumber)
def meeting_list(
    request,
    q: str | None = None,
    year: str | None = None,
    kind: Meeting.Kind | None = None,
    format: Meeting.Format | None = None,
    organisation: str | None = None,
    objective: int | None = None,
):
    """
    The meetings list's filters: `q` (text), `year`, `kind`, `format`, `organisation` (slug of
    the organiser or a participant), `objective` (GCM objective number). Latest first.
    """
    meetings = filtered(MeetingFilter, request, public_meetings())
    return Serialized(meetings, lambda meeting: meeting_out(request, meeting))


@router.get("/meetings/{slug:slug}", response=MeetingOut, summary="One public meeting")
def meeting_detail(request, slug: str):
    return meeting_out(request, get_object_or_404(public_meetings(), slug=slug))
