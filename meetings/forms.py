from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout, Submit
from django import forms
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from meetings.models import RSVP
from members.models import Organisation

PRIVACY_NOTE = HTML(
    '{% load i18n %}{% url "privacy" as privacy_url %}<p class="small text-body-secondary mb-2">'
    "{% translate 'The secretariat uses your answer only to organise this meeting. Your email is never shown publicly.' %}"  # noqa: E501
    '{% if privacy_url %} <a href="{{ privacy_url }}">'
    '{% translate "Read the privacy notice" %}</a>.{% endif %}</p>'
)


class ModeField(forms.ChoiceField):
    """The attendance modes the meeting offers; their labels (seats left) are made when shown."""

    def __init__(self, *, modes, **kwargs):
        super().__init__(**kwargs)
        self.modes = [str(mode) for mode in modes]

    def valid_value(self, value):
        return str(value) in self.modes


def mode_label(mode, left):
    """An attendance mode's choice with its seats left: read before the answer is sent."""
    if left is None:
        return mode.label
    if left == 0:
        return gettext("%(mode)s (full: you join the waiting list)") % {"mode": mode.label}
    return ngettext("%(mode)s (%(count)d seat left)", "%(mode)s (%(count)d seats left)", left) % {
        "mode": mode.label,
        "count": left,
    }


