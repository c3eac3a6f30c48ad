from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from members.models import Organisation, Person
from portal.models import MinutesComment, ProgressReport


def _helper(label, form_id):
    helper = FormHelper()
    helper.form_id = form_id
    helper.attrs = {"novalidate": ""}
    helper.add_input(Submit("submit", label))
    return helper


class SignInRequestForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.helper = _helper(_("Mail me a sign-in link"), "sign-in-form")


class OrganisationForm(forms.ModelForm):
    """What a member keeps current about their organisation: its public profile."""

    class Meta:
        model = Organisation
        fields = ["description", "website", "logo"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Save the organisation's profile"), "organisation-form")


class MyDetailsForm(forms.ModelForm):
    """A member's own contact details (the sign-in address stays with the secretariat)."""

    language = forms.ChoiceField(
        label=_("Language of the mail you receive"), choices=settings.LANGUAGES
    )

    class Meta:
        model = Person
        fields = ["honorific", "name", "position", "phone", "consent_public_listing"]

    def __init__(self, *args, language="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = language or settings.LANGUAGE_CODE
        self.helper = _helper(_("Save my details"), "details-form")


class CommentForm(forms.ModelForm):
    class Meta:
        model = MinutesComment
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}
        labels = {"text": _("Your comment on the draft minutes")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Send my comment"), "comment-form")


class ProgressReportForm(forms.ModelForm):
    class Meta:
        model = ProgressReport
        fields = ["date", "status", "text"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "text": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Post this progress update"), "report-form")
