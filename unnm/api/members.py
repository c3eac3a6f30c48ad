"""Member organisations: the directory's public fields, never an email or a phone number."""

import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from members.filters import OrganisationFilter
from members.models import Organisation
from unnm.api.conventions import PageNumber, Serialized, filtered

router = Router(tags=["organisations"])


class OrganisationRef(Schema):
    slug: str
    name: str
    acronym: str
    kind: str


class FocalPoint(Schema):
    name: str
    position: str


class OrganisationOut(Schema):
    slug: str
    url: str | None
    name: str
    acronym: str
    kind: str
    kind_label: str
    role: str
    role_label: str
    country: str
    website: str
    description: str
    logo: str | None
    member_since: datetime.date | None
    focal_points: list[FocalPoint]


def organisation_ref(organisation):
    if organisation is None:
        return None
    return {
        "slug": organisation.slug,
        "name": organisation.name,
        "acronym": organisation.acronym,
        "kind": organisation.kind,
    }


def organisation_out(request, organisation):
    return {
        "slug": organisation.slug,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
        "name": organisation.name,
        "acronym": organisation.acronym,
        "kind": organisation.kind,
        "kind_label": organisation.get_kind_display(),
        "role": organisation.role,
        "role_label": organisation.get_role_display(),
        "country": organisation.country.code or "",
        "website": organisation.website,
        "description": organisation.description,
        "logo": request.build_absolute_uri(organisation.logo.url) if organisation.logo else None,
        "member_since": organisation.member_since,
        # Only those who consented to be listed, as on the directory (name and title only).
        "focal_points": [
            {"name": person.display_name, "position": person.position}
            for person in organisation.public_people
        ],
    }


def directory():
    return Organisation.objects.active().with_public_people().order_by("kind", "name")


@router.get("/organisations", response=list[OrganisationOut], summary="Member organisations")
@paginate(PageNumber)
def organisation_list(
    request,
    q: str | None = None,
    kind: Organisation.Kind | None = None,
    role: Organisation.Role | None = None,
):
    """The directory's filters: `q` (text), `kind`, `role`. Active members, by kind and name."""
    organisations = filtered(OrganisationFilter, request, directory())
    return Serialized(organisations, lambda organisation: organisation_out(request, organisation))


@router.get("/organisations/{slug:slug}", response=OrganisationOut, summary="One member")
def organisation_detail(request, slug: str):
    return organisation_out(request, get_object_or_404(directory(), slug=slug))
