from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from meetings import services
from meetings.models import (
    RSVP,
    ActionPoint,
    AgendaItem,
    Document,
    Invitation,
    Meeting,
    Minutes,
    OutgoingMail,
    Participation,
    Remark,
    RSVPSettings,
)
from members.audit import AuditedAdmin
from members.models import Organisation
from unnm.exports import csv_response


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


@admin.register(Meeting)
class MeetingAdmin(AuditedAdmin):
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
    history_children = [
        (AgendaItem, "meeting"),
        (Remark, "meeting"),
        (Participation, "meeting"),
        (ActionPoint, "meeting"),
        (Document, "meeting"),
        (Minutes, "meeting"),
        (RSVPSettings, "meeting"),
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

    @admin.action(description=_("Duplicate as a new draft"), permissions=["add"])
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
class ActionPointAdmin(AuditedAdmin):
    list_display = ["text", "meeting", "kind", "responsible", "due_on", "status"]
    list_filter = ["kind", "status"]
    list_select_related = ["meeting", "responsible"]
    search_fields = ["text", "meeting__title"]
    autocomplete_fields = ["meeting", "responsible"]
    filter_horizontal = ["gcm_objectives"]


@admin.register(Minutes)
class MinutesAdmin(AuditedAdmin):
    list_display = ["meeting", "status", "circulated_on", "adopted_at"]
    list_filter = ["status"]
    list_select_related = ["meeting", "adopted_at"]
    search_fields = ["meeting__title", "text"]
    autocomplete_fields = ["meeting", "adopted_at"]


# RSVPs and invitations ---------------------------------------------------------------------


class RSVPSettingsInline(admin.StackedInline):
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


MeetingAdmin.inlines = [*MeetingAdmin.inlines, RSVPSettingsInline]


def _personal_link(obj):
    """For staff to pass on by hand when a mail bounces; it opens that person's answer."""
    if obj.erased_on:
        return _("(erased)")
    url = services.absolute_url(obj.get_absolute_url())
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
        ("attendance_mode", "language"),
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
        return _personal_link(obj)

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
        done = services.approve_rsvps(queryset)
        self.message_user(request, _("%(n)d answers approved.") % {"n": len(done)})

    @admin.action(description=_("Decline selected answers"), permissions=["change"])
    def decline(self, request, queryset):
        done = services.decline_rsvps(queryset)
        self.message_user(request, _("%(n)d answers declined.") % {"n": len(done)})

    @admin.action(description=_("Check in (attended)"), permissions=["change"])
    def check_in(self, request, queryset):
        n = self._set_checked_in(queryset.filter(checked_in_at__isnull=True), timezone.now())
        self._record_attendance(queryset)
        self.message_user(request, _("%(n)d participants checked in.") % {"n": n})

    @admin.action(description=_("Undo check-in"), permissions=["change"])
    def undo_check_in(self, request, queryset):
        n = self._set_checked_in(queryset.filter(checked_in_at__isnull=False), None)
        self._record_attendance(queryset)
        self.message_user(request, _("%(n)d check-ins undone.") % {"n": n})

    def _set_checked_in(self, queryset, value):
        # One save per answer, not an update(): each check-in is in the answer's history.
        rsvps = list(queryset)
        for rsvp in rsvps:
            rsvp.checked_in_at = value
            rsvp.save(update_fields=["checked_in_at", "modified"])
        return len(rsvps)

    def _record_attendance(self, queryset):
        for meeting in Meeting.objects.filter(rsvps__in=queryset).distinct():
            services.record_attendance(meeting)

    @admin.action(
        description=_("Send a reminder to the selected participants"), permissions=["change"]
    )
    def send_reminder(self, request, queryset):
        n = services.remind(rsvps=queryset.active().select_related("meeting__rsvp_settings"))
        self.message_user(request, _("%(n)d reminders queued.") % {"n": n})

    @admin.action(description=_("Export selected as CSV"))
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
                n = services.remind(**form.recipients(meeting))
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
        if not request.user.has_perm("meetings.change_rsvp"):
            raise PermissionDenied
        action = request.POST.get("action", "find") if request.method == "POST" else None
        form = PersonalDataRequestForm(request.POST if action else None)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Personal data request"),
            "form": form,
            "opts": self.model._meta,
            "may_erase": request.user.has_perms(ERASE_PERMISSIONS),
        }
        if not (action and form.is_valid()):
            return TemplateResponse(request, "admin/meetings/personal_data.html", context)
        email = form.cleaned_data["email"]
        if action in ("confirm", "erase") and not context["may_erase"]:
            raise PermissionDenied
        if action == "erase" and request.POST.get("confirmed") == "yes":
            done = services.erase_person(email)
            self.message_user(request, erasure_message(done), messages.SUCCESS)
            return redirect("admin:meetings_rsvp_personal_data")
        found = services.personal_data_for(email)
        if action == "export":
            response = JsonResponse(
                personal_data_export(email, found), json_dumps_params={"indent": 2}
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
                created = services.invite_organisations(meeting, form.cleaned_data["organisations"])
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


ERASE_PERMISSIONS = [
    "meetings.change_rsvp",
    "meetings.change_invitation",
    "members.change_person",
    "members.delete_person",
]


class PersonalDataRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of the person"),
        help_text=_("Their answers, invitations, mails and focal point record are looked up."),
    )


