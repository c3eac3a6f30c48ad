from django import forms
from django.contrib import admin, messages
from django.db import models
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from meetings import services
from meetings.models import (
    ActionPoint,
    AgendaItem,
    Document,
    Meeting,
    Minutes,
    Participation,
    Remark,
)


class YearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Meeting.objects.dates("start", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(start__year=int(self.value()))
        return queryset


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    fields = ["order", "start_time", "duration", "kind", "title", "description"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}
    extra = 0


class RemarkInline(admin.StackedInline):
    model = Remark
    fields = [
        ("agenda_item", "order", "status"),
        ("speaker", "speaker_role", "speaker_organisation"),
        "summary",
        "full_text",
    ]
    autocomplete_fields = ["speaker", "speaker_organisation"]
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only this meeting's agenda items; a new meeting gets its agenda saved first.
        if db_field.name == "agenda_item":
            meeting_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = AgendaItem.objects.filter(meeting_id=meeting_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ParticipationInline(admin.TabularInline):
    model = Participation
    fields = ["organisation", "role", "representatives"]
    autocomplete_fields = ["organisation"]
    extra = 0


class ActionPointInline(admin.TabularInline):
    model = ActionPoint
    fields = ["order", "kind", "text", "responsible", "due_on", "status", "completed_on"]
    autocomplete_fields = ["responsible"]
    extra = 0


class DocumentInline(admin.TabularInline):
    model = Document
    fields = ["order", "title", "kind", "file", "external_url", "visibility"]
    extra = 0


class MinutesInline(admin.StackedInline):
    model = Minutes
    fk_name = "meeting"
    fields = ["status", "circulated_on", "adopted_at", "text"]
    autocomplete_fields = ["adopted_at"]
    extra = 0
    max_num = 1


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "start",
        "kind",
        "format",
        "status",
        "visibility",
        "organiser",
        "is_demo",
    ]
    list_filter = [YearFilter, "kind", "format", "status", "visibility", "is_demo"]
    list_select_related = ["organiser"]
    search_fields = ["title", "summary", "description", "venue"]
    date_hierarchy = "start"
    autocomplete_fields = ["organiser", "chairs"]
    filter_horizontal = ["gcm_objectives", "priorities"]
    readonly_fields = ["public_page"]
    actions = ["duplicate_as_draft"]
    inlines = [
        AgendaItemInline,
        RemarkInline,
        ParticipationInline,
        ActionPointInline,
        DocumentInline,
        MinutesInline,
    ]
    fieldsets = [
        (
            None,
            {"fields": ["title", "slug", "public_page", "kind", "format", "status", "visibility"]},
        ),
        (_("When and where"), {"fields": ["start", "end", "venue", "online_link"]}),
        (_("People"), {"fields": ["organiser", "chairs"]}),
        (_("Content"), {"fields": ["summary", "description"]}),
        (_("Frameworks"), {"fields": ["gcm_objectives", "priorities"], "classes": ["collapse"]}),
        (_("Demo"), {"fields": ["is_demo"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("public page"))
    def public_page(self, obj):
        if not obj.pk:
            return _("Available once saved.")
        label = _("Preview the public page (draft)") if obj.is_draft else _("Open the public page")
        return format_html('<a href="{}" target="_blank">{}</a>', obj.get_absolute_url(), label)

    @admin.action(description=_("Duplicate as a new draft"))
    def duplicate_as_draft(self, request, queryset):
        copies = [services.duplicate_meeting(meeting) for meeting in queryset.order_by("start")]
        self.message_user(
            request,
            _("%(count)d draft(s) created; set their dates before publishing.")
            % {"count": len(copies)},
            messages.SUCCESS,
        )
        if len(copies) == 1:
            return HttpResponseRedirect(
                reverse("admin:meetings_meeting_change", args=[copies[0].pk])
            )
        return None


@admin.register(ActionPoint)
class ActionPointAdmin(admin.ModelAdmin):
    list_display = ["text", "meeting", "kind", "responsible", "due_on", "status"]
    list_filter = ["kind", "status"]
    list_select_related = ["meeting", "responsible"]
    search_fields = ["text", "meeting__title"]
    autocomplete_fields = ["meeting", "responsible"]
    filter_horizontal = ["gcm_objectives"]


@admin.register(Minutes)
class MinutesAdmin(admin.ModelAdmin):
    list_display = ["meeting", "status", "circulated_on", "adopted_at"]
    list_filter = ["status"]
    list_select_related = ["meeting", "adopted_at"]
    search_fields = ["meeting__title", "text"]
    autocomplete_fields = ["meeting", "adopted_at"]
