"""Invitations in the admin: to a person, or to an organisation through its focal point."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from meetings.admin.forms import InvitationAdminForm
from meetings.admin.rsvps import personal_link_html
from meetings.invitations import remind
from meetings.mail import queue_invitation_mail
from meetings.models import Invitation
from unnm.audit import AuditedAdmin
from unnm.models import MailKind
from unnm.outbox import site_url


@admin.register(Invitation)
class InvitationAdmin(AuditedAdmin):
    form = InvitationAdminForm
    list_display = [
        "name",
        "organisation",
        "meeting",
        "kind",
        "status",
        "answered_at",
        "reminded_at",
        "created",
    ]
    list_filter = [
        "status",
        "kind",
        "organisation__kind",
        ("meeting", admin.RelatedOnlyFieldListFilter),
        ("erased_on", admin.EmptyFieldListFilter),
    ]
    list_select_related = ["meeting", "organisation"]
    search_fields = ["name", "email", "organisation__name", "organisation__acronym"]
    autocomplete_fields = ["meeting", "person", "organisation"]
    actions = ["send_reminder"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["meeting", "kind", "email", "status", "erased_on", "personal_link"]

    @admin.display(description=_("personal link"))
    def personal_link(self, obj):
        return personal_link_html(obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            queue_invitation_mail(obj, MailKind.INVITATION, base_url=site_url(request))

    @admin.action(
        description=_("Send a reminder (those who have not answered)"), permissions=["change"]
    )
    def send_reminder(self, request, queryset):
        n = remind(
            invitations=queryset.unanswered().select_related("meeting"),
            base_url=site_url(request),
        )
        self.message_user(request, _("%(n)d reminders queued.") % {"n": n})
