"""The GCM's reference data, the cooperation frameworks, and the UNSDCF x GCM mapping."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from frameworks.models import (
    CooperationFramework,
    GCMObjective,
    GuidingPrinciple,
    ObjectiveLink,
    Outcome,
    Output,
    SDGTarget,
)
from unnm.api.conventions import PageNumber, Serialized

router = Router(tags=["frameworks"])


class ObjectiveOut(Schema):
    number: int
    title: str
    short_label: str
    gcm_paragraph: int
    url: str


class PrincipleOut(Schema):
    letter: str
    number: int
    name: str


class SDGTargetOut(Schema):
    code: str
    goal: int
    text: str
    migration_theme: str


class OutputOut(Schema):
    id: int
    number: str
    title: str
    sdg_targets: list[str]


class OutcomeOut(Schema):
    id: int
    number: str
    short_name: str
    statement: str | None = Field(
        description="The signed framework's wording; null while staff have not entered it."
    )
    sdg_targets: list[str]
    outputs: list[OutputOut]


class PriorityOut(Schema):
    id: int
    number: int
    title: str
    outcomes: list[OutcomeOut]


class FrameworkOut(Schema):
    id: int
    title: str
    short_title: str
    country: str
    start_year: int
    end_year: int
    signed_on: str | None
    is_current: bool
    priorities: list[PriorityOut]


class LinkOut(Schema):
    id: int
    framework: int
    objective: int
    strength: str
    rationale: str
    outcome: str = Field(description="The outcome's number (an output's own outcome).")
    output: str | None = Field(description="The output's number when the link starts there.")


@router.get("/gcm-objectives", response=list[ObjectiveOut], summary="The 23 GCM objectives")
def objective_list(request):
    return [
        {
            "number": objective.number,
            "title": objective.title,
            "short_label": objective.short_label,
            "gcm_paragraph": objective.gcm_paragraph,
            "url": request.build_absolute_uri(objective.get_absolute_url()),
        }
        for objective in GCMObjective.objects.all()
    ]


@router.get(
    "/guiding-principles", response=list[PrincipleOut], summary="The GCM's guiding principles"
)
def principle_list(request):
    return list(GuidingPrinciple.objects.values("letter", "number", "name"))


@router.get("/sdg-targets", response=list[SDGTargetOut], summary="SDG targets on migration")
def sdg_target_list(request):
    return list(SDGTarget.objects.values("code", "goal", "text", "migration_theme"))


def frameworks():
    codes = SDGTarget.objects.only("code")
    outputs = Output.objects.prefetch_related(Prefetch("sdg_targets", queryset=codes))
    outcomes = Outcome.objects.prefetch_related(
        Prefetch("sdg_targets", queryset=codes), Prefetch("outputs", queryset=outputs)
    )
    return CooperationFramework.objects.prefetch_related(
        "priorities", Prefetch("priorities__outcomes", queryset=outcomes)
    ).order_by("-start_year", "-pk")


def framework_out(framework, current):
    return {
        "id": framework.pk,
        "title": framework.title,
        "short_title": framework.short_title,
        "country": framework.country,
        "start_year": framework.start_year,
        "end_year": framework.end_year,
        "signed_on": framework.signed_on.isoformat() if framework.signed_on else None,
        "is_current": framework.pk == current,
        "priorities": [
            {
                "id": priority.pk,
                "number": priority.number,
                "title": priority.title,
                "outcomes": [
                    {
                        "id": outcome.pk,
                        "number": outcome.number,
                        "short_name": outcome.short_name,
                        "statement": outcome.statement or None,
                        "sdg_targets": [target.code for target in outcome.sdg_targets.all()],
                        "outputs": [
                            {
                                "id": output.pk,
                                "number": output.number,
                                "title": output.title,
                                "sdg_targets": [t.code for t in output.sdg_targets.all()],
                            }
                            for output in outcome.outputs.all()
                        ],
                    }
                    for outcome in priority.outcomes.all()
                ],
            }
            for priority in framework.priorities.all()
        ],
    }


@router.get(
    "/frameworks",
    response=list[FrameworkOut],
    summary="Cooperation frameworks with their priorities, outcomes and outputs",
)
def framework_list(request):
    """Latest first; `is_current` marks the one the public pages show by default."""
    items = list(frameworks())
    current = items[0].pk if items else None
    return [framework_out(framework, current) for framework in items]


@router.get("/frameworks/{int:framework_id}", response=FrameworkOut, summary="One framework")
def framework_detail(request, framework_id: int):
    framework = get_object_or_404(frameworks(), pk=framework_id)
    current = CooperationFramework.objects.landing()
    return framework_out(framework, current.pk if current else None)


@router.get("/mapping-links", response=list[LinkOut], summary="The UNSDCF x GCM mapping")
@paginate(PageNumber)
def link_list(
    request,
    framework: int | None = Query(None, ge=1, le=2**31 - 1),
    objective: int | None = Query(None, ge=1, le=23),
    strength: ObjectiveLink.Strength | None = None,
):
    """
    Each link from an outcome, or an output, to a GCM objective, with its strength and rationale:
    of `framework` (an id; the current framework by default), optionally one `objective` or
    `strength`. In the matrix's order.
    """
    chosen = (
        get_object_or_404(CooperationFramework, pk=framework)
        if framework
        else CooperationFramework.objects.landing()
    )
    links = ObjectiveLink.objects.of_framework(chosen).for_display()
    if objective:
        links = links.filter(objective__number=objective)
    if strength:
        links = links.filter(strength=strength)
    return Serialized(links, link_out)


def link_out(link):
    outcome = link.matrix_outcome
    return {
        "id": link.pk,
        "framework": outcome.priority.framework_id,
        "objective": link.objective.number,
        "strength": link.strength,
        "rationale": link.rationale,
        "outcome": outcome.number,
        "output": link.output.number if link.output_id else None,
    }
