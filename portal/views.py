"""
The members' area. Every page but the sign-in ones is `member_required`: a 404 to anyone who is
not a signed-in member, and each query is scoped to the member's own organisation.
"""

from django.contrib import messages
from django.contrib.auth import logout
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from meetings import rsvp as answers
from meetings.forms import RSVPForm
from meetings.models import RSVP, Invitation, Meeting, Minutes, RSVPSettings
from portal import announcements, sign_in, work
from portal.access import member_required
from portal.forms import (
    CommentForm,
    MyDetailsForm,
    OrganisationForm,
    ProgressReportForm,
    SignInRequestForm,
)
from portal.models import CommentRound, MemberProfile

REFUSALS = {
    "invalid": gettext_lazy(
        "This sign-in link is not valid. It may have been copied incompletely."
    ),
    "used": gettext_lazy("This sign-in link has already been used: each link works once."),
    "expired": gettext_lazy("This sign-in link has expired: links work for a few minutes only."),
    "left": gettext_lazy("This sign-in link no longer works for your address."),
}


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in_request(request):
    """Ask for a link. The answer is the same for any address, known or not."""
    if request.member is not None:
        return redirect("portal:home")
    form = SignInRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if sign_in.too_many_requests(request):
            form.add_error(None, _("Too many requests from your connection. Please try later."))
            status = 429
        elif form.is_valid():
            sign_in.request_link(request, form.cleaned_data["email"])
            return redirect("portal:sign-in-sent")
    return render(request, "portal/sign_in.html", {"form": form}, status=status)


@never_cache
def sign_in_sent(request):
    return render(request, "portal/sign_in_sent.html")


def _refused(request, reason):
    return render(
        request,
        "portal/sign_in_refused.html",
        {"reason": REFUSALS[reason], "form": SignInRequestForm()},
        status=400,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in_link(request, secret):
    """
    The link in the mail. Opening it only shows a button: a mail program that fetches links
    ahead of its reader would otherwise use up the link. Pressing it signs the person in.
    """
    try:
        if request.method == "POST":
            sign_in.use_link(request, secret)
            messages.success(request, _("You are signed in."))
            return redirect("portal:home")
        token = sign_in.check_link(secret)
    except sign_in.SignInRefused as refused:
        return _refused(request, refused.reason)
    return render(request, "portal/sign_in_confirm.html", {"person": token.person})


@require_POST
def sign_out(request):
    logout(request)
    messages.info(request, _("You are signed out."))
    return redirect("home")


def _visible_meetings(request):
    return Meeting.objects.visible_to(request.user)


def _open_minutes(request):
    return (
        Minutes.objects.filter(
            status=Minutes.Status.CIRCULATED, meeting__in=_visible_meetings(request)
        )
        .select_related("meeting", "comment_round")
        .order_by("-circulated_on")
    )


@never_cache
@member_required
def home(request):
    member = request.member
    now = timezone.now()
    context = {
        "member": member,
        "organisation": member.organisation,
        "minutes_list": _open_minutes(request),
        "upcoming": _visible_meetings(request).upcoming(now).order_by("start")[:10],
    }
    return render(request, "portal/home.html", context)


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request):
    """The member's own organisation's public profile; never another's (no id in the URL)."""
    organisation = request.member.organisation
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The organisation's profile is saved."))
        return redirect("portal:organisation")
    return render(
        request, "portal/organisation_form.html", {"form": form, "organisation": organisation}
    )


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def my_details(request):
    person = request.member
    profile, _created = MemberProfile.objects.get_or_create(person=person)
    form = MyDetailsForm(request.POST or None, instance=person, language=profile.language)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            profile.language = form.cleaned_data["language"]
            profile.save(update_fields=["language"])
        messages.success(request, _("Your details are saved."))
        return redirect("portal:details")
    return render(request, "portal/details_form.html", {"form": form, "profile": profile})


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def minutes_detail(request, pk):
    """Circulated draft minutes: read them, and comment until the round closes."""
    minutes = get_object_or_404(_open_minutes(request), pk=pk)
    comment_round = CommentRound.objects.filter(minutes=minutes).first()
    is_open = comment_round is not None and comment_round.is_open()
    form = CommentForm(request.POST or None) if is_open else None
    if request.method == "POST":
        if form is None:
            messages.error(request, _("Comments on these minutes are closed."))
            return redirect("portal:minutes-detail", pk=pk)
        if form.is_valid():
            comment = form.save(commit=False)
            comment.minutes = minutes
            comment.person = request.member
            comment.organisation = request.member.organisation
            comment.save()
            messages.success(request, _("Thank you: your comment is sent to the secretariat."))
            return redirect("portal:minutes-detail", pk=pk)
    own_comments = minutes.member_comments.filter(person=request.member)
    return render(
        request,
        "portal/minutes_detail.html",
        {
            "minutes": minutes,
            "comment_round": comment_round,
            "form": form,
            "own_comments": own_comments,
        },
    )


