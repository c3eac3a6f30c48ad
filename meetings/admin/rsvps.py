"""Answers in the admin: the list and its actions, the overview by organisation, CSV export,
a person's personal data request."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from meetings import privacy
from meetings import rsvp as answers
from meetings.admin.forms import InviteOrganisationsForm, PersonalDataRequestForm, ReminderForm
from meetings.invitations import invite_organisations, remind
from meetings.mail import absolute_url
from meetings.models import RSVP, Invitation, Meeting
from meetings.rsvp import approve_rsvps, decline_rsvps
from unnm.audit import AuditedAdmin
from unnm.exports import csv_response
from unnm.outbox import site_url


def personal_link_html(obj):
    """For staff to pass on by hand when a mail bounces; it opens that person's answer."""
    if obj.erased_on:
        return _("(erased)")
    url = absolute_url(obj.get_absolute_url())
    return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, url)


class CheckedInFilter(admin.SimpleListFilter):
    title = _("checked in")
    parameter_name = "checked_in"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(checked_in_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(checked_in_at__isnull=True)
        return queryset


@admin.register(RSVP)
class RSVPAdmin(AuditedAdmin):
    # What a person's data request finds, exports and erases; an app above this one (the
    # members' area) extends it with its own records.
    privacy = privacy
    list_display = [
        "name",
        "organisation_column",
        "meeting",
        "attendance_mode",
        "status",
        "waitlist_column",
        "checked_in_at",
        "created",
    ]
    list_filter = [
        "status",
        "attendance_mode",
        CheckedInFilter,
        "organisation__kind",
        ("organisation", admin.RelatedOnlyFieldListFilter),
        ("meeting", admin.RelatedOnlyFieldListFilter),
        ("erased_on", admin.EmptyFieldListFilter),
    ]
    list_select_related = ["meeting", "organisation"]
    search_fields = [
        "name",
        "email",
        "position",
        "organisation__name",
        "organisation__acronym",
        "organisation_name",
    ]
    autocomplete_fields = ["organisation"]
    date_hierarchy = "created"
    readonly_fields = [
        "meeting",
        "email",
        "status",
        "queued_at",
        "invitation",
        "mail_language",
        "privacy_accepted_at",
        "created",
        "modified",
        "erased_on",
        "personal_link",
    ]
    fields = [
        "meeting",
        ("name", "email"),
        ("organisation", "organisation_name"),
        "position",
        ("attendance_mode", "language", "mail_language"),
        "needs",
        "consent_public_listing",
        ("status", "queued_at"),
        "checked_in_at",
        "invitation",
        ("privacy_accepted_at", "created", "modified"),
        "erased_on",
        "personal_link",
    ]
    actions = ["approve", "decline", "check_in", "undo_check_in", "export_csv", "send_reminder"]

    def has_add_permission(self, request):
        # Answers come through the form or an invitation, which take the seat under a lock.
        return False

    def get_urls(self):
        return [
            path(
                "overview/<int:meeting_id>/",
                self.admin_site.admin_view(self.overview_view),
                name="meetings_rsvp_overview",
            ),
            path(
                "invite-organisations/",
                self.admin_site.admin_view(self.invite_organisations_view),
                name="meetings_rsvp_invite_organisations",
            ),
            path(
                "personal-data/",
                self.admin_site.admin_view(self.personal_data_view),
                name="meetings_rsvp_personal_data",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("personal link"))
    def personal_link(self, obj):
        return personal_link_html(obj)

    @admin.display(description=_("organisation"), ordering="organisation__name")
    def organisation_column(self, obj):
        return obj.organisation_display

    @admin.display(description=_("waiting since"), ordering="queued_at")
    def waitlist_column(self, obj):
        return obj.queued_at or ""

    @admin.action(
        description=_("Approve selected answers (moderated meetings)"), permissions=["change"]
    )
    def approve(self, request, queryset):
        done = approve_rsvps(queryset, base_url=site_url(request))
        self.message_user(request, _("%(n)d answers approved.") % {"n": len(done)})

    @admin.action(description=_("Decline selected answers"), permissions=["change"])
    def decline(self, request, queryset):
        done = decline_rsvps(queryset, base_url=site_url(request))
        self.message_user(request, _("%(n)d answers declined.") % {"n": len(done)})

    @admin.action(description=_("Check in (attended)"), permissions=["change"])
    def check_in(self, request, queryset):
        try:
            n = answers.check_in(queryset)
        except answers.CheckInTooEarly:
            self.message_user(
                request,
                _("Check-in opens on the day of the meeting; nobody was checked in."),
                messages.ERROR,
            )
            return
        self.message_user(request, _("%(n)d participants checked in.") % {"n": n})

    @admin.action(description=_("Undo check-in"), permissions=["change"])
    def undo_check_in(self, request, queryset):
        n = answers.undo_check_in(queryset)
        self.message_user(request, _("%(n)d check-ins undone.") % {"n": n})

    @admin.action(
        description=_("Send a reminder to the selected participants"), permissions=["change"]
    )
    def send_reminder(self, request, queryset):
        n = remind(
            rsvps=queryset.active().select_related("meeting__rsvp_settings"),
            base_url=site_url(request),
        )
        self.message_user(request, _("%(n)d reminders queued.") % {"n": n})

    def has_export_personal_data_permission(self, request):
        return request.user.has_perm("meetings.export_personal_data")

    @admin.action(description=_("Export selected as CSV"), permissions=["export_personal_data"])
    def export_csv(self, request, queryset):
        rsvps = queryset.select_related("meeting", "organisation").order_by("meeting", "name")
        return csv_response(
            "rsvps.csv",
            [
                _("meeting"),
                _("name"),
                _("email"),
                _("organisation"),
                _("kind of organisation"),
                _("position"),
                _("attendance"),
                _("interpretation language"),
                _("needs"),
                _("status"),
                _("waiting since"),
                _("public listing"),
                _("checked in"),
                _("answered"),
            ],
            (
                [
                    rsvp.meeting.title,
                    rsvp.name,
                    rsvp.email,
                    rsvp.organisation.name if rsvp.organisation else rsvp.organisation_name,
                    rsvp.organisation.get_kind_display() if rsvp.organisation else "",
                    rsvp.position,
                    rsvp.get_attendance_mode_display(),
                    rsvp.language,
                    rsvp.needs,
                    rsvp.get_status_display(),
                    rsvp.queued_at and timezone.localtime(rsvp.queued_at).isoformat(),
                    _("yes") if rsvp.consent_public_listing else _("no"),
                    rsvp.checked_in_at and timezone.localtime(rsvp.checked_in_at).isoformat(),
                    timezone.localtime(rsvp.created).isoformat(),
                ]
                for rsvp in rsvps
            ),
        )

    def overview_view(self, request, meeting_id):
        """Per meeting and organisation: invited, answered, confirmed, waitlisted... reminders."""
        # admin_view() only checks that the user is staff: a viewer sees, a changer reminds.
        if not self.has_view_permission(request) or (
            request.method == "POST" and not self.has_change_permission(request)
        ):
            raise PermissionDenied
        meeting = get_object_or_404(Meeting, pk=meeting_id)
        if request.method == "POST":
            form = ReminderForm(request.POST)
            if form.is_valid():
                n = remind(**form.recipients(meeting), base_url=site_url(request))
                self.message_user(request, _("%(n)d reminders queued.") % {"n": n})
                return redirect(request.path)
        else:
            form = ReminderForm()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Answers and invitations: %(meeting)s") % {"meeting": meeting.title},
            "meeting": meeting,
            "rows": rsvp_overview_rows(meeting),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/meetings/rsvp_overview.html", context)

    def personal_data_view(self, request):
        """A person's request: everything kept for one email address; export it or erase it."""
        if not request.user.has_perm("meetings.export_personal_data"):
            raise PermissionDenied
        action = request.POST.get("action", "find") if request.method == "POST" else None
        form = PersonalDataRequestForm(request.POST if action else None)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Personal data request"),
            "form": form,
            "opts": self.model._meta,
            "may_erase": request.user.has_perm("meetings.erase_personal_data"),
        }
        if not (action and form.is_valid()):
            return TemplateResponse(request, "admin/meetings/personal_data.html", context)
        email = form.cleaned_data["email"]
        if action in ("confirm", "erase") and not context["may_erase"]:
            raise PermissionDenied
        if action == "erase" and request.POST.get("confirmed") == "yes":
            done = self.privacy.erase_person(email)
            self.message_user(request, self.privacy.erasure_message(done), messages.SUCCESS)
            return redirect("admin:meetings_rsvp_personal_data")
        found = self.privacy.personal_data_for(email)
        if action == "export":
            response = JsonResponse(
                self.privacy.personal_data_export(email, found), json_dumps_params={"indent": 2}
            )
            response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
            response["Cache-Control"] = "no-store"
            return response
        context |= {"email": email, "found": found, "confirming": action in ("confirm", "erase")}
        return TemplateResponse(request, "admin/meetings/personal_data.html", context)

    def invite_organisations_view(self, request):
        if not request.user.has_perm("meetings.add_invitation"):
            raise PermissionDenied
        if request.method == "POST":
            form = InviteOrganisationsForm(request.POST)
            if form.is_valid():
                meeting = form.cleaned_data["meeting"]
                created = invite_organisations(
                    meeting,
                    form.cleaned_data["organisations"],
                    base_url=site_url(request),
                    language=form.cleaned_data["language"] or None,
                )
                self.message_user(request, _("%(n)d invitations sent.") % {"n": len(created)})
                return redirect("admin:meetings_rsvp_overview", meeting.pk)
        else:
            form = InviteOrganisationsForm(initial={"meeting": request.GET.get("meeting")})
        context = {
            **self.admin_site.each_context(request),
            "title": _("Invite member organisations"),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/meetings/invite_organisations.html", context)


def rsvp_overview_rows(meeting):
    """One row per organisation (and one for people without a member organisation)."""
    rows = {}

    def row(org_id, label):
        return rows.setdefault(
            org_id,
            {
                "organisation": label,
                "invited": 0,
                "answered": 0,
                "no_answer": 0,
                "confirmed": 0,
                "waitlisted": 0,
                "pending": 0,
                "declined": 0,
                "not_attending": 0,
                "cancelled": 0,
                "attended": 0,
            },
        )

    no_org = _("Other / not a member")
    for invitation in meeting.invitations.select_related("organisation"):
        r = row(invitation.organisation_id, invitation.organisation or no_org)
        r["invited"] += 1
        if invitation.status == Invitation.Status.SENT:
            r["no_answer"] += 1
        elif invitation.status == Invitation.Status.DECLINED:
            r["declined"] += 1
    for rsvp in meeting.rsvps.select_related("organisation"):
        r = row(rsvp.organisation_id, rsvp.organisation or no_org)
        r["answered"] += 1
        r[rsvp.status] += 1
        if rsvp.checked_in_at:
            r["attended"] += 1
    ordered = sorted(rows.values(), key=lambda r: str(r["organisation"]))
    totals = {key: sum(r[key] for r in ordered) for key in ordered[0] if key != "organisation"}
    return ordered + [{"organisation": _("Total"), **totals}] if ordered else []
