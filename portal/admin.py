"""
The members' area in the admin: comments beside the minutes, members' progress reports to
review, announcements, the consented contacts' CSV, and what members changed. This app sits on
top of the others, so it extends their admin screens (as meetings extends the activity's).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from meetings.admin.meetings import MinutesAdmin as BaseMinutesAdmin
from meetings.admin.rsvps import RSVPAdmin as BaseRSVPAdmin
from meetings.models import RSVP, Minutes
from members.admin import OrganisationAdmin as BaseOrganisationAdmin
from members.admin import PersonAdmin as BasePersonAdmin
from members.models import Organisation, Person
from portal import announcements, work
from portal import privacy as portal_privacy
from portal.minutes import open_for_comment
from portal.models import Announcement, CommentRound, MinutesComment, ProgressReport
from unnm.audit import AuditedAdmin
from unnm.exports import csv_response


class CommentRoundInline(admin.StackedInline):
    model = CommentRound
    fields = ["comments_close_on", "members_mailed_at"]
    readonly_fields = ["members_mailed_at"]
    extra = 0
    max_num = 1
    can_delete = False
    verbose_name_plural = _("comments from members (closing date)")


class MinutesCommentInline(admin.TabularInline):
    model = MinutesComment
    fields = ["created", "person", "organisation", "text"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("members' comments")

    def has_add_permission(self, request, obj=None):
        return False


admin.site.unregister(Minutes)


@admin.register(Minutes)
class MinutesAdmin(BaseMinutesAdmin):
    """
    Minutes with their comment round and the members' comments beside them. Saving them as
    "circulated to members" mails every member user once (through the outbox).
    """

    inlines = [*BaseMinutesAdmin.inlines, CommentRoundInline, MinutesCommentInline]
    list_display = [*BaseMinutesAdmin.list_display, "comment_count"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(comments=Count("member_comments"))

    @admin.display(description=_("comments"), ordering="comments")
    def comment_count(self, obj):
        return obj.comments

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        mailed = open_for_comment(form.instance)
        if mailed:
            self.message_user(
                request,
                _("The draft minutes were mailed to %(n)d members for comment.") % {"n": mailed},
                messages.SUCCESS,
            )


@admin.register(ProgressReport)
class ProgressReportAdmin(AuditedAdmin):
    list_display = ["activity", "organisation", "person", "date", "status", "review", "created"]
    list_filter = ["review", "organisation__kind", "organisation"]
    list_select_related = ["activity", "organisation", "person"]
    search_fields = ["text", "activity__title", "organisation__name"]
    readonly_fields = ["activity", "organisation", "person", "review", "update", "created"]
    fields = ["activity", "organisation", "person", "date", "status", "text", "review", "update"]
    actions = ["publish_reports", "decline_reports"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Publish on the activity's page"), permissions=["change"])
    def publish_reports(self, request, queryset):
        for report in queryset:
            work.publish(report)
        self.message_user(request, _("%(n)d updates published.") % {"n": queryset.count()})

    @admin.action(description=_("Do not publish (take off the page)"), permissions=["change"])
    def decline_reports(self, request, queryset):
        for report in queryset:
            work.decline(report)
        self.message_user(request, _("%(n)d updates not published.") % {"n": queryset.count()})


@admin.register(Announcement)
class AnnouncementAdmin(AuditedAdmin):
    list_display = [
        "subject",
        "organisation_kind",
        "organisation_role",
        "sent_at",
        "recipients",
    ]
    list_filter = ["organisation_kind", "organisation_role"]
    search_fields = ["subject", "text"]
    fields = ["subject", "text", "organisation_kind", "organisation_role", "sent_at", "recipients"]
    readonly_fields = ["sent_at", "recipients"]
    actions = ["send"]

    @admin.action(description=_("Send to the members"), permissions=["change"])
    def send(self, request, queryset):
        total = 0
        for announcement in queryset.filter(sent_at__isnull=True):
            total += announcements.send_announcement(announcement)
        self.message_user(request, _("%(n)d mails queued.") % {"n": total}, messages.SUCCESS)


class ChangedByMembersFilter(admin.SimpleListFilter):
    """Records a member changed in the members' area (a version by a user without staff status)."""

    title = _("changed by members")
    parameter_name = "changed_by_members"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes"))]

    def queryset(self, request, queryset):
        if self.value() != "yes":
            return queryset
        changed = queryset.model.history.filter(
            history_user__isnull=False, history_user__is_staff=False
        ).values("id")
        return queryset.filter(pk__in=changed)


CONTACT_HEADER = [
    _("organisation"),
    _("kind"),
    _("name"),
    _("position"),
    _("focal point"),
    _("email"),
    _("phone"),
]


admin.site.unregister(Organisation)


@admin.register(Organisation)
class OrganisationAdmin(BaseOrganisationAdmin):
    list_filter = [*BaseOrganisationAdmin.list_filter, ChangedByMembersFilter]
    actions = ["export_contacts"]

    @admin.action(description=_("Export the consented contacts (CSV)"))
    def export_contacts(self, request, queryset):
        """The people of these organisations who agreed to be listed, by kind and organisation."""
        if not request.user.has_perm("meetings.export_personal_data"):
            raise PermissionDenied
        people = (
            Person.objects.active()
            .filter(organisation__in=queryset, consent_public_listing=True)
            .select_related("organisation")
            .order_by("organisation__kind", "organisation__name", "name")
        )
        rows = [
            [
                person.organisation.name,
                person.organisation.get_kind_display(),
                person.display_name,
                person.position,
                _("yes") if person.is_focal_point else _("no"),
                person.email,
                person.phone,
            ]
            for person in people
        ]
        return csv_response("contacts.csv", [str(h) for h in CONTACT_HEADER], rows)


admin.site.unregister(Person)


@admin.register(Person)
class PersonAdmin(BasePersonAdmin):
    list_filter = [*BasePersonAdmin.list_filter, ChangedByMembersFilter]


admin.site.unregister(RSVP)


@admin.register(RSVP)
class RSVPAdmin(BaseRSVPAdmin):
    """A person's data request covers the members' area too."""

    privacy = portal_privacy