@never_cache
@member_required
def my_meetings(request):
    """The invitations and answers of the member's organisation, and the member's own."""
    member = request.member
    ours = Q(organisation=member.organisation) | Q(email__iexact=member.email)
    visible = _visible_meetings(request)
    invitations = (
        Invitation.objects.filter(ours, meeting__in=visible, erased_on__isnull=True)
        .select_related("meeting", "organisation")
        .order_by("-meeting__start")
    )
    rsvps = (
        RSVP.objects.filter(ours, meeting__in=visible, erased_on__isnull=True)
        .select_related("meeting")
        .order_by("-meeting__start", "name")
    )
    open_meetings = (
        visible.upcoming().filter(rsvp_settings__isnull=False).order_by("start").distinct()[:20]
    )
    return render(
        request,
        "portal/my_meetings.html",
        {
            "invitations": invitations,
            "rsvps": rsvps,
            "open_meetings": open_meetings,
            "member": member,
        },
    )


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def answer(request, slug):
    """A member answers for themself (their own address), members-only meetings included."""
    member = request.member
    meeting = get_object_or_404(_visible_meetings(request), slug=slug)
    rsvp_settings = RSVPSettings.objects.filter(meeting=meeting).first()
    if rsvp_settings is None:
        raise Http404
    existing = RSVP.objects.filter(meeting=meeting).for_email(member.email).first()
    if existing is not None:
        return redirect(existing)
    rsvp_settings.meeting = meeting
    reason = rsvp_settings.closed_reason(invited=True)
    form = None
    if not reason:
        form = RSVPForm(
            request.POST or None,
            rsvp_settings=rsvp_settings,
            action=request.path,
            fixed_email=member.email,
            initial={"name": member.name, "organisation": member.organisation},
        )
        if request.method == "POST" and form.is_valid():
            rsvp = form.save(commit=False)
            rsvp.email = member.email
            rsvp, _created = answers.submit_rsvp(meeting, rsvp)
            messages.success(request, _("Your answer is recorded; a confirmation is on its way."))
            return redirect(rsvp)
    return render(
        request,
        "portal/answer.html",
        {"meeting": meeting, "form": form, "reason": reason},
    )


@never_cache
@member_required
def activities(request):
    organisation = request.member.organisation
    rows = (
        work.activities_of(organisation)
        .select_related("lead")
        .prefetch_related("member_reports")
        .order_by("title")
    )
    return render(
        request, "portal/activities.html", {"activities": rows, "organisation": organisation}
    )


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def report_create(request, slug):
    """A progress update on one of the organisation's activities (a 404 for any other)."""
    organisation = request.member.organisation
    activity = get_object_or_404(work.activities_of(organisation), slug=slug)
    form = ProgressReportForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        report = form.save(commit=False)
        report.activity = activity
        report.organisation = organisation
        report.person = request.member
        report = work.submit(report)
        if report.update_id:
            messages.success(request, _("Your update is published on the activity's page."))
        else:
            messages.success(
                request, _("Thank you: the secretariat publishes your update once reviewed.")
            )
        return redirect("portal:activities")
    return render(request, "portal/report_form.html", {"form": form, "activity": activity})


@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """One click from the mail: no more announcements (GET); subscribe again with a button."""
    person = announcements.person_from_unsubscribe_token(token)
    if person is None:
        raise Http404
    subscribed = request.method == "POST" and request.POST.get("action") == "subscribe"
    announcements.set_subscribed(person, subscribed)
    return render(request, "portal/unsubscribe.html", {"subscribed": subscribed})
