from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from meetings.calendar import build_calendar
from meetings.filters import MeetingFilter
from meetings.models import ActionPoint, Meeting

FILTER_KEYS = ("q", "year", "kind", "format", "organisation", "objective")


class HomeView(TemplateView):
    """A partner's landing page: what the network is, what is coming up, what happened."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        meetings = Meeting.objects.public().select_related("organiser")
        return super().get_context_data(
            upcoming_meetings=meetings.upcoming()[:3],
            recent_meetings=meetings.past()[:3],
            **kwargs,
        )


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
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            upcoming=upcoming,
            past_by_year=list(past_by_year.items()),
            is_filtered=any(self.request.GET.get(key) for key in FILTER_KEYS),
            querystring=query.urlencode(),
        )
        return context


class MeetingDetailView(DetailView):
    """A meeting's public page: when, where, agenda and remarks, who came, what was decided."""

    def get_queryset(self):
        user = self.request.user
        return Meeting.objects.visible_to(user).with_programme(user)

    def get_context_data(self, **kwargs):
        meeting = self.object
        carried_over = (
            ActionPoint.objects.outstanding_at(meeting)
            .filter(meeting__in=Meeting.objects.visible_to(self.request.user))
            .select_related("meeting", "responsible")
            .order_by("meeting__start", "order")
        )
        return super().get_context_data(
            carried_over=carried_over,
            outcomes=[a for a in meeting.action_points.all() if not a.is_action],
            actions=[a for a in meeting.action_points.all() if a.is_action],
            **kwargs,
        )


class MeetingPrintView(MeetingDetailView):
    """The meeting told as a news item, from the data, with a print stylesheet."""

    template_name = "meetings/meeting_print.html"

    def get_context_data(self, **kwargs):
        page_url = self.request.build_absolute_uri(self.object.get_absolute_url())
        return super().get_context_data(page_url=page_url, **kwargs)


def meeting_ics(request, slug):
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user), slug=slug)
    body = build_calendar([meeting], request, name=meeting.title)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{meeting.slug}.ics"'
    return response


def meeting_feed(request):
    """A subscription feed of every public meeting, the same for everyone."""
    meetings = Meeting.objects.public().order_by("start")
    name = _("%(network)s: meetings") % {"network": settings.UNNM_NETWORK_SHORT_NAME}
    body = build_calendar(meetings, request, name=name)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