def _iso(moment):
    return timezone.localtime(moment).isoformat() if moment else None


def personal_data_export(email, found):
    """What a person gets when they ask for their data (a JSON document)."""
    return {
        "email": email,
        "exported_at": _iso(timezone.now()),
        "controller": settings.UNNM_SECRETARIAT_NAME,
        "rsvps": [
            {
                "meeting": rsvp.meeting.title,
                "meeting_start": _iso(rsvp.meeting.start),
                "name": rsvp.name,
                "email": rsvp.email,
                "organisation": rsvp.organisation.name if rsvp.organisation else None,
                "organisation_name": rsvp.organisation_name,
                "position": rsvp.position,
                "attendance_mode": rsvp.attendance_mode,
                "language": rsvp.language,
                "needs": rsvp.needs,
                "consent_public_listing": rsvp.consent_public_listing,
                "privacy_accepted_at": _iso(rsvp.privacy_accepted_at),
                "status": rsvp.status,
                "checked_in_at": _iso(rsvp.checked_in_at),
                "answered": _iso(rsvp.created),
                "modified": _iso(rsvp.modified),
            }
            for rsvp in found["rsvps"]
        ],
        "invitations": [
            {
                "meeting": invitation.meeting.title,
                "meeting_start": _iso(invitation.meeting.start),
                "name": invitation.name,
                "email": invitation.email,
                "kind": invitation.kind,
                "organisation": invitation.organisation.name if invitation.organisation else None,
                "status": invitation.status,
                "invited": _iso(invitation.created),
                "answered_at": _iso(invitation.answered_at),
                "reminded_at": _iso(invitation.reminded_at),
            }
            for invitation in found["invitations"]
        ],
        "mails": [
            {
                "kind": mail.kind,
                "to": mail.to,
                "subject": mail.subject,
                "body": mail.body,
                "status": mail.status,
                "created": _iso(mail.created),
                "sent_at": _iso(mail.sent_at),
            }
            for mail in found["mails"]
        ],
        "people": [
            {
                "honorific": person.honorific,
                "name": person.name,
                "position": person.position,
                "organisation": person.organisation.name if person.organisation else None,
                "email": person.email,
                "phone": person.phone,
                "is_focal_point": person.is_focal_point,
                "consent_public_listing": person.consent_public_listing,
                "is_active": person.is_active,
                "positions": [
                    {
                        "title": held.title,
                        "organisation": held.organisation.name if held.organisation else None,
                        "started": held.started.isoformat() if held.started else None,
                        "ended": held.ended.isoformat() if held.ended else None,
                    }
                    for held in person.positions.all()
                ],
            }
            for person in found["people"]
        ],
    }


