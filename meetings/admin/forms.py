"""The forms of the admin's own pages: reminders, organisation invitations, personal data."""

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminSplitDateTime
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from meetings.admin.agenda import AGENDA_PREFIX, numbers_in_row_order
from meetings.models import Invitation, Meeting
from members.models import Organisation


def mail_language_field(**kwargs):
    """The languages the network writes mails in (settings.LANGUAGES, read when the form is)."""
    return forms.ChoiceField(
        label=_("Language of mails"),
        choices=lambda: settings.LANGUAGES,
        initial=lambda: settings.LANGUAGE_CODE,
        required=False,  # left out (a script, an older form): the network's default language
        **kwargs,
    )


class PersonalDataRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of the person"),
        help_text=_("Their answers, invitations, mails and focal point record are looked up."),
    )


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
    language = mail_language_field(
        help_text=_("The invitations and their reminders are written in it.")
    )


class InvitationAdminForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["meeting", "kind", "person", "organisation", "name", "email", "mail_language"]

    mail_language = mail_language_field(
        help_text=_(
            "The invitation and its reminders are written in it; answering the invitation's page "
            "in another language switches to that one."
        )
    )

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


def _moment(value):
    return date_format(timezone.localtime(value), "j F Y, H:i")


class MeetingAdminForm(forms.ModelForm):
    """
    The meeting's admin form. Publishing a meeting that would mislead partners (it is over, has
    no agenda, or would refuse answers) asks first: the save stops with the reasons and a
    "publish anyway" box. The agenda and RSVP settings are inlines, read from the same POST.
    """

    confirm_publish = forms.BooleanField(
        label=_("Publish anyway"),
        required=False,
        widget=forms.HiddenInput,
        help_text=_("Tick to publish despite the reasons given above."),
    )

    class Meta:
        model = Meeting
        # What the warnings read; the admin adds the rest of its fieldsets (ModelAdmin.get_form).
        fields = ["status", "start", "end"]

    def clean(self):
        cleaned = super().clean()
        warnings = self.publish_warnings(cleaned)
        if warnings and not cleaned.get("confirm_publish"):
            self.fields["confirm_publish"].widget = forms.CheckboxInput()
            raise forms.ValidationError(
                [_("Publish this meeting? Check first:"), *warnings], code="confirm_publish"
            )
        return cleaned

    def publish_warnings(self, cleaned):
        if cleaned.get("status") != Meeting.Status.PUBLISHED:
            return []
        was_published = (
            self.instance.pk
            and Meeting.objects.filter(
                pk=self.instance.pk, status=Meeting.Status.PUBLISHED
            ).exists()
        )
        if was_published:
            return []
        now = timezone.now()
        end = cleaned.get("end") or cleaned.get("start")
        warnings = []
        past = end is not None and end < now
        if past:
            warnings.append(
                _("It is in the past (it ended on %(date)s): it will be listed as held.")
                % {"date": _moment(end)}
            )
        if not numbers_in_row_order(self.data, AGENDA_PREFIX, filled="title"):
            warnings.append(_("It has no agenda: its page will show none."))
        if not past:
            warnings += self.answer_warnings(now)
        return warnings

    def answer_warnings(self, now):
        data, key = self.data, "rsvp_settings-0-"
        has_settings = data.get("rsvp_settings-TOTAL_FORMS", "0") not in ("", "0") and not data.get(
            key + "DELETE"
        )
        if not has_settings:
            return [
                _("It takes no answers online (no RSVP settings): partners cannot say they come.")
            ]
        try:
            closes = forms.SplitDateTimeField(required=False).clean(
                [data.get(key + "closes_at_0", ""), data.get(key + "closes_at_1", "")]
            )
        except forms.ValidationError:
            return []  # the RSVP settings' own form says what is wrong
        if closes is not None and closes <= now:
            return [
                _("Answers closed on %(date)s: its page will refuse them.")
                % {"date": _moment(closes)}
            ]
        return []


class DuplicateMeetingForm(forms.Form):
    start = forms.SplitDateTimeField(
        label=_("The new meeting starts"),
        widget=AdminSplitDateTime,
        help_text=_("Proposed: the next date in the series. It ends after the same length."),
    )
