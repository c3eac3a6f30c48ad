"""The public pages of meetings: the list, a meeting's page, its print view and calendar files,
and document downloads."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView
from django_filters.views import FilterView

from meetings.calendar import build_calendar
from meetings.filters import MeetingFilter
from meetings.models import Document, Meeting
from meetings.models.rsvp_settings import MAIL_WORDING
from meetings.pages import ANSWERS
from meetings.record import Record, with_record
from meetings.rows import NamedParticipants
from unnm.db import CompiledInstances
from unnm.languages import language_columns
from unnm.pagecache import Fragment, depends_on

FILTER_KEYS = ("q", "year", "kind", "format", "organisation", "objective")


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


# What a meeting's page shows but its answers: stored apart from the page at these versions.
PROGRAMME_VERSIONS = ("meetings", "members", "frameworks")


@depends_on(*PROGRAMME_VERSIONS, ANSWERS)
class MeetingDetailView(DetailView):
    """
    A meeting's public page: when, where, agenda and remarks, who came, what was decided. Its
    programme (everything but the answers) is stored apart from the page (`{% stored %}`), so
    while the meeting takes answers, each of which makes the page stale, a render reads the
    meeting with its answers (their count and the participants named) only. Rendered whole, it
    reads the meeting and its record (`meetings.record.with_record`) in the same query.
    """

    stores_programme = True
    record = None  # read with the meeting when the programme is rendered

    def get_object(self, queryset=None):
        slug = self.kwargs["slug"]
        self.programme = (
            Fragment.of(self.request, f"meeting:{slug}", PROGRAMME_VERSIONS)
            if self.stores_programme
            else Fragment(None)
        )
        stored = self.programme.is_stored
        if self.request.user.is_authenticated:
            meeting = super().get_object(queryset)
        else:
            # The public's query is get_queryset()'s for an anonymous visitor, compiled once: a
            # view that narrows get_queryset() must narrow it too.
            compiled = public_meeting_page if stored else public_meeting_page_with_record
            meetings = compiled(slug=slug)
            if not meetings:
                raise Http404
            meeting = meetings[0]
        if not stored:
            self.record = Record(vars(meeting))
        return meeting

    def get_queryset(self):
        meetings = meeting_pages(self.request.user)
        if self.programme.is_stored:
            return meetings
        return with_record(meetings, self.request.user)

    def get_context_data(self, **kwargs):
        context = {"programme": self.programme, **rsvp_panel_context(self.object)}
        if not self.programme.is_stored:
            context["record"] = self.record
        return super().get_context_data(**context, **kwargs)


# What a page never shows of the RSVP settings: the mails' wording, in every language.
UNSHOWN = [
    f"rsvp_settings__{column}"
    for field in MAIL_WORDING
    for column in (field, *language_columns(field))
]


def meeting_pages(user):
    """The meetings whose page `user` may open, with their RSVP settings, their answers' count
    and the participants named (their record: `meetings.record.with_record`)."""
    return (
        Meeting.objects.visible_to(user)
        .with_confirmed_count()
        .with_named_participants()
        .select_related("rsvp_settings")
        .defer(*UNSHOWN)
    )


# The public's meeting page: compiled once per language (building the query cost the ORM more
# than running it), prepared on PostgreSQL.
public_meeting_page = CompiledInstances(
    lambda slug: meeting_pages(AnonymousUser()).filter(slug=slug)
)
public_meeting_page_with_record = CompiledInstances(
    lambda slug: with_record(meeting_pages(AnonymousUser()).filter(slug=slug), AnonymousUser())
)


class MeetingPrintView(MeetingDetailView):
    """The meeting told as a news item, from the data, with a print stylesheet."""

    template_name = "meetings/meeting_print.html"
    stores_programme = False

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
        # with_named_participants(): by name and organisation only, never an address.
        "rsvp_participants": NamedParticipants(meeting.named_participants_json),
    }
