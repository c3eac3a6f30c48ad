from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from frameworks.models import (
    Activity,
    CooperationFramework,
    GCMObjective,
    GuidingPrinciple,
    JointProgramme,
    ObjectiveLink,
    Outcome,
    Output,
    ProgressUpdate,
    SDGTarget,
    StrategicPriority,
    ThematicArea,
)
from unnm.audit import AuditedAdmin


class ReferenceAdmin(TranslationAdmin):
    """
    Built-in reference data: staff read it, in each language with its source; a data migration
    maintains it from frameworks/reference/ (SOURCES.md).
    """

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def azerbaijani_text(official):
    """The list column that tells a published Azerbaijani text from the project's translation."""
    if official:
        return _("published source")
    return format_html("<em>{}</em>", _("unofficial translation"))


@admin.register(GCMObjective)
class GCMObjectiveAdmin(ReferenceAdmin):
    list_display = ["number", "short_label", "title", "title_ru_verified", "azerbaijani_title"]
    list_filter = ["title_ru_verified", "title_az_official"]
    search_fields = ["title", "short_label", "=number"]
    readonly_fields = [
        "number",
        "title",
        "gcm_paragraph",
        "source",
        "title_ru_verified",
        "title_az_official",
    ]
    fields = [
        "number",
        "title",
        "title_ru_verified",
        "title_az_official",
        "short_label",
        "gcm_paragraph",
        "source",
    ]

    @admin.display(description=_("Azerbaijani title"), ordering="title_az_official")
    def azerbaijani_title(self, obj):
        return azerbaijani_text(obj.title_az_official)


@admin.register(GuidingPrinciple)
class GuidingPrincipleAdmin(ReferenceAdmin):
    list_display = ["letter", "name", "name_ru_verified", "azerbaijani_name"]
    readonly_fields = ["number", "letter", "name", "name_ru_verified", "name_az_official", "source"]

    @admin.display(description=_("Azerbaijani name"), ordering="name_az_official")
    def azerbaijani_name(self, obj):
        return azerbaijani_text(obj.name_az_official)


@admin.register(SDGTarget)
class SDGTargetAdmin(ReferenceAdmin):
    list_display = [
        "code",
        "migration_theme",
        "migration_theme_verified",
        "text_ru_verified",
        "azerbaijani_wording",
    ]
    list_filter = ["goal", "migration_theme_verified", "text_ru_verified", "text_az_official"]
    search_fields = ["code", "text", "migration_theme"]
    readonly_fields = ["code", "goal", "text", "text_ru_verified", "text_az_official", "source"]

    @admin.display(description=_("Azerbaijani text"), ordering="text_az_official")
    def azerbaijani_wording(self, obj):
        return azerbaijani_text(obj.text_az_official)


class StrategicPriorityInline(TranslationTabularInline):
    model = StrategicPriority
    fields = ["number", "title"]
    extra = 0
    show_change_link = True


@admin.register(CooperationFramework)
class CooperationFrameworkAdmin(TranslationAdmin, AuditedAdmin):
    list_display = ["short_title", "country", "start_year", "end_year", "signed_on", "is_demo"]
    list_filter = ["is_demo"]
    search_fields = ["title", "short_title", "country"]
    inlines = [StrategicPriorityInline]
    history_children = [(StrategicPriority, "framework")]


class OutcomeInline(TranslationStackedInline):
    model = Outcome
    fields = [("number", "order"), "short_name", "statement", "sdg_targets"]
    autocomplete_fields = ["sdg_targets"]
    extra = 0
    show_change_link = True


@admin.register(StrategicPriority)
class StrategicPriorityAdmin(TranslationAdmin, AuditedAdmin):
    list_display = ["__str__", "framework"]
    list_filter = ["framework"]
    list_select_related = ["framework"]
    search_fields = ["title"]
    inlines = [OutcomeInline]
    history_children = [(Outcome, "priority")]


