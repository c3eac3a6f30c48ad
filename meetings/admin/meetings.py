"""The meeting's admin screen (with its agenda, remarks, participation… and RSVP settings)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from frameworks import admin as frameworks_admin
from frameworks.models import Activity
from meetings import rsvp as answers
from meetings.admin.agenda import AgendaItemInline, RemarkInline
from meetings.admin.forms import DuplicateMeetingForm, MeetingAdminForm
from meetings.duplication import duplicate_meeting, next_in_series
from meetings.models import (
    ActionPoint,
    AgendaItem,
    Document,
    Meeting,
    Minutes,
    Participation,
    ParticipationByKind,
    Remark,
    RSVPSettings,
)
from unnm.audit import AuditedAdmin
from unnm.outbox import site_url


class YearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Meeting.objects.dates("start", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        value = self.value() or ""
        if len(value) == 4 and value.isascii() and value.isdigit():  # never "²" or "99999"
            return queryset.filter(start__year=int(value))
        return queryset


class ParticipationInline(admin.TabularInline):
    model = Participation
    fields = ["organisation", "role", "representatives"]
    autocomplete_fields = ["organisation"]
    extra = 0


class ParticipationByKindInline(admin.TabularInline):
    model = ParticipationByKind
    fields = ["kind"]
    extra = 0


class ActionPointInline(TranslationTabularInline):
    model = ActionPoint
    fields = ["order", "kind", "text", "responsible", "due_on", "status", "completed_on"]
    autocomplete_fields = ["responsible"]
    extra = 0


class DocumentInline(TranslationTabularInline):
    model = Document
    fields = ["order", "title", "kind", "file", "stored_file", "external_url", "visibility"]
    readonly_fields = ["stored_file"]
    extra = 0

    @admin.display(description=_("current file"))
    def stored_file(self, obj):
        # The file has no public address; staff open it through the checked download view.
        if not obj.pk or not obj.file:
            return ""
        return format_html('<a href="{}">{}</a>', obj.url, obj.file.name.rsplit("/", 1)[-1])


class MinutesInline(admin.StackedInline):
    model = Minutes
    fk_name = "meeting"
    fields = ["status", "circulated_on", "adopted_at", "text"]
    autocomplete_fields = ["adopted_at"]
    extra = 0
    max_num = 1


class RSVPSettingsInline(TranslationStackedInline):
    model = RSVPSettings
    can_delete = True
    max_num = 1
    extra = 0
    verbose_name_plural = _("RSVP (answers, capacity, invitations)")
    readonly_fields = ["overview_link"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "overview_link",
                    ("opens_at", "closes_at"),
                    ("capacity", "capacity_in_person", "capacity_online"),
                    "is_moderated",
                    "interpretation_languages",
                ]
            },
        ),
        (
            _("Email wording"),
            {
                "classes": ["collapse"],
                "fields": [
                    "confirmation_subject",
                    "confirmation_text",
                    "invitation_subject",
                    "invitation_text",
                ],
            },
        ),
    ]

    @admin.display(description=_("overview"))
    def overview_link(self, obj):
        if not obj.pk:
            return _("Save first.")
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:meetings_rsvp_overview", args=[obj.meeting_id]),
            _("Invited, answered, confirmed… by organisation; reminders"),
        )


@admin.register(Meeting)
class MeetingAdmin(TranslationAdmin, AuditedAdmin):
    form = MeetingAdminForm
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
    autocomplete_fields = ["organiser", "chairs", "activities"]
    filter_horizontal = ["gcm_objectives", "priorities"]
    readonly_fields = ["public_page"]
    actions = ["duplicate_as_draft"]
    inlines = [
        AgendaItemInline,
        RemarkInline,
        ParticipationInline,
        ParticipationByKindInline,
        ActionPointInline,
        DocumentInline,
        MinutesInline,
        RSVPSettingsInline,
    ]
    history_children = [
        (AgendaItem, "meeting"),
        (Remark, "meeting"),
        (Participation, "meeting"),
        (ParticipationByKind, "meeting"),
        (ActionPoint, "meeting"),
        (Document, "meeting"),
        (Minutes, "meeting"),
        (RSVPSettings, "meeting"),
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "public_page",
                    "kind",
                    "format",
                    "status",
                    "confirm_publish",
                    "visibility",
                ]
            },
        ),
        (_("When and where"), {"fields": ["start", "end", "time_unknown", "venue", "online_link"]}),
        (_("People"), {"fields": ["organiser", "chairs"]}),
        (_("Content"), {"fields": ["summary", "description"]}),
        (
            _("Frameworks and work plan"),
            {"fields": ["gcm_objectives", "priorities", "activities"], "classes": ["collapse"]},
        ),
        (_("Demo"), {"fields": ["is_demo"], "classes": ["collapse"]}),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Seats the new settings free (capacity raised) go to the waiting list, in its order,
        # before any new answer can take them.
        meeting = form.instance
        if RSVPSettings.objects.filter(meeting=meeting).exists():
            promoted = answers.promote_freed_seats(meeting, base_url=site_url(request))
            if promoted:
                self.message_user(
                    request,
                    _("%(n)d people from the waiting list got a seat and are told by email.")
                    % {"n": len(promoted)},
                    messages.SUCCESS,
                )

    @admin.display(description=_("public page"))
    def public_page(self, obj):
        if not obj.pk:
            return _("Available once saved.")
        label = _("Preview the public page (draft)") if obj.is_draft else _("Open the public page")
        return format_html('<a href="{}" target="_blank">{}</a>', obj.get_absolute_url(), label)

    def get_urls(self):
        return [
            path(
                "<int:object_id>/duplicate/",
                self.admin_site.admin_view(self.duplicate_view),
                name="meetings_meeting_duplicate",
            ),
            *super().get_urls(),
        ]

    @admin.action(description=_("Duplicate as a new draft"), permissions=["add"])
    def duplicate_as_draft(self, request, queryset):
        # Each copy needs its own date: one meeting at a time, through the page that asks it.
        if queryset.count() != 1:
            self.message_user(
                request,
                _("Choose one meeting to duplicate: the copy needs its date."),
                messages.ERROR,
            )
            return None
        return redirect("admin:meetings_meeting_duplicate", queryset.get().pk)

    def duplicate_view(self, request, object_id):
        """Ask the new meeting's date (the next in the series proposed), then copy it."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        meeting = get_object_or_404(Meeting, pk=object_id)
        if request.method == "POST":
            form = DuplicateMeetingForm(request.POST)
            if form.is_valid():
                copy = duplicate_meeting(meeting, start=form.cleaned_data["start"])
                self.message_user(
                    request,
                    _("Draft created from %(meeting)s: check it, then publish it.")
                    % {"meeting": meeting.title},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse("admin:meetings_meeting_change", args=[copy.pk])
                )
        else:
            form = DuplicateMeetingForm(initial={"start": next_in_series(meeting)})
        context = {
            **self.admin_site.each_context(request),
            "title": _("Duplicate as a new draft: %(meeting)s") % {"meeting": meeting.title},
            "meeting": meeting,
            "form": form,
            "media": self.media + form.media,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/meetings/meeting_duplicate.html", context)


@admin.register(ActionPoint)
class ActionPointAdmin(TranslationAdmin, AuditedAdmin):
    list_display = ["text", "meeting", "kind", "responsible", "due_on", "status"]
    list_filter = ["kind", "status"]
    list_select_related = ["meeting", "responsible"]
    search_fields = ["text", "meeting__title"]
    autocomplete_fields = ["meeting", "responsible", "activities"]
    filter_horizontal = ["gcm_objectives"]


class ActivityMeetingInline(admin.TabularInline):
    """On an activity's screen: the meetings it was discussed at (the link is the meeting's)."""

    model = Meeting.activities.through
    autocomplete_fields = ["meeting"]
    extra = 0
    verbose_name = _("meeting")
    verbose_name_plural = _("meetings where the activity was planned, discussed or reported on")


class ActivityActionPointInline(admin.TabularInline):
    model = ActionPoint.activities.through
    autocomplete_fields = ["actionpoint"]
    extra = 0
    verbose_name = _("meeting outcome or action point")
    verbose_name_plural = _("meeting outcomes and action points this activity carries out")


# The work plan's activity screen, with the meetings that link to it: this app depends on the
# frameworks app, so it extends that app's admin rather than the other way round.
admin.site.unregister(Activity)


@admin.register(Activity)
class ActivityAdmin(frameworks_admin.ActivityAdmin):
    inlines = [
        *frameworks_admin.ActivityAdmin.inlines,
        ActivityMeetingInline,
        ActivityActionPointInline,
    ]


@admin.register(Minutes)
class MinutesAdmin(AuditedAdmin):
    list_display = ["meeting", "status", "circulated_on", "adopted_at"]
    list_filter = ["status"]
    list_select_related = ["meeting", "adopted_at"]
    search_fields = ["meeting__title", "text"]
    autocomplete_fields = ["meeting", "adopted_at"]
