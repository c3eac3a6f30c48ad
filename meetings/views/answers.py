"""Answering a meeting: the RSVP form, the thank-you page, a participant's personal page, an
invitation's page."""

from urllib.parse import quote, unquote

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from meetings import invitations
from meetings import rsvp as answers
from meetings.forms import RSVPForm
from meetings.models import RSVP, Invitation, Meeting
from unnm import client
from unnm.outbox import site_url


def rate_limited(request):
    return client.rate_limited(
        request, "rsvp", limit=settings.RSVP_RATE_LIMIT, window=settings.RSVP_RATE_WINDOW
    )


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
    form = RSVPForm(data, rsvp_settings=rsvp_settings, action=action, declinable=True)
    if request.method == "POST":
        if rate_limited(request):
            form.add_error(None, _("Too many answers from your connection. Please try later."))
            status = 429
        elif form.is_valid():
            rsvp = form.save(commit=False)
            rsvp.mail_language = get_language()
            answers.submit_rsvp(meeting, rsvp, attending=form.attending, base_url=site_url(request))
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
        # A delegate an organisation adds is someone who comes.
        declinable=not invitation.is_for_organisation,
        initial={}
        if invitation.is_for_organisation
        else {
            "name": invitation.name,
            "organisation": invitation.organisation,
        },
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
                attending=form.attending,
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
