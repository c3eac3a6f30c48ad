"""The work plan: published activities with their links and dated progress."""

import datetime
from decimal import Decimal

from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from frameworks.filters import ActivityFilter
from frameworks.models import Activity
from meetings.models import Meeting
from unnm.api.conventions import PageNumber, Serialized, filtered
from unnm.api.members import OrganisationRef, organisation_ref

router = Router(tags=["work plan"])


class UpdateOut(Schema):
    date: datetime.date
    text: str
    status: str


class ActivityOut(Schema):
    slug: str
    url: str
    title: str
    description: str
    status: str
    status_label: str
    lead: OrganisationRef
    partners: list[OrganisationRef]
    is_synergy: bool
    gcm_objectives: list[int]
    outcomes: list[str]
    outputs: list[str]
    sdg_targets: list[str]
    start: datetime.date | None
    end: datetime.date | None
    budget: Decimal | None
    currency: str
    funding: str
    meetings: list[str]
    progress: list[UpdateOut]


def published_activities():
    return (
        Activity.objects.published()
        .for_list()
        .prefetch_related(
            Prefetch(
                "meetings",
                queryset=Meeting.objects.public().only("slug").order_by("-start"),
                to_attr="public_meetings",
            )
        )
        .order_by(F("start").asc(nulls_last=True), "title", "pk")
    )


def activity_out(request, activity):
    return {
        "slug": activity.slug,
        "url": request.build_absolute_uri(activity.get_absolute_url()),
        "title": activity.title,
        "description": activity.description,
        "status": activity.status,
        "status_label": activity.get_status_display(),
        "lead": organisation_ref(activity.lead),
        "partners": [organisation_ref(partner) for partner in activity.partners.all()],
        "is_synergy": activity.is_synergy,
        "gcm_objectives": [objective.number for objective in activity.gcm_objectives.all()],
        "outcomes": [outcome.number for outcome in activity.outcomes.all()],
        "outputs": [output.number for output in activity.outputs.all()],
        "sdg_targets": [target.code for target in activity.sdg_targets.all()],
        "start": activity.start,
        "end": activity.end,
        "budget": activity.budget,
        "currency": activity.currency,
        "funding": activity.funding,
        "meetings": [meeting.slug for meeting in activity.public_meetings],
        "progress": [
            {"date": update.date, "text": update.text, "status": update.status}
            for update in activity.updates.all()
        ],
    }


@router.get("/activities", response=list[ActivityOut], summary="Work-plan activities")
@paginate(PageNumber)
def activity_list(
    request,
    status: Activity.Status | None = None,
    lead: int | None = None,
    objective: int | None = None,
    priority: int | None = None,
    synergy: str | None = None,
):
    """
    The work plan's filters: `status`, `lead` (organisation id, as on the page), `objective`
    (GCM objective number), `priority` (UNSDCF priority id), `synergy=yes` (activities with a
    partner). Progress updates latest first.
    """
    activities = filtered(ActivityFilter, request, published_activities())
    return Serialized(activities, lambda activity: activity_out(request, activity))


@router.get("/activities/{slug:slug}", response=ActivityOut, summary="One activity")
def activity_detail(request, slug: str):
    return activity_out(request, get_object_or_404(published_activities(), slug=slug))
