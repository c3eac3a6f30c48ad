from urllib.parse import quote, unquote

from crispy_forms.layout import Submit
from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe
from django.views.generic import DetailView
from django_filters.views import FilterView

from meetings import invitations
from meetings import rsvp as answers
from meetings.calendar import build_calendar
from meetings.filters import MeetingFilter
from meetings.forms import RSVPForm
from meetings.models import RSVP, ActionPoint, Document, Invitation, Meeting
from meetings.pages import ANSWERS
from unnm import client
from unnm.outbox import site_url
from unnm.pagecache import depends_on

FILTER_KEYS = ("q", "year", "kind", "format", "organisation", "objective")
CARRIED_OVER_LIMIT = 12


@depends_on("meetings", "members", "frameworks")  # the filters list organisations, objectives
class MeetingListView(FilterView):
    """All meetings a visitor may see: upcoming first, then the past ones by year."""

    filterset_class = MeetingFilter
    template_name = "meetings/meeting_list.html"
    context_object_name = "meetings"
    paginate_by = 20

    def get_queryset(self):
        return (
            Meeting.objects.visible_to(self.request.user)
            .select_related("organiser")
            .with_rsvp_open()
            .upcoming_first()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        upcoming, past_by_year = [], {}
        for meeting in context["meetings"]:
            if meeting.is_past:
                past_by_year.setdefault(meeting.local_start.year, []).append(meeting)
            else:
                upcoming.append(meeting)
        context.update(
            upcoming=upcoming,
            past_by_year=list(past_by_year.items()),
            is_filtered=any(self.request.GET.get(key) for key in FILTER_KEYS),
        )
        return context


@depends_on("meetings", "members", "frameworks", ANSWERS)
class MeetingDetailView(DetailView):
    """A meeting's public page: when, where, agenda and remarks, who came, what was decided."""

    def get_queryset(self):
        user = self.request.user
        return (
            Meeting.objects.visible_to(user)
            .with_programme(user)
            .with_confirmed_count()
            .select_related("rsvp_settings")
        )

    def get_context_data(self, **kwargs):
        meeting = self.object
        own, carried_over = action_points_of(meeting, self.request.user)
        return super().get_context_data(
            carried_over=carried_over[:CARRIED_OVER_LIMIT],
            carried_over_truncated=len(carried_over) > CARRIED_OVER_LIMIT,
            outcomes=[a for a in own if not a.is_action],
            actions=[a for a in own if a.is_action],
            **rsvp_panel_context(meeting),
            **kwargs,
        )


def action_points_of(meeting, user):
    """
    The meeting's own outcomes and action points, and the action points of earlier meetings
    of the same kind still open when it took place (the most recent CARRIED_OVER_LIMIT + 1,
    newest first), in one query: a long-running network accumulates hundreds of open points.
    """
    carried_over = (
        ActionPoint.objects.outstanding_at(meeting)
        .filter(meeting__in=Meeting.objects.visible_to(user))
        # The same line of work: a working group carries over its own points, not the network's.
        .filter(meeting__kind=meeting.kind)
        .order_by("-meeting__start", "order")
        .values("pk")[: CARRIED_OVER_LIMIT + 1]
    )
    points = (
        ActionPoint.objects.filter(Q(meeting=meeting) | Q(pk__in=carried_over))
        .select_related("meeting", "responsible")
        .order_by("-meeting__start", "kind", "order")
    )
    own, earlier = [], []
    for point in points:
        (own if point.meeting_id == meeting.pk else earlier).append(point)
    return own, earlier


class MeetingPrintView(MeetingDetailView):
    """The meeting told as a news item, from the data, with a print stylesheet."""

    template_name = "meetings/meeting_print.html"

    def get_context_data(self, **kwargs):
        page_url = self.request.build_absolute_uri(self.object.get_absolute_url())
        return super().get_context_data(page_url=page_url, **kwargs)


@depends_on("meetings")
def meeting_ics(request, slug):
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user), slug=slug)
    body = build_calendar([meeting], name=meeting.title, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{meeting.slug}.ics"'
    return response


@depends_on("meetings")
def meeting_feed(request):
    """
    A subscription feed of every public meeting, the same for everyone; `?kind=coordination`
    (repeatable) keeps the kinds a calendar application subscribes to.
    """
    kinds = request.GET.getlist("kind")
    if any(kind not in Meeting.Kind.values for kind in kinds):
        choices = ", ".join(Meeting.Kind.values)
        return HttpResponseBadRequest(
            _("Unknown kind of meeting. Choose among: %(choices)s.") % {"choices": choices},
            content_type="text/plain; charset=utf-8",
        )
    meetings = Meeting.objects.public().order_by("start")
    name = _("%(network)s: meetings") % {"network": settings.UNNM_NETWORK_SHORT_NAME}
    if kinds:
        meetings = meetings.filter(kind__in=kinds)
        labels = ", ".join(str(Meeting.Kind(kind).label) for kind in dict.fromkeys(kinds))
        name = f"{name} ({labels})"
    body = build_calendar(meetings, name=name, base_url=request.build_absolute_uri("/"))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@require_safe
def document_download(request, pk):
    """
    A meeting document's file, from the private folder no web server serves: only when the
    meeting is visible to the visitor and the document is public (staff see every document).
    Served with a content type from the validated extension, never the uploader's; PDFs and
    images open in the browser in a sandbox, everything else is downloaded.
    """
    documents = Document.objects.filter(
        meeting__in=Meeting.objects.visible_to(request.user)
    ).visible_to(request.user)
    document = get_object_or_404(documents.exclude(file=""), pk=pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("This file is missing.")) from None
    filename = f"{slugify(document.title) or 'document'}.{document.extension}"
    response = FileResponse(
        handle,
        as_attachment=not document.opens_inline,
        filename=filename,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    # An opened file runs no script and reaches nothing of the site, whatever it contains.
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = (
        "private" if document.visibility == Document.Visibility.PUBLIC else "private, no-store"
    )
    return response


# RSVPs -----------------------------------------------------------------------------------------


def rate_limited(request):
    return client.rate_limited(
        request, "rsvp", limit=settings.RSVP_RATE_LIMIT, window=settings.RSVP_RATE_WINDOW
    )


def rsvp_panel_context(meeting, now=None):
    """
    What the RSVP panel on a meeting's page shows: counts, consented names and the way to the
    form. The form itself is on its own page: a page with a CSRF token cannot be shared from
    the cache, and the meeting's page is what most visitors read.
    """
    rsvp_settings = getattr(meeting, "rsvp_settings", None)  # select_related by the page's view
    if rsvp_settings is None:
        return {"rsvp_settings": None}
    return {
        "rsvp_settings": rsvp_settings,
        "rsvp_closed_reason": rsvp_settings.closed_reason(now),
        "rsvp_confirmed_count": meeting.confirmed_count,  # with_confirmed_count()
        "rsvp_participants": list(RSVP.objects.filter(meeting=meeting).publicly_listed()),
    }


def _refuse(request, meeting, reason, status=200):
    show_meeting = meeting.status != Meeting.Status.DRAFT and (
        meeting.visibility == Meeting.Visibility.PUBLIC
    )
    return render(
        request,
        "meetings/rsvp_closed.html",
        {"meeting": meeting if show_meeting else None, "reason": reason},
        status=status,
    )


DONE_COOKIE = "rsvp_done"
DONE_SALT = "meetings.rsvp-done"
DONE_MAX_AGE = 3600


def _thank(request, meeting, email):
    """
    Go to the thank-you page, the same whether the address had answered before or not: the
    form tells no one whether an address has answered, and what the answer is (the mail does).
    The page's note (the meeting, the masked address) is a signed cookie: no session row to
    write on every answer.
    """
    response = redirect("meetings:rsvp-done", slug=meeting.slug)
    response.set_signed_cookie(
        DONE_COOKIE,
        f"{meeting.pk}:{quote(_mask(email))}",  # a cookie holds Latin-1 only
        salt=DONE_SALT,
        max_age=DONE_MAX_AGE,
        path=reverse("meetings:rsvp-done", kwargs={"slug": meeting.slug}),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def _offer_not_attending(form, data):
    """
    "I cannot attend" is an answer too: a second button on the form. Pressed, the attendance
    mode is not asked (it keeps its default; the answer takes no seat).
    """
    decline = Submit("not_attending", _("I cannot attend"))
    decline.field_classes = "btn btn-outline-secondary ms-2"  # not crispy's default btn-primary
    form.helper.add_input(decline)
    attending = data is None or "not_attending" not in data
    if not attending and "attendance_mode" in form.fields:
        form.fields["attendance_mode"].required = False
    return attending


@require_http_methods(["GET", "POST"])
def rsvp_create(request, slug):
    """
    The public RSVP form of a meeting, reached from the panel on the meeting's page: a 404
    wherever the meeting's page is one (drafts and members-only meetings, to the public).
    """
    meetings = Meeting.objects.visible_to(request.user).select_related("rsvp_settings")
    meeting = get_object_or_404(meetings, slug=slug)
    rsvp_settings = getattr(meeting, "rsvp_settings", None)
    if rsvp_settings is None:
        return _refuse(request, meeting, _("This meeting does not take answers online."))
    rsvp_settings.meeting = meeting
    reason = rsvp_settings.closed_reason()
    if reason:
        return _refuse(request, meeting, reason, status=403 if request.method == "POST" else 200)
    action = reverse("meetings:rsvp-create", kwargs={"slug": slug})
    status = 200
    data = request.POST if request.method == "POST" else None
    form = RSVPForm(data, rsvp_settings=rsvp_settings, action=action)
    attending = _offer_not_attending(form, data)
    if request.method == "POST":
        if rate_limited(request):
            form.add_error(None, _("Too many answers from your connection. Please try later."))
            status = 429
        elif form.is_valid():
            rsvp = form.save(commit=False)
            rsvp.mail_language = get_language()
            answers.submit_rsvp(meeting, rsvp, attending=attending, base_url=site_url(request))
            return _thank(request, meeting, rsvp.email)
    seats = form.seats
    context = {
        "meeting": meeting,
        "form": form,
        "rsvp_settings": rsvp_settings,
        "seats_total": seats["total"],
        "seats_by_mode": [
            (RSVP.Mode(mode).label, left)
            for mode, left in seats["by_mode"].items()
            if mode in rsvp_settings.modes
        ],
    }
    return render(request, "meetings/rsvp_form.html", context, status=status)


@never_cache
def rsvp_done(request, slug):
    """The page after an answer: only where the mail went, never the answer itself."""
    done = request.get_signed_cookie(DONE_COOKIE, "", salt=DONE_SALT, max_age=DONE_MAX_AGE)
    pk, _sep, masked_email = done.partition(":")
    if not pk.isdigit():
        raise Http404(_("This link is not valid."))
    meeting = get_object_or_404(Meeting, pk=pk, slug=slug)
    done = {"email": unquote(masked_email)}
    return render(
        request,
        "meetings/rsvp_done.html",
        {"meeting": meeting, "masked_email": done.get("email")},
    )


def _mask(email):
    local, _sep, domain = email.partition("@")
    return f"{local[:1]}{'•' * max(len(local) - 1, 2)}@{domain}"


def _rsvp_from_token(token):
    rsvp = RSVP.from_token(
        token, RSVP.objects.select_related("meeting__rsvp_settings", "organisation")
    )
    if rsvp is None:
        raise Http404(_("This link is not valid."))
    return rsvp


@never_cache
@require_http_methods(["GET", "POST"])
def rsvp_manage(request, token):
    """A participant's personal page: their answer, the joining link if due, change or cancel."""
    rsvp = _rsvp_from_token(token)
    rsvp_settings = rsvp.meeting.rsvp_settings
    can_change = rsvp_settings.can_change() and rsvp.status != RSVP.Status.DECLINED
    action = request.POST.get("action") if request.method == "POST" else None
    if request.method == "POST" and not can_change:
        raise Http404(_("This answer can no longer be changed."))
    if action == "reactivate":
        answers.reactivate_rsvp(rsvp, base_url=site_url(request))
        messages.success(request, _("Welcome back: your answer is active again."))
        return redirect(rsvp)
    if request.method == "POST" and not rsvp.is_active:
        messages.error(request, _("This answer was cancelled meanwhile; nothing was changed."))
        return redirect(rsvp)
    if action == "not_attending":
        answers.cannot_attend(rsvp, base_url=site_url(request))
        messages.success(request, _("Thank you: we have recorded that you cannot attend."))
        return redirect(rsvp)
    if action == "waitlist":
        try:
            answers.wait_for_mode(rsvp, request.POST.get("mode", ""), base_url=site_url(request))
        except ValueError:
            raise Http404(_("This meeting has no such attendance mode.")) from None
        except answers.AnswerWithdrawn:
            messages.error(request, _("This answer was cancelled meanwhile; nothing was changed."))
        else:
            messages.success(request, _("You are on the waiting list for the mode you chose."))
        return redirect(rsvp)
    form, wanted_mode = None, None
    if can_change and rsvp.is_active:
        form = RSVPForm(
            request.POST if request.method == "POST" else None,
            instance=rsvp,
            rsvp_settings=rsvp_settings,
            managing=True,
            submit_label=_("Save my changes"),
        )
        if request.method == "POST" and form.is_valid():
            try:
                answers.change_rsvp(rsvp, _changes(form), base_url=site_url(request))
            except answers.AnswerWithdrawn:
                messages.error(
                    request, _("This answer was cancelled meanwhile; nothing was changed.")
                )
                return redirect(rsvp)
            except answers.SeatUnavailable:
                # Show the answer as it really is, not as the refused form left it.
                wanted_mode = RSVP.Mode(form.cleaned_data["attendance_mode"])
                rsvp = _rsvp_from_token(token)
                form = RSVPForm(
                    instance=rsvp,
                    rsvp_settings=rsvp.meeting.rsvp_settings,
                    managing=True,
                    submit_label=_("Save my changes"),
                )
                messages.error(
                    request,
                    _(
                        "No seat is left %(mode)s; nothing was changed and you keep your "
                        "answer as it is below."
                    )
                    % {"mode": wanted_mode.label.lower()},
                )
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect(rsvp)
    return render(
        request,
        "meetings/rsvp_manage.html",
        {
            "meeting": rsvp.meeting,
            "rsvp": rsvp,
            "form": form,
            "can_change": can_change,
            "position": rsvp.waitlist_position(),
            "wanted_mode": wanted_mode,
        },
    )


def _changes(form):
    """The answer's fields the participant changed on the form, with their new values."""
    names = set(form.changed_data) & answers.CHANGEABLE_FIELDS
    if "organisation" in names:
        names.add("organisation_name")  # choosing a member organisation clears the typed one
    changes = {name: getattr(form.instance, name) for name in names}
    if changes:  # mails about the answer follow the language of the page it was last changed in
        changes["mail_language"] = get_language()
    return changes


@never_cache
@require_http_methods(["GET", "POST"])
def rsvp_cancel(request, token):
    rsvp = _rsvp_from_token(token)
    if not rsvp.meeting.rsvp_settings.can_change() or not rsvp.is_active:
        return redirect(rsvp)
    if request.method == "POST":
        answers.cancel_rsvp(rsvp, base_url=site_url(request))
        messages.success(request, _("Your answer is cancelled. Thank you for letting us know."))
        return redirect(rsvp)
    return render(request, "meetings/rsvp_cancel.html", {"meeting": rsvp.meeting, "rsvp": rsvp})


@never_cache
@require_http_methods(["GET", "POST"])
def rsvp_invitation(request, token):
    """
    An invitation's personal page. A person answers for themself (their address is fixed); an
    organisation's focal point names its delegates or declines for the organisation.
    """
    invitation = Invitation.from_token(
        token, Invitation.objects.select_related("meeting__rsvp_settings", "organisation")
    )
    if invitation is None:
        raise Http404(_("This link is not valid."))
    meeting = invitation.meeting
    rsvp_settings = getattr(meeting, "rsvp_settings", None)
    if rsvp_settings is None:
        return _refuse(request, meeting, _("This meeting does not take answers online."))
    if not invitation.is_for_organisation:
        existing = RSVP.objects.filter(meeting=meeting).for_email(invitation.email).first()
        if existing is not None:
            return redirect(existing)
    reason = rsvp_settings.closed_reason(invited=True)
    delegates = list(invitation.rsvps.order_by("name")) if invitation.is_for_organisation else []
    if reason:
        return render(
            request,
            "meetings/rsvp_invitation.html",
            {
                "meeting": meeting,
                "invitation": invitation,
                "reason": reason,
                "delegates": delegates,
            },
        )
    if request.method == "POST" and request.POST.get("action") == "decline":
        invitations.decline_invitation(invitation, language=get_language())
        messages.success(request, _("Thank you: we have recorded that you will not attend."))
        return redirect(request.path)
    form = RSVPForm(
        request.POST if request.method == "POST" else None,
        rsvp_settings=rsvp_settings,
        action=request.path,
        fixed_email=None if invitation.is_for_organisation else invitation.email,
        fixed_organisation=invitation.organisation if invitation.is_for_organisation else None,
        submit_label=_("Add this delegate") if invitation.is_for_organisation else None,
        initial={}
        if invitation.is_for_organisation
        else {
            "name": invitation.name,
            "organisation": invitation.organisation,
        },
    )
    attending = (
        True
        if invitation.is_for_organisation
        else _offer_not_attending(form, request.POST if request.method == "POST" else None)
    )
    if request.method == "POST":
        if rate_limited(request):
            form.add_error(None, _("Too many answers from your connection. Please try later."))
        elif form.is_valid():
            rsvp = form.save(commit=False)
            rsvp.mail_language = get_language()
            rsvp, created = answers.submit_rsvp(
                meeting,
                rsvp,
                invitation=invitation,
                attending=attending,
                base_url=site_url(request),
            )
            if invitation.is_for_organisation:
                if not created:
                    messages.info(
                        request,
                        _(
                            "This person had already answered; we sent them "
                            "their personal link again."
                        ),
                    )
                else:
                    messages.success(
                        request,
                        _("%(name)s is registered and gets a confirmation by email.")
                        % {"name": rsvp.name},
                    )
                return redirect(request.path)
            return _thank(request, meeting, rsvp.email)
    return render(
        request,
        "meetings/rsvp_invitation.html",
        {"meeting": meeting, "invitation": invitation, "form": form, "delegates": delegates},
    )