class OutcomeLinkInline(TranslationTabularInline):
    model = ObjectiveLink
    fk_name = "outcome"
    fields = ["objective", "strength", "rationale", "is_demo"]
    autocomplete_fields = ["objective"]
    extra = 0
    verbose_name = _("GCM objective served by this outcome")
    verbose_name_plural = _("GCM objectives served by this outcome (mapping)")


class OutputLinkInline(OutcomeLinkInline):
    fk_name = "output"
    verbose_name = _("GCM objective served by this output")
    verbose_name_plural = _("GCM objectives served by this output (mapping)")


class OutputInline(TranslationTabularInline):
    model = Output
    fields = ["number", "title", "order"]
    extra = 0
    show_change_link = True


@admin.register(Outcome)
class OutcomeAdmin(TranslationAdmin, AuditedAdmin):
    list_display = ["number", "short_name", "priority", "wording"]
    list_filter = ["priority__framework", "priority"]
    list_select_related = ["priority"]
    search_fields = ["short_name", "statement", "number"]
    autocomplete_fields = ["sdg_targets"]
    inlines = [OutputInline, OutcomeLinkInline]
    history_children = [(Output, "outcome"), (ObjectiveLink, "outcome")]

    @admin.display(description=_("official wording"))
    def wording(self, obj):
        if obj.is_placeholder:
            return format_html("<em>{}</em>", _("to be completed"))
        return _("entered")


@admin.register(Output)
class OutputAdmin(TranslationAdmin, AuditedAdmin):
    list_display = ["number", "title", "outcome"]
    list_filter = ["outcome__priority__framework"]
    list_select_related = ["outcome"]
    search_fields = ["title", "number"]
    autocomplete_fields = ["outcome", "sdg_targets"]
    inlines = [OutputLinkInline]
    history_children = [(ObjectiveLink, "output")]


@admin.register(ObjectiveLink)
class ObjectiveLinkAdmin(TranslationAdmin, AuditedAdmin):
    list_display = ["objective", "subject_display", "strength", "rationale", "is_demo"]
    list_filter = ["strength", "objective", "is_demo"]
    list_select_related = ["objective", "outcome", "output"]
    search_fields = ["rationale", "outcome__short_name", "output__title", "objective__title"]
    autocomplete_fields = ["outcome", "output", "objective"]

    @admin.display(description=_("outcome or output"))
    def subject_display(self, obj):
        return str(obj.subject)


@admin.register(ThematicArea)
class ThematicAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "order", "is_demo"]
    search_fields = ["name"]


@admin.register(JointProgramme)
class JointProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title", "thematic_area", "start", "end", "budget", "currency", "is_demo"]
    list_filter = ["thematic_area", "is_demo"]
    list_select_related = ["thematic_area"]
    search_fields = ["title"]
    autocomplete_fields = ["thematic_area", "participating_organisations"]


class ProgressUpdateInline(TranslationTabularInline):
    model = ProgressUpdate
    fields = ["date", "status", "text", "is_demo"]
    extra = 1


@admin.register(Activity)
class ActivityAdmin(TranslationAdmin, AuditedAdmin):
    list_display = ["title", "lead", "status", "start", "end", "is_published", "is_demo"]
    list_filter = ["status", "gcm_objectives", "lead", "is_published", "is_demo"]
    list_select_related = ["lead"]
    search_fields = ["title", "description", "lead__name", "lead__acronym"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "lead",
        "partners",
        "gcm_objectives",
        "outcomes",
        "outputs",
        "sdg_targets",
        "joint_programme",
    ]
    inlines = [ProgressUpdateInline]
    history_children = [(ProgressUpdate, "activity")]
    fieldsets = [
        (None, {"fields": ["title", "slug", "description", "status", ("start", "end")]}),
        (_("Who"), {"fields": ["lead", "partners"]}),
        (
            _("Links"),
            {
                "fields": [
                    "gcm_objectives",
                    "outcomes",
                    "outputs",
                    "sdg_targets",
                ]
            },
        ),
        (
            _("Funding"),
            {"fields": [("budget", "currency"), "joint_programme", "funding_source"]},
        ),
        (_("Publication"), {"fields": ["is_published", "is_demo"]}),
    ]