def erasure_message(done):
    message = _(
        "Erased. Answers: %(rsvps)d (cancelled first: %(cancelled)d); invitations: "
        "%(invitations)d; mails: %(mails)d; person records deleted: %(deleted)d."
    ) % {
        "rsvps": done["rsvps"],
        "cancelled": done["cancelled"],
        "invitations": done["invitations"],
        "mails": done["mails"],
        "deleted": done["people_deleted"],
    }
    if done["people_kept"]:
        message += " " + _(
            "Kept, as speakers in meeting records, with their email and phone cleared: %(names)s."
        ) % {"names": ", ".join(person.name for person in done["people_kept"])}
    return message


class ReminderForm(forms.Form):
    GROUPS = [
        ("unanswered", _("Invitees who have not answered")),
        ("confirmed", _("Confirmed participants")),
        ("waitlisted", _("People on the waiting list")),
        ("pending", _("Answers awaiting approval")),
    ]
    group = forms.ChoiceField(label=_("Send a reminder to"), choices=GROUPS)

    def recipients(self, meeting):
        group = self.cleaned_data["group"]
        if group == "unanswered":
            return {"invitations": meeting.invitations.unanswered().select_related("organisation")}
        rsvps = meeting.rsvps.filter(status=group).select_related("meeting__rsvp_settings")
        return {"rsvps": rsvps}


class InviteOrganisationsForm(forms.Form):
    meeting = forms.ModelChoiceField(
        label=_("Meeting"),
        queryset=Meeting.objects.exclude(status=Meeting.Status.DRAFT).filter(
            rsvp_settings__isnull=False
        ),
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations"),
        queryset=Organisation.objects.active(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each active focal point with an email address gets a personal link."),
    )


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


class InvitationAdminForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["meeting", "kind", "person", "organisation", "name", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False
        self.fields["email"].required = False
        self.fields["name"].help_text = _("Empty: the person's name.")
        self.fields["email"].help_text = _("Empty: the person's email.")

    def clean(self):
        cleaned = super().clean()
        person = cleaned.get("person")
        if person is not None:
            cleaned["name"] = cleaned.get("name") or person.name
            cleaned["email"] = cleaned.get("email") or person.email
            cleaned["organisation"] = cleaned.get("organisation") or person.organisation
        if not cleaned.get("email"):
            self.add_error("email", _("An email address is needed to send the invitation."))
        if not cleaned.get("name"):
            self.add_error("name", _("A name is needed."))
        if cleaned.get("kind") == Invitation.Kind.ORGANISATION and not cleaned.get("organisation"):
            self.add_error(
                "organisation", _("Choose the organisation this focal point answers for.")
            )
        meeting, email = cleaned.get("meeting"), cleaned.get("email")
        if (
            meeting
            and email
            and not self.instance.pk
            and Invitation.objects.filter(meeting=meeting, email__iexact=email).exists()
        ):
            self.add_error("email", _("This address is already invited to this meeting."))
        return cleaned


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
        return _personal_link(obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            services.queue_invitation_mail(obj, OutgoingMail.Kind.INVITATION)

    @admin.action(
        description=_("Send a reminder (those who have not answered)"), permissions=["change"]
    )
    def send_reminder(self, request, queryset):
        n = services.remind(invitations=queryset.unanswered().select_related("meeting"))
        self.message_user(request, _("%(n)d reminders queued.") % {"n": n})


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
        "rsvp",
        "invitation",
        "attach_ics",
        "status",
        "error",
        "attempts",
        "sent_at",
        "created",
        "erased_on",
    ]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("error"))
    def short_error(self, obj):
        return obj.error[:80]

    @admin.action(description=_("Send again"), permissions=["change"])
    def resend(self, request, queryset):
        n = services.resend(queryset)
        self.message_user(request, _("%(n)d mails queued again.") % {"n": n})
