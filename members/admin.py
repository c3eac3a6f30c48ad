from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from members.models import Organisation, Person, Position
from unnm.audit import AuditedAdmin


class PersonInline(TranslationTabularInline):
    model = Person
    fields = [
        "honorific",
        "name",
        "position",
        "email",
        "phone",
        "is_focal_point",
        "consent_public_listing",
        "is_active",
        "is_member_user",
    ]
    extra = 0
    show_change_link = True


class PositionInline(TranslationTabularInline):
    model = Position
    fields = ["title", "organisation", "started", "ended"]
    autocomplete_fields = ["organisation"]
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin, AuditedAdmin):
    list_display = [
        "name",
        "acronym",
        "kind",
        "role",
        "country",
        "member_since",
        "is_active",
        "demo_badge",
    ]
    list_filter = ["kind", "role", "is_active", "is_demo"]
    search_fields = ["name", "acronym", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonInline]
    history_children = [(Person, "organisation")]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "kind", "country", "role"]}),
        (_("Public profile"), {"fields": ["description", "website", "logo"]}),
        (_("Membership"), {"fields": ["member_since", "is_active", "is_demo"]}),
    ]

    @admin.display(description=_("demo"), boolean=False, ordering="is_demo")
    def demo_badge(self, obj):
        if obj.is_demo:
            return format_html('<span title="{}">{}</span>', _("Invented for the demo"), _("DEMO"))
        return ""


@admin.register(Person)
class PersonAdmin(TranslationAdmin, AuditedAdmin):
    list_display = [
        "name",
        "position",
        "organisation",
        "email",
        "is_focal_point",
        "consent_public_listing",
        "is_active",
        "is_demo",
    ]
    list_filter = [
        "is_focal_point",
        "consent_public_listing",
        "is_active",
        "is_member_user",
        "is_demo",
        "organisation__kind",
    ]
    list_select_related = ["organisation"]
    search_fields = ["name", "position", "email", "organisation__name", "organisation__acronym"]
    autocomplete_fields = ["organisation"]
    inlines = [PositionInline]
    history_children = [(Position, "person")]
    fieldsets = [
        (None, {"fields": ["honorific", "name", "position", "organisation"]}),
        (_("Contact (never public)"), {"fields": ["email", "phone"]}),
        (
            _("Listing"),
            {"fields": ["is_focal_point", "consent_public_listing", "is_active", "is_demo"]},
        ),
        (_("Members' area"), {"fields": ["is_member_user"]}),
    ]
