"""The network's report in the admin: choose a period, read it, download it as PDF or .docx."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from unnm.report import downloads, figures
from unnm.report.document import sections

# Reading the report is reading meetings, the work plan and the members: every staff role may.
PERMISSIONS = ("meetings.view_meeting", "frameworks.view_activity", "members.view_organisation")
MAX_DAYS = 5 * 366
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class PeriodForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=gettext_lazy("Until"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            raise forms.ValidationError(gettext_lazy("The period must end after it starts."))
        if start and end and (end - start).days > MAX_DAYS:
            raise forms.ValidationError(gettext_lazy("Choose a period of at most five years."))
        return data


def default_period(today=None):
    """This calendar year."""
    year = (today or timezone.localdate()).year
    return figures.Period.year(year)


def report(request, download=None):
    if not request.user.has_perms(PERMISSIONS):
        raise PermissionDenied
    period = default_period()
    form = PeriodForm(
        request.GET if "start" in request.GET or "end" in request.GET else None,
        initial={"start": period.start, "end": period.end},
    )
    if form.is_bound:
        if not form.is_valid():
            return render(request, "report/report.html", page_context(request, form), status=400)
        period = figures.Period(form.cleaned_data["start"], form.cleaned_data["end"])
    context = page_context(request, form, period)
    filename = f"network-report-{period.start:%Y%m%d}-{period.end:%Y%m%d}"
    if download == "pdf":
        body = downloads.pdf(context, request.build_absolute_uri("/"))
        return attachment(body, "application/pdf", f"{filename}.pdf")
    if download == "docx":
        return attachment(downloads.docx(context), WORD, f"{filename}.docx")
    return render(request, "report/report.html", context)


def page_context(request, form, period=None):
    title = _("The network's report")
    context = {**admin.site.each_context(request), "title": title, "form": form}
    if period is None:
        return context
    context.update(
        period=period,
        query=f"start={period.start.isoformat()}&end={period.end.isoformat()}",
        period_text=_("%(network)s, from %(start)s to %(end)s")
        % {
            "network": settings.UNNM_NETWORK_NAME,
            "start": date_format(period.start, "DATE_FORMAT"),
            "end": date_format(period.end, "DATE_FORMAT"),
        },
        sections=sections(figures.build(period)),
        generated=date_format(timezone.localtime(), "DATETIME_FORMAT"),
        secretariat=settings.UNNM_SECRETARIAT_NAME,
    )
    return context


def attachment(body, content_type, filename):
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
