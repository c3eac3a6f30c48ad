"""The site's own pages, which belong to no one app: the home page, the privacy notice, health."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from meetings.models import Meeting
from unnm.pagecache import depends_on


@depends_on("meetings", "members")
class HomeView(TemplateView):
    """A partner's landing page: what the network is, what is coming up, what happened."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        meetings = Meeting.objects.public().select_related("organiser").with_rsvp_open()
        return super().get_context_data(
            upcoming_meetings=meetings.upcoming()[:3],
            recent_meetings=meetings.past()[:3],
            **kwargs,
        )


@depends_on()  # the settings alone
class PrivacyNoticeView(TemplateView):
    """The privacy notice: who keeps which personal data, why, for how long, and people's rights."""

    template_name = "privacy.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["retention_months"] = settings.UNNM_RSVP_RETENTION_MONTHS
        return context


@never_cache
@require_safe
def health(request):
    """For a load balancer: 200 when the application can query its database, 503 when not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