class RSVPForm(forms.ModelForm):
    """A partner's answer to a meeting: who they are, how they attend, what they need."""

    privacy_accepted = forms.BooleanField(
        label=_("I have read and accept the privacy notice."),
        error_messages={"required": _("Please accept the privacy notice to answer.")},
    )
    # A honeypot: hidden from people (and from screen readers), filled in by form-spamming bots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = RSVP
        fields = [
            "name",
            "email",
            "organisation",
            "organisation_name",
            "position",
            "attendance_mode",
            "language",
            "needs",
            "consent_public_listing",
        ]
        labels = {
            "organisation": _("Your organisation, if it is a member of the network"),
            "attendance_mode": _("How will you attend?"),
            "organisation_name": _("Or type your organisation"),
            "consent_public_listing": _(
                "Name me and my organisation in the public list of participants"
            ),
        }
        help_texts = {
            "email": _("We send your confirmation and personal link here. Never shown publicly."),
            "needs": _(
                "Accessibility, dietary or other needs (optional, at most 1000 characters)."
            ),
            "consent_public_listing": _("Off unless you tick it. Your email is never shown."),
        }
        widgets = {
            "attendance_mode": forms.RadioSelect,
            "needs": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        }

    def __init__(
        self,
        *args,
        rsvp_settings,
        action="",
        fixed_email=None,
        fixed_organisation=None,
        managing=False,
        submit_label=None,
        declinable=False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.rsvp_settings = rsvp_settings
        # "I cannot attend" is an answer too, a second button: pressed, the answer takes no
        # seat, so its attendance mode is not asked (it keeps the model's default).
        self.declinable = declinable
        self.attending = not (declinable and self.is_bound and "not_attending" in self.data)
        self.fixed_email = fixed_email
        self.managing = managing
        fields = self.fields
        fields["name"].widget.attrs["autocomplete"] = "name"
        fields["email"].widget.attrs["autocomplete"] = "email"
        fields["organisation"].queryset = Organisation.objects.active()
        fields["organisation"].empty_label = _("— not listed: type it below —")
        modes = rsvp_settings.modes
        # The seats left are counted only for a form that is shown (they label the choices):
        # a sent answer counts them again under the lock, in `submit_rsvp`.
        fields["attendance_mode"] = ModeField(
            label=fields["attendance_mode"].label,
            modes=modes,
            choices=lambda: [(m.value, mode_label(m, self.seats_for(m))) for m in modes],
            widget=forms.RadioSelect,
        )
        if not self.instance.pk and not self.is_bound:
            # Never the model's default when it is full: the first mode with a seat, or none.
            open_modes = [mode for mode in modes if self.seats_for(mode) != 0]
            self.initial["attendance_mode"] = open_modes[0] if open_modes else None
        if len(modes) == 1:
            del fields["attendance_mode"]
        elif not self.attending:
            fields["attendance_mode"].required = False
        languages = rsvp_settings.languages
        if len(languages) >= 2:
            fields["language"] = forms.ChoiceField(
                label=_("Preferred interpretation language"),
                choices=[("", _("No preference"))] + [(lang, lang) for lang in languages],
                required=False,
            )
        else:
            del fields["language"]
        if fixed_email or managing:
            del fields["email"]
        if fixed_organisation is not None:
            self.fixed_organisation = fixed_organisation
            del fields["organisation"]
            del fields["organisation_name"]
        else:
            self.fixed_organisation = None
        if managing:
            del fields["privacy_accepted"]
            del fields["website"]
        self.action, self.submit_label = action, submit_label

    @cached_property
    def seats(self):
        # A participant changing their answer keeps their own seat meanwhile.
        ignore = self.instance if self.instance.pk else None
        return self.rsvp_settings.seats_left(ignore=ignore)

    @cached_property
    def helper(self):
        return self._helper(self.action, self.submit_label)

    def seats_for(self, mode):
        """Seats left in `mode` (the meeting's total limit included), or None without a limit."""
        limits = [self.seats["total"], self.seats["by_mode"].get(mode)]
        limits = [limit for limit in limits if limit is not None]
        return min(limits) if limits else None

    def _seats_note(self):
        """The seats left above the submit button when there is no mode to choose."""
        if "attendance_mode" in self.fields or self.managing:
            return None
        left = self.seats_for(self.rsvp_settings.modes[0])
        if left is None:
            return None
        if left == 0:
            text = gettext("The meeting is full: your answer joins the waiting list.")
        else:
            text = ngettext("%(count)d seat left.", "%(count)d seats left.", left) % {"count": left}
        return HTML(format_html('<p class="small mb-2" id="rsvp-seats">{}</p>', text))

    def _helper(self, action, submit_label):
        helper = FormHelper()
        helper.form_action = action
        helper.form_id = "rsvp-form"
        helper.attrs = {"novalidate": ""}
        about = [
            f
            for f in ["name", "email", "organisation", "organisation_name", "position"]
            if f in self.fields
        ]
        attendance = [f for f in ["attendance_mode", "language", "needs"] if f in self.fields]
        if note := self._seats_note():
            attendance.insert(0, note)
        privacy = ["consent_public_listing"]
        if not self.managing:
            privacy += [PRIVACY_NOTE, "privacy_accepted"]
        layout = [
            Fieldset(_("About you"), *about),
            Fieldset(_("Attendance"), *attendance),
            Fieldset(_("Privacy"), *privacy),
        ]
        if "website" in self.fields:
            layout.append(Div(Field("website"), css_class="rsvp-hp", aria_hidden="true"))
        helper.layout = Layout(*layout)
        helper.add_input(
            Submit("submit", submit_label or _("Send my answer"), css_class="btn-primary")
        )
        if self.declinable:
            decline = Submit("not_attending", _("I cannot attend"))
            decline.field_classes = "btn btn-outline-secondary ms-2"  # not crispy's btn-primary
            helper.add_input(decline)
        return helper

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Your answer could not be accepted. Please try again."))
        return ""

    def clean(self):
        cleaned = super().clean()
        missing = not cleaned.get("organisation") and not cleaned.get("organisation_name", "")
        if self.fixed_organisation is None and "organisation" in self.fields and missing:
            self.add_error(
                "organisation_name", _("Choose your organisation from the list or type its name.")
            )
        return cleaned

    def validate_constraints(self):
        """
        The check constraints on the fields shown (a name that is not empty, a known attendance
        mode) already hold by the fields' own validation, and the database enforces them on
        save: asking it here too would cost a query per constraint on every answer.
        """

    def _post_clean(self):
        if self.fixed_email:
            self.instance.email = self.fixed_email
        if self.fixed_organisation is not None:
            self.instance.organisation = self.fixed_organisation
        if "attendance_mode" not in self.fields and not self.managing:
            self.instance.attendance_mode = self.rsvp_settings.modes[0]
        if self.cleaned_data.get("organisation"):
            self.cleaned_data["organisation_name"] = ""
        super()._post_clean()
