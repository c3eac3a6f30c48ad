"""
The frameworks' texts in each language (django-modeltranslation: one column per language beside
the original, so reading them costs no extra query). The reference data's Russian and
Azerbaijani texts come from `frameworks/reference/*.json`, with their sources (`source_ru`,
`source_az`) and flags.
"""

from modeltranslation.translator import TranslationOptions, register

from frameworks.models import (
    Activity,
    CooperationFramework,
    GCMObjective,
    GuidingPrinciple,
    ObjectiveLink,
    Outcome,
    Output,
    ProgressUpdate,
    SDGTarget,
    StrategicPriority,
)
from unnm.audit import keep_history


@register(GCMObjective)
class GCMObjectiveTranslation(TranslationOptions):
    fields = ["title", "short_label", "source"]


@register(GuidingPrinciple)
class GuidingPrincipleTranslation(TranslationOptions):
    fields = ["name", "source"]


@register(SDGTarget)
class SDGTargetTranslation(TranslationOptions):
    fields = ["text", "source"]


@register(CooperationFramework)
class CooperationFrameworkTranslation(TranslationOptions):
    fields = ["title", "short_title"]


@register(StrategicPriority)
class StrategicPriorityTranslation(TranslationOptions):
    fields = ["title"]


@register(Outcome)
class OutcomeTranslation(TranslationOptions):
    fields = ["short_name", "statement"]


@register(Output)
class OutputTranslation(TranslationOptions):
    fields = ["title"]


@register(ObjectiveLink)
class ObjectiveLinkTranslation(TranslationOptions):
    fields = ["rationale"]


@register(Activity)
class ActivityTranslation(TranslationOptions):
    fields = ["title", "description"]


@register(ProgressUpdate)
class ProgressUpdateTranslation(TranslationOptions):
    fields = ["text"]


# After the registrations above: the history keeps every language's column.
keep_history(
    CooperationFramework,
    StrategicPriority,
    Outcome,
    Output,
    ObjectiveLink,
    Activity,
    ProgressUpdate,
)
