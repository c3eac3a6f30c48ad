"""The outbox in the admin: every mail the application sent or will send, and "send again"."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from unnm import outbox
from unnm.models import OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ["created", "to", "subject", "kind", "status", "attempts", "short_error"]
    list_filter = ["status", "kind", ("erased_on", admin.EmptyFieldListFilter)]
    search_fields = ["to", "subject"]
    date_hierarchy = "created"
    actions = ["resend"]
    readonly_fields = [
        "kind",
        "to",
        "subject",
        "body",
        "regarding_type",
        "regarding_id",
        "language",
        "attachment_names",
        "status",
        "error",
        "attempts",
        "sent_at",
        "created",
        "erased_on",
    ]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("attachments"))
    def attachment_names(self, obj):
        return ", ".join(attachment["filename"] for attachment in obj.attachments)

    @admin.display(description=_("error"))
    def short_error(self, obj):
        return obj.error[:80]

    @admin.action(description=_("Send again"), permissions=["change"])
    def resend(self, request, queryset):
        n = outbox.resend(queryset)
        self.message_user(request, _("%(n)d mails queued again.") % {"n": n})
